// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace DevDock::Core {

class EngineClient;

// One host port a service publishes.
struct PortRequest
{
    QString service;
    QString hostIp; // empty: every address
    int port = 0;
    QString protocol = QStringLiteral("tcp");
    int target = 0;
};

struct PortHolder
{
    enum class Kind { None, OwnContainer, Container, Process, Unknown };
    Kind kind = Kind::None;
    QString containerName;
    QString containerProject;
    QString processName;
    qint64 pid = 0;
    int uid = -1;
    QString describe() const; // "container other-web-1 (project other)", "process nc (pid 42)"
};

struct PortCheck
{
    PortRequest request;
    PortHolder holder;
    bool conflict() const
    {
        return holder.kind != PortHolder::Kind::None
               && holder.kind != PortHolder::Kind::OwnContainer;
    }
    // "Port 18080/tcp, wanted by web, is held by process nc (pid 42)."
    QString message() const;
};

struct PortReport
{
    QList<PortCheck> checks;
    bool localChecked = false; // host sockets were inspected (local engine on Linux)
    QString remoteEngine;      // the engine's address when it runs on another machine
    QList<PortCheck> conflicts() const;
    // What could not be checked, in words (empty when everything was): the host processes of a
    // remote engine's machine are out of reach.
    QString note() const;
    // A Conflict error naming every port, its holder and the service that wants it.
    Error error() const;
};

// A socket bound on this machine, from /proc/net/{tcp,tcp6,udp,udp6}.
struct LocalSocket
{
    QString protocol; // tcp / udp
    QString ip;       // "127.0.0.1", "::", "0.0.0.0"
    int port = 0;
    quint64 inode = 0;
    int uid = -1;
};

// The http URL of a published port: "http://127.0.0.1:18080/"; a wildcard address is localhost,
// IPv6 goes in brackets.
QString httpUrl(const QString &hostIp, int port);

// Every published host port of `services` (empty: all), port ranges expanded.
QList<PortRequest> publishedPorts(const ComposeProject &project, const QStringList &services);

// Parses one /proc/net table; TCP keeps listening sockets, UDP every bound one.
QList<LocalSocket> parseProcNet(const QByteArray &table, const QString &protocol, bool ipv6);

// Checks the requests against the engine's running containers and, when the engine runs on this
// machine, against the sockets of this machine (/proc on Linux, a bind test elsewhere). Ports held
// by `projectName`'s own containers are fine.
void checkPorts(EngineClient *client, const QString &projectName,
                const QList<PortRequest> &requests, QObject *context,
                std::function<void(Result<PortReport>)> callback);

} // namespace DevDock::Core
