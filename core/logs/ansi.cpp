// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ansi.h"

namespace DevDock::Core {

namespace {

constexpr char Esc = '\x1b';

// Where the escape sequence starting at `i` (at ESC) ends (one past it), and whether it is an
// SGR ("ESC [ params m") with its parameter bytes.
struct Sequence
{
    qsizetype end = 0;
    bool sgr = false;
    QByteArrayView params;
};

Sequence scanEscape(QByteArrayView s, qsizetype i)
{
    const qsizetype n = s.size();
    if (i + 1 >= n) {
        return {n};
    }
    const char kind = s.at(i + 1);
    if (kind == '[') { // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E
        qsizetype j = i + 2;
        while (j < n && s.at(j) >= 0x30 && s.at(j) <= 0x3F) {
            ++j;
        }
        const qsizetype paramsEnd = j;
        while (j < n && s.at(j) >= 0x20 && s.at(j) <= 0x2F) {
            ++j;
        }
        if (j >= n) {
            return {n};
        }
        const bool sgr = s.at(j) == 'm' && paramsEnd == j;
        return {j + 1, sgr, s.sliced(i + 2, paramsEnd - (i + 2))};
    }
    if (kind == ']' || kind == 'P' || kind == '_' || kind == '^' || kind == 'X') {
        // OSC / DCS / APC / PM / SOS: up to BEL or ST (ESC \).
        for (qsizetype j = i + 2; j < n; ++j) {
            if (s.at(j) == '\a') {
                return {j + 1};
            }
            if (s.at(j) == Esc && j + 1 < n && s.at(j + 1) == '\\') {
                return {j + 2};
            }
        }
        return {n};
    }
    if (kind >= 0x20 && kind <= 0x2F) { // ESC ( B and friends: one more byte
        return {std::min(i + 3, n)};
    }
    return {i + 2}; // ESC c, ESC 7, ESC M, ...
}

QList<int> parseParams(QByteArrayView params)
{
    QList<int> values;
    int current = 0;
    bool any = false;
    for (const char c : params) {
        if (c >= '0' && c <= '9') {
            current = std::min(current * 10 + (c - '0'), 100000);
            any = true;
        } else if (c == ';' || c == ':') {
            values << (any ? current : 0);
            current = 0;
            any = false;
        }
    }
    values << (any ? current : 0);
    return values;
}

void applySgr(const QList<int> &p, AnsiStyle &style)
{
    for (qsizetype i = 0; i < p.size(); ++i) {
        const int code = p.at(i);
        if (code == 0) {
            style = AnsiStyle{};
        } else if (code == 1) {
            style.bold = true;
        } else if (code == 2) {
            style.dim = true;
        } else if (code == 3) {
            style.italic = true;
        } else if (code == 4) {
            style.underline = true;
        } else if (code == 7) {
            style.inverse = true;
        } else if (code == 9) {
            style.strike = true;
        } else if (code == 21 || code == 22) {
            style.bold = style.dim = false;
        } else if (code == 23) {
            style.italic = false;
        } else if (code == 24) {
            style.underline = false;
        } else if (code == 27) {
            style.inverse = false;
        } else if (code == 29) {
            style.strike = false;
        } else if (code >= 30 && code <= 37) {
            style.foreground = {AnsiColor::Kind::Indexed, quint32(code - 30)};
        } else if (code >= 90 && code <= 97) {
            style.foreground = {AnsiColor::Kind::Indexed, quint32(code - 90 + 8)};
        } else if (code >= 40 && code <= 47) {
            style.background = {AnsiColor::Kind::Indexed, quint32(code - 40)};
        } else if (code >= 100 && code <= 107) {
            style.background = {AnsiColor::Kind::Indexed, quint32(code - 100 + 8)};
        } else if (code == 39) {
            style.foreground = {};
        } else if (code == 49) {
            style.background = {};
        } else if (code == 38 || code == 48) {
            AnsiColor &target = code == 38 ? style.foreground : style.background;
            if (i + 2 < p.size() && p.at(i + 1) == 5) {
                target = {AnsiColor::Kind::Indexed, quint32(std::clamp(p.at(i + 2), 0, 255))};
                i += 2;
            } else if (i + 4 < p.size() && p.at(i + 1) == 2) {
                const quint32 rgb = (quint32(std::clamp(p.at(i + 2), 0, 255)) << 16)
                                    | (quint32(std::clamp(p.at(i + 3), 0, 255)) << 8)
                                    | quint32(std::clamp(p.at(i + 4), 0, 255));
                target = {AnsiColor::Kind::Rgb, rgb};
                i += 4;
            } else {
                return; // malformed: ignore the rest
            }
        }
    }
}

// After the last carriage return that is not the line's end: what a terminal would show.
QByteArrayView afterCarriageReturn(QByteArrayView line)
{
    while (line.endsWith('\r')) {
        line.chop(1);
    }
    const qsizetype cr = line.lastIndexOf('\r');
    return cr < 0 ? line : line.sliced(cr + 1);
}

} // namespace

StyledLine parseAnsi(QByteArrayView rawLine, AnsiStyle *carried)
{
    const QByteArrayView line = afterCarriageReturn(rawLine);
    StyledLine out;
    AnsiStyle style = carried ? *carried : AnsiStyle{};
    QByteArray plain;
    plain.reserve(line.size());
    struct Run
    {
        qsizetype byteStart;
        AnsiStyle style;
    };
    QList<Run> runs;
    auto mark = [&] {
        if (!runs.isEmpty() && runs.last().byteStart == plain.size()) {
            runs.last().style = style;
        } else {
            runs.append({plain.size(), style});
        }
    };
    mark();
    for (qsizetype i = 0; i < line.size();) {
        const char c = line.at(i);
        if (c == Esc) {
            const Sequence seq = scanEscape(line, i);
            if (seq.sgr) {
                applySgr(parseParams(seq.params), style);
                mark();
            }
            i = seq.end;
            continue;
        }
        if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f) {
            ++i; // other controls: dropped
            continue;
        }
        plain.append(c);
        ++i;
    }
    if (carried) {
        *carried = style;
    }
    // Byte offsets to QChar offsets: decode each run on its own (runs split only at escapes).
    for (qsizetype r = 0; r < runs.size(); ++r) {
        const qsizetype from = runs.at(r).byteStart;
        const qsizetype to = r + 1 < runs.size() ? runs.at(r + 1).byteStart : plain.size();
        if (to <= from) {
            continue;
        }
        const QString piece = QString::fromUtf8(plain.constData() + from, to - from);
        if (!runs.at(r).style.isDefault()) {
            out.spans.append({out.text.size(), piece.size(), runs.at(r).style});
        }
        out.text += piece;
    }
    return out;
}

QByteArray stripAnsi(QByteArrayView rawLine)
{
    const QByteArrayView line = afterCarriageReturn(rawLine);
    QByteArray out;
    out.reserve(line.size());
    for (qsizetype i = 0; i < line.size();) {
        const char c = line.at(i);
        if (c == Esc) {
            i = scanEscape(line, i).end;
            continue;
        }
        if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f) {
            ++i;
            continue;
        }
        out.append(c);
        ++i;
    }
    return out;
}

quint32 ansiPalette(int index)
{
    static const quint32 base[16] = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
                                     0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
                                     0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};
    index = std::clamp(index, 0, 255);
    if (index < 16) {
        return base[index];
    }
    if (index < 232) {
        const int i = index - 16;
        auto level = [](int v) { return v == 0 ? 0 : 55 + v * 40; };
        return (quint32(level(i / 36)) << 16) | (quint32(level((i / 6) % 6)) << 8)
               | quint32(level(i % 6));
    }
    const quint32 gray = 8 + (index - 232) * 10;
    return (gray << 16) | (gray << 8) | gray;
}

} // namespace DevDock::Core
