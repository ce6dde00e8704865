// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A minimal StatusNotifierWatcher that is also the host, for tests on a private session bus: it
// owns org.kde.StatusNotifierWatcher, says a host is registered (so Qt's QSystemTrayIcon
// exports a StatusNotifierItem and its menu over com.canonical.dbusmenu), and lists the items
// that registered, as "<bus name>/<object path>", dropping those whose owner leaves the bus.
#include <QCoreApplication>
#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusServiceWatcher>
#include <QStringList>

#include <cstdio>

class Watcher final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ hostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
public:
    explicit Watcher(QDBusConnection bus)
        : m_bus(bus)
        , m_owners(QString(), bus, QDBusServiceWatcher::WatchForUnregistration)
    {
        connect(&m_owners, &QDBusServiceWatcher::serviceUnregistered, this,
                [this](const QString &service) {
                    const QStringList before = m_items;
                    m_items.removeIf([&](const QString &item) {
                        return item.section(QLatin1Char('/'), 0, 0) == service;
                    });
                    m_owners.removeWatchedService(service);
                    for (const QString &item : before) {
                        if (!m_items.contains(item)) {
                            emit StatusNotifierItemUnregistered(item);
                        }
                    }
                });
    }

    QStringList items() const { return m_items; }
    bool hostRegistered() const { return true; }
    int protocolVersion() const { return 0; }

public slots:
    // The argument is a bus name (the item lives at /StatusNotifierItem) or an object path
    // (the item lives on the caller's connection).
    void RegisterStatusNotifierItem(const QString &serviceOrPath, const QDBusMessage &message)
    {
        const QString item = serviceOrPath.startsWith(QLatin1Char('/'))
                                 ? message.service() + serviceOrPath
                                 : serviceOrPath + QStringLiteral("/StatusNotifierItem");
        if (!m_items.contains(item)) {
            m_items.append(item);
            m_owners.addWatchedService(item.section(QLatin1Char('/'), 0, 0));
            emit StatusNotifierItemRegistered(item);
        }
    }
    void RegisterStatusNotifierHost(const QString &) { emit StatusNotifierHostRegistered(); }

signals:
    void StatusNotifierItemRegistered(const QString &item);
    void StatusNotifierItemUnregistered(const QString &item);
    void StatusNotifierHostRegistered();

private:
    QDBusConnection m_bus;
    QDBusServiceWatcher m_owners;
    QStringList m_items;
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr,
                     "teststatusnotifierwatcher: no session bus (DBUS_SESSION_BUS_ADDRESS)\n");
        return 1;
    }
    Watcher watcher(bus);
    if (!bus.registerObject(QStringLiteral("/StatusNotifierWatcher"), &watcher,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals
                                | QDBusConnection::ExportAllProperties)) {
        std::fprintf(stderr, "teststatusnotifierwatcher: cannot export /StatusNotifierWatcher\n");
        return 1;
    }
    // The host's name first: the watcher's name is what clients wait for.
    bus.registerService(QStringLiteral("org.kde.StatusNotifierHost-%1").arg(app.applicationPid()));
    if (!bus.registerService(QStringLiteral("org.kde.StatusNotifierWatcher"))) {
        std::fprintf(stderr, "teststatusnotifierwatcher: org.kde.StatusNotifierWatcher is taken\n");
        return 1;
    }
    return app.exec();
}

#include "teststatusnotifierwatcher.moc"
