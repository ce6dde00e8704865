// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicestats.h"

#include "engine/engineclient.h"
#include "engine/statsstream.h"

namespace DevDock::Core {

ServiceStats::ServiceStats(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_publish.setInterval(1000);
    connect(&m_publish, &QTimer::timeout, this,
            [this] { emit usageChanged(usage(), totalMemoryMb()); });
}

ServiceStats::~ServiceStats() = default;

void ServiceStats::setServices(const QList<ServiceState> &services)
{
    m_serviceOf.clear();
    for (const ServiceState &s : services) {
        for (const ContainerState &c : s.containers) {
            if (c.engineState == u"running") {
                m_serviceOf.insert(c.id, s.name);
            }
        }
    }
    sync();
}

void ServiceStats::setActive(bool active)
{
    m_active = active;
    sync();
}

void ServiceStats::setFocusedService(const QString &service)
{
    if (service == m_focus) {
        return;
    }
    m_focus = service;
    sync();
}

bool ServiceStats::wanted(const QString &containerId) const
{
    const auto service = m_serviceOf.constFind(containerId);
    return service != m_serviceOf.cend() && (m_active || (!m_focus.isEmpty() && *service == m_focus));
}

void ServiceStats::sync()
{
    // Stop what is not wanted any more.
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        if (!wanted(it.key())) {
            delete it.value();
            m_latest.remove(it.key());
            it = m_streams.erase(it);
        } else {
            ++it;
        }
    }
    if (!m_client || (!m_active && m_focus.isEmpty())) {
        m_publish.stop();
        return;
    }
    for (auto it = m_serviceOf.cbegin(); it != m_serviceOf.cend(); ++it) {
        if (m_streams.contains(it.key()) || !wanted(it.key())) {
            continue;
        }
        auto *stream = new StatsStream(m_client, it.key(), true, this);
        const QString id = it.key();
        connect(stream, &StatsStream::sampleReceived, this,
                [this, id](const ContainerStats &stats) {
                    m_latest.insert(id, stats);
                    emit sampleReceived(id, stats);
                });
        m_streams.insert(id, stream);
        stream->start();
    }
    if (!m_publish.isActive()) {
        m_publish.start();
    }
}

QHash<QString, ServiceUsage> ServiceStats::usage() const
{
    QHash<QString, ServiceUsage> result;
    for (auto it = m_latest.cbegin(); it != m_latest.cend(); ++it) {
        ServiceUsage &u = result[m_serviceOf.value(it.key())];
        u.cpuPercent += it->cpuPercent;
        u.memoryMb += it->memoryUsage / (1024.0 * 1024.0);
    }
    return result;
}

double ServiceStats::totalMemoryMb() const
{
    double total = 0;
    for (const ContainerStats &s : m_latest) {
        total += s.memoryUsage / (1024.0 * 1024.0);
    }
    return total;
}

} // namespace DevDock::Core
