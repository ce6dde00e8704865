// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace DevDock::Core {

// What a file held when DevDock read it: enough to tell, right before a save replaces it,
// whether another program changed it since. All three are compared because each alone misses
// an edit: the size misses a same-length edit, the mtime misses two writes within one timer
// tick of the file system (coarse kernel clock), and the hash misses nothing but costs a read.
struct FileStamp
{
    bool exists = false;
    qint64 size = 0;
    qint64 mtimeNs = 0; // nanoseconds since the epoch
    QByteArray sha256;

    bool operator==(const FileStamp &) const = default;

    // The stamp of the file at `path` now (missing: exists == false).
    static Result<FileStamp> of(const QString &path);
    // "size 120 bytes, modified 2026-12-01 10:31:02.123" for messages.
    QString describe() const;
};

// A whole file and its stamp, both taken from one open descriptor so that they describe the
// same version of the file.
struct StampedBytes
{
    QByteArray bytes;
    FileStamp stamp;
};

// Reads a regular file (a missing file is empty with stamp.exists == false, not an error).
// Anything that is not a regular file (FIFO, device, directory) and files over `maxBytes` are
// refused with a message: reading them would hang or exhaust memory.
Result<StampedBytes> readFileStamped(const QString &path, qint64 maxBytes = 64 * 1024 * 1024);

} // namespace DevDock::Core
