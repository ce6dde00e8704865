// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A unix-socket proxy in front of the real engine that a test can cut and restore: the engine
// "goes away" for whoever talks through it (its socket file disappears, open connections break)
// while the shared dockerd itself keeps running for everyone else.

#include <QDir>
#include <QList>
#include <QLocalServer>
#include <QLocalSocket>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace DevDock::Test {

class SocketProxy : public QObject
{
public:
    explicit SocketProxy(QString path, QString target = QStringLiteral("/var/run/docker.sock"))
        : m_path(std::move(path))
        , m_target(std::move(target))
    {
        QObject::connect(&m_server, &QLocalServer::newConnection, this, [this] { accept(); });
    }
    ~SocketProxy() override { cut(); }

    QString path() const { return m_path; }
    QString dockerHost() const { return QStringLiteral("unix://") + m_path; }
    int connectionCount() const { return m_connections; }
    // The HTTP request lines clients sent through the proxy ("GET /v1.41/events?... HTTP/1.1").
    QList<QByteArray> requestLines() const { return m_requests; }
    int requestCount(const QByteArray &pathPart) const
    {
        int n = 0;
        for (const QByteArray &line : m_requests) {
            n += line.contains(pathPart) ? 1 : 0;
        }
        return n;
    }

    // Starts (or restarts) listening at path().
    bool restore()
    {
        QLocalServer::removeServer(m_path);
        return m_server.listen(m_path);
    }

    // The engine goes away: no socket at path(), every piped connection broken.
    void cut()
    {
        m_server.close();
        QLocalServer::removeServer(m_path);
        for (const QPointer<QLocalSocket> &socket : std::as_const(m_sockets)) {
            if (socket) {
                socket->abort();
                socket->deleteLater();
            }
        }
        m_sockets.clear();
    }

private:
    void accept()
    {
        while (QLocalSocket *client = m_server.nextPendingConnection()) {
            ++m_connections;
            auto *engine = new QLocalSocket(this);
            m_sockets << QPointer<QLocalSocket>(client) << QPointer<QLocalSocket>(engine);
            auto pipe = [](QLocalSocket *from, QLocalSocket *to) {
                QObject::connect(from, &QLocalSocket::readyRead, to, [from, to] {
                    if (to->state() == QLocalSocket::ConnectedState) {
                        to->write(from->readAll());
                    }
                });
                QObject::connect(from, &QLocalSocket::disconnected, to, [to] {
                    to->disconnectFromServer();
                });
            };
            // Requests start a write of their own; a line that reads like one is one.
            // (Bytes still waiting for the engine side were scanned before: skip them.)
            auto waiting = std::make_shared<qint64>(0);
            QObject::connect(client, &QLocalSocket::readyRead, this, [this, client, waiting] {
                const QByteArray chunk = client->peek(client->bytesAvailable()).mid(*waiting);
                for (const QByteArray &line : chunk.split('\n')) {
                    static const QList<QByteArray> methods{"GET ", "POST ", "PUT ", "DELETE ",
                                                           "HEAD "};
                    for (const QByteArray &method : methods) {
                        if (line.startsWith(method) && line.contains(" HTTP/1.")) {
                            m_requests << line.trimmed();
                        }
                    }
                }
            });
            pipe(client, engine);
            QObject::connect(client, &QLocalSocket::readyRead, this,
                             [client, waiting] { *waiting = client->bytesAvailable(); });
            pipe(engine, client);
            // Bytes the client sent before the engine side was up go out once it is.
            QObject::connect(engine, &QLocalSocket::connected, client, [client, engine, waiting] {
                *waiting = 0;
                engine->write(client->readAll());
            });
            engine->connectToServer(m_target);
        }
    }

    QString m_path;
    QString m_target;
    QLocalServer m_server;
    QList<QPointer<QLocalSocket>> m_sockets;
    int m_connections = 0;
    QList<QByteArray> m_requests;
};

} // namespace DevDock::Test
