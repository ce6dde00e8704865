// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QThreadPool>

namespace DevDock::Ui {

// What to lay out: services as boxes, depends_on as edges, networks as clusters.
struct TopologyGraph
{
    struct Edge
    {
        QString from;  // the dependent service
        QString to;    // its dependency
        QString label; // "healthy", "started", "completed"
    };
    QStringList nodes;
    QHash<QString, QSizeF> nodeSizes; // points; default 180 x 72
    QList<Edge> edges;
    // cluster (network) -> its nodes. A node belongs to one cluster at most.
    QList<QPair<QString, QStringList>> clusters;

    // The project's services, its dependencies, and each service in its most specific network
    // (the one with the fewest members; ties go to the service's first network).
    static TopologyGraph fromProject(const Core::ComposeProject &project);
    // Everything the layout depends on, as text: equal keys give equal layouts (a cache key).
    QString key() const;
};

// The point size of a node's title (its service name); nodes are as wide as their name needs.
inline constexpr double NodeTitlePointSize = 10.5;
QSizeF nodeSizeFor(const QString &name);

struct TopologyLayout
{
    struct EdgePath
    {
        QString from;
        QString to;
        QString label;
        QList<QPointF> points; // cubic bezier control points: p0, (c1, c2, p)+
        QPointF labelPos;
        QPointF arrowTip; // where the arrow ends at the dependency
    };
    QHash<QString, QRectF> nodes;
    QList<EdgePath> edges;
    QHash<QString, QRectF> clusters;
    QRectF bounds;
};

// Graphviz `dot`, top to bottom (dependents above their dependencies). Thread-safe (Graphviz
// itself is not: calls are serialised). Run it on layoutThreadPool(): its text metrics (Pango
// font maps) are per thread, and one long-lived thread keeps every layout of a graph identical.
Core::Result<TopologyLayout> layoutTopology(const TopologyGraph &graph);
QThreadPool *layoutThreadPool();
// Loads Graphviz's plugins and the layout thread's fonts with a one-node layout on
// layoutThreadPool(), so that the first real layout does not pay for it: call it at start, while
// the window is built and the project loads.
void warmUpLayout();

} // namespace DevDock::Ui
