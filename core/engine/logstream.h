// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enginetypes.h"
#include "framedemuxer.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace DevDock::Core {

class EngineClient;
class HttpConnection;

// A container's log stream (GET /containers/{id}/logs). Containers with a TTY send raw bytes
// (all of it arrives as stdout); others send the multiplexed frame stream, demultiplexed here.
// The bytes reach the sink unchanged and in order, as they arrive. One connection per stream.
class LogStream final : public QObject
{
    Q_OBJECT
public:
    using Sink = std::function<void(FrameDemuxer::Stream, QByteArrayView)>;

    LogStream(EngineClient *client, QString container, LogOptions options,
              QObject *parent = nullptr);
    ~LogStream() override;

    void setSink(Sink sink) { m_sink = std::move(sink); }
    void start();
    void stop();

    bool isTty() const { return m_tty; }
    QString containerId() const { return m_containerId; }

signals:
    // Inspected the container and opened the stream.
    void started(bool tty);
    // The stream ended: with follow, the container stopped; without, all logs were read.
    // An Error carries API errors (no such container), broken connections and the engine's
    // stream-type-3 error frames.
    void finished(const DevDock::Core::Result<void> &result);

private:
    void openStream();
    void finish(const Result<void> &result);

    QPointer<EngineClient> m_client;
    QString m_container;
    QString m_containerId;
    LogOptions m_options;
    Sink m_sink;
    FrameDemuxer m_demuxer;
    HttpConnection *m_connection = nullptr;
    QByteArray m_errorBody;
    QByteArray m_systemError;
    int m_status = 0;
    bool m_tty = false;
    bool m_running = false;
};

} // namespace DevDock::Core
