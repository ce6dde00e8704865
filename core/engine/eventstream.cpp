// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventstream.h"

#include "engineclient.h"
#include "httpconnection.h"
#include "timestamp.h"
#include "util/logging.h"

#include <QJsonDocument>
#include <QUrl>

namespace DevDock::Core {

EventStream::EventStream(EngineClient *client, QMap<QString, QStringList> filters, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_filters(std::move(filters))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventStream::connectNow);
}

EventStream::~EventStream()
{
    stop();
}

void EventStream::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = initialMs;
    m_maxBackoffMs = maxMs;
    m_backoffMs = initialMs;
}

void EventStream::start()
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_backoffMs = m_initialBackoffMs;
    connectNow();
}

void EventStream::stop()
{
    m_running = false;
    m_connected = false;
    m_retryTimer.stop();
    if (m_connection) {
        m_connection->abort();
        m_connection->deleteLater();
        m_connection = nullptr;
    }
}

void EventStream::connectNow()
{
    if (!m_running || !m_client) {
        return;
    }
    m_client->negotiate(this, [this](Result<QString> version) {
        if (!m_running) {
            return;
        }
        if (!version) {
            onBroken(version.error());
            return;
        }
        QByteArray target = "/events";
        QList<QByteArray> query;
        if (!m_filters.isEmpty()) {
            query << "filters=" + EngineClient::encodeFilters(m_filters);
        }
        if (m_lastTimeNano > 0) {
            // Resume just after the last event we delivered.
            const qint64 next = m_lastTimeNano + 1;
            query << "since=" + QByteArray::number(next / 1000000000LL) + '.'
                         + QByteArray::number(next % 1000000000LL).rightJustified(9, '0');
        }
        // A user's --since applies to the first connection only; reconnects resume from above.
        const QString since = m_lastTimeNano > 0 ? QString() : m_initialSince;
        for (const auto &[key, value] :
             {std::pair{"since=", since}, std::pair{"until=", m_until}}) {
            if (value.isEmpty()) {
                continue;
            }
            const auto timestamp = toEngineTimestamp(value);
            if (!timestamp) {
                m_running = false;
                emit finished(std::unexpected(timestamp.error()));
                return;
            }
            query << key + timestamp->toLatin1();
        }
        if (!query.isEmpty()) {
            target += '?' + query.join('&');
        }
        m_status = 0;
        m_errorBody.clear();
        m_lines.reset();
        if (m_connection) {
            m_connection->abort();
            m_connection->deleteLater();
        }
        m_connection = new HttpConnection(m_client->endpoint(), this);
        HttpConnection::Handlers handlers;
        handlers.head = [this](const HttpResponseHead &head) {
            m_status = head.statusCode;
            if (m_status >= 400) {
                return;
            }
            m_connected = true;
            m_backoffMs = m_initialBackoffMs;
            const bool wasReconnect = m_everConnected;
            m_everConnected = true;
            emit connected();
            if (wasReconnect) {
                ++m_reconnects;
                emit resyncNeeded();
            }
        };
        handlers.body = [this](QByteArrayView bytes) {
            if (m_status >= 400) {
                m_errorBody.append(bytes);
                return;
            }
            const bool ok = m_lines.feed(bytes, [this](QByteArrayView line) {
                if (line.trimmed().isEmpty()) {
                    return;
                }
                const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray());
                if (!doc.isObject()) {
                    qCWarning(lcEngine) << "ignoring a malformed event line";
                    return;
                }
                EngineEvent event = EngineEvent::fromJson(doc.object());
                m_lastTimeNano = std::max(m_lastTimeNano, event.timeNano);
                emit eventReceived(event);
            });
            if (!ok) {
                qCWarning(lcEngine) << "event line too long; dropping it";
                m_lines.reset();
            }
        };
        handlers.done = [this](const Result<void> &result) {
            if (m_status >= 400) {
                m_running = false;
                m_connected = false;
                emit finished(std::unexpected(EngineClient::apiError(m_status, m_errorBody)));
                return;
            }
            if (!result) {
                onBroken(result.error());
                return;
            }
            // The engine ended the stream (shutdown, or `until` reached).
            if (!m_until.isEmpty() || !m_reconnect) {
                m_running = false;
                m_connected = false;
                emit finished({});
                return;
            }
            onBroken(Error{Error::Code::EngineUnreachable,
                           QStringLiteral("The Docker engine closed the event stream."),
                           QStringLiteral("Reconnecting.")});
        };
        HttpRequest request{"GET", m_client->versioned(target)};
        // Events may not come for hours: only the head has a deadline (a dead engine closes the
        // connection; TCP keep-alive notices a vanished host). A timeout reconnects like a break.
        request.idleTimeoutMs = HttpRequest::None;
        request.maxBodyBytes = HttpRequest::None;
        m_connection->send(request, std::move(handlers));
    });
}

void EventStream::onBroken(const Error &error)
{
    const bool wasConnected = m_connected;
    m_connected = false;
    if (!m_running) {
        return;
    }
    if (!m_reconnect) {
        m_running = false;
        emit finished(std::unexpected(error));
        return;
    }
    if (wasConnected || !m_everConnected) {
        qCInfo(lcEngine) << "event stream broken:" << error.message;
    }
    emit disconnected(error);
    scheduleReconnect();
}

void EventStream::scheduleReconnect()
{
    if (!m_running) {
        return;
    }
    m_retryTimer.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, m_maxBackoffMs);
}

} // namespace DevDock::Core
