// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "statekind.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

namespace DevDock::Ui {

// The one palette of state colours and icons. Colours derive from the widget palette: the hues
// are fixed (Okabe-Ito, distinguishable with common colour-vision deficiencies), their lightness
// follows the palette so that text and dots stay readable on a light and on a dark base; the
// neutral kinds (stopped, not created, unknown) take the palette's own greys.
class StatePalette
{
public:
    static bool isDark(const QPalette &palette);
    static QColor color(StateKind kind, const QPalette &palette);
    // A translucent fill behind a chip or node band of this kind.
    static QColor tint(StateKind kind, const QPalette &palette);
    // A round badge in the kind's colour with a glyph (check, play, clock, !, ×, square, dashed
    // ring, ?): readable without the colour.
    static QIcon icon(StateKind kind, const QPalette &palette);
    // The kind in one or two words ("running", "stopped").
    static QString label(StateKind kind);
    // A text symbol per kind for places without icons (the tray's menu, the log).
    static QString symbol(StateKind kind);
};

} // namespace DevDock::Ui
