// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QString>

namespace DevDock::Core {

// Turns a user's time ("2026-11-29T10:00:00Z", "2026-11-29", "10m", "1h30m", "1700000000.5")
// into the engine's UNIX "seconds.nanoseconds" form, as the docker CLI does for --since/--until.
// Durations count back from `now`; a date without a zone is local time.
Result<QString> toEngineTimestamp(const QString &value,
                                  const QDateTime &now = QDateTime::currentDateTime());

} // namespace DevDock::Core
