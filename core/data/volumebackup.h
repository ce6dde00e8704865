// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/helpercontainer.h"
#include "util/result.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>

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
    QString reason; // why DevDock took it by itself: safety (before a restore), before-down

    QStringList toTags() const;
    // Tag values cannot hold restic's separator (a comma).
    static QString clean(const QString &value);
};

// One volume (or data folder) into the repository: a helper container from `image` is created
// with it mounted, GET /containers/{id}/archive streams straight into `restic backup --stdin`,
// the helper is removed. A failure or cancel kills restic before its input ends, so no truncated
// snapshot is ever saved. finished() carries the new snapshot's id.
class VolumeBackupJob final : public QObject
{
    Q_OBJECT
public:
    VolumeBackupJob(EngineClient *client, ResticRepository *repository, DataMount mount,
                    QString image, SnapshotTags tags, QObject *parent = nullptr);
    void start();
    void cancel();

signals:
    void progressed(qint64 bytes);
    void finished(const DevDock::Core::Result<QString> &snapshotId);

private:
    void startStream();
    void finish(Result<QString> result);

    QPointer<EngineClient> m_client;
    QPointer<ResticRepository> m_repository;
    DataMount m_mount;
    QString m_image;
    SnapshotTags m_tags;
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
        QString volume;
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
