// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport.h"

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

#include "enginelimits.h"
#include "util/logging.h"

#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

namespace DevDock::Core {

Error unreachableError(const Endpoint &endpoint, const QString &reason, Error::Code code)
{
    Error error;
    error.code = code;
    error.message =
        QStringLiteral("Cannot connect to the Docker engine at %1: %2.").arg(endpoint.uri, reason);
    switch (code) {
    case Error::Code::PermissionDenied:
        error.hint = QStringLiteral("Add your user to the docker group (sudo usermod -aG docker "
                                    "$USER), then log out and in again.");
        break;
    case Error::Code::Tls:
        error.hint = QStringLiteral("Check the context's TLS certificates (ca.pem, cert.pem, "
                                    "key.pem) and DOCKER_CERT_PATH.");
        break;
    case Error::Code::Ssh:
        error.hint = QStringLiteral("Check that `ssh %1` works without a password prompt and "
                                    "that docker is installed there.")
                         .arg(endpoint.host);
        break;
    default:
        error.message.chop(1);
        error.message += QStringLiteral(". Is Docker running?");
        error.hint = endpoint.kind == Endpoint::Kind::Unix
                         ? QStringLiteral("Start the engine (sudo systemctl start docker) or point "
                                          "DOCKER_HOST at a running one.")
                         : QStringLiteral("Check that the engine is running and DOCKER_HOST or the "
                                          "docker context point at it.");
        break;
    }
    return error;
}

Transport::Transport(Endpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &Transport::onConnectTimeout);
}

Transport::~Transport()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void Transport::open()
{
    m_finished = false;
    if (m_connectTimeoutMs > 0 && m_endpoint.kind != Endpoint::Kind::Ssh) {
        m_connectTimer.start(m_connectTimeoutMs);
    }
    switch (m_endpoint.kind) {
    case Endpoint::Kind::Unix:
    case Endpoint::Kind::NamedPipe:
        openLocal();
        break;
    case Endpoint::Kind::Tcp:
        openTcp();
        break;
    case Endpoint::Kind::Ssh:
        openSsh();
        break;
    }
}

void Transport::onOpened()
{
    m_connectTimer.stop();
    if (m_socket) {
        // Event streams may be silent for hours: TCP keep-alive notices a peer that vanished
        // without closing (a host that went down, a dropped NAT entry). Set once connected: an
        // unconnected socket ignores options.
        m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    }
    m_open = true;
    emit opened();
}

void Transport::onConnectTimeout()
{
    if (m_open || m_finished) {
        return;
    }
    Error error;
    error.code = Error::Code::Timeout;
    error.message = QStringLiteral("No connection to the Docker engine within %1 at %2.")
                        .arg(secondsText(m_connectTimeoutMs), m_endpoint.uri);
    error.hint = QStringLiteral("Check that the engine is running and not overloaded, and that "
                                "DOCKER_HOST or the docker context point at it. "
                                "DEVDOCK_ENGINE_CONNECT_TIMEOUT sets the limit (seconds).");
    fail(error);
    // After fail(): the socket's own error on abort finds the transport finished.
    if (m_local) {
        m_local->abort();
    }
    if (m_socket) {
        m_socket->abort();
    }
}

void Transport::fail(Error error)
{
    if (m_finished) {
        return;
    }
    m_connectTimer.stop();
    m_finished = true;
    m_open = false;
    qCDebug(lcEngine) << "transport failed:" << error.message;
    // QLocalSocket reports a missing socket from inside connectToServer(); deliver the failure on
    // the next event-loop turn so that no caller sees its callback run before its call returned.
    QMetaObject::invokeMethod(
        this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
}

void Transport::openLocal()
{
    m_local = new QLocalSocket(this);
    m_local->setReadBufferSize(m_readBufferSize);
    m_device = m_local;
    connect(m_local, &QLocalSocket::connected, this, &Transport::onOpened);
    connect(m_local, &QLocalSocket::readyRead, this, &Transport::readyRead);
    connect(m_local, &QLocalSocket::bytesWritten, this, &Transport::bytesWritten);
    connect(m_local, &QLocalSocket::bytesWritten, this, &Transport::shutdownWriteNow);
    connect(m_local, &QLocalSocket::disconnected, this, &Transport::onClosed);
    connect(m_local, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError e) {
        if (e == QLocalSocket::PeerClosedError) {
            return; // handled by disconnected()
        }
        if (m_open) {
            // A broken connection after it was up: report as a close, the response parser then
            // tells whether anything was cut short.
            onClosed();
            return;
        }
        switch (e) {
        case QLocalSocket::ServerNotFoundError:
            fail(unreachableError(m_endpoint, QStringLiteral("no such file"),
                                  Error::Code::EngineUnreachable));
            break;
        case QLocalSocket::SocketAccessError:
            fail(unreachableError(m_endpoint, QStringLiteral("permission denied"),
                                  Error::Code::PermissionDenied));
            break;
        case QLocalSocket::ConnectionRefusedError:
            fail(unreachableError(m_endpoint, QStringLiteral("connection refused"),
                                  Error::Code::EngineUnreachable));
            break;
        default:
            fail(unreachableError(m_endpoint, m_local->errorString(),
                                  Error::Code::EngineUnreachable));
            break;
        }
    });
    m_local->connectToServer(m_endpoint.path);
}

void Transport::openTcp()
{
    if (m_endpoint.tls) {
        auto *ssl = new QSslSocket(this);
        QSslConfiguration config = ssl->sslConfiguration();
        if (!m_endpoint.caFile.isEmpty()) {
            const auto cas = QSslCertificate::fromPath(m_endpoint.caFile);
            if (cas.isEmpty() && m_endpoint.tlsVerify) {
                fail(unreachableError(
                    m_endpoint,
                    QStringLiteral("cannot read CA certificate %1").arg(m_endpoint.caFile),
                    Error::Code::Tls));
                return;
            }
            config.setCaCertificates(cas);
        }
        if (!m_endpoint.certFile.isEmpty()) {
            const auto certs = QSslCertificate::fromPath(m_endpoint.certFile);
            QFile keyFile(m_endpoint.keyFile);
            if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
                fail(unreachableError(m_endpoint,
                                      QStringLiteral("cannot read client certificate %1 or key %2")
                                          .arg(m_endpoint.certFile, m_endpoint.keyFile),
                                      Error::Code::Tls));
                return;
            }
            QByteArray pem = keyFile.readAll();
            QSslKey key(pem, QSsl::Rsa);
            if (key.isNull()) {
                key = QSslKey(pem, QSsl::Ec);
            }
            config.setLocalCertificate(certs.first());
            config.setPrivateKey(key);
        }
        config.setPeerVerifyMode(m_endpoint.tlsVerify ? QSslSocket::VerifyPeer
                                                      : QSslSocket::VerifyNone);
        ssl->setSslConfiguration(config);
        connect(ssl, &QSslSocket::encrypted, this, &Transport::onOpened);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            if (!m_endpoint.tlsVerify) {
                ssl->ignoreSslErrors();
                return;
            }
            QStringList texts;
            for (const QSslError &e : errors) {
                texts << e.errorString();
            }
            fail(unreachableError(
                m_endpoint, QStringLiteral("TLS error: %1").arg(texts.join(QStringLiteral("; "))),
                Error::Code::Tls));
            ssl->abort();
        });
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QAbstractSocket::connected, this, &Transport::onOpened);
    }
    m_socket->setReadBufferSize(m_readBufferSize);
    connect(m_socket, &QAbstractSocket::bytesWritten, this, &Transport::bytesWritten);
    connect(m_socket, &QAbstractSocket::bytesWritten, this, &Transport::shutdownWriteNow);
    m_device = m_socket;
    connect(m_socket, &QAbstractSocket::readyRead, this, &Transport::readyRead);
    connect(m_socket, &QAbstractSocket::disconnected, this, &Transport::onClosed);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &Transport::onAbstractSocketError);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
        ssl->connectToHostEncrypted(m_endpoint.host, m_endpoint.port);
    } else {
        m_socket->connectToHost(m_endpoint.host, m_endpoint.port);
    }
}

void Transport::onClosed()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_open = false;
    emit closed();
}

void Transport::onAbstractSocketError()
{
    const auto e = m_socket->error();
    if (e == QAbstractSocket::RemoteHostClosedError) {
        // TLS: the peer's close_notify ends its side, but a proxy in front of the engine (or the
        // engine) may keep TCP open until we close ours; without this both wait for ever at the
        // end of a hijacked exec stream. Closing makes disconnected() follow.
        if (m_open && qobject_cast<QSslSocket *>(m_socket)) {
            m_socket->disconnectFromHost();
        }
        return; // disconnected() follows
    }
    if (m_open) {
        onClosed();
        return;
    }
    Error::Code code = Error::Code::EngineUnreachable;
    QString reason = m_socket->errorString();
    switch (e) {
    case QAbstractSocket::ConnectionRefusedError:
        reason = QStringLiteral("connection refused");
        break;
    case QAbstractSocket::HostNotFoundError:
        reason = QStringLiteral("host %1 not found").arg(m_endpoint.host);
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        code = Error::Code::Tls;
        reason = QStringLiteral("TLS handshake failed: %1").arg(m_socket->errorString());
        break;
    default:
        break;
    }
    fail(unreachableError(m_endpoint, reason, code));
}

void Transport::openSsh()
{
    m_process = new QProcess(this);
    m_device = m_process;
    const QStringList command = m_endpoint.sshCommand();
    connect(m_process, &QProcess::started, this, &Transport::onOpened);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &Transport::readyRead);
    connect(m_process, &QProcess::bytesWritten, this, &Transport::bytesWritten);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_sshStderr += m_process->readAllStandardError();
        if (m_sshStderr.size() > 8192) {
            m_sshStderr = m_sshStderr.right(8192);
        }
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            fail(unreachableError(m_endpoint, QStringLiteral("cannot run ssh (is it installed?)"),
                                  Error::Code::Ssh));
        }
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus) {
        if (m_finished) {
            return;
        }
        const QString stderrText = QString::fromUtf8(m_sshStderr).trimmed();
        if (exitCode != 0 && !stderrText.isEmpty()) {
            fail(unreachableError(m_endpoint,
                                  QStringLiteral("ssh exited with %1: %2")
                                      .arg(exitCode)
                                      .arg(stderrText.section(QLatin1Char('\n'), -1)),
                                  Error::Code::Ssh));
            return;
        }
        onClosed();
    });
    m_process->setReadChannel(QProcess::StandardOutput);
    m_process->start(command.first(), command.mid(1));
}

void Transport::close()
{
    m_connectTimer.stop();
    m_finished = true;
    m_open = false;
    if (m_local) {
        m_local->abort();
    }
    if (m_socket) {
        m_socket->abort();
    }
    if (m_process) {
        m_process->closeWriteChannel();
        m_process->kill();
    }
}

void Transport::write(const QByteArray &bytes)
{
    if (m_device) {
        m_device->write(bytes);
    }
}

bool Transport::closeWrite()
{
    if (m_process) {
        // dial-stdio passes the EOF on as a half-close of its connection to the engine.
        m_process->closeWriteChannel();
        return true;
    }
    if (qobject_cast<QSslSocket *>(m_socket)) {
        return false;
    }
    if (!m_local && !m_socket) {
        return false;
    }
    m_closeWritePending = true;
    shutdownWriteNow();
    return true;
}

void Transport::shutdownWriteNow()
{
    if (!m_closeWritePending) {
        return;
    }
    QIODevice *device = m_device;
    if (device && device->bytesToWrite() > 0) {
        if (m_local) {
            m_local->flush();
        } else if (m_socket) {
            m_socket->flush();
        }
        if (device->bytesToWrite() > 0) {
            return; // again on bytesWritten
        }
    }
    m_closeWritePending = false;
    const qintptr fd = m_local ? m_local->socketDescriptor() : m_socket->socketDescriptor();
    if (fd >= 0) {
        ::shutdown(int(fd), SHUT_WR);
    }
}

qint64 Transport::bytesToWrite() const
{
    return m_device ? m_device->bytesToWrite() : 0;
}

QByteArray Transport::readAll()
{
    return m_device ? m_device->readAll() : QByteArray();
}

} // namespace DevDock::Core
