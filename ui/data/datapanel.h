// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/restoreplan.h"
#include "util/result.h"

#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QDialog;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTreeWidget;

namespace DevDock::Core {
class ProjectBackups;
class ProjectRuntime;
class RestoreJob;
} // namespace DevDock::Core

namespace DevDock::Ui {

class DataVolumeModel;

// The Data view of the project on screen: its volumes (DataVolumeModel), the snapshots of the
// selected one, Back up now (selected or all; progress and Cancel here), Restore… and
// Checkpoint… with a confirmation that says what is replaced and which services stop and start
// again (RestorePlan), and the project's schedule and retention. Everything runs in the
// runtime's ProjectBackups and RestoreJobs; nothing waits on this thread.
class DataPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit DataPanel(QWidget *parent = nullptr);
    ~DataPanel() override;

    void setRuntime(Core::ProjectRuntime *runtime);
    DataVolumeModel *model() const { return m_model; }
    QTableView *volumeView() const { return m_table; }
    QTreeWidget *snapshotView() const { return m_snapshots; }
    // The confirmation shown last (open while it asks), for tests and screenshots.
    QMessageBox *confirmation() const { return m_confirm; }
    QString statusText() const;
    bool isBusy() const;

    // What the buttons do.
    void refresh();
    void backUpSelected();
    void backUpAll();
    void cancel();
    void restoreSelectedSnapshot(); // asks first
    void checkpoint(const QString &name);
    void restoreCheckpoint(const QString &name); // asks first
    // Where backups go: asks for a folder or restic URL (and an existing repository's password);
    // the new place is kept once it opens. The dialog stays reachable for tests as repositoryDialog().
    void chooseRepository();
    QDialog *repositoryDialog() const { return m_repositoryDialog; }
    // saveLocation's outcome (the status line shows it too).
    Q_SIGNAL void repositoryChosen(const DevDock::Core::Result<void> &result);

signals:
    // A backup or restore ended (the view shows the outcome too).
    void backupFinished(const DevDock::Core::Result<QStringList> &ids);
    void restoreFinished(const DevDock::Core::Result<void> &result);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onRefreshed();
    void showSnapshots();
    void updateSnapshotSizes();
    void updateActions();
    // Right after a backup was asked for: it first reads what there is (seconds on a busy
    // engine), so the view says so, with a busy bar and Cancel, until the copy starts.
    void showPreparing();
    void setStatus(const QString &text, bool error = false);
    void askCheckpointName();
    void confirmRestore(const QList<Core::ResticSnapshot> &snapshots, const QString &title);
    void runRestores(QList<Core::RestorePlan> plans);
    QString describe(const Core::RestorePlan &plan) const;
    void applySchedule();

    QPointer<Core::ProjectRuntime> m_runtime;
    QPointer<Core::ProjectBackups> m_backups;
    QObject *m_binding = nullptr;
    DataVolumeModel *m_model;
    QLabel *m_status;
    QTableView *m_table;
    QTreeWidget *m_snapshots;
    QProgressBar *m_progress;
    QPushButton *m_refresh;
    QPushButton *m_backupSelected;
    QPushButton *m_backupAll;
    QPushButton *m_cancel;
    QPushButton *m_restore;
    QPushButton *m_checkpoint;
    QComboBox *m_checkpoints;
    QPushButton *m_restoreCheckpoint;
    QSpinBox *m_everyHours;
    QSpinBox *m_keepLast;
    QCheckBox *m_branchCheckpoints;
    QCheckBox *m_stopOthers;
    QPushButton *m_applySchedule;
    QPushButton *m_repository;
    QPointer<QDialog> m_repositoryDialog;
    QPointer<QMessageBox> m_confirm;
    QPointer<Core::RestoreJob> m_restoreJob;
    bool m_restoring = false;
};

} // namespace DevDock::Ui
