// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filestamp.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace DevDock::Core {

namespace {

qint64 mtimeOf(const struct stat &st)
{
    return qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Error readError(const QString &path, int error)
{
    return Error{error == EACCES ? Error::Code::PermissionDenied : Error::Code::Io,
                 QStringLiteral("Cannot read %1: %2").arg(path, errnoText(error)),
                 QStringLiteral("Check that the file exists and that you may read it.")};
}

// Closes a descriptor on every way out.
struct FdGuard
{
    int fd = -1;
    ~FdGuard()
    {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

} // namespace

Result<StampedBytes> readFileStamped(const QString &path, qint64 maxBytes)
{
    StampedBytes out;
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
    FdGuard guard{::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (guard.fd < 0) {
        if (errno == ENOENT) {
            return out;
        }
        return std::unexpected(readError(path, errno));
    }
    struct stat st = {};
    if (::fstat(guard.fd, &st) != 0) {
        return std::unexpected(readError(path, errno));
    }
    if (!S_ISREG(st.st_mode)) {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("%1 is not a regular file").arg(path),
                         QStringLiteral("Point DevDock at a plain text file (not a device, pipe "
                                        "or folder)."));
    }
    if (st.st_size > maxBytes) {
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("%1 is too large (%2 bytes; at most %3 are read)")
                .arg(path, QString::number(qint64(st.st_size)), QString::number(maxBytes)),
            QStringLiteral("Check that this is the file you meant."));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    out.bytes.reserve(qsizetype(st.st_size));
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(guard.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return std::unexpected(readError(path, errno));
        }
        if (n == 0) {
            break;
        }
        if (out.bytes.size() + n > maxBytes) {
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("%1 grew past %2 bytes while it was read")
                                 .arg(path, QString::number(maxBytes)),
                             QStringLiteral("Check that this is the file you meant."));
        }
        out.bytes.append(buffer, n);
        hash.addData(QByteArrayView(buffer, n));
    }
    // The stamp comes from the same descriptor after the read: if the file changed meanwhile,
    // the hash of what was read no longer matches the file, and a later save sees a conflict.
    if (::fstat(guard.fd, &st) != 0) {
        return std::unexpected(readError(path, errno));
    }
    out.stamp.exists = true;
    out.stamp.size = out.bytes.size();
    out.stamp.mtimeNs = mtimeOf(st);
    out.stamp.sha256 = hash.result();
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
