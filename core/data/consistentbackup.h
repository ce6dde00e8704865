// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/volumebackup.h"
#include "data/volumeinventory.h"
#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace DevDock::Core {

class EngineClient;
class ResticRepository;

// One piece of data backed up so that what is saved is consistent, whatever runs:
//  - a running PostgreSQL user: a logical dump through exec (DatabaseJob), nothing paused;
//  - otherwise a file copy (VolumeBackupJob), with running Redis users told to SAVE first and
//    every other running user paused for the copy and unpaused after it, also on errors.
// `running` maps service name -> running container id (services not running are absent).
class ConsistentBackup final : public QObject
{
    Q_OBJECT
public:
    ConsistentBackup(EngineClient *client, ResticRepository *repository, DataVolume volume,
                     QHash<QString, QString> running, QString image, SnapshotTags tags,
                     QObject *parent = nullptr);
    void start();

    // The services paused right now (for tests and the window's status).
    QStringList paused() const { return m_paused; }

signals:
    void progressed(qint64 bytes);
    void finished(const DevDock::Core::Result<QString> &snapshotId);

private:
    void saveRedis(QStringList containers);
    void pauseOthers(QStringList services);
    void copy();
    void unpauseAll(Result<QString> result);

    QPointer<EngineClient> m_client;
    QPointer<ResticRepository> m_repository;
    DataVolume m_volume;
    QHash<QString, QString> m_running;
    QString m_image;
    SnapshotTags m_tags;
    QStringList m_paused;
    int m_pauseRetries = 0;
};

} // namespace DevDock::Core
