// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stack/servicestate.h"

#include <QStringList>

#include <functional>

namespace DevDock::Ui {

// The last log line of a service, or empty (the view asks it only while explaining).
using LastLogLine = std::function<QString(const QString &service)>;

// Why a service is not ready, walking its depends_on chain down to the service that blocks it.
class Readiness
{
public:
    // [service, the dependency it waits for, what that one waits for, ..., the blocker]; just
    // [service] when nothing it depends on blocks it. Cycles end at the first repeat.
    static QStringList blockingChain(const QString &service,
                                     const QList<Core::ServiceState> &services);
    // Empty when the service is ready or was stopped on purpose. Otherwise lines: the chain, the
    // blocker's state, its last health-probe output, its exit code and what it means, its last
    // log line.
    static QString whyNotReady(const QString &service, const QList<Core::ServiceState> &services,
                               const LastLogLine &lastLogLine = {});
};

} // namespace DevDock::Ui
