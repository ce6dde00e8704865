// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "restorejob.h"

#include "data/consistentbackup.h"
#include "data/databasejob.h"
#include "engine/engineclient.h"

#include <algorithm>

namespace DevDock::Core {

RestoreJob::RestoreJob(EngineClient *client, ResticRepository *repository, RestorePlan plan,
                       SnapshotTags tags, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_plan(std::move(plan))
    , m_tags(std::move(tags))
{}

void RestoreJob::start()
{
    if (m_plan.takesSafetySnapshot()) {
        takeSafetySnapshot();
    } else {
        stopNext(m_plan.stop);
    }
}

void RestoreJob::cancel()
{
    if (m_done || m_cancelled) {
        return;
    }
    m_cancelled = true;
    // The safety snapshot and a container stop run to their end (a half snapshot is worth
    // nothing, a half stop does not exist); the restore itself stops at once.
    if (auto *files = qobject_cast<VolumeRestoreJob *>(m_child)) {
        files->cancel();
    } else if (auto *database = qobject_cast<DatabaseJob *>(m_child)) {
        database->cancel();
    }
}

void RestoreJob::enter(Step step, const QString &description)
{
    m_step = step;
    emit stepStarted(step, description);
}

void RestoreJob::takeSafetySnapshot()
{
    enter(Step::Safety,
          QStringLiteral("%1: safety snapshot of the current state").arg(m_plan.target.key));
    SnapshotTags tags = m_tags;
    tags.volume = m_plan.target.key;
    tags.service = m_plan.target.serviceNames().value(0);
    tags.kind = QStringLiteral("files");
    tags.checkpoint.clear();
    tags.reason = QStringLiteral("safety");
    auto *job = new ConsistentBackup(m_client, m_repository, m_plan.target, m_plan.running,
                                     m_plan.helperImage, tags, this);
    connect(job, &ConsistentBackup::progressed, this, &RestoreJob::progressed);
    connect(job, &ConsistentBackup::finished, this, [this, job](const Result<QString> &r) {
        job->deleteLater();
        if (!r) {
            Error e = r.error();
            e.message = QStringLiteral("No safety snapshot, so nothing was restored: ") + e.message;
            finish(std::unexpected(e));
            return;
        }
        m_safety = *r;
        emit safetySnapshotSaved(m_safety);
        if (m_cancelled) {
            finish(makeError(
                Error::Code::Cancelled,
                QStringLiteral(
                    "Restore cancelled before anything was changed (safety snapshot %1 kept).")
                    .arg(m_safety.left(8))));
            return;
        }
        stopNext(m_plan.stop);
    });
    job->start();
}

void RestoreJob::stopNext(QStringList services)
{
    if (m_cancelled) {
        fail({Error::Code::Cancelled,
              QStringLiteral("Restore cancelled before anything was changed."),
              {}},
             false);
        return;
    }
    if (services.isEmpty()) {
        restore();
        return;
    }
    const QString service = services.takeFirst();
    if (m_step != Step::Stop) {
        enter(Step::Stop,
              QStringLiteral("stopping %1").arg(m_plan.stop.join(QStringLiteral(", "))));
    }
    m_client->stopContainer(m_plan.running.value(service), 10, this,
                            [this, service, services](Result<void> r) {
                                // Conflict: it stopped by itself meanwhile, which is what was
                                // wanted.
                                if (!r && r.error().code != Error::Code::Conflict) {
                                    fail({r.error().code,
                                          QStringLiteral("Cannot stop %1 for the restore: %2")
                                              .arg(service, r.error().message),
                                          r.error().hint},
                                         false);
                                    return;
                                }
                                m_stopped << service;
                                stopNext(services);
                            });
}

void RestoreJob::restore()
{
    enter(Step::Restore, QStringLiteral("%1: restoring snapshot %2")
                             .arg(m_plan.target.key, m_plan.snapshot.shortId));
    if (m_cancelled) { // cancelled by a listener of stepStarted: nothing touched yet
        fail({Error::Code::Cancelled,
              QStringLiteral("Restore cancelled before anything was changed."),
              {}},
             false);
        return;
    }
    auto done = [this](const Result<void> &r) {
        m_child->deleteLater();
        m_child = nullptr;
        if (!r) {
            fail(r.error(), true);
            return;
        }
        startNext(m_plan.startAgain, {});
    };
    if (m_plan.kind == QLatin1String("pg-dump")) {
        DatabaseJob::Options o;
        o.mode = DatabaseJob::Mode::Restore;
        o.container = m_plan.databaseContainer;
        o.snapshotId = m_plan.snapshot.id;
        o.fileInSnapshot = m_plan.snapshot.paths.value(0);
        o.withRoles = m_plan.snapshot.tag(QStringLiteral("format")) == QLatin1String(DatabaseJob::kRolesFormat);
        auto *job = new DatabaseJob(m_client, m_repository, o, this);
        m_child = job;
        connect(job, &DatabaseJob::progressed, this, &RestoreJob::progressed);
        connect(job, &DatabaseJob::finished, this, [done](const Result<QString> &r) {
            done(r ? Result<void>{} : Result<void>(std::unexpected(r.error())));
        });
        job->start();
        return;
    }
    VolumeRestoreJob::Options o;
    o.snapshotId = m_plan.snapshot.id;
    o.fileInSnapshot = m_plan.snapshot.paths.value(0);
    o.kind = m_plan.target.kind;
    o.volume = o.kind == DataMount::Kind::Bind ? m_plan.target.key : m_plan.target.engineName;
    o.labels = m_plan.volumeLabels;
    o.replace = m_plan.targetExists;
    o.image = m_plan.helperImage;
    auto *job = new VolumeRestoreJob(m_client, m_repository, o, this);
    m_child = job;
    connect(job, &VolumeRestoreJob::progressed, this, &RestoreJob::progressed);
    connect(job, &VolumeRestoreJob::finished, this, done);
    job->start();
}

void RestoreJob::startNext(QStringList services, Result<void> outcome)
{
    if (services.isEmpty()) {
        finish(outcome);
        return;
    }
    if (m_step != Step::Start) {
        enter(Step::Start, QStringLiteral("starting %1").arg(services.join(QStringLiteral(", "))));
    }
    const QString service = services.takeFirst();
    m_client->startContainer(
        m_plan.running.value(service), this,
        [this, service, services, outcome](Result<void> r) mutable {
            if (!r && r.error().code != Error::Code::Conflict && outcome) {
                outcome = makeError(
                    r.error().code,
                    QStringLiteral("Restored, but %1 did not start again: %2")
                        .arg(service, r.error().message),
                    QStringLiteral("Start it yourself: devdockctl start %1").arg(service));
            }
            startNext(services, outcome);
        });
}

void RestoreJob::fail(Error error, bool dataTouched)
{
    if (dataTouched) {
        // Half-restored data is not served: what was stopped stays stopped.
        finish(std::unexpected(withWayBack(std::move(error))));
        return;
    }
    // Nothing changed: everything runs again as before.
    QStringList again = m_stopped;
    std::reverse(again.begin(), again.end());
    m_step = Step::Start;
    startNext(again, std::unexpected(std::move(error)));
}

Error RestoreJob::withWayBack(Error error) const
{
    QStringList hint;
    if (!m_safety.isEmpty()) {
        hint << QStringLiteral(
                    "The state before the restore is safety snapshot %1: restore it to go back "
                    "(devdockctl restore %1 --yes).")
                    .arg(m_safety.left(8));
    }
    if (!m_stopped.isEmpty()) {
        QStringList stopped = m_stopped;
        std::reverse(stopped.begin(), stopped.end());
        hint << QStringLiteral("Stopped and left so: %1.").arg(stopped.join(QStringLiteral(", ")));
    }
    if (!error.hint.isEmpty()) {
        hint << error.hint;
    }
    error.hint = hint.join(QLatin1Char(' '));
    return error;
}

void RestoreJob::finish(Result<void> result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_step = Step::Done;
    emit finished(result);
}

} // namespace DevDock::Core
