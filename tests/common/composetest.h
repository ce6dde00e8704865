// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small compose projects written on the fly, for tests.

#include "compose/composeloader.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace DevDock::Test {

inline bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// Writes `yaml` as compose.yaml into `dir` and loads it (options: name, environment, ...).
inline Core::Result<Core::ComposeProject>
loadInline(const QTemporaryDir &dir, const QByteArray &yaml, Core::ComposeLoadOptions options = {})
{
    if (!writeFile(dir.filePath(QStringLiteral("compose.yaml")), yaml)) {
        return Core::makeError(Core::Error::Code::Io, QStringLiteral("cannot write compose.yaml"));
    }
    options.workingDirectory = dir.path();
    return Core::loadComposeProject(options);
}

} // namespace DevDock::Test
