// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statechip.h"

#include "statepalette.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace DevDock::Ui {

namespace {
constexpr qreal PadX = 6;
constexpr qreal Gap = 4;
} // namespace

StateChip::StateChip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setState(StateKind::Unknown, StatePalette::label(StateKind::Unknown));
}

void StateChip::setState(StateKind kind, const QString &words)
{
    m_kind = kind;
    m_words = words;
    setAccessibleName(tr("State: %1").arg(words));
    setToolTip(words);
    updateGeometry();
    update();
}

QSizeF StateChip::sizeFor(const QString &words, const QFont &font)
{
    const QFontMetricsF metrics(font);
    const qreal height = metrics.height() + 6;
    const qreal iconSize = metrics.height();
    return {PadX + iconSize + Gap + metrics.horizontalAdvance(words) + PadX, height};
}

qreal StateChip::paint(QPainter *painter, const QRectF &rect, StateKind kind, const QString &words,
                       const QPalette &palette, const QFont &font)
{
    const QSizeF size = sizeFor(words, font);
    const QFontMetricsF metrics(font);
    const qreal width = std::min(size.width(), rect.width());
    const QRectF pill(rect.left(), rect.center().y() - size.height() / 2, width, size.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->fillPath(path, StatePalette::tint(kind, palette));
    const qreal iconSize = metrics.height();
    const QRectF iconRect(pill.left() + PadX, pill.center().y() - iconSize / 2, iconSize,
                          iconSize);
    StatePalette::icon(kind, palette).paint(painter, iconRect.toAlignedRect());
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    const QRectF textRect(iconRect.right() + Gap, pill.top(),
                          pill.right() - PadX - iconRect.right() - Gap, pill.height());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      metrics.elidedText(words, Qt::ElideRight, textRect.width()));
    painter->restore();
    return width;
}

QSize StateChip::sizeHint() const
{
    return sizeFor(m_words, font()).toSize() + QSize(1, 1);
}

void StateChip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(&painter, rect(), m_kind, m_words, palette(), font());
}

void StateChip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace DevDock::Ui
