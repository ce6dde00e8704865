// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>

#include <qt6keychain/keychain.h>

namespace DevDock::Core {

namespace {

Error keychainError(const QKeychain::Job *job, const QString &key)
{
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error{Error::Code::Unsupported,
                     QStringLiteral("No keychain is available to keep the secret %1: %2")
                         .arg(key, job->errorString()),
                     QStringLiteral("Start a Secret Service (GNOME Keyring or KWallet) and unlock "
                                    "it. DevDock does not write secrets in plain text unless you "
                                    "ask for it (devdockctl env set --plaintext).")};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error{Error::Code::PermissionDenied,
                     QStringLiteral("The keychain refused access to the secret %1: %2")
                         .arg(key, job->errorString()),
                     QStringLiteral("Unlock the keychain and allow DevDock to use it.")};
    default:
        return Error{Error::Code::Io,
                     QStringLiteral("The keychain failed for the secret %1: %2")
                         .arg(key, job->errorString()),
                     QStringLiteral("Check that a keychain (Secret Service: GNOME Keyring or "
                                    "KWallet) runs and is unlocked, then try again. Nothing was "
                                    "written in plain text.")};
    }
}

template <typename Job, typename Callback>
void run(Job *job, const QString &key, QObject *context, Callback onFinished)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never plain text
    job->setKey(key);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [guard, hasContext = context != nullptr, onFinished](QKeychain::Job *j) {
                         if (hasContext && !guard) {
                             return;
                         }
                         onFinished(static_cast<Job *>(j));
                     });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString scope, QString service)
    : m_scope(std::move(scope))
    , m_service(std::move(service))
{}

QString KeychainSecretStore::scopeForProject(const QString &projectDirectory)
{
    const QString canonical = QFileInfo(projectDirectory).canonicalFilePath();
    return canonical.isEmpty() ? QDir(projectDirectory).absolutePath() : canonical;
}

void KeychainSecretStore::read(const QString &key, QObject *context,
                               std::function<void(Result<std::optional<QString>>)> callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    run(job, entryKey(key), context, [key, callback](QKeychain::ReadPasswordJob *j) {
        if (j->error() == QKeychain::NoError) {
            callback(std::optional<QString>(j->textData()));
        } else if (j->error() == QKeychain::EntryNotFound) {
            callback(std::optional<QString>());
        } else {
            callback(std::unexpected(keychainError(j, key)));
        }
    });
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context,
                                std::function<void(Result<void>)> callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(value);
    run(job, entryKey(key), context, [key, callback](QKeychain::WritePasswordJob *j) {
        if (j->error() == QKeychain::NoError) {
            callback({});
        } else {
            callback(std::unexpected(keychainError(j, key)));
        }
    });
}

void KeychainSecretStore::remove(const QString &key, QObject *context,
                                 std::function<void(Result<void>)> callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    run(job, entryKey(key), context, [key, callback](QKeychain::DeletePasswordJob *j) {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound) {
            callback({});
        } else {
            callback(std::unexpected(keychainError(j, key)));
        }
    });
}

namespace {

void readNext(SecretStore &store, QStringList keys, QHash<QString, QString> values,
              QPointer<QObject> context, bool hasContext,
              std::function<void(QHash<QString, QString>, std::optional<Error>)> callback)
{
    if (keys.isEmpty()) {
        callback(values, std::nullopt);
        return;
    }
    const QString key = keys.takeFirst();
    store.read(key, context.data(),
               [&store, key, keys, values, context, hasContext,
                callback](Result<std::optional<QString>> r) mutable {
                   if (hasContext && !context) {
                       return;
                   }
                   if (!r) {
                       callback(values, r.error());
                       return;
                   }
                   if (*r) {
                       values.insert(key, **r);
                   }
                   readNext(store, keys, values, context, hasContext, callback);
               });
}

} // namespace

void readSecrets(SecretStore &store, const QStringList &keys, QObject *context,
                 std::function<void(QHash<QString, QString>, std::optional<Error>)> callback)
{
    readNext(store, keys, {}, context, context != nullptr, std::move(callback));
}

void writeSecrets(SecretStore &store, QList<std::pair<QString, QString>> values, QObject *context,
                  std::function<void(Result<void>)> done)
{
    if (values.isEmpty()) {
        done({});
        return;
    }
    const auto [key, value] = values.takeFirst();
    store.write(key, value, context,
                [&store, values, context, done = std::move(done)](const Result<void> &r) mutable {
                    if (!r) {
                        done(r);
                        return;
                    }
                    writeSecrets(store, std::move(values), context, std::move(done));
                });
}

} // namespace DevDock::Core
