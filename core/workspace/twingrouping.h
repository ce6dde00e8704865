// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projectsummary.h"

#include <QList>
#include <QString>

#include <optional>

namespace DevDock::Core {

// Which workspace project is a twin of which: the sidebar groups a branch's stack under the
// project it runs beside.
class TwinGrouping
{
public:
    // The git checkout a project folder is in.
    struct Checkout
    {
        QString worktree;     // the top folder of its worktree
        QString mainCheckout; // the repository's main worktree
        QString branch;       // empty when detached
    };

    // Runs git (two short calls): the Workspace calls it off the GUI thread. nullopt: the folder
    // is not in a git checkout (or git is missing), so it is nobody's twin by its worktree.
    static std::optional<Checkout> inspect(const QString &directory);

    // The id of the project `project` is a twin of, among `all`; empty when none. A twin is
    //  - in another worktree of the same repository, at the same place inside it, as a project
    //    in the main checkout; or
    //  - named as TwinName names the twin of another project for its branch (a stack started
    //    by `devdockctl twin up` elsewhere, known only from its labels).
    // Both on the same engine. A project in the main checkout is never a twin.
    static QString mainOf(const ProjectSummary &project, const QList<ProjectSummary> &all);
};

} // namespace DevDock::Core
