// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginetypes.h"

#include <QJsonArray>

namespace DevDock::Core {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 num(const QJsonObject &o, const char *key)
{
    return static_cast<qint64>(o.value(QLatin1String(key)).toDouble());
}

QMap<QString, QString> stringMap(const QJsonValue &value)
{
    QMap<QString, QString> map;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

} // namespace

VersionInfo VersionInfo::fromJson(const QJsonObject &json)
{
    VersionInfo v;
    v.version = str(json, "Version");
    v.apiVersion = str(json, "ApiVersion");
    v.minApiVersion = str(json, "MinAPIVersion");
    v.os = str(json, "Os");
    v.arch = str(json, "Arch");
    v.kernelVersion = str(json, "KernelVersion");
    v.goVersion = str(json, "GoVersion");
    return v;
}

EngineInfo EngineInfo::fromJson(const QJsonObject &json)
{
    EngineInfo i;
    i.name = str(json, "Name");
    i.serverVersion = str(json, "ServerVersion");
    i.operatingSystem = str(json, "OperatingSystem");
    i.osType = str(json, "OSType");
    i.architecture = str(json, "Architecture");
    i.kernelVersion = str(json, "KernelVersion");
    i.containers = static_cast<int>(num(json, "Containers"));
    i.containersRunning = static_cast<int>(num(json, "ContainersRunning"));
    i.images = static_cast<int>(num(json, "Images"));
    i.cpus = static_cast<int>(num(json, "NCPU"));
    i.memTotal = num(json, "MemTotal");
    i.dockerRootDir = str(json, "DockerRootDir");
    i.raw = json;
    return i;
}

ContainerSummary ContainerSummary::fromJson(const QJsonObject &json)
{
    ContainerSummary c;
    c.id = str(json, "Id");
    const QJsonArray names = json.value(QLatin1String("Names")).toArray();
    if (!names.isEmpty()) {
        c.name = names.first().toString();
        if (c.name.startsWith(QLatin1Char('/'))) {
            c.name.remove(0, 1);
        }
    }
    c.image = str(json, "Image");
    c.imageId = str(json, "ImageID");
    c.command = str(json, "Command");
    c.state = str(json, "State");
    c.status = str(json, "Status");
    c.created = num(json, "Created");
    c.labels = stringMap(json.value(QLatin1String("Labels")));
    for (const QJsonValue &p : json.value(QLatin1String("Ports")).toArray()) {
        const QJsonObject port = p.toObject();
        c.ports.append({str(port, "IP"), static_cast<int>(num(port, "PrivatePort")),
                        static_cast<int>(num(port, "PublicPort")), str(port, "Type")});
    }
    return c;
}

QJsonObject ContainerSummary::toJson() const
{
    QJsonObject labelsJson;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        labelsJson.insert(it.key(), it.value());
    }
    QJsonArray portsJson;
    for (const PortBinding &p : ports) {
        QJsonObject o{{QStringLiteral("privatePort"), p.privatePort},
                      {QStringLiteral("type"), p.type}};
        if (p.publicPort != 0) {
            o.insert(QStringLiteral("publicPort"), p.publicPort);
            o.insert(QStringLiteral("ip"), p.ip);
        }
        portsJson.append(o);
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("image"), image},
            {QStringLiteral("imageId"), imageId},
            {QStringLiteral("command"), command},
            {QStringLiteral("state"), state},
            {QStringLiteral("status"), status},
            {QStringLiteral("created"), created},
            {QStringLiteral("labels"), labelsJson},
            {QStringLiteral("ports"), portsJson}};
}

ImageSummary ImageSummary::fromJson(const QJsonObject &json)
{
    ImageSummary i;
    i.id = str(json, "Id");
    for (const QJsonValue &t : json.value(QLatin1String("RepoTags")).toArray()) {
        i.repoTags << t.toString();
    }
    i.size = num(json, "Size");
    i.created = num(json, "Created");
    return i;
}

NetworkSummary NetworkSummary::fromJson(const QJsonObject &json)
{
    NetworkSummary n;
    n.id = str(json, "Id");
    n.name = str(json, "Name");
    n.driver = str(json, "Driver");
    n.scope = str(json, "Scope");
    n.labels = stringMap(json.value(QLatin1String("Labels")));
    return n;
}

VolumeSummary VolumeSummary::fromJson(const QJsonObject &json)
{
    VolumeSummary v;
    v.name = str(json, "Name");
    v.driver = str(json, "Driver");
    v.mountpoint = str(json, "Mountpoint");
    v.labels = stringMap(json.value(QLatin1String("Labels")));
    return v;
}

EngineEvent EngineEvent::fromJson(const QJsonObject &json)
{
    EngineEvent e;
    e.type = str(json, "Type");
    e.action = str(json, "Action");
    const QJsonObject actor = json.value(QLatin1String("Actor")).toObject();
    e.actorId = str(actor, "ID");
    e.attributes = stringMap(actor.value(QLatin1String("Attributes")));
    e.scope = str(json, "scope");
    e.time = num(json, "time");
    e.timeNano = num(json, "timeNano");
    if (e.timeNano == 0) {
        e.timeNano = e.time * 1000000000LL;
    }
    e.raw = json;
    return e;
}

ContainerStats ContainerStats::fromJson(const QJsonObject &json)
{
    ContainerStats s;
    s.read = QDateTime::fromString(str(json, "read"), Qt::ISODateWithMs);
    s.name = str(json, "name");
    if (s.name.startsWith(QLatin1Char('/'))) {
        s.name.remove(0, 1);
    }
    s.id = str(json, "id");

    const QJsonObject cpu = json.value(QLatin1String("cpu_stats")).toObject();
    const QJsonObject precpu = json.value(QLatin1String("precpu_stats")).toObject();
    const QJsonObject usage = cpu.value(QLatin1String("cpu_usage")).toObject();
    const QJsonObject preUsage = precpu.value(QLatin1String("cpu_usage")).toObject();
    const double cpuDelta = usage.value(QLatin1String("total_usage")).toDouble()
                            - preUsage.value(QLatin1String("total_usage")).toDouble();
    const double systemDelta = cpu.value(QLatin1String("system_cpu_usage")).toDouble()
                               - precpu.value(QLatin1String("system_cpu_usage")).toDouble();
    double onlineCpus = cpu.value(QLatin1String("online_cpus")).toDouble();
    if (onlineCpus == 0) {
        onlineCpus = usage.value(QLatin1String("percpu_usage")).toArray().size();
    }
    if (systemDelta > 0 && cpuDelta > 0) {
        s.cpuPercent = cpuDelta / systemDelta * onlineCpus * 100.0;
    }

    const QJsonObject memory = json.value(QLatin1String("memory_stats")).toObject();
    const QJsonObject memStats = memory.value(QLatin1String("stats")).toObject();
    const double memUsage = memory.value(QLatin1String("usage")).toDouble();
    s.memoryUsage = memUsage;
    // Page cache is not the container's own memory: cgroup v1 reports total_inactive_file,
    // cgroup v2 inactive_file (as in the docker CLI).
    if (memStats.contains(QLatin1String("total_inactive_file"))) {
        const double v = memStats.value(QLatin1String("total_inactive_file")).toDouble();
        if (v < memUsage) {
            s.memoryUsage = memUsage - v;
        }
    } else {
        const double v = memStats.value(QLatin1String("inactive_file")).toDouble();
        if (v < memUsage) {
            s.memoryUsage = memUsage - v;
        }
    }
    s.memoryLimit = memory.value(QLatin1String("limit")).toDouble();
    if (s.memoryLimit > 0) {
        s.memoryPercent = s.memoryUsage / s.memoryLimit * 100.0;
    }

    const QJsonObject networks = json.value(QLatin1String("networks")).toObject();
    for (auto it = networks.begin(); it != networks.end(); ++it) {
        const QJsonObject n = it.value().toObject();
        s.networkRx += num(n, "rx_bytes");
        s.networkTx += num(n, "tx_bytes");
    }
    const QJsonArray io = json.value(QLatin1String("blkio_stats"))
                              .toObject()
                              .value(QLatin1String("io_service_bytes_recursive"))
                              .toArray();
    for (const QJsonValue &v : io) {
        const QJsonObject entry = v.toObject();
        const QString op = str(entry, "op").toLower();
        if (op == QLatin1String("read")) {
            s.blockRead += num(entry, "value");
        } else if (op == QLatin1String("write")) {
            s.blockWrite += num(entry, "value");
        }
    }
    s.pids = num(json.value(QLatin1String("pids_stats")).toObject(), "current");
    return s;
}

QJsonObject ContainerStats::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("read"), read.toString(Qt::ISODateWithMs)},
            {QStringLiteral("cpuPercent"), cpuPercent},
            {QStringLiteral("memoryUsage"), memoryUsage},
            {QStringLiteral("memoryLimit"), memoryLimit},
            {QStringLiteral("memoryPercent"), memoryPercent},
            {QStringLiteral("networkRx"), networkRx},
            {QStringLiteral("networkTx"), networkTx},
            {QStringLiteral("blockRead"), blockRead},
            {QStringLiteral("blockWrite"), blockWrite},
            {QStringLiteral("pids"), pids}};
}

} // namespace DevDock::Core
