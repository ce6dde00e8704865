// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoint.h"
#include "httpresponseparser.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>

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
};

// One HTTP/1.1 connection to the engine carrying one request at a time. Kept open between
// requests when the engine allows it (keep-alive). A request that fails before any byte of its
// response arrived on a reused connection is retried once on a fresh one: the engine may have
// closed the idle connection at the same moment.
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
};

} // namespace DevDock::Core
