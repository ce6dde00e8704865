// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include "compose/composecli.h"
#include "compose/composeprobe.h"
#include "engine/engineclient.h"
#include "engine/eventhub.h"
#include "projectruntime.h"
#include "stack/livestate.h"
#include "stack/stackcontroller.h"
#include "util/offthread.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QTimer>

#include <optional>

#include <algorithm>
#include <memory>

namespace DevDock::Core {

namespace {

const QString ProjectLabel = QStringLiteral("com.docker.compose.project");
const QString ServiceLabel = QStringLiteral("com.docker.compose.service");
const QString WorkingDirLabel = QStringLiteral("com.docker.compose.project.working_dir");
const QString ConfigFilesLabel = QStringLiteral("com.docker.compose.project.config_files");
const QString OneoffLabel = QStringLiteral("com.docker.compose.oneoff");
const QString SettingsKey = QStringLiteral("workspace/projects");
const QString LegacyRecentKey = QStringLiteral("recentProjects"); // the window's old store
constexpr int MaxRemembered = 20;

// "Up 3 minutes (healthy)" / "Up 2 seconds (health: starting)" -> the health word.
QString healthFromStatus(const QString &status)
{
    if (status.contains(QStringLiteral("(unhealthy)"))) {
        return QStringLiteral("unhealthy");
    }
    if (status.contains(QStringLiteral("(healthy)"))) {
        return QStringLiteral("healthy");
    }
    if (status.contains(QStringLiteral("health: starting"))) {
        return QStringLiteral("starting");
    }
    return {};
}

// "Exited (143) 2 minutes ago" -> 143.
int exitCodeFromStatus(const QString &status)
{
    static const QRegularExpression code(QStringLiteral(R"(^Exited \((-?\d+)\))"));
    const auto match = code.match(status);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QString discoveredId(const QString &engine, const QString &name)
{
    return engine + QLatin1Char('/') + name;
}

void setPorts(auto &container, const QList<PortBinding> &bindings)
{
    container.ports.clear();
    container.bindings.clear();
    for (const PortBinding &port : bindings) {
        if (port.publicPort <= 0) {
            continue;
        }
        if (!container.ports.contains(quint16(port.publicPort))) {
            container.ports << quint16(port.publicPort);
        }
        const auto published = ProjectSummary::PublishedPort::from(container.service, port);
        if (!container.bindings.contains(published)) {
            container.bindings << published;
        }
    }
}


} // namespace

Workspace::Workspace(EngineClient *client, QObject *parent)
    : QObject(parent)
{
    addEngine(QStringLiteral("default"), client);
    loadRemembered();
    m_saveLater.setSingleShot(true);
    m_saveLater.setInterval(1500);
    connect(&m_saveLater, &QTimer::timeout, this, [this] { saveRemembered(); });
    m_relate.setSingleShot(true);
    m_relate.setInterval(0);
    connect(&m_relate, &QTimer::timeout, this, &Workspace::relate);
}

Workspace::~Workspace()
{
    if (m_saveLater.isActive()) {
        m_saveLater.stop();
        saveRemembered();
    }
    // Runtimes follow their engine's client: they go before the clients this workspace made.
    for (Entry &entry : m_entries) {
        delete std::exchange(entry.runtime, nullptr);
    }
    // Closed ones still waiting for their deleteLater() too (close(), setEngine()).
    qDeleteAll(findChildren<ProjectRuntime *>(Qt::FindDirectChildrenOnly));
    for (Engine *engine : std::as_const(m_engines)) {
        if (engine->wired && engine->hub) {
            engine->hub->disconnect(this);
            engine->hub->release();
        }
        delete engine;
    }
}

void Workspace::addEngine(const QString &name, EngineClient *client)
{
    auto *engine = new Engine;
    engine->name = name;
    engine->client = client;
    engine->hub = EventHub::of(client);
    m_engines << engine;
    if (m_started) {
        m_started = false; // start() wires every engine not wired yet
        start();
    }
}

Result<EngineClient *> Workspace::useEngine(const QString &name)
{
    const QString wanted = name.isEmpty() ? QStringLiteral("default") : name;
    if (EngineClient *client = engine(wanted)) {
        return client;
    }
    // The context DevDock itself runs on is the default engine, whatever its name.
    if (EngineClient *own = engine(); own && own->endpoint().contextName == wanted) {
        return own;
    }
    auto endpoint = resolveContext(EndpointEnvironment::fromSystem(), wanted);
    if (!endpoint) {
        return std::unexpected(endpoint.error());
    }
    m_ownedClients.push_back(std::make_unique<EngineClient>(*endpoint));
    EngineClient *client = m_ownedClients.back().get();
    addEngine(wanted, client);
    return client;
}

QStringList Workspace::availableEngines() const
{
    return listContexts(EndpointEnvironment::fromSystem());
}

Result<void> Workspace::setEngine(const QString &id, const QString &engineName)
{
    Entry *entry = nullptr;
    for (Entry &e : m_entries) {
        if (e.summary.id == id) {
            entry = &e;
        }
    }
    if (!entry || entry->summary.origin != ProjectSummary::Origin::Opened) {
        return makeError(Error::Code::NotFound,
                         QStringLiteral("No opened project %1 in the workspace.").arg(id),
                         QStringLiteral("Open the project folder first; a stack known only from "
                                        "its containers runs where it runs."));
    }
    if (auto client = useEngine(engineName); !client) {
        return std::unexpected(client.error());
    }
    if (entry->summary.engine == engineName) {
        return {};
    }
    const bool wasOpen = entry->runtime != nullptr;
    const QString directory = entry->summary.directory;
    const QStringList files = entry->summary.files;
    if (wasOpen) {
        close(id);
    }
    for (Entry &e : m_entries) {
        if (e.summary.id == id) {
            e.summary.engine = engineName;
            e.summary.loadError.clear();
            e.remembered = true;
            emit projectChanged(e.summary);
        }
    }
    saveRemembered();
    if (wasOpen) {
        open(files.size() == 1 && QFileInfo(files.constFirst()).isAbsolute() ? files.constFirst()
                                                                              : directory,
             files.size() == 1 && QFileInfo(files.constFirst()).isAbsolute() ? QStringList()
                                                                              : files);
    }
    return {};
}

EngineClient *Workspace::engine(const QString &name) const
{
    for (Engine *engine : m_engines) {
        if (engine->name == name) {
            return engine->client;
        }
    }
    return nullptr;
}

EventHub *Workspace::eventHub(const QString &name) const
{
    for (Engine *engine : m_engines) {
        if (engine->name == name) {
            return engine->hub;
        }
    }
    return nullptr;
}

Workspace::Engine *Workspace::engineNamed(const QString &name)
{
    for (Engine *engine : std::as_const(m_engines)) {
        if (engine->name == name) {
            return engine;
        }
    }
    return nullptr;
}

void Workspace::setSettingsFile(const QString &path)
{
    m_settingsFile = path;
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries[i].remembered && !m_entries[i].runtime) {
            const QString id = m_entries[i].summary.id;
            m_entries.removeAt(i);
            emit projectRemoved(id);
        }
    }
    loadRemembered();
}

void Workspace::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    for (Engine *engine : std::as_const(m_engines)) {
        if (!engine->hub || engine->wired) {
            continue;
        }
        engine->wired = true;
        connect(engine->hub, &EventHub::eventReceived, this,
                [this, engine](const EngineEvent &event) { onEvent(*engine, event); });
        connect(engine->hub, &EventHub::connected, this, [this, engine] { listEngine(*engine); });
        connect(engine->hub, &EventHub::resyncNeeded, this, [this, engine] { listEngine(*engine); });
        connect(engine->hub, &EventHub::disconnected, this, [this, engine] {
            engine->reachable = false;
            rebuildDiscovered(*engine);
        });
        engine->hub->acquire();
        listEngine(*engine);
    }
}

bool Workspace::isDiscovered() const
{
    return std::all_of(m_engines.cbegin(), m_engines.cend(),
                       [](const Engine *e) { return e->listed; });
}

void Workspace::listEngine(Engine &engine)
{
    if (!engine.client) {
        return;
    }
    if (engine.listing) {
        engine.listAgain = true; // what changed meanwhile may be missing from the answer
        return;
    }
    engine.listing = true;
    ContainerListOptions options;
    options.all = true;
    options.filters.insert(QStringLiteral("label"), {ProjectLabel});
    Engine *e = &engine;
    engine.client->listContainers(options, this, [this, e](Result<QList<ContainerSummary>> list) {
        e->listing = false;
        const auto again = qScopeGuard([this, e] {
            if (std::exchange(e->listAgain, false)) {
                listEngine(*e);
            }
        });
        if (!list) {
            e->reachable = false;
            e->listed = true;
            rebuildDiscovered(*e);
            if (isDiscovered()) {
                emit discovered();
            }
            return;
        }
        e->reachable = true;
        QHash<QString, Container> containers;
        for (const ContainerSummary &summary : *list) {
            Container c;
            c.project = summary.labels.value(ProjectLabel);
            c.service = summary.labels.value(ServiceLabel);
            c.state = summary.state;
            c.health = healthFromStatus(summary.status);
            c.exitCode = exitCodeFromStatus(summary.status);
            c.workingDir = summary.labels.value(WorkingDirLabel);
            c.configFiles = summary.labels.value(ConfigFilesLabel);
            c.oneoff = summary.labels.value(OneoffLabel) == u"True";
            // What the engine told before (a stop seen by events) stays known.
            c.stopRequested = e->containers.value(summary.id).stopRequested;
            setPorts(c, summary.ports);
            containers.insert(summary.id, c);
        }
        e->containers = containers;
        const bool first = !e->listed;
        e->listed = true;
        rebuildDiscovered(*e);
        if (first && isDiscovered()) {
            emit discovered();
        }
    });
}

void Workspace::fetchContainer(Engine &engine, const QString &id)
{
    if (!engine.client) {
        return;
    }
    // One container, not the engine's every one: its ports and health as listed.
    ContainerListOptions options;
    options.all = true;
    options.filters.insert(QStringLiteral("id"), {id});
    Engine *e = &engine;
    engine.client->listContainers(options, this,
                                  [this, e, id](Result<QList<ContainerSummary>> list) {
                                      if (!list || list->isEmpty()) {
                                          return;
                                      }
                                      const ContainerSummary &summary = list->constFirst();
                                      const auto it = e->containers.find(id);
                                      if (it == e->containers.end()) {
                                          return; // destroyed meanwhile
                                      }
                                      // Only the ports: the state is the events'
                                      // (this answer may be older than the last one).
                                      setPorts(*it, summary.ports);
                                      rebuildDiscovered(*e, it->project);
                                  });
}

void Workspace::onEvent(Engine &engine, const EngineEvent &event)
{
    const QString project = event.attributes.value(ProjectLabel);
    if (project.isEmpty()) {
        return; // not a compose container
    }
    if (!engine.listed) {
        // Before the first full listing nothing is known of the stacks that already run: an
        // event must not make an old stack look new (nor a remembered project's stack look like
        // a stranger's). The listing tells all; one more follows if this one was in flight.
        listEngine(engine);
        return;
    }
    const QString &action = event.action;
    const QString &id = event.actorId;
    auto it = engine.containers.find(id);
    if (action == u"destroy") {
        if (it != engine.containers.end()) {
            engine.containers.erase(it);
            rebuildDiscovered(engine, project);
        }
        return;
    }
    if (it == engine.containers.end()) {
        Container c;
        c.project = project;
        c.service = event.attributes.value(ServiceLabel);
        c.workingDir = event.attributes.value(WorkingDirLabel);
        c.configFiles = event.attributes.value(ConfigFilesLabel);
        c.oneoff = event.attributes.value(OneoffLabel) == u"True";
        c.state = QStringLiteral("created");
        it = engine.containers.insert(id, c);
    }
    std::optional<ServiceAlert> alert;
    if (action == u"start" || action == u"restart" || action == u"unpause") {
        it->state = QStringLiteral("running");
        it->stopRequested = false;
        if (!it->health.isEmpty()) {
            it->health = QStringLiteral("starting");
        }
    } else if (action == u"die") {
        const bool wasUp = it->state == u"running";
        it->state = QStringLiteral("exited");
        it->exitCode = event.attributes.value(QStringLiteral("exitCode")).toInt();
        it->health.clear();
        if (wasUp && !it->oneoff && !it->stopRequested && it->exitCode != 0 && it->exitCode != 143) {
            alert = ServiceAlert{ServiceAlert::Kind::Exited, it->service, event.attributes.value(QStringLiteral("name")),
                                 tr("%1 exited unexpectedly (code %2)").arg(it->service).arg(it->exitCode),
                                 QDateTime::currentDateTimeUtc()};
        }
    } else if (action == u"kill" || action == u"stop") {
        it->stopRequested = true;
    } else if (action == u"pause") {
        it->state = QStringLiteral("paused");
    } else if (action.startsWith(QStringLiteral("health_status"))) {
        const qsizetype colon = action.indexOf(QLatin1Char(':'));
        const QString before = it->health;
        it->health = colon < 0 ? QString() : action.mid(colon + 1).trimmed();
        if (it->health == u"unhealthy" && before != u"unhealthy" && it->state == u"running" && !it->oneoff) {
            alert = ServiceAlert{ServiceAlert::Kind::Unhealthy, it->service, event.attributes.value(QStringLiteral("name")),
                                 tr("%1 turned unhealthy").arg(it->service), QDateTime::currentDateTimeUtc()};
        }
    }
    rebuildDiscovered(engine, project);
    if (alert) {
        alertLater(engine, id, project, *alert);
    }
    if (action == u"start" || action == u"create") {
        fetchContainer(engine, id); // published ports are known from the start on
    }
}

void Workspace::alertLater(const Engine &engine, const QString &containerId, const QString &project,
                           const ServiceAlert &alert)
{
    // As LiveState does for open projects: a stop's event may come a moment after the exit; an
    // exit asked for is no alert. Only for projects without a runtime (an open one's LiveState
    // raises its own).
    const QString engineName = engine.name;
    QTimer::singleShot(alert.kind == ServiceAlert::Kind::Exited ? 500 : 0, this,
                       [this, engineName, containerId, project, alert] {
                           const auto found = std::find_if(m_engines.cbegin(), m_engines.cend(),
                                                           [&](const Engine *e) { return e->name == engineName; });
                           if (found == m_engines.cend()) {
                               return;
                           }
                           const auto c = (*found)->containers.constFind(containerId);
                           if (alert.kind == ServiceAlert::Kind::Exited
                               && (c != (*found)->containers.cend() && (c->stopRequested || c->state == u"running"))) {
                               return;
                           }
                           const Entry *entry = entryForName(engineName, project);
                           if (entry && !entry->runtime) {
                               emit serviceAlert(entry->summary.id, alert);
                           }
                       });
}

Workspace::Entry *Workspace::entryForName(const QString &engine, const QString &name,
                                          const QString &workingDir)
{
    // An opened or remembered project with that compose name (and engine) is the same project.
    for (Entry &entry : m_entries) {
        if (entry.summary.engine == engine && entry.summary.name == name
            && entry.summary.origin == ProjectSummary::Origin::Opened) {
            return &entry;
        }
    }
    // A remembered project whose name is not known yet (never loaded here, or from the old list
    // of recent folders) is the stack that runs in its folder with its default files.
    if (!workingDir.isEmpty()) {
        const QString dir = QDir(workingDir).canonicalPath();
        for (Entry &entry : m_entries) {
            if (entry.summary.engine == engine && entry.summary.name.isEmpty() && !entry.runtime
                && entry.summary.origin == ProjectSummary::Origin::Opened
                && entry.summary.files.isEmpty() && !dir.isEmpty()
                && QDir(entry.summary.directory).canonicalPath() == dir) {
                entry.summary.name = name;
                return &entry;
            }
        }
    }
    const QString id = discoveredId(engine, name);
    for (Entry &entry : m_entries) {
        if (entry.summary.id == id) {
            return &entry;
        }
    }
    return nullptr;
}

void Workspace::rebuildDiscovered(Engine &engine, const QString &projectName)
{
    struct Tally
    {
        QHash<QString, QList<const Container *>> services;
        QString workingDir;
        QString configFiles;
    };
    QHash<QString, Tally> projects;
    for (auto it = engine.containers.cbegin(); it != engine.containers.cend(); ++it) {
        if (!projectName.isEmpty() && it->project != projectName) {
            continue;
        }
        Tally &t = projects[it->project];
        if (!it->oneoff) {
            t.services[it->service] << &it.value();
        }
        if (t.workingDir.isEmpty()) {
            t.workingDir = it->workingDir;
            t.configFiles = it->configFiles;
        }
    }
    // Projects whose containers are all gone.
    QStringList names = projects.keys();
    if (!projectName.isEmpty() && !projects.contains(projectName)) {
        names << projectName;
    }
    if (projectName.isEmpty()) {
        for (const Entry &entry : std::as_const(m_entries)) {
            if (entry.summary.engine == engine.name && !entry.summary.name.isEmpty()
                && !projects.contains(entry.summary.name)) {
                names << entry.summary.name;
            }
        }
    }
    for (const QString &name : std::as_const(names)) {
        const Tally tally = projects.value(name);
        Entry *entry = entryForName(engine.name, name, tally.workingDir);
        if (!entry) {
            if (tally.services.isEmpty()) {
                continue;
            }
            Entry fresh;
            fresh.summary.id = discoveredId(engine.name, name);
            fresh.summary.name = name;
            fresh.summary.engine = engine.name;
            fresh.summary.origin = ProjectSummary::Origin::Discovered;
            fresh.summary.directory = tally.workingDir;
            fresh.summary.files = tally.configFiles.isEmpty()
                                      ? QStringList()
                                      : tally.configFiles.split(QLatin1Char(','));
            put(fresh);
            entry = entryForName(engine.name, name);
        }
        if (entry->runtime) {
            continue; // an open project's runtime knows better (its model, its LiveState)
        }
        if (tally.services.isEmpty() && entry->summary.origin == ProjectSummary::Origin::Discovered
            && !entry->summary.pinned) {
            // Gone from the engine (compose down): nothing left to show.
            const QString id = entry->summary.id;
            m_entries.removeIf([&](const Entry &e) { return e.summary.id == id; });
            emit projectRemoved(id);
            continue;
        }
        const ProjectSummary before = entry->summary;
        ProjectSummary s = entry->summary;
        s.engineReachable = engine.reachable;
        s.known = engine.listed && engine.reachable;
        s.servicesTotal = int(tally.services.size());
        s.servicesUp = s.unhealthy = s.exited = s.starting = 0;
        s.publishedPorts.clear();
        s.ports.clear();
        for (const QList<const Container *> &containers : tally.services) {
            bool up = !containers.isEmpty();
            bool unhealthy = false;
            bool failed = false;
            bool starting = false;
            for (const Container *c : containers) {
                up = up && c->state == u"running";
                unhealthy = unhealthy || (c->state == u"running" && c->health == u"unhealthy");
                starting = starting || (c->state == u"running" && c->health == u"starting");
                // A deliberate stop (kill/stop seen, or SIGTERM's 143) and a clean exit are no
                // failure.
                failed = failed
                         || (c->state == u"dead" || c->state == u"restarting"
                             || (c->state == u"exited" && !c->stopRequested && c->exitCode != 0
                                 && c->exitCode != 143));
                for (quint16 port : c->ports) {
                    if (!s.publishedPorts.contains(port)) {
                        s.publishedPorts << port;
                    }
                }
                for (const ProjectSummary::PublishedPort &binding : c->bindings) {
                    if (!s.ports.contains(binding)) {
                        s.ports << binding;
                    }
                }
            }
            if (up && !unhealthy && !starting) {
                ++s.servicesUp;
            }
            s.unhealthy += unhealthy ? 1 : 0;
            s.starting += starting ? 1 : 0;
            s.exited += failed ? 1 : 0;
        }
        std::sort(s.publishedPorts.begin(), s.publishedPorts.end());
        std::sort(s.ports.begin(), s.ports.end());
        if (s.origin == ProjectSummary::Origin::Discovered && !tally.workingDir.isEmpty()) {
            s.directory = tally.workingDir;
            s.files = tally.configFiles.isEmpty() ? QStringList()
                                                  : tally.configFiles.split(QLatin1Char(','));
        }
        entry->summary = s;
        if (before != s) {
            emit projectChanged(s);
        }
    }
    if (projectName.isEmpty()) {
        markRememberedKnown(engine);
    }
    m_relate.start();
}

void Workspace::markRememberedKnown(const Engine &engine)
{
    // After the first full listing every remembered project's state is known, those of which
    // nothing runs included (none of their containers was listed): from then on what changes
    // is news, what was there before is not.
    for (Entry &entry : m_entries) {
        if (entry.runtime || entry.summary.engine != engine.name
            || entry.summary.origin != ProjectSummary::Origin::Opened) {
            continue; // open ones are the runtime's
        }
        if (!entry.summary.name.isEmpty() && entry.summary.known) {
            continue; // the tally above reached it
        }
        // Not reached: no name yet, or a second checkout of a name whose stack runs from another
        // folder (the tally takes one entry per name): nothing of it runs.
        ProjectSummary s = entry.summary;
        s.engineReachable = engine.reachable;
        s.known = engine.listed && engine.reachable;
        if (s != entry.summary) {
            entry.summary = s;
            emit projectChanged(s);
        }
    }
}

void Workspace::put(Entry entry)
{
    for (Entry &existing : m_entries) {
        if (existing.summary.id == entry.summary.id) {
            const bool changed = existing.summary != entry.summary;
            existing = entry;
            if (changed) {
                emit projectChanged(existing.summary);
            }
            return;
        }
    }
    m_entries << entry;
    emit projectAdded(entry.summary);
    m_relate.start();
}

void Workspace::inspectCheckout(const QString &directory)
{
    if (m_inspecting.contains(directory)) {
        return;
    }
    m_inspecting.insert(directory);
    using Checkout = std::optional<TwinGrouping::Checkout>;
    offThread<Checkout>(
        this, [directory] { return TwinGrouping::inspect(directory); },
        [this, directory](Checkout checkout) {
            m_inspecting.remove(directory);
            m_checkouts.insert(directory, checkout);
            relate();
        });
}

void Workspace::relate()
{
    QList<ProjectSummary> all;
    for (Entry &entry : m_entries) {
        ProjectSummary s = entry.summary;
        const QString directory = s.directory;
        if (!directory.isEmpty() && !m_checkouts.contains(directory)) {
            inspectCheckout(directory); // relate() runs again with its answer
        }
        const auto checkout = m_checkouts.value(directory);
        s.worktree = checkout ? checkout->worktree : QString();
        s.mainCheckout = checkout ? checkout->mainCheckout : QString();
        s.branch = checkout ? checkout->branch : QString();
        all << s;
    }
    for (ProjectSummary &s : all) {
        s.twinOf = TwinGrouping::mainOf(s, all);
    }
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        Entry &entry = m_entries[i];
        if (entry.summary != all.at(i)) {
            entry.summary = all.at(i);
            emit projectChanged(entry.summary);
        }
    }
}

QList<ProjectSummary> Workspace::projects() const
{
    QList<ProjectSummary> list;
    list.reserve(m_entries.size());
    for (const Entry &entry : m_entries) {
        list << entry.summary;
    }
    return list;
}

std::optional<ProjectSummary> Workspace::project(const QString &id) const
{
    for (const Entry &entry : m_entries) {
        if (entry.summary.id == id) {
            return entry.summary;
        }
    }
    return std::nullopt;
}

QString Workspace::idForPath(const QString &path, const QStringList &files)
{
    const QFileInfo info(path);
    return info.isFile() ? ProjectRuntime::idFor(info.absolutePath(), {info.absoluteFilePath()})
                         : ProjectRuntime::idFor(info.absoluteFilePath(), files);
}

ProjectRuntime *Workspace::open(const QString &path, const QStringList &files,
                                const QString &engineName)
{
    const QFileInfo info(path);
    const QString directory = info.isFile() ? info.absolutePath() : info.absoluteFilePath();
    const QStringList idFiles = info.isFile() ? QStringList{info.absoluteFilePath()} : files;
    const QString id = idForPath(path, files);
    if (ProjectRuntime *existing = runtime(id)) {
        setActive(id);
        return existing;
    }
    Entry entry;
    entry.summary.engine = QStringLiteral("default");
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.summary.id == id) {
            entry = e;
        }
    }
    entry.summary.id = id;
    entry.summary.directory = directory;
    entry.summary.files = idFiles;
    entry.summary.origin = ProjectSummary::Origin::Opened;
    if (!engineName.isEmpty()) {
        entry.summary.engine = engineName;
    }
    const auto client = useEngine(entry.summary.engine);
    if (!client) {
        // The project stays listed with its engine and the reason (a context that is gone).
        entry.summary.loadError = client.error().message;
        entry.summary.engineReachable = false;
        put(entry);
        return nullptr;
    }
    auto *runtime = new ProjectRuntime(*client, this);
    runtime->setRemembersComposeProfiles(true);
    entry.runtime = runtime;
    entry.summary.loadError.clear();
    entry.summary.origin = ProjectSummary::Origin::Opened;
    entry.summary.open = true;
    entry.summary.loading = true;
    entry.summary.lastOpened = QDateTime::currentDateTimeUtc();
    put(entry);
    m_pendingActive = id;
    connect(runtime, &ProjectRuntime::summaryChanged, this,
            [this, runtime] { updateFromRuntime(runtime); });
    connect(runtime, &ProjectRuntime::loaded, this, [this, runtime] {
        // The project is now known by its compose name: a discovered entry of that name (its
        // stack was running) is this one.
        const QString name = runtime->project().name;
        const std::optional<ProjectSummary> own = project(runtime->id());
        const QString discovered =
            discoveredId(own ? own->engine : QStringLiteral("default"), name);
        if (project(discovered)) {
            m_entries.removeIf([&](const Entry &e) { return e.summary.id == discovered; });
            emit projectRemoved(discovered);
        }
        for (Entry &e : m_entries) {
            if (e.runtime == runtime) {
                e.remembered = true;
            }
        }
        updateFromRuntime(runtime);
        saveRemembered();
        if (m_pendingActive == runtime->id()) {
            m_pendingActive.clear();
            setActive(runtime->id());
        }
    });
    connect(runtime, &ProjectRuntime::loadFailed, this, [this, runtime] {
        if (runtime->isLoaded()) {
            updateFromRuntime(runtime); // a reload failed: the last good model stays
            return;
        }
        // A first load that failed: the runtime goes, the active project stays as it was.
        const QString failedId = runtime->id();
        const QString error = runtime->lastError().message;
        if (m_pendingActive == failedId) {
            m_pendingActive.clear();
        }
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            Entry &e = m_entries[i];
            if (e.runtime != runtime) {
                continue;
            }
            e.runtime = nullptr;
            if (e.remembered) {
                e.summary.open = false;
                e.summary.loading = false;
                e.summary.loadError = error;
                emit projectChanged(e.summary);
            } else {
                m_entries.removeAt(i);
                emit projectRemoved(failedId);
            }
            break;
        }
        runtime->deleteLater();
    });
    // A stack found on the engine runs under the name it was started with (`-p`, e.g. a twin's
    // <project>-<branch>), which the files in its folder may not say: open it under that name,
    // or the runtime would show the project the files name instead.
    QString runsAs = entry.openedAs;
    for (const Entry &e : std::as_const(m_entries)) {
        if (e.summary.origin == ProjectSummary::Origin::Discovered && !e.summary.name.isEmpty()
            && e.summary.engine == entry.summary.engine
            && idForPath(e.summary.directory, e.summary.files) == id) {
            runsAs = e.summary.name;
        }
    }
    if (!runsAs.isEmpty()) {
        for (Entry &e : m_entries) {
            if (e.runtime == runtime) {
                e.openedAs = runsAs;
            }
        }
        ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
        options.projectDirectory = directory;
        options.workingDirectory = directory;
        options.files = idFiles;
        options.projectName = runsAs;
        runtime->open(options);
        return runtime;
    }
    runtime->open(path, files);
    return runtime;
}

void Workspace::updateFromRuntime(ProjectRuntime *runtime)
{
    for (Entry &entry : m_entries) {
        if (entry.runtime != runtime) {
            continue;
        }
        ProjectSummary s = runtime->summary();
        s.pinned = entry.summary.pinned;
        s.active = entry.summary.id == m_activeId;
        s.lastOpened = entry.summary.lastOpened;
        s.branch = entry.summary.branch;
        s.worktree = entry.summary.worktree;
        s.mainCheckout = entry.summary.mainCheckout;
        s.twinOf = entry.summary.twinOf;
        s.engine = entry.summary.engine;
        if (s.name.isEmpty()) {
            s.name = entry.summary.name;
        }
        // A copy: put() compares with the entry it holds, which must still be the old one.
        Entry updated = entry;
        updated.summary = s;
        put(updated);
        return;
    }
}

ProjectRuntime *Workspace::runtime(const QString &id) const
{
    for (const Entry &entry : m_entries) {
        if (entry.summary.id == id) {
            return entry.runtime;
        }
    }
    return nullptr;
}

ProjectRuntime *Workspace::activeRuntime() const
{
    return runtime(m_activeId);
}

QList<ProjectRuntime *> Workspace::runtimes() const
{
    QList<ProjectRuntime *> list;
    for (const Entry &entry : m_entries) {
        if (entry.runtime) {
            list << entry.runtime;
        }
    }
    return list;
}

void Workspace::setActive(const QString &id)
{
    if (id == m_activeId) {
        return;
    }
    ProjectRuntime *next = runtime(id);
    if (!id.isEmpty() && (!next || !next->isLoaded())) {
        return; // only a loaded runtime goes on screen
    }
    if (ProjectRuntime *previous = activeRuntime()) {
        previous->setForeground(false);
    }
    const QString before = std::exchange(m_activeId, id);
    if (next) {
        next->setForeground(true);
    }
    for (Entry &entry : m_entries) {
        if (entry.summary.id == before || entry.summary.id == id) {
            entry.summary.active = entry.summary.id == id;
            if (entry.summary.id == id) {
                entry.summary.lastOpened = QDateTime::currentDateTimeUtc();
            }
            emit projectChanged(entry.summary);
        }
    }
    m_saveLater.start();
    emit activeChanged(id);
}

void Workspace::close(const QString &id)
{
    for (Entry &entry : m_entries) {
        if (entry.summary.id != id || !entry.runtime) {
            continue;
        }
        ProjectRuntime *runtime = std::exchange(entry.runtime, nullptr);
        if (m_activeId == id) {
            m_activeId.clear();
            emit activeChanged(QString());
        }
        runtime->disconnect(this);
        runtime->deleteLater();
        entry.summary.open = false;
        entry.summary.active = false;
        entry.summary.loading = false;
        emit projectChanged(entry.summary);
        break;
    }
    // Its containers, if any run, show as the engine tells them.
    for (Engine *engine : std::as_const(m_engines)) {
        rebuildDiscovered(*engine);
    }
}

void Workspace::setPinned(const QString &id, bool pinned)
{
    for (Entry &entry : m_entries) {
        if (entry.summary.id == id && entry.summary.pinned != pinned) {
            entry.summary.pinned = pinned;
            if (entry.summary.origin == ProjectSummary::Origin::Opened) {
                entry.remembered = true;
            }
            emit projectChanged(entry.summary);
            saveRemembered();
            return;
        }
    }
}

void Workspace::remove(const QString &id)
{
    close(id);
    const qsizetype before = m_entries.size();
    m_entries.removeIf([&](const Entry &e) { return e.summary.id == id; });
    if (m_entries.size() != before) {
        saveRemembered();
        emit projectRemoved(id);
    }
    for (Engine *engine : std::as_const(m_engines)) {
        rebuildDiscovered(*engine); // still running: it comes back as discovered
    }
}

void Workspace::start(const QString &id)
{
    runStackAction(id, true);
}

void Workspace::stop(const QString &id)
{
    runStackAction(id, false);
}

void Workspace::runStackAction(const QString &id, bool start)
{
    const QString action = start ? QStringLiteral("start") : QStringLiteral("stop");
    if (ProjectRuntime *runtime = this->runtime(id)) {
        StackController *controller = runtime->controller();
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(controller, &StackController::actionFinished, this,
                              [this, id, action, connection](const StackAction &,
                                                             const Result<void> &result,
                                                             ComposeOperation *) {
                                  disconnect(*connection);
                                  emit actionFinished(id, action, result);
                              });
        if (start) {
            controller->up();
        } else {
            controller->stop({});
        }
        return;
    }
    const std::optional<ProjectSummary> summary = project(id);
    if (!summary || summary->name.isEmpty()) {
        emit actionFinished(id, action,
                            std::unexpected(Error{Error::Code::NotFound,
                                                  QStringLiteral("No project %1 in the workspace.").arg(id),
                                                  QStringLiteral("Open the project folder first.")}));
        return;
    }
    // Known only from its labels (or remembered, not open): the compose CLI addresses it by name,
    // in the folder and with the files the labels name.
    probeCompose(this, [this, id, action, start, s = *summary](const ComposeTool &tool) {
        if (!tool.found()) {
            emit actionFinished(id, action, std::unexpected(ComposeCli::missingToolError()));
            return;
        }
        ComposeInvocation invocation;
        invocation.tool = tool;
        // Its own engine or none: never the default one in its place.
        const Result<EngineClient *> client = useEngine(s.engine);
        if (!client) {
            emit actionFinished(id, action, std::unexpected(client.error()));
            return;
        }
        invocation.environment = (*client)->endpoint().cliEnvironment();
        invocation.projectName = s.name;
        invocation.projectDirectory = s.directory;
        if (s.origin == ProjectSummary::Origin::Discovered) {
            invocation.files = s.files;
        }
        const ComposeCli cli(invocation);
        ComposeOperation *operation = start ? cli.start({}, this) : cli.stop({}, this);
        connect(operation, &ComposeOperation::finished, this,
                [this, id, action, operation](const Result<void> &result) {
                    operation->deleteLater();
                    emit actionFinished(id, action, result);
                });
        operation->start();
    });
}

QStringList Workspace::recentDirectories() const
{
    QList<const Entry *> remembered;
    for (const Entry &entry : m_entries) {
        if (entry.remembered && entry.summary.origin == ProjectSummary::Origin::Opened) {
            remembered << &entry;
        }
    }
    std::stable_sort(remembered.begin(), remembered.end(), [](const Entry *a, const Entry *b) {
        return a->summary.lastOpened > b->summary.lastOpened;
    });
    QStringList list;
    for (const Entry *entry : std::as_const(remembered)) {
        const QString path = entry->summary.files.size() == 1
                                     && QFileInfo(entry->summary.files.constFirst()).isAbsolute()
                                 ? entry->summary.files.constFirst()
                                 : entry->summary.directory;
        if (!list.contains(path)) {
            list << path;
        }
    }
    return list;
}

void Workspace::loadRemembered()
{
    std::unique_ptr<QSettings> settings = m_settingsFile.isEmpty()
                                              ? std::make_unique<QSettings>()
                                              : std::make_unique<QSettings>(m_settingsFile,
                                                                            QSettings::IniFormat);
    const int count = settings->beginReadArray(SettingsKey);
    QList<Entry> entries;
    for (int i = 0; i < count; ++i) {
        settings->setArrayIndex(i);
        Entry entry;
        entry.remembered = true;
        entry.summary.directory = settings->value(QStringLiteral("directory")).toString();
        entry.summary.files = settings->value(QStringLiteral("files")).toStringList();
        entry.summary.name = settings->value(QStringLiteral("name")).toString();
        entry.openedAs = settings->value(QStringLiteral("openedAs")).toString();
        entry.summary.pinned = settings->value(QStringLiteral("pinned")).toBool();
        entry.summary.lastOpened = settings->value(QStringLiteral("lastOpened")).toDateTime();
        entry.summary.engine =
            settings->value(QStringLiteral("engine"), QStringLiteral("default")).toString();
        entry.summary.known = false;
        entry.summary.id = ProjectRuntime::idFor(entry.summary.directory, entry.summary.files);
        if (!entry.summary.directory.isEmpty()) {
            entries << entry;
        }
    }
    settings->endArray();
    if (count == 0) {
        // The window's old list of recent paths (folders or compose files).
        for (const QString &path : settings->value(LegacyRecentKey).toStringList()) {
            const QFileInfo info(path);
            Entry entry;
            entry.remembered = true;
            entry.summary.directory = info.isFile() ? info.absolutePath() : path;
            entry.summary.files = info.isFile() ? QStringList{path} : QStringList();
            entry.summary.engine = QStringLiteral("default");
            entry.summary.id = ProjectRuntime::idFor(entry.summary.directory, entry.summary.files);
            entries << entry;
        }
    }
    for (Entry &entry : entries) {
        if (project(entry.summary.id)) {
            continue;
        }
        // Its engine is followed from the start, so that its summary is live as the others.
        if (auto client = useEngine(entry.summary.engine); !client) {
            entry.summary.loadError = client.error().message;
            entry.summary.engineReachable = false;
        }
        put(entry);
    }
}

void Workspace::saveRemembered() const
{
    std::unique_ptr<QSettings> settings = m_settingsFile.isEmpty()
                                              ? std::make_unique<QSettings>()
                                              : std::make_unique<QSettings>(m_settingsFile,
                                                                            QSettings::IniFormat);
    QList<const Entry *> remembered;
    for (const Entry &entry : m_entries) {
        if (entry.remembered && entry.summary.origin == ProjectSummary::Origin::Opened) {
            remembered << &entry;
        }
    }
    // Pinned ones always; the others, the most recent first, up to a limit.
    std::stable_sort(remembered.begin(), remembered.end(), [](const Entry *a, const Entry *b) {
        if (a->summary.pinned != b->summary.pinned) {
            return a->summary.pinned;
        }
        return a->summary.lastOpened > b->summary.lastOpened;
    });
    settings->beginWriteArray(SettingsKey);
    int i = 0;
    for (const Entry *entry : std::as_const(remembered)) {
        if (i >= MaxRemembered && !entry->summary.pinned) {
            break;
        }
        settings->setArrayIndex(i++);
        settings->setValue(QStringLiteral("directory"), entry->summary.directory);
        settings->setValue(QStringLiteral("files"), entry->summary.files);
        settings->setValue(QStringLiteral("name"), entry->summary.name);
        settings->setValue(QStringLiteral("openedAs"), entry->openedAs);
        settings->setValue(QStringLiteral("pinned"), entry->summary.pinned);
        settings->setValue(QStringLiteral("lastOpened"), entry->summary.lastOpened);
        settings->setValue(QStringLiteral("engine"), entry->summary.engine);
    }
    settings->endArray();
    settings->setValue(LegacyRecentKey, recentDirectories());
}

} // namespace DevDock::Core
