// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composemodel.h"

#include "util/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
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

namespace {

// FNV-1a over the UTF-16 units: service names are short, and this table needs no defence
// against chosen collisions (qHash's seeded SipHash costs more than the rest of a lookup).
std::size_t nameHash(QStringView name)
{
    std::size_t h = 14695981039346656037ULL;
    for (const QChar c : name) {
        h = (h ^ c.unicode()) * 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

} // namespace

ServiceNumbers::ServiceNumbers(const QList<ComposeService> &services)
    : m_services(services)
{
    // At most two thirds full.
    std::size_t size = 16;
    while (size < std::size_t(services.size()) * 3 / 2) {
        size *= 2;
    }
    m_slots.assign(size, 0);
    m_mask = size - 1;
    for (qsizetype i = 0; i < services.size(); ++i) {
        std::size_t slot = nameHash(services.at(i).name) & m_mask;
        while (m_slots[slot] != 0) {
            if (services.at(m_slots[slot] - 1).name == services.at(i).name) {
                break; // a repeated name keeps its first position, as service() finds it
            }
            slot = (slot + 1) & m_mask;
        }
        if (m_slots[slot] == 0) {
            m_slots[slot] = std::uint32_t(i + 1);
        }
    }
}

qsizetype ServiceNumbers::find(QStringView name) const
{
    for (std::size_t slot = nameHash(name) & m_mask; m_slots[slot] != 0;
         slot = (slot + 1) & m_mask) {
        const qsizetype i = qsizetype(m_slots[slot]) - 1;
        if (m_services.at(i).name == name) {
            return i;
        }
    }
    return -1;
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
// dependency that closes a cycle is skipped and the walk goes on. Services are numbered once,
// so the walk itself looks nothing up by name (a project may have 100 000 services).
std::optional<QStringList>
walkDependencies(const QList<ComposeService> &services, const ServiceNumbers &numbers,
                 bool stopAtCycle, const std::function<void(const ComposeService &)> &finished)
{
    // Each service's dependencies as numbers, in depends_on's order; unknown names are left out.
    std::vector<qsizetype> firstEdge(services.size() + 1);
    std::vector<qsizetype> edges;
    for (qsizetype i = 0; i < services.size(); ++i) {
        firstEdge[i] = qsizetype(edges.size());
        const auto &deps = services.at(i).dependsOn;
        for (auto it = deps.begin(); it != deps.end(); ++it) {
            if (const qsizetype n = numbers.find(it.key()); n >= 0) {
                edges.push_back(n);
            }
        }
    }
    firstEdge[services.size()] = qsizetype(edges.size());

    enum class Mark : std::uint8_t { New, Walking, Done };
    std::vector<Mark> marks(services.size(), Mark::New);
    struct Frame
    {
        qsizetype service;
        qsizetype next; // index into edges
    };
    std::vector<Frame> stack;
    for (qsizetype root = 0; root < services.size(); ++root) {
        if (marks[root] != Mark::New) {
            continue;
        }
        marks[root] = Mark::Walking;
        stack.push_back({root, firstEdge[root]});
        while (!stack.empty()) {
            Frame &top = stack.back();
            if (top.next == firstEdge[top.service + 1]) {
                marks[top.service] = Mark::Done;
                if (finished) {
                    finished(services.at(top.service));
                }
                stack.pop_back();
                continue;
            }
            const qsizetype dep = edges[top.next++];
            const Mark mark = marks[dep];
            if (mark == Mark::Walking && stopAtCycle) {
                QStringList cycle;
                bool inCycle = false;
                for (const Frame &f : stack) {
                    inCycle = inCycle || f.service == dep;
                    if (inCycle) {
                        cycle << services.at(f.service).name;
                    }
                }
                cycle << services.at(dep).name;
                return cycle;
            }
            if (mark == Mark::New) {
                marks[dep] = Mark::Walking;
                stack.push_back({dep, firstEdge[dep]}); // `top` is invalid from here
            }
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<QStringList> ComposeProject::dependencyCycle() const
{
    return dependencyCycle(ServiceNumbers(services));
}

std::optional<QStringList> ComposeProject::dependencyCycle(const ServiceNumbers &numbers) const
{
    return walkDependencies(services, numbers, true, {});
}

QStringList ComposeProject::startOrder() const
{
    QStringList order;
    // The loader rejects cycles; in a hand-made project one is broken at its last edge.
    walkDependencies(services, ServiceNumbers(services), false,
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

namespace {

// deploy as Compose prints it: placement and resources always there, and the zeros Compose's
// omitempty drops left out (an update_config delay of 0s, a pids limit of 0, …; restart_policy's
// delay, window and max_attempts are printed even when zero).
QJsonObject printedDeploy(const std::optional<int> &replicas, const QJsonObject &rest)
{
    const auto dropZeros = [](QJsonObject &o, std::initializer_list<const char *> keys) {
        for (const char *key : keys) {
            const QJsonValue v = o.value(QLatin1StringView(key));
            if ((v.isDouble() && v.toDouble() == 0) || (v.isString() && v.toString().isEmpty())
                || v == QJsonValue(QStringLiteral("0s")) || v == QJsonValue(QStringLiteral("0"))
                || (v.isArray() && v.toArray().isEmpty())
                || (v.isObject() && v.toObject().isEmpty())) {
                o.remove(QLatin1StringView(key));
            }
        }
    };
    const auto edit = [](QJsonObject &o, const char *key, const auto &change) {
        if (o.contains(QLatin1StringView(key))) {
            QJsonValue v = o.value(QLatin1StringView(key));
            change(v);
            o.insert(QLatin1StringView(key), v);
        }
    };
    QJsonObject d = rest;
    dropZeros(d, {"mode", "endpoint_mode", "labels"});
    if (replicas) {
        d.insert(QStringLiteral("replicas"), *replicas);
    }
    for (const char *update : {"update_config", "rollback_config"}) {
        edit(d, update, [&](QJsonValue &v) {
            QJsonObject u = v.toObject();
            dropZeros(u, {"delay", "monitor", "failure_action", "max_failure_ratio", "order"});
            v = u;
        });
    }
    edit(d, "restart_policy", [&](QJsonValue &v) {
        QJsonObject r = v.toObject();
        dropZeros(r, {"condition"});
        v = r;
    });
    QJsonObject placement = d.value(QStringLiteral("placement")).toObject();
    dropZeros(placement, {"constraints", "preferences", "max_replicas_per_node"});
    edit(placement, "preferences", [&](QJsonValue &v) {
        QJsonArray preferences = v.toArray();
        for (QJsonValueRef p : preferences) {
            QJsonObject o = p.toObject();
            dropZeros(o, {"spread"});
            p = o;
        }
        v = preferences;
    });
    d.insert(QStringLiteral("placement"), placement);
    QJsonObject resources = d.value(QStringLiteral("resources")).toObject();
    for (const char *kind : {"limits", "reservations"}) {
        edit(resources, kind, [&](QJsonValue &v) {
            QJsonObject r = v.toObject();
            dropZeros(r, {"cpus", "memory", "pids", "devices", "generic_resources"});
            edit(r, "devices", [&](QJsonValue &list) {
                QJsonArray devices = list.toArray();
                for (QJsonValueRef device : devices) {
                    QJsonObject o = device.toObject();
                    dropZeros(o, {"capabilities", "count", "device_ids", "driver", "options"});
                    device = o;
                }
                list = devices;
            });
            v = r;
        });
    }
    d.insert(QStringLiteral("resources"), resources);
    return d;
}

// Text members, written when set, in the order given.
void writeTexts(JsonWriter &w, std::initializer_list<std::pair<const char *, const QString *>> texts)
{
    for (const auto &[key, text] : texts) {
        if (!text->isEmpty()) {
            w.member(QLatin1StringView(key), *text);
        }
    }
}

void writeLists(JsonWriter &w,
                std::initializer_list<std::pair<const char *, const QStringList *>> lists)
{
    for (const auto &[key, list] : lists) {
        if (!list->isEmpty()) {
            w.key(QLatin1StringView(key));
            w.stringArray(*list);
        }
    }
}

void writeJsonValue(JsonWriter &w, const QJsonValue &v);

// A list of objects under `name` (secrets, configs, devices), left out when empty.
void writeObjects(JsonWriter &w, QLatin1StringView name, const QList<QJsonObject> &objects)
{
    if (objects.isEmpty()) {
        return;
    }
    w.key(name);
    w.beginArray();
    for (const QJsonObject &o : objects) {
        writeJsonValue(w, o);
    }
    w.endArray();
}

void writeFlags(JsonWriter &w, std::initializer_list<std::pair<const char *, bool>> flags)
{
    for (const auto &[key, flag] : flags) {
        if (flag) {
            w.member(QLatin1StringView(key), true);
        }
    }
}

void writeOptionalList(JsonWriter &w, QLatin1StringView key,
                       const std::optional<QStringList> &list)
{
    w.key(key);
    if (list) {
        w.stringArray(*list);
    } else {
        w.null();
    }
}

} // namespace

// Keys in sorted order, as Compose prints them.
namespace {

// Any JSON value, keys sorted (QJsonObject keeps them so).
void writeJsonValue(JsonWriter &w, const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        w.beginObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            w.key(it.key());
            writeJsonValue(w, it.value());
        }
        w.endObject();
    } else if (v.isArray()) {
        w.beginArray();
        for (const QJsonValue &item : v.toArray()) {
            writeJsonValue(w, item);
        }
        w.endArray();
    } else if (v.isBool()) {
        w.value(v.toBool());
    } else if (v.isDouble()) {
        w.value(v.toDouble());
    } else if (v.isString()) {
        w.value(v.toString());
    } else {
        w.null();
    }
}

} // namespace

void ComposeService::writeJson(JsonWriter &w) const
{
    using L = QLatin1StringView;
    const ComposeService &s = *this;
    w.beginObject();
    if (s.build) {
        w.key(L("build"));
        w.beginObject();
        bool anyArg = false;
        for (auto it = s.build->args.begin(); it != s.build->args.end(); ++it) {
            if (!anyArg) {
                w.key(L("args"));
                w.beginObject();
                anyArg = true;
            }
            w.key(it.key());
            w.value(it.value());
        }
        if (anyArg) {
            w.endObject();
        }
        const ComposeBuild &b = *s.build;
        for (const auto &[name, map] : {std::pair{"additional_contexts", &b.additionalContexts},
                                        std::pair{"labels", &b.labels}}) {
            if (!map->isEmpty()) {
                w.key(QLatin1StringView(name));
                w.beginObject();
                for (auto it = map->begin(); it != map->end(); ++it) {
                    w.key(it.key());
                    w.value(it.value());
                }
                w.endObject();
            }
        }
        writeLists(w, {{"cache_from", &b.cacheFrom},
                       {"cache_to", &b.cacheTo},
                       {"extra_hosts", &b.extraHosts}});
        w.member(L("context"), b.context);
        writeTexts(w, {{"dockerfile", &b.dockerfile},
                       {"dockerfile_inline", &b.dockerfileInline},
                       {"isolation", &b.isolation},
                       {"network", &b.network}});
        writeFlags(w, {{"no_cache", b.noCache}});
        writeLists(w, {{"platforms", &b.platforms}});
        writeFlags(w, {{"privileged", b.privileged}, {"pull", b.pull}});
        writeObjects(w, L("secrets"), b.secrets);
        writeTexts(w, {{"shm_size", &b.shmSize}});
        writeLists(w, {{"ssh", &b.ssh}, {"tags", &b.tags}});
        writeTexts(w, {{"target", &b.target}});
        w.endObject();
    }
    writeLists(w, {{"cap_add", &s.capAdd}, {"cap_drop", &s.capDrop}});
    for (auto it = s.otherTexts.begin(); it != s.otherTexts.end(); ++it) {
        w.key(it.key());
        w.value(it.value());
    }
    for (auto it = s.otherNumbers.begin(); it != s.otherNumbers.end(); ++it) {
        // As Compose prints them: a zero is left out (scale aside), swappiness is text.
        if (it.value() == 0 && it.key() != QLatin1String("scale")) {
            continue;
        }
        w.key(it.key());
        if (it.key() == QLatin1String("mem_swappiness")) {
            w.value(QString::number(it.value()));
        } else {
            w.value(it.value());
        }
    }
    for (auto it = s.otherMaps.begin(); it != s.otherMaps.end(); ++it) {
        w.key(it.key());
        w.beginObject();
        for (auto e = it.value().begin(); e != it.value().end(); ++e) {
            w.key(e.key());
            w.value(e.value());
        }
        w.endObject();
    }
    if (s.cpus) {
        w.member(L("cpus"), *s.cpus);
    }
    writeFlags(w, {{"oom_kill_disable", s.oomKillDisable}});
    for (auto it = s.otherObjects.begin(); it != s.otherObjects.end(); ++it) {
        w.key(it.key());
        writeJsonValue(w, it.value());
    }
    if (!s.ulimits.isEmpty()) {
        w.key(L("ulimits"));
        writeJsonValue(w, s.ulimits);
    }
    writeObjects(w, L("devices"), s.devices);
    if (s.logging) {
        w.key(L("logging"));
        w.beginObject();
        writeTexts(w, {{"driver", &s.logging->first}});
        if (!s.logging->second.isEmpty()) {
            w.key(L("options"));
            w.beginObject();
            for (auto e = s.logging->second.begin(); e != s.logging->second.end(); ++e) {
                w.key(e.key());
                w.value(e.value());
            }
            w.endObject();
        }
        w.endObject();
    }
    for (auto it = s.otherLists.begin(); it != s.otherLists.end(); ++it) {
        w.key(it.key());
        w.stringArray(it.value());
    }
    writeObjects(w, L("configs"), s.configs);
    writeObjects(w, L("secrets"), s.secrets);
    writeOptionalList(w, L("command"), s.command);
    writeTexts(w, {{"container_name", &s.containerName}});
    if (!s.dependsOn.isEmpty()) {
        w.key(L("depends_on"));
        w.beginObject();
        for (auto it = s.dependsOn.begin(); it != s.dependsOn.end(); ++it) {
            w.key(it.key());
            w.beginObject();
            w.member(L("condition"), it->condition);
            w.member(L("required"), it->required);
            writeFlags(w, {{"restart", it->restart}});
            w.endObject();
        }
        w.endObject();
    }
    if (s.replicas || s.deploy) {
        w.key(L("deploy"));
        writeJsonValue(w, printedDeploy(s.replicas, s.deploy.value_or(QJsonObject())));
    }
    if (!s.watch.isEmpty()) {
        w.key(L("develop"));
        w.beginObject();
        w.key(L("watch"));
        w.beginArray();
        for (const ComposeWatchRule &rule : s.watch) {
            w.beginObject();
            w.member(L("action"), rule.action);
            // Compose prints exec on every rule ({"command": null} where there is none).
            w.key(L("exec"));
            w.beginObject();
            writeOptionalList(w, L("command"), rule.execCommand);
            w.endObject();
            writeLists(w, {{"ignore", &rule.ignore}});
            writeFlags(w, {{"initial_sync", rule.initialSync}});
            w.member(L("path"), rule.path);
            writeTexts(w, {{"target", &rule.target}});
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    writeOptionalList(w, L("entrypoint"), s.entrypoint);
    if (!s.environment.isEmpty()) {
        w.key(L("environment"));
        w.beginObject();
        for (auto it = s.environment.begin(); it != s.environment.end(); ++it) {
            w.key(it.key());
            if (it.value()) {
                w.value(*it.value());
            } else {
                w.null();
            }
        }
        w.endObject();
    }
    writeLists(w, {{"expose", &s.expose}, {"extra_hosts", &s.extraHosts}});
    if (s.healthcheck) {
        const ComposeHealthcheck &h = *s.healthcheck;
        w.key(L("healthcheck"));
        w.beginObject();
        writeFlags(w, {{"disable", h.disable}});
        writeTexts(w, {{"interval", &h.interval}});
        if (h.retries) {
            w.member(L("retries"), *h.retries);
        }
        writeTexts(w, {{"start_interval", &h.startInterval}, {"start_period", &h.startPeriod}});
        writeLists(w, {{"test", &h.test}});
        writeTexts(w, {{"timeout", &h.timeout}});
        w.endObject();
    }
    writeTexts(w, {{"hostname", &s.hostname}, {"image", &s.image}});
    if (s.init) {
        w.member(L("init"), *s.init);
    }
    if (s.attach) {
        w.member(L("attach"), *s.attach);
    }
    if (!s.labels.isEmpty()) {
        w.key(L("labels"));
        w.beginObject();
        for (auto it = s.labels.begin(); it != s.labels.end(); ++it) {
            w.key(it.key());
            w.value(it.value());
        }
        w.endObject();
    }
    writeLists(w, {{"links", &s.links}});
    writeTexts(w, {{"network_mode", &s.networkMode}});
    // With a network_mode the service joins no network: Compose prints no networks.
    if (!s.networks.isEmpty()) {
        w.key(L("networks"));
        w.beginObject();
        for (auto it = s.networks.begin(); it != s.networks.end(); ++it) {
            w.key(it.key());
            const auto options = s.networkOptions.find(it.key());
            if (it->isEmpty() && options == s.networkOptions.end()) {
                w.null();
                continue;
            }
            QJsonObject entry = options == s.networkOptions.end() ? QJsonObject() : *options;
            if (!it->isEmpty()) {
                entry.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(*it));
            }
            writeJsonValue(w, entry);
        }
        w.endObject();
    }
    writeTexts(w, {{"platform", &s.platform}});
    if (!s.ports.isEmpty()) {
        w.key(L("ports"));
        w.beginArray();
        for (const ComposePort &p : s.ports) {
            w.beginObject();
            writeTexts(w, {{"app_protocol", &p.appProtocol}, {"host_ip", &p.hostIp}});
            w.member(L("mode"), p.mode);
            writeTexts(w, {{"name", &p.name}});
            w.member(L("protocol"), p.protocol);
            writeTexts(w, {{"published", &p.published}});
            w.member(L("target"), p.target);
            w.endObject();
        }
        w.endArray();
    }
    writeFlags(w, {{"privileged", s.privileged}});
    writeLists(w, {{"profiles", &s.profiles}});
    writeFlags(w, {{"read_only", s.readOnly}});
    writeTexts(w, {{"restart", &s.restart}});
    writeFlags(w, {{"stdin_open", s.stdinOpen}});
    writeTexts(w, {{"stop_grace_period", &s.stopGracePeriod}, {"stop_signal", &s.stopSignal}});
    writeLists(w, {{"tmpfs", &s.tmpfs}});
    writeFlags(w, {{"tty", s.tty}});
    writeTexts(w, {{"user", &s.user}});
    if (!s.volumes.isEmpty()) {
        w.key(L("volumes"));
        w.beginArray();
        for (const ComposeVolumeMount &v : s.volumes) {
            w.beginObject();
            writeTexts(w, {{"consistency", &v.consistency}});
            writeFlags(w, {{"read_only", v.readOnly}});
            writeTexts(w, {{"source", &v.source}});
            w.member(L("target"), v.target);
            w.member(L("type"), v.type);
            for (auto it = v.options.begin(); it != v.options.end(); ++it) {
                w.key(it.key());
                writeJsonValue(w, it.value());
            }
            w.endObject();
        }
        w.endArray();
    }
    writeTexts(w, {{"working_dir", &s.workingDir}});
    w.endObject();
}

QJsonObject ComposeService::toJson() const
{
    QByteArray text;
    JsonWriter w(text);
    writeJson(w);
    return QJsonDocument::fromJson(text).object();
}


QByteArray ComposeProject::toJsonText() const
{
    using L = QLatin1StringView;
    // Services by name, as Compose prints them.
    QList<const ComposeService *> sorted;
    sorted.reserve(services.size());
    for (const ComposeService &s : services) {
        sorted << &s;
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const ComposeService *a, const ComposeService *b) { return a->name < b->name; });
    QByteArray text;
    JsonWriter w(text);
    const auto names = [&](L key, const QStringList &list,
                           const QMap<QString, QJsonObject> &definitions) {
        if (list.isEmpty()) {
            return;
        }
        w.key(key);
        w.beginObject();
        for (const QString &n : list) {
            w.key(n);
            writeJsonValue(w, definitions.value(n));
        }
        w.endObject();
    };
    w.beginObject();
    w.member(L("name"), name);
    names(L("configs"), configDefinitions.keys(), configDefinitions);
    names(L("networks"), networks, networkDefinitions);
    names(L("secrets"), secretDefinitions.keys(), secretDefinitions);
    w.key(L("services"));
    w.beginObject();
    for (const ComposeService *s : sorted) {
        w.key(s->name);
        s->writeJson(w);
    }
    w.endObject();
    names(L("volumes"), volumes, volumeDefinitions);
    for (auto it = extensions.begin(); it != extensions.end(); ++it) {
        w.key(it.key());
        writeJsonValue(w, *it);
    }
    w.endObject();
    return text;
}

QJsonObject ComposeProject::toJson() const
{
    return QJsonDocument::fromJson(toJsonText()).object();
}

} // namespace DevDock::Core
