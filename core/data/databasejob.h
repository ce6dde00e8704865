// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/volumebackup.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>

class QProcess;

namespace DevDock::Core {

class EngineClient;
class ProcessStream;
class ResticRepository;

// A running PostgreSQL service's database, copied logically through the exec API rather than
// as files: the cluster's roles (`pg_dumpall --globals-only`) and `pg_dump -Fc` of the database
// in the service's container stream into `restic backup --stdin` (kind pg-dump, format
// roles+custom), and back: `restic dump` streams into `psql` (the roles) and `pg_restore` in the
// container, into a database dropped and created fresh (older dumps without roles: pg_restore). The commands run as the container's postgres user on its
// local socket; a password, where one is needed, comes from the container's own
// POSTGRES_PASSWORD inside the container and never passes through DevDock.
class DatabaseJob final : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Dump, Restore };
    struct Options
    {
        Mode mode = Mode::Dump;
        QString container;    // the running database container
        QString database;     // empty: POSTGRES_DB, else POSTGRES_USER, else postgres
        SnapshotTags tags;    // Dump: kind is set to pg-dump
        QString snapshotId;   // Restore
        QString fileInSnapshot;
        bool withRoles = false; // Restore: the snapshot's format is kRolesFormat (roles first)
    };
    // The format tag of dumps that carry the cluster's roles ahead of the database.
    static constexpr const char *kRolesFormat = "roles+custom";
    DatabaseJob(EngineClient *client, ResticRepository *repository, Options options,
                QObject *parent = nullptr);
    void start();
    void cancel();

signals:
    void progressed(qint64 bytes);
    // Dump: the new snapshot's id; Restore: empty.
    void finished(const DevDock::Core::Result<QString> &result);

private:
    void startStreams(const QString &execId);
    void checkExit(const QString &execId);
    void finish(Result<QString> result);
    QString what() const;
    QString script() const; // the shell run in the database container

    QPointer<EngineClient> m_client;
    QPointer<ResticRepository> m_repository;
    Options m_options;
    QProcess *m_restic = nullptr;
    ProcessStream *m_stream = nullptr;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_streamDone = false;
    bool m_resticDone = false;
    bool m_done = false;
};

} // namespace DevDock::Core
