// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"
#include "twinplan.h"
#include "util/result.h"

#include <QObject>

#include <functional>

namespace DevDock::Core {

class EngineClient;

// The steps that give a branch its own stack beside the main one ("a twin"):
//  1. locate(): the git worktree of the branch (created when asked), the twin's Compose project
//     name, and every published host port with where it comes from;
//  2. choosePorts(): a free host port for each, probed against live listeners and the engine's
//     containers, starting at a port that depends on the branch only (so it is stable);
//  3. apply(): the twin's .env.local gets the variables that carry ports, and a generated
//     override (outside the project) remaps the literal ones; no checked-in file changes;
//  4. loadOptions(): what the compose CLI and the loader are given to run the twin.
// The synchronous steps read a few small files and run git: the window runs them off the GUI
// thread.
class TwinPlanner
{
public:
    // `options`: the project as the user addresses it (any of its worktrees). `create`: make
    // the worktree when the branch has none; otherwise a missing one is NotFound.
    static Result<TwinPlan> locate(const ComposeLoadOptions &options, const QString &branch,
                                   const QString &envProfile, bool create);

    static void choosePorts(EngineClient *client, TwinPlan plan, QObject *context,
                            std::function<void(Result<TwinPlan>)> callback);

    static Result<void> apply(const TwinPlan &plan);

    // The main checkout and every other worktree (bare entries left out), with the Compose
    // project name each runs under.
    static Result<QList<TwinListing>> list(const ComposeLoadOptions &options,
                                           const QString &envProfile);

    // Removes the twin's worktree (after its stack is down) and what apply() generated. A
    // worktree with changes of the user's stays, and the error says which: only a .env.local
    // that holds nothing but the ports apply() wrote goes without asking.
    static Result<void> removeWorktree(const TwinPlan &plan);

    // The twin as the compose CLI and the loader see it: its -p, its folder, its files plus the
    // ports override when there is one. Environment and profiles come from `base`.
    static ComposeLoadOptions loadOptions(const TwinPlan &plan, const ComposeLoadOptions &base);

    // Where the ports override of the twin in `directory` is kept.
    static QString overridePathFor(const QString &directory);
    // Removes what apply() generated outside the worktree (the override file).
    static void forgetGenerated(const TwinPlan &plan);
};

} // namespace DevDock::Core
