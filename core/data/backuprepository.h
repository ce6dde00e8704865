// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>
#include <memory>
#include <vector>

namespace DevDock::Core {

class ResticRepository;
class SecretStore;

// The restic repository DevDock's backups go to, opened the one way the window and devdockctl
// share: DEVDOCK_BACKUP_REPOSITORY, else the local one under the user's data directory; its
// password from the keychain (generated into it on first use); created when there is none yet.
// Opened on first use only, so that a project that never backs up never asks the keychain.
class BackupRepository final : public QObject
{
    Q_OBJECT
public:
    // `store` (not owned; nullptr: the keychain's "backups" scope) holds the password.
    explicit BackupRepository(SecretStore *store = nullptr, QObject *parent = nullptr);
    ~BackupRepository() override;

    // Where backups go: DEVDOCK_BACKUP_REPOSITORY, else the location saved with
    // saveLocation() (DevDock's and devdockctl's shared settings file), else
    // ResticRepository::defaultLocation().
    static QString configuredLocation();
    // Whether configuredLocation() comes from the environment (a saved one is then not used).
    static bool locationFromEnvironment();
    // The settings file the location is kept in (JSON, written checked).
    static QString settingsPath();
    // Saves `location` (empty: back to the default) as where backups go, once it opens (restic
    // init where there is none yet). `password`, when given, is an existing repository's: it goes
    // into the keychain first (none: one is generated for a new repository). Every
    // BackupRepository of this process then opens the new location on its next use
    // (relocated()). An error (unreachable, wrong password, keychain, full disk) keeps the old one.
    static void saveLocation(const QString &location, const std::optional<QString> &password,
                             SecretStore *store, QObject *context, std::function<void(Result<void>)> done);
    QString location() const { return m_location; }

signals:
    // The location changed (saveLocation): the repository opened before is closed.
    void relocated(const QString &location);
public:

    // The open repository (password read, restic init done when needed). Callers asking while
    // it opens get the same answer; a failure is not kept, the next call tries again.
    void open(QObject *context, std::function<void(Result<ResticRepository *>)> done);
    // False only when the location is a local folder with no repository in it yet (nothing was
    // ever backed up there); a remote URL or an opened repository may hold backups.
    bool mayHoldBackups() const;
    // nullptr until open() succeeded.
    ResticRepository *repository() const { return m_repository; }

private:
    void finish(const Result<ResticRepository *> &result);
    void relocate(const QString &location);
    void startOpen();

    struct Waiter
    {
        QPointer<QObject> context;
        bool hadContext = false;
        std::function<void(Result<ResticRepository *>)> done;
    };

    QString m_location;
    std::unique_ptr<SecretStore> m_ownStore;
    SecretStore *m_store = nullptr;
    ResticRepository *m_repository = nullptr;
    ResticRepository *m_opening = nullptr;
    // Repositories of earlier locations, kept (children of this) for the jobs still using them.
    std::vector<ResticRepository *> m_retired;
    quint64 m_generation = 0; // counts relocations
    std::vector<Waiter> m_waiters;
};

} // namespace DevDock::Core
