// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/volumebackup.h"
#include "data/volumeinventory.h"
#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace DevDock::Core {

class EngineClient;
class ResticRepository;

// One piece of data backed up so that what is saved is consistent, whatever runs:
//  - a running PostgreSQL user: a logical dump through exec (DatabaseJob), nothing paused;
//  - otherwise a file copy (VolumeBackupJob), with running Redis users told to SAVE first and
//    every other running user paused for the copy and unpaused after it, also on errors (or, with
//    setStopOthers(true), stopped for it and started again after it: for services that do not
//    take a pause well, e.g. ones whose clients time out while they are frozen).
// `running` maps service name -> running container id (services not running are absent).
class ConsistentBackup final : public QObject
{
    Q_OBJECT
public:
    ConsistentBackup(EngineClient *client, ResticRepository *repository, DataVolume volume,
                     QHash<QString, QString> running, QString image, SnapshotTags tags,
                     QObject *parent = nullptr);
    // Stop (and start again) the other users instead of pausing them. Before start().
    void setStopOthers(bool stop) { m_stopOthers = stop; }
    void start();
    // Ends the copy or dump under way (finished() reports Cancelled); paused services are
    // unpaused first.
    void cancel();

    // The services paused (or stopped) right now (for tests and the window's status).
    QStringList paused() const { return m_paused; }
    // After finished(): the volume had not changed since its last backup, whose id it carried.
    bool unchanged() const { return m_unchanged; }

signals:
    void progressed(qint64 bytes);
    void finished(const DevDock::Core::Result<QString> &snapshotId);

private:
    void begin();
    void saveRedis(QStringList containers);
    void pauseOthers(QStringList services);
    void copy();
    void unpauseAll(Result<QString> result);
    // Pauses (still) or unpauses the service's container; with stopOthers stops or starts it.
    void hold(const QString &service, bool still, std::function<void(Result<void>)> done);
    Error cancelledError() const;

    QPointer<EngineClient> m_client;
    QPointer<ResticRepository> m_repository;
    DataVolume m_volume;
    QHash<QString, QString> m_running;
    QString m_image;
    SnapshotTags m_tags;
    QStringList m_paused;
    int m_pauseRetries = 0;
    bool m_stopOthers = false;
    bool m_unchanged = false;
    bool m_cancelled = false;
    QPointer<QObject> m_job; // the VolumeBackupJob or DatabaseJob under way
};

} // namespace DevDock::Core
