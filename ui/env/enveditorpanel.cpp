// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enveditorpanel.h"

#include "envkeymodel.h"
#include "envvaluedelegate.h"
#include "errorbanner.h"

#include "env/secretstore.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace DevDock::Ui {

namespace {

struct Loaded
{
    Core::Result<Core::EnvEditor> editor;
    Core::Result<QMap<QString, QStringList>> references;
};

} // namespace

EnvEditorPanel::EnvEditorPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new EnvKeyModel(this))
    , m_view(new QTableView(this))
    , m_fileFilter(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_errorBanner(nullptr)
    , m_errorLabel(nullptr)
    , m_conflictBanner(new QWidget(this))
    , m_conflictLabel(new QLabel(m_conflictBanner))
{
    setObjectName(QStringLiteral("envEditor"));
    setAccessibleName(tr("Environment editor"));
    setAccessibleDescription(tr("The keys of the active .env profile, with their values, source "
                                "files and status; secrets live in the keychain"));
    buildUi();
    connect(m_model, &EnvKeyModel::editFailed, this, &EnvEditorPanel::showError);
    connect(m_model, &EnvKeyModel::edited, this, &EnvEditorPanel::afterEdit);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &EnvEditorPanel::checkDisk);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &EnvEditorPanel::checkDisk);
    updateActions();
}

EnvEditorPanel::~EnvEditorPanel() = default;

void EnvEditorPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("envToolbar"));
    toolbar->setAccessibleName(tr("Environment actions"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_fileFilter->setObjectName(QStringLiteral("envFileFilter"));
    m_fileFilter->setAccessibleName(tr("Show"));
    m_fileFilter->setAccessibleDescription(
        tr("The resolved profile, or the keys of one file of it"));
    auto *showLabel = new QLabel(tr("Show:"), this);
    showLabel->setAccessibleName(tr("Show"));
    showLabel->setBuddy(m_fileFilter);
    toolbar->addWidget(showLabel);
    toolbar->addWidget(m_fileFilter);
    connect(m_fileFilter, &QComboBox::activated, this,
            [this](int index) { m_model->setFile(m_fileFilter->itemData(index).toString()); });
    toolbar->addSeparator();

    auto action = [&](const QString &text, const QString &name, const QString &description,
                      const QKeySequence &shortcut, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setToolTip(description);
        a->setStatusTip(description);
        if (!shortcut.isEmpty()) {
            a->setShortcut(shortcut);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            a->setToolTip(description + QStringLiteral(" (")
                          + shortcut.toString(QKeySequence::NativeText) + QLatin1Char(')'));
        }
        addAction(a);
        toolbar->addAction(a);
        if (QWidget *button = toolbar->widgetForAction(a)) {
            button->setAccessibleName(text.split(QLatin1Char('&')).join(QString()));
            button->setAccessibleDescription(description);
        }
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_add = action(tr("&Add…"), QStringLiteral("envAdd"), tr("Add a key to the selected file"),
                   QKeySequence(Qt::CTRL | Qt::Key_N), [this] {
                       bool ok = false;
                       const QString key = QInputDialog::getText(
                           this, tr("Add a key"),
                           tr("Name of the new key in %1:").arg(m_model->targetFile(QString())),
                           QLineEdit::Normal, QString(), &ok);
                       if (ok && !key.trimmed().isEmpty()) {
                           addKey(key.trimmed(), QString());
                       }
                   });
    m_remove = action(tr("&Remove"), QStringLiteral("envRemove"),
                      tr("Remove the selected key from its file"), QKeySequence::Delete,
                      [this] { removeSelected(); });
    m_move = new QToolButton(this);
    m_move->setObjectName(QStringLiteral("envMove"));
    m_move->setText(tr("&Move to"));
    m_move->setAccessibleName(tr("Move to"));
    m_move->setAccessibleDescription(tr("Move the selected key to another file of the profile"));
    m_move->setPopupMode(QToolButton::InstantPopup);
    m_move->setMenu(new QMenu(m_move));
    toolbar->addWidget(m_move);
    m_secret = action(tr("&Secret"), QStringLiteral("envSecret"),
                      tr("Mark the selected key secret (its value moves to the keychain), or not"),
                      QKeySequence(Qt::CTRL | Qt::Key_K), [this] { toggleSecretSelected(); });
    m_generate = action(tr("&Generate"), QStringLiteral("envGenerate"),
                        tr("Generate a strong random value for the selected secret"),
                        QKeySequence(Qt::CTRL | Qt::Key_G), [this] { generateForSelected(); });
    m_reveal =
        action(tr("Re&veal"), QStringLiteral("envReveal"), tr("Show the selected secret's value"),
               QKeySequence(Qt::CTRL | Qt::Key_E), [this](bool on) { revealSelected(on); });
    m_reveal->setCheckable(true);
    toolbar->addSeparator();
    m_undo = action(tr("&Undo"), QStringLiteral("envUndo"), tr("Undo the last edit"),
                    QKeySequence::Undo, [this] { undo(); });
    m_redo = action(tr("Re&do"), QStringLiteral("envRedo"), tr("Redo the edit undone"),
                    QKeySequence::Redo, [this] { redo(); });
    m_save = action(tr("Sa&ve"), QStringLiteral("envSave"),
                    tr("Write the changed files (atomically) and the secrets (to the keychain)"),
                    QKeySequence::Save, [this] { save(); });
    layout->addWidget(toolbar);

    m_errorLabel = makeErrorBanner(this, QStringLiteral("envError"), tr("Environment error"));
    m_errorBanner = m_errorLabel;
    layout->addWidget(m_errorLabel);

    m_conflictBanner->setObjectName(QStringLiteral("envConflict"));
    m_conflictBanner->setAccessibleName(tr("Files changed on disk"));
    auto *conflictLayout = new QHBoxLayout(m_conflictBanner);
    m_conflictLabel->setObjectName(QStringLiteral("envConflictText"));
    m_conflictLabel->setWordWrap(true);
    m_conflictLabel->setAccessibleName(tr("Files changed on disk"));
    auto *reload = new QPushButton(tr("Re&load"), m_conflictBanner);
    reload->setObjectName(QStringLiteral("envConflictReload"));
    reload->setAccessibleName(tr("Reload"));
    reload->setAccessibleDescription(tr("Drop your unsaved edits and show the files as on disk"));
    auto *merge = new QPushButton(tr("&Merge"), m_conflictBanner);
    merge->setObjectName(QStringLiteral("envConflictMerge"));
    merge->setAccessibleName(tr("Merge"));
    merge->setAccessibleDescription(tr("Apply your unsaved edits on top of the files as on disk"));
    connect(reload, &QPushButton::clicked, this, &EnvEditorPanel::reloadFromDisk);
    connect(merge, &QPushButton::clicked, this, &EnvEditorPanel::mergeWithDisk);
    conflictLayout->addWidget(m_conflictLabel, 1);
    conflictLayout->addWidget(reload);
    conflictLayout->addWidget(merge);
    m_conflictBanner->setStyleSheet(QStringLiteral(
        "#envConflict { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 4px; }"));
    m_conflictBanner->hide();
    layout->addWidget(m_conflictBanner);

    m_view->setObjectName(QStringLiteral("envTable"));
    m_view->setAccessibleName(tr("Environment keys"));
    m_view->setAccessibleDescription(
        tr("Key, value (secrets hidden), source file, status and description; edit a value with "
           "F2 or a double click"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setColumnWidth(EnvKeyModel::KeyColumn, 190);
    m_view->setColumnWidth(EnvKeyModel::ValueColumn, 150);
    m_view->setColumnWidth(EnvKeyModel::SourceColumn, 120);
    m_view->setColumnWidth(EnvKeyModel::StatusColumn, 250);
    m_view->setWordWrap(true);
    auto *delegate = new EnvValueDelegate(m_view);
    // Not Delete, Undo and Redo: inside the cell they edit the text being typed.
    delegate->setPassThrough({m_save->shortcut(), m_secret->shortcut(), m_generate->shortcut(),
                              m_reveal->shortcut(), m_add->shortcut()});
    m_view->setItemDelegate(delegate);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EnvEditorPanel::updateActions);
    // Every edit rebuilds the rows (a value can change others' status); the key the user is on
    // stays current, so that the next action (Ctrl+K, Ctrl+G) is for it and not for nothing.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_currentBeforeReset = {selectedKey(), m_view->currentIndex().column()};
        // The reset closes an open cell editor and its focus goes nowhere: the panel's
        // shortcuts (they need the focus inside it) would stop working.
        m_focusBeforeReset = m_view->hasFocus() || m_view->isAncestorOf(QApplication::focusWidget());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_model->rowOf(m_currentBeforeReset.first);
        if (row >= 0) {
            const QModelIndex index =
                m_model->index(row, std::max(0, m_currentBeforeReset.second));
            m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        if (m_focusBeforeReset && !m_view->hasFocus()) {
            m_view->setFocus();
        }
        updateActions();
    });
    layout->addWidget(m_view, 1);

    m_status->setObjectName(QStringLiteral("envStatus"));
    m_status->setAccessibleName(tr("Environment status"));
    layout->addWidget(m_status);
}

void EnvEditorPanel::setSecretStore(std::shared_ptr<Core::SecretStore> store)
{
    m_store = std::move(store);
    m_customStore = m_store != nullptr;
}

void EnvEditorPanel::open(const QString &projectDirectory, const QString &profile,
                          const QStringList &composeFiles)
{
    if (m_editor && m_editor->isModified() && m_directory == projectDirectory
        && m_editor->profileName() == profile) {
        return; // a reload of the same profile: the unsaved edits stay
    }
    const quint64 generation = ++m_generation;
    m_directory = projectDirectory;
    if (!m_customStore) {
        m_store = std::make_shared<Core::KeychainSecretStore>(
            Core::KeychainSecretStore::scopeForProject(projectDirectory));
    }
    m_status->setText(tr("Reading the .env profile…"));
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) {
            return;
        }
        Loaded result = watcher->result();
        if (!result.editor) {
            m_editor.reset();
            m_model->setEditor(nullptr);
            showError(result.editor.error());
            m_status->clear();
            updateActions();
            return;
        }
        clearError();
        m_editor = std::move(*result.editor);
        m_model->setEditor(&*m_editor);
        if (result.references) {
            m_model->setComposeReferences(*result.references);
        }
        m_fileFilter->clear();
        m_fileFilter->addItem(tr("Resolved profile (%1)")
                                  .arg(m_editor->profileName().isEmpty() ? tr("no profile")
                                                                         : m_editor->profileName()),
                              QString());
        for (const QString &file : m_editor->fileNames()) {
            m_fileFilter->addItem(file, file);
        }
        QMenu *menu = m_move->menu();
        menu->clear();
        for (const QString &file : m_editor->fileNames()) {
            menu->addAction(file, this, [this, file] { moveSelected(file); });
        }
        watchFiles();
        afterEdit();
        // The keychain's values: for the status column and for reveal. Never logged.
        const QStringList keys = m_editor->profile().secretKeys();
        Core::readSecrets(
            *m_store, keys, this,
            [this, generation](QHash<QString, QString> values, std::optional<Core::Error> error) {
                if (generation != m_generation || !m_editor) {
                    return;
                }
                m_editor->setStoredSecrets(values);
                m_model->refresh();
                if (error) {
                    showError(*error);
                }
                emit loaded();
            });
    });
    watcher->setFuture(QtConcurrent::run([projectDirectory, profile, composeFiles] {
        return Loaded{Core::EnvEditor::open(projectDirectory, profile),
                      Core::composeVariableReferences(composeFiles)};
    }));
}

QString EnvEditorPanel::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

QString EnvEditorPanel::selectedKey() const
{
    return m_model->keyAt(m_view->currentIndex().row());
}

void EnvEditorPanel::showError(const Core::Error &error)
{
    Ui::showError(m_errorLabel, error);
    emit errorShown(m_errorLabel->text());
}

void EnvEditorPanel::clearError()
{
    m_errorLabel->hide();
    m_errorLabel->clear();
}

void EnvEditorPanel::afterEdit()
{
    if (!m_editor) {
        return;
    }
    const QStringList changed = m_editor->changedFiles();
    const int secrets = int(m_editor->pendingSecrets().size());
    if (!m_editor->isModified()) {
        m_status->setText(tr("No unsaved changes."));
    } else {
        QStringList parts;
        if (!changed.isEmpty()) {
            parts << tr("unsaved changes in %1").arg(changed.join(QStringLiteral(", ")));
        }
        if (secrets > 0) {
            parts << tr("%n secret(s) to store in the keychain", nullptr, secrets);
        }
        m_status->setText(parts.join(QStringLiteral("; ")) + QLatin1Char('.'));
    }
    updateActions();
}

void EnvEditorPanel::updateActions()
{
    const bool ready = m_editor.has_value() && !m_saving;
    const QString key = selectedKey();
    const bool secret = ready && !key.isEmpty() && m_editor->profile().isSecret(key);
    m_add->setEnabled(ready);
    m_remove->setEnabled(ready && !key.isEmpty());
    m_move->setEnabled(ready && !key.isEmpty());
    m_secret->setEnabled(ready && !key.isEmpty());
    m_secret->setText(secret ? tr("Not &secret") : tr("&Secret"));
    m_generate->setEnabled(secret);
    m_reveal->setEnabled(secret);
    m_reveal->setChecked(secret && m_model->isRevealed(key));
    m_undo->setEnabled(ready && m_editor->canUndo());
    m_undo->setToolTip(ready && m_editor->canUndo() ? tr("Undo: %1").arg(m_editor->undoText())
                                                    : tr("Undo the last edit"));
    m_redo->setEnabled(ready && m_editor->canRedo());
    m_save->setEnabled(ready && m_editor->isModified());
}

void EnvEditorPanel::addKey(const QString &key, const QString &value)
{
    if (!m_editor) {
        return;
    }
    const QString file = m_model->file().isEmpty() ? m_editor->defaultFile() : m_model->file();
    if (auto r = m_editor->setValue(file, key, value); !r) {
        showError(r.error());
        return;
    }
    clearError();
    m_model->refresh();
    const int row = m_model->rowOf(key);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, EnvKeyModel::ValueColumn));
    }
    afterEdit();
}

void EnvEditorPanel::editSelected(const std::function<Core::Result<void>(const QString &key)> &edit)
{
    const QString key = selectedKey();
    if (!m_editor || key.isEmpty()) {
        return;
    }
    if (auto r = edit(key); !r) {
        showError(r.error());
        return;
    }
    clearError();
    m_model->refresh();
    afterEdit();
}

void EnvEditorPanel::removeSelected()
{
    editSelected(
        [this](const QString &key) { return m_editor->remove(m_model->targetFile(key), key); });
}

void EnvEditorPanel::moveSelected(const QString &toFile)
{
    editSelected([this, toFile](const QString &key) {
        return m_editor->move(key, m_model->targetFile(key), toFile);
    });
}

void EnvEditorPanel::toggleSecretSelected()
{
    editSelected([this](const QString &key) {
        return m_editor->profile().isSecret(key) ? m_editor->unmarkSecret(key)
                                                 : m_editor->markSecret(key);
    });
}

void EnvEditorPanel::generateForSelected()
{
    editSelected([this](const QString &key) {
        return m_editor->setSecretValue(key, Core::EnvEditor::generateSecret());
    });
}

void EnvEditorPanel::revealSelected(bool reveal)
{
    const QString key = selectedKey();
    if (!key.isEmpty()) {
        m_model->setRevealed(key, reveal);
    }
}

void EnvEditorPanel::undo()
{
    if (m_editor && m_editor->canUndo()) {
        m_editor->undo();
        m_model->refresh();
        afterEdit();
    }
}

void EnvEditorPanel::redo()
{
    if (m_editor && m_editor->canRedo()) {
        m_editor->redo();
        m_model->refresh();
        afterEdit();
    }
}

void EnvEditorPanel::save()
{
    if (!m_editor || !m_editor->isModified() || m_saving) {
        return;
    }
    checkDisk();
    if (!m_conflicts.isEmpty()) {
        emit saveFailed();
        return; // the banner asks: reload or merge first
    }
    m_saving = true;
    updateActions();
    m_status->setText(tr("Saving…"));
    const QHash<QString, QString> pending = m_editor->pendingSecrets();
    QList<std::pair<QString, QString>> values;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        values.append({it.key(), it.value()});
    }
    const quint64 generation = m_generation;
    // The keychain first: if it refuses, no file loses a value it still needs.
    Core::writeSecrets(*m_store, values, this,
                       [this, generation, store = m_store](const Core::Result<void> &written) {
                           if (generation != m_generation || !m_editor) {
                               return;
                           }
                           m_saving = false;
                           if (!written) {
                               showError(written.error());
                               afterEdit();
                               emit saveFailed();
                               return;
                           }
                           if (auto r = m_editor->saveFiles(); !r) {
                               showError(r.error());
                               checkDisk();
                               afterEdit();
                               emit saveFailed();
                               return;
                           }
                           clearError();
                           m_model->refresh();
                           watchFiles();
                           afterEdit();
                           m_status->setText(tr("Saved."));
                           emit saved();
                       });
}

void EnvEditorPanel::saveThen(std::function<void()> then)
{
    if (!m_editor || !m_editor->isModified()) {
        then();
        return;
    }
    // One answer per call: whichever of saved/saveFailed comes first ends both connections.
    auto connections = std::make_shared<std::pair<QMetaObject::Connection, QMetaObject::Connection>>();
    auto done = [connections] {
        QObject::disconnect(connections->first);
        QObject::disconnect(connections->second);
    };
    connections->first = connect(this, &EnvEditorPanel::saved, this, [done, then] {
        done();
        then();
    });
    connections->second = connect(this, &EnvEditorPanel::saveFailed, this, done);
    save(); // or the save already running: its answer counts
}

void EnvEditorPanel::watchFiles()
{
    if (!m_watcher.files().isEmpty()) {
        m_watcher.removePaths(m_watcher.files());
    }
    if (!m_watcher.directories().isEmpty()) {
        m_watcher.removePaths(m_watcher.directories());
    }
    if (!m_editor) {
        return;
    }
    QStringList paths{m_directory};
    const Core::EnvProfile &profile = m_editor->profile();
    if (profile.example().exists) {
        paths << profile.example().path;
    }
    for (const Core::EnvFile &f : profile.stack()) {
        if (QFileInfo::exists(f.path)) {
            paths << f.path;
        }
    }
    m_watcher.addPaths(paths);
}

void EnvEditorPanel::checkDisk()
{
    if (!m_editor || m_saving) {
        return;
    }
    const QStringList changed = m_editor->filesChangedOnDisk();
    if (changed.isEmpty()) {
        m_conflicts.clear();
        m_conflictBanner->hide();
        return;
    }
    if (!m_editor->isModified()) {
        // Nothing of ours to lose: show what is on disk now.
        reloadFromDisk();
        return;
    }
    if (changed == m_conflicts) {
        return;
    }
    m_conflicts = changed;
    m_conflictLabel->setText(tr("%1 changed on disk while you were editing. Nothing was "
                                "overwritten: reload the files (dropping your unsaved edits) or "
                                "merge your edits into them.")
                                 .arg(changed.join(QStringLiteral(", "))));
    m_conflictBanner->show();
    emit conflictDetected(changed);
}

void EnvEditorPanel::reloadFromDisk()
{
    takeDisk(&Core::EnvEditor::reload);
}

void EnvEditorPanel::mergeWithDisk()
{
    takeDisk(&Core::EnvEditor::merge);
}

void EnvEditorPanel::takeDisk(Core::Result<void> (Core::EnvEditor::*read)())
{
    if (!m_editor) {
        return;
    }
    if (auto r = ((*m_editor).*read)(); !r) {
        showError(r.error());
        return;
    }
    m_conflicts.clear();
    m_conflictBanner->hide();
    m_model->refresh();
    watchFiles();
    afterEdit();
}

} // namespace DevDock::Ui
