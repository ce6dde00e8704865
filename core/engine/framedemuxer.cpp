// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "framedemuxer.h"

#include <algorithm>

namespace DevDock::Core {

void FrameDemuxer::reset()
{
    m_headerFill = 0;
    m_remaining = 0;
    m_stream = Stream::Stdout;
    m_error.clear();
}

bool FrameDemuxer::feed(QByteArrayView data, const Sink &sink)
{
    if (hasError()) {
        return false;
    }
    qsizetype pos = 0;
    const qsizetype size = data.size();
    while (pos < size) {
        if (m_remaining > 0) {
            const qsizetype take = std::min<qsizetype>(m_remaining, size - pos);
            sink(m_stream, data.sliced(pos, take));
            pos += take;
            m_remaining -= static_cast<quint32>(take);
            continue;
        }
        const int need = 8 - m_headerFill;
        const qsizetype take = std::min<qsizetype>(need, size - pos);
        std::copy_n(data.data() + pos, take, m_header.data() + m_headerFill);
        m_headerFill += static_cast<int>(take);
        pos += take;
        if (m_headerFill < 8) {
            break;
        }
        m_headerFill = 0;
        const auto type = static_cast<quint8>(m_header[0]);
        if (type > 3 || m_header[1] != 0 || m_header[2] != 0 || m_header[3] != 0) {
            m_error = QStringLiteral("Malformed stream frame header (stream type %1): the stream "
                                     "is not multiplexed")
                          .arg(type);
            return false;
        }
        m_stream = static_cast<Stream>(type);
        m_remaining = (quint32(quint8(m_header[4])) << 24) | (quint32(quint8(m_header[5])) << 16)
                      | (quint32(quint8(m_header[6])) << 8) | quint32(quint8(m_header[7]));
    }
    return true;
}

bool FrameDemuxer::finish()
{
    if (hasError()) {
        return false;
    }
    if (!atFrameBoundary()) {
        m_error = QStringLiteral("Stream ended inside a frame (truncated)");
        return false;
    }
    return true;
}

} // namespace DevDock::Core
