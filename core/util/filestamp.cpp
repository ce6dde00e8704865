// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filestamp.h"

#include "util/filereading.h"

#include <QCryptographicHash>
#include <QDateTime>

namespace DevDock::Core {

Result<StampedBytes> readFileStamped(const QString &path, qint64 maxBytes)
{
    // The loader's checked read: a FIFO or device is refused without blocking, the size capped.
    auto read = readRegularFileContent(path, maxBytes, QStringLiteral("file"));
    if (!read) {
        if (read.error().code == Error::Code::NotFound) {
            return StampedBytes{};
        }
        return std::unexpected(read.error());
    }
    StampedBytes out;
    out.bytes = std::move(read->bytes);
    // Bytes and time come from one descriptor: if the file changed while it was read, the hash
    // of what was read no longer matches the file, and a later save sees a conflict.
    out.stamp.exists = true;
    out.stamp.size = out.bytes.size();
    out.stamp.mtimeNs = read->mtimeNs;
    out.stamp.sha256 = QCryptographicHash::hash(out.bytes, QCryptographicHash::Sha256);
    return out;
}

Result<FileStamp> FileStamp::of(const QString &path)
{
    auto read = readFileStamped(path);
    if (!read) {
        return std::unexpected(read.error());
    }
    return read->stamp;
}

QString FileStamp::describe() const
{
    if (!exists) {
        return QStringLiteral("missing");
    }
    const QDateTime modified = QDateTime::fromMSecsSinceEpoch(mtimeNs / 1000000);
    return QStringLiteral("%1 bytes, modified %2")
        .arg(size)
        .arg(modified.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz")));
}

} // namespace DevDock::Core
