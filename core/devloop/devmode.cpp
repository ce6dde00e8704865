// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devmode.h"

#include "util/atomicwrite.h"
#include "util/projectsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

#include <yaml-cpp/yaml.h>

namespace DevDock::Core {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DevMode)
};

QString indent(const QString &yaml, int spaces)
{
    QStringList lines = yaml.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty()) {
        lines.removeLast();
    }
    const QString pad(spaces, QLatin1Char(' '));
    for (QString &line : lines) {
        line.prepend(pad);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Result<DevModeSources> findDevModeSources(const ComposeProject &project,
                                          const QString &projectDirectory)
{
    DevModeSources sources;
    const QDir dir(projectDirectory);
    for (const char *name : {"docker-compose.dev.yml", "docker-compose.dev.yaml",
                             "compose.dev.yaml", "compose.dev.yml"}) {
        if (dir.exists(QString::fromLatin1(name))) {
            sources.devFile = dir.filePath(QString::fromLatin1(name));
            break;
        }
    }
    if (!sources.devFile.isEmpty()) {
        try {
            const YAML::Node root = YAML::LoadFile(sources.devFile.toStdString());
            const YAML::Node services = root["services"];
            if (services && services.IsMap()) {
                for (const auto &item : services) {
                    const QString name = QString::fromStdString(item.first.as<std::string>(""));
                    if (project.service(name) == nullptr || !item.second.IsMap()) {
                        continue; // not a service of the loaded project (profiles), or empty
                    }
                    YAML::Emitter out;
                    out << item.second;
                    sources.sections.insert(name, QString::fromUtf8(out.c_str()));
                    sources.origin.insert(name, QFileInfo(sources.devFile).fileName());
                }
            }
        } catch (const YAML::Exception &e) {
            return makeError(Error::Code::InvalidArgument,
                             Text::tr("%1 is not valid YAML: %2")
                                 .arg(sources.devFile, QString::fromStdString(e.what())),
                             Text::tr("Fix the dev override file; dev mode uses it."));
        }
    }
    for (const ComposeService &s : project.services) {
        const QString extension = s.extensions.value(QStringLiteral("x-devdock")).toString();
        if (extension.isEmpty() || sources.sections.contains(s.name)) {
            continue;
        }
        try {
            const YAML::Node node = YAML::Load(extension.toStdString());
            if (node.IsMap() && node["dev"] && node["dev"].IsMap()) {
                YAML::Emitter out;
                out << node["dev"];
                sources.sections.insert(s.name, QString::fromUtf8(out.c_str()));
                sources.origin.insert(s.name, QStringLiteral("x-devdock"));
            }
        } catch (const YAML::Exception &) {
            // The loader has read the same text: it is valid YAML.
        }
    }
    return sources;
}

Error noDevModeError(const QString &service)
{
    return Error{Error::Code::NotFound, Text::tr("%1 has no dev mode configuration.").arg(service),
                 Text::tr("Add its section to docker-compose.dev.yml, or an x-devdock: {dev: "
                          "{...}} extension to the service.")};
}

QString devOverridePath(const QString &projectDirectory)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/devdock/devmode/") + projectKey(projectDirectory)
           + QStringLiteral("/compose.devdock-dev.yaml");
}

Result<void> writeDevOverride(const DevModeSources &sources, const QStringList &services,
                              const QString &path)
{
    if (services.isEmpty()) {
        QFile::remove(path);
        return {};
    }
    QString text = QStringLiteral("# Written by DevDock: dev mode for %1. Edits are replaced.\n"
                                  "services:\n")
                       .arg(services.join(QStringLiteral(", ")));
    for (const QString &service : services) {
        if (!sources.sections.contains(service)) {
            return std::unexpected(noDevModeError(service));
        }
        text += QStringLiteral("  ") + service + QStringLiteral(":\n")
                + indent(sources.sections.value(service), 4) + QLatin1Char('\n');
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return makeError(
            Error::Code::Io,
            Text::tr("Cannot create the folder %1").arg(QFileInfo(path).absolutePath()),
            Text::tr("Check that DevDock may write to its data folder."));
    }
    // Checked and atomic: on a full disk the previous override stays whole and the error says
    // how much space is needed, instead of a cut override that Compose would reject.
    auto written = writeFileAtomically(path, text.toUtf8());
    if (!written) {
        return std::unexpected(written.error());
    }
    return {};
}

QStringList devModeServices(const QString &projectDirectory)
{
    return sharedSettings()
        .value(projectSettingsKey(QStringLiteral("devMode"), projectDirectory))
        .toStringList();
}

Result<void> setDevModeServices(const QString &projectDirectory, const QStringList &services)
{
    return rememberList(QStringLiteral("devMode"), projectDirectory, services);
}

Result<ComposeProject> loadWithDevMode(ComposeLoadOptions &options, const QString &projectDirectory)
{
    auto project = loadComposeProject(options);
    const QStringList dev = devModeServices(projectDirectory);
    if (!project || dev.isEmpty()) {
        return project;
    }
    auto sources = findDevModeSources(*project, projectDirectory);
    if (!sources) {
        return std::unexpected(sources.error());
    }
    QStringList active = dev;
    active.removeIf([&](const QString &s) { return !sources->sections.contains(s); });
    if (active.isEmpty()) {
        return project;
    }
    const QString overridePath = devOverridePath(projectDirectory);
    if (auto written = writeDevOverride(*sources, active, overridePath); !written) {
        return std::unexpected(written.error());
    }
    options = withDevOverride(options, *project, overridePath);
    return loadComposeProject(options);
}

ComposeLoadOptions withDevOverride(const ComposeLoadOptions &options, const ComposeProject &project,
                                   const QString &overridePath)
{
    ComposeLoadOptions result = options;
    result.files = project.configFiles;
    result.files.removeAll(overridePath);
    result.files << overridePath;
    if (result.projectDirectory.isEmpty()) {
        result.projectDirectory = project.workingDirectory;
    }
    return result;
}

} // namespace DevDock::Core
