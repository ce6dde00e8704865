// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stack/servicestate.h"
#include "workspace/projectsummary.h"

#include <QObject>
#include <QPointer>

namespace DevDock::Ui {

class MainWindow;
class TrayController;

// Connects the tray to the window's one open project until the window shows a Workspace: the
// project's summary and services go to the tray, the tray's requests for that project go to its
// StackController and to the window. With a Workspace, the tray's slots take
// Workspace::projectAdded/projectChanged/projectRemoved instead and its requests go to
// Workspace::start/stop/setActive.
class TrayWindowBinding final : public QObject
{
    Q_OBJECT
public:
    TrayWindowBinding(MainWindow *window, TrayController *tray, QObject *parent = nullptr);

    // The summary of the open project as the tray shows it (empty id: nothing is open).
    Core::ProjectSummary summary() const;
    // Counts of a project's services the way ProjectSummary keeps them.
    static void countServices(const QList<Core::ServiceState> &services,
                              Core::ProjectSummary &summary);

private:
    void publish();
    bool isOpenProject(const QString &id) const;
    void showWindow();

    QPointer<MainWindow> m_window;
    TrayController *m_tray;
    QString m_id; // the project the tray knows, to remove it when another one opens
    bool m_loading = false;
    QString m_loadError;
};

} // namespace DevDock::Ui
