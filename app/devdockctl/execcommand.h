// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace DevDock::Core {
class EngineClient;
}

namespace DevDock::Ctl {

// `devdockctl exec [-T] SERVICE [-- CMD…]` once the service's container is known: runs the command
// (or the container's shell) over the Engine API, with a raw-mode TTY when stdin is a terminal and
// -T is not given, plain pipes otherwise (stdin's EOF half-closes the connection). Returns the
// command's exit status.
int runExec(Core::EngineClient *client, const QString &container, const QStringList &command,
            bool noTty);

} // namespace DevDock::Ctl
