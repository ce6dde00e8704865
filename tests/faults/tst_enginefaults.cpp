// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fault injection for the engine client: endpoints that a test controls (on a unix socket and on
// loopback TCP) that accept and never answer, never accept, answer without end, or answer with
// garbage full of terminal escapes; a malformed docker config.json; and the real engine going
// away behind a proxy while `devdockctl watch` and a LiveState look at a running project. Each
// asserts what a user gets: the exit status, how long it took (bounded, with the timeouts set
// short through the environment), the message (names the endpoint, says what is wrong), that no
// escape byte reaches the terminal, and no crash.
#include "../common/composetest.h"
#include "../common/dockertest.h"
#include "../common/socketproxy.h"

#include "engine/engineclient.h"
#include "engine/eventstream.h"
#include "stack/livestate.h"
#include "stack/stackcontroller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

using namespace DevDock;
using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

// What a hostile or confused endpoint sends: terminal escapes that would clear the screen,
// retitle the window and colour what follows, then a fake advice.
const QByteArray kGarbage = "\x1b[2J\x1b]0;pwned\x07\x1b[31mStart the Docker engine!\x1b[0m "
                            "\x9b" "6n garbage without end of line";

enum class Mode {
    Silent,         // accepts, reads, never answers
    NeverAccepts,   // the listen backlog is full: connect() itself never completes
    EndlessLength,  // answers /_ping, then a head announcing an endless body, and sends it
    EndlessChunked, // answers /_ping, then chunks for ever
    Garbage,        // no HTTP at all
    NotDocker,      // HTTP, but a web server's 404 page (with escapes) and no Api-Version
    QuietStream,    // answers /_ping; /events gets its head and then silence (a quiet engine)
};

// The stub endpoint: one per test row, on a unix socket or 127.0.0.1.
class StubEngine : public QObject
{
public:
    StubEngine(Mode mode, bool tcp, const QString &directory)
        : m_mode(mode)
    {
        if (mode == Mode::NeverAccepts) {
            listenWithoutAccepting(tcp, directory);
            return;
        }
        if (tcp) {
            QVERIFY(m_tcp.listen(QHostAddress::LocalHost, 0));
            m_host = QStringLiteral("tcp://127.0.0.1:%1").arg(m_tcp.serverPort());
            QObject::connect(&m_tcp, &QTcpServer::newConnection, this, [this] {
                while (QTcpSocket *s = m_tcp.nextPendingConnection()) {
                    serve(s);
                }
            });
        } else {
            const QString path = directory + QStringLiteral("/stub.sock");
            QVERIFY(m_local.listen(path));
            m_host = QStringLiteral("unix://") + path;
            QObject::connect(&m_local, &QLocalServer::newConnection, this, [this] {
                while (QLocalSocket *s = m_local.nextPendingConnection()) {
                    serve(s);
                }
            });
        }
    }
    ~StubEngine() override
    {
        for (const int fd : std::as_const(m_fds)) {
            ::close(fd);
        }
    }

    QString dockerHost() const { return m_host; }
    int connections() const { return m_connections; }
    qint64 bytesSent() const { return m_sent; }

private:
    void serve(QIODevice *socket)
    {
        ++m_connections;
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QIODevice::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            qsizetype end = 0;
            while ((end = buffer->indexOf("\r\n\r\n")) >= 0) {
                const QByteArray head = buffer->left(end);
                buffer->remove(0, end + 4);
                answer(socket, head.split(' ').value(1));
            }
        });
        if (auto *tcp = qobject_cast<QTcpSocket *>(socket)) {
            QObject::connect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
        } else if (auto *local = qobject_cast<QLocalSocket *>(socket)) {
            QObject::connect(local, &QLocalSocket::disconnected, local, &QObject::deleteLater);
        }
    }

    void answer(QIODevice *socket, const QByteArray &path)
    {
        const bool ping = path == "/_ping";
        switch (m_mode) {
        case Mode::Silent:
        case Mode::NeverAccepts:
            return;
        case Mode::Garbage:
            socket->write(kGarbage);
            return;
        case Mode::NotDocker: {
            const QByteArray page = "<html><title>\x1b]0;owned\x07</title>\x1b[2JNot Found</html>";
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: "
                          + QByteArray::number(page.size()) + "\r\n\r\n" + page);
            return;
        }
        case Mode::EndlessLength:
        case Mode::EndlessChunked:
        case Mode::QuietStream:
            break;
        }
        if (ping) {
            socket->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nOstype: linux\r\n"
                          "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK");
            return;
        }
        if (m_mode == Mode::QuietStream) {
            socket->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: "
                          "application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            return;
        }
        if (m_mode == Mode::EndlessLength) {
            socket->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: "
                          "application/json\r\nContent-Length: 1000000000000000\r\n\r\n[");
        } else {
            socket->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: "
                          "application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        }
        // Keep a few MB queued, for ever: whatever DevDock buffers grows until it stops.
        auto pump = [this, socket] {
            static const QByteArray block(1 << 20, ' ');
            static const QByteArray chunk = QByteArray::number(block.size(), 16) + "\r\n" + block
                                            + "\r\n";
            const QByteArray &piece = m_mode == Mode::EndlessLength ? block : chunk;
            while (socket->isOpen() && socket->bytesToWrite() < 4 * piece.size()) {
                if (socket->write(piece) <= 0) {
                    return;
                }
                m_sent += piece.size();
            }
        };
        QObject::connect(socket, &QIODevice::bytesWritten, socket, pump);
        pump();
    }

    // A listening socket whose accept queue is full and stays full: nobody accepts, and the
    // next connect() waits (unix: EAGAIN and retries; TCP: the SYN is dropped and resent).
    void listenWithoutAccepting(bool tcp, const QString &directory)
    {
        const int fd = ::socket(tcp ? AF_INET : AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        m_fds << fd;
        sockaddr_storage address{};
        socklen_t length = 0;
        if (tcp) {
            auto *in = reinterpret_cast<sockaddr_in *>(&address);
            in->sin_family = AF_INET;
            in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            length = sizeof(sockaddr_in);
        } else {
            auto *un = reinterpret_cast<sockaddr_un *>(&address);
            un->sun_family = AF_UNIX;
            const QByteArray path = QFile::encodeName(directory + QStringLiteral("/full.sock"));
            std::memcpy(un->sun_path, path.constData(), path.size() + 1);
            length = sizeof(sockaddr_un);
            m_host = QStringLiteral("unix://") + QString::fromUtf8(path);
        }
        QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&address), length) == 0);
        QVERIFY(::listen(fd, 0) == 0);
        QVERIFY(::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0);
        if (tcp) {
            m_host = QStringLiteral("tcp://127.0.0.1:%1")
                         .arg(ntohs(reinterpret_cast<sockaddr_in *>(&address)->sin_port));
        }
        // Fill the queue: connections that complete (they wait in the queue) until one does not.
        for (int i = 0; i < 8; ++i) {
            const int client = ::socket(tcp ? AF_INET : AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
            m_fds << client;
            const int r = ::connect(client, reinterpret_cast<sockaddr *>(&address), length);
            if (r != 0 && errno != EINPROGRESS) {
                break; // unix: EAGAIN, the queue is full
            }
        }
        QTest::qWait(200); // TCP: let the handshakes that can complete complete
    }

    Mode m_mode;
    QTcpServer m_tcp;
    QLocalServer m_local;
    QString m_host;
    QList<int> m_fds;
    int m_connections = 0;
    qint64 m_sent = 0;
};

struct Outcome
{
    int exitCode = -2;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};

// Runs devdockctl without blocking the event loop: the stub endpoints live on this thread.
Outcome ctl(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(DEVDOCKCTL_PATH), args);
    p.waitForStarted(10000);
    const bool ended = waitUntil([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    Outcome o;
    o.ms = clock.elapsed();
    if (!ended) {
        p.kill();
        p.waitForFinished(5000);
        o.err = "devdockctl did not end within the test's limit";
        return o;
    }
    o.exitCode = p.exitCode();
    o.status = p.exitStatus();
    o.out = p.readAllStandardOutput();
    o.err = p.readAllStandardError();
    return o;
}

QProcessEnvironment shortLimits(const QString &dockerHost)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), dockerHost);
    env.insert(QStringLiteral("DEVDOCK_ENGINE_TIMEOUT"), QStringLiteral("1"));
    env.insert(QStringLiteral("DEVDOCK_ENGINE_CONNECT_TIMEOUT"), QStringLiteral("1"));
    return env;
}

// Lines of `devdockctl watch --json` seen so far.
QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject()) {
            lines << doc.object();
        }
    }
    return lines;
}

bool sawState(const QList<QJsonObject> &lines, const QString &service, const QString &state,
               const QString &previous)
{
    for (const QJsonObject &o : lines) {
        if (o.value("service").toString() == service && o.value("state").toString() == state
            && (previous.isNull() || o.value("previous").toString() == previous)) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestEngineFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void badEndpoint_failsFastNamingIt_data();
    void badEndpoint_failsFastNamingIt();
    void eventStream_silentHead_timesOutAndReconnects();
    void eventStream_quietAfterHead_staysConnected();
    void malformedDockerConfig_warnsAndUsesDefaultEngine_data();
    void malformedDockerConfig_warnsAndUsesDefaultEngine();
    void engineAway_servicesUnknownNotNotCreated_thenRecover();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestEngineFaults::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    // A project for `ps` and `doctor` against the stub endpoints (never started there).
    QVERIFY(writeFile(m_dir.filePath("compose.yaml"),
                      "services:\n  app:\n    image: devdock-test/busybox:latest\n"
                      "    command: [\"sleep\", \"600\"]\n"));
    m_project = QStringLiteral("ddfaults-%1").arg(QCoreApplication::applicationPid());
}

void TestEngineFaults::cleanupTestCase()
{
    if (!m_project.isEmpty()) {
        run("docker", {"compose", "-p", m_project + "-away", "down", "-t", "0"});
    }
}

void TestEngineFaults::badEndpoint_failsFastNamingIt_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("tcp");
    QTest::addColumn<QString>("expected"); // in stdout+stderr, with the endpoint
    const struct
    {
        const char *name;
        Mode mode;
        const char *expected;
    } modes[] = {
        {"silent", Mode::Silent, "did not answer within 1 s at "},
        {"never accepts", Mode::NeverAccepts, "No connection to the Docker engine within 1 s at "},
        {"endless body, huge Content-Length", Mode::EndlessLength, "is larger than 64 MiB"},
        // Read to the cap, not announced: the cap set lower, so that 1 s limits stay the bound
        // on a loaded machine (the default cap is the row above).
        {"endless chunked body", Mode::EndlessChunked, "is larger than 8 MiB"},
        {"garbage with escapes", Mode::Garbage, "does not speak the Docker Engine API"},
        {"web server 404 with escapes", Mode::NotDocker, "does not speak the Docker Engine API"},
    };
    for (const auto &m : modes) {
        for (const bool tcp : {false, true}) {
            QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(m.name, tcp ? "tcp" : "unix")))
                << int(m.mode) << tcp << QString::fromLatin1(m.expected);
        }
    }
}

void TestEngineFaults::badEndpoint_failsFastNamingIt()
{
    QFETCH(int, mode);
    QFETCH(bool, tcp);
    QFETCH(QString, expected);
    QTemporaryDir socketDir;
    StubEngine stub(Mode(mode), tcp, socketDir.path());
    QProcessEnvironment env = shortLimits(stub.dockerHost());
    if (Mode(mode) == Mode::EndlessChunked) {
        env.insert(QStringLiteral("DEVDOCK_ENGINE_MAX_BODY_MB"), QStringLiteral("8"));
    }
    const QStringList project{"--project-directory", m_dir.path(), "-p", m_project + "-stub"};
    for (const QStringList &args :
         {QStringList{"engine", "info"}, QStringList{"engine", "containers", "--all"},
          project + QStringList{"ps"}, project + QStringList{"doctor"}}) {
        const Outcome o = ctl(args, env);
        const QByteArray all = o.out + o.err;
        const QByteArray what = args.join(' ').toUtf8() + ":\n" + all;
        qInfo("%s: exit %d in %lld ms", qPrintable(args.mid(args.indexOf("-p") + 2).join(' ')),
              o.exitCode, o.ms);
        QCOMPARE(o.status, QProcess::NormalExit); // no crash, no std::bad_alloc abort
        QVERIFY2(o.exitCode == 1, what.constData());
        // Bounded: 1 s limits, a few of them in a row at most, plus the process start.
        QVERIFY2(o.ms < 3000, qPrintable(QStringLiteral("took %1 ms: %2").arg(o.ms).arg(
                                  QString::fromUtf8(what))));
        QVERIFY2(all.contains(expected.toUtf8()), what.constData());
        QVERIFY2(all.contains(stub.dockerHost().toUtf8()), what.constData());
        // Nothing the endpoint sent reaches the terminal raw.
        QVERIFY2(!all.contains('\x1b') && !all.contains('\x07') && !all.contains("\x9b"),
                 what.constData());
        QVERIFY2(!all.contains("bad_alloc"), what.constData());
        if (Mode(mode) == Mode::Garbage || Mode(mode) == Mode::NotDocker) {
            // Not "start the engine": something answers there, and it is not Docker.
            QVERIFY2(!all.contains("Is Docker running"), what.constData());
            QVERIFY2(!all.contains("systemctl start docker"), what.constData());
            QVERIFY2(all.contains("DOCKER_HOST"), what.constData());
        }
        if (args.contains("ps")) {
            // The table still comes: the service is unknown, not "not created".
            QVERIFY2(o.out.contains("unknown"), what.constData());
            QVERIFY2(!o.out.contains("not created"), what.constData());
        }
    }
    if (Mode(mode) == Mode::EndlessChunked) {
        // The cap was reached by reading, not announced: the stub really sent that much.
        QVERIFY(stub.bytesSent() > qint64(8) << 20);
    }
}

void TestEngineFaults::eventStream_silentHead_timesOutAndReconnects()
{
    // A stream whose head never comes times out like any request, and the stream's own
    // reconnect logic takes over.
    qputenv("DEVDOCK_ENGINE_TIMEOUT", "0.5");
    QTemporaryDir socketDir;
    StubEngine silent(Mode::Silent, false, socketDir.path());
    auto endpoint = parseDockerHost(silent.dockerHost());
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    EventStream stream(&client);
    stream.setBackoff(50, 100);
    QSignalSpy disconnected(&stream, &EventStream::disconnected);
    QElapsedTimer clock;
    clock.start();
    stream.start();
    QVERIFY(waitUntil([&] { return disconnected.count() >= 2; }, 5000));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    const Error error = disconnected.first().first().value<Error>();
    QCOMPARE(error.code, Error::Code::Timeout);
    QVERIFY2(error.message.contains("did not answer within 0.5 s at " + silent.dockerHost()),
             qPrintable(error.message));
    QVERIFY(silent.connections() >= 2); // it reconnected
    stream.stop();
    qunsetenv("DEVDOCK_ENGINE_TIMEOUT");
}

void TestEngineFaults::eventStream_quietAfterHead_staysConnected()
{
    // Events may not come for a long time: once the head is in, silence is no error.
    qputenv("DEVDOCK_ENGINE_TIMEOUT", "0.5");
    QTemporaryDir socketDir;
    StubEngine stub(Mode::QuietStream, false, socketDir.path());
    auto endpoint = parseDockerHost(stub.dockerHost());
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    EventStream stream(&client);
    QSignalSpy connected(&stream, &EventStream::connected);
    QSignalSpy disconnected(&stream, &EventStream::disconnected);
    stream.start();
    QVERIFY(connected.wait(3000));
    QTest::qWait(2000); // four times the response timeout
    QCOMPARE(disconnected.count(), 0);
    QVERIFY(stream.isConnected());
    stream.stop();
    qunsetenv("DEVDOCK_ENGINE_TIMEOUT");
}

void TestEngineFaults::malformedDockerConfig_warnsAndUsesDefaultEngine_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("warning");
    QTest::newRow("not JSON") << QByteArray("{\"currentContext\": ") << "is not valid JSON";
    QTest::newRow("an array") << QByteArray("[\"default\"]") << "is not a JSON object";
}

void TestEngineFaults::malformedDockerConfig_warnsAndUsesDefaultEngine()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, warning);
    QTemporaryDir dockerConfig;
    QVERIFY(writeFile(dockerConfig.filePath("config.json"), config));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DOCKER_HOST");
    env.remove("DOCKER_CONTEXT");
    env.insert("DOCKER_CONFIG", dockerConfig.path());
    const Outcome o = ctl({"engine", "info", "--json"}, env);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    // The real engine answered, through the default endpoint.
    const QJsonObject info = QJsonDocument::fromJson(o.out).object();
    QCOMPARE(info.value("endpoint").toString(), QString("unix:///var/run/docker.sock"));
    QVERIFY(!info.value("serverVersion").toString().isEmpty());
    const QString err = QString::fromUtf8(o.err);
    QVERIFY2(err.startsWith("devdockctl: warning: " + dockerConfig.filePath("config.json")),
             qPrintable(err));
    QVERIFY2(err.contains(warning), qPrintable(err));
    QVERIFY2(err.contains("using the default context"), qPrintable(err));
    // The same through HOME, as ~/.docker/config.json.
    QTemporaryDir home;
    QDir(home.path()).mkpath(".docker");
    QVERIFY(writeFile(home.filePath(".docker/config.json"), config));
    env.remove("DOCKER_CONFIG");
    env.insert("HOME", home.path());
    const Outcome viaHome = ctl({"engine", "info"}, env);
    QVERIFY2(viaHome.exitCode == 0, viaHome.err.constData());
    const QByteArray homeConfig = QFile::encodeName(home.filePath(".docker/config.json"));
    QVERIFY2(viaHome.err.contains(QByteArray(QByteArray("warning: ") + homeConfig)),
             viaHome.err.constData());
    QVERIFY(viaHome.out.contains("serverVersion: "));
}

void TestEngineFaults::engineAway_servicesUnknownNotNotCreated_thenRecover()
{
    // A small project of our own runs on the shared engine; DevDock sees it through a proxy that
    // the test cuts. The shared dockerd is never stopped.
    QTemporaryDir dir;
    const QString name = m_project + "-away";
    const int port = freePort();
    ComposeLoadOptions options;
    options.projectName = name;
    auto project = loadInline(dir,
                              QStringLiteral("services:\n"
                                             "  app:\n"
                                             "    image: devdock-test/busybox:latest\n"
                                             "    init: true\n"
                                             "    command: [\"sleep\", \"600\"]\n"
                                             "    ports: [\"127.0.0.1:%1:8080\"]\n")
                                  .arg(port)
                                  .toUtf8(),
                              options);
    QVERIFY2(project, project ? "" : qPrintable(project.error().message));
    options.workingDirectory = dir.path();
    const Run up = run("docker", {"compose", "--project-directory", dir.path(), "-p", name, "up",
                                  "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());

    QTemporaryDir socketDir;
    SocketProxy proxy(socketDir.filePath("engine.sock"));
    QVERIFY(proxy.restore());
    auto endpoint = parseDockerHost(proxy.dockerHost());
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    StackController controller(&client);
    controller.setProject(*project, options);
    LiveState *live = controller.liveState();
    live->start();
    QVERIFY(waitUntil([&] { return live->isKnown() && live->isEngineReachable(); }, 20000));
    QVERIFY(waitUntil([&] { return live->service("app")->status == ServiceStatus::Running; }));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DOCKER_HOST", proxy.dockerHost());
    const QStringList global{"--project-directory", dir.path(), "-p", name};
    QProcess watch;
    watch.setProcessEnvironment(env);
    watch.start(QStringLiteral(DEVDOCKCTL_PATH), global + QStringList{"watch", "--json"});
    QByteArray watched;
    connect(&watch, &QProcess::readyReadStandardOutput, this,
            [&] { watched += watch.readAllStandardOutput(); });
    QVERIFY(waitUntil([&] { return sawState(jsonLines(watched), "app", "running", {}); }, 20000));

    // The engine goes away.
    proxy.cut();
    QVERIFY(waitUntil([&] { return !live->isEngineReachable(); }, 20000));
    QCOMPARE(live->service("app")->status, ServiceStatus::Unknown);
    QCOMPARE(live->service("app")->reason, QString("the Docker engine is not reachable"));
    QVERIFY(live->engineError().message.contains(proxy.dockerHost()));
    QVERIFY2(waitUntil([&] { return sawState(jsonLines(watched), "app", "unknown", "running"); },
                       20000),
             watched.constData());
    QVERIFY(!sawState(jsonLines(watched), "app", "not created", {}));
    const Outcome ps = ctl(global + QStringList{"ps", "--json"}, env);
    QCOMPARE(ps.exitCode, 1);
    const QJsonArray states = QJsonDocument::fromJson(ps.out).array();
    QCOMPARE(states.size(), 1);
    QCOMPARE(states.first().toObject().value("state").toString(), QString("unknown"));
    QVERIFY2(ps.err.contains(proxy.dockerHost().toUtf8()), ps.err.constData());
    const Outcome table = ctl(global + QStringList{"ps"}, env);
    QVERIFY2(table.out.contains("unknown") && !table.out.contains("not created"),
             table.out.constData());

    // An Up against the missing engine fails with a start and a finish, in that order: whoever
    // times the action has a start (the window's "failed after -9223369134.2 s").
    QList<QString> order;
    connect(&controller, &StackController::actionStarted, this,
            [&](const StackAction &) { order << "started"; });
    std::optional<Result<void>> finished;
    connect(&controller, &StackController::actionFinished, this,
            [&](const StackAction &, const Result<void> &r, ComposeOperation *) {
                order << "finished";
                finished = r;
            });
    controller.up();
    QVERIFY(waitUntil([&] { return finished.has_value(); }, 60000));
    QCOMPARE(order, (QList<QString>{"started", "finished"}));
    QVERIFY(!*finished);
    QVERIFY2(finished->error().message.contains(proxy.dockerHost()),
             qPrintable(finished->error().message));

    // Back: everything recovers by itself, straight from unknown to what the engine says (a
    // passing "not created" would be a false transition in the window's history).
    QList<ServiceStatus> afterRestore;
    connect(live, &LiveState::serviceChanged, this,
            [&](const ServiceState &now, const ServiceState &) {
                if (now.name == QLatin1String("app")) {
                    afterRestore << now.status;
                }
            });
    QVERIFY(proxy.restore());
    QVERIFY(waitUntil(
        [&] {
            return live->isEngineReachable()
                   && live->service("app")->status == ServiceStatus::Running;
        },
        30000));
    QVERIFY2(waitUntil([&] { return sawState(jsonLines(watched), "app", "running", "unknown"); },
                       30000),
             watched.constData());
    QVERIFY(!afterRestore.isEmpty());
    QVERIFY(!afterRestore.contains(ServiceStatus::NotCreated));
    const Outcome back = ctl(global + QStringList{"ps", "--json"}, env);
    QVERIFY2(back.exitCode == 0, back.err.constData());
    QCOMPARE(QJsonDocument::fromJson(back.out).array().first().toObject().value("state").toString(),
             QString("running"));

    ::kill(pid_t(watch.processId()), SIGTERM);
    QVERIFY(waitUntil([&] { return watch.state() == QProcess::NotRunning; }, 10000));
    QCOMPARE(watch.exitCode(), 0);
    live->stop();
    run("docker", {"compose", "-p", name, "down", "-t", "0"});
}

QTEST_GUILESS_MAIN(TestEngineFaults)
#include "tst_enginefaults.moc"
