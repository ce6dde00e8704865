// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace DevDock::Ctl {

// `devdockctl env [list|check|set|unset] …`: the project's .env profiles, secrets in the keychain.
// `globalProjectDirectory`: a --project-directory given before the command (devdockctl's global
// option); the env command's own option wins.
int runEnvCommand(const QStringList &arguments, const QString &globalProjectDirectory = {});

} // namespace DevDock::Ctl
