// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace DevDock::Core {

// The light live picture of one workspace project: what the sidebar, the welcome view and the
// tray show for every project, on screen or not. A value type; Workspace sends a new one when it
// changes. Projects off screen keep only this live (no log or stats streams).
struct ProjectSummary
{
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
    QDateTime lastOpened;
};

} // namespace DevDock::Core

Q_DECLARE_METATYPE(DevDock::Core::ProjectSummary)
