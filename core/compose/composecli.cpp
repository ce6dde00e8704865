// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composecli.h"

#include "util/logging.h"
#include "util/redaction.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace DevDock::Core {

namespace {

constexpr qsizetype MaxLineBytes = 64 * 1024; // a runaway line is cut, not kept whole
constexpr int KillAfterInterruptMs = 10000;

QString tr(const char *text)
{
    return QCoreApplication::translate("DevDock::Core::ComposeCli", text);
}

QString shellQuote(const QString &word)
{
    static const QString safe =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%");
    bool plain = !word.isEmpty();
    for (const QChar c : word) {
        plain = plain && safe.contains(c);
    }
    if (plain) {
        return word;
    }
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

ComposeInvocation ComposeInvocation::forProject(const ComposeTool &tool,
                                                const ComposeProject &project,
                                                const ComposeLoadOptions &options)
{
    ComposeInvocation invocation;
    invocation.tool = tool;
    invocation.projectName = project.name;
    invocation.projectDirectory = project.workingDirectory;
    invocation.files = project.configFiles;
    invocation.profiles = options.profiles;
    invocation.envFiles = options.envFiles;
    for (const ComposeService &service : project.services) {
        invocation.services.append(service.name);
    }
    invocation.services.append(project.disabledServices);
    return invocation;
}

QStringList ComposeInvocation::globalArguments() const
{
    QStringList args;
    if (tool.isV2()) {
        // Plain progress prints one line per state change: what DevDock parses.
        args << QStringLiteral("--progress") << QStringLiteral("plain") << QStringLiteral("--ansi")
             << QStringLiteral("never");
    } else {
        args << QStringLiteral("--no-ansi");
    }
    if (!projectName.isEmpty()) {
        args << QStringLiteral("--project-name") << projectName;
    }
    if (!projectDirectory.isEmpty()) {
        args << QStringLiteral("--project-directory") << projectDirectory;
    }
    for (const QString &file : files) {
        args << QStringLiteral("--file") << file;
    }
    for (const QString &profile : profiles) {
        args << QStringLiteral("--profile") << profile;
    }
    for (const QString &envFile : envFiles) {
        args << QStringLiteral("--env-file") << envFile;
    }
    return args;
}

ComposeOperation::ComposeOperation(ComposeInvocation invocation, QString command,
                                   QStringList arguments, QStringList services, QObject *parent)
    : QObject(parent)
    , m_invocation(std::move(invocation))
    , m_command(std::move(command))
    , m_arguments(std::move(arguments))
    , m_services(std::move(services))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(KillAfterInterruptMs);
    connect(&m_killTimer, &QTimer::timeout, this, [this] { m_process.kill(); });
    connect(&m_process, &QProcess::readyRead, this, &ComposeOperation::onReadyRead);
    connect(
        &m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
            onReadyRead();
            if (!m_pending.isEmpty()) {
                takeLine(QString::fromUtf8(std::exchange(m_pending, {})));
            }
            m_killTimer.stop();
            if (m_cancelled) {
                finish(makeError(
                    Error::Code::Cancelled, tr("docker compose %1 was cancelled.").arg(m_command),
                    tr("Containers may be half created; run the action again or Down.")));
            } else if (status != QProcess::NormalExit || exitCode != 0) {
                finish(std::unexpected(failure(status == QProcess::NormalExit ? exitCode : -1)));
            } else {
                finish({});
            }
        });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            finish(makeError(
                Error::Code::Unsupported,
                tr("Could not run %1: %2")
                    .arg(m_invocation.tool.command.join(QLatin1Char(' ')), m_process.errorString()),
                ComposeCli::missingToolError().hint));
        }
    });
}

ComposeOperation::~ComposeOperation()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.disconnect(this);
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QStringList ComposeOperation::programArguments() const
{
    return m_invocation.tool.command + m_invocation.globalArguments() + QStringList{m_command}
           + m_arguments;
}

QString ComposeOperation::commandLine() const
{
    QStringList words;
    for (const QString &word : programArguments()) {
        words << shellQuote(word);
    }
    return words.join(QLatin1Char(' '));
}

void ComposeOperation::start()
{
    if (m_running || m_finished) {
        return;
    }
    m_elapsed.start();
    if (!m_invocation.tool.found()) {
        // Reported from the event loop, like every other outcome.
        QMetaObject::invokeMethod(
            this, [this] { finish(std::unexpected(ComposeCli::missingToolError())); },
            Qt::QueuedConnection);
        m_running = true;
        return;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_invocation.environment.cbegin(); it != m_invocation.environment.cend(); ++it) {
        environment.insert(it.key(), it.value());
    }
    m_process.setProcessEnvironment(environment);
    if (!m_invocation.projectDirectory.isEmpty()) {
        m_process.setWorkingDirectory(m_invocation.projectDirectory);
    }
    const QStringList argv = programArguments();
    qCInfo(lcEngine).noquote() << "compose:" << commandLine(); // arguments carry no secrets
    m_running = true;
    m_process.start(argv.first(), argv.mid(1));
    emit started();
}

void ComposeOperation::cancel()
{
    if (!m_running || m_finished) {
        return;
    }
    m_cancelled = true;
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
#ifdef Q_OS_UNIX
    ::kill(static_cast<pid_t>(m_process.processId()), SIGINT);
#else
    m_process.terminate();
#endif
    m_killTimer.start();
}

void ComposeOperation::onReadyRead()
{
    m_pending += m_process.readAll();
    qsizetype start = 0;
    while (true) {
        qsizetype end = m_pending.indexOf('\n', start);
        if (end < 0) {
            break;
        }
        QByteArray line = m_pending.mid(start, end - start);
        start = end + 1;
        // A progress bar redraws with \r: keep its last state.
        if (const qsizetype cr = line.lastIndexOf('\r', line.size() - 2); cr >= 0) {
            line = line.mid(cr + 1);
        }
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        takeLine(QString::fromUtf8(line.left(MaxLineBytes)));
    }
    m_pending.remove(0, start);
    if (m_pending.size() > MaxLineBytes) {
        takeLine(QString::fromUtf8(m_pending.left(MaxLineBytes)));
        m_pending.clear();
    }
}

void ComposeOperation::takeLine(const QString &rawLine)
{
    // Compose echoes interpolated values (an image tag, a bad port) in its errors: known secrets
    // are hidden before the line is kept, shown in the operation panel, printed or logged.
    const QString line = redactSecrets(rawLine);
    m_lines.append(line);
    emit lineReceived(line);
    const ComposeProgressEvent event =
        parseComposeProgressLine(line, m_invocation.projectName, m_invocation.services);
    if (!event.service.isEmpty() && !event.status.isEmpty()
        && event.kind != ComposeProgressEvent::Kind::Build) {
        m_serviceStatus.insert(event.service, event.status);
    } else if (!event.service.isEmpty() && event.kind == ComposeProgressEvent::Kind::Build) {
        m_serviceStatus.insert(event.service, event.error ? QStringLiteral("Build failed")
                                                          : QStringLiteral("Building"));
    }
    emit progressed(event);
}

void ComposeOperation::finish(Result<void> result)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_running = false;
    m_result = result;
    if (result) {
        qCInfo(lcEngine).noquote()
            << "compose" << m_command << "finished in" << elapsedMs() << "ms";
    } else {
        qCWarning(lcEngine).noquote()
            << "compose" << m_command << "failed:" << result.error().message;
    }
    emit finished(m_result);
}

Error ComposeOperation::failure(int exitCode) const
{
    // The most telling line: the last one that reads like an error, else the last line.
    QString reason;
    for (auto it = m_lines.crbegin(); it != m_lines.crend(); ++it) {
        const QString line = it->trimmed();
        if (line.isEmpty()) {
            continue;
        }
        if (reason.isEmpty()) {
            reason = line;
        }
        if (line.contains(QStringLiteral("rror")) || line.contains(QStringLiteral("failed"))
            || line.contains(QStringLiteral("unhealthy"))) {
            reason = line;
            break;
        }
    }
    if (reason.startsWith(QStringLiteral("* "))) {
        reason = reason.mid(2);
    }
    const QString all = output();
    QString hint;
    if (all.contains(QStringLiteral("port is already allocated"))
        || all.contains(QStringLiteral("address already in use"))) {
        hint = tr("Another program holds a port the stack publishes: run 'devdockctl doctor ports' "
                  "to see who, then stop it or change the port.");
    } else if (all.contains(QStringLiteral("Cannot connect to the Docker daemon"))) {
        hint = tr("Start the Docker engine, then try again.");
    } else if (all.contains(QStringLiteral("pull access denied"))
               || all.contains(QStringLiteral("registry"))
               || all.contains(QStringLiteral("no such host"))) {
        hint = tr("An image could not be pulled: build it locally, or check the registry and "
                  "your network.");
    } else if (all.contains(QStringLiteral("unhealthy"))
               || all.contains(QStringLiteral("dependency failed to start"))) {
        hint = tr("A service did not become healthy: open its logs and its health probe output.");
    } else if (all.contains(QStringLiteral("no such service"))) {
        hint = tr("Check the service names against the compose files.");
    } else {
        hint = tr("The operation's output has the details.");
    }
    return Error{
        Error::Code::Api,
        tr("docker compose %1 failed (exit %2): %3").arg(m_command).arg(exitCode).arg(reason),
        hint};
}

ComposeOperation *ComposeCli::run(const QString &command, const QStringList &arguments,
                                  const QStringList &services, QObject *parent) const
{
    return new ComposeOperation(m_invocation, command, arguments + services, services, parent);
}

ComposeOperation *ComposeCli::up(const QStringList &services, const ComposeUpOptions &options,
                                 QObject *parent) const
{
    QStringList args{QStringLiteral("--detach")};
    if (options.wait) {
        args << QStringLiteral("--wait");
        if (options.waitTimeoutSeconds > 0) {
            args << QStringLiteral("--wait-timeout") << QString::number(options.waitTimeoutSeconds);
        }
    }
    if (options.build) {
        args << QStringLiteral("--build");
    }
    if (options.noDeps) {
        args << QStringLiteral("--no-deps");
    }
    if (options.forceRecreate) {
        args << QStringLiteral("--force-recreate");
    }
    return run(QStringLiteral("up"), args, services, parent);
}

ComposeOperation *ComposeCli::down(bool removeVolumes, QObject *parent) const
{
    QStringList args{QStringLiteral("--remove-orphans")};
    if (removeVolumes) {
        args << QStringLiteral("--volumes");
    }
    // Every profile: a service outside the active ones whose containers run (started with
    // another --profile) goes down too, instead of staying up and hidden.
    ComposeInvocation all = m_invocation;
    all.profiles = {QStringLiteral("*")};
    return new ComposeOperation(all, QStringLiteral("down"), args, {}, parent);
}

ComposeOperation *ComposeCli::start(const QStringList &services, QObject *parent) const
{
    return run(QStringLiteral("start"), {}, services, parent);
}

ComposeOperation *ComposeCli::stop(const QStringList &services, QObject *parent) const
{
    return run(QStringLiteral("stop"), {}, services, parent);
}

ComposeOperation *ComposeCli::restart(const QStringList &services, QObject *parent) const
{
    return run(QStringLiteral("restart"), {}, services, parent);
}

ComposeOperation *ComposeCli::build(const QStringList &services, QObject *parent) const
{
    return run(QStringLiteral("build"), {}, services, parent);
}

ComposeOperation *ComposeCli::pull(const QStringList &services, QObject *parent) const
{
    return run(QStringLiteral("pull"), {}, services, parent);
}

ComposeOperation *ComposeCli::rm(const QStringList &services, QObject *parent) const
{
    return run(QStringLiteral("rm"), {QStringLiteral("--force"), QStringLiteral("--stop")},
               services, parent);
}

Error ComposeCli::missingToolError()
{
    return Error{Error::Code::Unsupported,
                 tr("Docker Compose is not installed: neither 'docker compose' (v2) nor "
                    "'docker-compose' could be run."),
                 tr("Install the Compose v2 plugin (Debian: apt install docker-compose; Docker's "
                    "repository: docker-compose-plugin), then try again.")};
}

} // namespace DevDock::Core
