// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace DevDock::Core {

// Which compose CLI is installed: `docker compose` (v2 plugin) preferred, the standalone
// `docker-compose` as fallback. Asynchronous: runs `… version --short` in a QProcess.
struct ComposeTool
{
    QStringList command; // {"docker", "compose"} or {"docker-compose"}; empty: none found
    QString version;     // "2.26.1-4"
    bool isV2() const { return !version.isEmpty() && !version.startsWith(QLatin1Char('1')); }
    bool found() const { return !command.isEmpty(); }
};

void probeCompose(QObject *context, std::function<void(const ComposeTool &)> callback);

} // namespace DevDock::Core
