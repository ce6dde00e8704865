// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QFont>
#include <QList>
#include <QRegion>
#include <QTimer>
#include <QWidget>

struct VTerm;
struct VTermScreen;

namespace DevDock::Ui {

// A terminal emulator widget: libvterm does the emulation, Qt paints the cells (only the damaged
// ones). Output bytes are fed in slices from the event loop so a flood (`yes`) never stalls the
// GUI thread; repaints are coalesced by a timer. Keys go through vterm_keyboard_* and leave as
// bytes through inputReady(). Also the screen model tests read: rowText(), cursor, alternate
// screen.
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

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    QString rowText(int row) const;
    QString screenText() const;
    int cursorRow() const { return m_cursorRow; }
    int cursorColumn() const { return m_cursorColumn; }
    bool isAlternateScreen() const { return m_altScreen; }
    // Lines that scrolled off the top (oldest first), at most ScrollbackLines.
    const QList<QString> &scrollback() const { return m_scrollback; }
    static constexpr int ScrollbackLines = 10000;
    // Rows in scrollback and screen containing `text`, counted from the oldest scrollback line.
    QList<int> find(const QString &text) const;

    void setZoom(int steps);
    void copySelection();
    void paste();
    QString selectedText() const;

signals:
    void inputReady(const QByteArray &bytes); // keys and pastes for the process
    void sizeChanged(int rows, int columns);
    void alternateScreenChanged(bool on);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    friend struct TerminalCallbacks; // libvterm's C callbacks

    void parseSlice();
    void updateFontMetrics();
    void resizeTerminal();
    QRect cellRect(int row, int col) const;
    QPoint cellAt(const QPoint &pos) const;

    VTerm *m_vt = nullptr;
    VTermScreen *m_screen = nullptr;
    QByteArray m_pending;
    qsizetype m_pendingPos = 0;
    QTimer m_parseTimer;
    QTimer m_repaintTimer;
    QRegion m_damage;
    QFont m_font;
    int m_zoom = 0;
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    int m_rows = 24;
    int m_columns = 80;
    int m_cursorRow = 0;
    int m_cursorColumn = 0;
    bool m_cursorVisible = true;
    bool m_altScreen = false;
    QList<QString> m_scrollback;
    QPoint m_selectionStart{-1, -1};
    QPoint m_selectionEnd{-1, -1};
};

} // namespace DevDock::Ui
