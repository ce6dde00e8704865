// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "envfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace DevDock::Core {

Result<EnvFile> EnvFile::read(const QString &path)
{
    EnvFile file;
    file.path = path;
    file.name = QFileInfo(path).fileName();
    QFile f(path);
    if (!f.exists()) {
        return file;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io,
                         QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()),
                         QStringLiteral("Check the file's permissions."));
    }
    file.exists = true;
    file.originalText = QString::fromUtf8(f.readAll());
    auto document = EnvDocument::parse(file.originalText, file.name);
    if (!document) {
        return std::unexpected(document.error());
    }
    file.document = std::move(*document);
    return file;
}

Result<void> EnvFile::save()
{
    QFile current(path);
    QString onDisk;
    if (current.exists()) {
        if (!current.open(QIODevice::ReadOnly)) {
            return makeError(Error::Code::Io,
                             QStringLiteral("Cannot read %1: %2").arg(path, current.errorString()));
        }
        onDisk = QString::fromUtf8(current.readAll());
        current.close();
    }
    if (current.exists() != exists || onDisk != originalText) {
        return makeError(Error::Code::Conflict,
                         QStringLiteral("%1 changed on disk since DevDock read it; nothing was "
                                        "written.")
                             .arg(path),
                         QStringLiteral("Reload the file (or merge your change into it) and save "
                                        "again."));
    }
    const QString text = document.toString();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        return makeError(Error::Code::Io,
                         QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    }
    out.write(text.toUtf8());
    if (!out.commit()) {
        return makeError(Error::Code::Io,
                         QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    }
    originalText = text;
    exists = true;
    return {};
}

} // namespace DevDock::Core
