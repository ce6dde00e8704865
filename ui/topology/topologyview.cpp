// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyview.h"

#include "common/statepalette.h"
#include "stack/portpreflight.h"

#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPalette>
#include <QPropertyAnimation>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace DevDock::Ui {

namespace {

// The most a fit enlarges the graph: a small stack in a big window stays a graph, not a poster.
constexpr qreal MaxFitScale = 1.6;
// Layouts kept by graph: a handful of projects switched between.
constexpr int MaxCachedLayouts = 16;

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
    return stateWords(m_state);
}

QString ServiceNodeItem::symbol() const
{
    return StatePalette::symbol(kind());
}

void ServiceNodeItem::setWhyNotReady(const QString &why)
{
    if (why == m_why) {
        return;
    }
    m_why = why;
    setToolTip(explanation());
}

void ServiceNodeItem::setDataWarning(const QString &warning)
{
    if (warning == m_dataWarning) {
        return;
    }
    m_dataWarning = warning;
    setToolTip(explanation());
    update();
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
    if (!m_why.isEmpty()) {
        text += QLatin1Char('\n') + m_why;
    }
    if (!m_dataWarning.isEmpty()) {
        text += QLatin1Char('\n') + m_dataWarning;
    }
    return text;
}

void ServiceNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const StateKind stateKind = kind();
    const QColor accent = StatePalette::color(stateKind, palette);
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setPen(QPen(selected ? palette.color(QPalette::Highlight) : accent, selected ? 3 : 2,
                         stateKind == StateKind::NotCreated ? Qt::DashLine
                         : stateKind == StateKind::Unknown  ? Qt::DotLine
                                                            : Qt::SolidLine));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(m_rect, 8, 8);
    // The state band on the left: tinted, with the state's icon.
    const QRectF band(m_rect.left(), m_rect.top(), 28, m_rect.height());
    QPainterPath bandPath;
    bandPath.addRoundedRect(band, 8, 8);
    painter->fillPath(bandPath, StatePalette::tint(stateKind, palette));
    const QRectF iconRect(band.center() - QPointF(9, 9), QSizeF(18, 18));
    StatePalette::icon(stateKind, palette).paint(painter, iconRect.toAlignedRect());
    if (!m_dataWarning.isEmpty()) {
        // A small warning mark in the top right corner: data that no backup holds.
        const QRectF mark(m_rect.right() - 16, m_rect.top() + 4, 12, 12);
        painter->save();
        painter->setPen(Qt::NoPen);
        painter->setBrush(StatePalette::color(StateKind::Starting, palette));
        painter->drawEllipse(mark);
        painter->setPen(palette.color(QPalette::Base));
        QFont markFont = painter->font();
        markFont.setBold(true);
        markFont.setPixelSize(10);
        painter->setFont(markFont);
        painter->drawText(mark, Qt::AlignCenter, QStringLiteral("!"));
        painter->restore();
    }
    QFont font = painter->font();

    const QRectF text = m_rect.adjusted(34, 4, -6, -4);
    painter->setPen(palette.color(QPalette::Text));
    font.setBold(true);
    font.setPointSizeF(NodeTitlePointSize);
    painter->setFont(font);
    QString title = m_name;
    if (m_state.desiredReplicas > 1 || m_state.containers.size() > 1) {
        title += QStringLiteral(" ×%1").arg(
            std::max<qsizetype>(m_state.containers.size(), m_state.desiredReplicas));
    }
    // The title keeps clear of the data mark (it was drawn over a long name's end); the whole
    // name is in the tooltip.
    const QRectF titleRect = m_dataWarning.isEmpty() ? text : text.adjusted(0, 0, -14, 0);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignTop,
                      QFontMetricsF(font).elidedText(title, Qt::ElideRight, titleRect.width()));
    font.setBold(false);
    font.setPointSizeF(9);
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
        // The state line in the state's colour (the third cue, beside the icon and the words).
        painter->setPen(i == 0 ? accent : palette.color(QPalette::Text));
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

QPainterPath DependencyEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath path = stroker.createStroke(m_curve);
    path.addRect(QRectF(m_path.labelPos - QPointF(40, 10), QSizeF(80, 20)));
    return path;
}

void DependencyEdgeItem::setSatisfied(bool satisfied, bool waiting)
{
    m_satisfied = satisfied;
    m_waiting = waiting;
    update();
}

void DependencyEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QColor color = isBlocking() ? StatePalette::color(StateKind::Failed, palette)
                                      : palette.color(QPalette::Mid);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(
        QPen(color, isBlocking() ? 2.2 : 1.5, m_satisfied ? Qt::SolidLine : Qt::DashLine));
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
    font.setPointSizeF(8.5);
    painter->setFont(font);
    painter->setPen(isBlocking() ? color : palette.color(QPalette::Text));
    const QString text = isBlocking() ? m_path.label + QStringLiteral(" ✗") : m_path.label;
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
    m_logLineTimer = new QTimer(this);
    m_logLineTimer->setSingleShot(true);
    m_logLineTimer->setInterval(300);
    connect(m_logLineTimer, &QTimer::timeout, this, &TopologyView::applyWhyNotReady);
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
    // Nodes glide to their new places when the same project is laid out again; another project
    // replaces the graph at once.
    m_glide = project.name == m_project.name && project.workingDirectory == m_project.workingDirectory;
    m_project = project;
    m_layoutDone = false;
    ++m_generation;
    const quint64 generation = m_generation;
    const TopologyGraph graph = TopologyGraph::fromProject(project);
    const QString key = graph.key();
    // Only the newest request is built: an older layout still running is dropped when it ends.
    m_watcher.disconnect(this);
    if (const auto cached = m_layouts.constFind(key); cached != m_layouts.cend()) {
        build(*cached);
        return;
    }
    connect(&m_watcher, &QFutureWatcher<Core::Result<TopologyLayout>>::finished, this,
            [this, generation, key] {
                if (generation != m_generation) {
                    return;
                }
                const auto result = m_watcher.result();
                if (!result) {
                    emit layoutFailed(result.error());
                    return;
                }
                if (m_layouts.size() >= MaxCachedLayouts) {
                    m_layouts.clear(); // a handful of projects at a time: no LRU needed
                }
                m_layouts.insert(key, *result);
                build(*result);
            });
    ++m_layoutRuns;
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
    m_tipItem = nullptr;
    m_scene->clear();
    m_nodes.clear();
    m_edges.clear();
    m_clusterRects.clear();
    m_clusterLabels.clear();
    for (auto it = layout.clusters.cbegin(); it != layout.clusters.cend(); ++it) {
        auto *rect = m_scene->addRect(it.value());
        rect->setZValue(-2);
        rect->setToolTip(tr("Network %1").arg(it.key()));
        auto *label = m_scene->addSimpleText(it.key());
        label->setPos(it.value().topLeft() + QPointF(8, 4));
        label->setZValue(-2);
        m_clusterRects << rect;
        m_clusterLabels << label;
    }
    applyPalette();
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
        if (m_glide && oldCenters.contains(it.key())) {
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
    if (!m_userZoomed) {
        fit();
    }
    emit layoutFinished();
}

void TopologyView::setHotReload(const QHash<QString, QString> &badges)
{
    m_badges = badges;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        it.value()->setBadge(m_badges.value(it.key()));
    }
}

void TopologyView::setDataNeverBackedUp(const QHash<QString, QStringList> &volumes)
{
    m_neverBackedUp = volumes;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        const QStringList never = m_neverBackedUp.value(it.key());
        it.value()->setDataWarning(
            never.isEmpty() ? QString()
                            : tr("Data never backed up: %1").arg(never.join(QStringLiteral(", "))));
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
    setDataNeverBackedUp(m_neverBackedUp); // nodes built anew get their marks
    for (DependencyEdgeItem *edge : std::as_const(m_edges)) {
        for (const Core::ServiceState &s : std::as_const(m_services)) {
            if (s.name == edge->from()) {
                const StateKind kind = stateKind(s);
                edge->setSatisfied(s.dependencies.value(edge->to(), true),
                                   kind != StateKind::NotCreated && kind != StateKind::Stopped
                                       && kind != StateKind::Unknown);
            }
        }
        edge->setToolTip(edgeToolTip(edge));
    }
    applyWhyNotReady();
}

void TopologyView::applyWhyNotReady()
{
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        it.value()->setWhyNotReady(Readiness::whyNotReady(it.key(), m_services, m_lastLogLine));
    }
    refreshToolTip();
}

void TopologyView::lastLogLinesChanged()
{
    if (!m_logLineTimer->isActive()) {
        m_logLineTimer->start();
    }
}

void TopologyView::applyPalette()
{
    const QPalette palette = this->palette();
    m_scene->setPalette(palette);
    setBackgroundBrush(palette.color(QPalette::Base));
    for (QGraphicsRectItem *rect : std::as_const(m_clusterRects)) {
        rect->setPen(QPen(palette.color(QPalette::Mid), 1, Qt::DotLine));
        rect->setBrush(palette.color(QPalette::AlternateBase));
    }
    for (QGraphicsSimpleTextItem *label : std::as_const(m_clusterLabels)) {
        label->setBrush(palette.color(QPalette::PlaceholderText));
    }
    m_scene->update();
}

void TopologyView::setLastLogLine(LastLogLine lastLogLine)
{
    m_lastLogLine = std::move(lastLogLine);
    applyStates();
}

QString TopologyView::edgeToolTip(const DependencyEdgeItem *edge) const
{
    QString condition;
    for (const Core::ComposeService &s : m_project.services) {
        if (s.name == edge->from() && s.dependsOn.contains(edge->to())) {
            condition = s.dependsOn.value(edge->to()).condition;
        }
    }
    QString rule;
    if (condition == u"service_healthy") {
        rule = tr("%1 starts once %2 is healthy").arg(edge->from(), edge->to());
    } else if (condition == u"service_completed_successfully") {
        rule = tr("%1 starts once %2 has completed successfully").arg(edge->from(), edge->to());
    } else {
        rule = tr("%1 starts once %2 has started").arg(edge->from(), edge->to());
    }
    if (!condition.isEmpty()) {
        rule += QStringLiteral(" (%1)").arg(condition);
    }
    return rule + QLatin1Char('\n')
           + (edge->isSatisfied() ? tr("Satisfied now.") : tr("Not satisfied: %1 waits.").arg(edge->from()));
}

void TopologyView::refreshToolTip()
{
    // A tooltip that is showing follows the state it describes (QToolTip keeps its text).
    if (m_tipItem && QToolTip::isVisible()) {
        const QString text = m_tipItem->toolTip();
        if (text != QToolTip::text()) {
            QToolTip::showText(m_tipPos, text, viewport());
        }
    }
}

QString TopologyView::serviceAt(const QPoint &viewportPos) const
{
    for (QGraphicsItem *item : items(viewportPos)) {
        if (auto *node = dynamic_cast<ServiceNodeItem *>(item)) {
            return node->name();
        }
    }
    return {};
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
    m_userZoomed = false;
    fit();
}

void TopologyView::fit()
{
    if (m_scene->sceneRect().isEmpty()) {
        return;
    }
    // Fitted, the whole graph is in view: scroll bars would only take room from it (and leave it
    // fitted into the smaller viewport they leave).
    setScrollBars(false);
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    if (transform().m11() > MaxFitScale) {
        setTransform(QTransform::fromScale(MaxFitScale, MaxFitScale));
        centerOn(m_scene->sceneRect().center());
    }
}

void TopologyView::setScrollBars(bool on)
{
    const Qt::ScrollBarPolicy policy = on ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff;
    setHorizontalScrollBarPolicy(policy);
    setVerticalScrollBarPolicy(policy);
}

void TopologyView::zoomIn()
{
    m_userZoomed = true;
    setScrollBars(true);
    scale(1.2, 1.2);
}

void TopologyView::zoomOut()
{
    m_userZoomed = true;
    setScrollBars(true);
    scale(1 / 1.2, 1 / 1.2);
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (!m_userZoomed) {
        fit();
    }
}

void TopologyView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
    QGraphicsView::changeEvent(event);
}

bool TopologyView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        // Remember which item the tooltip belongs to, so that it can follow live changes.
        const auto *help = static_cast<QHelpEvent *>(event);
        m_tipItem = nullptr;
        for (QGraphicsItem *item : items(help->pos())) {
            if (!item->toolTip().isEmpty()) {
                m_tipItem = item;
                break;
            }
        }
        m_tipPos = help->globalPos();
    }
    return QGraphicsView::viewportEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    // A right click acts on what is under the pointer: the node there becomes the selection
    // before the context menu asks for it; on empty canvas nothing stays selected.
    if (event->button() == Qt::RightButton) {
        const QString name = serviceAt(event->position().toPoint());
        if (name.isEmpty()) {
            m_scene->clearSelection();
        } else if (name != selectedService()) {
            selectService(name);
        }
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
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
        event->accept();
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
