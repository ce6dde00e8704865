// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"
#include "util/result.h"

#include <QStringList>

namespace DevDock::Core {
struct RestorePlan;
}

namespace DevDock::Ctl {

class DataSession;

// Carries out one restore plan in `data`'s project, printing its steps and the safety snapshot
// (the way back) as they happen.
Core::Result<void> carryOutRestore(DataSession &data, const Core::RestorePlan &plan);

// `devdockctl snapshots [--json]`: the project's snapshots in the restic repository.
int runSnapshotsCommand(const Core::ComposeLoadOptions &options, const QStringList &arguments);
// `devdockctl restore SNAPSHOT [--to VOLUME] [--yes]` and `restore --checkpoint NAME [--yes]`:
// the plan shown, confirmed, carried out with a safety snapshot first.
int runRestoreCommand(const Core::ComposeLoadOptions &options, const QStringList &arguments);
// `devdockctl forget --keep-last N …`: retention over the project's snapshots, then prune.
int runForgetCommand(const Core::ComposeLoadOptions &options, const QStringList &arguments);

} // namespace DevDock::Ctl
