// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "env/enveditor.h"

#include <QAbstractTableModel>
#include <QMap>
#include <QSet>

namespace DevDock::Ui {

// The keys of one .env profile for the editor: resolved (which file wins, its status, its
// description) or one file's own keys; plus the variables the compose files reference that no file
// defines. Secrets are masked unless revealed. Editing a value goes through the EnvEditor (so it
// can be undone); a secret's value goes to the keychain on save, never into a file.
class EnvKeyModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        ValueColumn,
        SourceColumn,
        StatusColumn,
        DescriptionColumn,
        ColumnCount
    };
    enum Role { KeyRole = Qt::UserRole + 1, SecretRole, UndefinedRole };

    explicit EnvKeyModel(QObject *parent = nullptr);

    // The editor is owned by the caller and outlives the model's use of it.
    void setEditor(Core::EnvEditor *editor);
    Core::EnvEditor *editor() const { return m_editor; }
    // Empty: the resolved profile; a file name: only that file's keys and values.
    void setFile(const QString &file);
    QString file() const { return m_file; }
    void setComposeReferences(const QMap<QString, QStringList> &references);
    void setRevealed(const QString &key, bool revealed);
    bool isRevealed(const QString &key) const { return m_revealed.contains(key); }
    // Re-reads the editor (after an edit, undo, reload); one reset, the table is small.
    void refresh();

    QString keyAt(int row) const;
    int rowOf(const QString &key) const;
    // The file an edit of `key` goes to: the filtered file, else the file its value comes from,
    // else the profile's own file.
    QString targetFile(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    void editFailed(const DevDock::Core::Error &error);
    void edited();

private:
    struct Row
    {
        Core::ResolvedEnvKey key;
        QString display;
        QStringList usedBy;
        bool referenced = false;
        bool undefined = false; // referenced by compose, defined nowhere
    };
    Core::EnvEditor *m_editor = nullptr;
    QString m_file;
    QMap<QString, QStringList> m_references;
    bool m_referencesKnown = false;
    QSet<QString> m_revealed;
    QList<Row> m_rows;
    QList<Core::ResolvedEnvKey> m_resolved;
};

} // namespace DevDock::Ui
