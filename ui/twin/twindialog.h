// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"
#include "twin/twinplan.h"
#include "util/result.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace DevDock::Core {
class EngineClient;
class TwinRunner;
} // namespace DevDock::Core

namespace DevDock::Ui {

// "Run branch alongside…" (Up) and "Tear down twin…" (Down) of a sidebar project: the choice,
// then TwinRunner's progress and its error in the dialog; the dialog closes itself when the twin
// is up (the workspace finds it on the engine and lists it under its project) or gone.
class TwinDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Up, Down };

    // `main`: the main project as the compose CLI addresses it. For Down, `branch` is the
    // twin's branch.
    TwinDialog(Mode mode, Core::EngineClient *client, const Core::ComposeLoadOptions &main,
               const QString &projectName, const QString &branch = {}, QWidget *parent = nullptr);

    Core::TwinRunner *runner() const { return m_runner; }
    QComboBox *branchBox() const { return m_branch; }
    QCheckBox *removeVolumesBox() const { return m_volumes; }
    QCheckBox *removeWorktreeBox() const { return m_worktree; }
    QCheckBox *cloneDataBox() const { return m_clone; }
    // Runs what the OK button runs.
    void run();
    void reject() override;

signals:
    // Before the dialog closes on success (the twin is up, or torn down).
    void succeeded(const DevDock::Core::TwinPlan &plan);
    // The repository's branches and worktrees are listed (Up).
    void branchesListed();

private:
    void listBranches();
    void onFinished(const Core::Result<Core::TwinPlan> &result);

    Mode m_mode;
    Core::ComposeLoadOptions m_main;
    QString m_projectName;
    QString m_twinBranch;
    Core::TwinRunner *m_runner;
    bool m_closeWhenDone = false;
    QComboBox *m_branch = nullptr;
    QCheckBox *m_volumes = nullptr;
    QCheckBox *m_worktree = nullptr;
    QCheckBox *m_clone = nullptr;
    QLabel *m_error;
    QPlainTextEdit *m_progress;
    QDialogButtonBox *m_buttons;
};

} // namespace DevDock::Ui
