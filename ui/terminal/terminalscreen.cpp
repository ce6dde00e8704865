// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalscreen.h"

#include <algorithm>
#include <limits>

namespace DevDock::Ui {

namespace {

// Indexed colours leave two bytes of the union unset: zero them so that cells compare bytewise.
VTermColor normalized(VTermColor c)
{
    if (VTERM_COLOR_IS_INDEXED(&c)) {
        c.rgb.green = 0;
        c.rgb.blue = 0;
    }
    return c;
}

void setAttr(TerminalCell &pen, TerminalCell::Attr attr, bool on)
{
    pen.attrs = on ? std::uint8_t(pen.attrs | attr) : std::uint8_t(pen.attrs & ~attr);
}

const TerminalLine kNoLine;

// Text, carriage return and line feed: what a flood of plain lines is made of.
bool isPlain(unsigned char c)
{
    return (c >= 0x20 && c < 0x7f) || c == '\r' || c == '\n';
}

// The most bytes of lines a skip parses at once after the unseen ones (they must be parsed
// before the next frame: the grid holds stale lines until they are in).
constexpr qsizetype kMaxSkipTail = 512 * 1024;

} // namespace

struct TerminalStateCallbacks
{
    static TerminalScreen *self(void *user) { return static_cast<TerminalScreen *>(user); }

    static int putglyph(VTermGlyphInfo *info, VTermPos pos, void *user)
    {
        TerminalScreen *s = self(user);
        if (pos.row < 0 || pos.row >= s->m_rows || pos.col < 0 || pos.col >= s->m_columns) {
            return 1;
        }
        TerminalScreen::Row &row = s->buffer().at(pos.row);
        TerminalCell &cell = row.cells[size_t(pos.col)];
        cell = s->m_pen;
        cell.ch = info->chars[0];
        cell.combining = info->chars[0] ? info->chars[1] : 0;
        cell.width = std::uint8_t(std::clamp(info->width, 1, 2));
        int end = pos.col + 1;
        if (cell.width == 2 && pos.col + 1 < s->m_columns) {
            TerminalCell &right = row.cells[size_t(pos.col + 1)];
            right = s->m_pen;
            right.width = 0;
            ++end;
        }
        row.extent = std::max(row.extent, end);
        s->damage(pos.row, pos.row);
        return 1;
    }

    static int movecursor(VTermPos pos, VTermPos old, int visible, void *user)
    {
        TerminalScreen *s = self(user);
        s->damage(old.row, old.row);
        s->damage(pos.row, pos.row);
        s->m_cursorRow = pos.row;
        s->m_cursorColumn = pos.col;
        s->m_cursorVisible = visible;
        return 1;
    }

    // Full-width regions scroll by moving rows (the whole screen: the ring's top); anything else
    // falls back to libvterm's moverect + erase (returning 0).
    static int scrollrect(VTermRect rect, int downward, int rightward, void *user)
    {
        TerminalScreen *s = self(user);
        if (rightward != 0 || rect.start_col != 0 || rect.end_col != s->m_columns) {
            return 0;
        }
        TerminalScreen::Buffer &b = s->buffer();
        const int height = rect.end_row - rect.start_row;
        const int by = std::min(std::abs(downward), height);
        const bool whole = rect.start_row == 0 && rect.end_row == s->m_rows;
        if (whole && downward > 0 && !s->m_alt) {
            s->m_plainScrolling = true;
        }
        if (downward > 0) {
            // Lines leaving the top of the whole primary screen are kept in the scrollback.
            if (!s->m_alt && rect.start_row == 0) {
                for (int i = 0; i < by; ++i) {
                    s->pushScrollback(b.at(i));
                }
                s->m_damage.scrolled += by;
            }
            if (whole) {
                b.top = (b.top + size_t(by)) % b.rows.size();
            } else {
                for (int r = rect.start_row; r + by < rect.end_row; ++r) {
                    std::swap(b.at(r), b.at(r + by));
                }
            }
            for (int r = rect.end_row - by; r < rect.end_row; ++r) {
                s->clearRow(b.at(r), 0, s->m_columns);
            }
        } else if (downward < 0) {
            if (whole) {
                b.top = (b.top + b.rows.size() - size_t(by)) % b.rows.size();
            } else {
                for (int r = rect.end_row - 1; r - by >= rect.start_row; --r) {
                    std::swap(b.at(r), b.at(r - by));
                }
            }
            for (int r = rect.start_row; r < rect.start_row + by; ++r) {
                s->clearRow(b.at(r), 0, s->m_columns);
            }
        }
        s->damage(rect.start_row, rect.end_row - 1);
        return 1;
    }

    static int moverect(VTermRect dest, VTermRect src, void *user)
    {
        TerminalScreen *s = self(user);
        TerminalScreen::Buffer &b = s->buffer();
        // Copy through a temporary: the rectangles overlap.
        std::vector<TerminalLine> copy;
        const int width = src.end_col - src.start_col;
        for (int r = src.start_row; r < src.end_row; ++r) {
            const TerminalLine &cells = b.at(r).cells;
            copy.emplace_back(cells.begin() + src.start_col, cells.begin() + src.start_col + width);
        }
        for (int r = 0; r < int(copy.size()); ++r) {
            TerminalScreen::Row &row = b.at(dest.start_row + r);
            std::copy(copy[size_t(r)].begin(), copy[size_t(r)].end(),
                      row.cells.begin() + dest.start_col);
            row.extent = std::max(row.extent, dest.end_col);
        }
        s->damage(dest.start_row, dest.end_row - 1);
        return 1;
    }

    static int erase(VTermRect rect, int /*selective*/, void *user)
    {
        TerminalScreen *s = self(user);
        for (int r = rect.start_row; r < rect.end_row; ++r) {
            s->clearRow(s->buffer().at(r), rect.start_col, rect.end_col);
        }
        s->damage(rect.start_row, rect.end_row - 1);
        return 1;
    }

    static int initpen(void *user)
    {
        TerminalScreen *s = self(user);
        VTermColor fg;
        VTermColor bg;
        vterm_state_get_default_colors(s->m_state, &fg, &bg);
        s->m_pen = TerminalCell{};
        s->m_pen.fg = normalized(fg);
        s->m_pen.bg = normalized(bg);
        return 1;
    }

    static int setpenattr(VTermAttr attr, VTermValue *val, void *user)
    {
        TerminalCell &pen = self(user)->m_pen;
        switch (attr) {
        case VTERM_ATTR_BOLD:
            setAttr(pen, TerminalCell::Bold, val->boolean);
            break;
        case VTERM_ATTR_UNDERLINE:
            setAttr(pen, TerminalCell::Underline, val->number != 0);
            break;
        case VTERM_ATTR_ITALIC:
            setAttr(pen, TerminalCell::Italic, val->boolean);
            break;
        case VTERM_ATTR_BLINK:
            setAttr(pen, TerminalCell::Blink, val->boolean);
            break;
        case VTERM_ATTR_REVERSE:
            setAttr(pen, TerminalCell::Reverse, val->boolean);
            break;
        case VTERM_ATTR_STRIKE:
            setAttr(pen, TerminalCell::Strike, val->boolean);
            break;
        case VTERM_ATTR_FOREGROUND:
            pen.fg = normalized(val->color);
            break;
        case VTERM_ATTR_BACKGROUND:
            pen.bg = normalized(val->color);
            break;
        default:
            break;
        }
        return 1;
    }

    static int settermprop(VTermProp prop, VTermValue *val, void *user)
    {
        TerminalScreen *s = self(user);
        switch (prop) {
        case VTERM_PROP_ALTSCREEN:
            s->m_plainScrolling = false;
            if (bool(val->boolean) != s->m_alt) {
                s->m_alt = val->boolean;
                if (s->m_alt) {
                    for (TerminalScreen::Row &row : s->m_buffers[1].rows) {
                        s->clearRow(row, 0, s->m_columns);
                    }
                }
                s->damage(0, s->m_rows - 1);
            }
            break;
        case VTERM_PROP_CURSORVISIBLE:
            s->m_cursorVisible = val->boolean;
            s->damage(s->m_cursorRow, s->m_cursorRow);
            break;
        case VTERM_PROP_REVERSE:
            s->m_reverse = val->boolean;
            s->damage(0, s->m_rows - 1);
            break;
        default:
            break;
        }
        if (s->m_propCallback) {
            s->m_propCallback(prop, s->m_propUser);
        }
        return 1;
    }

    static int bell(void *) { return 1; }

    // Fewer rows push the lines above the cursor into the scrollback (the prompt stays in view);
    // more rows bring them back, as xterm does. Columns are cut or padded.
    static int resize(int rows, int columns, VTermPos *delta, void *user)
    {
        TerminalScreen *s = self(user);
        for (int b = 0; b < 2; ++b) {
            TerminalScreen::Buffer &buffer = s->m_buffers[b];
            buffer.normalize();
            std::vector<TerminalScreen::Row> &list = buffer.rows;
            const bool active = (b == 1) == s->m_alt;
            int shift = 0;
            if (rows < int(list.size()) && active) {
                shift = std::max(0, s->m_cursorRow + 1 - rows);
            }
            for (int i = 0; i < shift && b == 0; ++i) {
                s->pushScrollback(list[size_t(i)]);
            }
            list.erase(list.begin(), list.begin() + shift);
            int pulled = 0;
            if (b == 0 && !s->m_alt) {
                while (int(list.size()) < rows && !s->m_scrollback.empty()
                       && s->m_cursorRow + pulled + 1 < rows) {
                    TerminalScreen::Row row;
                    row.cells = s->popScrollback();
                    row.extent = int(row.cells.size());
                    list.insert(list.begin(), std::move(row));
                    ++pulled;
                }
            }
            list.resize(size_t(rows));
            for (TerminalScreen::Row &row : list) {
                const int had = int(row.cells.size());
                row.cells.resize(size_t(columns), s->defaultBlank());
                row.extent = std::min(row.extent, columns);
                if (had < columns) {
                    s->clearRow(row, had, columns);
                }
            }
            if (active) {
                delta->row = pulled - shift;
            }
        }
        s->m_rows = rows;
        s->m_columns = columns;
        s->m_plainScrolling = false;
        s->damage(0, rows - 1);
        return 1;
    }

    static int setlineinfo(int, const VTermLineInfo *, const VTermLineInfo *, void *)
    {
        return 1;
    }
};

namespace {

const VTermStateCallbacks kStateCallbacks = {
    &TerminalStateCallbacks::putglyph,    &TerminalStateCallbacks::movecursor,
    &TerminalStateCallbacks::scrollrect,  &TerminalStateCallbacks::moverect,
    &TerminalStateCallbacks::erase,       &TerminalStateCallbacks::initpen,
    &TerminalStateCallbacks::setpenattr,  &TerminalStateCallbacks::settermprop,
    &TerminalStateCallbacks::bell,        &TerminalStateCallbacks::resize,
    &TerminalStateCallbacks::setlineinfo,
};

} // namespace

TerminalScreen::TerminalScreen(int rows, int columns)
    : m_rows(rows)
    , m_columns(columns)
{
    m_vt = vterm_new(rows, columns);
    vterm_set_utf8(m_vt, 1);
    m_state = vterm_obtain_state(m_vt);
    TerminalStateCallbacks::initpen(this);
    for (Buffer &buffer : m_buffers) {
        buffer.rows.assign(size_t(rows), Row{TerminalLine(size_t(columns), blank()), 0});
    }
    vterm_state_set_callbacks(m_state, &kStateCallbacks, this);
    vterm_state_reset(m_state, 1);
}

TerminalScreen::~TerminalScreen()
{
    vterm_free(m_vt);
}

void TerminalScreen::setOutput(VTermOutputCallback *callback, void *user)
{
    vterm_output_set_callback(m_vt, callback, user);
}

void TerminalScreen::write(const char *bytes, qsizetype size)
{
    // Split after the last byte that is not plain text or leaves the parser inside a sequence:
    // only a scroll after it tells that plain lines scroll the whole screen.
    qsizetype settled = 0;
    Parse state = m_parse;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        state = nextParse(state, c);
        if (state != Parse::Ground || !isPlain(c)) {
            settled = i + 1;
        }
    }
    m_parse = state;
    if (settled > 0) {
        feed(bytes, settled);
        m_plainScrolling = false;
    }
    feed(bytes + settled, size - settled);
}

void TerminalScreen::feed(const char *bytes, qsizetype size)
{
    if (size > 0) {
        vterm_input_write(m_vt, bytes, size_t(size));
    }
}

// libvterm's parser (parser.c) as a state machine over bytes, reduced to "between sequences or
// not". Where libvterm might end a sequence that this does not, it stays inside (a missed skip).
TerminalScreen::Parse TerminalScreen::nextParse(Parse state, unsigned char c)
{
    const bool inString = state == Parse::String || state == Parse::StringEscape;
    if (c == 0x18 || c == 0x1a) { // CAN, SUB: abort any sequence
        return Parse::Ground;
    }
    if (c == 0x1b) {
        return inString ? Parse::StringEscape : Parse::Escape;
    }
    if (c == 0x07 && state == Parse::String) { // BEL ends an OSC/DCS string
        return Parse::Ground;
    }
    if (c < 0x20 || c == 0x7f) { // executed (or ignored) inside a sequence; it goes on
        return state;
    }
    switch (state) {
    case Parse::Ground:
        return Parse::Ground;
    case Parse::Escape:
        if (c >= 0x40 && c < 0x60) { // ESC + letter: a C1 control
            switch (c) {
            case 'P': // DCS
            case 'X': // SOS
            case ']': // OSC
            case '^': // PM
            case '_': // APC
                return Parse::String;
            case '[':
                return Parse::Csi;
            default:
                return Parse::Ground;
            }
        }
        if (c >= 0x20 && c < 0x30) {
            return Parse::EscapeIntermediate;
        }
        return c < 0x7f ? Parse::Ground : Parse::Escape;
    case Parse::EscapeIntermediate:
        return c >= 0x30 && c < 0x7f ? Parse::Ground : Parse::EscapeIntermediate;
    case Parse::Csi:
        return c >= 0x40 && c < 0x7f ? Parse::Ground : Parse::Csi;
    case Parse::String:
        return Parse::String;
    case Parse::StringEscape:
        return c == '\\' ? Parse::Ground : Parse::String; // ST; anything else: stay unsure
    }
    return state;
}

qsizetype TerminalScreen::skipUnseen(QByteArrayView bytes, qsizetype *scanned,
                                     qsizetype minUnseen)
{
    if (scanned) {
        *scanned = 0;
    }
    if (!m_plainScrolling || m_alt || m_parse != Parse::Ground || m_cursorRow != m_rows - 1
        || m_cursorColumn >= m_columns - 1) {
        return 0;
    }
    // The plain lines ahead, none reaching the last column.
    const char *d = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype end = 0;
    qsizetype lines = 0;
    int column = m_cursorColumn;
    for (; end < n; ++end) {
        const auto c = static_cast<unsigned char>(d[end]);
        if (c == '\n') {
            ++lines;
        } else if (c == '\r') {
            column = 0;
        } else if (c < 0x20 || c >= 0x7f || column >= m_columns - 1) {
            break;
        } else {
            ++column;
        }
    }
    if (scanned) {
        *scanned = end;
    }
    // These many lines after the unseen ones push every line kept now out of the scrollback.
    const qsizetype keep = skipTailLines();
    if (lines < keep + std::max<qsizetype>(1, minUnseen)) {
        return 0;
    }
    // The cut: after the "\r\n" that has `keep` line feeds after it (column 0 either way).
    qsizetype cut = -1;
    qsizetype after = 0;
    for (qsizetype i = end - 1; i > 0; --i) {
        if (d[i] == '\n' && ++after > keep && d[i - 1] == '\r') {
            cut = i + 1;
            break;
        }
    }
    if (cut < 0) {
        return 0;
    }
    // The tail: the `keep` lines after the cut.
    qsizetype tail = cut;
    for (qsizetype seen = 0; seen < keep; ++tail) {
        if (d[tail] == '\n') {
            ++seen;
        }
    }
    if (tail - cut > kMaxSkipTail) {
        return 0;
    }
    const qsizetype unseen = lines - (after - 1);
    // As the unseen lines would have: each scrolled one line into the scrollback (the ring's
    // oldest out, since the tail fills it anew) and left the cursor at column 0.
    m_dropped += unseen;
    m_damage.scrolled += int(std::min<qsizetype>(unseen, std::numeric_limits<int>::max() / 2));
    feed("\r", 1);
    write(d + cut, tail - cut);
    return tail;
}

void TerminalScreen::resize(int rows, int columns)
{
    if (rows != m_rows || columns != m_columns) {
        vterm_set_size(m_vt, rows, columns);
    }
}

TerminalCell TerminalScreen::blank() const
{
    TerminalCell cell;
    cell.fg = m_pen.fg;
    cell.bg = m_pen.bg;
    return cell;
}

TerminalCell TerminalScreen::defaultBlank() const
{
    TerminalCell cell;
    cell.fg.type = VTERM_COLOR_DEFAULT_FG | VTERM_COLOR_INDEXED;
    cell.bg.type = VTERM_COLOR_DEFAULT_BG | VTERM_COLOR_INDEXED;
    cell.fg = normalized(cell.fg);
    cell.bg = normalized(cell.bg);
    return cell;
}

void TerminalScreen::clearRow(Row &row, int from, int to) const
{
    const TerminalCell cell = blank();
    const bool plain = cell.attrs == 0 && VTERM_COLOR_IS_DEFAULT_BG(&cell.bg);
    to = std::min(to, int(row.cells.size()));
    if (plain) {
        // Past the extent every cell is a default blank already.
        const int until = std::min(to, row.extent);
        if (from < until) {
            std::fill(row.cells.begin() + from, row.cells.begin() + until, cell);
        }
        if (to >= row.extent) {
            row.extent = std::min(row.extent, from);
        }
    } else {
        if (from < to) {
            std::fill(row.cells.begin() + from, row.cells.begin() + to, cell);
        }
        row.extent = std::max(row.extent, to);
    }
}

void TerminalScreen::Buffer::normalize()
{
    std::rotate(rows.begin(), rows.begin() + qsizetype(top), rows.end());
    top = 0;
}

void TerminalScreen::pushScrollback(const Row &row)
{
    // Trailing blanks on the default background carry nothing.
    auto end = row.cells.begin() + row.extent;
    while (end != row.cells.begin()) {
        const TerminalCell &c = *(end - 1);
        if (c.ch != 0 || !VTERM_COLOR_IS_DEFAULT_BG(&c.bg) || c.attrs != 0) {
            break;
        }
        --end;
    }
    if (m_scrollback.size() < size_t(ScrollbackLines)) {
        m_scrollback.emplace_back(row.cells.begin(), end);
        return;
    }
    // Full: the oldest line's storage takes the new one.
    m_scrollback[m_scrollbackHead].assign(row.cells.begin(), end);
    m_scrollbackHead = (m_scrollbackHead + 1) % m_scrollback.size();
    ++m_dropped;
}

TerminalLine TerminalScreen::popScrollback()
{
    TerminalLine last;
    if (m_scrollback.size() < size_t(ScrollbackLines) || m_scrollbackHead == 0) {
        last = std::move(m_scrollback.back());
        m_scrollback.pop_back();
        if (m_scrollbackHead != 0) {
            m_scrollbackHead = 0;
        }
    } else {
        // Rotate the ring into order first, then take the newest.
        std::rotate(m_scrollback.begin(), m_scrollback.begin() + qsizetype(m_scrollbackHead),
                    m_scrollback.end());
        m_scrollbackHead = 0;
        last = std::move(m_scrollback.back());
        m_scrollback.pop_back();
    }
    return last;
}

const TerminalLine &TerminalScreen::line(int index) const
{
    if (index < 0 || index >= lineCount()) {
        return kNoLine;
    }
    if (index < scrollbackSize()) {
        return m_scrollback[(m_scrollbackHead + size_t(index)) % m_scrollback.size()];
    }
    return buffer().at(index - scrollbackSize()).cells;
}

QString TerminalScreen::lineText(int index) const
{
    return lineText(index, 0, std::numeric_limits<int>::max());
}

QString TerminalScreen::lineText(int index, int fromColumn, int toColumn) const
{
    QString text;
    const TerminalLine &cells = line(index);
    const int end = std::min(toColumn, int(cells.size()));
    for (int column = std::max(0, fromColumn); column < end; ++column) {
        const TerminalCell &cell = cells[size_t(column)];
        if (cell.width == 0) {
            continue; // the right half of a wide character
        }
        if (cell.ch == 0) {
            text += QLatin1Char(' ');
            continue;
        }
        text += QString::fromUcs4(&cell.ch, 1);
        if (cell.combining) {
            text += QString::fromUcs4(&cell.combining, 1);
        }
    }
    while (text.endsWith(QLatin1Char(' '))) {
        text.chop(1);
    }
    return text;
}

int TerminalScreen::columnOfText(int index, int textIndex) const
{
    const TerminalLine &cells = line(index);
    int chars = 0;
    int column = 0;
    for (; column < int(cells.size()) && chars < textIndex; ++column) {
        const TerminalCell &cell = cells[size_t(column)];
        if (cell.width != 0) {
            chars += cell.ch > 0xffff ? 2 : 1; // UTF-16, as QString counts
            chars += cell.combining ? (cell.combining > 0xffff ? 2 : 1) : 0;
        }
    }
    // Past the right half of a wide character that ends the range.
    while (column < int(cells.size()) && cells[size_t(column)].width == 0) {
        ++column;
    }
    return column + std::max(0, textIndex - chars);
}

TerminalScreen::Damage TerminalScreen::takeDamage()
{
    return std::exchange(m_damage, Damage{});
}

} // namespace DevDock::Ui
