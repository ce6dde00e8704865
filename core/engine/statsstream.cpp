// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statsstream.h"

#include "engineclient.h"
#include "httpconnection.h"

#include <QJsonDocument>
#include <QUrl>

namespace DevDock::Core {

StatsStream::StatsStream(EngineClient *client, QString container, bool stream, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_container(std::move(container))
    , m_stream(stream)
{}

StatsStream::~StatsStream()
{
    m_running = false;
    if (m_connection) {
        m_connection->abort();
    }
}

void StatsStream::start()
{
    if (m_running || !m_client) {
        return;
    }
    m_running = true;
    m_client->negotiate(this, [this](Result<QString> version) {
        if (!m_running) {
            return;
        }
        if (!version) {
            finish(std::unexpected(version.error()));
            return;
        }
        const QByteArray target = "/containers/" + QUrl::toPercentEncoding(m_container)
                                  + "/stats?stream=" + (m_stream ? "1" : "0");
        m_connection = new HttpConnection(m_client->endpoint(), this);
        HttpConnection::Handlers handlers;
        handlers.head = [this](const HttpResponseHead &head) { m_status = head.statusCode; };
        handlers.body = [this](QByteArrayView bytes) {
            if (!m_running) {
                return;
            }
            if (m_status >= 400) {
                m_errorBody.append(bytes);
                return;
            }
            const bool ok = m_lines.feed(bytes, [this](QByteArrayView line) {
                const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray());
                if (doc.isObject()) {
                    emit sampleReceived(ContainerStats::fromJson(doc.object()));
                }
            });
            if (!ok) {
                // A "line" without end is no stats stream; do not buffer it further. The
                // connection closes once this handler has returned.
                m_lines.reset();
                QMetaObject::invokeMethod(m_connection, &HttpConnection::abort,
                                          Qt::QueuedConnection);
                finish(makeError(Error::Code::Protocol,
                                 QStringLiteral("The stats stream of %1 sent a line longer than "
                                                "16 MiB; it is not the Docker engine's format.")
                                     .arg(m_container)));
            }
        };
        handlers.done = [this](const Result<void> &result) {
            if (!result) {
                finish(result);
                return;
            }
            if (m_status >= 400) {
                finish(std::unexpected(EngineClient::apiError(m_status, m_errorBody)));
                return;
            }
            // A single sample may come without a trailing newline.
            const QByteArray rest = m_lines.takeRemainder();
            const QJsonDocument doc = QJsonDocument::fromJson(rest);
            if (doc.isObject()) {
                emit sampleReceived(ContainerStats::fromJson(doc.object()));
            }
            finish({});
        };
        HttpRequest request{"GET", m_client->versioned(target)};
        // A sample a second or so: silence for the response timeout means a broken stream.
        request.maxBodyBytes = HttpRequest::None;
        m_connection->send(request, std::move(handlers));
    });
}

void StatsStream::finish(const Result<void> &result)
{
    if (!m_running) {
        return;
    }
    m_running = false;
    emit finished(result);
}

void StatsStream::stop()
{
    m_running = false;
    if (m_connection) {
        m_connection->abort();
    }
}

} // namespace DevDock::Core
