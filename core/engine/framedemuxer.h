// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

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
    bool feed(QByteArrayView data, const Sink &sink);
    // End of input: false when it ended inside a frame.
    bool finish();
    void reset();

    bool atFrameBoundary() const { return m_headerFill == 0 && m_remaining == 0; }
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    std::array<char, 8> m_header{};
    int m_headerFill = 0;
    quint32 m_remaining = 0;
    Stream m_stream = Stream::Stdout;
    QString m_error;
};

} // namespace DevDock::Core
