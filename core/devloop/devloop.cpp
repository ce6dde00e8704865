// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devloop.h"

#include "engine/engineclient.h"
#include "stack/livestate.h"
#include "workspace/projectruntime.h"
#include "stack/stackcontroller.h"
#include "util/projectsettings.h"

namespace DevDock::Core {

QStringList syncServices(const QString &projectDirectory)
{
    return sharedSettings()
        .value(projectSettingsKey(QStringLiteral("fileSync"), projectDirectory))
        .toStringList();
}

void setSyncServices(const QString &projectDirectory, const QStringList &services)
{
    rememberList(QStringLiteral("fileSync"), projectDirectory, services);
}

DevLoop::DevLoop(EngineClient *client, ProjectRuntime *session, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_session(session)
    , m_sync(new FileSync(client, this))
{
    connect(session, &ProjectRuntime::loaded, this, &DevLoop::onLoaded);
    connect(m_sync, &FileSync::statusChanged, this, &DevLoop::changed);
    m_sync->setRebuildHandler(
        [this](const QString &service) { m_session->controller()->rebuild(service); });
}

DevLoop::~DevLoop() = default;

void DevLoop::onLoaded()
{
    const QString directory = m_session->directory();
    const QString overridePath = devOverridePath(directory);
    if (directory != m_directory) {
        // Another project: its remembered choices.
        m_directory = directory;
        m_devServices = Core::devModeServices(directory);
        m_syncServices = Core::syncServices(directory);
        m_pendingRecreate.clear();
    }
    // The dev file and the x-devdock extensions, as they are now.
    auto sources = findDevModeSources(m_session->project(), directory);
    if (!sources) {
        emit failed(sources.error());
        return;
    }
    m_sources = *sources;
    m_devServices.removeIf([this](const QString &s) { return !m_sources.sections.contains(s); });
    const QStringList wanted = m_devServices.isEmpty() ? QStringList() : QStringList{overridePath};
    if (m_session->overlayFiles() != wanted) {
        if (auto written = writeDevOverride(m_sources, m_devServices, overridePath); !written) {
            emit failed(written.error());
            return;
        }
        m_session->setOverlayFiles(wanted);
        m_session->reload(); // comes back here with the override in place
        return;
    }
    if (!m_pendingRecreate.isEmpty()) {
        // Recreated only when it exists: asked of the engine, which knows even what the live
        // state has not listed yet.
        const QString service = std::exchange(m_pendingRecreate, {});
        ContainerListOptions options;
        options.all = true;
        options.filters.insert(
            QStringLiteral("label"),
            {QStringLiteral("com.docker.compose.project=") + m_session->project().name,
             QStringLiteral("com.docker.compose.service=") + service});
        m_client->listContainers(
            options, this, [this, service](const Result<QList<ContainerSummary>> &found) {
                if (!found) {
                    emit failed(found.error());
                    return;
                }
                if (found->isEmpty()) {
                    return; // not created: it starts with its dev configuration when it starts
                }
                ComposeUpOptions up;
                up.noDeps = true;
                up.forceRecreate = true;
                m_session->controller()->up({service}, up);
            });
    }
    applySync();
    emit changed();
}

void DevLoop::setDevMode(const QString &service, bool on)
{
    if (on == m_devServices.contains(service)) {
        return;
    }
    if (on && !m_sources.sections.contains(service)) {
        emit failed(noDevModeError(service));
        return;
    }
    if (on) {
        m_devServices << service;
    } else {
        m_devServices.removeAll(service);
    }
    setDevModeServices(m_directory, m_devServices);
    const QString overridePath = devOverridePath(m_directory);
    if (auto written = writeDevOverride(m_sources, m_devServices, overridePath); !written) {
        emit failed(written.error());
        return;
    }
    m_session->setOverlayFiles(m_devServices.isEmpty() ? QStringList() : QStringList{overridePath});
    m_pendingRecreate = service;
    m_session->reload();
    emit changed();
}

QStringList DevLoop::syncableServices() const
{
    QStringList names;
    for (const ComposeService &s : m_session->project().services) {
        if (!s.watch.isEmpty()) {
            names << s.name;
        }
    }
    return names;
}

void DevLoop::setSync(const QString &service, bool on)
{
    if (on == m_syncServices.contains(service)) {
        return;
    }
    if (on) {
        m_syncServices << service;
    } else {
        m_syncServices.removeAll(service);
    }
    setSyncServices(m_directory, m_syncServices);
    applySync();
    emit changed();
}

void DevLoop::applySync()
{
    QStringList active;
    for (const QString &s : std::as_const(m_syncServices)) {
        if (syncableServices().contains(s)) {
            active << s;
        }
    }
    m_sync->stop();
    if (active.isEmpty()) {
        m_sync->setProject(ComposeProject{}, {});
        return;
    }
    m_sync->setProject(m_session->project(), active);
    m_sync->start();
}

} // namespace DevDock::Core
