// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace DevDock::Ctl {

// `devdockctl env [list|check|set|unset] …`: the project's .env profiles, secrets in the keychain.
int runEnvCommand(const QStringList &arguments);

} // namespace DevDock::Ctl
