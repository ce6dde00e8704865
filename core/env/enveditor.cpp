// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enveditor.h"

#include "util/interpolation.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace DevDock::Core {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EnvEditor)
};

const QString kSecretMarker = QStringLiteral("devdock: secret");

bool validKey(const QString &key)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return name.match(key).hasMatch();
}

// A secret's value leaves every file of the stack (the key stays, empty, as its placeholder).
void clearPlainCopies(EnvProfile &profile, const QString &key)
{
    for (const EnvFile &f : profile.stack()) {
        if (const auto v = f.document.rawValue(key); v && !v->isEmpty()) {
            profile.file(f.name)->document.set(key, QString());
        }
    }
}

} // namespace

QString EnvEditor::Op::describe() const
{
    switch (kind) {
    case Kind::Set:
        return Text::tr("Set %1 in %2").arg(key, file);
    case Kind::Remove:
        return Text::tr("Remove %1 from %2").arg(key, file);
    case Kind::Move:
        return Text::tr("Move %1 from %2 to %3").arg(key, file, toFile);
    case Kind::MarkSecret:
        return Text::tr("Mark %1 secret").arg(key);
    case Kind::UnmarkSecret:
        return Text::tr("Mark %1 not secret").arg(key);
    case Kind::SetSecretValue:
        return Text::tr("Set secret %1").arg(key);
    }
    return {};
}

Result<EnvEditor> EnvEditor::open(const QString &projectDirectory, const QString &profile)
{
    auto loaded = EnvProfile::load(projectDirectory, profile);
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    EnvEditor editor;
    editor.m_base = *loaded;
    editor.m_current = std::move(*loaded);
    return editor;
}

QStringList EnvEditor::fileNames() const
{
    QStringList names{m_current.example().name};
    for (const EnvFile &f : m_current.stack()) {
        names << f.name;
    }
    return names;
}

QString EnvEditor::defaultFile() const
{
    return m_base.name().isEmpty() ? QStringLiteral(".env.local")
                                   : QStringLiteral(".env.") + m_base.name();
}

Result<void> EnvEditor::apply(EnvProfile &profile, const Op &op) const
{
    auto fileOf = [&](const QString &name) -> Result<EnvFile *> {
        EnvFile *f = profile.file(name);
        if (f == nullptr) {
            return makeError(
                Error::Code::InvalidArgument,
                Text::tr("%1 is not a file of this profile.").arg(name),
                Text::tr("Choose one of: %1.").arg(fileNames().join(QStringLiteral(", "))));
        }
        return f;
    };
    switch (op.kind) {
    case Op::Kind::Set: {
        auto f = fileOf(op.file);
        if (!f) {
            return std::unexpected(f.error());
        }
        (*f)->document.set(op.key, op.value);
        return {};
    }
    case Op::Kind::Remove: {
        auto f = fileOf(op.file);
        if (!f) {
            return std::unexpected(f.error());
        }
        if (!(*f)->document.remove(op.key)) {
            return makeError(Error::Code::NotFound, Text::tr("%1 has no %2.").arg(op.file, op.key));
        }
        return {};
    }
    case Op::Kind::Move: {
        auto from = fileOf(op.file);
        auto to = fileOf(op.toFile);
        if (!from || !to) {
            return std::unexpected(!from ? from.error() : to.error());
        }
        const auto value = (*from)->document.rawValue(op.key);
        if (!value) {
            return makeError(Error::Code::NotFound, Text::tr("%1 has no %2.").arg(op.file, op.key));
        }
        (*to)->document.set(op.key, *value);
        (*from)->document.remove(op.key);
        return {};
    }
    case Op::Kind::MarkSecret: {
        clearPlainCopies(profile, op.key);
        if (!profile.isSecret(op.key)) {
            EnvFile *example = profile.file(profile.example().name);
            if (!example->document.contains(op.key)) {
                example->document.set(op.key, QString());
            }
            example->document.addCommentAbove(op.key, kSecretMarker);
        }
        return {};
    }
    case Op::Kind::UnmarkSecret: {
        if (EnvProfile::isSecretByName(op.key)) {
            return makeError(Error::Code::InvalidArgument,
                             Text::tr("%1 is secret by its name.").arg(op.key),
                             Text::tr("Keys ending in _PASSWORD, _SECRET, _TOKEN, _API_KEY or _KEY "
                                      "are always secret; rename the key to keep it in a file."));
        }
        // The marker may stand in any file: the editor puts it in .env.example, `devdockctl env
        // set --secret` above a placeholder in the file it was given.
        QStringList files{profile.example().name};
        for (const EnvFile &f : profile.stack()) {
            files << f.name;
        }
        for (const QString &name : std::as_const(files)) {
            profile.file(name)->document.removeCommentsAbove(op.key, kSecretMarker);
        }
        if (!op.value.isEmpty()) {
            auto f = fileOf(op.file);
            if (!f) {
                return std::unexpected(f.error());
            }
            (*f)->document.set(op.key, op.value); // the user chose to keep it in a file
        }
        return {};
    }
    case Op::Kind::SetSecretValue:
        // The new value goes to the keychain; a stale plain copy must not stay behind in a file
        // (it would still leak, and win wherever the keychain is not read).
        clearPlainCopies(profile, op.key);
        return {};
    }
    return {};
}

Result<void> EnvEditor::push(const Op &op)
{
    if (!validKey(op.key)) {
        return makeError(
            Error::Code::InvalidArgument,
            Text::tr("\"%1\" is not a valid variable name.").arg(op.key),
            Text::tr("Use letters, digits and underscores, not starting with a digit."));
    }
    EnvProfile next = m_current;
    if (auto applied = apply(next, op); !applied) {
        return applied;
    }
    m_current = std::move(next);
    m_ops.append(op);
    m_redo.clear();
    return {};
}

void EnvEditor::rebuild()
{
    m_current = m_base;
    for (const Op &op : std::as_const(m_ops)) {
        (void)apply(m_current, op); // an edit that no longer applies (merged away) is skipped
    }
}

Result<void> EnvEditor::setValue(const QString &file, const QString &key, const QString &value)
{
    if (m_current.isSecret(key)) {
        return setSecretValue(key, value);
    }
    return push({Op::Kind::Set, key, file, {}, value});
}

Result<void> EnvEditor::remove(const QString &file, const QString &key)
{
    return push({Op::Kind::Remove, key, file, {}, {}});
}

Result<void> EnvEditor::move(const QString &key, const QString &fromFile, const QString &toFile)
{
    if (fromFile == toFile) {
        return {};
    }
    return push({Op::Kind::Move, key, fromFile, toFile, {}});
}

Result<void> EnvEditor::markSecret(const QString &key)
{
    QString value;
    const QList<EnvFile> &stack = m_current.stack();
    for (auto it = stack.crbegin(); it != stack.crend(); ++it) { // the file that wins
        if (const auto v = it->document.rawValue(key); v && !v->isEmpty()) {
            value = *v;
            break;
        }
    }
    return push({Op::Kind::MarkSecret, key, {}, {}, value});
}

Result<void> EnvEditor::unmarkSecret(const QString &key)
{
    return push({Op::Kind::UnmarkSecret, key, defaultFile(), {}, effectiveSecrets().value(key)});
}

Result<void> EnvEditor::setSecretValue(const QString &key, const QString &value)
{
    return push({Op::Kind::SetSecretValue, key, {}, {}, value});
}

QString EnvEditor::generateSecret(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void EnvEditor::undo()
{
    if (!m_ops.isEmpty()) {
        m_redo.append(m_ops.takeLast());
        rebuild();
    }
}

void EnvEditor::redo()
{
    if (!m_redo.isEmpty()) {
        m_ops.append(m_redo.takeLast());
        rebuild();
    }
}

QStringList EnvEditor::changedFiles() const
{
    QStringList changed;
    auto check = [&](const EnvFile &f) {
        if (f.document.toBytes() != f.originalBytes) {
            changed << f.name;
        }
    };
    check(m_current.example());
    for (const EnvFile &f : m_current.stack()) {
        check(f);
    }
    return changed;
}

QHash<QString, QString> EnvEditor::pendingSecrets() const
{
    QHash<QString, QString> pending;
    for (const Op &op : m_ops) {
        if ((op.kind == Op::Kind::MarkSecret && !op.value.isEmpty())
            || op.kind == Op::Kind::SetSecretValue) {
            pending.insert(op.key, op.value);
        } else if (op.kind == Op::Kind::UnmarkSecret) {
            pending.remove(op.key);
        }
    }
    return pending;
}

QHash<QString, QString> EnvEditor::effectiveSecrets() const
{
    QHash<QString, QString> secrets = m_storedSecrets;
    const QHash<QString, QString> pending = pendingSecrets();
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        secrets.insert(it.key(), it.value());
    }
    return secrets;
}

QStringList EnvEditor::filesChangedOnDisk() const
{
    QStringList changed;
    // The rule saveFiles() applies right before each rename, so that what the banner offers
    // (reload or merge) is exactly what a save would refuse.
    auto check = [&](const EnvFile &f) {
        if (f.changedOnDisk()) {
            changed << f.name;
        }
    };
    check(m_base.example());
    for (const EnvFile &f : m_base.stack()) {
        check(f);
    }
    return changed;
}

Result<void> EnvEditor::reload()
{
    auto loaded = EnvProfile::load(m_base.projectDirectory(), m_base.name());
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    m_base = *loaded;
    m_current = std::move(*loaded);
    m_ops.clear();
    m_redo.clear();
    return {};
}

Result<void> EnvEditor::merge()
{
    auto loaded = EnvProfile::load(m_base.projectDirectory(), m_base.name());
    if (!loaded) {
        return std::unexpected(loaded.error());
    }
    m_base = std::move(*loaded);
    rebuild();
    return {};
}

Result<void> EnvEditor::saveFiles()
{
    const QStringList changed = changedFiles();
    for (const QString &name : changed) {
        EnvFile *f = m_current.file(name);
        if (auto saved = f->save(); !saved) {
            return saved; // files saved before it keep their new text; the rest wait
        }
        *m_base.file(name) = *f;
    }
    // What is written is the new starting point; secrets written by the caller are now stored.
    const QHash<QString, QString> pending = pendingSecrets();
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        m_storedSecrets.insert(it.key(), it.value());
    }
    m_base = m_current;
    m_ops.clear();
    m_redo.clear();
    return {};
}

Result<QList<ResolvedEnvKey>> EnvEditor::resolve(const VariableLookup &environment) const
{
    const VariableLookup none = [](const QString &) -> std::optional<QString> {
        return std::nullopt;
    };
    return m_current.resolve(environment ? environment : none, effectiveSecrets());
}

namespace {

void collectReferences(const YAML::Node &node, const QString &service,
                       QMap<QString, QStringList> &refs)
{
    if (node.IsScalar()) {
        const QString text = QString::fromStdString(node.Scalar());
        if (!text.contains(QLatin1Char('$'))) {
            return;
        }
        (void)interpolate(text, [&](const QString &name) -> std::optional<QString> {
            QStringList &users = refs[name];
            if (!users.contains(service)) {
                users << service;
            }
            return std::nullopt;
        });
    } else if (node.IsSequence()) {
        for (const auto &item : node) {
            collectReferences(item, service, refs);
        }
    } else if (node.IsMap()) {
        for (const auto &item : node) {
            collectReferences(item.second, service, refs);
        }
    }
}

} // namespace

Result<QMap<QString, QStringList>> composeVariableReferences(const QStringList &composeFiles)
{
    QMap<QString, QStringList> refs;
    for (const QString &path : composeFiles) {
        YAML::Node root;
        try {
            root = YAML::LoadFile(path.toStdString());
        } catch (const YAML::Exception &e) {
            return makeError(Error::Code::InvalidArgument,
                             Text::tr("%1: %2").arg(path, QString::fromStdString(e.what())));
        }
        if (!root.IsMap()) {
            continue;
        }
        for (const auto &section : root) {
            const QString name = QString::fromStdString(section.first.as<std::string>(""));
            if (name == QLatin1String("services") && section.second.IsMap()) {
                for (const auto &service : section.second) {
                    collectReferences(service.second,
                                      QString::fromStdString(service.first.as<std::string>("")),
                                      refs);
                }
            } else if (!name.startsWith(QLatin1String("x-"))) {
                collectReferences(section.second, QString(), refs);
            }
        }
    }
    for (QStringList &users : refs) {
        users.sort();
    }
    return refs;
}

} // namespace DevDock::Core
