// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dockertest.h"

namespace DevDock::Test {

// Every entry of `volume`: path, type, mode, owner, size, and the sha256 of files / the target of
// links, read by a container labelled `label`. Two volumes with the same manifest hold the same
// data.
inline QString volumeManifest(const QString &volume, const QString &label)
{
    const Run r = docker({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--label"), label,
                          QStringLiteral("-v"), volume + QStringLiteral(":/data"), kTestImage, QStringLiteral("sh"),
                          QStringLiteral("-c"),
                          QStringLiteral("cd /data && find . | sort | while read -r p; do "
                                         "  t=$(stat -c '%F %a %u:%g %s' \"$p\"); "
                                         "  if [ -L \"$p\" ]; then x=$(readlink \"$p\"); "
                                         "  elif [ -f \"$p\" ]; then x=$(sha256sum \"$p\" | cut -d' ' -f1); else x=-; fi; "
                                         "  echo \"$p $t $x\"; done")});
    if (r.exitCode != 0) {
        qWarning("manifest failed: %s", r.err.constData());
        return {};
    }
    return QString::fromUtf8(r.out);
}

} // namespace DevDock::Test
