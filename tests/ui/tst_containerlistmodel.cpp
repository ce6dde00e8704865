// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/containerlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Ui;

namespace {

ContainerSummary container(const QString &id, const QString &state = QStringLiteral("running"))
{
    ContainerSummary c;
    c.id = id;
    c.name = QStringLiteral("name-") + id;
    c.state = state;
    c.status = state == QLatin1String("running") ? QStringLiteral("Up 1 second")
                                                 : QStringLiteral("Exited (0)");
    c.image = QStringLiteral("img");
    return c;
}

QStringList ids(const ContainerListModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row) {
        list << model.index(row, 0).data(ContainerListModel::IdRole).toString();
    }
    return list;
}

} // namespace

class TestContainerListModel : public QObject
{
    Q_OBJECT
private slots:
    void setContainers_appliesDiffInBatches();
    void data_showsColumnsAndPorts();
};

void TestContainerListModel::setContainers_appliesDiffInBatches()
{
    ContainerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QList<ContainerSummary> snapshot;
    for (int i = 0; i < 100; ++i) {
        snapshot << container(QString::number(i));
    }
    model.setContainers(snapshot);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(inserted.count(), 1); // one batch, not one per row

    // Remove a contiguous run and two singles, change one, add two.
    QList<ContainerSummary> next;
    for (int i = 0; i < 100; ++i) {
        if ((i >= 10 && i < 20) || i == 50 || i == 99) {
            continue;
        }
        next << container(QString::number(i),
                          i == 5 ? QStringLiteral("exited") : QStringLiteral("running"));
    }
    next << container(QStringLiteral("new1")) << container(QStringLiteral("new2"));
    inserted.clear();
    model.setContainers(next);
    QCOMPARE(model.rowCount(), next.size());
    QCOMPARE(removed.count(), 3); // 99, 50, 10..19
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(reset.count(), 0);
    QStringList expected;
    for (const auto &c : next) {
        expected << c.id;
    }
    QCOMPARE(ids(model), expected);
    QCOMPARE(model.index(5, ContainerListModel::StateColumn).data().toString(),
             QStringLiteral("exited"));

    // The same snapshot again changes nothing.
    changed.clear();
    inserted.clear();
    removed.clear();
    model.setContainers(next);
    QCOMPARE(changed.count() + inserted.count() + removed.count(), 0);

    model.setContainers({});
    QCOMPARE(model.rowCount(), 0);
}

void TestContainerListModel::data_showsColumnsAndPorts()
{
    ContainerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ContainerSummary c = container(QStringLiteral("0123456789abcdef0123"));
    c.ports = {{QStringLiteral("127.0.0.1"), 80, 8080, QStringLiteral("tcp")},
               {{}, 5432, 0, QStringLiteral("tcp")}};
    model.setContainers({c});
    QCOMPARE(model.index(0, ContainerListModel::NameColumn).data().toString(), c.name);
    QCOMPARE(model.index(0, ContainerListModel::IdColumn).data().toString(),
             QStringLiteral("0123456789ab"));
    QCOMPARE(model.index(0, ContainerListModel::IdColumn).data(Qt::ToolTipRole).toString(), c.id);
    QCOMPARE(model.index(0, ContainerListModel::PortsColumn).data().toString(),
             QStringLiteral("127.0.0.1:8080->80/tcp, 5432/tcp"));
    QCOMPARE(model.headerData(ContainerListModel::StateColumn, Qt::Horizontal).toString(),
             QStringLiteral("State"));
}

QTEST_GUILESS_MAIN(TestContainerListModel)
#include "tst_containerlistmodel.moc"
