// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/helpercontainer.h"
#include "data/resticrepository.h"
#include "util/result.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

class QProcess;

namespace DevDock::Core {

class ProcessStream;
class EngineClient;
class ResticRepository;

// What a snapshot records besides the bytes: restic tags "key=value".
struct SnapshotTags
{
    QString project;
    QString service;
    QString volume; // the compose key (or the bind path for data folders)
    QString kind = QStringLiteral("files"); // files, pg-dump
    QString gitBranch;
    QString gitCommit;
    QString checkpoint;
    QString reason; // why DevDock took it by itself: safety (before a restore), before-down, scheduled
    QString state;  // files: the fingerprint of the volume's entries when it was read
    QString format; // pg-dump: roles+custom (the roles ahead of the dump); empty: the dump alone

    // An unchanged volume's earlier snapshot stands in for a new one, except where the snapshot
    // itself is the point: a checkpoint (it carries the name) and the safety snapshot of a restore.
    bool mayReuse() const;

    QStringList toTags() const;
    // Tag values cannot hold restic's separator (a comma).
    static QString clean(const QString &value);
};

// One volume (or data folder) into the repository: a helper container from `image` is created
// with it mounted, GET /containers/{id}/archive streams straight into `restic backup --stdin`,
// the helper is removed. A failure or cancel kills restic before its input ends, so no truncated
// snapshot is ever saved. finished() carries the new snapshot's id.
// Before the copy a helper lists every entry's path, size, type, mode, owner, inode and change
// and modification times (find + stat, hashed): the snapshot's `state` tag. When that is the
// state `previous` recorded (and the tags allow it), nothing is copied and finished() carries
// the previous snapshot's id: restic reads a --stdin stream whole, changed or not, so this is
// what makes a backup of an unchanged volume cheap. An image without find/stat just copies.
class VolumeBackupJob final : public QObject
{
    Q_OBJECT
public:
    VolumeBackupJob(EngineClient *client, ResticRepository *repository, DataMount mount,
                    QString image, SnapshotTags tags, QObject *parent = nullptr);
    // The newest earlier snapshot of this volume (any kind; only a files one with a state counts).
    void setPrevious(const std::optional<ResticSnapshot> &previous) { m_previous = previous; }
    void start();
    void cancel();
    // After finished(): the volume had not changed since `previous`, whose id it carried.
    bool unchanged() const { return m_unchanged; }

signals:
    void progressed(qint64 bytes);
    void finished(const DevDock::Core::Result<QString> &snapshotId);

private:
    void copy();
    void startStream();
    void finish(Result<QString> result);

    QPointer<EngineClient> m_client;
    QPointer<ResticRepository> m_repository;
    DataMount m_mount;
    QString m_image;
    SnapshotTags m_tags;
    std::optional<ResticSnapshot> m_previous;
    bool m_unchanged = false;
    QString m_helper;
    QProcess *m_restic = nullptr;
    ProcessStream *m_transfer = nullptr;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_snapshotId;
    bool m_streamDone = false;
    bool m_done = false;
};

// A snapshot back into a volume: the volume is created when missing (with `labels`, e.g.
// Compose's, so Compose adopts it) or, with `replace`, removed and created empty first (emptied
// in place by a helper running `sh` when containers still hold it); then
// `restic dump` streams into PUT /containers/{id}/archive of a helper container.
class VolumeRestoreJob final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString snapshotId;
        QString fileInSnapshot; // "/<name>.tar" as the snapshot's paths say
        QString volume; // the engine's volume name, or the host folder with kind Bind
        DataMount::Kind kind = DataMount::Kind::Volume;
        QMap<QString, QString> labels;
        bool replace = false;
        QString image;
    };
    VolumeRestoreJob(EngineClient *client, ResticRepository *repository, Options options,
                     QObject *parent = nullptr);
    void start();
    void cancel();

signals:
    void progressed(qint64 bytes);
    void finished(const DevDock::Core::Result<void> &result);

private:
    void prepareVolume();
    void createHelper();
    void emptyInPlace();
    void startStream();
    void finish(Result<void> result);

    QPointer<EngineClient> m_client;
    QPointer<ResticRepository> m_repository;
    Options m_options;
    QString m_helper;
    QProcess *m_restic = nullptr;
    ProcessStream *m_transfer = nullptr;
    QByteArray m_stderr;
    bool m_done = false;
};

} // namespace DevDock::Core
