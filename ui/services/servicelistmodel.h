// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stack/servicestate.h"

#include "keyedtablemodel.h"
#include "workspace/servicestats.h"
#include <QDateTime>

#include <QList>
#include <functional>

namespace DevDock::Ui {

// The services table shows what core measures.
using ServiceUsage = Core::ServiceUsage;

// The project's services as a table, fed with LiveState snapshots (applied as a diff keyed by
// service name).
class ServiceListModel final : public KeyedTableModel<Core::ServiceState>
{
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        StateColumn,
        HealthColumn,
        PortsColumn,
        UptimeColumn,
        RestartsColumn,
        CpuColumn,
        MemoryColumn,
        ImageColumn,
        HotReloadColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Roles {
        NameRole = Qt::UserRole + 1,
        StatusRole, // int(Core::ServiceStatus)
        ReasonRole,
        IsUpRole,
        ContainerIdRole, // the first replica's id, or empty
    };

    explicit ServiceListModel(QObject *parent = nullptr);

    void setServices(const QList<Core::ServiceState> &services);
    // CPU % and memory MB per service, from the stats streams (while the view is visible).
    void setUsage(const QHash<QString, ServiceUsage> &usage);
    const QList<Core::ServiceState> &services() const { return m_rows; }
    // Per service: "dev mode", "sync: idle 10:26:45", "sync paused: …" (the hot-reload column).
    void setHotReload(const QHash<QString, QString> &text);
    // "now" for the uptime column; tests pin it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString portsText(const QList<Core::PortBinding> &ports);
    static QString uptimeText(qint64 seconds);

private:
    std::function<QDateTime()> m_clock;
    QHash<QString, ServiceUsage> m_usage;
    QHash<QString, QString> m_hotReload;
};

} // namespace DevDock::Ui
