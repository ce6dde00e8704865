// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The stack scenario on the demo stack, against the real engine and the real compose CLI: through
// `devdockctl` (up --wait, ps, watch, restart, the port pre-flight, down) and through
// StackController and LiveState in-process. Runs once with `docker compose` and once with the
// standalone `docker-compose` where that is installed.
#include "../common/composetest.h"
#include "../common/dockertest.h"

#include "compose/composeloader.h"
#include "engine/engineclient.h"
#include "stack/livestate.h"
#include "stack/projectdiscovery.h"
#include "stack/stackcontroller.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <unistd.h>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

QString startedAt(const QString &container)
{
    return QString::fromUtf8(docker({"inspect", "--format", "{{.State.StartedAt}}", container}).out)
        .trimmed();
}

QString containerId(const QString &container)
{
    return QString::fromUtf8(docker({"inspect", "--format", "{{.Id}}", container}).out).trimmed();
}

} // namespace

class TestStack : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void scenario_data();
    void scenario();
    void operation_cancel_reportsCancelledAndKeepsOutput();
    void liveState_engineRestart_reportsAndRelists();
    void liveState_turnsUnhealthy_raisesAlertWithProbe();
    void liveState_refresh_isPendingUntilANewListingIsApplied();
    void missingCompose_clearMessage();
    void secrets_reachComposeThroughEnvironment_notFiles();
    void cleanup();

private:
    // One run of the scenario: a private copy of the demo with its own name and ports.
    struct Fixture
    {
        QString tool;
        QString project;
        QTemporaryDir dir;
        QProcessEnvironment env;
        int httpPort = 0;
    };
    Run ctl(const Fixture &f, const QStringList &args, int timeoutMs = 240000,
            const QProcessEnvironment &extra = {});
    void stepUp(Fixture &f);
    void stepPsAgreesWithCompose(Fixture &f);
    void stepLogsMergedAndPrefixed(Fixture &f);
    void stepWatchSeesKill(Fixture &f);
    void stepRestartKeepsDependencyOrder(Fixture &f);
    void stepPortTakenBlocksUp(Fixture &f);
    void stepControllerAndLiveState(Fixture &f);
    void stepDownLeavesNothing(Fixture &f);
    void stepProjectsAreDiscovered(Fixture &f);
    QStringList m_projects;
};

void TestStack::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    // The demo's images: its busybox, PostgreSQL and Redis (scripts/prepare-demo).
    {
        QString demoError;
        QVERIFY2(ensureDemoImages(&demoError), qPrintable(demoError));
    }
}

void TestStack::scenario_data()
{
    QTest::addColumn<QString>("tool");
    QTest::newRow("docker compose") << "docker compose";
    if (run("docker-compose", {"version", "--short"}, 20000).exitCode == 0) {
        QTest::newRow("standalone docker-compose") << "docker-compose";
    } else {
        qInfo("standalone docker-compose is not installed: that row is left out");
    }
}

void TestStack::cleanup()
{
    for (const QString &project : std::as_const(m_projects)) {
        run("docker", {"compose", "-p", project, "down", "-v", "--remove-orphans", "-t", "1"});
    }
    m_projects.clear();
}

Run TestStack::ctl(const Fixture &f, const QStringList &args, int timeoutMs,
                   const QProcessEnvironment &extra)
{
    QProcess p;
    QProcessEnvironment env = f.env;
    for (const QString &key : extra.keys()) {
        env.insert(key, extra.value(key));
    }
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(f.dir.path());
    p.start(DEVDOCKCTL_PATH, QStringList{"-p", f.project} + args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, p.readAllStandardOutput(), "timeout: " + p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

void TestStack::scenario()
{
    QFETCH(QString, tool);
    Fixture f;
    f.tool = tool;
    f.project = tool == "docker compose" ? "devdock-it-v2" : "devdock-it-standalone";
    m_projects << f.project;
    run("docker", {"compose", "-p", f.project, "down", "-v", "--remove-orphans", "-t", "1"});
    QVERIFY(copyTree(DEVDOCK_SOURCE_DIR "/examples/demo", f.dir.path()));
    f.httpPort = freePort();
    f.env = QProcessEnvironment::systemEnvironment();
    f.env.insert("DEVDOCK_COMPOSE", tool);
    f.env.insert("DEMO_HTTP_PORT", QString::number(f.httpPort));
    f.env.insert("DEMO_TEMPORAL_UI_PORT", QString::number(freePort()));
    f.env.insert("DEMO_FLAKY_PERIOD", "3600"); // no planned flapping during the test
    // The in-process controller reads the same variables from this process's environment.
    for (const char *key :
         {"DEVDOCK_COMPOSE", "DEMO_HTTP_PORT", "DEMO_TEMPORAL_UI_PORT", "DEMO_FLAKY_PERIOD"}) {
        qputenv(key, f.env.value(QString::fromLatin1(key)).toUtf8());
    }

    stepUp(f);
    if (QTest::currentTestFailed())
        return;
    stepPsAgreesWithCompose(f);
    if (QTest::currentTestFailed())
        return;
    stepLogsMergedAndPrefixed(f);
    if (QTest::currentTestFailed())
        return;
    stepWatchSeesKill(f);
    if (QTest::currentTestFailed())
        return;
    stepRestartKeepsDependencyOrder(f);
    if (QTest::currentTestFailed())
        return;
    stepPortTakenBlocksUp(f);
    if (QTest::currentTestFailed())
        return;
    stepControllerAndLiveState(f);
    if (QTest::currentTestFailed())
        return;
    stepProjectsAreDiscovered(f);
    if (QTest::currentTestFailed())
        return;
    stepDownLeavesNothing(f);
    qunsetenv("DEVDOCK_COMPOSE");
}

void TestStack::stepUp(Fixture &f)
{
    const Run up = ctl(f, {"up", "--wait"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    // Compose's progress reaches stderr line by line.
    QVERIFY2(up.err.contains("Started") || up.err.contains("Healthy"), up.err.constData());
}

void TestStack::stepPsAgreesWithCompose(Fixture &f)
{
    const Run ps = ctl(f, {"ps", "--json"});
    QVERIFY2(ps.exitCode == 0, ps.err.constData());
    const QJsonArray services = QJsonDocument::fromJson(ps.out).array();
    QCOMPARE(services.size(), 10);

    const Run compose = run("docker", {"compose", "-p", f.project, "ps", "-a", "--format", "json"});
    QVERIFY2(compose.exitCode == 0, compose.err.constData());
    QHash<QString, QJsonObject> theirs;
    for (const QByteArray &line : compose.out.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject()) {
            theirs.insert(doc.object().value("Service").toString(), doc.object());
        } else if (doc.isArray()) { // older Compose prints one array
            for (const QJsonValue &v : doc.array()) {
                theirs.insert(v.toObject().value("Service").toString(), v.toObject());
            }
        }
    }
    QCOMPARE(theirs.size(), 10);
    for (const QJsonValue &value : services) {
        const QJsonObject mine = value.toObject();
        const QString name = mine.value("name").toString();
        const QJsonObject other = theirs.value(name);
        QVERIFY2(!other.isEmpty(), qPrintable(name));
        const QString state = mine.value("state").toString();
        // Every service is up; those with a health check are healthy.
        QVERIFY2(state == "running" || state == "healthy", qPrintable(name + ": " + state));
        QCOMPARE(other.value("State").toString(), QString("running"));
        QCOMPARE(mine.value("health").toString(), other.value("Health").toString());
        QCOMPARE(state == "healthy", other.value("Health").toString() == "healthy");
        QCOMPARE(mine.value("containers").toArray().size(), 1);
        QCOMPARE(mine.value("containers").toArray().at(0).toObject().value("name").toString(),
                 other.value("Name").toString());
        QVERIFY2(mine.value("reason").toString().isEmpty(), qPrintable(name));
    }
    // The published port, as Compose reports it.
    for (const QJsonValue &value : services) {
        if (value.toObject().value("name").toString() == "nginx") {
            const QJsonArray ports = value.toObject().value("ports").toArray();
            QCOMPARE(ports.size(), 1);
            QCOMPARE(ports.at(0).toObject().value("published").toInt(), f.httpPort);
        }
    }
}

void TestStack::stepLogsMergedAndPrefixed(Fixture &f)
{
    const Run logs = ctl(f, {"logs", "--tail", "3", "postgres", "backend"});
    QVERIFY2(logs.exitCode == 0, logs.err.constData());
    const QList<QByteArray> lines = logs.out.split('\n').mid(0, logs.out.count('\n'));
    QVERIFY2(lines.size() >= 2 && lines.size() <= 6, logs.out.constData());
    bool sawPostgres = false;
    bool sawBackend = false;
    for (const QByteArray &line : lines) {
        // Prefixed like Compose: "<service>-<replica>", padded to the longest, then "  | ".
        QVERIFY2(line.startsWith("postgres-1  | ") || line.startsWith("backend-1   | "),
                 line.constData());
        sawPostgres = sawPostgres || line.startsWith("postgres-1");
        sawBackend = sawBackend || line.startsWith("backend-1");
    }
    QVERIFY(sawPostgres && sawBackend);
    // The same lines as `docker compose logs`, without the prefix.
    const Run bare = ctl(f, {"logs", "--tail", "1", "--no-prefix", "postgres"});
    QVERIFY2(bare.exitCode == 0, bare.err.constData());
    const Run theirs = run("docker", {"compose", "-p", f.project, "logs", "--no-color",
                                      "--no-log-prefix", "--tail", "1", "postgres"});
    QCOMPARE(bare.out.trimmed(), QByteArray(theirs.out).replace("\x1b[2K", "").trimmed());
    // An unknown service is refused.
    QCOMPARE(ctl(f, {"logs", "nosuchservice"}).exitCode, 1);
}

void TestStack::stepWatchSeesKill(Fixture &f)
{
    QProcess watch;
    watch.setProcessEnvironment(f.env);
    watch.setWorkingDirectory(f.dir.path());
    QByteArray out;
    connect(&watch, &QProcess::readyReadStandardOutput, this,
            [&] { out += watch.readAllStandardOutput(); });
    watch.start(DEVDOCKCTL_PATH, {"-p", f.project, "watch", "--json"});
    QVERIFY(watch.waitForStarted());
    // The initial picture: one line per service.
    QVERIFY2(waitUntil([&] { return out.count('\n') >= 10; }, 20000), out.constData());
    const QString worker = f.project + "-worker-1";
    QCOMPARE(docker({"kill", worker}).exitCode, 0);
    auto sawExit = [&] {
        for (const QByteArray &line : out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value("service") == "worker" && o.value("state") == "exited"
                && o.value("exit_code").toInt() == 137 && o.value("previous") == "running") {
                return true;
            }
        }
        return false;
    };
    auto sawAlert = [&] {
        for (const QByteArray &line : out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value("alert") == "exited" && o.value("service") == "worker") {
                return true;
            }
        }
        return false;
    };
    QVERIFY2(waitUntil(sawExit, 10000), out.constData());
    QVERIFY2(waitUntil(sawAlert, 10000), out.constData());
    watch.terminate();
    QVERIFY(watch.waitForFinished(10000));
    QCOMPARE(watch.exitCode(), 0);
}

void TestStack::stepRestartKeepsDependencyOrder(Fixture &f)
{
    const QString redisBefore = startedAt(f.project + "-redis-1");
    const QString postgresBefore = startedAt(f.project + "-postgres-1");
    const Run restart = ctl(f, {"restart", "postgres"});
    QVERIFY2(restart.exitCode == 0, restart.err.constData());
    const QString postgres = startedAt(f.project + "-postgres-1");
    const QString backend = startedAt(f.project + "-backend-1");
    const QString nginx = startedAt(f.project + "-nginx-1");
    const QString worker = startedAt(f.project + "-worker-1");
    // RFC 3339 with nanoseconds in UTC: string order is time order.
    QVERIFY2(postgres > postgresBefore, qPrintable(postgres + " / " + postgresBefore));
    QVERIFY2(backend > postgres, qPrintable(backend + " / " + postgres));
    QVERIFY2(nginx > backend, qPrintable(nginx + " / " + backend));
    QVERIFY2(worker > backend, qPrintable(worker + " / " + backend)); // the killed worker is back
    QCOMPARE(startedAt(f.project + "-redis-1"), redisBefore);         // not a dependent: untouched
}

void TestStack::stepPortTakenBlocksUp(Fixture &f)
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const QString nginxId = containerId(f.project + "-nginx-1");
    QProcessEnvironment extra;
    extra.insert("DEMO_HTTP_PORT", QString::number(holder.serverPort()));
    const Run up = ctl(f, {"up", "nginx"}, 60000, extra);
    QCOMPARE(up.exitCode, 1);
    const QString err = QString::fromUtf8(up.err);
    QVERIFY2(err.contains(QString("Port 127.0.0.1:%1/tcp").arg(holder.serverPort())),
             qPrintable(err));
    QVERIFY2(err.contains("wanted by nginx"), qPrintable(err));
    QVERIFY2(err.contains(QString("process tst_stack (pid %1)").arg(::getpid())), qPrintable(err));
    QVERIFY2(err.contains("hint:"), qPrintable(err));
    // Nothing was touched: the pre-flight stops before the compose CLI runs.
    QCOMPARE(containerId(f.project + "-nginx-1"), nginxId);
    // The report names the same holder.
    const Run doctor = ctl(f, {"doctor", "ports"}, 60000, extra);
    QCOMPARE(doctor.exitCode, 1);
    QVERIFY2(doctor.out.contains("CONFLICT: held by process tst_stack"), doctor.out.constData());
    // Ports held by the project's own containers are fine.
    const Run own = ctl(f, {"doctor", "ports"});
    QVERIFY2(own.exitCode == 0, own.out.constData());
    QVERIFY2(own.out.contains("in use by this project's container"), own.out.constData());
}

void TestStack::stepControllerAndLiveState(Fixture &f)
{
    ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
    options.workingDirectory = f.dir.path();
    options.projectName = f.project;
    auto project = loadComposeProject(options);
    QVERIFY2(project.has_value(), project ? "" : qPrintable(project.error().message));
    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint.has_value());
    EngineClient client(*endpoint);
    StackController controller(&client);
    controller.setProject(*project, options);
    LiveState *live = controller.liveState();
    QSignalSpy alerts(live, &LiveState::alertRaised);
    QSignalSpy finished(&controller, &StackController::actionFinished);
    live->start();
    QVERIFY(waitUntil([&] { return live->isKnown(); }, 20000));
    QVERIFY(live->isEngineReachable());
    QVERIFY(live->service("nginx")->isUp());

    // DevDock's own stop of postgres and its dependents raises no alert.
    controller.stop({"postgres"}, true);
    QVERIFY(waitUntil([&] { return finished.size() == 1; }, 120000));
    QVERIFY2(finished.at(0).at(1).value<Result<void>>().has_value(), "stop failed");
    QVERIFY(waitUntil(
        [&] {
            return live->service("backend")->status == ServiceStatus::Stopped
                   && live->service("nginx")->status == ServiceStatus::Stopped
                   && live->service("postgres")->status == ServiceStatus::Stopped;
        },
        10000));
    QCOMPARE(live->service("redis")->status, ServiceStatus::Healthy); // not a dependent
    // The stand-in postgres is a shell: SIGTERM ends it with 143, which reads as a stop.
    QCOMPARE(live->service("postgres")->exitCode, 143);
    QCOMPARE(live->service("backend")->reason, QString("dependency postgres is stopped"));
    QTest::qWait(800); // the window in which a `stop` event would cancel an alert
    QCOMPARE(alerts.size(), 0);

    // Starting nginx starts everything it depends on.
    controller.startWithDependencies({"nginx"});
    QVERIFY(waitUntil([&] { return finished.size() == 2; }, 180000));
    QVERIFY2(finished.at(1).at(1).value<Result<void>>().has_value(),
             qPrintable(
                 controller.affectedServices(finished.at(1).at(0).value<StackAction>()).join(',')));
    QVERIFY(waitUntil(
        [&] {
            return live->service("postgres")->status == ServiceStatus::Healthy
                   && live->service("backend")->status == ServiceStatus::Healthy
                   && live->service("nginx")->isUp();
        },
        60000));

    // A container dying on its own is an alert, naming the service.
    QCOMPARE(docker({"kill", f.project + "-temporal-admin-tools-1"}).exitCode, 0);
    QVERIFY(waitUntil([&] { return alerts.size() >= 1; }, 10000));
    const ServiceAlert alert = alerts.at(0).at(0).value<ServiceAlert>();
    QCOMPARE(alert.service, QString("temporal-admin-tools"));
    QCOMPARE(alert.kind, ServiceAlert::Kind::Exited);
    QVERIFY2(alert.message.contains("exited unexpectedly (code 137)"), qPrintable(alert.message));

    // Rebuild only the frontend: a new image with the changed file, a new container, nobody else
    // recreated.
    const QString backendId = containerId(f.project + "-backend-1");
    const QString frontendId = containerId(f.project + "-frontend-1");
    QFile page(f.dir.filePath("frontend/public/index.html"));
    QVERIFY(page.open(QIODevice::Append));
    page.write("<!-- rebuilt by tst_stack -->\n");
    page.close();
    QList<ComposeProgressEvent> progress;
    connect(&controller, &StackController::operationStarted, this,
            [&](const StackAction &, ComposeOperation *operation) {
                connect(operation, &ComposeOperation::progressed, this,
                        [&](const ComposeProgressEvent &e) { progress.append(e); });
            });
    controller.rebuild("frontend");
    QVERIFY(waitUntil([&] { return finished.size() == 3; }, 180000));
    // Build steps and container states, as Compose reported them, for that service.
    QVERIFY(std::any_of(progress.cbegin(), progress.cend(), [](const ComposeProgressEvent &e) {
        return e.kind == ComposeProgressEvent::Kind::Build && e.service == "frontend";
    }));
    QVERIFY(std::any_of(progress.cbegin(), progress.cend(), [](const ComposeProgressEvent &e) {
        return e.kind == ComposeProgressEvent::Kind::Resource && e.service == "frontend"
               && e.status == "Started";
    }));
    const auto rebuilt = finished.at(2).at(1).value<Result<void>>();
    QVERIFY2(rebuilt.has_value(), rebuilt ? "" : qPrintable(rebuilt.error().message));
    QVERIFY(containerId(f.project + "-frontend-1") != frontendId);
    QCOMPARE(containerId(f.project + "-backend-1"), backendId);
    const Run served = docker({"exec", f.project + "-frontend-1", "cat", "/app/public/index.html"});
    QVERIFY2(served.out.contains("rebuilt by tst_stack"), served.out.constData());
    live->stop();
}

void TestStack::stepProjectsAreDiscovered(Fixture &f)
{
    // A stack started outside DevDock is found from its containers' labels.
    auto endpoint = EngineClient::systemEndpoint();
    EngineClient client(*endpoint);
    auto projects =
        await<QList<DiscoveredProject>>([&](auto done) { discoverProjects(&client, this, done); });
    QVERIFY(projects && *projects);
    const auto it = std::find_if((*projects)->cbegin(), (*projects)->cend(),
                                 [&](const DiscoveredProject &p) { return p.name == f.project; });
    QVERIFY(it != (*projects)->cend());
    QCOMPARE(QFileInfo(it->workingDirectory).canonicalFilePath(),
             QFileInfo(f.dir.path()).canonicalFilePath());
    QCOMPARE(it->configFiles.size(), 1);
    QVERIFY(it->configFiles.first().endsWith("compose.yaml"));
    QCOMPARE(it->services.size(), 10);
    QCOMPARE(it->containers, 10);
    // The same through devdockctl.
    const Run listed = run(DEVDOCKCTL_PATH, {"projects", "--json"});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    bool found = false;
    for (const QJsonValue &v : QJsonDocument::fromJson(listed.out).array()) {
        if (v.toObject().value("name") == f.project) {
            found = true;
            QCOMPARE(v.toObject().value("services").toArray().size(), 10);
        }
    }
    QVERIFY2(found, listed.out.constData());
}

void TestStack::stepDownLeavesNothing(Fixture &f)
{
    const Run down = ctl(f, {"down"});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    const QString label = "label=com.docker.compose.project=" + f.project;
    QCOMPARE(docker({"ps", "-aq", "--filter", label}).out.trimmed(), QByteArray());
    QCOMPARE(docker({"network", "ls", "-q", "--filter", label}).out.trimmed(), QByteArray());
    const Run volumes = ctl(f, {"down", "--volumes", "--no-backup"});
    QVERIFY2(volumes.exitCode == 0, volumes.err.constData());
    QCOMPARE(docker({"volume", "ls", "-q", "--filter", label}).out.trimmed(), QByteArray());
}

void TestStack::operation_cancel_reportsCancelledAndKeepsOutput()
{
    QTemporaryDir dir;
    ComposeLoadOptions options;
    options.projectName = "devdock-it-cancel";
    m_projects << options.projectName;
    auto project =
        loadInline(dir,
                   "services:\n"
                   "  never-healthy:\n"
                   "    image: devdock-demo/busybox:latest\n"
                   "    pull_policy: never\n"
                   "    command: [\"sleep\", \"600\"]\n"
                   "    healthcheck: {test: [\"CMD\", \"false\"], interval: 30s, retries: 50}\n",
                   options);
    options.workingDirectory = dir.path();
    QVERIFY(project.has_value());
    ComposeTool tool{{"docker", "compose"}, "2"};
    const ComposeCli cli(ComposeInvocation::forProject(tool, *project, options));
    ComposeUpOptions up;
    up.wait = true;
    std::unique_ptr<ComposeOperation> operation(cli.up({}, up, nullptr));
    QSignalSpy finished(operation.get(), &ComposeOperation::finished);
    QSignalSpy progressed(operation.get(), &ComposeOperation::progressed);
    operation->start();
    QVERIFY(operation->isRunning());
    // Cancel once the container runs: `up --wait` would wait 25 minutes for health.
    QVERIFY(waitUntil(
        [&] {
            return operation->serviceStatus().value("never-healthy") == "Started"
                   || operation->serviceStatus().value("never-healthy") == "Waiting";
        },
        60000));
    QElapsedTimer timer;
    timer.start();
    operation->cancel();
    QVERIFY(waitUntil([&] { return finished.size() == 1; }, 15000));
    QVERIFY2(timer.elapsed() < 12000, "cancel took too long");
    const auto result = finished.at(0).at(0).value<Result<void>>();
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, Error::Code::Cancelled);
    QVERIFY(!operation->lines().isEmpty());
    QVERIFY(operation->output().contains("never-healthy"));
    QVERIFY(progressed.size() >= 2);
    QVERIFY(operation->commandLine().startsWith("docker compose --progress plain"));
}

void TestStack::liveState_engineRestart_reportsAndRelists()
{
    const QByteArray restart = qgetenv("DEVDOCK_TEST_RESTART_DOCKERD");
    if (restart.isEmpty()) {
        QSKIP("Set DEVDOCK_TEST_RESTART_DOCKERD to a command that restarts dockerd (the test "
              "command does).");
    }
    QTemporaryDir dir;
    ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
    options.projectName = "devdock-it-restart";
    m_projects << options.projectName;
    auto project = loadInline(dir,
                              "services:\n"
                              "  app:\n"
                              "    image: devdock-demo/busybox:latest\n"
                              "    pull_policy: never\n"
                              "    init: true\n"
                              "    restart: always\n"
                              "    command: [\"sleep\", \"600\"]\n",
                              options);
    options.workingDirectory = dir.path();
    QVERIFY(project.has_value());
    QProcess up;
    up.setWorkingDirectory(dir.path());
    up.start("docker", {"compose", "-p", options.projectName, "up", "-d", "--wait"});
    QVERIFY(up.waitForFinished(120000));
    QCOMPARE(up.exitCode(), 0);

    auto endpoint = EngineClient::systemEndpoint();
    EngineClient client(*endpoint);
    LiveState live(&client);
    live.setProject(*project);
    QSignalSpy status(&live, &LiveState::engineStatusChanged);
    live.start();
    QVERIFY(waitUntil([&] { return live.isKnown(); }, 20000));
    QCOMPARE(live.service("app")->status, ServiceStatus::Running);
    const QDateTime before = live.service("app")->startedAt;

    const QStringList command = QString::fromUtf8(restart).split(' ', Qt::SkipEmptyParts);
    QProcess restarter;
    restarter.start(command.first(), command.mid(1));
    // Down: said plainly, for every service.
    QVERIFY(waitUntil([&] { return !live.isEngineReachable(); }, 60000));
    QCOMPARE(live.service("app")->reason, QString("the Docker engine is not reachable"));
    QVERIFY(restarter.waitForFinished(120000));
    QCOMPARE(restarter.exitCode(), 0);
    // Back: reconnected and re-listed by itself; the restart policy started a new run.
    QVERIFY(waitUntil(
        [&] {
            return live.isEngineReachable() && live.service("app")->status == ServiceStatus::Running
                   && live.service("app")->startedAt > before;
        },
        60000));
    QVERIFY(status.size() >= 2);
    QCOMPARE(status.last().at(0).toBool(), true);
    live.stop();
}

void TestStack::liveState_turnsUnhealthy_raisesAlertWithProbe()
{
    QTemporaryDir dir;
    ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
    options.projectName = "devdock-it-unhealthy";
    m_projects << options.projectName;
    auto project = loadInline(
        dir,
        "services:\n"
        "  cache:\n"
        "    image: devdock-demo/busybox:latest\n"
        "    pull_policy: never\n"
        "    init: true\n"
        "    command: [\"sh\", \"-c\", \"touch /tmp/ok; exec sleep 600\"]\n"
        "    healthcheck:\n"
        "      test: [\"CMD-SHELL\", \"test -f /tmp/ok || { echo cache: no ok file; exit 1; }\"]\n"
        "      interval: 1s\n"
        "      retries: 1\n",
        options);
    options.workingDirectory = dir.path();
    QVERIFY(project.has_value());
    QCOMPARE(run("docker", {"compose", "--project-directory", dir.path(), "-p", options.projectName,
                            "up", "-d", "--wait"})
                 .exitCode,
             0);
    auto endpoint = EngineClient::systemEndpoint();
    EngineClient client(*endpoint);
    LiveState live(&client);
    live.setProject(*project);
    QSignalSpy alerts(&live, &LiveState::alertRaised);
    live.start();
    QVERIFY(waitUntil(
        [&] { return live.isKnown() && live.service("cache")->status == ServiceStatus::Healthy; },
        20000));
    QCOMPARE(docker({"exec", options.projectName + "-cache-1", "rm", "/tmp/ok"}).exitCode, 0);
    QVERIFY(waitUntil([&] { return !alerts.isEmpty(); }, 15000));
    const ServiceAlert alert = alerts.at(0).at(0).value<ServiceAlert>();
    QCOMPARE(alert.kind, ServiceAlert::Kind::Unhealthy);
    QCOMPARE(alert.service, QString("cache"));
    QVERIFY2(alert.message.contains("cache: no ok file"), qPrintable(alert.message));
    QCOMPARE(live.service("cache")->status, ServiceStatus::Unhealthy);
    QVERIFY(live.service("cache")->reason.startsWith("unhealthy — last probe: cache: no ok file"));
    live.stop();
}

void TestStack::liveState_refresh_isPendingUntilANewListingIsApplied()
{
    // After `up` recreated a container, the picture must not be trusted until a listing made
    // after the refresh is in: onboarding's "healthy" step waits on exactly this.
    QTemporaryDir dir;
    ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
    options.projectName = "devdock-it-refresh";
    m_projects << options.projectName;
    auto project = loadInline(dir,
                              "services:\n"
                              "  app:\n"
                              "    image: devdock-demo/busybox:latest\n"
                              "    pull_policy: never\n"
                              "    init: true\n"
                              "    command: [\"sleep\", \"600\"]\n",
                              options);
    QVERIFY(project.has_value());
    const QStringList compose{"compose", "--project-directory", dir.path(), "-p",
                              options.projectName};
    QCOMPARE(run("docker", compose + QStringList{"up", "-d"}).exitCode, 0);
    auto endpoint = EngineClient::systemEndpoint();
    EngineClient client(*endpoint);
    LiveState live(&client);
    live.setProject(*project);
    live.setCoalesceInterval(2000); // events alone would take a while to show the new container
    live.start();
    QVERIFY(waitUntil([&] { return live.isKnown() && live.service("app")->isUp(); }, 20000));
    QVERIFY(!live.isRefreshing());
    const QString before = live.service("app")->containers.value(0).id;
    QCOMPARE(run("docker", compose + QStringList{"up", "-d", "--force-recreate"}).exitCode, 0);
    const QString after = containerId(options.projectName + "-app-1");
    QVERIFY(!after.isEmpty() && after != before);
    const int listings = live.listingCount();
    live.refresh();
    QVERIFY(live.isRefreshing());
    QVERIFY(waitUntil([&] { return !live.isRefreshing(); }, 20000));
    QVERIFY(live.listingCount() > listings);
    QCOMPARE(live.service("app")->containers.value(0).id, after);
    QVERIFY(live.service("app")->isUp());
    live.stop();
}

void TestStack::missingCompose_clearMessage()
{
    // Through the CLI: a tool that does not exist.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DEVDOCK_COMPOSE", "/nonexistent/docker-compose");
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(DEVDOCK_SOURCE_DIR "/examples/demo");
    p.start(DEVDOCKCTL_PATH, {"-p", "devdock-it-missing", "up", "--no-preflight"});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains("Docker Compose is not installed"), qPrintable(err));
    QVERIFY2(err.contains("hint: Install the Compose v2 plugin"), qPrintable(err));
    // In-process: the controller reports the same, nothing runs.
    ComposeLoadOptions options;
    options.workingDirectory = DEVDOCK_SOURCE_DIR "/examples/demo";
    auto project = loadComposeProject(options);
    QVERIFY(project.has_value());
    auto endpoint = EngineClient::systemEndpoint();
    EngineClient client(*endpoint);
    StackController controller(&client);
    controller.setProject(*project, options);
    controller.setTool(ComposeTool{});
    QSignalSpy finished(&controller, &StackController::actionFinished);
    controller.up();
    QVERIFY(waitUntil([&] { return finished.size() == 1; }, 10000));
    const auto result = finished.at(0).at(1).value<Result<void>>();
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, Error::Code::Unsupported);
    QVERIFY(finished.at(0).at(2).value<ComposeOperation *>() == nullptr);
    QVERIFY(!controller.isBusy());
}

void TestStack::secrets_reachComposeThroughEnvironment_notFiles()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (qEnvironmentVariableIsSet("DEVDOCK_REQUIRE_KEYCHAIN")) {
            QFAIL("No session bus, but DEVDOCK_REQUIRE_KEYCHAIN is set.");
        }
        QSKIP("No session bus: run under the test command (dbus-run-session + gnome-keyring).");
    }
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &text) {
        QVERIFY(writeFile(dir.filePath(name), text));
    };
    write(".env.example", "# devdock: secret\n# The database password.\nDB_PASSWORD=\nGREETING=\n");
    write(".env.development", "GREETING=hello-from-development\n");
    write("compose.yaml", "services:\n"
                          "  app:\n"
                          "    image: devdock-demo/busybox:latest\n"
                          "    pull_policy: never\n"
                          "    command: [\"sleep\", \"600\"]\n"
                          "    environment:\n"
                          "      DB_PASSWORD: ${DB_PASSWORD:?set it in the keychain}\n"
                          "      GREETING: ${GREETING}\n");
    const QString project = "devdock-it-secrets";
    m_projects << project;
    const QString secret = "kc-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DEVDOCK_COMPOSE");
    env.remove("DB_PASSWORD");
    auto ctl = [&](const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir.path());
        p.start(DEVDOCKCTL_PATH, QStringList{"-p", project} + args);
        p.waitForFinished(120000);
        return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    };
    // Without the secret, Compose refuses, naming the variable.
    const Run refused = ctl({"up", "--no-preflight"});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("DB_PASSWORD"), refused.err.constData());
    // Into the keychain, then up: the container sees it.
    const Run set =
        ctl({"env", "set", "DB_PASSWORD", secret, "--secret", "--project-directory", dir.path()});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    const Run up = ctl({"up", "--wait"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const Run inspected =
        docker({"inspect", "--format", "{{json .Config.Env}}", project + "-app-1"});
    QVERIFY2(inspected.out.contains(("DB_PASSWORD=" + secret).toUtf8()), inspected.out.constData());
    QVERIFY2(inspected.out.contains("GREETING=hello-from-development"), inspected.out.constData());
    // Nowhere on disk: not in the project, not in DevDock's logs.
    const QString logs =
        QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + "/devdock/logs";
    for (const QString &root : {dir.path(), logs}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
    }
    QVERIFY(!up.err.contains(secret.toUtf8()));
    QCOMPARE(ctl({"env", "unset", "DB_PASSWORD", "--project-directory", dir.path()}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestStack)
#include "tst_stack.moc"
