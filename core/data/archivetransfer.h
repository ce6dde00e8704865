// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/httpresponseparser.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>

class QProcess;

namespace DevDock::Core {

class EngineClient;
class Transport;

// Streams a container's tar archive between the engine and a child process, with flow control
// both ways and no copy on disk: GET /containers/{id}/archive into the process's stdin
// (download), or the process's stdout into PUT /containers/{id}/archive as a chunked body
// (upload). While the process is slower than the engine the socket is not read (download) or not
// written (upload), so memory stays bounded by a few MiB whatever the volume's size.
// The client must have negotiated its API version (any earlier call does that).
class ArchiveTransfer final : public QObject
{
    Q_OBJECT
public:
    enum class Direction { Download, Upload };

    ArchiveTransfer(EngineClient *client, Direction direction, QString container, QString path,
                    QProcess *process, QObject *parent = nullptr);
    ~ArchiveTransfer() override;

    void start();
    // Upload: the process's output is complete (it exited 0) and the body may end.
    void finishInput();
    // Ends the transfer without completing the request; finished() reports Cancelled.
    void cancel();
    qint64 bytes() const { return m_bytes; }

signals:
    void progressed(qint64 bytes);
    void finished(const DevDock::Core::Result<void> &result);

private:
    void pump();
    void onReadyRead();
    void complete(Result<void> result);

    QPointer<EngineClient> m_client;
    Direction m_direction;
    QString m_container;
    QString m_path;
    QPointer<QProcess> m_process;
    Transport *m_transport = nullptr;
    HttpResponseParser m_parser;
    int m_status = 0;
    QByteArray m_errorBody;
    qint64 m_bytes = 0;
    bool m_inputDone = false;
    bool m_bodyEnded = false;
    bool m_done = false;
};

} // namespace DevDock::Core
