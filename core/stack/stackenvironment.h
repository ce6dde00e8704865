// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace DevDock::Core {

class SecretStore;

// The environment a project runs with under one .env profile: the profile's files (.env,
// .env.NAME, .env.local) become Compose's --env-file list, and the keychain's secrets go into the
// environment of the compose CLI (never into a file).
struct StackEnvironment
{
    QString profile;
    QStringList envFiles; // absolute paths, in override order
    QHash<QString, QString> secrets;
    QStringList secretKeys;        // the keys the profile treats as secret (masked when shown)
    QStringList availableProfiles; // the project's profiles, for a picker
    QStringList warnings;          // e.g. the keychain could not be read
};

// Where the project's files live, before loading it: --project-directory, else the folder of the
// first -f file, else the working directory.
QString projectDirectoryOf(const ComposeLoadOptions &options);

// Loads the profile (`profileName` empty: the default profile, if the project has any) and
// reads its secrets from `store` (may be null: no secrets).
void loadStackEnvironment(const QString &projectDirectory, const QString &profileName,
                          SecretStore *store, QObject *context,
                          std::function<void(StackEnvironment)> callback);

// Services whose resolved configuration (environment, command, ports… after interpolation)
// differs between two loads of a project, e.g. under two .env profiles: exactly those need
// recreating. Services only in `after` count as changed; in start order.
QStringList servicesChangedBetween(const ComposeProject &before, const ComposeProject &after);

// Applies it to load options: env files only when the user gave none; secrets join the
// environment without overriding what the process environment sets.
void applyStackEnvironment(ComposeLoadOptions &options, const StackEnvironment &environment);

} // namespace DevDock::Core
