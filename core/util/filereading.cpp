// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filereading.h"

#include <QFile>
#include <QDateTime>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace DevDock::Core {

namespace {

// size < 0: not known (the file grew while it was read).
std::unexpected<Error> tooLarge(const QString &path, const QString &what, qint64 maxBytes,
                                qint64 size = -1)
{
    const QString is = size < 0 ? QStringLiteral("is larger than")
                                : QStringLiteral("is %1 bytes, more than").arg(size);
    return makeError(Error::Code::InvalidArgument,
                     QStringLiteral("The %1 %2 %3 the %4 MiB DevDock reads.")
                         .arg(what, path, is)
                         .arg(maxBytes / (1024 * 1024)),
                     QStringLiteral("Name a smaller file (a compose file can be split with "
                                    "include:)."));
}

std::unexpected<Error> notRegular(const QString &path, const QString &what, const QString &kind)
{
    return makeError(
        Error::Code::InvalidArgument,
        QStringLiteral("The %1 %2 is not a regular file (it is %3).").arg(what, path, kind),
        QStringLiteral("Name a regular file; devices, FIFOs, sockets and directories are not "
                       "read."));
}

#ifdef Q_OS_UNIX
QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode)) {
        return QStringLiteral("a directory");
    }
    if (S_ISFIFO(mode)) {
        return QStringLiteral("a FIFO");
    }
    if (S_ISCHR(mode)) {
        return QStringLiteral("a character device");
    }
    if (S_ISBLK(mode)) {
        return QStringLiteral("a block device");
    }
    if (S_ISSOCK(mode)) {
        return QStringLiteral("a socket");
    }
    return QStringLiteral("not a file");
}
#endif

} // namespace

Result<QByteArray> readRegularFile(const QString &path, qint64 maxBytes, const QString &what)
{
    auto content = readRegularFileContent(path, maxBytes, what);
    if (!content) {
        return std::unexpected(content.error());
    }
    return std::move(content->bytes);
}

Result<RegularFileContent> readRegularFileContent(const QString &path, qint64 maxBytes,
                                                  const QString &what)
{
#ifdef Q_OS_UNIX
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. The type is then
    // checked on the open descriptor, so nothing can swap the file between check and read.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR) {
            return makeError(Error::Code::NotFound,
                             QStringLiteral("The %1 %2 does not exist.").arg(what, path));
        }
        return makeError(err == EACCES ? Error::Code::PermissionDenied : Error::Code::Io,
                         QStringLiteral("Cannot read the %1 %2: %3")
                             .arg(what, path, QString::fromLocal8Bit(std::strerror(err))));
    }
    struct FdCloser
    {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0) {
        return makeError(Error::Code::Io,
                         QStringLiteral("Cannot read the %1 %2: %3")
                             .arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (!S_ISREG(st.st_mode)) {
        return notRegular(path, what, kindOf(st.st_mode));
    }
    if (st.st_size > maxBytes) {
        return tooLarge(path, what, maxBytes, st.st_size);
    }
    // Read to the end even if the file grew since fstat, but never past the cap.
    QByteArray data;
    data.resize(static_cast<qsizetype>(st.st_size) + 1);
    qsizetype used = 0;
    while (true) {
        if (used == data.size()) {
            if (used > maxBytes) {
                return tooLarge(path, what, maxBytes);
            }
            data.resize(std::min<qsizetype>(data.size() * 2, maxBytes + 1));
        }
        const ssize_t n = ::read(fd, data.data() + used, static_cast<size_t>(data.size() - used));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return makeError(Error::Code::Io,
                             QStringLiteral("Cannot read the %1 %2: %3")
                                 .arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
        }
        if (n == 0) {
            break;
        }
        used += n;
    }
    if (used > maxBytes) {
        return tooLarge(path, what, maxBytes);
    }
    data.truncate(used);
    if (::fstat(fd, &st) != 0) {
        return makeError(Error::Code::Io,
                         QStringLiteral("Cannot read the %1 %2: %3")
                             .arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    return RegularFileContent{std::move(data),
                              qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
#else
    const QFileInfo info(path);
    if (!info.exists()) {
        return makeError(Error::Code::NotFound,
                         QStringLiteral("The %1 %2 does not exist.").arg(what, path));
    }
    if (!info.isFile()) {
        return notRegular(path, what,
                          info.isDir() ? QStringLiteral("a directory") : QStringLiteral("special"));
    }
    if (info.size() > maxBytes) {
        return tooLarge(path, what, maxBytes, info.size());
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return makeError(
            Error::Code::Io,
            QStringLiteral("Cannot read the %1 %2: %3").arg(what, path, f.errorString()));
    }
    QByteArray data = f.read(maxBytes + 1);
    if (data.size() > maxBytes) {
        return tooLarge(path, what, maxBytes);
    }
    return RegularFileContent{std::move(data), info.lastModified().toMSecsSinceEpoch() * 1000000};
#endif
}

} // namespace DevDock::Core
