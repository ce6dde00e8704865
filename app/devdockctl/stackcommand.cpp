// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stackcommand.h"

#include "backupcommand.h"

#include "enginecommand.h"
#include "execcommand.h"
#include "output.h"

#include "devloop/devmode.h"
#include "devloop/filesync.h"
#include "engine/engineclient.h"
#include "engine/logstream.h"
#include "env/secretstore.h"
#include "logs/ansi.h"
#include "logs/logsearch.h"
#include "logs/projectlogs.h"
#include "onboarding/onboarding.h"
#include "stack/livestate.h"
#include "stack/portpreflight.h"
#include "stack/projectdiscovery.h"
#include "stack/stackcontroller.h"
#include "stack/stackenvironment.h"
#include "workspace/projectruntime.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <climits>

#include <memory>

namespace DevDock::Ctl {

using namespace DevDock::Core;

namespace {

const QStringList kCommands{
    QStringLiteral("up"),      QStringLiteral("down"),    QStringLiteral("start"),
    QStringLiteral("stop"),    QStringLiteral("restart"), QStringLiteral("build"),
    QStringLiteral("pull"),    QStringLiteral("ps"),      QStringLiteral("watch"),
    QStringLiteral("logs"),    QStringLiteral("doctor"),  QStringLiteral("projects"),
    QStringLiteral("onboard"), QStringLiteral("dev"),     QStringLiteral("sync"),
    QStringLiteral("exec")};

QByteArray usageFor(const QString &command)
{
    if (command == u"up") {
        return "Usage: devdockctl up [--no-deps] [--wait] [--wait-timeout S] [--build] "
               "[--force-recreate] [--no-preflight] [SERVICE...]\n";
    }
    if (command == u"down") {
        return "Usage: devdockctl down [-v|--volumes [--no-backup]]\n"
               "With --volumes, every existing named volume is backed up first (devdockctl\n"
               "snapshots lists them as before-down) unless --no-backup.\n";
    }
    if (command == u"stop") {
        return "Usage: devdockctl stop [--with-dependents] [SERVICE...]\n";
    }
    if (command == u"restart") {
        return "Usage: devdockctl restart [--no-deps] [SERVICE...]\n"
               "Restarts the services and the services that depend on them, in dependency order.\n";
    }
    if (command == u"ps" || command == u"watch") {
        return QByteArray("Usage: devdockctl ") + command.toUtf8() + " [--json]\n";
    }
    if (command == u"logs") {
        return "Usage: devdockctl logs [-f|--follow] [--tail N] [--since T] [--timestamps] "
               "[--no-prefix] [--grep PATTERN [--regex] [--case-sensitive]] [--raw] [SERVICE...]\n"
               "Escape sequences are removed unless --raw asks for the bytes as they are.\n";
    }
    if (command == u"doctor") {
        return "Usage: devdockctl doctor [ports] [--json]\n"
               "Checks the engine, Compose, disk, memory, ports, the .env profile and its "
               "secrets,\n"
               "and the images; changes nothing. Exit 1 when a check fails.\n"
               "'doctor ports' lists every published port and who holds it.\n";
    }
    if (command == u"dev") {
        return "Usage: devdockctl dev [on|off SERVICE]\n"
               "Dev mode: the service runs with its section of docker-compose.dev.yml (or its\n"
               "x-devdock dev extension) and only it is recreated. Without arguments: which\n"
               "services can, and which do.\n";
    }
    if (command == u"sync") {
        return "Usage: devdockctl sync [SERVICE...]\n"
               "Runs the services' develop.watch rules in the foreground until interrupted:\n"
               "changed files are copied into the running containers, deleted ones removed,\n"
               "containers restarted or rebuilt as the rules say. Prints each batch.\n";
    }
    if (command == u"onboard") {
        return "Usage: devdockctl onboard [--set KEY=VALUE]... [--health-timeout S]\n"
               "                          [--accept-env-changes] [--json]\n"
               "From a fresh clone to a healthy stack without questions: .env.local with the keys\n"
               "of .env.example that no profile sets, secrets generated into the keychain, images\n"
               "built or pulled, the stack started, every service healthy. Values that cannot be\n"
               "generated come from --set or from the environment. An existing .env.local is\n"
               "yours: a change onboarding proposes is printed as a diff and applied only with\n"
               "--accept-env-changes; otherwise the file stays as it is and onboarding goes on.\n"
               "Exit 0 only when every service is up and healthy.\n";
    }
    if (command == u"exec") {
        return "Usage: devdockctl exec [-T] SERVICE [-- COMMAND [ARG...]]\n"
               "Runs COMMAND (default: the container's shell, bash, then sh, then ash) in the\n"
               "service's running container over the Engine API; needs no docker CLI. A terminal\n"
               "when stdin is one (raw mode, resized with the window); plain pipes with -T or\n"
               "when stdin is not a terminal. Exits with the command's exit status.\n";
    }
    if (command == u"projects") {
        return "Usage: devdockctl projects [--json]\n"
               "Compose projects that have containers on the engine, whoever started them.\n";
    }
    return QByteArray("Usage: devdockctl ") + command.toUtf8() + " [SERVICE...]\n";
}

// Everything a stack command needs: the loaded project, the engine, the controller.
struct Stack
{
    ComposeLoadOptions options;
    ComposeProject project;
    std::unique_ptr<EngineClient> client;
    std::unique_ptr<ProjectRuntime> runtime; // goes before the client it uses
    StackController *controller = nullptr;   // the runtime's
    int exitCode = -1;

    void finish(int code)
    {
        if (exitCode >= 0) {
            return;
        }
        exitCode = code;
        Output::flush();
        QCoreApplication::exit(code);
    }
    int wait()
    {
        if (exitCode < 0) {
            QCoreApplication::exec();
        }
        Output::flush();
        return exitCode;
    }
};

// Loads the project the way DevDock does (ProjectRuntime: the .env profile, the keychain's
// secrets, the compose files, the dev-mode overlay) and connects to the engine.
Result<void> prepare(Stack &stack, const QString &envProfile)
{
    auto endpoint = Ctl::systemEndpoint();
    if (!endpoint) {
        return std::unexpected(endpoint.error());
    }
    stack.client = std::make_unique<EngineClient>(*endpoint);
    stack.runtime = std::make_unique<ProjectRuntime>(stack.client.get());
    // A command runs the stack: unset required variables are an error here, as in Compose.
    stack.runtime->setTolerateMissingRequired(false);
    // Commands that follow the engine start the live state themselves.
    stack.runtime->setFollowEngine(false);
    std::optional<Error> failed;
    bool done = false;
    QObject::connect(stack.runtime.get(), &ProjectRuntime::loaded, stack.runtime.get(), [&] {
        done = true;
        QCoreApplication::exit(0);
    });
    QObject::connect(stack.runtime.get(), &ProjectRuntime::loadFailed, stack.runtime.get(),
                     [&](const Error &error) {
                         failed = error;
                         done = true;
                         QCoreApplication::exit(0);
                     });
    stack.runtime->open(stack.options, envProfile);
    if (!done) {
        QCoreApplication::exec();
    }
    const StackEnvironment &environment = stack.runtime->environment();
    if (!environment.secrets.isEmpty() || !environment.envFiles.isEmpty()) {
        for (const QString &warning : std::as_const(environment.warnings)) {
            Output::errLine(QStringLiteral("devdockctl: warning: ") + warning);
        }
    }
    if (failed) {
        return std::unexpected(*failed);
    }
    stack.project = stack.runtime->project();
    stack.options = stack.runtime->loadOptions();
    stack.controller = stack.runtime->controller();
    return {};
}

QString portsText(const QList<PortBinding> &ports)
{
    QStringList parts;
    for (const PortBinding &p : ports) {
        if (p.publicPort > 0) {
            parts << (p.ip.isEmpty() ? QString() : p.ip + QLatin1Char(':'))
                         + QString::number(p.publicPort) + QStringLiteral("->")
                         + QString::number(p.privatePort) + QLatin1Char('/') + p.type;
        }
    }
    parts.removeDuplicates();
    return parts.join(QStringLiteral(", "));
}

QString pad(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '));
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// --- actions -------------------------------------------------------------------------------

int runAction(Stack &stack, const StackAction &action)
{
    StackController *controller = stack.controller;
    QObject::connect(controller, &StackController::operationStarted, controller,
                     [](const StackAction &, ComposeOperation *operation) {
                         QObject::connect(operation, &ComposeOperation::lineReceived, operation,
                                          [](const QString &line) {
                                              Output::errLine(line);
                                              Output::flush();
                                          });
                     });
    QObject::connect(controller, &StackController::actionFinished, controller,
                     [&stack](const StackAction &, const Result<void> &result, ComposeOperation *) {
                         stack.finish(result ? Success : reportError(result.error()));
                     });
    installSignalHandlers(controller, [controller] { controller->cancel(); });
    controller->run(action);
    return stack.wait();
}

// --- ps / watch --------------------------------------------------------------------------

void printTable(const QList<ServiceState> &services)
{
    int width = 7;
    for (const ServiceState &s : services) {
        width = std::max(width, int(s.name.size()));
    }
    Output::outLine(pad(QStringLiteral("SERVICE"), width + 2) + pad(QStringLiteral("STATE"), 13)
                    + pad(QStringLiteral("HEALTH"), 11) + pad(QStringLiteral("PORTS"), 30)
                    + QStringLiteral("REASON"));
    for (const ServiceState &s : services) {
        QString state = statusName(s.status);
        if (s.status == ServiceStatus::Exited) {
            state += QStringLiteral(" (") + QString::number(s.exitCode) + QLatin1Char(')');
        }
        if (s.containers.size() > 1) {
            state += QStringLiteral(" x") + QString::number(s.containers.size());
        }
        Output::outLine(pad(s.name, width + 2) + pad(state, 13)
                        + pad(s.health.isEmpty() ? QStringLiteral("-") : s.health, 11)
                        + pad(portsText(s.ports), 30) + s.reason);
    }
}

// The services inactive profiles hide, when no container of theirs is in the table already.
void printHiddenByProfiles(const ComposeProject &project, const QList<ServiceState> &services)
{
    QStringList hidden;
    for (auto it = project.disabledProfiles.cbegin(); it != project.disabledProfiles.cend(); ++it) {
        const bool shown = std::any_of(services.begin(), services.end(),
                                       [&](const ServiceState &s) { return s.name == it.key(); });
        if (!shown) {
            hidden << QStringLiteral("%1 (%2)").arg(it.key(), it.value().join(QStringLiteral(", ")));
        }
    }
    if (!hidden.isEmpty()) {
        Output::outLine(QStringLiteral("Hidden by inactive profiles: %1. Show them with "
                                       "--profile NAME.")
                            .arg(hidden.join(QStringLiteral(", "))));
    }
}

int cmdPs(Stack &stack, bool json)
{
    LiveState *live = stack.controller->liveState();
    QObject::connect(live, &LiveState::ready, live, [&stack, live, json] {
        // Without the engine every service is "unknown" (not "not created"): the table says so,
        // the error says why, and the exit status is 1.
        const QList<ServiceState> services = live->services();
        if (json) {
            QJsonArray array;
            for (const ServiceState &s : services) {
                array.append(s.toJson());
            }
            Output::out(QJsonDocument(array).toJson(QJsonDocument::Indented));
        } else {
            printTable(services);
            printHiddenByProfiles(stack.project, services);
        }
        stack.finish(live->isEngineReachable() ? Success : reportError(live->engineError()));
    });
    live->start();
    return stack.wait();
}

// The fields a watch line reports; other changes (probe logs) print nothing.
QString watchKey(const ServiceState &s)
{
    QStringList ids;
    for (const ContainerState &c : s.containers) {
        ids << c.id.left(12) + QLatin1Char(':') + statusName(c.status);
    }
    return statusName(s.status) + QLatin1Char('|') + s.health + QLatin1Char('|')
           + QString::number(s.exitCode) + QLatin1Char('|') + s.reason + QLatin1Char('|')
           + ids.join(QLatin1Char(','));
}

void printWatchLine(const ServiceState &s, const QString &previous, bool json)
{
    if (json) {
        QJsonObject line{{QStringLiteral("time"), nowIso()},
                         {QStringLiteral("service"), s.name},
                         {QStringLiteral("state"), statusName(s.status)},
                         {QStringLiteral("previous"), previous},
                         {QStringLiteral("health"), s.health},
                         {QStringLiteral("exit_code"), s.exitCode},
                         {QStringLiteral("containers"), int(s.containers.size())},
                         {QStringLiteral("reason"), s.reason}};
        Output::out(QByteArray(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n'));
    } else {
        QString state = statusName(s.status);
        if (s.status == ServiceStatus::Exited || s.status == ServiceStatus::Restarting) {
            state += QStringLiteral(" (code ") + QString::number(s.exitCode) + QLatin1Char(')');
        }
        QString text = nowIso() + QLatin1Char(' ') + s.name + QLatin1Char(' ') + state;
        if (!previous.isEmpty() && previous != statusName(s.status)) {
            text += QStringLiteral(" (was ") + previous + QLatin1Char(')');
        }
        if (!s.reason.isEmpty()) {
            text += QStringLiteral(": ") + s.reason;
        }
        Output::outLine(text);
    }
    Output::flush(); // one line per change, at once
}

int cmdWatch(Stack &stack, bool json)
{
    LiveState *live = stack.controller->liveState();
    auto keys = std::make_shared<QHash<QString, QString>>();
    QObject::connect(live, &LiveState::ready, live, [live, keys, json] {
        if (!live->isEngineReachable()) {
            Output::errLine(QStringLiteral("devdockctl: ") + live->engineError().message
                            + QStringLiteral(" (waiting for it)"));
            Output::flush();
        }
        for (const ServiceState &s : live->services()) {
            keys->insert(s.name, watchKey(s));
            printWatchLine(s, QString(), json);
        }
        QObject::connect(live, &LiveState::serviceChanged, live,
                         [keys, json](const ServiceState &now, const ServiceState &before) {
                             const QString key = watchKey(now);
                             if (keys->value(now.name) == key) {
                                 return;
                             }
                             keys->insert(now.name, key);
                             printWatchLine(
                                 now, before.name.isEmpty() ? QString() : statusName(before.status),
                                 json);
                         });
    });
    QObject::connect(live, &LiveState::alertRaised, live, [json](const ServiceAlert &alert) {
        const QString kind = alert.kind == ServiceAlert::Kind::Exited ? QStringLiteral("exited")
                                                                      : QStringLiteral("unhealthy");
        if (json) {
            QJsonObject line{{QStringLiteral("time"), nowIso()},
                             {QStringLiteral("alert"), kind},
                             {QStringLiteral("service"), alert.service},
                             {QStringLiteral("container"), alert.container},
                             {QStringLiteral("message"), alert.message}};
            Output::out(QByteArray(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n'));
        } else {
            Output::outLine(nowIso() + QStringLiteral(" ALERT ") + alert.message);
        }
        Output::flush();
    });
    QObject::connect(
        live, &LiveState::engineStatusChanged, live, [](bool reachable, const Error &error) {
            Output::errLine(reachable ? QStringLiteral("devdockctl: engine reachable")
                                      : QStringLiteral("devdockctl: ") + error.message);
            Output::flush();
        });
    installSignalHandlers(live, [&stack] { stack.finish(Success); });
    live->start();
    return stack.wait();
}

// --- logs --------------------------------------------------------------------------------

// Logs through the same pipeline as the window: one LogStore per container, merged; escape
// sequences never reach the terminal unless --raw asks for the bytes as they are.
struct LogPrinter
{
    ProjectLogs *logs = nullptr;
    std::optional<LineMatcher> grep;
    bool prefix = true;
    bool raw = false;
    bool timestamps = false;
    int width = 0;
    qint64 printed = 0;

    bool matches(const LogLine &line) const { return !grep || grep->matches(line.bytes); }

    void print(const ProjectLogs::Ref &ref)
    {
        const LogLine line = logs->line(ref);
        if (!line.isValid() || !matches(line)) {
            return;
        }
        QByteArray out;
        if (prefix) {
            out += pad(logs->source(ref.source).label, width).toUtf8() + "  | ";
        }
        if (timestamps && line.timestampNs > 0) {
            out += QDateTime::fromMSecsSinceEpoch(line.timestampNs / 1000000, Qt::UTC)
                       .toString(Qt::ISODateWithMs)
                       .toUtf8()
                   + ' ';
        }
        out += raw ? QByteArray(line.bytes.data(), line.bytes.size()) : stripAnsi(line.bytes);
        out += '\n';
        Output::out(out);
    }

    // Following: in arrival order, as lines come.
    void printNew()
    {
        for (qint64 i = std::max(printed, logs->mergedFirst()); i < logs->mergedEnd(); ++i) {
            print(logs->merged(i));
        }
        printed = logs->mergedEnd();
        Output::flush();
    }

    // History: every container's lines, ordered by their timestamps.
    void printAllByTime()
    {
        QList<ProjectLogs::Ref> refs;
        for (qint64 i = logs->mergedFirst(); i < logs->mergedEnd(); ++i) {
            refs << logs->merged(i);
        }
        std::stable_sort(refs.begin(), refs.end(), [this](const auto &a, const auto &b) {
            return logs->line(a).timestampNs < logs->line(b).timestampNs;
        });
        for (const auto &ref : std::as_const(refs)) {
            print(ref);
        }
        printed = logs->mergedEnd();
        Output::flush();
    }
};

int cmdLogs(Stack &stack, const QStringList &services, const LogOptions &options, bool prefix,
            bool raw, const LogQuery &grep)
{
    for (const QString &s : services) {
        if (!stack.project.service(s)) {
            return reportUsageError(QStringLiteral("no such service: %1").arg(s),
                                    usageFor(QStringLiteral("logs")));
        }
    }
    auto printer = std::make_shared<LogPrinter>();
    printer->prefix = prefix;
    printer->raw = raw;
    printer->timestamps = options.timestamps;
    if (!grep.isEmpty()) {
        printer->grep.emplace(grep);
        if (!printer->grep->isValid()) {
            return reportUsageError(QStringLiteral("--grep: ") + printer->grep->error().message,
                                    usageFor(QStringLiteral("logs")));
        }
    }
    auto *logs = new ProjectLogs(stack.client.get(), stack.controller);
    printer->logs = logs;
    LogOptions readOptions = options;
    readOptions.timestamps = true;
    logs->setOptions(readOptions);
    LiveState *live = stack.controller->liveState();
    auto selected = [services](QList<ServiceState> states) {
        if (!services.isEmpty()) {
            states.removeIf([&](const ServiceState &s) { return !services.contains(s.name); });
        }
        return states;
    };
    QObject::connect(
        live, &LiveState::ready, live, [&stack, live, logs, printer, selected, options] {
            if (!live->isEngineReachable()) {
                stack.finish(reportError(live->engineError()));
                return;
            }
            const QList<ServiceState> states = selected(live->services());
            for (const ServiceState &s : states) {
                for (const ContainerState &c : s.containers + s.oneoffs) {
                    printer->width = std::max(printer->width, int(ProjectLogs::labelOf(c).size()));
                }
            }
            logs->updateContainers(states);
            if (logs->openStreams() == 0) {
                stack.finish(Success);
                return;
            }
            if (options.follow) {
                QObject::connect(logs, &ProjectLogs::linesAdded, logs,
                                 [printer] { printer->printNew(); });
                QObject::connect(live, &LiveState::servicesChanged, logs,
                                 [logs, selected](const QList<ServiceState> &now) {
                                     logs->updateContainers(selected(now));
                                 });
            } else {
                // Done when every stream has delivered its history.
                QObject::connect(logs, &ProjectLogs::linesAdded, logs, [&stack, logs, printer] {
                    if (logs->openStreams() == 0) {
                        printer->printAllByTime();
                        stack.finish(Success);
                    }
                });
            }
        });
    installSignalHandlers(live, [&stack, printer] {
        printer->printNew();
        stack.finish(Success);
    });
    live->start();
    return stack.wait();
}

// --- doctor ports ---------------------------------------------------------------------------

int cmdDoctorPorts(Stack &stack, bool json)
{
    const QList<PortRequest> requests = publishedPorts(stack.project, {});
    checkPorts(
        stack.client.get(), stack.project.name, requests, stack.controller,
        [&stack, json](Result<PortReport> report) {
            if (!report) {
                stack.finish(reportError(report.error()));
                return;
            }
            const bool conflicts = !report->conflicts().isEmpty();
            if (json) {
                QJsonArray array;
                for (const PortCheck &c : report->checks) {
                    QJsonObject o{{QStringLiteral("service"), c.request.service},
                                  {QStringLiteral("host_ip"), c.request.hostIp},
                                  {QStringLiteral("port"), c.request.port},
                                  {QStringLiteral("protocol"), c.request.protocol},
                                  {QStringLiteral("conflict"), c.conflict()},
                                  {QStringLiteral("holder"), c.holder.kind == PortHolder::Kind::None
                                                                 ? QString()
                                                                 : c.holder.describe()}};
                    if (c.holder.pid > 0) {
                        o.insert(QStringLiteral("pid"), c.holder.pid);
                    }
                    if (c.conflict()) {
                        o.insert(QStringLiteral("message"), c.message());
                    }
                    array.append(o);
                }
                Output::out(QJsonDocument(array).toJson(QJsonDocument::Indented));
            } else if (report->checks.isEmpty()) {
                Output::outLine(QStringLiteral("The project publishes no host ports."));
            } else {
                Output::outLine(pad(QStringLiteral("PORT"), 24) + pad(QStringLiteral("SERVICE"), 22)
                                + QStringLiteral("STATUS"));
                for (const PortCheck &c : report->checks) {
                    const QString port =
                        (c.request.hostIp.isEmpty() ? QString()
                                                    : c.request.hostIp + QLatin1Char(':'))
                        + QString::number(c.request.port) + QLatin1Char('/') + c.request.protocol;
                    QString status = QStringLiteral("free");
                    if (c.holder.kind == PortHolder::Kind::OwnContainer) {
                        status = QStringLiteral("in use by ") + c.holder.describe();
                    } else if (c.conflict()) {
                        status = QStringLiteral("CONFLICT: held by ") + c.holder.describe();
                    }
                    Output::outLine(pad(port, 24) + pad(c.request.service, 22) + status);
                }
                if (!report->note().isEmpty()) {
                    Output::errLine(QStringLiteral("note: ") + report->note());
                }
            }
            if (conflicts) {
                const Error error = report->error();
                Output::errLine(QStringLiteral("devdockctl: ") + error.message);
                Output::errLine(QStringLiteral("hint: ") + error.hint);
            }
            stack.finish(conflicts ? EngineFailure : Success);
        });
    return stack.wait();
}

// --- doctor / onboard -----------------------------------------------------------------------

QString stepMark(OnboardingStep::Status status)
{
    switch (status) {
    case OnboardingStep::Status::Passed:
        return QStringLiteral("ok  ");
    case OnboardingStep::Status::Warning:
        return QStringLiteral("warn");
    case OnboardingStep::Status::Skipped:
        return QStringLiteral("skip");
    case OnboardingStep::Status::Failed:
    case OnboardingStep::Status::NeedsInput:
        return QStringLiteral("FAIL");
    default:
        return QStringLiteral("    ");
    }
}

int cmdOnboarding(const ComposeLoadOptions &options, const QString &envProfile, bool checkOnly,
                  bool json, const QHash<QString, QString> &answers, int healthTimeout,
                  bool acceptEnvChanges = false)
{
    OnboardingOptions o;
    // No questions on a terminal or in CI: a change to the user's .env.local needs the flag.
    o.envChanges = acceptEnvChanges ? OnboardingOptions::EnvChanges::Accept
                                    : OnboardingOptions::EnvChanges::Keep;
    o.projectDirectory = projectDirectoryOf(options);
    o.composeFiles = options.files;
    o.envProfile = envProfile;
    o.checkOnly = checkOnly;
    o.answers = answers;
    if (healthTimeout > 0) {
        o.healthTimeoutSeconds = healthTimeout;
    }
    auto endpoint = Ctl::systemEndpoint();
    if (!endpoint) {
        return reportError(endpoint.error());
    }
    EngineClient client(*endpoint);
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(o.projectDirectory));
    Onboarding onboarding(&client, &store, o);
    int exitCode = -1;
    QObject::connect(&onboarding, &Onboarding::stepChanged, [&](int index) {
        const OnboardingStep &step = onboarding.steps().at(index);
        if (json || step.status == OnboardingStep::Status::Running
            || step.status == OnboardingStep::Status::Pending) {
            return;
        }
        Output::outLine(
            QStringLiteral("[%1] %2: %3").arg(stepMark(step.status), step.title, step.detail));
        if (!step.fix.isEmpty() && step.status != OnboardingStep::Status::Passed) {
            Output::outLine(QStringLiteral("       fix: ") + step.fix);
        }
        Output::flush();
    });
    if (!json) {
        QObject::connect(&onboarding, &Onboarding::output, [](int, const QString &line) {
            Output::outLine(QStringLiteral("       ") + line);
        });
    }
    QString shownDiff; // a run resumed after answers plans again: the same diff once
    QObject::connect(&onboarding, &Onboarding::envLocalPlanned, [&] {
        const EnvLocalPlan &plan = onboarding.envLocalPlan();
        if (json || checkOnly || plan.action != EnvLocalPlan::Action::Update
            || plan.diff() == shownDiff) {
            return;
        }
        shownDiff = plan.diff();
        Output::outLine(
            QStringLiteral("%1 exists; onboarding proposes this change:").arg(plan.path));
        Output::out(shownDiff.toUtf8());
        Output::outLine(acceptEnvChanges
                            ? QStringLiteral("Applying it (--accept-env-changes).")
                            : QStringLiteral("Not applied: .env.local stays as it is. "
                                             "devdockctl onboard --accept-env-changes applies "
                                             "it."));
        Output::flush();
    });
    QObject::connect(&onboarding, &Onboarding::inputNeeded, [&](const QStringList &keys) {
        // No questions here: the environment may hold the values.
        QHash<QString, QString> found;
        QStringList missing;
        for (const QString &key : keys) {
            if (qEnvironmentVariableIsSet(key.toUtf8().constData())) {
                found.insert(key, qEnvironmentVariable(key.toUtf8().constData()));
            } else {
                missing << key;
            }
        }
        if (missing.isEmpty()) {
            onboarding.provideAnswers(found);
            return;
        }
        Output::errLine(QStringLiteral("devdockctl: these values cannot be generated: %1")
                            .arg(missing.join(QStringLiteral(", "))));
        Output::errLine(
            QStringLiteral("hint: pass --set KEY=VALUE, or set them in the environment"));
        exitCode = EngineFailure;
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(&onboarding, &Onboarding::finished, [&](bool ok) {
        if (json) {
            QJsonArray array;
            for (const OnboardingStep &s : onboarding.steps()) {
                array.append(
                    QJsonObject{{QStringLiteral("check"), OnboardingStep::idName(s.id)},
                                {QStringLiteral("title"), s.title},
                                {QStringLiteral("status"), OnboardingStep::statusName(s.status)},
                                {QStringLiteral("detail"), s.detail},
                                {QStringLiteral("fix"), s.fix}});
                if (s.id == OnboardingStep::Id::Env && onboarding.envLocalPlan().changes()) {
                    QJsonObject env = array.last().toObject();
                    env.insert(QStringLiteral("diff"), onboarding.envLocalPlan().diff());
                    array.replace(array.size() - 1, env);
                }
            }
            Output::out(QJsonDocument(array).toJson(QJsonDocument::Indented));
        } else if (ok && !checkOnly && !onboarding.frontendUrl().isEmpty()) {
            Output::outLine(QStringLiteral("The stack is up: ") + onboarding.frontendUrl());
        }
        exitCode = ok ? Success : EngineFailure;
        QCoreApplication::exit(exitCode);
    });
    onboarding.start();
    if (exitCode < 0) {
        QCoreApplication::exec();
    }
    Output::flush();
    return exitCode;
}

// --- dev / sync ------------------------------------------------------------------------------

int cmdDev(Stack &stack, const QStringList &positional)
{
    const QString directory = projectDirectoryOf(stack.options);
    auto sources = findDevModeSources(stack.project, directory);
    if (!sources) {
        return reportError(sources.error());
    }
    QStringList dev = devModeServices(directory);
    if (positional.isEmpty()) {
        Output::outLine(pad(QStringLiteral("SERVICE"), 24) + pad(QStringLiteral("DEV MODE"), 10)
                        + QStringLiteral("FROM"));
        for (auto it = sources->origin.cbegin(); it != sources->origin.cend(); ++it) {
            Output::outLine(
                pad(it.key(), 24)
                + pad(dev.contains(it.key()) ? QStringLiteral("on") : QStringLiteral("off"), 10)
                + it.value());
        }
        if (sources->origin.isEmpty()) {
            Output::outLine(QStringLiteral("No service has a dev mode: add docker-compose.dev.yml "
                                           "or an x-devdock dev extension."));
        }
        Output::flush();
        return Success;
    }
    const QString service = positional.value(1);
    const bool on = positional.first() == u"on";
    if (!sources->sections.contains(service)) {
        return reportError(Error{Error::Code::NotFound,
                                 QStringLiteral("%1 has no dev mode configuration").arg(service),
                                 QStringLiteral("Services with one: %1")
                                     .arg(sources->sections.keys().join(QStringLiteral(", ")))});
    }
    dev.removeAll(service);
    if (on) {
        dev << service;
    }
    dev.removeIf([&](const QString &s) { return !sources->sections.contains(s); });
    const QString overridePath = devOverridePath(directory);
    if (auto written = writeDevOverride(*sources, dev, overridePath); !written) {
        return reportError(written.error());
    }
    if (auto saved = setDevModeServices(directory, dev); !saved) {
        return reportError(saved.error());
    }
    // Reload without the old override, then with the new one (if any service is left in it).
    ComposeLoadOptions options = stack.options;
    options.files.removeAll(overridePath);
    if (!dev.isEmpty()) {
        options = withDevOverride(options, stack.project, overridePath);
    }
    auto project = loadComposeProject(options);
    if (!project) {
        return reportError(project.error());
    }
    stack.options = options;
    stack.project = *project;
    stack.controller->setProject(stack.project, stack.options);
    Output::outLine(QStringLiteral("%1: dev mode %2 (%3); recreating only %1")
                        .arg(service, on ? QStringLiteral("on") : QStringLiteral("off"),
                             sources->origin.value(service)));
    StackAction action;
    action.kind = StackAction::Kind::Up;
    action.services = {service};
    action.up.noDeps = true;
    action.up.forceRecreate = true;
    action.preflight = false; // its own ports are held by itself
    return runAction(stack, action);
}

int cmdSync(Stack &stack, const QStringList &services)
{
    FileSync sync(stack.client.get());
    sync.setProject(stack.project, services);
    if (sync.services().isEmpty()) {
        return reportError(Error{Error::Code::NotFound,
                                 services.isEmpty()
                                     ? QStringLiteral("no service has develop.watch rules")
                                     : QStringLiteral("%1 has no develop.watch rules")
                                           .arg(services.join(QStringLiteral(", "))),
                                 QStringLiteral("Add develop: {watch: [...]} to the service")});
    }
    sync.setRebuildHandler([&stack](const QString &service) {
        Output::outLine(QStringLiteral("%1 %2: rebuilding").arg(nowIso(), service));
        stack.controller->rebuild(service);
    });
    QObject::connect(&sync, &FileSync::batchFinished, [](const SyncBatch &b) {
        QString line = QStringLiteral("%1 %2: ").arg(nowIso(), b.service);
        if (!b.result) {
            line += QStringLiteral("FAILED: ") + b.result.error().message;
        } else if (b.action == u"restart") {
            line += QStringLiteral("restarted");
        } else {
            line += QStringLiteral("%1%2 copied (%3 bytes), %4 deleted -> %5 in %6 ms%7")
                        .arg(b.initial ? QStringLiteral("initial sync: ") : QString())
                        .arg(b.copied.size())
                        .arg(b.bytes)
                        .arg(b.deleted.size())
                        .arg(b.target)
                        .arg(b.elapsedMs)
                        .arg(b.restarted ? QStringLiteral(", restarted") : QString());
            if (!b.copied.isEmpty() && b.copied.size() <= 5) {
                line +=
                    QStringLiteral(" [") + b.copied.join(QStringLiteral(", ")) + QLatin1Char(']');
            }
            if (!b.skipped.isEmpty()) {
                line += QStringLiteral(" (not followed: ") + b.skipped.join(QStringLiteral(", "))
                        + QLatin1Char(')');
            }
        }
        Output::outLine(line);
        Output::flush();
    });
    QObject::connect(
        &sync, &FileSync::statusChanged, [](const QString &service, const SyncStatus &status) {
            if (status.state == SyncStatus::State::Paused
                || status.state == SyncStatus::State::Error) {
                Output::errLine(QStringLiteral("%1 %2: %3: %4")
                                    .arg(nowIso(), service, SyncStatus::stateName(status.state),
                                         status.message));
                Output::flush();
            }
        });
    Output::outLine(QStringLiteral("syncing %1 (Ctrl+C stops)")
                        .arg(sync.services().join(QStringLiteral(", "))));
    Output::flush();
    installSignalHandlers(&sync, [&stack, &sync] {
        sync.stop();
        stack.finish(Success);
    });
    sync.start();
    return stack.wait();
}

int cmdProjects(bool json)
{
    auto endpoint = Ctl::systemEndpoint();
    if (!endpoint) {
        return reportError(endpoint.error());
    }
    EngineClient client(*endpoint);
    int exitCode = -1;
    discoverProjects(&client, nullptr, [&](Result<QList<DiscoveredProject>> projects) {
        if (!projects) {
            exitCode = reportError(projects.error());
        } else if (json) {
            QJsonArray array;
            for (const DiscoveredProject &p : *projects) {
                array.append(QJsonObject{
                    {QStringLiteral("name"), p.name},
                    {QStringLiteral("working_dir"), p.workingDirectory},
                    {QStringLiteral("config_files"), QJsonArray::fromStringList(p.configFiles)},
                    {QStringLiteral("services"), QJsonArray::fromStringList(p.services)},
                    {QStringLiteral("containers"), p.containers},
                    {QStringLiteral("running"), p.running}});
            }
            Output::out(QJsonDocument(array).toJson(QJsonDocument::Indented));
            exitCode = Success;
        } else {
            Output::outLine(pad(QStringLiteral("PROJECT"), 28) + pad(QStringLiteral("RUNNING"), 10)
                            + QStringLiteral("WORKING DIRECTORY"));
            for (const DiscoveredProject &p : *projects) {
                Output::outLine(pad(p.name, 28)
                                + pad(QStringLiteral("%1/%2").arg(p.running).arg(p.containers), 10)
                                + p.workingDirectory);
            }
            exitCode = Success;
        }
        QCoreApplication::exit(exitCode);
    });
    if (exitCode < 0) {
        QCoreApplication::exec();
    }
    Output::flush();
    return exitCode;
}

} // namespace

bool isStackCommand(const QString &command)
{
    return kCommands.contains(command);
}

namespace {

// `exec` takes its command verbatim after the service: options of the command are not ours.
int cmdExec(const ComposeLoadOptions &options, const QStringList &arguments)
{
    bool noTty = false;
    QString profileName = qEnvironmentVariable("DEVDOCK_ENV_PROFILE");
    QString service;
    QStringList command;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (!service.isEmpty()) {
            command = arguments.mid(i);
            if (!command.isEmpty() && command.first() == u"--") {
                command.removeFirst();
            }
            break;
        }
        if (a == u"-T" || a == u"--no-tty") {
            noTty = true;
        } else if (a == u"-h" || a == u"--help") {
            Output::out(usageFor(QStringLiteral("exec")));
            Output::flush();
            return Success;
        } else if (a == u"--env-profile" && i + 1 < arguments.size()) {
            profileName = arguments.at(++i);
        } else if (a.startsWith(QLatin1Char('-'))) {
            return reportUsageError(QStringLiteral("exec: unknown option %1").arg(a),
                                    usageFor(QStringLiteral("exec")));
        } else {
            service = a;
        }
    }
    if (service.isEmpty()) {
        return reportUsageError(QStringLiteral("exec needs a SERVICE"),
                                usageFor(QStringLiteral("exec")));
    }
    Stack stack;
    stack.options = options;
    if (auto ready = prepare(stack, profileName); !ready) {
        return reportError(ready.error());
    }
    if (!stack.project.service(service)) {
        return reportError(Error{Error::Code::InvalidArgument,
                                 QStringLiteral("no such service: %1").arg(service),
                                 QStringLiteral("Run 'devdockctl ps' for the project's services.")});
    }
    ContainerListOptions list;
    list.filters[QStringLiteral("label")] = {
        QStringLiteral("com.docker.compose.project=") + stack.project.name,
        QStringLiteral("com.docker.compose.service=") + service};
    QString container;
    stack.client->listContainers(list, nullptr, [&](Result<QList<ContainerSummary>> r) {
        if (!r) {
            stack.finish(reportError(r.error()));
            return;
        }
        // The first replica, as `docker compose exec` picks by default.
        int best = INT_MAX;
        for (const ContainerSummary &c : *r) {
            const int number = c.labels.value(QStringLiteral("com.docker.compose.container-number"))
                                   .toInt();
            if (c.state == u"running" && number < best) {
                best = number;
                container = c.id;
            }
        }
        if (container.isEmpty()) {
            stack.finish(reportError(
                Error{Error::Code::NotFound,
                      QStringLiteral("service %1 has no running container").arg(service),
                      QStringLiteral("Start it: devdockctl up %1").arg(service)}));
            return;
        }
        stack.finish(Success);
    });
    if (const int code = stack.wait(); code != Success) {
        return code;
    }
    return runExec(stack.client.get(), container, command, noTty);
}

} // namespace

int runStackCommand(const ComposeLoadOptions &options, const QStringList &arguments)
{
    const QString command = arguments.first();
    if (command == u"exec") {
        return cmdExec(options, arguments);
    }
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Help"));
    const QCommandLineOption envProfile(QStringLiteral("env-profile"),
                                        QStringLiteral(".env profile"), QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output"));
    const QCommandLineOption noDeps(QStringLiteral("no-deps"),
                                    QStringLiteral("Only these services"));
    const QCommandLineOption waitOption(QStringLiteral("wait"),
                                        QStringLiteral("Wait until healthy"));
    const QCommandLineOption waitTimeout(QStringLiteral("wait-timeout"), QStringLiteral("Seconds"),
                                         QStringLiteral("S"));
    const QCommandLineOption build(QStringLiteral("build"), QStringLiteral("Build first"));
    const QCommandLineOption forceRecreate(QStringLiteral("force-recreate"),
                                           QStringLiteral("Recreate"));
    const QCommandLineOption noPreflight(QStringLiteral("no-preflight"),
                                         QStringLiteral("Skip the port check"));
    const QCommandLineOption volumes({QStringLiteral("v"), QStringLiteral("volumes")},
                                     QStringLiteral("Remove volumes"));
    const QCommandLineOption noBackup(QStringLiteral("no-backup"),
                                      QStringLiteral("No backup before removing volumes"));
    const QCommandLineOption withDependents(QStringLiteral("with-dependents"),
                                            QStringLiteral("Also dependents"));
    const QCommandLineOption follow({QStringLiteral("f"), QStringLiteral("follow")},
                                    QStringLiteral("Follow"));
    const QCommandLineOption tail(QStringLiteral("tail"), QStringLiteral("Lines"),
                                  QStringLiteral("N"));
    const QCommandLineOption since(QStringLiteral("since"), QStringLiteral("Since"),
                                   QStringLiteral("T"));
    const QCommandLineOption timestamps({QStringLiteral("t"), QStringLiteral("timestamps")},
                                        QStringLiteral("Timestamps"));
    const QCommandLineOption noPrefix(QStringLiteral("no-prefix"), QStringLiteral("No prefix"));
    const QCommandLineOption grepOption(
        QStringLiteral("grep"), QStringLiteral("Only matching lines"), QStringLiteral("PATTERN"));
    const QCommandLineOption grepRegex(QStringLiteral("regex"),
                                       QStringLiteral("PATTERN is a regex"));
    const QCommandLineOption grepCase(QStringLiteral("case-sensitive"),
                                      QStringLiteral("Match case"));
    const QCommandLineOption rawOption(
        QStringLiteral("raw"), QStringLiteral("Bytes as they are, escape sequences included"));
    const QCommandLineOption setOption(QStringLiteral("set"), QStringLiteral("A value"),
                                       QStringLiteral("KEY=VALUE"));
    const QCommandLineOption healthTimeout(QStringLiteral("health-timeout"),
                                           QStringLiteral("Seconds"), QStringLiteral("S"));
    const QCommandLineOption acceptEnvChanges(
        QStringLiteral("accept-env-changes"),
        QStringLiteral("Apply the change onboarding proposes to an existing .env.local"));
    parser.addOptions({help, envProfile});
    if (command == u"up") {
        parser.addOptions({noDeps, waitOption, waitTimeout, build, forceRecreate, noPreflight});
    } else if (command == u"down") {
        parser.addOptions({volumes, noBackup});
    } else if (command == u"stop") {
        parser.addOption(withDependents);
    } else if (command == u"restart") {
        parser.addOptions({noDeps, noPreflight});
    } else if (command == u"start") {
        parser.addOption(noPreflight);
    } else if (command == u"ps" || command == u"watch" || command == u"doctor"
               || command == u"projects") {
        parser.addOption(json);
    } else if (command == u"onboard") {
        parser.addOptions({json, setOption, healthTimeout, acceptEnvChanges});
    } else if (command == u"logs") {
        parser.addOptions({follow, tail, since, timestamps, noPrefix, grepOption, grepRegex,
                           grepCase, rawOption});
    }
    if (!parser.parse(QStringList{QStringLiteral("devdockctl ") + command} + arguments.mid(1))) {
        return reportUsageError(parser.errorText(), usageFor(command));
    }
    if (parser.isSet(help)) {
        Output::out(usageFor(command));
        Output::flush();
        return Success;
    }
    QStringList positional = parser.positionalArguments();
    const QString profileName = parser.value(envProfile).isEmpty()
                                    ? qEnvironmentVariable("DEVDOCK_ENV_PROFILE")
                                    : parser.value(envProfile);
    if (command == u"doctor" && positional.isEmpty()) {
        return cmdOnboarding(options, profileName, true, parser.isSet(json), {}, 0);
    }
    if (command == u"onboard") {
        if (!positional.isEmpty()) {
            return reportUsageError(QStringLiteral("onboard takes no arguments"),
                                    usageFor(command));
        }
        QHash<QString, QString> answers;
        for (const QString &pair : parser.values(setOption)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq <= 0) {
                return reportUsageError(QStringLiteral("--set takes KEY=VALUE"), usageFor(command));
            }
            answers.insert(pair.left(eq), pair.mid(eq + 1));
        }
        const int timeout = parser.value(healthTimeout).toInt();
        if (parser.isSet(healthTimeout) && timeout <= 0) {
            return reportUsageError(QStringLiteral("--health-timeout takes a number of seconds"),
                                    usageFor(command));
        }
        return cmdOnboarding(options, profileName, false, parser.isSet(json), answers, timeout,
                             parser.isSet(acceptEnvChanges));
    }
    QStringList devArguments;
    if (command == u"dev") {
        if (!positional.isEmpty()
            && (positional.size() != 2
                || (positional.first() != u"on" && positional.first() != u"off"))) {
            return reportUsageError(QStringLiteral("dev takes on|off SERVICE, or nothing"),
                                    usageFor(command));
        }
        devArguments = positional;
        positional = positional.mid(1); // the service is checked like any other
    }
    if (command == u"doctor") {
        if (positional != QStringList{QStringLiteral("ports")}) {
            return reportUsageError(QStringLiteral("doctor takes one check: ports"),
                                    usageFor(command));
        }
        positional.clear();
    }
    if (command == u"projects") {
        if (!positional.isEmpty()) {
            return reportUsageError(QStringLiteral("projects takes no arguments"),
                                    usageFor(command));
        }
        return cmdProjects(parser.isSet(json));
    }
    if ((command == u"ps" || command == u"watch" || command == u"down") && !positional.isEmpty()) {
        return reportUsageError(QStringLiteral("%1 takes no services").arg(command),
                                usageFor(command));
    }
    if (command == u"up" && parser.isSet(waitTimeout) && parser.value(waitTimeout).toInt() <= 0) {
        return reportUsageError(QStringLiteral("--wait-timeout takes a number of seconds"),
                                usageFor(command));
    }
    LogOptions logOptions;
    if (command == u"logs") {
        logOptions.follow = parser.isSet(follow);
        logOptions.timestamps = parser.isSet(timestamps);
        logOptions.tail = parser.value(tail);
        logOptions.since = parser.value(since);
        bool numeric = false;
        if (!logOptions.tail.isEmpty() && logOptions.tail != u"all"
            && (logOptions.tail.toInt(&numeric) < 0 || !numeric)) {
            return reportUsageError(QStringLiteral("--tail takes a number or \"all\""),
                                    usageFor(command));
        }
    }

    Stack stack;
    stack.options = options;
    if (auto ready = prepare(stack, profileName); !ready) {
        return reportError(ready.error());
    }
    for (const QString &service : positional) {
        if (!stack.project.service(service)) {
            return reportError(Error{
                Error::Code::InvalidArgument, QStringLiteral("no such service: %1").arg(service),
                QStringLiteral("The project's services: %1")
                    .arg(stack.controller
                             ->affectedServices(
                                 {StackAction::Kind::Down, {}, {}, false, false, true})
                             .join(QStringLiteral(", ")))});
        }
    }

    if (command == u"ps") {
        return cmdPs(stack, parser.isSet(json));
    }
    if (command == u"watch") {
        return cmdWatch(stack, parser.isSet(json));
    }
    if (command == u"logs") {
        return cmdLogs(
            stack, positional, logOptions, !parser.isSet(noPrefix), parser.isSet(rawOption),
            LogQuery{parser.value(grepOption), parser.isSet(grepRegex), parser.isSet(grepCase)});
    }
    if (command == u"doctor") {
        return cmdDoctorPorts(stack, parser.isSet(json));
    }
    if (command == u"dev") {
        return cmdDev(stack, devArguments);
    }
    if (command == u"sync") {
        return cmdSync(stack, positional);
    }

    StackAction action;
    action.services = positional;
    // optionNames(): isSet() warns about an option this command did not add (down has none).
    action.preflight = !parser.optionNames().contains(noPreflight.names().constFirst());
    if (command == u"up") {
        action.kind = StackAction::Kind::Up;
        action.up.noDeps = parser.isSet(noDeps);
        action.up.wait = parser.isSet(waitOption);
        action.up.waitTimeoutSeconds =
            parser.isSet(waitTimeout) ? parser.value(waitTimeout).toInt() : 0;
        action.up.build = parser.isSet(build);
        action.up.forceRecreate = parser.isSet(forceRecreate);
    } else if (command == u"down") {
        action.kind = StackAction::Kind::Down;
        action.removeVolumes = parser.isSet(volumes);
        action.backUpVolumes = false; // below, with each snapshot printed (or --no-backup)
        if (parser.isSet(noBackup) && !action.removeVolumes) {
            return reportUsageError(QStringLiteral("--no-backup goes with --volumes"), usageFor(command));
        }
        // The data goes with the volumes: a snapshot of it first, so that `restore` can bring it back.
        if (action.removeVolumes && !parser.isSet(noBackup) && !stack.project.volumes.isEmpty()) {
            if (const int backedUp = backupBeforeDown(options); backedUp != Success) {
                return backedUp;
            }
        }
    } else if (command == u"start") {
        action.kind = StackAction::Kind::Start;
    } else if (command == u"stop") {
        action.kind = StackAction::Kind::Stop;
        action.withDependents = parser.isSet(withDependents);
    } else if (command == u"restart") {
        action.kind = StackAction::Kind::Restart;
        action.withDependents = !parser.isSet(noDeps);
    } else if (command == u"build") {
        action.kind = StackAction::Kind::Build;
    } else if (command == u"pull") {
        action.kind = StackAction::Kind::Pull;
    }
    return runAction(stack, action);
}

} // namespace DevDock::Ctl
