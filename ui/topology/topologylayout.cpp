// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologylayout.h"

#include <QTextStream>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QMutex>

#include <algorithm>
#include <cmath>

#include <graphviz/gvc.h>

namespace DevDock::Ui {

namespace {

constexpr double DefaultWidth = 180;
constexpr double DefaultHeight = 72;

QByteArray quoted(const QString &text)
{
    QByteArray out = text.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + out + '"';
}

// lupdate files these strings under the context below, as translate() looks them up.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DevDock::Ui::TopologyLayout)
};

} // namespace

QSizeF nodeSizeFor(const QString &name)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return {DefaultWidth, DefaultHeight}; // no fonts without a GUI application
    }
    QFont font = QGuiApplication::font();
    font.setBold(true);
    font.setPointSizeF(NodeTitlePointSize);
    // The state band (34) and the right margin (6) beside the full name, up to a width where
    // the name is elided (and read in full on hover).
    const double needed = QFontMetricsF(font).horizontalAdvance(name) + 34 + 12;
    return {std::clamp(std::ceil(needed), DefaultWidth, 320.0), DefaultHeight};
}

QString TopologyGraph::key() const
{
    QString key;
    QTextStream out(&key);
    for (const QString &node : nodes) {
        const QSizeF size = nodeSizes.value(node);
        out << "n " << node << ' ' << size.width() << 'x' << size.height() << '\n';
    }
    for (const Edge &edge : edges) {
        out << "e " << edge.from << ' ' << edge.to << ' ' << edge.label << '\n';
    }
    for (const auto &[cluster, members] : clusters) {
        out << "c " << cluster << ' ' << members.join(QLatin1Char(' ')) << '\n';
    }
    return key;
}

TopologyGraph TopologyGraph::fromProject(const Core::ComposeProject &project)
{
    TopologyGraph graph;
    QHash<QString, int> members;
    for (const Core::ComposeService &s : project.services) {
        graph.nodes << s.name;
        if (const QSizeF size = nodeSizeFor(s.name); size != QSizeF(DefaultWidth, DefaultHeight)) {
            graph.nodeSizes.insert(s.name, size);
        }
        for (auto it = s.networks.cbegin(); it != s.networks.cend(); ++it) {
            ++members[it.key()];
        }
        for (auto it = s.dependsOn.cbegin(); it != s.dependsOn.cend(); ++it) {
            // The condition in words: what the dependency must be before this service starts.
            QString label;
            if (it->condition == u"service_healthy") {
                label = Text::tr("healthy");
            } else if (it->condition == u"service_completed_successfully") {
                label = Text::tr("completed");
            } else {
                label = Text::tr("started");
            }
            graph.edges.append({s.name, it.key(), label});
        }
    }
    QList<QString> order;
    QHash<QString, QStringList> byNetwork;
    for (const Core::ComposeService &s : project.services) {
        QString best;
        for (auto it = s.networks.cbegin(); it != s.networks.cend(); ++it) {
            if (best.isEmpty() || members.value(it.key()) < members.value(best)) {
                best = it.key();
            }
        }
        if (best.isEmpty()) {
            continue;
        }
        if (!byNetwork.contains(best)) {
            order << best;
        }
        byNetwork[best] << s.name;
    }
    // Clusters in the order the project declares its networks.
    for (const QString &network : project.networks) {
        if (byNetwork.contains(network)) {
            graph.clusters.append({network, byNetwork.value(network)});
            order.removeAll(network);
        }
    }
    for (const QString &network : std::as_const(order)) {
        graph.clusters.append({network, byNetwork.value(network)});
    }
    return graph;
}

QThreadPool *layoutThreadPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1); // the thread (and its font map) lives as long as the process
        return p;
    }();
    return pool;
}

void warmUpLayout()
{
    TopologyGraph graph;
    graph.nodes << QStringLiteral("warm-up");
    (void)QtConcurrent::run(layoutThreadPool(), layoutTopology, graph);
}

Core::Result<TopologyLayout> layoutTopology(const TopologyGraph &graph)
{
    static QMutex mutex; // Graphviz keeps global state
    QMutexLocker lock(&mutex);

    // Build DOT text: the simplest faithful way to hand Graphviz names with any characters.
    QByteArray dot = "digraph topology {\n"
                     "  graph [rankdir=TB, nodesep=0.5, ranksep=0.8, compound=true, "
                     "fontname=\"sans\", fontsize=11];\n"
                     "  node [shape=box, fixedsize=true, fontname=\"sans\"];\n"
                     "  edge [fontname=\"sans\", fontsize=9];\n";
    QHash<QString, int> clusterOf;
    int clusterIndex = 0;
    for (const auto &[network, nodes] : graph.clusters) {
        dot += "  subgraph cluster_" + QByteArray::number(clusterIndex)
               + " {\n    label=" + quoted(network) + ";\n";
        for (const QString &node : nodes) {
            dot += "    " + quoted(node) + ";\n";
            clusterOf.insert(node, clusterIndex);
        }
        dot += "  }\n";
        ++clusterIndex;
    }
    for (const QString &node : graph.nodes) {
        const QSizeF size = graph.nodeSizes.value(node, QSizeF(DefaultWidth, DefaultHeight));
        dot += "  " + quoted(node) + " [width=" + QByteArray::number(size.width() / 72.0)
               + ", height=" + QByteArray::number(size.height() / 72.0) + "];\n";
    }
    for (const TopologyGraph::Edge &e : graph.edges) {
        dot +=
            "  " + quoted(e.from) + " -> " + quoted(e.to) + " [label=" + quoted(e.label) + "];\n";
    }
    dot += "}\n";

    // Graphviz 2.42 is not fully deterministic (some of its dictionaries order by address): the
    // same graph can come out a few points apart. Remember the layouts of recent graphs, so that
    // a reload that changes nothing moves nothing.
    static QHash<QByteArray, TopologyLayout> cache;
    if (const auto hit = cache.constFind(dot); hit != cache.cend()) {
        return *hit;
    }

    // One context for the process: created once (plugin loading is slow), and the same text
    // metrics for every layout, so a graph always lays out the same way.
    static GVC_t *gvc = gvContext();
    if (!gvc) {
        return Core::makeError(Core::Error::Code::Unsupported,
                               Text::tr("Graphviz could not start."),
                               Text::tr("Reinstall Graphviz (Debian: apt install graphviz)."));
    }
    Agraph_t *g = agmemread(dot.constData());
    if (!g) {
        return Core::makeError(Core::Error::Code::Unknown,
                               Text::tr("Graphviz rejected the graph."));
    }
    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        return Core::makeError(
            Core::Error::Code::Unsupported, Text::tr("Graphviz has no 'dot' layout plugin."),
            Text::tr("Install the graphviz package, then run 'dot -c' as root."));
    }
    TopologyLayout layout;
    const boxf bb = GD_bb(g);
    const double top = bb.UR.y;
    auto flip = [top](pointf p) { return QPointF(p.x, top - p.y); };
    layout.bounds = QRectF(QPointF(bb.LL.x, 0), QPointF(bb.UR.x, top - bb.LL.y));
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const QString name = QString::fromUtf8(agnameof(n));
        const QPointF center = flip(ND_coord(n));
        const double w = ND_width(n) * 72.0;
        const double h = ND_height(n) * 72.0;
        layout.nodes.insert(name, QRectF(center.x() - w / 2, center.y() - h / 2, w, h));
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            TopologyLayout::EdgePath path;
            path.from = name;
            path.to = QString::fromUtf8(agnameof(aghead(e)));
            path.label = QString::fromUtf8(agget(e, const_cast<char *>("label")));
            if (ED_spl(e) && ED_spl(e)->size > 0) {
                const bezier &b = ED_spl(e)->list[0];
                for (int i = 0; i < int(b.size); ++i) {
                    path.points << flip(b.list[i]);
                }
                path.arrowTip = b.eflag ? flip(b.ep) : path.points.constLast();
            }
            if (ED_label(e)) {
                path.labelPos = flip(ED_label(e)->pos);
            }
            layout.edges << path;
        }
    }
    int index = 0;
    for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub), ++index) {
        const QString subName = QString::fromUtf8(agnameof(sub));
        const int at = subName.mid(QStringLiteral("cluster_").size()).toInt();
        if (at < 0 || at >= graph.clusters.size()) {
            continue;
        }
        const boxf sbb = GD_bb(sub);
        layout.clusters.insert(
            graph.clusters.at(at).first,
            QRectF(flip(pointf{sbb.LL.x, sbb.UR.y}), flip(pointf{sbb.UR.x, sbb.LL.y})));
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    if (cache.size() >= 16) {
        cache.clear();
    }
    cache.insert(dot, layout);
    return layout;
}

} // namespace DevDock::Ui
