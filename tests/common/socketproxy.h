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
            pipe(client, engine);
            pipe(engine, client);
            // Bytes the client sent before the engine side was up go out once it is.
            QObject::connect(engine, &QLocalSocket::connected, client, [client, engine] {
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
};

} // namespace DevDock::Test
