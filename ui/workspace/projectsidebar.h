// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/projectsummary.h"

#include <QStyle>
#include <QWidget>

class QAction;
class QListView;
class QMenu;
class QToolButton;

namespace DevDock::Ui {

class ProjectListModel;

// Every workspace project with its live state chip: pinned first, then the open ones, then the
// recent and discovered ones. Selecting a project asks for it on screen; the buttons act on the
// selected project, the context menu on the one under the pointer. It only asks (signals with
// the project id); Workspace does it and sends the new summaries back.
class ProjectSidebar final : public QWidget
{
    Q_OBJECT
public:
    explicit ProjectSidebar(QWidget *parent = nullptr);

    ProjectListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QString selectedId() const;
    // Wide enough for every chip's words in the current language (German ones are the longest)
    // and the row of buttons.
    QSize sizeHint() const override;

    // Ctrl+1 … Ctrl+9 (the n-th project of the list), Ctrl+Tab and Ctrl+Shift+Tab (the next and
    // previous open project in list order, wrapping); the window adds them so they work
    // wherever the focus is.
    QList<QAction *> shortcutActions() const { return m_shortcuts; }
    // The actions for one project, as the context menu offers them.
    QMenu *createContextMenu(const QString &id, QWidget *parent);

    // The docker contexts a project may run on (the context menu's "Engine" entries).
    void setEngines(const QStringList &engines) { m_engines = engines; }
    void setProjects(const QList<DevDock::Core::ProjectSummary> &projects);
    void updateProject(const DevDock::Core::ProjectSummary &project);
    void removeProject(const QString &id);

signals:
    void activateRequested(const QString &id);
    void startRequested(const QString &id);
    void stopRequested(const QString &id);
    void closeRequested(const QString &id);
    void pinRequested(const QString &id, bool pinned);
    void removeRequested(const QString &id);
    void engineRequested(const QString &id, const QString &engine);
    // "Run branch alongside…" on a project; "Tear down twin…" on a twin's row.
    void runTwinRequested(const QString &id);
    void tearDownTwinRequested(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildShortcuts();
    // The selection follows the project on screen (without asking for it again).
    void followActive();
    void updateButtons();
    void activateRow(int row);
    void step(int direction);
    QAction *makeAction(const QString &key, const QString &text, const QString &description,
                        const char *icon, QStyle::StandardPixmap fallback);

    ProjectListModel *m_model;
    QListView *m_view;
    QAction *m_start;
    QAction *m_stop;
    QAction *m_open;
    QAction *m_close;
    QAction *m_pin;
    QAction *m_remove;
    QList<QAction *> m_shortcuts;
    QStringList m_engines;
    bool m_following = false;
    QWidget *m_buttons = nullptr;
};

} // namespace DevDock::Ui
