// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livestate.h"

#include "engine/engineclient.h"
#include "engine/eventhub.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDateTime>

namespace DevDock::Core {

namespace {

constexpr int StopEventWaitMs = 400;  // a `die` waits this long for the `stop` that may follow
constexpr int ExpectedGraceMs = 3000; // late events of DevDock's own operations
constexpr int ProbeIntervalMs = 2000; // re-read unsettled health checks' probe logs

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
    m_probeTimer.setInterval(ProbeIntervalMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &LiveState::probeUnsettled);
}

LiveState::~LiveState()
{
    stop();
}

void LiveState::setProject(const ComposeProject &project)
{
    const bool renamed = project.name != m_project.name;
    m_project = project;
    if (renamed && m_running) {
        stop();
        m_reducer.onEngineLost();
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
    // The engine's one event stream, shared with every other project and view.
    m_hub = EventHub::of(m_client);
    connect(m_hub, &EventHub::connected, this, [this] {
        setReachable(true);
        refresh();
    });
    connect(m_hub, &EventHub::resyncNeeded, this, &LiveState::refresh);
    connect(m_hub, &EventHub::eventReceived, this, &LiveState::onEvent);
    connect(m_hub, &EventHub::disconnected, this,
            [this](const Error &error) { setReachable(false, error); });
    m_hub->acquire();
    refresh();
}

void LiveState::stop()
{
    if (m_running && m_hub) {
        m_hub->disconnect(this);
        m_hub->release();
    }
    m_running = false;
    m_timer.stop();
    m_probeTimer.stop();
}

void LiveState::refresh()
{
    ++m_refreshAsked;
    m_relist = true;
    for (const ContainerState &c : m_reducer.containers()) {
        m_dirty.insert(c.id);
    }
    schedule();
}

void LiveState::onEvent(const EngineEvent &event)
{
    if (event.attributes.value(QStringLiteral("com.docker.compose.project")) != m_project.name) {
        return; // another project's (the stream is the engine's, shared)
    }
    take(m_reducer.onEvent(event, nowMs()));
}

void LiveState::take(const LiveReducer::Step &step)
{
    if (step.changed) {
        apply();
    }
    m_dirty.unite(step.inspect);
    m_relist = m_relist || step.relist;
    if (!step.inspect.isEmpty() || step.relist) {
        schedule();
    }
}

void LiveState::probeUnsettled()
{
    bool any = false;
    for (const ContainerState &c : m_reducer.containers()) {
        if (c.engineState == u"running" && (c.health == u"starting" || c.health == u"unhealthy")) {
            m_dirty.insert(c.id);
            any = true;
        }
    }
    if (any) {
        schedule();
    } else {
        m_probeTimer.stop();
    }
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
    m_refreshListing = m_refreshAsked;
    ++m_listings;
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
        m_refreshListed = m_refreshListing; // in once the inspects it asks for are in
        QSet<QString> present;
        for (const ContainerSummary &summary : *list) {
            present.insert(summary.id);
        }
        const LiveReducer::Step step = m_reducer.onListing(*list);
        m_dirty.unite(step.inspect);
        for (const QString &id : QSet<QString>(m_dirty)) {
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
        m_refreshDone = m_refreshListed;
        apply();
        if (std::exchange(m_again, false)) {
            schedule();
        }
        return;
    }
    m_pendingInspects = int(ids.size());
    for (const QString &id : ids) {
        const quint64 serial = m_reducer.eventSerial(id);
        ++m_inspects;
        m_client->inspectContainer(id, this, [this, id, serial](Result<QJsonObject> json) {
            if (m_reducer.eventSerial(id) != serial) {
                // An event came while this was in flight: its (newer) view stays, and the
                // container is inspected again.
            } else if (json) {
                m_reducer.onInspect(id, ContainerState::fromInspect(*json));
            } else if (json.error().code == Error::Code::NotFound) {
                m_reducer.onInspect(id, std::nullopt);
            } else if (json.error().code == Error::Code::EngineUnreachable) {
                setReachable(false, json.error());
            }
            if (--m_pendingInspects == 0) {
                m_busy = false;
                m_refreshDone = m_refreshListed;
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
    return m_reducer.stopRequested(container.id, now);
}

void LiveState::raiseLater(ServiceAlert alert, const QString &containerId)
{
    QTimer::singleShot(StopEventWaitMs, this, [this, alert, containerId] {
        if (m_reducer.stopRequested(containerId, nowMs())) {
            return; // `docker stop` / `compose stop`: asked for (its stop event came late)
        }
        const auto container = m_reducer.container(containerId);
        if (container && isExpected(*container)) {
            return;
        }
        emit alertRaised(alert);
    });
}

void LiveState::apply()
{
    QList<ServiceState> next = computeServiceStates(m_project, m_reducer.containers());
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
                    const auto now = m_reducer.container(id);
                    QString probe;
                    if (now && !now->healthLog.isEmpty()
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

    if (m_running && !m_probeTimer.isActive()) {
        const QList<ContainerState> all = m_reducer.containers();
        if (std::any_of(all.cbegin(), all.cend(), [](const ContainerState &c) {
                return c.engineState == u"running"
                       && (c.health == u"starting" || c.health == u"unhealthy");
            })) {
            m_probeTimer.start();
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
        m_reducer.onEngineLost();
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
