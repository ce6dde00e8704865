// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "backupcommand.h"

#include "enginecommand.h"
#include "output.h"

#include "data/consistentbackup.h"
#include "data/resticrepository.h"
#include "data/volumeinventory.h"
#include "engine/engineclient.h"
#include "env/secretstore.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QProcess>

#include <memory>

namespace DevDock::Ctl {

using namespace DevDock::Core;

namespace {

const QByteArray kUsage =
    "Usage: devdockctl backup list\n"
    "       devdockctl backup create [SERVICE|VOLUME...] [--checkpoint NAME]\n"
    "\n"
    "The project's data (named volumes, bind mounts marked x-devdock: {data: [...]}) and its\n"
    "backups in a restic repository: DEVDOCK_BACKUP_REPOSITORY, else <data dir>/backups. The\n"
    "repository password lives in the keychain (generated on first use).\n";

// Runs one asynchronous call to its end on a local event loop (the CLI has nothing else to do).
template <typename T>
Result<T> wait(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    QEventLoop loop;
    std::optional<Result<T>> result;
    call([&](Result<T> r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    return std::move(*result);
}

int fail(const Error &error)
{
    Output::errLine(QStringLiteral("devdockctl: ") + error.toString());
    Output::flush();
    return EngineFailure;
}

QString git(const QString &directory, const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("git"), QStringList{QStringLiteral("-C"), directory} + args);
    if (!p.waitForFinished(5000) || p.exitCode() != 0) {
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

int runBackupCommand(const ComposeLoadOptions &options, const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty() || args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        Output::out(kUsage);
        Output::flush();
        return args.isEmpty() ? UsageError : Success;
    }
    const QString sub = args.first();
    QStringList selected;
    QString checkpoint;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--checkpoint")) {
            if (i + 1 >= args.size()) {
                return reportUsageError(QStringLiteral("--checkpoint needs a name"), kUsage);
            }
            checkpoint = args[++i];
        } else if (args[i].startsWith(QLatin1Char('-'))) {
            return reportUsageError(QStringLiteral("unknown option %1").arg(args[i]), kUsage);
        } else {
            selected << args[i];
        }
    }
    if (sub != QLatin1String("list") && sub != QLatin1String("create")) {
        return reportUsageError(QStringLiteral("unknown backup command '%1'").arg(sub), kUsage);
    }
    const auto project = loadComposeProject(options);
    if (!project) {
        return fail(project.error());
    }
    const auto endpoint = EngineClient::systemEndpoint();
    if (!endpoint) {
        return fail(endpoint.error());
    }
    EngineClient client(*endpoint);
    const QString location = qEnvironmentVariableIsEmpty("DEVDOCK_BACKUP_REPOSITORY")
                                 ? ResticRepository::defaultLocation()
                                 : qEnvironmentVariable("DEVDOCK_BACKUP_REPOSITORY");
    KeychainSecretStore store(QStringLiteral("backups"));
    const auto password = wait<QString>([&](auto cb) {
        ResticRepository::loadOrCreatePassword(store, location, nullptr, cb);
    });
    if (!password) {
        return fail(password.error());
    }
    ResticRepository repo(location, *password);
    if (const auto init = wait<void>([&](auto cb) { repo.ensureInitialized(nullptr, cb); }); !init) {
        return fail(init.error());
    }
    const auto df = wait<EngineClient::Response>([&](auto cb) {
        HttpRequest request;
        request.target = "/system/df";
        client.call(request, nullptr, cb);
    });
    if (!df) {
        return fail(df.error());
    }
    const QString projectTag = QStringLiteral("project=") + SnapshotTags::clean(project->name);
    const auto snapshots = wait<QList<ResticSnapshot>>([&](auto cb) { repo.snapshots({projectTag}, nullptr, cb); });
    if (!snapshots) {
        return fail(snapshots.error());
    }
    const QList<DataVolume> inventory =
        volumeInventory(*project, QJsonDocument::fromJson(df->body).object(), *snapshots);
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
    QList<DataVolume> chosen;
    for (const DataVolume &v : inventory) {
        if (selected.isEmpty() || selected.contains(v.key)
            || std::any_of(selected.cbegin(), selected.cend(), [&](const QString &s) { return v.serviceNames().contains(s); })) {
            chosen << v;
        }
    }
    for (const QString &s : std::as_const(selected)) {
        const bool known = std::any_of(inventory.cbegin(), inventory.cend(), [&](const DataVolume &v) {
            return v.key == s || v.serviceNames().contains(s);
        });
        if (!known) {
            return reportUsageError(QStringLiteral("'%1' is neither a volume nor a service using one in %2")
                                        .arg(s, project->name),
                                    kUsage);
        }
    }
    ContainerListOptions listOptions;
    listOptions.filters.insert(QStringLiteral("label"), {QStringLiteral("com.docker.compose.project=") + project->name});
    const auto containers = wait<QList<ContainerSummary>>([&](auto cb) { client.listContainers(listOptions, nullptr, cb); });
    if (!containers) {
        return fail(containers.error());
    }
    QHash<QString, QString> running;
    for (const ContainerSummary &c : *containers) {
        if (c.state == QLatin1String("running")) {
            running.insert(c.labels.value(QStringLiteral("com.docker.compose.service")), c.id);
        }
    }
    SnapshotTags tags;
    tags.project = project->name;
    tags.gitBranch = git(project->workingDirectory, {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), QStringLiteral("HEAD")});
    tags.gitCommit = git(project->workingDirectory, {QStringLiteral("rev-parse"), QStringLiteral("--short"), QStringLiteral("HEAD")});
    tags.checkpoint = checkpoint;
    int failures = 0;
    for (const DataVolume &v : std::as_const(chosen)) {
        if (!v.exists) {
            Output::outLine(QStringLiteral("%1: not created yet, skipped").arg(v.key));
            continue;
        }
        SnapshotTags t = tags;
        t.volume = v.key;
        t.service = v.serviceNames().value(0);
        Output::outLine(QStringLiteral("%1: backing up…").arg(v.key));
        Output::flush();
        ConsistentBackup job(&client, &repo, v, running, v.helperImage(*project), t);
        qint64 lastReported = 0;
        QObject::connect(&job, &ConsistentBackup::progressed, [&](qint64 bytes) {
            // A line per 64 MiB: progress on long work without flooding a terminal.
            if (bytes - lastReported >= 64 * 1024 * 1024) {
                lastReported = bytes;
                Output::outLine(QStringLiteral("%1: %2 read").arg(v.key, formatBytes(bytes)));
                Output::flush();
            }
        });
        const auto id = wait<QString>([&](auto cb) {
            QObject::connect(&job, &ConsistentBackup::finished, [cb](const Result<QString> &r) { cb(r); });
            job.start();
        });
        if (!id) {
            ++failures;
            Output::errLine(QStringLiteral("devdockctl: ") + id.error().toString());
            continue;
        }
        Output::outLine(QStringLiteral("%1: snapshot %2").arg(v.key, id->left(8)));
    }
    Output::flush();
    return failures == 0 ? Success : EngineFailure;
}

} // namespace DevDock::Ctl
