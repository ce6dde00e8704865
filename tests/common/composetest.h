// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small compose projects written on the fly, for tests.

#include "compose/composeloader.h"

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace DevDock::Test {

// Copies every file under `from` (hidden ones too) to the same place under `to`, e.g. the demo
// into a test's folder.
inline bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(file, target)) {
            return false;
        }
    }
    return true;
}

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
