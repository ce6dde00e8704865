// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "envdocument.h"
#include "util/result.h"

#include <QString>

namespace DevDock::Core {

// A .env file on disk: its document plus the exact text it was read from, so that a save can
// tell whether someone else changed the file in the meantime.
struct EnvFile
{
    QString path;
    QString name; // file name, e.g. ".env.local"
    bool exists = false;
    QString originalText; // as read
    EnvDocument document;

    // Reads a file; a missing file is an empty, non-existing document (not an error).
    static Result<EnvFile> read(const QString &path);
    // Writes the document atomically (QSaveFile) if the file on disk still holds originalText;
    // otherwise a Conflict error and nothing is written. Updates originalText on success.
    Result<void> save();
};

} // namespace DevDock::Core
