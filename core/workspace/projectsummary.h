// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/enginetypes.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <tuple>

namespace DevDock::Core {

// The light live picture of one workspace project: what the sidebar, the welcome view and the
// tray show for every project, on screen or not. A value type; Workspace sends a new one when it
// changes. Projects off screen keep only this live (no log or stats streams).
struct ProjectSummary
{
    // One host port a service of the project publishes right now (the URL table lists a twin's
    // beside the main checkout's).
    struct PublishedPort
    {
        QString service;
        int target = 0; // the container's port
        quint16 port = 0;
        QString hostIp;
        QString protocol = QStringLiteral("tcp");
        // A binding the engine lists for `service`'s container (published: publicPort > 0). An
        // IPv4 and an IPv6 binding of one port are one URL: both become the same PublishedPort.
        static PublishedPort from(const QString &service, const PortBinding &binding)
        {
            PublishedPort p;
            p.service = service;
            p.target = binding.privatePort;
            p.port = quint16(binding.publicPort);
            p.hostIp = binding.ip == u"0.0.0.0" || binding.ip == u"::" ? QString() : binding.ip;
            p.protocol = binding.type.isEmpty() ? QStringLiteral("tcp") : binding.type;
            return p;
        }
        bool operator==(const PublishedPort &) const = default;
        bool operator<(const PublishedPort &o) const
        {
            return std::tie(service, port, protocol, hostIp)
                   < std::tie(o.service, o.port, o.protocol, o.hostIp);
        }
    };

    enum class Origin {
        Opened,     // the user opened it (it is, or was, a ProjectRuntime in this workspace)
        Discovered, // found on an engine by its compose labels (e.g. started from a terminal)
    };

    QString id;        // stable key: the canonical project directory plus its -f files, or
                       // "<engine>/<compose project name>" for a project known only from labels
    QString name;      // the Compose project name
    QString directory; // the project directory (from the labels for discovered projects)
    QStringList files; // compose files as -f names them (empty: the default ones)
    QString engine;    // the docker context the project runs on ("default" for the local one)
    QString branch;    // the git branch of the directory, when it is a git checkout
    QString worktree;     // the top folder of the git worktree the directory is in
    QString mainCheckout; // the repository's main worktree (== worktree in the main checkout)
    // The id of the workspace project this one is a twin of (a branch's stack beside it, in
    // another worktree of its repository or named <project>-<branch>); empty when none.
    QString twinOf;
    Origin origin = Origin::Opened;
    bool pinned = false;
    bool open = false;   // has a ProjectRuntime now
    bool active = false; // the one on screen
    bool loading = false;
    QString loadError; // the last load's message, when it failed

    bool engineReachable = true;
    bool known = false; // the first listing from the engine is in
    int servicesTotal = 0;
    int servicesUp = 0; // running (healthy, or without a health check)
    int unhealthy = 0;
    int exited = 0; // exited unexpectedly (not by a deliberate stop)
    int starting = 0;
    bool devMode = false;
    QList<quint16> publishedPorts;
    QList<PublishedPort> ports; // the same, by service (sorted by service, then port)
    QDateTime lastOpened;

    // Every field: what the sidebar, the tray and the workspace compare before they tell anyone.
    bool operator==(const ProjectSummary &) const = default;
};

} // namespace DevDock::Core

Q_DECLARE_METATYPE(DevDock::Core::ProjectSummary)
