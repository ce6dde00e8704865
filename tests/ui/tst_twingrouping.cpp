// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Twins grouped under their project in the sidebar's model, from a real git repository with a
// second worktree (TwinGrouping asks git, as the Workspace does).
#include "../twin/twinfixture.h"

#include "twin/twinname.h"
#include "workspace/projectlistmodel.h"
#include "workspace/projectsidebar.h"
#include "workspace/twingrouping.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Ui;
using namespace DevDock::Test;
using namespace DevDock::Test::Twin;

class TestTwinGrouping : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void twinWorktree_isAChildRowOfItsProject_withItsBranchAndOwnChip();

private:
    // A summary as the Workspace makes it: the folder's git checkout from TwinGrouping.
    static ProjectSummary summaryOf(const QString &name, const QString &directory,
                                    ProjectSummary::Origin origin);
};

void TestTwinGrouping::initTestCase()
{
    qputenv("GIT_AUTHOR_NAME", "DevDock test");
    qputenv("GIT_AUTHOR_EMAIL", "test@devdock.invalid");
    qputenv("GIT_COMMITTER_NAME", "DevDock test");
    qputenv("GIT_COMMITTER_EMAIL", "test@devdock.invalid");
}

ProjectSummary TestTwinGrouping::summaryOf(const QString &name, const QString &directory,
                                           ProjectSummary::Origin origin)
{
    ProjectSummary s;
    s.id = origin == ProjectSummary::Origin::Opened ? directory
                                                    : QStringLiteral("default/") + name;
    s.name = name;
    s.directory = directory;
    s.engine = QStringLiteral("default");
    s.origin = origin;
    s.open = origin == ProjectSummary::Origin::Opened;
    s.known = true;
    s.servicesTotal = 3;
    s.servicesUp = 3;
    if (const auto checkout = TwinGrouping::inspect(directory)) {
        s.worktree = checkout->worktree;
        s.mainCheckout = checkout->mainCheckout;
        s.branch = checkout->branch;
    }
    return s;
}

void TestTwinGrouping::twinWorktree_isAChildRowOfItsProject_withItsBranchAndOwnChip()
{
    QTemporaryDir root;
    const QString main = root.filePath(QStringLiteral("demo"));
    QVERIFY(makeTwinRepository(main).web > 0);
    const QString worktree = root.filePath(QStringLiteral("demo-Feature-Login"));
    QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), main, QStringLiteral("worktree"),
                                         QStringLiteral("add"), QStringLiteral("-q"), worktree,
                                         QStringLiteral("Feature/Login")})
                 .exitCode,
             0);
    // Another project that is nobody's twin, and a folder outside git.
    QTemporaryDir other;
    QVERIFY(writeFile(other.filePath(QStringLiteral("compose.yaml")), "services: {}\n"));

    ProjectSummary mainProject = summaryOf(QStringLiteral("demo"), main,
                                           ProjectSummary::Origin::Opened);
    ProjectSummary unrelated = summaryOf(QStringLiteral("other"), other.path(),
                                         ProjectSummary::Origin::Opened);
    // The twin as `devdockctl twin up` started it: found on the engine, known by its labels.
    ProjectSummary twin =
        summaryOf(TwinName::projectName(QStringLiteral("demo"), QStringLiteral("Feature/Login")),
                  worktree, ProjectSummary::Origin::Discovered);
    twin.servicesUp = 2;
    QCOMPARE(mainProject.branch, QStringLiteral("main"));
    QCOMPARE(twin.branch, QStringLiteral("Feature/Login"));
    QCOMPARE(twin.mainCheckout, mainProject.worktree);
    QVERIFY(unrelated.mainCheckout.isEmpty());

    // The twin comes first (discovered before the main project was opened), then the others.
    QList<ProjectSummary> all{twin, unrelated, mainProject};
    for (ProjectSummary &s : all) {
        s.twinOf = TwinGrouping::mainOf(s, all);
    }
    QCOMPARE(all.at(0).twinOf, mainProject.id);
    QVERIFY(all.at(1).twinOf.isEmpty());
    QVERIFY(all.at(2).twinOf.isEmpty());

    ProjectSidebar sidebar;
    ProjectListModel *model = sidebar.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sidebar.setProjects(all);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->idAt(0), unrelated.id);
    QCOMPARE(model->idAt(1), mainProject.id);
    QCOMPARE(model->idAt(2), twin.id); // the child row right under its project
    const QModelIndex twinRow = model->index(2, ProjectListModel::NameColumn);
    QVERIFY(twinRow.data(ProjectListModel::IsTwinRole).toBool());
    QVERIFY(!model->index(1, 0).data(ProjectListModel::IsTwinRole).toBool());
    QCOMPARE(twinRow.data().toString(), QStringLiteral("Feature/Login"));
    QCOMPARE(twinRow.data(ProjectListModel::ChipTextRole).toString(), QStringLiteral("2/3 up"));
    QCOMPARE(twinRow.data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("Feature/Login — twin of demo, 2/3 up"));
    QVERIFY(twinRow.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Twin of demo")));

    // Its own Start/Stop: the context menu on the twin's row acts on the twin, and offers its
    // tear-down; the project's menu offers another branch.
    std::unique_ptr<QMenu> twinMenu(sidebar.createContextMenu(twin.id, nullptr));
    QStringList twinActions;
    for (QAction *a : twinMenu->actions()) {
        twinActions << a->objectName();
    }
    QVERIFY(twinActions.contains(QStringLiteral("tearDownTwin")));
    QVERIFY(!twinActions.contains(QStringLiteral("runTwin")));
    std::unique_ptr<QMenu> mainMenu(sidebar.createContextMenu(mainProject.id, nullptr));
    QAction *runTwin = mainMenu->findChild<QAction *>(QStringLiteral("runTwin"));
    QVERIFY(runTwin && runTwin->isEnabled());
    std::unique_ptr<QMenu> otherMenu(sidebar.createContextMenu(unrelated.id, nullptr));
    QAction *noTwin = otherMenu->findChild<QAction *>(QStringLiteral("runTwin"));
    QVERIFY(noTwin && !noTwin->isEnabled()); // not a git checkout

    // Ctrl+2 and Ctrl+3 reach the project and its twin, in list order.
    QSignalSpy activate(&sidebar, &ProjectSidebar::activateRequested);
    sidebar.shortcutActions().at(2)->trigger();
    QCOMPARE(activate.takeFirst().at(0).toString(), twin.id);

    // The main project pinned moves to the top with its twin under it.
    mainProject.pinned = true;
    sidebar.updateProject(mainProject);
    QCOMPARE(model->idAt(0), mainProject.id);
    QCOMPARE(model->idAt(1), twin.id);
    QCOMPARE(model->idAt(2), unrelated.id);
    // Gone: the twin is a row of its own again, still listed.
    sidebar.removeProject(mainProject.id);
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(!model->index(model->rowOf(twin.id), 0).data(ProjectListModel::IsTwinRole).toBool());
}

QTEST_MAIN(TestTwinGrouping)
#include "tst_twingrouping.moc"
