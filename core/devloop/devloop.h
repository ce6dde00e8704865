// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "devmode.h"
#include "filesync.h"

#include <QObject>
#include <QStringList>

namespace DevDock::Core {

class EngineClient;
class ProjectRuntime;

// Hot reload for an open project, per service: dev mode (its dev override applied, only that
// service recreated) and file sync (its develop.watch rules run by DevDock). Both choices are
// remembered per project folder and come back when the project opens again.
class DevLoop final : public QObject
{
    Q_OBJECT
public:
    DevLoop(EngineClient *client, ProjectRuntime *session, QObject *parent = nullptr);
    ~DevLoop() override;

    // Services that have a dev configuration, and those in dev mode now.
    QStringList devCapableServices() const { return m_sources.sections.keys(); }
    QStringList devModeServices() const { return m_devServices; }
    QString devModeOrigin(const QString &service) const { return m_sources.origin.value(service); }
    // Switches dev mode; the service is recreated (and only it) when it runs or `recreate`.
    void setDevMode(const QString &service, bool on);

    // Services with develop.watch rules, and those being synced now.
    QStringList syncableServices() const;
    QStringList syncedServices() const { return m_syncServices; }
    void setSync(const QString &service, bool on);
    FileSync *fileSync() const { return m_sync; }
    SyncStatus syncStatus(const QString &service) const { return m_sync->status(service); }

signals:
    void changed(); // dev mode or sync switched, or the sync status of a service changed
    void failed(const DevDock::Core::Error &error);

private:
    void onLoaded();
    void applySync();

    EngineClient *m_client;
    ProjectRuntime *m_session;
    FileSync *m_sync;
    DevModeSources m_sources;
    QStringList m_devServices;
    QStringList m_syncServices;
    QString m_directory;
    QString m_pendingRecreate; // recreate this service after the reload its switch caused
};

// The services with file sync switched on, remembered per project folder.
QStringList syncServices(const QString &projectDirectory);
void setSyncServices(const QString &projectDirectory, const QStringList &services);

} // namespace DevDock::Core
