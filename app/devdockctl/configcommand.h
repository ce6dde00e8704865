// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"

#include <QStringList>

class QTranslator;

namespace DevDock::Ctl {

// Takes Compose's global options (-f/--file, -p/--project-name, --project-directory, --profile,
// --env-file) from the front of `arguments` into `options`; returns the rest, or an error text.
std::optional<QStringList> takeGlobalOptions(const QStringList &arguments,
                                             Core::ComposeLoadOptions &options, QString &error);

// The application's names and version set, and core's plural messages ("%n service(s) up")
// given their English forms from `plurals` (which must outlive the application).
void prepareApplication(QTranslator &plurals);

// Compose's global options taken from the application's arguments into `options`: the rest of
// the arguments, or nullopt after printing what is wrong (the caller exits with UsageError).
std::optional<QStringList> globalArgumentsOrReport(Core::ComposeLoadOptions &options);

// `devdockctl config [--json]`: the resolved project.
int runConfigCommand(const Core::ComposeLoadOptions &options, const QStringList &arguments);

} // namespace DevDock::Ctl
