// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The tray and its notifications against real D-Bus services on a private session bus
// (tests/ui/run_on_desktop_bus.sh): a StatusNotifierWatcher/host (tests/dbus), so that Qt
// exports the tray icon as a StatusNotifierItem whose menu the test reads and clicks over
// com.canonical.dbusmenu as a panel would, and a notification server (tests/dbus) that records
// every Notify call and invokes actions as a click on its buttons would.
#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "mainwindow.h"
#include "tray/desktopnotifier.h"
#include "tray/traycontroller.h"
#include "tray/traywindowbinding.h"
#include "workspace/workspace.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace DevDock;
using Delivery = Ui::DesktopNotifier::Delivery;

namespace {

const QString WatcherService = QStringLiteral("org.kde.StatusNotifierWatcher");
const QString NotificationService = QStringLiteral("org.freedesktop.Notifications");
const QString NotificationPath = QStringLiteral("/org/freedesktop/Notifications");

// The item's menu as GetLayout returns it: (ia{sv}av), recursively.
struct MenuNode
{
    int id = 0;
    QVariantMap properties;
    QList<MenuNode> children;

    QString label() const { return properties.value(QStringLiteral("label")).toString(); }
    bool enabled() const { return properties.value(QStringLiteral("enabled"), true).toBool(); }
    const MenuNode *find(const QString &text) const
    {
        if (label() == text) {
            return this;
        }
        for (const MenuNode &child : children) {
            if (const MenuNode *found = child.find(text)) {
                return found;
            }
        }
        return nullptr;
    }
    QStringList labels() const
    {
        QStringList out;
        for (const MenuNode &child : children) {
            out << child.label();
        }
        return out;
    }
};

MenuNode readNode(const QDBusArgument &arg)
{
    MenuNode node;
    arg.beginStructure();
    arg >> node.id >> node.properties;
    arg.beginArray();
    while (!arg.atEnd()) {
        QDBusVariant child;
        arg >> child;
        node.children << readNode(child.variant().value<QDBusArgument>());
    }
    arg.endArray();
    arg.endStructure();
    return node;
}

Core::ProjectSummary project(const QString &id, const QString &name)
{
    Core::ProjectSummary p;
    p.id = id;
    p.name = name;
    p.directory = id;
    p.known = true;
    return p;
}

Core::ServiceState service(const QString &name, Core::ServiceStatus status, int exitCode = 0)
{
    Core::ServiceState s;
    s.name = name;
    s.status = status;
    s.exitCode = exitCode;
    Core::ContainerState c;
    c.service = name;
    c.status = status;
    c.exitCode = exitCode;
    s.containers = {c};
    return s;
}

Core::ServiceAlert exitedAlert(const QString &service, int code = 1)
{
    Core::ServiceAlert a;
    a.kind = Core::ServiceAlert::Kind::Exited;
    a.service = service;
    a.message = QStringLiteral("%1 exited unexpectedly (code %2)").arg(service).arg(code);
    return a;
}

} // namespace

class TestTrayDBus : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void notify_withoutNotificationServer_fallsBackToTrayIconAndSaysSo();
    void menu_overDbusmenu_listsEveryProjectWithStateAndTheOpenProjectsServices();
    void menu_clickedOverDbusmenu_requestsStartStopAndServiceActions();
    void menu_healthProbesWithoutChange_sendNothingOverDbusmenu();
    void notify_sendsNotifyWithActions_rateLimited_replacesPerService();
    void notify_actionInvokedByServer_opensLogsOrRestartsTheRightService();
    void menu_overDbusmenu_startsAndStopsRealProjects_openedAndFromATerminal();

public slots:
    void recordMenuSignal(const QDBusMessage &) { ++m_menuSignals; }

private:
    // A blocking call from the GUI thread would deadlock: the tray answers on this thread.
    QDBusMessage call(const QDBusMessage &message);
    QVariant property(const QString &service, const QString &path, const QString &interface,
                      const QString &name);
    // The StatusNotifierItem of `tray` ("<bus name>/<path>"), once the watcher has it.
    QString itemOf(Ui::TrayController &tray);
    MenuNode layout(const QString &item);
    void clickMenu(const QString &item, int id);
    QJsonArray notifyCalls();
    void startNotificationServer();

    QProcess m_watcher;
    QProcess m_notifications;
    QStringList m_seenItems;
    int m_menuSignals = 0;
};

QDBusMessage TestTrayDBus::call(const QDBusMessage &message)
{
    QDBusPendingCallWatcher watcher(QDBusConnection::sessionBus().asyncCall(message, 10000));
    QSignalSpy finished(&watcher, &QDBusPendingCallWatcher::finished);
    if (!watcher.isFinished()) {
        finished.wait(11000);
    }
    return watcher.reply();
}

QVariant TestTrayDBus::property(const QString &service, const QString &path,
                                const QString &interface, const QString &name)
{
    QDBusMessage get = QDBusMessage::createMethodCall(
        service, path, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << interface << name;
    const QDBusMessage reply = call(get);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        qWarning() << "Get" << interface << name << "failed:" << reply.errorMessage();
        return {};
    }
    return reply.arguments().value(0).value<QDBusVariant>().variant();
}

void TestTrayDBus::initTestCase()
{
    // The wrapper gives this test its own bus and display; without them it is run wrongly.
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "no session bus: run through tests/ui/run_on_desktop_bus.sh (ctest does)");
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    QVERIFY2(!bus->isServiceRegistered(WatcherService),
             "a StatusNotifierWatcher already runs: this is not a private bus");
    QVERIFY2(!bus->isServiceRegistered(NotificationService),
             "a notification server already runs: this is not a private bus");
    m_watcher.setProcessChannelMode(QProcess::ForwardedChannels);
    m_watcher.start(QStringLiteral(DEVDOCK_TEST_WATCHER), {});
    QVERIFY(m_watcher.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(WatcherService), 10000);
    // Only now: Qt asks once whether a host is registered, when the first tray icon is made.
    QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
}

void TestTrayDBus::cleanupTestCase()
{
    for (QProcess *process : {&m_watcher, &m_notifications}) {
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            process->waitForFinished(5000);
        }
    }
}

void TestTrayDBus::startNotificationServer()
{
    m_notifications.setProcessChannelMode(QProcess::ForwardedChannels);
    m_notifications.start(QStringLiteral(DEVDOCK_TEST_NOTIFICATION_SERVER), {});
    QVERIFY(m_notifications.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        QDBusConnection::sessionBus().interface()->isServiceRegistered(NotificationService), 10000);
}

QString TestTrayDBus::itemOf(Ui::TrayController &tray)
{
    Q_UNUSED(tray) // it registers itself; the newest item not seen before is its
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        const QStringList items =
            property(WatcherService, QStringLiteral("/StatusNotifierWatcher"), WatcherService,
                     QStringLiteral("RegisteredStatusNotifierItems"))
                .toStringList();
        for (const QString &candidate : items) {
            if (!m_seenItems.contains(candidate)) {
                m_seenItems << candidate;
                return candidate;
            }
        }
        QTest::qWait(50);
    }
    qWarning() << "no new StatusNotifierItem registered with the watcher";
    return {};
}

MenuNode TestTrayDBus::layout(const QString &item)
{
    const QString service = item.section(QLatin1Char('/'), 0, 0);
    const QString path = QLatin1Char('/') + item.section(QLatin1Char('/'), 1);
    const QVariant menuPath = property(service, path, QStringLiteral("org.kde.StatusNotifierItem"),
                                       QStringLiteral("Menu"));
    const QString menu = menuPath.value<QDBusObjectPath>().path();
    if (menu.isEmpty()) {
        qWarning() << "the item has no menu:" << item;
        return {};
    }
    QDBusMessage get = QDBusMessage::createMethodCall(
        service, menu, QStringLiteral("com.canonical.dbusmenu"), QStringLiteral("GetLayout"));
    get << 0 << -1 << QStringList();
    const QDBusMessage reply = call(get);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2) {
        qWarning() << "GetLayout failed:" << reply.errorMessage();
        return {};
    }
    return readNode(reply.arguments().at(1).value<QDBusArgument>());
}

void TestTrayDBus::clickMenu(const QString &item, int id)
{
    const QString service = item.section(QLatin1Char('/'), 0, 0);
    const QString path = QLatin1Char('/') + item.section(QLatin1Char('/'), 1);
    const QString menu = property(service, path, QStringLiteral("org.kde.StatusNotifierItem"),
                                  QStringLiteral("Menu"))
                             .value<QDBusObjectPath>()
                             .path();
    QDBusMessage event = QDBusMessage::createMethodCall(
        service, menu, QStringLiteral("com.canonical.dbusmenu"), QStringLiteral("Event"));
    event << id << QStringLiteral("clicked") << QVariant::fromValue(QDBusVariant(0))
          << uint(QDateTime::currentSecsSinceEpoch());
    const QDBusMessage reply = call(event);
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
}

QJsonArray TestTrayDBus::notifyCalls()
{
    const QDBusMessage reply = call(QDBusMessage::createMethodCall(
        NotificationService, NotificationPath,
        QStringLiteral("org.devdock.test.NotificationRecorder"), QStringLiteral("Calls")));
    return QJsonDocument::fromJson(reply.arguments().value(0).toString().toUtf8()).array();
}

void TestTrayDBus::notify_withoutNotificationServer_fallsBackToTrayIconAndSaysSo()
{
    Ui::TrayController tray;
    QVERIFY(tray.isVisible());
    const QString item = itemOf(tray);
    QVERIFY(!item.isEmpty());
    tray.setProjects({project("/p/demo", "demo")});
    tray.notifier()->setLimits({60, 5, 100});
    QSignalSpy delivered(tray.notifier(), &Ui::DesktopNotifier::delivered);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("no notification server on the session bus"));
    QVERIFY(tray.notifyAlert("/p/demo", exitedAlert("api", 137)));
    QVERIFY(delivered.wait(5000));
    QCOMPARE(delivered.at(0).at(1).toString(), QString("api exited in demo"));
    QCOMPARE(delivered.at(0).at(3).value<Delivery>(), Delivery::TrayFallback);
    // The tray icon's balloon: over D-Bus the item asks for attention, its tooltip the alert.
    const QString service = item.section(QLatin1Char('/'), 0, 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        property(service, "/StatusNotifierItem", "org.kde.StatusNotifierItem", "Status").toString(),
        QString("NeedsAttention"), 5000);
}

void TestTrayDBus::menu_overDbusmenu_listsEveryProjectWithStateAndTheOpenProjectsServices()
{
    Ui::TrayController tray;
    const QString item = itemOf(tray);
    QVERIFY(!item.isEmpty());
    Core::ProjectSummary demo = project("/p/demo", "demo");
    demo.active = true;
    demo.servicesTotal = 10;
    demo.servicesUp = 3;
    demo.unhealthy = 1;
    Core::ProjectSummary shop = project("/p/shop", "shop");
    shop.servicesTotal = 4;
    Core::ProjectSummary remote = project("ssh-box/remote", "remote");
    remote.engineReachable = false;
    tray.setProjects({demo, shop, remote});
    tray.setActiveServices("/p/demo", {service("api", Core::ServiceStatus::Healthy),
                                       service("db", Core::ServiceStatus::Unhealthy),
                                       service("worker", Core::ServiceStatus::Exited, 137)});
    tray.applyPending();

    const MenuNode root = layout(item);
    const QStringList top = root.labels();
    QVERIFY2(top.contains("demo — 3/10 up · 1 unhealthy"), qPrintable(top.join(" | ")));
    QVERIFY2(top.contains("shop — stopped"), qPrintable(top.join(" | ")));
    QVERIFY2(top.contains("remote — engine unreachable"), qPrintable(top.join(" | ")));
    QVERIFY2(top.contains("Services of demo"), qPrintable(top.join(" | ")));
    QVERIFY2(top.contains("api — healthy"), qPrintable(top.join(" | ")));
    QVERIFY2(top.contains("db — unhealthy"), qPrintable(top.join(" | ")));
    QVERIFY2(top.filter(QRegularExpression("^worker — exited")).size() == 1,
             qPrintable(top.join(" | ")));
    QVERIFY(top.contains("Open DevDock"));
    QVERIFY(top.contains("Quit DevDock"));
    // Projects first, in the workspace's order, then the open project's services.
    QVERIFY(top.indexOf("demo — 3/10 up · 1 unhealthy") < top.indexOf("shop — stopped"));
    QVERIFY(top.indexOf("remote — engine unreachable") < top.indexOf("Services of demo"));
    QVERIFY(top.indexOf("Services of demo") < top.indexOf("api — healthy"));

    // State in colour and shape too: each state its own icon, sent with the entry.
    auto icon = [&](const QString &label) {
        return root.find(label)->properties.value("icon-data").toByteArray();
    };
    QVERIFY(!icon("shop — stopped").isEmpty());
    QVERIFY(icon("shop — stopped") != icon("demo — 3/10 up · 1 unhealthy"));
    QVERIFY(icon("remote — engine unreachable") != icon("shop — stopped"));
    QVERIFY(icon("api — healthy") != icon("db — unhealthy"));

    // Each project's own actions, named after it; without its engine it cannot start or stop.
    const MenuNode *shopNode = root.find("shop — stopped");
    QCOMPARE(shopNode->labels(), QStringList({"Open shop", "Start shop", "Stop shop"}));
    QVERIFY(shopNode->find("Start shop")->enabled());
    QVERIFY(!shopNode->find("Stop shop")->enabled()); // nothing runs
    const MenuNode *remoteNode = root.find("remote — engine unreachable");
    QVERIFY(!remoteNode->find("Start remote")->enabled());
    QVERIFY(!remoteNode->find("Stop remote")->enabled());
    QCOMPARE(root.find("demo — 3/10 up · 1 unhealthy")->labels(),
             QStringList({"Show demo", "Start demo", "Stop demo"}));
    QCOMPARE(root.find("db — unhealthy")->labels(),
             QStringList({"Open logs of db", "Start db", "Stop db", "Restart db"}));

    // A project leaves the workspace, another state changes: the menu says so.
    shop.servicesUp = 4;
    tray.updateProject(shop);
    tray.removeProject("ssh-box/remote");
    tray.applyPending();
    const QStringList after = layout(item).labels();
    QVERIFY2(after.contains("shop — 4/4 up"), qPrintable(after.join(" | ")));
    QVERIFY2(!after.filter(QRegularExpression("^remote")).size(), qPrintable(after.join(" | ")));
}

void TestTrayDBus::menu_clickedOverDbusmenu_requestsStartStopAndServiceActions()
{
    Ui::TrayController tray;
    const QString item = itemOf(tray);
    QVERIFY(!item.isEmpty());
    Core::ProjectSummary demo = project("/p/demo", "demo");
    demo.active = true;
    demo.servicesTotal = 2;
    demo.servicesUp = 2;
    Core::ProjectSummary shop = project("/p/shop", "shop");
    shop.servicesTotal = 3;
    tray.setProjects({demo, shop});
    tray.setActiveServices("/p/demo", {service("api", Core::ServiceStatus::Healthy),
                                       service("db", Core::ServiceStatus::Healthy)});
    tray.applyPending();
    const MenuNode root = layout(item);
    QSignalSpy start(&tray, &Ui::TrayController::startProjectRequested);
    QSignalSpy stop(&tray, &Ui::TrayController::stopProjectRequested);
    QSignalSpy open(&tray, &Ui::TrayController::openProjectRequested);
    QSignalSpy restart(&tray, &Ui::TrayController::restartServiceRequested);
    QSignalSpy logs(&tray, &Ui::TrayController::openLogsRequested);

    const MenuNode *startShop = root.find("Start shop");
    QVERIFY(startShop);
    clickMenu(item, startShop->id);
    QTRY_COMPARE(start.size(), 1);
    QCOMPARE(start.at(0).at(0).toString(), QString("/p/shop"));

    clickMenu(item, root.find("Stop demo")->id);
    QTRY_COMPARE(stop.size(), 1);
    QCOMPARE(stop.at(0).at(0).toString(), QString("/p/demo"));

    clickMenu(item, root.find("Open shop")->id);
    QTRY_COMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).toString(), QString("/p/shop"));

    clickMenu(item, root.find("Restart db")->id);
    QTRY_COMPARE(restart.size(), 1);
    QCOMPARE(restart.at(0), QVariantList({"/p/demo", "db"}));

    clickMenu(item, root.find("Open logs of api")->id);
    QTRY_COMPARE(logs.size(), 1);
    QCOMPARE(logs.at(0), QVariantList({"/p/demo", "api"}));
    QCOMPARE(start.size(), 1); // each click asked for one thing
    QCOMPARE(stop.size(), 1);
}

void TestTrayDBus::menu_healthProbesWithoutChange_sendNothingOverDbusmenu()
{
    Ui::TrayController tray;
    const QString item = itemOf(tray);
    QVERIFY(!item.isEmpty());
    Core::ProjectSummary demo = project("/p/demo", "demo");
    demo.active = true;
    demo.servicesTotal = 2;
    demo.servicesUp = 2;
    QList<Core::ServiceState> services{service("api", Core::ServiceStatus::Healthy),
                                       service("db", Core::ServiceStatus::Healthy)};
    tray.setProjects({demo});
    tray.setActiveServices("/p/demo", services);
    tray.applyPending();
    const MenuNode before = layout(item);

    // Every change the menu sends to the panel, from now on.
    const QString service = item.section(QLatin1Char('/'), 0, 0);
    const QString menu =
        property(service, "/StatusNotifierItem", "org.kde.StatusNotifierItem", "Menu")
            .value<QDBusObjectPath>()
            .path();
    QDBusConnection bus = QDBusConnection::sessionBus();
    m_menuSignals = 0;
    QVERIFY(bus.connect(service, menu, "com.canonical.dbusmenu", "LayoutUpdated", this,
                        SLOT(recordMenuSignal(QDBusMessage))));
    QVERIFY(bus.connect(service, menu, "com.canonical.dbusmenu", "ItemsPropertiesUpdated", this,
                        SLOT(recordMenuSignal(QDBusMessage))));

    // Fifty health probes: new probe outputs and times, the same states.
    for (int i = 0; i < 50; ++i) {
        Core::HealthProbe probe;
        probe.start = QDateTime::currentDateTimeUtc();
        probe.output = QStringLiteral("probe %1").arg(i);
        services[0].healthLog = {probe};
        demo.lastOpened = probe.start;
        tray.updateProject(demo);
        tray.setActiveServices("/p/demo", services);
        QTest::qWait(5);
    }
    tray.applyPending();
    QTest::qWait(500);
    QCOMPARE(m_menuSignals, 0);
    QCOMPARE(layout(item).labels(), before.labels());

    // A state that does change is sent (in one batch), and the rows stay the same rows.
    services[1].status = Core::ServiceStatus::Unhealthy;
    services[1].containers[0].status = Core::ServiceStatus::Unhealthy;
    demo.servicesUp = 1;
    demo.unhealthy = 1;
    tray.updateProject(demo);
    tray.setActiveServices("/p/demo", services);
    QTRY_VERIFY_WITH_TIMEOUT(m_menuSignals > 0, 5000);
    const MenuNode after = layout(item);
    QVERIFY2(after.labels().contains("demo — 1/2 up · 1 unhealthy"),
             qPrintable(after.labels().join(" | ")));
    QVERIFY(after.labels().contains("db — unhealthy"));
    QCOMPARE(after.find("db — unhealthy")->id, before.find("db — healthy")->id);
    bus.disconnect(service, menu, "com.canonical.dbusmenu", "LayoutUpdated", this,
                   SLOT(recordMenuSignal(QDBusMessage)));
    bus.disconnect(service, menu, "com.canonical.dbusmenu", "ItemsPropertiesUpdated", this,
                   SLOT(recordMenuSignal(QDBusMessage)));
}

void TestTrayDBus::notify_sendsNotifyWithActions_rateLimited_replacesPerService()
{
    startNotificationServer();
    Ui::TrayController tray;
    tray.setProjects({project("/p/demo", "demo"), project("/p/shop", "shop")});
    tray.notifier()->setLimits({60, 3, 300});
    QSignalSpy delivered(tray.notifier(), &Ui::DesktopNotifier::delivered);

    // One alert: one notification with its actions.
    QVERIFY(tray.notifyAlert("/p/demo", exitedAlert("api", 137)));
    QVERIFY(!tray.notifyAlert("/p/demo", exitedAlert("api", 137))); // the same service, again
    QVERIFY(delivered.wait(5000));
    QCOMPARE(delivered.last().at(3).value<Delivery>(), Delivery::Server);
    QJsonArray calls = notifyCalls();
    QCOMPARE(calls.size(), 1);
    const QJsonObject first = calls.at(0).toObject();
    QCOMPARE(first["app_name"].toString(), QString("DevDock"));
    QCOMPARE(first["app_icon"].toString(), QString("org.devdock.DevDock"));
    QCOMPARE(first["summary"].toString(), QString("api exited in demo"));
    QCOMPARE(first["body"].toString(), QString("api exited unexpectedly (code 137)"));
    QCOMPARE(first["replaces_id"].toInt(), 0);
    const QStringList actions = first["actions"].toVariant().toStringList();
    QVERIFY2(actions.contains("logs") && actions.contains("Open logs"),
             qPrintable(actions.join(',')));
    QVERIFY2(actions.contains("restart") && actions.contains("Restart"),
             qPrintable(actions.join(',')));
    QCOMPARE(actions.size() % 2, 0); // key, label pairs
    QCOMPARE(first["hints"].toObject()["desktop-entry"].toString(), QString("org.devdock.DevDock"));
    QVERIFY(first["hints"].toObject().contains("urgency"));

    // A burst from one project (as engine events bring it, a few turns of the event loop
    // apart): one notification that names them all.
    QVERIFY(tray.notifyAlert("/p/shop", exitedAlert("web")));
    QTest::qWait(50);
    QVERIFY(tray.notifyAlert("/p/shop", exitedAlert("db")));
    QTest::qWait(50);
    QVERIFY(tray.notifyAlert("/p/shop", exitedAlert("cache")));
    QTRY_COMPARE_WITH_TIMEOUT(notifyCalls().size(), 2, 5000);
    QTest::qWait(500); // and no more than one
    calls = notifyCalls();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(1)["summary"].toString(), QString("3 services exited in shop"));
    QCOMPARE(calls.at(1)["body"].toString(),
             QString("web exited unexpectedly (code 1)\ndb exited unexpectedly (code 1)\n"
                     "cache exited unexpectedly (code 1)"));

    // The same service later: its notification still on screen is replaced, not stacked.
    tray.notifier()->setLimits({0, 3, 100});
    Core::ServiceAlert unhealthy;
    unhealthy.kind = Core::ServiceAlert::Kind::Unhealthy;
    unhealthy.service = "api";
    unhealthy.message = "api is unhealthy: curl: (7) Failed to connect";
    QVERIFY(tray.notifyAlert("/p/demo", unhealthy));
    QTRY_COMPARE_WITH_TIMEOUT(notifyCalls().size(), 3, 5000);
    calls = notifyCalls();
    QCOMPARE(calls.at(2)["summary"].toString(), QString("api is unhealthy in demo"));
    QCOMPARE(calls.at(2)["replaces_id"].toInt(), first["id"].toInt());

    // Three notifications this minute: the fourth alert is not shown.
    QVERIFY(!tray.notifyAlert("/p/demo", exitedAlert("worker")));
    QTest::qWait(500);
    QCOMPARE(notifyCalls().size(), 3);
}

void TestTrayDBus::notify_actionInvokedByServer_opensLogsOrRestartsTheRightService()
{
    if (m_notifications.state() == QProcess::NotRunning) {
        startNotificationServer();
    }
    Ui::TrayController tray;
    tray.setProjects({project("/p/demo", "demo"), project("/p/shop", "shop")});
    tray.notifier()->setLimits({60, 10, 100});
    QSignalSpy delivered(tray.notifier(), &Ui::DesktopNotifier::delivered);
    QSignalSpy restart(&tray, &Ui::TrayController::restartServiceRequested);
    QSignalSpy logs(&tray, &Ui::TrayController::openLogsRequested);
    const int before = notifyCalls().size();

    QVERIFY(tray.notifyAlert("/p/demo", exitedAlert("worker", 137)));
    QVERIFY(delivered.wait(5000));
    QVERIFY(tray.notifyAlert("/p/shop", exitedAlert("web")));
    QVERIFY(tray.notifyAlert("/p/shop", exitedAlert("db")));
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, 5000);
    const QJsonArray calls = notifyCalls();
    QCOMPARE(calls.size(), before + 2);
    const uint worker = calls.at(before)["id"].toInt();
    const uint shop = calls.at(before + 1)["id"].toInt();
    QCOMPARE(calls.at(before + 1)["summary"].toString(), QString("2 services exited in shop"));

    auto invoke = [this](uint id, const QString &key) {
        QDBusMessage m =
            QDBusMessage::createMethodCall(NotificationService, NotificationPath,
                                           "org.devdock.test.NotificationRecorder", "InvokeAction");
        m << id << key;
        QCOMPARE(call(m).type(), QDBusMessage::ReplyMessage);
    };
    // "Open logs" on one service's notification: that service of that project.
    invoke(worker, "logs");
    QTRY_COMPARE(logs.size(), 1);
    QCOMPARE(logs.at(0), QVariantList({"/p/demo", "worker"}));
    // "Restart" on the burst: each service it names, in its project.
    invoke(shop, "restart");
    QTRY_COMPARE(restart.size(), 2);
    QCOMPARE(restart.at(0), QVariantList({"/p/shop", "web"}));
    QCOMPARE(restart.at(1), QVariantList({"/p/shop", "db"}));
    // Closed notifications (and other applications' ones) ask for nothing.
    invoke(worker, "restart");
    invoke(4242, "logs");
    QTest::qWait(300);
    QCOMPARE(logs.size(), 1);
    QCOMPARE(restart.size(), 2);
}

// End to end: the tray of a real window over a real Workspace on the real engine. An opened
// project (not running) and a stack started with `docker compose up` in a terminal are both in
// the menu a panel reads over dbusmenu; Start and Stop clicked there go through
// TrayWindowBinding and the Workspace to the compose CLI, and the engine's containers (and the
// menu's next state) follow.
void TestTrayDBus::menu_overDbusmenu_startsAndStopsRealProjects_openedAndFromATerminal()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(Test::ensureTestImage(&error), qPrintable(error));
    const QString pid = QString::number(QCoreApplication::applicationPid());
    const QString opened = "dd-traye2e-open-" + pid;
    const QString terminal = "dd-traye2e-term-" + pid;
    QTemporaryDir openedDir;
    QTemporaryDir terminalDir;
    for (const auto &[dir, name] : {std::pair{&openedDir, opened}, std::pair{&terminalDir, terminal}}) {
        QFile f(dir->filePath("compose.yaml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("name: %1\nservices:\n  app:\n    image: %2\n    command: [\"sleep\", \"3600\"]\n"
                               "    stop_grace_period: 1s\n")
                    .arg(name, Test::kTestImage)
                    .toUtf8());
    }
    auto composeIn = [](const QTemporaryDir &dir, const QStringList &args) {
        return Test::docker(QStringList{"compose", "--project-directory", dir.path()} + args, 120000);
    };
    const auto down = qScopeGuard([&] {
        composeIn(openedDir, {"down", "-t", "0"});
        composeIn(terminalDir, {"down", "-t", "0"});
    });
    const Test::Run started = composeIn(terminalDir, {"up", "-d"});
    QVERIFY2(started.exitCode == 0, started.err.constData());
    auto state = [](const QString &project) {
        return QString::fromUtf8(Test::docker({"ps", "-a", "--format", "{{.State}}", "--filter",
                                               "label=com.docker.compose.project=" + project})
                                     .out)
            .trimmed();
    };

    auto endpoint = Core::EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    Ui::TrayController tray;
    Ui::TrayWindowBinding binding(&window, &tray);
    window.show();
    QSignalSpy settled(&window, &Ui::MainWindow::settled);
    window.openProject(openedDir.path());
    QVERIFY(settled.wait(30000));
    const QString item = itemOf(tray);
    QVERIFY(!item.isEmpty());
    // The menu a panel reads: both projects with Start/Stop/Open.
    auto entry = [&](const QString &text) {
        const MenuNode root = layout(item);
        const MenuNode *node = root.find(text);
        return node && node->enabled() ? node->id : 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(entry("Start " + opened) != 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(entry("Stop " + terminal) != 0, 15000);
    QVERIFY(entry("Open " + terminal) != 0);
    QVERIFY(state(opened).isEmpty());

    QSignalSpy finished(&workspace, &Core::Workspace::actionFinished);
    clickMenu(item, entry("Start " + opened));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.at(0).at(0).toString().isEmpty(), false);
    QCOMPARE(finished.at(0).at(1).toString(), QString("start"));
    QVERIFY2(finished.at(0).at(2).value<Core::Result<void>>(), "the start failed");
    QCOMPARE(state(opened), QString("running"));
    // The menu follows the engine: the opened project can be stopped now.
    QTRY_VERIFY_WITH_TIMEOUT(entry("Stop " + opened) != 0, 15000);

    // A crash in the terminal's stack (its process killed from outside, no stop asked for): a
    // notification, though DevDock never opened that project.
    if (!QDBusConnection::sessionBus().interface()->isServiceRegistered(NotificationService)) {
        startNotificationServer();
    }
    const int callsBefore = int(notifyCalls().size());
    const QString terminalApp = QString::fromUtf8(Test::docker({"compose", "-p", terminal, "ps", "-q", "app"}).out).trimmed();
    const QString hostPid = QString::fromUtf8(Test::docker({"inspect", "-f", "{{.State.Pid}}", terminalApp}).out).trimmed();
    QVERIFY(hostPid.toInt() > 0);
    QCOMPARE(Test::run("kill", {"-9", hostPid}).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(state(terminal), QString("exited"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(notifyCalls().size() > callsBefore, 10000);
    const QJsonObject crash = notifyCalls().last().toObject();
    QCOMPARE(crash["summary"].toString(), QString("app exited in %1").arg(terminal));
    QCOMPARE(crash["body"].toString(), QString("app exited unexpectedly (code 137)"));
    // Started again from the tray, it runs; the deliberate stop below raises nothing.
    finished.clear();
    QTRY_VERIFY_WITH_TIMEOUT(entry("Start " + terminal) != 0, 15000);
    clickMenu(item, entry("Start " + terminal));
    QVERIFY(finished.wait(120000));
    QTRY_COMPARE_WITH_TIMEOUT(state(terminal), QString("running"), 15000);
    const int callsAtStop = int(notifyCalls().size());

    // The terminal's stack, never opened in DevDock, stopped from the tray.
    QTRY_VERIFY_WITH_TIMEOUT(entry("Stop " + terminal) != 0, 15000);
    finished.clear();
    clickMenu(item, entry("Stop " + terminal));
    QVERIFY(finished.wait(120000));
    QVERIFY2(finished.at(0).at(2).value<Core::Result<void>>(), "the stop failed");
    QTRY_COMPARE_WITH_TIMEOUT(state(terminal), QString("exited"), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(entry("Start " + terminal) != 0, 15000);
    QTest::qWait(1000);
    QCOMPARE(int(notifyCalls().size()), callsAtStop);

    finished.clear();
    clickMenu(item, entry("Stop " + opened));
    QVERIFY(finished.wait(120000));
    QTRY_COMPARE_WITH_TIMEOUT(state(opened), QString("exited"), 15000);
}

QTEST_MAIN(TestTrayDBus)
#include "tst_traydbus.moc"
