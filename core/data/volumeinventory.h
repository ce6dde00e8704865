// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "data/helpercontainer.h"
#include "data/resticrepository.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace DevDock::Core {

class EngineClient;

// A database DevDock copies logically rather than as files.
enum class DatabaseKind { None, Postgres, Redis };

// What a service's x-devdock extension says about its data:
//   x-devdock: {data: [./uploads, /srv/media], database: postgres}
// `data` lists bind mounts that hold data (by host path relative to the project, or by the
// path in the container); `database` overrides the recognition by image and healthcheck.
struct ServiceDataHints
{
    QStringList data;
    std::optional<DatabaseKind> database;
};
ServiceDataHints serviceDataHints(const ComposeService &service);
// Postgres: image postgres/postgis/..., a healthcheck running pg_isready, or the hint.
// Redis: image redis/valkey/keydb, a healthcheck running redis-cli, or the hint.
DatabaseKind databaseKind(const ComposeService &service);

struct VolumeUser
{
    QString service;
    QString target; // path in the container
    bool readOnly = false;
    DatabaseKind database = DatabaseKind::None;
};

// One piece of a project's data: a named volume or a bind mount marked as data.
struct DataVolume
{
    DataMount::Kind kind = DataMount::Kind::Volume;
    QString key;        // compose volume key, or the absolute host path of a bind mount
    QString engineName; // the engine's volume name ("<project>_<key>" unless named otherwise)
    bool exists = false;
    qint64 sizeBytes = -1; // -1: unknown (not created, or df gave none)
    QList<VolumeUser> users;
    std::optional<ResticSnapshot> lastBackup;

    QStringList serviceNames() const;
    // The image a helper container can use: the first user's image (present when it ran).
    QString helperImage(const ComposeProject &project) const;
    DataMount mount() const;
};

// Every volume of `project` and every data bind mount, sorted by key; sizes and existence from
// the engine's GET /system/df answer; the newest snapshot whose tags name this project and key.
QList<DataVolume> volumeInventory(const ComposeProject &project, const QJsonObject &systemDf,
                                  const QList<ResticSnapshot> &snapshots);

// GET /system/df, answered in `context`'s thread. The engine runs one disk-usage scan at a time
// and refuses another meanwhile ("a disk usage operation is already running": two Data views, a
// twin's runtime beside its main project, devdockctl beside the window): that one asks again a
// moment later, for up to about 10 s, instead of failing.
void readDiskUsage(EngineClient *client, QObject *context,
                   std::function<void(Result<QJsonObject>)> done);

// "3 h ago", "2 days ago", "never".
QString backupAge(const std::optional<ResticSnapshot> &snapshot, const QDateTime &now);
QString formatBytes(qint64 bytes);

} // namespace DevDock::Core
