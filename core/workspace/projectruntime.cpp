// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectruntime.h"

#include "data/backuprepository.h"
#include "data/projectbackups.h"
#include "devloop/devloop.h"
#include "devloop/devmode.h"
#include "env/secretstore.h"
#include "logs/projectlogs.h"
#include "servicestats.h"
#include "stack/livestate.h"
#include "stack/stackcontroller.h"
#include "util/settingsfile.h"
#include "util/trace.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace DevDock::Core {

namespace {
Q_LOGGING_CATEGORY(lcRuntime, "devdock.runtime")
} // namespace

ProjectRuntime::ProjectRuntime(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_controller(new StackController(client, this))
    , m_logs(new ProjectLogs(client, this))
    , m_stats(new ServiceStats(client, this))
    , m_devLoop(nullptr)
    , m_backupRepository(new BackupRepository(nullptr, this))
    , m_backups(new ProjectBackups(client, m_backupRepository, this))
{
    // Every up and rebuild, from the window or devdockctl, asks the data first.
    m_controller->setActionGate(m_backups->dataGate());
    LogOptions logOptions;
    logOptions.follow = true;
    logOptions.tail = QStringLiteral("1000");
    m_logs->setOptions(logOptions);
    m_devLoop = new DevLoop(client, this, this);
    LiveState *live = liveState();
    connect(live, &LiveState::servicesChanged, this, [this] {
        syncStreams();
        emitSummary();
    });
    connect(live, &LiveState::engineStatusChanged, this, &ProjectRuntime::emitSummary);
    // The first listing makes the state known; it may come after the last servicesChanged.
    connect(live, &LiveState::ready, this, &ProjectRuntime::emitSummary);
    connect(m_devLoop, &DevLoop::changed, this, &ProjectRuntime::emitSummary);
}

ProjectRuntime::~ProjectRuntime()
{
    // A load job still reading files finishes before the runtime's objects go.
    for (QFutureWatcherBase *watcher : findChildren<QFutureWatcherBase *>()) {
        watcher->disconnect(this);
        watcher->waitForFinished();
    }
}

QString ProjectRuntime::idFor(const QString &directory, const QStringList &files)
{
    const QString canonical = QDir(directory).canonicalPath();
    const QString base = canonical.isEmpty() ? QDir::cleanPath(directory) : canonical;
    if (files.isEmpty()) {
        return base;
    }
    return base + QStringLiteral("?f=") + files.join(QLatin1Char(','));
}

LiveState *ProjectRuntime::liveState() const
{
    return m_controller->liveState();
}

void ProjectRuntime::open(const QString &path, const QStringList &files)
{
    const QFileInfo info(path);
    if (info.isFile()) {
        m_directory = info.absolutePath();
        m_files = {info.absoluteFilePath()};
    } else {
        m_directory = info.absoluteFilePath();
        m_files = files;
    }
    m_id = idFor(m_directory, files.isEmpty() && info.isFile() ? m_files : files);
    m_profiles = rememberedComposeProfiles();
    m_overlayFiles.clear(); // they belong to the previous project
    m_requestedEnvProfile.clear();
    m_baseOptions.reset();
    m_loaded = false;
    liveState()->stop();
    startLoad();
}

void ProjectRuntime::open(const ComposeLoadOptions &options, const QString &envProfile)
{
    prepare(options, envProfile);
    startLoad();
}

void ProjectRuntime::prepare(const ComposeLoadOptions &options, const QString &envProfile)
{
    m_directory = projectDirectoryOf(options);
    m_files = options.files;
    m_id = idFor(m_directory, m_files);
    m_profiles = options.profiles.isEmpty() ? rememberedComposeProfiles() : options.profiles;
    m_overlayFiles.clear();
    m_requestedEnvProfile = envProfile;
    m_baseOptions = options;
    m_loaded = false;
    liveState()->stop();
}

void ProjectRuntime::setSecretStore(SecretStore *store)
{
    m_secretStore = store;
    m_customSecretStore = true;
}

QStringList ProjectRuntime::rememberedComposeProfiles() const
{
    if (!m_remembersProfiles) {
        return {};
    }
    QSettings settings;
    return settings
        .value(projectSettingsGroup(QStringLiteral("composeProfiles"), m_id)
               + QStringLiteral("/active"))
        .toStringList();
}

void ProjectRuntime::setComposeProfiles(const QStringList &profiles)
{
    m_profiles = profiles;
    if (m_remembersProfiles) {
        QSettings settings;
        const QString key = projectSettingsGroup(QStringLiteral("composeProfiles"), m_id)
                            + QStringLiteral("/active");
        if (profiles.isEmpty()) {
            settings.remove(key);
        } else {
            settings.setValue(key, profiles);
        }
        if (const auto saved = saveSettings(settings); !saved) {
            qCWarning(lcRuntime).noquote() << "compose profiles not remembered:"
                                          << saved.error().message;
        }
    }
    startLoad();
}

void ProjectRuntime::setEnvProfile(const QString &profile)
{
    m_requestedEnvProfile = profile;
    startLoad();
}

void ProjectRuntime::reload()
{
    startLoad();
}

void ProjectRuntime::runRecipe(
    const EnvironmentAdjust &adjust,
    std::function<void(const StackEnvironment &, const LoadResult &)> done)
{
    // The keychain first (asynchronous, on this thread), then the files in one job.
    std::shared_ptr<SecretStore> store;
    if (m_customSecretStore) {
        store = std::shared_ptr<SecretStore>(m_secretStore, [](SecretStore *) {}); // not owned
    } else {
        store = std::make_shared<KeychainSecretStore>(
            KeychainSecretStore::scopeForProject(m_directory));
    }
    loadStackEnvironment(
        m_directory, m_requestedEnvProfile, store.get(), this,
        [this, store, adjust, done = std::move(done)](StackEnvironment environment) {
            traceMark("environment read");
            ComposeLoadOptions options;
            if (m_baseOptions) {
                options = *m_baseOptions;
            } else {
                options = ComposeLoadOptions::fromProcess();
                options.workingDirectory = m_directory;
                options.projectDirectory = m_directory;
                options.files = m_files;
            }
            options.profiles = m_profiles;
            // A project with unset required variables opens for display; missingRequired()
            // names them (and Compose refuses to run it, naming the first).
            options.tolerateMissingRequired = m_tolerateMissing;
            std::shared_ptr<void> keep = adjust ? adjust(environment) : nullptr;
            applyStackEnvironment(options, environment);
            QStringList overlays = m_overlayFiles;
            overlays.removeAll(devOverridePath(m_directory)); // the job decides that one
            auto *watcher = new QFutureWatcher<LoadResult>(this);
            connect(watcher, &QFutureWatcherBase::finished, this, [watcher, environment, done] {
                traceMark("compose files loaded");
                watcher->deleteLater();
                done(environment, watcher->result());
            });
            watcher->setFuture(QtConcurrent::run(
                [options, overlays, directory = m_directory, keep]() mutable {
                    LoadResult result = loadInJob(options, overlays, directory);
                    keep.reset(); // read: the files it kept may go
                    return result;
                }));
        });
}

void ProjectRuntime::startLoad()
{
    if (m_directory.isEmpty()) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_loading = true;
    emit loadStarted();
    emitSummary();
    runRecipe({}, [this, generation](const StackEnvironment &environment,
                                     const LoadResult &result) {
        if (generation != m_generation) {
            return; // a newer load replaces this one
        }
        m_environment = environment;
        finishLoad(result);
    });
}

void ProjectRuntime::loadAside(const EnvironmentAdjust &adjust,
                               std::function<void(const AsideLoad &)> done)
{
    if (m_directory.isEmpty()) {
        done({std::unexpected(Error{Error::Code::InvalidArgument,
                                    QStringLiteral("No project to load."),
                                    QStringLiteral("Open a project folder first.")}),
              {},
              {}});
        return;
    }
    runRecipe(adjust, [done = std::move(done)](const StackEnvironment &environment,
                                               const LoadResult &result) {
        done({result.project, result.options, environment});
    });
}

ProjectRuntime::LoadResult ProjectRuntime::loadInJob(ComposeLoadOptions options,
                                                     const QStringList &overlays,
                                                     const QString &directory)
{
    const ComposeLoadOptions plain = options;
    // The compose files, then the dev overlay of the services in dev mode (written next to the
    // project and merged last), all in this one job.
    LoadResult result{loadWithDevMode(options, directory), options, {}};
    if (result.project && !overlays.isEmpty()) {
        // The project's own files (as discovered), then the overlays.
        ComposeLoadOptions withOverlays = options;
        withOverlays.files = result.project->configFiles + overlays;
        result.project = loadComposeProject(withOverlays);
        result.options = withOverlays;
    }
    // Every profile any service declares, for the profile picker: load once more with all of
    // them active ("*" is Compose's wildcard).
    ComposeLoadOptions all = plain;
    all.profiles = {QStringLiteral("*")};
    all.tolerateMissingRequired = true;
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
}

void ProjectRuntime::finishLoad(const LoadResult &result)
{
    m_loading = false;
    if (!result.project) {
        m_lastError = result.project.error();
        emit loadFailed(result.project.error());
        emitSummary();
        return;
    }
    m_lastError = {};
    m_project = *result.project;
    m_loadOptions = result.options;
    // The overlay the job applied: DevLoop sees its choice in place and reloads nothing.
    const QString devOverride = devOverridePath(m_directory);
    m_overlayFiles.removeAll(devOverride);
    if (result.options.files.contains(devOverride)) {
        m_overlayFiles << devOverride;
    }
    m_allProfiles = result.allProfiles;
    m_loaded = true;
    // In place: the controller and the live state take the new model; the log streams and
    // stats streams of containers that stay are kept (syncStreams only adds what is new).
    m_controller->setProject(m_project, result.options);
    m_controller->setEnvironment(m_environment.secrets);
    m_backups->setProject(m_project);
    if (const BackupSettings saved = backupSettings(); !(saved == m_backups->settings())) {
        m_backups->setSettings(saved);
        if (saved.everyHours > 0) {
            m_backups->refresh(); // the schedule counts from the newest snapshot
        }
    }
    if (m_followEngine) {
        liveState()->start();
    }
    emit loaded(m_project);
    syncStreams();
    emitSummary();
}

void ProjectRuntime::setForeground(bool foreground)
{
    if (m_foreground == foreground) {
        return;
    }
    m_foreground = foreground;
    if (!foreground) {
        m_logs->stop();
    }
    syncStreams();
}

void ProjectRuntime::setStatsWanted(bool wanted)
{
    m_statsWanted = wanted;
    syncStreams();
}

void ProjectRuntime::syncStreams()
{
    LiveState *live = liveState();
    const bool known = m_loaded && live->isKnown();
    if (m_foreground && known) {
        m_logs->updateContainers(live->services());
    }
    if (known) {
        m_stats->setServices(live->services());
    }
    m_stats->setActive(m_foreground && m_statsWanted);
}

BackupSettings ProjectRuntime::backupSettings() const
{
    QSettings settings;
    return BackupSettings::load(settings, m_id);
}

void ProjectRuntime::setBackupSettings(const BackupSettings &backupSettings)
{
    QSettings settings;
    backupSettings.save(settings, m_id);
    m_backups->setSettings(backupSettings);
    if (backupSettings.everyHours > 0) {
        m_backups->refresh();
    }
}

ProjectSummary ProjectRuntime::summary() const
{
    ProjectSummary s;
    s.id = m_id;
    s.name = m_project.name;
    s.directory = m_directory;
    s.files = m_files;
    s.engine = QStringLiteral("default");
    s.open = true;
    s.loading = m_loading;
    s.loadError = m_lastError.message;
    const LiveState *live = liveState();
    s.engineReachable = live->isEngineReachable() || !live->isKnown();
    s.known = m_loaded && live->isKnown();
    s.devMode = !m_devLoop->devModeServices().isEmpty();
    for (const ServiceState &service : live->services()) {
        if (!service.inModel) {
            continue;
        }
        ++s.servicesTotal;
        switch (service.status) {
        case ServiceStatus::Healthy:
        case ServiceStatus::Running:
            ++s.servicesUp;
            break;
        case ServiceStatus::Unhealthy:
            ++s.unhealthy;
            break;
        case ServiceStatus::Starting:
            ++s.starting;
            break;
        case ServiceStatus::Exited:
        case ServiceStatus::Dead:
        case ServiceStatus::Restarting:
            ++s.exited;
            break;
        default:
            break;
        }
        for (const PortBinding &port : service.ports) {
            if (port.publicPort != 0 && !s.publishedPorts.contains(quint16(port.publicPort))) {
                s.publishedPorts << quint16(port.publicPort);
            }
            if (port.publicPort != 0) {
                const auto published = ProjectSummary::PublishedPort::from(service.name, port);
                if (!s.ports.contains(published)) {
                    s.ports << published;
                }
            }
        }
    }
    std::sort(s.publishedPorts.begin(), s.publishedPorts.end());
    std::sort(s.ports.begin(), s.ports.end());
    return s;
}

void ProjectRuntime::emitSummary()
{
    const ProjectSummary now = summary();
    // Only real changes travel (a health probe's inspect changes nothing here).
    if (now == m_lastSummary) {
        return;
    }
    m_lastSummary = now;
    emit summaryChanged(now);
}

} // namespace DevDock::Core
