// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"

#include <QStringList>

namespace DevDock::Ctl {

// The commands that drive a compose project: up, down, start, stop, restart, build, pull, ps,
// watch, logs and doctor. `arguments` starts with the command name.
bool isStackCommand(const QString &command);
int runStackCommand(const Core::ComposeLoadOptions &options, const QStringList &arguments);

} // namespace DevDock::Ctl
