// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enginetypes.h"
#include "util/result.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace DevDock::Core {

class EngineClient;
class EventHub;

// Keeps a live list of containers: lists once, then re-lists (coalesced) whenever a container
// event arrives or the event stream resyncs after a reconnect. No polling. The events come from
// the engine's one shared stream (EventHub), not a stream of its own; a label filter in the
// options applies to them here as it does to the listing.
class ContainerWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit ContainerWatcher(EngineClient *client, ContainerListOptions options = {true, {}},
                              QObject *parent = nullptr);
    ~ContainerWatcher() override;

    void start();
    void stop();
    QList<ContainerSummary> containers() const { return m_containers; }
    bool isEngineReachable() const { return m_reachable; }
    // How long events are coalesced before one re-list.
    void setCoalesceInterval(int ms) { m_refreshTimer.setInterval(ms); }

signals:
    void containersChanged(const QList<DevDock::Core::ContainerSummary> &containers);
    // Reachability changed; `error` says why it is unreachable.
    void engineStatusChanged(bool reachable, const DevDock::Core::Error &error);

private:
    void refresh();
    void setReachable(bool reachable, const Error &error = {});
    // Whether an event's container carries the labels the options filter on ("key" or
    // "key=value", as the engine's label filter takes them).
    bool matchesLabels(const EngineEvent &event) const;

    QPointer<EngineClient> m_client;
    ContainerListOptions m_options;
    QPointer<EventHub> m_hub;
    QTimer m_refreshTimer;
    QList<ContainerSummary> m_containers;
    bool m_running = false;
    bool m_refreshing = false;
    bool m_listed = false; // the first listing came (and was announced)
    bool m_refreshAgain = false;
    bool m_reachable = false;
    bool m_statusKnown = false;
};

} // namespace DevDock::Core
