// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "terminalscreen.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFont>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

namespace DevDock::Ui {

// A terminal emulator widget: libvterm does the emulation (TerminalScreen), Qt paints the cells
// (only the damaged rows, runs of like cells in one go). Output bytes are fed in slices from the
// event loop so a flood (`yes`) never stalls the GUI thread; repaints are coalesced to the frame
// rate, the first one after a quiet spell at once (an echoed key shows without waiting). Keys go
// through vterm_keyboard_* and leave as bytes through inputReady(). The wheel and Shift+PageUp/
// PageDown scroll back; search highlights its hits. Default colours are the palette's (Base and
// Text, so light and dark themes apply); the font is the fixed system font at the application
// font's size plus the zoom (Ctrl+plus/minus/0). Also the screen model tests read.
class TerminalWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    // Bytes from the process (queued; parsed in slices).
    void feed(QByteArrayView bytes);
    // Parses everything queued now (tests).
    void flushInput();
    qint64 bytesParsed() const { return m_bytesParsed; }
    qsizetype pendingBytes() const { return m_pending.size() - m_pendingPos; }

    int rows() const { return m_screen->rows(); }
    int columns() const { return m_screen->columns(); }
    // A row of the live screen, trailing blanks cut.
    QString rowText(int row) const;
    QString screenText() const;
    int cursorRow() const { return m_screen->cursorRow(); }
    int cursorColumn() const { return m_screen->cursorColumn(); }
    bool isAlternateScreen() const { return m_screen->isAlternateScreen(); }

    // Lines that scrolled off the top, at most ScrollbackLines; lineText() numbers scrollback
    // and screen together, oldest first.
    static constexpr int ScrollbackLines = TerminalScreen::ScrollbackLines;
    int scrollbackSize() const { return m_screen->scrollbackSize(); }
    QString lineText(int line) const { return m_screen->lineText(line); }
    // Lines (scrollback and screen) containing `text`, case-insensitive.
    QList<int> find(const QString &text) const;

    // The scrollback view: how many lines above the live screen the view starts (0: live).
    int scrollOffset() const { return m_scrollOffset; }
    void setScrollOffset(int offset);
    // The line shown in view row `row`.
    int lineAtViewRow(int row) const { return scrollbackSize() - m_scrollOffset + row; }

    // Search: the next (or previous) hit of `text` from the current one, wrapping; the view
    // scrolls to it and every visible hit is highlighted. False when there is none.
    struct Match
    {
        int line = -1; // as lineText() numbers them
        int column = 0;
        int length = 0;
        bool isValid() const { return line >= 0; }
    };
    bool findNext(const QString &text, bool backwards = false);
    void clearSearch();
    Match currentMatch() const;
    int matchCount() const { return int(find(m_searchText).size()); }

    void setZoom(int steps);
    int zoom() const { return m_zoom; }
    QFont terminalFont() const { return m_font; }
    QSize cellSize() const { return {m_cellWidth, m_cellHeight}; }
    QColor defaultForeground() const;
    QColor defaultBackground() const;

    void copySelection();
    void paste();
    QString selectedText() const;

signals:
    void inputReady(const QByteArray &bytes); // keys and pastes for the process
    void sizeChanged(int rows, int columns);
    void alternateScreenChanged(bool on);
    void scrollChanged(int offset, int scrollbackSize);
    void searchRequested(); // Ctrl+Shift+F
    void zoomChanged(int steps);
    // After each paint (benchmarks measure when a character reached the screen).
    void framePainted();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    friend struct TerminalWidgetCallbacks; // libvterm's C callbacks

    void parseSlice(bool flushing);
    void scheduleRepaint();
    void repaintDamage();
    void updateFontMetrics();
    void resizeTerminal();
    QPoint cellAt(const QPoint &pos) const; // x: column, y: line
    bool isSelected(int line, int column) const;
    QColor cellColor(VTermColor color, bool foreground) const;
    const QFont &fontFor(std::uint8_t attrs) const;
    void paintLine(QPainter &p, int viewRow, int firstCol, int lastCol);
    QList<Match> matchesInLine(int line) const;

    std::unique_ptr<TerminalScreen> m_screen;
    QByteArray m_pending;
    qsizetype m_pendingPos = 0;
    qsizetype m_skipRetryAt = 0;    // no skip tried before this position of m_pending
    qsizetype m_skipRetrySize = -1; // nor until m_pending is longer than this
    qint64 m_bytesParsed = 0;
    QTimer m_parseTimer;
    QElapsedTimer m_deferred; // since when a flood waits for more of itself
    QTimer m_repaintTimer;
    QElapsedTimer m_sincePaint;
    bool m_fullRepaint = false;
    int m_damageFirst = 0;
    int m_damageLast = -1;
    QFont m_font;
    mutable std::array<std::optional<QFont>, 16> m_styledFonts;
    int m_zoom = 0;
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    int m_scrollOffset = 0;
    QString m_searchText;
    qint64 m_matchLine = -1; // absolute: line + droppedLines()
    int m_matchColumn = 0;
    // Selection in (column, line + droppedLines()), stable while lines scroll away.
    QPoint m_selectionStart{-1, -1};
    QPoint m_selectionEnd{-1, -1};
};

} // namespace DevDock::Ui
