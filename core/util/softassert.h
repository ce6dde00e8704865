// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// A programmer error that must not take the application down: log it with its location and let the
// caller recover (usually by returning early). Shape borrowed from Qt Creator's QTC_ASSERT.
#define DEVDOCK_ASSERT(cond, action)                                                               \
    if (Q_LIKELY(cond)) {                                                                          \
    } else {                                                                                       \
        qCritical("SOFT ASSERT: \"%s\" in %s:%d", #cond, __FILE__, __LINE__);                      \
        action;                                                                                    \
    }                                                                                              \
    do {                                                                                           \
    } while (false)
