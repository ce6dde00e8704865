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

// One-click onboarding. The dialog opens on the plan, having written nothing: the read-only checks
// with their results, what each later step will do, the files it will create or change (a diff
// of .env.local), the secrets it will generate or ask for. Start runs it; each step shows its
// status, what was found and, when it fails, the fix, with Retry. Values that cannot be generated
// are asked for in the dialog (they go to the keychain); a change to an existing .env.local waits
// for Accept or Skip. When every service is healthy, the frontend opens in the browser (unless
// told not to, e.g. in tests). The caller runs the preview (Core::Onboarding::preview()).
class OnboardingDialog final : public QDialog
{
    Q_OBJECT
public:
    OnboardingDialog(Core::Onboarding *onboarding, QWidget *parent = nullptr);

    void setOpenBrowser(bool open) { m_openBrowser = open; }
    QTreeWidget *steps() const { return m_steps; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *acceptEnvButton() const { return m_acceptEnv; }
    QPushButton *skipEnvButton() const { return m_skipEnv; }
    QPlainTextEdit *envDiff() const { return m_diff; }
    QLabel *planLabel() const { return m_plan; }
    // The inputs shown for values the onboarding cannot generate, by key.
    QHash<QString, QLineEdit *> inputs() const { return m_inputs; }
    void submitAnswers();

private:
    void updateStep(int index);
    void askFor(const QStringList &keys);
    void onFinished(bool ok);
    void showPlan();
    void decideEnv(bool accept);

    Core::Onboarding *m_onboarding;
    QLabel *m_summary;
    QTreeWidget *m_steps;
    QGroupBox *m_questions;
    QFormLayout *m_questionForm;
    QHash<QString, QLineEdit *> m_inputs;
    QGroupBox *m_planBox;
    QLabel *m_plan;
    QLabel *m_diffCaption;
    QPlainTextEdit *m_diff;
    QPushButton *m_acceptEnv;
    QPushButton *m_skipEnv;
    QPushButton *m_start;
    QPushButton *m_continue;
    QPlainTextEdit *m_output;
    QPushButton *m_retry;
    QPushButton *m_cancel;
    QPushButton *m_openFrontend;
    QPushButton *m_close;
    bool m_openBrowser = true;
};

} // namespace DevDock::Ui
