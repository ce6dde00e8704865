// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "livereducer.h"
#include "servicestate.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <optional>

namespace DevDock::Core {

class EngineClient;
class EventHub;
struct EngineEvent;

// The live state of one compose project: its containers (found by the label
// com.docker.compose.project), mapped onto the model's services, replicas and one-off containers
// included. A thin driver around LiveReducer (which decides what the events mean): it follows
// the engine's one shared event stream (EventHub), and lists and inspects only what the reducer
// asks for, coalesced by a short timer. After an event-stream reconnect everything is listed and
// inspected again. While a container's health check has not settled (starting, unhealthy) its
// probe log is re-read every couple of seconds; healthy containers cost nothing.
class LiveState final : public QObject
{
    Q_OBJECT
public:
    explicit LiveState(EngineClient *client, QObject *parent = nullptr);
    ~LiveState() override;

    // The project whose containers to track; may be called again after a reload.
    void setProject(const ComposeProject &project);
    const ComposeProject &project() const { return m_project; }

    void start();
    void stop();
    bool isKnown() const { return m_known; } // the first listing is done
    bool isEngineReachable() const { return m_reachable; }
    Error engineError() const { return m_engineError; }

    QList<ServiceState> services() const { return m_services; }
    std::optional<ServiceState> service(const QString &name) const;
    QList<ContainerState> containers() const { return m_reducer.containers(); }

    // DevDock is about to stop, restart or recreate these services (empty: all): their exits
    // raise no alert until endExpected() plus a grace period for late events.
    void beginExpected(const QStringList &services);
    void endExpected(const QStringList &services);

    // Re-list and re-inspect everything now.
    void refresh();
    // A refresh() was asked for and its listing is not in yet: the picture may still show
    // containers an action just replaced (their old health, say).
    bool isRefreshing() const { return m_refreshDone < m_refreshAsked; }

    void setCoalesceInterval(int ms) { m_timer.setInterval(ms); }
    // How often an unsettled health check's probe log is re-read (ms).
    void setProbeInterval(int ms) { m_probeTimer.setInterval(ms); }
    // How many inspects and listings this state asked the engine for (tests, benchmarks).
    int inspectCount() const { return m_inspects; }
    int listingCount() const { return m_listings; }

signals:
    void ready();
    // After every batch of changes, with the whole new picture.
    void servicesChanged(const QList<DevDock::Core::ServiceState> &services);
    // One service changed (state, health, reason, containers, probes).
    void serviceChanged(const DevDock::Core::ServiceState &now,
                        const DevDock::Core::ServiceState &before);
    // Running to exited unexpectedly, or turned unhealthy.
    void alertRaised(const DevDock::Core::ServiceAlert &alert);
    void engineStatusChanged(bool reachable, const DevDock::Core::Error &error);

private:
    void onEvent(const EngineEvent &event);
    void take(const LiveReducer::Step &step);
    void probeUnsettled();
    void schedule();
    void run();
    void inspectDirty();
    void apply();
    void setReachable(bool reachable, const Error &error = {});
    bool isExpected(const ContainerState &container) const;
    void raiseLater(ServiceAlert alert, const QString &containerId);

    QPointer<EngineClient> m_client;
    ComposeProject m_project;
    QPointer<EventHub> m_hub;
    QTimer m_timer;
    QTimer m_probeTimer;
    LiveReducer m_reducer;
    QList<ServiceState> m_services;
    QSet<QString> m_dirty;
    QHash<QString, int> m_expected;        // service ("" = all) -> nesting count
    QHash<QString, qint64> m_expectedUntil;
    int m_pendingInspects = 0;
    bool m_relist = true;
    bool m_busy = false;
    bool m_again = false;
    bool m_known = false;
    bool m_answered = false; // the engine answered (a listing, or the error)
    bool m_reachable = false;
    // A full listing came back since the engine was (re)reached: until then the containers are not
    // known, and an empty picture must not read as "not created".
    bool m_listed = false;
    bool m_running = false;
    int m_inspects = 0;
    int m_listings = 0;
    quint64 m_refreshAsked = 0;   // refresh() calls so far
    quint64 m_refreshListing = 0; // the refresh() calls the listing in flight answers
    quint64 m_refreshListed = 0;  // … the last listing that came back answers
    quint64 m_refreshDone = 0;    // … whose listing and inspects are applied (not an event's
                                  // apply() while they are in flight)
    Error m_engineError;
};

} // namespace DevDock::Core
