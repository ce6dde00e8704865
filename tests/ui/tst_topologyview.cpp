// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/composeloader.h"
#include "common/statepalette.h"
#include "topology/topologyview.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

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
    void rightClick_selectsNodeUnderPointer_notTheLastLeftClicked();
    void resize_fitsUnlessUserZoomed_textReadable();
    void tooltip_followsStateWhileShown();
    void whyNotReady_walksDependsOnToTheBlocker();
    void whyNotReady_readsTheLastLogLineAgainWhenLinesCome();
    void edges_tooltipNamesConditionAndWhetherMet();
    void deliberateStop_drawnAsStopped();
    void projectSwitch_graphSeenBefore_isBuiltAtOnce_withoutGraphviz();
    void dataNeverBackedUp_markedOnNode_tooltipSaysSo_backedUpNot();
};

namespace {

// A laid-out demo graph in a shown view.
struct ShownDemo
{
    TopologyView view;
    ComposeProject project = demo();
    explicit ShownDemo(QSize size = {1000, 700})
    {
        view.resize(size);
        view.show();
        QSignalSpy done(&view, &TopologyView::layoutFinished);
        view.setProject(project);
        QVERIFY(done.wait(10000));
        QVERIFY(QTest::qWaitForWindowExposed(&view));
    }
    QPoint centre(const QString &name) const
    {
        return view.mapFromScene(view.node(name)->rect().center());
    }
};

} // namespace

void TestTopologyView::rightClick_selectsNodeUnderPointer_notTheLastLeftClicked()
{
    ShownDemo demo;
    TopologyView &view = demo.view;
    view.setContextMenuPolicy(Qt::CustomContextMenu);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, demo.centre("postgres"));
    QCOMPARE(view.selectedService(), QString("postgres"));
    // The window's menu reads the selection when the context menu is requested: it must be the
    // node under the pointer by then.
    QString menuFor;
    connect(&view, &QWidget::customContextMenuRequested, &view,
            [&view, &menuFor](const QPoint &) { menuFor = view.selectedService(); });
    const QPoint redis = demo.centre("redis");
    QTest::mousePress(view.viewport(), Qt::RightButton, {}, redis);
    QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, redis, view.viewport()->mapToGlobal(redis));
    QApplication::sendEvent(view.viewport(), &menuEvent);
    QTest::mouseRelease(view.viewport(), Qt::RightButton, {}, redis);
    QCOMPARE(menuFor, QString("redis"));
    QCOMPARE(view.serviceAt(redis), QString("redis"));
    // On empty canvas nothing is selected: no service menu for a service not pointed at.
    const QPoint empty = view.mapFromScene(view.sceneRect().topLeft() + QPointF(4, 4));
    QCOMPARE(view.serviceAt(empty), QString());
    QTest::mousePress(view.viewport(), Qt::RightButton, {}, empty);
    QCOMPARE(view.selectedService(), QString());
}

void TestTopologyView::resize_fitsUnlessUserZoomed_textReadable()
{
    ShownDemo demo({640, 420});
    TopologyView &view = demo.view;
    auto fitsWhole = [&view] {
        const QRect scene = view.mapFromScene(view.sceneRect()).boundingRect();
        return view.viewport()->rect().adjusted(-2, -2, 2, 2).contains(scene);
    };
    QVERIFY(fitsWhole());
    const qreal small = view.transform().m11();
    // A 1920x1080 window gives the graph about 1300x800.
    view.resize(1300, 800);
    QTRY_VERIFY(view.transform().m11() > small * 1.5);
    QVERIFY(fitsWhole());
    QFont title = view.font();
    title.setPointSizeF(NodeTitlePointSize);
    const qreal titlePixels = QFontMetricsF(title).height() * view.transform().m11();
    QVERIFY2(titlePixels >= 14, qPrintable(QString::number(titlePixels)));
    // A 1366x768 window: about 850x500 for the graph; titles stay readable.
    view.resize(850, 500);
    QTRY_VERIFY(view.transform().m11() < small * 1.5);
    QVERIFY(QFontMetricsF(title).height() * view.transform().m11() >= 10);
    // The user's zoom survives a resize; fit (F) goes back to following the window.
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.isUserZoomed());
    const qreal zoomed = view.transform().m11();
    view.resize(700, 450);
    QTest::qWait(50);
    QCOMPARE(view.transform().m11(), zoomed);
    QTest::keyClick(&view, Qt::Key_F);
    QVERIFY(!view.isUserZoomed());
    QVERIFY(fitsWhole());
}

void TestTopologyView::tooltip_followsStateWhileShown()
{
    ShownDemo demo;
    TopologyView &view = demo.view;
    view.setServices(computeServiceStates(demo.project,
                                          {container("postgres", ServiceStatus::Healthy)}));
    const QPoint at = demo.centre("postgres");
    QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
    QApplication::sendEvent(view.viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), QString("postgres: healthy"));
    // The database dies while the user reads the tooltip: the tooltip says so.
    ContainerState killed = container("postgres", ServiceStatus::Exited);
    killed.exitCode = 1;
    view.setServices(computeServiceStates(demo.project, {killed}));
    QVERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().startsWith("postgres: exited (1) · error"),
             qPrintable(QToolTip::text()));
    QCOMPARE(QToolTip::text(), view.node("postgres")->explanation());
    QToolTip::hideText();
}

// An exited container's history arrives after its state: the explanation picks its last line
// up when lines come, without a new state.
void TestTopologyView::whyNotReady_readsTheLastLogLineAgainWhenLinesCome()
{
    ShownDemo demo;
    TopologyView &view = demo.view;
    QString last;
    int reads = 0;
    view.setLastLogLine([&last, &reads](const QString &service) {
        ++reads;
        return service == "postgres" ? last : QString();
    });
    ContainerState postgres = container("postgres", ServiceStatus::Exited);
    postgres.exitCode = 1;
    view.setServices(computeServiceStates(demo.project, {postgres}));
    QVERIFY(!view.node("postgres")->whyNotReady().contains("Last log line"));
    last = "FATAL: role \"app\" does not exist";
    int before = reads;
    view.lastLogLinesChanged();
    view.lastLogLinesChanged(); // a burst: one re-read
    QTRY_VERIFY2(view.node("postgres")->whyNotReady().contains(
                     "Last log line: FATAL: role \"app\" does not exist"),
                 qPrintable(view.node("postgres")->whyNotReady()));
    QVERIFY(view.node("postgres")->toolTip().contains("FATAL: role"));
    QTest::qWait(400);
    const int burst = reads - before;
    before = reads;
    view.lastLogLinesChanged();
    QTest::qWait(400);
    QVERIFY(burst > 0);
    QCOMPARE(burst, reads - before); // two calls cost what one does
}

void TestTopologyView::whyNotReady_walksDependsOnToTheBlocker()
{
    ShownDemo demo;
    TopologyView &view = demo.view;
    view.setLastLogLine([](const QString &service) {
        return service == "postgres" ? QString("FATAL: could not open file \"pg_hba.conf\"\n")
                                     : QString();
    });
    ContainerState postgres = container("postgres", ServiceStatus::Exited);
    postgres.exitCode = 137;
    postgres.oomKilled = true;
    ContainerState backend = container("backend", ServiceStatus::Created);
    backend.engineState = "created";
    const QList<ServiceState> states = computeServiceStates(
        demo.project, {postgres, backend, container("redis", ServiceStatus::Healthy),
                       container("frontend", ServiceStatus::Healthy),
                       container("nginx", ServiceStatus::Created)});
    QCOMPARE(Readiness::blockingChain("nginx", states),
             (QStringList{"nginx", "backend", "postgres"}));
    view.setServices(states);
    const QString why = view.node("nginx")->whyNotReady();
    QVERIFY2(why.contains("Waits for: backend → postgres"), qPrintable(why));
    QVERIFY2(why.contains("Blocked by: postgres — exited (137) · killed: out of memory"),
             qPrintable(why));
    QVERIFY(why.contains("Exit code 137: killed: out of memory"));
    QVERIFY(why.contains("Last log line: FATAL: could not open file \"pg_hba.conf\""));
    QVERIFY(view.node("nginx")->toolTip().contains(why));
    // Ready services and deliberate stops explain nothing.
    QCOMPARE(view.node("redis")->whyNotReady(), QString());
    ContainerState stopped = container("postgres", ServiceStatus::Stopped);
    stopped.exitCode = 143;
    view.setServices(computeServiceStates(demo.project, {stopped}));
    QCOMPARE(view.node("postgres")->whyNotReady(), QString());
}

void TestTopologyView::edges_tooltipNamesConditionAndWhetherMet()
{
    ShownDemo demo;
    TopologyView &view = demo.view;
    view.setServices(computeServiceStates(demo.project,
                                          {container("postgres", ServiceStatus::Starting)}));
    DependencyEdgeItem *edge = view.edge("backend", "postgres");
    QCOMPARE(edge->toolTip(), QString("backend starts once postgres is healthy (service_healthy)\n"
                                      "Not satisfied: backend waits."));
    QCOMPARE(view.edge("temporal-ui", "temporal")->toolTip().section('\n', 0, 0),
             QString("temporal-ui starts once temporal has started (service_started)"));
    // The hover area is the line, not the whole box around the curve.
    QVERIFY(edge->shape().boundingRect().width() > 0);
    QVERIFY(!edge->shape().contains(edge->boundingRect().topLeft()));
}

void TestTopologyView::deliberateStop_drawnAsStopped()
{
    ShownDemo demo;
    TopologyView &view = demo.view;
    ContainerState stopped = container("redis", ServiceStatus::Stopped);
    stopped.exitCode = 143;
    stopped.health = "unhealthy"; // the probe's last word before the stop
    ContainerState crashed = container("postgres", ServiceStatus::Exited);
    crashed.exitCode = 1;
    view.setServices(computeServiceStates(demo.project, {stopped, crashed}));
    QCOMPARE(view.node("redis")->kind(), StateKind::Stopped);
    QCOMPARE(view.node("redis")->stateText(), QString("stopped"));
    QCOMPARE(view.node("redis")->symbol(), QString("■"));
    QCOMPARE(view.node("postgres")->kind(), StateKind::Failed);
    QCOMPARE(view.node("postgres")->symbol(), QString("✖"));
    // Drawn: the stopped node has none of the failure colour, the failed one has it.
    const QColor failed = StatePalette::color(StateKind::Failed, view.palette());
    auto nodeImage = [&view](const QString &name) {
        const QRect r = view.mapFromScene(view.node(name)->rect()).boundingRect();
        return view.viewport()->grab(r).toImage();
    };
    auto count = [&failed](const QImage &image) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                n += std::abs(c.red() - failed.red()) + std::abs(c.green() - failed.green())
                             + std::abs(c.blue() - failed.blue())
                         < 30;
            }
        }
        return n;
    };
    QVERIFY(count(nodeImage("postgres")) > 20);
    QCOMPARE(count(nodeImage("redis")), 0);
}

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

void TestTopologyView::projectSwitch_graphSeenBefore_isBuiltAtOnce_withoutGraphviz()
{
    TopologyView view;
    view.resize(1000, 700);
    view.show();
    QSignalSpy done(&view, &TopologyView::layoutFinished);
    const ComposeProject big = demo();
    ComposeProject small = big;
    small.name = "small";
    small.services.removeIf([](const ComposeService &s) {
        return s.name != "postgres" && s.name != "redis";
    });
    view.setProject(big);
    QVERIFY(done.wait(10000));
    view.setProject(small);
    QVERIFY(done.wait(10000));
    QCOMPARE(view.layoutRuns(), 2);
    QCOMPARE(view.nodeNames().size(), 2);

    // Back and forth, as a project switch does: each graph is there at once, from the cache.
    for (int i = 0; i < 3; ++i) {
        view.setProject(big);
        QVERIFY(view.isLayoutDone());
        QCOMPARE(view.nodeNames().size(), 10);
        view.setProject(small);
        QVERIFY(view.isLayoutDone());
        QCOMPARE(view.nodeNames().size(), 2);
    }
    QCOMPARE(view.layoutRuns(), 2);
    // Nodes do not glide in from where another project's nodes were.
    view.setProject(big);
    QCOMPARE(view.node("postgres")->pos(), QPointF());

    // A changed graph is laid out again.
    ComposeProject grown = small;
    grown.services << big.services.first();
    view.setProject(grown);
    QVERIFY(!view.isLayoutDone());
    QVERIFY(done.wait(10000));
    QCOMPARE(view.layoutRuns(), 3);
}

void TestTopologyView::dataNeverBackedUp_markedOnNode_tooltipSaysSo_backedUpNot()
{
    TopologyView view;
    view.resize(1000, 700);
    view.show();
    QSignalSpy done(&view, &TopologyView::layoutFinished);
    view.setProject(demo());
    QVERIFY(done.wait(10000));
    ServiceNodeItem *postgres = view.node("postgres");
    QVERIFY(postgres);
    // The node's top right corner, where the mark goes.
    auto corner = [&] {
        const QRectF r = postgres->mapRectToScene(postgres->rect());
        const QRect inView = view.mapFromScene(QRectF(r.right() - 18, r.top() + 2, 16, 16))
                                 .boundingRect();
        return view.viewport()->grab(inView).toImage();
    };
    const QImage before = corner();
    view.setDataNeverBackedUp({{"postgres", {"pgdata"}}});
    QCOMPARE(postgres->dataWarning(), QString("Data never backed up: pgdata"));
    QVERIFY2(postgres->toolTip().endsWith("\nData never backed up: pgdata"),
             qPrintable(postgres->toolTip()));
    QVERIFY(view.node("backend")->dataWarning().isEmpty());
    QVERIFY(!view.node("backend")->toolTip().contains("backed up"));
    QTest::qWait(50);
    QVERIFY(corner() != before); // drawn
    // Backed up now: the mark and the line go.
    view.setDataNeverBackedUp({});
    QVERIFY(postgres->dataWarning().isEmpty());
    QVERIFY(!postgres->toolTip().contains("backed up"));
    QTest::qWait(50);
    QCOMPARE(corner(), before);
}

QTEST_MAIN(TestTopologyView)
#include "tst_topologyview.moc"
