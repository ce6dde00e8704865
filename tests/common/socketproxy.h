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
#include <QRegularExpression>
#include <QStringList>

#include <memory>
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
    // The request lines ("GET /v1.41/containers/x/stats?stream=1") clients sent through the
    // proxy, in order: to count what a component asks the engine for.
    QStringList requests() const { return m_requests; }
    int requestCount(const QString &contains) const
    {
        return int(m_requests.filter(contains).size());
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
            pipe(engine, client);
            // Client to engine: read here, so that each request line is logged once; bytes sent
            // before the engine side is up go out once it is.
            auto pending = std::make_shared<QByteArray>();
            QObject::connect(client, &QLocalSocket::readyRead, engine, [this, client, engine,
                                                                        pending] {
                const QByteArray bytes = client->readAll();
                logRequests(bytes);
                pending->append(bytes);
                if (engine->state() == QLocalSocket::ConnectedState) {
                    engine->write(*pending);
                    pending->clear();
                }
            });
            QObject::connect(client, &QLocalSocket::disconnected, engine,
                             [engine] { engine->disconnectFromServer(); });
            QObject::connect(engine, &QLocalSocket::connected, client, [engine, pending] {
                engine->write(*pending);
                pending->clear();
            });
            engine->connectToServer(m_target);
        }
    }

    void logRequests(const QByteArray &bytes)
    {
        // A request line starts a line with the method and ends it with the HTTP version; it
        // arrives within one read in practice (requests are short and written at once).
        static const QRegularExpression line(QStringLiteral(
            "(?:^|\\r\\n)((?:GET|POST|PUT|DELETE|HEAD) [^\\r\\n]* HTTP/1\\.[01])"));
        auto it = line.globalMatch(QString::fromLatin1(bytes));
        while (it.hasNext()) {
            m_requests << it.next().captured(1);
        }
    }

    QString m_path;
    QString m_target;
    QLocalServer m_server;
    QList<QPointer<QLocalSocket>> m_sockets;
    int m_connections = 0;
    QStringList m_requests;
};

} // namespace DevDock::Test
