// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"

#include <QStringList>

namespace DevDock::Ctl {

// `devdockctl twin list|up BRANCH|down BRANCH`: a branch's stack in its own git worktree, beside
// the main checkout's, under its own project name and on free ports. `arguments` starts with
// "twin".
int runTwinCommand(const Core::ComposeLoadOptions &options, const QStringList &arguments);

} // namespace DevDock::Ctl
