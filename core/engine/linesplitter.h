// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace DevDock::Core {

// Splits a byte stream into '\n'-terminated lines (JSON-lines streams: events, stats). A partial
// line waits for the next feed; an over-long line is an error rather than unbounded memory.
class LineSplitter
{
public:
    explicit LineSplitter(qsizetype maxLine = 16 * 1024 * 1024)
        : m_maxLine(maxLine)
    {}

    // Returns false if a line grew beyond the limit.
    bool feed(QByteArrayView data, const std::function<void(QByteArrayView)> &line)
    {
        qsizetype pos = 0;
        while (pos < data.size()) {
            const qsizetype nl = data.indexOf('\n', pos);
            if (nl < 0) {
                m_partial.append(data.sliced(pos));
                return m_partial.size() <= m_maxLine;
            }
            if (m_partial.isEmpty()) {
                line(data.sliced(pos, nl - pos));
            } else {
                m_partial.append(data.sliced(pos, nl - pos));
                const QByteArray complete = std::exchange(m_partial, {});
                line(complete);
            }
            pos = nl + 1;
        }
        return true;
    }
    QByteArray takeRemainder() { return std::exchange(m_partial, {}); }
    void reset() { m_partial.clear(); }

private:
    QByteArray m_partial;
    qsizetype m_maxLine;
};

} // namespace DevDock::Core
