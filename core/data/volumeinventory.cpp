// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "volumeinventory.h"

#include "engine/engineclient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QPointer>
#include <QTimer>

#include <yaml-cpp/yaml.h>

namespace DevDock::Core {

namespace {

bool healthcheckRuns(const ComposeService &s, QLatin1String program)
{
    return s.healthcheck && s.healthcheck->test.join(QLatin1Char(' ')).contains(program);
}

// "docker.io/library/postgres:15-alpine" -> "postgres"
QString imageBaseName(const QString &image)
{
    QString name = image.section(QLatin1Char('/'), -1);
    name = name.section(QLatin1Char('@'), 0, 0).section(QLatin1Char(':'), 0, 0);
    return name.toLower();
}

} // namespace

ServiceDataHints serviceDataHints(const ComposeService &service)
{
    ServiceDataHints hints;
    const QString text = service.extensions.value(QStringLiteral("x-devdock")).toString();
    if (text.isEmpty()) {
        return hints;
    }
    try {
        const YAML::Node node = YAML::Load(text.toStdString());
        if (!node.IsMap()) {
            return hints;
        }
        if (const YAML::Node data = node["data"]) {
            if (data.IsSequence()) {
                for (const YAML::Node &item : data) {
                    hints.data << QString::fromStdString(item.as<std::string>());
                }
            } else if (data.IsScalar()) {
                hints.data << QString::fromStdString(data.as<std::string>());
            }
        }
        if (const YAML::Node db = node["database"]; db && db.IsScalar()) {
            const QString v = QString::fromStdString(db.as<std::string>()).toLower();
            hints.database = v == QLatin1String("postgres") || v == QLatin1String("postgresql")
                                 ? DatabaseKind::Postgres
                             : v == QLatin1String("redis") ? DatabaseKind::Redis
                                                           : DatabaseKind::None;
        }
    } catch (const YAML::Exception &) {
        // The loader already validated the file; an odd extension only means "no hints".
    }
    return hints;
}

DatabaseKind databaseKind(const ComposeService &service)
{
    if (const auto hinted = serviceDataHints(service).database) {
        return *hinted;
    }
    const QString base = imageBaseName(service.image);
    if (base.startsWith(QLatin1String("postgres")) || base.startsWith(QLatin1String("postgis"))
        || base.startsWith(QLatin1String("timescaledb")) || healthcheckRuns(service, QLatin1String("pg_isready"))) {
        return DatabaseKind::Postgres;
    }
    if (base == QLatin1String("redis") || base.startsWith(QLatin1String("redis-")) || base == QLatin1String("valkey")
        || base == QLatin1String("keydb") || healthcheckRuns(service, QLatin1String("redis-cli"))) {
        return DatabaseKind::Redis;
    }
    return DatabaseKind::None;
}

QStringList DataVolume::serviceNames() const
{
    QStringList names;
    for (const VolumeUser &u : users) {
        if (!names.contains(u.service)) {
            names << u.service;
        }
    }
    return names;
}

QString DataVolume::helperImage(const ComposeProject &project) const
{
    for (const VolumeUser &u : users) {
        if (const ComposeService *s = project.service(u.service)) {
            if (!s->image.isEmpty()) {
                return s->image;
            }
            // A built image without a name: Compose names it <project>-<service>.
            return project.name + QLatin1Char('-') + s->name;
        }
    }
    return {};
}

DataMount DataVolume::mount() const
{
    return {kind, kind == DataMount::Kind::Volume ? engineName : key};
}

QList<DataVolume> volumeInventory(const ComposeProject &project, const QJsonObject &systemDf,
                                  const QList<ResticSnapshot> &snapshots)
{
    QMap<QString, DataVolume> byKey;
    for (const QString &key : project.volumes) {
        DataVolume v;
        v.key = key;
        v.engineName = project.name + QLatin1Char('_') + key;
        byKey.insert(key, v);
    }
    const QDir base(project.workingDirectory);
    for (const ComposeService &s : project.services) {
        const ServiceDataHints hints = serviceDataHints(s);
        const DatabaseKind db = databaseKind(s);
        for (const ComposeVolumeMount &m : s.volumes) {
            const VolumeUser user{s.name, m.target, m.readOnly, db};
            if (m.type == QLatin1String("volume") && !m.source.isEmpty()) {
                auto it = byKey.find(m.source);
                if (it != byKey.end()) {
                    it->users << user;
                }
                continue;
            }
            if (m.type != QLatin1String("bind")) {
                continue;
            }
            const bool marked = std::any_of(hints.data.cbegin(), hints.data.cend(), [&](const QString &h) {
                return h == m.target || QDir::cleanPath(base.absoluteFilePath(h)) == QDir::cleanPath(m.source);
            });
            if (!marked) {
                continue;
            }
            const QString key = QDir::cleanPath(m.source);
            auto it = byKey.find(key);
            if (it == byKey.end()) {
                DataVolume v;
                v.kind = DataMount::Kind::Bind;
                v.key = key;
                v.exists = QFileInfo::exists(key);
                it = byKey.insert(key, v);
            }
            it->users << user;
        }
    }
    // Compose labels say which engine volume belongs to which key (also for `name:` volumes).
    for (const QJsonValue &value : systemDf.value(QStringLiteral("Volumes")).toArray()) {
        const QJsonObject o = value.toObject();
        const QJsonObject labels = o.value(QStringLiteral("Labels")).toObject();
        const QString name = o.value(QStringLiteral("Name")).toString();
        QString key;
        if (labels.value(QStringLiteral("com.docker.compose.project")).toString() == project.name) {
            key = labels.value(QStringLiteral("com.docker.compose.volume")).toString();
        }
        for (auto it = byKey.begin(); it != byKey.end(); ++it) {
            if (it->kind != DataMount::Kind::Volume || (it->key != key && it->engineName != name)) {
                continue;
            }
            it->engineName = name;
            it->exists = true;
            const qint64 size = o.value(QStringLiteral("UsageData")).toObject().value(QStringLiteral("Size")).toInteger(-1);
            it->sizeBytes = size;
        }
    }
    for (const ResticSnapshot &s : snapshots) {
        if (s.tag(QStringLiteral("project")) != project.name) {
            continue;
        }
        auto it = byKey.find(s.tag(QStringLiteral("volume")));
        if (it != byKey.end() && (!it->lastBackup || it->lastBackup->time <= s.time)) {
            it->lastBackup = s;
        }
    }
    return byKey.values();
}

QString backupAge(const std::optional<ResticSnapshot> &snapshot, const QDateTime &now)
{
    if (!snapshot) {
        return QStringLiteral("never");
    }
    const qint64 s = std::max<qint64>(0, snapshot->time.secsTo(now));
    if (s < 60) {
        return QStringLiteral("just now");
    }
    if (s < 3600) {
        return QStringLiteral("%1 min ago").arg(s / 60);
    }
    if (s < 86400) {
        return QStringLiteral("%1 h ago").arg(s / 3600);
    }
    const qint64 days = s / 86400;
    return days == 1 ? QStringLiteral("1 day ago") : QStringLiteral("%1 days ago").arg(days);
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 0) {
        return QStringLiteral("unknown");
    }
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    return u == 0 ? QStringLiteral("%1 B").arg(bytes) : QStringLiteral("%1 %2").arg(v, 0, 'f', 1).arg(QLatin1String(units[u]));
}

namespace {

void readDiskUsageTry(QPointer<EngineClient> client, QPointer<QObject> context, int triesLeft,
                      std::function<void(Result<QJsonObject>)> done)
{
    if (!client) {
        done(makeError(Error::Code::EngineUnreachable, QStringLiteral("No engine.")));
        return;
    }
    HttpRequest df;
    df.target = "/system/df";
    client->call(df, context, [client, context, triesLeft, done](Result<EngineClient::Response> r) {
        if (!r && triesLeft > 0 && context
            && r.error().message.contains(QLatin1String("disk usage operation is already running"))) {
            QTimer::singleShot(250, context, [client, context, triesLeft, done] {
                readDiskUsageTry(client, context, triesLeft - 1, done);
            });
            return;
        }
        if (!r) {
            done(std::unexpected(r.error()));
            return;
        }
        done(QJsonDocument::fromJson(r->body).object());
    });
}

} // namespace

void readDiskUsage(EngineClient *client, QObject *context,
                   std::function<void(Result<QJsonObject>)> done)
{
    readDiskUsageTry(client, context, 40, std::move(done));
}

} // namespace DevDock::Core
