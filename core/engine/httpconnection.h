// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoint.h"
#include "httpresponseparser.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <functional>

namespace DevDock::Core {

class Transport;

struct HttpRequest
{
    QByteArray method = "GET";
    QByteArray target;      // path and query, e.g. /v1.41/containers/json?all=1
    QByteArray contentType; // set when there is a body
    QByteArray body;
    bool noResponseBody = false; // HEAD
    // Extra header lines, e.g. the upgrade request of a hijacked exec connection.
    QList<std::pair<QByteArray, QByteArray>> headers;

    // Limits (EngineLimits): Default takes the configured value, None switches a limit off.
    static constexpr int Default = -1;
    static constexpr int None = 0;
    // From the request written (or the last of it leaving) to the end of the response head.
    int headTimeoutMs = Default;
    // The longest silence inside the body. Streams that may be quiet for long use None.
    int idleTimeoutMs = Default;
    // Bytes of body at most (a buffered answer); None for a stream that is handed on as it
    // arrives. An error response's body (status >= 400) is capped in any case.
    qint64 maxBodyBytes = Default;
};

// One HTTP/1.1 connection to the engine carrying one request at a time. Kept open between
// requests when the engine allows it (keep-alive). A request that fails before any byte of its
// response arrived on a reused connection is retried once on a fresh one: the engine may have
// closed the idle connection at the same moment. Every request has a connect timeout, a response
// head timeout and (unless it is a quiet stream) an idle timeout, and a buffered body has a cap:
// each ends the request with an error that names the endpoint, and closes the connection.
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    struct Handlers
    {
        std::function<void(const HttpResponseHead &)> head;
        std::function<void(QByteArrayView)> body;
        std::function<void(const Result<void> &)> done; // exactly once per send(), unless aborted
    };

    explicit HttpConnection(Endpoint endpoint, QObject *parent = nullptr);
    ~HttpConnection() override;

    void send(const HttpRequest &request, Handlers handlers);
    // Drops the current request (its done handler is not called) and closes the connection.
    void abort();

    bool isBusy() const { return m_busy; }
    bool isReusable() const;

    static QByteArray serialize(const HttpRequest &request, const QByteArray &hostHeader);

signals:
    void becameIdle();

private:
    void openAndSend();
    void onReadyRead();
    void onClosed();
    void onFailed(const Error &error);
    void complete(const Result<void> &result);
    void resetTransport();
    void writeRequest();
    void onTimeout();
    void failRequest(Error error);
    // "GET /v1.41/info": the request as messages name it (without the query).
    QString requestText() const;

    enum class Phase { None, Head, Body };

    Endpoint m_endpoint;
    Transport *m_transport = nullptr;
    HttpResponseParser m_parser;
    HttpRequest m_request;
    Handlers m_handlers;
    bool m_busy = false;
    bool m_reused = false;
    bool m_retried = false;
    bool m_receivedAny = false;
    bool m_keepAlive = false;
    QByteArray m_bytes; // the serialized request
    QTimer m_timer;
    Phase m_phase = Phase::None;
    int m_headTimeoutMs = 0;
    int m_idleTimeoutMs = 0;
    qint64 m_maxBodyBytes = 0; // 0: no cap
    bool m_overCap = false;
};

// The error for an endpoint whose answer is not Docker's: what it sent, quoted safely, and
// where DevDock was told to look.
Error notDockerError(const Endpoint &endpoint, const QString &what);

} // namespace DevDock::Core
