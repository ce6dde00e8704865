// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"
#include "compose/composemodel.h"
#include "stackenvironment.h"
#include "util/result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

namespace DevDock::Core {

class EngineClient;
class LiveState;
class StackController;

// One open project: where it lives, which Compose profiles and which .env profile are active, the
// loaded model, and the StackController (with its LiveState) that drives it. Loading reads the
// .env profile, the keychain's secrets and the compose files off the GUI thread; a newer load
// replaces an older one.
class ProjectSession final : public QObject
{
    Q_OBJECT
public:
    explicit ProjectSession(EngineClient *client, QObject *parent = nullptr);
    ~ProjectSession() override;

    // `path` is a project folder or a compose file in it; `files` (optional) the compose files
    // to use in that folder, as `-f` would name them.
    void open(const QString &path, const QStringList &files = {});
    void setComposeProfiles(const QStringList &profiles); // reloads
    void setEnvProfile(const QString &profile);           // reloads
    // Compose files merged after the project's own (e.g. DevDock's dev-mode override); the next
    // load uses them. Missing files are an error of that load.
    void setOverlayFiles(const QStringList &files) { m_overlayFiles = files; }
    QStringList overlayFiles() const { return m_overlayFiles; }
    void reload();

    QString directory() const { return m_directory; }
    QStringList files() const { return m_files; }
    QStringList composeProfiles() const { return m_profiles; }
    QString envProfile() const { return m_environment.profile; }
    QStringList availableEnvProfiles() const { return m_environment.availableProfiles; }
    // Keys of the active .env profile that are secret (to mask them wherever they show).
    QStringList secretKeys() const { return m_environment.secretKeys; }
    // Profiles the project's services declare (active or not).
    QStringList availableComposeProfiles() const { return m_allProfiles; }
    bool isLoaded() const { return m_loaded; }
    const ComposeProject &project() const { return m_project; }
    StackController *controller() const { return m_controller; }
    LiveState *liveState() const;

signals:
    void loadStarted();
    void loaded(const DevDock::Core::ComposeProject &project);
    void loadFailed(const DevDock::Core::Error &error);

private:
    struct LoadResult
    {
        Result<ComposeProject> project;
        ComposeLoadOptions options;
        QStringList allProfiles;
    };
    void startLoad();

    EngineClient *m_client;
    StackController *m_controller;
    QString m_directory;
    QStringList m_files;
    QStringList m_profiles;
    QStringList m_overlayFiles;
    QString m_requestedEnvProfile;
    QStringList m_allProfiles;
    StackEnvironment m_environment;
    ComposeProject m_project;
    QFutureWatcher<LoadResult> m_watcher;
    quint64 m_generation = 0;
    bool m_loaded = false;
};

} // namespace DevDock::Core
