// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stack/servicestate.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QDBusPendingCallWatcher;
class QSystemTrayIcon;

namespace DevDock::Ui {

// Desktop notifications for service alerts of any workspace project, sent to
// org.freedesktop.Notifications over the session bus with the actions "Open logs" and "Restart".
// Alerts are rate-limited (per service, and in all) and a burst from one project becomes one
// notification ("3 services exited in demo"). A later notification for a service replaces the
// one still on screen. Only when no notification server exists does it fall back to the tray
// icon's balloon (and says so in the log).
class DesktopNotifier final : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int perServiceSeconds = 60; // one notification per service in this time
        int perMinute = 5;          // notifications a minute in all
        int burstMs = 1500;         // alerts of one project this close together become one
    };
    enum class Delivery { Server, TrayFallback, Nowhere };

    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    void setLimits(const Limits &limits) { m_limits = limits; }
    Limits limits() const { return m_limits; }
    // The tray icon whose balloon shows alerts when there is no notification server.
    void setFallback(QSystemTrayIcon *tray);

    // Queues an alert of a project for the next notification; false when a rate limit drops it.
    bool post(const QString &projectId, const QString &projectName,
              const Core::ServiceAlert &alert);
    // Sends what is queued now instead of at the end of the burst window.
    void flush();

signals:
    void openLogsRequested(const QString &projectId, const QString &service);
    void restartServiceRequested(const QString &projectId, const QString &service);
    // A notification went out (to the server, to the tray's balloon, or nowhere).
    void delivered(const QString &projectId, const QString &summary, const QString &body,
                   DevDock::Ui::DesktopNotifier::Delivery delivery);

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Batch
    {
        QString projectId;
        QString projectName;
        QList<Core::ServiceAlert> alerts;
    };
    struct Shown
    {
        QString projectId;
        QStringList services;
    };

    static QString keyOf(const QString &projectId, const QString &service);
    void send(const Batch &batch);
    void onNotifyFinished(QDBusPendingCallWatcher *call, const Batch &batch, const QString &summary,
                          const QString &body, uint replaced);
    void showInTray(const Batch &batch, const QString &summary, const QString &body);
    void pruneWindow(const QDateTime &now);

    Limits m_limits;
    QPointer<QSystemTrayIcon> m_fallback;
    QTimer m_burst;
    QList<Batch> m_pending;                     // one batch per project, in arrival order
    QHash<QString, QDateTime> m_lastPerService; // keyOf(project, service) -> last accepted
    QList<QDateTime> m_sentTimes;               // notifications of the last minute
    QHash<uint, Shown> m_shown;                 // notification id -> what it is about
    QHash<QString, uint> m_idPerService;        // keyOf(project, service) -> id on screen
    Shown m_lastInTray;                         // what the tray balloon shows (fallback)
    bool m_saidFallback = false;
};

} // namespace DevDock::Ui

Q_DECLARE_METATYPE(DevDock::Ui::DesktopNotifier::Delivery)
