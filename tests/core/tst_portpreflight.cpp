// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/composetest.h"
#include "../common/dockertest.h"

#include "compose/composeloader.h"
#include "engine/engineclient.h"
#include "stack/portpreflight.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

// Recorded from a Linux 6.x machine (header line, then one socket per line).
const QByteArray kTcp = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
                        "retrnsmt   uid  timeout inode\n"
                        "   0: 0100007F:4690 00000000:0000 0A 00000000:00000000 00:00000000 "
                        "00000000     0        0 41234 1 0000000000000000 100 0 0 10 0\n"
                        "   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 "
                        "00000000   105        0 2201 1 0000000000000000 100 0 0 10 0\n"
                        "   2: 0100007F:4690 0100007F:D2F0 01 00000000:00000000 00:00000000 "
                        "00000000     0        0 0 1 0000000000000000 20 4 30 10 -1\n";
const QByteArray kTcp6 =
    "  sl  local_address                         remote_address                        st tx_queue "
    "rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A "
    "00000000:00000000 00:00000000 00000000  1000        0 5555 1 0000000000000000 100 0 0 10 0\n"
    "   1: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A "
    "00000000:00000000 00:00000000 00000000     0        0 6666 1 0000000000000000 100 0 0 10 0\n";
const QByteArray kUdp = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
                        "retrnsmt   uid  timeout inode ref pointer drops\n"
                        "  100: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 "
                        "00000000   101        0 7777 2 0000000000000000 0\n";

} // namespace

class TestPortPreflight : public QObject
{
    Q_OBJECT
private slots:
    void parseProcNet_tcpListenOnly();
    void parseProcNet_tcp6AndUdp();
    void publishedPorts_expandsRangesAndSkipsEphemeral();
    void check_portHeldByThisProcess_namesProcessAndPid();
    void check_portHeldByAnotherContainer_namesContainer();
    void check_ownProjectContainer_isFine();
    void check_freePort_noConflict();
    void cleanupTestCase() { removeTestContainers(); }
};

void TestPortPreflight::parseProcNet_tcpListenOnly()
{
    const QList<LocalSocket> sockets = parseProcNet(kTcp, "tcp", false);
    QCOMPARE(sockets.size(), 2); // the established connection is not a holder
    QCOMPARE(sockets.at(0).ip, QString("127.0.0.1"));
    QCOMPARE(sockets.at(0).port, 18064);
    QCOMPARE(sockets.at(0).inode, quint64(41234));
    QCOMPARE(sockets.at(0).uid, 0);
    QCOMPARE(sockets.at(1).ip, QString("0.0.0.0"));
    QCOMPARE(sockets.at(1).port, 22);
    QCOMPARE(sockets.at(1).uid, 105);
}

void TestPortPreflight::parseProcNet_tcp6AndUdp()
{
    const QList<LocalSocket> v6 = parseProcNet(kTcp6, "tcp", true);
    QCOMPARE(v6.size(), 2);
    QCOMPARE(v6.at(0).ip, QString("::"));
    QCOMPARE(v6.at(0).port, 8080);
    QCOMPARE(v6.at(0).uid, 1000);
    QCOMPARE(v6.at(1).ip, QString("::1"));
    QCOMPARE(v6.at(1).port, 631);
    const QList<LocalSocket> udp = parseProcNet(kUdp, "udp", false);
    QCOMPARE(udp.size(), 1);
    QCOMPARE(udp.at(0).ip, QString("127.0.0.53"));
    QCOMPARE(udp.at(0).port, 53);
    QCOMPARE(udp.at(0).protocol, QString("udp"));
}

void TestPortPreflight::publishedPorts_expandsRangesAndSkipsEphemeral()
{
    QTemporaryDir dir;
    auto project = loadInline(
        dir, "services:\n"
             "  web:\n    image: x\n    ports: [\"127.0.0.1:18000-18002:8000-8002\", \"9000\"]\n"
             "  dns:\n    image: x\n    ports: [\"5353:53/udp\"]\n");
    QVERIFY(project.has_value());
    const QList<PortRequest> all = publishedPorts(*project, {});
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.at(0).port, 18000);
    QCOMPARE(all.at(2).port, 18002);
    QCOMPARE(all.at(2).target, 8002);
    QCOMPARE(all.at(2).hostIp, QString("127.0.0.1"));
    QCOMPARE(all.at(3).service, QString("dns"));
    QCOMPARE(all.at(3).protocol, QString("udp"));
    QCOMPARE(publishedPorts(*project, {"dns"}).size(), 1);
}

void TestPortPreflight::check_portHeldByThisProcess_namesProcessAndPid()
{
    DEVDOCK_REQUIRE_ENGINE();
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::Any, 0));
    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint.has_value());
    EngineClient client(*endpoint);
    const PortRequest request{"web", "127.0.0.1", holder.serverPort(), "tcp", 80};
    auto report =
        await<PortReport>([&](auto done) { checkPorts(&client, "demo", {request}, this, done); });
    QVERIFY(report && *report);
    QVERIFY((*report)->localChecked);
    const QList<PortCheck> conflicts = (*report)->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.at(0).holder.kind, PortHolder::Kind::Process);
    QCOMPARE(conflicts.at(0).holder.pid, qint64(::getpid()));
    // /proc/PID/comm keeps the first 15 characters of the program name.
    QCOMPARE(conflicts.at(0).holder.processName, QString("tst_portpreflig"));
    const QString message = conflicts.at(0).message();
    QVERIFY2(message.contains(QString::number(holder.serverPort())), qPrintable(message));
    QVERIFY2(message.contains("web"), qPrintable(message));
    QVERIFY2(message.contains(QString::number(::getpid())), qPrintable(message));
    const Error error = (*report)->error();
    QCOMPARE(error.code, Error::Code::Conflict);
    QVERIFY(!error.hint.isEmpty());
}

void TestPortPreflight::check_portHeldByAnotherContainer_namesContainer()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    const int port = freePort();
    const QString name = "devdock-test-portholder";
    docker({"rm", "-f", name});
    const QString id = runContainer({"--name", name, "--label", "com.docker.compose.project=other",
                                     "-p", QString("127.0.0.1:%1:8080").arg(port)},
                                    "exec httpd -f -p 8080");
    QVERIFY(!id.isEmpty());
    auto endpoint = EngineClient::systemEndpoint();
    EngineClient client(*endpoint);
    // The wildcard request collides with the loopback binding.
    const PortRequest request{"nginx", "", port, "tcp", 80};
    auto report =
        await<PortReport>([&](auto done) { checkPorts(&client, "demo", {request}, this, done); });
    QVERIFY(report && *report);
    const QList<PortCheck> conflicts = (*report)->conflicts();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.at(0).holder.kind, PortHolder::Kind::Container);
    QCOMPARE(conflicts.at(0).holder.containerName, name);
    QCOMPARE(conflicts.at(0).holder.containerProject, QString("other"));
    QVERIFY(conflicts.at(0).message().contains(name));
    docker({"rm", "-f", name});
}

void TestPortPreflight::check_ownProjectContainer_isFine()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    const int port = freePort();
    const QString name = "devdock-test-ownport";
    docker({"rm", "-f", name});
    QVERIFY(!runContainer({"--name", name, "--label", "com.docker.compose.project=demo", "-p",
                           QString("127.0.0.1:%1:8080").arg(port)},
                          "exec httpd -f -p 8080")
                 .isEmpty());
    auto endpoint = EngineClient::systemEndpoint();
    EngineClient client(*endpoint);
    auto report = await<PortReport>([&](auto done) {
        checkPorts(&client, "demo", {PortRequest{"nginx", "127.0.0.1", port, "tcp", 8080}}, this,
                   done);
    });
    QVERIFY(report && *report);
    QVERIFY((*report)->conflicts().isEmpty());
    QCOMPARE((*report)->checks.at(0).holder.kind, PortHolder::Kind::OwnContainer);
    docker({"rm", "-f", name});
}

void TestPortPreflight::check_freePort_noConflict()
{
    DEVDOCK_REQUIRE_ENGINE();
    auto endpoint = EngineClient::systemEndpoint();
    EngineClient client(*endpoint);
    const int port = freePort();
    auto report = await<PortReport>([&](auto done) {
        checkPorts(&client, "demo", {PortRequest{"web", "", port, "tcp", 80}}, this, done);
    });
    QVERIFY(report && *report);
    QVERIFY((*report)->conflicts().isEmpty());
    QCOMPARE((*report)->checks.at(0).holder.kind, PortHolder::Kind::None);
}

QTEST_GUILESS_MAIN(TestPortPreflight)
#include "tst_portpreflight.moc"
