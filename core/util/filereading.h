// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace DevDock::Core {

// Caps for files DevDock reads whole: far above any real project, far below what would exhaust
// memory (/dev/zero, a runaway generator).
inline constexpr qint64 kMaxComposeFileBytes = 64LL * 1024 * 1024;
inline constexpr qint64 kMaxEnvFileBytes = 4LL * 1024 * 1024;

// Reads the whole of `path`, which must be a regular file (a symlink to one is fine) of at most
// `maxBytes`. A FIFO, a device, a socket or a directory is refused without blocking (it is opened
// non-blocking and checked before any read). `what` names the file in messages ("compose file",
// "env file"); every message names the path.
Result<QByteArray> readRegularFile(const QString &path, qint64 maxBytes, const QString &what);

// The same read, with the file's modification time (nanoseconds since the epoch) taken from the
// same open descriptor after the read, so that bytes and time describe one version of the file.
struct RegularFileContent
{
    QByteArray bytes;
    qint64 mtimeNs = 0;
};
Result<RegularFileContent> readRegularFileContent(const QString &path, qint64 maxBytes,
                                                  const QString &what);

} // namespace DevDock::Core
