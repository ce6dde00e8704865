// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpconnection.h"

#include "enginelimits.h"
#include "transport.h"
#include "util/logging.h"

#include <QPointer>

namespace DevDock::Core {

namespace {

// ssh connects after the process started: its own ConnectTimeout (Endpoint::sshCommand) comes on
// top of the response timeout for the first request of a connection.
constexpr int SshConnectAllowanceMs = 30000;

} // namespace

Error notDockerError(const Endpoint &endpoint, const QString &what)
{
    return Error{Error::Code::Protocol,
                 QStringLiteral("%1 does not speak the Docker Engine API: %2.")
                     .arg(endpoint.uri, what),
                 QStringLiteral("Check DOCKER_HOST and the docker context (docker context ls, "
                                "DOCKER_CONTEXT): they point DevDock at %1, which is not a Docker "
                                "engine.")
                     .arg(endpoint.uri)};
}

HttpConnection::HttpConnection(Endpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
}

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
    for (const auto &[name, value] : request.headers) {
        bytes += name + ": " + value + "\r\n";
    }
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
    const EngineLimits limits = EngineLimits::fromEnvironment();
    auto pick = [](qint64 value, qint64 fallback) {
        return value == HttpRequest::Default ? fallback : std::max<qint64>(0, value);
    };
    m_headTimeoutMs = int(pick(request.headTimeoutMs, limits.responseTimeoutMs));
    m_idleTimeoutMs = int(pick(request.idleTimeoutMs, limits.responseTimeoutMs));
    m_maxBodyBytes = pick(request.maxBodyBytes, limits.maxBodyBytes);
    openAndSend();
}

QString HttpConnection::requestText() const
{
    const qsizetype query = m_request.target.indexOf('?');
    return QString::fromLatin1(m_request.method + ' '
                               + (query < 0 ? m_request.target : m_request.target.left(query)));
}

void HttpConnection::writeRequest()
{
    m_transport->write(m_bytes);
    m_phase = Phase::Head;
    if (m_headTimeoutMs > 0) {
        const bool sshHandshake = !m_reused && m_endpoint.kind == Endpoint::Kind::Ssh;
        m_timer.start(m_headTimeoutMs + (sshHandshake ? SshConnectAllowanceMs : 0));
    }
}

void HttpConnection::onTimeout()
{
    if (!m_busy) {
        return;
    }
    Error error;
    error.code = Error::Code::Timeout;
    if (m_phase == Phase::Body) {
        error.message =
            QStringLiteral("The Docker engine sent nothing for %1 at %2 in the middle of its "
                           "answer to %3.")
                .arg(secondsText(m_idleTimeoutMs), m_endpoint.uri, requestText());
    } else {
        error.message = QStringLiteral("The Docker engine did not answer within %1 at %2 (%3).")
                            .arg(secondsText(m_headTimeoutMs), m_endpoint.uri, requestText());
    }
    error.hint = QStringLiteral("The endpoint accepted the connection but did not answer: check "
                                "that the engine is healthy (docker info) and that DOCKER_HOST or "
                                "the docker context point at a Docker engine. "
                                "DEVDOCK_ENGINE_TIMEOUT sets the limit (seconds).");
    failRequest(error);
}

void HttpConnection::failRequest(Error error)
{
    qCInfo(lcEngine).noquote() << error.message;
    m_keepAlive = false; // the connection is out of step with the request: never reuse it
    complete(std::unexpected(std::move(error)));
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
    m_overCap = false;
    m_phase = Phase::None;
    m_timer.stop();
    m_parser.reset();
    m_parser.setExpectNoBody(m_request.noResponseBody);
    m_parser.setCallbacks({
        [this](const HttpResponseHead &head) {
            m_phase = Phase::Body;
            if (head.statusCode >= 400 && (m_maxBodyBytes == 0
                                           || m_maxBodyBytes > EngineLimits::MaxErrorBodyBytes)) {
                m_maxBodyBytes = EngineLimits::MaxErrorBodyBytes;
            }
            // An announced length over the cap fails at once, before a byte of it is read (a
            // response without a body, such as HEAD's, may announce what it did not send).
            bool ok = false;
            const qint64 length = head.header("Content-Length").toLongLong(&ok);
            if (m_maxBodyBytes > 0 && ok && length > m_maxBodyBytes && !m_parser.isComplete()) {
                m_overCap = true;
                return;
            }
            if (m_idleTimeoutMs > 0) {
                m_timer.start(m_idleTimeoutMs);
            } else {
                m_timer.stop();
            }
            if (m_handlers.head) {
                m_handlers.head(head);
            }
        },
        [this](QByteArrayView body) {
            if (m_overCap) {
                return;
            }
            if (m_maxBodyBytes > 0 && m_parser.bodyBytes() > m_maxBodyBytes) {
                m_overCap = true; // onReadyRead ends the request once the parser returns
                return;
            }
            if (m_handlers.body) {
                m_handlers.body(body);
            }
        },
    });
    const QByteArray host =
        m_endpoint.kind == Endpoint::Kind::Tcp ? m_endpoint.host.toUtf8() : QByteArray("docker");
    m_bytes = serialize(m_request, host);
    if (m_transport && m_transport->isOpen() && m_keepAlive) {
        m_reused = true;
        writeRequest();
        return;
    }
    resetTransport();
    m_reused = false;
    m_transport = new Transport(m_endpoint, this);
    m_transport->setConnectTimeout(EngineLimits::fromEnvironment().connectTimeoutMs);
    connect(m_transport, &Transport::opened, this, &HttpConnection::writeRequest);
    connect(m_transport, &Transport::bytesWritten, this, [this] {
        // A large upload (an archive over ssh) is progress too: the head's wait starts over.
        if (m_busy && m_phase == Phase::Head && m_timer.isActive()) {
            m_timer.start();
        }
    });
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
    if (m_overCap) {
        failRequest(Error{
            Error::Code::Protocol,
            QStringLiteral("The answer of %1 to %2 is larger than %3 MiB: DevDock reads at most "
                           "that much and closed the connection.")
                .arg(m_endpoint.uri, requestText())
                .arg(double(m_maxBodyBytes) / (1 << 20), 0, 'g', 4),
            QStringLiteral("A Docker engine does not answer with that much here: check that "
                           "DOCKER_HOST or the docker context point at a Docker engine. "
                           "DEVDOCK_ENGINE_MAX_BODY_MB raises the limit.")});
        return;
    }
    switch (status) {
    case HttpResponseParser::Status::NeedMore:
        if (m_phase == Phase::Body && m_idleTimeoutMs > 0) {
            m_timer.start(m_idleTimeoutMs);
        }
        break;
    case HttpResponseParser::Status::Complete:
        m_keepAlive = m_parser.keepAlive() && consumed == data.size();
        complete({});
        break;
    case HttpResponseParser::Status::Error:
        if (!m_parser.headComplete()) {
            // Not even an HTTP head: whatever listens there is no Docker engine.
            QString why = m_parser.errorString();
            if (!why.isEmpty()) {
                why[0] = why[0].toLower();
            }
            failRequest(notDockerError(
                m_endpoint,
                QStringLiteral("its answer to %1 is not HTTP (%2)").arg(requestText(), why)));
            break;
        }
        failRequest(Error{Error::Code::Protocol,
                          QStringLiteral("Unexpected response from the Docker engine at %1 to "
                                         "%2: %3")
                              .arg(m_endpoint.uri, requestText(), m_parser.errorString()),
                          QStringLiteral("Check that DOCKER_HOST or the docker context point at "
                                         "a Docker engine, not a proxy that rewrites its "
                                         "answers.")});
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
    m_timer.stop();
    m_phase = Phase::None;
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
    m_timer.stop();
    m_phase = Phase::None;
    m_busy = false;
    m_handlers = {};
    m_keepAlive = false;
    resetTransport();
}

} // namespace DevDock::Core
