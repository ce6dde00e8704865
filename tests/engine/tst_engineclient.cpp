// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Integration tests: DevDock's engine client against the real Docker engine, checked against the
// docker CLI's answers.
#include "../common/dockertest.h"
#include "../common/socketproxy.h"

#include "engine/containerwatcher.h"
#include "engine/engineclient.h"
#include "engine/eventhub.h"
#include "engine/eventstream.h"
#include "engine/logstream.h"
#include "engine/statsstream.h"
#include "engine/tarwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QUuid>
#include <QTemporaryDir>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

struct CollectedLogs
{
    QByteArray out;
    QByteArray err;
    std::optional<Result<void>> finished;
    bool tty = false;
};

} // namespace

class TestEngineClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void version_matchesDockerCli();
    void listContainers_matchesDockerPs();
    void inspect_matchesDockerInspect();
    void logs_byteForByte_data();
    void logs_byteForByte();
    void logs_followEndsWhenContainerExits();
    void logs_missingContainer_isNotFound();
    void events_startAndDie();
    void stats_matchesDockerStats();
    void exec_outputAndExitCode();
    void archiveUpload_visibleInContainer();
    void lifecycle_startStopRestartKillRemove();
    void imagesNetworksVolumes_listed();
    void containerWatcher_followsEvents();
    void containerWatcher_announcesAnEmptyFirstListing();
    void containerWatcher_sharesTheEnginesOneEventStream();
    void unreachable_namesEndpoint();
    void connectionReuse_manySequentialCalls();
    void events_reconnectAfterEngineRestart(); // last: restarts the engine

private:
    CollectedLogs collectLogs(const QString &container, const LogOptions &options);
    EngineClient *m_client = nullptr;
};

void TestEngineClient::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    removeTestContainers();
    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    m_client = new EngineClient(*endpoint, this);
}

void TestEngineClient::cleanupTestCase()
{
    removeTestContainers();
}

void TestEngineClient::version_matchesDockerCli()
{
    const auto version = await<VersionInfo>([&](auto cb) { m_client->version(nullptr, cb); });
    QVERIFY(version && *version);
    const Run cli = docker({"version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}"});
    QCOMPARE(cli.exitCode, 0);
    const QStringList parts = QString::fromUtf8(cli.out).trimmed().split(' ');
    QCOMPARE((*version)->version, parts.value(0));
    // Negotiated with /_ping, equal to the engine's own API version.
    QCOMPARE(m_client->apiVersion(), parts.value(1));
    QCOMPARE((*version)->apiVersion, parts.value(1));
}

void TestEngineClient::listContainers_matchesDockerPs()
{
    const QString running = runContainer(
        {"--name", "dd-list-running", "-p", "127.0.0.1:18081:80", "--label", "devdock.role=web"},
        "sleep 300");
    const QString exited = runContainer({"--name", "dd-list-exited"}, "exit 0");
    QVERIFY(!running.isEmpty() && !exited.isEmpty());
    QVERIFY(waitUntil([&] {
        return docker({"inspect", "-f", "{{.State.Status}}", exited}).out.trimmed() == "exited";
    }));

    ContainerListOptions options;
    options.all = true;
    options.filters.insert("label", {kTestLabel});
    const auto list = await<QList<ContainerSummary>>(
        [&](auto cb) { m_client->listContainers(options, nullptr, cb); });
    QVERIFY(list && *list);

    const Run cli = docker({"ps", "-a", "--no-trunc", "--filter", "label=" + kTestLabel, "--format",
                            "{{.ID}}|{{.Names}}|{{.State}}|{{.Image}}|{{.Status}}"});
    QStringList expected = QString::fromUtf8(cli.out).split('\n', Qt::SkipEmptyParts);
    QStringList actual;
    for (const ContainerSummary &c : **list) {
        actual << QStringList{c.id, c.name, c.state, c.image, c.status}.join('|');
    }
    expected.sort();
    actual.sort();
    QCOMPARE(actual, expected);

    for (const ContainerSummary &c : **list) {
        if (c.id == running) {
            QCOMPARE(c.labels.value("devdock.role"), QStringLiteral("web"));
            QCOMPARE(c.ports.size(), 1);
            QCOMPARE(c.ports.first().publicPort, 18081);
            QCOMPARE(c.ports.first().privatePort, 80);
            QCOMPARE(c.ports.first().ip, QStringLiteral("127.0.0.1"));
            QCOMPARE(c.ports.first().type, QStringLiteral("tcp"));
        }
    }

    // Running only, without --all.
    options.all = false;
    const auto runningOnly = await<QList<ContainerSummary>>(
        [&](auto cb) { m_client->listContainers(options, nullptr, cb); });
    QVERIFY(runningOnly && *runningOnly);
    QCOMPARE((*runningOnly)->size(), 1);
    QCOMPARE((*runningOnly)->first().id, running);
    docker({"rm", "-f", running, exited});
}

void TestEngineClient::inspect_matchesDockerInspect()
{
    const QString id = runContainer({"--name", "dd-inspect", "-e", "GREETING=hi"}, "sleep 300");
    QVERIFY(!id.isEmpty());
    const auto inspected =
        await<QJsonObject>([&](auto cb) { m_client->inspectContainer("dd-inspect", nullptr, cb); });
    QVERIFY(inspected && *inspected);
    const Run cli = docker({"inspect", id});
    const QJsonObject reference = QJsonDocument::fromJson(cli.out).array().first().toObject();
    for (const char *key : {"Id", "Name", "Created", "Image", "Path"}) {
        QCOMPARE((*inspected)->value(key), reference.value(key));
    }
    QCOMPARE((*inspected)->value("Config").toObject().value("Env"),
             reference.value("Config").toObject().value("Env"));
    QCOMPARE((*inspected)->value("State").toObject().value("Status").toString(),
             QStringLiteral("running"));
    docker({"rm", "-f", id});
}

CollectedLogs TestEngineClient::collectLogs(const QString &container, const LogOptions &options)
{
    CollectedLogs logs;
    LogStream stream(m_client, container, options);
    stream.setSink([&](FrameDemuxer::Stream s, QByteArrayView bytes) {
        (s == FrameDemuxer::Stream::Stderr ? logs.err : logs.out).append(bytes);
    });
    QObject::connect(&stream, &LogStream::finished,
                     [&](const Result<void> &r) { logs.finished = r; });
    stream.start();
    waitUntil([&] { return logs.finished.has_value(); }, 120000);
    logs.tty = stream.isTty();
    return logs;
}

void TestEngineClient::logs_byteForByte_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("tty");
    QTest::newRow("stdout and stderr apart")
        << QStringList{}
        << "i=0; while [ $i -lt 500 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done"
        << false;
    QTest::newRow("1 MiB line") << QStringList{}
                                << "head -c 1048576 /dev/zero | tr '\\000' x; echo; echo after"
                                << false;
    QTest::newRow("bytes that are not UTF-8")
        << QStringList{}
        << "printf '\\377\\376 latin1 \\351t\\351\\n'; printf '\\000\\001\\002' >&2" << false;
    QTest::newRow("no final newline") << QStringList{} << "printf 'partial'" << false;
    QTest::newRow("TTY container")
        << QStringList{"-t"} << "echo tty out; echo tty err >&2; printf '\\033[31mred\\033[0m\\n'"
        << true;
}

void TestEngineClient::logs_byteForByte()
{
    QFETCH(QStringList, options);
    QFETCH(QString, script);
    QFETCH(bool, tty);
    const QString id = runContainer(options, script);
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil([&] {
        return docker({"inspect", "-f", "{{.State.Status}}", id}).out.trimmed() == "exited";
    }));
    const CollectedLogs logs = collectLogs(id, LogOptions{});
    QVERIFY(logs.finished && *logs.finished);
    QCOMPARE(logs.tty, tty);
    const Run cli = docker({"logs", id});
    QCOMPARE(cli.exitCode, 0);
    QCOMPARE(logs.out.size(), cli.out.size());
    QVERIFY(logs.out == cli.out);
    QVERIFY(logs.err == cli.err);

    // --tail and --timestamps agree too.
    LogOptions tailed;
    tailed.tail = QStringLiteral("2");
    tailed.timestamps = true;
    const CollectedLogs tail = collectLogs(id, tailed);
    const Run cliTail = docker({"logs", "--tail", "2", "--timestamps", id});
    QVERIFY(tail.out == cliTail.out);
    QVERIFY(tail.err == cliTail.err);
    docker({"rm", "-f", id});
}

void TestEngineClient::logs_followEndsWhenContainerExits()
{
    const QString id = runContainer({}, "sleep 1; echo one; sleep 1; echo two >&2; exit 0");
    QVERIFY(!id.isEmpty());
    LogOptions options;
    options.follow = true;
    const CollectedLogs logs = collectLogs(id, options);
    QVERIFY(logs.finished && *logs.finished);
    QCOMPARE(logs.out, QByteArray("one\n"));
    QCOMPARE(logs.err, QByteArray("two\n"));
    docker({"rm", "-f", id});
}

void TestEngineClient::logs_missingContainer_isNotFound()
{
    const CollectedLogs logs = collectLogs("dd-no-such-container", LogOptions{});
    QVERIFY(logs.finished && !*logs.finished);
    QCOMPARE(logs.finished->error().code, Error::Code::NotFound);
    QVERIFY(logs.finished->error().message.contains("dd-no-such-container"));
}

void TestEngineClient::events_startAndDie()
{
    EventStream stream(m_client, {{"type", {"container"}}, {"label", {kTestLabel}}});
    QSignalSpy connected(&stream, &EventStream::connected);
    QList<EngineEvent> events;
    connect(&stream, &EventStream::eventReceived, this,
            [&](const EngineEvent &e) { events.append(e); });
    stream.start();
    QVERIFY(connected.wait(10000));
    const QString id = runContainer({"--name", "dd-events"}, "exit 3");
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil([&] {
        for (const EngineEvent &e : events) {
            if (e.actorId == id && e.action == "die") {
                return true;
            }
        }
        return false;
    }));
    QStringList actions;
    for (const EngineEvent &e : events) {
        if (e.actorId == id) {
            actions << e.action;
            if (e.action == "die") {
                QCOMPARE(e.attributes.value("exitCode"), QStringLiteral("3"));
                QCOMPARE(e.attributes.value("name"), QStringLiteral("dd-events"));
            }
        }
    }
    QVERIFY2(actions.indexOf("start") >= 0 && actions.indexOf("start") < actions.indexOf("die"),
             qPrintable(actions.join(',')));
    stream.stop();
    docker({"rm", "-f", id});
}

void TestEngineClient::stats_matchesDockerStats()
{
    const QString id =
        runContainer({"--name", "dd-stats", "--memory", "64m"}, "while :; do :; done");
    QVERIFY(!id.isEmpty());
    QTest::qWait(1500);
    StatsStream stream(m_client, id, false);
    QList<ContainerStats> samples;
    std::optional<Result<void>> finished;
    connect(&stream, &StatsStream::sampleReceived, this,
            [&](const ContainerStats &s) { samples.append(s); });
    connect(&stream, &StatsStream::finished, this, [&](const Result<void> &r) { finished = r; });
    stream.start();
    QVERIFY(waitUntil([&] { return finished.has_value(); }));
    QVERIFY(*finished);
    QCOMPARE(samples.size(), 1);
    const ContainerStats s = samples.first();
    QCOMPARE(s.name, QStringLiteral("dd-stats"));
    QCOMPARE(s.memoryLimit, 64.0 * 1024 * 1024);
    QVERIFY(s.memoryUsage > 0 && s.memoryUsage < s.memoryLimit);
    QVERIFY(s.pids >= 1);

    // The docker CLI's figures for the same busy container: both see about one core busy.
    const Run cli = docker({"stats", "--no-stream", "--format", "{{.CPUPerc}}|{{.MemUsage}}", id});
    QCOMPARE(cli.exitCode, 0);
    const QStringList parts = QString::fromUtf8(cli.out).trimmed().split('|');
    const double cliCpu = parts.value(0).chopped(1).toDouble();
    QVERIFY2(cliCpu > 50 && s.cpuPercent > 50,
             qPrintable(QString("devdock %1%, docker %2%").arg(s.cpuPercent).arg(cliCpu)));
    QVERIFY2(qAbs(s.cpuPercent - cliCpu) < 35,
             qPrintable(QString("devdock %1%, docker %2%").arg(s.cpuPercent).arg(cliCpu)));
    QVERIFY2(parts.value(1).endsWith("/ 64MiB"), qPrintable(parts.value(1)));

    // Streaming: several samples, about a second apart.
    StatsStream streaming(m_client, id, true);
    int count = 0;
    connect(&streaming, &StatsStream::sampleReceived, this,
            [&](const ContainerStats &) { ++count; });
    streaming.start();
    QVERIFY(waitUntil([&] { return count >= 3; }, 15000));
    streaming.stop();
    docker({"rm", "-f", id});
}

void TestEngineClient::exec_outputAndExitCode()
{
    const QString id = runContainer({"--name", "dd-exec"}, "sleep 300");
    QVERIFY(!id.isEmpty());
    ExecOptions options;
    options.command = {"sh", "-c", "echo out; echo err >&2; printf '\\377\\n'; exit 7"};
    const auto result =
        await<ExecResult>([&](auto cb) { m_client->exec(id, options, nullptr, cb); });
    QVERIFY(result && *result);
    const Run cli =
        docker({"exec", id, "sh", "-c", "echo out; echo err >&2; printf '\\377\\n'; exit 7"});
    QCOMPARE((*result)->stdoutData, cli.out);
    QCOMPARE((*result)->stderrData, cli.err);
    QCOMPARE((*result)->exitCode, 7);
    QCOMPARE(cli.exitCode, 7);

    options.command = {"/no/such/binary"};
    const auto missing =
        await<ExecResult>([&](auto cb) { m_client->exec(id, options, nullptr, cb); });
    QVERIFY(missing);
    // The engine reports a missing binary either as an API error or as exit code 126/127.
    QVERIFY(!*missing || (*missing)->exitCode == 126 || (*missing)->exitCode == 127);
    docker({"rm", "-f", id});
}

void TestEngineClient::archiveUpload_visibleInContainer()
{
    const QString id = runContainer({"--name", "dd-archive"}, "sleep 300");
    QVERIFY(!id.isEmpty());
    TarWriter tar;
    tar.addDirectory("app");
    tar.addFile("app/hello.txt", "hello from DevDock\n", 0644, 1700000000);
    QByteArray binary;
    for (int i = 0; i < 70000; ++i) {
        binary.append(static_cast<char>(i % 256));
    }
    tar.addFile("app/data.bin", binary, 0600);
    const QString longPath = "app/" + QString(60, 'd') + "/" + QString(80, 'f') + ".txt";
    tar.addFile(longPath, "long path\n");
    tar.addFile("app/run.sh", "#!/bin/sh\necho ran\n", 0755);
    const QByteArray archive = tar.finish();
    const auto uploaded =
        await<void>([&](auto cb) { m_client->uploadArchive(id, "/tmp", archive, nullptr, cb); });
    QVERIFY(uploaded);
    QVERIFY2(*uploaded, *uploaded ? "" : qPrintable(uploaded->error().message));

    QCOMPARE(docker({"exec", id, "cat", "/tmp/app/hello.txt"}).out,
             QByteArray("hello from DevDock\n"));
    QCOMPARE(docker({"exec", id, "cat", "/tmp/app/data.bin"}).out, binary);
    QCOMPARE(docker({"exec", id, "cat", "/tmp/" + longPath}).out, QByteArray("long path\n"));
    QCOMPARE(docker({"exec", id, "/tmp/app/run.sh"}).out, QByteArray("ran\n"));
    QCOMPARE(docker({"exec", id, "stat", "-c", "%a", "/tmp/app/data.bin"}).out.trimmed(),
             QByteArray("600"));

    const auto missing = await<void>(
        [&](auto cb) { m_client->uploadArchive(id, "/no/such/dir", archive, nullptr, cb); });
    QVERIFY(missing && !*missing);
    QCOMPARE(missing->error().code, Error::Code::NotFound);
    docker({"rm", "-f", id});
}

void TestEngineClient::lifecycle_startStopRestartKillRemove()
{
    const Run created =
        docker({"create", "--label", kTestLabel, "--name", "dd-life", kTestImage, "sleep", "300"});
    QCOMPARE(created.exitCode, 0);
    const QString id = QString::fromUtf8(created.out).trimmed();
    auto state = [&] { return docker({"inspect", "-f", "{{.State.Status}}", id}).out.trimmed(); };

    auto ok = await<void>([&](auto cb) { m_client->startContainer(id, nullptr, cb); });
    QVERIFY(ok && *ok);
    QCOMPARE(state(), QByteArray("running"));
    // Starting a running container is fine (304 from the engine).
    ok = await<void>([&](auto cb) { m_client->startContainer(id, nullptr, cb); });
    QVERIFY(ok && *ok);

    ok = await<void>([&](auto cb) { m_client->stopContainer(id, 1, nullptr, cb); });
    QVERIFY(ok && *ok);
    QCOMPARE(state(), QByteArray("exited"));

    ok = await<void>([&](auto cb) { m_client->restartContainer(id, 1, nullptr, cb); });
    QVERIFY(ok && *ok);
    QCOMPARE(state(), QByteArray("running"));

    ok = await<void>([&](auto cb) { m_client->killContainer(id, "SIGKILL", nullptr, cb); });
    QVERIFY(ok && *ok);
    QVERIFY(waitUntil([&] { return state() == "exited"; }));
    QCOMPARE(docker({"inspect", "-f", "{{.State.ExitCode}}", id}).out.trimmed(), QByteArray("137"));

    ok = await<void>([&](auto cb) { m_client->removeContainer(id, true, true, nullptr, cb); });
    QVERIFY(ok && *ok);
    QVERIFY(docker({"inspect", id}).exitCode != 0);

    ok = await<void>([&](auto cb) { m_client->startContainer(id, nullptr, cb); });
    QVERIFY(ok && !*ok);
    QCOMPARE(ok->error().code, Error::Code::NotFound);
}

void TestEngineClient::imagesNetworksVolumes_listed()
{
    const auto images =
        await<QList<ImageSummary>>([&](auto cb) { m_client->listImages(nullptr, cb); });
    QVERIFY(images && *images);
    bool found = false;
    for (const ImageSummary &i : **images) {
        found = found || i.repoTags.contains(kTestImage);
    }
    QVERIFY(found);

    const auto networks =
        await<QList<NetworkSummary>>([&](auto cb) { m_client->listNetworks(nullptr, cb); });
    QVERIFY(networks && *networks);
    QStringList names;
    for (const NetworkSummary &n : **networks) {
        names << n.name;
    }
    QVERIFY(names.contains("bridge"));

    QCOMPARE(docker({"volume", "create", "--label", kTestLabel, "dd-test-volume"}).exitCode, 0);
    const auto volumes =
        await<QList<VolumeSummary>>([&](auto cb) { m_client->listVolumes(nullptr, cb); });
    QVERIFY(volumes && *volumes);
    bool volumeFound = false;
    for (const VolumeSummary &v : **volumes) {
        volumeFound = volumeFound || (v.name == "dd-test-volume" && v.driver == "local");
    }
    QVERIFY(volumeFound);
    docker({"volume", "rm", "dd-test-volume"});
}

void TestEngineClient::containerWatcher_followsEvents()
{
    ContainerWatcher watcher(m_client, {true, {{"label", {kTestLabel}}}});
    QList<ContainerSummary> latest;
    connect(&watcher, &ContainerWatcher::containersChanged, this,
            [&](const QList<ContainerSummary> &list) { latest = list; });
    watcher.start();
    QVERIFY(waitUntil([&] { return watcher.isEngineReachable(); }));
    const QString id = runContainer({"--name", "dd-watched"}, "sleep 300");
    auto stateOf = [&](const QString &cid) -> QString {
        for (const ContainerSummary &c : latest) {
            if (c.id == cid) {
                return c.state;
            }
        }
        return {};
    };
    QVERIFY(waitUntil([&] { return stateOf(id) == "running"; }, 10000));
    docker({"stop", "-t", "0", id});
    QVERIFY(waitUntil([&] { return stateOf(id) == "exited"; }, 10000));
    docker({"rm", "-f", id});
    QVERIFY(waitUntil([&] { return stateOf(id).isEmpty(); }, 10000));
}

// An engine (or a filter) with no containers is an answer too: the window's status bar and its
// "settled" wait for it.
void TestEngineClient::containerWatcher_announcesAnEmptyFirstListing()
{
    ContainerWatcher watcher(
        m_client, {true, {{"label", {"devdock.none=" + QUuid::createUuid().toString()}}}});
    int announced = 0;
    qsizetype listed = -1;
    connect(&watcher, &ContainerWatcher::containersChanged, this,
            [&](const QList<ContainerSummary> &list) {
                ++announced;
                listed = list.size();
            });
    watcher.start();
    QVERIFY(waitUntil([&] { return announced > 0; }, 10000));
    QCOMPARE(listed, 0);
    QTest::qWait(300);
    QCOMPARE(announced, 1); // once; the same empty picture is not news again
}

void TestEngineClient::containerWatcher_sharesTheEnginesOneEventStream()
{
    // Through a proxy that counts the requests: the watcher and another follower of the engine
    // (what LiveState and the workspace are) make one /events request between them.
    QTemporaryDir socketDir;
    SocketProxy proxy(socketDir.filePath("engine.sock"));
    QVERIFY(proxy.restore());
    const auto endpoint = parseDockerHost(proxy.dockerHost());
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    EventHub *hub = EventHub::of(&client);
    hub->acquire();
    QVERIFY(waitUntil([&] { return hub->isConnected(); }, 10000));

    ContainerWatcher watcher(&client, {true, {{"label", {kTestLabel}}}});
    QList<ContainerSummary> latest;
    connect(&watcher, &ContainerWatcher::containersChanged, this,
            [&](const QList<ContainerSummary> &list) { latest = list; });
    watcher.start();
    QCOMPARE(hub->holders(), 2);
    QVERIFY(waitUntil([&] { return watcher.isEngineReachable(); }, 10000));
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    const QString id = runContainer({"--name", "dd-watched-shared-" + suffix}, "sleep 300");
    const auto stateOf = [&](const QString &cid) -> QString {
        for (const ContainerSummary &c : latest) {
            if (c.id == cid) {
                return c.state;
            }
        }
        return {};
    };
    QVERIFY(waitUntil([&] { return stateOf(id) == "running"; }, 10000));
    // A container without the label changes nothing the watcher lists.
    const Run other =
        docker({"run", "-d", "--name", "dd-unwatched-" + suffix, kTestImage, "sleep", "300"});
    QCOMPARE(other.exitCode, 0);
    docker({"stop", "-t", "0", id});
    QVERIFY(waitUntil([&] { return stateOf(id) == "exited"; }, 10000));
    docker({"rm", "-f", id, "dd-unwatched-" + suffix});
    QVERIFY(waitUntil([&] { return stateOf(id).isEmpty(); }, 10000));
    QCOMPARE(proxy.requestCount("/events"), 1);
    QCOMPARE(hub->connectionCount(), 1);

    // Stopping the watcher leaves the other follower's stream alone.
    watcher.stop();
    QCOMPARE(hub->holders(), 1);
    QVERIFY(hub->isConnected());
    hub->release();
}

void TestEngineClient::unreachable_namesEndpoint()
{
    const auto endpoint = parseDockerHost("unix:///tmp/devdock-no-such.sock");
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    const auto info = await<EngineInfo>([&](auto cb) { client.info(nullptr, cb); });
    QVERIFY(info && !*info);
    QCOMPARE(info->error().code, Error::Code::EngineUnreachable);
    QCOMPARE(
        info->error().message,
        QStringLiteral("Cannot connect to the Docker engine at unix:///tmp/devdock-no-such.sock: "
                       "no such file. Is Docker running?"));
    QVERIFY(!info->error().hint.isEmpty());

    // Nobody listening on a TCP port: refused, named.
    const auto tcp = parseDockerHost("tcp://127.0.0.1:1");
    EngineClient tcpClient(*tcp);
    const auto tcpInfo = await<EngineInfo>([&](auto cb) { tcpClient.info(nullptr, cb); });
    QVERIFY(tcpInfo && !*tcpInfo);
    QVERIFY(tcpInfo->error().message.contains("tcp://127.0.0.1:1: connection refused"));
}

void TestEngineClient::connectionReuse_manySequentialCalls()
{
    // Keep-alive connections are reused; 200 calls in a row all succeed.
    for (int i = 0; i < 200; ++i) {
        const auto ping = await<PingInfo>([&](auto cb) { m_client->ping(nullptr, cb); });
        QVERIFY(ping && *ping);
    }
}

void TestEngineClient::events_reconnectAfterEngineRestart()
{
    const QByteArray restart = qgetenv("DEVDOCK_TEST_RESTART_DOCKERD");
    if (restart.isEmpty()) {
        QSKIP("Set DEVDOCK_TEST_RESTART_DOCKERD to a command that restarts dockerd (the test "
              "command does).");
    }
    EventStream stream(m_client, {{"type", {"container"}}});
    stream.setBackoff(100, 1000);
    QSignalSpy connected(&stream, &EventStream::connected);
    QSignalSpy disconnected(&stream, &EventStream::disconnected);
    QSignalSpy resync(&stream, &EventStream::resyncNeeded);
    QList<EngineEvent> events;
    connect(&stream, &EventStream::eventReceived, this,
            [&](const EngineEvent &e) { events.append(e); });
    stream.start();
    QVERIFY(connected.wait(10000));

    // A log stream following a running container while the engine goes away ends cleanly, with
    // an error that says what happened.
    const QString follower = runContainer({"--name", "dd-follow-restart"}, "while :; do echo alive; sleep 0.2; done");
    QVERIFY(!follower.isEmpty());
    LogOptions follow;
    follow.follow = true;
    LogStream logs(m_client, follower, follow);
    QByteArray received;
    std::optional<Result<void>> logsFinished;
    logs.setSink([&](FrameDemuxer::Stream, QByteArrayView b) { received.append(b); });
    connect(&logs, &LogStream::finished, this, [&](const Result<void> &r) { logsFinished = r; });
    logs.start();
    QVERIFY(waitUntil([&] { return received.contains("alive"); }, 10000));

    const Run r = run("sh", {"-c", QString::fromUtf8(restart)}, 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(waitUntil([&] { return logsFinished.has_value(); }, 30000));
    if (!*logsFinished) {
        QVERIFY2(logsFinished->error().message.contains("closed the connection"),
                 qPrintable(logsFinished->error().message));
    }
    QVERIFY(waitUntil([&] { return resync.count() >= 1; }, 60000));
    QVERIFY(disconnected.count() >= 1);
    QVERIFY(stream.isConnected());

    // Events flow again on the new connection.
    const QString id = runContainer({"--name", "dd-after-restart"}, "exit 0");
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil(
        [&] {
            for (const EngineEvent &e : events) {
                if (e.actorId == id && e.action == "start") {
                    return true;
                }
            }
            return false;
        },
        20000));
    stream.stop();
}

QTEST_GUILESS_MAIN(TestEngineClient)
#include "tst_engineclient.moc"
