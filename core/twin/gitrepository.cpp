// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitrepository.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace DevDock::Core {

Result<QByteArray> GitRepository::git(const QString &directory, const QStringList &arguments)
{
    if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty()) {
        return makeError(Error::Code::NotFound, QStringLiteral("git is not installed."),
                         QStringLiteral("Install git (Debian: apt-get install git)."));
    }
    QProcess process;
    process.setWorkingDirectory(directory);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Messages are quoted to the user and parsed nowhere, but a prompt would hang: no prompts.
    environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("git"), arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return makeError(Error::Code::Timeout,
                         QStringLiteral("git %1 did not finish within 60 s in %2.")
                             .arg(arguments.join(QLatin1Char(' ')), directory));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString message = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return makeError(Error::Code::Unknown,
                         QStringLiteral("git %1 failed in %2: %3")
                             .arg(arguments.join(QLatin1Char(' ')), directory, message));
    }
    return process.readAllStandardOutput();
}

Result<GitRepository> GitRepository::open(const QString &directory)
{
    if (!QFileInfo(directory).isDir()) {
        return makeError(Error::Code::NotFound,
                         QStringLiteral("The folder %1 does not exist.").arg(directory));
    }
    auto top = git(directory, {QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")});
    if (!top) {
        return makeError(Error::Code::NotFound,
                         QStringLiteral("%1 is not inside a git repository.").arg(directory),
                         QStringLiteral("Twins are git worktrees: run `git init` and commit the "
                                        "project first."));
    }
    GitRepository repository;
    repository.m_topLevel = QString::fromUtf8(*top).trimmed();
    return repository;
}

Result<QList<GitWorktree>> GitRepository::worktrees() const
{
    auto out = git(m_topLevel, {QStringLiteral("worktree"), QStringLiteral("list"),
                                QStringLiteral("--porcelain"), QStringLiteral("-z")});
    if (!out) {
        return std::unexpected(out.error());
    }
    return GitWorktree::parseList(*out);
}

Result<std::optional<GitWorktree>> GitRepository::worktreeOf(const QString &branch) const
{
    auto list = worktrees();
    if (!list) {
        return std::unexpected(list.error());
    }
    for (const GitWorktree &w : std::as_const(*list)) {
        if (!w.bare && w.branch == branch) {
            return w;
        }
    }
    return std::nullopt;
}

Result<GitWorktree> GitRepository::ensureWorktree(const QString &branch, const QString &path,
                                                  bool *created) const
{
    if (created) {
        *created = false;
    }
    if (auto valid = git(m_topLevel,
                         {QStringLiteral("check-ref-format"), QStringLiteral("--branch"), branch});
        !valid || branch.startsWith(QLatin1Char('-'))) {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("\"%1\" is not a valid branch name.").arg(branch),
                         QStringLiteral("See `git check-ref-format --help`."));
    }
    auto existing = worktreeOf(branch);
    if (!existing) {
        return std::unexpected(existing.error());
    }
    if (*existing) {
        return **existing;
    }
    if (QFileInfo::exists(path)) {
        return makeError(Error::Code::Conflict,
                         QStringLiteral("Cannot create the worktree of %1: %2 already exists.")
                             .arg(branch, path),
                         QStringLiteral("Move it away, or check %1 out there yourself "
                                        "(`git worktree add %2 %1`).")
                             .arg(branch, path));
    }
    const bool local =
        git(m_topLevel, {QStringLiteral("show-ref"), QStringLiteral("--verify"),
                         QStringLiteral("--quiet"), QStringLiteral("refs/heads/") + branch})
            .has_value();
    QStringList arguments{QStringLiteral("worktree"), QStringLiteral("add"),
                          QStringLiteral("--quiet")};
    if (local) {
        arguments << QStringLiteral("--") << path << branch;
    } else {
        arguments << QStringLiteral("-b") << branch << QStringLiteral("--") << path;
    }
    if (auto added = git(m_topLevel, arguments); !added) {
        return std::unexpected(added.error());
    }
    auto made = worktreeOf(branch);
    if (!made) {
        return std::unexpected(made.error());
    }
    if (!*made) {
        return makeError(Error::Code::Unknown,
                         QStringLiteral("git created no worktree for %1 at %2.").arg(branch, path));
    }
    if (created) {
        *created = true;
    }
    return **made;
}

Result<void> GitRepository::removeWorktree(const QString &path) const
{
    auto removed = git(m_topLevel, {QStringLiteral("worktree"), QStringLiteral("remove"), path});
    if (!removed) {
        Error error = removed.error();
        error.hint = QStringLiteral("Commit or stash its changes first; nothing was removed.");
        return std::unexpected(error);
    }
    return {};
}

bool GitRepository::isTracked(const QString &worktree, const QString &relativePath) const
{
    return git(worktree, {QStringLiteral("ls-files"), QStringLiteral("--error-unmatch"),
                          QStringLiteral("--"), relativePath})
        .has_value();
}

} // namespace DevDock::Core
