// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace DevDock::Core {

// A colour as a terminal names it: the default, one of 256 indexed colours (0-15 are the classic
// 16), or a 24-bit RGB value.
struct AnsiColor
{
    enum class Kind : quint8 { Default, Indexed, Rgb };
    Kind kind = Kind::Default;
    quint32 value = 0; // index, or 0xRRGGBB
    bool operator==(const AnsiColor &) const = default;
};

struct AnsiStyle
{
    AnsiColor foreground;
    AnsiColor background;
    bool bold = false;
    bool dim = false;
    bool italic = false;
    bool underline = false;
    bool inverse = false;
    bool strike = false;
    bool operator==(const AnsiStyle &) const = default;
    bool isDefault() const { return *this == AnsiStyle{}; }
};

struct AnsiSpan
{
    qsizetype start = 0; // in the text, in QChar units
    qsizetype length = 0;
    AnsiStyle style;
    bool operator==(const AnsiSpan &) const = default;
};

// A log line as it is shown: text without escape sequences, and its styled runs.
struct StyledLine
{
    QString text;
    QList<AnsiSpan> spans; // only non-default runs
};

// Parses one line: SGR (colours 16, 256 and 24-bit; bold, dim, italic, underline, inverse,
// strike) becomes spans; every other escape sequence (cursor movement, erase, OSC titles and
// links, DCS, single-character escapes) and other C0 controls but tab are removed; a carriage
// return keeps only what follows it (a progress bar's last state). Bytes that are not UTF-8
// become replacement characters. `style` carries the style over from the line before.
StyledLine parseAnsi(QByteArrayView line, AnsiStyle *style = nullptr);

// The same filtering, for bytes that go to a terminal: no escape sequence at all survives.
QByteArray stripAnsi(QByteArrayView line);

// The standard xterm palette for an indexed colour (0-255) as 0xRRGGBB.
quint32 ansiPalette(int index);

} // namespace DevDock::Core
