// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "envprofile.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace DevDock::Core {

// Edits the files of one .env profile (and .env.example) as a list of operations applied to the
// files as they were read. That one log gives undo and redo (drop or re-apply the last operation),
// a merge with a file changed on disk (re-read it, apply the log again) and a save that writes
// only the files whose text changed, each atomically and with its comments and order.
// Secret values never enter a file: they wait in pendingSecrets() until the caller has written
// them to the keychain, before saveFiles().
class EnvEditor
{
public:
    struct Op
    {
        enum class Kind { Set, Remove, Move, MarkSecret, UnmarkSecret, SetSecretValue };
        Kind kind = Kind::Set;
        QString key;
        QString file;   // Set, Remove: the file; Move: from
        QString toFile; // Move
        QString value;  // Set, SetSecretValue; MarkSecret: the value moved to the keychain
        QString describe() const;
    };

    static Result<EnvEditor> open(const QString &projectDirectory, const QString &profile);

    const EnvProfile &profile() const { return m_current; }
    QString profileName() const { return m_base.name(); }
    // .env.example first, then the stack files in override order (existing or not).
    QStringList fileNames() const;
    // The file the profile's own values go to: `.env.NAME`, else `.env.local`.
    QString defaultFile() const;

    // Edits. An invalid key, or a file outside the profile, is an error and changes nothing.
    Result<void> setValue(const QString &file, const QString &key, const QString &value);
    Result<void> remove(const QString &file, const QString &key);
    Result<void> move(const QString &key, const QString &fromFile, const QString &toFile);
    // A secret's value moves to the keychain (pending until saved) and leaves every stack file;
    // the key is marked "# devdock: secret" in .env.example unless its name already says so.
    Result<void> markSecret(const QString &key);
    Result<void> unmarkSecret(const QString &key);
    Result<void> setSecretValue(const QString &key, const QString &value);
    // A strong random value for a secret: `bytes` random bytes, base64url without padding.
    static QString generateSecret(int bytes = 32);

    bool canUndo() const { return !m_ops.isEmpty(); }
    bool canRedo() const { return !m_redo.isEmpty(); }
    QString undoText() const { return canUndo() ? m_ops.last().describe() : QString(); }
    QString redoText() const { return canRedo() ? m_redo.last().describe() : QString(); }
    void undo();
    void redo();

    bool isModified() const { return !m_ops.isEmpty(); }
    QStringList changedFiles() const; // files whose text differs from what was read
    // Values to write to the keychain before saveFiles(); secret keys the user set or marked.
    QHash<QString, QString> pendingSecrets() const;
    // The keychain's values as read when the editor opened (for reveal and resolve).
    void setStoredSecrets(const QHash<QString, QString> &secrets) { m_storedSecrets = secrets; }
    QHash<QString, QString> storedSecrets() const { return m_storedSecrets; }
    QHash<QString, QString> effectiveSecrets() const; // stored, then pending

    // Files whose text on disk is no longer what was read (another editor, git checkout…).
    QStringList filesChangedOnDisk() const;
    // Drops every edit and re-reads the files.
    Result<void> reload();
    // Re-reads the files and applies the edits again on top of what is now on disk.
    Result<void> merge();
    // Writes the changed files atomically; a file changed on disk meanwhile is a Conflict and
    // nothing of it is written. On success the edits become the new starting point.
    Result<void> saveFiles();

    // Resolved keys of the current state (secrets from the keychain and pending ones).
    Result<QList<ResolvedEnvKey>> resolve(const VariableLookup &environment = {}) const;

private:
    Result<void> apply(EnvProfile &profile, const Op &op) const;
    Result<void> push(const Op &op);
    void rebuild();

    EnvProfile m_base;    // as read
    EnvProfile m_current; // m_base with m_ops applied
    QList<Op> m_ops;
    QList<Op> m_redo;
    QHash<QString, QString> m_storedSecrets;
};

// Variables the compose files reference (${NAME}, $NAME, with defaults or not), each with the
// services that use it ("" for a reference outside services). Reads the files' raw YAML.
Result<QMap<QString, QStringList>> composeVariableReferences(const QStringList &composeFiles);

} // namespace DevDock::Core
