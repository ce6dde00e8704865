// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "logrows.h"

#include <QAbstractScrollArea>
#include <QColor>

namespace DevDock::Ui {

// Paints only the visible log lines: the service's label in its colour, the timestamp (on
// request), the text with its ANSI colours and the search's matches highlighted, wrapped or not.
// Follows the tail; scrolling up pauses following, End (or scrolling to the bottom) resumes it.
// Lines over 1 MiB show their start and size; double-click shows one whole.
class LogView final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr qsizetype ElideBytes = 1024 * 1024;

    LogView(Core::ProjectLogs *logs, LogRows *rows, QWidget *parent = nullptr);

    void setShowTimestamps(bool on);
    void setWrap(bool on);
    void setShowLabels(bool on);
    void setHighlight(const Core::LogQuery &query);
    void setCurrentMatch(qint64 merged); // scrolls to it
    bool isFollowing() const { return m_follow; }
    void setFollowing(bool on);
    qint64 topRow() const;
    qint64 visibleRows() const;
    bool isAtTail() const;
    // Call after the rows changed (new lines, filters); keeps the tail in view when following.
    void rowsChanged(qint64 droppedAtFront);
    QStringList selectedTexts() const;
    QString shownText(qint64 row) const; // without escapes
    // The rows the last paint drew, first and last, wholly or in part.
    QPair<qint64, qint64> paintedRows() const { return {m_paintedFirst, m_paintedLast}; }

    // A colour-blind-safe colour for source `index` (Okabe-Ito, then darker variants).
    static QColor sourceColor(int index);

signals:
    void followingChanged(bool following);
    void longLineRequested(qint64 merged);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void updateScrollBars();
    qint64 rowAt(int y) const;
    int lineHeight() const;

    Core::ProjectLogs *m_logs;
    LogRows *m_rows;
    Core::LogQuery m_highlight;
    qint64 m_currentMatch = -1;
    qint64 m_anchor = -1; // selection, in merged indices
    qint64 m_cursor = -1;
    int m_longestLine = 0;
    bool m_timestamps = false;
    bool m_wrap = false;
    bool m_labels = true;
    bool m_follow = true;
    bool m_adjusting = false;
    qint64 m_paintedFirst = -1;
    qint64 m_paintedLast = -1;
};

} // namespace DevDock::Ui
