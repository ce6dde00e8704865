// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicelistmodel.h"

#include <QHash>
#include <QSet>

namespace DevDock::Ui {

ServiceListModel::ServiceListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

QString ServiceListModel::portsText(const QList<Core::PortBinding> &ports)
{
    QStringList parts;
    for (const Core::PortBinding &p : ports) {
        if (p.publicPort != 0) {
            parts << QStringLiteral("%1:%2→%3/%4")
                         .arg(p.ip.isEmpty() ? QStringLiteral("0.0.0.0") : p.ip)
                         .arg(p.publicPort)
                         .arg(p.privatePort)
                         .arg(p.type);
        }
    }
    parts.removeDuplicates();
    return parts.join(QStringLiteral(", "));
}

QString ServiceListModel::uptimeText(qint64 seconds)
{
    if (seconds < 60) {
        return tr("%n s", nullptr, int(seconds));
    }
    if (seconds < 3600) {
        return tr("%1 min").arg(seconds / 60);
    }
    if (seconds < 86400) {
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    }
    return tr("%n day(s)", nullptr, int(seconds / 86400));
}

void ServiceListModel::setServices(const QList<Core::ServiceState> &services)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < services.size(); ++i) {
        incoming.insert(services.at(i).name, i);
    }
    for (qsizetype row = m_rows.size() - 1; row >= 0;) {
        if (incoming.contains(m_rows.at(row).name)) {
            --row;
            continue;
        }
        qsizetype first = row;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).name)) {
            --first;
        }
        beginRemoveRows({}, int(first), int(row));
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    QSet<QString> present;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        const Core::ServiceState &next = services.at(incoming.value(m_rows.at(row).name));
        present.insert(next.name);
        if (!(m_rows.at(row) == next)) {
            m_rows[row] = next;
            emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        }
    }
    QList<Core::ServiceState> added;
    for (const Core::ServiceState &s : services) {
        if (!present.contains(s.name)) {
            added.append(s);
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServiceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::ServiceState &s = m_rows.at(index.row());
    switch (role) {
    case NameRole: return s.name;
    case StatusRole: return int(s.status);
    case ReasonRole: return s.reason;
    case IsUpRole: return s.isUp();
    case ContainerIdRole: return s.containers.isEmpty() ? QString() : s.containers.first().id;
    case Qt::ToolTipRole: return s.reason.isEmpty() ? QVariant() : QVariant(s.reason);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn: return s.name;
    case StateColumn: {
        QString state = Core::statusDisplayName(s.status);
        if (s.status == Core::ServiceStatus::Exited || s.status == Core::ServiceStatus::Restarting) {
            state += QStringLiteral(" (%1)").arg(s.exitCode);
        }
        if (s.desiredReplicas > 1 || s.containers.size() > 1) {
            state += QStringLiteral(" ×%1").arg(s.containers.size());
        }
        return state;
    }
    case HealthColumn: return s.health.isEmpty() ? QStringLiteral("—") : s.health;
    case PortsColumn: return portsText(s.ports);
    case UptimeColumn:
        if (!s.isUp() || !s.startedAt.isValid()) {
            return QString();
        }
        return uptimeText(qMax<qint64>(0, s.startedAt.secsTo(m_clock())));
    case RestartsColumn: return s.restartCount;
    case ImageColumn: return s.image;
    case ReasonColumn: return s.reason;
    default: return {};
    }
}

QVariant ServiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn: return tr("Service");
    case StateColumn: return tr("State");
    case HealthColumn: return tr("Health");
    case PortsColumn: return tr("Ports");
    case UptimeColumn: return tr("Uptime");
    case RestartsColumn: return tr("Restarts");
    case ImageColumn: return tr("Image");
    case ReasonColumn: return tr("Why not up");
    default: return {};
    }
}

} // namespace DevDock::Ui
