// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/statepalette.h"
#include "services/servicelistmodel.h"

#include <QGuiApplication>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Ui;

namespace {

ServiceState service(const QString &name, ServiceStatus status, const QString &reason = {})
{
    ServiceState s;
    s.name = name;
    s.status = status;
    s.reason = reason;
    if (isUp(status)) {
        ContainerState c;
        c.id = name + "-id";
        c.service = name;
        c.number = 1;
        c.status = status;
        s.containers = {c};
        s.startedAt = QDateTime(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC);
    }
    return s;
}

} // namespace

class TestServiceListModel : public QObject
{
    Q_OBJECT
private slots:
    void setServices_diffKeepsRowsAndEmitsOnlyChanges();
    void data_columnsAndRoles();
    void uptimeText_data();
    void uptimeText();
    void stateColumn_deliberateStopIsCalm_failureIsColoured();
};

void TestServiceListModel::stateColumn_deliberateStopIsCalm_failureIsColoured()
{
    ServiceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // `docker stop` ends with SIGTERM (143); the last health probe before it said unhealthy.
    ServiceState stopped = service("api", ServiceStatus::Stopped, "stopped");
    stopped.exitCode = 143;
    stopped.health = "unhealthy";
    ServiceState crashed = service("worker", ServiceStatus::Exited, "exited (code 1)");
    crashed.exitCode = 1;
    model.setServices({stopped, crashed, service("db", ServiceStatus::Healthy)});
    const QPalette palette = QGuiApplication::palette();
    auto cell = [&model](int row, int column, int role) {
        return model.index(row, column).data(role);
    };
    const int state = ServiceListModel::StateColumn;
    QCOMPARE(cell(0, state, Qt::DisplayRole).toString(), QString("stopped"));
    QCOMPARE(cell(0, ServiceListModel::HealthColumn, Qt::DisplayRole).toString(), QString("—"));
    QCOMPARE(cell(0, state, StateKindRole).toInt(), int(StateKind::Stopped));
    QCOMPARE(cell(0, state, Qt::ForegroundRole).value<QBrush>().color(),
             StatePalette::color(StateKind::Stopped, palette));
    QCOMPARE(cell(1, state, Qt::DisplayRole).toString(), QString("exited (1) · error"));
    QCOMPARE(cell(1, state, StateKindRole).toInt(), int(StateKind::Failed));
    QCOMPARE(cell(1, state, Qt::ForegroundRole).value<QBrush>().color(),
             StatePalette::color(StateKind::Failed, palette));
    QVERIFY(cell(0, state, Qt::ForegroundRole) != cell(1, state, Qt::ForegroundRole));
    QCOMPARE(cell(2, state, StateKindRole).toInt(), int(StateKind::Healthy));
    QVERIFY(!cell(2, state, Qt::DecorationRole).value<QIcon>().isNull());
    // Only the state column carries the chip.
    QVERIFY(!cell(2, ServiceListModel::NameColumn, StateKindRole).isValid());
    QVERIFY(!cell(2, ServiceListModel::NameColumn, Qt::DecorationRole).isValid());
}

void TestServiceListModel::setServices_diffKeepsRowsAndEmitsOnlyChanges()
{
    ServiceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setServices({service("postgres", ServiceStatus::Healthy),
                       service("backend", ServiceStatus::Created, "waiting for postgres"),
                       service("nginx", ServiceStatus::NotCreated, "not created")});
    QCOMPARE(model.rowCount(), 3);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    // backend comes up, nginx disappears, worker appears; postgres is unchanged.
    model.setServices({service("postgres", ServiceStatus::Healthy),
                       service("backend", ServiceStatus::Running),
                       service("worker", ServiceStatus::Exited, "exited (code 3)")});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QString("postgres"));
    QCOMPARE(model.index(1, 0).data().toString(), QString("backend"));
    QCOMPARE(model.index(2, 0).data().toString(), QString("worker"));

    // The same snapshot again: nothing.
    changed.clear();
    model.setServices(model.services());
    QCOMPARE(changed.size(), 0);
    model.setServices({});
    QCOMPARE(model.rowCount(), 0);
}

void TestServiceListModel::data_columnsAndRoles()
{
    ServiceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClock([] { return QDateTime(QDate(2026, 11, 29), QTime(10, 5, 30), Qt::UTC); });
    ServiceState nginx = service("nginx", ServiceStatus::Healthy);
    nginx.health = "healthy";
    nginx.ports = {PortBinding{"127.0.0.1", 8080, 18080, "tcp"}};
    nginx.restartCount = 2;
    nginx.image = "nginx:1.27-alpine";
    ServiceState worker = service("worker", ServiceStatus::Exited, "exited (code 3)");
    worker.exitCode = 3;
    model.setServices({nginx, worker});

    QCOMPARE(model.index(0, ServiceListModel::StateColumn).data().toString(), QString("healthy"));
    QCOMPARE(model.index(0, ServiceListModel::HealthColumn).data().toString(), QString("healthy"));
    QCOMPARE(model.index(0, ServiceListModel::PortsColumn).data().toString(),
             QString("127.0.0.1:18080→8080/tcp"));
    QCOMPARE(model.index(0, ServiceListModel::UptimeColumn).data().toString(), QString("5 min"));
    QCOMPARE(model.index(0, ServiceListModel::RestartsColumn).data().toInt(), 2);
    QCOMPARE(model.index(0, ServiceListModel::ImageColumn).data().toString(),
             QString("nginx:1.27-alpine"));
    QCOMPARE(model.index(0, 0).data(ServiceListModel::IsUpRole).toBool(), true);
    QCOMPARE(model.index(0, 0).data(ServiceListModel::ContainerIdRole).toString(),
             QString("nginx-id"));

    QCOMPARE(model.index(1, ServiceListModel::StateColumn).data().toString(),
             QString("exited (3) · error"));
    QCOMPARE(model.index(1, ServiceListModel::UptimeColumn).data().toString(), QString());
    QCOMPARE(model.index(1, ServiceListModel::ReasonColumn).data().toString(),
             QString("exited (code 3)"));
    // Hot reload: one signal for the column, the text per service.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setHotReload({{"worker", "dev mode · sync: synced 10:05:30"}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(1, ServiceListModel::HotReloadColumn).data().toString(),
             QString("dev mode · sync: synced 10:05:30"));
    QCOMPARE(model.index(0, ServiceListModel::HotReloadColumn).data().toString(), QString());
    model.setHotReload({{"worker", "dev mode · sync: synced 10:05:30"}});
    QCOMPARE(changed.size(), 1); // unchanged: no signal
    QCOMPARE(model.headerData(ServiceListModel::HotReloadColumn, Qt::Horizontal).toString(),
             QString("Hot reload"));
    QCOMPARE(model.index(1, 3).data(Qt::ToolTipRole).toString(), QString("exited (code 3)"));
    QCOMPARE(model.index(1, 0).data(ServiceListModel::StatusRole).toInt(),
             int(ServiceStatus::Exited));
    QCOMPARE(model.headerData(ServiceListModel::ReasonColumn, Qt::Horizontal).toString(),
             QString("Why not up"));
}

void TestServiceListModel::uptimeText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds") << qint64(42) << "42 s";
    QTest::newRow("minutes") << qint64(125) << "2 min";
    QTest::newRow("hours") << qint64(3 * 3600 + 7 * 60) << "3 h 7 min";
    QTest::newRow("days") << qint64(2 * 86400 + 5) << "2 day(s)";
}

void TestServiceListModel::uptimeText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(ServiceListModel::uptimeText(seconds), text);
}

QTEST_MAIN(TestServiceListModel)
#include "tst_servicelistmodel.moc"
