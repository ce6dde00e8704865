// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "configcommand.h"
#include "enginecommand.h"
#include "envcommand.h"
#include "output.h"

#include "util/logging.h"

#include <QCoreApplication>

using namespace DevDock;

namespace {

const char *kUsage =
    "Usage: devdockctl COMMAND [OPTIONS]\n"
    "\n"
    "DevDock's core on the command line.\n"
    "\n"
    "Global options (as Compose has them, before the command):\n"
    "  -f, --file F  -p, --project-name NAME  --project-directory DIR  --profile P  --env-file F\n"
    "\n"
    "Commands:\n"
    "  config     The resolved compose project (--json: Compose's shapes)\n"
    "  engine     Talk to the Docker engine (info, containers, logs, events, stats)\n"
    "  env        The project's .env profiles, secrets in the keychain\n"
    "  version    Print DevDock's version\n"
    "\n"
    "Run 'devdockctl engine --help' for an engine command's options.\n"
    "Exit status: 0 success, 1 engine error, 2 wrong usage.\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("devdockctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("DevDock"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DEVDOCK_VERSION));

    Core::LoggingOptions logging;
    logging.appName = QStringLiteral("devdockctl");
    logging.directory = Core::defaultLogDirectory();
    logging.verbose = qEnvironmentVariableIsSet("DEVDOCK_DEBUG");
    Core::installLogging(logging);

    Core::ComposeLoadOptions compose = Core::ComposeLoadOptions::fromProcess();
    QString globalError;
    const auto parsed = Ctl::takeGlobalOptions(app.arguments().mid(1), compose, globalError);
    if (!parsed) {
        Ctl::Output::errLine(QStringLiteral("devdockctl: ") + globalError);
        Ctl::Output::flush();
        return Ctl::UsageError;
    }
    const QStringList args = *parsed;
    if (args.isEmpty() || args.first() == QStringLiteral("--help")
        || args.first() == QStringLiteral("-h") || args.first() == QStringLiteral("help")) {
        Ctl::Output::out(kUsage);
        Ctl::Output::flush();
        return args.isEmpty() ? Ctl::UsageError : Ctl::Success;
    }
    const QString command = args.first();
    if (command == QStringLiteral("engine")) {
        return Ctl::runEngineCommand(args);
    }
    if (command == QStringLiteral("config")) {
        return Ctl::runConfigCommand(compose, args);
    }
    if (command == QStringLiteral("env")) {
        return Ctl::runEnvCommand(args);
    }
    if (command == QStringLiteral("version") || command == QStringLiteral("--version")) {
        Ctl::Output::outLine(QStringLiteral("devdockctl " DEVDOCK_VERSION));
        Ctl::Output::flush();
        return Ctl::Success;
    }
    Ctl::Output::err(QByteArray("devdockctl: unknown command \"" + command.toUtf8() + "\"\n\n"));
    Ctl::Output::err(kUsage);
    Ctl::Output::flush();
    return Ctl::UsageError;
}
