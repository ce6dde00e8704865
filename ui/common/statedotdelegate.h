// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace DevDock::Ui {

// Draws a cell whose index answers StateKindRole as a state chip (tinted pill, icon, words);
// other cells as usual. Selection stays the view's: the chip is drawn over the selected
// background with the highlighted text colour.
class StateDotDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace DevDock::Ui
