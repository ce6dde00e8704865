// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

namespace DevDock::Core {
class ProjectRuntime;
class Workspace;
} // namespace DevDock::Core

namespace DevDock::Ui {

class MainWindow;
class TrayController;

// Connects the tray to the window's workspace: every project's summary (added, changed, removed)
// goes to the tray, the services of the project on screen too, and the alerts of every open
// project (LiveState's) and of every other one (the Workspace's, from the engine's events); the tray's requests go to Workspace::start/stop/setActive, to the project's
// StackController for one service, and to the window to show it or its logs.
class TrayWindowBinding final : public QObject
{
    Q_OBJECT
public:
    TrayWindowBinding(MainWindow *window, TrayController *tray, QObject *parent = nullptr);

private:
    void watchAlerts(const QString &id);
    void follow(Core::ProjectRuntime *runtime);
    Core::ProjectRuntime *runtime(const QString &id) const;
    void showWindow();
    void showProject(const QString &id);

    QPointer<MainWindow> m_window;
    Core::Workspace *m_workspace;
    TrayController *m_tray;
    QObject *m_follow = nullptr;                                   // connections to the shown runtime
    QHash<QString, QPointer<Core::ProjectRuntime>> m_alertsOf; // runtimes whose alerts reach the tray
};

} // namespace DevDock::Ui
