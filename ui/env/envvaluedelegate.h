// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QList>
#include <QStyledItemDelegate>

namespace DevDock::Ui {

// The editor of a value cell. A shortcut of the panel (Ctrl+S, Ctrl+K, …) typed while a cell is
// open commits the typed text first and then reaches the panel's action: the line edit would
// otherwise keep it (Ctrl+K deletes to the end of the line there) or the action would run on the
// value as it was before the edit.
class EnvValueDelegate final : public QStyledItemDelegate
{
public:
    explicit EnvValueDelegate(QObject *parent = nullptr);

    void setPassThrough(const QList<QKeySequence> &shortcuts) { m_passThrough = shortcuts; }

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    QList<QKeySequence> m_passThrough;
};

} // namespace DevDock::Ui
