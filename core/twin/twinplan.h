// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace DevDock::Core {

// One published host port of a twin: the main checkout's port and the one the twin uses.
struct TwinPort
{
    QString service;
    int target = 0;
    QString protocol = QStringLiteral("tcp");
    QString hostIp;
    int mainPort = 0; // as the main checkout publishes it; 0: not published (kept for the override)
    int port = 0;     // the twin's; 0 until chosen
    QString variable; // the compose files take it from this variable (empty: a literal)
    bool viaOverride = false; // applied by the generated override, not by .env.local
    bool operator==(const TwinPort &) const = default;
};

// A branch's stack beside the main checkout's: where it lives, what it is called, its ports.
struct TwinPlan
{
    QString branch;
    QString mainProjectName;
    QString projectName;   // Compose's -p of the twin
    QString mainDirectory; // the project folder in the main checkout
    QString worktree;      // the twin's worktree (its top folder)
    QString directory;     // the project folder in the twin's worktree
    QStringList files;     // -f files of the twin as the user named them (mapped); empty: discover
    QStringList configFiles; // the twin's compose files as loaded (without the override)
    QString envProfile;
    bool worktreeCreated = false;
    QList<TwinPort> ports;
    QStringList reservedPorts; // "8080/tcp": the main checkout's, never given to a twin
    QString overridePath;      // the generated ports override (in DevDock's data, not the project)
    QString envLocalPath;      // the twin's .env.local
    // Compared in full: a plan travels in a signal's Result, which Qt's meta type compares.
    bool operator==(const TwinPlan &) const = default;
};

// One worktree of the project's repository, as `twin list` shows it.
struct TwinListing
{
    QString branch; // empty: detached
    QString head;
    QString worktree;
    QString directory;   // the project folder in it
    QString projectName; // the main checkout's own name, or the twin's
    bool main = false;
    bool locked = false;
    bool prunable = false;
};

} // namespace DevDock::Core
