// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <algorithm>
#include <array>
#include <functional>

namespace DevDock::Core {

// Splits the engine's multiplexed stream (logs and attach/exec of containers without a TTY) into
// stdout, stderr and system-error payloads. Each frame is an 8-byte header — stream type, three
// zero bytes, a big-endian 32-bit payload length — followed by the payload. Frames may be split
// anywhere across feeds; payload bytes are handed on as soon as they arrive (a frame's payload may
// thus arrive in several pieces). Pure state machine, unit tested and fuzzed.
class FrameDemuxer
{
public:
    enum class Stream : quint8 { Stdin = 0, Stdout = 1, Stderr = 2, SystemError = 3 };
    using Sink = std::function<void(Stream, QByteArrayView)>;

    // Returns false on a malformed header (after which every feed fails); see errorString().
    // `sink` is any callable taking (Stream, QByteArrayView): called inline, once per piece of
    // payload (logs arrive as one frame per line, so this is the hot loop of log ingest).
    template <typename F>
    bool feed(QByteArrayView data, F &&sink);
    // End of input: false when it ended inside a frame.
    bool finish();
    void reset();

    bool atFrameBoundary() const { return m_headerFill == 0 && m_remaining == 0; }
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    // m_header is complete: check it, set the stream and the length.
    bool takeHeader()
    {
        const auto type = static_cast<quint8>(m_header[0]);
        if (type > 3 || m_header[1] != 0 || m_header[2] != 0 || m_header[3] != 0) [[unlikely]] {
            return failHeader();
        }
        m_stream = static_cast<Stream>(type);
        m_remaining = (quint32(quint8(m_header[4])) << 24) | (quint32(quint8(m_header[5])) << 16)
                      | (quint32(quint8(m_header[6])) << 8) | quint32(quint8(m_header[7]));
        return true;
    }
    bool failHeader();

    std::array<char, 8> m_header{};
    int m_headerFill = 0;
    quint32 m_remaining = 0;
    Stream m_stream = Stream::Stdout;
    QString m_error;
};

template <typename F>
bool FrameDemuxer::feed(QByteArrayView data, F &&sink)
{
    if (hasError()) {
        return false;
    }
    const char *p = data.data();
    const char *const end = p + data.size();
    while (p < end) {
        if (m_remaining > 0) {
            const qsizetype take = std::min<qsizetype>(m_remaining, end - p);
            sink(m_stream, QByteArrayView(p, take));
            p += take;
            m_remaining -= static_cast<quint32>(take);
            continue;
        }
        __builtin_prefetch(p + 1024);
        if (m_headerFill == 0 && end - p >= 8) {
            std::copy_n(p, 8, m_header.data()); // the common case: a whole header in this piece
            p += 8;
        } else {
            const qsizetype take = std::min<qsizetype>(8 - m_headerFill, end - p);
            std::copy_n(p, take, m_header.data() + m_headerFill);
            m_headerFill += static_cast<int>(take);
            p += take;
            if (m_headerFill < 8) {
                break;
            }
            m_headerFill = 0;
        }
        if (!takeHeader()) {
            return false;
        }
    }
    return true;
}

} // namespace DevDock::Core
