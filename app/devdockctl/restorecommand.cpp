// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "restorecommand.h"

#include "datasession.h"
#include "enginecommand.h"
#include "output.h"

#include "data/restorejob.h"
#include "data/restoreplan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace DevDock::Ctl {

using namespace DevDock::Core;

namespace {

const QByteArray kSnapshotsUsage =
    "Usage: devdockctl snapshots [--json]\n"
    "\n"
    "The project's snapshots in the backup repository, oldest first: id, time, volume, kind\n"
    "(files, pg-dump), service, git branch, and the checkpoint or reason (safety: taken before a\n"
    "restore; before-down: taken by down --volumes).\n";

const QByteArray kRestoreUsage =
    "Usage: devdockctl restore SNAPSHOT [--to VOLUME] [--yes]\n"
    "       devdockctl restore --checkpoint NAME [--yes]\n"
    "\n"
    "Puts a snapshot back: first a safety snapshot of the current state, then the services that\n"
    "use the data stop, the data is replaced, and they start again in dependency order. What will\n"
    "be replaced is printed first; without --yes it asks on a terminal and refuses otherwise.\n"
    "SNAPSHOT is an id or its start (devdockctl snapshots); --to restores into another volume.\n"
    "--checkpoint restores every volume of the checkpoint NAME.\n";

const QByteArray kForgetUsage =
    "Usage: devdockctl forget [--keep-last N] [--keep-hourly N] [--keep-daily N] [--keep-weekly "
    "N]\n"
    "                         [--keep-monthly N] [--keep-yearly N] [--volume VOLUME]\n"
    "                         [--include-checkpoints] [--dry-run] [--prune]\n"
    "\n"
    "Forgets the project's snapshots that the --keep-... rules do not keep (restic forget), per\n"
    "volume and kind. Checkpoints are kept unless --include-checkpoints. --prune then deletes the\n"
    "data only forgotten snapshots used (restic prune); --dry-run lists and changes nothing.\n";

QJsonObject snapshotJson(const ResticSnapshot &s)
{
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("shortId"), s.shortId},
                  {QStringLiteral("time"), s.time.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("paths"), QJsonArray::fromStringList(s.paths)}};
    for (const char *key :
         {"volume", "service", "kind", "branch", "commit", "checkpoint", "reason"}) {
        o.insert(QString::fromLatin1(key), s.tag(QString::fromLatin1(key)));
    }
    return o;
}

// Asks on the terminal; false unless the answer is yes.
bool confirmed()
{
    Output::err(QByteArrayView("Restore? [y/N] "));
    Output::flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

} // namespace

Result<void> carryOutRestore(DataSession &data, const RestorePlan &plan)
{
    RestoreJob job(data.client.get(), data.repository, plan, data.baseTags());
    QObject::connect(&job, &RestoreJob::stepStarted, [](RestoreJob::Step, const QString &text) {
        Output::outLine(text + QStringLiteral("…"));
        Output::flush();
    });
    QObject::connect(&job, &RestoreJob::safetySnapshotSaved, [&](const QString &id) {
        // Printed at once: if this process dies, the way back is on the screen already.
        Output::outLine(
            QStringLiteral("%1: safety snapshot %2 (to go back: devdockctl restore %2 --yes)")
                .arg(plan.target.key, id.left(8)));
        Output::flush();
    });
    const CancelOnSignal interrupt([&job] {
        Output::errLine(QStringLiteral("devdockctl: cancelling the restore…"));
        Output::flush();
        job.cancel();
    });
    return wait<void>([&](auto cb) {
        QObject::connect(&job, &RestoreJob::finished, [cb](const Result<void> &r) { cb(r); });
        job.start();
    });
}

namespace {

bool wantsHelp(const QStringList &args)
{
    return args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"));
}

} // namespace

int runSnapshotsCommand(const ComposeLoadOptions &options, const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (wantsHelp(args)) {
        Output::out(kSnapshotsUsage);
        Output::flush();
        return Success;
    }
    const bool json = args.contains(QStringLiteral("--json"));
    for (const QString &a : args) {
        if (a != QLatin1String("--json")) {
            return reportUsageError(QStringLiteral("unknown argument %1").arg(a), kSnapshotsUsage);
        }
    }
    auto session = DataSession::open(options);
    if (!session) {
        return failWith(session.error());
    }
    const QList<ResticSnapshot> &list = (*session)->snapshots;
    if (json) {
        QJsonArray array;
        for (const ResticSnapshot &s : list) {
            array.append(snapshotJson(s));
        }
        Output::out(QJsonDocument(array).toJson(QJsonDocument::Indented));
        Output::flush();
        return Success;
    }
    Output::outLine(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                        .arg(QStringLiteral("ID"), -8)
                        .arg(QStringLiteral("TIME (UTC)"), -16)
                        .arg(QStringLiteral("VOLUME"), -20)
                        .arg(QStringLiteral("KIND"), -7)
                        .arg(QStringLiteral("SERVICE"), -12)
                        .arg(QStringLiteral("BRANCH"), -16)
                        .arg(QStringLiteral("NOTE")));
    for (const ResticSnapshot &s : list) {
        const QString checkpoint = s.tag(QStringLiteral("checkpoint"));
        const QString note = !checkpoint.isEmpty() ? QStringLiteral("checkpoint ") + checkpoint
                                                   : s.tag(QStringLiteral("reason"));
        Output::outLine(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                            .arg(s.shortId, -8)
                            .arg(s.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), -16)
                            .arg(s.tag(QStringLiteral("volume")), -20)
                            .arg(s.tag(QStringLiteral("kind")), -7)
                            .arg(s.tag(QStringLiteral("service")), -12)
                            .arg(s.tag(QStringLiteral("branch")), -16)
                            .arg(note)
                            .trimmed());
    }
    Output::flush();
    return Success;
}

int runRestoreCommand(const ComposeLoadOptions &options, const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty() || wantsHelp(args)) {
        Output::out(kRestoreUsage);
        Output::flush();
        return args.isEmpty() ? UsageError : Success;
    }
    QString id;
    QString to;
    QString checkpoint;
    bool yes = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--yes") || a == QLatin1String("-y")) {
            yes = true;
        } else if (a == QLatin1String("--to") || a == QLatin1String("--checkpoint")) {
            if (i + 1 >= args.size() || args[i + 1].isEmpty()) {
                return reportUsageError(QStringLiteral("%1 needs a name").arg(a), kRestoreUsage);
            }
            (a == QLatin1String("--to") ? to : checkpoint) = args[++i];
        } else if (a.startsWith(QLatin1Char('-'))) {
            return reportUsageError(QStringLiteral("unknown option %1").arg(a), kRestoreUsage);
        } else if (id.isEmpty()) {
            id = a;
        } else {
            return reportUsageError(
                QStringLiteral("one snapshot at a time (%1 and %2 given)").arg(id, a),
                kRestoreUsage);
        }
    }
    if (id.isEmpty() == checkpoint.isEmpty()) {
        return reportUsageError(
            QStringLiteral("name a SNAPSHOT or a --checkpoint NAME (one of them)"), kRestoreUsage);
    }
    if (!checkpoint.isEmpty() && !to.isEmpty()) {
        return reportUsageError(QStringLiteral("--to takes a single snapshot, not a checkpoint"),
                                kRestoreUsage);
    }
    auto session = DataSession::open(options);
    if (!session) {
        return failWith(session.error());
    }
    DataSession &data = **session;
    QList<ResticSnapshot> chosen;
    if (checkpoint.isEmpty()) {
        const auto snapshot = data.findSnapshot(id);
        if (!snapshot) {
            return reportUsageError(snapshot.error().message, kRestoreUsage);
        }
        chosen << *snapshot;
    } else {
        chosen = checkpointSnapshots(data.snapshots, checkpoint);
        if (chosen.isEmpty()) {
            return reportUsageError(
                QStringLiteral("no checkpoint '%1' in project %2 (see devdockctl snapshots)")
                    .arg(checkpoint, data.project.name),
                kRestoreUsage);
        }
    }
    QList<RestorePlan> plans;
    for (const ResticSnapshot &s : std::as_const(chosen)) {
        auto plan = RestorePlan::make(data.project, data.inventory, s, to, data.running,
                                      data.engineVolumes);
        if (!plan) {
            return failWith(plan.error());
        }
        plans << *plan;
        for (const QString &line : plan->describe()) {
            Output::outLine(line);
        }
    }
    Output::flush();
    if (!yes) {
        if (!::isatty(STDIN_FILENO)) {
            return reportUsageError(
                QStringLiteral("restore replaces data and asks first, but stdin is not a terminal; "
                               "nothing was changed. Pass --yes to restore without asking"),
                kRestoreUsage);
        }
        if (!confirmed()) {
            Output::errLine(QStringLiteral("devdockctl: not confirmed; nothing was changed."));
            Output::flush();
            return EngineFailure;
        }
    }
    for (const RestorePlan &plan : std::as_const(plans)) {
        if (const auto r = carryOutRestore(data, plan); !r) {
            const int code = failWith(r.error());
            return r.error().code == Error::Code::Cancelled ? int(Interrupted) : code;
        }
        Output::outLine(QStringLiteral("%1: restored from snapshot %2")
                            .arg(plan.target.key, plan.snapshot.shortId));
        Output::flush();
        // The next plan's services run again, under the same containers.
    }
    return Success;
}

int runForgetCommand(const ComposeLoadOptions &options, const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (wantsHelp(args)) {
        Output::out(kForgetUsage);
        Output::flush();
        return Success;
    }
    RetentionPolicy policy;
    const std::pair<const char *, int *> keeps[] = {
        {"--keep-last", &policy.last},       {"--keep-hourly", &policy.hourly},
        {"--keep-daily", &policy.daily},     {"--keep-weekly", &policy.weekly},
        {"--keep-monthly", &policy.monthly}, {"--keep-yearly", &policy.yearly}};
    bool dryRun = false;
    bool prune = false;
    bool includeCheckpoints = false;
    QString volume;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const auto keep = std::find_if(std::begin(keeps), std::end(keeps),
                                       [&](const auto &k) { return a == QLatin1String(k.first); });
        if (keep != std::end(keeps)) {
            bool ok = false;
            const int n = i + 1 < args.size() ? args[i + 1].toInt(&ok) : 0;
            if (!ok || n < 1) {
                return reportUsageError(QStringLiteral("%1 needs a count of at least 1").arg(a),
                                        kForgetUsage);
            }
            *keep->second = n;
            ++i;
        } else if (a == QLatin1String("--volume")) {
            if (i + 1 >= args.size()) {
                return reportUsageError(QStringLiteral("--volume needs a name"), kForgetUsage);
            }
            volume = args[++i];
        } else if (a == QLatin1String("--dry-run")) {
            dryRun = true;
        } else if (a == QLatin1String("--prune")) {
            prune = true;
        } else if (a == QLatin1String("--include-checkpoints")) {
            includeCheckpoints = true;
        } else {
            return reportUsageError(QStringLiteral("unknown argument %1").arg(a), kForgetUsage);
        }
    }
    if (policy.isEmpty()) {
        return reportUsageError(QStringLiteral("forget needs at least one --keep-... rule (without "
                                               "one it would forget everything)"),
                                kForgetUsage);
    }
    auto session = DataSession::open(options);
    if (!session) {
        return failWith(session.error());
    }
    DataSession &data = **session;
    QStringList tags{QStringLiteral("project=") + SnapshotTags::clean(data.project.name)};
    if (!volume.isEmpty()) {
        tags << QStringLiteral("volume=") + SnapshotTags::clean(volume);
    }
    if (!includeCheckpoints) {
        for (const ResticSnapshot &s : std::as_const(data.snapshots)) {
            const QString name = s.tag(QStringLiteral("checkpoint"));
            const QString tag = QStringLiteral("checkpoint=") + name;
            if (!name.isEmpty() && !policy.keepTags.contains(tag)) {
                policy.keepTags << tag;
            }
        }
    }
    const auto outcome = wait<ForgetOutcome>(
        [&](auto cb) { data.repository->forget(policy, tags, dryRun, nullptr, cb); });
    if (!outcome) {
        return failWith(outcome.error());
    }
    for (const QString &id : outcome->removed) {
        Output::outLine((dryRun ? QStringLiteral("would forget ") : QStringLiteral("forgot "))
                        + id.left(8));
    }
    Output::outLine(QStringLiteral("%1 kept, %2 %3")
                        .arg(outcome->kept.size())
                        .arg(outcome->removed.size())
                        .arg(dryRun ? QStringLiteral("would be forgotten (dry run)")
                                    : QStringLiteral("forgotten")));
    Output::flush();
    if (prune && !dryRun && !outcome->removed.isEmpty()) {
        Output::outLine(QStringLiteral("pruning the repository…"));
        Output::flush();
        if (const auto r = wait<void>([&](auto cb) { data.repository->prune(nullptr, cb); }); !r) {
            return failWith(r.error());
        }
        Output::outLine(QStringLiteral("pruned"));
        Output::flush();
    }
    return Success;
}

} // namespace DevDock::Ctl
