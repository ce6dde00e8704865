// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventhub.h"

#include "engineclient.h"
#include "eventstream.h"

namespace DevDock::Core {

EventHub *EventHub::of(EngineClient *client)
{
    if (!client) {
        return nullptr;
    }
    if (auto *hub = client->findChild<EventHub *>(QString(), Qt::FindDirectChildrenOnly)) {
        return hub;
    }
    return new EventHub(client);
}

EventHub::EventHub(EngineClient *client)
    : QObject(client)
    , m_client(client)
{}

EventHub::~EventHub() = default;

QStringList EventHub::wantedActions()
{
    // Everything but exec_* (health probes: several a second on a healthy stack), attach, resize,
    // top, export, commit, copy, archive-path and extract-to-dir, which change no state.
    // "health_status" matches "health_status: healthy" and the others (the engine matches it
    // loosely, by prefix).
    return {QStringLiteral("create"),  QStringLiteral("start"),   QStringLiteral("restart"),
            QStringLiteral("stop"),    QStringLiteral("kill"),    QStringLiteral("die"),
            QStringLiteral("oom"),     QStringLiteral("pause"),   QStringLiteral("unpause"),
            QStringLiteral("destroy"), QStringLiteral("rename"),  QStringLiteral("update"),
            QStringLiteral("health_status")};
}

void EventHub::acquire()
{
    if (++m_holders > 1 || !m_client) {
        return;
    }
    delete m_stream;
    m_stream = new EventStream(m_client,
                               {{QStringLiteral("type"), {QStringLiteral("container")}},
                                {QStringLiteral("event"), wantedActions()}},
                               this);
    connect(m_stream, &EventStream::connected, this, [this] {
        ++m_connections;
        emit connected();
    });
    connect(m_stream, &EventStream::eventReceived, this, &EventHub::eventReceived);
    connect(m_stream, &EventStream::disconnected, this, &EventHub::disconnected);
    connect(m_stream, &EventStream::resyncNeeded, this, &EventHub::resyncNeeded);
    m_stream->start();
}

void EventHub::release()
{
    if (m_holders == 0) {
        return;
    }
    if (--m_holders == 0 && m_stream) {
        m_stream->stop();
        m_stream->deleteLater();
        m_stream = nullptr;
    }
}

bool EventHub::isConnected() const
{
    return m_stream && m_stream->isConnected();
}

} // namespace DevDock::Core
