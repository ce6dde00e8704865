// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "twindialog.h"

#include "errorbanner.h"

#include "twin/gitrepository.h"
#include "twin/twinplanner.h"
#include "util/offthread.h"
#include "workspace/twinrunner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace DevDock::Ui {

namespace {

struct Branches
{
    QStringList branches;               // local branches
    QList<Core::TwinListing> worktrees; // every worktree (the main checkout first)
    QString error;
};

Branches readBranches(const Core::ComposeLoadOptions &main)
{
    Branches out;
    auto listing = Core::TwinPlanner::list(main, {});
    if (!listing) {
        out.error = listing.error().message;
        return out;
    }
    out.worktrees = *listing;
    const QString top =
        out.worktrees.isEmpty() ? main.projectDirectory : out.worktrees.constFirst().worktree;
    if (auto refs = Core::GitRepository::git(top, {QStringLiteral("for-each-ref"),
                                                   QStringLiteral("--format=%(refname:short)"),
                                                   QStringLiteral("refs/heads")});
        refs) {
        out.branches = QString::fromUtf8(*refs).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    return out;
}

} // namespace

TwinDialog::TwinDialog(Mode mode, Core::EngineClient *client, const Core::ComposeLoadOptions &main,
                       const QString &projectName, const QString &branch, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_main(main)
    , m_projectName(projectName)
    , m_twinBranch(branch)
    , m_runner(new Core::TwinRunner(client, this))
    , m_error(new QLabel(this))
    , m_progress(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("twinDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    if (mode == Mode::Up) {
        setWindowTitle(tr("Run a branch alongside %1").arg(projectName));
        intro->setText(tr("The branch runs in its own git worktree (created beside the main "
                          "checkout when it has none), as its own Compose project on free host "
                          "ports, with volumes of its own. No checked-in file changes."));
        m_branch = new QComboBox(this);
        m_branch->setObjectName(QStringLiteral("twinBranch"));
        m_branch->setEditable(true);
        m_branch->setMinimumContentsLength(24);
        m_branch->setAccessibleName(tr("Branch"));
        m_branch->setAccessibleDescription(
            tr("A branch or worktree of the repository, or the name of a new branch"));
        form->addRow(tr("&Branch:"), m_branch);
        m_clone = new QCheckBox(tr("Clone the &data from the newest backups of %1").arg(projectName),
                                this);
        m_clone->setObjectName(QStringLiteral("twinCloneData"));
        m_clone->setToolTip(tr("Off: the twin starts with fresh, empty volumes. On: each volume "
                               "starts as the main checkout's newest snapshot of it (its "
                               "volumes are only read from the backups, never touched)"));
        m_clone->setAccessibleDescription(m_clone->toolTip());
        form->addRow(m_clone);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Run alongside"));
        listBranches();
    } else {
        setWindowTitle(tr("Tear down the twin %1").arg(branch));
        intro->setText(tr("Removes the containers and networks of the twin of %1 on the branch "
                          "%2. The main stack is not touched.")
                           .arg(projectName, branch));
        m_volumes = new QCheckBox(tr("Also remove its &volumes (backed up first)"), this);
        m_volumes->setObjectName(QStringLiteral("twinRemoveVolumes"));
        // As `devdockctl twin down BRANCH --volumes`: the runtime's data gate backs every volume
        // up before compose removes it; a failed backup removes nothing.
        m_volumes->setToolTip(tr("Every volume of the twin is backed up first (the Data view "
                                 "and devdockctl restore bring it back); if the backup fails, "
                                 "nothing is removed"));
        m_volumes->setAccessibleDescription(m_volumes->toolTip());
        m_worktree =
            new QCheckBox(tr("Also remove its &worktree (only when it has no changes)"), this);
        m_worktree->setObjectName(QStringLiteral("twinRemoveWorktree"));
        form->addRow(m_volumes);
        form->addRow(m_worktree);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Tear down"));
    }
    m_error->setObjectName(QStringLiteral("twinError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setErrorLook(m_error, true);
    m_error->hide();
    m_progress->setObjectName(QStringLiteral("twinProgress"));
    m_progress->setReadOnly(true);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setMaximumBlockCount(500);
    m_progress->hide();
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());

    connect(m_buttons, &QDialogButtonBox::accepted, this, &TwinDialog::run);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TwinDialog::reject);
    connect(m_runner, &Core::TwinRunner::progressed, this, [this](const QString &line) {
        m_progress->show();
        m_progress->appendPlainText(line);
    });
    connect(m_runner, &Core::TwinRunner::finished, this, &TwinDialog::onFinished);
}

void TwinDialog::listBranches()
{
    m_branch->setEnabled(false);
    m_branch->setPlaceholderText(tr("Reading the repository's branches …"));
    // git runs in a worker thread: a large repository never stalls the window.
    const Core::ComposeLoadOptions main = m_main;
    Core::offThread<Branches>(this, [main] { return readBranches(main); }, [this](Branches found) {
        m_branch->setEnabled(true);
        m_branch->setPlaceholderText(tr("feature/x"));
        if (!found.error.isEmpty()) {
            m_error->setText(found.error);
            m_error->show();
            emit branchesListed();
            return;
        }
        QStringList seen;
        for (const Core::TwinListing &w : found.worktrees) {
            if (w.main || w.branch.isEmpty()) {
                continue; // the main checkout runs as the project itself
            }
            m_branch->addItem(
                tr("%1 (worktree %2)").arg(w.branch, QDir::toNativeSeparators(w.worktree)),
                w.branch);
            seen << w.branch;
        }
        const QString mainBranch =
            found.worktrees.isEmpty() ? QString() : found.worktrees.constFirst().branch;
        for (const QString &b : found.branches) {
            if (!seen.contains(b) && b != mainBranch) {
                m_branch->addItem(b, b);
            }
        }
        m_branch->setCurrentIndex(m_branch->count() > 0 ? 0 : -1);
        emit branchesListed();
    });
}

void TwinDialog::run()
{
    if (m_runner->isRunning()) {
        return;
    }
    m_error->hide();
    m_progress->clear();
    if (m_mode == Mode::Up) {
        // An item's data is its branch; typed text is a branch name as it stands.
        const int at = m_branch->findText(m_branch->currentText());
        const QString branch =
            (at >= 0 ? m_branch->itemData(at).toString() : m_branch->currentText()).trimmed();
        if (branch.isEmpty()) {
            m_error->setText(tr("Choose a branch, or type the name of a new one."));
            m_error->show();
            return;
        }
        m_branch->setEnabled(false);
        m_clone->setEnabled(false);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        m_runner->up(m_main, branch, {}, m_clone->isChecked());
        return;
    }
    m_volumes->setEnabled(false);
    m_worktree->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_runner->down(m_main, m_twinBranch, m_volumes->isChecked(), m_worktree->isChecked());
}

void TwinDialog::reject()
{
    // Cancel, Esc and the title bar's close: a running job is cancelled and the dialog closes
    // once it has ended (closing at once would delete the runner under its compose process).
    if (m_runner->isRunning()) {
        m_closeWhenDone = true;
        m_runner->cancel();
        return;
    }
    QDialog::reject();
}

void TwinDialog::onFinished(const Core::Result<Core::TwinPlan> &result)
{
    if (m_closeWhenDone) {
        QDialog::reject();
        return;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    if (m_branch) {
        m_branch->setEnabled(true);
    }
    if (m_worktree) {
        m_worktree->setEnabled(true);
    }
    if (m_volumes) {
        m_volumes->setEnabled(true);
    }
    if (m_clone) {
        m_clone->setEnabled(true);
    }
    if (!result) {
        QString text = result.error().message;
        if (!result.error().hint.isEmpty()) {
            text += QLatin1Char('\n') + result.error().hint;
        }
        m_error->setText(text);
        m_error->show();
        return;
    }
    emit succeeded(*result);
    accept();
}

} // namespace DevDock::Ui
