// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "readiness.h"

#include "common/statekind.h"

#include <QCoreApplication>
#include <QSet>

namespace DevDock::Ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DevDock::Ui::Readiness)
};

const Core::ServiceState *find(const QString &name, const QList<Core::ServiceState> &services)
{
    for (const Core::ServiceState &s : services) {
        if (s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

QString firstUnsatisfied(const Core::ServiceState &s)
{
    for (auto it = s.dependencies.cbegin(); it != s.dependencies.cend(); ++it) {
        if (!it.value()) {
            return it.key();
        }
    }
    return {};
}

} // namespace

QStringList Readiness::blockingChain(const QString &service,
                                     const QList<Core::ServiceState> &services)
{
    QStringList chain{service};
    QSet<QString> seen{service};
    const Core::ServiceState *current = find(service, services);
    while (current) {
        const QString next = firstUnsatisfied(*current);
        if (next.isEmpty() || seen.contains(next)) {
            break;
        }
        chain << next;
        seen.insert(next);
        current = find(next, services);
    }
    return chain;
}

QString Readiness::whyNotReady(const QString &service, const QList<Core::ServiceState> &services,
                               const LastLogLine &lastLogLine)
{
    const Core::ServiceState *self = find(service, services);
    if (!self) {
        return {};
    }
    const StateKind kind = stateKind(*self);
    const bool waiting = !firstUnsatisfied(*self).isEmpty();
    if (kind == StateKind::Stopped || kind == StateKind::Unknown
        || ((kind == StateKind::Healthy || kind == StateKind::Running) && !waiting)) {
        return {};
    }
    const QStringList chain = blockingChain(service, services);
    QStringList lines;
    if (chain.size() > 1) {
        lines << Text::tr("Waits for: %1").arg(chain.mid(1).join(QStringLiteral(" → ")));
    }
    const QString blockerName = chain.last();
    const Core::ServiceState *blocker = find(blockerName, services);
    if (!blocker) {
        lines << Text::tr("Blocked by: %1 (not in this project)").arg(blockerName);
        return lines.join(QLatin1Char('\n'));
    }
    lines << Text::tr("Blocked by: %1 — %2").arg(blockerName, stateWords(*blocker));
    if (const QString probe = blocker->lastProbeOutput(); !probe.isEmpty()) {
        lines << Text::tr("Last health probe: %1").arg(probe);
    }
    const bool exited = blocker->status == Core::ServiceStatus::Exited
                        || blocker->status == Core::ServiceStatus::Restarting
                        || blocker->status == Core::ServiceStatus::Dead;
    if (exited) {
        const bool oom = std::any_of(blocker->containers.cbegin(), blocker->containers.cend(),
                                     [](const Core::ContainerState &c) { return c.oomKilled; });
        lines << Text::tr("Exit code %1: %2")
                     .arg(blocker->exitCode)
                     .arg(exitCodeMeaning(blocker->exitCode, oom));
    }
    if (lastLogLine) {
        if (const QString line = lastLogLine(blockerName).trimmed(); !line.isEmpty()) {
            lines << Text::tr("Last log line: %1").arg(line);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace DevDock::Ui
