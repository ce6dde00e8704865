// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpercontainer.h"

#include <QSysInfo>

#include <unistd.h>

#include "engine/engineclient.h"
#include "engine/framedemuxer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace DevDock::Core {

namespace {

} // namespace

QString helperOwner()
{
    return QSysInfo::machineHostName() + QLatin1Char(':') + QString::number(qint64(::getpid()));
}

namespace {

void createContainer(EngineClient *client, const QString &image, const DataMount &mount,
                     const QString &purpose, const QStringList &command, QObject *context,
                     std::function<void(Result<QString>)> callback)
{
    const QJsonObject mountJson{
        {QStringLiteral("Type"), mount.kind == DataMount::Kind::Volume ? QStringLiteral("volume")
                                                                       : QStringLiteral("bind")},
        {QStringLiteral("Source"), mount.source},
        {QStringLiteral("Target"), QString::fromLatin1(kHelperDataPath)},
    };
    QJsonObject body{
        {QStringLiteral("Image"), image},
        {QStringLiteral("Cmd"), QJsonArray::fromStringList(command)},
        {QStringLiteral("Labels"), QJsonObject{{QString::fromLatin1(kHelperLabel), purpose},
                                               {QString::fromLatin1(kHelperOwnerLabel), helperOwner()}}},
        {QStringLiteral("NetworkDisabled"), true},
    };
    // A host folder through Binds, which makes a missing one (Mounts refuses it: a restore into a
    // folder not there any more could not begin); Mounts where the path holds Binds' separator.
    if (mount.kind == DataMount::Kind::Bind && !mount.source.contains(QLatin1Char(':'))) {
        body.insert(QStringLiteral("HostConfig"),
                    QJsonObject{{QStringLiteral("Binds"),
                                 QJsonArray{QString(mount.source + QLatin1Char(':') + QString::fromLatin1(kHelperDataPath))}}});
    } else {
        body.insert(QStringLiteral("HostConfig"), QJsonObject{{QStringLiteral("Mounts"), QJsonArray{mountJson}}});
    }
    if (!command.isEmpty()) {
        // The command itself runs, not the image's entry point with it as arguments (a database
        // image's entry point would start the server, or initialise one in the volume). [""]
        // is the engine's way of saying "no entry point".
        body.insert(QStringLiteral("Entrypoint"), QJsonArray{QString()});
    }
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

// Polls the container until it has exited (POST /wait would hold an answer open longer than the
// engine timeout allows for silence): soon at first (most helpers are done in a fraction of a
// second: an unchanged volume's backup is mostly this wait), then every 200 ms.
void awaitExit(EngineClient *client, const QString &id, QObject *context,
               std::function<void(Result<QJsonObject>)> callback, int delayMs = 20)
{
    client->inspectContainer(id, context, [client, id, context, callback, delayMs](Result<QJsonObject> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        const QJsonObject state = r->value(QStringLiteral("State")).toObject();
        if (state.value(QStringLiteral("Running")).toBool()) {
            QTimer::singleShot(delayMs, context, [client, id, context, callback, delayMs] {
                awaitExit(client, id, context, callback, std::min(200, delayMs * 2));
            });
            return;
        }
        callback(state);
    });
}

// What an exited container wrote on stdout: its log, demultiplexed (no TTY).
void readStdout(EngineClient *client, const QString &id, QObject *context,
                std::function<void(Result<QByteArray>)> callback)
{
    HttpRequest request;
    request.target = "/containers/" + QUrl::toPercentEncoding(id) + "/logs?stdout=1";
    client->call(request, context, [callback](Result<EngineClient::Response> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        FrameDemuxer demuxer;
        QByteArray out;
        demuxer.feed(r->body, [&out](FrameDemuxer::Stream stream, QByteArrayView piece) {
            if (stream == FrameDemuxer::Stream::Stdout) {
                out += piece;
            }
        });
        callback(out);
    });
}

} // namespace

void createHelperContainer(EngineClient *client, const QString &image, const DataMount &mount,
                           const QString &purpose, QObject *context,
                           std::function<void(Result<QString>)> callback)
{
    // Never started; a command keeps images without CMD creatable.
    createContainer(client, image, mount, purpose, {QStringLiteral("true")}, context, std::move(callback));
}

void runHelperCommand(EngineClient *client, const QString &image, const DataMount &mount,
                      const QString &purpose, const QStringList &command, QObject *context,
                      std::function<void(Result<void>)> callback)
{
    runHelperCommandOutput(client, image, mount, purpose, command, context,
                           [callback](Result<QByteArray> r) {
                               if (!r) {
                                   callback(std::unexpected(r.error()));
                                   return;
                               }
                               callback({});
                           });
}

void runHelperCommandOutput(EngineClient *client, const QString &image, const DataMount &mount,
                            const QString &purpose, const QStringList &command, QObject *context,
                            std::function<void(Result<QByteArray>)> callback)
{
    createContainer(client, image, mount, purpose, command, context, [=](Result<QString> id) {
        if (!id) {
            callback(std::unexpected(id.error()));
            return;
        }
        const QString helper = *id;
        // A job cancelled (and deleted) while its helper runs takes the callbacks below with it:
        // the helper is removed all the same, on the client's side.
        const auto orphaned = std::make_shared<QMetaObject::Connection>(
            QObject::connect(context, &QObject::destroyed, client, [client, helper] {
                removeHelperContainer(client, helper, client, [](Result<void>) {});
            }));
        // Whatever happened, the helper goes; then the outcome.
        auto done = [client, helper, context, callback, orphaned](Result<QByteArray> outcome) {
            QObject::disconnect(*orphaned);
            removeHelperContainer(client, helper, context, [callback, outcome](Result<void>) { callback(outcome); });
        };
        client->startContainer(helper, context, [=](Result<void> started) {
            if (!started) {
                done(std::unexpected(started.error()));
                return;
            }
            awaitExit(client, helper, context, [=](Result<QJsonObject> state) {
                if (!state) {
                    done(std::unexpected(state.error()));
                    return;
                }
                const int code = state->value(QStringLiteral("ExitCode")).toInt(-1);
                if (code != 0) {
                    done(makeError(Error::Code::Io,
                                   QStringLiteral("`%1` in a helper container from %2 failed (exit code %3).")
                                       .arg(command.join(QLatin1Char(' ')), image)
                                       .arg(code)));
                    return;
                }
                readStdout(client, helper, context, done);
            });
        });
    });
}

void removeHelperContainer(EngineClient *client, const QString &id, QObject *context,
                           std::function<void(Result<void>)> callback)
{
    client->removeContainer(id, true, true, context, std::move(callback));
}

} // namespace DevDock::Core
