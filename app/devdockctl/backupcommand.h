// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"

#include <QStringList>

namespace DevDock::Ctl {

// `devdockctl backup list|create [SERVICE|VOLUME…] [--checkpoint NAME]`: the project's data
// (named volumes, data bind mounts) and its backups in the restic repository.
int runBackupCommand(const Core::ComposeLoadOptions &options, const QStringList &arguments);

} // namespace DevDock::Ctl
