// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"

#include <QStringList>

namespace DevDock::Ctl {

// Takes Compose's global options (-f/--file, -p/--project-name, --project-directory, --profile,
// --env-file) from the front of `arguments` into `options`; returns the rest, or an error text.
std::optional<QStringList> takeGlobalOptions(const QStringList &arguments,
                                             Core::ComposeLoadOptions &options, QString &error);

// `devdockctl config [--json]`: the resolved project.
int runConfigCommand(const Core::ComposeLoadOptions &options, const QStringList &arguments);

} // namespace DevDock::Ctl
