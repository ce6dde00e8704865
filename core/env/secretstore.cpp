// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include "util/redaction.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#ifdef DEVDOCK_SECRET_SERVICE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

#include <qt6keychain/keychain.h>

namespace DevDock::Core {

namespace {

constexpr int DefaultTimeoutMs = 15000;

enum class Operation { Read, Write, Remove };

// How long a keychain call may take before DevDock gives up on it. A keychain that shows an
// unlock prompt nobody answers (a headless session, a prompt on another screen) would otherwise
// keep `devdockctl env set` waiting for good. DEVDOCK_KEYCHAIN_TIMEOUT: seconds.
int keychainTimeoutMs()
{
    bool ok = false;
    const double seconds = qEnvironmentVariable("DEVDOCK_KEYCHAIN_TIMEOUT").toDouble(&ok);
    return ok && seconds > 0 ? static_cast<int>(seconds * 1000) : DefaultTimeoutMs;
}

QString unlockHint()
{
    return QStringLiteral(
        "Unlock the keychain: in a desktop session open Passwords and Keys (seahorse) and unlock "
        "the \"Login\" keyring, or log out and in again; without a desktop (bash): read -rs PW; "
        "printf '%s' \"$PW\" | gnome-keyring-daemon --replace --unlock --components=secrets; "
        "unset PW. Then run the command again. Nothing was written in plain text.");
}

Error lockedError(const QString &key, Operation operation)
{
    const QString what = operation == Operation::Read    ? QStringLiteral("read")
                         : operation == Operation::Write ? QStringLiteral("store")
                                                         : QStringLiteral("remove");
    return Error{Error::Code::PermissionDenied,
                 QStringLiteral("Keychain locked: DevDock cannot %1 the secret %2 while the "
                                "keychain is locked.")
                     .arg(what, key),
                 unlockHint()};
}

Error timeoutError(const QString &key, int timeoutMs)
{
    return Error{Error::Code::Timeout,
                 QStringLiteral("The keychain did not answer within %1 s (secret %2): it may be "
                                "waiting for an unlock prompt that nobody sees.")
                     .arg(QString::number(timeoutMs / 1000.0), key),
                 unlockHint().replace(
                     QStringLiteral(" Then run"),
                     QStringLiteral(" DEVDOCK_KEYCHAIN_TIMEOUT=SECONDS waits longer. Then run"))};
}

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

// Whether the collection QtKeychain uses (the Secret Service's "default" alias) is locked. A
// locked one makes libsecret show an unlock prompt, and where no prompt can be shown a lookup
// quietly finds nothing: "missing" instead of "locked". False when it cannot tell (no Secret
// Service, no default collection yet, another platform): the keychain call then says what it can.
void askLocked(int timeoutMs, std::function<void(bool)> callback)
{
#ifdef DEVDOCK_SECRET_SERVICE
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        callback(false);
        return;
    }
    QDBusMessage get = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(get, timeoutMs));
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher,
                     [callback](QDBusPendingCallWatcher *w) {
                         w->deleteLater();
                         const QDBusPendingReply<QDBusVariant> reply = *w;
                         callback(!reply.isError() && reply.value().variant().toBool());
                     });
#else
    Q_UNUSED(timeoutMs)
    callback(false);
#endif
}

// Runs one keychain job: asks first whether the keychain is locked, then starts the job made by
// `makeJob`; the whole gives up after keychainTimeoutMs(). Exactly one of `onFinished` and
// `onError` is called, and only while `context` lives (when one was given).
template <typename Job>
void runJob(std::function<Job *()> makeJob, const QString &entry, const QString &key,
            Operation operation, QObject *context, std::function<void(Job *)> onFinished,
            std::function<void(const Error &)> onError)
{
    const int timeoutMs = keychainTimeoutMs();
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    auto answered = std::make_shared<bool>(false);
    // The job once it runs: QtKeychain runs one job at a time per process, so a job that never
    // ends (an unlock prompt nobody answers, a Secret Service that stopped answering) would hold
    // back every later keychain call until DevDock restarts.
    auto running = std::make_shared<QPointer<Job>>();
    auto *timer = new QTimer;
    // True for the first outcome only; later ones (a job finishing after the timeout) are void.
    auto settle = [answered, timer, guard, hasContext] {
        if (*answered) {
            return false;
        }
        *answered = true;
        timer->stop();
        timer->deleteLater();
        return !hasContext || !guard.isNull();
    };
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, timer, [settle, onError, key, timeoutMs, running] {
        if (settle()) {
            onError(timeoutError(key, timeoutMs));
        }
        // Let the next keychain call through: QtKeychain's queue moves on when the running job
        // reports finished. The job itself is not deleted (its backend may still call back into
        // it); it deletes itself if its answer ever comes, and that late answer is void here.
        if (Job *stuck = running->data()) {
            Q_EMIT stuck->finished(stuck);
        }
    });
    timer->start(timeoutMs);
    askLocked(timeoutMs, [=](bool locked) {
        if (*answered) {
            return;
        }
        if (locked) {
            if (settle()) {
                onError(lockedError(key, operation));
            }
            return;
        }
        Job *job = makeJob();
        *running = job;
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // never plain text
        job->setKey(entry);
        QObject::connect(job, &QKeychain::Job::finished, job,
                         [settle, onFinished](QKeychain::Job *j) {
                             if (settle()) {
                                 onFinished(static_cast<Job *>(j));
                             }
                         });
        job->start();
    });
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
    const QString service = m_service;
    runJob<QKeychain::ReadPasswordJob>(
        [service] { return new QKeychain::ReadPasswordJob(service); }, entryKey(key), key,
        Operation::Read, context,
        [key, callback](QKeychain::ReadPasswordJob *j) {
            if (j->error() == QKeychain::NoError) {
                const QString value = j->textData();
                registerSecret(key, value); // from now on, hidden wherever DevDock prints
                callback(std::optional<QString>(value));
            } else if (j->error() == QKeychain::EntryNotFound) {
                callback(std::optional<QString>());
            } else {
                callback(std::unexpected(keychainError(j, key)));
            }
        },
        [callback](const Error &e) { callback(std::unexpected(e)); });
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context,
                                std::function<void(Result<void>)> callback)
{
    registerSecret(key, value);
    const QString service = m_service;
    runJob<QKeychain::WritePasswordJob>(
        [service, value] {
            auto *job = new QKeychain::WritePasswordJob(service);
            job->setTextData(value);
            return job;
        },
        entryKey(key), key, Operation::Write, context,
        [key, callback](QKeychain::WritePasswordJob *j) {
            if (j->error() == QKeychain::NoError) {
                callback({});
            } else {
                callback(std::unexpected(keychainError(j, key)));
            }
        },
        [callback](const Error &e) { callback(std::unexpected(e)); });
}

void KeychainSecretStore::remove(const QString &key, QObject *context,
                                 std::function<void(Result<void>)> callback)
{
    const QString service = m_service;
    runJob<QKeychain::DeletePasswordJob>(
        [service] { return new QKeychain::DeletePasswordJob(service); }, entryKey(key), key,
        Operation::Remove, context,
        [key, callback](QKeychain::DeletePasswordJob *j) {
            if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound) {
                callback({});
            } else {
                callback(std::unexpected(keychainError(j, key)));
            }
        },
        [callback](const Error &e) { callback(std::unexpected(e)); });
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
