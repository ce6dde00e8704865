// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>
#include <QString>

namespace DevDock::Core {

Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcApp)

struct LoggingOptions
{
    QString appName = QStringLiteral("devdock");
    QString directory;    // rotating log file goes here; empty: no file
    bool console = true;  // mirror to stderr
    bool verbose = false; // include debug messages
};

// Routes every Qt message (qDebug/qCInfo/qWarning...) to spdlog: a rotating file plus, optionally,
// the console. Known secret values are redacted (util/redaction.h); the log folder is 0700 and its
// files 0600. Call once, early in main().
void installLogging(const LoggingOptions &options);

// Where DevDock keeps its application log by default (XDG state/cache location).
QString defaultLogDirectory();

} // namespace DevDock::Core
