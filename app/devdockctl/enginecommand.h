// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/endpoint.h"
#include "output.h"
#include "util/result.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace DevDock::Ctl {

// The engine's endpoint as the docker CLI finds it. What was ignored on the way (an unreadable
// ~/.docker/config.json) is printed on stderr as "devdockctl: warning: …", as docker does.
Core::Result<Core::Endpoint> systemEndpoint();

// SIGINT/SIGTERM call `onSignal` from the event loop (follow modes end cleanly, exit 0), while
// `context` lives; the newest call wins. With no live handler a signal ends the process (130).
void installSignalHandlers(QObject *context, std::function<void()> onSignal);
// As installSignalHandlers, for a while: the returned function puts the previous handler back.
std::function<void()> scopedSignalHandler(QObject *context, std::function<void()> onSignal);

// `devdockctl engine <info|containers|logs|events|stats> …`. Runs the Qt event loop until done
// and returns the process exit code.
int runEngineCommand(const QStringList &arguments);

} // namespace DevDock::Ctl
