// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasession.h"

#include "data/pauseledger.h"

#include "enginecommand.h"
#include "output.h"

#include "data/consistentbackup.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcess>

namespace DevDock::Ctl {

using namespace DevDock::Core;

namespace {

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

int failWith(const Error &error)
{
    Output::errLine(QStringLiteral("devdockctl: ") + error.toString());
    Output::flush();
    return EngineFailure;
}

Result<std::unique_ptr<DataSession>> DataSession::open(const ComposeLoadOptions &options)
{
    auto session = std::make_unique<DataSession>();
    auto project = loadComposeProject(options);
    if (!project) {
        return std::unexpected(project.error());
    }
    session->project = std::move(*project);
    const auto endpoint = EngineClient::systemEndpoint();
    if (!endpoint) {
        return std::unexpected(endpoint.error());
    }
    session->client = std::make_unique<EngineClient>(*endpoint);
    session->backups = std::make_unique<BackupRepository>();
    const auto repository = wait<ResticRepository *>(
        [&](auto cb) { session->backups->open(nullptr, cb); });
    if (!repository) {
        return std::unexpected(repository.error());
    }
    session->repository = *repository;
    if (const auto r = session->refresh(); !r) {
        return std::unexpected(r.error());
    }
    return session;
}

Result<void> DataSession::refresh()
{
    QObject context; // the disk-usage read asks again from here while another scan runs
    // Containers a killed DevDock left paused for a backup run again first.
    wait<bool>([&](auto cb) {
        PauseLedger::unpauseOrphans(client.get(), &context, [cb] { cb(true); });
    });
    const auto df = wait<QJsonObject>(
        [&](auto cb) { readDiskUsage(client.get(), &context, cb); });
    if (!df) {
        return std::unexpected(df.error());
    }
    const QString projectTag = QStringLiteral("project=") + SnapshotTags::clean(project.name);
    const auto list = wait<QList<ResticSnapshot>>(
        [&](auto cb) { repository->snapshots({projectTag}, nullptr, cb); });
    if (!list) {
        return std::unexpected(list.error());
    }
    snapshots = *list;
    const QJsonObject dfJson = *df;
    inventory = volumeInventory(project, dfJson, snapshots);
    engineVolumes.clear();
    for (const QJsonValue &v : dfJson.value(QStringLiteral("Volumes")).toArray()) {
        engineVolumes << v.toObject().value(QStringLiteral("Name")).toString();
    }
    ContainerListOptions listOptions;
    listOptions.filters.insert(QStringLiteral("label"),
                               {QStringLiteral("com.docker.compose.project=") + project.name});
    const auto containers = wait<QList<ContainerSummary>>(
        [&](auto cb) { client->listContainers(listOptions, nullptr, cb); });
    if (!containers) {
        return std::unexpected(containers.error());
    }
    running.clear();
    for (const ContainerSummary &c : *containers) {
        if (c.state == QLatin1String("running")) {
            running.insert(c.labels.value(QStringLiteral("com.docker.compose.service")), c.id);
        }
    }
    return {};
}

SnapshotTags DataSession::baseTags() const
{
    SnapshotTags tags;
    tags.project = project.name;
    tags.gitBranch =
        git(project.workingDirectory,
            {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), QStringLiteral("HEAD")});
    tags.gitCommit =
        git(project.workingDirectory,
            {QStringLiteral("rev-parse"), QStringLiteral("--short"), QStringLiteral("HEAD")});
    return tags;
}

Result<QString> DataSession::backup(const DataVolume &volume, SnapshotTags tags, bool *unchanged)
{
    tags.volume = volume.key;
    tags.service = volume.serviceNames().value(0);
    ConsistentBackup job(client.get(), repository, volume, running,
                         volume.helperImage(project), tags);
    job.setStopOthers(stopOthers);
    const CancelOnSignal interrupt([&job] {
        Output::errLine(QStringLiteral("devdockctl: cancelling the backup…"));
        Output::flush();
        job.cancel();
    });
    qint64 lastReported = 0;
    QObject::connect(&job, &ConsistentBackup::progressed, [&](qint64 bytes) {
        // A line per 64 MiB: progress on long work without flooding a terminal.
        if (bytes - lastReported >= 64 * 1024 * 1024) {
            lastReported = bytes;
            Output::outLine(QStringLiteral("%1: %2 read").arg(volume.key, formatBytes(bytes)));
            Output::flush();
        }
    });
    auto id = wait<QString>([&](auto cb) {
        QObject::connect(&job, &ConsistentBackup::finished,
                         [cb](const Result<QString> &r) { cb(r); });
        job.start();
    });
    if (unchanged) {
        *unchanged = id && job.unchanged();
    }
    return id;
}

CancelOnSignal::CancelOnSignal(std::function<void()> cancel)
    : m_restore(scopedSignalHandler(nullptr, [this, cancel = std::move(cancel)] {
        m_signalled = true;
        cancel();
    }))
{}

CancelOnSignal::~CancelOnSignal()
{
    m_restore();
}

Result<ResticSnapshot> DataSession::findSnapshot(const QString &prefix) const
{
    QList<ResticSnapshot> matches;
    for (const ResticSnapshot &s : snapshots) {
        if (!prefix.isEmpty() && s.id.startsWith(prefix)) {
            matches << s;
        }
    }
    if (matches.size() == 1) {
        return matches.first();
    }
    return makeError(Error::Code::InvalidArgument,
                     matches.isEmpty()
                         ? QStringLiteral("No snapshot %1 in project %2.").arg(prefix, project.name)
                         : QStringLiteral("Snapshot id %1 is ambiguous (%2 snapshots start so).")
                               .arg(prefix)
                               .arg(matches.size()),
                     QStringLiteral("List them with: devdockctl snapshots"));
}

} // namespace DevDock::Ctl
