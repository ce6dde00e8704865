// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backupcommand.h"

#include "datasession.h"
#include "enginecommand.h"
#include "output.h"

#include "data/backuprepository.h"
#include "data/resticrepository.h"
#include "env/secretstore.h"

#include <QTextStream>

namespace DevDock::Ctl {

using namespace DevDock::Core;

namespace {

const QByteArray kUsage =
    "Usage: devdockctl backup list\n"
    "       devdockctl backup repository [LOCATION | --default] [--password-stdin]\n"
    "       devdockctl backup [create] [SERVICE|VOLUME...] [--checkpoint NAME] [--stop]\n"
    "\n"
    "The project's data (named volumes, bind mounts marked x-devdock: {data: [...]}) and its\n"
    "backups in a restic repository: DEVDOCK_BACKUP_REPOSITORY, else the one 'backup repository'\n"
    "saved, else <data dir>/devdock/backups (the window's too). The\n"
    "repository password lives in the keychain (generated on first use). A checkpoint names the\n"
    "snapshots of all of the project's data; 'devdockctl restore --checkpoint NAME' brings them back.\n"
    "A running PostgreSQL is dumped; the other services writing a volume are paused for its copy,\n"
    "or stopped and started again after it with --stop. Ctrl+C cancels: nothing of the volume\n"
    "being copied is saved, its services run again, and the exit code is 130.\n"
    "\n"
    "backup repository shows where backups go; with LOCATION (a folder or any restic URL:\n"
    "sftp:user@host:/path, rest:https://..., s3:...) it checks that the repository opens (creating\n"
    "it when there is none) and saves it for DevDock and devdockctl; --default goes back to the\n"
    "local one. An existing repository's password is read from stdin with --password-stdin.\n";

// `backup repository …`: where backups go, or a new place for them (checked before it is kept).
int runRepositoryCommand(QStringList args)
{
    const bool passwordFromStdin = args.removeAll(QStringLiteral("--password-stdin")) > 0;
    const bool toDefault = args.removeAll(QStringLiteral("--default")) > 0;
    if (args.size() > 1 || (toDefault && !args.isEmpty())
        || std::any_of(args.cbegin(), args.cend(), [](const QString &a) { return a.startsWith(QLatin1Char('-')); })) {
        return reportUsageError(QStringLiteral("backup repository takes one LOCATION or --default"), kUsage);
    }
    if (args.isEmpty() && !toDefault) {
        if (passwordFromStdin) {
            return reportUsageError(QStringLiteral("--password-stdin goes with a LOCATION"), kUsage);
        }
        const QString where = BackupRepository::configuredLocation();
        Output::outLine(where);
        Output::outLine(BackupRepository::locationFromEnvironment()
                            ? QStringLiteral("(from DEVDOCK_BACKUP_REPOSITORY)")
                        : where == ResticRepository::defaultLocation()
                            ? QStringLiteral("(the default)")
                            : QStringLiteral("(saved in %1)").arg(BackupRepository::settingsPath()));
        Output::flush();
        return Success;
    }
    const QString location = toDefault ? QString() : args.first();
    const QString where = toDefault ? ResticRepository::defaultLocation() : location;
    std::optional<QString> password;
    if (passwordFromStdin) {
        QTextStream in(stdin);
        password = in.readLine();
        if (password->isEmpty()) {
            return reportUsageError(QStringLiteral("--password-stdin read an empty password"), kUsage);
        }
    }
    KeychainSecretStore store(QStringLiteral("backups"));
    Output::outLine(QStringLiteral("Opening %1 …").arg(where));
    Output::flush();
    if (const auto saved = wait<void>([&](auto cb) { BackupRepository::saveLocation(location, password, &store, nullptr, cb); }); !saved) {
        return failWith(saved.error());
    }
    Output::outLine(QStringLiteral("Backups go to %1.").arg(where));
    if (BackupRepository::locationFromEnvironment()) {
        Output::errLine(QStringLiteral("devdockctl: warning: DEVDOCK_BACKUP_REPOSITORY is set and wins over the saved location "
                                       "while it is."));
    }
    Output::flush();
    return Success;
}

} // namespace

int runBackupCommand(const ComposeLoadOptions &options, const QStringList &arguments)
{
    QStringList args = arguments.mid(1);
    if (args.isEmpty() || args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        Output::out(kUsage);
        Output::flush();
        return args.isEmpty() ? UsageError : Success;
    }
    if (args.first() == QLatin1String("repository")) {
        return runRepositoryCommand(args.mid(1));
    }
    // `backup SERVICE…` and `backup --checkpoint NAME` are `backup create …`.
    const QString sub = args.first() == QLatin1String("list") ? args.takeFirst()
                        : args.first() == QLatin1String("create") ? args.takeFirst()
                                                                  : QStringLiteral("create");
    QStringList selected;
    QString checkpoint;
    bool stopOthers = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--stop")) {
            stopOthers = true;
        } else if (args[i] == QLatin1String("--checkpoint")) {
            if (i + 1 >= args.size() || args[i + 1].isEmpty()) {
                return reportUsageError(QStringLiteral("--checkpoint needs a name"), kUsage);
            }
            checkpoint = args[++i];
        } else if (args[i].startsWith(QLatin1Char('-'))) {
            return reportUsageError(QStringLiteral("unknown option %1").arg(args[i]), kUsage);
        } else {
            selected << args[i];
        }
    }
    if (sub == QLatin1String("list") && (!selected.isEmpty() || !checkpoint.isEmpty() || stopOthers)) {
        return reportUsageError(QStringLiteral("backup list takes no arguments"), kUsage);
    }
    auto session = DataSession::open(options);
    if (!session) {
        return failWith(session.error());
    }
    DataSession &data = **session;
    data.stopOthers = stopOthers;
    const QList<DataVolume> &inventory = data.inventory;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (sub == QLatin1String("list")) {
        Output::outLine(QStringLiteral("%1  %2  %3  %4").arg(QStringLiteral("VOLUME"), -24).arg(QStringLiteral("SIZE"), -10)
                            .arg(QStringLiteral("SERVICES"), -20).arg(QStringLiteral("LAST BACKUP")));
        for (const DataVolume &v : inventory) {
            const QString last = v.lastBackup ? v.lastBackup->shortId + QStringLiteral(" (") + backupAge(v.lastBackup, now) + QLatin1Char(')')
                                              : QStringLiteral("never");
            Output::outLine(QStringLiteral("%1  %2  %3  %4")
                                .arg(v.key, -24)
                                .arg(v.exists ? formatBytes(v.sizeBytes) : QStringLiteral("not created"), -10)
                                .arg(v.serviceNames().join(QLatin1Char(',')), -20)
                                .arg(last));
        }
        Output::flush();
        return Success;
    }
    // create
    for (const QString &s : std::as_const(selected)) {
        const bool known = std::any_of(inventory.cbegin(), inventory.cend(), [&](const DataVolume &v) {
            return v.key == s || v.serviceNames().contains(s);
        });
        if (!known) {
            return reportUsageError(QStringLiteral("'%1' is neither a volume nor a service using one in %2")
                                        .arg(s, data.project.name),
                                    kUsage);
        }
    }
    QList<DataVolume> chosen;
    for (const DataVolume &v : inventory) {
        if (selected.isEmpty() || selected.contains(v.key)
            || std::any_of(selected.cbegin(), selected.cend(), [&](const QString &s) { return v.serviceNames().contains(s); })) {
            chosen << v;
        }
    }
    SnapshotTags tags = data.baseTags();
    tags.checkpoint = checkpoint;
    int failures = 0;
    for (const DataVolume &v : std::as_const(chosen)) {
        if (!v.exists) {
            Output::outLine(QStringLiteral("%1: not created yet, skipped").arg(v.key));
            continue;
        }
        Output::outLine(QStringLiteral("%1: backing up…").arg(v.key));
        Output::flush();
        bool unchanged = false;
        const auto id = data.backup(v, tags, &unchanged);
        if (!id && id.error().code == Error::Code::Cancelled) {
            Output::errLine(QStringLiteral("devdockctl: ") + id.error().toString());
            Output::flush();
            return Interrupted;
        }
        if (!id) {
            ++failures;
            Output::errLine(QStringLiteral("devdockctl: ") + id.error().toString());
            continue;
        }
        Output::outLine(unchanged ? QStringLiteral("%1: unchanged since snapshot %2").arg(v.key, id->left(8))
                                  : QStringLiteral("%1: snapshot %2").arg(v.key, id->left(8)));
    }
    Output::flush();
    return failures == 0 ? Success : EngineFailure;
}

int backupBeforeDown(const ComposeLoadOptions &options)
{
    const QString hint = QStringLiteral("Nothing was removed. Fix the cause, or pass --no-backup to remove the volumes "
                                        "without a backup.");
    auto session = DataSession::open(options);
    if (!session) {
        Error e = session.error();
        e.message = QStringLiteral("down --volumes did not run: the backup before it failed: ") + e.message;
        e.hint = e.hint.isEmpty() ? hint : e.hint + QLatin1Char(' ') + hint;
        return failWith(e);
    }
    DataSession &data = **session;
    SnapshotTags tags = data.baseTags();
    tags.reason = QStringLiteral("before-down");
    for (const DataVolume &v : std::as_const(data.inventory)) {
        // down --volumes removes named volumes only; data folders on the host stay.
        if (v.kind != DataMount::Kind::Volume || !v.exists) {
            continue;
        }
        Output::outLine(QStringLiteral("%1: backing up before down --volumes…").arg(v.key));
        Output::flush();
        const auto id = data.backup(v, tags);
        if (!id) {
            Error e = id.error();
            e.message = QStringLiteral("down --volumes did not run: the backup of %1 failed: %2").arg(v.key, e.message);
            e.hint = e.hint.isEmpty() ? hint : e.hint + QLatin1Char(' ') + hint;
            return failWith(e);
        }
        Output::outLine(QStringLiteral("%1: snapshot %2 (restore: devdockctl restore %2)").arg(v.key, id->left(8)));
        Output::flush();
    }
    return Success;
}

} // namespace DevDock::Ctl
