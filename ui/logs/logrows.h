// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "logs/loglevel.h"
#include "logs/logsearch.h"
#include "logs/projectlogs.h"

#include <QSet>

#include <vector>

namespace DevDock::Ui {

// The rows a log view shows: the project's merged lines, narrowed by the services switched on,
// a minimum level, and (in filter mode) the lines a search matched. Kept incrementally: new lines
// are appended as they arrive, evicted ones fall off the front.
class LogRows
{
public:
    explicit LogRows(const Core::ProjectLogs *logs);

    void setHiddenSources(const QSet<int> &hidden);
    const QSet<int> &hiddenSources() const { return m_hidden; }
    // Lines below this level are hidden; Unknown shows everything (lines without a level too).
    void setMinimumLevel(Core::LogLevel level);
    Core::LogLevel minimumLevel() const { return m_minimum; }
    // Only these merged indices (a search's matches), or everything when empty.
    void setOnly(std::optional<std::vector<qint64>> only);
    bool isFiltered() const { return !m_hidden.isEmpty() || m_minimum != Core::LogLevel::Unknown || m_only.has_value(); }

    // Catches up with the logs (new lines, eviction). Returns how many rows fell off the front.
    qint64 sync();
    void rebuild();

    qint64 count() const;
    qint64 mergedIndex(qint64 row) const; // the merged index of a row
    qint64 rowOfMerged(qint64 merged) const; // the row showing a merged index, or -1
    Core::ProjectLogs::Ref ref(qint64 row) const { return m_logs->merged(mergedIndex(row)); }

private:
    bool passes(qint64 merged) const;

    const Core::ProjectLogs *m_logs;
    QSet<int> m_hidden;
    Core::LogLevel m_minimum = Core::LogLevel::Unknown;
    std::optional<std::vector<qint64>> m_only;
    std::vector<qint64> m_rows; // used when filtered
    qint64 m_seenEnd = 0;       // merged index up to which lines were looked at
    qint64 m_first = 0;         // unfiltered: the first merged index shown
};

} // namespace DevDock::Ui
