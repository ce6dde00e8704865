// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "servicestate.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace DevDock::Core {

struct EngineEvent;
struct ContainerSummary;

// The containers of one compose project as engine events, listings and inspects tell them: a
// pure reducer (values in, values out, no I/O, no clock of its own). LiveState is the thin driver
// that does the listing and inspecting it asks for. Tests feed it synthetic event sequences.
//
// A deliberate stop is told from a failure by the events around the exit: `kill` (which
// `docker stop`, `docker kill`, `compose stop` and `compose down` all send first) or `stop`
// before the `die`, or a `stop` right after it; such a container is Stopped, not Exited, whatever
// its exit code (143 after SIGTERM, 137 after SIGKILL).
class LiveReducer
{
public:
    struct Step
    {
        bool changed = false;  // the picture changed: recompute the services
        bool relist = false;   // containers may have come or gone: list the project again
        QSet<QString> inspect; // inspect these (the event's details: restart count, probes)
    };

    static constexpr qint64 StopWindowMs = 60000; // a kill/stop this recent explains an exit

    // `nowMs` is the event's arrival time (the driver's clock, so tests choose it).
    Step onEvent(const EngineEvent &event, qint64 nowMs);
    // A full listing: containers not in it are gone; new or changed ones are to be inspected.
    Step onListing(const QList<ContainerSummary> &list);
    // The inspect of one container (nullopt: it is gone, or no longer of a compose service).
    Step onInspect(const QString &id, std::optional<ContainerState> state);
    // The engine went away: nothing is known any more.
    void onEngineLost();
    // DevDock stops these containers itself (its own stop/down/restart).
    void expectStop(const QStringList &containerIds, qint64 nowMs);

    QList<ContainerState> containers() const { return m_containers.values(); }
    std::optional<ContainerState> container(const QString &id) const;
    bool contains(const QString &id) const { return m_containers.contains(id); }
    // A stop or kill came for this container within StopWindowMs of `nowMs`.
    bool stopRequested(const QString &id, qint64 nowMs) const;
    // How many events changed the container so far (the driver drops inspects older than that).
    quint64 eventSerial(const QString &id) const { return m_serial.value(id); }

private:
    // Stopped instead of Exited when the exit was asked for.
    void classify(ContainerState &container, qint64 nowMs) const;

    QHash<QString, ContainerState> m_containers; // by id
    QHash<QString, qint64> m_stopAt;              // id -> when a stop/kill came (ms)
    QHash<QString, qint64> m_lastEventAt;         // id -> the last event's time (ms)
    QHash<QString, quint64> m_serial;
};

} // namespace DevDock::Core
