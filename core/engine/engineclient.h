// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoint.h"
#include "enginetypes.h"
#include "httpconnection.h"
#include "util/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>

namespace DevDock::Core {

// DevDock's asynchronous client for the Docker Engine API. Every call returns at once; its
// callback runs later on the client's thread with a Result. A callback bound to a context object
// is dropped when that object is gone (the guard), so a closed window never receives a stale
// answer. The API version is negotiated with /_ping before the first versioned call; nothing is
// hard-coded.
class EngineClient final : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    struct Response
    {
        HttpResponseHead head;
        QByteArray body;
    };

    explicit EngineClient(Endpoint endpoint, QObject *parent = nullptr);
    ~EngineClient() override;

    // The endpoint of the environment as the docker CLI resolves it. What was ignored on the way
    // (an unreadable config.json) lands in `warnings`, for the caller to print or log.
    static Result<Endpoint> systemEndpoint(QStringList *warnings = nullptr);

    const Endpoint &endpoint() const { return m_endpoint; }
    // Negotiated API version ("1.41"), empty until the first successful ping.
    QString apiVersion() const { return m_apiVersion; }
    // "/v1.41" + path; only valid once negotiated.
    QByteArray versioned(QByteArrayView pathAndQuery) const;

    void ping(QObject *context, Callback<PingInfo> callback);
    void negotiate(QObject *context, Callback<QString> callback);
    // A raw versioned API call; statuses >= 400 become Errors with the engine's message.
    void call(HttpRequest request, QObject *context, Callback<Response> callback);

    void version(QObject *context, Callback<VersionInfo> callback);
    void info(QObject *context, Callback<EngineInfo> callback);
    void listContainers(const ContainerListOptions &options, QObject *context,
                        Callback<QList<ContainerSummary>> callback);
    void inspectContainer(const QString &idOrName, QObject *context,
                          Callback<QJsonObject> callback);
    void startContainer(const QString &id, QObject *context, Callback<void> callback);
    void stopContainer(const QString &id, int timeoutSeconds, QObject *context,
                       Callback<void> callback);
    void restartContainer(const QString &id, int timeoutSeconds, QObject *context,
                          Callback<void> callback);
    void killContainer(const QString &id, const QString &signal, QObject *context,
                       Callback<void> callback);
    void removeContainer(const QString &id, bool force, bool removeVolumes, QObject *context,
                         Callback<void> callback);
    void listImages(QObject *context, Callback<QList<ImageSummary>> callback);
    void listNetworks(QObject *context, Callback<QList<NetworkSummary>> callback);
    void listVolumes(QObject *context, Callback<QList<VolumeSummary>> callback);

    void createExec(const QString &container, const ExecOptions &options, QObject *context,
                    Callback<QString> callback);
    // Runs a created exec attached and collects its output (until the process ends).
    void startExec(const QString &execId, bool tty, QObject *context,
                   Callback<ExecResult> callback);
    void inspectExec(const QString &execId, QObject *context, Callback<QJsonObject> callback);
    // create + start + inspect: output and exit code of a command in a running container.
    void exec(const QString &container, const ExecOptions &options, QObject *context,
              Callback<ExecResult> callback);

    // PUT /containers/{id}/archive: extracts a tar archive at `path` inside the container.
    void uploadArchive(const QString &container, const QString &path, const QByteArray &tar,
                       QObject *context, Callback<void> callback);

    // Errors from a non-2xx response, with the engine's own message.
    static Error apiError(int status, const QByteArray &body);
    static QByteArray encodeFilters(const QMap<QString, QStringList> &filters);

private:
    HttpConnection *acquireConnection();
    void releaseConnection(HttpConnection *connection);
    void send(const HttpRequest &request, Callback<Response> callback);
    void callJson(HttpRequest request, QObject *context, Callback<QJsonDocument> callback);
    void callVoid(HttpRequest request, QObject *context, Callback<void> callback);
    // GET a JSON array (or the array under `arrayKey`) of T::fromJson objects.
    template<typename T>
    void callList(const QByteArray &target, const QString &arrayKey, QObject *context,
                  Callback<QList<T>> callback);

    Endpoint m_endpoint;
    QString m_apiVersion;
    QList<HttpConnection *> m_idle;
    QList<std::function<void(const Result<QString> &)>> m_waitingForVersion;
    bool m_negotiating = false;
};

} // namespace DevDock::Core
