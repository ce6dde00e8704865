// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoint.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QIODevice;
class QLocalSocket;
class QAbstractSocket;
class QProcess;

namespace DevDock::Core {

// One byte stream to the engine: a unix socket or Windows named pipe (QLocalSocket), TCP
// (QTcpSocket), TCP with TLS and client certificates (QSslSocket), or the stdio of
// `ssh HOST docker system dial-stdio` (QProcess). Event-driven; never blocks. A connection that is
// not established within the connect timeout fails with an error naming the endpoint (ssh: the
// process starts at once; ssh's own ConnectTimeout and the response timeout cover the rest).
class Transport final : public QObject
{
    Q_OBJECT
public:
    explicit Transport(Endpoint endpoint, QObject *parent = nullptr);
    ~Transport() override;

    // 0: no limit. Takes effect at the next open().
    void setConnectTimeout(int milliseconds) { m_connectTimeoutMs = milliseconds; }
    void open();
    void close();
    bool isOpen() const { return m_open; }
    void write(const QByteArray &bytes);
    // Half-close: no more bytes from us (the peer sees EOF), reading goes on. Written bytes still
    // buffered leave first. TLS cannot half-close (close_notify ends both directions); there the
    // write side stays open and false is returned.
    bool closeWrite();
    // Everything received so far.
    QByteArray readAll();
    // Bytes written but not yet handed to the operating system (flow control for streams).
    qint64 bytesToWrite() const;
    // Caps what the socket buffers unread (0: no cap, the default). With a cap, a reader that
    // stops calling readAll() stops the engine's stream too (TCP/unix back-pressure) instead of
    // buffering it all in memory. Takes effect at the next open().
    void setReadBufferSize(qint64 bytes) { m_readBufferSize = bytes; }
    const Endpoint &endpoint() const { return m_endpoint; }

signals:
    void opened();
    void readyRead();
    void bytesWritten(); // some of what was written left for the engine
    void closed();                                  // the peer or we closed it
    void failed(const DevDock::Core::Error &error); // could not connect, or broke

private:
    void openLocal();
    void openTcp();
    void openSsh();
    void fail(Error error);
    void onAbstractSocketError();
    void onClosed();
    void onOpened();
    void onConnectTimeout();

    Endpoint m_endpoint;
    QTimer m_connectTimer;
    int m_connectTimeoutMs = 0;
    qint64 m_readBufferSize = 0;
    QLocalSocket *m_local = nullptr;
    QAbstractSocket *m_socket = nullptr;
    QProcess *m_process = nullptr;
    QIODevice *m_device = nullptr;
    QByteArray m_sshStderr;
    bool m_open = false;
    bool m_finished = false;
    bool m_closeWritePending = false;
    void shutdownWriteNow();
};

// The error a user sees when the engine cannot be reached, worded like the docker CLI's.
Error unreachableError(const Endpoint &endpoint, const QString &reason, Error::Code code);

} // namespace DevDock::Core
