// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "twinname.h"

#include "compose/composeloader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace DevDock::Core {

namespace {

constexpr int kFirstPort = 1024;
constexpr int kLastPort = 65535;

quint32 fnv1a(const QByteArray &bytes)
{
    quint32 hash = 2166136261u;
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

QString TwinName::projectName(const QString &project, const QString &branch)
{
    QString suffix = normalizeProjectName(branch);
    if (suffix.isEmpty()) {
        suffix = QString::fromLatin1(
            QCryptographicHash::hash(branch.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
    }
    return normalizeProjectName(project + QLatin1Char('-') + suffix);
}

QString TwinName::worktreePath(const QString &mainCheckout, const QString &branch)
{
    const QFileInfo main(QDir::cleanPath(mainCheckout));
    QString slug = branch;
    slug.replace(QLatin1Char('/'), QLatin1Char('-'));
    return main.absoluteDir().filePath(main.fileName() + QLatin1Char('-') + slug);
}

int TwinName::preferredPort(int port, const QString &branch)
{
    const int offset = 1000 + 10 * int(fnv1a(branch.toUtf8()) % 400u);
    const int span = kLastPort - kFirstPort + 1;
    return kFirstPort + ((qMax(port, kFirstPort) - kFirstPort + offset) % span);
}

int TwinName::nextPort(int port)
{
    return port >= kLastPort ? kFirstPort : port + 1;
}

} // namespace DevDock::Core
