// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "statekind.h"

#include <QWidget>

class QPainter;

namespace DevDock::Ui {

// A state told three ways at once: a tinted pill in the state's colour, its icon and its words.
// The same painting serves the widget (sidebar, details), the table delegate and the graph.
class StateChip final : public QWidget
{
    Q_OBJECT
public:
    explicit StateChip(QWidget *parent = nullptr);

    void setState(StateKind kind, const QString &words);
    StateKind kind() const { return m_kind; }
    QString words() const { return m_words; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

    // Paints a chip into rect (vertically centred, left aligned); returns the width it used.
    static qreal paint(QPainter *painter, const QRectF &rect, StateKind kind, const QString &words,
                       const QPalette &palette, const QFont &font);
    static QSizeF sizeFor(const QString &words, const QFont &font);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    StateKind m_kind = StateKind::Unknown;
    QString m_words;
};

} // namespace DevDock::Ui
