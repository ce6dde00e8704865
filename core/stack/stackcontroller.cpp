// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stackcontroller.h"

#include "engine/engineclient.h"
#include "livestate.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <chrono>

namespace DevDock::Core {

namespace {

// lupdate files these strings under the context below, as translate() looks them up.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DevDock::Core::StackController)
};

QString joinNames(const QStringList &names)
{
    return names.isEmpty() ? Text::tr("the stack") : names.join(QStringLiteral(", "));
}

} // namespace

QString StackAction::name() const
{
    switch (kind) {
    case Kind::Up:
        return QStringLiteral("up");
    case Kind::Down:
        return QStringLiteral("down");
    case Kind::Start:
        return QStringLiteral("start");
    case Kind::Stop:
        return QStringLiteral("stop");
    case Kind::Restart:
        return QStringLiteral("restart");
    case Kind::Build:
        return QStringLiteral("build");
    case Kind::Pull:
        return QStringLiteral("pull");
    case Kind::Remove:
        return QStringLiteral("rm");
    case Kind::Rebuild:
        return QStringLiteral("rebuild");
    }
    return {};
}

QString StackAction::describe() const
{
    const QString who = joinNames(services);
    switch (kind) {
    case Kind::Up:
        return Text::tr("Up %1").arg(who);
    case Kind::Down:
        return removeVolumes ? Text::tr("Down (with volumes)") : Text::tr("Down");
    case Kind::Start:
        return Text::tr("Start %1").arg(who);
    case Kind::Stop:
        return withDependents ? Text::tr("Stop %1 and its dependents").arg(who)
                              : Text::tr("Stop %1").arg(who);
    case Kind::Restart:
        return withDependents ? Text::tr("Restart %1 and its dependents").arg(who)
                              : Text::tr("Restart %1").arg(who);
    case Kind::Build:
        return Text::tr("Build %1").arg(who);
    case Kind::Pull:
        return Text::tr("Pull %1").arg(who);
    case Kind::Remove:
        return Text::tr("Remove %1").arg(who);
    case Kind::Rebuild:
        return Text::tr("Rebuild and restart %1").arg(who);
    }
    return {};
}

qint64 StackAction::steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 StackAction::elapsedMs() const
{
    return startedAtMs > 0 ? std::max<qint64>(0, steadyNowMs() - startedAtMs) : 0;
}

StackController::StackController(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_live(new LiveState(client, this))
{}

StackController::~StackController()
{
    if (m_operation) {
        m_operation->disconnect(this);
    }
}

void StackController::setProject(const ComposeProject &project, const ComposeLoadOptions &options)
{
    m_project = project;
    m_options = options;
    m_live->setProject(project);
}

void StackController::setTool(const ComposeTool &tool)
{
    m_tool = tool;
}

QStringList StackController::inStartOrder(QStringList services) const
{
    QStringList ordered;
    for (const QString &name : m_project.startOrder()) {
        if (services.removeAll(name) > 0) {
            ordered.append(name);
        }
    }
    return ordered + services; // unknown names last: Compose reports them
}

QStringList StackController::dependenciesOf(const QStringList &services) const
{
    QStringList found;
    QStringList todo = services;
    while (!todo.isEmpty()) {
        const ComposeService *service = m_project.service(todo.takeFirst());
        if (!service) {
            continue;
        }
        for (auto it = service->dependsOn.cbegin(); it != service->dependsOn.cend(); ++it) {
            if (!found.contains(it.key()) && !services.contains(it.key())) {
                found.append(it.key());
                todo.append(it.key());
            }
        }
    }
    return inStartOrder(found);
}

QStringList StackController::affectedServices(const StackAction &action) const
{
    QStringList all;
    for (const ComposeService &s : m_project.services) {
        all.append(s.name);
    }
    if (action.services.isEmpty() || action.kind == StackAction::Kind::Down) {
        return inStartOrder(all);
    }
    QStringList services = action.services;
    switch (action.kind) {
    case StackAction::Kind::Up:
        if (!action.up.noDeps) {
            services += dependenciesOf(action.services);
        }
        break;
    case StackAction::Kind::Start:
        services += dependenciesOf(action.services);
        break;
    case StackAction::Kind::Stop:
    case StackAction::Kind::Restart:
        if (action.withDependents) {
            for (const QString &s : action.services) {
                for (const QString &d : m_project.dependents(s)) {
                    if (!services.contains(d)) {
                        services.append(d);
                    }
                }
            }
        }
        break;
    default:
        break;
    }
    return inStartOrder(services);
}

void StackController::run(const StackAction &action)
{
    const bool wasBusy = isBusy();
    m_queue.enqueue(action);
    emit actionQueued(action);
    if (!wasBusy) {
        emit busyChanged(true);
        next();
    }
}

void StackController::up(const QStringList &services, const ComposeUpOptions &options)
{
    StackAction action;
    action.kind = StackAction::Kind::Up;
    action.services = services;
    action.up = options;
    run(action);
}

void StackController::down(bool removeVolumes)
{
    StackAction action;
    action.kind = StackAction::Kind::Down;
    action.removeVolumes = removeVolumes;
    run(action);
}

void StackController::startWithDependencies(const QStringList &services)
{
    StackAction action;
    action.kind = StackAction::Kind::Up;
    action.services = services;
    run(action);
}

void StackController::stop(const QStringList &services, bool withDependents)
{
    StackAction action;
    action.kind = StackAction::Kind::Stop;
    action.services = services;
    action.withDependents = withDependents;
    run(action);
}

void StackController::restart(const QStringList &services, bool withDependents)
{
    StackAction action;
    action.kind = StackAction::Kind::Restart;
    action.services = services;
    action.withDependents = withDependents;
    run(action);
}

void StackController::rebuild(const QString &service)
{
    StackAction action;
    action.kind = StackAction::Kind::Rebuild;
    action.services = {service};
    action.up.noDeps = true;
    action.up.build = true;
    run(action);
}

void StackController::configHashes(QObject *context,
                                   std::function<void(Result<QHash<QString, QString>>)> done)
{
    auto withTool = [this, context, done](const ComposeTool &tool) {
        if (!tool.found()) {
            done(std::unexpected(ComposeCli::missingToolError()));
            return;
        }
        ComposeOperation *operation = ComposeCli(invocationFor(tool)).run(
            QStringLiteral("config"), {QStringLiteral("--hash"), QStringLiteral("*")}, {}, this);
        connect(operation, &ComposeOperation::finished, context,
                [operation, done](const Result<void> &result) {
                    operation->deleteLater();
                    if (!result) {
                        done(std::unexpected(result.error()));
                        return;
                    }
                    // "<service> <sha256>" per line; warnings on the way are not hashes.
                    static const QRegularExpression line(
                        QStringLiteral("^(\\S+) ([0-9a-f]{64})$"));
                    QHash<QString, QString> hashes;
                    for (const QString &text : operation->lines()) {
                        if (const auto m = line.match(text.trimmed()); m.hasMatch()) {
                            hashes.insert(m.captured(1), m.captured(2));
                        }
                    }
                    done(hashes);
                });
        operation->start();
    };
    if (m_tool) {
        withTool(*m_tool);
        return;
    }
    probeCompose(context, [this, withTool](const ComposeTool &tool) {
        m_tool = tool;
        withTool(tool);
    });
}

void StackController::cancel()
{
    m_queue.clear();
    m_steps.clear();
    if (m_operation) {
        m_operation->cancel();
    } else if (m_current) {
        m_cancelRequested = true; // pre-flight in flight: stop when it answers
    }
}

void StackController::next()
{
    if (m_current) {
        return;
    }
    if (m_queue.isEmpty()) {
        emit busyChanged(false);
        return;
    }
    m_current = m_queue.dequeue();
    m_current->startedAtMs = StackAction::steadyNowMs();
    m_cancelRequested = false;
    m_currentAffected = affectedServices(*m_current);
    // Started as it leaves the queue, before the compose probe and the port pre-flight: every
    // actionFinished has its actionStarted, also when the action ends before the CLI runs (an
    // Up against an unreachable engine), so whoever times it has a start.
    emit actionStarted(*m_current);
    if (!m_tool) {
        if (!m_probing) {
            m_probing = true;
            probeCompose(this, [this](const ComposeTool &tool) {
                m_probing = false;
                m_tool = tool;
                execute();
            });
        }
        return;
    }
    execute();
}

void StackController::execute()
{
    if (!m_current) {
        return;
    }
    if (!m_tool || !m_tool->found()) {
        finishCurrent(std::unexpected(ComposeCli::missingToolError()), nullptr);
        return;
    }
    const auto kind = m_current->kind;
    const bool starts = kind == StackAction::Kind::Up || kind == StackAction::Kind::Start
                        || kind == StackAction::Kind::Rebuild || kind == StackAction::Kind::Restart;
    if (!starts || !m_current->preflight || !m_client) {
        passGate();
        return;
    }
    checkPorts(m_client, m_project.name, publishedPorts(m_project, m_currentAffected), this,
               [this](Result<PortReport> report) {
                   if (m_cancelRequested) {
                       finishCurrent(makeError(Error::Code::Cancelled, tr("Cancelled.")), nullptr);
                       return;
                   }
                   if (!report) {
                       finishCurrent(std::unexpected(report.error()), nullptr);
                       return;
                   }
                   if (!report->conflicts().isEmpty()) {
                       finishCurrent(std::unexpected(report->error()), nullptr);
                       return;
                   }
                   passGate();
               });
}

void StackController::passGate()
{
    if (!m_gate) {
        launch();
        return;
    }
    QPointer<StackController> self(this);
    m_gate(*m_current, [self](Result<void> r) {
        if (!self || !self->m_current) {
            return;
        }
        if (self->m_cancelRequested) {
            self->finishCurrent(makeError(Error::Code::Cancelled, tr("Cancelled.")), nullptr);
            return;
        }
        if (!r) {
            self->finishCurrent(std::unexpected(r.error()), nullptr);
            return;
        }
        self->launch();
    });
}

void StackController::launch()
{
    const StackAction action = *m_current;
    const QStringList services = action.services.isEmpty() ? QStringList{} : m_currentAffected;
    m_steps.clear();
    switch (action.kind) {
    case StackAction::Kind::Up:
    case StackAction::Kind::Rebuild:
        m_steps <<
            [action](const ComposeCli &cli) { return cli.up(action.services, action.up, nullptr); };
        break;
    case StackAction::Kind::Down:
        m_steps <<
            [action](const ComposeCli &cli) { return cli.down(action.removeVolumes, nullptr); };
        break;
    case StackAction::Kind::Start:
        m_steps << [services](const ComposeCli &cli) { return cli.start(services, nullptr); };
        break;
    case StackAction::Kind::Stop:
        m_steps << [services](const ComposeCli &cli) { return cli.stop(services, nullptr); };
        break;
    case StackAction::Kind::Restart:
        if (action.withDependents && !action.services.isEmpty()) {
            // `compose restart` restarts everything at once. Stopping (dependents first) and then
            // starting (dependencies first, waiting for their conditions) keeps the order.
            m_steps << [services](const ComposeCli &cli) { return cli.stop(services, nullptr); };
            m_steps << [services](const ComposeCli &cli) { return cli.start(services, nullptr); };
        } else {
            m_steps << [services](const ComposeCli &cli) { return cli.restart(services, nullptr); };
        }
        break;
    case StackAction::Kind::Build:
        m_steps << [action](const ComposeCli &cli) { return cli.build(action.services, nullptr); };
        break;
    case StackAction::Kind::Pull:
        m_steps << [action](const ComposeCli &cli) { return cli.pull(action.services, nullptr); };
        break;
    case StackAction::Kind::Remove:
        m_steps << [action](const ComposeCli &cli) { return cli.rm(action.services, nullptr); };
        break;
    }
    // Exits during DevDock's own stop/restart/recreate are not crashes.
    m_expected = services;
    m_live->beginExpected(m_expected);
    runNextStep();
}

ComposeInvocation StackController::invocationFor(const ComposeTool &tool) const
{
    ComposeInvocation invocation = ComposeInvocation::forProject(tool, m_project, m_options);
    invocation.environment = m_environment;
    // Compose talks to the engine this controller follows (the project's docker context).
    if (m_client) {
        invocation.environment.insert(m_client->endpoint().cliEnvironment());
    }
    return invocation;
}

void StackController::runNextStep()
{
    const ComposeCli cli(invocationFor(*m_tool));
    ComposeOperation *operation = m_steps.takeFirst()(cli);
    operation->setParent(this);
    m_operation = operation;
    connect(operation, &ComposeOperation::finished, this,
            [this, operation](const Result<void> &result) {
                if (result && !m_steps.isEmpty() && !m_cancelRequested) {
                    operation->deleteLater();
                    runNextStep();
                    return;
                }
                m_live->endExpected(m_expected);
                finishCurrent(result, operation);
            });
    emit operationStarted(*m_current, operation);
    operation->start();
}

void StackController::finishCurrent(const Result<void> &result, ComposeOperation *operation)
{
    const StackAction action = *m_current;
    m_current.reset();
    m_operation = nullptr;
    if (!result) {
        qCWarning(lcEngine).noquote() << action.describe() << "failed:" << result.error().message;
    }
    emit actionFinished(action, result, operation);
    if (operation) {
        operation->deleteLater();
    }
    m_live->refresh();
    next();
}

} // namespace DevDock::Core
