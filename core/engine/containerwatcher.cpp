// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "containerwatcher.h"

#include "engineclient.h"
#include "eventhub.h"

#include <utility>

namespace DevDock::Core {

ContainerWatcher::ContainerWatcher(EngineClient *client, ContainerListOptions options,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(std::move(options))
    , m_hub(EventHub::of(client))
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(50);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ContainerWatcher::refresh);
}

ContainerWatcher::~ContainerWatcher()
{
    stop();
}

void ContainerWatcher::start()
{
    if (!m_running && m_hub) {
        m_running = true;
        // The hub asks the engine only for the events that change a container's listing (health
        // probes' exec_* events would re-list every container several times a second).
        // Every (re)connection re-lists: the engine may have come up after DevDock, or restarted.
        connect(m_hub, &EventHub::connected, this, [this] {
            setReachable(true);
            m_refreshTimer.start();
        });
        connect(m_hub, &EventHub::eventReceived, this, [this](const EngineEvent &event) {
            if (matchesLabels(event)) {
                m_refreshTimer.start();
            }
        });
        connect(m_hub, &EventHub::resyncNeeded, this, [this] { m_refreshTimer.start(); });
        connect(m_hub, &EventHub::disconnected, this,
                [this](const Error &error) { setReachable(false, error); });
        m_hub->acquire();
    }
    refresh();
}

void ContainerWatcher::stop()
{
    if (m_running && m_hub) {
        m_hub->disconnect(this);
        m_hub->release();
    }
    m_running = false;
    m_refreshTimer.stop();
}

bool ContainerWatcher::matchesLabels(const EngineEvent &event) const
{
    for (const QString &label : m_options.filters.value(QStringLiteral("label"))) {
        const qsizetype eq = label.indexOf(QLatin1Char('='));
        const QString key = eq < 0 ? label : label.left(eq);
        const auto it = event.attributes.constFind(key);
        if (it == event.attributes.cend() || (eq >= 0 && *it != label.mid(eq + 1))) {
            return false;
        }
    }
    return true;
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
            // The first listing is news even when empty: "no containers" is an answer.
            if (!std::exchange(m_listed, true) || *list != m_containers) {
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
