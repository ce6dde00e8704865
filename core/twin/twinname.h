// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace DevDock::Core {

// The names a twin (a branch's stack beside the main one) goes by.
class TwinName
{
public:
    // The Compose project name "<project>-<branch>" as Compose normalises it (lower case, only
    // [a-z0-9_-], no leading - or _), so that `docker compose -p` takes it unchanged: the branch
    // "Feature/Login" of "shop" is "shop-featurelogin". A branch with nothing Compose keeps
    // ("ü") goes by a short hash of its name instead, never by the main project's own name.
    static QString projectName(const QString &project, const QString &branch);

    // Where the worktree of `branch` is created: beside the main checkout, "<main>-<branch>"
    // with every '/' of the branch a '-' ("shop" + "feature/x" -> "../shop-feature-x").
    static QString worktreePath(const QString &mainCheckout, const QString &branch);

    // The first port a twin tries for `port`: the port moved by an offset that depends on the
    // branch only (FNV-1a of its name; 1000 to 4990 in steps of 10), so the same branch asks for
    // the same ports every time, and two branches rarely ask for the same ones. Stays within
    // 1024..65535.
    static int preferredPort(int port, const QString &branch);
    static int nextPort(int port); // the one after, wrapping to 1024 past 65535
};

} // namespace DevDock::Core
