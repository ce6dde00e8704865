// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectdiscovery.h"

#include "engine/engineclient.h"

#include <QMap>

namespace DevDock::Core {

void discoverProjects(EngineClient *client, QObject *context,
                      std::function<void(Result<QList<DiscoveredProject>>)> callback)
{
    ContainerListOptions options;
    options.all = true;
    options.filters.insert(QStringLiteral("label"), {QStringLiteral("com.docker.compose.project")});
    client->listContainers(options, context, [callback](Result<QList<ContainerSummary>> list) {
        if (!list) {
            callback(std::unexpected(list.error()));
            return;
        }
        QMap<QString, DiscoveredProject> projects;
        for (const ContainerSummary &c : *list) {
            const QString name = c.labels.value(QStringLiteral("com.docker.compose.project"));
            DiscoveredProject &p = projects[name];
            p.name = name;
            const QString dir =
                c.labels.value(QStringLiteral("com.docker.compose.project.working_dir"));
            if (p.workingDirectory.isEmpty()) {
                p.workingDirectory = dir;
            }
            const QString files =
                c.labels.value(QStringLiteral("com.docker.compose.project.config_files"));
            if (p.configFiles.isEmpty() && !files.isEmpty()) {
                p.configFiles = files.split(QLatin1Char(','), Qt::SkipEmptyParts);
            }
            const QString service = c.labels.value(QStringLiteral("com.docker.compose.service"));
            if (!service.isEmpty() && !p.services.contains(service)) {
                p.services.append(service);
            }
            ++p.containers;
            if (c.state == u"running") {
                ++p.running;
            }
        }
        QList<DiscoveredProject> result = projects.values();
        for (DiscoveredProject &p : result) {
            p.services.sort();
        }
        callback(result);
    });
}

} // namespace DevDock::Core
