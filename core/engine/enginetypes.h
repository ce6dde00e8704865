// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Value types for the engine's answers. Each keeps only what DevDock uses, plus the raw JSON
// where a caller may want more. Parsing is lenient: a missing field is a default value.

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace DevDock::Core {

struct PingInfo
{
    QString apiVersion; // Api-Version header
    QString osType;     // Ostype header
};

struct VersionInfo
{
    QString version; // e.g. 20.10.24+dfsg1
    QString apiVersion;
    QString minApiVersion;
    QString os;
    QString arch;
    QString kernelVersion;
    QString goVersion;
    static VersionInfo fromJson(const QJsonObject &json);
};

struct EngineInfo
{
    QString name;
    QString serverVersion;
    QString operatingSystem;
    QString osType;
    QString architecture;
    QString kernelVersion;
    int containers = 0;
    int containersRunning = 0;
    int images = 0;
    int cpus = 0;
    qint64 memTotal = 0;
    QString dockerRootDir;
    QJsonObject raw;
    static EngineInfo fromJson(const QJsonObject &json);
};

struct PortBinding
{
    QString ip; // host IP, empty when not published
    int privatePort = 0;
    int publicPort = 0; // 0 when not published
    QString type;       // tcp / udp / sctp
    bool operator==(const PortBinding &) const = default;
};

struct ContainerSummary
{
    QString id;
    QString name; // without the leading slash
    QString image;
    QString imageId;
    QString command;
    QString state;  // created, running, paused, restarting, removing, exited, dead
    QString status; // "Up 3 minutes (healthy)"
    qint64 created = 0;
    QMap<QString, QString> labels;
    QList<PortBinding> ports;
    static ContainerSummary fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const ContainerSummary &) const = default;
};

struct ImageSummary
{
    QString id;
    QStringList repoTags;
    qint64 size = 0;
    qint64 created = 0;
    static ImageSummary fromJson(const QJsonObject &json);
};

struct NetworkSummary
{
    QString id;
    QString name;
    QString driver;
    QString scope;
    QMap<QString, QString> labels;
    static NetworkSummary fromJson(const QJsonObject &json);
};

struct VolumeSummary
{
    QString name;
    QString driver;
    QString mountpoint;
    QMap<QString, QString> labels;
    static VolumeSummary fromJson(const QJsonObject &json);
};

struct EngineEvent
{
    QString type;   // container, image, network, volume, ...
    QString action; // start, die, health_status: healthy, ...
    QString actorId;
    QMap<QString, QString> attributes;
    QString scope;
    qint64 time = 0; // seconds
    qint64 timeNano = 0;
    QJsonObject raw;
    static EngineEvent fromJson(const QJsonObject &json);
};

struct ContainerStats
{
    QDateTime read;
    double cpuPercent = 0;
    double memoryUsage = 0; // bytes, without page cache, as docker stats shows it
    double memoryLimit = 0;
    double memoryPercent = 0;
    qint64 networkRx = 0;
    qint64 networkTx = 0;
    qint64 blockRead = 0;
    qint64 blockWrite = 0;
    qint64 pids = 0;
    QString name;
    QString id;
    // Computed the way `docker stats` computes them.
    static ContainerStats fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

struct ExecResult
{
    QByteArray stdoutData;
    QByteArray stderrData;
    int exitCode = -1;
};

struct ContainerListOptions
{
    bool all = false;
    QMap<QString, QStringList> filters; // e.g. {"label": {"com.docker.compose.project=x"}}
};

struct LogOptions
{
    bool follow = false;
    bool stdoutOn = true;
    bool stderrOn = true;
    bool timestamps = false;
    QString tail;  // "all" or a number; empty: all
    QString since; // RFC 3339, unix timestamp, or a duration like 10m
    QString until;
};

struct ExecOptions
{
    QStringList command;
    QStringList env;
    QString workingDir;
    QString user;
    bool tty = false;
};

} // namespace DevDock::Core

Q_DECLARE_METATYPE(DevDock::Core::EngineEvent)
Q_DECLARE_METATYPE(DevDock::Core::ContainerStats)
Q_DECLARE_METATYPE(DevDock::Core::ContainerSummary)
