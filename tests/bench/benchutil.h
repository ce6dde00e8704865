// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What the C++ benchmarks share.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace DevDock::Bench {

// The process's peak resident memory so far, MiB (VmHWM); -1 where /proc does not tell.
inline double peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return -1;
}

} // namespace DevDock::Bench
