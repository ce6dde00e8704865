// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>

class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace DevDock::Core {
class Onboarding;
}

namespace DevDock::Ui {

// One-click onboarding: the checklist runs by itself; each step shows its status, what was found
// and, when it fails, the fix, with Retry. Values that cannot be generated are asked for in the
// dialog (they go to the keychain). When every service is healthy, the frontend opens in the
// browser (unless told not to, e.g. in tests).
class OnboardingDialog final : public QDialog
{
    Q_OBJECT
public:
    OnboardingDialog(Core::Onboarding *onboarding, QWidget *parent = nullptr);

    void setOpenBrowser(bool open) { m_openBrowser = open; }
    QTreeWidget *steps() const { return m_steps; }
    QPushButton *retryButton() const { return m_retry; }
    // The inputs shown for values the onboarding cannot generate, by key.
    QHash<QString, QLineEdit *> inputs() const { return m_inputs; }
    void submitAnswers();

private:
    void updateStep(int index);
    void askFor(const QStringList &keys);
    void onFinished(bool ok);

    Core::Onboarding *m_onboarding;
    QLabel *m_summary;
    QTreeWidget *m_steps;
    QGroupBox *m_questions;
    QFormLayout *m_questionForm;
    QHash<QString, QLineEdit *> m_inputs;
    QPushButton *m_continue;
    QPlainTextEdit *m_output;
    QPushButton *m_retry;
    QPushButton *m_cancel;
    QPushButton *m_openFrontend;
    QPushButton *m_close;
    bool m_openBrowser = true;
};

} // namespace DevDock::Ui
