// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "processstream.h"

#include "engine/engineclient.h"
#include "engine/transport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUrl>

namespace DevDock::Core {

namespace {
// Flow-control marks: above High the producer waits, below Low it goes on.
constexpr qint64 HighWater = 4 * 1024 * 1024;
constexpr qint64 LowWater = 1024 * 1024;
constexpr qint64 ChunkSize = 256 * 1024;
constexpr qsizetype MaxKept = 64 * 1024;

void appendCapped(QByteArray &to, QByteArrayView bytes)
{
    to.append(bytes.data(), bytes.size());
    if (to.size() > MaxKept) {
        to = to.right(MaxKept);
    }
}

QByteArray archiveTarget(EngineClient *client, const QString &container, const QString &path)
{
    const QByteArray p = "/containers/" + QUrl::toPercentEncoding(container)
                         + "/archive?path=" + QUrl::toPercentEncoding(path);
    return client->versioned(p);
}

QByteArray execStartHead(EngineClient *client, const QString &execId)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("Detach"), false},
                                                      {QStringLiteral("Tty"), false}})
                                .toJson(QJsonDocument::Compact);
    const QByteArray p = "/exec/" + QUrl::toPercentEncoding(execId) + "/start";
    return "POST " + client->versioned(p)
           + " HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
             "Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}
} // namespace

ProcessStream *ProcessStream::archiveOut(EngineClient *client, const QString &container,
                                         const QString &path, QProcess *process, QObject *parent)
{
    return new ProcessStream(client, "GET " + archiveTarget(client, container, path)
                                         + " HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n",
                             Input::None, Output::Raw, QStringLiteral("the archive of ") + container,
                             process, parent);
}

ProcessStream *ProcessStream::archiveIn(EngineClient *client, const QString &container,
                                        const QString &path, QProcess *process, QObject *parent)
{
    return new ProcessStream(client, "PUT " + archiveTarget(client, container, path)
                                         + " HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n"
                                           "Content-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n\r\n",
                             Input::Chunked, Output::Raw, QStringLiteral("the archive of ") + container,
                             process, parent);
}

ProcessStream *ProcessStream::execOut(EngineClient *client, const QString &execId, QProcess *process,
                                      QObject *parent)
{
    return new ProcessStream(client, execStartHead(client, execId), Input::None, Output::Frames,
                             QStringLiteral("the exec stream"), process, parent);
}

ProcessStream *ProcessStream::execIn(EngineClient *client, const QString &execId, QProcess *process,
                                     QObject *parent)
{
    return new ProcessStream(client, execStartHead(client, execId), Input::Raw, Output::Frames,
                             QStringLiteral("the exec stream"), process, parent);
}

ProcessStream::ProcessStream(EngineClient *client, QByteArray head, Input input, Output output,
                             QString what, QProcess *process, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_head(std::move(head))
    , m_input(input)
    , m_output(output)
    , m_what(std::move(what))
    , m_process(process)
{}

ProcessStream::~ProcessStream()
{
    m_done = true;
    if (m_transport) {
        m_transport->close();
    }
}

void ProcessStream::start()
{
    if (!m_client || !m_process) {
        complete(makeError(Error::Code::InvalidArgument, QStringLiteral("A stream without engine or process.")));
        return;
    }
    m_transport = new Transport(m_client->endpoint(), this);
    m_transport->setConnectTimeout(15000);
    m_transport->setReadBufferSize(LowWater);
    m_parser.setCallbacks({
        [this](const HttpResponseHead &head) { m_status = head.statusCode; },
        [this](QByteArrayView body) { deliverBody(body); },
    });
    connect(m_transport, &Transport::opened, this, [this] {
        m_transport->write(m_head);
        pump();
    });
    connect(m_transport, &Transport::readyRead, this, &ProcessStream::onReadyRead);
    connect(m_transport, &Transport::bytesWritten, this, &ProcessStream::pump);
    connect(m_transport, &Transport::failed, this, [this](const Error &e) { complete(std::unexpected(e)); });
    connect(m_transport, &Transport::closed, this, [this] {
        m_peerClosed = true;
        onReadyRead();
    });
    if (toEngine()) {
        connect(m_process, &QProcess::readyReadStandardOutput, this, &ProcessStream::pump);
    } else {
        // The process drained its input: read on.
        connect(m_process, &QProcess::bytesWritten, this, [this] {
            if (m_process && m_process->bytesToWrite() < LowWater) {
                onReadyRead();
            }
        });
    }
    m_transport->open();
}

void ProcessStream::deliverBody(QByteArrayView body)
{
    if (m_status >= 300) {
        appendCapped(m_errorBody, body);
        return;
    }
    auto toProcess = [this](QByteArrayView bytes) {
        if (!toEngine() && m_process) {
            m_process->write(bytes.data(), bytes.size());
            m_bytes += bytes.size();
            emit progressed(m_bytes);
        }
    };
    if (m_output == Output::Raw) {
        toProcess(body);
        return;
    }
    m_demuxer.feed(body, [&](FrameDemuxer::Stream s, QByteArrayView payload) {
        if (s == FrameDemuxer::Stream::Stdout) {
            toProcess(payload);
        } else {
            appendCapped(m_stderr, payload);
        }
    });
}

void ProcessStream::pump()
{
    if (m_done || !toEngine() || !m_transport || !m_transport->isOpen() || m_inputEnded || !m_process) {
        return;
    }
    while (m_transport->bytesToWrite() < HighWater) {
        const QByteArray chunk = m_process->read(ChunkSize);
        if (chunk.isEmpty()) {
            break;
        }
        if (m_input == Input::Chunked) {
            m_transport->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        } else {
            m_transport->write(chunk);
        }
        m_bytes += chunk.size();
        emit progressed(m_bytes);
    }
    if (!m_inputDone || m_process->bytesAvailable() > 0) {
        return;
    }
    if (m_input == Input::Chunked) {
        m_inputEnded = true;
        m_transport->write("0\r\n\r\n");
    } else if (m_transport->bytesToWrite() == 0) {
        // The exec's stdin ends; its output goes on until it exits.
        m_inputEnded = true;
        if (!m_transport->closeWrite()) {
            complete(makeError(Error::Code::Unsupported,
                               QStringLiteral("This engine connection cannot end an exec's input.")));
        }
    }
}

void ProcessStream::finishInput()
{
    m_inputDone = true;
    pump();
}

void ProcessStream::onReadyRead()
{
    if (m_done || !m_transport) {
        return;
    }
    // Back-pressure: leave the bytes in the socket while the process has not taken the last ones.
    if (!toEngine() && m_process && m_process->bytesToWrite() > HighWater) {
        return;
    }
    const QByteArray data = m_transport->readAll();
    auto status = data.isEmpty() ? HttpResponseParser::Status::NeedMore : m_parser.feed(data);
    if (status == HttpResponseParser::Status::NeedMore && m_peerClosed) {
        // Everything the engine sent is in: a body that runs to the close ends here.
        status = m_parser.finish();
        if (status != HttpResponseParser::Status::Complete || !m_demuxer.atFrameBoundary()) {
            complete(makeError(Error::Code::Protocol, QStringLiteral("The engine closed %1 early.").arg(m_what)));
            return;
        }
    }
    if (status == HttpResponseParser::Status::Error || m_demuxer.hasError()) {
        complete(makeError(Error::Code::Protocol,
                           QStringLiteral("The engine's answer on %1 is malformed: %2")
                               .arg(m_what, m_parser.hasError() ? m_parser.errorString() : m_demuxer.errorString())));
    } else if (status == HttpResponseParser::Status::Complete) {
        complete({});
    }
}

void ProcessStream::cancel()
{
    complete(makeError(Error::Code::Cancelled, QStringLiteral("Cancelled.")));
}

void ProcessStream::complete(Result<void> result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (result && m_status >= 300) {
        result = std::unexpected(EngineClient::apiError(m_status, m_errorBody));
    }
    if (m_transport) {
        m_transport->close();
    }
    emit finished(result);
}

} // namespace DevDock::Core
