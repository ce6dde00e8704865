// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace DevDock::Ctl {

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
