// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "envcommand.h"

#include "enginecommand.h"
#include "output.h"

#include "env/envprofile.h"
#include "env/secretstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <memory>

namespace DevDock::Ctl {

using namespace DevDock::Core;

namespace {

const char *kEnvUsage =
    "Usage: devdockctl env [COMMAND] [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  list (default)          every key: value (secrets masked), source file, status\n"
    "  check                   exit 1 when keys documented in .env.example are missing\n"
    "  set KEY VALUE           set a key in .env.local (or --file); --secret keeps it in the\n"
    "                          keychain instead of a file\n"
    "  unset KEY               remove a key from .env.local (or --file) and the keychain\n"
    "\n"
    "Options:\n"
    "  --project-directory DIR   the project (default: the current directory)\n"
    "  --profile NAME            .env.NAME in the stack (default: development if present)\n"
    "  --json                    JSON output (list)\n"
    "  --file F                  the file set/unset write (default .env.local)\n"
    "  --secret                  set: store the value in the keychain\n"
    "  --plaintext               set: write the value into the file even if it is a secret\n"
    "                            (only when no keychain can be used)\n";

int usage(const QString &message)
{
    return reportUsageError(message, kEnvUsage);
}

int fail(const Error &error)
{
    return reportError(error);
}

std::optional<QString> processVariable(const QString &name)
{
    static const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    return env.contains(name) ? std::optional<QString>(env.value(name)) : std::nullopt;
}

// Reads the keychain values of `keys`. A keychain that cannot be used is reported once on stderr;
// the listing goes on without secrets.
void fetchSecrets(SecretStore &store, const QStringList &keys,
                  std::shared_ptr<QHash<QString, QString>> out, std::function<void()> done)
{
    readSecrets(store, keys, nullptr,
                [out, done](QHash<QString, QString> values, std::optional<Error> error) {
                    if (error) {
                        Output::errLine(QStringLiteral("devdockctl: warning: ") + error->message);
                    }
                    out->insert(values);
                    done();
                });
}

int waitFor(const std::shared_ptr<int> &exitCode)
{
    if (*exitCode < 0) {
        QCoreApplication::exec();
    }
    Output::flush();
    return *exitCode;
}

void finish(const std::shared_ptr<int> &exitCode, int code)
{
    *exitCode = code;
    QCoreApplication::exit(code);
}

} // namespace

int runEnvCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("project-directory"), QStringLiteral("Project folder."),
                      QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("profile"), QStringLiteral("Profile name."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON output.")});
    parser.addOption(
        {QStringLiteral("file"), QStringLiteral("File to write."), QStringLiteral("F")});
    parser.addOption({QStringLiteral("secret"), QStringLiteral("Keep the value in the keychain.")});
    parser.addOption({QStringLiteral("plaintext"),
                      QStringLiteral("Write even a secret into the file (explicit opt-in).")});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Help.")});
    if (!parser.parse(QStringList{QStringLiteral("devdockctl env")} + arguments.mid(1))) {
        return usage(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Output::out(kEnvUsage);
        Output::flush();
        return Success;
    }
    QStringList positional = parser.positionalArguments();
    const QString command = positional.isEmpty() ? QStringLiteral("list") : positional.takeFirst();
    const QString directory = parser.isSet(QStringLiteral("project-directory"))
                                  ? parser.value(QStringLiteral("project-directory"))
                                  : QDir::currentPath();
    const QString profileName = parser.isSet(QStringLiteral("profile"))
                                    ? parser.value(QStringLiteral("profile"))
                                    : EnvProfile::defaultProfile(directory);
    const QString fileName = parser.isSet(QStringLiteral("file"))
                                 ? parser.value(QStringLiteral("file"))
                                 : QStringLiteral(".env.local");
    if (fileName.contains(QLatin1Char('/'))) {
        return usage(
            QStringLiteral("--file takes a file name in the project folder, e.g. .env.local"));
    }

    auto profile = EnvProfile::load(directory, profileName);
    if (!profile) {
        return fail(profile.error());
    }
    auto store =
        std::make_shared<KeychainSecretStore>(KeychainSecretStore::scopeForProject(directory));
    auto exitCode = std::make_shared<int>(-1);

    if (command == QLatin1String("list") || command == QLatin1String("check")) {
        if (!positional.isEmpty()) {
            return usage(QStringLiteral("%1 takes no arguments").arg(command));
        }
        const bool json = parser.isSet(QStringLiteral("json"));
        const bool check = command == QLatin1String("check");
        auto secrets = std::make_shared<QHash<QString, QString>>();
        fetchSecrets(*store, profile->secretKeys(), secrets, [&, secrets, exitCode] {
            auto keys = profile->resolve(processVariable, *secrets);
            if (!keys) {
                finish(exitCode, fail(keys.error()));
                return;
            }
            if (check) {
                QStringList missing;
                QStringList empty;
                for (const ResolvedEnvKey &k : *keys) {
                    if (k.missing) {
                        missing << k.key;
                    } else if (k.empty && !k.extra) {
                        empty << k.key;
                    }
                }
                if (!empty.isEmpty()) {
                    Output::errLine(QStringLiteral("devdockctl: warning: empty values: ")
                                    + empty.join(QStringLiteral(", ")));
                }
                if (!missing.isEmpty()) {
                    QStringList files;
                    for (const EnvFile &f : profile->stack()) {
                        files << f.name;
                    }
                    Output::errLine(QStringLiteral("devdockctl: missing keys (documented in "
                                                   ".env.example, set in none of %1 nor the "
                                                   "keychain): %2")
                                        .arg(files.join(QStringLiteral(", ")),
                                             missing.join(QStringLiteral(", "))));
                    finish(exitCode, EngineFailure);
                    return;
                }
                Output::outLine(
                    QStringLiteral("ok: every documented key is set (profile %1)")
                        .arg(profile->name().isEmpty() ? QStringLiteral("none") : profile->name()));
                finish(exitCode, Success);
                return;
            }
            if (json) {
                QJsonArray array;
                for (const ResolvedEnvKey &k : *keys) {
                    array.append(QJsonObject{
                        {QStringLiteral("key"), k.key},
                        {QStringLiteral("value"),
                         k.missing ? QJsonValue(QJsonValue::Null)
                                   : QJsonValue(EnvProfile::displayValue(k, *keys))},
                        {QStringLiteral("source"), k.source},
                        {QStringLiteral("secret"), k.secret},
                        {QStringLiteral("status"), QJsonArray::fromStringList(k.statuses())},
                        {QStringLiteral("description"), k.description}});
                }
                Output::out(QJsonDocument(QJsonObject{{QStringLiteral("profile"), profile->name()},
                                                      {QStringLiteral("keys"), array}})
                                .toJson(QJsonDocument::Indented));
            } else {
                for (const ResolvedEnvKey &k : *keys) {
                    const QString value = k.missing ? QStringLiteral("(missing)")
                                                    : EnvProfile::displayValue(k, *keys);
                    Output::outLine(QStringLiteral("%1=%2  [%3]%4")
                                        .arg(k.key, value,
                                             k.source.isEmpty() ? QStringLiteral("-") : k.source,
                                             k.statuses().isEmpty()
                                                 ? QString()
                                                 : QStringLiteral("  ")
                                                       + k.statuses().join(QStringLiteral(", "))));
                }
            }
            finish(exitCode, Success);
        });
        return waitFor(exitCode);
    }

    if (command == QLatin1String("set") || command == QLatin1String("unset")) {
        const bool set = command == QLatin1String("set");
        if (positional.size() != (set ? 2 : 1)) {
            return usage(set ? QStringLiteral("set takes KEY VALUE")
                             : QStringLiteral("unset takes KEY"));
        }
        const QString key = positional.at(0);
        if (EnvDocument::parse(key + QStringLiteral("=x")).value_or(EnvDocument()).keys()
            != QStringList{key}) {
            return usage(QStringLiteral("\"%1\" is not a valid variable name").arg(key));
        }
        EnvFile *file = profile->file(fileName);
        EnvFile other;
        if (!file) {
            auto read = EnvFile::read(QDir(profile->projectDirectory()).filePath(fileName));
            if (!read) {
                return fail(read.error());
            }
            other = std::move(*read);
            file = &other;
        }
        const bool plaintext = parser.isSet(QStringLiteral("plaintext"));
        if (plaintext && (!set || parser.isSet(QStringLiteral("secret")))) {
            return usage(QStringLiteral("--plaintext goes with set, without --secret"));
        }
        const bool secret =
            !plaintext
            && (set ? (parser.isSet(QStringLiteral("secret")) || profile->isSecret(key))
                    : profile->isSecret(key));
        if (set && !secret) {
            file->document.set(key, positional.at(1));
            if (auto r = file->save(); !r) {
                return fail(r.error());
            }
            Output::outLine(QStringLiteral("%1 set in %2").arg(key, file->name));
            Output::flush();
            return Success;
        }
        // A secret (set) moves into the keychain and leaves the file; unset removes both.
        auto afterKeychain = [file, exitCode, key, set](Result<void> r) {
            if (!r) {
                finish(exitCode, fail(r.error()));
                return;
            }
            if (file->document.remove(key)) {
                if (auto saved = file->save(); !saved) {
                    finish(exitCode, fail(saved.error()));
                    return;
                }
            }
            Output::outLine(set ? QStringLiteral("%1 stored in the keychain").arg(key)
                                : QStringLiteral("%1 removed").arg(key));
            finish(exitCode, Success);
        };
        if (set) {
            store->write(key, positional.at(1), nullptr, afterKeychain);
        } else if (secret) {
            store->remove(key, nullptr, afterKeychain);
        } else {
            afterKeychain({});
        }
        return waitFor(exitCode);
    }
    return usage(QStringLiteral("unknown env command \"%1\"").arg(command));
}

} // namespace DevDock::Ctl
