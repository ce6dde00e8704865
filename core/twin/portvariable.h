// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "util/result.h"

#include <QHash>
#include <QString>

namespace DevDock::Core {

// A published host port that a compose file takes from a variable: `"${WEB_PORT:-8080}:80"`,
// `"127.0.0.1:$DB_PORT:5432"` or `published: ${WEB_PORT}`. Such a port moves by setting the
// variable; a literal one (`"6379:6379"`) only by an override of the service's ports.
struct PortVariable
{
    QString service;
    int target = 0;
    QString protocol = QStringLiteral("tcp");
    QString variable;

    // The key a loaded port is looked up by: "web/80/tcp".
    static QString key(const QString &service, int target, const QString &protocol);
    // The variable a port's host part is, when it is exactly one reference (${X}, ${X:-d},
    // ${X-d}, ${X:?e}, $X); empty for a literal or a mix ("1${X}").
    static QString variableOf(const QString &hostPart);
    // Splits a short-syntax port at the colons outside ${...} and [...]:
    // "[::1]:${P:-80}:80/tcp" -> "[::1]", "${P:-80}", "80/tcp".
    static QStringList splitShortSyntax(const QString &text);

    // Every port variable of the project's compose files, by key(); a later file wins, as in
    // the merge. Reads the files as written (before interpolation).
    static Result<QHash<QString, PortVariable>> find(const ComposeProject &project);
};

} // namespace DevDock::Core
