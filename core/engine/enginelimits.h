// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace DevDock::Core {

// How long DevDock waits for the engine, and how much of a buffered answer it reads. An endpoint
// that accepts and never answers, or answers without end, must end in an error that names it,
// never in a hang or an out-of-memory crash.
//
// Defaults (README, "Timeouts"), each overridable by an environment variable in seconds (or MiB):
//   DEVDOCK_ENGINE_CONNECT_TIMEOUT  5 s   establishing the connection (socket connect, TLS)
//   DEVDOCK_ENGINE_TIMEOUT          30 s  the response head of any request (streams too), and
//                                         the longest silence inside a buffered response
//   DEVDOCK_ENGINE_MAX_BODY_MB      64    a buffered response body (JSON answers, exec output)
// Streams keep their own idle rules: events and followed logs may be silent for hours (the
// connection's end tells that the engine went away); stats samples come every second or so, so
// a stats stream silent for the response timeout is broken.
struct EngineLimits
{
    int connectTimeoutMs = 5000;
    int responseTimeoutMs = 30000;
    qint64 maxBodyBytes = qint64(64) << 20;

    // An error response's body is read to show the engine's message: a few KB in practice.
    static constexpr qint64 MaxErrorBodyBytes = qint64(1) << 20;

    // The defaults above, with the environment's overrides (invalid values are ignored).
    static EngineLimits fromEnvironment();
};

// "5 s", "0.5 s": a limit as the messages say it.
QString secondsText(int milliseconds);

} // namespace DevDock::Core
