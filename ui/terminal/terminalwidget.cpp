// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalwidget.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>

#include <vterm.h>

namespace DevDock::Ui {

namespace {

// One parse slice: small enough to return to the event loop well within 50 ms on a slow machine.
constexpr qsizetype kSliceBytes = 64 * 1024;
constexpr int kSliceBudgetMs = 8;
constexpr int kRepaintMs = 16;

QColor toQColor(const VTermScreen *screen, VTermColor color)
{
    vterm_screen_convert_color_to_rgb(screen, &color);
    return QColor(color.rgb.red, color.rgb.green, color.rgb.blue);
}

QString cellText(const VTermScreenCell &cell)
{
    QString text;
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; ++i) {
        const char32_t c = cell.chars[i];
        text += QString::fromUcs4(&c, 1);
    }
    return text;
}

} // namespace

struct TerminalCallbacks
{
    static int damage(VTermRect rect, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        w->m_damage += QRect(w->cellRect(rect.start_row, rect.start_col).topLeft(),
                             w->cellRect(rect.end_row - 1, rect.end_col - 1).bottomRight());
        return 1;
    }
    static int moveCursor(VTermPos pos, VTermPos old, int visible, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        w->m_damage += w->cellRect(old.row, old.col);
        w->m_damage += w->cellRect(pos.row, pos.col);
        w->m_cursorRow = pos.row;
        w->m_cursorColumn = pos.col;
        w->m_cursorVisible = visible;
        return 1;
    }
    static int termProp(VTermProp prop, VTermValue *value, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        if (prop == VTERM_PROP_ALTSCREEN) {
            w->m_altScreen = value->boolean;
            emit w->alternateScreenChanged(w->m_altScreen);
        } else if (prop == VTERM_PROP_CURSORVISIBLE) {
            w->m_cursorVisible = value->boolean;
        }
        return 1;
    }
    static int pushLine(int cols, const VTermScreenCell *cells, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        QString line;
        for (int c = 0; c < cols; ++c) {
            line += cells[c].chars[0] ? cellText(cells[c]) : QStringLiteral(" ");
        }
        while (line.endsWith(QLatin1Char(' '))) {
            line.chop(1);
        }
        w->m_scrollback.append(line);
        if (w->m_scrollback.size() > TerminalWidget::ScrollbackLines) {
            w->m_scrollback.removeFirst();
        }
        return 1;
    }
    static void output(const char *s, size_t len, void *user)
    {
        emit static_cast<TerminalWidget *>(user)->inputReady(QByteArray(s, qsizetype(len)));
    }
};

namespace {

const VTermScreenCallbacks kScreenCallbacks = {
    &TerminalCallbacks::damage, nullptr, &TerminalCallbacks::moveCursor,
    &TerminalCallbacks::termProp, nullptr, nullptr, &TerminalCallbacks::pushLine, nullptr,
};

} // namespace

TerminalWidget::TerminalWidget(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Terminal"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_InputMethodEnabled);
    m_vt = vterm_new(m_rows, m_columns);
    vterm_set_utf8(m_vt, 1);
    vterm_output_set_callback(m_vt, &TerminalCallbacks::output, this);
    m_screen = vterm_obtain_screen(m_vt);
    vterm_screen_set_callbacks(m_screen, &kScreenCallbacks, this);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
    m_parseTimer.setInterval(0);
    connect(&m_parseTimer, &QTimer::timeout, this, &TerminalWidget::parseSlice);
    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(kRepaintMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, [this] {
        update(m_damage);
        m_damage = {};
    });
    updateFontMetrics();
}

TerminalWidget::~TerminalWidget()
{
    vterm_free(m_vt);
}

void TerminalWidget::feed(QByteArrayView bytes)
{
    m_pending.append(bytes);
    if (!m_parseTimer.isActive()) {
        m_parseTimer.start();
    }
}

void TerminalWidget::parseSlice()
{
    QElapsedTimer budget;
    budget.start();
    while (m_pendingPos < m_pending.size() && budget.elapsed() < kSliceBudgetMs) {
        const qsizetype take = std::min(kSliceBytes, m_pending.size() - m_pendingPos);
        vterm_input_write(m_vt, m_pending.constData() + m_pendingPos, size_t(take));
        m_pendingPos += take;
    }
    vterm_screen_flush_damage(m_screen);
    if (m_pendingPos >= m_pending.size()) {
        m_pending.clear();
        m_pendingPos = 0;
        m_parseTimer.stop();
    }
    if (!m_damage.isEmpty() && !m_repaintTimer.isActive()) {
        m_repaintTimer.start();
    }
}

void TerminalWidget::flushInput()
{
    while (!m_pending.isEmpty()) {
        parseSlice();
    }
}

QString TerminalWidget::rowText(int row) const
{
    QString line;
    VTermScreenCell cell;
    for (int c = 0; c < m_columns; ++c) {
        vterm_screen_get_cell(m_screen, VTermPos{row, c}, &cell);
        if (cell.width == 0) {
            continue; // the right half of a wide character
        }
        line += cell.chars[0] ? cellText(cell) : QStringLiteral(" ");
    }
    while (line.endsWith(QLatin1Char(' '))) {
        line.chop(1);
    }
    return line;
}

QString TerminalWidget::screenText() const
{
    QStringList lines;
    for (int r = 0; r < m_rows; ++r) {
        lines << rowText(r);
    }
    return lines.join(QLatin1Char('\n'));
}

QList<int> TerminalWidget::find(const QString &text) const
{
    QList<int> hits;
    for (int i = 0; i < m_scrollback.size(); ++i) {
        if (m_scrollback.at(i).contains(text, Qt::CaseInsensitive)) {
            hits << i;
        }
    }
    for (int r = 0; r < m_rows; ++r) {
        if (rowText(r).contains(text, Qt::CaseInsensitive)) {
            hits << int(m_scrollback.size()) + r;
        }
    }
    return hits;
}

void TerminalWidget::setZoom(int steps)
{
    m_zoom = steps;
    updateFontMetrics();
    resizeTerminal();
    update();
}

void TerminalWidget::updateFontMetrics()
{
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_font.setPointSizeF(std::max(4.0, m_font.pointSizeF() + m_zoom));
    const QFontMetrics metrics(m_font);
    m_cellWidth = std::max(1, metrics.horizontalAdvance(QLatin1Char('M')));
    m_cellHeight = std::max(1, metrics.height());
    m_ascent = metrics.ascent();
}

QRect TerminalWidget::cellRect(int row, int col) const
{
    return QRect(col * m_cellWidth, row * m_cellHeight, m_cellWidth, m_cellHeight);
}

QPoint TerminalWidget::cellAt(const QPoint &pos) const
{
    return QPoint(std::clamp(pos.x() / m_cellWidth, 0, m_columns - 1),
                  std::clamp(pos.y() / m_cellHeight, 0, m_rows - 1));
}

void TerminalWidget::resizeTerminal()
{
    const int rows = std::max(2, height() / m_cellHeight);
    const int columns = std::max(2, width() / m_cellWidth);
    if (rows == m_rows && columns == m_columns) {
        return;
    }
    flushInput(); // what was written for the old size lands in it
    m_rows = rows;
    m_columns = columns;
    vterm_set_size(m_vt, rows, columns);
    vterm_screen_flush_damage(m_screen);
    emit sizeChanged(rows, columns);
}

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    resizeTerminal();
}

void TerminalWidget::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QRect dirty = event->rect();
    VTermColor defaultFg;
    VTermColor defaultBg;
    vterm_state_get_default_colors(vterm_obtain_state(m_vt), &defaultFg, &defaultBg);
    p.fillRect(dirty, toQColor(m_screen, defaultBg));
    const int firstRow = std::max(0, dirty.top() / m_cellHeight);
    const int lastRow = std::min(m_rows - 1, dirty.bottom() / m_cellHeight);
    const int firstCol = std::max(0, dirty.left() / m_cellWidth);
    const int lastCol = std::min(m_columns - 1, dirty.right() / m_cellWidth);
    const auto selected = [this](int row, int col) {
        if (m_selectionStart.x() < 0) {
            return false;
        }
        QPoint a = m_selectionStart;
        QPoint b = m_selectionEnd;
        if (std::pair(a.y(), a.x()) > std::pair(b.y(), b.x())) {
            std::swap(a, b);
        }
        return std::pair(row, col) >= std::pair(a.y(), a.x())
               && std::pair(row, col) <= std::pair(b.y(), b.x());
    };
    VTermScreenCell cell;
    for (int row = firstRow; row <= lastRow; ++row) {
        for (int col = firstCol; col <= lastCol; ++col) {
            vterm_screen_get_cell(m_screen, VTermPos{row, col}, &cell);
            if (cell.width == 0) {
                continue;
            }
            QColor fg = toQColor(m_screen, cell.fg);
            QColor bg = toQColor(m_screen, cell.bg);
            const bool cursorHere = m_cursorVisible && hasFocus() && row == m_cursorRow
                                    && col == m_cursorColumn;
            if (bool(cell.attrs.reverse) != (selected(row, col) || cursorHere)) {
                std::swap(fg, bg);
            }
            const QRect r(col * m_cellWidth, row * m_cellHeight, m_cellWidth * cell.width,
                          m_cellHeight);
            p.fillRect(r, bg);
            if (cell.chars[0] && cell.chars[0] != ' ') {
                QFont f = m_font;
                f.setBold(cell.attrs.bold);
                f.setItalic(cell.attrs.italic);
                f.setUnderline(cell.attrs.underline != VTERM_UNDERLINE_OFF);
                f.setStrikeOut(cell.attrs.strike);
                p.setFont(f);
                p.setPen(fg);
                p.drawText(r.left(), r.top() + m_ascent, cellText(cell));
            } else if (cell.attrs.underline) {
                p.setPen(fg);
                p.drawLine(r.left(), r.bottom() - 1, r.right(), r.bottom() - 1);
            }
            if (m_cursorVisible && !hasFocus() && row == m_cursorRow && col == m_cursorColumn) {
                p.setPen(fg);
                p.drawRect(r.adjusted(0, 0, -1, -1));
            }
        }
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
    QStringList lines;
    for (int row = a.y(); row <= b.y(); ++row) {
        const QString text = rowText(row);
        const int from = row == a.y() ? a.x() : 0;
        const int to = row == b.y() ? b.x() + 1 : int(text.size());
        lines << text.mid(from, std::max(0, to - from));
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
    // Bracketed when the program asked for it (vterm adds the markers only then).
    vterm_keyboard_start_paste(m_vt);
    for (const char32_t c : text.toUcs4()) {
        vterm_keyboard_unichar(m_vt, c == '\n' ? '\r' : c, VTERM_MOD_NONE);
    }
    vterm_keyboard_end_paste(m_vt);
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

bool TerminalWidget::focusNextPrevChild(bool)
{
    return false; // Tab belongs to the shell (completion), not to focus navigation
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (mods == (Qt::ControlModifier | Qt::ShiftModifier)) {
        if (event->key() == Qt::Key_C) {
            copySelection();
            return;
        }
        if (event->key() == Qt::Key_V) {
            paste();
            return;
        }
    }
    if (mods & Qt::ControlModifier && (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)) {
        setZoom(m_zoom + 1);
        return;
    }
    if (mods & Qt::ControlModifier && event->key() == Qt::Key_Minus) {
        setZoom(m_zoom - 1);
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
    if (const auto it = keys.find(event->key()); it != keys.end()) {
        vterm_keyboard_key(m_vt, *it, mod);
        return;
    }
    if (event->key() >= Qt::Key_F1 && event->key() <= Qt::Key_F12) {
        vterm_keyboard_key(m_vt, VTermKey(VTERM_KEY_FUNCTION(event->key() - Qt::Key_F1 + 1)), mod);
        return;
    }
    if (mods & Qt::ControlModifier && event->key() >= Qt::Key_A && event->key() <= Qt::Key_Z) {
        // Ctrl+letter: vterm makes the control byte from the letter.
        vterm_keyboard_unichar(m_vt, char32_t('a' + (event->key() - Qt::Key_A)), mod);
        return;
    }
    const QString text = event->text();
    if (!text.isEmpty()) {
        for (const char32_t c : text.toUcs4()) {
            // The text already carries Shift (and Ctrl for symbols).
            vterm_keyboard_unichar(m_vt, c, VTermModifier(vmod & ~(VTERM_MOD_SHIFT | VTERM_MOD_CTRL)));
        }
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace DevDock::Ui
