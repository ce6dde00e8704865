// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "composeprogress.h"

#include <QRegularExpression>

namespace DevDock::Core {

namespace {

bool isResourceType(QStringView word)
{
    return word == u"Container" || word == u"Network" || word == u"Volume" || word == u"Image"
           || word == u"Secret" || word == u"Config";
}

bool isErrorStatus(QStringView status)
{
    return status == u"Error" || status == u"Unhealthy" || status.startsWith(u"Error");
}

} // namespace

QString serviceOfContainerName(const QString &containerName, const QString &projectName,
                               const QStringList &services)
{
    // Match the longest service name so that "api" and "api-gateway" are told apart.
    QString best;
    for (const QString &separator : {QStringLiteral("-"), QStringLiteral("_")}) {
        const QString prefix = projectName + separator;
        if (!containerName.startsWith(prefix)) {
            continue;
        }
        const QString rest = containerName.mid(prefix.size());
        for (const QString &service : services) {
            if (service.size() <= best.size() || !rest.startsWith(service + separator)) {
                continue;
            }
            const QString suffix = rest.mid(service.size() + 1);
            bool numeric = false;
            suffix.toInt(&numeric);
            if (numeric || suffix.startsWith(QStringLiteral("run") + separator)) {
                best = service;
            }
        }
    }
    return best;
}

ComposeProgressEvent parseComposeProgressLine(const QString &rawLine, const QString &projectName,
                                              const QStringList &services)
{
    ComposeProgressEvent event;
    const QString line = rawLine.trimmed();
    event.detail = line;
    if (line.isEmpty()) {
        return event;
    }

    // BuildKit plain progress: "#5 [api 2/3] RUN make", "#5 DONE 0.1s", "#5 ERROR: …".
    static const QRegularExpression buildKit(QStringLiteral(R"(^#(\d+)\s+(.*)$)"));
    if (const auto m = buildKit.match(line); m.hasMatch()) {
        event.kind = ComposeProgressEvent::Kind::Build;
        event.buildStep = m.captured(1).toInt();
        const QString rest = m.captured(2);
        event.detail = rest;
        static const QRegularExpression step(QStringLiteral(R"(^\[([^\]\s]+)[\s\]])"));
        if (const auto s = step.match(rest); s.hasMatch() && services.contains(s.captured(1))) {
            event.service = s.captured(1);
        }
        if (rest.startsWith(QStringLiteral("DONE"))) {
            event.status = QStringLiteral("DONE");
        } else if (rest.startsWith(QStringLiteral("ERROR"))
                   || rest.startsWith(QStringLiteral("CANCELED"))) {
            event.status = rest.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(':'));
            event.error = rest.startsWith(QStringLiteral("ERROR"));
        } else if (rest.startsWith(QStringLiteral("CACHED"))) {
            event.status = QStringLiteral("CACHED");
        }
        return event;
    }
    // The classic builder: "Step 2/3 : RUN make".
    static const QRegularExpression classic(QStringLiteral(R"(^Step (\d+)/(\d+) : (.*)$)"));
    if (const auto m = classic.match(line); m.hasMatch()) {
        event.kind = ComposeProgressEvent::Kind::Build;
        event.buildStep = m.captured(1).toInt();
        event.detail = m.captured(3);
        return event;
    }

    // Compose v1: "Creating demo_api_1 ... done", "Creating network "demo_default" with …".
    static const QRegularExpression v1(QStringLiteral(
        R"(^(Creating|Starting|Stopping|Removing|Recreating|Restarting|Pulling|Building|Killing)\s+(\S+)\s+\.\.\.\s*(\S*)\s*$)"));
    if (const auto m = v1.match(line); m.hasMatch()) {
        event.kind = ComposeProgressEvent::Kind::Resource;
        event.resourceType = QStringLiteral("Container");
        event.name = m.captured(2);
        const QString outcome = m.captured(3);
        event.status = outcome.compare(QStringLiteral("done"), Qt::CaseInsensitive) == 0
                           ? m.captured(1)
                       : outcome.isEmpty() ? m.captured(1)
                                           : outcome;
        event.error = outcome.compare(QStringLiteral("error"), Qt::CaseInsensitive) == 0;
        event.service = services.contains(event.name)
                            ? event.name
                            : serviceOfContainerName(event.name, projectName, services);
        if (event.service.isEmpty()) {
            event.resourceType.clear();
        }
        return event;
    }

    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Compose v2 resources: "Container demo-api-1  Started", "Network demo_default  Created".
    if (words.size() >= 3 && isResourceType(words.at(0))) {
        event.kind = ComposeProgressEvent::Kind::Resource;
        event.resourceType = words.at(0);
        event.name = words.at(1);
        event.status = words.at(2);
        event.detail = words.mid(3).join(QLatin1Char(' '));
        event.error = isErrorStatus(event.status);
        if (event.resourceType == u"Container") {
            event.service = serviceOfContainerName(event.name, projectName, services);
        }
        return event;
    }
    // Pull lines: " api Pulling", " api Pulled", " api Error …", " 4f4f Downloading [=> ] 1MB/3MB".
    if (words.size() >= 2) {
        static const QStringList pullStates{
            QStringLiteral("Pulling"),     QStringLiteral("Pulled"),
            QStringLiteral("Skipped"),     QStringLiteral("Waiting"),
            QStringLiteral("Downloading"), QStringLiteral("Extracting"),
            QStringLiteral("Verifying"),   QStringLiteral("Download"),
            QStringLiteral("Pull"),        QStringLiteral("Already"),
            QStringLiteral("Warning"),     QStringLiteral("Error"),
            QStringLiteral("Interrupted"), QStringLiteral("Interrupting")};
        if (pullStates.contains(words.at(1))) {
            event.kind = ComposeProgressEvent::Kind::Pull;
            event.name = words.at(0);
            event.status = words.at(1);
            event.detail = words.mid(2).join(QLatin1Char(' '));
            event.error = event.status == u"Error";
            if (services.contains(event.name)) {
                event.service = event.name;
            }
            return event;
        }
    }
    event.error = line.startsWith(QStringLiteral("Error"))
                  || line.startsWith(QStringLiteral("error"))
                  || line.contains(QStringLiteral("Error response from daemon"));
    return event;
}

} // namespace DevDock::Core
