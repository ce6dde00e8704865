// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "envvaluedelegate.h"

#include <QKeyEvent>

namespace DevDock::Ui {

EnvValueDelegate::EnvValueDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

bool EnvValueDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *editor = qobject_cast<QWidget *>(object);
    if (editor != nullptr && event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence typed(key->keyCombination());
        for (const QKeySequence &shortcut : std::as_const(m_passThrough)) {
            if (shortcut.matches(typed) == QKeySequence::ExactMatch) {
                emit commitData(editor);
                emit closeEditor(editor, QAbstractItemDelegate::NoHint);
                // Not accepted: the shortcut map goes on to the panel's action.
                event->ignore();
                return true;
            }
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace DevDock::Ui
