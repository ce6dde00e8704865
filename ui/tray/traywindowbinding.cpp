// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traywindowbinding.h"

#include "mainwindow.h"
#include "traycontroller.h"

#include "stack/livestate.h"
#include "stack/projectsession.h"
#include "stack/stackcontroller.h"

#include <QFileInfo>

namespace DevDock::Ui {

TrayWindowBinding::TrayWindowBinding(MainWindow *window, TrayController *tray, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_tray(tray)
{
    Core::ProjectSession *session = window->session();
    connect(session->liveState(), &Core::LiveState::servicesChanged, this,
            &TrayWindowBinding::publish);
    connect(session, &Core::ProjectSession::loadStarted, this, [this] {
        m_loading = true;
        m_loadError.clear();
        publish();
    });
    connect(session, &Core::ProjectSession::loadFailed, this, [this](const Core::Error &error) {
        m_loading = false;
        m_loadError = error.message;
        publish();
    });
    connect(session, &Core::ProjectSession::loaded, this, [this] {
        m_loading = false;
        publish();
    });
    connect(window, &MainWindow::projectLoaded, this, &TrayWindowBinding::publish);
    connect(window, &MainWindow::engineAvailabilityChanged, this, &TrayWindowBinding::publish);
    connect(window, &MainWindow::serviceAlert, this, [this](const Core::ServiceAlert &alert) {
        if (!m_id.isEmpty()) {
            m_tray->notifyAlert(m_id, alert);
        }
    });

    connect(tray, &TrayController::showWindowRequested, this, &TrayWindowBinding::showWindow);
    connect(tray, &TrayController::openProjectRequested, this, [this](const QString &id) {
        if (isOpenProject(id)) {
            showWindow();
        }
    });
    connect(tray, &TrayController::startProjectRequested, this, [this](const QString &id) {
        if (isOpenProject(id)) {
            m_window->session()->controller()->up();
        }
    });
    connect(tray, &TrayController::stopProjectRequested, this, [this](const QString &id) {
        if (isOpenProject(id)) {
            m_window->session()->controller()->down(false);
        }
    });
    connect(tray, &TrayController::startServiceRequested, this,
            [this](const QString &id, const QString &service) {
                if (isOpenProject(id)) {
                    m_window->session()->controller()->startWithDependencies({service});
                }
            });
    connect(tray, &TrayController::stopServiceRequested, this,
            [this](const QString &id, const QString &service) {
                if (isOpenProject(id)) {
                    m_window->session()->controller()->stop({service});
                }
            });
    connect(tray, &TrayController::restartServiceRequested, this,
            [this](const QString &id, const QString &service) {
                if (isOpenProject(id)) {
                    m_window->session()->controller()->restart({service});
                }
            });
    connect(tray, &TrayController::openLogsRequested, this,
            [this](const QString &id, const QString &service) {
                if (isOpenProject(id)) {
                    showWindow();
                    m_window->showLogs(service);
                }
            });
    // With a tray, closing the window keeps DevDock running.
    window->setCloseToTray(tray->isVisible());
    publish();
}

bool TrayWindowBinding::isOpenProject(const QString &id) const
{
    return m_window && !id.isEmpty() && id == m_id;
}

void TrayWindowBinding::showWindow()
{
    if (m_window) {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
}

void TrayWindowBinding::countServices(const QList<Core::ServiceState> &services,
                                      Core::ProjectSummary &summary)
{
    using S = Core::ServiceStatus;
    summary.known = true;
    summary.servicesTotal = 0;
    summary.servicesUp = summary.unhealthy = summary.exited = summary.starting = 0;
    for (const Core::ServiceState &s : services) {
        if (!s.inModel && s.containers.isEmpty()) {
            continue;
        }
        ++summary.servicesTotal;
        switch (s.status) {
        case S::Unknown:
            summary.known = false;
            break;
        case S::Healthy:
        case S::Running:
            ++summary.servicesUp;
            break;
        case S::Unhealthy:
            ++summary.unhealthy;
            break;
        case S::Starting:
            ++summary.starting;
            break;
        case S::Exited:
        case S::Dead:
        case S::Restarting:
            // Code 0 is a job that finished, or a deliberate stop: not a failure.
            if (!s.containers.isEmpty() && !(s.status == S::Exited && s.exitCode == 0)) {
                ++summary.exited;
            }
            break;
        default:
            break;
        }
    }
}

Core::ProjectSummary TrayWindowBinding::summary() const
{
    Core::ProjectSummary summary;
    if (!m_window) {
        return summary;
    }
    Core::ProjectSession *session = m_window->session();
    if (session->directory().isEmpty()) {
        return summary;
    }
    summary.id = session->directory();
    summary.directory = session->directory();
    summary.files = session->files();
    summary.name =
        session->isLoaded() ? session->project().name : QFileInfo(session->directory()).fileName();
    summary.open = true;
    summary.active = true;
    summary.loading = m_loading;
    summary.loadError = m_loadError;
    summary.engineReachable = m_window->engineUnavailableReason().isEmpty();
    countServices(session->liveState()->services(), summary);
    return summary;
}

void TrayWindowBinding::publish()
{
    if (!m_window) {
        return;
    }
    const Core::ProjectSummary current = summary();
    if (current.id != m_id && !m_id.isEmpty()) {
        m_tray->removeProject(m_id);
    }
    m_id = current.id;
    if (m_id.isEmpty()) {
        return;
    }
    m_tray->updateProject(current);
    m_tray->setActiveServices(m_id, m_window->session()->liveState()->services());
}

} // namespace DevDock::Ui
