// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/composeprogress.h"

#include <QTest>

using namespace DevDock::Core;
using Kind = ComposeProgressEvent::Kind;

Q_DECLARE_METATYPE(ComposeProgressEvent::Kind)

// Lines as Compose 2.26 (`--progress plain`), BuildKit, the classic builder and Compose v1 print
// them (recorded from real runs).
class TestComposeProgress : public QObject
{
    Q_OBJECT
private slots:
    void parse_line_data();
    void parse_line();
    void serviceOfContainerName_data();
    void serviceOfContainerName();
};

void TestComposeProgress::parse_line_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("step");
    QTest::addColumn<bool>("error");

    QTest::newRow("network creating")
        << " Network devdock-demo_default  Creating" << Kind::Resource << "Network"
        << "devdock-demo_default"
        << ""
        << "Creating" << 0 << false;
    QTest::newRow("container started")
        << " Container devdock-demo-api-1  Started" << Kind::Resource << "Container"
        << "devdock-demo-api-1"
        << "api"
        << "Started" << 0 << false;
    QTest::newRow("longest service name wins")
        << " Container devdock-demo-api-gateway-2  Healthy" << Kind::Resource << "Container"
        << "devdock-demo-api-gateway-2"
        << "api-gateway"
        << "Healthy" << 0 << false;
    QTest::newRow("service with dashes, replica 10")
        << " Container devdock-demo-temporal-admin-tools-10  Waiting" << Kind::Resource
        << "Container"
        << "devdock-demo-temporal-admin-tools-10"
        << "temporal-admin-tools"
        << "Waiting" << 0 << false;
    QTest::newRow("one-off container")
        << " Container devdock-demo-api-run-3f2a9c1b  Removed" << Kind::Resource << "Container"
        << "devdock-demo-api-run-3f2a9c1b"
        << "api"
        << "Removed" << 0 << false;
    QTest::newRow("unhealthy is an error")
        << " Container devdock-demo-api-1  Error" << Kind::Resource << "Container"
        << "devdock-demo-api-1"
        << "api"
        << "Error" << 0 << true;
    QTest::newRow("volume removed")
        << " Volume devdock-demo_redis_data  Removed" << Kind::Resource << "Volume"
        << "devdock-demo_redis_data"
        << ""
        << "Removed" << 0 << false;
    QTest::newRow("other project's container")
        << " Container other-api-1  Started" << Kind::Resource << "Container"
        << "other-api-1"
        << ""
        << "Started" << 0 << false;

    QTest::newRow("buildkit step") << "#5 [api 2/3] RUN make -j2" << Kind::Build << ""
                                   << ""
                                   << "api"
                                   << "" << 5 << false;
    QTest::newRow("buildkit internal step")
        << "#1 [api internal] load build definition from Dockerfile" << Kind::Build << ""
        << ""
        << "api"
        << "" << 1 << false;
    QTest::newRow("buildkit done") << "#5 DONE 0.1s" << Kind::Build << ""
                                   << ""
                                   << ""
                                   << "DONE" << 5 << false;
    QTest::newRow("buildkit error")
        << "#7 ERROR: process \"/bin/sh -c false\" did not complete successfully: exit code: 1"
        << Kind::Build << ""
        << ""
        << ""
        << "ERROR" << 7 << true;
    QTest::newRow("buildkit cached") << "#4 CACHED" << Kind::Build << ""
                                     << ""
                                     << ""
                                     << "CACHED" << 4 << false;
    QTest::newRow("classic builder") << "Step 2/3 : RUN echo hi" << Kind::Build << ""
                                     << ""
                                     << ""
                                     << "" << 2 << false;

    QTest::newRow("pull start") << " api Pulling " << Kind::Pull << ""
                                << "api"
                                << "api"
                                << "Pulling" << 0 << false;
    QTest::newRow("pull layer progress")
        << " 4f4fb700ef54 Downloading [==========>      ]  1.21MB/3.4MB" << Kind::Pull << ""
        << "4f4fb700ef54"
        << ""
        << "Downloading" << 0 << false;
    QTest::newRow("pull error")
        << " api Error Get \"https://registry-1.docker.io/v2/\": dial tcp: no such host"
        << Kind::Pull << ""
        << "api"
        << "api"
        << "Error" << 0 << true;
    QTest::newRow("pull warning")
        << " api Warning pull access denied for x, repository does not exist" << Kind::Pull << ""
        << "api"
        << "api"
        << "Warning" << 0 << false;

    QTest::newRow("compose v1 done")
        << "Creating devdock-demo_api_1 ... done" << Kind::Resource << "Container"
        << "devdock-demo_api_1"
        << "api"
        << "Creating" << 0 << false;
    QTest::newRow("compose v1 error")
        << "Starting devdock-demo_web_1 ... error" << Kind::Resource << "Container"
        << "devdock-demo_web_1"
        << "web"
        << "error" << 0 << true;

    QTest::newRow("daemon error message")
        << "Error response from daemon: driver failed programming external connectivity: "
           "Bind for 127.0.0.1:18080 failed: port is already allocated"
        << Kind::Message << ""
        << ""
        << ""
        << "" << 0 << true;
    QTest::newRow("plain message")
        << "WARNING: Some service image(s) must be built from source" << Kind::Message << ""
        << ""
        << ""
        << "" << 0 << false;
    QTest::newRow("empty") << "" << Kind::Message << ""
                           << ""
                           << ""
                           << "" << 0 << false;
}

void TestComposeProgress::parse_line()
{
    QFETCH(QString, line);
    QFETCH(Kind, kind);
    QFETCH(QString, type);
    QFETCH(QString, name);
    QFETCH(QString, service);
    QFETCH(QString, status);
    QFETCH(int, step);
    QFETCH(bool, error);
    const QStringList services{"api", "api-gateway", "web", "temporal", "temporal-admin-tools"};
    const ComposeProgressEvent e = parseComposeProgressLine(line, "devdock-demo", services);
    QCOMPARE(e.kind, kind);
    QCOMPARE(e.resourceType, type);
    QCOMPARE(e.name, name);
    QCOMPARE(e.service, service);
    QCOMPARE(e.status, status);
    QCOMPARE(e.buildStep, step);
    QCOMPARE(e.error, error);
}

void TestComposeProgress::serviceOfContainerName_data()
{
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("service");
    QTest::newRow("v2") << "demo-api-1"
                        << "api";
    QTest::newRow("v1") << "demo_api_1"
                        << "api";
    QTest::newRow("not a number") << "demo-api-x"
                                  << "";
    QTest::newRow("unknown service") << "demo-db-1"
                                     << "";
    QTest::newRow("prefix of another project") << "demo2-api-1"
                                               << "";
    QTest::newRow("dashed service") << "demo-api-gateway-12"
                                    << "api-gateway";
}

void TestComposeProgress::serviceOfContainerName()
{
    QFETCH(QString, container);
    QFETCH(QString, service);
    QCOMPARE(DevDock::Core::serviceOfContainerName(container, "demo", {"api", "api-gateway"}),
             service);
}

QTEST_GUILESS_MAIN(TestComposeProgress)
#include "tst_composeprogress.moc"
