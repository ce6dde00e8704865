// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statekind.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace DevDock::Ui {

namespace {

// The translation context of the state words.
class StateText
{
    Q_DECLARE_TR_FUNCTIONS(DevDock::Ui::StateText)
};

bool anyOomKilled(const Core::ServiceState &service)
{
    return std::any_of(service.containers.cbegin(), service.containers.cend(),
                       [](const Core::ContainerState &c) { return c.oomKilled; });
}

} // namespace

bool isDeliberateStop(Core::ServiceStatus status, int exitCode, bool oomKilled)
{
    // Core tells a stop someone asked for (a stop or kill event, or SIGTERM's 143) as Stopped;
    // an exit of its own is a failure unless it was a clean one.
    if (status == Core::ServiceStatus::Stopped) {
        return true;
    }
    return status == Core::ServiceStatus::Exited && !oomKilled && exitCode == 0;
}

StateKind stateKind(Core::ServiceStatus status, int exitCode, bool oomKilled)
{
    using S = Core::ServiceStatus;
    switch (status) {
    case S::Healthy:
        return StateKind::Healthy;
    case S::Running:
        return StateKind::Running;
    case S::Starting:
    case S::Restarting:
    case S::Created:
    case S::Removing:
        return StateKind::Starting;
    case S::Unhealthy:
        return StateKind::Unhealthy;
    case S::Stopped:
    case S::Exited:
        return isDeliberateStop(status, exitCode, oomKilled) ? StateKind::Stopped
                                                             : StateKind::Failed;
    case S::Dead:
        return StateKind::Failed;
    case S::Paused:
        return StateKind::Stopped;
    case S::NotCreated:
        return StateKind::NotCreated;
    case S::Unknown:
        return StateKind::Unknown;
    }
    return StateKind::Unknown;
}

StateKind stateKind(const Core::ServiceState &service)
{
    return stateKind(service.status, service.exitCode, anyOomKilled(service));
}

StateKind containerStateKind(const QString &engineState, const QString &statusText)
{
    using S = Core::ServiceStatus;
    if (engineState == u"running") {
        if (statusText.contains(u"(unhealthy)")) {
            return StateKind::Unhealthy;
        }
        if (statusText.contains(u"(health: starting)")) {
            return StateKind::Starting;
        }
        return statusText.contains(u"(healthy)") ? StateKind::Healthy : StateKind::Running;
    }
    if (engineState == u"exited") {
        static const QRegularExpression code(QStringLiteral(R"(\((-?\d+)\))"));
        const QRegularExpressionMatch match = code.match(statusText);
        // No code in the text: the engine did not say why, which is no reason to alarm.
        const int exitCode = match.hasMatch() ? match.captured(1).toInt() : 0;
        // 143 is SIGTERM's code: someone asked it to stop (core reads it the same way).
        return stateKind(exitCode == 143 ? S::Stopped : S::Exited, exitCode);
    }
    if (engineState == u"dead") {
        return StateKind::Failed;
    }
    if (engineState == u"paused") {
        return StateKind::Stopped;
    }
    if (engineState == u"created" || engineState == u"restarting" || engineState == u"removing") {
        return StateKind::Starting;
    }
    return StateKind::Unknown;
}

QString exitCodeMeaning(int exitCode, bool oomKilled)
{
    if (oomKilled) {
        return StateText::tr("killed: out of memory");
    }
    switch (exitCode) {
    case 0:
        return StateText::tr("finished normally");
    case 1:
        return StateText::tr("error");
    case 2:
        return StateText::tr("wrong usage or arguments");
    case 126:
        return StateText::tr("command not executable");
    case 127:
        return StateText::tr("command not found");
    case 130:
        return StateText::tr("interrupted (SIGINT)");
    case 134:
        return StateText::tr("aborted (SIGABRT)");
    case 137:
        return StateText::tr("killed (SIGKILL or out of memory)");
    case 139:
        return StateText::tr("crashed (segmentation fault)");
    case 143:
        return StateText::tr("terminated (SIGTERM)");
    default:
        break;
    }
    if (exitCode > 128 && exitCode < 160) {
        return StateText::tr("killed by signal %1").arg(exitCode - 128);
    }
    return StateText::tr("error");
}

QString stateWords(const Core::ServiceState &service)
{
    using S = Core::ServiceStatus;
    const StateKind kind = stateKind(service);
    QString words;
    if (kind == StateKind::Stopped && service.status == S::Exited) {
        words = StateText::tr("stopped");
    } else if (kind == StateKind::Failed && service.status == S::Exited) {
        words = StateText::tr("exited (%1) · %2")
                    .arg(service.exitCode)
                    .arg(exitCodeMeaning(service.exitCode, anyOomKilled(service)));
    } else {
        words = Core::statusDisplayName(service.status);
        if (service.status == S::Restarting) {
            words += QStringLiteral(" (%1)").arg(service.exitCode);
        }
    }
    return words;
}

} // namespace DevDock::Ui
