// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace DevDock::Core {

// One worktree of a git repository, as `git worktree list --porcelain` describes it.
struct GitWorktree
{
    QString path;
    QString head;   // the commit checked out (empty for a bare repository)
    QString branch; // "feature/login" (refs/heads/ dropped); empty when detached or bare
    bool bare = false;
    bool detached = false;
    bool locked = false;
    QString lockReason;
    bool prunable = false; // its folder is gone: `git worktree prune` would drop it
    QString prunableReason;

    bool operator==(const GitWorktree &) const = default;

    // Parses the porcelain listing, either form: records of "key value" lines separated by an
    // empty line, or with -z every line ended by a NUL (the only form that keeps a path with a
    // newline intact). Without -z git quotes a lock or prune reason that holds a newline, C
    // style; such a reason is unquoted. Lines git may add in later versions are ignored.
    static QList<GitWorktree> parseList(const QByteArray &porcelain);
};

} // namespace DevDock::Core
