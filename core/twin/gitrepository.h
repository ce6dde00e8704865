// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gitworktree.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace DevDock::Core {

// The git repository a project folder belongs to, through the git CLI (the one every developer
// has, with their configuration and hooks). Calls are synchronous and short; the window runs
// them off the GUI thread, as it runs the compose loader.
class GitRepository
{
public:
    // The repository `directory` is in (any of its worktrees, or a folder inside one).
    static Result<GitRepository> open(const QString &directory);

    // The top folder of the worktree `directory` is in.
    QString topLevel() const { return m_topLevel; }
    // Every worktree; the first one is the main checkout.
    Result<QList<GitWorktree>> worktrees() const;
    // The worktree that has `branch` checked out; nullopt when none has.
    Result<std::optional<GitWorktree>> worktreeOf(const QString &branch) const;
    // The worktree of `branch`, created at `path` when none has it checked out: from the local
    // branch when there is one, else as a new branch from the main checkout's HEAD.
    // `created` says which happened.
    Result<GitWorktree> ensureWorktree(const QString &branch, const QString &path,
                                       bool *created = nullptr) const;
    // `git worktree remove`: refuses a worktree with changes (nothing is lost).
    Result<void> removeWorktree(const QString &path) const;
    // Whether git tracks the file (a checked-in file DevDock must not write).
    bool isTracked(const QString &worktree, const QString &relativePath) const;

    // Runs git in `directory`; the error quotes git's own message.
    static Result<QByteArray> git(const QString &directory, const QStringList &arguments);

private:
    QString m_topLevel;
};

} // namespace DevDock::Core
