// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomicwrite.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace DevDock::Core {

namespace {

QMutex hookMutex;
std::function<void(const QString &)> beforeReplaceHook;
std::atomic<bool> unnamedTemporaryFiles{true};

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

bool isDiskFull(int error)
{
    return error == ENOSPC || error == EDQUOT;
}

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

QString folderOf(const QString &path)
{
    return QFileInfo(path).absolutePath();
}

// A fresh name beside the target for the new copy. It starts with ".devdock-" so that nothing
// reads it as one of the project's files (".env.*" would look like a profile), and it names the
// target so that a copy left by a crash tells whose it was.
QString temporaryName(const QString &target)
{
    return folderOf(target) + QStringLiteral("/.devdock-")
           + QString::number(QRandomGenerator::global()->generate(), 36) + QLatin1Char('-')
           + QFileInfo(target).fileName();
}

void syncFolder(const QString &folder)
{
    // Makes the rename itself durable; a folder that cannot be opened or synced still has the
    // renamed file, so this is best effort.
    const int fd = ::open(encoded(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

} // namespace

namespace Testing {
void setBeforeReplaceHook(std::function<void(const QString &path)> hook)
{
    const QMutexLocker lock(&hookMutex);
    beforeReplaceHook = std::move(hook);
}

void setUnnamedTemporaryFiles(bool on)
{
    unnamedTemporaryFiles = on;
}
} // namespace Testing

AtomicFile::AtomicFile(QString path, AtomicWriteOptions options)
    : m_target(std::move(path))
    , m_options(std::move(options))
{}

AtomicFile::~AtomicFile()
{
    cancel();
}

Error AtomicFile::ioError(const QString &what, int error)
{
    return Error{error == EACCES || error == EPERM || error == EROFS ? Error::Code::PermissionDenied
                                                                     : Error::Code::Io,
                 QStringLiteral("Cannot write %1: %2 (%3)").arg(m_target, what, errnoText(error)),
                 QStringLiteral("Check that the folder %1 exists and is writable; %2")
                     .arg(folderOf(m_target), m_preserve
                                                  ? QStringLiteral("the file was left as it was.")
                                                  : QStringLiteral("nothing was written."))};
}

Error AtomicFile::diskFull(int error, qint64 needed)
{
    // The temporary file goes first, so that the free space reported is what the user has.
    cancel();
    const QString folder = folderOf(m_target);
    struct statvfs fs = {};
    const bool known = ::statvfs(encoded(folder).constData(), &fs) == 0;
    const qint64 free = known ? qint64(fs.f_bavail) * qint64(fs.f_frsize) : 0;
    // The new copy is written beside the old one before it replaces it, so all of it must fit.
    const QString room = known ? QStringLiteral("%1 bytes are free there; free at least %2 more")
                                     .arg(free)
                                     .arg(std::max<qint64>(needed - free, 1))
                               : QStringLiteral("free at least %1 bytes").arg(needed);
    return Error{Error::Code::Io,
                 // A sentence of its own: message and hint are shown one after the other.
                 QStringLiteral("disk full%1: %2 bytes needed at %3.")
                     .arg(error == EDQUOT ? QStringLiteral(" (quota exceeded)") : QString(),
                          QString::number(needed), m_target),
                 QStringLiteral("The disk that holds %1 is full: %2, then try again. %3")
                     .arg(folder, room,
                          m_preserve ? QStringLiteral("%1 was left as it was.").arg(m_target)
                                     : QStringLiteral("Nothing was written."))};
}

Error AtomicFile::failure(int error, const QString &what, qint64 needed)
{
    return isDiskFull(error) ? diskFull(error, needed) : ioError(what, error);
}

std::unexpected<Error> AtomicFile::fail(Error error)
{
    cancel();
    m_failed = error;
    return std::unexpected<Error>(std::move(error));
}

void AtomicFile::cancel()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_tempPath.isEmpty()) {
        ::unlink(encoded(m_tempPath).constData());
        m_tempPath.clear();
    }
}

Result<void> AtomicFile::inspectTarget()
{
    // A symlink (a shared .env, a dotfiles checkout) keeps pointing where it did: the file it
    // names is the one replaced.
    const QFileInfo info(m_target);
    if (info.isSymLink() && !info.canonicalFilePath().isEmpty()) {
        m_target = info.canonicalFilePath();
    }
    struct stat st = {};
    if (::stat(encoded(m_target).constData(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) {
            return fail(
                Error{Error::Code::InvalidArgument,
                      QStringLiteral("Cannot write %1: it is not a regular file").arg(m_target),
                      QStringLiteral("Choose a plain file to write to.")});
        }
        m_preserve = true;
        m_uid = st.st_uid;
        m_gid = st.st_gid;
        m_mode = int(st.st_mode & 07777);
    } else if (errno != ENOENT) {
        return fail(ioError(QStringLiteral("cannot look at the file"), errno));
    }
    return {};
}

Result<void> AtomicFile::createTemporary()
{
    // A file with restricted permissions (a .env with secrets) is never readable by others
    // while it is written: the copy starts private and gets the original's mode at the end.
    const int createMode = m_preserve ? 0600 : m_options.newFileMode;
    const QString folder = folderOf(m_target);
#ifdef O_TMPFILE
    // An unnamed file: nothing is left behind if DevDock dies while writing. Linking it into
    // the folder later goes through /proc/self/fd, so without /proc a named file is used.
    if (unnamedTemporaryFiles && ::access("/proc/self/fd", X_OK) == 0) {
        m_fd = ::open(encoded(folder).constData(), O_TMPFILE | O_WRONLY | O_CLOEXEC, createMode);
        if (m_fd >= 0) {
            m_unnamed = true;
        } else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
            const int error = errno;
            return fail(failure(error, QStringLiteral("cannot create a file in %1").arg(folder),
                                std::max<qint64>(m_options.totalBytes, 0)));
        }
    }
#endif
    if (m_fd < 0) {
        for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
            const QString candidate = temporaryName(m_target);
            m_fd = ::open(encoded(candidate).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC,
                          createMode);
            if (m_fd >= 0) {
                m_tempPath = candidate;
            } else if (errno != EEXIST) {
                const int error = errno;
                return fail(failure(error, QStringLiteral("cannot create a file in %1").arg(folder),
                                    std::max<qint64>(m_options.totalBytes, 0)));
            }
        }
        if (m_fd < 0) {
            return fail(ioError(QStringLiteral("no free temporary name"), EEXIST));
        }
    }
    return {};
}

Result<void> AtomicFile::open()
{
    if (m_failed) {
        return std::unexpected(*m_failed);
    }
    if (auto inspected = inspectTarget(); !inspected) {
        return inspected;
    }
    if (auto created = createTemporary(); !created) {
        return created;
    }
    if (m_options.totalBytes > 0) {
        // Reserving the whole size first turns a full disk into one clear error before a byte
        // is written. File systems without fallocate are fine: write() still checks.
        if (::fallocate(m_fd, FALLOC_FL_KEEP_SIZE, 0, m_options.totalBytes) != 0
            && isDiskFull(errno)) {
            return fail(diskFull(errno, m_options.totalBytes));
        }
    }
    return {};
}

Result<void> AtomicFile::write(QByteArrayView bytes)
{
    if (m_failed) {
        return std::unexpected(*m_failed);
    }
    if (m_fd < 0) {
        return fail(ioError(QStringLiteral("the file is not open"), EBADF));
    }
    const char *data = bytes.data();
    qint64 left = bytes.size();
    while (left > 0) {
        // A short count is normal when the disk fills up mid-buffer: go on, and the next write
        // says why.
        const ssize_t n = ::write(m_fd, data, size_t(std::min<qint64>(left, 1 << 30)));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int error = n < 0 ? errno : EIO;
            return fail(failure(error, QStringLiteral("write failed"),
                                std::max(m_options.totalBytes, m_written + left)));
        }
        data += n;
        left -= n;
        m_written += n;
    }
    m_hash.addData(bytes);
    return {};
}

Result<void> AtomicFile::linkTemporary()
{
    if (!m_unnamed) {
        return {};
    }
    const QByteArray procPath = "/proc/self/fd/" + QByteArray::number(m_fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString candidate = temporaryName(m_target);
        if (::linkat(AT_FDCWD, procPath.constData(), AT_FDCWD, encoded(candidate).constData(),
                     AT_SYMLINK_FOLLOW)
            == 0) {
            m_tempPath = candidate;
            m_unnamed = false;
            return {};
        }
        if (errno != EEXIST) {
            const int error = errno;
            return fail(failure(error, QStringLiteral("cannot name the new file"), m_written));
        }
    }
    return fail(ioError(QStringLiteral("no free temporary name"), EEXIST));
}

Result<FileStamp> AtomicFile::commit()
{
    if (m_failed) {
        return std::unexpected(*m_failed);
    }
    if (m_fd < 0) {
        return std::unexpected(ioError(QStringLiteral("the file is not open"), EBADF));
    }
    // Some file systems (NFS, ext4 with delayed allocation) report a full disk only here.
    if (::fsync(m_fd) != 0) {
        const int error = errno;
        return fail(failure(error, QStringLiteral("sync failed"), m_written));
    }
    struct stat st = {};
    if (::fstat(m_fd, &st) != 0) {
        return fail(ioError(QStringLiteral("cannot check the new file"), errno));
    }
    if (st.st_size != m_written) {
        return fail(Error{
            Error::Code::Io,
            QStringLiteral("Cannot write %1: only %2 of %3 bytes reached the disk")
                .arg(m_target, QString::number(qint64(st.st_size)), QString::number(m_written)),
            QStringLiteral("Check the disk and try again; %1")
                .arg(m_preserve ? QStringLiteral("the file was left as it was.")
                                : QStringLiteral("nothing was written."))});
    }
    if (m_preserve) {
        // The owner first: chown clears the set-id bits that the mode may then set again. Only
        // root may give a file away; anyone else gets the file as any editor would leave it.
        if ((st.st_uid != m_uid || st.st_gid != m_gid) && ::fchown(m_fd, m_uid, m_gid) != 0
            && errno != EPERM) {
            return fail(ioError(QStringLiteral("cannot keep the owner"), errno));
        }
        if (::fchmod(m_fd, mode_t(m_mode)) != 0) {
            return fail(ioError(QStringLiteral("cannot keep the mode"), errno));
        }
    }
    if (auto linked = linkTemporary(); !linked) {
        return std::unexpected(linked.error());
    }
    std::function<void(const QString &)> hook;
    {
        const QMutexLocker lock(&hookMutex);
        hook = beforeReplaceHook;
    }
    if (hook) {
        hook(m_target);
    }
    // As late as it can be: everything is written, only the rename is left.
    if (m_options.expected) {
        auto current = FileStamp::of(m_target);
        if (!current) {
            return fail(current.error());
        }
        if (*current != *m_options.expected) {
            return fail(
                Error{Error::Code::Conflict,
                      QStringLiteral("%1 changed on disk since DevDock read it; nothing was "
                                     "written (read: %2; now: %3).")
                          .arg(m_target, m_options.expected->describe(), current->describe()),
                      QStringLiteral("Reload the file (or merge your change into it) and "
                                     "save again.")});
        }
    }
    if (::rename(encoded(m_tempPath).constData(), encoded(m_target).constData()) != 0) {
        const int error = errno;
        return fail(ioError(QStringLiteral("cannot replace the file"), error));
    }
    m_tempPath.clear(); // it is the target now
    syncFolder(folderOf(m_target));
    FileStamp stamp;
    stamp.exists = true;
    stamp.size = m_written;
    stamp.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    stamp.sha256 = m_hash.result();
    ::close(m_fd);
    m_fd = -1;
    return stamp;
}

Result<FileStamp> writeFileAtomically(const QString &path, QByteArrayView bytes,
                                      AtomicWriteOptions options)
{
    if (options.totalBytes < 0) {
        options.totalBytes = bytes.size();
    }
    AtomicFile file(path, std::move(options));
    if (auto opened = file.open(); !opened) {
        return std::unexpected(opened.error());
    }
    if (auto written = file.write(bytes); !written) {
        return std::unexpected(written.error());
    }
    return file.commit();
}

} // namespace DevDock::Core
