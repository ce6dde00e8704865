// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArrayView>
#include <QString>

namespace DevDock::Ctl {

// Exit codes shared by every devdockctl command.
enum ExitCode { Success = 0, EngineFailure = 1, UsageError = 2, Interrupted = 130 };

// Prints "devdockctl: message" and "hint: …" on stderr; returns EngineFailure (exit 1).
int reportError(const Core::Error &error);
// Prints "devdockctl: message" and the usage text on stderr; returns UsageError (exit 2).
int reportUsageError(const QString &message, const QByteArray &usage);

// Unbuffered-by-Qt writes to the process's stdout/stderr file descriptors, with a user-space
// buffer flushed at the end of every event-loop turn: fast for bulk logs, prompt for follow mode.
// Every known secret value is redacted (util/redaction.h). Redaction works on each call's bytes,
// so callers hand over whole lines (or whole documents), never a value split across calls.
class Output
{
public:
    static void out(QByteArrayView bytes);
    static void err(QByteArrayView bytes);
    static void outLine(const QString &line);
    static void errLine(const QString &line);
    static void flush();
};

} // namespace DevDock::Ctl
