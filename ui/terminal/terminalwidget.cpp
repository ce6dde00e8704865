// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalwidget.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cstring>
#include <limits>

namespace DevDock::Ui {

namespace {

// One parse slice: small enough to return to the event loop well within 50 ms on a slow machine.
constexpr qsizetype kSliceBytes = 16 * 1024;
// Plain lines queued from this many bytes on are a flood: parsing them may wait kDeferMs for
// more, so that most of them scroll out unseen (TerminalScreen::skipUnseen).
constexpr qsizetype kFloodBytes = 32 * 1024;
constexpr int kDeferMs = 12;
constexpr int kDeferStepMs = 2;
// Parsed bytes at the front of the queue are dropped once there are this many.
constexpr qsizetype kCompactBytes = 1024 * 1024;
constexpr int kSliceBudgetMs = 8;
// At most one frame per this many milliseconds (60 Hz).
constexpr int kFrameMs = 16;
constexpr int kWheelLines = 3;

bool isPlainAscii(const TerminalCell &c)
{
    return c.width == 1 && c.ch < 0x7f && c.combining == 0;
}

QString cellString(const TerminalCell &c)
{
    QString s = QString::fromUcs4(&c.ch, 1);
    if (c.combining) {
        s += QString::fromUcs4(&c.combining, 1);
    }
    return s;
}

} // namespace

struct TerminalWidgetCallbacks
{
    static void output(const char *s, size_t len, void *user)
    {
        emit static_cast<TerminalWidget *>(user)->inputReady(QByteArray(s, qsizetype(len)));
    }
    static void prop(VTermProp prop, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        if (prop == VTERM_PROP_ALTSCREEN) {
            w->m_scrollOffset = 0; // the alternate screen has no scrollback
            emit w->alternateScreenChanged(w->m_screen->isAlternateScreen());
        }
    }
};

TerminalWidget::TerminalWidget(QWidget *parent)
    : QWidget(parent)
    , m_screen(std::make_unique<TerminalScreen>(24, 80))
{
    setAccessibleName(tr("Terminal"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_InputMethodEnabled);
    m_screen->setOutput(&TerminalWidgetCallbacks::output, this);
    m_screen->setPropCallback(&TerminalWidgetCallbacks::prop, this);
    m_parseTimer.setInterval(0);
    connect(&m_parseTimer, &QTimer::timeout, this, [this] { parseSlice(false); });
    m_repaintTimer.setSingleShot(true);
    connect(&m_repaintTimer, &QTimer::timeout, this, &TerminalWidget::repaintDamage);
    m_sincePaint.start();
    updateFontMetrics();
}

TerminalWidget::~TerminalWidget() = default;

void TerminalWidget::feed(QByteArrayView bytes)
{
    m_pending.append(bytes);
    if (!m_parseTimer.isActive()) {
        m_parseTimer.start();
    }
}

void TerminalWidget::parseSlice(bool flushing)
{
    QElapsedTimer budget;
    budget.start();
    m_parseTimer.setInterval(0);
    while (m_pendingPos < m_pending.size() && budget.elapsed() < kSliceBudgetMs) {
        const QByteArrayView rest(m_pending.constData() + m_pendingPos,
                                  m_pending.size() - m_pendingPos);
        qsizetype took = 0;
        // Lines that scroll out unseen are counted, not drawn. A failed try is not repeated
        // before its scan's end (or, when it ran into the end, before more bytes came).
        if (m_pendingPos >= m_skipRetryAt && m_pending.size() > m_skipRetrySize) {
            qsizetype scanned = 0;
            // While a flood may wait for more of itself, skip only when the unseen lines
            // outnumber the lines parsed after them by far.
            const bool mayWait = !flushing && rest.size() >= kFloodBytes
                                 && (!m_deferred.isValid() || m_deferred.elapsed() < kDeferMs);
            took = m_screen->skipUnseen(rest, &scanned,
                                        mayWait ? 4 * m_screen->skipTailLines() : 1);
            if (took == 0 && scanned > 0) {
                if (scanned < rest.size()) {
                    m_skipRetryAt = m_pendingPos + scanned;
                    m_skipRetrySize = -1;
                } else {
                    m_skipRetrySize = m_pending.size();
                    // A flood of plain lines, too few yet to skip: wait a little for more
                    // (up to most of a frame), rather than parse lines that are about to go.
                    if (mayWait) {
                        if (!m_deferred.isValid()) {
                            m_deferred.start();
                        }
                        m_parseTimer.start(kDeferStepMs);
                        break;
                    }
                }
            }
        }
        m_deferred.invalidate();
        if (took == 0) {
            took = std::min(kSliceBytes, rest.size());
            m_screen->write(rest.data(), took);
        }
        m_pendingPos += took;
        m_bytesParsed += took;
    }
    if (m_pendingPos >= m_pending.size()) {
        m_pending.clear();
        m_pendingPos = 0;
        m_skipRetryAt = 0;
        m_skipRetrySize = -1;
        m_parseTimer.stop();
    } else if (m_pendingPos > kCompactBytes && m_pendingPos > m_pending.size() / 2) {
        // Drop what is parsed, so a long flood does not grow the buffer without end (and the
        // copy stays cheaper than what was parsed).
        m_pending.remove(0, m_pendingPos);
        m_skipRetryAt = std::max<qsizetype>(0, m_skipRetryAt - m_pendingPos);
        m_skipRetrySize = m_skipRetrySize < 0 ? -1 : m_skipRetrySize - m_pendingPos;
        m_pendingPos = 0;
    }
    const TerminalScreen::Damage d = m_screen->takeDamage();
    if (!d.any()) {
        return;
    }
    if (d.scrolled > 0) {
        if (m_scrollOffset > 0) {
            // Reading the scrollback: the view stays on the same lines.
            m_scrollOffset = std::min(m_scrollOffset + d.scrolled, scrollbackSize());
        }
        m_fullRepaint = true;
        emit scrollChanged(m_scrollOffset, scrollbackSize());
    }
    if (d.first <= d.last) {
        m_damageFirst = m_damageLast < m_damageFirst ? d.first : std::min(m_damageFirst, d.first);
        m_damageLast = std::max(m_damageLast, d.last);
    }
    scheduleRepaint();
}

void TerminalWidget::scheduleRepaint()
{
    if (m_repaintTimer.isActive()) {
        return;
    }
    // The first frame after a quiet spell goes out now; then one per frame interval.
    m_repaintTimer.start(std::max<qint64>(0, kFrameMs - m_sincePaint.elapsed()));
}

void TerminalWidget::repaintDamage()
{
    if (m_fullRepaint || m_scrollOffset > 0) {
        update();
    } else if (m_damageFirst <= m_damageLast) {
        update(0, m_damageFirst * m_cellHeight, width(),
               (m_damageLast - m_damageFirst + 1) * m_cellHeight);
    }
    m_fullRepaint = false;
    m_damageFirst = 0;
    m_damageLast = -1;
}

void TerminalWidget::flushInput()
{
    while (!m_pending.isEmpty()) {
        parseSlice(true);
    }
}

QString TerminalWidget::rowText(int row) const
{
    return m_screen->lineText(scrollbackSize() + row);
}

QString TerminalWidget::screenText() const
{
    QStringList lines;
    for (int r = 0; r < rows(); ++r) {
        lines << rowText(r);
    }
    return lines.join(QLatin1Char('\n'));
}

QList<int> TerminalWidget::find(const QString &text) const
{
    QList<int> hits;
    if (text.isEmpty()) {
        return hits;
    }
    for (int i = 0; i < m_screen->lineCount(); ++i) {
        if (m_screen->lineText(i).contains(text, Qt::CaseInsensitive)) {
            hits << i;
        }
    }
    return hits;
}

void TerminalWidget::setScrollOffset(int offset)
{
    offset = isAlternateScreen() ? 0 : std::clamp(offset, 0, scrollbackSize());
    if (offset == m_scrollOffset) {
        return;
    }
    m_scrollOffset = offset;
    update();
    emit scrollChanged(m_scrollOffset, scrollbackSize());
}

bool TerminalWidget::findNext(const QString &text, bool backwards)
{
    if (text.isEmpty()) {
        clearSearch();
        return false;
    }
    const int count = m_screen->lineCount();
    const qint64 dropped = m_screen->droppedLines();
    const bool sameText = text.compare(m_searchText, Qt::CaseInsensitive) == 0;
    m_searchText = text;
    // Where to start: after (before) the current hit, else from the bottom of the view upwards.
    int line = lineAtViewRow(rows() - 1);
    int column = backwards ? std::numeric_limits<int>::max() : -1;
    if (sameText && m_matchLine >= 0 && m_matchLine - dropped >= 0) {
        line = int(m_matchLine - dropped);
        column = m_matchColumn;
    } else if (!backwards) {
        line = std::max(0, lineAtViewRow(0));
    }
    for (int step = 0; step <= count; ++step) {
        const int l = ((line + (backwards ? -step : step)) % count + count) % count;
        const QString t = m_screen->lineText(l);
        qsizetype at = -1;
        if (backwards) {
            const qsizetype from = step == 0 ? qsizetype(column) - 1 : t.size();
            at = from < 0 ? -1 : t.lastIndexOf(text, from, Qt::CaseInsensitive);
        } else {
            at = t.indexOf(text, step == 0 ? column + 1 : 0, Qt::CaseInsensitive);
        }
        if (at >= 0) {
            m_matchLine = l + dropped;
            m_matchColumn = int(at);
            // Bring the hit into view: the live screen when it is there, else the scrollback.
            const int viewTop = lineAtViewRow(0);
            if (l < viewTop || l >= viewTop + rows()) {
                setScrollOffset(std::max(0, scrollbackSize() - l + rows() / 2));
            }
            update();
            return true;
        }
    }
    m_matchLine = -1;
    update();
    return false;
}

void TerminalWidget::clearSearch()
{
    m_searchText.clear();
    m_matchLine = -1;
    update();
}

TerminalWidget::Match TerminalWidget::currentMatch() const
{
    const qint64 line = m_matchLine - m_screen->droppedLines();
    if (m_matchLine < 0 || line < 0) {
        return {};
    }
    return {int(line), m_matchColumn, int(m_searchText.size())};
}

QList<TerminalWidget::Match> TerminalWidget::matchesInLine(int line) const
{
    QList<Match> matches;
    if (m_searchText.isEmpty()) {
        return matches;
    }
    const QString t = m_screen->lineText(line);
    for (qsizetype at = t.indexOf(m_searchText, 0, Qt::CaseInsensitive); at >= 0;
         at = t.indexOf(m_searchText, at + 1, Qt::CaseInsensitive)) {
        matches.append({line, int(at), int(m_searchText.size())});
    }
    return matches;
}

void TerminalWidget::setZoom(int steps)
{
    steps = std::clamp(steps, -8, 24);
    if (steps == m_zoom) {
        return;
    }
    m_zoom = steps;
    updateFontMetrics();
    resizeTerminal();
    update();
    emit zoomChanged(m_zoom);
}

void TerminalWidget::updateFontMetrics()
{
    // The fixed-pitch face, at the size the application's font has (so the app's font size and
    // the desktop's scaling apply), plus the terminal's own zoom steps.
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const qreal base = QApplication::font().pointSizeF() > 0 ? QApplication::font().pointSizeF()
                                                             : m_font.pointSizeF();
    m_font.setPointSizeF(std::max(4.0, base + m_zoom));
    m_font.setStyleHint(QFont::TypeWriter);
    m_styledFonts = {};
    const QFontMetrics metrics(m_font);
    m_cellWidth = std::max(1, metrics.horizontalAdvance(QLatin1Char('M')));
    m_cellHeight = std::max(1, metrics.height());
    m_ascent = metrics.ascent();
}

const QFont &TerminalWidget::fontFor(std::uint8_t attrs) const
{
    // Bold, italic, underline and strike-out make 16 faces; each is made once per font change
    // instead of once per painted run.
    constexpr std::uint8_t styled = TerminalCell::Bold | TerminalCell::Italic
                                    | TerminalCell::Underline | TerminalCell::Strike;
    const std::uint8_t key = attrs & styled;
    const size_t index = (key & TerminalCell::Bold ? 1 : 0) | (key & TerminalCell::Italic ? 2 : 0)
                         | (key & TerminalCell::Underline ? 4 : 0)
                         | (key & TerminalCell::Strike ? 8 : 0);
    std::optional<QFont> &slot = m_styledFonts[index];
    if (!slot) {
        QFont f = m_font;
        f.setBold(key & TerminalCell::Bold);
        f.setItalic(key & TerminalCell::Italic);
        f.setUnderline(key & TerminalCell::Underline);
        f.setStrikeOut(key & TerminalCell::Strike);
        slot = f;
    }
    return *slot;
}

QPoint TerminalWidget::cellAt(const QPoint &pos) const
{
    const int row = std::clamp(pos.y() / m_cellHeight, 0, rows() - 1);
    return QPoint(std::clamp(pos.x() / m_cellWidth, 0, columns() - 1),
                  int(lineAtViewRow(row) + m_screen->droppedLines()));
}

void TerminalWidget::resizeTerminal()
{
    const int newRows = std::max(2, height() / m_cellHeight);
    const int newColumns = std::max(2, width() / m_cellWidth);
    if (newRows == rows() && newColumns == columns()) {
        return;
    }
    flushInput(); // what was written for the old size lands in it
    m_screen->resize(newRows, newColumns);
    m_screen->takeDamage();
    m_scrollOffset = std::min(m_scrollOffset, scrollbackSize());
    update();
    emit sizeChanged(newRows, newColumns);
}

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    resizeTerminal();
}

void TerminalWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ApplicationFontChange || event->type() == QEvent::FontChange) {
        updateFontMetrics();
        resizeTerminal();
        update();
    } else if (event->type() == QEvent::PaletteChange) {
        update();
    }
    QWidget::changeEvent(event);
}

QColor TerminalWidget::defaultForeground() const
{
    return palette().color(QPalette::Text);
}

QColor TerminalWidget::defaultBackground() const
{
    return palette().color(QPalette::Base);
}

QColor TerminalWidget::cellColor(VTermColor color, bool foreground) const
{
    if (foreground && VTERM_COLOR_IS_DEFAULT_FG(&color)) {
        return defaultForeground();
    }
    if (!foreground && VTERM_COLOR_IS_DEFAULT_BG(&color)) {
        return defaultBackground();
    }
    vterm_state_convert_color_to_rgb(vterm_obtain_state(m_screen->vterm()), &color);
    return QColor(color.rgb.red, color.rgb.green, color.rgb.blue);
}

bool TerminalWidget::isSelected(int line, int column) const
{
    if (m_selectionStart.x() < 0) {
        return false;
    }
    const qint64 abs = line + m_screen->droppedLines();
    QPoint a = m_selectionStart;
    QPoint b = m_selectionEnd;
    if (std::pair(a.y(), a.x()) > std::pair(b.y(), b.x())) {
        std::swap(a, b);
    }
    return std::pair<qint64, int>(abs, column) >= std::pair<qint64, int>(a.y(), a.x())
           && std::pair<qint64, int>(abs, column) <= std::pair<qint64, int>(b.y(), b.x());
}

void TerminalWidget::paintEvent(QPaintEvent *event)
{
    m_sincePaint.restart();
    QPainter p(this);
    const QRect dirty = event->rect();
    // The rows fill every cell they paint; only the margin past the grid is filled here (each
    // pixel once: a flood repaints the whole widget every frame).
    const QColor margin = m_screen->isReverseVideo() ? defaultForeground() : defaultBackground();
    const int gridRight = columns() * m_cellWidth;
    const int gridBottom = rows() * m_cellHeight;
    if (dirty.right() >= gridRight) {
        p.fillRect(QRect(QPoint(gridRight, dirty.top()), dirty.bottomRight()), margin);
    }
    if (dirty.bottom() >= gridBottom) {
        p.fillRect(QRect(QPoint(dirty.left(), gridBottom), dirty.bottomRight()), margin);
    }
    const int firstRow = std::max(0, dirty.top() / m_cellHeight);
    const int lastRow = std::min(rows() - 1, dirty.bottom() / m_cellHeight);
    const int firstCol = std::max(0, dirty.left() / m_cellWidth);
    const int lastCol = std::min(columns() - 1, dirty.right() / m_cellWidth);
    for (int row = firstRow; row <= lastRow; ++row) {
        paintLine(p, row, firstCol, lastCol);
    }
    emit framePainted();
}

// One view row: cells with the same look are drawn as one run (one fill, one drawText), plain
// ASCII only, so a monospace font keeps them on the grid; others are drawn cell by cell.
void TerminalWidget::paintLine(QPainter &p, int viewRow, int firstCol, int lastCol)
{
    const int line = lineAtViewRow(viewRow);
    const TerminalLine &cells = m_screen->line(line);
    const bool live = line >= scrollbackSize();
    const int cursorCol = live && line - scrollbackSize() == cursorRow() && m_screen->cursorVisible()
                              ? cursorColumn()
                              : -1;
    // Hits are found in the line's text; painted by cell columns (a wide character is one char,
    // two columns). Kept as [first, end) columns.
    QList<Match> hits = matchesInLine(line);
    for (Match &m : hits) {
        const int first = m_screen->columnOfText(line, m.column);
        m.length = m_screen->columnOfText(line, m.column + m.length) - first;
        m.column = first;
    }
    const Match current = currentMatch();
    const QPalette &pal = palette();
    const QColor hitBg = [&] {
        QColor c = pal.color(QPalette::Highlight);
        c.setAlphaF(0.35);
        return c;
    }();
    enum class Mark { None, Hit, Current, Selected, Cursor };
    const auto markAt = [&](int col) {
        if (col == cursorCol && hasFocus()) {
            return Mark::Cursor;
        }
        if (isSelected(line, col)) {
            return Mark::Selected;
        }
        for (const Match &m : hits) {
            if (col >= m.column && col < m.column + m.length) {
                return current.line == line
                               && m_screen->columnOfText(line, current.column) == m.column
                           ? Mark::Current
                                                                          : Mark::Hit;
            }
        }
        return Mark::None;
    };
    static const TerminalCell kBlank = [] {
        TerminalCell c;
        c.fg.type = VTERM_COLOR_DEFAULT_FG | VTERM_COLOR_INDEXED;
        c.bg.type = VTERM_COLOR_DEFAULT_BG | VTERM_COLOR_INDEXED;
        return c;
    }();
    const auto cellAtCol = [&](int col) -> const TerminalCell & {
        return col < int(cells.size()) ? cells[size_t(col)] : kBlank;
    };
    const auto sameLook = [](const TerminalCell &a, const TerminalCell &b) {
        return a.attrs == b.attrs && std::memcmp(&a.fg, &b.fg, sizeof a.fg) == 0
               && std::memcmp(&a.bg, &b.bg, sizeof a.bg) == 0;
    };
    const int y = viewRow * m_cellHeight;
    int col = firstCol;
    // A wide glyph's right half belongs to the cell before it.
    if (col > 0 && cellAtCol(col).width == 0) {
        --col;
    }
    QString run;
    while (col <= lastCol) {
        const TerminalCell &first = cellAtCol(col);
        if (first.width == 0) {
            ++col;
            continue;
        }
        const Mark mark = markAt(col);
        int end = col + std::max<int>(1, first.width);
        run = first.ch ? cellString(first) : QStringLiteral(" ");
        if (isPlainAscii(first) || first.ch == 0) {
            while (end <= lastCol) {
                const TerminalCell &next = cellAtCol(end);
                if (!(isPlainAscii(next) || next.ch == 0) || !sameLook(first, next)
                    || markAt(end) != mark) {
                    break;
                }
                run += next.ch ? QChar(char16_t(next.ch)) : QLatin1Char(' ');
                ++end;
            }
        }
        QColor fg = cellColor(first.fg, true);
        QColor bg = cellColor(first.bg, false);
        if (bool(first.attrs & TerminalCell::Reverse) != m_screen->isReverseVideo()) {
            std::swap(fg, bg);
        }
        switch (mark) {
        case Mark::Cursor:
            std::swap(fg, bg);
            break;
        case Mark::Selected:
        case Mark::Current:
            bg = pal.color(QPalette::Highlight);
            fg = pal.color(QPalette::HighlightedText);
            break;
        case Mark::Hit:
        case Mark::None:
            break;
        }
        const QRect r(col * m_cellWidth, y, (end - col) * m_cellWidth, m_cellHeight);
        p.fillRect(r, bg);
        if (mark == Mark::Hit) {
            p.fillRect(r, hitBg);
        }
        if (!run.trimmed().isEmpty() || first.attrs & (TerminalCell::Underline | TerminalCell::Strike)) {
            p.setFont(fontFor(first.attrs));
            p.setPen(fg);
            p.drawText(r.left(), y + m_ascent, run);
        }
        if (live && col == cursorCol && !hasFocus()) {
            p.setPen(fg);
            p.drawRect(QRect(r.left(), y, m_cellWidth, m_cellHeight).adjusted(0, 0, -1, -1));
        }
        col = end;
    }
}

QString TerminalWidget::selectedText() const
{
    if (m_selectionStart.x() < 0) {
        return {};
    }
    QPoint a = m_selectionStart;
    QPoint b = m_selectionEnd;
    if (std::pair(a.y(), a.x()) > std::pair(b.y(), b.x())) {
        std::swap(a, b);
    }
    const qint64 dropped = m_screen->droppedLines();
    QStringList lines;
    for (qint64 abs = a.y(); abs <= b.y(); ++abs) {
        // By cell columns: a wide character before the selection is one char, two columns.
        const int from = abs == a.y() ? a.x() : 0;
        const int to = abs == b.y() ? b.x() + 1 : std::numeric_limits<int>::max();
        lines << m_screen->lineText(int(abs - dropped), from, to);
    }
    return lines.join(QLatin1Char('\n'));
}

void TerminalWidget::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
    }
}

void TerminalWidget::paste()
{
    const QString text = QApplication::clipboard()->text();
    if (text.isEmpty()) {
        return;
    }
    setScrollOffset(0);
    // Bracketed when the program asked for it (vterm adds the markers only then).
    VTerm *vt = m_screen->vterm();
    vterm_keyboard_start_paste(vt);
    for (const char32_t c : text.toUcs4()) {
        vterm_keyboard_unichar(vt, c == '\n' ? '\r' : c, VTERM_MOD_NONE);
    }
    vterm_keyboard_end_paste(vt);
}

void TerminalWidget::mousePressEvent(QMouseEvent *event)
{
    setFocus();
    if (event->button() == Qt::LeftButton) {
        m_selectionStart = m_selectionEnd = cellAt(event->position().toPoint());
        update();
    }
}

void TerminalWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        m_selectionEnd = cellAt(event->position().toPoint());
        update();
    }
}

void TerminalWidget::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(m_zoom + (event->angleDelta().y() > 0 ? 1 : -1));
    } else {
        setScrollOffset(m_scrollOffset + event->angleDelta().y() / 120 * kWheelLines);
    }
    event->accept();
}

bool TerminalWidget::focusNextPrevChild(bool)
{
    return false; // Tab belongs to the shell (completion), not to focus navigation
}

bool TerminalWidget::event(QEvent *event)
{
    // Keys the shell owns are not the window's shortcuts: Ctrl+U kills the line (not Up), Ctrl+R
    // searches the history (not Restart), Ctrl+T, Ctrl+B, Ctrl+0 … and plain and function keys.
    // Ctrl+Tab, Ctrl+digits and Ctrl+Shift combinations other than copy/paste/search stay the
    // window's (switching projects, opening another terminal).
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        const int k = key->key();
        bool shells = false;
        if (mods == Qt::NoModifier || mods == Qt::ShiftModifier) {
            shells = true;
        } else if (mods == Qt::ControlModifier) {
            shells = k != Qt::Key_Tab && k != Qt::Key_Backtab && !(k >= Qt::Key_1 && k <= Qt::Key_9);
        } else if (mods == (Qt::ControlModifier | Qt::ShiftModifier)) {
            shells = k == Qt::Key_C || k == Qt::Key_V || k == Qt::Key_F;
        }
        if (shells) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_CapsLock:
        return; // a modifier alone sends nothing (and keeps the scrollback view where it is)
    default:
        break;
    }
    if (mods == (Qt::ControlModifier | Qt::ShiftModifier)) {
        switch (key) {
        case Qt::Key_C:
            copySelection();
            return;
        case Qt::Key_V:
            paste();
            return;
        case Qt::Key_F:
            emit searchRequested();
            return;
        default:
            break;
        }
    }
    if (mods == Qt::ShiftModifier && (key == Qt::Key_PageUp || key == Qt::Key_PageDown)) {
        setScrollOffset(m_scrollOffset + (key == Qt::Key_PageUp ? 1 : -1) * std::max(1, rows() - 1));
        return;
    }
    if (mods & Qt::ControlModifier && (key == Qt::Key_Plus || key == Qt::Key_Equal)) {
        setZoom(m_zoom + 1);
        return;
    }
    if (mods & Qt::ControlModifier && key == Qt::Key_Minus) {
        setZoom(m_zoom - 1);
        return;
    }
    if (mods == Qt::ControlModifier && key == Qt::Key_0) {
        setZoom(0);
        return;
    }
    int vmod = VTERM_MOD_NONE;
    if (mods & Qt::ShiftModifier) {
        vmod |= VTERM_MOD_SHIFT;
    }
    if (mods & Qt::AltModifier) {
        vmod |= VTERM_MOD_ALT;
    }
    if (mods & Qt::ControlModifier) {
        vmod |= VTERM_MOD_CTRL;
    }
    const auto mod = VTermModifier(vmod);
    VTerm *vt = m_screen->vterm();
    static const QHash<int, VTermKey> keys{
        {Qt::Key_Return, VTERM_KEY_ENTER},   {Qt::Key_Enter, VTERM_KEY_ENTER},
        {Qt::Key_Tab, VTERM_KEY_TAB},        {Qt::Key_Backspace, VTERM_KEY_BACKSPACE},
        {Qt::Key_Escape, VTERM_KEY_ESCAPE},  {Qt::Key_Up, VTERM_KEY_UP},
        {Qt::Key_Down, VTERM_KEY_DOWN},      {Qt::Key_Left, VTERM_KEY_LEFT},
        {Qt::Key_Right, VTERM_KEY_RIGHT},    {Qt::Key_Insert, VTERM_KEY_INS},
        {Qt::Key_Delete, VTERM_KEY_DEL},     {Qt::Key_Home, VTERM_KEY_HOME},
        {Qt::Key_End, VTERM_KEY_END},        {Qt::Key_PageUp, VTERM_KEY_PAGEUP},
        {Qt::Key_PageDown, VTERM_KEY_PAGEDOWN},
    };
    // Typing goes to the live screen.
    setScrollOffset(0);
    if (const auto it = keys.find(key); it != keys.end()) {
        vterm_keyboard_key(vt, *it, mod);
        return;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F12) {
        vterm_keyboard_key(vt, VTermKey(VTERM_KEY_FUNCTION(key - Qt::Key_F1 + 1)), mod);
        return;
    }
    if (mods & Qt::ControlModifier && key >= Qt::Key_A && key <= Qt::Key_Z) {
        // Ctrl+letter: vterm makes the control byte from the letter.
        vterm_keyboard_unichar(vt, char32_t('a' + (key - Qt::Key_A)), mod);
        return;
    }
    const QString text = event->text();
    if (!text.isEmpty()) {
        for (const char32_t c : text.toUcs4()) {
            // The text already carries Shift (and Ctrl for symbols).
            vterm_keyboard_unichar(vt, c, VTermModifier(vmod & ~(VTERM_MOD_SHIFT | VTERM_MOD_CTRL)));
        }
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace DevDock::Ui
