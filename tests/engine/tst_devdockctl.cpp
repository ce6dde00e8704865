// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Black-box tests of `devdockctl engine …` against the real engine, compared with the docker CLI.
#include "../common/dockertest.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>

using namespace DevDock::Test;

namespace {

Run ctl(const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(DEVDOCKCTL_PATH), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestDevdockctl : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void info_json_matchesDockerCli();
    void containers_json_matchesDockerPs();
    void logs_byteForByte_withStreamsApart();
    void logs_tty_isRaw();
    void logs_follow_endsWithContainer();
    void events_json_oneFlushedLinePerEvent();
    void stats_noStream_json();
    void exitCodes_data();
    void exitCodes();
    void unreachableEngine_namesEndpoint();
    void tls_clientCertificates_data();
    void tls_clientCertificates();
    void tls_contextStore();
    void ssh_dialStdio_throughSshProcess();
    void ssh_unreachable_isClearError();
    void exec_exitStatus_isTheCommands();
    void exec_pipes_stdinEofReachesCommand();
    void exec_tty_sizeAndShellFound();
    void exec_overTcpTls_throughTlsProxy();

private:
    // A running one-service compose project for exec; its directory.
    QString execProject();
    QTemporaryDir m_execDir;
    bool m_execUp = false;
};

void TestDevdockctl::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    removeTestContainers();
}

void TestDevdockctl::cleanupTestCase()
{
    removeTestContainers();
    if (m_execUp) {
        QProcess down;
        down.setWorkingDirectory(m_execDir.path());
        down.start("docker", {"compose", "down", "-t", "0"});
        down.waitForFinished(60000);
    }
}

void TestDevdockctl::info_json_matchesDockerCli()
{
    const Run r = ctl({"engine", "info", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject info = QJsonDocument::fromJson(r.out).object();
    const Run cli =
        docker({"version", "--format",
                "{{.Server.Version}}|{{.Server.APIVersion}}|{{.Server.Os}}|{{.Server.Arch}}"});
    const QStringList parts = QString::fromUtf8(cli.out).trimmed().split('|');
    QCOMPARE(info.value("serverVersion").toString(), parts.value(0));
    QCOMPARE(info.value("apiVersion").toString(), parts.value(1));
    QCOMPARE(info.value("os").toString(), parts.value(2));
    QCOMPARE(info.value("arch").toString(), parts.value(3));
    QCOMPARE(info.value("endpoint").toString(), QStringLiteral("unix:///var/run/docker.sock"));
    const Run compose = docker({"compose", "version", "--short"});
    QCOMPARE(compose.exitCode, 0);
    QCOMPARE(info.value("composeVersion").toString(),
             QString::fromUtf8(compose.out).trimmed().remove('v'));
}

void TestDevdockctl::containers_json_matchesDockerPs()
{
    const QString a =
        runContainer({"--name", "dd-ctl-a", "-p", "127.0.0.1:18082:8080/udp"}, "sleep 300");
    const QString b = runContainer({"--name", "dd-ctl-b"}, "exit 2");
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    QVERIFY(waitUntil([&] {
        return docker({"inspect", "-f", "{{.State.Status}}", b}).out.trimmed() == "exited";
    }));
    const Run r =
        ctl({"engine", "containers", "--all", "--json", "--filter", "label=" + kTestLabel});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(r.out).array();
    QStringList actual;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        for (const char *key : {"id", "name", "image", "state", "status", "labels", "ports"}) {
            QVERIFY2(o.contains(key), key);
        }
        actual << QStringList{o.value("id").toString(), o.value("name").toString(),
                              o.value("state").toString(), o.value("image").toString()}
                      .join('|');
        QCOMPARE(o.value("labels").toObject().value("devdock.test").toString(),
                 QStringLiteral("1"));
        if (o.value("id").toString() == a) {
            const QJsonObject port = o.value("ports").toArray().first().toObject();
            QCOMPARE(port.value("publicPort").toInt(), 18082);
            QCOMPARE(port.value("privatePort").toInt(), 8080);
            QCOMPARE(port.value("type").toString(), QStringLiteral("udp"));
        }
    }
    const Run cli = docker({"ps", "-a", "--no-trunc", "--filter", "label=" + kTestLabel, "--format",
                            "{{.ID}}|{{.Names}}|{{.State}}|{{.Image}}"});
    QStringList expected = QString::fromUtf8(cli.out).split('\n', Qt::SkipEmptyParts);
    expected.sort();
    actual.sort();
    QCOMPARE(actual, expected);
    docker({"rm", "-f", a, b});
}

void TestDevdockctl::logs_byteForByte_withStreamsApart()
{
    const QString id = runContainer({}, "i=0; while [ $i -lt 3000 ]; do echo \"line $i\"; "
                                        "echo \"warn $i\" >&2; i=$((i+1)); done; "
                                        "head -c 1048576 /dev/zero | tr '\\000' y; echo; "
                                        "printf '\\377\\376\\000end'");
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil([&] {
        return docker({"inspect", "-f", "{{.State.Status}}", id}).out.trimmed() == "exited";
    }));
    const Run mine = ctl({"engine", "logs", id});
    const Run theirs = docker({"logs", id});
    QCOMPARE(mine.exitCode, 0);
    QCOMPARE(mine.out.size(), theirs.out.size());
    QVERIFY(mine.out == theirs.out);
    QVERIFY(mine.err == theirs.err);
    for (const QStringList &extra :
         {QStringList{"--tail", "5"}, QStringList{"--timestamps"},
          QStringList{"--since", "1970-01-01T00:00:00Z", "--tail", "100"}}) {
        const Run m = ctl(QStringList{"engine", "logs"} + extra + QStringList{id});
        const Run t = docker(QStringList{"logs"} + extra + QStringList{id});
        QVERIFY2(m.out == t.out && m.err == t.err, qPrintable(extra.join(' ')));
    }
    docker({"rm", "-f", id});
}

void TestDevdockctl::logs_tty_isRaw()
{
    const QString id =
        runContainer({"-t"}, "echo out; echo err >&2; printf '\\033[1;32mgreen\\033[0m\\r\\n'");
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil([&] {
        return docker({"inspect", "-f", "{{.State.Status}}", id}).out.trimmed() == "exited";
    }));
    const Run mine = ctl({"engine", "logs", id});
    const Run theirs = docker({"logs", id});
    QCOMPARE(mine.out, theirs.out);
    QVERIFY(mine.out.contains("\033[1;32mgreen"));
    QVERIFY(mine.err.isEmpty());
    docker({"rm", "-f", id});
}

void TestDevdockctl::logs_follow_endsWithContainer()
{
    const QString id = runContainer({}, "for i in 1 2 3; do echo tick $i; sleep 0.5; done");
    QVERIFY(!id.isEmpty());
    const Run r = ctl({"engine", "logs", "--follow", id});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("tick 1\ntick 2\ntick 3\n"));
    docker({"rm", "-f", id});
}

void TestDevdockctl::events_json_oneFlushedLinePerEvent()
{
    QProcess p;
    p.start(QStringLiteral(DEVDOCKCTL_PATH), {"engine", "events", "--json", "--filter",
                                              "type=container", "--filter", "label=" + kTestLabel});
    QVERIFY(p.waitForStarted());
    QTest::qWait(800); // let it connect
    const QString id = runContainer({"--name", "dd-ctl-events"}, "exit 0");
    QVERIFY(!id.isEmpty());
    QByteArray seen;
    // The lines must arrive while the command still runs: flushed per event.
    QVERIFY(waitUntil(
        [&] {
            seen += p.readAllStandardOutput();
            return seen.contains("\"die\"");
        },
        15000));
    QCOMPARE(p.state(), QProcess::Running);
    QStringList actions;
    for (const QByteArray &line : seen.split('\n')) {
        if (line.isEmpty()) {
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY2(!o.isEmpty(), line.constData());
        QCOMPARE(o.value("Actor").toObject().value("ID").toString(), id);
        actions << o.value("Action").toString();
    }
    QVERIFY2(actions.contains("create") && actions.contains("start") && actions.contains("die"),
             qPrintable(actions.join(',')));
    ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 0);
    docker({"rm", "-f", id});
}

void TestDevdockctl::stats_noStream_json()
{
    const QString id = runContainer({"--name", "dd-ctl-stats", "--memory", "32m"}, "sleep 300");
    QVERIFY(!id.isEmpty());
    const Run r = ctl({"engine", "stats", "dd-ctl-stats", "--no-stream", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QJsonObject o = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(o.value("name").toString(), QStringLiteral("dd-ctl-stats"));
    QCOMPARE(o.value("memoryLimit").toDouble(), 32.0 * 1024 * 1024);
    QVERIFY(o.value("memoryUsage").toDouble() > 0);
    QVERIFY(o.contains("cpuPercent"));
    docker({"rm", "-f", id});
}

void TestDevdockctl::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("stderrContains");
    QTest::newRow("no command") << QStringList{} << 2 << "";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command";
    QTest::newRow("unknown engine command")
        << QStringList{"engine", "frob"} << 2 << "unknown engine command";
    QTest::newRow("unknown option")
        << QStringList{"engine", "containers", "--bogus"} << 2 << "bogus";
    QTest::newRow("logs without container") << QStringList{"engine", "logs"} << 2 << "exactly one";
    QTest::newRow("bad tail") << QStringList{"engine", "logs", "x", "--tail", "ten"} << 2
                              << "--tail";
    QTest::newRow("bad filter") << QStringList{"engine", "containers", "--filter", "nofilter"} << 2
                                << "K=V";
    QTest::newRow("missing container")
        << QStringList{"engine", "logs", "dd-no-such"} << 1 << "No such container: dd-no-such";
    QTest::newRow("stats of missing container")
        << QStringList{"engine", "stats", "dd-no-such", "--no-stream"} << 1 << "No such container";
    QTest::newRow("help") << QStringList{"--help"} << 0 << "";
}

void TestDevdockctl::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, stderrContains);
    const Run r = ctl(args);
    QCOMPARE(r.exitCode, code);
    QVERIFY2(r.err.contains(stderrContains.toUtf8()), r.err.constData());
}

void TestDevdockctl::unreachableEngine_namesEndpoint()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DOCKER_HOST", "unix:///tmp/devdock-missing.sock");
    for (const QStringList &args :
         {QStringList{"engine", "info"}, QStringList{"engine", "containers"},
          QStringList{"engine", "logs", "x"}, QStringList{"engine", "events"}}) {
        const Run r = ctl(args, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(
                     "Cannot connect to the Docker engine at unix:///tmp/devdock-missing.sock: "
                     "no such file. Is Docker running?"),
                 r.err.constData());
    }
    env.insert("DOCKER_HOST", "bogus://x");
    const Run bad = ctl({"engine", "info"}, env);
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains("Invalid Docker host"));
}

namespace {

// The TLS listener the test command starts (scripts/dockerd.sh with DEVDOCK_DOCKERD_TLS_PORT).
bool tlsAvailable(QString &host, QString &dir)
{
    host = qEnvironmentVariable("DEVDOCK_TEST_TLS_HOST");
    dir = qEnvironmentVariable("DEVDOCK_TEST_TLS_DIR");
    return !host.isEmpty() && QFile::exists(dir + "/client/key.pem");
}

void copyInto(const QString &from, const QString &to)
{
    QFile::remove(to);
    QVERIFY(QFile::copy(from, to));
}

} // namespace

void TestDevdockctl::tls_clientCertificates_data()
{
    QTest::addColumn<QString>("ca"); // which CA the client trusts: "right", "other"
    QTest::addColumn<bool>("clientCert");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrContains");
    QTest::newRow("verified with client certificate") << "right" << true << 0 << "";
    QTest::newRow("server certificate from an unknown CA") << "other" << true << 1 << "TLS error";
    QTest::newRow("no client certificate") << "right" << false << 1 << "client certificate";
}

void TestDevdockctl::tls_clientCertificates()
{
    QFETCH(QString, ca);
    QFETCH(bool, clientCert);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrContains);
    QString host;
    QString dir;
    if (!tlsAvailable(host, dir)) {
        QSKIP("No TLS listener: the test command starts one (DEVDOCK_TEST_TLS_HOST).");
    }
    QTemporaryDir certs;
    copyInto(dir + (ca == "right" ? "/ca.pem" : "/other-ca/ca.pem"), certs.filePath("ca.pem"));
    if (clientCert) {
        copyInto(dir + "/client/cert.pem", certs.filePath("cert.pem"));
        copyInto(dir + "/client/key.pem", certs.filePath("key.pem"));
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DOCKER_HOST", host);
    env.insert("DOCKER_TLS_VERIFY", "1");
    env.insert("DOCKER_CERT_PATH", certs.path());
    const Run r = ctl({"engine", "info", "--json"}, env);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 0) {
        const QJsonObject info = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(info.value("endpoint").toString(), host);
        const Run cli = docker({"version", "--format", "{{.Server.Version}}"});
        QCOMPARE(info.value("serverVersion").toString(), QString::fromUtf8(cli.out).trimmed());
        // A stream over TLS, compared with the unix socket's.
        const QString id = runContainer({}, "echo over tls; echo err >&2");
        QVERIFY(waitUntil([&] {
            return docker({"inspect", "-f", "{{.State.Status}}", id}).out.trimmed() == "exited";
        }));
        const Run logs = ctl({"engine", "logs", id}, env);
        QCOMPARE(logs.exitCode, 0);
        QCOMPARE(logs.out, QByteArray("over tls\n"));
        QCOMPARE(logs.err, QByteArray("err\n"));
        docker({"rm", "-f", id});
    } else {
        QVERIFY2(r.err.contains(("Cannot connect to the Docker engine at " + host).toUtf8()),
                 r.err.constData());
        QVERIFY2(r.err.contains(stderrContains.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("hint:"), r.err.constData());
    }
}

void TestDevdockctl::tls_contextStore()
{
    QString host;
    QString dir;
    if (!tlsAvailable(host, dir)) {
        QSKIP("No TLS listener: the test command starts one (DEVDOCK_TEST_TLS_HOST).");
    }
    // A docker context with TLS material, laid out as `docker context create` lays it out.
    QTemporaryDir config;
    const QString name = "devdock-tls";
    const QString id = QString::fromLatin1(
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
    QDir().mkpath(config.filePath("contexts/meta/" + id));
    QDir().mkpath(config.filePath("contexts/tls/" + id + "/docker"));
    QFile meta(config.filePath("contexts/meta/" + id + "/meta.json"));
    QVERIFY(meta.open(QIODevice::WriteOnly));
    meta.write(
        QStringLiteral(
            R"({"Name":"%1","Metadata":{},"Endpoints":{"docker":{"Host":"%2","SkipTLSVerify":false}}})")
            .arg(name, host)
            .toUtf8());
    meta.close();
    for (const char *f : {"ca.pem", "cert.pem", "key.pem"}) {
        copyInto(dir + "/client/" + f, config.filePath("contexts/tls/" + id + "/docker/" + f));
    }
    QFile cfg(config.filePath("config.json"));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write(QStringLiteral(R"({"currentContext":"%1"})").arg(name).toUtf8());
    cfg.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DOCKER_HOST");
    env.remove("DOCKER_CONTEXT");
    env.insert("DOCKER_CONFIG", config.path());
    const Run r = ctl({"engine", "info", "--json"}, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject info = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(info.value("context").toString(), name);
    QCOMPARE(info.value("endpoint").toString(), host);
    // The docker CLI agrees on the same configuration.
    QProcess cli;
    cli.setProcessEnvironment(env);
    cli.start("docker", {"version", "--format", "{{.Server.Version}}"});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(info.value("serverVersion").toString(),
             QString::fromUtf8(cli.readAllStandardOutput()).trimmed());
}

void TestDevdockctl::ssh_dialStdio_throughSshProcess()
{
    // An `ssh` first on PATH that records its arguments and runs the remote command here: the
    // whole ssh transport (QProcess stdio carrying HTTP, `docker system dial-stdio` at the far
    // end) runs for real; only the network hop is left out.
    QTemporaryDir bin;
    const QString argsLog = bin.filePath("ssh-args");
    QFile fake(bin.filePath("ssh"));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write(QStringLiteral("#!/bin/sh\n"
                              "printf '%s\\n' \"$*\" >> '%1'\n"
                              "while [ \"$1\" != \"--\" ]; do shift; done\n"
                              "shift; shift\n"
                              "exec env -u DOCKER_HOST \"$@\"\n")
                   .arg(argsLog)
                   .toUtf8());
    fake.close();
    fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", bin.path() + ":" + env.value("PATH"));
    env.insert("DOCKER_HOST", "ssh://deploy@build.example:2222");

    const Run info = ctl({"engine", "info", "--json"}, env);
    QVERIFY2(info.exitCode == 0, info.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(info.out).object();
    QCOMPARE(o.value("endpoint").toString(), QStringLiteral("ssh://deploy@build.example:2222"));
    QCOMPARE(
        o.value("serverVersion").toString(),
        QString::fromUtf8(docker({"version", "--format", "{{.Server.Version}}"}).out).trimmed());
    QFile log(argsLog);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray firstCall = log.readLine().trimmed();
    QCOMPARE(
        firstCall,
        QByteArray(
            "-o ConnectTimeout=30 -T -p 2222 -- deploy@build.example docker system dial-stdio"));

    const QString id = runContainer({}, "echo via ssh; printf '\\377' >&2");
    QVERIFY(waitUntil([&] {
        return docker({"inspect", "-f", "{{.State.Status}}", id}).out.trimmed() == "exited";
    }));
    const Run logs = ctl({"engine", "logs", id}, env);
    const Run reference = docker({"logs", id});
    QCOMPARE(logs.exitCode, 0);
    QCOMPARE(logs.out, reference.out);
    QCOMPARE(logs.err, reference.err);
    docker({"rm", "-f", id});
}

void TestDevdockctl::ssh_unreachable_isClearError()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DOCKER_HOST", "ssh://devdock@127.0.0.1:1");
    const Run r = ctl({"engine", "info"}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Cannot connect to the Docker engine at ssh://devdock@127.0.0.1:1: ssh "
                            "exited with 255"),
             r.err.constData());
    QVERIFY2(r.err.contains("hint: Check that `ssh 127.0.0.1` works"), r.err.constData());
}


QString TestDevdockctl::execProject()
{
    if (!m_execUp) {
        const QByteArray name = "devdock-term-exec-" + QByteArray::number(QCoreApplication::applicationPid());
        QFile f(m_execDir.filePath("compose.yaml"));
        if (!f.open(QIODevice::WriteOnly)) {
            return {};
        }
        f.write("name: " + name + "\nservices:\n  box:\n    image: devdock-test/busybox:latest\n"
                "    pull_policy: never\n    init: true\n    command: [\"sleep\", \"3600\"]\n");
        f.close();
        QProcess up;
        up.setWorkingDirectory(m_execDir.path());
        up.start("docker", {"compose", "up", "-d"});
        up.waitForFinished(120000);
        m_execUp = up.exitCode() == 0;
        if (!m_execUp) {
            qWarning("compose up failed: %s", up.readAllStandardError().constData());
        }
    }
    return m_execDir.path();
}

namespace {

// PATH without any docker binary: exec must need nothing but the engine's socket.
QProcessEnvironment withoutDockerCli()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", "/nonexistent");
    return env;
}

Run ctlIn(const QString &dir, const QStringList &args, const QByteArray &input = {},
          const QString &program = QStringLiteral(DEVDOCKCTL_PATH))
{
    QProcess p;
    p.setProcessEnvironment(withoutDockerCli());
    p.setWorkingDirectory(dir);
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

void TestDevdockctl::exec_exitStatus_isTheCommands()
{
    const QString dir = execProject();
    QVERIFY(m_execUp);
    Run r = ctlIn(dir, {"exec", "box", "--", "sh", "-c", "exit 7"});
    QVERIFY2(r.exitCode == 7, r.err.constData());
    r = ctlIn(dir, {"exec", "-T", "box", "--", "sh", "-c", "echo out; echo err >&2"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("out\n"));
    QCOMPARE(r.err, QByteArray("err\n"));
    r = ctlIn(dir, {"exec", "nosuchservice"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no such service: nosuchservice"), r.err.constData());
}

void TestDevdockctl::exec_pipes_stdinEofReachesCommand()
{
    const QString dir = execProject();
    QVERIFY(m_execUp);
    // cat ends only when its stdin ends: the half-close of the hijacked connection.
    const Run r = ctlIn(dir, {"exec", "-T", "box", "cat"}, "hi\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("hi\n"));
    const QByteArray big(300000, 'x');
    const Run wc = ctlIn(dir, {"exec", "-T", "box", "--", "wc", "-c"}, big);
    QCOMPARE(wc.exitCode, 0);
    QCOMPARE(wc.out.trimmed(), QByteArray("300000"));
}

void TestDevdockctl::exec_tty_sizeAndShellFound()
{
    const QString dir = execProject();
    QVERIFY(m_execUp);
    // script(1) gives devdockctl a terminal of 33x101: raw mode, the TTY sized from it, and the
    // shell found (busybox has sh but no bash).
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start("/usr/bin/script",
            {"-qec",
             QStringLiteral("stty rows 33 cols 101; PATH=/nonexistent %1 exec box")
                 .arg(DEVDOCKCTL_PATH),
             "/dev/null"});
    QVERIFY(p.waitForStarted());
    QByteArray out;
    // Typed once the remote shell prompts, as a person would.
    QVERIFY(waitUntil([&] {
        out += p.readAllStandardOutput();
        return out.contains("# ");
    }));
    p.write("stty size; echo $((6*7))x; exit 5\n");
    QVERIFY(p.waitForFinished(60000));
    out += p.readAllStandardOutput();
    QVERIFY2(out.contains("33 101"), out.constData());
    QVERIFY2(out.contains("42x"), out.constData());
    QCOMPARE(p.exitCode(), 5);
}

void TestDevdockctl::exec_overTcpTls_throughTlsProxy()
{
    const QString dir = execProject();
    QVERIFY(m_execUp);
    // A test CA, a server certificate for 127.0.0.1 and a client certificate; socat terminates
    // TLS on loopback (client certificate required) and forwards to the engine's socket.
    QTemporaryDir pki;
    const Run certs = run("sh", {"-c", QStringLiteral(
        "set -e; cd '%1'\n"
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=devdock-test-ca "
        "  -keyout ca-key.pem -out ca.pem\n"
        "openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout server-key.pem "
        "  -out server.csr\n"
        "printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n' > server.ext\n"
        "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 "
        "  -extfile server.ext -out server-cert.pem\n"
        "openssl req -newkey rsa:2048 -nodes -subj /CN=devdock-client -keyout key.pem "
        "  -out client.csr\n"
        "printf 'extendedKeyUsage=clientAuth\\n' > client.ext\n"
        "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 "
        "  -extfile client.ext -out cert.pem\n").arg(pki.path())});
    QVERIFY2(certs.exitCode == 0, certs.err.constData());
    quint16 port = 0;
    {
        QTcpServer probe; // a free loopback port
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QProcess proxy;
    proxy.start("socat",
                {QStringLiteral("OPENSSL-LISTEN:%1,bind=127.0.0.1,reuseaddr,fork,cert=%2/"
                                "server-cert.pem,key=%2/server-key.pem,cafile=%2/ca.pem,verify=1")
                     .arg(port)
                     .arg(pki.path()),
                 "UNIX-CONNECT:/var/run/docker.sock"});
    QVERIFY2(proxy.waitForStarted(), "socat is missing: run scripts/setup.sh");
    const auto stopProxy = qScopeGuard([&] {
        proxy.kill();
        proxy.waitForFinished();
    });
    QVERIFY(waitUntil([&] {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        return s.waitForConnected(200);
    }, 10000));
    QProcessEnvironment env = withoutDockerCli();
    env.insert("DOCKER_HOST", QStringLiteral("tcp://127.0.0.1:%1").arg(port));
    env.insert("DOCKER_TLS_VERIFY", "1");
    env.insert("DOCKER_CERT_PATH", pki.path());
    const auto ctlTls = [&](const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir);
        p.start(DEVDOCKCTL_PATH, args);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                   p.readAllStandardOutput(), p.readAllStandardError()};
    };
    // The hijacked connection over TLS: the command's status (TTY) and output (pipes).
    Run r = ctlTls({"exec", "box", "--", "sh", "-c", "exit 7"});
    QVERIFY2(r.exitCode == 7, r.err.constData());
    r = ctlTls({"exec", "-T", "box", "--", "sh", "-c", "echo over-tls; echo err >&2"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("over-tls\n"));
    // After the warning that TLS cannot half-close (stdin stays open until the command ends).
    QVERIFY2(r.err.endsWith("\nerr\n") || r.err == "err\n", r.err.constData());
    // Without the client certificate the proxy refuses: a TLS error naming the endpoint.
    env.insert("DOCKER_CERT_PATH", pki.filePath("nowhere"));
    r = ctlTls({"exec", "-T", "box", "--", "true"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("127.0.0.1:%1").arg(port).toUtf8()), r.err.constData());
}

QTEST_GUILESS_MAIN(TestDevdockctl)
#include "tst_devdockctl.moc"
