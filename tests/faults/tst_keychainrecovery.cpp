// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A Secret Service that stops answering one request forever (an unlock prompt nobody answers does
// that) must cost that one request, not every later keychain call until DevDock restarts.
// QtKeychain runs one job at a time per process; the stalled one is let go at the timeout.
//
// The service here is a small one on a private bus started by the test: it answers as a Secret
// Service with an empty, unlocked keychain, except that it never answers the first search.
#include "env/secretstore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using namespace DevDock::Core;

namespace {

class StallingSecretService final : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        const QString call = message.interface() + QLatin1Char('.') + message.member();
        calls.append(call);
        if (call == QLatin1String("org.freedesktop.DBus.Properties.Get")) {
            // The default collection's Locked property: not locked.
            connection.send(message.createReply(QVariant::fromValue(QDBusVariant(false))));
        } else if (call == QLatin1String("org.freedesktop.DBus.Properties.GetAll")) {
            QVariantMap properties;
            properties.insert(QStringLiteral("Collections"),
                              QVariant::fromValue(QList<QDBusObjectPath>{}));
            connection.send(message.createReply(properties));
        } else if (call == QLatin1String("org.freedesktop.Secret.Service.OpenSession")) {
            QVariantList reply{QVariant::fromValue(QDBusVariant(QString())),
                               QVariant::fromValue(QDBusObjectPath(
                                   QStringLiteral("/org/freedesktop/secrets/session/s1")))};
            if (message.arguments().value(0).toString() == QLatin1String("plain")) {
                connection.send(message.createReply(reply));
            } else {
                connection.send(message.createErrorReply(
                    QStringLiteral("org.freedesktop.DBus.Error.NotSupported"),
                    QStringLiteral("only plain")));
            }
        } else if (call == QLatin1String("org.freedesktop.Secret.Service.SearchItems")) {
            if (searches++ == 0) {
                held.append(message); // never answered
            } else {
                connection.send(message.createReply(QVariantList{
                    QVariant::fromValue(QList<QDBusObjectPath>{}),
                    QVariant::fromValue(QList<QDBusObjectPath>{})}));
            }
        } else {
            connection.send(message.createErrorReply(
                QStringLiteral("org.freedesktop.DBus.Error.UnknownMethod"), call));
        }
        return true;
    }

    QStringList calls;
    QList<QDBusMessage> held;
    int searches = 0;
};

} // namespace

class tst_KeychainRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void read_afterAStalledRequest_nextRequestIsAnswered();

private:
    QProcess m_bus;
    StallingSecretService m_service;
};

void tst_KeychainRecovery::initTestCase()
{
    // A bus of our own, before anything in this process talks to a session bus.
    m_bus.start(QStringLiteral("dbus-daemon"),
                {QStringLiteral("--session"), QStringLiteral("--nofork"),
                 QStringLiteral("--print-address=1")});
    QVERIFY2(m_bus.waitForStarted(), "dbus-daemon (package dbus) is needed for this test");
    QVERIFY(m_bus.waitForReadyRead(10000));
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY(!address.isEmpty());
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    qputenv("DEVDOCK_KEYCHAIN_TIMEOUT", "1");

    QDBusConnection connection =
        QDBusConnection::connectToBus(QString::fromLatin1(address), QStringLiteral("stub"));
    QVERIFY(connection.isConnected());
    QVERIFY(connection.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"),
                                             &m_service, QDBusConnection::SubPath));
    QVERIFY(connection.registerService(QStringLiteral("org.freedesktop.secrets")));
}

void tst_KeychainRecovery::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(QStringLiteral("stub"));
    m_bus.kill();
    m_bus.waitForFinished();
}

void tst_KeychainRecovery::read_afterAStalledRequest_nextRequestIsAnswered()
{
    KeychainSecretStore store(QStringLiteral("/tmp/devdock-keychain-recovery"));

    std::optional<Result<std::optional<QString>>> first;
    QElapsedTimer clock;
    clock.start();
    store.read(QStringLiteral("STALLED_KEY"), this, [&](auto r) { first = r; });
    QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 10000);
    QVERIFY2(!first->has_value(), "the stalled search cannot have produced a value");
    QCOMPARE(first->error().code, Error::Code::Timeout);
    QVERIFY2(first->error().message.contains(QLatin1String("STALLED_KEY")),
             qPrintable(first->error().message));
    QCOMPARE(m_service.held.size(), 1); // the service really holds that request

    // The service still answers everything else: the next read must reach it and come back
    // (not found), not wait behind the stalled one.
    std::optional<Result<std::optional<QString>>> second;
    store.read(QStringLiteral("NEXT_KEY"), this, [&](auto r) { second = r; });
    QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 10000);
    QVERIFY2(second->has_value(), qPrintable(second->error().message));
    QVERIFY(!second->value().has_value());
    QVERIFY2(m_service.searches >= 2, qPrintable(m_service.calls.join(QLatin1Char(' '))));
    QVERIFY(m_service.held.size() == 1);
}

QTEST_GUILESS_MAIN(tst_KeychainRecovery)
#include "tst_keychainrecovery.moc"
