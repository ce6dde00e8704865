// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traywindowbinding.h"

#include "mainwindow.h"
#include "traycontroller.h"

#include "stack/livestate.h"
#include "stack/stackcontroller.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"

namespace DevDock::Ui {

TrayWindowBinding::TrayWindowBinding(MainWindow *window, TrayController *tray, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_workspace(window->workspace())
    , m_tray(tray)
{
    auto changed = [this](const Core::ProjectSummary &summary) {
        m_tray->updateProject(summary);
        watchAlerts(summary.id);
    };
    connect(m_workspace, &Core::Workspace::projectAdded, this, changed);
    connect(m_workspace, &Core::Workspace::projectChanged, this, changed);
    connect(m_workspace, &Core::Workspace::projectRemoved, tray, &TrayController::removeProject);
    connect(window, &MainWindow::activeRuntimeChanged, this, &TrayWindowBinding::follow);
    // Projects without a runtime (a stack started in a terminal, a closed one) alert too.
    connect(m_workspace, &Core::Workspace::serviceAlert, tray,
            [tray](const QString &id, const Core::ServiceAlert &alert) { tray->notifyAlert(id, alert); });

    connect(tray, &TrayController::showWindowRequested, this, &TrayWindowBinding::showWindow);
    connect(tray, &TrayController::openProjectRequested, this, &TrayWindowBinding::showProject);
    connect(tray, &TrayController::startProjectRequested, m_workspace,
            qOverload<const QString &>(&Core::Workspace::start));
    connect(tray, &TrayController::stopProjectRequested, m_workspace, &Core::Workspace::stop);
    connect(tray, &TrayController::startServiceRequested, this,
            [this](const QString &id, const QString &service) {
                if (Core::ProjectRuntime *r = runtime(id)) {
                    r->controller()->startWithDependencies({service});
                }
            });
    connect(tray, &TrayController::stopServiceRequested, this,
            [this](const QString &id, const QString &service) {
                if (Core::ProjectRuntime *r = runtime(id)) {
                    r->controller()->stop({service});
                }
            });
    connect(tray, &TrayController::restartServiceRequested, this,
            [this](const QString &id, const QString &service) {
                if (Core::ProjectRuntime *r = runtime(id)) {
                    r->controller()->restart({service});
                }
            });
    connect(tray, &TrayController::openLogsRequested, this,
            [this](const QString &id, const QString &service) {
                showProject(id);
                if (m_window && runtime(id) != nullptr) {
                    m_window->showLogs(service);
                }
            });
    // With a tray, closing the window keeps DevDock running.
    window->setCloseToTray(tray->isVisible());

    const QList<Core::ProjectSummary> projects = m_workspace->projects();
    tray->setProjects(projects);
    for (const Core::ProjectSummary &p : projects) {
        watchAlerts(p.id);
    }
    follow(window->activeRuntime());
}

Core::ProjectRuntime *TrayWindowBinding::runtime(const QString &id) const
{
    return id.isEmpty() ? nullptr : m_workspace->runtime(id);
}

void TrayWindowBinding::watchAlerts(const QString &id)
{
    Core::ProjectRuntime *r = runtime(id);
    if (r == nullptr || m_alertsOf.value(id) == r) {
        return;
    }
    m_alertsOf.insert(id, r);
    // Alerts of every open project, on screen or not.
    connect(r->liveState(), &Core::LiveState::alertRaised, this,
            [this, id](const Core::ServiceAlert &alert) { m_tray->notifyAlert(id, alert); });
}

void TrayWindowBinding::follow(Core::ProjectRuntime *runtime)
{
    delete m_follow;
    m_follow = new QObject(this);
    if (runtime == nullptr) {
        m_tray->setActiveServices(QString(), {});
        return;
    }
    const QString id = runtime->id();
    m_tray->setActiveServices(id, runtime->liveState()->services());
    connect(runtime->liveState(), &Core::LiveState::servicesChanged, m_follow,
            [this, id](const QList<Core::ServiceState> &services) {
                m_tray->setActiveServices(id, services);
            });
    watchAlerts(id);
}

void TrayWindowBinding::showWindow()
{
    if (m_window) {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
}

void TrayWindowBinding::showProject(const QString &id)
{
    if (runtime(id) != nullptr) {
        m_workspace->setActive(id);
    } else {
        // Remembered or discovered: open it from its folder (it goes on screen once loaded).
        for (const Core::ProjectSummary &p : m_workspace->projects()) {
            if (p.id == id && !p.directory.isEmpty() && m_window) {
                m_window->openProject(p.directory, p.files);
            }
        }
    }
    showWindow();
}

} // namespace DevDock::Ui
