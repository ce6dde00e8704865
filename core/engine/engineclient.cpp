// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engineclient.h"

#include "enginelimits.h"
#include "framedemuxer.h"
#include "snippet.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QPointer>
#include <QUrl>

namespace DevDock::Core {

namespace {

constexpr int kMaxIdleConnections = 4;

QByteArray pct(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

// The engine answers stop and restart after the container stopped: up to `t` seconds on top of
// the usual response time (-1: the container's own stop timeout, which the client does not know;
// a minute covers what Compose files use).
HttpRequest waitingPost(QByteArray target, int timeoutSeconds)
{
    HttpRequest request{"POST", std::move(target)};
    request.headTimeoutMs = EngineLimits::fromEnvironment().responseTimeoutMs
                            + (timeoutSeconds >= 0 ? timeoutSeconds : 60) * 1000;
    return request;
}

// Wraps a callback so that it only runs while its context object lives.
template <typename T>
EngineClient::Callback<T> guarded(QObject *context, EngineClient::Callback<T> callback)
{
    if (!context) {
        return callback;
    }
    return [guard = QPointer<QObject>(context), callback = std::move(callback)](Result<T> r) {
        if (guard) {
            callback(std::move(r));
        }
    };
}

} // namespace

EngineClient::EngineClient(Endpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
{}

EngineClient::~EngineClient() = default;

Result<Endpoint> EngineClient::systemEndpoint(QStringList *warnings)
{
    return resolveEndpoint(EndpointEnvironment::fromSystem(), warnings);
}

QByteArray EngineClient::versioned(QByteArrayView pathAndQuery) const
{
    return "/v" + m_apiVersion.toLatin1() + pathAndQuery.toByteArray();
}

QByteArray EngineClient::encodeFilters(const QMap<QString, QStringList> &filters)
{
    QJsonObject object;
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        object.insert(it.key(), QJsonArray::fromStringList(it.value()));
    }
    return QUrl::toPercentEncoding(
        QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

Error EngineClient::apiError(int status, const QByteArray &body)
{
    // The engine's own words, without control characters: whatever answers may send escapes.
    QString message = withoutControls(
        QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString());
    if (message.isEmpty() && !body.trimmed().isEmpty()) {
        message = QStringLiteral("The Docker engine answered with HTTP status %1: %2")
                      .arg(status)
                      .arg(quotedSnippet(body.trimmed(), 200));
    }
    if (message.isEmpty()) {
        message = QStringLiteral("The Docker engine answered with HTTP status %1.").arg(status);
    }
    Error::Code code = Error::Code::Api;
    switch (status) {
    case 400:
        code = Error::Code::InvalidArgument;
        break;
    case 401:
    case 403:
        code = Error::Code::PermissionDenied;
        break;
    case 404:
        code = Error::Code::NotFound;
        break;
    case 409:
        code = Error::Code::Conflict;
        break;
    default:
        break;
    }
    return Error{code, message, {}};
}

HttpConnection *EngineClient::acquireConnection()
{
    while (!m_idle.isEmpty()) {
        HttpConnection *connection = m_idle.takeLast();
        if (connection->isReusable()) {
            return connection;
        }
        connection->deleteLater();
    }
    return new HttpConnection(m_endpoint, this);
}

void EngineClient::releaseConnection(HttpConnection *connection)
{
    if (connection->isReusable() && m_idle.size() < kMaxIdleConnections) {
        m_idle.append(connection);
    } else {
        connection->deleteLater();
    }
}

void EngineClient::send(const HttpRequest &request, Callback<Response> callback)
{
    HttpConnection *connection = acquireConnection();
    auto response = std::make_shared<Response>();
    HttpConnection::Handlers handlers;
    handlers.head = [response](const HttpResponseHead &head) { response->head = head; };
    handlers.body = [response](QByteArrayView bytes) { response->body.append(bytes); };
    handlers.done = [this, connection, response,
                     callback = std::move(callback)](const Result<void> &result) {
        // Release first: the callback may issue the next request on the same connection.
        QMetaObject::invokeMethod(
            this, [this, connection] { releaseConnection(connection); }, Qt::QueuedConnection);
        if (!result) {
            callback(std::unexpected(result.error()));
            return;
        }
        callback(std::move(*response));
    };
    connection->send(request, std::move(handlers));
}

void EngineClient::ping(QObject *context, Callback<PingInfo> callback)
{
    HttpRequest request;
    request.target = "/_ping";
    send(request, guarded<Response>(context, [this, callback](Result<Response> r) {
             if (!r) {
                 callback(std::unexpected(r.error()));
                 return;
             }
             // Every answer of the engine carries Api-Version, errors too; a web server or a
             // proxy that is not the engine does not.
             const QByteArray apiVersion = r->head.header("Api-Version");
             if (apiVersion.isEmpty()) {
                 callback(std::unexpected(notDockerError(
                     m_endpoint,
                     QStringLiteral("GET /_ping answered HTTP %1 without an Api-Version header%2")
                         .arg(r->head.statusCode)
                         .arg(r->body.isEmpty()
                                  ? QString()
                                  : QStringLiteral(" (%1)").arg(quotedSnippet(r->body))))));
                 return;
             }
             if (r->head.statusCode >= 400) {
                 callback(std::unexpected(apiError(r->head.statusCode, r->body)));
                 return;
             }
             PingInfo info;
             info.apiVersion = withoutControls(QString::fromLatin1(apiVersion), 20);
             info.osType = withoutControls(QString::fromLatin1(r->head.header("Ostype")), 20);
             callback(info);
         }));
}

void EngineClient::negotiate(QObject *context, Callback<QString> callback)
{
    auto cb = guarded<QString>(context, std::move(callback));
    if (!m_apiVersion.isEmpty()) {
        cb(m_apiVersion);
        return;
    }
    m_waitingForVersion.append([cb](const Result<QString> &r) { cb(r); });
    if (m_negotiating) {
        return;
    }
    m_negotiating = true;
    ping(this, [this](Result<PingInfo> r) {
        m_negotiating = false;
        Result<QString> version =
            r ? Result<QString>(r->apiVersion) : Result<QString>(std::unexpected(r.error()));
        if (version) {
            m_apiVersion = *version;
            qCDebug(lcEngine) << "negotiated API version" << m_apiVersion << "with"
                              << m_endpoint.uri;
        }
        const auto waiting = std::exchange(m_waitingForVersion, {});
        for (const auto &w : waiting) {
            w(version);
        }
    });
}

void EngineClient::call(HttpRequest request, QObject *context, Callback<Response> callback)
{
    auto cb = guarded<Response>(context, std::move(callback));
    negotiate(this, [this, request = std::move(request), cb](Result<QString> v) mutable {
        if (!v) {
            cb(std::unexpected(v.error()));
            return;
        }
        request.target = versioned(request.target);
        send(request, [cb](Result<Response> r) {
            if (r && r->head.statusCode >= 400) {
                cb(std::unexpected(apiError(r->head.statusCode, r->body)));
                return;
            }
            cb(std::move(r));
        });
    });
}

void EngineClient::callJson(HttpRequest request, QObject *context, Callback<QJsonDocument> callback)
{
    call(std::move(request), context, [callback](Result<Response> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        QJsonParseError error{};
        QJsonDocument doc = QJsonDocument::fromJson(r->body, &error);
        if (error.error != QJsonParseError::NoError) {
            callback(makeError(
                Error::Code::Protocol,
                QStringLiteral("The Docker engine sent invalid JSON (%1 at byte %2): %3")
                    .arg(error.errorString())
                    .arg(error.offset)
                    .arg(quotedSnippet(r->body)),
                QStringLiteral("Check that DOCKER_HOST or the docker context point at a Docker "
                               "engine, not a proxy that rewrites its answers.")));
            return;
        }
        callback(std::move(doc));
    });
}

template<typename T>
void EngineClient::callList(const QByteArray &target, const QString &arrayKey, QObject *context,
                            Callback<QList<T>> callback)
{
    callJson({"GET", target}, context, [arrayKey, callback](Result<QJsonDocument> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        const QJsonArray array =
            arrayKey.isEmpty() ? r->array() : r->object().value(arrayKey).toArray();
        QList<T> list;
        list.reserve(array.size());
        for (const QJsonValue &v : array) {
            list.append(T::fromJson(v.toObject()));
        }
        callback(std::move(list));
    });
}

void EngineClient::callVoid(HttpRequest request, QObject *context, Callback<void> callback)
{
    call(std::move(request), context, [callback](Result<Response> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        callback({});
    });
}

void EngineClient::version(QObject *context, Callback<VersionInfo> callback)
{
    callJson({"GET", "/version"}, context, [callback](Result<QJsonDocument> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        callback(VersionInfo::fromJson(r->object()));
    });
}

void EngineClient::info(QObject *context, Callback<EngineInfo> callback)
{
    callJson({"GET", "/info"}, context, [callback](Result<QJsonDocument> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        callback(EngineInfo::fromJson(r->object()));
    });
}

void EngineClient::listContainers(const ContainerListOptions &options, QObject *context,
                                  Callback<QList<ContainerSummary>> callback)
{
    QByteArray target = "/containers/json?all=" + QByteArray(options.all ? "1" : "0");
    if (!options.filters.isEmpty()) {
        target += "&filters=" + encodeFilters(options.filters);
    }
    callList<ContainerSummary>(target, {}, context, std::move(callback));
}

void EngineClient::inspectContainer(const QString &idOrName, QObject *context,
                                    Callback<QJsonObject> callback)
{
    callJson({"GET", "/containers/" + pct(idOrName) + "/json"}, context,
             [callback](Result<QJsonDocument> r) {
                 if (!r) {
                     callback(std::unexpected(r.error()));
                     return;
                 }
                 callback(r->object());
             });
}

void EngineClient::startContainer(const QString &id, QObject *context, Callback<void> callback)
{
    // 304 (already started) is a success: the container runs, as asked.
    callVoid({"POST", "/containers/" + pct(id) + "/start"}, context, std::move(callback));
}

void EngineClient::stopContainer(const QString &id, int timeoutSeconds, QObject *context,
                                 Callback<void> callback)
{
    QByteArray target = "/containers/" + pct(id) + "/stop";
    if (timeoutSeconds >= 0) {
        target += "?t=" + QByteArray::number(timeoutSeconds);
    }
    callVoid(waitingPost(target, timeoutSeconds), context, std::move(callback));
}

void EngineClient::restartContainer(const QString &id, int timeoutSeconds, QObject *context,
                                    Callback<void> callback)
{
    QByteArray target = "/containers/" + pct(id) + "/restart";
    if (timeoutSeconds >= 0) {
        target += "?t=" + QByteArray::number(timeoutSeconds);
    }
    callVoid(waitingPost(target, timeoutSeconds), context, std::move(callback));
}

void EngineClient::killContainer(const QString &id, const QString &signal, QObject *context,
                                 Callback<void> callback)
{
    QByteArray target = "/containers/" + pct(id) + "/kill";
    if (!signal.isEmpty()) {
        target += "?signal=" + pct(signal);
    }
    callVoid({"POST", target}, context, std::move(callback));
}

void EngineClient::removeContainer(const QString &id, bool force, bool removeVolumes,
                                   QObject *context, Callback<void> callback)
{
    callVoid({"DELETE", "/containers/" + pct(id) + "?force=" + (force ? "1" : "0")
                            + "&v=" + (removeVolumes ? "1" : "0")},
             context, std::move(callback));
}

void EngineClient::listImages(QObject *context, Callback<QList<ImageSummary>> callback)
{
    callList<ImageSummary>("/images/json", {}, context, std::move(callback));
}

void EngineClient::listNetworks(QObject *context, Callback<QList<NetworkSummary>> callback)
{
    callList<NetworkSummary>("/networks", {}, context, std::move(callback));
}

void EngineClient::listVolumes(QObject *context, Callback<QList<VolumeSummary>> callback)
{
    callList<VolumeSummary>("/volumes", QStringLiteral("Volumes"), context, std::move(callback));
}

void EngineClient::createExec(const QString &container, const ExecOptions &options,
                              QObject *context, Callback<QString> callback)
{
    QJsonObject body{{QStringLiteral("AttachStdin"), false},
                     {QStringLiteral("AttachStdout"), true},
                     {QStringLiteral("AttachStderr"), true},
                     {QStringLiteral("Tty"), options.tty},
                     {QStringLiteral("Cmd"), QJsonArray::fromStringList(options.command)}};
    if (!options.env.isEmpty()) {
        body.insert(QStringLiteral("Env"), QJsonArray::fromStringList(options.env));
    }
    if (!options.workingDir.isEmpty()) {
        body.insert(QStringLiteral("WorkingDir"), options.workingDir);
    }
    if (!options.user.isEmpty()) {
        body.insert(QStringLiteral("User"), options.user);
    }
    HttpRequest request{"POST", "/containers/" + pct(container) + "/exec", "application/json",
                        QJsonDocument(body).toJson(QJsonDocument::Compact)};
    callJson(request, context, [callback](Result<QJsonDocument> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        callback(r->object().value(QStringLiteral("Id")).toString());
    });
}

void EngineClient::startExec(const QString &execId, bool tty, QObject *context,
                             Callback<ExecResult> callback)
{
    auto cb = guarded<ExecResult>(context, std::move(callback));
    negotiate(this, [this, execId, tty, cb](Result<QString> v) {
        if (!v) {
            cb(std::unexpected(v.error()));
            return;
        }
        // The engine hijacks this connection for the exec's output and closes it at the end, so
        // it gets a connection of its own.
        auto *connection = new HttpConnection(m_endpoint, this);
        auto result = std::make_shared<ExecResult>();
        auto demuxer = std::make_shared<FrameDemuxer>();
        auto status = std::make_shared<int>(0);
        auto errorBody = std::make_shared<QByteArray>();
        HttpConnection::Handlers handlers;
        handlers.head = [status](const HttpResponseHead &head) { *status = head.statusCode; };
        handlers.body = [=](QByteArrayView bytes) {
            if (*status >= 400) {
                errorBody->append(bytes);
            } else if (tty) {
                result->stdoutData.append(bytes);
            } else {
                demuxer->feed(bytes, [&](FrameDemuxer::Stream s, QByteArrayView payload) {
                    if (s == FrameDemuxer::Stream::Stderr) {
                        result->stderrData.append(payload);
                    } else if (s == FrameDemuxer::Stream::Stdout) {
                        result->stdoutData.append(payload);
                    }
                });
            }
        };
        handlers.done = [=](const Result<void> &r) {
            connection->deleteLater();
            if (!r) {
                cb(std::unexpected(r.error()));
            } else if (*status >= 400) {
                cb(std::unexpected(apiError(*status, *errorBody)));
            } else if (demuxer->hasError()) {
                cb(makeError(Error::Code::Protocol, demuxer->errorString()));
            } else {
                cb(std::move(*result));
            }
        };
        const QJsonObject body{{QStringLiteral("Detach"), false}, {QStringLiteral("Tty"), tty}};
        HttpRequest request{"POST", versioned(QByteArray("/exec/" + pct(execId) + "/start")),
                            "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact)};
        // The command may be silent for long (a dump that computes); its output is buffered, so
        // the body cap stays.
        request.idleTimeoutMs = HttpRequest::None;
        connection->send(request, std::move(handlers));
    });
}

void EngineClient::inspectExec(const QString &execId, QObject *context,
                               Callback<QJsonObject> callback)
{
    callJson({"GET", "/exec/" + pct(execId) + "/json"}, context,
             [callback](Result<QJsonDocument> r) {
                 if (!r) {
                     callback(std::unexpected(r.error()));
                     return;
                 }
                 callback(r->object());
             });
}

void EngineClient::exec(const QString &container, const ExecOptions &options, QObject *context,
                        Callback<ExecResult> callback)
{
    auto cb = guarded<ExecResult>(context, std::move(callback));
    createExec(container, options, this, [this, options, cb](Result<QString> id) {
        if (!id) {
            cb(std::unexpected(id.error()));
            return;
        }
        startExec(*id, options.tty, this, [this, execId = *id, cb](Result<ExecResult> out) {
            if (!out) {
                cb(std::move(out));
                return;
            }
            inspectExec(execId, this, [cb, out = std::move(*out)](Result<QJsonObject> r) mutable {
                if (!r) {
                    cb(std::unexpected(r.error()));
                    return;
                }
                out.exitCode = r->value(QStringLiteral("ExitCode")).toInt(-1);
                cb(std::move(out));
            });
        });
    });
}

void EngineClient::uploadArchive(const QString &container, const QString &path,
                                 const QByteArray &tar, QObject *context, Callback<void> callback)
{
    callVoid({"PUT", "/containers/" + pct(container) + "/archive?path=" + pct(path),
              "application/x-tar", tar},
             context, std::move(callback));
}

} // namespace DevDock::Core
