// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectsession.h"

#include "env/secretstore.h"
#include "livestate.h"
#include "stackcontroller.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace DevDock::Core {

ProjectSession::ProjectSession(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_controller(new StackController(client, this))
{}

ProjectSession::~ProjectSession()
{
    m_watcher.waitForFinished();
}

LiveState *ProjectSession::liveState() const
{
    return m_controller->liveState();
}

void ProjectSession::open(const QString &path, const QStringList &files)
{
    const QFileInfo info(path);
    if (info.isFile()) {
        m_directory = info.absolutePath();
        m_files = {info.absoluteFilePath()};
    } else {
        m_directory = info.absoluteFilePath();
        m_files = files;
    }
    m_profiles.clear();
    m_overlayFiles.clear(); // they belong to the previous project
    m_requestedEnvProfile.clear();
    m_loaded = false;
    liveState()->stop();
    startLoad();
}

void ProjectSession::setComposeProfiles(const QStringList &profiles)
{
    m_profiles = profiles;
    startLoad();
}

void ProjectSession::setEnvProfile(const QString &profile)
{
    m_requestedEnvProfile = profile;
    startLoad();
}

void ProjectSession::reload()
{
    startLoad();
}

void ProjectSession::startLoad()
{
    if (m_directory.isEmpty()) {
        return;
    }
    const quint64 generation = ++m_generation;
    emit loadStarted();
    // The keychain first (asynchronous, on this thread), then the files in a job.
    auto store =
        std::make_shared<KeychainSecretStore>(KeychainSecretStore::scopeForProject(m_directory));
    loadStackEnvironment(m_directory, m_requestedEnvProfile, store.get(), this,
                         [this, store, generation](StackEnvironment environment) {
                             if (generation != m_generation) {
                                 return;
                             }
                             m_environment = environment;
                             ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
                             options.workingDirectory = m_directory;
                             options.projectDirectory = m_directory;
                             options.files = m_files;
                             options.profiles = m_profiles;
                             applyStackEnvironment(options, environment);
                             m_watcher.disconnect(this);
                             connect(&m_watcher, &QFutureWatcher<LoadResult>::finished, this,
                                     [this, generation] {
                                         if (generation != m_generation) {
                                             return;
                                         }
                                         const LoadResult result = m_watcher.result();
                                         if (!result.project) {
                                             emit loadFailed(result.project.error());
                                             return;
                                         }
                                         m_project = *result.project;
                                         m_allProfiles = result.allProfiles;
                                         m_loaded = true;
                                         m_controller->setProject(m_project, result.options);
                                         m_controller->setEnvironment(m_environment.secrets);
                                         liveState()->start();
                                         emit loaded(m_project);
                                     });
                             const QStringList overlays = m_overlayFiles;
                             m_watcher.setFuture(QtConcurrent::run([options, overlays]() {
                                 LoadResult result{loadComposeProject(options), options, {}};
                                 if (result.project && !overlays.isEmpty()) {
                                     // The project's own files (as discovered), then the overlays.
                                     ComposeLoadOptions withOverlays = options;
                                     withOverlays.files = result.project->configFiles + overlays;
                                     result.project = loadComposeProject(withOverlays);
                                     result.options = withOverlays;
                                 }
                                 // Every profile any service declares, for the profile picker: load
                                 // once more with all of them active ("*" is Compose's wildcard).
                                 ComposeLoadOptions all = options;
                                 all.profiles = {QStringLiteral("*")};
                                 if (auto everything = loadComposeProject(all)) {
                                     for (const ComposeService &s : everything->services) {
                                         for (const QString &p : s.profiles) {
                                             if (!result.allProfiles.contains(p)) {
                                                 result.allProfiles << p;
                                             }
                                         }
                                     }
                                 }
                                 result.allProfiles.sort();
                                 return result;
                             }));
                         });
}

} // namespace DevDock::Core
