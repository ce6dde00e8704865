// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "portmonitor.h"

#include "engine/engineclient.h"

#include "stackcontroller.h"

namespace DevDock::Core {

PortMonitor::PortMonitor(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(200);
    connect(&m_coalesce, &QTimer::timeout, this, &PortMonitor::check);
}

void PortMonitor::setClient(EngineClient *client)
{
    if (client == m_client) {
        return;
    }
    m_client = client;
    m_coalesce.stop(); // a check the previous engine's containers asked for
    ++m_generation;    // an answer from the previous engine is void
    m_running.clear();
    m_containersKnown = false;
    m_hasReport = false;
}

void PortMonitor::setProject(const ComposeProject &project)
{
    m_projectName = project.name;
    m_requests = publishedPorts(project, {});
    check();
}

void PortMonitor::watch(StackController *controller)
{
    if (m_controller) {
        m_controller->disconnect(this);
    }
    m_controller = controller;
    // Also after a failed action: a conflict refused it, or it started part of the stack.
    connect(controller, &StackController::actionFinished, this, &PortMonitor::check);
}

void PortMonitor::setContainers(const QList<ContainerSummary> &containers)
{
    QSet<QString> running;
    for (const ContainerSummary &c : containers) {
        if (c.state == QLatin1String("running")) {
            running.insert(c.id);
        }
    }
    const bool changed = m_containersKnown && running != m_running;
    m_running = running;
    m_containersKnown = true;
    if (changed && !m_requests.isEmpty()) {
        m_coalesce.start();
    }
}

void PortMonitor::check()
{
    m_coalesce.stop();
    if (!m_client || m_projectName.isEmpty()) {
        return;
    }
    const quint64 generation = ++m_generation;
    checkPorts(m_client, m_projectName, m_requests, this,
               [this, generation](Result<PortReport> report) {
                   if (generation != m_generation) {
                       return; // a newer check is under way
                   }
                   if (!report) {
                       emit checkFailed(report.error());
                       return;
                   }
                   m_report = *report;
                   m_hasReport = true;
                   emit reportChanged(m_report);
               });
}

} // namespace DevDock::Core
