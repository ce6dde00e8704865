// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The main window driving the demo stack against the real engine and compose CLI, offscreen:
// Up from the toolbar turns the graph running/healthy; killing a container turns its node to
// exited and notifies; details, ports and stats follow; the engine restarting shows the banner
// and recovers; Down from the toolbar empties the stack.
#include "../common/dockertest.h"
#include "traytest.h"

#include "details/servicedetailspanel.h"
#include "devloop/devloop.h"
#include "engine/engineclient.h"
#include "env/enveditorpanel.h"
#include "env/envkeymodel.h"
#include "logs/logpanel.h"
#include "logs/logview.h"
#include "mainwindow.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"
#include "operations/operationpanel.h"
#include "ports/portlistmodel.h"
#include "services/servicelistmodel.h"
#include "stack/livestate.h"
#include "topology/topologyview.h"
#include "tray/desktopnotifier.h"
#include "tray/traycontroller.h"
#include "tray/traywindowbinding.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QMenu>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using namespace DevDock;
using namespace DevDock::Test;

namespace {

const char *kProject = "devdock-it-ui";

template <typename T>
T *byAccessibleName(QWidget *root, const QString &name)
{
    for (T *w : root->findChildren<T *>()) {
        if (w->accessibleName() == name) {
            return w;
        }
    }
    return nullptr;
}

QToolButton *toolbarButton(QWidget *root, const QString &text)
{
    auto *toolbar = byAccessibleName<QToolBar>(root, "Stack actions");
    if (!toolbar) {
        return nullptr;
    }
    for (QToolButton *b : toolbar->findChildren<QToolButton *>()) {
        if (b->defaultAction() && b->defaultAction()->text().remove('&') == text) {
            return b;
        }
    }
    return nullptr;
}

bool allUp(Ui::TopologyView *view, const Core::ComposeProject &project)
{
    for (const Core::ComposeService &s : project.services) {
        Ui::ServiceNodeItem *node = view->node(s.name);
        if (!node) {
            return false;
        }
        const auto status = node->state().status;
        const bool ok = s.healthcheck ? status == Core::ServiceStatus::Healthy
                                      : status == Core::ServiceStatus::Running;
        if (!ok) {
            return false;
        }
    }
    return true;
}

// The demo project copied into `to` (its hidden .env files only with QDir::Hidden), leaving out
// files whose path ends with `skip`.
bool copyDemo(const QString &to, QDir::Filters filters, const QString &skip = {})
{
    const QString from = QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/demo");
    QDirIterator it(from, filters, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!skip.isEmpty() && file.endsWith(skip)) {
            continue;
        }
        const QString target = to + file.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(file, target)) {
            return false;
        }
    }
    return true;
}

} // namespace

class TestProjectWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void upKillDetailsEngineRestartDown();
    void envProfileSwitch_offersToRecreateExactlyTheChanged_editorSaveToo();
    void composeProfiles_buttonNamesHiddenServices_choiceRememberedOnReopen();
};

void TestProjectWindow::initTestCase()
{
    // Settings of this test only, not the user's.
    QCoreApplication::setOrganizationName("DevDock-test");
    QCoreApplication::setApplicationName("tst_projectwindow");
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    {
        QString demoError;
        QVERIFY2(ensureDemoImages(&demoError), qPrintable(demoError));
    }
    // Its own project name and ports, so that a running demo stack is left alone.
    qputenv("COMPOSE_PROJECT_NAME", kProject);
    qputenv("DEMO_HTTP_PORT", QByteArray::number(freePort()));
    qputenv("DEMO_TEMPORAL_UI_PORT", QByteArray::number(freePort()));
    qputenv("DEMO_FLAKY_PERIOD", "3600");
    run("docker", {"compose", "-p", kProject, "down", "-v", "-t", "1"});
}

void TestProjectWindow::cleanupTestCase()
{
    run("docker", {"compose", "-p", kProject, "down", "-v", "-t", "1"});
}

void TestProjectWindow::upKillDetailsEngineRestartDown()
{
    QTemporaryDir dir;
    QVERIFY(copyDemo(dir.path(), QDir::Files));
    // .env.example documents POSTGRES_PASSWORD: a secret, masked wherever it shows.
    QFile example(dir.filePath(".env.example"));
    QVERIFY(example.open(QIODevice::WriteOnly));
    example.write("# The database password.\nPOSTGRES_PASSWORD=\n");
    example.close();

    // Stacks other runs left on the engine are not this test's; its own state is what counts.
    const QSet<QString> foreign = composeProjectsOnEngine() - QSet<QString>{QString(kProject)};
    auto endpoint = Core::EngineClient::systemEndpoint();
    QVERIFY(endpoint.has_value());
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    Ui::TrayController tray;
    Ui::TrayWindowBinding trayBinding(&window, &tray);
    QSignalSpy notified(tray.notifier(), &Ui::DesktopNotifier::delivered);
    QSignalSpy settled(&window, &Ui::MainWindow::settled);
    window.show();
    QAbstractItemModelTester services(window.serviceModel(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester ports(window.portModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.openProject(dir.path());
    QVERIFY(settled.wait(30000));
    Core::ProjectRuntime *session = window.activeRuntime();
    QCOMPARE(session->project().name, QString(kProject));
    Ui::TopologyView *graph = window.topologyView();
    QCOMPARE(graph->nodeNames().size(), 10);
    QCOMPARE(graph->node("backend")->state().status, Core::ServiceStatus::NotCreated);
    QVERIFY2(graph->node("backend")->explanation().startsWith(
                 QString("backend: not created — dependency postgres is not created\n")),
             qPrintable(graph->node("backend")->explanation()));

    // Up from the toolbar.
    QToolButton *up = toolbarButton(&window, "Up");
    QVERIFY(up);
    QVERIFY(up->isEnabled());
    QTest::mouseClick(up, Qt::LeftButton);
    QVERIFY2(waitUntil([&] { return allUp(graph, session->project()); }, 120000),
             qPrintable(window.operationPanel()->outputText()));
    QVERIFY(waitUntil([&] { return window.operationPanel()->title().contains("done"); }, 60000));
    QCOMPARE(window.operationPanel()->serviceStatus("nginx").isEmpty(), false);
    QVERIFY(graph->edge("backend", "postgres")->isSatisfied());
    // Every project the tray lists counts, remembered ones included (they say why if not),
    // except stacks that were on the engine before this test. (The tray's summaries follow the
    // engine's events; on a loaded machine that takes seconds.)
    QTRY_VERIFY2_WITH_TIMEOUT(
        overallWithout(tray, foreign) == Ui::TrayController::Overall::Healthy, qPrintable([&] {
        QStringList entries;
        for (QAction *action : tray.menu()->actions()) {
            entries << action->text();
        }
        return entries.join(" | ");
    }()), 30000);

    // The ports view: the published port with its URL.
    const int httpPort = qEnvironmentVariableIntValue("DEMO_HTTP_PORT");
    bool sawUrl = false;
    for (const Ui::PortRow &row : window.portModel()->rows()) {
        if (row.request.service == "nginx") {
            sawUrl = row.url == QString("http://127.0.0.1:%1/").arg(httpPort) && row.live;
        }
    }
    QVERIFY(sawUrl);
    QVERIFY(graph->node("nginx")->urls().contains(QString("http://127.0.0.1:%1/").arg(httpPort)));

    // Details of the selected service: the secret is masked, also inside another value.
    window.selectService("backend");
    Ui::ServiceDetailsPanel *details = window.detailsPanel();
    QCOMPARE(details->service(), QString("backend"));
    const QString env = details->environmentLines().join('\n');
    QVERIFY2(env.contains("DATABASE_URL=postgresql://synapse:********@postgres:5432/synapse_dte"),
             qPrintable(env));
    QVERIFY(!env.contains("demo-password"));
    window.selectService("postgres");
    QVERIFY(details->environmentLines().contains("POSTGRES_PASSWORD=********"));
    QVERIFY(waitUntil([&] { return !details->probeLines().isEmpty(); }, 10000));
    QVERIFY(details->probeLines().first().contains("exit 0"));
    QVERIFY(waitUntil([&] { return details->sampleCount() >= 2; }, 15000)); // its charts fill

    // Stats for the services table only while it is visible; totals in MB.
    window.tabs()->setCurrentWidget(window.findChild<QWidget *>("servicesView"));
    QVERIFY(waitUntil([&] { return window.serviceStats()->streamCount() >= 10; }, 10000));
    QVERIFY(waitUntil(
        [&] {
            return !window.serviceModel()
                        ->index(0, Ui::ServiceListModel::MemoryColumn)
                        .data()
                        .toString()
                        .isEmpty();
        },
        15000));
    auto *totals = byAccessibleName<QLabel>(&window, "Stack memory total");
    QVERIFY(totals && totals->text().contains("MB"));
    window.tabs()->setCurrentWidget(graph);
    // Only the details' charts of the selected service stream now (one stream, shared).
    QCOMPARE(window.serviceStats()->streamCount(), 1);

    // The logs of one service, from the context menu's "Open logs": its lines only, following.
    window.showLogs("backend");
    QVERIFY(window.logPanel());
    QVERIFY(waitUntil([&] { return window.logPanel()->rows()->count() >= 3; }, 15000));
    for (qint64 row = 0; row < window.logPanel()->rows()->count(); ++row) {
        const QString text = window.logPanel()->view()->shownText(row);
        QVERIFY2(text.contains("backend"), qPrintable(text));
    }
    QVERIFY(window.logPanel()->view()->isFollowing());
    window.tabs()->setCurrentWidget(graph);

    // A container killed outside DevDock: its node turns exited, and a notification says so.
    QCOMPARE(docker({"kill", QString(kProject) + "-worker-1"}).exitCode, 0);
    QVERIFY(waitUntil(
        [&] { return graph->node("worker")->state().status == Core::ServiceStatus::Exited; },
        10000));
    QVERIFY2(graph->node("worker")->stateText().startsWith(QString("exited (137)")),
             qPrintable(graph->node("worker")->stateText()));
    QVERIFY(waitUntil([&] { return !notified.isEmpty(); }, 10000));
    QCOMPARE(notified.at(0).at(0).toString(), session->id());
    QVERIFY2(notified.at(0).at(1).toString().startsWith(QString("worker exited in %1").arg(kProject)),
             qPrintable(notified.at(0).at(1).toString()));
    QVERIFY(notified.at(0).at(2).toString().contains("exited unexpectedly (code 137)"));
    QTRY_COMPARE(overallWithout(tray, foreign), Ui::TrayController::Overall::Failing);
    QVERIFY(details->transitions("worker").value(0).contains("exited"));

    // The engine goes away and comes back: the banner says so, the graph stays, state recovers.
    const QByteArray restart = qgetenv("DEVDOCK_TEST_RESTART_DOCKERD");
    if (!restart.isEmpty()) {
        auto *banner = byAccessibleName<QLabel>(&window, "Engine error");
        QVERIFY(banner);
        const QStringList command = QString::fromUtf8(restart).split(' ', Qt::SkipEmptyParts);
        QProcess restarter;
        restarter.start(command.first(), command.mid(1));
        QVERIFY(waitUntil([&] { return banner->isVisible(); }, 60000));
        QVERIFY2(banner->text().contains("dockerd") || banner->text().contains("engine"),
                 qPrintable(banner->text()));
        QCOMPARE(graph->nodeNames().size(), 10); // still drawn from the files
        QVERIFY(restarter.waitForFinished(120000));
        QVERIFY(waitUntil([&] { return !banner->isVisible(); }, 60000));
        // Services with a restart policy come back by themselves; the graph shows it.
        QVERIFY(waitUntil(
            [&] { return graph->node("postgres")->state().status == Core::ServiceStatus::Healthy; },
            60000));
    } else {
        qInfo("DEVDOCK_TEST_RESTART_DOCKERD not set: the engine-restart part is left out");
    }

    // Down from the toolbar.
    QToolButton *down = toolbarButton(&window, "Down");
    QVERIFY(down);
    QTest::mouseClick(down, Qt::LeftButton);
    QVERIFY(waitUntil(
        [&] {
            for (const QString &name : graph->nodeNames()) {
                if (graph->node(name)->state().status != Core::ServiceStatus::NotCreated) {
                    return false;
                }
            }
            return true;
        },
        120000));
    QVERIFY(waitUntil([&] { return !session->controller()->isBusy(); }, 30000));

    // A port held by another process: Up is refused in the window, with the holder and a hint,
    // and the Ports view names the holder too.
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    qputenv("DEMO_HTTP_PORT", QByteArray::number(holder.serverPort()));
    QSignalSpy loaded(&window, &Ui::MainWindow::projectLoaded);
    session->reload();
    QVERIFY(loaded.wait(20000));
    QSignalSpy failed(window.operationPanel(), &Ui::OperationPanel::actionFailed);
    QTest::mouseClick(toolbarButton(&window, "Up"), Qt::LeftButton);
    QVERIFY(failed.wait(30000));
    const QString error = window.operationPanel()->errorText();
    QVERIFY2(
        error.contains(QString("Port 127.0.0.1:%1/tcp, wanted by nginx").arg(holder.serverPort())),
        qPrintable(error));
    QVERIFY2(error.contains("process tst_projectwind"), qPrintable(error)); // comm: 15 characters
    QVERIFY2(error.contains("Stop what holds the port"), qPrintable(error));
    QVERIFY(waitUntil([&] { return window.portModel()->conflictCount() == 1; }, 10000));
    QCOMPARE(graph->node("nginx")->state().status, Core::ServiceStatus::NotCreated); // nothing ran

    // The project is remembered: recent projects and the one to reopen at start.
    QSettings settings;
    QCOMPARE(settings.value("lastProject").toString(), QFileInfo(dir.path()).absoluteFilePath());
    QVERIFY(settings.value("recentProjects")
                .toStringList()
                .contains(QFileInfo(dir.path()).absoluteFilePath()));
}

void TestProjectWindow::envProfileSwitch_offersToRecreateExactlyTheChanged_editorSaveToo()
{
    QTemporaryDir dir;
    QVERIFY(copyDemo(dir.path(), QDir::Files | QDir::Hidden, "/.env.local"));
    qputenv("DEMO_HTTP_PORT", QByteArray::number(freePort()));
    auto endpoint = Core::EngineClient::systemEndpoint();
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    window.show();
    QSignalSpy loaded(&window, &Ui::MainWindow::projectLoaded);
    window.openProject(dir.path());
    QVERIFY(loaded.wait(30000));
    Core::ProjectRuntime *session = window.activeRuntime();
    QCOMPARE(session->envProfile(), QString("development"));
    auto logLevel = [&](const QString &service) {
        const Run r = docker({"inspect", "--format", "{{json .Config.Env}}",
                              QString(kProject) + "-" + service + "-1"});
        const int at = r.out.indexOf("LOG_LEVEL=");
        return at < 0 ? QByteArray() : r.out.mid(at + 10, r.out.indexOf('"', at) - at - 10);
    };
    // backend and worker (and their dependencies) run; temporal-ui does not.
    session->controller()->startWithDependencies({"backend", "worker"});
    QVERIFY(waitUntil(
        [&] {
            return !session->controller()->isBusy() && session->liveState()->service("worker")
                   && session->liveState()->service("worker")->isUp();
        },
        120000));
    QCOMPARE(logLevel("backend"), QByteArray("debug"));

    // To production: LOG_LEVEL changes backend and worker, DEMO_FLAKY_PERIOD temporal-ui (not
    // running, so not offered); nothing else.
    auto *combo = window.findChild<QComboBox *>("envProfileCombo");
    QVERIFY(combo);
    const int production = combo->findText("production");
    QVERIFY(production >= 0);
    QSignalSpy offered(&window, &Ui::MainWindow::recreateOfferChanged);
    combo->setCurrentIndex(production);
    emit combo->activated(production);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(session->envProfile(), QString("production"));
    QVERIFY(offered.wait(30000)); // Compose's config hashes
    // What Compose's config hashes say differs from the running containers' labels (Compose
    // would recreate exactly those); the two whose LOG_LEVEL changed are among them.
    QVERIFY2(window.recreateOffer().contains("backend") && window.recreateOffer().contains("worker"),
             qPrintable(window.recreateOffer().join(' ')));
    auto *banner = window.findChild<QWidget *>("recreateBanner");
    QVERIFY(banner && banner->isVisible());
    QVERIFY(window.findChild<QLabel *>("recreateText")->text().contains("backend, worker"));
    const Run postgresBefore =
        docker({"inspect", "--format", "{{.Id}}", QString(kProject) + "-postgres-1"});
    QTest::mouseClick(window.findChild<QPushButton *>("recreateButton"), Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    QVERIFY(waitUntil(
        [&] { return logLevel("backend") == "warning" && logLevel("worker") == "warning"; },
        120000));
    QVERIFY(waitUntil([&] { return !session->controller()->isBusy(); }, 60000));
    // Only those two were recreated.
    QCOMPARE(docker({"inspect", "--format", "{{.Id}}", QString(kProject) + "-postgres-1"}).out,
             postgresBefore.out);

    // The editor: LOG_LEVEL=info in .env.production, saved -> the same offer.
    QVERIFY(window.showView("environment"));
    Ui::EnvEditorPanel *panel = window.envPanel();
    QVERIFY(waitUntil(
        [&] { return panel->isLoaded() && panel->editor()->profileName() == "production"; },
        10000));
    QVERIFY(panel->editor()->setValue(".env.production", "LOG_LEVEL", "info"));
    panel->model()->refresh();
    offered.clear();
    panel->save();
    QVERIFY(loaded.wait(30000));
    QVERIFY(offered.wait(30000));
    QVERIFY2(window.recreateOffer() == QStringList({"backend", "worker"}),
             qPrintable(window.recreateOffer().join(' ')));
    QFile production_file(dir.filePath(".env.production"));
    QVERIFY(production_file.open(QIODevice::ReadOnly));
    QCOMPARE(production_file.readAll(),
             QByteArray("# The production profile: quiet logs, temporal-ui stays healthy.\n"
                        "LOG_LEVEL=info\nDEMO_FLAKY_PERIOD=86400\n"));
    window.acceptRecreateOffer();
    QVERIFY(waitUntil([&] { return logLevel("backend") == "info"; }, 120000));
    QVERIFY(waitUntil([&] { return !session->controller()->isBusy(); }, 60000));

    // Unsaved edits are not lost to a profile switch: asked first; Cancel keeps both.
    QVERIFY(panel->editor()->setValue(".env.production", "LOG_LEVEL", "debug"));
    QVERIFY(panel->editor()->isModified());
    const int development = combo->findText("development");
    bool asked = false;
    QTimer::singleShot(200, this, [&] {
        auto *box = window.findChild<QMessageBox *>("unsavedEnvDialog");
        asked = box && box->objectName() == "unsavedEnvDialog";
        if (box) {
            box->button(QMessageBox::Cancel)->click();
        }
    });
    combo->setCurrentIndex(development);
    emit combo->activated(development);
    QVERIFY(asked);
    QCOMPARE(session->envProfile(), QString("production"));
    QCOMPARE(combo->currentText(), QString("production"));
    QVERIFY(panel->editor()->isModified());
    panel->reloadFromDisk();

    // Dev mode from the window: the services view and the graph say so, and it is undone.
    Core::setDevModeServices(dir.path(), {});
    auto hotReload = [&](const QString &service) {
        for (int row = 0; row < window.serviceModel()->rowCount(); ++row) {
            const QModelIndex name =
                window.serviceModel()->index(row, Ui::ServiceListModel::NameColumn);
            if (name.data().toString() == service) {
                return window.serviceModel()
                    ->index(row, Ui::ServiceListModel::HotReloadColumn)
                    .data()
                    .toString();
            }
        }
        return QString("<no row>");
    };
    QVERIFY(window.devLoop()->devCapableServices().contains("frontend"));
    window.devLoop()->setDevMode("frontend", true);
    QVERIFY(waitUntil([&] { return hotReload("frontend") == "dev mode"; }, 30000));
    QCOMPARE(window.topologyView()->node("frontend")->badge(), QString("dev"));
    QCOMPARE(hotReload("backend"), QString());
    QCOMPARE(session->overlayFiles().size(), 1);
    window.devLoop()->setDevMode("frontend", false);
    QVERIFY(waitUntil(
        [&] { return hotReload("frontend").isEmpty() && session->overlayFiles().isEmpty(); },
        30000));
    run("docker", {"compose", "-p", kProject, "down", "-v", "-t", "1"});
}

void TestProjectWindow::composeProfiles_buttonNamesHiddenServices_choiceRememberedOnReopen()
{
    QTemporaryDir dir;
    QVERIFY(copyDemo(dir.path(), QDir::Files));
    auto endpoint = Core::EngineClient::systemEndpoint();
    Core::EngineClient client(*endpoint);
    const auto docsAction = [](QToolButton *button) -> QAction * {
        for (QAction *a : button->menu()->actions()) {
            if (a->text() == "docs") {
                return a;
            }
        }
        return nullptr;
    };
    {
        Core::Workspace workspace(&client);
        Ui::MainWindow window(&workspace);
        window.show();
        QSignalSpy loaded(&window, &Ui::MainWindow::projectLoaded);
        window.openProject(dir.path());
        QVERIFY(loaded.wait(30000));
        auto *button = window.findChild<QToolButton *>("composeProfilesButton");
        QVERIFY(button);
        // The demo's "docs" service runs only under the profile "docs".
        QCOMPARE(button->text(), QString("Profiles · 1 hidden"));
        QVERIFY2(button->toolTip().contains("docs (profile docs)"), qPrintable(button->toolTip()));
        QCOMPARE(button->accessibleDescription(), button->toolTip());
        QAction *docs = docsAction(button);
        QVERIFY(docs);
        QVERIFY(!docs->isChecked());
        docs->setChecked(true);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.activeRuntime()->composeProfiles(), QStringList{"docs"});
        QCOMPARE(button->text(), QString("Profiles"));
        QVERIFY(window.activeRuntime()->project().service("docs"));
    }
    // Opened again (a new session): the profile is still chosen.
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    window.show();
    QSignalSpy loaded(&window, &Ui::MainWindow::projectLoaded);
    window.openProject(dir.path());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(window.activeRuntime()->composeProfiles(), QStringList{"docs"});
    auto *button = window.findChild<QToolButton *>("composeProfilesButton");
    QVERIFY(docsAction(button) && docsAction(button)->isChecked());
    QCOMPARE(button->text(), QString("Profiles"));
    docsAction(button)->setChecked(false); // forgotten again
    QVERIFY(loaded.wait(30000));
    QCOMPARE(button->text(), QString("Profiles · 1 hidden"));
}

QTEST_MAIN(TestProjectWindow)
#include "tst_projectwindow.moc"
