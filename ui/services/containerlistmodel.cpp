// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containerlistmodel.h"

#include "common/statekind.h"
#include "common/statepalette.h"

#include <QGuiApplication>

#include <QBrush>
#include <QColor>
#include <QHash>
#include <QSet>

namespace DevDock::Ui {

ContainerListModel::ContainerListModel(QObject *parent)
    : KeyedTableModel(parent)
{}

QString ContainerListModel::portsText(const QList<Core::PortBinding> &ports)
{
    QStringList parts;
    for (const Core::PortBinding &p : ports) {
        if (p.publicPort != 0) {
            parts << QStringLiteral("%1:%2->%3/%4")
                         .arg(p.ip.isEmpty() ? QStringLiteral("0.0.0.0") : p.ip)
                         .arg(p.publicPort)
                         .arg(p.privatePort)
                         .arg(p.type);
        } else {
            parts << QStringLiteral("%1/%2").arg(p.privatePort).arg(p.type);
        }
    }
    parts.removeDuplicates();
    return parts.join(QStringLiteral(", "));
}

void ContainerListModel::setContainers(const QList<Core::ContainerSummary> &containers)
{
    replaceRows(containers, [](const Core::ContainerSummary &c) { return c.id; }, ColumnCount);
}

int ContainerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::ContainerSummary &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case StateColumn:
            return c.state;
        case StatusColumn:
            return c.status;
        case ImageColumn:
            return c.image;
        case PortsColumn:
            return portsText(c.ports);
        case IdColumn:
            return role == Qt::DisplayRole ? c.id.left(12) : c.id;
        default:
            return {};
        }
    case StateKindRole:
        return index.column() == StateColumn ? QVariant(int(containerStateKind(c.state, c.status)))
                                             : QVariant();
    case Qt::DecorationRole:
        return index.column() == StateColumn
                   ? QVariant(StatePalette::icon(containerStateKind(c.state, c.status),
                                                 QGuiApplication::palette()))
                   : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == StateColumn) {
            return QBrush(StatePalette::color(containerStateKind(c.state, c.status),
                                              QGuiApplication::palette()));
        }
        return {};
    case IdRole:
        return c.id;
    case StateRole:
        return c.state;
    case LabelsRole: {
        QVariantMap labels;
        for (auto it = c.labels.begin(); it != c.labels.end(); ++it) {
            labels.insert(it.key(), it.value());
        }
        return labels;
    }
    default:
        return {};
    }
}

QVariant ContainerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case StatusColumn:
        return tr("Status");
    case ImageColumn:
        return tr("Image");
    case PortsColumn:
        return tr("Ports");
    case IdColumn:
        return tr("ID");
    default:
        return {};
    }
}

} // namespace DevDock::Ui
