// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the hijacked-connection parser must never crash, never hand out more stream
// bytes than it got, and its result must not depend on how the input is split.
#include "engine/hijackparser.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using DevDock::Core::HijackParser;

namespace {

QByteArray run(QByteArrayView bytes, qsizetype step, HijackParser::State &state, QByteArray &body)
{
    QByteArray out;
    HijackParser parser;
    for (qsizetype pos = 0; pos < bytes.size(); pos += step) {
        parser.feed(bytes.sliced(pos, std::min(step, bytes.size() - pos)),
                    [&out](QByteArrayView b) { out.append(b); });
    }
    state = parser.finish();
    body = parser.refusalBody();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    const qsizetype step = 1 + (data[0] % 32);
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1),
                               static_cast<qsizetype>(size - 1));
    HijackParser::State wholeState{};
    HijackParser::State splitState{};
    QByteArray wholeBody;
    QByteArray splitBody;
    const QByteArray whole = run(bytes, bytes.size() + 1, wholeState, wholeBody);
    const QByteArray split = run(bytes, step, splitState, splitBody);
    if (whole != split || wholeState != splitState || wholeBody != splitBody
        || whole.size() > bytes.size()) {
        std::abort();
    }
    return 0;
}
