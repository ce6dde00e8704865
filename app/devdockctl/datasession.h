// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"
#include "data/backuprepository.h"
#include "data/resticrepository.h"
#include "data/volumebackup.h"
#include "data/volumeinventory.h"
#include "engine/engineclient.h"

#include <QEventLoop>
#include <QHash>

#include <functional>
#include <memory>
#include <optional>

namespace DevDock::Ctl {

// Runs one asynchronous call to its end on a local event loop (the CLI has nothing else to do).
template <typename T>
Core::Result<T> wait(const std::function<void(std::function<void(Core::Result<T>)>)> &call)
{
    QEventLoop loop;
    std::optional<Core::Result<T>> result;
    call([&](Core::Result<T> r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    return std::move(*result);
}

// What the data commands (backup, snapshots, restore, forget, down --volumes) share: the
// project, the engine, the restic repository (BackupRepository: DEVDOCK_BACKUP_REPOSITORY, else the
// local one; its password from the keychain), the project's snapshots, its data inventory and what runs.
class DataSession
{
public:
    static Core::Result<std::unique_ptr<DataSession>> open(const Core::ComposeLoadOptions &options);

    // Snapshots, inventory and running containers read again (after a backup or restore).
    Core::Result<void> refresh();

    // project, branch and commit of the working tree.
    Core::SnapshotTags baseTags() const;
    // One volume backed up consistently (ConsistentBackup), with a line of progress per 64 MiB;
    // the other users are stopped instead of paused with `stopOthers`. SIGINT or SIGTERM cancels
    // it (nothing saved, the services resumed; the error's code is Cancelled).
    // `unchanged`, when given: set when the volume's last snapshot still holds it (no new one).
    Core::Result<QString> backup(const Core::DataVolume &volume, Core::SnapshotTags tags,
                                 bool *unchanged = nullptr);
    // The project's snapshot whose id starts with `prefix`; an ambiguous or unknown one is an
    // error.
    Core::Result<Core::ResticSnapshot> findSnapshot(const QString &prefix) const;

    Core::ComposeProject project;
    std::unique_ptr<Core::EngineClient> client;
    std::unique_ptr<Core::BackupRepository> backups; // the window's way to the repository
    Core::ResticRepository *repository = nullptr;    // backups', open
    QList<Core::ResticSnapshot> snapshots;
    QList<Core::DataVolume> inventory;
    QHash<QString, QString> running; // service -> running container id
    QStringList engineVolumes;
    bool stopOthers = false;
};

// While it lives, SIGINT and SIGTERM call `cancel` (from the event loop) instead of ending the
// process: long data work ends the way its Cancel button ends it.
class CancelOnSignal
{
public:
    explicit CancelOnSignal(std::function<void()> cancel);
    ~CancelOnSignal();
    CancelOnSignal(const CancelOnSignal &) = delete;
    CancelOnSignal &operator=(const CancelOnSignal &) = delete;
    // Whether a signal came while it lived.
    bool signalled() const { return m_signalled; }

private:
    bool m_signalled = false;
    std::function<void()> m_restore;
};

// Prints "devdockctl: message" (and the hint) on stderr; returns EngineFailure.
int failWith(const Core::Error &error);

} // namespace DevDock::Ctl
