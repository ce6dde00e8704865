// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backuprepository.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include "data/resticrepository.h"
#include "env/secretstore.h"
#include "util/settingsfile.h"

namespace DevDock::Core {

namespace {
const char kLocationKey[] = "backups/repository";

// Every BackupRepository alive in this process: saveLocation() moves them all (GUI thread only).
QList<BackupRepository *> &liveRepositories()
{
    static QList<BackupRepository *> list;
    return list;
}
} // namespace

BackupRepository::BackupRepository(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_location(configuredLocation())
    , m_store(store)
{
    if (!m_store) {
        m_ownStore = std::make_unique<KeychainSecretStore>(QStringLiteral("backups"));
        m_store = m_ownStore.get();
    }
    liveRepositories().append(this);
}

BackupRepository::~BackupRepository()
{
    liveRepositories().removeAll(this);
}

QString BackupRepository::settingsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/devdock/backups.json");
}

bool BackupRepository::locationFromEnvironment()
{
    return !qEnvironmentVariableIsEmpty("DEVDOCK_BACKUP_REPOSITORY");
}

QString BackupRepository::configuredLocation()
{
    if (locationFromEnvironment()) {
        return qEnvironmentVariable("DEVDOCK_BACKUP_REPOSITORY");
    }
    // Only a regular file is read (a FIFO in its place would block).
    if (QFileInfo(settingsPath()).isFile()) {
        QSettings settings(settingsPath(), checkedSettingsFormat());
        const QString saved = settings.value(QString::fromLatin1(kLocationKey)).toString().trimmed();
        if (!saved.isEmpty()) {
            return saved;
        }
    }
    return ResticRepository::defaultLocation();
}

void BackupRepository::saveLocation(const QString &location, const std::optional<QString> &password,
                                    SecretStore *store, QObject *context, std::function<void(Result<void>)> done)
{
    // A folder is kept as an absolute path (each process has its own working directory); a restic
    // URL names its backend ("sftp:", "rest:", "s3:") and is kept as typed.
    static const QRegularExpression scheme(QStringLiteral("^[a-z0-9]+:"));
    QString given = location.trimmed();
    if (!given.isEmpty() && !scheme.match(given).hasMatch()) {
        given = QFileInfo(given).absoluteFilePath();
    }
    const QString where = given.isEmpty() ? ResticRepository::defaultLocation() : given;
    auto save = [location = given, where, done] {
        QDir().mkpath(QFileInfo(settingsPath()).path());
        if (QFileInfo::exists(settingsPath()) && !QFileInfo(settingsPath()).isFile()) {
            done(makeError(Error::Code::Io, QStringLiteral("%1 is not a regular file.").arg(settingsPath()),
                           QStringLiteral("Remove it; DevDock writes its backup settings there.")));
            return;
        }
        QSettings settings(settingsPath(), checkedSettingsFormat());
        if (location.trimmed().isEmpty()) {
            settings.remove(QString::fromLatin1(kLocationKey));
        } else {
            settings.setValue(QString::fromLatin1(kLocationKey), location.trimmed());
        }
        if (const auto saved = saveSettings(settings); !saved) {
            done(std::unexpected(saved.error()));
            return;
        }
        // DEVDOCK_BACKUP_REPOSITORY, while set, still wins.
        for (BackupRepository *r : std::as_const(liveRepositories())) {
            r->relocate(configuredLocation());
        }
        done({});
    };
    auto own = store ? std::shared_ptr<SecretStore>() : std::make_shared<KeychainSecretStore>(QStringLiteral("backups"));
    SecretStore *s = store ? store : own.get();
    // Checked before anything is kept: the repository opens with the password (restic init where
    // there is none yet). A given password goes into the keychain only then, so a wrong one never
    // replaces the right one there.
    auto openWith = [where, context, done](const QString &secret, std::function<void()> then) {
        auto *repository = new ResticRepository(where, secret);
        auto failed = [done](Error e) {
            e.hint = (e.hint.isEmpty() ? QString() : e.hint + QLatin1Char(' '))
                     + QStringLiteral("Backups still go to %1.").arg(configuredLocation());
            done(std::unexpected(e));
        };
        repository->ensureInitialized(context, [repository, context, then, failed](Result<void> opened) {
            if (!opened) {
                repository->deleteLater();
                failed(opened.error());
                return;
            }
            // Read with the password for real: ensureInitialized trusts a local folder that has a
            // repository's config without opening it.
            repository->run({QStringLiteral("cat"), QStringLiteral("config")},
                            QStringLiteral("Opening the backup repository"), context,
                            [repository, then, failed](Result<QByteArray> read) {
                                repository->deleteLater();
                                if (!read) {
                                    failed(read.error());
                                    return;
                                }
                                then();
                            });
        });
    };
    if (!password || password->isEmpty()) {
        ResticRepository::loadOrCreatePassword(*s, where, context,
                                               [own, openWith, save, done](Result<QString> secret) {
                                                   if (!secret) {
                                                       done(std::unexpected(secret.error()));
                                                       return;
                                                   }
                                                   openWith(*secret, save);
                                               });
        return;
    }
    openWith(*password, [s, own, where, secret = *password, context, save, done] {
        s->write(ResticRepository::passwordKey(where), secret, context, [own, save, done](Result<void> w) {
            if (!w) {
                done(std::unexpected(w.error()));
                return;
            }
            save();
        });
    });
}

void BackupRepository::relocate(const QString &location)
{
    if (location == m_location) {
        return;
    }
    m_location = location;
    // Retired, not deleted: a backup or restore under way keeps using the repository it began
    // with (its jobs hold it) until it ends; the next open() is at the new location.
    if (m_repository) {
        m_retired.push_back(m_repository);
        m_repository = nullptr;
    }
    ++m_generation;
    emit relocated(location);
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
    startOpen();
}

void BackupRepository::startOpen()
{
    // A relocation while this runs (saveLocation) starts it again at the new location: the old
    // one's password or repository is never the answer.
    const quint64 generation = m_generation;
    ResticRepository::loadOrCreatePassword(
        *m_store, m_location, this, [this, generation](Result<QString> password) {
            if (generation != m_generation) {
                startOpen();
                return;
            }
            if (!password) {
                finish(std::unexpected(password.error()));
                return;
            }
            m_opening = new ResticRepository(m_location, *password, this);
            m_opening->ensureInitialized(this, [this, generation](Result<void> r) {
                if (generation != m_generation) {
                    m_retired.push_back(m_opening);
                    m_opening = nullptr;
                    startOpen();
                    return;
                }
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
