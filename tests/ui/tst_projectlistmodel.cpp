// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/projectlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Ui;

namespace {

ProjectSummary project(const QString &name, bool open = true, bool pinned = false)
{
    ProjectSummary p;
    p.id = QStringLiteral("/work/") + name;
    p.name = name;
    p.directory = p.id;
    p.engine = QStringLiteral("default");
    p.open = open;
    p.pinned = pinned;
    p.known = true;
    p.servicesTotal = 10;
    return p;
}

QStringList names(const ProjectListModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out << model.index(row, ProjectListModel::NameColumn).data().toString();
    }
    return out;
}

} // namespace

class TestProjectListModel : public QObject
{
    Q_OBJECT
private slots:
    void chip_tellsTheStateInWordsColourAndIcon_data();
    void chip_tellsTheStateInWordsColourAndIcon();
    void rows_pinnedFirstThenOpenThenRecent();
    void updateProject_changesOneRowWithoutReset();
    void updateProject_movesARowThatChangesGroup();
    void setProjects_appliesASnapshotAsADiff();
    void columns_showEngineBranchPortsAndDevMode();
    void name_ofAFolderNeverRead_isTheFoldersName();
};

void TestProjectListModel::name_ofAFolderNeverRead_isTheFoldersName()
{
    ProjectListModel model;
    ProjectSummary p = project("ignored", false);
    p.name.clear(); // remembered, its compose files not read yet
    p.directory = QStringLiteral("/work/checkouts/shop-feature");
    p.id = p.directory;
    model.setProjects({p});
    QCOMPARE(names(model), QStringList{"shop-feature"});
}

void TestProjectListModel::chip_tellsTheStateInWordsColourAndIcon_data()
{
    QTest::addColumn<ProjectSummary>("summary");
    QTest::addColumn<int>("chip");
    QTest::addColumn<QString>("text");

    ProjectSummary p = project("shop");
    p.servicesUp = 3;
    QTest::newRow("partly up") << p << int(ProjectListModel::Chip::Partial) << "3/10 up";
    p.servicesUp = 10;
    QTest::newRow("all up") << p << int(ProjectListModel::Chip::Up) << "10/10 up";
    p.unhealthy = 1;
    QTest::newRow("unhealthy") << p << int(ProjectListModel::Chip::Unhealthy) << "1 unhealthy";
    p.unhealthy = 0;
    p.servicesUp = 8;
    p.exited = 2;
    QTest::newRow("exited") << p << int(ProjectListModel::Chip::Exited) << "2 exited";
    p.exited = 0;
    p.starting = 2;
    QTest::newRow("starting") << p << int(ProjectListModel::Chip::Starting) << "8/10 up, starting";
    ProjectSummary stopped = project("shop");
    QTest::newRow("stopped") << stopped << int(ProjectListModel::Chip::Stopped) << "stopped";
    ProjectSummary unreachable = project("shop");
    unreachable.engineReachable = false;
    unreachable.servicesUp = 4;
    QTest::newRow("engine unreachable")
        << unreachable << int(ProjectListModel::Chip::EngineUnreachable) << "engine unreachable";
    ProjectSummary checking = project("shop");
    checking.known = false;
    QTest::newRow("first listing not in")
        << checking << int(ProjectListModel::Chip::Checking) << "checking…";
    ProjectSummary loading = project("shop");
    loading.loading = true;
    loading.loadError = "old error";
    QTest::newRow("loading wins over an old error")
        << loading << int(ProjectListModel::Chip::Loading) << "loading…";
    ProjectSummary failed = project("shop");
    failed.loadError = "compose.yaml:3: services.web.image must be a string";
    QTest::newRow("load error") << failed << int(ProjectListModel::Chip::LoadFailed)
                                << "load failed";
}

void TestProjectListModel::chip_tellsTheStateInWordsColourAndIcon()
{
    QFETCH(ProjectSummary, summary);
    QFETCH(int, chip);
    QFETCH(QString, text);

    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.updateProject(summary);
    const QModelIndex status = model.index(0, ProjectListModel::StatusColumn);
    QCOMPARE(status.data(ProjectListModel::ChipRole).toInt(), chip);
    QCOMPARE(status.data().toString(), text);
    QCOMPARE(status.data(ProjectListModel::ChipTextRole).toString(), text);
    const QColor colour = status.data(Qt::ForegroundRole).value<QColor>();
    QVERIFY(colour.isValid());
    QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!status.data(Qt::ToolTipRole).toString().isEmpty());
    // A deliberate stop and failures never share a colour.
    const QColor failure = ProjectListModel::chipColor(ProjectListModel::Chip::Exited);
    const bool isFailure = chip == int(ProjectListModel::Chip::Exited)
                           || chip == int(ProjectListModel::Chip::Unhealthy)
                           || chip == int(ProjectListModel::Chip::LoadFailed);
    QCOMPARE(colour == failure, isFailure);
    if (chip == int(ProjectListModel::Chip::LoadFailed)) {
        QVERIFY(status.data(Qt::ToolTipRole).toString().contains(summary.loadError));
    }
}

void TestProjectListModel::rows_pinnedFirstThenOpenThenRecent()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProjectSummary discovered = project("terminal-stack", false);
    discovered.origin = ProjectSummary::Origin::Discovered;
    model.setProjects({project("recent", false), project("a"), discovered,
                       project("pinned", false, true), project("b")});
    QCOMPARE(names(model), (QStringList{"pinned", "a", "b", "recent", "terminal-stack"}));
    model.updateProject(project("c"));
    QCOMPARE(names(model), (QStringList{"pinned", "a", "b", "c", "recent", "terminal-stack"}));
    model.updateProject(project("pinned2", true, true));
    QCOMPARE(names(model),
             (QStringList{"pinned", "pinned2", "a", "b", "c", "recent", "terminal-stack"}));
    QCOMPARE(model.rowOf("/work/c"), 4);
    QCOMPARE(model.idAt(0), QString("/work/pinned"));
    QCOMPARE(model.idAt(99), QString());
}

void TestProjectListModel::updateProject_changesOneRowWithoutReset()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProjects({project("a"), project("b"), project("c")});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QPersistentModelIndex c = model.index(2, 0);

    ProjectSummary b = project("b");
    b.servicesUp = 3;
    model.updateProject(b);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), ProjectListModel::ColumnCount - 1);
    QCOMPARE(model.index(1, ProjectListModel::StatusColumn).data().toString(), QString("3/10 up"));

    model.updateProject(b); // the same summary again: nothing to tell
    QCOMPARE(changed.size(), 1);

    model.removeProject("/work/a");
    model.removeProject("/work/unknown");
    QCOMPARE(removed.size(), 1);
    QCOMPARE(names(model), (QStringList{"b", "c"}));
    QCOMPARE(c.row(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(inserted.size(), 0);
}

void TestProjectListModel::updateProject_movesARowThatChangesGroup()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProjects({project("a"), project("b"), project("c"), project("old", false)});
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QPersistentModelIndex c = model.index(2, 0);

    model.updateProject(project("c", true, true)); // pinned: to the top
    QCOMPARE(names(model), (QStringList{"c", "a", "b", "old"}));
    QCOMPARE(c.row(), 0);
    QVERIFY(c.data(ProjectListModel::PinnedRole).toBool());

    model.updateProject(project("a", false)); // closed: last of the recent ones
    QCOMPARE(names(model), (QStringList{"c", "b", "old", "a"}));
    model.updateProject(project("c", true, false)); // unpinned: after the open ones
    QCOMPARE(names(model), (QStringList{"b", "c", "old", "a"}));
    QCOMPARE(moved.size(), 3);
    QCOMPARE(reset.size(), 0);
}

void TestProjectListModel::setProjects_appliesASnapshotAsADiff()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProjects({project("a"), project("b"), project("c"), project("d")});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QPersistentModelIndex d = model.index(3, 0);

    ProjectSummary d2 = project("d");
    d2.servicesUp = 10;
    model.setProjects({project("a"), d2, project("e"), project("f"), project("g", false)});
    QCOMPARE(names(model), (QStringList{"a", "d", "e", "f", "g"}));
    QCOMPARE(removed.size(), 1); // b and c: one run
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 2);
    QCOMPARE(inserted.size(), 2); // e+f (open) in one batch, g (recent) in another
    QCOMPARE(changed.size(), 1);  // only d changed
    QCOMPARE(d.row(), 1);
    QCOMPARE(d.data(ProjectListModel::ChipTextRole).toString(), QString("10/10 up"));
    QCOMPARE(reset.size(), 0);

    model.setProjects({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.size(), 0);
}

void TestProjectListModel::columns_showEngineBranchPortsAndDevMode()
{
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProjectSummary p = project("shop");
    p.engine = "remote-builder";
    p.branch = "feature/cart";
    p.publishedPorts = {8080, 5432};
    p.devMode = true;
    p.files = {"compose.yaml", "compose.dev.yaml"};
    p.servicesUp = 10;
    model.updateProject(p);
    QCOMPARE(model.index(0, ProjectListModel::EngineColumn).data().toString(),
             QString("remote-builder"));
    QCOMPARE(model.index(0, ProjectListModel::BranchColumn).data().toString(),
             QString("feature/cart"));
    QCOMPARE(model.index(0, ProjectListModel::PortsColumn).data().toString(),
             QString("8080, 5432"));
    QVERIFY(model.index(0, 0).data(ProjectListModel::DevModeRole).toBool());
    QCOMPARE(model.index(0, 0).data(ProjectListModel::PortsRole).toList().size(), 2);
    const QString tip =
        model.index(0, ProjectListModel::NameColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains("/work/shop") && tip.contains("compose.dev.yaml")
                 && tip.contains("dev mode on") && tip.contains("10 of 10"),
             qPrintable(tip));
    QCOMPARE(model.headerData(ProjectListModel::BranchColumn, Qt::Horizontal).toString(),
             QString("Branch"));
}

QTEST_MAIN(TestProjectListModel)
#include "tst_projectlistmodel.moc"
