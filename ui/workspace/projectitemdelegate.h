// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace DevDock::Ui {

// One workspace project in the sidebar, on two lines: its name (bold when it is the one on
// screen, a pin when pinned), then its state chip (colour dot, icon, words) with the git branch,
// a non-default engine and dev mode. Both lines elide; the model's tooltip has everything. A twin
// row is indented under its main project's with an elbow and goes by its branch.
class ProjectItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The width the chip line needs for `words` (dot, icon, text, margins).
    static int chipWidth(const QFontMetrics &metrics, const QString &words);
    // The second line's words after the chip ("main · remote · dev mode").
    static QString detailText(const QModelIndex &index);
};

} // namespace DevDock::Ui
