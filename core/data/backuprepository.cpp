// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backuprepository.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "data/resticrepository.h"
#include "env/secretstore.h"

namespace DevDock::Core {

BackupRepository::BackupRepository(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_location(configuredLocation())
    , m_store(store)
{
    if (!m_store) {
        m_ownStore = std::make_unique<KeychainSecretStore>(QStringLiteral("backups"));
        m_store = m_ownStore.get();
    }
}

BackupRepository::~BackupRepository() = default;

QString BackupRepository::configuredLocation()
{
    return qEnvironmentVariableIsEmpty("DEVDOCK_BACKUP_REPOSITORY")
               ? ResticRepository::defaultLocation()
               : qEnvironmentVariable("DEVDOCK_BACKUP_REPOSITORY");
}

void BackupRepository::open(QObject *context, std::function<void(Result<ResticRepository *>)> done)
{
    if (m_repository) {
        done(m_repository);
        return;
    }
    m_waiters.push_back({context, context != nullptr, std::move(done)});
    if (m_waiters.size() > 1) {
        return; // an open under way answers this one too
    }
    ResticRepository::loadOrCreatePassword(
        *m_store, m_location, this, [this](Result<QString> password) {
            if (!password) {
                finish(std::unexpected(password.error()));
                return;
            }
            m_opening = new ResticRepository(m_location, *password, this);
            m_opening->ensureInitialized(this, [this](Result<void> r) {
                if (!r) {
                    m_opening->deleteLater();
                    m_opening = nullptr;
                    finish(std::unexpected(r.error()));
                    return;
                }
                m_repository = m_opening;
                m_opening = nullptr;
                finish(m_repository);
            });
        });
}

bool BackupRepository::mayHoldBackups() const
{
    if (m_repository) {
        return true;
    }
    // restic's URLs name their backend ("sftp:", "rest:", "s3:"); a path has no scheme.
    static const QRegularExpression scheme(QStringLiteral("^[a-z0-9]+:"));
    if (!m_location.startsWith(QLatin1Char('/')) && scheme.match(m_location).hasMatch()) {
        return true;
    }
    return QFileInfo::exists(QDir(m_location).filePath(QStringLiteral("config")));
}

void BackupRepository::finish(const Result<ResticRepository *> &result)
{
    std::vector<Waiter> waiters;
    waiters.swap(m_waiters);
    for (Waiter &w : waiters) {
        if (w.hadContext && !w.context) {
            continue;
        }
        w.done(result);
    }
}

} // namespace DevDock::Core
