// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "data/resticrepository.h"
#include "data/volumebackup.h"
#include "data/volumeinventory.h"
#include "stack/stackcontroller.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

class QSettings;

namespace DevDock::Core {

class BackupRepository;
class ConsistentBackup;
class EngineClient;

// How DevDock keeps one project's data on its own: a backup every `everyHours` while the stack
// runs (0: never by itself), and after each backup the retention policy (restic forget with the
// --keep-… rules, checkpoints always kept, then prune). Saved per project in DevDock's settings.
struct BackupSettings
{
    int everyHours = 0;
    RetentionPolicy retention;
    // Every backup DevDock takes of the project on a git branch (by hand, on schedule, before a
    // destructive action) also becomes the branch's checkpoint, branchCheckpoint(branch): the
    // newest data of each branch, restored in one step (older ones of it are forgotten).
    bool branchCheckpoints = false;
    // The services that write a volume being copied (not its database, which is dumped) are
    // stopped for the copy and started again after it, instead of paused.
    bool stopOthers = false;

    static BackupSettings load(QSettings &settings, const QString &projectKey);
    void save(QSettings &settings, const QString &projectKey) const;
    bool operator==(const BackupSettings &) const = default;
};

// The asynchronous side of a project's data for the window and the workspace (devdockctl has its
// own blocking DataSession): what it has (refresh: the engine's df, the repository's snapshots of
// the project, what runs), backups of its volumes one at a time (ConsistentBackup; a volume
// unchanged since its last snapshot reuses it), retention after each backup, the schedule (one
// timer, nothing polled), and the backup before a database service is recreated with a new image.
class ProjectBackups final : public QObject
{
    Q_OBJECT
public:
    ProjectBackups(EngineClient *client, ResticRepository *repository, QObject *parent = nullptr);
    // The repository opened from `source` on first need (a gate that finds nothing to back up
    // never opens it, so never asks the keychain). Not owned.
    ProjectBackups(EngineClient *client, BackupRepository *source, QObject *parent = nullptr);
    ~ProjectBackups() override;

    void setProject(const ComposeProject &project);
    const ComposeProject &project() const { return m_project; }
    // Restarts the schedule: the next backup is due `everyHours` after the project's newest
    // snapshot (at once when that is past), then every `everyHours` after each backup.
    void setSettings(const BackupSettings &settings);
    const BackupSettings &settings() const { return m_settings; }
    // The schedule's period; tests set one shorter than an hour. 0: everyHours.
    void setIntervalOverride(std::chrono::milliseconds interval);
    // When the next scheduled backup is due (invalid: none scheduled).
    QDateTime nextScheduled() const;
    // project, branch and commit (git in the project's folder).
    SnapshotTags baseTags() const;
    // The checkpoint a branch's backups carry with branchCheckpoints: "branch-<branch>".
    static QString branchCheckpoint(const QString &branch);

    // Reads df, snapshots and containers again; refreshed() or refreshFailed() follows.
    void refresh();
    const QList<DataVolume> &inventory() const { return m_inventory; }
    const QList<ResticSnapshot> &snapshots() const { return m_snapshots; }
    // The bytes a restore of snapshot `id` writes; -1 while not known yet. After each refresh the
    // unknown ones are read one by one in the background (snapshotSizesChanged after each).
    qint64 snapshotSize(const QString &id) const { return m_sizes.value(id, -1); }
    const QHash<QString, QString> &running() const { return m_running; }
    EngineClient *client() const;
    // nullptr until the first refresh opened it.
    ResticRepository *repository() const { return m_repository; }

    // Backs up the volumes with these keys (empty: every one that exists) with `tags` over
    // baseTags() (checkpoint, reason), after a refresh; then the retention policy. One at a time:
    // while one runs, another request fails with Conflict.
    void backup(const QStringList &volumeKeys = {}, const SnapshotTags &tags = {});
    void cancel();
    bool isBusy() const { return m_busy; }

    // Before `services` are recreated: the volumes of the database services among them whose
    // container runs an image other than the one the service names now (`rebuild`: every
    // database service among them, its image is about to be built anew) are backed up, reason
    // before-recreate. `done` gets the outcome; on an error the caller does not recreate.
    void backupBeforeRecreate(const QStringList &services, bool rebuild, QObject *context,
                              std::function<void(Result<void>)> done);
    // Before `down --volumes`: every named volume of the project that exists is backed up,
    // reason before-down (data folders on the host stay, so they are not). A project whose
    // volumes do not exist removes nothing and opens no repository. On an error the caller
    // removes nothing.
    void backupBeforeDown(QObject *context, std::function<void(Result<void>)> done);
    // For StackController::setActionGate: up and rebuild back up first (backupBeforeRecreate),
    // down with volumes too (backupBeforeDown); every other action goes on at once.
    StackController::ActionGate dataGate();

signals:
    void refreshed();
    void refreshFailed(const DevDock::Core::Error &error);
    void backupStarted(const QStringList &volumeKeys, qint64 totalBytes);
    // Bytes read of the volume being copied, and of the whole backup so far.
    void progressed(const QString &volumeKey, qint64 bytes, qint64 doneBytes, qint64 totalBytes);
    void volumeBackedUp(const QString &volumeKey, const QString &snapshotId, bool unchanged);
    // The snapshot ids, one per volume, in order.
    void backupFinished(const DevDock::Core::Result<QStringList> &snapshotIds);
    void retentionApplied(const DevDock::Core::Result<DevDock::Core::ForgetOutcome> &outcome);
    void scheduleChanged(const QDateTime &next);
    void snapshotSizesChanged();

private:
    // `create`: open the repository even when none was made yet (a backup is about to be
    // taken); without it, a repository that does not exist means "nothing backed up".
    void refreshThen(std::function<void(Result<void>)> then, bool create = true);
    // The image id of each service's container (any state), into m_containerImages.
    void readContainerImages(std::function<void(Result<void>)> then);
    void backupNext();
    void endBackup(Result<QStringList> result);
    void applyRetention(std::function<void()> then);
    void reschedule();
    void readSizes();
    void forgetRepository();
    void applyRelocation();
    void onScheduleDue();
    std::chrono::milliseconds interval() const;
    // The services among `pending` whose container's image differs from the one they name now.
    void checkImages(QStringList pending, QStringList changed, bool rebuild,
                     std::function<void(Result<QStringList>)> done);
    void backupUsersOf(const QStringList &services, std::function<void(Result<void>)> done);
    // Backs up `volumes` with `reason` (after the backup under way, if one is); `done` gets the
    // outcome, its message after `failurePrefix` on an error.
    void backupThen(const QStringList &volumes, const QString &reason, const QString &failurePrefix,
                    std::function<void(Result<void>)> done);

    QPointer<EngineClient> m_client;
    QPointer<ResticRepository> m_repository;
    QPointer<BackupRepository> m_source;
    ComposeProject m_project;
    BackupSettings m_settings;
    std::chrono::milliseconds m_intervalOverride{0};
    QTimer m_schedule;
    QDateTime m_lastRunAt; // the end of the last backup, snapshot written or not
    QList<DataVolume> m_inventory;
    QList<ResticSnapshot> m_snapshots;
    QHash<QString, qint64> m_sizes; // snapshot id -> restore size
    bool m_readingSizes = false;
    bool m_relocatePending = false; // the repository moved while a backup ran
    quint64 m_relocations = 0;     // answers of an earlier repository are dropped
    QHash<QString, QString> m_running;
    QHash<QString, QString> m_containerImages; // service -> image id of its container
    SnapshotTags m_base;

    bool m_busy = false;
    bool m_orphansChecked = false; // PauseLedger::unpauseOrphans ran once
    quint64 m_serial = 0;         // of the backup started last
    quint64 m_finishedSerial = 0; // of the backup whose backupFinished is being emitted
    QList<DataVolume> m_queue;
    SnapshotTags m_tags;
    bool m_branchCheckpoint = false; // m_tags.checkpoint is the branch's (branchCheckpoints)
    QStringList m_ids;
    qint64 m_totalBytes = 0;
    qint64 m_doneBytes = 0;
    ConsistentBackup *m_current = nullptr;
    bool m_cancelled = false;
};

} // namespace DevDock::Core
