// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Defects found by driving the window (issue 15), each against the real engine and compose CLI,
// offscreen, on a small project of its own: the port list after an Up and on container events,
// the recreate offer against Compose's config hash, Save in the unsaved-changes question, the
// services table's selection, the onboarding's run in the operation panel, and the terminals
// opened from the graph, the table, the details drawer and the Stack menu.
#undef QT_USE_QSTRINGBUILDER

#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "details/servicedetailspanel.h"
#include "env/enveditorpanel.h"
#include "logs/logpanel.h"
#include "logs/logrows.h"
#include "env/envkeymodel.h"
#include "mainwindow.h"
#include "onboarding/onboardingdialog.h"
#include "operations/operationpanel.h"
#include "ports/portlistmodel.h"
#include "services/servicelistmodel.h"
#include "stack/livestate.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"
#include "stack/stackcontroller.h"
#include "terminal/terminalarea.h"
#include "terminal/terminalsession.h"
#include "terminal/terminalwidget.h"
#include "topology/topologyview.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QMenu>
#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace DevDock;
using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-defects");
const QString kWebImage = QStringLiteral("devdock-it-defects/web:latest");

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// web publishes a port and is built from a build arg (which Compose's config hash leaves out);
// worker runs beside it. Three .env profiles: production differs from development only in the
// build arg, staging in web's environment.
void writeProject(const QString &dir)
{
    write(dir + "/compose.yaml",
          "name: " + kProject.toUtf8() + "\n"
          "services:\n"
          "  web:\n"
          "    image: " + kWebImage.toUtf8() + "\n"
          "    build:\n"
          "      context: ./web\n"
          "      args:\n"
          "        VERSION: ${APP_VERSION:-1}\n"
          "    init: true\n"
          "    stop_grace_period: 1s\n"
          "    command: [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/\"]\n"
          "    ports:\n"
          "      - \"127.0.0.1:${DEFECTS_WEB_PORT}:8080\"\n"
          "    environment:\n"
          "      LOG_LEVEL: ${LOG_LEVEL:-info}\n"
          "  worker:\n"
          "    image: " + kTestImage.toUtf8() + "\n"
          "    init: true\n"
          "    stop_grace_period: 1s\n"
          "    command: [\"sleep\", \"3600\"]\n");
    QDir().mkpath(dir + "/web");
    write(dir + "/web/Dockerfile", "FROM " + kTestImage.toUtf8() + "\nARG VERSION\n");
    write(dir + "/.env.development", "APP_VERSION=1\nLOG_LEVEL=debug\n");
    write(dir + "/.env.production", "APP_VERSION=2\nLOG_LEVEL=debug\n");
    write(dir + "/.env.staging", "APP_VERSION=2\nLOG_LEVEL=warning\n");
}

int rowOf(const QAbstractItemModel *model, const QString &service)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(Ui::ServiceListModel::NameRole).toString() == service) {
            return r;
        }
    }
    return -1;
}

bool upAndIdle(Core::ProjectRuntime *session, const QStringList &services)
{
    return waitUntil(
        [&] {
            if (session->controller()->isBusy()) {
                return false;
            }
            for (const QString &s : services) {
                const auto state = session->liveState()->service(s);
                if (!state || !state->isUp()) {
                    return false;
                }
            }
            return true;
        },
        120000);
}

} // namespace

class TestWindowDefects : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void ports_recheckedAfterUp_andOnContainerStartStop();
    void recreateOffer_followsComposeConfigHash_saveInQuestionThenSwitch();
    void logSearch_survivesEnvProfileSwitch_samePanelTextMatchesNoRefetch();
    void servicesTable_actionsActOnTheSelectedRows();
    void operationPanel_showsOnboardingsRun_eachWithItsOwnTime();
    void terminals_fromGraphTableDrawerAndMenu_severalAtOnce_surviveViewAndProjectSwitches();

private:
    void down();
    QTemporaryDir m_dir;
    Core::EngineClient *m_client = nullptr;
    Ui::MainWindow *m_window = nullptr;
    Core::Workspace *m_workspace = nullptr;
};

void TestWindowDefects::initTestCase()
{
    QCoreApplication::setOrganizationName("DevDock-test");
    QCoreApplication::setApplicationName("tst_windowdefects");
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    QCOMPARE(docker({"tag", kTestImage, kWebImage}).exitCode, 0); // present: no build needed
    QVERIFY(m_dir.isValid());
    writeProject(m_dir.path());
    qunsetenv("COMPOSE_PROJECT_NAME");
    qunsetenv("LOG_LEVEL");
    qunsetenv("APP_VERSION");
    down();
    auto endpoint = Core::EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    m_client = new Core::EngineClient(*endpoint);
    m_workspace = new Core::Workspace(m_client);
    m_window = new Ui::MainWindow(m_workspace);
    m_window->resize(1280, 800);
    m_window->show();
}

void TestWindowDefects::cleanupTestCase()
{
    delete m_window;
    delete m_workspace;
    delete m_client;
    down();
    docker({"rm", "-f", kProject + "-squatter"});
    docker({"rmi", kWebImage});
}

void TestWindowDefects::down()
{
    run("docker", {"compose", "-p", kProject, "down", "-v", "-t", "1"});
}

// The port is taken when the project opens: one conflict. Freed, Up succeeds, and the list says
// so at once. Then a container outside the stack takes the port while web is stopped: the
// conflict shows without anyone asking, and goes when that container goes.
void TestWindowDefects::ports_recheckedAfterUp_andOnContainerStartStop()
{
    auto holder = std::make_unique<QTcpServer>();
    QVERIFY(holder->listen(QHostAddress::LocalHost, 0));
    const quint16 port = holder->serverPort();
    qputenv("DEFECTS_WEB_PORT", QByteArray::number(port));
    QSignalSpy loaded(m_window, &Ui::MainWindow::projectLoaded);
    m_window->openProject(m_dir.path());
    QVERIFY(loaded.wait(30000));
    Core::ProjectRuntime *session = m_window->activeRuntime();
    QCOMPARE(session->envProfile(), QString("development"));
    Ui::PortListModel *ports = m_window->portModel();
    QVERIFY(waitUntil([&] { return ports->conflictCount() == 1; }, 15000));

    holder.reset();
    QSignalSpy finished(session->controller(), &Core::StackController::actionFinished);
    session->controller()->up();
    QVERIFY(finished.wait(120000));
    QVERIFY2(m_window->operationPanel()->title().contains("done"),
             qPrintable(m_window->operationPanel()->title() + m_window->operationPanel()->errorText()));
    QVERIFY2(waitUntil([&] { return ports->conflictCount() == 0; }, 10000),
             qPrintable(ports->rows().value(0).status));
    QVERIFY(upAndIdle(session, {"web", "worker"}));
    QVERIFY(waitUntil([&] { return ports->rows().value(0).live; }, 10000));

    // Stopped from a terminal; another container takes the port.
    QCOMPARE(docker({"stop", "-t", "1", kProject + "-web-1"}).exitCode, 0);
    QVERIFY(waitUntil([&] { return !session->liveState()->service("web")->isUp(); }, 10000));
    const QString squatter =
        runContainer({"--name", kProject + "-squatter", "-p", QString("127.0.0.1:%1:8080").arg(port)},
                     "httpd -f -p 8080 -h /");
    QVERIFY(!squatter.isEmpty());
    QVERIFY2(waitUntil([&] { return ports->conflictCount() == 1; }, 15000),
             qPrintable(ports->rows().value(0).status));
    QVERIFY2(ports->rows().value(0).status.contains(kProject + "-squatter"),
             qPrintable(ports->rows().value(0).status));
    QCOMPARE(docker({"rm", "-f", squatter}).exitCode, 0);
    QVERIFY(waitUntil([&] { return ports->conflictCount() == 0; }, 15000));
    session->controller()->up({"web"});
    QVERIFY(upAndIdle(session, {"web", "worker"}));
}

// A switch that changes only web's build arg: Compose's config hash of web is unchanged, so
// nothing is offered (DevDock's model differs, Compose would not recreate). The switch comes
// with unsaved edits: Save in the question saves them and then switches. A switch that changes
// web's environment offers web, and only it.
void TestWindowDefects::recreateOffer_followsComposeConfigHash_saveInQuestionThenSwitch()
{
    Core::ProjectRuntime *session = m_window->activeRuntime();
    QVERIFY(upAndIdle(session, {"web", "worker"}));
    Ui::EnvEditorPanel *panel = m_window->envPanel();
    QVERIFY(waitUntil([&] { return panel->isLoaded(); }, 10000));
    QVERIFY(panel->editor()->setValue(".env.development", "LOG_LEVEL", "trace"));
    panel->model()->refresh();
    QVERIFY(panel->editor()->isModified());

    auto *combo = m_window->findChild<QComboBox *>("envProfileCombo");
    QVERIFY(combo);
    QSignalSpy offered(m_window, &Ui::MainWindow::recreateOfferChanged);
    bool asked = false;
    QTimer::singleShot(200, this, [&] {
        auto *box = m_window->findChild<QMessageBox *>("unsavedEnvDialog");
        asked = box != nullptr;
        if (box) {
            box->button(QMessageBox::Save)->click();
        }
    });
    const int production = combo->findText("production");
    QVERIFY(production >= 0);
    combo->setCurrentIndex(production);
    emit combo->activated(production);
    QVERIFY(asked);
    QVERIFY2(waitUntil([&] { return session->envProfile() == "production"; }, 30000),
             qPrintable(panel->errorText()));
    QCOMPARE(read(m_dir.filePath(".env.development")), QByteArray("APP_VERSION=1\nLOG_LEVEL=trace\n"));
    QVERIFY(waitUntil([&] { return !offered.isEmpty() && session->envProfile() == "production"
                                   && combo->currentText() == "production"; },
                      30000));
    QVERIFY(waitUntil([&] { return !session->controller()->isBusy(); }, 10000));
    QCOMPARE(offered.last().first().toStringList(), QStringList());
    QCOMPARE(m_window->recreateOffer(), QStringList());
    QVERIFY(!m_window->findChild<QWidget *>("recreateBanner")->isVisible());

    offered.clear();
    const int staging = combo->findText("staging");
    combo->setCurrentIndex(staging);
    emit combo->activated(staging);
    QVERIFY(offered.wait(30000));
    QCOMPARE(session->envProfile(), QString("staging"));
    QCOMPARE(m_window->recreateOffer(), QStringList{"web"});
    QVERIFY(m_window->findChild<QWidget *>("recreateBanner")->isVisible());
}

// A profile switch reloads the project in place: the window's log panel is the same one, the
// search typed into it stays with its matches, the lines are not fetched again (no duplicates),
// and a line logged after the switch arrives once and is found by the next search.
void TestWindowDefects::logSearch_survivesEnvProfileSwitch_samePanelTextMatchesNoRefetch()
{
    Core::ProjectRuntime *session = m_window->activeRuntime();
    QVERIFY(upAndIdle(session, {"web", "worker"}));
    const QString worker = QString::fromUtf8(docker({"compose", "-p", kProject, "ps", "-q", "worker"}).out).trimmed();
    QVERIFY(!worker.isEmpty());
    // Lines in the worker's log: what its first process writes to its stdout.
    auto say = [&](const QString &text) {
        return docker({"exec", worker, "sh", "-c", "echo " + text + " > /proc/1/fd/1"}).exitCode == 0;
    };
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(say(QStringLiteral("needle-%1").arg(i)));
    }
    QVERIFY(m_window->showView("logs"));
    Ui::LogPanel *logs = m_window->logPanel();
    QVERIFY(logs);
    auto *field = logs->findChild<QLineEdit *>("logSearchField");
    QVERIFY(field);
    QTest::keyClicks(field, "needle");
    QVERIFY2(waitUntil([&] { return !logs->isSearching() && logs->matchCount() == 3; }, 20000),
             qPrintable(QString::number(logs->matchCount())));
    const qint64 lines = logs->rows()->count();

    auto *combo = m_window->findChild<QComboBox *>("envProfileCombo");
    QVERIFY(combo);
    const QString from = session->envProfile();
    const QString to = from == "development" ? "production" : "development";
    const int index = combo->findText(to);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
    QVERIFY(waitUntil([&] { return session->envProfile() == to && !session->controller()->isBusy(); }, 30000));
    QTest::qWait(1500); // a refetch of the last lines, if there were one, has come by now
    QCOMPARE(m_window->logPanel(), logs);
    QCOMPARE(field->text(), QString("needle"));
    QVERIFY(waitUntil([&] { return !logs->isSearching(); }, 10000));
    QCOMPARE(logs->matchCount(), qint64(3));
    QCOMPARE(logs->rows()->count(), lines);
    // The stream goes on after the reload: a new line arrives once, and a search finds it.
    QVERIFY(say("needle-4"));
    QVERIFY(waitUntil([&] { return logs->rows()->count() == lines + 1; }, 20000));
    QTest::keyClick(field, Qt::Key_Backspace);
    QTest::keyClicks(field, "e");
    QVERIFY2(waitUntil([&] { return !logs->isSearching() && logs->matchCount() == 4; }, 20000),
             qPrintable(QString::number(logs->matchCount())));
}

// The keyboard's current row is not what the actions act on; the selection is.
void TestWindowDefects::servicesTable_actionsActOnTheSelectedRows()
{
    Core::ProjectRuntime *session = m_window->activeRuntime();
    QVERIFY(upAndIdle(session, {"web", "worker"}));
    QVERIFY(m_window->showView("services"));
    auto *view = m_window->findChild<QTableView *>("servicesView");
    QVERIFY(view && view->isVisible());
    QAbstractItemModel *model = view->model();
    QVERIFY(waitUntil([&] { return rowOf(model, "web") >= 0 && rowOf(model, "worker") >= 0; }));
    QItemSelectionModel *selection = view->selectionModel();
    const QModelIndex web = model->index(rowOf(model, "web"), 0);
    const QModelIndex worker = model->index(rowOf(model, "worker"), 0);
    // Ctrl+click on web after worker was selected leaves web current, worker alone selected.
    view->setCurrentIndex(worker);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->visualRect(web).center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, view->visualRect(web).center());
    QCOMPARE(view->currentIndex().row(), web.row());
    QCOMPARE(selection->selectedRows().size(), 1);
    QCOMPARE(selection->selectedRows().first().row(), worker.row());
    QCOMPARE(m_window->selectedServices(), QStringList{"worker"});

    QSignalSpy queued(session->controller(), &Core::StackController::actionQueued);
    auto *stop = m_window->findChild<QAction *>("stopAction");
    QVERIFY(stop && stop->isEnabled());
    stop->trigger();
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.first().first().value<Core::StackAction>().services, QStringList{"worker"});
    QVERIFY(waitUntil([&] { return !session->controller()->isBusy(); }, 60000));
    QVERIFY(session->liveState()->service("web")->isUp());

    // Both selected: both are acted on.
    selection->select(web, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(m_window->selectedServices().size(), 2);
    m_window->findChild<QAction *>("restartAction")->trigger();
    QCOMPARE(queued.size(), 2);
    QStringList restarted = queued.last().first().value<Core::StackAction>().services;
    restarted.sort();
    QCOMPARE(restarted, (QStringList{"web", "worker"}));
    QVERIFY(upAndIdle(session, {"web", "worker"}));
}

// The onboarding's compose run shows in the window's operation panel, and the time it reports is
// its own: an operation that ends seconds after the previous one does not count those seconds.
void TestWindowDefects::operationPanel_showsOnboardingsRun_eachWithItsOwnTime()
{
    Core::ProjectRuntime *session = m_window->activeRuntime();
    Ui::OperationPanel *panel = m_window->operationPanel();
    QVERIFY(waitUntil([&] { return !session->controller()->isBusy(); }, 60000));
    QVERIFY(panel->title().contains("done"));
    QTest::qWait(3000); // idle: the next operation must not count this
    qputenv("DEFECTS_WEB_PORT", QByteArray::number(freePort()));
    down();
    QVERIFY(waitUntil([&] { return !session->liveState()->service("web")->isUp(); }, 15000));
    Ui::OnboardingDialog *dialog = m_window->showOnboarding();
    QVERIFY(dialog);
    dialog->setOpenBrowser(false);
    QVERIFY(waitUntil([&] { return dialog->startButton()->isEnabled(); }, 60000));
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY2(waitUntil([&] { return panel->title().startsWith("Up the stack: done in"); }, 180000),
             qPrintable(panel->title()));
    QVERIFY2(panel->outputText().contains(" up "), qPrintable(panel->outputText()));
    const double took = panel->title().section("done in ", 1).section(' ', 0, 0).toDouble();
    QVERIFY2(took > 0 && took * 1000 <= clock.elapsed() + 100, qPrintable(panel->title()));
    dialog->close();
}

namespace {

// Triggers the entry `text` of the context menu the next request opens (menu.exec() blocks):
// looks for the popup for at most two seconds, closes it before checking what it found, and
// reports what happened in `outcome`.
void pickFromNextMenu(const QString &text, QString *outcome)
{
    *outcome = QStringLiteral("no menu opened");
    auto tries = std::make_shared<int>(0);
    auto pick = std::make_shared<std::function<void()>>();
    *pick = [text, outcome, tries, pick] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu) {
            if (++*tries < 100) {
                QTimer::singleShot(20, *pick);
            }
            return;
        }
        QAction *found = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text() == text) {
                found = action;
            }
        }
        menu->close();
        if (!found) {
            *outcome = QStringLiteral("no entry %1").arg(text);
        } else if (!found->isEnabled()) {
            *outcome = QStringLiteral("%1 is disabled").arg(text);
        } else {
            *outcome = QStringLiteral("picked");
            found->trigger();
        }
    };
    QTimer::singleShot(0, *pick);
}

QStringList tabTitles(const QTabWidget *tabs)
{
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i) {
        titles << tabs->tabText(i);
    }
    return titles;
}

// Types a command into a terminal as a person does and waits for `expected` on its screen.
bool answers(Ui::TerminalSession *session, const QString &command, const QString &expected)
{
    if (!waitUntil([&] { return session->isConnected(); }, 30000)) {
        return false;
    }
    QTest::keyClicks(session->terminal(), command);
    QTest::keyClick(session->terminal(), Qt::Key_Return);
    return waitUntil([&] { return session->terminal()->screenText().contains(expected); }, 15000);
}

} // namespace

// A terminal from each place a user opens one — the details drawer's button, the graph's context
// menu, the services table's context menu and Stack ▸ Open Terminal (Ctrl+Shift+T) — each its
// own tab and session; all of them still connected and answering after switching views and
// switching to another project and back.
void TestWindowDefects::terminals_fromGraphTableDrawerAndMenu_severalAtOnce_surviveViewAndProjectSwitches()
{
    Core::ProjectRuntime *session = m_window->activeRuntime();
    QVERIFY(session);
    QVERIFY(upAndIdle(session, {"web", "worker"}));

    // The drawer: its Terminal button on the shown service.
    QVERIFY(m_window->showView("topology"));
    m_window->selectService("worker");
    auto *details = m_window->findChild<Ui::ServiceDetailsPanel *>("serviceDetails");
    QVERIFY(details);
    QVERIFY(waitUntil([&] { return details->service() == "worker"; }));
    QVERIFY(waitUntil([&] { return details->terminalButton()->isEnabled(); }));
    QTest::mouseClick(details->terminalButton(), Qt::LeftButton);
    auto *area = m_window->findChild<Ui::TerminalArea *>();
    QVERIFY(area);
    QCOMPARE(tabTitles(area), QStringList{"worker"});

    // The graph: right-click on web's node, "Open terminal".
    Ui::TopologyView *graph = m_window->topologyView();
    QVERIFY(waitUntil([&] { return graph->node("web") != nullptr; }));
    const QPoint web = graph->mapFromScene(graph->node("web")->sceneBoundingRect().center());
    QString picked;
    pickFromNextMenu(QStringLiteral("Open terminal"), &picked);
    QTest::mousePress(graph->viewport(), Qt::RightButton, {}, web);
    QContextMenuEvent graphMenu(QContextMenuEvent::Mouse, web, graph->viewport()->mapToGlobal(web));
    QApplication::sendEvent(graph->viewport(), &graphMenu);
    QTest::mouseRelease(graph->viewport(), Qt::RightButton, {}, web);
    QVERIFY2(waitUntil([&] { return area->count() == 2; }), qPrintable(picked));
    QCOMPARE(tabTitles(area), (QStringList{"worker", "web"}));

    // The services table: right-click on worker's row.
    QVERIFY(m_window->showView("services"));
    auto *table = m_window->findChild<QTableView *>("servicesView");
    QVERIFY(table);
    QVERIFY(waitUntil([&] { return rowOf(table->model(), "worker") >= 0; }));
    const QPoint row = table->visualRect(table->model()->index(rowOf(table->model(), "worker"), 0)).center();
    pickFromNextMenu(QStringLiteral("Open terminal"), &picked);
    QContextMenuEvent tableMenu(QContextMenuEvent::Mouse, row, table->viewport()->mapToGlobal(row));
    QApplication::sendEvent(table->viewport(), &tableMenu);
    QVERIFY2(waitUntil([&] { return area->count() == 3; }), qPrintable(picked));

    // The Stack menu's action on the selection, by its shortcut.
    m_window->selectService("web");
    auto *action = m_window->findChild<QAction *>("terminalAction");
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QVERIFY(waitUntil([&] { return action->isEnabled(); }));
    m_window->activateWindow(); // a window shortcut: the window must be the active one
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(waitUntil([&] { return area->count() == 4; }));
    QCOMPARE(tabTitles(area), (QStringList{"worker", "web", "worker", "web"}));

    QList<Ui::TerminalSession *> sessions;
    for (int i = 0; i < area->count(); ++i) {
        sessions << qobject_cast<Ui::TerminalSession *>(area->widget(i));
        QVERIFY(sessions.last());
        QVERIFY2(answers(sessions.last(), QStringLiteral("echo tab$((%1*7))").arg(i + 1),
                         QStringLiteral("tab%1").arg((i + 1) * 7)),
                 qPrintable(sessions.last()->terminal()->screenText()));
    }
    // Each session is its own shell: the first one's screen has only its own answer.
    QVERIFY(!sessions.first()->terminal()->screenText().contains("tab14"));

    // Views and projects switched away and back: the tabs and their sessions are still there.
    QVERIFY(m_window->showView("logs"));
    QVERIFY(m_window->showView("topology"));
    QTemporaryDir other;
    write(other.path() + "/compose.yaml",
          "name: devdock-it-defects-other\nservices:\n  app:\n    image: " + kTestImage.toUtf8()
              + "\n    command: [\"sleep\", \"3600\"]\n");
    Core::ProjectRuntime *second = m_window->openProject(other.path());
    QVERIFY(second);
    const QString secondId = second->id();
    auto closeSecond = qScopeGuard([&] { m_workspace->close(secondId); });
    QVERIFY(waitUntil([&] { return m_window->activeRuntime() == second; }, 30000));
    m_workspace->setActive(session->id());
    QVERIFY(waitUntil([&] { return m_window->activeRuntime() == session; }, 10000));
    QCOMPARE(area->count(), 4);
    for (int i = 0; i < sessions.size(); ++i) {
        QCOMPARE(area->widget(i), sessions.at(i));
        QVERIFY2(answers(sessions.at(i), QStringLiteral("echo again$((%1+100))").arg(i),
                         QStringLiteral("again%1").arg(i + 100)),
                 qPrintable(sessions.at(i)->terminal()->screenText()));
    }
}

QTEST_MAIN(TestWindowDefects)
#include "tst_windowdefects.moc"
