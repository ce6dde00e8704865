// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QSettings>

namespace DevDock::Core {

// DevDock's settings file format: JSON, written with every write checked. Qt's own INI writer
// ignores short writes, so on a full disk QSettings renames a cut file over the old one and
// reports no error (every remembered project and choice gone). With this format a write that
// does not fit leaves the old file byte for byte, and saveSettings() says so.
QSettings::Format checkedSettingsFormat();

// Makes checkedSettingsFormat() the format of every default-constructed QSettings, and carries
// settings over from the INI file earlier DevDock versions wrote (once, when the new file does
// not exist yet). Call after the application's organization and name are set.
void prepareSettings();

// Writes `settings` now. An error names the file and, for a full disk, how much space the write
// needed; the file on disk is then the previous one, untouched.
Result<void> saveSettings(QSettings &settings);

// The settings group of one project's choices of a kind ("backups/1f2e…"): a folder path is no
// settings key, its hash is.
QString projectSettingsGroup(const QString &kind, const QString &projectKey);

} // namespace DevDock::Core
