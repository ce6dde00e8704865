// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectitemdelegate.h"

#include "projectlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPen>

namespace DevDock::Ui {

namespace {

constexpr int Margin = 6;
constexpr int IconSize = 16;
constexpr int Dot = 8;
constexpr int TwinIndent = 18; // a twin's row sits under its main project's, one step in

QFont nameFont(const QStyleOptionViewItem &option, bool active)
{
    QFont font = option.font;
    font.setBold(active);
    return font;
}

} // namespace

QString ProjectItemDelegate::detailText(const QModelIndex &index)
{
    QStringList parts;
    // A twin's label is its branch already (its Compose project name is in the tooltip).
    if (const QString branch = index.data(ProjectListModel::BranchRole).toString();
        !branch.isEmpty() && index.data(ProjectListModel::TwinOfRole).toString().isEmpty()) {
        parts << branch;
    }
    const QString engine = index.data(ProjectListModel::EngineRole).toString();
    if (!engine.isEmpty() && engine != QLatin1StringView("default")) {
        parts << engine;
    }
    if (index.data(ProjectListModel::DevModeRole).toBool()) {
        parts << ProjectListModel::tr("dev mode");
    }
    return parts.join(QStringLiteral(" · "));
}

int ProjectItemDelegate::chipWidth(const QFontMetrics &metrics, const QString &words)
{
    return Dot + Margin + IconSize + Margin + metrics.horizontalAdvance(words) + 2 * Margin;
}

QSize ProjectItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    const bool active = index.data(ProjectListModel::ActiveRole).toBool();
    const QFontMetrics nameMetrics(nameFont(option, active));
    const QFontMetrics metrics(option.font);
    const QString detail = detailText(index);
    const int nameWidth =
        nameMetrics.horizontalAdvance(index.data().toString()) + IconSize + Margin;
    QString line = index.data(ProjectListModel::ChipTextRole).toString();
    if (!detail.isEmpty()) {
        line += QStringLiteral(" · ") + detail;
    }
    const int height = nameMetrics.height() + std::max(metrics.height(), IconSize) + 3 * Margin;
    const int indent = index.data(ProjectListModel::IsTwinRole).toBool() ? TwinIndent : 0;
    return {indent + std::max(nameWidth + 2 * Margin, chipWidth(metrics, line)), height};
}

void ProjectItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const bool active = index.data(ProjectListModel::ActiveRole).toBool();
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QColor chipColour = index.data(ProjectListModel::ChipColorRole).value<QColor>();
    const bool twin = index.data(ProjectListModel::IsTwinRole).toBool();
    const QRect area =
        option.rect.adjusted(Margin + (twin ? TwinIndent : 0), Margin, -Margin, -Margin);

    painter->save();
    if (twin) {
        // The tree's elbow from the main project's row above down to this one's name.
        const QColor line =
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
        painter->setPen(QPen(line, 1));
        const int x = option.rect.left() + Margin + TwinIndent / 2 - 2;
        const int y = area.top() + QFontMetrics(nameFont(option, active)).height() / 2;
        painter->drawLine(x, option.rect.top(), x, y);
        painter->drawLine(x, y, area.left() - 3, y);
    }
    if (active) {
        // The project on screen: an accent bar in the chip's colour along the left edge.
        painter->fillRect(
            QRect(option.rect.left(), option.rect.top() + 2, 3, option.rect.height() - 4),
            chipColour);
    }
    const QFont font = nameFont(option, active);
    painter->setFont(font);
    painter->setPen(option.palette.color(textRole));
    const QFontMetrics nameMetrics(font);
    QRect nameRect(area.left(), area.top(), area.width(), nameMetrics.height());
    if (index.data(ProjectListModel::PinnedRole).toBool()) {
        const QIcon pin = QIcon::fromTheme(QStringLiteral("pin"),
                                           style->standardIcon(QStyle::SP_DialogYesButton));
        pin.paint(painter,
                  QRect(nameRect.right() - IconSize + 1, nameRect.top(), IconSize, IconSize));
        nameRect.setRight(nameRect.right() - IconSize - Margin);
    }
    painter->drawText(
        nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        nameMetrics.elidedText(index.data().toString(), Qt::ElideMiddle, nameRect.width()));

    painter->setFont(option.font);
    const QFontMetrics metrics(option.font);
    const int lineTop = nameRect.bottom() + Margin;
    const int lineHeight = std::max(metrics.height(), IconSize);
    const int mid = lineTop + lineHeight / 2;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(chipColour);
    painter->drawEllipse(QRect(area.left(), mid - Dot / 2, Dot, Dot));
    int x = area.left() + Dot + Margin;
    const QIcon icon = ProjectListModel::chipIcon(
        ProjectListModel::Chip(index.data(ProjectListModel::ChipRole).toInt()));
    icon.paint(painter, QRect(x, mid - IconSize / 2, IconSize, IconSize));
    x += IconSize + Margin;
    QString line = index.data(ProjectListModel::ChipTextRole).toString();
    const QString detail = detailText(index);
    if (!detail.isEmpty()) {
        line += QStringLiteral(" · ") + detail;
    }
    painter->setPen(option.palette.color(textRole));
    painter->drawText(QRect(x, lineTop, area.right() - x + 1, lineHeight),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(line, Qt::ElideRight, area.right() - x + 1));
    painter->restore();
}

} // namespace DevDock::Ui
