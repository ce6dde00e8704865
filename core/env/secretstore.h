// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace DevDock::Core {

// Where secret values live instead of .env files. Asynchronous: a keychain may ask the user or
// talk to a daemon. Callbacks run on the caller's thread and only while `context` lives.
// Implementations never write a secret to a file or a log.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    // nullopt: no secret stored under that key.
    virtual void read(const QString &key, QObject *context,
                      std::function<void(Result<std::optional<QString>>)> callback) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context,
                       std::function<void(Result<void>)> callback) = 0;
    // Removing a key that is not there is not an error.
    virtual void remove(const QString &key, QObject *context,
                        std::function<void(Result<void>)> callback) = 0;
};

// The OS keychain through QtKeychain (Secret Service / KWallet on Linux, Keychain on macOS,
// Credential Manager on Windows). Never falls back to plain-text storage. A locked Secret Service
// keychain is an error that says so ("Keychain locked", with how to unlock it) instead of a prompt
// or a "missing" secret; a call that gets no answer within 15 s (DEVDOCK_KEYCHAIN_TIMEOUT,
// seconds) fails with Error::Code::Timeout. Every value read or written is registered for
// redaction (util/redaction.h).
class KeychainSecretStore final : public SecretStore
{
public:
    // `scope` separates projects: keys are stored as "<scope>/<key>" under service "DevDock".
    explicit KeychainSecretStore(QString scope, QString service = QStringLiteral("DevDock"));

    void read(const QString &key, QObject *context,
              std::function<void(Result<std::optional<QString>>)> callback) override;
    void write(const QString &key, const QString &value, QObject *context,
               std::function<void(Result<void>)> callback) override;
    void remove(const QString &key, QObject *context,
                std::function<void(Result<void>)> callback) override;

    // The scope DevDock uses for a project folder: its absolute, canonical path.
    static QString scopeForProject(const QString &projectDirectory);

private:
    QString entryKey(const QString &key) const { return m_scope + QLatin1Char('/') + key; }

    QString m_scope;
    QString m_service;
};

// Reads the values of `keys` one after another. Keys without a stored value are left out. The
// first keychain failure ends the walk: the callback gets what was read and that error.
void readSecrets(SecretStore &store, const QStringList &keys, QObject *context,
                 std::function<void(QHash<QString, QString>, std::optional<Error>)> callback);

// Writes the values one after another, in order; the first failure ends it (and is reported).
void writeSecrets(SecretStore &store, QList<std::pair<QString, QString>> values, QObject *context,
                  std::function<void(Result<void>)> done);

} // namespace DevDock::Core
