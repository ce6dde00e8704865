// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "envfile.h"

#include "util/atomicwrite.h"

#include <QFileInfo>

namespace DevDock::Core {

Result<EnvFile> EnvFile::read(const QString &path)
{
    EnvFile file;
    file.path = path;
    file.name = QFileInfo(path).fileName();
    auto read = readFileStamped(path);
    if (!read) {
        return std::unexpected(read.error());
    }
    file.exists = read->stamp.exists;
    file.originalBytes = std::move(read->bytes);
    file.stamp = read->stamp;
    auto document = EnvDocument::parseBytes(file.originalBytes, file.name);
    if (!document) {
        return std::unexpected(document.error());
    }
    file.document = std::move(*document);
    return file;
}

Result<void> EnvFile::save()
{
    const QByteArray bytes = document.toBytes();
    AtomicFile::Options options;
    options.expected = stamp;
    auto written = writeFileAtomically(path, bytes, std::move(options));
    if (!written) {
        return std::unexpected(written.error());
    }
    originalBytes = bytes;
    stamp = *written;
    exists = true;
    return {};
}

bool EnvFile::changedOnDisk() const
{
    const auto now = FileStamp::of(path);
    return !now || *now != stamp;
}

} // namespace DevDock::Core
