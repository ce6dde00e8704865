// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/composetest.h"
#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "engine/eventhub.h"
#include "logs/projectlogs.h"
#include "stack/livestate.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kPrefix = QStringLiteral("dd-ws-%1-").arg(QCoreApplication::applicationPid());

// The demo under another project name, with its own free ports.
bool copyDemo(const QString &target, const QString &name)
{
    if (!copyTree(QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/demo"), target)) {
        return false;
    }
    QFile compose(target + "/compose.yaml");
    if (!compose.open(QIODevice::ReadWrite)) {
        return false;
    }
    QByteArray text = compose.readAll();
    const QByteArray renamed = QByteArray("\nname: ") + name.toUtf8() + QByteArray("\n");
    text.replace(QByteArray("\nname: devdock-demo\n"), renamed);
    compose.resize(0);
    compose.seek(0);
    compose.write(text);
    compose.close();
    QFile env(target + "/.env");
    if (!env.open(QIODevice::WriteOnly)) {
        return false;
    }
    env.write(QStringLiteral("DEMO_HTTP_PORT=%1\nDEMO_TEMPORAL_UI_PORT=%2\nDEMO_DOCS_PORT=%3\n"
                             "DEMO_FLAKY_PERIOD=3600\n")
                  .arg(freePort())
                  .arg(freePort())
                  .arg(freePort())
                  .toUtf8());
    return true;
}

std::optional<ProjectSummary> byName(const Workspace &workspace, const QString &name)
{
    for (const ProjectSummary &s : workspace.projects()) {
        if (s.name == name) {
            return s;
        }
    }
    return std::nullopt;
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void twoDemosAndATerminalStack_liveInOneWorkspace();
    void rememberedProjects_knownAfterFirstListing_theirRunningStackNotNew();
    void stackRunningUnderAnotherName_reopenedLater_stillThatName();
    void failedOpen_previousProjectStaysActive_noRuntimeLeft();

private:
    QString m_demoA = kPrefix + "a";
    QString m_demoB = kPrefix + "b";
    QString m_terminal = kPrefix + "term";
    QString m_remembered = kPrefix + "old";
    QString m_main = kPrefix + "main";
    QString m_twin = kPrefix + "main-feature";
};

void TestWorkspace::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    {
        QString demoError;
        QVERIFY2(ensureDemoImages(&demoError), qPrintable(demoError));
    }
}

void TestWorkspace::cleanupTestCase()
{
    for (const QString &name : {m_demoA, m_demoB, m_terminal, m_remembered, m_main, m_twin}) {
        run("docker", {"compose", "-p", name, "down", "-v", "-t", "1"});
    }
}

void TestWorkspace::twoDemosAndATerminalStack_liveInOneWorkspace()
{
    QTemporaryDir root;
    QVERIFY(copyDemo(root.filePath("a"), m_demoA));
    QVERIFY(copyDemo(root.filePath("b"), m_demoB));
    // A stack started in a terminal, not by DevDock.
    QDir().mkpath(root.filePath("term"));
    QFile file(root.filePath("term/compose.yaml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("services:\n  app:\n    image: %1\n    command: sleep 3600\n"
                              "    stop_grace_period: 1s\n")
                   .arg(kTestImage)
                   .toUtf8());
    file.close();

    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    Workspace workspace(&client);
    workspace.setSettingsFile(root.filePath("settings.ini"));
    QSignalSpy discovered(&workspace, &Workspace::discovered);
    workspace.start();
    QVERIFY(discovered.wait(10000));

    ProjectRuntime *a = workspace.open(root.filePath("a"));
    QSignalSpy loadedA(a, &ProjectRuntime::loaded);
    QVERIFY(loadedA.wait(30000));
    ProjectRuntime *b = workspace.open(root.filePath("b"));
    QSignalSpy loadedB(b, &ProjectRuntime::loaded);
    QVERIFY(loadedB.wait(30000));
    QCOMPARE(workspace.activeId(), b->id()); // the last one opened is on screen
    QVERIFY(b->isForeground() && !a->isForeground());
    QVERIFY(byName(workspace, m_demoA) && byName(workspace, m_demoB));
    QCOMPARE(byName(workspace, m_demoA)->servicesTotal, 10);

    // The terminal stack shows within a second of its start.
    const Run up = run("docker", {"compose", "--project-directory", root.filePath("term"), "-p",
                                  m_terminal, "up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QElapsedTimer clock;
    clock.start();
    QVERIFY(waitUntil(
        [&] {
            const auto s = byName(workspace, m_terminal);
            return s && s->servicesUp == 1;
        },
        1000));
    qInfo("terminal stack live after %lld ms", clock.elapsed());
    const ProjectSummary term = *byName(workspace, m_terminal);
    QCOMPARE(term.origin, ProjectSummary::Origin::Discovered);
    QCOMPARE(QDir(term.directory).canonicalPath(), QDir(root.filePath("term")).canonicalPath());

    // docker stop from outside: down within a second, and a deliberate stop is no failure.
    QCOMPARE(docker({"stop", m_terminal + "-app-1"}).exitCode, 0);
    clock.restart();
    const bool down = waitUntil(
        [&] {
            const auto s = byName(workspace, m_terminal);
            return s && s->servicesUp == 0;
        },
        1000);
    if (!down) {
        const auto s = byName(workspace, m_terminal);
        qWarning() << "terminal stack:" << (s ? s->servicesUp : -1) << (s ? s->id : QString());
        for (const ProjectSummary &p : workspace.projects()) {
            qWarning() << p.id << p.name << p.servicesUp << p.servicesTotal;
        }
    }
    QVERIFY(down);
    QCOMPARE(byName(workspace, m_terminal)->exited, 0);

    // Start and stop through the workspace: the discovered stack by its labels.
    QSignalSpy finished(&workspace, &Workspace::actionFinished);
    workspace.start(term.id);
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.last().at(2).value<Result<void>>().has_value(), "start failed");
    QVERIFY(waitUntil([&] { return byName(workspace, m_terminal)->servicesUp == 1; }, 1000));
    workspace.stop(term.id);
    QVERIFY(waitUntil([&] { return finished.size() >= 2; }, 60000));
    QVERIFY(waitUntil([&] { return byName(workspace, m_terminal)->servicesUp == 0; }, 1000));
    QCOMPARE(byName(workspace, m_terminal)->exited, 0);

    // An opened demo, in the background: started through the workspace, its summary live.
    workspace.start(a->id());
    QVERIFY(waitUntil([&] { return finished.size() >= 3; }, 240000));
    QVERIFY(waitUntil([&] { return byName(workspace, m_demoA)->servicesUp >= 8; }, 60000));
    QCOMPARE(byName(workspace, m_demoB)->servicesUp, 0); // the other copy is left alone
    // Background: no log streams for A.
    QCOMPARE(a->logs()->openStreams(), 0);
    // A service stopped behind DevDock's back: the background summary follows the live state
    // (counted from it, not from a number read before: the demo's flaky worker may restart
    // meanwhile).
    QCOMPARE(docker({"stop", m_demoA + "-redis-1"}).exitCode, 0);
    QVERIFY(waitUntil(
        [&] {
            const auto redis = a->liveState()->service("redis");
            return redis && redis->status == ServiceStatus::Stopped;
        },
        10000));
    const auto upNow = [&] {
        const QList<ServiceState> services = a->liveState()->services();
        return int(std::count_if(services.begin(), services.end(),
                                 [](const ServiceState &s) { return s.isUp(); }));
    };
    QVERIFY(waitUntil([&] { return byName(workspace, m_demoA)->servicesUp == upNow(); }, 2000));
    QVERIFY(byName(workspace, m_demoA)->servicesUp < byName(workspace, m_demoA)->servicesTotal);
    QCOMPARE(byName(workspace, m_demoA)->exited, 0);

    // Switching puts A's logs on, B's off, with no reload.
    QSignalSpy reloads(a, &ProjectRuntime::loadStarted);
    workspace.setActive(a->id());
    QVERIFY(a->isForeground());
    QVERIFY(waitUntil([&] { return a->logs()->openStreams() > 0; }, 10000));
    QCOMPARE(reloads.size(), 0);

    workspace.stop(a->id());
    QVERIFY(waitUntil([&] { return finished.size() >= 4; }, 120000));
    QVERIFY(waitUntil([&] { return byName(workspace, m_demoA)->servicesUp == 0; }, 5000));
    QCOMPARE(byName(workspace, m_demoA)->exited, 0); // stopped, not failed

    // One /events connection for the engine, however many follow it.
    EventHub *hub = workspace.eventHub();
    QVERIFY(hub->holders() >= 3); // the workspace and the two runtimes' live states
    QCOMPARE(hub->connectionCount(), 1);
}

void TestWorkspace::rememberedProjects_knownAfterFirstListing_theirRunningStackNotNew()
{
    // Two folders DevDock remembers from an earlier session, by folder only (as the old list of
    // recent projects has them): one with a stack that runs since then (started from a
    // terminal, so the compose name is the folder's), one of which nothing runs.
    QTemporaryDir root;
    const QString running = root.filePath(m_remembered);
    const QString idle = root.filePath("idle");
    QDir().mkpath(running);
    QDir().mkpath(idle);
    const QByteArray compose = QStringLiteral("services:\n  app:\n    image: %1\n"
                                              "    command: sleep 3600\n"
                                              "    stop_grace_period: 1s\n")
                                   .arg(kTestImage)
                                   .toUtf8();
    for (const QString &dir : {running, idle}) {
        QFile file(dir + "/compose.yaml");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(compose);
    }
    const Run up = run("docker", {"compose", "--project-directory", running, "up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    {
        QSettings settings(root.filePath("settings.ini"), QSettings::IniFormat);
        settings.setValue("recentProjects", QStringList{running, idle});
    }

    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    Workspace workspace(&client);
    workspace.setSettingsFile(root.filePath("settings.ini"));
    const auto remembered = [&](const QString &dir) {
        return workspace.project(ProjectRuntime::idFor(dir));
    };
    QVERIFY(remembered(running) && remembered(idle));
    QVERIFY(!remembered(running)->known && !remembered(idle)->known); // nothing told yet

    QSignalSpy added(&workspace, &Workspace::projectAdded);
    QSignalSpy discovered(&workspace, &Workspace::discovered);
    workspace.start();
    QVERIFY(discovered.wait(10000));
    // The stack in the remembered folder is that project, not a new one.
    for (const QList<QVariant> &args : std::as_const(added)) {
        const auto s = args.first().value<ProjectSummary>();
        QVERIFY2(s.name != m_remembered, qPrintable("reported as new: " + s.id));
    }
    QVERIFY(!byName(workspace, m_remembered) || byName(workspace, m_remembered)->id
                                                    == ProjectRuntime::idFor(running));
    const ProjectSummary old = *remembered(running);
    QVERIFY(old.known);
    QCOMPARE(old.name, m_remembered);
    QCOMPARE(old.servicesUp, 1);
    QCOMPARE(old.origin, ProjectSummary::Origin::Opened);
    // Known too: nothing of it runs.
    const ProjectSummary quiet = *remembered(idle);
    QVERIFY(quiet.known);
    QCOMPARE(quiet.servicesTotal, 0);
    QCOMPARE(quiet.servicesUp, 0);

    // From then on a change is news, within a second.
    QCOMPARE(docker({"stop", "-t", "1", m_remembered + "-app-1"}).exitCode, 0);
    QVERIFY(waitUntil([&] { return remembered(running)->servicesUp == 0; }, 1000));
    QCOMPARE(remembered(running)->exited, 0);
}

// A folder whose files say `name: <main>` runs as <main>-feature (a twin, started with -p). Opened
// from the engine's listing it is that stack; stopped, and opened again in a later session from
// the remembered list, it is still that stack — never the main one the files name, whose Stop or
// Up would act on the main stack's containers and volumes.
void TestWorkspace::stackRunningUnderAnotherName_reopenedLater_stillThatName()
{
    QTemporaryDir root;
    const QString dir = root.filePath("worktree");
    QDir().mkpath(dir);
    QFile file(dir + "/compose.yaml");
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("name: %1\nservices:\n  app:\n    image: %2\n"
                              "    command: sleep 3600\n    stop_grace_period: 1s\n")
                   .arg(m_main, kTestImage)
                   .toUtf8());
    file.close();
    const Run up = run("docker", {"compose", "--project-directory", dir, "-p", m_twin, "up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    const QString settings = root.filePath("settings.ini");
    QStringList files;
    {
        Workspace workspace(&client);
        workspace.setSettingsFile(settings);
        QSignalSpy discovered(&workspace, &Workspace::discovered);
        workspace.start();
        QVERIFY(discovered.wait(10000));
        QVERIFY(waitUntil([&] { return byName(workspace, m_twin).has_value(); }, 10000));
        // As the window opens a stack it found: from the folder and files its labels name.
        files = byName(workspace, m_twin)->files;
        ProjectRuntime *runtime = workspace.open(dir, files);
        QVERIFY(runtime);
        QVERIFY(QSignalSpy(runtime, &ProjectRuntime::loaded).wait(30000));
        QCOMPARE(runtime->project().name, m_twin);
    }
    const Run down = run("docker", {"compose", "-p", m_twin, "down", "-t", "1"});
    QCOMPARE(down.exitCode, 0);

    Workspace later(&client);
    later.setSettingsFile(settings);
    QSignalSpy discovered(&later, &Workspace::discovered);
    later.start();
    QVERIFY(discovered.wait(10000));
    QVERIFY(later.project(Workspace::idForPath(dir, files))); // remembered
    ProjectRuntime *again = later.open(dir, files);
    QVERIFY(again);
    QVERIFY(QSignalSpy(again, &ProjectRuntime::loaded).wait(30000));
    QCOMPARE(again->project().name, m_twin);
}

void TestWorkspace::failedOpen_previousProjectStaysActive_noRuntimeLeft()
{
    QTemporaryDir root;
    QDir().mkpath(root.filePath("good"));
    QDir().mkpath(root.filePath("bad"));
    QFile good(root.filePath("good/compose.yaml"));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(QStringLiteral("name: %1\nservices:\n  app:\n    image: %2\n")
                   .arg(kPrefix + "good", kTestImage)
                   .toUtf8());
    good.close();
    QFile bad(root.filePath("bad/compose.yaml"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("services:\n  app:\n    image: [unclosed\n");
    bad.close();

    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    Workspace workspace(&client);
    workspace.setSettingsFile(root.filePath("settings.ini"));
    workspace.start();
    ProjectRuntime *first = workspace.open(root.filePath("good"));
    QSignalSpy loaded(first, &ProjectRuntime::loaded);
    QVERIFY(loaded.wait(30000));
    const QString goodId = first->id();
    QCOMPARE(workspace.activeId(), goodId);

    ProjectRuntime *broken = workspace.open(root.filePath("bad"));
    QVERIFY(broken);
    const QString badId = broken->id();
    QSignalSpy failed(broken, &ProjectRuntime::loadFailed);
    QSignalSpy removed(&workspace, &Workspace::projectRemoved);
    QVERIFY(failed.wait(30000));
    // The project on screen stays the one that opened; the broken one leaves no runtime and no
    // half-open entry behind.
    QTRY_COMPARE(workspace.runtime(badId), nullptr);
    QCOMPARE(workspace.activeId(), goodId);
    QCOMPARE(workspace.runtime(goodId), first);
    QVERIFY(first->isForeground());
    QCOMPARE(first->project().services.size(), 1);
    QVERIFY(removed.size() == 1 && removed.first().first().toString() == badId);
    for (const ProjectSummary &s : workspace.projects()) {
        QVERIFY2(s.id != badId, qPrintable(s.id));
    }
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
