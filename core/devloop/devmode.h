// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"
#include "compose/composemodel.h"
#include "util/result.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace DevDock::Core {

// Dev mode per service: the service runs with its hot-reload configuration (bind mounts of the
// sources, a reload command, debug ports) while every other service stays as it is. The
// configuration comes from the project's dev override (docker-compose.dev.yml and its spellings),
// that service's section only, or from an `x-devdock: {dev: {...}}` extension on the service.
// DevDock writes one override file with the sections of the services in dev mode (outside the
// project folder) and adds it to the project's compose files; toggling a service recreates only
// that service.
struct DevModeSources
{
    QString devFile;                 // the project's dev override, empty when none
    QMap<QString, QString> sections; // service -> its dev configuration, as YAML
    QMap<QString, QString> origin;   // service -> "docker-compose.dev.yml" or "x-devdock"
};

// What each service of the project could run with in dev mode.
Result<DevModeSources> findDevModeSources(const ComposeProject &project,
                                          const QString &projectDirectory);

// "SERVICE has no dev mode configuration", with where to add one.
Error noDevModeError(const QString &service);

// The override DevDock writes for the project (in its application data, never the project
// folder).
QString devOverridePath(const QString &projectDirectory);

// Writes the override for `services` (atomically); with no services, removes it.
Result<void> writeDevOverride(const DevModeSources &sources, const QStringList &services,
                              const QString &path);

// The services in dev mode, remembered per project folder.
QStringList devModeServices(const QString &projectDirectory);
Result<void> setDevModeServices(const QString &projectDirectory, const QStringList &services);

// Loads the project as the stack runs: with the dev-mode services' configuration when any service
// of the project folder is in dev mode (the override is written first). `options` becomes what
// the compose CLI must be given.
Result<ComposeProject> loadWithDevMode(ComposeLoadOptions &options,
                                       const QString &projectDirectory);

// Adds the override to load options whose project is `project` (its files as loaded): the
// result loads the project with the dev-mode services' configuration.
ComposeLoadOptions withDevOverride(const ComposeLoadOptions &options, const ComposeProject &project,
                                   const QString &overridePath);

} // namespace DevDock::Core
