// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/redaction.h"
#include "util/result.h"

#include <QLabel>

namespace DevDock::Ui {

// The inline error DevDock shows instead of a dialog: a selectable, word-wrapped red banner,
// hidden until there is something to say.
// Dark red on a pale red: readable in the light and the dark theme alike.
inline void setErrorLook(QLabel *label, bool error)
{
    label->setStyleSheet(
        error ? QStringLiteral("QLabel { background: #fdecea; color: #611a15; "
                               "border: 1px solid #f5c2c0; border-radius: 4px; padding: 6px; }")
              : QString());
}

inline QLabel *makeErrorBanner(QWidget *parent, const QString &objectName,
                               const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setErrorLook(label, true);
    label->hide();
    return label;
}

// Shows an error's message and, on the next line, its hint. Loader and compose errors can quote
// an interpolated value, so known secret values are hidden here as in the logs.
inline void showError(QLabel *banner, const Core::Error &error)
{
    banner->setText(Core::redactSecrets(error.hint.isEmpty()
                                            ? error.message
                                            : error.message + QStringLiteral("\n") + error.hint));
    banner->show();
}

} // namespace DevDock::Ui
