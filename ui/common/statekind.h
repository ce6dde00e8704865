// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stack/servicestate.h"

#include <QString>
#include <Qt>

namespace DevDock::Ui {

// What a state means to the person looking at it; each kind has one colour, one icon and words
// (StatePalette). Healthy and Running share a colour but not an icon.
enum class StateKind {
    Healthy,
    Running,    // up without a health check
    Starting,   // starting, restarting, created and waiting for its dependencies
    Unhealthy,
    Failed,     // exited with an error, dead, killed by the kernel
    Stopped,    // stopped deliberately (or paused): never drawn as a failure
    NotCreated,
    Unknown,    // nobody knows: the engine cannot be asked
};

// The model role every table model in ui/ answers with int(StateKind) on its state column.
inline constexpr int StateKindRole = Qt::UserRole + 100;

// Whether an exited container was stopped on purpose. Today decided from the exit code alone
// (0, 143 = SIGTERM from `docker stop`, 137 = SIGKILL after the stop timeout, not by the OOM
// killer); the one place to switch to core's own "stopped by the user" flag once it has one.
bool isDeliberateStop(Core::ServiceStatus status, int exitCode, bool oomKilled);

StateKind stateKind(Core::ServiceStatus status, int exitCode = 0, bool oomKilled = false);
StateKind stateKind(const Core::ServiceState &service);
// A container of the engine's list: state "exited" and status "Exited (143) 2 minutes ago".
StateKind containerStateKind(const QString &engineState, const QString &statusText);

// What an exit code means: "killed (SIGKILL or out of memory)" for 137, "error" for 1.
QString exitCodeMeaning(int exitCode, bool oomKilled = false);

// The words of a service's state: "healthy", "stopped", "exited (1) · error", "starting".
QString stateWords(const Core::ServiceState &service);

} // namespace DevDock::Ui
