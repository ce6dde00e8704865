// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace.h"

#include <QElapsedTimer>
#include <QtGlobal>

#include <cstdio>
#include <cstring>

#ifdef Q_OS_LINUX
#include <ctime>
#include <unistd.h>
#endif

namespace DevDock::Core {

namespace {

// Milliseconds since the process started: CLOCK_MONOTONIC now minus the start time the kernel
// keeps in /proc/self/stat (field 22, in clock ticks since boot), so that the time before main()
// (dynamic loading) counts too.
double sinceProcessStart()
{
#ifdef Q_OS_LINUX
    static const double startMs = [] {
        double ms = -1;
        if (FILE *f = std::fopen("/proc/self/stat", "r")) {
            char buffer[1024];
            const size_t n = std::fread(buffer, 1, sizeof buffer - 1, f);
            std::fclose(f);
            buffer[n] = '\0';
            // After the command's closing parenthesis: fields 3 … 52.
            const char *p = std::strrchr(buffer, ')');
            unsigned long long ticks = 0;
            if (p && std::sscanf(p + 2,
                                 "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d "
                                 "%*d %*d %*d %llu",
                                 &ticks)
                         == 1) {
                ms = double(ticks) * 1000.0 / double(sysconf(_SC_CLK_TCK));
            }
        }
        return ms;
    }();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    if (startMs >= 0) {
        return nowMs - startMs;
    }
#endif
    // Elsewhere: since the first mark.
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

bool traceEnabled()
{
    static const bool enabled = qEnvironmentVariableIsSet("DEVDOCK_TRACE");
    return enabled;
}

void traceMark(const char *what)
{
    if (traceEnabled()) {
        std::fprintf(stderr, "trace %8.1f ms  %s\n", sinceProcessStart(), what);
    }
}

void traceMark(const QString &what)
{
    if (traceEnabled()) {
        traceMark(what.toLocal8Bit().constData());
    }
}

} // namespace DevDock::Core
