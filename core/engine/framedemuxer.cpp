// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "framedemuxer.h"

namespace DevDock::Core {

void FrameDemuxer::reset()
{
    m_headerFill = 0;
    m_remaining = 0;
    m_stream = Stream::Stdout;
    m_error.clear();
}

bool FrameDemuxer::failHeader()
{
    m_error = QStringLiteral("Malformed stream frame header (stream type %1): the stream "
                             "is not multiplexed")
                  .arg(static_cast<quint8>(m_header[0]));
    return false;
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
