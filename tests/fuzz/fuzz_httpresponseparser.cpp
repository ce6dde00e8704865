// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the HTTP response parser must never crash, hang or over-read, whatever the
// bytes and however they are split.
#include "engine/httpresponseparser.h"

#include <cstdint>
#include <cstdlib>

using DevDock::Core::HttpResponseParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    // The first byte picks the split pattern, the rest is the response.
    const size_t step = 1 + (data[0] % 64);
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1),
                               static_cast<qsizetype>(size - 1));
    qint64 delivered = 0;
    HttpResponseParser parser({{}, [&](QByteArrayView body) { delivered += body.size(); }});
    qsizetype pos = 0;
    auto status = HttpResponseParser::Status::NeedMore;
    while (pos < bytes.size() && status == HttpResponseParser::Status::NeedMore) {
        const qsizetype take =
            std::min<qsizetype>(static_cast<qsizetype>(step), bytes.size() - pos);
        qsizetype consumed = 0;
        status = parser.feed(bytes.sliced(pos, take), &consumed);
        if (consumed > take) {
            std::abort();
        }
        pos += take;
    }
    if (status == HttpResponseParser::Status::NeedMore) {
        parser.finish();
    }
    if (delivered != parser.bodyBytes() || delivered > bytes.size()) {
        std::abort();
    }
    return 0;
}
