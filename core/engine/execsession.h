// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "framedemuxer.h"
#include "hijackparser.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace DevDock::Core {

class EngineClient;
class Transport;

struct ExecSessionOptions
{
    QStringList command; // empty: the container's shell (bash, then sh, then ash)
    QStringList env;
    QString workingDir;
    QString user;
    bool tty = true;
    bool attachStdin = true;
    int rows = 24;
    int columns = 80;
};

// How an interactive session ended.
struct ExecOutcome
{
    enum class Container { Running, Stopped, Restarted };
    int exitCode = -1; // -1: unknown (the engine did not say)
    Container container = Container::Running;
    bool operator==(const ExecOutcome &) const = default; // moc compares signal arguments
};

// An interactive process in a running container over the Engine API, as `docker exec -it` runs it:
// POST /containers/{id}/exec, then POST /exec/{id}/start on a connection of its own that the
// engine hijacks (HTTP upgrade; 101, or 200 on older engines) for the process's stdin and output,
// POST /exec/{id}/resize on every resize, GET /exec/{id}/json for the exit code once the stream
// ends. Works on every transport the endpoint may use (unix socket, TCP, TCP+TLS, ssh
// dial-stdio). Without a TTY the output is the multiplexed frame stream, demultiplexed here.
class ExecSession final : public QObject
{
    Q_OBJECT
public:
    using Sink = std::function<void(FrameDemuxer::Stream, QByteArrayView)>;

    ExecSession(EngineClient *client, QString container, ExecSessionOptions options,
                QObject *parent = nullptr);
    ~ExecSession() override;

    void setSink(Sink sink) { m_sink = std::move(sink); }
    void start();
    // Bytes for the process's stdin (keys, pastes). Dropped before started() and after the end.
    void write(const QByteArray &bytes);
    // The process sees EOF on stdin (half-close of the hijacked connection).
    void closeStdin();
    void resize(int rows, int columns);
    // Ends the session from our side (closes the connection; the process gets SIGHUP with a TTY).
    void stop();

    bool isRunning() const { return m_streaming; }
    QString containerId() const { return m_containerId; }
    QString command() const { return m_options.command.join(QLatin1Char(' ')); }

signals:
    void started();
    void finished(const DevDock::Core::Result<DevDock::Core::ExecOutcome> &outcome);

private:
    void findShell(int index);
    void create();
    void openConnection();
    void onReadyRead();
    void onClosed();
    void queryExit();
    void fail(const Error &error);
    void sendResize();
    void onHeadTimeout();

    QPointer<EngineClient> m_client;
    QString m_container;
    QString m_containerId;
    QString m_startedAt;
    QString m_execId;
    ExecSessionOptions m_options;
    Sink m_sink;
    Transport *m_transport = nullptr;
    // The engine's answer to the start request must come within the response timeout, as for
    // any request; once streaming, a quiet shell is normal and the connection's end tells.
    QTimer m_headTimer;
    int m_headTimeoutMs = 0;
    HijackParser m_parser;
    FrameDemuxer m_demuxer;
    QByteArray m_pendingInput;
    bool m_running = false;
    bool m_streaming = false;
    bool m_stdinClosePending = false;
    bool m_resizePending = false;
    int m_exitPolls = 0;
};

} // namespace DevDock::Core
