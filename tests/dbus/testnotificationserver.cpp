// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A notification server for tests on a private session bus: it owns
// org.freedesktop.Notifications (spec 1.2: Notify, CloseNotification, GetCapabilities,
// GetServerInformation, the signals ActionInvoked and NotificationClosed) and records every
// Notify call. The test drives it through org.devdock.test.NotificationRecorder on the same
// object: Calls() returns the recorded calls as a JSON array; InvokeAction(id, key) does what a
// click on an action button does (ActionInvoked, then NotificationClosed with reason 2).
#include <QCoreApplication>
#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QVariantMap>

#include <cstdio>

class Server;

class NotificationsAdaptor final : public QDBusAbstractAdaptor
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    explicit NotificationsAdaptor(QObject *parent)
        : QDBusAbstractAdaptor(parent)
    {}

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout, const QDBusMessage &message)
    {
        const uint id = replacesId != 0 && m_open.contains(replacesId) ? replacesId : ++m_lastId;
        m_open.insert(id);
        QJsonObject hintsJson;
        for (auto it = hints.cbegin(); it != hints.cend(); ++it) {
            const QVariant &v = it.value();
            hintsJson.insert(it.key(), v.typeId() == QMetaType::QString
                                           ? QJsonValue(v.toString())
                                           : QJsonValue(v.toLongLong()));
        }
        m_calls.append(QJsonObject{
            {"id", qint64(id)},
            {"sender", message.service()},
            {"app_name", appName},
            {"replaces_id", qint64(replacesId)},
            {"app_icon", appIcon},
            {"summary", summary},
            {"body", body},
            {"actions", QJsonArray::fromStringList(actions)},
            {"hints", hintsJson},
            {"expire_timeout", expireTimeout},
        });
        return id;
    }
    void CloseNotification(uint id) { close(id, 3); }
    QStringList GetCapabilities() const
    {
        return {QStringLiteral("actions"), QStringLiteral("body")};
    }
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion) const
    {
        vendor = QStringLiteral("DevDock tests");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("devdock-test-notifications");
    }

signals:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);

public:
    void close(uint id, uint reason)
    {
        if (m_open.remove(id)) {
            emit NotificationClosed(id, reason);
        }
    }
    void invoke(uint id, const QString &key)
    {
        emit ActionInvoked(id, key);
        close(id, 2); // dismissed by the user
    }
    QString calls() const { return QString::fromUtf8(QJsonDocument(m_calls).toJson()); }

private:
    uint m_lastId = 0;
    QSet<uint> m_open;
    QJsonArray m_calls;
};

class RecorderAdaptor final : public QDBusAbstractAdaptor
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.devdock.test.NotificationRecorder")
public:
    RecorderAdaptor(QObject *parent, NotificationsAdaptor *notifications)
        : QDBusAbstractAdaptor(parent)
        , m_notifications(notifications)
    {}

public slots:
    QString Calls() const { return m_notifications->calls(); }
    void InvokeAction(uint id, const QString &key) { m_notifications->invoke(id, key); }
    void Close(uint id, uint reason) { m_notifications->close(id, reason); }

private:
    NotificationsAdaptor *m_notifications;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "testnotificationserver: no session bus (DBUS_SESSION_BUS_ADDRESS)\n");
        return 1;
    }
    QObject object;
    auto *notifications = new NotificationsAdaptor(&object);
    new RecorderAdaptor(&object, notifications);
    if (!bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &object)) {
        std::fprintf(stderr,
                     "testnotificationserver: cannot export /org/freedesktop/Notifications\n");
        return 1;
    }
    if (!bus.registerService(QStringLiteral("org.freedesktop.Notifications"))) {
        std::fprintf(stderr, "testnotificationserver: org.freedesktop.Notifications is taken\n");
        return 1;
    }
    return app.exec();
}

#include "testnotificationserver.moc"
