// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"
#include "compose/composemodel.h"
#include "projectsummary.h"
#include "stack/stackenvironment.h"
#include "util/result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

#include <optional>

namespace DevDock::Core {

struct BackupSettings;
class BackupRepository;
class DevLoop;
class ProjectBackups;
class EngineClient;
class LiveState;
class ProjectLogs;
class SecretStore;
class ServiceStats;
class StackController;

// One open project, whether it is on screen or not: where it lives, which Compose profiles and
// which .env profile are active, the loaded model, and the objects that follow and drive it
// (LiveState, StackController, ProjectLogs, ServiceStats, DevLoop). It is the only way a project
// is loaded: the .env profile, the keychain's secrets, the compose files and the dev-mode overlay,
// in one background job (the declared profiles come from the same parse); a newer load replaces an
// older one. A reload changes values, never these objects: log streams, their stores (and so
// searches over them) stay, and only containers whose id changed get new streams.
class ProjectRuntime final : public QObject
{
    Q_OBJECT
public:
    explicit ProjectRuntime(EngineClient *client, QObject *parent = nullptr);
    ~ProjectRuntime() override;

    // The workspace key of a project: its canonical directory plus its -f files.
    static QString idFor(const QString &directory, const QStringList &files = {});

    // `path` is a project folder or a compose file in it; `files` (optional) the compose files
    // to use in that folder, as `-f` would name them.
    void open(const QString &path, const QStringList &files = {});
    // Opens with load options as a command line gave them (-p, -f, --profile, --env-file,
    // --project-directory) and that .env profile (empty: the default one).
    void open(const ComposeLoadOptions &options, const QString &envProfile = {});
    void reload();
    // Points the runtime at a project as open(options, envProfile) does, without loading it yet
    // (the next reload() or loadAside() loads it).
    void prepare(const ComposeLoadOptions &options, const QString &envProfile = {});
    // Where loads read the profile's secrets (default: the project's keychain scope). Not owned;
    // it must outlive the runtime. nullptr: no secrets at all.
    void setSecretStore(SecretStore *store);
    // Loads refuse unset required variables (devdockctl) instead of collecting them (default).
    void setTolerateMissingRequired(bool tolerate) { m_tolerateMissing = tolerate; }
    // Whether a load starts following the engine (LiveState; default). devdockctl's commands
    // that need it start it themselves.
    void setFollowEngine(bool follow) { m_followEngine = follow; }
    // The window's runtimes remember the user's Compose profile choice per project: opening
    // without profiles uses the remembered ones, setComposeProfiles() stores them (default off:
    // devdockctl runs with the profiles it is given).
    void setRemembersComposeProfiles(bool remembers) { m_remembersProfiles = remembers; }
    void setComposeProfiles(const QStringList &profiles); // reloads
    void setEnvProfile(const QString &profile);           // reloads
    // Compose files merged after the project's own (DevDock's dev-mode override); the next load
    // uses them. Missing files are an error of that load.
    void setOverlayFiles(const QStringList &files) { m_overlayFiles = files; }
    QStringList overlayFiles() const { return m_overlayFiles; }

    EngineClient *client() const { return m_client; }
    QString id() const { return m_id; }
    QString directory() const { return m_directory; }
    QStringList files() const { return m_files; }
    QStringList composeProfiles() const { return m_profiles; }
    QString envProfile() const { return m_environment.profile; }
    QStringList availableEnvProfiles() const { return m_environment.availableProfiles; }
    // Keys of the active .env profile that are secret (to mask them wherever they show).
    QStringList secretKeys() const { return m_environment.secretKeys; }
    QHash<QString, QString> secrets() const { return m_environment.secrets; }
    // Profiles the project's services declare (active or not).
    QStringList availableComposeProfiles() const { return m_allProfiles; }
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_loading; }
    const ComposeProject &project() const { return m_project; }
    // The required variables (${X:?msg}) that are unset: the project opens for display, but
    // nothing may run it until they are set.
    QList<ComposeMissingVariable> missingRequired() const { return m_project.missingRequired; }
    Error lastError() const { return m_lastError; }
    // The options the last good load used (files as loaded, dev override included).
    const ComposeLoadOptions &loadOptions() const { return m_loadOptions; }
    const StackEnvironment &environment() const { return m_environment; }

    LiveState *liveState() const;
    StackController *controller() const { return m_controller; }
    ProjectLogs *logs() const { return m_logs; }
    ServiceStats *stats() const { return m_stats; }
    DevLoop *devLoop() const { return m_devLoop; }
    // The project's data: inventory, backups, the schedule, and the gate that backs up a
    // database service before the controller recreates it with a new image.
    ProjectBackups *backups() const { return m_backups; }
    // The project's backup schedule and retention, saved in DevDock's settings under its id.
    BackupSettings backupSettings() const;
    void setBackupSettings(const BackupSettings &settings);

    // On screen (foreground): logs and stats stream. Background: only the live state (the
    // summary) follows the engine; no log or stats streams.
    void setForeground(bool foreground);
    bool isForeground() const { return m_foreground; }
    // The stats streams run only while a view that shows usage is visible (and in foreground).
    void setStatsWanted(bool wanted);

    // The live part of the summary (Workspace adds pinned, active, origin).
    ProjectSummary summary() const;

    // The load recipe once more, aside: the project as it would load with its environment
    // adjusted (e.g. with a planned .env.local in place of the real one), leaving this runtime as
    // it is. `adjust` may return an object the files need until they are read (a temporary copy);
    // it is released in the job.
    using EnvironmentAdjust = std::function<std::shared_ptr<void>(StackEnvironment &)>;
    struct AsideLoad
    {
        Result<ComposeProject> project;
        ComposeLoadOptions options;
        StackEnvironment environment;
    };
    void loadAside(const EnvironmentAdjust &adjust,
                   std::function<void(const AsideLoad &)> done);

signals:
    void loadStarted();
    void loaded(const DevDock::Core::ComposeProject &project);
    void loadFailed(const DevDock::Core::Error &error);
    void summaryChanged(const DevDock::Core::ProjectSummary &summary);

private:
    QStringList rememberedComposeProfiles() const;

    struct LoadResult
    {
        Result<ComposeProject> project;
        ComposeLoadOptions options;
        QStringList allProfiles;
    };
    static LoadResult loadInJob(ComposeLoadOptions options, const QStringList &overlays,
                                const QString &directory);
    // The one recipe: .env profile -> secrets -> compose files -> dev overlay (one job).
    void runRecipe(const EnvironmentAdjust &adjust,
                   std::function<void(const StackEnvironment &, const LoadResult &)> done);
    void startLoad();
    void finishLoad(const LoadResult &result);
    void syncStreams();
    void emitSummary();

    EngineClient *m_client;
    StackController *m_controller;
    ProjectLogs *m_logs;
    ServiceStats *m_stats;
    DevLoop *m_devLoop;
    BackupRepository *m_backupRepository;
    ProjectBackups *m_backups;
    QString m_id;
    QString m_directory;
    QStringList m_files;
    QStringList m_profiles;
    QStringList m_overlayFiles;
    QString m_requestedEnvProfile;
    QStringList m_allProfiles;
    StackEnvironment m_environment;
    ComposeProject m_project;
    ComposeLoadOptions m_loadOptions;
    std::optional<ComposeLoadOptions> m_baseOptions;
    SecretStore *m_secretStore = nullptr;
    bool m_customSecretStore = false;
    bool m_tolerateMissing = true;
    bool m_remembersProfiles = false;
    bool m_followEngine = true;
    Error m_lastError;
    quint64 m_generation = 0;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_foreground = false;
    bool m_statsWanted = false;
    ProjectSummary m_lastSummary;
};

} // namespace DevDock::Core
