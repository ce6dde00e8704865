// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statedotdelegate.h"

#include "statechip.h"
#include "statekind.h"

#include <QApplication>
#include <QPainter>

namespace DevDock::Ui {

void StateDotDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant kind = index.data(StateKindRole);
    if (!kind.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString words = opt.text;
    // The background, focus and selection as the style draws them, without text or icon.
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    QPalette palette = option.palette;
    if (option.state & QStyle::State_Selected) {
        palette.setColor(QPalette::Text, palette.color(QPalette::HighlightedText));
    }
    const QRectF area = QRectF(option.rect).adjusted(3, 1, -3, -1);
    StateChip::paint(painter, area, StateKind(kind.toInt()), words, palette, option.font);
}

QSize StateDotDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant kind = index.data(StateKindRole);
    if (!kind.isValid()) {
        return QStyledItemDelegate::sizeHint(option, index);
    }
    const QSizeF chip = StateChip::sizeFor(index.data(Qt::DisplayRole).toString(), option.font);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {int(chip.width()) + 8, std::max(base.height(), int(chip.height()) + 2)};
}

} // namespace DevDock::Ui
