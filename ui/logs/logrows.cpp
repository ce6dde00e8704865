// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logrows.h"

#include <algorithm>

namespace DevDock::Ui {

namespace {

int rank(Core::LogLevel level)
{
    switch (level) {
    case Core::LogLevel::Error: return 4;
    case Core::LogLevel::Warning: return 3;
    case Core::LogLevel::Info: return 2;
    case Core::LogLevel::Debug: return 1;
    case Core::LogLevel::Unknown: break;
    }
    return 0;
}

} // namespace

LogRows::LogRows(const Core::ProjectLogs *logs)
    : m_logs(logs)
{
    rebuild();
}

void LogRows::setHiddenSources(const QSet<int> &hidden)
{
    m_hidden = hidden;
    rebuild();
}

void LogRows::setMinimumLevel(Core::LogLevel level)
{
    m_minimum = level;
    rebuild();
}

void LogRows::setOnly(std::optional<std::vector<qint64>> only)
{
    m_only = std::move(only);
    rebuild();
}

bool LogRows::passes(qint64 merged) const
{
    const Core::ProjectLogs::Ref ref = m_logs->merged(merged);
    if (m_hidden.contains(ref.source)) {
        return false;
    }
    if (m_minimum != Core::LogLevel::Unknown) {
        const Core::LogLine line = m_logs->line(ref);
        if (line.stream != Core::ProjectLogs::MarkerStream
            && rank(Core::recogniseLevel(line.bytes)) < rank(m_minimum)) {
            return false;
        }
    }
    return true;
}

void LogRows::rebuild()
{
    m_rows.clear();
    m_first = m_logs->mergedFirst();
    m_seenEnd = m_first;
    sync();
}

qint64 LogRows::sync()
{
    const qint64 first = m_logs->mergedFirst();
    const qint64 end = m_logs->mergedEnd();
    qint64 dropped = 0;
    if (!isFiltered()) {
        dropped = std::max<qint64>(0, first - m_first);
        m_first = first;
        m_seenEnd = end;
        return dropped;
    }
    // Evicted rows fall off the front.
    const auto keep = std::lower_bound(m_rows.begin(), m_rows.end(), first);
    dropped = keep - m_rows.begin();
    m_rows.erase(m_rows.begin(), keep);
    if (m_only) {
        // A search result: new lines are not part of it until the search runs again.
        if (m_rows.empty() && m_seenEnd == m_first) {
            for (const qint64 merged : *m_only) {
                if (merged >= first && merged < end && passes(merged)) {
                    m_rows.push_back(merged);
                }
            }
        }
        m_seenEnd = end;
        return dropped;
    }
    for (qint64 merged = std::max(m_seenEnd, first); merged < end; ++merged) {
        if (passes(merged)) {
            m_rows.push_back(merged);
        }
    }
    m_seenEnd = end;
    return dropped;
}

qint64 LogRows::count() const
{
    return isFiltered() ? qint64(m_rows.size()) : m_seenEnd - m_first;
}

qint64 LogRows::mergedIndex(qint64 row) const
{
    return isFiltered() ? m_rows.at(size_t(row)) : m_first + row;
}

qint64 LogRows::rowOfMerged(qint64 merged) const
{
    if (!isFiltered()) {
        return merged >= m_first && merged < m_seenEnd ? merged - m_first : -1;
    }
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), merged);
    return it != m_rows.end() && *it == merged ? it - m_rows.begin() : -1;
}

} // namespace DevDock::Ui
