// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"
#include "util/settingsfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace DevDock::Core {

// Settings DevDock and devdockctl share (one file, whatever the application name).
inline QSettings sharedSettings()
{
    return QSettings(checkedSettingsFormat(), QSettings::UserScope, QStringLiteral("DevDock"),
                     QStringLiteral("DevDock"));
}

// A short, stable name for a project folder (its canonical path, hashed).
inline QString projectKey(const QString &projectDirectory)
{
    const QString canonical = QDir(projectDirectory).canonicalPath();
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

// "group/<project key>": where a per-project choice is remembered.
inline QString projectSettingsKey(const QString &group, const QString &projectDirectory)
{
    return group + QLatin1Char('/') + projectKey(projectDirectory);
}

// Remembers a list per project folder (empty: forgets it); written at once, checked.
inline Result<void> rememberList(const QString &group, const QString &projectDirectory,
                         const QStringList &values)
{
    QSettings settings = sharedSettings();
    const QString key = projectSettingsKey(group, projectDirectory);
    if (values.isEmpty()) {
        settings.remove(key);
    } else {
        settings.setValue(key, values);
    }
    return saveSettings(settings);
}

} // namespace DevDock::Core
