// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace DevDock::Core {

enum class LogLevel : quint8 { Unknown, Debug, Info, Warning, Error };

// The level a line states, recognised from common formats: plain words at the start ("ERROR",
// "WARN", "INFO:"), bracketed ("[error]", "[WARN]"), key-value ("level=error", "lvl=warn"),
// JSON ("\"level\":\"error\""), PostgreSQL ("LOG:", "ERROR:", "FATAL:"), glog ("E1129 …"),
// and FATAL/CRITICAL/PANIC/SEVERE as errors. Looks at the first 256 bytes only; escape
// sequences are skipped.
LogLevel recogniseLevel(QByteArrayView line);

} // namespace DevDock::Core
