// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "configcommand.h"
#include "enginecommand.h"
#include "envcommand.h"
#include "output.h"
#include "backupcommand.h"
#include "restorecommand.h"
#include "stackcommand.h"
#include "twincommand.h"

#include "util/logging.h"
#include "util/settingsfile.h"

#include <QCoreApplication>
#include <QTranslator>

using namespace DevDock;

namespace {

const char *kUsage =
    "Usage: devdockctl COMMAND [OPTIONS]\n"
    "\n"
    "DevDock's core on the command line.\n"
    "\n"
    "Global options (as Compose has them, before the command):\n"
    "  -f, --file F  -p, --project-name NAME  --project-directory DIR  --profile P  --env-file F\n"
    "  --context NAME  the docker context to use (as 'docker --context'; compose runs on it too)\n"
    "\n"
    "Commands:\n"
    "  up         Create and start services, dependencies first (--wait, --build, --no-deps)\n"
    "  down       Stop and remove the stack (-v: and its volumes, each backed up first)\n"
    "  start      Start services and what they depend on\n"
    "  stop       Stop services (--with-dependents)\n"
    "  restart    Restart services and their dependents, in dependency order (--no-deps)\n"
    "  build      Build the services' images\n"
    "  pull       Pull the services' images\n"
    "  ps         Every service's state, health, ports and why it is not up (--json)\n"
    "  watch      One line per service state change, as it happens (--json)\n"
    "  logs       Logs of the services, merged and prefixed (-f, --tail N, --no-prefix)\n"
    "  doctor     Checks engine, Compose, disk, memory, ports, env, images ('doctor ports': who\n"
    "             holds a published port)\n"
    "  onboard    From a fresh clone to a healthy stack, without questions\n"
    "  dev        Dev mode per service: 'dev on|off SERVICE' (its dev override, only it recreated)\n"
    "  exec       Runs a command or a shell in a service's container (-T: no TTY)\n"
    "  sync       Runs develop.watch file sync in the foreground, printing each batch\n"
    "  projects   Compose projects running on the engine, whoever started them (--json)\n"
    "  config     The resolved compose project (--json: Compose's shapes)\n"
    "  engine     Talk to the Docker engine (info, containers, logs, events, stats)\n"
    "  env        The project's .env profiles, secrets in the keychain\n"
    "  twin       Another branch's stack beside this one, in its git worktree, on free ports:\n"
    "             'twin list', 'twin up BRANCH', 'twin down BRANCH [--volumes] [--remove-worktree]'\n"
    "  backup     The project's data and its backups: list, create [SERVICE|VOLUME...] [--checkpoint N]\n"
    "  snapshots  The project's snapshots in the backup repository (--json)\n"
    "  restore    Puts a snapshot back, a safety snapshot first: restore SNAPSHOT|--checkpoint NAME\n"
    "  forget     Forgets old snapshots (--keep-last N, --keep-daily N, ...; --prune)\n"
    "  version    Print DevDock's version\n"
    "\n"
    "Run 'devdockctl COMMAND --help' for a command's options.\n"
    "Exit status: 0 success, 1 engine error, 2 wrong usage.\n";

} // namespace

// Every command but config, loaded by the launcher (launcher.cpp) when one is asked for.
extern "C" Q_DECL_EXPORT int devdockctl_main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTranslator plurals;
    Ctl::prepareApplication(plurals);
    DevDock::Core::prepareSettings();

    Core::LoggingOptions logging;
    logging.appName = QStringLiteral("devdockctl");
    logging.directory = Core::defaultLogDirectory();
    logging.verbose = qEnvironmentVariableIsSet("DEVDOCK_DEBUG");
    Core::installLogging(logging);

    Core::ComposeLoadOptions compose = Core::ComposeLoadOptions::fromProcess();
    const auto parsed = Ctl::globalArgumentsOrReport(compose);
    if (!parsed) {
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
    if (Ctl::isStackCommand(command)) {
        return Ctl::runStackCommand(compose, args);
    }
    if (command == QStringLiteral("backup")) {
        return Ctl::runBackupCommand(compose, args);
    }
    if (command == QStringLiteral("twin")) {
        return Ctl::runTwinCommand(compose, args);
    }
    if (command == QStringLiteral("snapshots")) {
        return Ctl::runSnapshotsCommand(compose, args);
    }
    if (command == QStringLiteral("restore")) {
        return Ctl::runRestoreCommand(compose, args);
    }
    if (command == QStringLiteral("forget")) {
        return Ctl::runForgetCommand(compose, args);
    }
    if (command == QStringLiteral("env")) {
        return Ctl::runEnvCommand(args, compose.projectDirectory);
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
