// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/endpoint.h"
#include "engine/engineclient.h"
#include "mainwindow.h"
#include "workspace/workspace.h"
#include "tray/desktopnotifier.h"
#include "tray/traycontroller.h"
#include "tray/traywindowbinding.h"

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

Core::ProjectSummary summary(const QString &name, int total, int up, int unhealthy = 0,
                             int exited = 0)
{
    Core::ProjectSummary p;
    p.id = "/projects/" + name;
    p.name = name;
    p.directory = p.id;
    p.known = true;
    p.servicesTotal = total;
    p.servicesUp = up;
    p.unhealthy = unhealthy;
    p.exited = exited;
    return p;
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
    void stateText_data();
    void stateText();
    void notify_rateLimitedPerServiceAndOverall();
    void notify_twoCheckoutsOfOneName_toldApartByBranchOrFolder();
    void menu_offersOpenAndQuit();
    void menu_updatesInPlace_batchingProbes();
    void menu_whileOpen_keepsItsRowsUntilClosed();
};

void TestTrayController::overall_fromServiceStates()
{
    using S = Core::ServiceStatus;
    QCOMPARE(Ui::TrayController::overallOf(QList<Core::ServiceState>{}), Overall::Idle);
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

void TestTrayController::stateText_data()
{
    QTest::addColumn<Core::ProjectSummary>("project");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Overall>("overall");
    QTest::newRow("all up") << summary("demo", 10, 10) << "10/10 up" << Overall::Healthy;
    QTest::newRow("some up") << summary("demo", 10, 3) << "3/10 up" << Overall::Healthy;
    QTest::newRow("unhealthy") << summary("demo", 10, 3, 1) << "3/10 up · 1 unhealthy"
                               << Overall::Degraded;
    QTest::newRow("exited") << summary("demo", 4, 2, 0, 2) << "2/4 up · 2 exited"
                            << Overall::Failing;
    // A deliberate stop is not a failure.
    QTest::newRow("stopped") << summary("demo", 10, 0) << "stopped" << Overall::Idle;
    Core::ProjectSummary unreachable = summary("demo", 10, 3);
    unreachable.engineReachable = false;
    QTest::newRow("engine unreachable") << unreachable << "engine unreachable" << Overall::Unknown;
    Core::ProjectSummary unknown = summary("demo", 0, 0);
    unknown.known = false;
    QTest::newRow("not known yet") << unknown << "state not known yet" << Overall::Unknown;
    Core::ProjectSummary failed = summary("demo", 0, 0);
    failed.loadError = "compose.yaml:3:1: bad indentation";
    QTest::newRow("load failed") << failed << "failed to load" << Overall::Failing;
}

void TestTrayController::stateText()
{
    QFETCH(Core::ProjectSummary, project);
    QFETCH(QString, text);
    QFETCH(Overall, overall);
    QCOMPARE(Ui::TrayController::stateText(project), text);
    QCOMPARE(Ui::TrayController::overallOf(project), overall);
}

void TestTrayController::notify_rateLimitedPerServiceAndOverall()
{
    Ui::TrayController tray;
    tray.setProjects({summary("demo", 10, 10), summary("shop", 3, 3)});
    tray.notifier()->setLimits({60, 2, 100});
    QSignalSpy delivered(tray.notifier(), &Ui::DesktopNotifier::delivered);
    QVERIFY(tray.notifyAlert("/projects/demo", alert("api")));
    QVERIFY(!tray.notifyAlert("/projects/demo", alert("api"))); // the same service within a minute
    QTest::qWait(30); // a burst arrives over a few turns of the event loop
    QVERIFY(tray.notifyAlert("/projects/demo", alert("db")));  // the same burst: one notification
    QVERIFY(tray.notifyAlert("/projects/shop", alert("api"))); // another project's api
    QVERIFY(tray.notifyAlert("/projects/shop", alert("web"))); // the same burst as shop's api
    QTRY_COMPARE(delivered.size(), 2);
    QCOMPARE(delivered.at(0).at(0).toString(), QString("/projects/demo"));
    QCOMPARE(delivered.at(0).at(1).toString(), QString("2 services exited in demo"));
    QCOMPARE(delivered.at(0).at(2).toString(),
             QString("api exited unexpectedly (code 1)\ndb exited unexpectedly (code 1)"));
    QCOMPARE(delivered.at(1).at(1).toString(), QString("2 services exited in shop"));
    // Two notifications this minute: a third is not shown, from any project.
    QVERIFY(!tray.notifyAlert("/projects/demo", alert("worker")));
    QTest::qWait(300);
    QCOMPARE(delivered.size(), 2);
}

void TestTrayController::notify_twoCheckoutsOfOneName_toldApartByBranchOrFolder()
{
    Ui::TrayController tray;
    auto checkout = [](const QString &directory, const QString &branch = {}) {
        Core::ProjectSummary p = summary("demo", 3, 3);
        p.id = p.directory = directory;
        p.branch = branch;
        return p;
    };
    tray.setProjects({checkout("/home/dev/src/demo"), checkout("/home/dev/wt/demo-login"),
                      checkout("/home/dev/old/demo"), checkout("/srv/demo-main", "main")});
    tray.notifier()->setLimits({60, 10, 10});
    QSignalSpy delivered(tray.notifier(), &Ui::DesktopNotifier::delivered);
    const QStringList ids{"/home/dev/src/demo", "/home/dev/wt/demo-login", "/home/dev/old/demo",
                          "/srv/demo-main"};
    for (const QString &id : ids) {
        QTest::qWait(30); // each its own burst
        QVERIFY(tray.notifyAlert(id, alert("api")));
    }
    QTRY_COMPARE(delivered.size(), 4);
    QStringList titles;
    for (const auto &call : delivered) {
        titles << call.at(1).toString();
    }
    // The folder names the checkout (with its parent where two folders share a name), or the
    // branch; never a whole path.
    QCOMPARE(titles, QStringList({"api exited in demo (src/demo)", "api exited in demo (demo-login)",
                                  "api exited in demo (old/demo)", "api exited in demo (main)"}));
}

void TestTrayController::menu_offersOpenAndQuit()
{
    Core::EngineClient client(*Core::parseDockerHost("unix:///tmp/devdock-tray-test.sock"));
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    Ui::TrayController tray;
    Ui::TrayWindowBinding binding(&window, &tray);
    QSignalSpy show(&tray, &Ui::TrayController::showWindowRequested);
    QStringList texts;
    QAction *open = nullptr;
    for (QAction *a : tray.menu()->actions()) {
        texts << a->text();
        open = a->text() == "Open DevDock" ? a : open;
    }
    QVERIFY2(texts.contains("Open DevDock"), qPrintable(texts.join(", ")));
    QVERIFY2(texts.contains("Quit DevDock"), qPrintable(texts.join(", ")));
    QVERIFY(texts.contains("No projects yet: open one in DevDock"));
    open->trigger();
    QCOMPARE(show.size(), 1);
    QTRY_VERIFY(window.isVisible()); // the binding shows the window
}

void TestTrayController::menu_updatesInPlace_batchingProbes()
{
    Ui::TrayController tray;
    tray.setBatchInterval(100);
    Core::ProjectSummary demo = summary("demo", 10, 3);
    tray.setProjects({demo});
    tray.applyPending();
    QMenu *entry = tray.projectMenu(demo.id);
    QVERIFY(entry);
    QCOMPARE(entry->title(), QString("demo — 3/10 up"));
    QSignalSpy changed(entry->menuAction(), &QAction::changed);
    // Health probes: summaries with the same state, many a second. Nothing changes.
    for (int i = 0; i < 50; ++i) {
        demo.lastOpened = QDateTime::currentDateTimeUtc().addSecs(i);
        tray.updateProject(demo);
    }
    tray.applyPending();
    QCOMPARE(changed.size(), 0);
    // States that change quickly are applied together, once, to the same entry.
    for (int up = 4; up <= 9; ++up) {
        demo.servicesUp = up;
        tray.updateProject(demo);
    }
    QCOMPARE(entry->title(), QString("demo — 3/10 up")); // not yet: batched
    QTRY_COMPARE(entry->title(), QString("demo — 9/10 up"));
    QCOMPARE(tray.projectMenu(demo.id), entry);
    QCOMPARE(changed.size(), 1); // one new text in one pass; the icon (healthy) stays
}

void TestTrayController::menu_whileOpen_keepsItsRowsUntilClosed()
{
    Ui::TrayController tray;
    Core::ProjectSummary demo = summary("demo", 10, 3);
    tray.setProjects({demo});
    tray.applyPending();
    const QList<QAction *> rows = tray.menu()->actions();
    tray.menu()->popup(QPoint(10, 10));
    QTRY_VERIFY(tray.menu()->isVisible());
    // A new project and a new state while the user looks at the menu: the state shows at once,
    // the new row waits, so nothing jumps under the pointer.
    demo.servicesUp = 10;
    tray.updateProject(demo);
    tray.updateProject(summary("shop", 2, 2));
    tray.applyPending();
    QCOMPARE(tray.menu()->actions(), rows);
    QCOMPARE(tray.projectMenu(demo.id)->title(), QString("demo — 10/10 up"));
    QVERIFY(tray.menu()->isVisible());
    tray.menu()->hide();
    QTRY_VERIFY(tray.projectMenu("/projects/shop") != nullptr);
    QCOMPARE(tray.projectMenu("/projects/shop")->title(), QString("shop — 2/2 up"));
    QCOMPARE(tray.menu()->actions().size(), rows.size() + 1);
}

QTEST_MAIN(TestTrayController)
#include "tst_traycontroller.moc"
