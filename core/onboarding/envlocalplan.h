// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

namespace DevDock::Core {

class EnvProfile;

// What onboarding would write into a project's .env.local, worked out without writing anything.
// .env.local layers last, over every profile, so it gets only what no profile provides: the keys
// of .env.example that none of the project's profile files (.env, every .env.NAME) sets, with
// their example value; secrets only as their "# KEY=" marker line (the value lives in the
// keychain). A key that any profile sets is never copied, not even as a comment: a commented
// copy invites uncommenting, and then it silently overrides every profile again (and its value
// goes stale when the profile changes).
// An existing .env.local belongs to its user: the plan only adds the documented keys it lacks and
// takes out the stale copies an earlier onboarding made (a profile's key still holding the
// example's value, or commented as such); keys the user set to a value of their own stay, and are
// reported as overriding every profile. Nothing is applied here: the caller shows diff() first.
struct EnvLocalPlan
{
    enum class Action { Nothing, Create, Update };
    Action action = Action::Nothing;
    QString path;             // absolute path of .env.local
    QString currentText;      // as read; empty when the file does not exist
    QString plannedText;      // what onboarding would write (equal to currentText for Nothing)
    QByteArray plannedBytes;  // the same as written: lines kept from the file keep their bytes
    QStringList added;        // keys (with a value) the plan puts into .env.local
    QStringList markers;      // secrets it notes as "# KEY=" (their values go to the keychain)
    QStringList removed;      // stale copies of a profile's key it takes out
    QStringList profileKeys;  // keys a profile file sets: left to the profiles
    QStringList overrides;    // keys .env.local keeps although a profile sets them
    QStringList profileFiles; // the profile files looked at (".env", ".env.development", …)

    bool changes() const { return action != Action::Nothing; }
    // The change as a unified diff (a new file: every line added).
    QString diff() const;

    // `profile`: the active profile (its .env.local and .env.example); the other profiles' files
    // are read from its project directory.
    static Result<EnvLocalPlan> make(const EnvProfile &profile);
};

// A unified diff of two texts, line by line, with `context` unchanged lines around each change.
// Empty when the texts are equal.
QString unifiedDiff(const QString &before, const QString &after, const QString &beforeName,
                    const QString &afterName, int context = 3);

} // namespace DevDock::Core
