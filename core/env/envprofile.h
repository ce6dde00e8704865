// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "envfile.h"
#include "util/interpolation.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace DevDock::Core {

// One key of a resolved profile: its value, where it came from and what is worth knowing.
struct ResolvedEnvKey
{
    QString key;
    QString value;
    QString source;      // file name (".env.local"), "keychain", or empty when missing
    QString description; // the comment above the key in .env.example
    bool secret = false;
    bool missing = false;    // documented in .env.example, defined nowhere
    bool overridden = false; // defined in more than one file of the stack
    bool empty = false;
    bool extra = false;        // not documented in .env.example
    bool secretInFile = false; // a secret whose value sits in a plain file
    QStringList plainValues;   // a secret's non-empty values in plain files, in stack order

    QStringList statuses() const;
};

// The .env profiles of a project in the SynapseDTE layout: `.env.example` documents every key,
// a profile NAME is the stack `.env` (if present), `.env.NAME`, `.env.local` (personal, if
// present); later files override earlier ones. Keys are secret when `.env.example` or a file of
// the stack marks them with a `# devdock: secret` comment line above them (`devdockctl env set
// --secret` writes one above an empty placeholder), or their name ends in _PASSWORD, _SECRET,
// _TOKEN, _API_KEY or _KEY. Files are small: loading reads them synchronously (the UI does it
// off the GUI thread).
class EnvProfile
{
public:
    static Result<EnvProfile> load(const QString &projectDirectory, const QString &profile = {});

    // Profile names offered by the project's files (.env.development -> "development").
    static QStringList availableProfiles(const QString &projectDirectory);
    // "development" when the project has it, else the first available, else none.
    static QString defaultProfile(const QString &projectDirectory);

    QString name() const { return m_name; }
    QString projectDirectory() const { return m_directory; }
    const QList<EnvFile> &stack() const { return m_stack; }
    const EnvFile &example() const { return m_example; }
    EnvFile *file(const QString &fileName); // a stack file or .env.example; null when neither

    bool isSecret(const QString &key) const;
    // Secret by its name alone: _PASSWORD, _SECRET, _TOKEN, _API_KEY or _KEY at the end.
    static bool isSecretByName(const QString &key);
    // The comment lines directly above the key in .env.example, without their '#'.
    QStringList exampleComments(const QString &key) const;
    QStringList secretKeys() const; // documented or defined keys that are secret
    // Secret for a reason other than a marker in `fileName`: its name, or a marker elsewhere.
    bool isSecretWithoutMarkerIn(const QString &key, const QString &fileName) const;
    // Records `key` as a secret in `document`: an empty placeholder (the value stays in the
    // keychain) with the `# devdock: secret` marker above it, as the editor marks keys.
    static void recordSecret(EnvDocument &document, const QString &key);
    // Removes the key and its marker; false when the document had neither.
    static bool forgetSecret(EnvDocument &document, const QString &key);
    QString description(const QString &key) const;

    // Every key with its value. References resolve from `environment` first, then from the
    // files in stack order. `secrets` are the keychain's values for secret keys (fetched by the
    // caller, asynchronously) and take precedence over files. Every secret value met, the
    // keychain's and plain copies in files, is registered for redaction (util/redaction.h).
    Result<QList<ResolvedEnvKey>> resolve(const VariableLookup &environment,
                                          const QHash<QString, QString> &secrets = {}) const;

    // The value as shown to users: a secret is masked, and so is any secret's value inside
    // another value (DATABASE_URL=postgres://user:<password>@db), be it the keychain's value or a
    // copy in a plain file.
    static QString displayValue(const ResolvedEnvKey &key, const QList<ResolvedEnvKey> &all);
    static constexpr QLatin1StringView Mask{"********"};

private:
    QString m_directory;
    QString m_name;
    EnvFile m_example;
    QList<EnvFile> m_stack;
};

} // namespace DevDock::Core
