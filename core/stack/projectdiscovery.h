// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace DevDock::Core {

class EngineClient;

// A compose project that has containers on the engine, whoever started it.
struct DiscoveredProject
{
    QString name;             // com.docker.compose.project
    QString workingDirectory; // com.docker.compose.project.working_dir
    QStringList configFiles;  // com.docker.compose.project.config_files (comma separated)
    QStringList services;
    int containers = 0;
    int running = 0;
};

// Lists every container with compose labels and groups them by project, sorted by name.
void discoverProjects(EngineClient *client, QObject *context,
                      std::function<void(Result<QList<DiscoveredProject>>)> callback);

} // namespace DevDock::Core
