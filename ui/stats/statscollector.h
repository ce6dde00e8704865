// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/engineclient.h"
#include "engine/enginetypes.h"
#include "stack/servicestate.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace DevDock::Core {
class StatsStream;
}

namespace DevDock::Ui {

// CPU and memory of a service (summed over its running replicas).
struct ServiceUsage
{
    double cpuPercent = 0;
    double memoryMb = 0;
    bool operator==(const ServiceUsage &) const = default;
};

// Streams `docker stats` for the running containers of the project while active (the services
// view is visible) and nothing otherwise; publishes per-service usage once a second.
class StatsCollector final : public QObject
{
    Q_OBJECT
public:
    explicit StatsCollector(Core::EngineClient *client, QObject *parent = nullptr);
    ~StatsCollector() override;

    void setServices(const QList<Core::ServiceState> &services);
    void setActive(bool active);
    bool isActive() const { return m_active; }
    int streamCount() const { return int(m_streams.size()); }
    QHash<QString, ServiceUsage> usage() const;
    double totalMemoryMb() const;

signals:
    void usageChanged(const QHash<QString, DevDock::Ui::ServiceUsage> &usage, double totalMemoryMb);

private:
    void sync();

    QPointer<Core::EngineClient> m_client;
    QHash<QString, QString> m_serviceOf;           // running container id -> service
    QHash<QString, Core::StatsStream *> m_streams; // container id -> stream
    QHash<QString, Core::ContainerStats> m_latest; // container id -> last sample
    QTimer m_publish;
    bool m_active = false;
};

} // namespace DevDock::Ui
