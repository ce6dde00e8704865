// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"
#include "data/restoreplan.h"
#include "twin/twinplan.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace DevDock::Core {

class EngineClient;
class ProjectRuntime;
class RestoreJob;

// `twin up` and `twin down` as one asynchronous job each, for the window and devdockctl alike:
// nothing here blocks the calling thread (git and file writes run in a worker thread, the
// engine and the compose CLI are event-driven).
//
// up():   locate (the worktree, created when missing) -> free ports -> .env.local / override
//         -> the twin loaded as DevDock loads any project (ProjectRuntime: env profile,
//         keychain, compose files) -> its StackController's up (port pre-flight, compose up).
// down(): locate (never creates) -> compose down under the twin's -p (only its containers,
//         networks and, when asked, volumes) -> the worktree removed when asked.
class TwinRunner final : public QObject
{
    Q_OBJECT
public:
    explicit TwinRunner(EngineClient *client, QObject *parent = nullptr);
    ~TwinRunner() override;

    // The twin's plan, its ports chosen and applied, without starting it: the step devdockctl
    // shares before its own stack command. `callback` runs in `context`'s thread.
    static void prepare(EngineClient *client, const ComposeLoadOptions &options,
                        const QString &branch, const QString &envProfile, QObject *context,
                        std::function<void(Result<TwinPlan>)> callback);

    // `cloneData`: before the twin starts, the main checkout's newest snapshot of each volume is
    // restored into the twin's volume of the same key (as `twin up --clone-data`).
    void up(const ComposeLoadOptions &options, const QString &branch,
            const QString &envProfile = {}, bool cloneData = false);
    void down(const ComposeLoadOptions &options, const QString &branch, bool removeVolumes,
              bool removeWorktree, const QString &envProfile = {});
    bool isRunning() const { return m_running; }
    void cancel();

signals:
    // One line of what is happening ("Choosing free ports …", a line of compose's output).
    void progressed(const QString &line);
    // up: the twin's plan (its project name, branch, worktree, ports); down: the plan it tore
    // down.
    void finished(const DevDock::Core::Result<DevDock::Core::TwinPlan> &result);

private:
    struct Job
    {
        bool up = true;
        bool removeVolumes = false;  // down
        bool removeWorktree = false; // down
        bool cloneData = false;      // up
    };
    void runStack(const TwinPlan &plan, const ComposeLoadOptions &options,
                  const QString &envProfile, Job job);
    // The main checkout's newest snapshots restored into the twin's (not yet running) volumes.
    void cloneThen(const TwinPlan &plan, std::function<void(Result<void>)> then);
    void restoreNext(QList<RestorePlan> plans, QString from, std::function<void(Result<void>)> then);
    void finish(Result<TwinPlan> result);

    QPointer<EngineClient> m_client;
    ProjectRuntime *m_runtime = nullptr;
    QPointer<RestoreJob> m_restore;
    bool m_cancelled = false;
    bool m_running = false;
};

} // namespace DevDock::Core
