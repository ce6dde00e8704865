// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "consistentbackup.h"

#include "data/databasejob.h"
#include "data/pauseledger.h"
#include "engine/engineclient.h"

#include <QTimer>
#include <QUrl>

namespace DevDock::Core {

namespace {
void containerAction(EngineClient *client, const QString &id, const QByteArray &action, QObject *context,
                     std::function<void(Result<EngineClient::Response>)> callback)
{
    HttpRequest request;
    request.method = "POST";
    request.target = "/containers/" + QUrl::toPercentEncoding(id) + "/" + action;
    client->call(request, context, std::move(callback));
}
} // namespace

void ConsistentBackup::hold(const QString &service, bool still, std::function<void(Result<void>)> done)
{
    const QString id = m_running.value(service);
    if (m_stopOthers) {
        // The engine's own stop (the container's stop timeout, waited for as long as it takes;
        // one already stopped or started again is as asked).
        if (still) {
            m_client->stopContainer(id, -1, this, std::move(done));
        } else {
            m_client->startContainer(id, this, std::move(done));
        }
        return;
    }
    containerAction(m_client, id, still ? "pause" : "unpause", this,
                    [done = std::move(done)](Result<EngineClient::Response> r) {
                        done(r ? Result<void>{} : Result<void>(std::unexpected(r.error())));
                    });
}

ConsistentBackup::ConsistentBackup(EngineClient *client, ResticRepository *repository, DataVolume volume,
                                   QHash<QString, QString> running, QString image, SnapshotTags tags,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_volume(std::move(volume))
    , m_running(std::move(running))
    , m_image(std::move(image))
    , m_tags(std::move(tags))
{}

void ConsistentBackup::start()
{
    // A DevDock killed during an earlier backup left its paused containers noted: they run on
    // first (one of them may be a service this backup pauses anew).
    PauseLedger::unpauseOrphans(m_client, this, [this] { begin(); });
}

void ConsistentBackup::begin()
{
    for (const VolumeUser &u : std::as_const(m_volume.users)) {
        if (u.database == DatabaseKind::Postgres && m_running.contains(u.service)) {
            DatabaseJob::Options o;
            o.container = m_running.value(u.service);
            o.tags = m_tags;
            o.tags.service = u.service;
            auto *job = new DatabaseJob(m_client, m_repository, o, this);
            m_job = job;
            connect(job, &DatabaseJob::progressed, this, &ConsistentBackup::progressed);
            connect(job, &DatabaseJob::finished, this, [this, job](const Result<QString> &r) {
                job->deleteLater();
                emit finished(r);
            });
            job->start();
            return;
        }
    }
    QStringList redis;
    for (const VolumeUser &u : std::as_const(m_volume.users)) {
        if (u.database == DatabaseKind::Redis && m_running.contains(u.service)) {
            redis << m_running.value(u.service);
        }
    }
    saveRedis(redis);
}

void ConsistentBackup::cancel()
{
    m_cancelled = true;
    if (auto *copy = qobject_cast<VolumeBackupJob *>(m_job)) {
        copy->cancel();
    } else if (auto *dump = qobject_cast<DatabaseJob *>(m_job)) {
        dump->cancel();
    }
    // Before the copy (Redis saving, services pausing): copy() sees the flag.
}

Error ConsistentBackup::cancelledError() const
{
    return {Error::Code::Cancelled, QStringLiteral("Backup of %1 cancelled; nothing was saved.").arg(m_volume.key), {}};
}

void ConsistentBackup::saveRedis(QStringList containers)
{
    if (containers.isEmpty()) {
        pauseOthers(m_volume.serviceNames());
        return;
    }
    const QString id = containers.takeFirst();
    ExecOptions o;
    o.command = {QStringLiteral("redis-cli"), QStringLiteral("SAVE")};
    m_client->exec(id, o, this, [this, id, containers](Result<ExecResult> r) {
        if (!r || r->exitCode != 0) {
            const QString why = !r ? r.error().message : QString::fromUtf8(r->stdoutData + r->stderrData).trimmed();
            emit finished(makeError(Error::Code::Io,
                                    QStringLiteral("Redis in %1 did not SAVE before the backup: %2").arg(id.left(12), why),
                                    QStringLiteral("Nothing was copied. Check the Redis service's logs.")));
            return;
        }
        saveRedis(containers);
    });
}

void ConsistentBackup::pauseOthers(QStringList services)
{
    // Redis saved its snapshot file; it and everything else writing the volume hold still.
    while (!services.isEmpty() && !m_running.contains(services.first())) {
        services.removeFirst();
    }
    if (services.isEmpty()) {
        copy();
        return;
    }
    const QString service = services.takeFirst();
    // Noted before it is asked: a DevDock killed while the engine stops it still leaves word.
    PauseLedger::noted(*m_client, m_running.value(service), m_stopOthers);
    hold(service, true, [this, service, services](Result<void> r) {
        // The cgroup freezer can refuse while a container is still thawing from an earlier
        // unpause ("unable to freeze"): ask again a moment later.
        if (!r && !m_stopOthers && r.error().message.contains(QLatin1String("freeze")) && m_pauseRetries < 5) {
            ++m_pauseRetries;
            QTimer::singleShot(200, this, [this, service, services] { pauseOthers(QStringList{service} + services); });
            return;
        }
        m_pauseRetries = 0;
        if (!r) {
            if (m_stopOthers) {
                m_paused << service; // a stop that failed may still have stopped it: started again
            } else {
                PauseLedger::cleared(*m_client, m_running.value(service));
            }
            unpauseAll(makeError(r.error().code,
                                 (m_stopOthers ? QStringLiteral("Cannot stop %1 for the backup: %2")
                                               : QStringLiteral("Cannot pause %1 for the backup: %2"))
                                     .arg(service, r.error().message)));
            return;
        }
        m_paused << service;
        pauseOthers(services);
    });
}

void ConsistentBackup::copy()
{
    if (m_cancelled) {
        unpauseAll(std::unexpected(cancelledError()));
        return;
    }
    auto *job = new VolumeBackupJob(m_client, m_repository, m_volume.mount(), m_image, m_tags, this);
    m_job = job;
    job->setPrevious(m_volume.lastBackup);
    connect(job, &VolumeBackupJob::progressed, this, &ConsistentBackup::progressed);
    connect(job, &VolumeBackupJob::finished, this, [this, job](const Result<QString> &r) {
        m_unchanged = job->unchanged();
        job->deleteLater();
        unpauseAll(r);
    });
    job->start();
}

void ConsistentBackup::unpauseAll(Result<QString> result)
{
    if (m_paused.isEmpty() || !m_client) {
        emit finished(result);
        return;
    }
    const QString service = m_paused.takeLast();
    hold(service, false, [this, service, result](Result<void> r) mutable {
        if (r) {
            PauseLedger::cleared(*m_client, m_running.value(service));
        }
        if (!r && result) {
            result = makeError(r.error().code,
                               (m_stopOthers ? QStringLiteral("Backed up, but %1 could not be started again: %2")
                                             : QStringLiteral("Backed up, but %1 could not be unpaused: %2"))
                                   .arg(service, r.error().message),
                               QStringLiteral("Run: docker %1 %2")
                                   .arg(m_stopOthers ? QStringLiteral("start") : QStringLiteral("unpause"),
                                        m_running.value(service)));
        }
        unpauseAll(result);
    });
}

} // namespace DevDock::Core
