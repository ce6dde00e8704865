// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livereducer.h"

#include "engine/enginetypes.h"

namespace DevDock::Core {

namespace {

// Events that change nothing DevDock shows.
bool isNoise(const QString &action)
{
    return action.startsWith(QStringLiteral("exec_")) || action == u"attach" || action == u"resize"
           || action == u"top" || action == u"export" || action == u"commit" || action == u"copy"
           || action == u"archive-path" || action == u"extract-to-dir";
}

ServiceStatus healthStatus(const QString &health)
{
    return health == u"healthy"     ? ServiceStatus::Healthy
           : health == u"unhealthy" ? ServiceStatus::Unhealthy
                                    : ServiceStatus::Starting;
}

} // namespace

std::optional<ContainerState> LiveReducer::container(const QString &id) const
{
    const auto it = m_containers.constFind(id);
    if (it == m_containers.cend()) {
        return std::nullopt;
    }
    return *it;
}

bool LiveReducer::stopRequested(const QString &id, qint64 nowMs) const
{
    const auto it = m_stopAt.constFind(id);
    return it != m_stopAt.cend() && nowMs - *it < StopWindowMs;
}

void LiveReducer::expectStop(const QStringList &containerIds, qint64 nowMs)
{
    for (const QString &id : containerIds) {
        m_stopAt.insert(id, nowMs);
    }
}

void LiveReducer::classify(ContainerState &c, qint64 nowMs) const
{
    if (c.engineState != u"exited" && c.engineState != u"dead") {
        return;
    }
    // The engine reports a stopped container's last health as "unhealthy" (its monitor ends
    // with a failed probe): a container that does not run has no health to show.
    c.health.clear();
    if (c.engineState == u"exited" && !c.oomKilled
        && (stopRequested(c.id, nowMs) || c.exitCode == 143)) {
        // 143 is SIGTERM's code: someone asked it to stop (seen also without the events, e.g.
        // when DevDock starts after the stop).
        c.status = ServiceStatus::Stopped;
    } else if (c.engineState == u"exited") {
        c.status = ServiceStatus::Exited;
    }
}

LiveReducer::Step LiveReducer::onEvent(const EngineEvent &event, qint64 nowMs)
{
    Step step;
    const QString &action = event.action;
    const QString &id = event.actorId;
    if (isNoise(action)) {
        return step;
    }
    m_lastEventAt.insert(id, nowMs);
    const bool sigkillOnly = action == u"kill"
                             && event.attributes.value(QStringLiteral("signal")) == u"9";
    if ((action == u"kill" && !sigkillOnly) || action == u"stop") {
        // docker stop's SIGTERM comes as a kill before the die, its stop after it. A bare
        // `docker kill` (SIGKILL, no stop event) stays an unexpected exit.
        m_stopAt.insert(id, nowMs);
    } else if (action == u"start" || action == u"restart") {
        m_stopAt.remove(id); // running again: a later exit is judged afresh
    }
    ++m_serial[id];
    const auto known = m_containers.find(id);
    if (known != m_containers.end()) {
        // The event already says what happened: show it now; the inspect that follows refines
        // it (restart count, probe log, a restart policy's "restarting").
        ContainerState before = *known;
        if (action == u"die") {
            known->engineState = QStringLiteral("exited");
            known->status = ServiceStatus::Exited;
            known->exitCode = event.attributes.value(QStringLiteral("exitCode")).toInt();
            classify(*known, nowMs);
        } else if (action == u"stop") {
            classify(*known, nowMs); // the die came first: now it is known to be asked for
        } else if (action.startsWith(QStringLiteral("health_status"))) {
            const qsizetype colon = action.indexOf(QLatin1Char(':'));
            known->health = colon < 0 ? QString() : action.mid(colon + 1).trimmed();
            if (known->engineState == u"running") {
                known->status = healthStatus(known->health);
            }
        } else if (action == u"start") {
            known->engineState = QStringLiteral("running");
            known->status =
                known->health.isEmpty() ? ServiceStatus::Running : ServiceStatus::Starting;
            if (!known->health.isEmpty()) {
                known->health = QStringLiteral("starting");
            }
        } else if (action == u"pause") {
            known->engineState = QStringLiteral("paused");
            known->status = ServiceStatus::Paused;
        } else if (action == u"destroy") {
            m_containers.erase(known);
            m_stopAt.remove(id);
            m_serial.remove(id);
            m_lastEventAt.remove(id);
            step.changed = true;
            step.relist = true;
            return step;
        }
        step.changed = !(before == *known);
    }
    if (action == u"destroy") {
        m_stopAt.remove(id);
        m_serial.remove(id);
        m_lastEventAt.remove(id);
        return step; // never seen: nothing to forget
    }
    // The inspect tells what the event cannot (restart count, the probe output behind a health
    // change, a new container's details); a kill tells nothing yet: its die follows.
    if (action != u"kill") {
        step.inspect.insert(id);
    }
    step.relist = action == u"create" || action == u"rename";
    return step;
}

LiveReducer::Step LiveReducer::onListing(const QList<ContainerSummary> &list)
{
    Step step;
    QSet<QString> present;
    for (const ContainerSummary &summary : list) {
        present.insert(summary.id);
        const auto it = m_containers.constFind(summary.id);
        if (it == m_containers.cend() || it->engineState != summary.state) {
            step.inspect.insert(summary.id);
        }
    }
    for (auto it = m_containers.begin(); it != m_containers.end();) {
        if (!present.contains(it.key())) {
            m_stopAt.remove(it.key());
            it = m_containers.erase(it);
            step.changed = true;
        } else {
            ++it;
        }
    }
    return step;
}

LiveReducer::Step LiveReducer::onInspect(const QString &id, std::optional<ContainerState> state)
{
    Step step;
    if (!state || state->service.isEmpty()) {
        step.changed = m_containers.remove(id) > 0;
        return step;
    }
    // The inspect's clock: the last event's arrival (a stop within the window stays a stop).
    classify(*state, m_lastEventAt.value(id));
    const auto it = m_containers.constFind(id);
    step.changed = it == m_containers.cend() || !(*it == *state);
    m_containers.insert(id, *state);
    return step;
}

void LiveReducer::onEngineLost()
{
    m_containers.clear();
}

} // namespace DevDock::Core
