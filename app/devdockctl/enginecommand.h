// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace DevDock::Ctl {

// Exit codes shared by every devdockctl command.
enum ExitCode { Success = 0, EngineFailure = 1, UsageError = 2 };

// `devdockctl engine <info|containers|logs|events|stats> …`. Runs the Qt event loop until done
// and returns the process exit code.
int runEngineCommand(const QStringList &arguments);

} // namespace DevDock::Ctl
