// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "execsession.h"

#include "engineclient.h"
#include "enginelimits.h"
#include "httpconnection.h"
#include "snippet.h"
#include "transport.h"
#include "util/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

namespace DevDock::Core {

namespace {

// The shells a user expects, in order; the first the container has wins.
const QStringList &shellCandidates()
{
    static const QStringList shells{QStringLiteral("bash"), QStringLiteral("sh"),
                                    QStringLiteral("ash")};
    return shells;
}

QByteArray pct(const QString &s)
{
    return QUrl::toPercentEncoding(s);
}

// The engine may still report the exec as running for a moment after its stream closed.
constexpr int kExitPolls = 40;
constexpr int kExitPollMs = 25;

} // namespace

ExecSession::ExecSession(EngineClient *client, QString container, ExecSessionOptions options,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_container(std::move(container))
    , m_options(std::move(options))
{
    m_headTimer.setSingleShot(true);
    connect(&m_headTimer, &QTimer::timeout, this, &ExecSession::onHeadTimeout);
}

ExecSession::~ExecSession()
{
    m_running = false;
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->close();
    }
}

void ExecSession::start()
{
    if (m_running || !m_client) {
        return;
    }
    m_running = true;
    m_client->inspectContainer(m_container, this, [this](Result<QJsonObject> r) {
        if (!m_running) {
            return;
        }
        if (!r) {
            fail(r.error());
            return;
        }
        const QJsonObject state = r->value(QStringLiteral("State")).toObject();
        m_containerId = r->value(QStringLiteral("Id")).toString();
        m_startedAt = state.value(QStringLiteral("StartedAt")).toString();
        if (!state.value(QStringLiteral("Running")).toBool()) {
            fail(Error{Error::Code::Conflict,
                       QStringLiteral("Container %1 is not running.").arg(m_container),
                       QStringLiteral("Start the service first.")});
            return;
        }
        if (m_options.command.isEmpty()) {
            findShell(0);
        } else {
            create();
        }
    });
}

void ExecSession::findShell(int index)
{
    const QStringList &shells = shellCandidates();
    if (index >= shells.size()) {
        fail(Error{Error::Code::NotFound,
                   QStringLiteral("Container %1 has no shell: none of %2 is on its PATH.")
                       .arg(m_container, shells.join(QStringLiteral(", "))),
                   QStringLiteral("Run a command the image has instead (devdockctl exec SERVICE "
                                  "-- COMMAND), or use an image with a shell.")});
        return;
    }
    // Trying is the probe: a missing binary makes the exec fail with 126/127.
    ExecOptions probe;
    probe.command = {shells.at(index), QStringLiteral("-c"), QStringLiteral("exit 0")};
    probe.user = m_options.user;
    m_client->exec(m_containerId, probe, this, [this, index](Result<ExecResult> r) {
        if (!m_running) {
            return;
        }
        if (!r) {
            fail(r.error());
            return;
        }
        if (r->exitCode == 0) {
            m_options.command = {shellCandidates().at(index)};
            create();
        } else {
            findShell(index + 1);
        }
    });
}

void ExecSession::create()
{
    QJsonObject body{{QStringLiteral("AttachStdin"), m_options.attachStdin},
                     {QStringLiteral("AttachStdout"), true},
                     {QStringLiteral("AttachStderr"), true},
                     {QStringLiteral("Tty"), m_options.tty},
                     {QStringLiteral("Cmd"), QJsonArray::fromStringList(m_options.command)}};
    if (m_options.tty) {
        body.insert(QStringLiteral("ConsoleSize"),
                    QJsonArray{std::max(1, m_options.rows), std::max(1, m_options.columns)});
    }
    QStringList env = m_options.env;
    if (m_options.tty && std::none_of(env.cbegin(), env.cend(), [](const QString &e) {
            return e.startsWith(QLatin1String("TERM="));
        })) {
        env << QStringLiteral("TERM=xterm-256color");
    }
    if (!env.isEmpty()) {
        body.insert(QStringLiteral("Env"), QJsonArray::fromStringList(env));
    }
    if (!m_options.workingDir.isEmpty()) {
        body.insert(QStringLiteral("WorkingDir"), m_options.workingDir);
    }
    if (!m_options.user.isEmpty()) {
        body.insert(QStringLiteral("User"), m_options.user);
    }
    HttpRequest request{"POST", "/containers/" + pct(m_containerId) + "/exec", "application/json",
                        QJsonDocument(body).toJson(QJsonDocument::Compact)};
    m_client->call(request, this, [this](Result<EngineClient::Response> r) {
        if (!m_running) {
            return;
        }
        if (!r) {
            fail(r.error());
            return;
        }
        m_execId = QJsonDocument::fromJson(r->body).object().value(QStringLiteral("Id")).toString();
        if (m_execId.isEmpty()) {
            fail(Error{Error::Code::Protocol,
                       QStringLiteral("The engine created an exec without an id."),
                       {}});
            return;
        }
        openConnection();
    });
}

void ExecSession::openConnection()
{
    const EngineLimits limits = EngineLimits::fromEnvironment();
    m_headTimeoutMs = limits.responseTimeoutMs;
    m_transport = new Transport(m_client->endpoint(), this);
    m_transport->setConnectTimeout(limits.connectTimeoutMs);
    connect(m_transport, &Transport::failed, this, &ExecSession::fail);
    connect(m_transport, &Transport::readyRead, this, &ExecSession::onReadyRead);
    connect(m_transport, &Transport::closed, this, &ExecSession::onClosed);
    connect(m_transport, &Transport::opened, this, [this] {
        const QJsonObject body{{QStringLiteral("Detach"), false},
                               {QStringLiteral("Tty"), m_options.tty}};
        HttpRequest request{"POST",
                            m_client->versioned(QByteArray("/exec/" + pct(m_execId) + "/start")),
                            "application/json",
                            QJsonDocument(body).toJson(QJsonDocument::Compact)};
        // The upgrade asks the engine to hand the connection over (101); older engines answer
        // 200 and stream right after the headers, which the parser accepts as well.
        request.headers = {{"Connection", "Upgrade"}, {"Upgrade", "tcp"}};
        const Endpoint &e = m_transport->endpoint();
        const QByteArray host =
            e.kind == Endpoint::Kind::Tcp ? e.host.toUtf8() : QByteArray("docker");
        m_transport->write(HttpConnection::serialize(request, host));
        if (m_headTimeoutMs > 0) {
            m_headTimer.start(m_headTimeoutMs);
        }
    });
    m_transport->open();
}

void ExecSession::onReadyRead()
{
    if (!m_transport) {
        return;
    }
    const QByteArray bytes = m_transport->readAll();
    const auto before = m_parser.state();
    const auto forward = [this](QByteArrayView raw) {
        if (!m_sink) {
            return;
        }
        if (m_options.tty) {
            m_sink(FrameDemuxer::Stream::Stdout, raw);
        } else if (!m_demuxer.feed(raw, [this](FrameDemuxer::Stream s, QByteArrayView p) {
                       m_sink(s, p);
                   })) {
            fail(makeError(Error::Code::Protocol, m_demuxer.errorString()).error());
        }
    };
    const auto state = m_parser.feed(bytes, forward);
    if (state == HijackParser::State::Error) {
        fail(notDockerError(m_transport->endpoint(), m_parser.errorString()));
        return;
    }
    if (state == HijackParser::State::RefusalComplete) {
        fail(EngineClient::apiError(m_parser.statusCode(), m_parser.refusalBody()));
        return;
    }
    if (before == HijackParser::State::Head && state == HijackParser::State::Streaming) {
        m_headTimer.stop();
        m_streaming = true;
        emit started();
        if (!m_pendingInput.isEmpty()) {
            m_transport->write(std::exchange(m_pendingInput, {}));
        }
        // Engines before API 1.42 ignore ConsoleSize: size the TTY now, as the docker CLI does.
        sendResize();
        if (m_stdinClosePending) {
            closeStdin();
        }
    }
}

void ExecSession::onClosed()
{
    if (!m_running) {
        return;
    }
    const auto state = m_parser.finish();
    if (state == HijackParser::State::RefusalComplete) {
        fail(EngineClient::apiError(m_parser.statusCode(), m_parser.refusalBody()));
        return;
    }
    if (state == HijackParser::State::Error) {
        fail(notDockerError(m_transport->endpoint(), m_parser.errorString()));
        return;
    }
    m_streaming = false;
    queryExit();
}

void ExecSession::queryExit()
{
    m_client->inspectExec(m_execId, this, [this](Result<QJsonObject> r) {
        if (!m_running) {
            return;
        }
        if (!r) {
            fail(r.error());
            return;
        }
        if (r->value(QStringLiteral("Running")).toBool() && ++m_exitPolls < kExitPolls) {
            QTimer::singleShot(kExitPollMs, this, &ExecSession::queryExit);
            return;
        }
        ExecOutcome outcome;
        const QJsonValue code = r->value(QStringLiteral("ExitCode"));
        outcome.exitCode = code.isDouble() ? code.toInt() : -1;
        // Did the session end because the container went away?
        m_client->inspectContainer(m_containerId, this, [this, outcome](Result<QJsonObject> c) {
            if (!m_running) {
                return;
            }
            ExecOutcome o = outcome;
            if (!c) {
                o.container = ExecOutcome::Container::Stopped;
            } else {
                const QJsonObject state = c->value(QStringLiteral("State")).toObject();
                if (!state.value(QStringLiteral("Running")).toBool()) {
                    o.container = ExecOutcome::Container::Stopped;
                } else if (state.value(QStringLiteral("StartedAt")).toString() != m_startedAt) {
                    o.container = ExecOutcome::Container::Restarted;
                }
            }
            m_running = false;
            emit finished(o);
        });
    });
}

void ExecSession::onHeadTimeout()
{
    if (!m_running || m_streaming || !m_transport) {
        return;
    }
    fail(Error{Error::Code::Timeout,
               QStringLiteral("The Docker engine did not answer within %1 at %2 (POST "
                              "/exec/%3/start: the terminal's connection).")
                   .arg(secondsText(m_headTimeoutMs), m_transport->endpoint().uri,
                        m_execId.left(12)),
               QStringLiteral("The endpoint accepted the connection but did not answer: check "
                              "that the engine is healthy (docker info). DEVDOCK_ENGINE_TIMEOUT "
                              "sets the limit (seconds).")});
}

void ExecSession::fail(const Error &error)
{
    if (!m_running) {
        return;
    }
    m_headTimer.stop();
    m_running = false;
    m_streaming = false;
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->close();
    }
    emit finished(std::unexpected(error));
}

void ExecSession::write(const QByteArray &bytes)
{
    if (!m_running) {
        return;
    }
    if (!m_streaming || !m_transport) {
        m_pendingInput += bytes; // typed while connecting: sent once the stream is up
        return;
    }
    m_transport->write(bytes);
}

void ExecSession::closeStdin()
{
    if (!m_streaming || !m_transport) {
        m_stdinClosePending = true;
        return;
    }
    m_stdinClosePending = false;
    if (!m_transport->closeWrite()) {
        qCWarning(lcEngine) << "this transport cannot half-close; stdin stays open";
    }
}

void ExecSession::resize(int rows, int columns)
{
    if (rows < 1 || columns < 1 || (rows == m_options.rows && columns == m_options.columns
                                    && !m_resizePending && m_streaming)) {
        return;
    }
    m_options.rows = rows;
    m_options.columns = columns;
    if (!m_streaming) {
        m_resizePending = true; // the create request carries the size; resend once streaming
        return;
    }
    sendResize();
}

void ExecSession::sendResize()
{
    m_resizePending = false;
    if (!m_options.tty || m_execId.isEmpty()) {
        return;
    }
    HttpRequest request{"POST", "/exec/" + pct(m_execId) + "/resize?h="
                                    + QByteArray::number(m_options.rows)
                                    + "&w=" + QByteArray::number(m_options.columns)};
    m_client->call(request, this, [](Result<EngineClient::Response> r) {
        if (!r) {
            // The process may have just ended; the stream's end reports that.
            qCDebug(lcEngine) << "exec resize:" << r.error().message;
        }
    });
}

void ExecSession::stop()
{
    if (m_transport) {
        m_transport->close();
    }
    if (m_running && m_streaming) {
        onClosed();
    } else if (m_running) {
        fail(Error{Error::Code::Cancelled, QStringLiteral("The session was closed."), {}});
    }
}

} // namespace DevDock::Core
