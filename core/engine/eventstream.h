// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enginetypes.h"
#include "linesplitter.h"
#include "util/result.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace DevDock::Core {

class EngineClient;
class HttpConnection;

// The engine's event stream (GET /events). When the connection drops — the engine restarted, the
// socket went away — it reconnects with exponential backoff, resumes from the last event it saw
// (`since`), and emits resyncNeeded() so that listeners re-list what they track: events that
// happened while it was away may be lost for good (an engine restart forgets them).
class EventStream final : public QObject
{
    Q_OBJECT
public:
    explicit EventStream(EngineClient *client, QMap<QString, QStringList> filters = {},
                         QObject *parent = nullptr);
    ~EventStream() override;

    void setSince(const QString &since) { m_initialSince = since; }
    void setUntil(const QString &until) { m_until = until; }
    void setReconnect(bool enabled) { m_reconnect = enabled; }
    void setBackoff(int initialMs, int maxMs);

    void start();
    void stop();
    bool isConnected() const { return m_connected; }
    int reconnectCount() const { return m_reconnects; }

signals:
    void connected();
    void eventReceived(const DevDock::Core::EngineEvent &event);
    // The stream broke; a reconnect is scheduled (when enabled).
    void disconnected(const DevDock::Core::Error &error);
    // Reconnected after a break: re-list whatever you track.
    void resyncNeeded();
    // The stream ended for good: an API error (bad filter), or it ended with reconnect disabled.
    void finished(const DevDock::Core::Result<void> &result);

private:
    void connectNow();
    void onBroken(const Error &error);
    void scheduleReconnect();

    QPointer<EngineClient> m_client;
    QMap<QString, QStringList> m_filters;
    QString m_initialSince;
    QString m_until;
    HttpConnection *m_connection = nullptr;
    LineSplitter m_lines;
    QTimer m_retryTimer;
    qint64 m_lastTimeNano = 0;
    int m_status = 0;
    QByteArray m_errorBody;
    int m_initialBackoffMs = 200;
    int m_maxBackoffMs = 5000;
    int m_backoffMs = 200;
    int m_reconnects = 0;
    bool m_running = false;
    bool m_connected = false;
    bool m_everConnected = false;
    bool m_reconnect = true;
};

} // namespace DevDock::Core
