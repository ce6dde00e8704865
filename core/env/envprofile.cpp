// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "envprofile.h"

#include "util/redaction.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace DevDock::Core {

namespace {

const QString kExample = QStringLiteral(".env.example");
const QString kLocal = QStringLiteral(".env.local");
const QString kSecretMarker = QStringLiteral("devdock: secret");

// The comment lines directly above entry `index` (without their '#').
QStringList commentsAbove(const EnvDocument &doc, qsizetype index)
{
    QStringList lines;
    for (qsizetype i = index - 1; i >= 0; --i) {
        const EnvEntry &e = doc.entries().at(i);
        if (e.kind != EnvEntry::Kind::Comment) {
            break;
        }
        QString text = e.raw.trimmed();
        text.remove(0, 1);
        lines.prepend(text.trimmed());
    }
    return lines;
}

bool hasSecretMarker(const EnvDocument &doc, const QString &key)
{
    const auto &entries = doc.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).kind == EnvEntry::Kind::Variable && entries.at(i).key == key) {
            const QStringList comments = commentsAbove(doc, i);
            return std::any_of(comments.cbegin(), comments.cend(), [](const QString &c) {
                return c.contains(kSecretMarker, Qt::CaseInsensitive);
            });
        }
    }
    return false;
}

void maskAll(QString &text, const QString &secret)
{
    // Very short secrets would mask unrelated text; they are masked on their own line only.
    if (secret.size() >= MinimumSecretLength) {
        text.replace(secret, EnvProfile::Mask);
    }
}

} // namespace

QStringList ResolvedEnvKey::statuses() const
{
    QStringList list;
    if (missing) {
        list << QStringLiteral("missing");
    }
    if (secret && source == QLatin1String("keychain")) {
        list << QStringLiteral("secret in keychain");
    }
    if (secretInFile) {
        list << QStringLiteral("secret in a plain file");
    }
    if (overridden) {
        list << QStringLiteral("overridden");
    }
    if (empty && !missing) {
        list << QStringLiteral("empty");
    }
    if (extra) {
        list << QStringLiteral("not in .env.example");
    }
    return list;
}

QString EnvProfile::displayValue(const ResolvedEnvKey &key, const QList<ResolvedEnvKey> &all)
{
    if (key.secret) {
        return key.value.isEmpty() ? QString() : QString(Mask);
    }
    QString value = key.value;
    for (const ResolvedEnvKey &other : all) {
        if (!other.secret) {
            continue;
        }
        // The keychain's value and every copy found in a file: a stale plain copy still leaks
        // when another value (DATABASE_URL) interpolates it.
        maskAll(value, other.value);
        for (const QString &plain : other.plainValues) {
            maskAll(value, plain);
        }
    }
    return value;
}

QStringList EnvProfile::availableProfiles(const QString &projectDirectory)
{
    QStringList names;
    const QStringList files =
        QDir(projectDirectory)
            .entryList({QStringLiteral(".env.*")}, QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &f : files) {
        const QString name = f.mid(5);
        if (f == kExample || f == kLocal || name.isEmpty() || name.endsWith(QLatin1Char('~'))
            || name.contains(QLatin1Char('.'))) {
            continue;
        }
        names << name;
    }
    return names;
}

QString EnvProfile::defaultProfile(const QString &projectDirectory)
{
    const QStringList names = availableProfiles(projectDirectory);
    if (names.contains(QStringLiteral("development"))) {
        return QStringLiteral("development");
    }
    return names.value(0);
}

Result<EnvProfile> EnvProfile::load(const QString &projectDirectory, const QString &profile)
{
    EnvProfile p;
    p.m_directory = QDir(projectDirectory).absolutePath();
    p.m_name = profile;
    const QDir dir(p.m_directory);
    if (!dir.exists()) {
        return makeError(
            Error::Code::NotFound,
            QStringLiteral("The project folder %1 does not exist.").arg(p.m_directory));
    }
    auto example = EnvFile::read(dir.filePath(kExample));
    if (!example) {
        return std::unexpected(example.error());
    }
    p.m_example = std::move(*example);

    QStringList names{QStringLiteral(".env")};
    if (!profile.isEmpty()) {
        const QString file = QStringLiteral(".env.") + profile;
        if (!dir.exists(file)) {
            const QStringList available = availableProfiles(p.m_directory);
            return makeError(Error::Code::NotFound,
                             QStringLiteral("There is no %1 in %2, so no profile \"%3\".")
                                 .arg(file, p.m_directory, profile),
                             available.isEmpty()
                                 ? QStringLiteral("Create %1, or use no profile.").arg(file)
                                 : QStringLiteral("Available profiles: %1.")
                                       .arg(available.join(QStringLiteral(", "))));
        }
        names << file;
    }
    names << kLocal;
    for (const QString &name : names) {
        auto file = EnvFile::read(dir.filePath(name));
        if (!file) {
            return std::unexpected(file.error());
        }
        p.m_stack.append(std::move(*file));
    }
    return p;
}

EnvFile *EnvProfile::file(const QString &fileName)
{
    if (fileName == m_example.name) {
        return &m_example;
    }
    for (EnvFile &f : m_stack) {
        if (f.name == fileName) {
            return &f;
        }
    }
    return nullptr;
}

bool EnvProfile::isSecretByName(const QString &key)
{
    static const QRegularExpression suffix(
        QStringLiteral("(_PASSWORD|_SECRET|_TOKEN|_API_KEY|_KEY)$"),
        QRegularExpression::CaseInsensitiveOption);
    return suffix.match(key).hasMatch();
}

QStringList EnvProfile::exampleComments(const QString &key) const
{
    const auto &entries = m_example.document.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).kind == EnvEntry::Kind::Variable && entries.at(i).key == key) {
            return commentsAbove(m_example.document, i);
        }
    }
    return {};
}

bool EnvProfile::isSecret(const QString &key) const
{
    if (isSecretByName(key) || hasSecretMarker(m_example.document, key)) {
        return true;
    }
    return std::any_of(m_stack.cbegin(), m_stack.cend(),
                       [&](const EnvFile &f) { return hasSecretMarker(f.document, key); });
}

bool EnvProfile::isSecretWithoutMarkerIn(const QString &key, const QString &fileName) const
{
    if (isSecretByName(key)
        || (m_example.name != fileName && hasSecretMarker(m_example.document, key))) {
        return true;
    }
    return std::any_of(m_stack.cbegin(), m_stack.cend(), [&](const EnvFile &f) {
        return f.name != fileName && hasSecretMarker(f.document, key);
    });
}

void EnvProfile::recordSecret(EnvDocument &document, const QString &key)
{
    document.set(key, QString()); // the value itself lives in the keychain
    if (!hasSecretMarker(document, key)) {
        document.addCommentAbove(key, kSecretMarker);
    }
}

bool EnvProfile::forgetSecret(EnvDocument &document, const QString &key)
{
    const bool marked = hasSecretMarker(document, key);
    if (marked) {
        document.removeCommentsAbove(key, kSecretMarker);
    }
    return document.remove(key) || marked;
}

QStringList EnvProfile::secretKeys() const
{
    QStringList keys = m_example.document.keys();
    for (const EnvFile &f : m_stack) {
        for (const QString &k : f.document.keys()) {
            if (!keys.contains(k)) {
                keys << k;
            }
        }
    }
    QStringList secrets;
    for (const QString &k : keys) {
        if (isSecret(k)) {
            secrets << k;
        }
    }
    return secrets;
}

QString EnvProfile::description(const QString &key) const
{
    QStringList lines = exampleComments(key);
    lines.removeIf([](const QString &l) { return l.contains(kSecretMarker); });
    return lines.join(QLatin1Char(' '));
}

Result<QList<ResolvedEnvKey>> EnvProfile::resolve(const VariableLookup &environment,
                                                  const QHash<QString, QString> &secrets) const
{
    QList<ResolvedEnvKey> result;
    QHash<QString, qsizetype> index;
    auto entryFor = [&](const QString &key) -> ResolvedEnvKey & {
        auto it = index.constFind(key);
        if (it == index.cend()) {
            ResolvedEnvKey k;
            k.key = key;
            k.secret = isSecret(key);
            k.description = description(key);
            index.insert(key, result.size());
            result.append(k);
            return result.last();
        }
        return result[*it];
    };

    // Documented keys first, in the template's order.
    for (const QString &key : m_example.document.keys()) {
        entryFor(key).missing = true;
    }
    QHash<QString, QString> resolvedSoFar;
    const VariableLookup lookup = [&](const QString &name) -> std::optional<QString> {
        if (auto v = environment(name)) {
            return v;
        }
        if (secrets.contains(name)) {
            return secrets.value(name); // DATABASE_URL=...${POSTGRES_PASSWORD}... sees the keychain
        }
        const auto it = resolvedSoFar.constFind(name);
        return it == resolvedSoFar.cend() ? std::nullopt : std::optional<QString>(*it);
    };
    for (const EnvFile &f : m_stack) {
        auto values = f.document.resolve(lookup);
        if (!values) {
            return std::unexpected(values.error());
        }
        for (const auto &[key, value] : *values) {
            ResolvedEnvKey &k = entryFor(key);
            k.overridden = !k.source.isEmpty();
            k.missing = false;
            k.value = value;
            k.source = f.name;
            if (k.secret && !value.isEmpty()) {
                k.plainValues.append(value);
            }
            k.secretInFile = !k.plainValues.isEmpty();
            resolvedSoFar.insert(key, value);
        }
    }
    for (ResolvedEnvKey &k : result) {
        if (k.secret && secrets.contains(k.key)) {
            // An empty placeholder (the key recorded as secret) is not a value it overrides.
            k.overridden = k.overridden || !k.plainValues.isEmpty();
            k.value = secrets.value(k.key);
            k.source = QStringLiteral("keychain");
            k.missing = false;
        }
        k.empty = k.value.isEmpty();
        k.extra = m_example.exists && !m_example.document.contains(k.key);
        if (k.secret) {
            registerSecret(k.key, k.value);
            for (const QString &plain : std::as_const(k.plainValues)) {
                registerSecret(k.key, plain);
            }
        }
    }
    return result;
}

} // namespace DevDock::Core
