// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

class QProcess;

namespace DevDock::Core {

class SecretStore;

// One restic snapshot as `restic snapshots --json` lists it. DevDock's tags are "key=value".
struct ResticSnapshot
{
    QString id;
    QString shortId;
    QDateTime time;
    QString hostname;
    QStringList paths;
    QStringList tags;

    // The value of tag "key=value"; empty when the snapshot has no such tag.
    QString tag(const QString &key) const;
    static QList<ResticSnapshot> listFromJson(const QByteArray &json);
};

// Which snapshots `restic forget` keeps, per group (a volume's stream within a project):
// the --keep-… options restic has; keepTags are kept whatever their age (checkpoints).
struct RetentionPolicy
{
    int last = 0;
    int hourly = 0;
    int daily = 0;
    int weekly = 0;
    int monthly = 0;
    int yearly = 0;
    QStringList keepTags;

    bool isEmpty() const { return last + hourly + daily + weekly + monthly + yearly == 0; }
    QStringList arguments() const;
    bool operator==(const RetentionPolicy &) const = default;
};

struct ForgetOutcome
{
    QStringList kept;    // snapshot ids
    QStringList removed; // snapshot ids (with a dry run: the ones that would be)
    bool operator==(const ForgetOutcome &) const = default;
};

// A restic repository driven through the `restic` program (Debian's package). The password is
// given to each child process in its own environment (RESTIC_PASSWORD) only: never on a command
// line, in a file or a log. Every call is asynchronous (QProcess, no waiting on the caller's
// thread); restic's failures (repository locked, wrong password, disk full, unreachable) become
// Errors that say what happened and what to do.
class ResticRepository final : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    ResticRepository(QString repository, QString password, QObject *parent = nullptr);

    // The local repository DevDock (window and devdockctl) uses unless told otherwise:
    // <GenericDataLocation>/devdock/backups (while there is none, the window's or devdockctl's
    // repository of earlier versions, <data>/DevDock/<app>/backups, where one exists).
    static QString defaultLocation();
    // The keychain key of the repository password.
    static QString passwordKey(const QString &repository);
    // Reads the repository's password from the keychain; when there is none yet, generates a
    // random one and stores it first. The password never leaves memory otherwise.
    static void loadOrCreatePassword(SecretStore &store, const QString &repository,
                                     QObject *context, Callback<QString> callback);

    const QString &repository() const { return m_repository; }
    void setProgram(const QString &program) { m_program = program; }

    // Opens the repository, creating it (restic init) when there is none at that location.
    void ensureInitialized(QObject *context, Callback<void> callback);
    // Snapshots carrying every one of `tags` ("key=value"), oldest first.
    void snapshots(const QStringList &tags, QObject *context,
                   Callback<QList<ResticSnapshot>> callback);
    // restic forget --keep-last N over the snapshots with `tags` (grouped by tags), then prune.
    void forget(int keepLast, const QStringList &tags, bool prune, QObject *context,
                Callback<QString> callback);

    // restic forget with `policy` over the snapshots carrying every one of `tags`, grouped by
    // their stream (one per volume and kind); `dryRun` removes nothing. Never prunes: see prune().
    void forget(const RetentionPolicy &policy, const QStringList &tags, bool dryRun, QObject *context,
                Callback<ForgetOutcome> callback);
    // restic prune: the data only forgotten snapshots used is deleted, the space comes back.
    void prune(QObject *context, Callback<void> callback);
    // The bytes a restore of snapshot `id` writes (restic stats --mode restore-size): the tar
    // stream or the dump it holds. Snapshots never change, so DevDock keeps the answers
    // (cachedSizes/rememberSize: a small file per repository under the user's cache directory).
    void snapshotSize(const QString &id, QObject *context, Callback<qint64> callback);
    QHash<QString, qint64> cachedSizes() const;
    void rememberSize(const QString &id, qint64 bytes) const;

    // A restic process set up to run `args` against this repository (password in its
    // environment only), not started yet. The caller owns it.
    QProcess *process(const QStringList &args, QObject *parent) const;
    // Runs `args` to the end; the callback gets stdout, or the error made from stderr.
    void run(const QStringList &args, const QString &what, QObject *context,
             Callback<QByteArray> callback);

    // The error for a restic run that failed: `what` ("Backing up volume x") plus restic's cause,
    // recognised where it is a known one.
    Error errorFor(const QString &what, int exitCode, const QByteArray &stderrText) const;

private:
    QProcessEnvironment environment() const;

    QString m_repository;
    QString m_password;
    QString m_program = QStringLiteral("restic");
};

} // namespace DevDock::Core
