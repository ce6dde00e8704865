// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/composeloader.h"
#include "topology/topologylayout.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace DevDock::Core;
using namespace DevDock::Ui;

namespace {

ComposeProject load(const QString &dir, const QStringList &files = {})
{
    ComposeLoadOptions options;
    options.workingDirectory = dir;
    options.files = files;
    options.environment = {{"POSTGRES_PASSWORD", "p"},
                           {"REDIS_PASSWORD", "r"},
                           {"SECRET_KEY", "s"},
                           {"TEMPORAL_DB_PASSWORD", "t"}};
    options.envFiles = files.isEmpty() ? QStringList{} : QStringList{dir + "/.env.development"};
    auto project = loadComposeProject(options);
    if (!project) {
        qFatal("%s", qPrintable(project.error().message));
    }
    return *project;
}

} // namespace

class TestTopologyLayout : public QObject
{
    Q_OBJECT
private slots:
    void graph_fromSynapse_clustersByMostSpecificNetwork();
    void layout_demo_placesEveryNodeWithoutOverlap();
    void layout_dependentsAboveDependencies_edgesLabelled();
    void layout_offThread_sameResult();
};

void TestTopologyLayout::graph_fromSynapse_clustersByMostSpecificNetwork()
{
    const TopologyGraph graph = TopologyGraph::fromProject(
        load(DEVDOCK_SOURCE_DIR "/examples/synapse-dte", {"docker-compose.yml"}));
    QCOMPARE(graph.nodes.size(), 10);
    QStringList names;
    for (const auto &[name, nodes] : graph.clusters) {
        names << name;
    }
    QCOMPARE(names, QStringList({"public-network", "synapse-network", "temporal-network"}));
    QCOMPARE(graph.clusters.at(0).second, QStringList{"nginx"});
    QVERIFY(graph.clusters.at(2).second.contains("temporal-postgresql"));
    int placed = 0;
    for (const auto &cluster : graph.clusters) {
        placed += int(cluster.second.size());
    }
    QCOMPARE(placed, 10); // every service in exactly one cluster
}

void TestTopologyLayout::layout_demo_placesEveryNodeWithoutOverlap()
{
    const TopologyGraph graph =
        TopologyGraph::fromProject(load(DEVDOCK_SOURCE_DIR "/examples/demo"));
    auto layout = layoutTopology(graph);
    QVERIFY2(layout.has_value(), layout ? "" : qPrintable(layout.error().message));
    QCOMPARE(layout->nodes.size(), 10);
    for (auto it = layout->nodes.cbegin(); it != layout->nodes.cend(); ++it) {
        // As wide as the full name needs, at least the default 180 x 72.
        QCOMPARE(it.value().size(), graph.nodeSizes.value(it.key(), QSizeF(180, 72)));
        QVERIFY(it.value().width() >= 180);
    }
    const QList<QRectF> rects = layout->nodes.values();
    for (qsizetype i = 0; i < rects.size(); ++i) {
        QVERIFY(layout->bounds.adjusted(-1, -1, 1, 1).contains(rects.at(i)));
        for (qsizetype j = i + 1; j < rects.size(); ++j) {
            QVERIFY(!rects.at(i).intersects(rects.at(j)));
        }
    }
    QCOMPARE(layout->clusters.size(), 3);
    for (const auto &[network, nodes] : graph.clusters) {
        for (const QString &node : nodes) {
            QVERIFY2(layout->clusters.value(network).contains(layout->nodes.value(node)),
                     qPrintable(network + " / " + node));
        }
    }
}

void TestTopologyLayout::layout_dependentsAboveDependencies_edgesLabelled()
{
    const ComposeProject project = load(DEVDOCK_SOURCE_DIR "/examples/demo");
    auto layout = layoutTopology(TopologyGraph::fromProject(project));
    QVERIFY(layout.has_value());
    int edges = 0;
    for (const ComposeService &s : project.services) {
        edges += int(s.dependsOn.size());
    }
    QCOMPARE(layout->edges.size(), edges);
    for (const TopologyLayout::EdgePath &e : layout->edges) {
        QVERIFY2(layout->nodes.value(e.from).center().y() < layout->nodes.value(e.to).center().y(),
                 qPrintable(e.from + " -> " + e.to));
        QVERIFY(e.points.size() >= 4);
        if (e.from == "backend" && e.to == "postgres") {
            QCOMPARE(e.label, QString("healthy"));
        }
        if (e.from == "temporal-ui") {
            QCOMPARE(e.label, QString("started"));
        }
    }
}

void TestTopologyLayout::layout_offThread_sameResult()
{
    const TopologyGraph graph =
        TopologyGraph::fromProject(load(DEVDOCK_SOURCE_DIR "/examples/demo"));
    // On the layout thread, every run of the same graph gives the same picture, however many are
    // requested at once.
    auto a = QtConcurrent::run(layoutThreadPool(), layoutTopology, graph);
    auto b = QtConcurrent::run(layoutThreadPool(), layoutTopology, graph);
    auto c = QtConcurrent::run(layoutThreadPool(), layoutTopology, graph);
    const auto ra = a.result();
    const auto rb = b.result();
    const auto rc = c.result();
    QVERIFY(ra && rb && rc);
    QCOMPARE(rb->nodes, ra->nodes);
    QCOMPARE(rc->nodes, ra->nodes);
    QCOMPARE(rc->clusters, ra->clusters);
    // A different graph is laid out afresh.
    TopologyGraph smaller = graph;
    smaller.nodes.removeAll("worker");
    smaller.edges.removeIf([](const TopologyGraph::Edge &e) { return e.from == "worker"; });
    for (auto &cluster : smaller.clusters) {
        cluster.second.removeAll("worker");
    }
    const auto rd = QtConcurrent::run(layoutThreadPool(), layoutTopology, smaller).result();
    QVERIFY(rd.has_value());
    QCOMPARE(rd->nodes.size(), 9);
    QVERIFY(!rd->nodes.contains("worker"));
}

QTEST_GUILESS_MAIN(TestTopologyLayout)
#include "tst_topologylayout.moc"
