// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

namespace DevDock::Ui {

Q_LOGGING_CATEGORY(lcNotify, "devdock.notify")

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
const QString DesktopEntry = QStringLiteral("org.devdock.DevDock");
const QString ActionLogs = QStringLiteral("logs");
const QString ActionRestart = QStringLiteral("restart");
const QString ActionDefault = QStringLiteral("default");

// The errors that mean nobody serves org.freedesktop.Notifications (or there is no bus at all);
// any other error is the server's, and falling back would show the alert twice.
bool meansNoServer(const QDBusError &error)
{
    switch (error.type()) {
    case QDBusError::ServiceUnknown:
    case QDBusError::NoServer:
    case QDBusError::Disconnected:
    case QDBusError::NoNetwork:
        return true;
    default:
        return error.name() == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner");
    }
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<DevDock::Ui::DesktopNotifier::Delivery>();
    m_burst.setSingleShot(true);
    connect(&m_burst, &QTimer::timeout, this, &DesktopNotifier::flush);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        // By service name: Qt D-Bus follows the name to whichever server owns it, also one that
        // starts later.
        bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
                    SLOT(onNotificationClosed(uint, uint)));
    }
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::setFallback(QSystemTrayIcon *tray)
{
    if (m_fallback) {
        disconnect(m_fallback, nullptr, this, nullptr);
    }
    m_fallback = tray;
    if (tray) {
        // The balloon has no actions: a click opens the logs of what it shows.
        // Qt's D-Bus tray icon reports a click on ANY notification server's notification as
        // messageClicked: only a balloon this notifier showed counts.
        connect(tray, &QSystemTrayIcon::messageClicked, this, [this] {
            const Shown shown = std::exchange(m_lastInTray, {});
            if (!shown.projectId.isEmpty()) {
                emit openLogsRequested(shown.projectId, shown.services.size() == 1
                                                            ? shown.services.first()
                                                            : QString());
            }
        });
    }
}

QString DesktopNotifier::keyOf(const QString &projectId, const QString &service)
{
    return projectId + QLatin1Char('\n') + service;
}

void DesktopNotifier::pruneWindow(const QDateTime &now)
{
    while (!m_sentTimes.isEmpty() && m_sentTimes.first().secsTo(now) >= 60) {
        m_sentTimes.removeFirst();
    }
}

bool DesktopNotifier::post(const QString &projectId, const QString &projectName,
                           const Core::ServiceAlert &alert)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString key = keyOf(projectId, alert.service);
    const auto last = m_lastPerService.constFind(key);
    if (last != m_lastPerService.cend() && last->secsTo(now) < m_limits.perServiceSeconds) {
        qCInfo(lcNotify) << "not notifying again within" << m_limits.perServiceSeconds
                         << "s:" << alert.message;
        return false;
    }
    auto batch = std::find_if(m_pending.begin(), m_pending.end(),
                              [&](const Batch &b) { return b.projectId == projectId; });
    if (batch == m_pending.end()) {
        // A new batch becomes one more notification: that is what the overall limit counts.
        pruneWindow(now);
        if (m_sentTimes.size() + m_pending.size() >= m_limits.perMinute) {
            qCWarning(lcNotify) << "more than" << m_limits.perMinute
                                << "notifications a minute; not shown:" << alert.message;
            return false;
        }
        m_pending.append(Batch{projectId, projectName, {}});
        batch = std::prev(m_pending.end());
    }
    batch->alerts.append(alert);
    m_lastPerService.insert(key, now);
    if (!m_burst.isActive()) {
        m_burst.start(m_limits.burstMs);
    }
    return true;
}

void DesktopNotifier::flush()
{
    m_burst.stop();
    const QList<Batch> batches = std::exchange(m_pending, {});
    for (const Batch &batch : batches) {
        send(batch);
    }
}

void DesktopNotifier::send(const Batch &batch)
{
    using Kind = Core::ServiceAlert::Kind;
    m_sentTimes.append(QDateTime::currentDateTimeUtc());
    const QList<Core::ServiceAlert> &alerts = batch.alerts;
    QString summary;
    QStringList lines;
    for (const Core::ServiceAlert &a : alerts) {
        lines << a.message;
    }
    if (alerts.size() == 1) {
        const Core::ServiceAlert &a = alerts.first();
        summary = a.kind == Kind::Exited
                      ? tr("%1 exited in %2").arg(a.service, batch.projectName)
                      : tr("%1 is unhealthy in %2").arg(a.service, batch.projectName);
    } else {
        const bool allExited = std::all_of(alerts.cbegin(), alerts.cend(),
                                           [](const auto &a) { return a.kind == Kind::Exited; });
        const bool allUnhealthy = std::all_of(alerts.cbegin(), alerts.cend(), [](const auto &a) {
            return a.kind == Kind::Unhealthy;
        });
        const QString count = QString::number(alerts.size());
        summary = allExited ? tr("%1 services exited in %2").arg(count, batch.projectName)
                  : allUnhealthy
                      ? tr("%1 services are unhealthy in %2").arg(count, batch.projectName)
                      : tr("%1 services failed in %2").arg(count, batch.projectName);
    }
    const QString body = lines.join(QLatin1Char('\n'));

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        showInTray(batch, summary, body);
        return;
    }
    // A notification of the same service still on screen is replaced, not stacked.
    uint replaces = 0;
    for (const Core::ServiceAlert &a : alerts) {
        replaces = m_idPerService.value(keyOf(batch.projectId, a.service), 0);
        if (replaces != 0) {
            break;
        }
    }
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), DesktopEntry);
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue<uchar>(1)); // normal: it fades
    hints.insert(QStringLiteral("category"), QStringLiteral("x-devdock.service"));
    const QStringList actions{ActionDefault,   tr("Open logs"), ActionLogs,
                              tr("Open logs"), ActionRestart,   tr("Restart")};
    QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    call << QStringLiteral("DevDock") << replaces << DesktopEntry << summary << body << actions
         << hints << -1;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, batch, summary, body, replaces](QDBusPendingCallWatcher *w) {
                onNotifyFinished(w, batch, summary, body, replaces);
            });
}

void DesktopNotifier::onNotifyFinished(QDBusPendingCallWatcher *call, const Batch &batch,
                                       const QString &summary, const QString &body, uint replaced)
{
    call->deleteLater();
    const QDBusPendingReply<uint> reply = *call;
    if (reply.isError()) {
        if (meansNoServer(reply.error())) {
            showInTray(batch, summary, body);
        } else {
            qCWarning(lcNotify) << "the notification server refused" << summary << ":"
                                << reply.error().message();
            emit delivered(batch.projectId, summary, body, Delivery::Nowhere);
        }
        return;
    }
    const uint id = reply.value();
    m_lastInTray = {}; // a server answers: no balloon of ours is on screen
    Shown shown{batch.projectId, {}};
    for (const Core::ServiceAlert &a : batch.alerts) {
        shown.services << a.service;
    }
    if (replaced != 0 && replaced != id) {
        m_shown.remove(replaced);
    }
    for (auto it = m_idPerService.begin(); it != m_idPerService.end(); ++it) {
        if (replaced != 0 && it.value() == replaced) {
            it.value() = id; // services of the replaced notification are on this one now
        }
    }
    for (const QString &service : std::as_const(shown.services)) {
        m_idPerService.insert(keyOf(batch.projectId, service), id);
    }
    m_shown.insert(id, shown);
    emit delivered(batch.projectId, summary, body, Delivery::Server);
}

void DesktopNotifier::showInTray(const Batch &batch, const QString &summary, const QString &body)
{
    if (!m_saidFallback) {
        qCWarning(lcNotify) << "no notification server on the session bus"
                            << "(org.freedesktop.Notifications): showing alerts in the tray icon"
                            << "instead, without their actions";
        m_saidFallback = true;
    }
    m_lastInTray = Shown{batch.projectId, {}};
    for (const Core::ServiceAlert &a : batch.alerts) {
        m_lastInTray.services << a.service;
    }
    if (m_fallback && m_fallback->isVisible()) {
        m_fallback->showMessage(summary, body, QSystemTrayIcon::Warning, 10000);
        emit delivered(batch.projectId, summary, body, Delivery::TrayFallback);
    } else {
        qCWarning(lcNotify) << "no tray icon either; alert not shown:" << summary;
        emit delivered(batch.projectId, summary, body, Delivery::Nowhere);
    }
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto shown = m_shown.constFind(id);
    if (shown == m_shown.cend()) {
        return; // another application's notification
    }
    if (action == ActionRestart) {
        for (const QString &service : shown->services) {
            emit restartServiceRequested(shown->projectId, service);
        }
    } else if (action == ActionLogs || action == ActionDefault) {
        // Several services: the project's merged logs.
        emit openLogsRequested(shown->projectId,
                               shown->services.size() == 1 ? shown->services.first() : QString());
    }
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const auto shown = m_shown.constFind(id);
    if (shown == m_shown.cend()) {
        return;
    }
    for (const QString &service : shown->services) {
        const QString key = keyOf(shown->projectId, service);
        if (m_idPerService.value(key) == id) {
            m_idPerService.remove(key);
        }
    }
    m_shown.erase(shown);
}

} // namespace DevDock::Ui
