// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace DevDock::Core {

class EngineClient;

// The containers a backup paused (or stopped, when the user prefers that), noted on disk while
// they hold still, so that a DevDock killed mid-backup leaves word behind: the next backup run (or
// a look at the project's data) unpauses (or starts) every container whose pausing process no
// longer runs. One file a container under the user's data directory
// (devdock/paused/<engine hash>-<container id>), holding the pausing pid and "stop" for a stopped
// one; a container another running DevDock paused is left alone.
namespace PauseLedger {

QString directory();
void noted(const EngineClient &client, const QString &containerId, bool stopped = false);
void cleared(const EngineClient &client, const QString &containerId);
// The containers on this engine paused (or stopped) by processes that have ended.
QStringList orphans(const EngineClient &client);
// Of orphans(): those that were stopped rather than paused.
QStringList stoppedOrphans(const EngineClient &client);
// Unpauses (or starts) the orphans (a container gone or already running is simply forgotten) and
// removes the helper containers such runs left on this machine, then `done`.
void unpauseOrphans(EngineClient *client, QObject *context, std::function<void()> done);

} // namespace PauseLedger

} // namespace DevDock::Core
