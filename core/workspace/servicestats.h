// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/enginetypes.h"
#include "stack/servicestate.h"

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace DevDock::Core {

class EngineClient;
class StatsStream;

// CPU and memory of a service (summed over its running replicas).
struct ServiceUsage
{
    double cpuPercent = 0;
    double memoryMb = 0;
    bool operator==(const ServiceUsage &) const = default;
};

// `docker stats` of a project's running containers: one /stats stream per watched container,
// shared by everyone who shows usage (the services table, the details' charts). While active (the
// services table is on screen) every running container streams; otherwise only the focused
// service's (the one the details' charts show), and nothing when there is none. Per-service usage
// is published once a second, each container's samples as they come.
class ServiceStats final : public QObject
{
    Q_OBJECT
public:
    explicit ServiceStats(EngineClient *client, QObject *parent = nullptr);
    ~ServiceStats() override;

    void setServices(const QList<ServiceState> &services);
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // The service whose running containers stream even while not active (empty: none).
    void setFocusedService(const QString &service);
    QString focusedService() const { return m_focus; }
    int streamCount() const { return int(m_streams.size()); }
    QHash<QString, ServiceUsage> usage() const;
    double totalMemoryMb() const;
    // The last sample of one container (a default one until the first arrives).
    ContainerStats latest(const QString &containerId) const { return m_latest.value(containerId); }

signals:
    void usageChanged(const QHash<QString, DevDock::Core::ServiceUsage> &usage,
                      double totalMemoryMb);
    void sampleReceived(const QString &containerId, const DevDock::Core::ContainerStats &stats);

private:
    void sync();
    bool wanted(const QString &containerId) const;

    QPointer<EngineClient> m_client;
    QHash<QString, QString> m_serviceOf;     // running container id -> service
    QHash<QString, StatsStream *> m_streams; // container id -> stream
    QHash<QString, ContainerStats> m_latest; // container id -> last sample
    QTimer m_publish;
    QString m_focus;
    bool m_active = false;
};

} // namespace DevDock::Core

Q_DECLARE_METATYPE(DevDock::Core::ServiceUsage)
