// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A full disk for the fault tests: a tmpfs of a few KB (the tests run as root and mount it).
#pragma once

#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>

#include <sys/mount.h>
#include <sys/statvfs.h>

namespace DevDock::Test {

// A tmpfs of its own, unmounted when the test ends (also when it fails).
class SmallDisk
{
public:
    explicit SmallDisk(qint64 bytes)
    {
        const QByteArray options = "size=" + QByteArray::number(bytes);
        m_mounted = ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0,
                            options.constData())
                    == 0;
        m_error = m_mounted ? QString() : QString::fromLocal8Bit(std::strerror(errno));
    }
    ~SmallDisk()
    {
        if (m_mounted) {
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
        }
    }
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    bool isMounted() const { return m_mounted; }
    QString mountError() const { return m_error; }
    QString path() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    qint64 freeBytes() const
    {
        struct statvfs fs = {};
        ::statvfs(QFile::encodeName(m_dir.path()).constData(), &fs);
        return qint64(fs.f_bavail) * qint64(fs.f_frsize);
    }
    // Writes a filler file until exactly `leave` bytes stay free (a multiple of the page size).
    bool fillLeaving(qint64 leave)
    {
        const qint64 fill = freeBytes() - leave;
        return fill >= 0 && writeFiller(path("filler"), fill) && freeBytes() == leave;
    }
    void unfill() { QFile::remove(path("filler")); }

private:
    static bool writeFiller(const QString &path, qint64 bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate)
               && f.write(QByteArray(bytes, 'f')) == bytes && f.flush();
    }

    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_error;
};

#define MOUNT_OR_FAIL(disk)                                                                        \
    QVERIFY2((disk).isMounted(),                                                                   \
             qPrintable("cannot mount a tmpfs (the tests run as root): " + (disk).mountError()))

} // namespace DevDock::Test
