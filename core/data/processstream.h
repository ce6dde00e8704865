// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/framedemuxer.h"
#include "engine/httpresponseparser.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>

class QProcess;

namespace DevDock::Core {

class EngineClient;
class Transport;

// Streams bytes between one engine request and a child process (restic), with flow control both
// ways and no copy on disk:
//  - archiveOut: GET /containers/{id}/archive into the process's stdin;
//  - archiveIn:  the process's stdout into PUT /containers/{id}/archive (a chunked body);
//  - execOut:    a started exec's stdout (the hijacked connection, demultiplexed) into stdin;
//  - execIn:     the process's stdout into a started exec's stdin, half-closed at the end.
// While one side is slower the other is not read, so memory stays at a few MiB whatever the
// size. The client must have negotiated its API version (any earlier call does that).
class ProcessStream final : public QObject
{
    Q_OBJECT
public:
    static ProcessStream *archiveOut(EngineClient *client, const QString &container, const QString &path,
                                     QProcess *process, QObject *parent);
    static ProcessStream *archiveIn(EngineClient *client, const QString &container, const QString &path,
                                    QProcess *process, QObject *parent);
    static ProcessStream *execOut(EngineClient *client, const QString &execId, QProcess *process,
                                  QObject *parent);
    static ProcessStream *execIn(EngineClient *client, const QString &execId, QProcess *process,
                                 QObject *parent);
    ~ProcessStream() override;

    void start();
    // Towards the engine: the process's output is complete (it exited 0), the input may end.
    void finishInput();
    // Ends the transfer without completing the request; finished() reports Cancelled.
    void cancel();
    qint64 bytes() const { return m_bytes; }
    // What an exec wrote on stderr (the last 64 KiB).
    const QByteArray &execStderr() const { return m_stderr; }

signals:
    void progressed(qint64 bytes);
    void finished(const DevDock::Core::Result<void> &result);

private:
    enum class Input { None, Chunked, Raw };
    enum class Output { Raw, Frames };
    ProcessStream(EngineClient *client, QByteArray head, Input input, Output output, QString what,
                  QProcess *process, QObject *parent);

    bool toEngine() const { return m_input != Input::None; }
    void pump();
    void onReadyRead();
    void deliverBody(QByteArrayView body);
    void complete(Result<void> result);

    QPointer<EngineClient> m_client;
    QByteArray m_head;
    Input m_input;
    Output m_output;
    QString m_what;
    QPointer<QProcess> m_process;
    Transport *m_transport = nullptr;
    HttpResponseParser m_parser;
    FrameDemuxer m_demuxer;
    int m_status = 0;
    QByteArray m_errorBody;
    QByteArray m_stderr;
    qint64 m_bytes = 0;
    bool m_peerClosed = false;
    bool m_inputDone = false;
    bool m_inputEnded = false;
    bool m_done = false;
};

} // namespace DevDock::Core
