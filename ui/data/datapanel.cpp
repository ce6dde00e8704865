// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "datapanel.h"

#include "data/backuprepository.h"
#include "data/resticrepository.h"

#include "datavolumemodel.h"
#include "errorbanner.h"

#include "data/projectbackups.h"
#include "data/restorejob.h"
#include "workspace/projectruntime.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace DevDock::Ui {

namespace {

QPushButton *button(const QString &text, const QString &accessible, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setAccessibleName(accessible);
    return b;
}

enum SnapshotColumns { TimeColumn, KindColumn, SizeColumn, BranchColumn, NoteColumn, IdColumn };

// How fast a copy goes and, when its size is known, how long it has left: "12 MB/s · about 40 s
// left". Empty in the first half second (a rate from a few bytes says nothing).
QString pace(qint64 done, qint64 total, qint64 elapsedMs)
{
    if (elapsedMs < 500 || done <= 0) {
        return {};
    }
    const double perSecond = double(done) * 1000.0 / double(elapsedMs);
    QString text = QCoreApplication::translate("DevDock::Ui::DataPanel", "%1/s")
                       .arg(QLocale().formattedDataSize(qint64(perSecond)));
    if (total > done) {
        const qint64 left = qint64(double(total - done) / perSecond) + 1;
        text += QCoreApplication::translate("DevDock::Ui::DataPanel", " · about %1 left")
                    .arg(left < 60 ? QCoreApplication::translate("DevDock::Ui::DataPanel", "%1 s")
                                         .arg(left)
                                   : QCoreApplication::translate("DevDock::Ui::DataPanel",
                                                                 "%1 min")
                                         .arg((left + 59) / 60));
    }
    return text;
}

} // namespace

DataPanel::DataPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new DataVolumeModel(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_snapshots(new QTreeWidget(this))
    , m_progress(new QProgressBar(this))
    , m_refresh(button(tr("Refresh"), tr("Refresh the data view"), this))
    , m_backupSelected(button(tr("Back up selected"), tr("Back up the selected volumes now"), this))
    , m_backupAll(button(tr("Back up all"), tr("Back up every volume now"), this))
    , m_cancel(button(tr("Cancel"), tr("Cancel the backup or restore"), this))
    , m_restore(button(tr("Restore…"), tr("Restore the selected snapshot"), this))
    , m_checkpoint(button(tr("Checkpoint…"), tr("Take a named checkpoint of all data"), this))
    , m_checkpoints(new QComboBox(this))
    , m_restoreCheckpoint(button(tr("Restore checkpoint…"), tr("Restore the chosen checkpoint"), this))
    , m_everyHours(new QSpinBox(this))
    , m_keepLast(new QSpinBox(this))
    , m_branchCheckpoints(new QCheckBox(tr("A checkpoint per git &branch"), this))
    , m_stopOthers(new QCheckBox(tr("S&top services during a copy"), this))
    , m_applySchedule(button(tr("Apply"), tr("Apply the backup schedule"), this))
    , m_repository(button(tr("Repository…"), tr("Choose where backups go"), this))
{
    setObjectName(QStringLiteral("dataPanel"));
    setAccessibleName(tr("Data"));
    auto *layout = new QVBoxLayout(this);

    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_backupSelected, m_backupAll, m_checkpoint, m_cancel, m_refresh}) {
        actions->addWidget(b);
    }
    actions->addStretch();
    m_repository->setToolTip(tr("Backups go to %1").arg(Core::BackupRepository::configuredLocation()));
    m_repository->setAccessibleDescription(m_repository->toolTip());
    actions->addWidget(m_repository);
    layout->addLayout(actions);
    m_status->setAccessibleName(tr("Data status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_progress->setAccessibleName(tr("Backup progress"));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table->setObjectName(QStringLiteral("dataVolumes"));
    m_table->setAccessibleName(tr("Volumes"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    splitter->addWidget(m_table);

    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QHBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto *snapshotsBox = new QGroupBox(tr("Snapshots of the selected volume"), lower);
    auto *snapshotsLayout = new QVBoxLayout(snapshotsBox);
    m_snapshots->setObjectName(QStringLiteral("dataSnapshots"));
    m_snapshots->setAccessibleName(tr("Snapshots"));
    m_snapshots->setRootIsDecorated(false);
    m_snapshots->setHeaderLabels({tr("Time"), tr("Kind"), tr("Size"), tr("Branch"), tr("Note"), tr("Id")});
    // The time whole (it was cut to "2 Dec 2026 0…"); the note takes what is left.
    m_snapshots->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_snapshots->header()->setStretchLastSection(false);
    m_snapshots->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_snapshots->header()->setSectionResizeMode(NoteColumn, QHeaderView::Stretch);
    snapshotsLayout->addWidget(m_snapshots);
    auto *restoreRow = new QHBoxLayout;
    restoreRow->addWidget(m_restore);
    restoreRow->addStretch();
    m_checkpoints->setAccessibleName(tr("Checkpoints"));
    m_checkpoints->setMinimumContentsLength(16);
    restoreRow->addWidget(m_checkpoints);
    restoreRow->addWidget(m_restoreCheckpoint);
    snapshotsLayout->addLayout(restoreRow);
    lowerLayout->addWidget(snapshotsBox, 3);

    auto *scheduleBox = new QGroupBox(tr("Schedule"), lower);
    auto *form = new QFormLayout(scheduleBox);
    m_everyHours->setRange(0, 24 * 7);
    m_everyHours->setSpecialValueText(tr("off"));
    m_everyHours->setSuffix(tr(" h"));
    m_everyHours->setAccessibleName(tr("Back up every (hours)"));
    auto *everyLabel = new QLabel(tr("Back up every"), scheduleBox);
    everyLabel->setAccessibleName(tr("Back up every"));
    everyLabel->setBuddy(m_everyHours);
    form->addRow(everyLabel, m_everyHours);
    m_keepLast->setRange(0, 1000);
    m_keepLast->setSpecialValueText(tr("all"));
    m_keepLast->setAccessibleName(tr("Snapshots to keep per volume"));
    auto *keepLabel = new QLabel(tr("Keep last"), scheduleBox);
    keepLabel->setAccessibleName(tr("Keep last"));
    keepLabel->setBuddy(m_keepLast);
    form->addRow(keepLabel, m_keepLast);
    m_branchCheckpoints->setObjectName(QStringLiteral("branchCheckpoints"));
    m_branchCheckpoints->setToolTip(
        tr("Every backup on a git branch also becomes that branch's checkpoint (branch-NAME): "
           "the newest data of each branch, restored in one step"));
    m_branchCheckpoints->setAccessibleDescription(m_branchCheckpoints->toolTip());
    form->addRow(m_branchCheckpoints);
    m_stopOthers->setObjectName(QStringLiteral("stopOthers"));
    m_stopOthers->setToolTip(
        tr("Services that write a volume being copied are stopped for the copy and started again "
           "after it, instead of paused (a running database is dumped either way)"));
    m_stopOthers->setAccessibleDescription(m_stopOthers->toolTip());
    form->addRow(m_stopOthers);
    form->addRow(m_applySchedule);
    lowerLayout->addWidget(scheduleBox, 1);
    splitter->addWidget(lower);
    layout->addWidget(splitter, 1);

    connect(m_refresh, &QPushButton::clicked, this, &DataPanel::refresh);
    connect(m_backupSelected, &QPushButton::clicked, this, &DataPanel::backUpSelected);
    connect(m_backupAll, &QPushButton::clicked, this, &DataPanel::backUpAll);
    connect(m_cancel, &QPushButton::clicked, this, &DataPanel::cancel);
    connect(m_restore, &QPushButton::clicked, this, &DataPanel::restoreSelectedSnapshot);
    connect(m_checkpoint, &QPushButton::clicked, this, &DataPanel::askCheckpointName);
    connect(m_restoreCheckpoint, &QPushButton::clicked, this,
            [this] { restoreCheckpoint(m_checkpoints->currentText()); });
    connect(m_applySchedule, &QPushButton::clicked, this, &DataPanel::applySchedule);
    connect(m_repository, &QPushButton::clicked, this, &DataPanel::chooseRepository);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showSnapshots();
        updateActions();
    });
    connect(m_snapshots, &QTreeWidget::itemSelectionChanged, this, &DataPanel::updateActions);
    setRuntime(nullptr);
}

DataPanel::~DataPanel() = default;

void DataPanel::setRuntime(Core::ProjectRuntime *runtime)
{
    delete m_binding;
    m_binding = nullptr;
    m_runtime = runtime;
    m_backups = runtime ? runtime->backups() : nullptr;
    m_model->setVolumes({}, {});
    m_snapshots->clear();
    m_checkpoints->clear();
    m_progress->hide();
    setStatus(QString());
    if (m_backups) {
        m_binding = new QObject(this);
        QObject *ctx = m_binding;
        Core::ProjectBackups *b = m_backups;
        connect(b, &Core::ProjectBackups::refreshed, ctx, [this] { onRefreshed(); });
        connect(b, &Core::ProjectBackups::snapshotSizesChanged, ctx, [this] { updateSnapshotSizes(); });
        connect(b, &Core::ProjectBackups::refreshFailed, ctx,
                [this](const Core::Error &e) { setStatus(e.toString(), true); });
        auto clock = std::make_shared<QElapsedTimer>();
        connect(b, &Core::ProjectBackups::backupStarted, ctx,
                [this, clock](const QStringList &keys, qint64 total) {
                    clock->start();
                    m_progress->setRange(0, total > 0 ? 1000 : 0);
                    m_progress->setValue(0);
                    m_progress->show();
                    setStatus(tr("Backing up %1 …").arg(keys.join(QStringLiteral(", "))));
                    updateActions();
                });
        connect(b, &Core::ProjectBackups::progressed, ctx,
                [this, clock](const QString &key, qint64, qint64 done, qint64 total) {
                    if (total > 0) {
                        m_progress->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
                    }
                    QString text = tr("%1: %2 of %3")
                                       .arg(key, QLocale().formattedDataSize(done),
                                            QLocale().formattedDataSize(total));
                    if (const QString p = pace(done, total, clock->elapsed()); !p.isEmpty()) {
                        text += QStringLiteral(" · ") + p;
                    }
                    m_progress->setFormat(text);
                    m_progress->setAccessibleDescription(text);
                });
        connect(b, &Core::ProjectBackups::backupFinished, ctx,
                [this](const Core::Result<QStringList> &ids) {
                    m_progress->hide();
                    if (ids) {
                        setStatus(tr("Backed up %n volume(s).", nullptr, int(ids->size())));
                    } else {
                        setStatus(ids.error().toString(), true);
                    }
                    updateActions();
                    emit backupFinished(ids);
                });
        connect(b, &Core::ProjectBackups::retentionApplied, ctx,
                [this](const Core::Result<Core::ForgetOutcome> &outcome) {
                    if (!outcome) {
                        setStatus(outcome.error().toString(), true);
                    }
                });
        const Core::BackupSettings settings = runtime->backupSettings();
        m_everyHours->setValue(settings.everyHours);
        m_keepLast->setValue(settings.retention.last);
        m_branchCheckpoints->setChecked(settings.branchCheckpoints);
        m_stopOthers->setChecked(settings.stopOthers);
        if (isVisible()) {
            refresh();
        }
    }
    updateActions();
}

void DataPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The repository is asked when the view is looked at, not when a project opens.
    if (m_backups && !m_backups->isBusy()) {
        refresh();
    }
}

QString DataPanel::statusText() const
{
    return m_status->text();
}

bool DataPanel::isBusy() const
{
    return m_restoring || (m_backups && m_backups->isBusy());
}

void DataPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    setErrorLook(m_status, error);
}

void DataPanel::refresh()
{
    if (!m_backups) {
        return;
    }
    setStatus(tr("Reading the volumes and the backup repository …"));
    m_backups->refresh();
}

void DataPanel::onRefreshed()
{
    QStringList selected;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        selected << i.data(DataVolumeModel::KeyRole).toString();
    }
    m_model->setVolumes(m_backups->inventory(), m_backups->project());
    for (const QString &key : std::as_const(selected)) {
        const int row = m_model->rowOf(key);
        if (row >= 0) {
            m_table->selectionModel()->select(m_model->index(row, 0),
                                              QItemSelectionModel::Select
                                                  | QItemSelectionModel::Rows);
        }
    }
    QStringList names;
    for (const Core::ResticSnapshot &s : m_backups->snapshots()) {
        const QString name = s.tag(QStringLiteral("checkpoint"));
        if (!name.isEmpty() && !names.contains(name)) {
            names << name;
        }
    }
    const QString current = m_checkpoints->currentText();
    m_checkpoints->clear();
    m_checkpoints->addItems(names);
    m_checkpoints->setCurrentText(current);
    if (!isBusy()) {
        int never = 0;
        for (const Core::DataVolume &v : m_backups->inventory()) {
            never += v.lastBackup ? 0 : 1;
        }
        setStatus(never > 0 ? tr("%n volume(s) never backed up.", nullptr, never)
                            : tr("Every volume has a backup."));
    }
    showSnapshots();
    updateActions();
}

void DataPanel::showSnapshots()
{
    m_snapshots->clear();
    if (!m_backups) {
        return;
    }
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1) {
        return;
    }
    const QString key = rows.first().data(DataVolumeModel::KeyRole).toString();
    const QList<Core::ResticSnapshot> &all = m_backups->snapshots();
    for (auto it = all.crbegin(); it != all.crend(); ++it) { // newest first
        if (it->tag(QStringLiteral("volume")) != key) {
            continue;
        }
        const QString checkpoint = it->tag(QStringLiteral("checkpoint"));
        const QString note = checkpoint.isEmpty() ? it->tag(QStringLiteral("reason"))
                                                  : tr("checkpoint %1").arg(checkpoint);
        const qint64 size = m_backups->snapshotSize(it->id);
        auto *item = new QTreeWidgetItem(
            m_snapshots, {QLocale().toString(it->time.toLocalTime(), QLocale::ShortFormat),
                          DataVolumeModel::kindText(it->tag(QStringLiteral("kind"))),
                          size >= 0 ? QLocale().formattedDataSize(size) : QStringLiteral("…"),
                          it->tag(QStringLiteral("branch")),
                          note, it->shortId});
        item->setData(TimeColumn, Qt::UserRole, it->id);
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (size < 0) {
            item->setToolTip(SizeColumn, tr("Reading the size from the repository …"));
        }
    }
}

void DataPanel::updateSnapshotSizes()
{
    if (!m_backups) {
        return;
    }
    // In place: the selection and scroll position stay while the sizes come in.
    for (int i = 0; i < m_snapshots->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_snapshots->topLevelItem(i);
        const qint64 size = m_backups->snapshotSize(item->data(TimeColumn, Qt::UserRole).toString());
        if (size >= 0) {
            item->setText(SizeColumn, QLocale().formattedDataSize(size));
            item->setToolTip(SizeColumn, QString());
        }
    }
}

void DataPanel::updateActions()
{
    const bool ready = m_backups && !isBusy();
    const bool selected = m_table->selectionModel()->hasSelection();
    m_refresh->setEnabled(ready);
    m_backupSelected->setEnabled(ready && selected);
    m_backupAll->setEnabled(ready && m_model->rowCount() > 0);
    m_checkpoint->setEnabled(ready && m_model->rowCount() > 0);
    m_cancel->setEnabled(isBusy());
    m_restore->setEnabled(ready && !m_snapshots->selectedItems().isEmpty());
    m_restoreCheckpoint->setEnabled(ready && m_checkpoints->count() > 0);
    m_applySchedule->setEnabled(m_runtime != nullptr);
}

void DataPanel::backUpSelected()
{
    QStringList keys;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows()) {
        keys << i.data(DataVolumeModel::KeyRole).toString();
    }
    if (m_backups && !keys.isEmpty()) {
        m_backups->backup(keys);
        showPreparing();
    }
}

void DataPanel::backUpAll()
{
    if (m_backups) {
        m_backups->backup();
        showPreparing();
    }
}

void DataPanel::cancel()
{
    if (m_restoreJob) {
        m_restoreJob->cancel();
    } else if (m_backups) {
        m_backups->cancel();
    }
}

void DataPanel::askCheckpointName()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("checkpointName"));
    dialog->setWindowTitle(tr("Checkpoint"));
    dialog->setLabelText(tr("Name of the checkpoint (a snapshot of all data):"));
    dialog->setTextValue(QStringLiteral("before-"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        if (!name.trimmed().isEmpty()) {
            checkpoint(name.trimmed());
        }
    });
    dialog->open(); // window-modal, the event loop goes on
}

void DataPanel::checkpoint(const QString &name)
{
    if (!m_backups) {
        return;
    }
    Core::SnapshotTags tags;
    tags.checkpoint = name;
    m_backups->backup({}, tags);
    showPreparing();
}

void DataPanel::showPreparing()
{
    if (!m_backups || !m_backups->isBusy() || m_progress->isVisible()) {
        return; // refused at once (its message is shown), or already copying
    }
    setStatus(tr("Reading the volumes and what runs before the backup …"));
    m_progress->setRange(0, 0);
    m_progress->setFormat(QString());
    m_progress->show();
    updateActions();
}

QString DataPanel::describe(const Core::RestorePlan &plan) const
{
    QStringList lines;
    const QString when = QLocale().toString(plan.snapshot.time.toLocalTime(), QLocale::ShortFormat);
    if (plan.kind == QLatin1String("pg-dump")) {
        lines << tr("The database in %1 (volume %2) is replaced by its dump of %3.")
                     .arg(plan.databaseService, plan.target.key, when);
    } else {
        lines << tr("Everything in volume %1 is replaced by its snapshot of %2.")
                     .arg(plan.target.key, when);
    }
    if (plan.takesSafetySnapshot()) {
        lines << tr("A safety snapshot of the current data is taken first.");
    }
    if (!plan.stop.isEmpty()) {
        lines << tr("Stopped meanwhile: %1").arg(plan.stop.join(QStringLiteral(", ")));
        lines << tr("Started again after it: %1").arg(plan.startAgain.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

void DataPanel::restoreSelectedSnapshot()
{
    const QList<QTreeWidgetItem *> items = m_snapshots->selectedItems();
    if (!m_backups || items.isEmpty()) {
        return;
    }
    const QString id = items.first()->data(TimeColumn, Qt::UserRole).toString();
    for (const Core::ResticSnapshot &s : m_backups->snapshots()) {
        if (s.id == id) {
            confirmRestore({s}, tr("Restore %1?").arg(s.tag(QStringLiteral("volume"))));
            return;
        }
    }
}

void DataPanel::restoreCheckpoint(const QString &name)
{
    if (!m_backups || name.isEmpty()) {
        return;
    }
    const QList<Core::ResticSnapshot> snapshots =
        Core::checkpointSnapshots(m_backups->snapshots(), name);
    if (!snapshots.isEmpty()) {
        confirmRestore(snapshots, tr("Restore checkpoint %1?").arg(name));
    }
}

void DataPanel::confirmRestore(const QList<Core::ResticSnapshot> &snapshots, const QString &title)
{
    // Every plan before anything is touched: one that cannot be made stops all of them.
    QStringList engineVolumes;
    for (const Core::DataVolume &v : m_backups->inventory()) {
        if (v.exists) {
            engineVolumes << v.engineName;
        }
    }
    QList<Core::RestorePlan> plans;
    QStringList text;
    for (const Core::ResticSnapshot &s : snapshots) {
        auto plan = Core::RestorePlan::make(m_backups->project(), m_backups->inventory(), s, {},
                                            m_backups->running(), engineVolumes);
        if (!plan) {
            setStatus(plan.error().toString(), true);
            return;
        }
        text << describe(*plan);
        plans << *plan;
    }
    delete m_confirm;
    m_confirm = new QMessageBox(QMessageBox::Warning, title, title, QMessageBox::NoButton, this);
    m_confirm->setObjectName(QStringLiteral("restoreConfirmation"));
    m_confirm->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm->setInformativeText(text.join(QStringLiteral("\n\n")));
    QPushButton *restore = m_confirm->addButton(tr("Restore"), QMessageBox::DestructiveRole);
    restore->setAccessibleName(tr("Restore and replace the data"));
    m_confirm->addButton(QMessageBox::Cancel)->setAccessibleName(tr("Cancel the restore"));
    m_confirm->setDefaultButton(QMessageBox::Cancel);
    connect(m_confirm, &QMessageBox::buttonClicked, this,
            [this, restore, plans](QAbstractButton *clicked) {
                if (clicked == restore) {
                    runRestores(plans);
                }
            });
    m_confirm->open(); // window-modal; nothing waits for the answer
}

void DataPanel::runRestores(QList<Core::RestorePlan> plans)
{
    if (plans.isEmpty()) {
        m_restoring = false;
        m_progress->hide();
        updateActions();
        m_backups->refresh();
        return;
    }
    m_restoring = true;
    updateActions();
    const Core::RestorePlan plan = plans.takeFirst();
    auto *job = new Core::RestoreJob(m_backups->client(), m_backups->repository(), plan,
                                     m_backups->baseTags(), this);
    m_restoreJob = job;
    m_progress->setRange(0, 0);
    m_progress->setFormat(QString());
    m_progress->show();
    // Each step's whole, where known: the volume's size (engine df) for the safety snapshot, the
    // snapshot's restore size (restic stats) for the restore; unknown ones show bytes and rate.
    const qint64 safetyTotal = plan.target.sizeBytes;
    const qint64 restoreTotal = m_backups->snapshotSize(plan.snapshot.id);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(job, &Core::RestoreJob::progressed, this,
            [this, job, clock, safetyTotal, restoreTotal, key = plan.target.key](qint64 bytes) {
                // Counted from 0 twice: the safety snapshot's copy, then the restore's.
                const bool safety = job->step() == Core::RestoreJob::Step::Safety;
                const qint64 total = safety ? safetyTotal : restoreTotal;
                const QString size = total > 0 ? tr("%1 of %2").arg(QLocale().formattedDataSize(bytes),
                                                                      QLocale().formattedDataSize(total))
                                               : QLocale().formattedDataSize(bytes);
                QString text = safety ? tr("%1: %2 into the safety snapshot").arg(key, size)
                                      : tr("%1: %2 restored").arg(key, size);
                if (const QString p = pace(bytes, total, clock->elapsed()); !p.isEmpty()) {
                    text += QStringLiteral(" · ") + p;
                }
                if (total > 0) {
                    m_progress->setRange(0, 1000);
                    m_progress->setValue(int(std::min<qint64>(1000, bytes * 1000 / total)));
                    m_progress->setFormat(text);
                } else {
                    m_progress->setRange(0, 0); // a busy bar shows no text: the status line has it
                }
                setStatus(text);
                m_progress->setAccessibleDescription(text);
            });
    connect(job, &Core::RestoreJob::stepStarted, this,
            [this, clock, key = plan.target.key](Core::RestoreJob::Step step, const QString &) {
                clock->start(); // each step's rate from its own start
                switch (step) {
                case Core::RestoreJob::Step::Safety:
                    setStatus(tr("%1: taking a safety snapshot …").arg(key));
                    break;
                case Core::RestoreJob::Step::Stop:
                    setStatus(tr("%1: stopping the services that use it …").arg(key));
                    break;
                case Core::RestoreJob::Step::Restore:
                    setStatus(tr("%1: restoring …").arg(key));
                    break;
                case Core::RestoreJob::Step::Start:
                    setStatus(tr("%1: starting the services again …").arg(key));
                    break;
                case Core::RestoreJob::Step::Done:
                    break;
                }
            });
    connect(job, &Core::RestoreJob::finished, this,
            [this, job, plans](const Core::Result<void> &result) {
                job->deleteLater();
                if (!result) {
                    m_restoring = false;
                    m_progress->hide();
                    setStatus(result.error().toString(), true);
                    updateActions();
                    m_backups->refresh();
                    emit restoreFinished(result);
                    return;
                }
                if (plans.isEmpty()) {
                    runRestores({});
                    setStatus(tr("Restored."));
                    emit restoreFinished(result);
                    return;
                }
                runRestores(plans);
            });
    job->start();
}

void DataPanel::chooseRepository()
{
    if (m_repositoryDialog) {
        m_repositoryDialog->raise();
        return;
    }
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Where backups go"));
    dialog->setAccessibleName(dialog->windowTitle());
    auto *form = new QFormLayout(dialog);
    auto *intro = new QLabel(tr("A folder or any restic repository URL (sftp:user@host:/path, "
                                "rest:https://…, s3:…). Empty: the local repository."),
                             dialog);
    intro->setWordWrap(true);
    form->addRow(intro);
    auto *location = new QLineEdit(dialog);
    location->setObjectName(QStringLiteral("repositoryLocation"));
    location->setAccessibleName(tr("Repository location"));
    location->setPlaceholderText(Core::ResticRepository::defaultLocation());
    if (const QString now = Core::BackupRepository::configuredLocation(); now != Core::ResticRepository::defaultLocation()) {
        location->setText(now);
    }
    location->setMinimumWidth(fontMetrics().averageCharWidth() * 48);
    form->addRow(tr("&Location"), location);
    auto *password = new QLineEdit(dialog);
    password->setObjectName(QStringLiteral("repositoryPassword"));
    password->setEchoMode(QLineEdit::Password);
    password->setAccessibleName(tr("Repository password"));
    password->setAccessibleDescription(tr("Only for an existing repository; a new one gets a generated password. "
                                          "Kept in the keychain."));
    password->setPlaceholderText(tr("only for an existing repository"));
    form->addRow(tr("&Password"), password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use it"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Use this repository"));
    form->addRow(buttons);
    if (Core::BackupRepository::locationFromEnvironment()) {
        auto *env = new QLabel(tr("DEVDOCK_BACKUP_REPOSITORY is set: it wins over what is chosen here while it is."), dialog);
        env->setWordWrap(true);
        form->addRow(env);
    }
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, location, password, buttons] {
        buttons->setEnabled(false);
        const QString where = location->text().trimmed();
        setStatus(tr("Opening %1 …").arg(where.isEmpty() ? Core::ResticRepository::defaultLocation() : where));
        const std::optional<QString> secret = password->text().isEmpty() ? std::nullopt : std::optional(password->text());
        password->clear();
        Core::BackupRepository::saveLocation(
            where, secret, nullptr, dialog, [this, dialog, buttons](const Core::Result<void> &r) {
                buttons->setEnabled(true);
                if (!r) {
                    // The dialog stays, with what was typed, to correct it.
                    setStatus(r.error().toString(), true);
                    emit repositoryChosen(r);
                    return;
                }
                const QString now = Core::BackupRepository::configuredLocation();
                m_repository->setToolTip(tr("Backups go to %1").arg(now));
                m_repository->setAccessibleDescription(m_repository->toolTip());
                setStatus(tr("Backups go to %1.").arg(now));
                dialog->accept();
                emit repositoryChosen(r);
            });
    });
    m_repositoryDialog = dialog;
    dialog->open();
}

void DataPanel::applySchedule()
{
    if (!m_runtime) {
        return;
    }
    Core::BackupSettings settings = m_runtime->backupSettings();
    settings.everyHours = m_everyHours->value();
    settings.retention.last = m_keepLast->value();
    settings.branchCheckpoints = m_branchCheckpoints->isChecked();
    settings.stopOthers = m_stopOthers->isChecked();
    m_runtime->setBackupSettings(settings);
    setStatus(settings.everyHours > 0
                  ? tr("Backed up every %n hour(s) while the stack runs.", nullptr,
                       settings.everyHours)
                  : tr("No scheduled backups."));
}

} // namespace DevDock::Ui
