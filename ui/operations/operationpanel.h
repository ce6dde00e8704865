// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stack/stackcontroller.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace DevDock::Ui {

// The running (or last) stack action: what it is, each service's progress as the compose CLI
// reports it, elapsed time, Cancel, and the full output on demand. Failures show their message
// and hint here, never in a modal dialog. It asks to be shown when an action starts and to fold
// away a short while after it succeeded; a failure stays until the user dismisses it.
class OperationPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit OperationPanel(QWidget *parent = nullptr);

    void setController(Core::StackController *controller);
    // Also shows this controller's actions (the onboarding's pull, build and up), each in its
    // turn: the panel shows the action that started last, Cancel cancels it.
    void follow(Core::StackController *controller);
    QString title() const;
    QString serviceStatus(const QString &service) const;
    QString outputText() const;
    QString errorText() const;
    // Whether the panel has something to show (an operation running, or a failure not dismissed).
    bool isWanted() const { return m_wanted; }
    static constexpr int DefaultFoldDelayMs = 4000;
    void setFoldDelay(int ms) { m_fold.setInterval(ms); }

signals:
    void actionFailed(const DevDock::Core::Error &error);
    // Show (an operation started) or fold away (done a while ago, or dismissed).
    void wantedChanged(bool wanted);

private:
    void onStarted(Core::StackController *controller, const Core::StackAction &action);
    void onOperation(Core::ComposeOperation *operation);
    void onFinished(const Core::StackAction &action, const Core::Result<void> &result);
    void setServiceStatus(const QString &service, const QString &status, bool error);
    void tick();
    void setWanted(bool wanted);

    QList<QPointer<Core::StackController>> m_followed;
    QPointer<Core::StackController> m_controller; // whose action is shown
    Core::StackAction m_shown;
    QLabel *m_title;
    QLabel *m_elapsed;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_toggleOutput;
    QPushButton *m_dismiss;
    QLabel *m_error;
    QTreeWidget *m_services;
    QPlainTextEdit *m_output;
    QHash<QString, QTreeWidgetItem *> m_items;
    QTimer m_ticker;
    QTimer m_fold;
    bool m_wanted = false;
};

} // namespace DevDock::Ui
