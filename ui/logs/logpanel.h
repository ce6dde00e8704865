// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "logrows.h"
#include "util/result.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

namespace DevDock::Ui {

class LogView;

// The logs of the project: a merged view with per-service toggles (or one service), search
// (plain, regex, case) off the GUI thread with its match count, highlight, next and previous and
// a filter mode, a level filter, timestamps, wrap, follow, copy, export and clear.
class LogPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit LogPanel(Core::ProjectLogs *logs, QWidget *parent = nullptr);
    ~LogPanel() override;

    LogView *view() const { return m_view; }
    LogRows *rows() const { return m_rows.get(); }

    // Only this service (empty: all of them).
    void showOnly(const QString &service);
    // Shows or hides a service: every container it had (recreated ones, replicas), and the
    // containers it gets later.
    void setServiceVisible(const QString &service, bool visible);
    // The service of this source, as setServiceVisible.
    void setSourceVisible(int source, bool visible);
    // The Services menu: "All services", then one entry per service.
    QMenu *servicesMenu() const;
    void search(const Core::LogQuery &query);
    void setFilterMode(bool on);
    void setMinimumLevel(Core::LogLevel level);
    qint64 matchCount() const { return m_matches ? qint64(m_matches->size()) : 0; }
    bool isSearching() const { return m_searching; }
    void nextMatch();
    void previousMatch();
    qint64 currentMatch() const { return m_current; }
    // Writes the lines as `docker compose logs -t` does ("api-1 | <engine timestamp> <raw bytes>",
    // no timestamp when the engine gave none), a newline after each: the rows shown, or every line of
    // the visible sources. Off the GUI thread; `done` reports the line count.
    void exportTo(const QString &path, bool wholeStore, std::function<void(Core::Result<qint64>)> done);
    void clear();

signals:
    void searchFinished(qint64 matches);

private:
    void onLinesAdded();
    void runSearch();
    void rebuildSourceMenu();
    void applyHiddenServices();
    void updateMenuChecks();
    void updateMatchLabel();

    Core::ProjectLogs *m_logs;
    std::unique_ptr<LogRows> m_rows;
    LogView *m_view;
    QLineEdit *m_searchField;
    QCheckBox *m_regex;
    QCheckBox *m_case;
    QCheckBox *m_filter;
    QLabel *m_matchLabel;
    QComboBox *m_level;
    QToolButton *m_sources;
    QToolButton *m_follow;
    QSet<QString> m_hiddenServices;
    Core::LogQuery m_query;
    std::shared_ptr<std::vector<qint64>> m_matches;
    qint64 m_current = -1;
    QFutureWatcher<Core::Result<std::vector<qint64>>> m_searchWatcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_searching = false;
    bool m_searchAgain = false;
};

} // namespace DevDock::Ui
