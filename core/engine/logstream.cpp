// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logstream.h"

#include "engineclient.h"
#include "httpconnection.h"
#include "snippet.h"
#include "timestamp.h"

#include <QUrl>

namespace DevDock::Core {

LogStream::LogStream(EngineClient *client, QString container, LogOptions options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_container(std::move(container))
    , m_options(std::move(options))
{}

LogStream::~LogStream()
{
    m_running = false;
    if (m_connection) {
        m_connection->abort();
    }
}

void LogStream::start()
{
    if (m_running || !m_client) {
        return;
    }
    m_running = true;
    // The frame format depends on the container's TTY setting (the content type only tells from
    // API 1.42 on), so look at the container first, as the docker CLI does.
    m_client->inspectContainer(m_container, this, [this](Result<QJsonObject> r) {
        if (!m_running) {
            return;
        }
        if (!r) {
            finish(std::unexpected(r.error()));
            return;
        }
        m_containerId = r->value(QStringLiteral("Id")).toString();
        m_tty = r->value(QStringLiteral("Config")).toObject().value(QStringLiteral("Tty")).toBool();
        openStream();
    });
}

void LogStream::openStream()
{
    QByteArray target = "/containers/" + m_containerId.toLatin1() + "/logs?";
    target += "stdout=" + QByteArray(m_options.stdoutOn ? "1" : "0");
    target += "&stderr=" + QByteArray(m_options.stderrOn ? "1" : "0");
    if (m_options.follow) {
        target += "&follow=1";
    }
    if (m_options.timestamps) {
        target += "&timestamps=1";
    }
    if (!m_options.tail.isEmpty()) {
        target += "&tail=" + QUrl::toPercentEncoding(m_options.tail);
    }
    for (const auto &[key, value] :
         {std::pair{"&since=", m_options.since}, std::pair{"&until=", m_options.until}}) {
        if (value.isEmpty()) {
            continue;
        }
        const auto timestamp = toEngineTimestamp(value);
        if (!timestamp) {
            finish(std::unexpected(timestamp.error()));
            return;
        }
        target += key + timestamp->toLatin1();
    }
    m_connection = new HttpConnection(m_client->endpoint(), this);
    HttpConnection::Handlers handlers;
    handlers.head = [this](const HttpResponseHead &head) {
        m_status = head.statusCode;
        if (m_status < 400) {
            emit started(m_tty);
        }
    };
    const auto forward = [this](FrameDemuxer::Stream stream, QByteArrayView bytes) {
        if (stream == FrameDemuxer::Stream::SystemError) {
            // The engine's error text: a line. Keep enough of it to quote.
            m_systemError.append(bytes.first(std::min<qsizetype>(
                bytes.size(), std::max<qsizetype>(0, 65536 - m_systemError.size()))));
        } else if (m_sink) {
            m_sink(stream, bytes);
        }
    };
    handlers.body = [this, forward](QByteArrayView bytes) {
        if (m_status >= 400) {
            m_errorBody.append(bytes);
        } else if (m_tty) {
            forward(FrameDemuxer::Stream::Stdout, bytes);
        } else if (!m_demuxer.feed(bytes, forward)) {
            // Not recoverable: the rest of the stream cannot be framed.
            m_connection->abort();
            finish(makeError(Error::Code::Protocol, m_demuxer.errorString()));
        }
    };
    handlers.done = [this](const Result<void> &result) {
        if (!result) {
            finish(result);
        } else if (m_status >= 400) {
            finish(std::unexpected(EngineClient::apiError(m_status, m_errorBody)));
        } else if (!m_systemError.isEmpty()) {
            finish(makeError(Error::Code::Api,
                             withoutControls(QString::fromUtf8(m_systemError).trimmed())));
        } else if (!m_tty && !m_demuxer.finish()) {
            finish(makeError(Error::Code::Protocol, m_demuxer.errorString()));
        } else {
            finish({});
        }
    };
    HttpRequest request{"GET", m_client->versioned(target)};
    // Streamed to the sink as it comes; a followed container may be silent for as long as it
    // likes, a finished log is read without pauses.
    request.maxBodyBytes = HttpRequest::None;
    if (m_options.follow) {
        request.idleTimeoutMs = HttpRequest::None;
    }
    m_connection->send(request, std::move(handlers));
}

void LogStream::finish(const Result<void> &result)
{
    if (!m_running) {
        return;
    }
    m_running = false;
    emit finished(result);
}

void LogStream::stop()
{
    m_running = false;
    if (m_connection) {
        m_connection->abort();
    }
}

} // namespace DevDock::Core
