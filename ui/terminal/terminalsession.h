// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/execsession.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QScrollBar;
class QToolButton;

namespace DevDock::Core {
class EngineClient;
}

namespace DevDock::Ui {

class TerminalWidget;

// A shell in one container: a TerminalWidget over an ExecSession. When the session ends (the
// shell exits, the container stops or restarts) the terminal says why and a Reconnect button
// starts a new one. A scroll bar reads the scrollback; Ctrl+Shift+F opens a search bar over it.
class TerminalSession final : public QWidget
{
    Q_OBJECT
public:
    TerminalSession(Core::EngineClient *client, QString container, QString title,
                    QWidget *parent = nullptr);

    void connectSession();
    TerminalWidget *terminal() const { return m_terminal; }
    bool isConnected() const { return m_session && m_session->isRunning(); }
    int lastExitCode() const { return m_lastExitCode; }
    QString title() const { return m_title; }
    QLineEdit *searchField() const { return m_searchField; }
    QWidget *searchBar() const { return m_searchBar; }
    QScrollBar *scrollBar() const { return m_scrollBar; }
    void showSearch();

signals:
    void connected();
    void ended(const QString &message);

private:
    void onFinished(const Core::Result<Core::ExecOutcome> &outcome);
    void buildSearchBar();
    void search(bool backwards);
    void hideSearch();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QPointer<Core::EngineClient> m_client;
    QString m_container;
    QString m_title;
    TerminalWidget *m_terminal = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_reconnect = nullptr;
    QScrollBar *m_scrollBar = nullptr;
    QWidget *m_searchBar = nullptr;
    QLineEdit *m_searchField = nullptr;
    QLabel *m_searchStatus = nullptr;
    Core::ExecSession *m_session = nullptr;
    int m_lastExitCode = -1;
};

} // namespace DevDock::Ui
