// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/endpoint.h"
#include "engine/engineclient.h"
#include "mainwindow.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"
#include "tray/traycontroller.h"

#include <QMenu>
#include <QSignalSpy>
#include <QTest>

using namespace DevDock;
using Overall = Ui::TrayController::Overall;

namespace {

Core::ServiceState state(const QString &name, Core::ServiceStatus status, int exitCode = 0)
{
    Core::ServiceState s;
    s.name = name;
    s.status = status;
    s.exitCode = exitCode;
    if (status != Core::ServiceStatus::NotCreated) {
        Core::ContainerState c;
        c.service = name;
        c.status = status;
        s.containers = {c};
    }
    return s;
}

Core::ServiceAlert alert(const QString &service)
{
    Core::ServiceAlert a;
    a.service = service;
    a.message = service + " exited unexpectedly (code 1)";
    return a;
}

} // namespace

class TestTrayController : public QObject
{
    Q_OBJECT
private slots:
    void overall_fromServiceStates();
    void notify_rateLimitedPerServiceAndOverall();
    void menu_offersOpenAndQuit();
};

void TestTrayController::overall_fromServiceStates()
{
    using S = Core::ServiceStatus;
    QCOMPARE(Ui::TrayController::overallOf({}), Overall::Idle);
    QCOMPARE(Ui::TrayController::overallOf({state("a", S::NotCreated)}), Overall::Idle);
    QCOMPARE(Ui::TrayController::overallOf({state("a", S::Healthy), state("b", S::Running)}),
             Overall::Healthy);
    QCOMPARE(Ui::TrayController::overallOf({state("a", S::Healthy), state("b", S::Unhealthy)}),
             Overall::Degraded);
    QCOMPARE(Ui::TrayController::overallOf({state("a", S::Starting), state("b", S::Exited, 137)}),
             Overall::Failing);
    // A one-shot job that finished well is not a failure.
    QCOMPARE(
        Ui::TrayController::overallOf({state("a", S::Healthy), state("migrate", S::Exited, 0)}),
        Overall::Healthy);
    // Every state has its own icon (shape and colour).
    const QImage idle = Ui::TrayController::iconFor(Overall::Idle).pixmap(32).toImage();
    const QImage healthy = Ui::TrayController::iconFor(Overall::Healthy).pixmap(32).toImage();
    const QImage failing = Ui::TrayController::iconFor(Overall::Failing).pixmap(32).toImage();
    QVERIFY(idle != healthy && healthy != failing && idle != failing);
    // Without the engine nothing is known: neither idle nor failing, an icon of its own.
    QCOMPARE(Ui::TrayController::overallOf({state("a", S::Unknown), state("b", S::Unknown)}),
             Overall::Unknown);
    const QImage unknown = Ui::TrayController::iconFor(Overall::Unknown).pixmap(32).toImage();
    QVERIFY(unknown != idle && unknown != failing && unknown != healthy);
}

void TestTrayController::notify_rateLimitedPerServiceAndOverall()
{
    Core::EngineClient client(*Core::parseDockerHost("unix:///tmp/devdock-tray-test.sock"));
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    Ui::TrayController tray(&window);
    QSignalSpy notified(&tray, &Ui::TrayController::notified);
    QVERIFY(tray.notify(alert("api")));
    QVERIFY(!tray.notify(alert("api"))); // the same service within a minute
    QVERIFY(tray.notify(alert("db")));
    QVERIFY(tray.notify(alert("cache")));
    QVERIFY(tray.notify(alert("web")));
    QVERIFY(tray.notify(alert("worker")));
    QVERIFY(!tray.notify(alert("proxy"))); // five a minute in all
    QCOMPARE(notified.size(), 5);
    QCOMPARE(notified.at(0).at(0).toString(), QString("api"));
    QCOMPARE(notified.at(0).at(1).toString(), QString("api exited unexpectedly (code 1)"));
    // The window's alerts reach the tray.
    emit window.serviceAlert(alert("other"));
    QCOMPARE(notified.size(), 5); // still rate-limited
}

void TestTrayController::menu_offersOpenAndQuit()
{
    Core::EngineClient client(*Core::parseDockerHost("unix:///tmp/devdock-tray-test.sock"));
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    Ui::TrayController tray(&window);
    QStringList texts;
    for (QAction *a : tray.menu()->actions()) {
        texts << a->text();
    }
    QVERIFY(texts.contains("Open DevDock"));
    QVERIFY(texts.contains("Quit"));
}

QTEST_MAIN(TestTrayController)
#include "tst_traycontroller.moc"
