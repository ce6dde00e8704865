// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicestate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace DevDock::Core {

namespace {

// lupdate files these strings under the context below, as translate() looks them up.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DevDock::Core::ServiceState)
};

// The engine's RFC 3339 times carry nanoseconds; Qt parses milliseconds. The zero time
// ("0001-01-01T00:00:00Z") means "never".
QDateTime parseEngineTime(const QString &text)
{
    if (text.isEmpty() || text.startsWith(QStringLiteral("0001-"))) {
        return {};
    }
    static const QRegularExpression fraction(QStringLiteral(R"(\.(\d{1,3})\d*)"));
    QString trimmed = text;
    trimmed.replace(fraction, QStringLiteral(".\\1"));
    return QDateTime::fromString(trimmed, Qt::ISODateWithMs);
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

ServiceStatus statusOf(const QString &engineState, const QString &health)
{
    if (engineState == u"running") {
        if (health == u"healthy") {
            return ServiceStatus::Healthy;
        }
        if (health == u"unhealthy") {
            return ServiceStatus::Unhealthy;
        }
        if (health == u"starting") {
            return ServiceStatus::Starting;
        }
        return ServiceStatus::Running;
    }
    if (engineState == u"created") {
        return ServiceStatus::Created;
    }
    if (engineState == u"restarting") {
        return ServiceStatus::Restarting;
    }
    if (engineState == u"paused") {
        return ServiceStatus::Paused;
    }
    if (engineState == u"exited") {
        return ServiceStatus::Exited;
    }
    if (engineState == u"removing") {
        return ServiceStatus::Removing;
    }
    if (engineState == u"dead") {
        return ServiceStatus::Dead;
    }
    return ServiceStatus::NotCreated;
}

// Which replica decides the service's status: the most troubled one.
int severity(ServiceStatus status)
{
    switch (status) {
    case ServiceStatus::Dead:
        return 10;
    case ServiceStatus::Restarting:
        return 9;
    case ServiceStatus::Exited:
        return 8;
    case ServiceStatus::Unhealthy:
        return 7;
    case ServiceStatus::Removing:
        return 6;
    case ServiceStatus::Paused:
        return 5;
    case ServiceStatus::Created:
    case ServiceStatus::Stopped:
        return 4;
    case ServiceStatus::Starting:
        return 3;
    case ServiceStatus::Running:
        return 2;
    case ServiceStatus::Healthy:
        return 1;
    case ServiceStatus::NotCreated:
    case ServiceStatus::Unknown:
        return 0;
    }
    return 0;
}

QString oneLine(QString text, int max = 160)
{
    text = text.simplified();
    if (text.size() > max) {
        text = text.left(max - 1) + QChar(0x2026);
    }
    return text;
}

bool satisfies(const ServiceState &dependency, const QString &condition)
{
    if (condition == u"service_healthy") {
        // A dependency without a health check counts as healthy once running, as Compose does.
        return dependency.status == ServiceStatus::Healthy
               || (dependency.status == ServiceStatus::Running && dependency.health.isEmpty());
    }
    if (condition == u"service_completed_successfully") {
        return dependency.status == ServiceStatus::Exited && dependency.exitCode == 0
               && !dependency.containers.isEmpty();
    }
    return dependency.isUp();
}

QString blockingReason(const QString &name, const ServiceState &dependency,
                       const QString &condition)
{
    switch (dependency.status) {
    case ServiceStatus::Exited:
        return Text::tr("dependency %1 exited (code %2)").arg(name).arg(dependency.exitCode);
    case ServiceStatus::Dead:
        return Text::tr("dependency %1 is dead").arg(name);
    case ServiceStatus::Stopped:
        return Text::tr("dependency %1 is stopped").arg(name);
    case ServiceStatus::Restarting:
        return Text::tr("dependency %1 is restarting (exit code %2)")
            .arg(name)
            .arg(dependency.exitCode);
    case ServiceStatus::Unhealthy: {
        const QString probe = dependency.lastProbeOutput();
        return probe.isEmpty()
                   ? Text::tr("waiting for %1: unhealthy").arg(name)
                   : Text::tr("waiting for %1: unhealthy — last probe: %2").arg(name, probe);
    }
    case ServiceStatus::NotCreated:
        return Text::tr("dependency %1 is not created").arg(name);
    case ServiceStatus::Created:
        return Text::tr("waiting for %1 to start").arg(name);
    case ServiceStatus::Paused:
        return Text::tr("dependency %1 is paused").arg(name);
    case ServiceStatus::Removing:
        return Text::tr("dependency %1 is being removed").arg(name);
    case ServiceStatus::Unknown:
        return Text::tr("the state of dependency %1 is unknown").arg(name);
    case ServiceStatus::Starting:
    case ServiceStatus::Running:
    case ServiceStatus::Healthy:
        break;
    }
    if (condition == u"service_completed_successfully") {
        return Text::tr("waiting for %1 to complete successfully").arg(name);
    }
    return Text::tr("waiting for %1 to become healthy").arg(name);
}

QString ownReason(const ServiceState &s)
{
    switch (s.status) {
    case ServiceStatus::NotCreated:
        return Text::tr("not created");
    case ServiceStatus::Created:
        return Text::tr("created, not started");
    case ServiceStatus::Starting:
        return Text::tr("starting: health check not passed yet");
    case ServiceStatus::Unhealthy: {
        const QString probe = s.lastProbeOutput();
        return probe.isEmpty() ? Text::tr("unhealthy")
                               : Text::tr("unhealthy — last probe: %1").arg(probe);
    }
    case ServiceStatus::Restarting:
        return Text::tr("restarting after exit code %1 (%2 restarts)")
            .arg(s.exitCode)
            .arg(s.restartCount);
    case ServiceStatus::Paused:
        return Text::tr("paused");
    case ServiceStatus::Exited:
        return s.containers.value(0).oomKilled
                   ? Text::tr("exited (code %1, out of memory)").arg(s.exitCode)
                   : Text::tr("exited (code %1)").arg(s.exitCode);
    case ServiceStatus::Stopped:
        return Text::tr("stopped");
    case ServiceStatus::Removing:
        return Text::tr("being removed");
    case ServiceStatus::Dead:
        return Text::tr("dead");
    case ServiceStatus::Unknown:
        return Text::tr("state unknown");
    case ServiceStatus::Running:
    case ServiceStatus::Healthy:
        break;
    }
    return {};
}

// ownReason(), or the plain state word of a service that is up.
QString ownReasonOrState(const ServiceState &s)
{
    const QString own = ownReason(s);
    if (!own.isEmpty()) {
        return own;
    }
    return s.status == ServiceStatus::Healthy ? Text::tr("running, healthy") : Text::tr("running");
}

QJsonArray portsJson(const QList<PortBinding> &ports)
{
    QJsonArray array;
    for (const PortBinding &p : ports) {
        array.append(QJsonObject{{QStringLiteral("host_ip"), p.ip},
                                 {QStringLiteral("published"), p.publicPort},
                                 {QStringLiteral("target"), p.privatePort},
                                 {QStringLiteral("protocol"), p.type}});
    }
    return array;
}

} // namespace

QString statusName(ServiceStatus status)
{
    switch (status) {
    case ServiceStatus::NotCreated:
        return QStringLiteral("not created");
    case ServiceStatus::Created:
        return QStringLiteral("created");
    case ServiceStatus::Starting:
        return QStringLiteral("starting");
    case ServiceStatus::Running:
        return QStringLiteral("running");
    case ServiceStatus::Healthy:
        return QStringLiteral("healthy");
    case ServiceStatus::Unhealthy:
        return QStringLiteral("unhealthy");
    case ServiceStatus::Restarting:
        return QStringLiteral("restarting");
    case ServiceStatus::Paused:
        return QStringLiteral("paused");
    case ServiceStatus::Exited:
        return QStringLiteral("exited");
    case ServiceStatus::Stopped:
        return QStringLiteral("stopped");
    case ServiceStatus::Removing:
        return QStringLiteral("removing");
    case ServiceStatus::Dead:
        return QStringLiteral("dead");
    case ServiceStatus::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString statusDisplayName(ServiceStatus status)
{
    switch (status) {
    case ServiceStatus::NotCreated:
        return Text::tr("not created");
    case ServiceStatus::Created:
        return Text::tr("created");
    case ServiceStatus::Starting:
        return Text::tr("starting");
    case ServiceStatus::Running:
        return Text::tr("running");
    case ServiceStatus::Healthy:
        return Text::tr("healthy");
    case ServiceStatus::Unhealthy:
        return Text::tr("unhealthy");
    case ServiceStatus::Restarting:
        return Text::tr("restarting");
    case ServiceStatus::Paused:
        return Text::tr("paused");
    case ServiceStatus::Exited:
        return Text::tr("exited");
    case ServiceStatus::Stopped:
        return Text::tr("stopped");
    case ServiceStatus::Removing:
        return Text::tr("removing");
    case ServiceStatus::Dead:
        return Text::tr("dead");
    case ServiceStatus::Unknown:
        // Only LiveState without an engine says "unknown": every view tells why in the same words.
        return Text::tr("unknown — engine unreachable");
    }
    return {};
}

bool isUp(ServiceStatus status)
{
    return status == ServiceStatus::Running || status == ServiceStatus::Healthy
           || status == ServiceStatus::Starting || status == ServiceStatus::Unhealthy;
}

ContainerState ContainerState::fromInspect(const QJsonObject &json)
{
    ContainerState c;
    c.id = json.value(QStringLiteral("Id")).toString();
    c.name = json.value(QStringLiteral("Name")).toString();
    if (c.name.startsWith(QLatin1Char('/'))) {
        c.name.remove(0, 1);
    }
    const QJsonObject state = json.value(QStringLiteral("State")).toObject();
    c.engineState = state.value(QStringLiteral("Status")).toString();
    c.exitCode = state.value(QStringLiteral("ExitCode")).toInt();
    c.oomKilled = state.value(QStringLiteral("OOMKilled")).toBool();
    c.error = state.value(QStringLiteral("Error")).toString();
    c.startedAt = parseEngineTime(state.value(QStringLiteral("StartedAt")).toString());
    c.finishedAt = parseEngineTime(state.value(QStringLiteral("FinishedAt")).toString());
    const QJsonObject health = state.value(QStringLiteral("Health")).toObject();
    c.health = health.value(QStringLiteral("Status")).toString();
    if (c.health == u"none") {
        c.health.clear();
    }
    for (const QJsonValue &entry : health.value(QStringLiteral("Log")).toArray()) {
        const QJsonObject probe = entry.toObject();
        c.healthLog.append(
            HealthProbe{parseEngineTime(probe.value(QStringLiteral("Start")).toString()),
                        parseEngineTime(probe.value(QStringLiteral("End")).toString()),
                        probe.value(QStringLiteral("ExitCode")).toInt(),
                        probe.value(QStringLiteral("Output")).toString()});
    }
    c.status = statusOf(c.engineState, c.health);
    c.restartCount = json.value(QStringLiteral("RestartCount")).toInt();
    const QJsonObject config = json.value(QStringLiteral("Config")).toObject();
    c.image = config.value(QStringLiteral("Image")).toString();
    const QJsonObject labels = config.value(QStringLiteral("Labels")).toObject();
    c.service = labels.value(QStringLiteral("com.docker.compose.service")).toString();
    c.number =
        labels.value(QStringLiteral("com.docker.compose.container-number")).toString().toInt();
    c.oneoff = labels.value(QStringLiteral("com.docker.compose.oneoff"))
                   .toString()
                   .compare(QStringLiteral("true"), Qt::CaseInsensitive)
               == 0;
    c.workingDir =
        labels.value(QStringLiteral("com.docker.compose.project.working_dir")).toString();
    c.configFiles =
        labels.value(QStringLiteral("com.docker.compose.project.config_files")).toString();
    c.configHash = labels.value(QStringLiteral("com.docker.compose.config-hash")).toString();
    const QJsonObject ports = json.value(QStringLiteral("NetworkSettings"))
                                  .toObject()
                                  .value(QStringLiteral("Ports"))
                                  .toObject();
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        const QString key = it.key(); // "8080/tcp"
        const int privatePort = key.section(QLatin1Char('/'), 0, 0).toInt();
        const QString type = key.section(QLatin1Char('/'), 1, 1);
        for (const QJsonValue &binding : it.value().toArray()) {
            const QJsonObject b = binding.toObject();
            c.ports.append(PortBinding{b.value(QStringLiteral("HostIp")).toString(), privatePort,
                                       b.value(QStringLiteral("HostPort")).toString().toInt(),
                                       type});
        }
    }
    std::sort(c.ports.begin(), c.ports.end(), [](const PortBinding &a, const PortBinding &b) {
        return std::tie(a.publicPort, a.ip) < std::tie(b.publicPort, b.ip);
    });
    return c;
}

QJsonObject ContainerState::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("number"), number},
                     {QStringLiteral("state"), statusName(status)},
                     {QStringLiteral("engine_state"), engineState},
                     {QStringLiteral("health"), health},
                     {QStringLiteral("exit_code"), exitCode},
                     {QStringLiteral("restart_count"), restartCount},
                     {QStringLiteral("started_at"), isoTime(startedAt)},
                     {QStringLiteral("image"), image},
                     {QStringLiteral("ports"), portsJson(ports)}};
    if (oneoff) {
        json.insert(QStringLiteral("oneoff"), true);
    }
    return json;
}

QString ServiceState::lastProbeOutput() const
{
    return healthLog.isEmpty() ? QString() : oneLine(healthLog.constLast().output);
}

QJsonObject ServiceState::toJson() const
{
    QJsonArray containerArray;
    for (const ContainerState &c : containers) {
        containerArray.append(c.toJson());
    }
    for (const ContainerState &c : oneoffs) {
        containerArray.append(c.toJson());
    }
    QJsonArray probes;
    for (const HealthProbe &p : healthLog) {
        probes.append(QJsonObject{{QStringLiteral("start"), isoTime(p.start)},
                                  {QStringLiteral("end"), isoTime(p.end)},
                                  {QStringLiteral("exit_code"), p.exitCode},
                                  {QStringLiteral("output"), p.output}});
    }
    QJsonObject deps;
    for (auto it = dependencies.cbegin(); it != dependencies.cend(); ++it) {
        deps.insert(it.key(), it.value());
    }
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("state"), statusName(status)},
                       {QStringLiteral("health"), health},
                       {QStringLiteral("exit_code"), exitCode},
                       {QStringLiteral("replicas"), desiredReplicas},
                       {QStringLiteral("restart_count"), restartCount},
                       {QStringLiteral("started_at"), isoTime(startedAt)},
                       {QStringLiteral("image"), image},
                       {QStringLiteral("ports"), portsJson(ports)},
                       {QStringLiteral("containers"), containerArray},
                       {QStringLiteral("health_log"), probes},
                       {QStringLiteral("dependencies"), deps},
                       {QStringLiteral("in_model"), inModel},
                       {QStringLiteral("inactive_profiles"), QJsonArray::fromStringList(inactiveProfiles)},
                       {QStringLiteral("reason"), reason}};
}

QList<ServiceState> computeServiceStates(const ComposeProject &project,
                                         const QList<ContainerState> &containers)
{
    QList<ServiceState> states;
    QHash<QString, qsizetype> index;
    auto add = [&](const QString &name, bool inModel) -> ServiceState & {
        index.insert(name, states.size());
        ServiceState s;
        s.name = name;
        s.inModel = inModel;
        states.append(s);
        return states.last();
    };
    for (const ComposeService &service : project.services) {
        ServiceState &s = add(service.name, true);
        s.desiredReplicas = service.replicas.value_or(1);
        s.image = service.image;
    }
    for (const ContainerState &c : containers) {
        if (c.service.isEmpty()) {
            continue;
        }
        if (!index.contains(c.service)) {
            add(c.service, false).inactiveProfiles = project.disabledProfiles.value(c.service);
        }
        ServiceState &s = states[index.value(c.service)];
        (c.oneoff ? s.oneoffs : s.containers).append(c);
    }

    for (ServiceState &s : states) {
        std::sort(
            s.containers.begin(), s.containers.end(),
            [](const ContainerState &a, const ContainerState &b) { return a.number < b.number; });
        if (s.containers.isEmpty()) {
            continue;
        }
        const ContainerState *decider = &s.containers.first();
        for (const ContainerState &c : s.containers) {
            if (severity(c.status) > severity(decider->status)) {
                decider = &c;
            }
            s.ports.append(c.ports);
            s.restartCount += c.restartCount;
            if (c.startedAt.isValid() && (!s.startedAt.isValid() || c.startedAt < s.startedAt)) {
                s.startedAt = c.startedAt;
            }
        }
        s.status = decider->status;
        s.exitCode = decider->exitCode;
        s.health = decider->health;
        s.healthLog = decider->healthLog;
        if (!decider->image.isEmpty()) {
            s.image = decider->image;
        }
    }

    // Why each service is not up: its first unsatisfied dependency, else its own state.
    for (ServiceState &s : states) {
        const ComposeService *model = project.service(s.name);
        QString blocking;
        if (model) {
            for (auto it = model->dependsOn.cbegin(); it != model->dependsOn.cend(); ++it) {
                const qsizetype at = index.value(it.key(), -1);
                if (at < 0) {
                    continue; // a dependency outside the active profiles
                }
                const ServiceState &dependency = states.at(at);
                const bool ok = satisfies(dependency, it->condition);
                s.dependencies.insert(it.key(), ok);
                if (!ok && blocking.isEmpty()) {
                    blocking = blockingReason(it.key(), dependency, it->condition);
                }
            }
        }
        if (!s.inactiveProfiles.isEmpty()) {
            // Outside the active profiles: the first thing to know about it, up or not.
            s.reason = Text::tr("profile %1 not active (%2)")
                           .arg(s.inactiveProfiles.join(QStringLiteral(", ")), ownReasonOrState(s));
        } else if (s.status == ServiceStatus::Running || s.status == ServiceStatus::Healthy) {
            s.reason.clear();
        } else if (!blocking.isEmpty()
                   && (s.status == ServiceStatus::NotCreated || s.status == ServiceStatus::Created
                       || s.status == ServiceStatus::Exited
                       || s.status == ServiceStatus::Stopped)) {
            s.reason = blocking;
        } else {
            s.reason = ownReason(s);
        }
    }
    return states;
}

} // namespace DevDock::Core
