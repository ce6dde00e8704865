// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpercontainer.h"

#include "engine/engineclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace DevDock::Core {

void createHelperContainer(EngineClient *client, const QString &image, const DataMount &mount,
                           const QString &purpose, QObject *context,
                           std::function<void(Result<QString>)> callback)
{
    const QJsonObject mountJson{
        {QStringLiteral("Type"), mount.kind == DataMount::Kind::Volume ? QStringLiteral("volume")
                                                                       : QStringLiteral("bind")},
        {QStringLiteral("Source"), mount.source},
        {QStringLiteral("Target"), QString::fromLatin1(kHelperDataPath)},
    };
    const QJsonObject body{
        {QStringLiteral("Image"), image},
        // Never started; a command keeps images without CMD creatable.
        {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("true")}},
        {QStringLiteral("Labels"), QJsonObject{{QString::fromLatin1(kHelperLabel), purpose}}},
        {QStringLiteral("NetworkDisabled"), true},
        {QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("Mounts"), QJsonArray{mountJson}}}},
    };
    HttpRequest request;
    request.method = "POST";
    request.target = "/containers/create";
    request.contentType = "application/json";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    client->call(request, context, [image, callback](Result<EngineClient::Response> r) {
        if (!r) {
            Error e = r.error();
            if (e.code == Error::Code::NotFound || e.message.contains(QLatin1String("No such image"))) {
                e.message = QStringLiteral("The image %1 that copies the data is not on the engine: %2")
                                .arg(image, e.message);
                e.hint = QStringLiteral("Build or pull the service's image first (docker compose build/pull).");
            }
            callback(std::unexpected(e));
            return;
        }
        callback(QJsonDocument::fromJson(r->body).object().value(QStringLiteral("Id")).toString());
    });
}

void removeHelperContainer(EngineClient *client, const QString &id, QObject *context,
                           std::function<void(Result<void>)> callback)
{
    client->removeContainer(id, true, true, context, std::move(callback));
}

} // namespace DevDock::Core
