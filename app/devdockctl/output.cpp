// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.h"

#include "util/redaction.h"

#include <QByteArray>
#include <QTimer>

#include <cerrno>
#include <cstdlib>
#include <unistd.h>

namespace DevDock::Ctl {

namespace {

constexpr qsizetype kFlushAt = 1 << 20;

QByteArray g_out;
QByteArray g_err;
bool g_flushScheduled = false;

void writeAll(int fd, QByteArray &buffer)
{
    const char *data = buffer.constData();
    qsizetype left = buffer.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, static_cast<size_t>(left));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            // The reader went away (a closed pipe): stop quietly, like the docker CLI.
            std::_Exit(0);
        }
        data += n;
        left -= n;
    }
    buffer.clear();
}

void scheduleFlush()
{
    if (!g_flushScheduled) {
        g_flushScheduled = true;
        QTimer::singleShot(0, [] { Output::flush(); });
    }
}

void append(QByteArray &buffer, QByteArrayView bytes)
{
    if (Core::haveSecretsToRedact()) {
        buffer.append(Core::redactSecrets(bytes.toByteArray()));
    } else {
        buffer.append(bytes); // no copy while no secret is known
    }
}

} // namespace

void Output::out(QByteArrayView bytes)
{
    append(g_out, bytes);
    if (g_out.size() >= kFlushAt) {
        writeAll(STDOUT_FILENO, g_out);
    }
    scheduleFlush();
}

void Output::err(QByteArrayView bytes)
{
    append(g_err, bytes);
    if (g_err.size() >= kFlushAt) {
        writeAll(STDERR_FILENO, g_err);
    }
    scheduleFlush();
}

void Output::outLine(const QString &line)
{
    out(QByteArray(line.toUtf8() + '\n'));
}

void Output::errLine(const QString &line)
{
    err(QByteArray(line.toUtf8() + '\n'));
}

void Output::flush()
{
    g_flushScheduled = false;
    if (!g_out.isEmpty()) {
        writeAll(STDOUT_FILENO, g_out);
    }
    if (!g_err.isEmpty()) {
        writeAll(STDERR_FILENO, g_err);
    }
}

int reportError(const Core::Error &error)
{
    Output::errLine(QStringLiteral("devdockctl: ") + error.message);
    if (!error.hint.isEmpty()) {
        Output::errLine(QStringLiteral("hint: ") + error.hint);
    }
    Output::flush();
    return EngineFailure;
}

int reportUsageError(const QString &message, const QByteArray &usage)
{
    Output::errLine(QStringLiteral("devdockctl: ") + message);
    Output::err(usage);
    Output::flush();
    return UsageError;
}

} // namespace DevDock::Ctl
