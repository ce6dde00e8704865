// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTabWidget>

namespace DevDock::Core {
class EngineClient;
}

namespace DevDock::Ui {

class TerminalSession;

// The window's terminals: one closable tab per opened service terminal, several at once.
class TerminalArea final : public QTabWidget
{
    Q_OBJECT
public:
    explicit TerminalArea(QWidget *parent = nullptr);

    // Opens (or shows again) a terminal on `container`, titled after the service.
    TerminalSession *openTerminal(Core::EngineClient *client, const QString &container,
                                  const QString &service);
};

} // namespace DevDock::Ui
