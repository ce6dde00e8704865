// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The tray's worst state over the stacks a test made. The tray lists every Compose project on
// the engine; a shared engine may hold stacks another run left behind (stopped, exited), which
// would make the whole-workspace state say nothing about the test's own stack.
#pragma once

#include "../common/dockertest.h"
#include "tray/traycontroller.h"

namespace DevDock::Test {

// The worst state across the tray's projects, leaving out those named in `foreign` (the stacks
// that were on the engine before the test began, minus its own).
inline Ui::TrayController::Overall overallWithout(const Ui::TrayController &tray,
                                                   const QSet<QString> &foreign)
{
    using Overall = Ui::TrayController::Overall;
    Overall worst = Overall::Idle;
    for (const Core::ProjectSummary &p : tray.projects()) {
        if (foreign.contains(p.name)) {
            continue;
        }
        const Overall o = Ui::TrayController::overallOf(p);
        if (Ui::TrayController::severity(o) > Ui::TrayController::severity(worst)) {
            worst = o;
        }
    }
    return worst;
}

} // namespace DevDock::Test
