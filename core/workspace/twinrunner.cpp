// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "twinrunner.h"

#include "compose/composecli.h"
#include "data/projectbackups.h"
#include "data/restorejob.h"
#include "engine/engineclient.h"
#include "stack/stackcontroller.h"
#include "twin/twinplanner.h"
#include "util/offthread.h"
#include "projectruntime.h"

namespace DevDock::Core {

TwinRunner::TwinRunner(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

TwinRunner::~TwinRunner() = default;

void TwinRunner::prepare(EngineClient *client, const ComposeLoadOptions &options,
                         const QString &branch, const QString &envProfile, QObject *context,
                         std::function<void(Result<TwinPlan>)> callback)
{
    offThread<Result<TwinPlan>>(
        context,
        [options, branch, envProfile] {
            return TwinPlanner::locate(options, branch, envProfile, true);
        },
        [client, context, callback](Result<TwinPlan> plan) {
            if (!plan) {
                callback(std::move(plan));
                return;
            }
            TwinPlanner::choosePorts(
                client, *plan, context, [context, callback](Result<TwinPlan> chosen) {
                    if (!chosen) {
                        callback(std::move(chosen));
                        return;
                    }
                    const TwinPlan planned = *chosen;
                    offThread<Result<void>>(
                        context, [planned] { return TwinPlanner::apply(planned); },
                        [planned, callback](Result<void> applied) {
                            callback(applied ? Result<TwinPlan>(planned)
                                             : Result<TwinPlan>(std::unexpected(applied.error())));
                        });
                });
        });
}

void TwinRunner::up(const ComposeLoadOptions &options, const QString &branch,
                    const QString &envProfile, bool cloneData)
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_cancelled = false;
    emit progressed(QStringLiteral("Preparing the worktree and free ports of %1 …").arg(branch));
    prepare(m_client, options, branch, envProfile, this,
            [this, options, envProfile, cloneData](Result<TwinPlan> plan) {
                if (!plan) {
                    finish(std::move(plan));
                    return;
                }
                if (plan->worktreeCreated) {
                    emit progressed(QStringLiteral("Created the worktree %1.").arg(plan->worktree));
                }
                runStack(*plan, options, envProfile, Job{.up = true, .cloneData = cloneData});
            });
}

void TwinRunner::down(const ComposeLoadOptions &options, const QString &branch, bool removeVolumes,
                      bool removeWorktree, const QString &envProfile)
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_cancelled = false;
    emit progressed(QStringLiteral("Finding the twin of %1 …").arg(branch));
    offThread<Result<TwinPlan>>(
        this,
        [options, branch, envProfile] {
            return TwinPlanner::locate(options, branch, envProfile, false);
        },
        [this, options, envProfile, removeVolumes, removeWorktree](Result<TwinPlan> plan) {
            if (!plan) {
                finish(std::move(plan));
                return;
            }
            runStack(*plan, options, envProfile,
                     Job{.up = false, .removeVolumes = removeVolumes, .removeWorktree = removeWorktree});
        });
}

void TwinRunner::runStack(const TwinPlan &plan, const ComposeLoadOptions &options,
                          const QString &envProfile, Job job)
{
    if (!m_client) {
        finish(makeError(Error::Code::NotFound, QStringLiteral("The Docker engine is gone.")));
        return;
    }
    // The twin loads as every project does (env profile, its .env.local last, the keychain's
    // secrets), so compose gets the same environment in the window and in devdockctl.
    delete m_runtime;
    m_runtime = new ProjectRuntime(m_client, this);
    m_runtime->setTolerateMissingRequired(false);
    m_runtime->setFollowEngine(false);
    connect(m_runtime, &ProjectRuntime::loadFailed, this,
            [this](const Error &error) { finish(std::unexpected(error)); });
    connect(
        m_runtime, &ProjectRuntime::loaded, this, [this, plan, job] {
            StackController *controller = m_runtime->controller();
            connect(controller, &StackController::operationStarted, this,
                    [this](const StackAction &, ComposeOperation *operation) {
                        connect(operation, &ComposeOperation::lineReceived, this,
                                &TwinRunner::progressed);
                    });
            connect(controller, &StackController::actionFinished, this,
                    [this, plan, job](const StackAction &, const Result<void> &result,
                                      ComposeOperation *) {
                        if (!result) {
                            finish(std::unexpected(result.error()));
                            return;
                        }
                        if (!job.removeWorktree) {
                            finish(plan);
                            return;
                        }
                        emit progressed(
                            QStringLiteral("Removing the worktree %1 …").arg(plan.worktree));
                        offThread<Result<void>>(
                            this, [plan] { return TwinPlanner::removeWorktree(plan); },
                            [this, plan](Result<void> removed) {
                                finish(removed
                                           ? Result<TwinPlan>(plan)
                                           : Result<TwinPlan>(std::unexpected(removed.error())));
                            });
                    });
            // down --volumes backs every volume up first (the runtime's data gate): say so.
            ProjectBackups *backups = m_runtime->backups();
            connect(backups, &ProjectBackups::backupStarted, this,
                    [this](const QStringList &volumes, qint64) {
                        emit progressed(QStringLiteral("Backing up %1 before removing …")
                                            .arg(volumes.join(QStringLiteral(", "))));
                    });
            connect(backups, &ProjectBackups::volumeBackedUp, this,
                    [this](const QString &volume, const QString &id, bool unchanged) {
                        emit progressed(
                            unchanged
                                ? QStringLiteral("%1: unchanged since snapshot %2").arg(volume, id.left(8))
                                : QStringLiteral("%1: snapshot %2 (restore: devdockctl restore %2)")
                                      .arg(volume, id.left(8)));
                    });
            StackAction action;
            action.kind = job.up ? StackAction::Kind::Up : StackAction::Kind::Down;
            action.removeVolumes = job.removeVolumes;
            auto run = [this, plan, job, action, controller] {
                emit progressed(
                    job.up ? QStringLiteral("Starting %1 …").arg(plan.projectName)
                    : job.removeVolumes
                        ? QStringLiteral("Removing the containers, networks and volumes of %1 (the "
                                         "volumes are backed up first) …")
                              .arg(plan.projectName)
                        : QStringLiteral("Removing the containers and networks of %1 …")
                              .arg(plan.projectName));
                controller->run(action);
            };
            if (!job.cloneData) {
                run();
                return;
            }
            cloneThen(plan, [this, run](Result<void> cloned) {
                if (!cloned) {
                    finish(std::unexpected(cloned.error()));
                    return;
                }
                run();
            });
        });
    m_runtime->open(TwinPlanner::loadOptions(plan, options), envProfile);
}

void TwinRunner::cloneThen(const TwinPlan &plan, std::function<void(Result<void>)> then)
{
    // The twin's side of the data as the Data view reads it (inventory, what runs, the
    // repository); the main checkout's snapshots are the repository's, tagged with its name.
    ProjectBackups *backups = m_runtime->backups();
    emit progressed(QStringLiteral("Reading the snapshots of %1 …").arg(plan.mainProjectName));
    auto connections = std::make_shared<std::pair<QMetaObject::Connection, QMetaObject::Connection>>();
    auto readSnapshots = [this, plan, backups, then, connections] {
        disconnect(connections->first);
        disconnect(connections->second);
        const QString from = plan.mainProjectName;
        ResticRepository *repository = backups->repository();
        if (!repository) { // none was ever made: nothing is backed up
            then(std::unexpected(clonePlans({}, from, {}, {}, {}, {}).error()));
            return;
        }
        repository->snapshots(
            {QStringLiteral("project=") + SnapshotTags::clean(from)}, this,
            [this, backups, from, then](Result<QList<ResticSnapshot>> all) {
                if (!all) {
                    then(std::unexpected(all.error()));
                    return;
                }
                QStringList engineVolumes;
                for (const DataVolume &v : backups->inventory()) {
                    if (v.exists) {
                        engineVolumes << v.engineName;
                    }
                }
                auto plans = clonePlans(cloneSources(*all), from, backups->project(),
                                        backups->inventory(), backups->running(), engineVolumes);
                if (!plans) {
                    then(std::unexpected(plans.error()));
                    return;
                }
                for (const QString &volume : cloneSources(*all).dumps) {
                    emit progressed(QStringLiteral("%1: a database dump is restored into a "
                                                   "running server; once the twin runs, restore "
                                                   "it from the twin's Data view")
                                        .arg(volume));
                }
                restoreNext(*plans, from, then);
            });
    };
    connections->first = connect(backups, &ProjectBackups::refreshed, this, readSnapshots);
    connections->second = connect(backups, &ProjectBackups::refreshFailed, this,
                                  [then, connections](const Error &error) {
                                      disconnect(connections->first);
                                      disconnect(connections->second);
                                      then(std::unexpected(error));
                                  });
    backups->refresh();
}

void TwinRunner::restoreNext(QList<RestorePlan> plans, QString from,
                             std::function<void(Result<void>)> then)
{
    if (m_cancelled) {
        then(makeError(Error::Code::Cancelled, QStringLiteral("Cancelled; the twin was not started.")));
        return;
    }
    if (plans.isEmpty()) {
        then({});
        return;
    }
    const RestorePlan plan = plans.takeFirst();
    ProjectBackups *backups = m_runtime->backups();
    m_restore = new RestoreJob(m_client, backups->repository(), plan, backups->baseTags(), this);
    connect(m_restore, &RestoreJob::stepStarted, this,
            [this](RestoreJob::Step, const QString &text) { emit progressed(text + QStringLiteral(" …")); });
    connect(m_restore, &RestoreJob::finished, this,
            [this, plan, plans, from, then](const Result<void> &restored) {
                m_restore->deleteLater();
                if (!restored) {
                    then(std::unexpected(restored.error()));
                    return;
                }
                emit progressed(QStringLiteral("%1: cloned from snapshot %2 of %3 (%4)")
                                    .arg(plan.target.key, plan.snapshot.shortId, from,
                                         plan.snapshot.time.toLocalTime().toString(Qt::ISODate)));
                restoreNext(plans, from, then);
            });
    m_restore->start();
}

void TwinRunner::cancel()
{
    m_cancelled = true;
    if (m_restore) {
        m_restore->cancel();
    }
    if (m_runtime) {
        m_runtime->backups()->cancel();
        m_runtime->controller()->cancel();
    }
}

void TwinRunner::finish(Result<TwinPlan> result)
{
    if (!m_running) {
        return;
    }
    m_running = false;
    if (m_runtime) {
        m_runtime->deleteLater();
        m_runtime = nullptr;
    }
    emit finished(result);
}

} // namespace DevDock::Core
