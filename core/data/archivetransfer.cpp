// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "archivetransfer.h"

#include "engine/engineclient.h"
#include "engine/transport.h"

#include <QProcess>
#include <QUrl>

namespace DevDock::Core {

namespace {
// Flow-control marks: above High the producer waits, below Low it goes on.
constexpr qint64 HighWater = 4 * 1024 * 1024;
constexpr qint64 LowWater = 1024 * 1024;
constexpr qint64 ChunkSize = 256 * 1024;
constexpr qsizetype MaxErrorBody = 64 * 1024;
} // namespace

ArchiveTransfer::ArchiveTransfer(EngineClient *client, Direction direction, QString container,
                                 QString path, QProcess *process, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_direction(direction)
    , m_container(std::move(container))
    , m_path(std::move(path))
    , m_process(process)
{}

ArchiveTransfer::~ArchiveTransfer()
{
    m_done = true;
    if (m_transport) {
        m_transport->close();
    }
}

void ArchiveTransfer::start()
{
    if (!m_client || !m_process) {
        complete(makeError(Error::Code::InvalidArgument, QStringLiteral("Archive transfer without engine or process.")));
        return;
    }
    m_transport = new Transport(m_client->endpoint(), this);
    m_transport->setConnectTimeout(15000);
    m_transport->setReadBufferSize(LowWater);
    m_parser.setCallbacks({
        [this](const HttpResponseHead &head) { m_status = head.statusCode; },
        [this](QByteArrayView body) {
            if (m_status >= 300) {
                if (m_errorBody.size() < MaxErrorBody) {
                    m_errorBody += body.toByteArray().left(MaxErrorBody - m_errorBody.size());
                }
                return;
            }
            if (m_direction == Direction::Download && m_process) {
                m_process->write(body.data(), body.size());
                m_bytes += body.size();
                emit progressed(m_bytes);
            }
        },
    });
    const QByteArray path = "/containers/" + QUrl::toPercentEncoding(m_container)
                            + "/archive?path=" + QUrl::toPercentEncoding(m_path);
    const QByteArray target = m_client->versioned(path);
    QByteArray head = (m_direction == Direction::Download ? "GET " : "PUT ") + target
                      + " HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n";
    if (m_direction == Direction::Upload) {
        head += "Content-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n";
    }
    head += "\r\n";
    connect(m_transport, &Transport::opened, this, [this, head] {
        m_transport->write(head);
        pump();
    });
    connect(m_transport, &Transport::readyRead, this, &ArchiveTransfer::onReadyRead);
    connect(m_transport, &Transport::bytesWritten, this, &ArchiveTransfer::pump);
    connect(m_transport, &Transport::failed, this, [this](const Error &e) { complete(std::unexpected(e)); });
    connect(m_transport, &Transport::closed, this, [this] {
        if (m_done) {
            return;
        }
        onReadyRead();
        if (!m_done && m_parser.finish() == HttpResponseParser::Status::Complete) {
            complete({});
        } else if (!m_done) {
            complete(makeError(Error::Code::Protocol,
                               QStringLiteral("The engine closed the archive stream of %1 early.").arg(m_container)));
        }
    });
    if (m_direction == Direction::Download) {
        // The process drained its input: read on.
        connect(m_process, &QProcess::bytesWritten, this, [this] {
            if (m_process && m_process->bytesToWrite() < LowWater) {
                onReadyRead();
            }
        });
    } else {
        connect(m_process, &QProcess::readyReadStandardOutput, this, &ArchiveTransfer::pump);
    }
    m_transport->open();
}

void ArchiveTransfer::pump()
{
    if (m_done || m_direction != Direction::Upload || !m_transport || !m_transport->isOpen()
        || m_bodyEnded || !m_process) {
        return;
    }
    while (m_transport->bytesToWrite() < HighWater) {
        const QByteArray chunk = m_process->read(ChunkSize);
        if (chunk.isEmpty()) {
            break;
        }
        m_transport->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        m_bytes += chunk.size();
        emit progressed(m_bytes);
    }
    if (m_inputDone && m_process->bytesAvailable() == 0) {
        m_bodyEnded = true;
        m_transport->write("0\r\n\r\n");
    }
}

void ArchiveTransfer::finishInput()
{
    m_inputDone = true;
    pump();
}

void ArchiveTransfer::onReadyRead()
{
    if (m_done || !m_transport) {
        return;
    }
    // Back-pressure: leave the bytes in the socket while the process has not taken the last ones.
    if (m_direction == Direction::Download && m_process && m_process->bytesToWrite() > HighWater) {
        return;
    }
    const QByteArray data = m_transport->readAll();
    if (data.isEmpty()) {
        return;
    }
    const auto status = m_parser.feed(data);
    if (status == HttpResponseParser::Status::Error) {
        complete(makeError(Error::Code::Protocol,
                           QStringLiteral("The engine's archive stream of %1 is malformed: %2")
                               .arg(m_container, m_parser.errorString())));
    } else if (status == HttpResponseParser::Status::Complete) {
        complete({});
    }
}

void ArchiveTransfer::cancel()
{
    complete(makeError(Error::Code::Cancelled, QStringLiteral("Cancelled.")));
}

void ArchiveTransfer::complete(Result<void> result)
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
