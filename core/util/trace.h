// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace DevDock::Core {

// Timestamps for profiling the start and the project switch: with DEVDOCK_TRACE set, each mark
// prints "trace <ms since the process started> <what>" to stderr (the log may not be set up yet);
// without it a mark costs one branch.
bool traceEnabled();
void traceMark(const char *what);
void traceMark(const QString &what);

} // namespace DevDock::Core
