// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "configcommand.h"

#include "output.h"

#include <QCoreApplication>
#include <QTranslator>

namespace DevDock::Ctl {

using namespace DevDock::Core;

std::optional<QStringList> takeGlobalOptions(const QStringList &arguments,
                                             ComposeLoadOptions &options, QString &error)
{
    QStringList rest = arguments;
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1Char('-'))) {
        QString option = rest.takeFirst();
        QString value;
        if (const qsizetype eq = option.indexOf(QLatin1Char('=')); eq > 0) {
            value = option.mid(eq + 1);
            option = option.left(eq);
        }
        static const QStringList known{QStringLiteral("-f"),
                                       QStringLiteral("--file"),
                                       QStringLiteral("-p"),
                                       QStringLiteral("--project-name"),
                                       QStringLiteral("--project-directory"),
                                       QStringLiteral("--profile"),
                                       QStringLiteral("--env-file"),
                                       QStringLiteral("--context")};
        if (!known.contains(option)) {
            rest.prepend(option);
            return rest; // a command's own option, e.g. --help
        }
        if (value.isEmpty()) {
            if (rest.isEmpty()) {
                error = QStringLiteral("%1 needs a value").arg(option);
                return std::nullopt;
            }
            value = rest.takeFirst();
        }
        if (option == QLatin1String("-f") || option == QLatin1String("--file")) {
            options.files << value;
        } else if (option == QLatin1String("-p") || option == QLatin1String("--project-name")) {
            options.projectName = value;
        } else if (option == QLatin1String("--project-directory")) {
            options.projectDirectory = value;
        } else if (option == QLatin1String("--context")) {
            // As `docker --context`: the context wins over DOCKER_HOST, for this process and
            // for the compose CLI it runs.
            qputenv("DOCKER_CONTEXT", value.toUtf8());
            qunsetenv("DOCKER_HOST");
        } else if (option == QLatin1String("--profile")) {
            options.profiles << value;
        } else {
            options.envFiles << value;
        }
    }
    return rest;
}

namespace {

// A load that failed: when unset required variables are the reason, name all of them (a load
// that tolerates them collects them), not just the first one met.
Error missingRequiredOr(const ComposeLoadOptions &options, const Error &error)
{
    ComposeLoadOptions tolerant = options;
    tolerant.tolerateMissingRequired = true;
    const auto project = loadComposeProject(tolerant);
    if (!project || project->missingRequired.isEmpty()) {
        return error;
    }
    QStringList lines;
    QStringList names;
    for (const ComposeMissingVariable &m : project->missingRequired) {
        lines << QStringLiteral("%1:%2:%3: Required variable %4 is missing a value: %5")
                     .arg(m.file)
                     .arg(m.line)
                     .arg(m.column)
                     .arg(m.name, m.message);
        if (!names.contains(m.name)) {
            names << m.name;
        }
    }
    return Error{Error::Code::InvalidArgument, lines.join(QLatin1Char('\n')),
                 QStringLiteral("Set %1 in the environment, the project's .env file or the "
                                "keychain (devdockctl env set --secret).")
                     .arg(names.join(QStringLiteral(", ")))};
}

} // namespace

void prepareApplication(QTranslator &plurals)
{
    QCoreApplication::setApplicationName(QStringLiteral("devdockctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("DevDock"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DEVDOCK_VERSION));
    // devdockctl speaks English; core's plural messages get their English forms from the
    // plurals-only translation.
    if (plurals.load(QStringLiteral(":/i18n/devdock_en.qm"))) {
        QCoreApplication::installTranslator(&plurals);
    }
}

std::optional<QStringList> globalArgumentsOrReport(ComposeLoadOptions &options)
{
    QString error;
    const auto parsed =
        takeGlobalOptions(QCoreApplication::arguments().mid(1), options, error);
    if (!parsed) {
        Output::errLine(QStringLiteral("devdockctl: ") + error);
        Output::flush();
    }
    return parsed;
}

int runConfigCommand(const ComposeLoadOptions &options, const QStringList &arguments)
{
    // arguments: {"config", ...}
    bool json = false;
    for (const QString &a : arguments.mid(1)) {
        if (a == QLatin1String("--json")) {
            json = true;
        } else {
            Output::errLine(
                QStringLiteral("devdockctl: config takes only --json, not \"%1\"").arg(a));
            Output::flush();
            return UsageError;
        }
    }
    const auto project = loadComposeProject(options);
    if (!project) {
        return reportError(missingRequiredOr(options, project.error()));
    }
    if (json) {
        Output::out(project->toJsonText());
    } else {
        Output::outLine(QStringLiteral("project %1 (%2)")
                            .arg(project->name, project->configFiles.join(QStringLiteral(", "))));
        const auto byName = project->serviceIndex(); // service() scans: quadratic here
        for (const QString &name : project->startOrder()) {
            const ComposeService *s = byName.value(name);
            QStringList deps;
            for (auto it = s->dependsOn.begin(); it != s->dependsOn.end(); ++it) {
                deps << it.key() + QLatin1Char('(') + it->condition + QLatin1Char(')');
            }
            Output::outLine(
                QStringLiteral("  %1  %2%3")
                    .arg(name, s->image.isEmpty() ? QStringLiteral("(build)") : s->image,
                         deps.isEmpty()
                             ? QString()
                             : QStringLiteral("  after ") + deps.join(QStringLiteral(", "))));
        }
        if (!project->disabledServices.isEmpty()) {
            Output::outLine(QStringLiteral("  not in an enabled profile: ")
                            + project->disabledServices.join(QStringLiteral(", ")));
        }
    }
    Output::flush();
    return Success;
}

} // namespace DevDock::Ctl
