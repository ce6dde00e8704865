// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "data/resticrepository.h"
#include "data/volumeinventory.h"
#include "util/result.h"

#include <QHash>
#include <QMap>
#include <QStringList>

namespace DevDock::Core {

// What restoring one snapshot will do, worked out before anything is touched, so that it can be
// shown and confirmed: which volume (or database) is replaced, whether a safety snapshot of the
// current state comes first, which running services are stopped for it and started again after
// it, in dependency order.
//  - files: the volume is emptied and filled from the snapshot; the running services that mount
//    it are stopped meanwhile.
//  - pg-dump: pg_restore into a freshly created database in the running PostgreSQL service that
//    mounts the volume; the running services that depend on it (depends_on, also indirectly) are
//    stopped meanwhile, so nothing writes half-restored data.
struct RestorePlan
{
    ResticSnapshot snapshot;
    QString kind;                    // files, pg-dump
    DataVolume target;               // the volume replaced (or the one the database lives in)
    bool targetExists = false;       // false: created (and no safety snapshot: nothing to lose)
    QString databaseService;         // pg-dump: the PostgreSQL service restored into
    QString databaseContainer;       // pg-dump: its running container
    QStringList stop;                // running services stopped for the restore, dependents first
    QStringList startAgain;          // the same, dependencies first
    QStringList idleUsers;           // services using the volume that do not run: left as they are
    QHash<QString, QString> running; // service -> running container id, as the plan saw it
    QString helperImage;
    QMap<QString, QString> volumeLabels; // Compose's, so that Compose adopts a created volume

    bool takesSafetySnapshot() const { return targetExists; }

    // `toVolume`: empty for the snapshot's own volume, else a compose volume key of `project`
    // or any engine volume name (then nothing of the project is stopped). `engineVolumes`:
    // the volume names on the engine.
    static Result<RestorePlan> make(const ComposeProject &project,
                                    const QList<DataVolume> &inventory,
                                    const ResticSnapshot &snapshot, const QString &toVolume,
                                    const QHash<QString, QString> &running,
                                    const QStringList &engineVolumes);

    // One line per effect, in the order they happen, for a confirmation.
    QStringList describe() const;
};

// The newest snapshot of each volume tagged checkpoint=NAME (`all` oldest first): what restoring
// the checkpoint restores.
QList<ResticSnapshot> checkpointSnapshots(const QList<ResticSnapshot> &all, const QString &name);

// What cloning a project's data into another (a twin) takes from its snapshots (`all` oldest
// first): the newest files snapshot of each volume (a restore's safety snapshot is not the
// project's data any more), and the volumes that have database dumps instead (a dump restores into
// a running server, so not before the other stack runs).
struct CloneSources
{
    QMap<QString, ResticSnapshot> newest; // by volume key
    QStringList dumps;                    // volume keys
};
CloneSources cloneSources(const QList<ResticSnapshot> &all);

// The restores that clone `sources` (of the project `from`) into `project`, given its inventory,
// what runs and the engine's volume names; in volume order. Every plan is made first: a volume
// `project` does not have refuses the clone before any volume is written. No snapshot at all:
// NotFound, nothing to start.
Result<QList<RestorePlan>> clonePlans(const CloneSources &sources, const QString &from,
                                      const ComposeProject &project,
                                      const QList<DataVolume> &inventory,
                                      const QHash<QString, QString> &running,
                                      const QStringList &engineVolumes);

} // namespace DevDock::Core
