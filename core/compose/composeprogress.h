// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace DevDock::Core {

// One line of the compose CLI's progress output, understood. Compose v2 with `--progress plain`
// prints resource lines (" Container demo-api-1  Started"), BuildKit steps ("#5 [api 2/3] RUN …"),
// pull lines (" api Pulling", " 4f4fb700ef54 Downloading [==>  ]  1.2MB/3MB"); the standalone
// Compose v1 prints "Creating demo_api_1 ... done". Anything else is a plain message.
struct ComposeProgressEvent
{
    enum class Kind { Resource, Build, Pull, Message };
    Kind kind = Kind::Message;
    QString resourceType; // Container, Network, Volume, Image (Resource)
    QString name;         // container / network / volume name, or the layer id (Pull)
    QString service;      // the service the line is about, when it can be told
    QString status;       // Creating, Created, Started, Healthy, Pulling, Downloading, DONE, ...
    QString detail;       // progress bar, build step text, error text
    int buildStep = 0;    // BuildKit's #N
    bool error = false;   // the line reports a failure
};

// `services` (the project's service names) lets container names map back to their service;
// `projectName` is the compose project name.
ComposeProgressEvent parseComposeProgressLine(const QString &line, const QString &projectName,
                                              const QStringList &services);

// The service of a compose container name: "<project>-<service>-<n>" (v2) or
// "<project>_<service>_<n>" (v1), also one-off "<project>-<service>-run-<id>".
QString serviceOfContainerName(const QString &containerName, const QString &projectName,
                               const QStringList &services);

} // namespace DevDock::Core
