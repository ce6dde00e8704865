// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "restoreplan.h"

#include <algorithm>

namespace DevDock::Core {

namespace {

// `services` in the project's start order (dependencies first); names the project does not know
// keep their place at the end.
QStringList inStartOrder(const ComposeProject &project, const QStringList &services)
{
    QStringList ordered;
    for (const QString &s : project.startOrder()) {
        if (services.contains(s)) {
            ordered << s;
        }
    }
    for (const QString &s : services) {
        if (!ordered.contains(s)) {
            ordered << s;
        }
    }
    return ordered;
}

Error planError(const ResticSnapshot &snapshot, const QString &what, const QString &hint)
{
    return {Error::Code::InvalidArgument,
            QStringLiteral("Cannot restore snapshot %1: %2").arg(snapshot.shortId, what), hint};
}

} // namespace

Result<RestorePlan> RestorePlan::make(const ComposeProject &project,
                                      const QList<DataVolume> &inventory,
                                      const ResticSnapshot &snapshot, const QString &toVolume,
                                      const QHash<QString, QString> &running,
                                      const QStringList &engineVolumes)
{
    RestorePlan plan;
    plan.snapshot = snapshot;
    plan.running = running;
    plan.kind = snapshot.tag(QStringLiteral("kind"));
    if (plan.kind.isEmpty()) {
        plan.kind = QStringLiteral("files");
    }
    if (plan.kind != QLatin1String("files") && plan.kind != QLatin1String("pg-dump")) {
        return std::unexpected(planError(
            snapshot, QStringLiteral("its kind '%1' is unknown to this DevDock").arg(plan.kind),
            QStringLiteral("Restore it with the DevDock version that made it.")));
    }
    if (snapshot.paths.size() != 1) {
        return std::unexpected(planError(
            snapshot,
            QStringLiteral("it was not made by DevDock (it holds %1 paths, not one stream)")
                .arg(snapshot.paths.size()),
            QStringLiteral("Restore it with restic itself (restic restore).")));
    }
    const QString ownProject = snapshot.tag(QStringLiteral("project"));
    if (toVolume.isEmpty() && ownProject != project.name) {
        return std::unexpected(planError(
            snapshot,
            QStringLiteral("it belongs to project '%1', not '%2'").arg(ownProject, project.name),
            QStringLiteral("Name the volume to restore into with --to VOLUME.")));
    }
    const QString key = toVolume.isEmpty() ? snapshot.tag(QStringLiteral("volume")) : toVolume;
    const auto found = std::find_if(inventory.cbegin(), inventory.cend(), [&](const DataVolume &v) {
        return v.key == key || (v.kind == DataMount::Kind::Volume && v.engineName == key);
    });
    if (found != inventory.cend()) {
        plan.target = *found;
        plan.helperImage = found->helperImage(project);
        if (found->kind == DataMount::Kind::Volume) {
            plan.volumeLabels.insert(QStringLiteral("com.docker.compose.project"), project.name);
            plan.volumeLabels.insert(QStringLiteral("com.docker.compose.volume"), found->key);
        }
    } else if (!toVolume.isEmpty()) {
        // A volume outside the project: nothing of the project uses it.
        plan.target.key = toVolume;
        plan.target.engineName = toVolume;
    } else {
        return std::unexpected(planError(
            snapshot, QStringLiteral("its volume '%1' is not in project %2").arg(key, project.name),
            QStringLiteral("Name the volume to restore into with --to VOLUME.")));
    }
    // A data folder on the host (x-devdock data) is restored where it is: emptied after the
    // safety snapshot, then filled, through a helper container that mounts it. Taken as there:
    // on a remote engine this machine cannot see it (one that is missing is made empty, and its
    // safety snapshot is of nothing).
    plan.targetExists = plan.target.kind == DataMount::Kind::Bind || engineVolumes.contains(plan.target.engineName);
    if (plan.helperImage.isEmpty()) {
        // The snapshot's own service's image copies the data, as it did for the backup.
        if (const ComposeService *s = project.service(snapshot.tag(QStringLiteral("service")))) {
            plan.helperImage =
                s->image.isEmpty() ? project.name + QLatin1Char('-') + s->name : s->image;
        }
    }

    QStringList stop;
    if (plan.kind == QLatin1String("pg-dump")) {
        for (const VolumeUser &u : std::as_const(plan.target.users)) {
            if (u.database == DatabaseKind::Postgres) {
                plan.databaseService = u.service;
                break;
            }
        }
        if (plan.databaseService.isEmpty()) {
            return std::unexpected(planError(
                snapshot,
                QStringLiteral("it is a PostgreSQL dump, and no PostgreSQL service uses volume %1")
                    .arg(plan.target.key),
                QStringLiteral(
                    "Restore it into the volume of a PostgreSQL service (--to VOLUME).")));
        }
        plan.databaseContainer = running.value(plan.databaseService);
        if (plan.databaseContainer.isEmpty()) {
            return std::unexpected(planError(
                snapshot,
                QStringLiteral("it is a PostgreSQL dump, and service %1 does not run")
                    .arg(plan.databaseService),
                QStringLiteral("Start the database first (devdockctl up %1), then restore.")
                    .arg(plan.databaseService)));
        }
        stop = project.dependents(plan.databaseService);
        for (const QString &s : plan.target.serviceNames()) {
            if (s != plan.databaseService && !stop.contains(s)) {
                stop << s;
            }
        }
    } else {
        stop = plan.target.serviceNames();
        if (plan.helperImage.isEmpty()) {
            return std::unexpected(planError(
                snapshot,
                QStringLiteral("no image is known to copy the data into %1").arg(plan.target.key),
                QStringLiteral("Restore into a volume of the project, whose services' images are "
                               "on the engine.")));
        }
    }
    for (const QString &s : std::as_const(stop)) {
        if (running.contains(s)) {
            plan.startAgain << s;
        } else if (plan.target.serviceNames().contains(s)) {
            plan.idleUsers << s;
        }
    }
    plan.startAgain = inStartOrder(project, plan.startAgain);
    plan.stop = plan.startAgain;
    std::reverse(plan.stop.begin(), plan.stop.end());
    return plan;
}

QStringList RestorePlan::describe() const
{
    QStringList lines;
    QStringList about{snapshot.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                      kind};
    for (const char *key : {"branch", "checkpoint", "reason"}) {
        const QString value = snapshot.tag(QString::fromLatin1(key));
        if (!value.isEmpty()) {
            about << QString::fromLatin1(key) + QLatin1Char(' ') + value;
        }
    }
    lines << QStringLiteral("Snapshot %1 (%2) of %3")
                 .arg(snapshot.shortId, about.join(QStringLiteral(", ")),
                      snapshot.tag(QStringLiteral("volume")));
    const bool folder = target.kind == DataMount::Kind::Bind;
    const QString place = folder ? QStringLiteral("folder %1 on the host").arg(target.key)
                                 : QStringLiteral("volume %1").arg(target.engineName);
    if (takesSafetySnapshot()) {
        lines << QStringLiteral("First: a safety snapshot of the current %1, to go back to")
                     .arg(kind == QLatin1String("pg-dump")
                              ? QStringLiteral("database of %1").arg(databaseService)
                              : place);
    }
    lines << (stop.isEmpty() ? QStringLiteral("Stops: nothing (no running service uses it)")
                             : QStringLiteral("Stops: %1").arg(stop.join(QStringLiteral(", "))));
    if (kind == QLatin1String("pg-dump")) {
        lines << QStringLiteral("Replaces: the database of service %1 (dropped, created fresh, "
                                "filled by pg_restore); "
                                "volume %2 stays")
                     .arg(databaseService, target.engineName);
    } else if (targetExists) {
        lines << QStringLiteral(
                     "Replaces: everything in %1 (emptied, then filled from the snapshot)")
                     .arg(place);
    } else {
        lines << QStringLiteral("Creates: %1 (it does not exist), filled from the snapshot")
                     .arg(place);
    }
    if (!startAgain.isEmpty()) {
        lines << QStringLiteral("Starts again, dependencies first: %1")
                     .arg(startAgain.join(QStringLiteral(", ")));
    }
    if (!idleUsers.isEmpty()) {
        lines << QStringLiteral("Not running, left as they are: %1")
                     .arg(idleUsers.join(QStringLiteral(", ")));
    }
    return lines;
}

// The newest snapshot of each volume tagged checkpoint=NAME.
QList<ResticSnapshot> checkpointSnapshots(const QList<ResticSnapshot> &all, const QString &name)
{
    QMap<QString, ResticSnapshot> newest;
    for (const ResticSnapshot &s : all) { // oldest first: later ones win
        if (s.tag(QStringLiteral("checkpoint")) == name) {
            newest.insert(s.tag(QStringLiteral("volume")), s);
        }
    }
    return newest.values();
}

CloneSources cloneSources(const QList<ResticSnapshot> &all)
{
    CloneSources sources;
    for (const ResticSnapshot &s : all) { // oldest first: later ones win
        const QString volume = s.tag(QStringLiteral("volume"));
        if (s.tag(QStringLiteral("kind")) == u"pg-dump") {
            if (!sources.dumps.contains(volume)) {
                sources.dumps << volume;
            }
            continue;
        }
        if (s.tag(QStringLiteral("reason")) == u"safety") {
            continue;
        }
        sources.newest.insert(volume, s);
    }
    return sources;
}

Result<QList<RestorePlan>> clonePlans(const CloneSources &sources, const QString &from,
                                      const ComposeProject &project,
                                      const QList<DataVolume> &inventory,
                                      const QHash<QString, QString> &running,
                                      const QStringList &engineVolumes)
{
    if (sources.newest.isEmpty()) {
        return makeError(
            Error::Code::NotFound,
            QStringLiteral("Project %1 has no snapshot of its volumes to clone; nothing was "
                           "started.")
                .arg(from),
            QStringLiteral("Back it up first (Back up now in its Data view, or devdockctl "
                           "backup), or start the twin with fresh volumes."));
    }
    QList<RestorePlan> plans;
    for (auto it = sources.newest.cbegin(); it != sources.newest.cend(); ++it) {
        auto plan = RestorePlan::make(project, inventory, it.value(), it.key(), running,
                                      engineVolumes);
        if (!plan) {
            return std::unexpected(plan.error());
        }
        plans << *plan;
    }
    return plans;
}

} // namespace DevDock::Core
