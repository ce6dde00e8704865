// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyview.h"

#include "stack/portpreflight.h"

#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QPainter>
#include <QPalette>
#include <QPropertyAnimation>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace DevDock::Ui {

namespace {

// Colours from the Okabe-Ito palette (distinguishable with common colour-vision deficiencies);
// every state also has its own symbol, so colour is never the only cue.
QColor stateColor(Core::ServiceStatus status)
{
    using S = Core::ServiceStatus;
    switch (status) {
    case S::Healthy:
        return QColor(0x00, 0x9E, 0x73); // bluish green
    case S::Running:
        return QColor(0x56, 0xB4, 0xE9); // sky blue
    case S::Starting:
        return QColor(0xF0, 0xE4, 0x42); // yellow
    case S::Unhealthy:
        return QColor(0xE6, 0x9F, 0x00); // orange
    case S::Restarting:
        return QColor(0xCC, 0x79, 0xA7); // reddish purple
    case S::Exited:
    case S::Dead:
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    case S::Unknown:
        return QColor(0x6E, 0x6E, 0x6E); // dark grey: nothing is known, which is not "idle"
    case S::Stopped: // a deliberate stop: idle grey, never a failure's colour
    case S::Created:
    case S::Paused:
    case S::Removing:
    case S::NotCreated:
        break;
    }
    return QColor(0x99, 0x99, 0x99);
}

} // namespace

// --- ServiceNodeItem ---------------------------------------------------------------------------

ServiceNodeItem::ServiceNodeItem(const QString &name, const QRectF &rect, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_name(name)
    , m_rect(rect)
{
    m_state.name = name;
    setFlag(ItemIsSelectable);
    setFlag(ItemIsFocusable);
    setAcceptHoverEvents(true);
    setToolTip(explanation());
}

QRectF ServiceNodeItem::boundingRect() const
{
    return m_rect.adjusted(-3, -3, 3, 3);
}

void ServiceNodeItem::setState(const Core::ServiceState &state)
{
    m_state = state;
    setToolTip(explanation());
    update();
}

void ServiceNodeItem::setBadge(const QString &badge)
{
    if (badge == m_badge) {
        return;
    }
    m_badge = badge;
    setToolTip(explanation());
    update();
}

QString ServiceNodeItem::stateText() const
{
    QString text = Core::statusDisplayName(m_state.status);
    if (m_state.status == Core::ServiceStatus::Exited
        || m_state.status == Core::ServiceStatus::Restarting) {
        text += QStringLiteral(" (%1)").arg(m_state.exitCode);
    }
    return text;
}

QString ServiceNodeItem::symbol() const
{
    using S = Core::ServiceStatus;
    switch (m_state.status) {
    case S::Healthy:
        return QStringLiteral("✔");
    case S::Running:
        return QStringLiteral("▶");
    case S::Starting:
        return QStringLiteral("◔");
    case S::Unhealthy:
        return QStringLiteral("⚠");
    case S::Restarting:
        return QStringLiteral("⟳");
    case S::Exited:
    case S::Stopped:
        return QStringLiteral("■");
    case S::Dead:
        return QStringLiteral("✖");
    case S::Paused:
        return QStringLiteral("⏸");
    case S::Created:
        return QStringLiteral("○");
    case S::Removing:
        return QStringLiteral("⌫");
    case S::Unknown:
        return QStringLiteral("?");
    case S::NotCreated:
        break;
    }
    return QStringLiteral("◌");
}

QString ServiceNodeItem::explanation() const
{
    QString text = m_name + QStringLiteral(": ") + stateText();
    if (!m_state.reason.isEmpty()) {
        text += QStringLiteral(" — ") + m_state.reason;
    }
    if (!m_badge.isEmpty()) {
        text += QStringLiteral(" · ") + m_badge;
    }
    return text;
}

void ServiceNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor accent = stateColor(m_state.status);
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setPen(
        QPen(selected ? palette.color(QPalette::Highlight) : accent, selected ? 3 : 2,
             m_state.status == Core::ServiceStatus::NotCreated ? Qt::DashLine
             : m_state.status == Core::ServiceStatus::Unknown  ? Qt::DotLine
                                                               : Qt::SolidLine));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(m_rect, 8, 8);
    // The state band on the left, with the state's symbol.
    const QRectF band(m_rect.left(), m_rect.top(), 26, m_rect.height());
    QPainterPath bandPath;
    bandPath.addRoundedRect(band, 8, 8);
    painter->fillPath(bandPath, accent);
    QFont font = painter->font();
    font.setPointSizeF(11);
    painter->setFont(font);
    painter->setPen(QColor(0x20, 0x20, 0x20));
    painter->drawText(band, Qt::AlignCenter, symbol());

    const QRectF text = m_rect.adjusted(32, 4, -6, -4);
    painter->setPen(palette.color(QPalette::Text));
    font.setBold(true);
    font.setPointSizeF(10);
    painter->setFont(font);
    QString title = m_name;
    if (m_state.desiredReplicas > 1 || m_state.containers.size() > 1) {
        title += QStringLiteral(" ×%1").arg(
            std::max<qsizetype>(m_state.containers.size(), m_state.desiredReplicas));
    }
    painter->drawText(text, Qt::AlignLeft | Qt::AlignTop,
                      QFontMetricsF(font).elidedText(title, Qt::ElideRight, text.width()));
    font.setBold(false);
    font.setPointSizeF(8.5);
    painter->setFont(font);
    // "unknown — engine unreachable" is too wide for a node: one line each part.
    QStringList lines = stateText().split(QStringLiteral(" — "));
    if (!m_badge.isEmpty()) {
        lines.first() += QStringLiteral(" · ") + m_badge;
    }
    QStringList ports;
    for (const Core::PortBinding &p : m_state.ports) {
        if (p.publicPort > 0) {
            ports << QStringLiteral(":%1").arg(p.publicPort);
        }
    }
    ports.removeDuplicates();
    const qsizetype portsLine = ports.isEmpty() ? -1 : lines.size();
    if (!ports.isEmpty()) {
        lines << ports.join(QStringLiteral(" "));
    }
    lines << m_state.image;
    const QFontMetricsF metrics(font);
    qreal y = text.top() + metrics.height() * 1.35;
    m_portsRect = {};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const bool isPorts = i == portsLine;
        const QString line = metrics.elidedText(lines.at(i), Qt::ElideMiddle, text.width());
        if (isPorts) {
            // Published ports are links: underlined, in the link colour, clickable.
            QFont link = font;
            link.setUnderline(true);
            painter->setFont(link);
            painter->setPen(palette.color(QPalette::Link));
            m_portsRect = QRectF(text.left(), y, metrics.horizontalAdvance(line), metrics.height());
        }
        painter->drawText(QPointF(text.left(), y + metrics.ascent()), line);
        if (isPorts) {
            painter->setFont(font);
            painter->setPen(palette.color(QPalette::Text));
        }
        y += metrics.height();
    }
}

QStringList ServiceNodeItem::urls() const
{
    QStringList urls;
    for (const Core::PortBinding &p : m_state.ports) {
        if (p.publicPort > 0 && p.type == u"tcp") {
            urls << Core::httpUrl(p.ip, p.publicPort);
        }
    }
    urls.removeDuplicates();
    return urls;
}

void ServiceNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_portsRect.contains(event->pos())
        && !urls().isEmpty()) {
        emit urlActivated(urls().first());
        event->accept();
        return;
    }
    QGraphicsObject::mousePressEvent(event);
}

// --- DependencyEdgeItem ------------------------------------------------------------------------

DependencyEdgeItem::DependencyEdgeItem(const TopologyLayout::EdgePath &path, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_path(path)
{
    if (!path.points.isEmpty()) {
        m_curve.moveTo(path.points.first());
        for (qsizetype i = 1; i + 2 < path.points.size(); i += 3) {
            m_curve.cubicTo(path.points.at(i), path.points.at(i + 1), path.points.at(i + 2));
        }
        m_curve.lineTo(path.arrowTip);
    }
    setZValue(-1);
}

QRectF DependencyEdgeItem::boundingRect() const
{
    return m_curve.boundingRect()
        .united(QRectF(m_path.labelPos - QPointF(60, 12), QSizeF(120, 24)))
        .adjusted(-8, -8, 8, 8);
}

void DependencyEdgeItem::setSatisfied(bool satisfied)
{
    m_satisfied = satisfied;
    update();
}

void DependencyEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor color = m_satisfied ? palette.color(QPalette::Mid) : QColor(0xD5, 0x5E, 0x00);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(
        QPen(color, m_satisfied ? 1.5 : 2.2, m_satisfied ? Qt::SolidLine : Qt::DashLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_curve);
    // Arrow head at the dependency.
    const QPointF tip = m_path.arrowTip;
    const QPointF from = m_curve.pointAtPercent(0.97);
    const double angle = std::atan2(tip.y() - from.y(), tip.x() - from.x());
    QPolygonF head;
    head << tip << tip - QPointF(std::cos(angle - 0.4) * 10, std::sin(angle - 0.4) * 10)
         << tip - QPointF(std::cos(angle + 0.4) * 10, std::sin(angle + 0.4) * 10);
    painter->setBrush(color);
    painter->drawPolygon(head);
    QFont font = painter->font();
    font.setPointSizeF(8);
    painter->setFont(font);
    painter->setPen(m_satisfied ? palette.color(QPalette::Text) : color);
    const QString text = m_satisfied ? m_path.label : m_path.label + QStringLiteral(" ✗");
    painter->drawText(QRectF(m_path.labelPos - QPointF(60, 10), QSizeF(120, 20)), Qt::AlignCenter,
                      text);
}

// --- TopologyView ------------------------------------------------------------------------------

TopologyView::TopologyView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setObjectName(QStringLiteral("topologyView"));
    setAccessibleName(tr("Topology"));
    setAccessibleDescription(tr("Services with their state, dependencies and networks. Arrow keys "
                                "move between services, Enter opens one, + and - zoom, F fits."));
    setScene(m_scene);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setFocusPolicy(Qt::StrongFocus);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const QString name = selectedService();
        setAccessibleDescription(name.isEmpty() ? tr("No service selected")
                                                : m_nodes.value(name)->explanation());
        emit selectedServiceChanged(name);
    });
}

TopologyView::~TopologyView()
{
    m_watcher.waitForFinished();
}

void TopologyView::setProject(const Core::ComposeProject &project)
{
    m_project = project;
    m_layoutDone = false;
    ++m_generation;
    const quint64 generation = m_generation;
    const TopologyGraph graph = TopologyGraph::fromProject(project);
    // Only the newest request is built: an older layout still running is dropped when it ends.
    m_watcher.disconnect(this);
    connect(&m_watcher, &QFutureWatcher<Core::Result<TopologyLayout>>::finished, this,
            [this, generation] {
                if (generation != m_generation) {
                    return;
                }
                const auto result = m_watcher.result();
                if (!result) {
                    emit layoutFailed(result.error());
                    return;
                }
                build(*result);
            });
    m_watcher.setFuture(QtConcurrent::run(layoutThreadPool(), layoutTopology, graph));
}

void TopologyView::setServices(const QList<Core::ServiceState> &services)
{
    m_services = services;
    applyStates();
}

void TopologyView::build(const TopologyLayout &layout)
{
    const QString selected = selectedService();
    // Where the nodes were: after a relayout they glide to their new places.
    QHash<QString, QPointF> oldCenters;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        oldCenters.insert(it.key(), it.value()->rect().center() + it.value()->pos());
    }
    m_scene->clear();
    m_nodes.clear();
    m_edges.clear();
    const QPalette palette = this->palette();
    m_scene->setPalette(palette);
    for (auto it = layout.clusters.cbegin(); it != layout.clusters.cend(); ++it) {
        auto *rect =
            m_scene->addRect(it.value(), QPen(palette.color(QPalette::Mid), 1, Qt::DotLine),
                             palette.color(QPalette::AlternateBase));
        rect->setZValue(-2);
        auto *label = m_scene->addSimpleText(it.key());
        label->setBrush(palette.color(QPalette::PlaceholderText));
        label->setPos(it.value().topLeft() + QPointF(8, 4));
        label->setZValue(-2);
    }
    for (const TopologyLayout::EdgePath &path : layout.edges) {
        auto *edge = new DependencyEdgeItem(path);
        m_scene->addItem(edge);
        m_edges << edge;
    }
    for (auto it = layout.nodes.cbegin(); it != layout.nodes.cend(); ++it) {
        auto *node = new ServiceNodeItem(it.key(), it.value());
        connect(node, &ServiceNodeItem::urlActivated, this, &TopologyView::urlActivated);
        m_scene->addItem(node);
        m_nodes.insert(it.key(), node);
        if (oldCenters.contains(it.key())) {
            const QPointF offset = oldCenters.value(it.key()) - it.value().center();
            if (!offset.isNull()) {
                node->setPos(offset);
                auto *glide = new QPropertyAnimation(node, "pos", node);
                glide->setDuration(350);
                glide->setStartValue(offset);
                glide->setEndValue(QPointF());
                glide->setEasingCurve(QEasingCurve::OutCubic);
                glide->start(QAbstractAnimation::DeleteWhenStopped);
            }
        }
    }
    m_scene->setSceneRect(layout.bounds.adjusted(-20, -20, 20, 20));
    applyStates();
    if (!selected.isEmpty()) {
        selectService(selected);
    }
    m_layoutDone = true;
    fitAll();
    emit layoutFinished();
}

void TopologyView::setHotReload(const QHash<QString, QString> &badges)
{
    m_badges = badges;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        it.value()->setBadge(m_badges.value(it.key()));
    }
}

void TopologyView::applyStates()
{
    for (const Core::ServiceState &s : std::as_const(m_services)) {
        if (ServiceNodeItem *node = m_nodes.value(s.name)) {
            node->setState(s);
        }
    }
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        it.value()->setBadge(m_badges.value(it.key()));
    }
    for (DependencyEdgeItem *edge : std::as_const(m_edges)) {
        for (const Core::ServiceState &s : std::as_const(m_services)) {
            if (s.name == edge->from()) {
                edge->setSatisfied(s.dependencies.value(edge->to(), true));
            }
        }
    }
}

DependencyEdgeItem *TopologyView::edge(const QString &from, const QString &to) const
{
    for (DependencyEdgeItem *e : m_edges) {
        if (e->from() == from && e->to() == to) {
            return e;
        }
    }
    return nullptr;
}

QString TopologyView::selectedService() const
{
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (auto *node = dynamic_cast<ServiceNodeItem *>(item)) {
            return node->name();
        }
    }
    return {};
}

void TopologyView::selectService(const QString &name)
{
    m_scene->clearSelection();
    if (ServiceNodeItem *node = m_nodes.value(name)) {
        node->setSelected(true);
        ensureVisible(node);
    }
}

void TopologyView::fitAll()
{
    if (!m_scene->sceneRect().isEmpty()) {
        fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    }
}

void TopologyView::zoomIn()
{
    scale(1.2, 1.2);
}

void TopologyView::zoomOut()
{
    scale(1 / 1.2, 1 / 1.2);
}

void TopologyView::moveSelection(int step)
{
    // Keyboard order: the project's start order (dependencies first).
    QStringList order = m_project.startOrder();
    order.erase(std::remove_if(order.begin(), order.end(),
                               [this](const QString &n) { return !m_nodes.contains(n); }),
                order.end());
    if (order.isEmpty()) {
        return;
    }
    const qsizetype at = order.indexOf(selectedService());
    const qsizetype next = at < 0 ? 0 : (at + step + order.size()) % order.size();
    selectService(order.at(next));
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        moveSelection(1);
        return;
    case Qt::Key_Left:
    case Qt::Key_Up:
        moveSelection(-1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!selectedService().isEmpty()) {
            emit serviceActivated(selectedService());
        }
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_F:
        fitAll();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (auto *node = dynamic_cast<ServiceNodeItem *>(itemAt(event->pos()))) {
        emit serviceActivated(node->name());
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

} // namespace DevDock::Ui
