// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "env/enveditor.h"

#include <QFileSystemWatcher>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QToolButton;

namespace DevDock::Core {
class SecretStore;
}

namespace DevDock::Ui {

class EnvKeyModel;

// The .env profile editor: the profile's keys (resolved, or one file at a time) with value,
// source, status and description; add, edit, remove, move between files, mark secret (into the
// keychain), generate a value, reveal, undo and redo, save (keychain first, then the changed files,
// atomically). A file changed on disk while open is never overwritten: the user reloads or merges.
// Files and the keychain are read off the GUI thread.
class EnvEditorPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit EnvEditorPanel(QWidget *parent = nullptr);
    ~EnvEditorPanel() override;

    // Opens the project's profile; `composeFiles` tell which variables the stack uses.
    void open(const QString &projectDirectory, const QString &profile,
              const QStringList &composeFiles);
    // Tests may use another store; by default the OS keychain, scoped to the project folder.
    void setSecretStore(std::shared_ptr<Core::SecretStore> store);

    EnvKeyModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    Core::EnvEditor *editor() { return m_editor ? &*m_editor : nullptr; }
    bool isLoaded() const { return m_editor.has_value(); }
    QString errorText() const;
    QStringList conflictingFiles() const { return m_conflicts; }

public slots:
    void addKey(const QString &key, const QString &value);
    void removeSelected();
    void moveSelected(const QString &toFile);
    void toggleSecretSelected();
    void generateForSelected();
    void revealSelected(bool reveal);
    void undo();
    void redo();
    void save();
    // Saves, then runs `then` once the files and the keychain hold the edits (at once when there
    // is nothing to save). A save that fails or is refused (files changed on disk) shows why and
    // does not run it.
    void saveThen(std::function<void()> then);
    void reloadFromDisk();
    void mergeWithDisk();

signals:
    void loaded();
    void saved();
    void conflictDetected(const QStringList &files);
    void errorShown(const QString &text);
    // A save that did not write (refused or failed); the panel shows why.
    void saveFailed();

private:
    void buildUi();
    void afterEdit();
    void updateActions();
    void showError(const Core::Error &error);
    void clearError();
    void watchFiles();
    void checkDisk();
    // Reload or merge: reads the files again, then shows them.
    void takeDisk(Core::Result<void> (Core::EnvEditor::*read)());
    QString selectedKey() const;
    // Applies an edit to the selected key, then shows the result (or the error).
    void editSelected(const std::function<Core::Result<void>(const QString &key)> &edit);

    EnvKeyModel *m_model;
    QTableView *m_view;
    QComboBox *m_fileFilter;
    QLabel *m_status;
    QWidget *m_errorBanner;
    QLabel *m_errorLabel;
    QWidget *m_conflictBanner;
    QLabel *m_conflictLabel;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_save = nullptr;
    QAction *m_add = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_secret = nullptr;
    QAction *m_generate = nullptr;
    QAction *m_reveal = nullptr;
    QToolButton *m_move = nullptr;
    std::optional<Core::EnvEditor> m_editor;
    std::shared_ptr<Core::SecretStore> m_store;
    bool m_customStore = false;
    QString m_directory;
    QFileSystemWatcher m_watcher;
    QStringList m_conflicts;
    quint64 m_generation = 0;
    bool m_saving = false;
    std::pair<QString, int> m_currentBeforeReset; // key and column
    bool m_focusBeforeReset = false;

};

} // namespace DevDock::Ui
