// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livestate.h"

#include "engine/engineclient.h"
#include "engine/eventstream.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDateTime>

namespace DevDock::Core {

namespace {

constexpr int StopEventWaitMs = 400;  // a `die` waits this long for the `stop` that may follow
constexpr int ExpectedGraceMs = 3000; // late events of DevDock's own operations

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString projectLabel(const QString &project)
{
    return QStringLiteral("com.docker.compose.project=") + project;
}

} // namespace

LiveState::LiveState(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &LiveState::run);
}

LiveState::~LiveState() = default;

void LiveState::setProject(const ComposeProject &project)
{
    const bool renamed = project.name != m_project.name;
    m_project = project;
    if (renamed && m_running) {
        stop();
        m_containers.clear();
        start();
        return;
    }
    apply();
}

std::optional<ServiceState> LiveState::service(const QString &name) const
{
    for (const ServiceState &s : m_services) {
        if (s.name == name) {
            return s;
        }
    }
    return std::nullopt;
}

void LiveState::start()
{
    if (m_running || !m_client) {
        return;
    }
    m_running = true;
    delete m_events;
    m_events = new EventStream(m_client,
                               {{QStringLiteral("type"), {QStringLiteral("container")}},
                                {QStringLiteral("label"), {projectLabel(m_project.name)}}},
                               this);
    connect(m_events, &EventStream::connected, this, [this] {
        setReachable(true);
        refresh();
    });
    connect(m_events, &EventStream::resyncNeeded, this, &LiveState::refresh);
    connect(m_events, &EventStream::eventReceived, this, &LiveState::onEvent);
    connect(m_events, &EventStream::disconnected, this,
            [this](const Error &error) { setReachable(false, error); });
    m_events->start();
    refresh();
}

void LiveState::stop()
{
    m_running = false;
    if (m_events) {
        m_events->stop();
    }
    m_timer.stop();
}

void LiveState::refresh()
{
    m_relist = true;
    for (auto it = m_containers.cbegin(); it != m_containers.cend(); ++it) {
        m_dirty.insert(it.key());
    }
    schedule();
}

void LiveState::onEvent(const EngineEvent &event)
{
    const QString &action = event.action;
    if (action.startsWith(QStringLiteral("exec_"))) {
        // Health probes run as execs: refresh the probe log of that one container.
        if (action.startsWith(QStringLiteral("exec_die"))) {
            const auto it = m_containers.constFind(event.actorId);
            if (it != m_containers.cend() && !it->health.isEmpty()) {
                m_dirty.insert(event.actorId);
                schedule();
            }
        }
        return;
    }
    if (action == u"attach" || action == u"resize" || action == u"top" || action == u"export"
        || action == u"commit" || action == u"copy" || action == u"archive-path"
        || action == u"extract-to-dir") {
        return;
    }
    if (action == u"stop") {
        m_stopEvents.insert(event.actorId, nowMs());
    }
    if (action == u"kill") {
        return; // the die that follows tells the outcome
    }
    // The event already says what happened: show it now, let the inspect that follows refine it
    // (restart count, probe log, a restart policy's "restarting").
    const auto known = m_containers.find(event.actorId);
    ++m_eventSerial[event.actorId];
    if (known != m_containers.end()) {
        bool changed = false;
        if (action == u"die") {
            known->engineState = QStringLiteral("exited");
            known->status = ServiceStatus::Exited;
            known->exitCode = event.attributes.value(QStringLiteral("exitCode")).toInt();
            known->health.clear();
            changed = true;
        } else if (action.startsWith(QStringLiteral("health_status: "))) {
            known->health = action.mid(15);
            if (known->engineState == u"running") {
                known->status = known->health == u"healthy"     ? ServiceStatus::Healthy
                                : known->health == u"unhealthy" ? ServiceStatus::Unhealthy
                                                                : ServiceStatus::Starting;
            }
            changed = true;
        }
        if (changed) {
            apply();
        }
    }
    m_dirty.insert(event.actorId);
    m_relist = m_relist || action == u"create" || action == u"destroy" || action == u"rename";
    schedule();
}

void LiveState::schedule()
{
    if (!m_timer.isActive()) {
        m_timer.start();
    }
}

void LiveState::run()
{
    if (!m_client) {
        return;
    }
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    if (!m_relist) {
        inspectDirty();
        return;
    }
    m_relist = false;
    ContainerListOptions options;
    options.all = true;
    options.filters.insert(QStringLiteral("label"), {projectLabel(m_project.name)});
    m_client->listContainers(options, this, [this](Result<QList<ContainerSummary>> list) {
        if (!list) {
            m_busy = false;
            setReachable(false, list.error());
            return;
        }
        setReachable(true);
        m_answered = true;
        m_listed = true;
        QSet<QString> present;
        for (const ContainerSummary &summary : *list) {
            present.insert(summary.id);
            const auto it = m_containers.constFind(summary.id);
            if (it == m_containers.cend() || it->engineState != summary.state) {
                m_dirty.insert(summary.id);
            }
        }
        for (auto it = m_containers.begin(); it != m_containers.end();) {
            if (!present.contains(it.key())) {
                m_dirty.remove(it.key());
                it = m_containers.erase(it);
            } else {
                ++it;
            }
        }
        for (const QString &id : std::as_const(m_dirty)) {
            if (!present.contains(id)) {
                m_dirty.remove(id);
            }
        }
        inspectDirty();
    });
}

void LiveState::inspectDirty()
{
    const QSet<QString> ids = std::exchange(m_dirty, {});
    if (ids.isEmpty()) {
        m_busy = false;
        apply();
        if (std::exchange(m_again, false)) {
            schedule();
        }
        return;
    }
    m_pendingInspects = int(ids.size());
    for (const QString &id : ids) {
        const quint64 serial = m_eventSerial.value(id);
        m_client->inspectContainer(id, this, [this, id, serial](Result<QJsonObject> json) {
            if (m_eventSerial.value(id) != serial) {
                // An event came while this was in flight: its (newer) view stays, and the
                // container is inspected again.
            } else if (json) {
                ContainerState state = ContainerState::fromInspect(*json);
                if (state.service.isEmpty()) {
                    m_containers.remove(id);
                } else {
                    m_containers.insert(id, state);
                }
            } else if (json.error().code == Error::Code::NotFound) {
                m_containers.remove(id);
            } else if (json.error().code == Error::Code::EngineUnreachable) {
                setReachable(false, json.error());
            }
            if (--m_pendingInspects == 0) {
                m_busy = false;
                apply();
                if (std::exchange(m_again, false) || !m_dirty.isEmpty()) {
                    schedule();
                }
            }
        });
    }
}

bool LiveState::isExpected(const ContainerState &container) const
{
    const qint64 now = nowMs();
    if (m_expected.value(QString()) > 0 || m_expected.value(container.service) > 0
        || m_expectedUntil.value(QString()) > now
        || m_expectedUntil.value(container.service) > now) {
        return true;
    }
    const auto stopped = m_stopEvents.constFind(container.id);
    return stopped != m_stopEvents.cend() && now - *stopped < 60000;
}

void LiveState::raiseLater(ServiceAlert alert, const QString &containerId)
{
    const qint64 dieTime = nowMs();
    QTimer::singleShot(StopEventWaitMs, this, [this, alert, containerId, dieTime] {
        const auto stopped = m_stopEvents.constFind(containerId);
        if (stopped != m_stopEvents.cend() && *stopped >= dieTime - StopEventWaitMs) {
            return; // `docker stop` / `compose stop`: asked for
        }
        const auto container = m_containers.constFind(containerId);
        if (container != m_containers.cend() && isExpected(*container)) {
            return;
        }
        emit alertRaised(alert);
    });
}

void LiveState::apply()
{
    QList<ServiceState> next = computeServiceStates(m_project, m_containers.values());
    if (!m_reachable || !m_listed) {
        // Without the engine nothing is known about the containers: "unknown", never a guess
        // such as "not created" (which would invite an Up that recreates what still runs). The
        // same holds after a reconnect until the first listing is in.
        for (ServiceState &s : next) {
            s.status = ServiceStatus::Unknown;
            s.health.clear();
            s.healthLog.clear();
            s.exitCode = 0;
            s.reason = m_answered && !m_reachable ? tr("the Docker engine is not reachable")
                                                  : tr("connecting to the Docker engine");
            s.dependencies.clear(); // neither satisfied nor broken: not known
        }
    }

    // Alerts, per container: an up container that exited or restarts; a container that turned
    // unhealthy.
    QHash<QString, ContainerState> before;
    for (const ServiceState &s : std::as_const(m_services)) {
        for (const ContainerState &c : s.containers) {
            before.insert(c.id, c);
        }
    }
    for (const ServiceState &s : std::as_const(next)) {
        for (const ContainerState &c : s.containers) {
            const auto old = before.constFind(c.id);
            if (old == before.cend()) {
                continue;
            }
            const bool died =
                old->status != c.status && isUp(old->status)
                && (c.status == ServiceStatus::Exited || c.status == ServiceStatus::Dead
                    || c.status == ServiceStatus::Restarting);
            if (died && !isExpected(c)) {
                ServiceAlert alert;
                alert.kind = ServiceAlert::Kind::Exited;
                alert.service = s.name;
                alert.container = c.name;
                alert.time = QDateTime::currentDateTimeUtc();
                alert.message =
                    c.oomKilled
                        ? tr("%1 ran out of memory and exited (code %2)")
                              .arg(s.name)
                              .arg(c.exitCode)
                        : tr("%1 exited unexpectedly (code %2)").arg(s.name).arg(c.exitCode);
                raiseLater(alert, c.id);
            }
            if (c.health == u"unhealthy" && old->health != u"unhealthy" && isUp(c.status)) {
                // The event arrives before the inspect that carries the failing probe's output:
                // word the alert a moment later, from what is known then.
                const QString id = c.id;
                const QString service = s.name;
                const QString name = c.name;
                QTimer::singleShot(250, this, [this, id, service, name] {
                    const auto now = m_containers.constFind(id);
                    QString probe;
                    if (now != m_containers.cend() && !now->healthLog.isEmpty()
                        && now->healthLog.constLast().exitCode != 0) {
                        probe = now->healthLog.constLast().output.simplified().left(160);
                    }
                    ServiceAlert alert;
                    alert.kind = ServiceAlert::Kind::Unhealthy;
                    alert.service = service;
                    alert.container = name;
                    alert.time = QDateTime::currentDateTimeUtc();
                    alert.message = probe.isEmpty()
                                        ? tr("%1 turned unhealthy").arg(service)
                                        : tr("%1 turned unhealthy: %2").arg(service, probe);
                    emit alertRaised(alert);
                });
            }
        }
    }

    const QList<ServiceState> previous = std::exchange(m_services, next);
    bool changed = previous.size() != m_services.size();
    for (const ServiceState &now : std::as_const(m_services)) {
        const auto old = std::find_if(previous.cbegin(), previous.cend(),
                                      [&](const ServiceState &p) { return p.name == now.name; });
        const ServiceState before = old == previous.cend() ? ServiceState{} : *old;
        if (old == previous.cend() || !(before == now)) {
            changed = true;
            emit serviceChanged(now, before);
        }
    }
    const bool firstTime = !m_known && m_answered && !m_busy;
    if (firstTime) {
        m_known = true;
    }
    if (changed || firstTime) {
        emit servicesChanged(m_services);
    }
    if (firstTime) {
        emit ready();
    }
}

void LiveState::setReachable(bool reachable, const Error &error)
{
    if (reachable == m_reachable && (reachable || error == m_engineError)) {
        return;
    }
    const bool was = m_reachable;
    m_reachable = reachable;
    m_engineError = reachable ? Error{} : error;
    if (!reachable) {
        m_listed = false;
        m_containers.clear();
        m_dirty.clear();
        m_relist = true;
        m_busy = false;
        m_answered = true;
        apply();
    }
    if (was != reachable || !reachable) {
        emit engineStatusChanged(reachable, m_engineError);
    }
}

void LiveState::beginExpected(const QStringList &services)
{
    if (services.isEmpty()) {
        ++m_expected[QString()];
    }
    for (const QString &s : services) {
        ++m_expected[s];
    }
}

void LiveState::endExpected(const QStringList &services)
{
    const qint64 until = nowMs() + ExpectedGraceMs;
    const QStringList keys = services.isEmpty() ? QStringList{QString()} : services;
    for (const QString &s : keys) {
        if (--m_expected[s] <= 0) {
            m_expected.remove(s);
        }
        m_expectedUntil.insert(s, until);
    }
}

} // namespace DevDock::Core
