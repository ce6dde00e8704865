// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace DevDock::Ui {

// Action icons: the desktop's icon theme through QIcon::fromTheme (freedesktop names), with
// DevDock's own SVGs (resources/icons/actions) as the fallback. The fallbacks are drawn in the
// current palette's button text colour, so they follow a light or dark theme.
class Icons
{
public:
    static QIcon action(const QString &freedesktopName);
    // The bundled fallback alone (tests, and places that want DevDock's look).
    static QIcon bundled(const QString &freedesktopName);
    static bool hasBundled(const QString &freedesktopName);
};

} // namespace DevDock::Ui
