// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "twinrunner.h"

#include "compose/composecli.h"
#include "engine/engineclient.h"
#include "stack/stackcontroller.h"
#include "twin/twinplanner.h"
#include "projectruntime.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace DevDock::Core {

namespace {

// Runs `work` in a worker thread and `done` with its result in `context`'s thread (dropped when
// `context` is gone first).
template <typename T>
void offThread(QObject *context, std::function<T()> work, std::function<void(T)> done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

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
                    const QString &envProfile)
{
    if (m_running) {
        return;
    }
    m_running = true;
    emit progressed(QStringLiteral("Preparing the worktree and free ports of %1 …").arg(branch));
    prepare(m_client, options, branch, envProfile, this,
            [this, options, envProfile](Result<TwinPlan> plan) {
                if (!plan) {
                    finish(std::move(plan));
                    return;
                }
                if (plan->worktreeCreated) {
                    emit progressed(QStringLiteral("Created the worktree %1.").arg(plan->worktree));
                }
                runStack(*plan, options, envProfile, true, false, false);
            });
}

void TwinRunner::down(const ComposeLoadOptions &options, const QString &branch, bool removeVolumes,
                      bool removeWorktree, const QString &envProfile)
{
    if (m_running) {
        return;
    }
    m_running = true;
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
            runStack(*plan, options, envProfile, false, removeVolumes, removeWorktree);
        });
}

void TwinRunner::runStack(const TwinPlan &plan, const ComposeLoadOptions &options,
                          const QString &envProfile, bool up, bool removeVolumes,
                          bool removeWorktree)
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
        m_runtime, &ProjectRuntime::loaded, this, [this, plan, up, removeVolumes, removeWorktree] {
            StackController *controller = m_runtime->controller();
            connect(controller, &StackController::operationStarted, this,
                    [this](const StackAction &, ComposeOperation *operation) {
                        connect(operation, &ComposeOperation::lineReceived, this,
                                &TwinRunner::progressed);
                    });
            connect(controller, &StackController::actionFinished, this,
                    [this, plan, removeWorktree](const StackAction &, const Result<void> &result,
                                                 ComposeOperation *) {
                        if (!result) {
                            finish(std::unexpected(result.error()));
                            return;
                        }
                        if (!removeWorktree) {
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
            StackAction action;
            action.kind = up ? StackAction::Kind::Up : StackAction::Kind::Down;
            action.removeVolumes = removeVolumes;
            emit progressed(
                up ? QStringLiteral("Starting %1 …").arg(plan.projectName)
                   : QStringLiteral("Removing the containers of %1 …").arg(plan.projectName));
            controller->run(action);
        });
    m_runtime->open(TwinPlanner::loadOptions(plan, options), envProfile);
}

void TwinRunner::cancel()
{
    if (m_runtime) {
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
