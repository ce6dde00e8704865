// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"

#include <QStringList>

namespace DevDock::Ctl {

// `devdockctl backup list|create [SERVICE|VOLUME…] [--checkpoint NAME]`: the project's data
// (named volumes, data bind mounts) and its backups in the restic repository.
int runBackupCommand(const Core::ComposeLoadOptions &options, const QStringList &arguments);
// Before `down --volumes`: a snapshot (reason=before-down) of each of the project's named volumes
// that exists. Success, or EngineFailure after printing why (then nothing may be removed).
int backupBeforeDown(const Core::ComposeLoadOptions &options);

} // namespace DevDock::Ctl
