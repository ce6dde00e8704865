// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containerwatcher.h"

#include "engineclient.h"
#include "eventhub.h"
#include "eventstream.h"

namespace DevDock::Core {

ContainerWatcher::ContainerWatcher(EngineClient *client, ContainerListOptions options,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(std::move(options))
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(50);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ContainerWatcher::refresh);

    // Only the events that change a container's listing: health probes' exec_* events (several
    // a second on a healthy stack) re-listed every container each time and kept DevDock busy idle.
    QMap<QString, QStringList> filters{{QStringLiteral("type"), {QStringLiteral("container")}},
                                       {QStringLiteral("event"), EventHub::wantedActions()}};
    const auto labels = m_options.filters.value(QStringLiteral("label"));
    if (!labels.isEmpty()) {
        filters.insert(QStringLiteral("label"), labels);
    }
    m_events = new EventStream(client, filters, this);
    // Every (re)connection re-lists: the engine may have come up after DevDock, or restarted.
    connect(m_events, &EventStream::connected, this, [this] {
        setReachable(true);
        m_refreshTimer.start();
    });
    connect(m_events, &EventStream::eventReceived, this, [this] { m_refreshTimer.start(); });
    connect(m_events, &EventStream::resyncNeeded, this, [this] { m_refreshTimer.start(); });
    connect(m_events, &EventStream::disconnected, this,
            [this](const Error &error) { setReachable(false, error); });
}

ContainerWatcher::~ContainerWatcher() = default;

void ContainerWatcher::start()
{
    m_events->start();
    refresh();
}

void ContainerWatcher::stop()
{
    m_events->stop();
    m_refreshTimer.stop();
}

void ContainerWatcher::setReachable(bool reachable, const Error &error)
{
    if (m_statusKnown && reachable == m_reachable) {
        return;
    }
    m_statusKnown = true;
    m_reachable = reachable;
    emit engineStatusChanged(reachable, error);
    if (!reachable && !m_containers.isEmpty()) {
        m_containers.clear();
        emit containersChanged(m_containers);
    }
}

void ContainerWatcher::refresh()
{
    if (!m_client) {
        return;
    }
    if (m_refreshing) {
        m_refreshAgain = true; // one more list after the one in flight
        return;
    }
    m_refreshing = true;
    m_client->listContainers(m_options, this, [this](Result<QList<ContainerSummary>> list) {
        m_refreshing = false;
        if (list) {
            setReachable(true);
            if (*list != m_containers) {
                m_containers = std::move(*list);
                emit containersChanged(m_containers);
            }
        } else {
            setReachable(false, list.error());
        }
        if (std::exchange(m_refreshAgain, false)) {
            refresh();
        }
    });
}

} // namespace DevDock::Core
