// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The terminal when the engine misbehaves: an endpoint that accepts and never answers, an engine
// that answers everything but the exec's start (the hijacked connection stays silent), and the
// engine going away in the middle of a session. Each ends the session with a message that names
// the endpoint, in bounded time (the limits set short through the environment), and the
// terminal offers to reconnect, which works once the engine is back.
#include "../common/dockertest.h"
#include "../common/socketproxy.h"

#include "engine/engineclient.h"
#include "engine/execsession.h"
#include "terminal/terminalsession.h"
#include "terminal/terminalwidget.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace DevDock;
using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

// A unix socket in front of the real engine that reads every request and answers none
// (`silentStartOnly` false), or passes every connection through to the engine except one whose
// first request starts the terminal's exec (the upgrade to a hijacked connection; the shell
// probes before it are plain requests): that one is read and never answered.
class SilentEndpoint : public QObject
{
public:
    SilentEndpoint(const QString &path, bool silentStartOnly)
        : m_silentStartOnly(silentStartOnly)
    {
        QLocalServer::removeServer(path);
        QVERIFY(m_server.listen(path));
        m_host = QStringLiteral("unix://") + path;
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *client = m_server.nextPendingConnection()) {
                serve(client);
            }
        });
    }
    QString dockerHost() const { return m_host; }
    int swallowed() const { return m_swallowed; }

private:
    void serve(QLocalSocket *client)
    {
        auto head = std::make_shared<QByteArray>();
        connect(client, &QLocalSocket::readyRead, client, [this, client, head] {
            if (client->property("piped").toBool()) {
                return;
            }
            head->append(client->readAll());
            if (!head->contains("\r\n\r\n")) {
                return;
            }
            const bool start = head->left(head->indexOf("\r\n")).contains("/start ")
                               && head->contains("Upgrade: tcp");
            if (!m_silentStartOnly || start) {
                ++m_swallowed; // read, never answered; later bytes are read and dropped
                connect(client, &QLocalSocket::readyRead, client, [client] { client->readAll(); });
                client->setProperty("piped", true);
                return;
            }
            client->setProperty("piped", true);
            auto *engine = new QLocalSocket(client);
            connect(engine, &QLocalSocket::connected, engine, [engine, head] {
                engine->write(*head);
            });
            connect(engine, &QLocalSocket::readyRead, client,
                    [client, engine] { client->write(engine->readAll()); });
            connect(client, &QLocalSocket::readyRead, engine,
                    [client, engine] { engine->write(client->readAll()); });
            connect(engine, &QLocalSocket::disconnected, client,
                    [client] { client->disconnectFromServer(); });
            connect(client, &QLocalSocket::disconnected, engine,
                    [engine] { engine->disconnectFromServer(); });
            engine->connectToServer(QStringLiteral("/var/run/docker.sock"));
        });
        connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
    }

    bool m_silentStartOnly;
    QLocalServer m_server;
    QString m_host;
    int m_swallowed = 0;
};

} // namespace

class TestTerminalFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void silentEndpoint_sessionEndsWithTimeoutNamingIt_data();
    void silentEndpoint_sessionEndsWithTimeoutNamingIt();
    void engineAway_duringSession_endsWithMessageThenReconnects();
    void noShell_sessionSaysSoNamingTheShellsTried();

private:
    QString m_container;
    QTemporaryDir m_sockets;
};

void TestTerminalFaults::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    m_container = runContainer({"--init"}, "sleep 3600");
    QVERIFY(!m_container.isEmpty());
    qputenv("DEVDOCK_ENGINE_TIMEOUT", "1");
    qputenv("DEVDOCK_ENGINE_CONNECT_TIMEOUT", "1");
}

void TestTerminalFaults::cleanupTestCase()
{
    if (!m_container.isEmpty()) {
        docker({"rm", "-f", m_container});
    }
}

void TestTerminalFaults::silentEndpoint_sessionEndsWithTimeoutNamingIt_data()
{
    QTest::addColumn<bool>("silentStartOnly");
    QTest::addColumn<QString>("expected");
    QTest::newRow("accepts, never answers") << false << "did not answer within 1 s at unix://";
    QTest::newRow("answers all but the exec's start")
        << true << "did not answer within 1 s at unix://";
}

void TestTerminalFaults::silentEndpoint_sessionEndsWithTimeoutNamingIt()
{
    QFETCH(bool, silentStartOnly);
    QFETCH(QString, expected);
    SilentEndpoint endpoint(m_sockets.filePath("silent.sock"), silentStartOnly);
    auto e = parseDockerHost(endpoint.dockerHost());
    QVERIFY(e);
    EngineClient client(*e);
    Ui::TerminalSession session(&client, m_container, "box");
    session.resize(640, 400);
    session.show();
    QSignalSpy ended(&session, &Ui::TerminalSession::ended);
    QElapsedTimer clock;
    clock.start();
    session.connectSession();
    QVERIFY(ended.wait(15000));
    // Bounded: a 1 s limit, the version negotiation and the exec's calls before it.
    QVERIFY2(clock.elapsed() < 8000, qPrintable(QString::number(clock.elapsed())));
    const QString message = ended.first().first().toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(endpoint.dockerHost()), qPrintable(message));
    QVERIFY(endpoint.swallowed() >= 1);
    if (silentStartOnly) {
        QVERIFY2(message.contains("/start"), qPrintable(message));
    }
    QVERIFY(!session.isConnected());
    auto *reconnect = session.findChild<QPushButton *>();
    QVERIFY(reconnect && reconnect->isVisible());
    session.terminal()->flushInput();
    QVERIFY2(session.terminal()->screenText().contains("did not answer"),
             qPrintable(session.terminal()->screenText()));
}

void TestTerminalFaults::engineAway_duringSession_endsWithMessageThenReconnects()
{
    SocketProxy proxy(m_sockets.filePath("proxy.sock"));
    QVERIFY(proxy.restore());
    auto e = parseDockerHost(proxy.dockerHost());
    QVERIFY(e);
    EngineClient client(*e);
    Ui::TerminalSession session(&client, m_container, "box");
    session.resize(640, 400);
    session.show();
    QSignalSpy connected(&session, &Ui::TerminalSession::connected);
    QSignalSpy ended(&session, &Ui::TerminalSession::ended);
    session.connectSession();
    QVERIFY(connected.wait(20000));
    Ui::TerminalWidget *t = session.terminal();
    QVERIFY(QTest::qWaitFor([&] { return t->flushInput(), t->screenText().contains("/ #"); }, 10000));

    // The engine goes away: every connection cut, nothing listening.
    QElapsedTimer clock;
    clock.start();
    proxy.cut();
    QVERIFY(ended.wait(15000));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    const QString message = ended.first().first().toString();
    QVERIFY2(message.contains(proxy.dockerHost()), qPrintable(message));
    QVERIFY2(!message.contains("exited with code"), qPrintable(message));
    auto *reconnect = session.findChild<QPushButton *>();
    QVERIFY(reconnect && reconnect->isVisible());

    // Back again: Reconnect gives a working shell.
    QVERIFY(proxy.restore());
    QTest::mouseClick(reconnect, Qt::LeftButton);
    QVERIFY(connected.wait(20000));
    QTest::keyClicks(t, "echo $((5*5))back");
    QTest::keyClick(t, Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return t->flushInput(), t->screenText().contains("25back"); },
                            10000));
}

void TestTerminalFaults::noShell_sessionSaysSoNamingTheShellsTried()
{
    // FROM scratch with one static program (built here from tests/data/images/noshell).
    QTemporaryDir context;
    const QString source = QStringLiteral(DEVDOCK_TEST_DATA "/images/noshell");
    QVERIFY(QFile::copy(source + "/Dockerfile", context.filePath("Dockerfile")));
    const Run cc = run("cc", {"-static", "-O2", "-o", context.filePath("pause"),
                              source + "/pause.c"});
    QVERIFY2(cc.exitCode == 0, cc.err.constData());
    const QString image = "devdock-test/noshell:" + QString::number(QCoreApplication::applicationPid());
    const Run build = docker({"build", "-q", "-t", image, context.path()});
    QVERIFY2(build.exitCode == 0, build.err.constData());
    const Run started = docker({"run", "-d", "--label", kTestLabel, image});
    QVERIFY2(started.exitCode == 0, started.err.constData());
    const QString container = QString::fromUtf8(started.out).trimmed();
    const auto cleanup = qScopeGuard([&] {
        docker({"rm", "-f", container});
        docker({"rmi", "-f", image});
    });
    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    Ui::TerminalSession session(&client, container, "noshell");
    session.resize(640, 400);
    session.show();
    QSignalSpy ended(&session, &Ui::TerminalSession::ended);
    session.connectSession();
    QVERIFY(ended.wait(30000));
    const QString message = ended.first().first().toString();
    QVERIFY2(message.contains("has no shell: none of bash, sh, ash is on its PATH"),
             qPrintable(message));
    QVERIFY(!session.isConnected());
}

QTEST_MAIN(TestTerminalFaults)
#include "tst_terminalfaults.moc"
