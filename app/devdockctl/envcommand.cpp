// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "envcommand.h"

#include "enginecommand.h"
#include "output.h"

#include "env/envprofile.h"
#include "env/secretstore.h"
#include "util/redaction.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

#include <cerrno>
#include <csignal>
#include <memory>

#include <termios.h>
#include <unistd.h>

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
    "                          keychain instead of a file (the file records it as secret)\n"
    "  set KEY -               the value is the first line of stdin (not visible in ps)\n"
    "  set KEY                 on a terminal: asks for the value (not echoed for a secret)\n"
    "  unset KEY               remove a key from .env.local (or --file) and the keychain\n"
    "\n"
    "-- ends the options: what follows is taken as it is, so 'set KEY -- -x' sets -x and\n"
    "'set KEY -- -' sets a literal -.\n"
    "\n"
    "Options:\n"
    "  --project-directory DIR   the project (default: the current directory)\n"
    "  --profile NAME            .env.NAME in the stack (default: development if present)\n"
    "  --json                    JSON output (list)\n"
    "  --file F                  the file set/unset write (default .env.local)\n"
    "  --secret                  set: store the value in the keychain\n"
    "  --plaintext               set: write the value into the file even if it is a secret\n"
    "                            (only when no keychain can be used)\n"
    "\n"
    "A locked keychain is an error that says how to unlock it; one that does not answer\n"
    "within 15 s (DEVDOCK_KEYCHAIN_TIMEOUT=SECONDS) is too.\n";

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

// Reads the keychain values of `keys`. A keychain that cannot be used (locked, not answering) is
// reported once on stderr with its fix; the listing goes on without those secrets.
void fetchSecrets(SecretStore &store, const QStringList &keys,
                  std::shared_ptr<QHash<QString, QString>> out,
                  std::function<void(std::optional<Error>)> done)
{
    readSecrets(store, keys, nullptr,
                [out, done](QHash<QString, QString> values, std::optional<Error> error) {
                    if (error) {
                        Output::errLine(QStringLiteral("devdockctl: warning: ") + error->message);
                        if (!error->hint.isEmpty()) {
                            Output::errLine(QStringLiteral("hint: ") + error->hint);
                        }
                    }
                    out->insert(values);
                    done(error);
                });
}

// A secret the keychain could not be asked for is not "missing": nobody knows.
bool unread(const ResolvedEnvKey &key, const std::optional<Error> &keychainError)
{
    return keychainError && key.secret && key.source != QLatin1String("keychain")
           && key.value.isEmpty();
}

// --- reading a value without putting it on the command line ---------------------------------

termios g_savedTerminal{};
volatile sig_atomic_t g_terminalQuiet = 0;

// Ctrl+C at the prompt must not leave the terminal without echo.
void restoreTerminalAndDie(int signal)
{
    if (g_terminalQuiet) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    }
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

// One line from stdin, its line ending dropped; nullopt when the input ends before any byte.
std::optional<QString> readStdinLine()
{
    QByteArray line;
    bool newline = false;
    char c = 0;
    while (true) {
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        if (c == '\n') {
            newline = true;
            break;
        }
        line.append(c);
    }
    if (line.isEmpty() && !newline) {
        return std::nullopt;
    }
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    return QString::fromUtf8(line);
}

// Asks on the terminal; a secret is typed without echo (termios), as passwd does. Echo goes off
// before the prompt appears, so nothing typed after it is ever shown.
std::optional<QString> promptForValue(const QString &key, bool hidden)
{
    const bool quiet = hidden && ::tcgetattr(STDIN_FILENO, &g_savedTerminal) == 0;
    struct sigaction previous[3] = {};
    const int caught[3] = {SIGINT, SIGTERM, SIGHUP};
    if (quiet) {
        struct sigaction action = {};
        action.sa_handler = restoreTerminalAndDie;
        for (int i = 0; i < 3; ++i) {
            ::sigaction(caught[i], &action, &previous[i]);
        }
        termios noEcho = g_savedTerminal;
        noEcho.c_lflag &= ~tcflag_t(ECHO);
        g_terminalQuiet = 1;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &noEcho);
    }
    Output::err(QStringLiteral("Value for %1%2: ")
                    .arg(key, hidden ? QStringLiteral(" (not shown)") : QString())
                    .toUtf8());
    Output::flush();
    const std::optional<QString> value = readStdinLine();
    if (quiet) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        g_terminalQuiet = 0;
        for (int i = 0; i < 3; ++i) {
            ::sigaction(caught[i], &previous[i], nullptr);
        }
        Output::err("\n"); // the Enter the terminal did not echo
        Output::flush();
    }
    return value;
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

int runEnvCommand(const QStringList &arguments, const QString &globalProjectDirectory)
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
    // "--" ends the options. Split here rather than in the parser, to know which words followed
    // it: "-" before it means stdin, after it the value "-".
    const qsizetype dashes = arguments.indexOf(QStringLiteral("--"), 1);
    const QStringList literal = dashes < 0 ? QStringList() : arguments.mid(dashes + 1);
    if (!parser.parse(QStringList{QStringLiteral("devdockctl env")}
                      + arguments.mid(1, dashes < 0 ? -1 : dashes - 1))) {
        return usage(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Output::out(kEnvUsage);
        Output::flush();
        return Success;
    }
    QStringList positional = parser.positionalArguments() + literal;
    qsizetype literalFrom = positional.size() - literal.size(); // index of the first literal word
    const QString command = positional.isEmpty() ? QStringLiteral("list") : positional.takeFirst();
    --literalFrom;
    const QString directory = parser.isSet(QStringLiteral("project-directory"))
                                  ? parser.value(QStringLiteral("project-directory"))
                                  : !globalProjectDirectory.isEmpty() ? globalProjectDirectory
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
        const QStringList secretKeys = profile->secretKeys();
        fetchSecrets(*store, secretKeys, secrets, [&, secrets, exitCode](auto keychainError) {
            auto keys = profile->resolve(processVariable, *secrets);
            if (!keys) {
                finish(exitCode, fail(keys.error()));
                return;
            }
            if (check) {
                QStringList missing;
                QStringList empty;
                for (const ResolvedEnvKey &k : *keys) {
                    if (unread(k, keychainError)) {
                        continue;
                    }
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
                if (keychainError) {
                    // The secrets' state is unknown: neither "ok" nor "missing" would be true.
                    finish(exitCode, fail(*keychainError));
                    return;
                }
                Output::outLine(
                    QStringLiteral("ok: every documented key is set (profile %1)")
                        .arg(profile->name().isEmpty() ? QStringLiteral("none") : profile->name()));
                finish(exitCode, Success);
                return;
            }
            const QString notRead = QStringLiteral("not read from the keychain");
            auto statusesOf = [&](const ResolvedEnvKey &k) {
                QStringList statuses = k.statuses();
                if (unread(k, keychainError)) {
                    statuses.removeAll(QStringLiteral("missing"));
                    statuses.removeAll(QStringLiteral("empty"));
                    statuses.prepend(notRead);
                }
                return statuses;
            };
            if (json) {
                QJsonArray array;
                for (const ResolvedEnvKey &k : *keys) {
                    array.append(QJsonObject{
                        {QStringLiteral("key"), k.key},
                        {QStringLiteral("value"),
                         k.missing || unread(k, keychainError)
                             ? QJsonValue(QJsonValue::Null)
                             : QJsonValue(EnvProfile::displayValue(k, *keys))},
                        {QStringLiteral("source"), k.source},
                        {QStringLiteral("secret"), k.secret},
                        {QStringLiteral("status"), QJsonArray::fromStringList(statusesOf(k))},
                        {QStringLiteral("description"), k.description}});
                }
                Output::out(QJsonDocument(QJsonObject{{QStringLiteral("profile"), profile->name()},
                                                      {QStringLiteral("keys"), array}})
                                .toJson(QJsonDocument::Indented));
            } else {
                for (const ResolvedEnvKey &k : *keys) {
                    const QString value = unread(k, keychainError)
                                              ? QStringLiteral("(%1)").arg(notRead)
                                          : k.missing ? QStringLiteral("(missing)")
                                                      : EnvProfile::displayValue(k, *keys);
                    const QStringList statuses = statusesOf(k);
                    Output::outLine(
                        QStringLiteral("%1=%2  [%3]%4")
                            .arg(k.key, value, k.source.isEmpty() ? QStringLiteral("-") : k.source,
                                 statuses.isEmpty()
                                     ? QString()
                                     : QStringLiteral("  ") + statuses.join(QStringLiteral(", "))));
                }
            }
            finish(exitCode, Success);
        });
        return waitFor(exitCode);
    }

    if (command == QLatin1String("set") || command == QLatin1String("unset")) {
        const bool set = command == QLatin1String("set");
        const bool prompt = set && positional.size() == 1 && ::isatty(STDIN_FILENO);
        if (positional.size() != (set ? 2 : 1) && !prompt) {
            return usage(set ? QStringLiteral("set takes KEY VALUE (VALUE - reads it from stdin)")
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
        QString value;
        if (set) {
            // "-" reads stdin unless it came after "--" (literalFrom: the first word after it).
            const bool fromStdin =
                !prompt && positional.at(1) == QLatin1String("-") && literalFrom > 1;
            std::optional<QString> given = positional.value(1);
            if (prompt) {
                given = promptForValue(key, secret);
            } else if (fromStdin) {
                given = readStdinLine();
            }
            if (!given) {
                return usage(QStringLiteral("no value for %1 on standard input").arg(key));
            }
            value = *given;
            if (secret && value.isEmpty()) {
                return usage(QStringLiteral("an empty value for the secret %1: nothing stored "
                                            "(use unset to remove it)")
                                 .arg(key));
            }
        }
        if (set && !secret) {
            file->document.set(key, value);
            if (auto r = file->save(); !r) {
                return fail(r.error());
            }
            Output::outLine(QStringLiteral("%1 set in %2").arg(key, file->name));
            Output::flush();
            return Success;
        }
        if (set && !registerSecret(key, value)) {
            Output::errLine(QStringLiteral("devdockctl: warning: the secret %1 is shorter than %2 "
                                           "characters; DevDock cannot tell it from other text, "
                                           "so it is not hidden in logs and output. Use a "
                                           "longer one.")
                                .arg(key)
                                .arg(MinimumSecretLength));
        }
        // set: the value goes to the keychain; the file records the key as secret (unless its name
        // or another file already does) and keeps no value. unset: keychain entry, key and marker
        // go; so do the empty placeholders other files of the stack hold for it.
        auto afterKeychain = [file, exitCode, key, set, secret,
                              stack = *profile](Result<void> r) mutable {
            if (!r) {
                finish(exitCode, fail(r.error()));
                return;
            }
            QList<EnvFile *> changed;
            if (set) {
                if (stack.isSecretWithoutMarkerIn(key, file->name)) {
                    EnvProfile::forgetSecret(file->document, key);
                } else {
                    EnvProfile::recordSecret(file->document, key);
                }
                changed << file;
            } else if (secret) {
                EnvProfile::forgetSecret(file->document, key);
                changed << file;
                for (const EnvFile &f : stack.stack()) {
                    EnvFile *placeholder = stack.file(f.name);
                    if (f.name != file->name && f.document.rawValue(key) == QString()
                        && EnvProfile::forgetSecret(placeholder->document, key)) {
                        changed << placeholder;
                    }
                }
            } else {
                file->document.remove(key);
                changed << file;
            }
            for (EnvFile *f : std::as_const(changed)) {
                if (f->document.toBytes() == f->originalBytes) {
                    continue;
                }
                if (auto saved = f->save(); !saved) {
                    Error e = saved.error();
                    if (set) {
                        e.hint += QStringLiteral(" The value is in the keychain already; run the "
                                                 "command again once %1 can be written.")
                                      .arg(f->name);
                    }
                    finish(exitCode, fail(e));
                    return;
                }
            }
            if (set) {
                Output::outLine(QStringLiteral("%1 stored in the keychain").arg(key));
                for (const EnvFile &f : stack.stack()) {
                    if (f.name != file->name
                        && !f.document.rawValue(key).value_or(QString()).isEmpty()) {
                        Output::errLine(QStringLiteral("devdockctl: warning: %1 still has a plain "
                                                       "value in %2 (the keychain's wins there); "
                                                       "delete that line so no copy stays "
                                                       "readable")
                                            .arg(key, f.name));
                    }
                }
            } else {
                Output::outLine(QStringLiteral("%1 removed").arg(key));
            }
            finish(exitCode, Success);
        };
        if (set) {
            store->write(key, value, nullptr, afterKeychain);
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
