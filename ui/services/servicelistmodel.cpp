// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicelistmodel.h"

#include "common/statekind.h"
#include "common/statepalette.h"

#include <QGuiApplication>
#include <QPalette>

namespace DevDock::Ui {

ServiceListModel::ServiceListModel(QObject *parent)
    : KeyedTableModel(parent)
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
    replaceRows(
        services, [](const Core::ServiceState &s) { return s.name; }, ColumnCount);
}

void ServiceListModel::setHotReload(const QHash<QString, QString> &text)
{
    if (text == m_hotReload) {
        return;
    }
    m_hotReload = text;
    if (!m_rows.isEmpty()) {
        emit dataChanged(index(0, HotReloadColumn), index(int(m_rows.size()) - 1, HotReloadColumn));
    }
}

void ServiceListModel::setUsage(const QHash<QString, ServiceUsage> &usage)
{
    const QHash<QString, ServiceUsage> before = std::exchange(m_usage, usage);
    int first = -1;
    int last = -1;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const QString &name = m_rows.at(row).name;
        if (before.value(name) != usage.value(name)
            || before.contains(name) != usage.contains(name)) {
            first = first < 0 ? row : first;
            last = row;
        }
    }
    if (first >= 0) { // one signal for the changed block of the two columns
        emit dataChanged(index(first, CpuColumn), index(last, MemoryColumn));
    }
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
    case NameRole:
        return s.name;
    case StatusRole:
        return int(s.status);
    case ReasonRole:
        return s.reason;
    case IsUpRole:
        return s.isUp();
    case ContainerIdRole:
        return s.containers.isEmpty() ? QString() : s.containers.first().id;
    case Qt::ToolTipRole:
        return s.reason.isEmpty() ? QVariant() : QVariant(s.reason);
    case StateKindRole:
        return index.column() == StateColumn ? QVariant(int(stateKind(s))) : QVariant();
    case Qt::DecorationRole:
        return index.column() == StateColumn
                   ? QVariant(StatePalette::icon(stateKind(s), QGuiApplication::palette()))
                   : QVariant();
    case Qt::ForegroundRole:
        // An unknown state is greyed like disabled text: no live value stands behind the row.
        if (s.status == Core::ServiceStatus::Unknown) {
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        if (index.column() == StateColumn) {
            return QBrush(StatePalette::color(stateKind(s), QGuiApplication::palette()));
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return s.name;
    case StateColumn: {
        QString state = stateWords(s);
        if (s.desiredReplicas > 1 || s.containers.size() > 1) {
            state += QStringLiteral(" ×%1").arg(s.containers.size());
        }
        return state;
    }
    case HealthColumn:
        // The last health of a container that no longer runs is history, not its state.
        if (s.health.isEmpty() || !s.isUp()) {
            return QStringLiteral("—");
        }
        // The engine's words, in the user's language.
        if (s.health == u"healthy") {
            return tr("healthy");
        }
        if (s.health == u"unhealthy") {
            return tr("unhealthy");
        }
        if (s.health == u"starting") {
            return tr("starting");
        }
        return s.health;
    case PortsColumn:
        return portsText(s.ports);
    case UptimeColumn:
        if (!s.isUp() || !s.startedAt.isValid()) {
            return QString();
        }
        return uptimeText(qMax<qint64>(0, s.startedAt.secsTo(m_clock())));
    case RestartsColumn:
        return s.restartCount;
    case CpuColumn:
        return m_usage.contains(s.name)
                   ? QStringLiteral("%1 %").arg(m_usage.value(s.name).cpuPercent, 0, 'f', 1)
                   : QString();
    case MemoryColumn:
        return m_usage.contains(s.name) ? tr("%1 MB").arg(m_usage.value(s.name).memoryMb, 0, 'f', 1)
                                        : QString();
    case ImageColumn:
        return s.image;
    case HotReloadColumn:
        return m_hotReload.value(s.name);
    case ReasonColumn:
        return s.reason;
    default:
        return {};
    }
}

QVariant ServiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Service");
    case StateColumn:
        return tr("State");
    case HealthColumn:
        return tr("Health");
    case PortsColumn:
        return tr("Ports");
    case UptimeColumn:
        return tr("Uptime");
    case RestartsColumn:
        return tr("Restarts");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case ImageColumn:
        return tr("Image");
    case HotReloadColumn:
        return tr("Hot reload");
    case ReasonColumn:
        return tr("Why not up");
    default:
        return {};
    }
}

} // namespace DevDock::Ui
