// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/filestamp.h"
#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QString>

#include <functional>
#include <optional>

namespace DevDock::Core {

// How AtomicFile writes (a namespace-level struct: its defaults are usable in default arguments).
struct AtomicWriteOptions
{
    std::optional<FileStamp> expected; // what the caller read; nullopt: replace whatever is there
    qint64 totalBytes = -1;            // the size to come, when known: reserved up front
    int newFileMode = 0666;            // for a file that does not exist yet (umask applies)
};

// The one way DevDock writes a file: into a temporary file next to it, every write checked,
// synced, then renamed over the target. The target is either the old file byte for byte or the
// new one complete, never a part. On a short write or any error (a full disk above all) the
// temporary file goes away and the error says what to do: "disk full: N bytes needed at PATH".
//
// Why not QSaveFile: Qt's file engine returns a short count from write() when the disk fills up
// in the middle of a buffer, without setting an error, so QSaveFile::commit() renames the cut
// file over the original unless every write()'s return value is compared, which no caller did.
//
// An existing target keeps its owner, group and mode, and a symlink keeps pointing at the file
// it names (that file is replaced). With `expected` set, the target is compared with it right
// before the rename: a file another program changed since it was read is a Conflict, and the
// other program's edit stays.
class AtomicFile
{
public:
    using Options = AtomicWriteOptions;

    explicit AtomicFile(QString path, AtomicWriteOptions options = {});
    ~AtomicFile(); // cancels unless committed
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    Result<void> open();
    // Writes all of `bytes` or fails (and cancels): a short write is an error, not a count.
    Result<void> write(QByteArrayView bytes);
    // Syncs, checks, renames. The result is the stamp of the file as written.
    Result<FileStamp> commit();
    // Drops the temporary file; the target stays as it was.
    void cancel();

    QString path() const { return m_target; }
    qint64 bytesWritten() const { return m_written; }

private:
    Error diskFull(int error, qint64 needed);
    // A full disk says how much is needed; anything else says what failed.
    Error failure(int error, const QString &what, qint64 needed);
    Error ioError(const QString &what, int error);
    std::unexpected<Error> fail(Error error);
    Result<void> inspectTarget();   // resolves a symlink, notes owner and mode to keep
    Result<void> createTemporary(); // the new copy, unnamed where the file system allows
    Result<void> linkTemporary();

    QString m_target; // the file replaced (a symlink's target)
    Options m_options;
    int m_fd = -1;
    QString m_tempPath;     // a named temporary in the target's folder, once it has a name
    bool m_unnamed = false; // O_TMPFILE: no name until linkTemporary()
    bool m_preserve = false;
    unsigned m_uid = 0;
    unsigned m_gid = 0;
    int m_mode = 0;
    qint64 m_written = 0;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    std::optional<Error> m_failed;
};

// Writes `bytes` as the whole new content of `path` with AtomicFile.
Result<FileStamp> writeFileAtomically(const QString &path, QByteArrayView bytes,
                                      AtomicWriteOptions options = {});

namespace Testing {
// Runs right before AtomicFile's last check and rename, with the target's path: lets a test
// play the other program that edits the file at the worst moment. Empty: no hook.
void setBeforeReplaceHook(std::function<void(const QString &path)> hook);
// Off: AtomicFile uses a named temporary file as on file systems without O_TMPFILE.
void setUnnamedTemporaryFiles(bool on);
} // namespace Testing

} // namespace DevDock::Core
