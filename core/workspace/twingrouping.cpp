// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "twingrouping.h"

#include "twin/gitrepository.h"
#include "twin/twinname.h"

#include <QDir>
#include <QFileInfo>

namespace DevDock::Core {

namespace {

QString canonical(const QString &path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(path) : c;
}

bool inMainCheckout(const ProjectSummary &p)
{
    return p.mainCheckout.isEmpty() || p.worktree == p.mainCheckout;
}

QString placeInWorktree(const ProjectSummary &p)
{
    return QDir(p.worktree).relativeFilePath(canonical(p.directory));
}

} // namespace

std::optional<TwinGrouping::Checkout> TwinGrouping::inspect(const QString &directory)
{
    if (directory.isEmpty()) {
        return std::nullopt;
    }
    auto repository = GitRepository::open(directory);
    if (!repository) {
        return std::nullopt;
    }
    auto worktrees = repository->worktrees();
    if (!worktrees || worktrees->isEmpty()) {
        return std::nullopt;
    }
    Checkout checkout;
    checkout.worktree = canonical(repository->topLevel());
    checkout.mainCheckout = canonical(worktrees->constFirst().path);
    for (const GitWorktree &w : std::as_const(*worktrees)) {
        if (canonical(w.path) == checkout.worktree) {
            checkout.branch = w.branch;
        }
    }
    return checkout;
}

QString TwinGrouping::mainOf(const ProjectSummary &project, const QList<ProjectSummary> &all)
{
    if (inMainCheckout(project)) {
        return {};
    }
    {
        for (const ProjectSummary &m : all) {
            if (m.id != project.id && m.engine == project.engine && !m.mainCheckout.isEmpty()
                && m.mainCheckout == project.mainCheckout && inMainCheckout(m)
                && placeInWorktree(m) == placeInWorktree(project)) {
                return m.id;
            }
        }
    }
    if (project.branch.isEmpty() || project.name.isEmpty()) {
        return {};
    }
    for (const ProjectSummary &m : all) {
        if (m.id != project.id && m.engine == project.engine && !m.name.isEmpty()
            && inMainCheckout(m) && TwinName::projectName(m.name, project.branch) == project.name) {
            return m.id;
        }
    }
    return {};
}

} // namespace DevDock::Core
