// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/statekind.h"
#include "readiness.h"
#include "stack/servicestate.h"
#include "topologylayout.h"

#include <QFutureWatcher>
#include <QGraphicsObject>
#include <QGraphicsView>
#include <QHash>
#include <QPainterPath>
#include <QTimer>

class QGraphicsScene;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace DevDock::Ui {

class ServiceNodeItem;
class DependencyEdgeItem;

// The live topology: one node per service (name, state with a shape that does not rely on
// colour, health, replicas, published ports, image), depends_on edges labelled with their
// condition and drawn satisfied (solid) or blocking (dashed, red), networks as labelled clusters.
// Layout runs off the GUI thread; a newer project replaces an older request.
class TopologyView final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit TopologyView(QWidget *parent = nullptr);
    ~TopologyView() override;

    void setProject(const Core::ComposeProject &project);
    void setServices(const QList<Core::ServiceState> &services);
    // Hot-reload badges per service ("dev mode", "sync"): drawn on the node, read in its hover.
    void setHotReload(const QHash<QString, QString> &badges);
    // Per service, the volumes it uses that were never backed up: its node gets a mark and a
    // line in its hover saying so.
    void setDataNeverBackedUp(const QHash<QString, QStringList> &volumes);
    // Where the "why not ready" explanation reads a service's last log line.
    void setLastLogLine(LastLogLine lastLogLine);
    // New log lines came: the explanations are read again, at most a few times a second (the
    // history of an exited container arrives after its state).
    void lastLogLinesChanged();

    // The service whose node is under a point of the viewport, or empty.
    QString serviceAt(const QPoint &viewportPos) const;
    // Whether the user zoomed since the last fit (then a resize keeps the zoom).
    bool isUserZoomed() const { return m_userZoomed; }

    bool isLayoutDone() const { return m_layoutDone; }
    // How many Graphviz layouts ran (a graph seen before is built from the cache instead).
    int layoutRuns() const { return m_layoutRuns; }
    QStringList nodeNames() const { return m_nodes.keys(); }
    ServiceNodeItem *node(const QString &name) const { return m_nodes.value(name); }
    DependencyEdgeItem *edge(const QString &from, const QString &to) const;
    QString selectedService() const;
    void selectService(const QString &name);

public slots:
    void fitAll();
    void zoomIn();
    void zoomOut();

signals:
    void layoutFinished();
    void layoutFailed(const DevDock::Core::Error &error);
    void serviceActivated(const QString &service); // double-click or Enter
    void selectedServiceChanged(const QString &service);
    void urlActivated(const QString &url);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void build(const TopologyLayout &layout);
    void applyStates();
    void applyWhyNotReady();
    void applyPalette();
    void moveSelection(int step);
    void fit();
    void setScrollBars(bool on);
    void refreshToolTip();
    QString edgeToolTip(const DependencyEdgeItem *edge) const;

    QGraphicsScene *m_scene;
    QFutureWatcher<Core::Result<TopologyLayout>> m_watcher;
    quint64 m_generation = 0;
    QHash<QString, ServiceNodeItem *> m_nodes;
    QList<DependencyEdgeItem *> m_edges;
    QList<Core::ServiceState> m_services;
    // Layouts by graph (TopologyGraph::key): a project switch or a reload that keeps the graph
    // builds at once, without Graphviz.
    QHash<QString, TopologyLayout> m_layouts;
    int m_layoutRuns = 0;
    bool m_glide = false; // the next build is a relayout of the same project: nodes glide
    QHash<QString, QString> m_badges;
    QHash<QString, QStringList> m_neverBackedUp;
    Core::ComposeProject m_project;
    LastLogLine m_lastLogLine;
    QTimer *m_logLineTimer = nullptr;
    QList<QGraphicsRectItem *> m_clusterRects;
    QList<QGraphicsSimpleTextItem *> m_clusterLabels;
    QGraphicsItem *m_tipItem = nullptr; // the item whose tooltip is showing (live updates)
    QPoint m_tipPos;                    // where it shows, global
    bool m_layoutDone = false;
    bool m_userZoomed = false;
};

// One service.
class ServiceNodeItem final : public QGraphicsObject
{
    Q_OBJECT
public:
    ServiceNodeItem(const QString &name, const QRectF &rect, QGraphicsItem *parent = nullptr);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QString name() const { return m_name; }
    QRectF rect() const { return m_rect; }
    void setState(const Core::ServiceState &state);
    const Core::ServiceState &state() const { return m_state; }
    void setBadge(const QString &badge);
    QString badge() const { return m_badge; }
    StateKind kind() const { return stateKind(m_state); }
    QString stateText() const;   // "healthy", "stopped", "exited (1) · error"
    QString symbol() const;      // a shape per state, readable without colour
    QString explanation() const; // the hover text: full name, state, reason, why not ready
    void setWhyNotReady(const QString &why);
    QString whyNotReady() const { return m_why; }
    // "Data never backed up: pgdata" (empty: nothing to say); drawn as a mark on the node.
    void setDataWarning(const QString &warning);
    QString dataWarning() const { return m_dataWarning; }
    QStringList urls() const;    // http links of the published ports

signals:
    void urlActivated(const QString &url);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QString m_name;
    QRectF m_rect;
    QRectF m_portsRect; // where the port links are drawn
    Core::ServiceState m_state;
    QString m_badge;
    QString m_why;
    QString m_dataWarning;
};

// One depends_on edge.
class DependencyEdgeItem final : public QGraphicsItem
{
public:
    DependencyEdgeItem(const TopologyLayout::EdgePath &path, QGraphicsItem *parent = nullptr);
    QRectF boundingRect() const override;
    QPainterPath shape() const override; // the curve and its label: hovers hit the line itself
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QString from() const { return m_path.from; }
    QString to() const { return m_path.to; }
    QString label() const { return m_path.label; }
    // waiting: the dependent service is trying to start and this edge holds it (drawn as a
    // problem); an unmet edge of a stack that is simply not running is drawn calm.
    void setSatisfied(bool satisfied, bool waiting = true);
    bool isSatisfied() const { return m_satisfied; }
    bool isBlocking() const { return !m_satisfied && m_waiting; }

private:
    TopologyLayout::EdgePath m_path;
    QPainterPath m_curve;
    bool m_satisfied = true;
    bool m_waiting = true;
};

} // namespace DevDock::Ui
