// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "engine/enginetypes.h"
#include "portpreflight.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace DevDock::Core {

class EngineClient;
class StackController;

// Keeps the pre-flight of a project's published ports current, so that a port list never shows
// a conflict that is gone (or misses a new one): it checks again after every stack action and
// whenever a container starts or stops on the engine, ours or anyone's. Checks triggered by
// events are coalesced; an answer older than the newest request is dropped.
class PortMonitor final : public QObject
{
    Q_OBJECT
public:
    explicit PortMonitor(EngineClient *client, QObject *parent = nullptr);

    // The engine to check against (the bound project's own, which may be another context's).
    void setClient(EngineClient *client);
    EngineClient *client() const { return m_client; }
    // The project whose ports to check; checks at once.
    void setProject(const ComposeProject &project);
    // Checks again after each action of the controller (successful or not).
    void watch(StackController *controller);
    // The engine's containers (ContainerWatcher's list): a change in which of them run checks
    // again, shortly after.
    void setContainers(const QList<ContainerSummary> &containers);
    // How long a burst of container changes is coalesced into one check.
    void setCoalesceInterval(int ms) { m_coalesce.setInterval(ms); }

    void check();
    bool hasReport() const { return m_hasReport; }
    const PortReport &report() const { return m_report; }

signals:
    void reportChanged(const DevDock::Core::PortReport &report);
    void checkFailed(const DevDock::Core::Error &error);

private:
    QPointer<EngineClient> m_client;
    QPointer<StackController> m_controller;
    QString m_projectName;
    QList<PortRequest> m_requests;
    QSet<QString> m_running; // ids of the running containers last seen
    bool m_containersKnown = false;
    QTimer m_coalesce;
    quint64 m_generation = 0;
    PortReport m_report;
    bool m_hasReport = false;
};

} // namespace DevDock::Core
