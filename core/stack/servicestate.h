// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "engine/enginetypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace DevDock::Core {

// What a service (or one of its containers) is doing, in the words DevDock shows.
enum class ServiceStatus {
    NotCreated,
    Created,
    Starting, // running, health check not yet passed
    Running,  // running, no health check
    Healthy,
    Unhealthy,
    Restarting,
    Paused,
    Exited,
    // Exited because someone asked it to (DevDock, `docker stop`, `docker kill`, `compose stop`):
    // a deliberate stop, never drawn as a failure whatever the exit code (143, 137).
    Stopped,
    Removing,
    Dead,
    // The engine cannot be asked (unreachable, or not answered yet): the containers may run or
    // not; nobody knows. Never "not created", which would be a guess.
    Unknown,
};

QString statusName(ServiceStatus status);        // "not created", "healthy", ... (stable, for JSON)
// Translated; Unknown reads "unknown — engine unreachable" (the only way to be unknown).
QString statusDisplayName(ServiceStatus status);
// Up: the service's containers run (healthy, starting, unhealthy or without a health check).
bool isUp(ServiceStatus status);

struct HealthProbe
{
    QDateTime start;
    QDateTime end;
    int exitCode = 0;
    QString output;
    bool operator==(const HealthProbe &) const = default;
};

struct ContainerState
{
    QString id;
    QString name;
    QString service;
    int number = 0;
    bool oneoff = false;
    QString engineState; // created, running, restarting, exited, ...
    QString health;      // healthy, unhealthy, starting; empty without a health check
    ServiceStatus status = ServiceStatus::NotCreated;
    int exitCode = 0;
    bool oomKilled = false;
    QString error; // the engine's State.Error
    QDateTime startedAt;
    QDateTime finishedAt;
    int restartCount = 0;
    QString image;
    QList<PortBinding> ports;
    QList<HealthProbe> healthLog;
    QString workingDir;  // label com.docker.compose.project.working_dir
    QString configFiles; // label com.docker.compose.project.config_files
    // label com.docker.compose.config-hash: what `compose up` compares to decide on recreating
    QString configHash;

    // From GET /containers/{id}/json.
    static ContainerState fromInspect(const QJsonObject &json);
    QJsonObject toJson() const;
    bool operator==(const ContainerState &) const = default;
};

struct ServiceState
{
    QString name;
    bool inModel = true; // false: containers of a service the loaded files do not define
    // Defined, but only under these profiles, none of them active (its containers still run or
    // stay: DevDock shows them, and `down` removes them).
    QStringList inactiveProfiles;
    ServiceStatus status = ServiceStatus::NotCreated;
    int exitCode = 0;
    QString health;
    QList<HealthProbe> healthLog;     // of the container that decided the status
    QList<ContainerState> containers; // replicas, by number
    QList<ContainerState> oneoffs;    // `compose run` containers
    int desiredReplicas = 1;
    QList<PortBinding> ports; // published
    int restartCount = 0;
    QDateTime startedAt;
    QString image;
    // Why the service is not up (empty when it is): "waiting for postgres to become healthy".
    QString reason;
    // depends_on edges: dependency -> satisfied right now.
    QMap<QString, bool> dependencies;

    bool isUp() const { return Core::isUp(status); }
    QString lastProbeOutput() const;
    QJsonObject toJson() const;
    bool operator==(const ServiceState &) const = default;
};

// A transition worth telling the user about.
struct ServiceAlert
{
    enum class Kind { Exited, Unhealthy };
    Kind kind = Kind::Exited;
    QString service;
    QString container;
    QString message; // "api exited unexpectedly (code 137)"
    QDateTime time;
};

// Aggregates containers into per-service states and explains what is not up. Pure: LiveState
// feeds it engine data, tests feed it values.
QList<ServiceState> computeServiceStates(const ComposeProject &project,
                                         const QList<ContainerState> &containers);

} // namespace DevDock::Core

Q_DECLARE_METATYPE(DevDock::Core::ServiceState)
Q_DECLARE_METATYPE(DevDock::Core::ServiceAlert)
