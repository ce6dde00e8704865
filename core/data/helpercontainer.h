// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace DevDock::Core {

class EngineClient;

// What a helper container mounts at /data: a named volume, or a host folder (a bind mount).
struct DataMount
{
    enum class Kind { Volume, Bind };
    Kind kind = Kind::Volume;
    QString source; // engine volume name, or absolute host path
};

// Where a helper container mounts the data it copies.
inline constexpr auto kHelperDataPath = "/data";
inline constexpr auto kHelperLabel = "devdock.helper";
// Which DevDock made it: "host:pid" (PauseLedger removes those whose process has ended).
inline constexpr auto kHelperOwnerLabel = "devdock.helper.owner";
QString helperOwner();

// Creates (never starts) a container from `image`, an image already present, with `mount` at
// /data: the archive API reads and writes a created container's volumes, so this works on any
// engine, remote ones too, and runs nothing. Labelled devdock.helper=<purpose>.
void createHelperContainer(EngineClient *client, const QString &image, const DataMount &mount,
                           const QString &purpose, QObject *context,
                           std::function<void(Result<QString>)> callback);
// Runs `command` (argv) once in a helper container from `image` with `mount` at /data, to its
// end, then removes the container. The only helper that runs something: emptying a volume in
// place, which the archive API cannot do. Fails with the command's exit code and output.
void runHelperCommand(EngineClient *client, const QString &image, const DataMount &mount,
                      const QString &purpose, const QStringList &command, QObject *context,
                      std::function<void(Result<void>)> callback);
// The same, with what the command wrote on stdout (read from the container's log before it is
// removed).
void runHelperCommandOutput(EngineClient *client, const QString &image, const DataMount &mount,
                            const QString &purpose, const QStringList &command, QObject *context,
                            std::function<void(Result<QByteArray>)> callback);
// Removes it again (force; its anonymous volumes too, never the mounted one).
void removeHelperContainer(EngineClient *client, const QString &id, QObject *context,
                           std::function<void(Result<void>)> callback);

} // namespace DevDock::Core
