// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpconnection.h"

#include "transport.h"
#include "util/logging.h"

#include <QPointer>

namespace DevDock::Core {

HttpConnection::HttpConnection(Endpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
{}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isReusable() const
{
    return !m_busy && m_keepAlive && m_transport && m_transport->isOpen();
}

QByteArray HttpConnection::serialize(const HttpRequest &request, const QByteArray &hostHeader)
{
    QByteArray bytes;
    bytes.reserve(256 + request.body.size());
    bytes += request.method + ' ' + request.target + " HTTP/1.1\r\nHost: " + hostHeader
             + "\r\nUser-Agent: DevDock/0.1\r\n";
    if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT") {
        if (!request.contentType.isEmpty()) {
            bytes += "Content-Type: " + request.contentType + "\r\n";
        }
        bytes += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    }
    bytes += "\r\n";
    bytes += request.body;
    return bytes;
}

void HttpConnection::send(const HttpRequest &request, Handlers handlers)
{
    if (m_busy) {
        qCCritical(lcEngine) << "HttpConnection::send while busy";
        if (handlers.done) {
            handlers.done(makeError(Error::Code::Unknown, QStringLiteral("Internal error: "
                                                                         "connection busy")));
        }
        return;
    }
    m_request = request;
    m_handlers = std::move(handlers);
    m_busy = true;
    m_retried = false;
    openAndSend();
}

void HttpConnection::resetTransport()
{
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->close();
        m_transport->deleteLater();
        m_transport = nullptr;
    }
}

void HttpConnection::openAndSend()
{
    m_receivedAny = false;
    m_parser.reset();
    m_parser.setExpectNoBody(m_request.noResponseBody);
    m_parser.setCallbacks({
        [this](const HttpResponseHead &head) {
            if (m_handlers.head) {
                m_handlers.head(head);
            }
        },
        [this](QByteArrayView body) {
            if (m_handlers.body) {
                m_handlers.body(body);
            }
        },
    });
    const QByteArray host =
        m_endpoint.kind == Endpoint::Kind::Tcp ? m_endpoint.host.toUtf8() : QByteArray("docker");
    const QByteArray bytes = serialize(m_request, host);
    if (m_transport && m_transport->isOpen() && m_keepAlive) {
        m_reused = true;
        m_transport->write(bytes);
        return;
    }
    resetTransport();
    m_reused = false;
    m_transport = new Transport(m_endpoint, this);
    connect(m_transport, &Transport::opened, this, [this, bytes] { m_transport->write(bytes); });
    connect(m_transport, &Transport::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_transport, &Transport::closed, this, &HttpConnection::onClosed);
    connect(m_transport, &Transport::failed, this, &HttpConnection::onFailed);
    m_transport->open();
}

void HttpConnection::onReadyRead()
{
    if (!m_transport) {
        return;
    }
    const QByteArray data = m_transport->readAll();
    if (data.isEmpty()) {
        return;
    }
    if (!m_busy) {
        // Bytes nobody asked for: the connection is out of step; do not reuse it.
        m_keepAlive = false;
        resetTransport();
        return;
    }
    m_receivedAny = true;
    QPointer<HttpConnection> guard(this);
    qsizetype consumed = 0;
    const auto status = m_parser.feed(data, &consumed);
    if (!guard || !m_busy) {
        return; // a handler aborted or deleted us
    }
    switch (status) {
    case HttpResponseParser::Status::NeedMore:
        break;
    case HttpResponseParser::Status::Complete:
        m_keepAlive = m_parser.keepAlive() && consumed == data.size();
        complete({});
        break;
    case HttpResponseParser::Status::Error:
        m_keepAlive = false;
        complete(makeError(Error::Code::Protocol,
                           QStringLiteral("Unexpected response from the Docker engine at %1: %2")
                               .arg(m_endpoint.uri, m_parser.errorString())));
        break;
    }
}

void HttpConnection::onClosed()
{
    // Bytes that arrived together with the close are still readable.
    if (m_transport && m_busy) {
        onReadyRead();
    }
    m_keepAlive = false;
    if (!m_busy) {
        resetTransport();
        return;
    }
    if (m_reused && !m_receivedAny && !m_retried) {
        m_retried = true;
        resetTransport();
        openAndSend();
        return;
    }
    QPointer<HttpConnection> guard(this);
    const auto status = m_parser.finish();
    if (!guard || !m_busy) {
        return;
    }
    if (status == HttpResponseParser::Status::Complete) {
        complete({});
    } else {
        complete(makeError(Error::Code::EngineUnreachable,
                           QStringLiteral("The Docker engine at %1 closed the connection: %2")
                               .arg(m_endpoint.uri, m_parser.errorString()),
                           QStringLiteral("The engine may have restarted; try again.")));
    }
}

void HttpConnection::onFailed(const Error &error)
{
    m_keepAlive = false;
    if (m_busy && m_reused && !m_receivedAny && !m_retried) {
        m_retried = true;
        resetTransport();
        openAndSend();
        return;
    }
    resetTransport();
    if (m_busy) {
        complete(std::unexpected(error));
    }
}

void HttpConnection::complete(const Result<void> &result)
{
    m_busy = false;
    auto done = std::move(m_handlers.done);
    m_handlers = {};
    if (!m_keepAlive) {
        resetTransport();
    }
    QPointer<HttpConnection> guard(this);
    if (done) {
        done(result);
    }
    if (guard && !m_busy && isReusable()) {
        emit becameIdle();
    }
}

void HttpConnection::abort()
{
    m_busy = false;
    m_handlers = {};
    m_keepAlive = false;
    resetTransport();
}

} // namespace DevDock::Core
