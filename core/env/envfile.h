// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "envdocument.h"
#include "util/filestamp.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace DevDock::Core {

// A .env file on disk: its document plus the exact bytes it was read from and their stamp, so
// that a save writes back every untouched byte and can tell whether someone else changed the
// file in the meantime.
struct EnvFile
{
    QString path;
    QString name; // file name, e.g. ".env.local"
    bool exists = false;
    QByteArray originalBytes; // as read
    FileStamp stamp;          // of originalBytes, as read (exists == false for a missing file)
    EnvDocument document;

    // Reads a file; a missing file is an empty, non-existing document (not an error).
    static Result<EnvFile> read(const QString &path);
    // Writes the document atomically (AtomicFile: checked writes, owner and mode kept) if the
    // file on disk, right before the rename, is still the one read; otherwise a Conflict error
    // and nothing is written. A full disk is an error and the file stays as it was. Updates
    // originalBytes and stamp on success.
    Result<void> save();
    // Whether the file on disk is no longer the one read (same rule as save()).
    bool changedOnDisk() const;
};

} // namespace DevDock::Core
