// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "composemodel.h"
#include "util/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace DevDock::Core {

// What `docker compose` takes before its command, plus the environment it would see.
struct ComposeLoadOptions
{
    QStringList files;                   // -f, merged in order; empty: discover like Compose
    QString projectDirectory;            // --project-directory
    QString projectName;                 // -p
    QStringList profiles;                // --profile
    QStringList envFiles;                // --env-file; empty: <project directory>/.env
    QHash<QString, QString> environment; // the process environment
    QString workingDirectory;            // where discovery starts
    // Load a project whose required variables (${X:?msg}) are unset, for display: they are
    // collected in ComposeProject::missingRequired instead of failing the load.
    bool tolerateMissingRequired = false;

    static ComposeLoadOptions fromProcess();
};

// Loads a Compose project the way Compose v2 does for the keys DevDock models: discovery
// (compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml and their .override),
// COMPOSE_FILE / COMPOSE_PROJECT_NAME / COMPOSE_PROFILES, .env feeding interpolation (the process
// environment wins), interpolation of every value, merging of several files, profiles, and
// validation with file and line (YAML errors, unknown dependencies, dependency cycles, wrong
// types, required variables). Synchronous and fast: the UI runs it off the GUI thread.
Result<ComposeProject> loadComposeProject(const ComposeLoadOptions &options);

// Compose's project name normalisation: lower case, only [a-z0-9_-], starting with a letter or
// digit.
QString normalizeProjectName(const QString &name);

} // namespace DevDock::Core
