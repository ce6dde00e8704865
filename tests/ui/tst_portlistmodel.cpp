// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/composetest.h"
#include "ports/portlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Ui;

class TestPortListModel : public QObject
{
    Q_OBJECT
private slots:
    void rows_followProjectStateAndReport();
    void urlFor_data();
    void urlFor();
};

void TestPortListModel::rows_followProjectStateAndReport()
{
    QTemporaryDir dir;
    auto project = DevDock::Test::loadInline(
        dir, "services:\n"
             "  web:\n    image: x\n    ports: [\"127.0.0.1:18080:80\", \"8443:443\"]\n"
             "  dns:\n    image: x\n    ports: [\"5353:53/udp\"]\n");
    QVERIFY(project.has_value());

    PortListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(*project);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, PortListModel::PortColumn).data().toString(),
             QString("127.0.0.1:18080/tcp"));
    QCOMPARE(model.index(0, PortListModel::UrlColumn).data().toString(),
             QString("http://127.0.0.1:18080/"));
    QCOMPARE(model.index(1, PortListModel::UrlColumn).data().toString(),
             QString("http://localhost:8443/"));
    QCOMPARE(model.index(2, PortListModel::UrlColumn).data().toString(), QString()); // udp: no URL
    QVERIFY(
        model.index(0, PortListModel::StatusColumn).data().toString().startsWith("not published"));

    ServiceState web;
    web.name = "web";
    web.ports = {PortBinding{"127.0.0.1", 80, 18080, "tcp"}};
    model.setServices({web});
    QCOMPARE(model.index(0, PortListModel::StatusColumn).data().toString(), QString("published"));

    PortReport report;
    PortCheck check;
    check.request = PortRequest{"web", "", 8443, "tcp", 443};
    check.holder.kind = PortHolder::Kind::Process;
    check.holder.processName = "nginx";
    check.holder.pid = 4242;
    report.checks = {check};
    model.setReport(report);
    QCOMPARE(model.conflictCount(), 1);
    QCOMPARE(model.index(1, PortListModel::StatusColumn).data().toString(),
             QString("conflict: held by process nginx (pid 4242)"));
    QCOMPARE(model.index(1, 0).data(PortListModel::ConflictRole).toBool(), true);
    model.setReport({});
    QCOMPARE(model.conflictCount(), 0);
}

void TestPortListModel::urlFor_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("url");
    QTest::newRow("wildcard") << ""
                              << "tcp"
                              << "http://localhost:80/";
    QTest::newRow("any v4") << "0.0.0.0"
                            << "tcp"
                            << "http://localhost:80/";
    QTest::newRow("loopback") << "127.0.0.1"
                              << "tcp"
                              << "http://127.0.0.1:80/";
    QTest::newRow("ipv6") << "::1"
                          << "tcp"
                          << "http://[::1]:80/";
    QTest::newRow("udp") << ""
                         << "udp"
                         << "";
}

void TestPortListModel::urlFor()
{
    QFETCH(QString, ip);
    QFETCH(QString, protocol);
    QFETCH(QString, url);
    QCOMPARE(PortListModel::urlFor(PortRequest{"s", ip, 80, protocol, 80}), url);
}

QTEST_MAIN(TestPortListModel)
#include "tst_portlistmodel.moc"
