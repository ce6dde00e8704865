// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <vector>

#include <vterm.h>

namespace DevDock::Ui {

// One character cell as the terminal painted it. Colours stay libvterm's (indexed, RGB, or the
// default foreground/background flags) so the painter maps the defaults to the app's palette.
struct TerminalCell
{
    enum Attr : std::uint8_t {
        Bold = 1,
        Italic = 2,
        Underline = 4,
        Reverse = 8,
        Strike = 16,
        Blink = 32,
    };
    char32_t ch = 0;        // 0: blank
    char32_t combining = 0; // one combining mark on it, if any
    VTermColor fg{};
    VTermColor bg{};
    std::uint8_t width = 1; // 2: a wide glyph; 0: the right half of one
    std::uint8_t attrs = 0;
};
using TerminalLine = std::vector<TerminalCell>;

// The terminal's screen and scrollback, on libvterm's state layer (the parser and the VT state
// machine) with a cell grid of our own. libvterm's screen layer copies the whole grid on every
// scrolled line, which `yes` turns into hundreds of kilobytes a line; here a scroll of a full-
// width region rotates row vectors, and the row leaving the top moves into the scrollback ring.
// Lines are numbered from the oldest kept scrollback line (0) to the screen's last row.
class TerminalScreen final
{
public:
    static constexpr int ScrollbackLines = 10000;

    TerminalScreen(int rows, int columns);
    ~TerminalScreen();
    TerminalScreen(const TerminalScreen &) = delete;
    TerminalScreen &operator=(const TerminalScreen &) = delete;

    VTerm *vterm() const { return m_vt; }
    void write(const char *bytes, qsizetype size);
    // A flood of plain lines (`yes`, `cat` of a log) mostly scrolls out of the scrollback before
    // anyone could see it. When `bytes` starts with such lines, and what follows them is enough
    // plain lines to push every line now kept out of the scrollback, the unseen ones are counted
    // (droppedLines(), Damage::scrolled) instead of drawn, and the rest of those lines is parsed:
    // screen and scrollback end exactly as if all of them had been. Returns the bytes consumed
    // (0: nothing to skip; write() them). Only on the primary screen, scrolling as a whole,
    // with the parser between sequences and no line reaching the last column (wrapping depends
    // on modes libvterm does not report).
    // `scanned` (if given) tells how far the plain lines went: a later start before that point
    // cannot skip either, unless more bytes follow. Fewer than `minUnseen` unseen lines are
    // not worth the lines parsed after them: nothing is skipped then.
    qsizetype skipUnseen(QByteArrayView bytes, qsizetype *scanned = nullptr,
                         qsizetype minUnseen = 1);
    // The lines a skip parses after the unseen ones (the scrollback and the screen).
    qsizetype skipTailLines() const { return ScrollbackLines + m_rows; }
    void resize(int rows, int columns);

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    int cursorRow() const { return m_cursorRow; }
    int cursorColumn() const { return m_cursorColumn; }
    bool cursorVisible() const { return m_cursorVisible; }
    bool isAlternateScreen() const { return m_alt; }
    bool isReverseVideo() const { return m_reverse; }

    int scrollbackSize() const { return int(m_scrollback.size()); }
    int lineCount() const { return scrollbackSize() + m_rows; }
    // Lines dropped from the top of the scrollback so far: line numbers plus this are stable.
    qint64 droppedLines() const { return m_dropped; }
    // A line of scrollback or screen (empty past the end); scrollback lines carry no trailing
    // blanks.
    const TerminalLine &line(int index) const;
    const TerminalLine &screenRow(int row) const { return buffer().at(row).cells; }
    QString lineText(int index) const;
    // The text of the cells [fromColumn, toColumn) (a wide character counts where it starts).
    QString lineText(int index, int fromColumn, int toColumn) const;
    // The cell column where lineText(index)'s character `textIndex` is.
    int columnOfText(int index, int textIndex) const;

    // Damage since the last take: the screen rows [first, last] changed (first > last: none);
    // `scrolled` counts lines that moved into the scrollback.
    struct Damage
    {
        int first = 0;
        int last = -1;
        int scrolled = 0;
        bool any() const { return first <= last || scrolled > 0; }
    };
    Damage takeDamage();

    // Called when the terminal answers (keys, reports): bytes for the process.
    void setOutput(VTermOutputCallback *callback, void *user);
    // Called when a termprop changes (alternate screen, cursor).
    using PropCallback = void (*)(VTermProp prop, void *user);
    void setPropCallback(PropCallback callback, void *user)
    {
        m_propCallback = callback;
        m_propUser = user;
    }

private:
    friend struct TerminalStateCallbacks;

    // Where libvterm's parser is, as far as skipUnseen() needs to know: between sequences
    // (Ground) or inside one. Mirrors vterm's parser conservatively: when unsure it says "inside",
    // which only costs a skip.
    enum class Parse : std::uint8_t { Ground, Escape, EscapeIntermediate, Csi, String, StringEscape };
    static Parse nextParse(Parse state, unsigned char c);
    void feed(const char *bytes, qsizetype size);

    // A screen row; cells from `extent` on are known to be default blanks, so clearing and
    // keeping a short line costs its length, not the terminal's width.
    struct Row
    {
        TerminalLine cells;
        int extent = 0;
    };
    // The rows as a ring: a scroll of the whole screen moves `top`, nothing else.
    struct Buffer
    {
        std::vector<Row> rows;
        size_t top = 0;
        // No division: this runs for every glyph.
        size_t index(int r) const
        {
            const size_t i = top + size_t(r);
            return i >= rows.size() ? i - rows.size() : i;
        }
        Row &at(int r) { return rows[index(r)]; }
        const Row &at(int r) const { return rows[index(r)]; }
        void normalize();
    };

    Buffer &buffer() { return m_buffers[m_alt ? 1 : 0]; }
    const Buffer &buffer() const { return m_buffers[m_alt ? 1 : 0]; }
    TerminalCell blank() const;
    TerminalCell defaultBlank() const;
    void clearRow(Row &row, int from, int to) const;
    void pushScrollback(const Row &row);
    TerminalLine popScrollback();
    void damage(int first, int last)
    {
        // Rows outside the screen (libvterm's old cursor after a resize) are clipped here.
        first = first < 0 ? 0 : first;
        last = last >= m_rows ? m_rows - 1 : last;
        if (first <= last) {
            m_damage.first = m_damage.first > m_damage.last ? first : std::min(m_damage.first, first);
            m_damage.last = std::max(m_damage.last, last);
        }
    }

    VTerm *m_vt = nullptr;
    VTermState *m_state = nullptr;
    int m_rows = 0;
    int m_columns = 0;
    int m_cursorRow = 0;
    int m_cursorColumn = 0;
    bool m_cursorVisible = true;
    bool m_alt = false;
    bool m_reverse = false;
    TerminalCell m_pen;
    Buffer m_buffers[2];
    // A ring: m_scrollbackHead is the oldest line once it is full.
    std::vector<TerminalLine> m_scrollback;
    size_t m_scrollbackHead = 0;
    qint64 m_dropped = 0;
    Damage m_damage;
    Parse m_parse = Parse::Ground;
    // Since the last byte that was not plain text (or left the parser inside a sequence), a
    // line feed scrolled the whole primary screen: no scroll region, no margins, cursor at the
    // bottom; plain text keeps it so.
    bool m_plainScrolling = false;
    PropCallback m_propCallback = nullptr;
    void *m_propUser = nullptr;
};

} // namespace DevDock::Ui
