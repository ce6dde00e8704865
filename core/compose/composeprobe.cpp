// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composeprobe.h"

#include <QPointer>
#include <QProcess>

#include <memory>

namespace DevDock::Core {

namespace {

void tryCandidate(QObject *context, QList<QStringList> candidates,
                  std::function<void(const ComposeTool &)> callback)
{
    if (candidates.isEmpty()) {
        callback(ComposeTool{});
        return;
    }
    const QStringList command = candidates.takeFirst();
    auto *process = new QProcess(context);
    QObject::connect(
        process, &QProcess::finished, context, [=](int exitCode, QProcess::ExitStatus status) {
            process->deleteLater();
            const QString version = QString::fromUtf8(process->readAllStandardOutput())
                                        .trimmed()
                                        .remove(QLatin1Char('v'));
            if (status == QProcess::NormalExit && exitCode == 0 && !version.isEmpty()) {
                callback(ComposeTool{command, version.section(QLatin1Char('\n'), 0, 0)});
            } else {
                tryCandidate(context, candidates, callback);
            }
        });
    QObject::connect(process, &QProcess::errorOccurred, context, [=](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            process->deleteLater();
            tryCandidate(context, candidates, callback);
        }
    });
    process->start(command.first(),
                   command.mid(1)
                       + QStringList{QStringLiteral("version"), QStringLiteral("--short")});
}

} // namespace

void probeCompose(QObject *context, std::function<void(const ComposeTool &)> callback)
{
    // DEVDOCK_COMPOSE picks the tool ("docker-compose", "docker compose"): tests use it to run
    // the same scenario through the standalone binary.
    const QString forced = qEnvironmentVariable("DEVDOCK_COMPOSE").trimmed();
    if (!forced.isEmpty()) {
        tryCandidate(context, {forced.split(QLatin1Char(' '), Qt::SkipEmptyParts)},
                     std::move(callback));
        return;
    }
    tryCandidate(
        context,
        {{QStringLiteral("docker"), QStringLiteral("compose")}, {QStringLiteral("docker-compose")}},
        std::move(callback));
}

} // namespace DevDock::Core
