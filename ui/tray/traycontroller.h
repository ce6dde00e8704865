// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stack/servicestate.h"

#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QObject>
#include <QPointer>

class QMenu;
class QSystemTrayIcon;

namespace DevDock::Ui {

class MainWindow;

// The tray icon: coloured (and shaped) by the open stack's overall state; a menu to start or stop
// the stack, each service's state, Open DevDock and Quit; desktop notifications when a service
// exits unexpectedly or turns unhealthy, rate-limited, and clicking one opens that service.
class TrayController final : public QObject
{
    Q_OBJECT
public:
    // Unknown: the engine is unreachable, so nothing is known about the stack.
    enum class Overall { Idle, Healthy, Degraded, Failing, Unknown };

    explicit TrayController(MainWindow *window, QObject *parent = nullptr);
    ~TrayController() override;

    bool isVisible() const;
    Overall overall() const { return m_overall; }
    static Overall overallOf(const QList<Core::ServiceState> &services);
    static QIcon iconFor(Overall overall);
    QMenu *menu() const { return m_menu; }
    // Rate limits: one notification per service a minute, five a minute in all.
    bool notify(const Core::ServiceAlert &alert);

signals:
    // A notification was shown (or would have been, without a tray).
    void notified(const QString &service, const QString &message);

private:
    void rebuildMenu();
    void update(const QList<Core::ServiceState> &services);

    QPointer<MainWindow> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu;
    QList<Core::ServiceState> m_services;
    QObject *m_follow = nullptr; // context of the connections to the shown runtime
    Overall m_overall = Overall::Idle;
    QHash<QString, QDateTime> m_lastPerService;
    QList<QDateTime> m_recent;
    QString m_lastService;
};

} // namespace DevDock::Ui
