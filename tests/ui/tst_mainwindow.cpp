// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window, offscreen, against the real engine; widgets are found by accessible name as a
// screen reader or a black-box GUI test would find them.
#include "../common/composetest.h"
#include "../common/dockertest.h"
#include "../common/socketproxy.h"
#include "traytest.h"

#include "engine/engineclient.h"
#include "mainwindow.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"
#include "operations/operationpanel.h"
#include "services/servicelistmodel.h"
#include "stack/livestate.h"
#include "stack/stackcontroller.h"
#include "topology/topologyview.h"
#include "tray/traycontroller.h"
#include "tray/traywindowbinding.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QMenuBar>
#include <QToolBar>
#include <QGraphicsView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QMenu>
#include <QProgressBar>
#include <QRegularExpression>
#include <QTranslator>
#include <QProcess>
#include <QTabBar>
#include <QSignalSpy>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

using namespace DevDock;
using namespace DevDock::Test;

namespace {

template <typename T>
T *findByAccessibleName(QWidget *root, const QString &name)
{
    for (T *w : root->findChildren<T *>()) {
        if (w->accessibleName() == name) {
            return w;
        }
    }
    return nullptr;
}

bool viewShows(QTableView *view, const QString &text)
{
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == text) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsEngineAndLiveContainers();
    void unreachableEngine_showsErrorWithHint();
    void engineAway_actionsDisabledWithReason_servicesUnknown_elapsedNeverNegative();
    void everyWidgetHasAnAccessibleName();
    void panels_operationHiddenWhileIdle_closedDocksComeBackFromViewMenuAndToolbar();
    void german_1366x768_everyViewsLabelsAndButtonsShowTheirWholeText();
};

void TestMainWindow::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    removeTestContainers();
}

void TestMainWindow::cleanupTestCase()
{
    removeTestContainers();
}

void TestMainWindow::showsEngineAndLiveContainers()
{
    auto endpoint = Core::EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    window.show();

    auto *engine = findByAccessibleName<QLabel>(&window, "Engine status");
    auto *view = findByAccessibleName<QTableView>(&window, "Containers");
    QVERIFY(engine && view);
    const QString version =
        QString::fromUtf8(docker({"version", "--format", "{{.Server.Version}}"}).out).trimmed();
    QVERIFY(waitUntil([&] { return engine->text().contains(version); }, 10000));
    QVERIFY(engine->text().contains(endpoint->uri));

    const QString id = runContainer({"--name", "dd-ui-live"}, "sleep 300");
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil([&] { return viewShows(view, "dd-ui-live"); }, 10000));
    auto *count = findByAccessibleName<QLabel>(&window, "Container count");
    QVERIFY(count);
    QVERIFY(count->text().contains("running"));
    docker({"rm", "-f", id});
    QVERIFY(waitUntil([&] { return !viewShows(view, "dd-ui-live"); }, 10000));
}

void TestMainWindow::unreachableEngine_showsErrorWithHint()
{
    auto endpoint = Core::parseDockerHost("unix:///tmp/devdock-ui-missing.sock");
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    window.show();
    auto *error = findByAccessibleName<QLabel>(&window, "Engine error");
    QVERIFY(error);
    QVERIFY(waitUntil([&] { return error->isVisible(); }, 10000));
    QVERIFY(error->text().contains(
        "Cannot connect to the Docker engine at unix:///tmp/devdock-ui-missing.sock"));
    QVERIFY(error->text().contains("Start the engine"));
}

void TestMainWindow::engineAway_actionsDisabledWithReason_servicesUnknown_elapsedNeverNegative()
{
    // The project's engine is away (a proxy to the real one that is not listening yet).
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("compose.yaml"),
                      QStringLiteral("services:\n"
                                     "  db:\n"
                                     "    image: devdock-test/busybox:latest\n"
                                     "    command: [\"sleep\", \"600\"]\n"
                                     "  app:\n"
                                     "    image: devdock-test/busybox:latest\n"
                                     "    command: [\"sleep\", \"600\"]\n"
                                     "    depends_on: [db]\n"
                                     "    ports: [\"127.0.0.1:%1:8080\"]\n")
                          .arg(freePort())
                          .toUtf8()));
    // Stacks other runs left on the engine are not this test's; its own state is what counts.
    const QSet<QString> foreign = composeProjectsOnEngine();
    QTemporaryDir socketDir;
    SocketProxy proxy(socketDir.filePath("engine.sock"));
    auto endpoint = Core::parseDockerHost(proxy.dockerHost());
    QVERIFY(endpoint);
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    Ui::TrayController tray;
    Ui::TrayWindowBinding trayBinding(&window, &tray);
    window.resize(1366, 768);
    window.show();
    Core::LiveState *live = window.openProject(dir.path())->liveState();
    // Settled: loaded, the live state known (as unknown), the graph laid out.
    QVERIFY(waitUntil([&] { return window.isSettled(); }, 30000));
    QVERIFY(live->isKnown() && !live->isEngineReachable());

    // Services: unknown, never "not created", in the table, the graph and the tray.
    Ui::ServiceListModel *services = window.serviceModel();
    QCOMPARE(services->rowCount(), 2);
    for (int row = 0; row < services->rowCount(); ++row) {
        const QModelIndex index = services->index(row, Ui::ServiceListModel::StateColumn);
        QCOMPARE(index.data(Ui::ServiceListModel::StatusRole).toInt(),
                 int(Core::ServiceStatus::Unknown));
        QCOMPARE(index.data().toString(), QString("unknown — engine unreachable"));
    }
    Ui::ServiceNodeItem *node = window.topologyView()->node("app");
    QVERIFY(node);
    QCOMPARE(node->stateText(), QString("unknown — engine unreachable"));
    QVERIFY2(node->explanation().contains("the Docker engine is not reachable"),
             qPrintable(node->explanation()));
    tray.applyPending();
    QCOMPARE(overallWithout(tray, foreign), Ui::TrayController::Overall::Unknown);

    // Actions that need the engine are disabled and say why; Cancel is not one of them.
    const QStringList needEngine{"upAction", "downAction", "restartAction", "checkPortsAction"};
    for (const QString &name : needEngine) {
        auto *action = window.findChild<QAction *>(name);
        QVERIFY2(action, qPrintable(name));
        QVERIFY2(!action->isEnabled(), qPrintable(name));
        QVERIFY2(action->toolTip().startsWith(
                     "Unavailable while the Docker engine is unreachable: "),
                 qPrintable(action->toolTip()));
        QVERIFY2(action->toolTip().contains(proxy.dockerHost()), qPrintable(action->toolTip()));
    }
    QVERIFY(window.engineUnavailableReason().contains(proxy.dockerHost()));
    QMenu *trayProject = tray.projectMenu(window.activeRuntime()->id());
    QVERIFY(trayProject);
    QTRY_VERIFY2_WITH_TIMEOUT(trayProject->title().endsWith("engine unreachable"),
                              qPrintable(trayProject->title()), 10000);
    int startStop = 0;
    for (QAction *action : trayProject->actions()) {
        if (action->text().startsWith("Start ") || action->text().startsWith("Stop ")) {
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
            ++startStop;
        }
    }
    QCOMPARE(startStop, 2);
    if (const QByteArray shots = qgetenv("DEVDOCK_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QTest::qWait(300); // the graph's layout
        window.grab().save(QString::fromLocal8Bit(shots) + "/engine-unreachable.png");
    }

    // An Up that still reaches the controller (queued before the engine went, or from a script)
    // fails before the CLI runs, and its time is a time.
    window.activeRuntime()->controller()->up();
    Ui::OperationPanel *panel = window.operationPanel();
    QVERIFY(waitUntil([&] { return panel->title().contains("failed after"); }, 30000));
    const QRegularExpressionMatch took =
        QRegularExpression("failed after (-?[0-9.]+) s").match(panel->title());
    QVERIFY2(took.hasMatch(), qPrintable(panel->title()));
    const double seconds = took.captured(1).toDouble();
    QVERIFY2(seconds >= 0 && seconds < 60, qPrintable(panel->title()));
    QVERIFY2(panel->errorText().contains(proxy.dockerHost()), qPrintable(panel->errorText()));

    // The engine is back: the state is known again and the actions return, with their own
    // tooltips.
    QVERIFY(proxy.restore());
    auto *up = window.findChild<QAction *>("upAction");
    QVERIFY(waitUntil([&] { return up->isEnabled(); }, 30000));
    QVERIFY(waitUntil(
        [&] { return node->state().status == Core::ServiceStatus::NotCreated; }, 10000));
    QVERIFY2(up->toolTip().startsWith("Create and start every service"), qPrintable(up->toolTip()));
    QVERIFY(window.engineUnavailableReason().isEmpty());
    QTRY_COMPARE(overallWithout(tray, foreign), Ui::TrayController::Overall::Idle);
}

void TestMainWindow::everyWidgetHasAnAccessibleName()
{
    auto endpoint = Core::EngineClient::systemEndpoint();
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    window.show();
    // Every control, view and status element DevDock creates (Qt's own internals aside).
    for (QWidget *w : window.findChildren<QWidget *>()) {
        if (w->objectName().startsWith("qt_") || w->inherits("QTabBar")
            || w->inherits("QDockWidgetTitleButton") || w->inherits("QToolBarExtension")
            || w->inherits("QScrollBar") || w->inherits("QMenu") || w->inherits("QHeaderView")
            || w->inherits("QTableCornerButton")) {
            continue;
        }
        const bool control = qobject_cast<QLabel *>(w) || qobject_cast<QAbstractItemView *>(w)
                             || qobject_cast<QComboBox *>(w) || qobject_cast<QGraphicsView *>(w)
                             || qobject_cast<QProgressBar *>(w) || qobject_cast<QTabWidget *>(w)
                             || qobject_cast<QPlainTextEdit *>(w);
        if (control) {
            QVERIFY2(
                !w->accessibleName().isEmpty(),
                qPrintable(QString("%1 %2").arg(w->metaObject()->className(), w->objectName())));
        }
        if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            QVERIFY2(
                !button->accessibleName().isEmpty() || !button->text().isEmpty()
                    || (qobject_cast<QToolButton *>(w)
                        && qobject_cast<QToolButton *>(w)->defaultAction()),
                qPrintable(QString("%1 %2").arg(w->metaObject()->className(), w->objectName())));
        }
    }
}

void TestMainWindow::panels_operationHiddenWhileIdle_closedDocksComeBackFromViewMenuAndToolbar()
{
    auto endpoint = Core::EngineClient::systemEndpoint();
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *operation = window.findChild<QDockWidget *>("operationDock");
    auto *details = window.findChild<QDockWidget *>("detailsDock");
    QVERIFY(operation && details);
    QVERIFY(!operation->isVisible()); // idle: no operation area at all
    QVERIFY(details->isVisible());

    details->close();
    QVERIFY(!details->isVisible());
    QMenu *view = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text().remove('&') == "View") {
            view = menu->menu();
        }
    }
    QVERIFY(view && window.menuBar()->isVisible());
    QAction *toggle = nullptr;
    for (QAction *a : view->actions()) {
        if (a->text().remove('&') == "Details") {
            toggle = a;
        }
    }
    QVERIFY(toggle && toggle->isCheckable() && !toggle->isChecked());
    toggle->trigger();
    QVERIFY(details->isVisible());

    // The same toggles sit in the toolbar, as buttons a pointer can reach.
    auto *toolbar = findByAccessibleName<QToolBar>(&window, "Stack actions");
    QVERIFY(toolbar);
    QToolButton *operationButton = nullptr;
    for (QToolButton *b : toolbar->findChildren<QToolButton *>()) {
        if (b->defaultAction() == operation->toggleViewAction()) {
            operationButton = b;
        }
    }
    QVERIFY(operationButton && operationButton->isVisible());
    QTest::mouseClick(operationButton, Qt::LeftButton);
    QVERIFY(operation->isVisible());
    QVERIFY(view->actions().contains(operation->toggleViewAction()));

    // The workspace's projects, in the sidebar dock, which the View menu can bring back too.
    auto *projects = window.findChild<QDockWidget *>("projectsDock");
    QVERIFY(projects && projects->isVisible());
    QVERIFY(view->actions().contains(projects->toggleViewAction()));
    auto *list = projects->findChild<QAbstractItemView *>("projectList");
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), int(workspace.projects().size()));
}

// "German without cut labels": the window in German at 1366×768 on the demo, each view in turn;
// every visible button, check box and label (one line, not eliding on purpose) is at least as
// wide as its text needs, and every tab's title fits its tab.
void TestMainWindow::german_1366x768_everyViewsLabelsAndButtonsShowTheirWholeText()
{
    QTemporaryDir dir;
    const QString qm = dir.filePath("devdock_de.qm");
    QProcess lrelease;
    lrelease.start("/usr/lib/qt6/bin/lrelease", {QStringLiteral(DEVDOCK_SOURCE_DIR "/translations/devdock_de.ts"), "-qm", qm});
    QVERIFY(lrelease.waitForFinished(60000) && lrelease.exitCode() == 0);
    QTranslator german;
    QVERIFY(german.load(qm));
    QVERIFY(QCoreApplication::installTranslator(&german));
    const auto cleanup = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });

    auto endpoint = Core::EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    window.resize(1366, 768);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy settled(&window, &Ui::MainWindow::settled);
    window.openProject(QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/demo"));
    QVERIFY(settled.wait(30000));
    QCOMPARE(window.tabs()->tabText(0).remove('&'), QString("Topologie"));

    QStringList cut;
    int checked = 0;
    auto check = [&](const QString &view) {
        for (QWidget *w : window.findChildren<QWidget *>()) {
            if (!w->isVisible() || w->window() != &window) {
                continue;
            }
            QString text;
            int needed = 0;
            if (auto *button = qobject_cast<QAbstractButton *>(w); button && !button->text().isEmpty()) {
                text = button->text();
                needed = button->sizeHint().width();
            } else if (auto *label = qobject_cast<QLabel *>(w);
                       label && !label->wordWrap() && !label->text().isEmpty() && label->textFormat() != Qt::RichText
                       && !label->text().contains('\n') && label->property("elides").isNull()) {
                text = label->text();
                needed = label->sizeHint().width();
            } else if (auto *bar = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < bar->count(); ++i) {
                    const QString title = bar->tabText(i).remove('&');
                    const int textWidth = bar->fontMetrics().horizontalAdvance(title);
                    if (bar->tabRect(i).width() < textWidth) {
                        cut << QString("%1: tab \"%2\" %3 px < %4 px").arg(view, title).arg(bar->tabRect(i).width()).arg(textWidth);
                    }
                }
                continue;
            } else {
                continue;
            }
            ++checked;
            if (w->width() < needed) {
                cut << QString("%1: %2 \"%3\" %4 px < %5 px")
                           .arg(view, w->metaObject()->className(), text)
                           .arg(w->width())
                           .arg(needed);
            }
        }
    };
    for (const QString &view : {"topology", "services", "ports", "containers", "logs", "environment", "data"}) {
        QVERIFY(window.showView(view));
        QTest::qWait(200); // laid out, the view's first data in
        check(view);
    }
    cut.removeDuplicates();
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join("\n")));
    QVERIFY2(checked > 100, qPrintable(QString::number(checked))); // the views' texts were looked at
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
