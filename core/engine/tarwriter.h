// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace DevDock::Core {

// Builds an in-memory POSIX (ustar + pax) tar archive, the format the engine's archive API takes.
// Long paths use a pax extended header, so any path length works.
class TarWriter
{
public:
    void addFile(const QString &path, const QByteArray &data, int mode = 0644, qint64 mtime = 0);
    void addDirectory(const QString &path, int mode = 0755, qint64 mtime = 0);
    void addSymlink(const QString &path, const QString &target, qint64 mtime = 0);
    // Appends the two zero blocks that end an archive and returns it.
    QByteArray finish();
    qsizetype size() const { return m_data.size(); }

private:
    void addEntry(const QByteArray &name, char type, const QByteArray &data, int mode, qint64 mtime,
                  const QByteArray &linkTarget = {});
    void writeHeader(const QByteArray &name, char type, qint64 size, int mode, qint64 mtime,
                     const QByteArray &linkTarget);
    void pad();

    QByteArray m_data;
};

} // namespace DevDock::Core
