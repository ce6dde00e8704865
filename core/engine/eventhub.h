// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enginetypes.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>

namespace DevDock::Core {

class EngineClient;
class EventStream;

// The one container event subscription (GET /events) of an engine, shared by everything that
// follows that engine: every project's LiveState, the workspace's summaries, the container list.
// The stream runs while anyone holds it (acquire/release). Health probes run as execs; their
// exec_* events are filtered out by the engine itself, so a stack of healthy services costs no
// wake-ups at all (health_status events still arrive, on every change).
class EventHub final : public QObject
{
    Q_OBJECT
public:
    // The hub of this client (created on first use, a child of the client).
    static EventHub *of(EngineClient *client);
    ~EventHub() override;

    void acquire();
    void release();
    int holders() const { return m_holders; }
    bool isConnected() const;
    // How many times the stream connected (for tests and benchmarks: one per engine).
    int connectionCount() const { return m_connections; }
    EngineClient *client() const { return m_client; }

    // The actions the stream asks the engine for (container events DevDock acts on).
    static QStringList wantedActions();

signals:
    void connected();
    void eventReceived(const DevDock::Core::EngineEvent &event);
    void disconnected(const DevDock::Core::Error &error);
    // Reconnected after a break: re-list whatever you track.
    void resyncNeeded();

private:
    explicit EventHub(EngineClient *client);

    QPointer<EngineClient> m_client;
    EventStream *m_stream = nullptr;
    int m_holders = 0;
    int m_connections = 0;
};

} // namespace DevDock::Core
