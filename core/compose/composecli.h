// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "composeloader.h"
#include "composeprobe.h"
#include "composeprogress.h"
#include "util/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace DevDock::Core {

// Everything the compose CLI needs to address one project the way DevDock loaded it.
struct ComposeInvocation
{
    ComposeTool tool;
    QString projectName;
    QString projectDirectory;
    QStringList files;
    QStringList profiles;
    QStringList envFiles;
    QStringList services;                // the project's services, to map progress lines
    QHash<QString, QString> environment; // added to the CLI's environment (keychain secrets)

    static ComposeInvocation forProject(const ComposeTool &tool, const ComposeProject &project,
                                        const ComposeLoadOptions &options);
    // -p NAME --project-directory DIR -f F… --profile P… --env-file E… (and the progress flags)
    QStringList globalArguments() const;
};

struct ComposeUpOptions
{
    bool wait = false;
    bool build = false;
    bool noDeps = false;
    bool forceRecreate = false;
    int waitTimeoutSeconds = 0; // 0: Compose's default
};

// One run of the compose CLI. Asynchronous and cancellable; parses progress line by line and
// keeps the whole output (stdout and stderr interleaved as a terminal would show them).
class ComposeOperation final : public QObject
{
    Q_OBJECT
public:
    ComposeOperation(ComposeInvocation invocation, QString command, QStringList arguments,
                     QStringList services, QObject *parent = nullptr);
    ~ComposeOperation() override;

    void start();
    // Interrupts Compose like Ctrl+C does (it stops what it was doing cleanly); kills it when
    // it has not ended 10 s later. finished() reports Error::Code::Cancelled.
    void cancel();

    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    QString command() const { return m_command; }       // "up", "down", ...
    QStringList services() const { return m_services; } // as asked; empty: all
    QStringList programArguments() const;               // the full argv, for display
    QString commandLine() const;
    QStringList lines() const { return m_lines; }
    QString output() const { return m_lines.join(QLatin1Char('\n')); }
    // The last status Compose reported per service ("Started", "Healthy", "Pulling", ...).
    QMap<QString, QString> serviceStatus() const { return m_serviceStatus; }
    qint64 elapsedMs() const { return m_elapsed.isValid() ? m_elapsed.elapsed() : 0; }
    const Result<void> &result() const { return m_result; }

signals:
    void started();
    void lineReceived(const QString &line);
    void progressed(const DevDock::Core::ComposeProgressEvent &event);
    void finished(const DevDock::Core::Result<void> &result);

private:
    void onReadyRead();
    void takeLine(const QString &line);
    void finish(Result<void> result);
    Error failure(int exitCode) const;

    ComposeInvocation m_invocation;
    QString m_command;
    QStringList m_arguments;
    QStringList m_services;
    QProcess m_process;
    QByteArray m_pending;
    QStringList m_lines;
    QMap<QString, QString> m_serviceStatus;
    QTimer m_killTimer;
    QElapsedTimer m_elapsed;
    Result<void> m_result;
    bool m_running = false;
    bool m_finished = false;
    bool m_cancelled = false;
};

// Factory for the operations DevDock runs. Every call returns a not yet started operation.
class ComposeCli
{
public:
    explicit ComposeCli(ComposeInvocation invocation)
        : m_invocation(std::move(invocation))
    {}

    const ComposeInvocation &invocation() const { return m_invocation; }

    ComposeOperation *up(const QStringList &services, const ComposeUpOptions &options,
                         QObject *parent) const;
    ComposeOperation *down(bool removeVolumes, QObject *parent) const;
    ComposeOperation *start(const QStringList &services, QObject *parent) const;
    ComposeOperation *stop(const QStringList &services, QObject *parent) const;
    // Compose restarts the given services in dependency order; noDeps keeps it to those.
    ComposeOperation *restart(const QStringList &services, QObject *parent) const;
    ComposeOperation *build(const QStringList &services, QObject *parent) const;
    ComposeOperation *pull(const QStringList &services, QObject *parent) const;
    // Removes stopped containers of the services (rm --force --stop).
    ComposeOperation *rm(const QStringList &services, QObject *parent) const;
    ComposeOperation *run(const QString &command, const QStringList &arguments,
                          const QStringList &services, QObject *parent) const;

    // The message for a machine that has neither `docker compose` nor `docker-compose`.
    static Error missingToolError();

private:
    ComposeInvocation m_invocation;
};

} // namespace DevDock::Core

Q_DECLARE_METATYPE(DevDock::Core::ComposeProgressEvent)
