// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composemodel.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <functional>
#include <vector>

namespace DevDock::Core {

const ComposeService *ComposeProject::service(const QString &name) const
{
    for (const ComposeService &s : services) {
        if (s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

QHash<QString, const ComposeService *> ComposeProject::serviceIndex() const
{
    QHash<QString, const ComposeService *> index;
    index.reserve(services.size());
    for (const ComposeService &s : services) {
        index.insert(s.name, &s);
    }
    return index;
}

namespace {

// Depth-first walk over depends_on, iterative so that a long chain of services cannot overflow
// the stack. Calls `finished` for each service after all its dependencies; returns the first
// cycle met (names from the repeated service back to it), if any. Without `stopAtCycle` a
// dependency that closes a cycle is skipped and the walk goes on.
std::optional<QStringList>
walkDependencies(const QList<ComposeService> &services,
                 const QHash<QString, const ComposeService *> &byName, bool stopAtCycle,
                 const std::function<void(const ComposeService &)> &finished)
{
    enum class Mark { New, Walking, Done };
    QHash<QString, Mark> marks;
    struct Frame
    {
        const ComposeService *service;
        QStringList dependencies;
        qsizetype next = 0;
    };
    std::vector<Frame> stack;
    for (const ComposeService &root : services) {
        if (marks.value(root.name, Mark::New) != Mark::New) {
            continue;
        }
        marks.insert(root.name, Mark::Walking);
        stack.push_back({&root, root.dependsOn.keys()});
        while (!stack.empty()) {
            Frame &top = stack.back();
            if (top.next == top.dependencies.size()) {
                marks.insert(top.service->name, Mark::Done);
                if (finished) {
                    finished(*top.service);
                }
                stack.pop_back();
                continue;
            }
            const QString dep = top.dependencies.at(top.next++);
            const ComposeService *next = byName.value(dep);
            if (!next) {
                continue;
            }
            const Mark mark = marks.value(dep, Mark::New);
            if (mark == Mark::Walking && stopAtCycle) {
                QStringList cycle;
                bool inCycle = false;
                for (const Frame &f : stack) {
                    inCycle = inCycle || f.service->name == dep;
                    if (inCycle) {
                        cycle << f.service->name;
                    }
                }
                cycle << dep;
                return cycle;
            }
            if (mark == Mark::New) {
                marks.insert(dep, Mark::Walking);
                stack.push_back({next, next->dependsOn.keys()}); // `top` is invalid from here
            }
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<QStringList> ComposeProject::dependencyCycle() const
{
    return walkDependencies(services, serviceIndex(), true, {});
}

QStringList ComposeProject::startOrder() const
{
    QStringList order;
    // The loader rejects cycles; in a hand-made project one is broken at its last edge.
    walkDependencies(services, serviceIndex(), false,
                     [&](const ComposeService &s) { order << s.name; });
    return order;
}

QStringList ComposeProject::dependents(const QString &name) const
{
    QStringList result;
    QStringList frontier{name};
    while (!frontier.isEmpty()) {
        const QString current = frontier.takeFirst();
        for (const ComposeService &s : services) {
            if (s.dependsOn.contains(current) && !result.contains(s.name) && s.name != name) {
                result << s.name;
                frontier << s.name;
            }
        }
    }
    return result;
}

QStringList ComposeProject::roots() const
{
    QSet<QString> dependedOn;
    for (const ComposeService &s : services) {
        for (auto it = s.dependsOn.begin(); it != s.dependsOn.end(); ++it) {
            if (it.key() != s.name) {
                dependedOn.insert(it.key());
            }
        }
    }
    QStringList list;
    for (const ComposeService &s : services) {
        if (!dependedOn.contains(s.name)) {
            list << s.name;
        }
    }
    return list;
}

QJsonObject ComposeService::toJson() const
{
    const ComposeService &s = *this;
    QJsonObject o;
    if (!s.image.isEmpty()) {
        o.insert(QStringLiteral("image"), s.image);
    }
    if (s.build) {
        QJsonObject b{{QStringLiteral("context"), s.build->context},
                      {QStringLiteral("dockerfile"), s.build->dockerfile}};
        if (!s.build->target.isEmpty()) {
            b.insert(QStringLiteral("target"), s.build->target);
        }
        if (!s.build->platforms.isEmpty()) {
            b.insert(QStringLiteral("platforms"), QJsonArray::fromStringList(s.build->platforms));
        }
        if (!s.build->args.isEmpty()) {
            QJsonObject args;
            for (auto it = s.build->args.begin(); it != s.build->args.end(); ++it) {
                args.insert(it.key(), it.value());
            }
            b.insert(QStringLiteral("args"), args);
        }
        o.insert(QStringLiteral("build"), b);
    }
    o.insert(QStringLiteral("command"), s.command
                                            ? QJsonValue(QJsonArray::fromStringList(*s.command))
                                            : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("entrypoint"),
             s.entrypoint ? QJsonValue(QJsonArray::fromStringList(*s.entrypoint))
                          : QJsonValue(QJsonValue::Null));
    if (!s.environment.isEmpty()) {
        QJsonObject env;
        for (auto it = s.environment.begin(); it != s.environment.end(); ++it) {
            env.insert(it.key(),
                       it.value() ? QJsonValue(*it.value()) : QJsonValue(QJsonValue::Null));
        }
        o.insert(QStringLiteral("environment"), env);
    }
    if (!s.ports.isEmpty()) {
        QJsonArray ports;
        for (const ComposePort &p : s.ports) {
            QJsonObject port{{QStringLiteral("mode"), p.mode},
                             {QStringLiteral("target"), p.target},
                             {QStringLiteral("protocol"), p.protocol}};
            if (!p.hostIp.isEmpty()) {
                port.insert(QStringLiteral("host_ip"), p.hostIp);
            }
            if (!p.published.isEmpty()) {
                port.insert(QStringLiteral("published"), p.published);
            }
            ports.append(port);
        }
        o.insert(QStringLiteral("ports"), ports);
    }
    if (!s.expose.isEmpty()) {
        o.insert(QStringLiteral("expose"), QJsonArray::fromStringList(s.expose));
    }
    if (!s.dependsOn.isEmpty()) {
        QJsonObject deps;
        for (auto it = s.dependsOn.begin(); it != s.dependsOn.end(); ++it) {
            QJsonObject d{{QStringLiteral("condition"), it->condition},
                          {QStringLiteral("required"), it->required}};
            if (it->restart) {
                d.insert(QStringLiteral("restart"), true);
            }
            deps.insert(it.key(), d);
        }
        o.insert(QStringLiteral("depends_on"), deps);
    }
    if (s.healthcheck) {
        QJsonObject h;
        if (!s.healthcheck->test.isEmpty()) {
            h.insert(QStringLiteral("test"), QJsonArray::fromStringList(s.healthcheck->test));
        }
        if (!s.healthcheck->interval.isEmpty()) {
            h.insert(QStringLiteral("interval"), s.healthcheck->interval);
        }
        if (!s.healthcheck->timeout.isEmpty()) {
            h.insert(QStringLiteral("timeout"), s.healthcheck->timeout);
        }
        if (!s.healthcheck->startPeriod.isEmpty()) {
            h.insert(QStringLiteral("start_period"), s.healthcheck->startPeriod);
        }
        if (s.healthcheck->retries) {
            h.insert(QStringLiteral("retries"), *s.healthcheck->retries);
        }
        if (s.healthcheck->disable) {
            h.insert(QStringLiteral("disable"), true);
        }
        o.insert(QStringLiteral("healthcheck"), h);
    }
    if (!s.volumes.isEmpty()) {
        QJsonArray volumes;
        for (const ComposeVolumeMount &v : s.volumes) {
            QJsonObject vol{{QStringLiteral("type"), v.type}, {QStringLiteral("target"), v.target}};
            if (!v.source.isEmpty()) {
                vol.insert(QStringLiteral("source"), v.source);
            }
            if (v.readOnly) {
                vol.insert(QStringLiteral("read_only"), true);
            }
            volumes.append(vol);
        }
        o.insert(QStringLiteral("volumes"), volumes);
    }
    QJsonObject networksJson;
    for (auto it = s.networks.begin(); it != s.networks.end(); ++it) {
        networksJson.insert(
            it.key(), it->isEmpty() ? QJsonValue(QJsonValue::Null)
                                    : QJsonValue(QJsonObject{{QStringLiteral("aliases"),
                                                              QJsonArray::fromStringList(*it)}}));
    }
    o.insert(QStringLiteral("networks"), networksJson);
    if (!s.profiles.isEmpty()) {
        o.insert(QStringLiteral("profiles"), QJsonArray::fromStringList(s.profiles));
    }
    if (!s.restart.isEmpty()) {
        o.insert(QStringLiteral("restart"), s.restart);
    }
    for (const auto &[key, value] :
         {std::pair{"container_name", &s.containerName}, std::pair{"hostname", &s.hostname},
          std::pair{"user", &s.user}, std::pair{"working_dir", &s.workingDir},
          std::pair{"platform", &s.platform}, std::pair{"stop_signal", &s.stopSignal},
          std::pair{"stop_grace_period", &s.stopGracePeriod}}) {
        if (!value->isEmpty()) {
            o.insert(QLatin1String(key), *value);
        }
    }
    if (s.init) {
        o.insert(QStringLiteral("init"), *s.init);
    }
    for (const auto &[key, value] :
         {std::pair{"privileged", s.privileged}, std::pair{"read_only", s.readOnly},
          std::pair{"stdin_open", s.stdinOpen}, std::pair{"tty", s.tty}}) {
        if (value) {
            o.insert(QLatin1String(key), true);
        }
    }
    for (const auto &[key, value] :
         {std::pair{"cap_add", &s.capAdd}, std::pair{"cap_drop", &s.capDrop},
          std::pair{"extra_hosts", &s.extraHosts}}) {
        if (!value->isEmpty()) {
            o.insert(QLatin1String(key), QJsonArray::fromStringList(*value));
        }
    }
    if (!s.networkMode.isEmpty()) {
        o.insert(QStringLiteral("network_mode"), s.networkMode);
    }
    if (!s.links.isEmpty()) {
        o.insert(QStringLiteral("links"), QJsonArray::fromStringList(s.links));
    }
    if (!s.labels.isEmpty()) {
        QJsonObject labels;
        for (auto it = s.labels.begin(); it != s.labels.end(); ++it) {
            labels.insert(it.key(), it.value());
        }
        o.insert(QStringLiteral("labels"), labels);
    }
    QJsonObject deploy;
    if (s.replicas) {
        deploy.insert(QStringLiteral("replicas"), *s.replicas);
    }
    const auto resourcesJson = [](const ComposeResources &r) {
        QJsonObject o;
        if (r.cpus) {
            o.insert(QStringLiteral("cpus"), *r.cpus);
        }
        if (r.memoryBytes) {
            o.insert(QStringLiteral("memory"), QString::number(*r.memoryBytes));
        }
        return o;
    };
    if (!s.limits.isEmpty() || !s.reservations.isEmpty()) {
        QJsonObject resources;
        if (!s.limits.isEmpty()) {
            resources.insert(QStringLiteral("limits"), resourcesJson(s.limits));
        }
        if (!s.reservations.isEmpty()) {
            resources.insert(QStringLiteral("reservations"), resourcesJson(s.reservations));
        }
        deploy.insert(QStringLiteral("resources"), resources);
    }
    if (!deploy.isEmpty()) {
        o.insert(QStringLiteral("deploy"), deploy);
    }
    if (!s.tmpfs.isEmpty()) {
        o.insert(QStringLiteral("tmpfs"), QJsonArray::fromStringList(s.tmpfs));
    }
    if (!s.watch.isEmpty()) {
        QJsonArray watch;
        for (const ComposeWatchRule &w : s.watch) {
            QJsonObject rule{{QStringLiteral("action"), w.action},
                             {QStringLiteral("path"), w.path}};
            if (!w.target.isEmpty()) {
                rule.insert(QStringLiteral("target"), w.target);
            }
            if (!w.ignore.isEmpty()) {
                rule.insert(QStringLiteral("ignore"), QJsonArray::fromStringList(w.ignore));
            }
            if (w.initialSync) {
                rule.insert(QStringLiteral("initial_sync"), true);
            }
            watch.append(rule);
        }
        o.insert(QStringLiteral("develop"), QJsonObject{{QStringLiteral("watch"), watch}});
    }
    return o;
}

QJsonObject ComposeProject::toJson() const
{
    QJsonObject servicesJson;
    // A QJsonObject keeps its keys sorted: inserting in key order appends, any other order moves
    // the keys already there (quadratic for a project with 100 000 services).
    QList<const ComposeService *> sorted;
    sorted.reserve(services.size());
    for (const ComposeService &s : services) {
        sorted << &s;
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const ComposeService *a, const ComposeService *b) { return a->name < b->name; });
    for (const ComposeService *service : sorted) {
        const ComposeService &s = *service;
        servicesJson.insert(s.name, s.toJson());
    }
    auto names = [](const QStringList &list) {
        QJsonObject o;
        for (const QString &n : list) {
            o.insert(n, QJsonObject{});
        }
        return o;
    };
    QJsonObject root{{QStringLiteral("name"), name}, {QStringLiteral("services"), servicesJson}};
    if (!networks.isEmpty()) {
        root.insert(QStringLiteral("networks"), names(networks));
    }
    if (!volumes.isEmpty()) {
        root.insert(QStringLiteral("volumes"), names(volumes));
    }
    return root;
}

} // namespace DevDock::Core
