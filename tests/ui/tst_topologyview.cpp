// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/composeloader.h"
#include "topology/topologyview.h"

#include <QSignalSpy>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Ui;

namespace {

ComposeProject demo()
{
    ComposeLoadOptions options;
    options.workingDirectory = DEVDOCK_SOURCE_DIR "/examples/demo";
    return *loadComposeProject(options);
}

ContainerState container(const QString &service, ServiceStatus status)
{
    ContainerState c;
    c.id = service;
    c.service = service;
    c.number = 1;
    c.status = status;
    c.engineState = isUp(status) ? "running" : "exited";
    c.health = status == ServiceStatus::Healthy    ? "healthy"
               : status == ServiceStatus::Starting ? "starting"
                                                   : "";
    return c;
}

} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT
private slots:
    void layout_offThread_buildsNodesEdgesClusters();
    void states_showReasonAndBlockingEdges();
    void keyboard_movesInStartOrder_enterActivates();
    void newerProject_replacesOlderLayout();
};

void TestTopologyView::layout_offThread_buildsNodesEdgesClusters()
{
    TopologyView view;
    view.resize(1000, 700);
    view.show();
    QSignalSpy done(&view, &TopologyView::layoutFinished);
    view.setProject(demo());
    QVERIFY(!view.isLayoutDone()); // the layout runs in a job, not in setProject
    QVERIFY(done.wait(10000));
    QVERIFY(view.isLayoutDone());
    QCOMPARE(view.nodeNames().size(), 10);
    QVERIFY(view.edge("backend", "postgres"));
    QCOMPARE(view.edge("backend", "postgres")->label(), QString("healthy"));
    QCOMPARE(view.accessibleName(), QString("Topology"));
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
}

void TestTopologyView::states_showReasonAndBlockingEdges()
{
    TopologyView view;
    QSignalSpy done(&view, &TopologyView::layoutFinished);
    const ComposeProject project = demo();
    view.setProject(project);
    QVERIFY(done.wait(10000));
    ContainerState backend = container("backend", ServiceStatus::Created);
    backend.engineState = "created";
    view.setServices(
        computeServiceStates(project, {container("postgres", ServiceStatus::Starting),
                                       container("redis", ServiceStatus::Healthy),
                                       container("temporal", ServiceStatus::Healthy), backend}));
    ServiceNodeItem *node = view.node("backend");
    QVERIFY(node);
    QCOMPARE(node->stateText(), QString("created"));
    QCOMPARE(node->symbol(), QString("◔")); // created and waiting: on its way, not idle
    QCOMPARE(node->explanation(),
             QString("backend: created — waiting for postgres to become healthy\n"
                     "Waits for: postgres\nBlocked by: postgres — starting"));
    QCOMPARE(node->toolTip(), node->explanation());
    QVERIFY(!view.edge("backend", "postgres")->isSatisfied());
    QVERIFY(view.edge("backend", "redis")->isSatisfied());
    if (const QString dir = qEnvironmentVariable("DEVDOCK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        view.resize(1200, 800);
        view.show();
        view.fitAll();
        QVERIFY(view.grab().save(dir + "/topology.png"));
    }
    QCOMPARE(view.node("postgres")->symbol(), QString("◔"));
    QCOMPARE(view.node("redis")->symbol(), QString("✔"));
    // Hot reload shows on the node and in its hover text; states keep it.
    view.setHotReload({{"backend", "dev · sync"}});
    QCOMPARE(node->badge(), QString("dev · sync"));
    QCOMPARE(node->explanation(),
             QString("backend: created — waiting for postgres to become healthy · dev · sync\n"
                     "Waits for: postgres\nBlocked by: postgres — starting"));
    view.setServices(computeServiceStates(project, {}));
    QCOMPARE(view.node("backend")->badge(), QString("dev · sync"));
    view.setHotReload({});
    QCOMPARE(view.node("backend")->badge(), QString());
}

void TestTopologyView::keyboard_movesInStartOrder_enterActivates()
{
    TopologyView view;
    view.show();
    QSignalSpy done(&view, &TopologyView::layoutFinished);
    const ComposeProject project = demo();
    view.setProject(project);
    QVERIFY(done.wait(10000));
    QSignalSpy activated(&view, &TopologyView::serviceActivated);
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.selectedService(), project.startOrder().first());
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.selectedService(), project.startOrder().at(1));
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.selectedService(), project.startOrder().first());
    QVERIFY(view.accessibleDescription().startsWith(project.startOrder().first() + ":"));
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), project.startOrder().first());
    const QTransform before = view.transform();
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.transform().m11() > before.m11());
}

void TestTopologyView::newerProject_replacesOlderLayout()
{
    TopologyView view;
    QSignalSpy done(&view, &TopologyView::layoutFinished);
    ComposeProject small;
    small.name = "small";
    ComposeService only;
    only.name = "only";
    small.services = {only};
    view.setProject(demo());
    view.setProject(small);
    QVERIFY(done.wait(10000));
    QTest::qWait(300); // the older job has ended too
    QCOMPARE(done.size(), 1);
    QCOMPARE(view.nodeNames(), QStringList{"only"});
}

QTEST_MAIN(TestTopologyView)
#include "tst_topologyview.moc"
