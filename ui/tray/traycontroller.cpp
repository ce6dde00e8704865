// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traycontroller.h"

#include "mainwindow.h"

#include "stack/livestate.h"
#include "workspace/projectruntime.h"
#include "stack/stackcontroller.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace DevDock::Ui {

namespace {

constexpr int PerServiceSeconds = 60;
constexpr int MaxPerMinute = 5;

} // namespace

TrayController::TrayController(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_menu(new QMenu)
{
    m_menu->setAccessibleName(tr("DevDock tray menu"));
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(iconFor(Overall::Idle), this);
        m_tray->setContextMenu(m_menu);
        m_tray->setToolTip(tr("DevDock"));
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason r) {
                    if (r == QSystemTrayIcon::Trigger && m_window) {
                        m_window->showNormal();
                        m_window->raise();
                        m_window->activateWindow();
                    }
                });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->activateWindow();
                m_window->selectService(m_lastService);
            }
        });
        m_tray->show();
        window->setCloseToTray(true);
    }
    // The services of the project on screen, whichever it is.
    auto follow = [this](Core::ProjectRuntime *runtime) {
        delete m_follow;
        m_follow = new QObject(this);
        update(runtime ? runtime->liveState()->services() : QList<Core::ServiceState>());
        if (runtime) {
            connect(runtime->liveState(), &Core::LiveState::servicesChanged, m_follow,
                    [this](const QList<Core::ServiceState> &services) { update(services); });
        }
        rebuildMenu();
    };
    connect(window, &MainWindow::activeRuntimeChanged, this, follow);
    follow(window->activeRuntime());
    connect(window, &MainWindow::serviceAlert, this, &TrayController::notify);
    connect(window, &MainWindow::projectLoaded, this, &TrayController::rebuildMenu);
    connect(window, &MainWindow::engineAvailabilityChanged, this, &TrayController::rebuildMenu);
    rebuildMenu();
}

TrayController::~TrayController()
{
    delete m_menu;
}

bool TrayController::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

TrayController::Overall TrayController::overallOf(const QList<Core::ServiceState> &services)
{
    using S = Core::ServiceStatus;
    Overall overall = Overall::Idle;
    for (const Core::ServiceState &s : services) {
        if (s.status == S::Unknown) {
            return Overall::Unknown; // LiveState makes every service unknown at once
        }
        if (s.status == S::Exited || s.status == S::Dead || s.status == S::Restarting) {
            if (!s.containers.isEmpty() && !(s.status == S::Exited && s.exitCode == 0)) {
                return Overall::Failing;
            }
        } else if (s.status == S::Unhealthy || s.status == S::Starting) {
            overall = Overall::Degraded;
        } else if (s.isUp() && overall == Overall::Idle) {
            overall = Overall::Healthy;
        }
    }
    return overall;
}

QIcon TrayController::iconFor(Overall overall)
{
    // Colour and shape: a filled circle (healthy), a triangle (degraded), a square (failing),
    // a ring (idle).
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x20, 0x20, 0x20), 4));
    switch (overall) {
    case Overall::Healthy:
        p.setBrush(QColor(0x00, 0x9E, 0x73));
        p.drawEllipse(QRectF(6, 6, 52, 52));
        break;
    case Overall::Degraded: {
        p.setBrush(QColor(0xE6, 0x9F, 0x00));
        const QPointF triangle[] = {{32, 4}, {60, 58}, {4, 58}};
        p.drawPolygon(triangle, 3);
        break;
    }
    case Overall::Failing:
        p.setBrush(QColor(0xD5, 0x5E, 0x00));
        p.drawRect(QRectF(8, 8, 48, 48));
        break;
    case Overall::Idle:
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0x99, 0x99, 0x99), 8));
        p.drawEllipse(QRectF(8, 8, 48, 48));
        break;
    case Overall::Unknown: {
        // A dotted ring with a question mark: not idle, not failing, simply not known.
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0x6E, 0x6E, 0x6E), 6, Qt::DotLine));
        p.drawEllipse(QRectF(8, 8, 48, 48));
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(34);
        p.setFont(font);
        p.setPen(QColor(0x6E, 0x6E, 0x6E));
        p.drawText(QRectF(0, 0, 64, 64), Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    }
    return QIcon(pixmap);
}

void TrayController::update(const QList<Core::ServiceState> &services)
{
    const Overall overall = overallOf(services);
    if (overall != m_overall && m_tray) {
        m_tray->setIcon(iconFor(overall));
    }
    m_overall = overall;
    // LiveState reports every health probe; the menu shows names and states only, so it is
    // rebuilt when one of those changes.
    auto summary = [](const QList<Core::ServiceState> &list) {
        QList<QPair<QString, Core::ServiceStatus>> pairs;
        for (const Core::ServiceState &s : list) {
            pairs.append({s.name, s.status});
        }
        return pairs;
    };
    const bool changed = summary(services) != summary(m_services);
    m_services = services;
    if (changed) {
        rebuildMenu();
    }
}

void TrayController::rebuildMenu()
{
    m_menu->clear();
    if (!m_window) {
        return;
    }
    Core::ProjectRuntime *session = m_window->activeRuntime();
    if (session && session->isLoaded()) {
        const QString name = session->project().name;
        m_menu->addSection(name);
        QAction *start = m_menu->addAction(tr("Start %1").arg(name), session->controller(),
                                           [session] { session->controller()->up(); });
        QAction *stop = m_menu->addAction(tr("Stop %1").arg(name), session->controller(),
                                          [session] { session->controller()->down(false); });
        // The window's rule: what needs the engine waits for it, and says why.
        const QString unavailable = m_window->engineUnavailableReason();
        for (QAction *action : {start, stop}) {
            action->setEnabled(unavailable.isEmpty());
            action->setToolTip(unavailable);
        }
        m_menu->setToolTipsVisible(!unavailable.isEmpty());
        QMenu *services = m_menu->addMenu(tr("Services"));
        for (const Core::ServiceState &s : std::as_const(m_services)) {
            QAction *a = services->addAction(
                QStringLiteral("%1 — %2").arg(s.name, Core::statusDisplayName(s.status)));
            connect(a, &QAction::triggered, this, [this, name = s.name] {
                m_window->showNormal();
                m_window->selectService(name);
            });
        }
        m_menu->addSeparator();
    }
    m_menu->addAction(tr("Open DevDock"), this, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    m_menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    if (m_tray) {
        int up = 0;
        for (const Core::ServiceState &s : std::as_const(m_services)) {
            up += s.isUp() ? 1 : 0;
        }
        QString tip = tr("DevDock");
        if (session->isLoaded()) {
            tip = m_overall == Overall::Unknown
                      ? tr("DevDock · %1: engine unreachable").arg(session->project().name)
                      : tr("DevDock · %1: %2 of %3 services up")
                            .arg(session->project().name)
                            .arg(up)
                            .arg(m_services.size());
        }
        m_tray->setToolTip(tip);
    }
}

bool TrayController::notify(const Core::ServiceAlert &alert)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto last = m_lastPerService.constFind(alert.service);
    if (last != m_lastPerService.cend() && last->secsTo(now) < PerServiceSeconds) {
        return false;
    }
    while (!m_recent.isEmpty() && m_recent.first().secsTo(now) >= 60) {
        m_recent.removeFirst();
    }
    if (m_recent.size() >= MaxPerMinute) {
        return false;
    }
    m_recent << now;
    m_lastPerService.insert(alert.service, now);
    m_lastService = alert.service;
    const QString title = alert.kind == Core::ServiceAlert::Kind::Exited
                              ? tr("%1 stopped").arg(alert.service)
                              : tr("%1 is unhealthy").arg(alert.service);
    if (m_tray) {
        m_tray->showMessage(title, alert.message,
                            alert.kind == Core::ServiceAlert::Kind::Exited
                                ? QSystemTrayIcon::Critical
                                : QSystemTrayIcon::Warning,
                            10000);
    }
    emit notified(alert.service, alert.message);
    return true;
}

} // namespace DevDock::Ui
