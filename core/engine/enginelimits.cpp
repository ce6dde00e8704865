// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginelimits.h"

#include <QByteArray>

#include <algorithm>
#include <climits>
#include <cmath>

namespace DevDock::Core {

namespace {

// A positive number from the environment, scaled; `fallback` when unset or not a positive number.
qint64 positive(const char *name, double scale, qint64 fallback)
{
    const QByteArray raw = qgetenv(name).trimmed();
    if (raw.isEmpty()) {
        return fallback;
    }
    bool ok = false;
    const double value = raw.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0 || value * scale > 1e15) {
        return fallback;
    }
    return std::max<qint64>(1, qint64(std::llround(value * scale)));
}

} // namespace

EngineLimits EngineLimits::fromEnvironment()
{
    EngineLimits limits;
    limits.connectTimeoutMs = int(std::min<qint64>(
        positive("DEVDOCK_ENGINE_CONNECT_TIMEOUT", 1000, limits.connectTimeoutMs), INT_MAX / 2));
    limits.responseTimeoutMs = int(std::min<qint64>(
        positive("DEVDOCK_ENGINE_TIMEOUT", 1000, limits.responseTimeoutMs), INT_MAX / 2));
    limits.maxBodyBytes = positive("DEVDOCK_ENGINE_MAX_BODY_MB", 1 << 20, limits.maxBodyBytes);
    return limits;
}

QString secondsText(int milliseconds)
{
    if (milliseconds % 1000 == 0) {
        return QStringLiteral("%1 s").arg(milliseconds / 1000);
    }
    return QStringLiteral("%1 s").arg(milliseconds / 1000.0, 0, 'g', 3);
}

} // namespace DevDock::Core
