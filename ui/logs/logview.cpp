// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logview.h"

#include "logs/ansi.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

namespace DevDock::Ui {

namespace {

QColor toColor(const Core::AnsiColor &c)
{
    switch (c.kind) {
    case Core::AnsiColor::Kind::Indexed: return QColor::fromRgb(Core::ansiPalette(int(c.value)));
    case Core::AnsiColor::Kind::Rgb: return QColor::fromRgb(c.value);
    case Core::AnsiColor::Kind::Default: break;
    }
    return {};
}

QString elided(QByteArrayView bytes, bool *wasElided)
{
    *wasElided = bytes.size() > LogView::ElideBytes;
    if (!*wasElided) {
        return {};
    }
    return QObject::tr("%1 … (%2 MB in all; double-click to see the whole line)")
        .arg(QString::fromUtf8(bytes.first(2000)))
        .arg(bytes.size() / (1024.0 * 1024.0), 0, 'f', 1);
}

} // namespace

LogView::LogView(Core::ProjectLogs *logs, LogRows *rows, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_logs(logs)
    , m_rows(rows)
{
    setObjectName(QStringLiteral("logView"));
    setAccessibleName(tr("Log lines"));
    setAccessibleDescription(tr("The logs, newest at the bottom. End follows new lines; Ctrl+C "
                                "copies the selected lines."));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setAutoFillBackground(true);
    verticalScrollBar()->setSingleStep(1);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_adjusting) {
            return;
        }
        // At the bottom: follow; anywhere above: the user is reading, pause.
        const bool atBottom = value >= verticalScrollBar()->maximum();
        if (atBottom != m_follow) {
            m_follow = atBottom;
            emit followingChanged(m_follow);
        }
    });
    updateScrollBars();
}

QColor LogView::sourceColor(int index)
{
    // Okabe-Ito (colour-blind safe), skipping black and the yellow that is hard to read on white.
    static const QColor palette[] = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00),
                                     QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                     QColor(0x56, 0xB4, 0xE9), QColor(0xE6, 0x9F, 0x00),
                                     QColor(0x88, 0x88, 0x88)};
    const int n = int(std::size(palette));
    const QColor base = palette[index % n];
    return (index / n) % 2 ? base.darker(140) : base;
}

int LogView::lineHeight() const
{
    return fontMetrics().height();
}

qint64 LogView::visibleRows() const
{
    return std::max(1, viewport()->height() / lineHeight());
}

qint64 LogView::topRow() const
{
    return verticalScrollBar()->value();
}

bool LogView::isAtTail() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum();
}

void LogView::setShowTimestamps(bool on)
{
    m_timestamps = on;
    viewport()->update();
}

void LogView::setWrap(bool on)
{
    m_wrap = on;
    updateScrollBars();
    viewport()->update();
}

void LogView::setShowLabels(bool on)
{
    m_labels = on;
    viewport()->update();
}

void LogView::setHighlight(const Core::LogQuery &query)
{
    m_highlight = query;
    viewport()->update();
}

void LogView::setCurrentMatch(qint64 merged)
{
    m_currentMatch = merged;
    const qint64 row = m_rows->rowOfMerged(merged);
    if (row >= 0) {
        setFollowing(false);
        m_adjusting = true;
        verticalScrollBar()->setValue(int(std::max<qint64>(0, row - visibleRows() / 2)));
        m_adjusting = false;
    }
    viewport()->update();
}

void LogView::setFollowing(bool on)
{
    if (on == m_follow) {
        return;
    }
    m_follow = on;
    if (on) {
        m_adjusting = true;
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_adjusting = false;
    }
    emit followingChanged(on);
}

void LogView::rowsChanged(qint64 droppedAtFront)
{
    const int before = verticalScrollBar()->value();
    updateScrollBars();
    m_adjusting = true;
    if (m_follow) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    } else if (droppedAtFront > 0) {
        // Keep the lines being read in place while old ones are evicted above them.
        verticalScrollBar()->setValue(int(std::max<qint64>(0, before - droppedAtFront)));
    }
    m_adjusting = false;
    viewport()->update();
}

void LogView::updateScrollBars()
{
    const qint64 rows = m_rows->count();
    m_adjusting = true;
    verticalScrollBar()->setPageStep(int(visibleRows()));
    verticalScrollBar()->setRange(0, int(std::max<qint64>(0, rows - visibleRows())));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setRange(0, m_wrap ? 0 : std::max(0, m_longestLine - viewport()->width()));
    m_adjusting = false;
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    rowsChanged(0);
}

void LogView::scrollContentsBy(int, int)
{
    viewport()->update();
}

QString LogView::shownText(qint64 row) const
{
    const Core::LogLine line = m_logs->line(m_rows->ref(row));
    bool big = false;
    const QString e = elided(line.bytes, &big);
    return big ? e : Core::parseAnsi(line.bytes).text;
}

void LogView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette pal = palette();
    const int h = lineHeight();
    const QFontMetrics fm = fontMetrics();
    const int width = viewport()->width();
    const qint64 rows = m_rows->count();
    const int xOffset = m_wrap ? 0 : horizontalScrollBar()->value();
    int y = 0;
    int labelWidth = 0;
    if (m_labels) {
        for (int s = 0; s < m_logs->sourceCount(); ++s) {
            labelWidth = std::max(labelWidth, fm.horizontalAdvance(m_logs->source(s).label));
        }
        labelWidth += fm.horizontalAdvance(QStringLiteral(" │ "));
    }
    const qint64 selFrom = std::min(m_anchor, m_cursor);
    const qint64 selTo = std::max(m_anchor, m_cursor);
    qint64 firstRow = topRow();
    if (m_wrap && m_follow && rows > 0) {
        // Following with wrapped lines: the newest line must be whole at the bottom, so walk
        // back from it until the viewport is full.
        const int textX = 4 + (m_timestamps ? fm.horizontalAdvance(QStringLiteral("00:00:00.000 ")) : 0)
                          + labelWidth;
        const int available = std::max(40, width - textX - 4);
        int filled = 0;
        firstRow = rows;
        while (firstRow > 0) {
            const Core::LogLine line = m_logs->line(m_rows->ref(firstRow - 1));
            int lines = 1;
            if (line.isValid() && line.stream != Core::ProjectLogs::MarkerStream) {
                const int textWidth = fm.horizontalAdvance(Core::parseAnsi(line.bytes.first(
                                                               std::min<qsizetype>(line.bytes.size(), 4096))).text);
                lines = std::max(1, (textWidth + available - 1) / available);
            }
            if (filled + lines * h > viewport()->height() && firstRow < rows) {
                break;
            }
            filled += lines * h;
            --firstRow;
        }
    }
    m_paintedFirst = firstRow;
    m_paintedLast = firstRow - 1;
    for (qint64 row = firstRow; row < rows && y < viewport()->height(); ++row) {
        m_paintedLast = row;
        const Core::ProjectLogs::Ref ref = m_rows->ref(row);
        const qint64 merged = m_rows->mergedIndex(row);
        const Core::LogLine line = m_logs->line(ref);
        if (!line.isValid()) {
            y += h;
            continue;
        }
        const auto &source = m_logs->source(ref.source);
        if (line.stream == Core::ProjectLogs::MarkerStream) {
            p.fillRect(QRect(0, y, width, h), pal.color(QPalette::AlternateBase));
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QRect(4, y, width - 8, h), Qt::AlignVCenter | Qt::AlignHCenter,
                       QString::fromUtf8(line.bytes.data(), line.bytes.size()));
            y += h;
            continue;
        }
        if (m_anchor >= 0 && merged >= selFrom && merged <= selTo) {
            p.fillRect(QRect(0, y, width, h), pal.color(QPalette::Highlight).lighter(170));
        }
        if (merged == m_currentMatch) {
            p.fillRect(QRect(0, y, width, h), QColor(0xE6, 0x9F, 0x00, 70));
        }
        int x = 4 - xOffset;
        if (m_timestamps && line.timestampNs > 0) {
            const QString ts = QDateTime::fromMSecsSinceEpoch(line.timestampNs / 1000000)
                                   .toString(QStringLiteral("HH:mm:ss.zzz "));
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(x, y + fm.ascent(), ts);
            x += fm.horizontalAdvance(ts);
        }
        if (m_labels) {
            p.setPen(sourceColor(source.index));
            p.drawText(x, y + fm.ascent(), source.label);
            x += labelWidth - fm.horizontalAdvance(QStringLiteral(" │ "));
            p.setPen(pal.color(QPalette::Mid));
            p.drawText(x, y + fm.ascent(), QStringLiteral(" │ "));
            x += fm.horizontalAdvance(QStringLiteral(" │ "));
        }
        if (line.stream == 2) { // stderr: a mark in the margin
            p.fillRect(QRect(0, y, 2, h), QColor(0xD5, 0x5E, 0x00));
        }
        bool big = false;
        const QString bigText = elided(line.bytes, &big);
        Core::StyledLine styled = big ? Core::StyledLine{bigText, {}} : Core::parseAnsi(line.bytes);
        QTextLayout layout(styled.text, font());
        QList<QTextLayout::FormatRange> formats;
        for (const Core::AnsiSpan &span : std::as_const(styled.spans)) {
            QTextCharFormat f;
            const Core::AnsiStyle &s = span.style;
            QColor fg = toColor(s.inverse ? s.background : s.foreground);
            QColor bg = toColor(s.inverse ? s.foreground : s.background);
            if (s.inverse && !fg.isValid()) {
                fg = pal.color(QPalette::Base);
            }
            if (s.inverse && !bg.isValid()) {
                bg = pal.color(QPalette::Text);
            }
            if (fg.isValid()) {
                f.setForeground(s.dim ? fg.darker(130) : fg);
            }
            if (bg.isValid()) {
                f.setBackground(bg);
            }
            f.setFontWeight(s.bold ? QFont::Bold : QFont::Normal);
            f.setFontItalic(s.italic);
            f.setFontUnderline(s.underline);
            f.setFontStrikeOut(s.strike);
            formats.append({int(span.start), int(span.length), f});
        }
        for (const auto &[start, length] : Core::matchRanges(styled.text, m_highlight)) {
            QTextCharFormat f;
            f.setBackground(QColor(0xF0, 0xE4, 0x42));
            f.setForeground(QColor(0x20, 0x20, 0x20));
            formats.append({int(start), int(length), f});
        }
        layout.setFormats(formats);
        QTextOption option;
        option.setWrapMode(m_wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
        layout.setTextOption(option);
        layout.beginLayout();
        int lines = 0;
        qreal used = 0;
        const int available = std::max(40, width - x - 4);
        while (true) {
            QTextLine tl = layout.createLine();
            if (!tl.isValid()) {
                break;
            }
            tl.setLineWidth(m_wrap ? available : 1e7);
            tl.setPosition(QPointF(0, used));
            used += h;
            ++lines;
        }
        layout.endLayout();
        p.setPen(pal.color(QPalette::Text));
        layout.draw(&p, QPointF(x, y));
        if (!m_wrap) {
            m_longestLine = std::max(m_longestLine, int(layout.boundingRect().width()) + x + xOffset);
        }
        y += std::max(1, lines) * h;
    }
    if (!m_wrap && horizontalScrollBar()->maximum() < m_longestLine - width) {
        horizontalScrollBar()->setRange(0, std::max(0, m_longestLine - width));
    }
}

qint64 LogView::rowAt(int y) const
{
    const qint64 row = topRow() + y / lineHeight();
    return row < m_rows->count() ? row : -1;
}

void LogView::mousePressEvent(QMouseEvent *event)
{
    const qint64 row = rowAt(event->position().toPoint().y());
    if (row >= 0) {
        const qint64 merged = m_rows->mergedIndex(row);
        if (!(event->modifiers() & Qt::ShiftModifier) || m_anchor < 0) {
            m_anchor = merged;
        }
        m_cursor = merged;
        viewport()->update();
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void LogView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const qint64 row = rowAt(event->position().toPoint().y());
    if (row >= 0) {
        const Core::LogLine line = m_logs->line(m_rows->ref(row));
        if (line.bytes.size() > ElideBytes) {
            emit longLineRequested(m_rows->mergedIndex(row));
        }
    }
}

QStringList LogView::selectedTexts() const
{
    QStringList texts;
    if (m_anchor < 0) {
        return texts;
    }
    const qint64 from = std::min(m_anchor, m_cursor);
    const qint64 to = std::max(m_anchor, m_cursor);
    for (qint64 merged = from; merged <= to; ++merged) {
        const qint64 row = m_rows->rowOfMerged(merged);
        if (row >= 0) {
            texts << shownText(row);
        }
    }
    return texts;
}

void LogView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        QApplication::clipboard()->setText(selectedTexts().join(QLatin1Char('\n')));
        return;
    }
    switch (event->key()) {
    case Qt::Key_End:
        setFollowing(true);
        return;
    case Qt::Key_Home:
        setFollowing(false);
        verticalScrollBar()->setValue(0);
        return;
    case Qt::Key_PageUp:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub);
        return;
    case Qt::Key_PageDown:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return;
    case Qt::Key_Up:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        return;
    case Qt::Key_Down:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

} // namespace DevDock::Ui
