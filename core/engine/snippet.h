// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <algorithm>

namespace DevDock::Core {

// Text an endpoint sent, made safe to quote in a message that reaches a terminal or a label:
// whatever answers on a socket may send escape sequences (clear the screen, retitle the
// terminal, fake a prompt). Header-only: the fuzzed HTTP parser uses it without the library.

// Printable ASCII stays; every other byte (controls, ESC, DEL, anything >= 0x80) becomes \xNN.
// At most `max` bytes of input are quoted; a cut is marked with "…".
inline QString quotedSnippet(QByteArrayView bytes, qsizetype max = 48)
{
    static constexpr char hex[] = "0123456789abcdef";
    QString text;
    const qsizetype n = std::min(bytes.size(), max);
    text.reserve(n * 2 + 3);
    text += QLatin1Char('"');
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
            text += QLatin1Char(char(c));
        } else {
            text += QLatin1String("\\x");
            text += QLatin1Char(hex[c >> 4]);
            text += QLatin1Char(hex[c & 0xf]);
        }
    }
    text += QLatin1Char('"');
    if (bytes.size() > max) {
        text += QChar(0x2026);
    }
    return text;
}

// A message from the engine (an error's "message" field): Unicode text stays, control characters
// (C0, DEL, C1: ESC starts every terminal escape) are escaped, and it is cut at `max` characters.
inline QString withoutControls(const QString &message, qsizetype max = 500)
{
    QString text;
    text.reserve(std::min(message.size(), max));
    for (const QChar c : message) {
        if (text.size() >= max) {
            text += QChar(0x2026);
            break;
        }
        const char16_t u = c.unicode();
        if (u == '\n' || u == '\t') {
            text += QLatin1Char(' ');
        } else if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029
                   || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069)) {
            // Controls, line separators and bidi overrides (which reorder what the user reads).
            text += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        } else {
            text += c;
        }
    }
    return text;
}

} // namespace DevDock::Core
