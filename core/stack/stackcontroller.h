// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composecli.h"
#include "compose/composeloader.h"
#include "compose/composemodel.h"
#include "portpreflight.h"
#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>

#include <functional>
#include <optional>

namespace DevDock::Core {

class EngineClient;
class LiveState;

// One thing the user asked the stack to do.
struct StackAction
{
    enum class Kind { Up, Down, Start, Stop, Restart, Build, Pull, Remove, Rebuild };
    Kind kind = Kind::Up;
    QStringList services; // empty: the whole stack
    ComposeUpOptions up;
    bool removeVolumes = false;  // Down
    // Down with removeVolumes: the data gate backs every volume up first. devdockctl takes
    // that backup itself (printing each snapshot, or none with --no-backup) and clears it.
    bool backUpVolumes = true;
    bool withDependents = false; // Stop and Restart: also the services that depend on these
    bool preflight = true;       // check published ports before starting anything
    // When it left the queue (a steady clock's ms; 0: not yet): its own time, whoever watches.
    qint64 startedAtMs = 0;

    QString name() const;     // "up", "rebuild", ...
    QString describe() const; // "Restart api and its dependents"
    // Since it left the queue (0 before that).
    qint64 elapsedMs() const;
    static qint64 steadyNowMs();
};

// Runs actions on one compose project through the compose CLI, honouring depends_on, one at a
// time (later ones wait in a queue). Checks published ports before anything starts. Owns the
// project's LiveState, and tells it which exits are DevDock's own doing.
class StackController final : public QObject
{
    Q_OBJECT
public:
    explicit StackController(EngineClient *client, QObject *parent = nullptr);
    ~StackController() override;

    void setProject(const ComposeProject &project, const ComposeLoadOptions &options);
    const ComposeProject &project() const { return m_project; }
    // Extra environment for the compose CLI: the keychain's secrets of the active .env profile.
    void setEnvironment(const QHash<QString, QString> &environment) { m_environment = environment; }
    // Normally probed on first use; tests and `DEVDOCK_COMPOSE` may choose.
    void setTool(const ComposeTool &tool);
    std::optional<ComposeTool> tool() const { return m_tool; }
    LiveState *liveState() const { return m_live; }

    // Runs before an action's compose command, after the port pre-flight; the action goes on
    // when `proceed` gets success and fails with the error otherwise. The data guard uses it (a
    // backup before a database service is recreated with a new image); the stack knows nothing
    // of backups.
    using ActionGate =
        std::function<void(const StackAction &action, std::function<void(Result<void>)> proceed)>;
    void setActionGate(ActionGate gate) { m_gate = std::move(gate); }

    void run(const StackAction &action);
    void up(const QStringList &services = {}, const ComposeUpOptions &options = {});
    void down(bool removeVolumes = false);
    // Starts the services and everything they depend on (created if needed).
    void startWithDependencies(const QStringList &services);
    void stop(const QStringList &services, bool withDependents = false);
    // Restarts the services and, by default, their dependents, in dependency order.
    void restart(const QStringList &services, bool withDependents = true);
    // Rebuilds one service's image and recreates only its container: `up -d --no-deps --build`.
    void rebuild(const QString &service);

    // What `docker compose up` compares with a container's config-hash label to decide whether
    // to recreate it: `compose config --hash '*'` for the project as loaded (its files, profiles,
    // env files and secrets). Service name -> hash. Runs beside the queue (it changes nothing).
    void configHashes(QObject *context,
                      std::function<void(Result<QHash<QString, QString>>)> done);

    // Cancels the running action and drops the queued ones.
    void cancel();
    bool isBusy() const { return m_current.has_value() || !m_queue.isEmpty(); }
    ComposeOperation *currentOperation() const { return m_operation; }

    // The services an action touches, in the order they start.
    QStringList affectedServices(const StackAction &action) const;
    // Transitive dependencies of the services (not including them), in start order.
    QStringList dependenciesOf(const QStringList &services) const;

signals:
    void actionQueued(const DevDock::Core::StackAction &action);
    // The action left the queue (before the compose probe and the port pre-flight); always
    // followed by its actionFinished.
    void actionStarted(const DevDock::Core::StackAction &action);
    // An action runs one or more compose commands (restart with dependents: stop, then start).
    void operationStarted(const DevDock::Core::StackAction &action,
                          DevDock::Core::ComposeOperation *operation);
    // `operation` (the last one run) is null when the action never reached the CLI (port
    // conflict, no Compose).
    void actionFinished(const DevDock::Core::StackAction &action,
                        const DevDock::Core::Result<void> &result,
                        DevDock::Core::ComposeOperation *operation);
    void busyChanged(bool busy);

private:
    void next();
    void execute();
    void passGate();
    void launch();
    void runNextStep();
    ComposeInvocation invocationFor(const ComposeTool &tool) const;
    void finishCurrent(const Result<void> &result, ComposeOperation *operation);
    QStringList inStartOrder(QStringList services) const;

    QPointer<EngineClient> m_client;
    LiveState *m_live = nullptr;
    ComposeProject m_project;
    ComposeLoadOptions m_options;
    QHash<QString, QString> m_environment;
    std::optional<ComposeTool> m_tool;
    bool m_probing = false;
    QQueue<StackAction> m_queue;
    std::optional<StackAction> m_current;
    QStringList m_currentAffected;
    ComposeOperation *m_operation = nullptr;
    QList<std::function<ComposeOperation *(const ComposeCli &)>> m_steps;
    QStringList m_expected;
    bool m_cancelRequested = false;
    ActionGate m_gate;
};

} // namespace DevDock::Core

Q_DECLARE_METATYPE(DevDock::Core::StackAction)
