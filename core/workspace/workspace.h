// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projectsummary.h"
#include "stack/servicestate.h"
#include "twingrouping.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace DevDock::Core {

class EngineClient;
class EventHub;
class ProjectRuntime;
struct ContainerSummary;
struct EngineEvent;

// Every project the user has — opened, pinned, recent (remembered in the settings) — and every
// Compose project found on an engine by its labels (stacks started from a terminal included),
// each with a live ProjectSummary. One event subscription per engine (EventHub) feeds every
// runtime and the summaries; an event updates the one container it names (no re-listing). Open
// projects are ProjectRuntimes; only the active one streams logs and stats.
class Workspace final : public QObject
{
    Q_OBJECT
public:
    // `client` is the engine "default" (the docker context DevDock uses).
    explicit Workspace(EngineClient *client, QObject *parent = nullptr);
    ~Workspace() override;

    // Another engine to discover projects on (a docker context), by name.
    void addEngine(const QString &name, EngineClient *client);
    // The engine of a docker context by its name ("default": the workspace's own): the one
    // client (and so the one event subscription) of that engine, made on first use from the
    // docker CLI's context store.
    Result<EngineClient *> useEngine(const QString &name);
    // The docker contexts a project may run on ("default" first).
    QStringList availableEngines() const;
    // Moves an opened or remembered project to another engine (remembered with it): an open
    // runtime is closed and opened again on that engine.
    Result<void> setEngine(const QString &id, const QString &engine);
    EngineClient *engine(const QString &name = QStringLiteral("default")) const;
    EventHub *eventHub(const QString &engine = QStringLiteral("default")) const;

    // Where the remembered projects live (tests use their own settings file); read at once.
    void setSettingsFile(const QString &path);
    // Starts discovery on every engine (lists once, then follows events).
    void start();
    // The first listing of every engine is in.
    bool isDiscovered() const;

    QList<ProjectSummary> projects() const;
    std::optional<ProjectSummary> project(const QString &id) const;

    // Opens (or returns the open) runtime of a project and makes it active once loaded. A failed
    // first load closes it again and leaves the active project as it was. `engine` is the docker
    // context to run it on (empty: the one remembered for it, else "default"); when that context
    // cannot be resolved nothing opens (nullptr) and the project's summary says why.
    ProjectRuntime *open(const QString &path, const QStringList &files = {},
                         const QString &engine = {});
    // The id open(path, files) gives the project (a compose file's folder, with that file).
    static QString idForPath(const QString &path, const QStringList &files = {});
    ProjectRuntime *runtime(const QString &id) const; // nullptr when not open
    ProjectRuntime *activeRuntime() const;
    QList<ProjectRuntime *> runtimes() const;

    void setActive(const QString &id);
    QString activeId() const { return m_activeId; }
    void close(const QString &id);
    void setPinned(const QString &id, bool pinned);
    // Forgets a remembered project (closing it first); a discovered one that still has
    // containers stays listed.
    void remove(const QString &id);

    // The whole stack: up / stop. Discovered projects run through the compose CLI with -p NAME,
    // the working directory and config files of their labels.
    void start(const QString &id);
    void stop(const QString &id);

    // Remembered project folders, most recent first (the window's Open Recent menu).
    QStringList recentDirectories() const;

signals:
    void projectAdded(const DevDock::Core::ProjectSummary &summary);
    void projectChanged(const DevDock::Core::ProjectSummary &summary);
    void projectRemoved(const QString &id);
    void activeChanged(const QString &id);
    void discovered();
    // A service of a project that has no runtime (discovered, remembered, closed) exited
    // unexpectedly or turned unhealthy, from the engine's events (an open project's LiveState
    // raises its own alerts).
    void serviceAlert(const QString &id, const DevDock::Core::ServiceAlert &alert);
    // A start/stop through the workspace ended.
    void actionFinished(const QString &id, const QString &action,
                        const DevDock::Core::Result<void> &result);

private:
    struct Container
    {
        QString project;
        QString service;
        QString state; // running, exited, ...
        QString health;
        int exitCode = 0;
        bool stopRequested = false; // a stop/kill event came before it exited
        QList<quint16> ports;
        QList<ProjectSummary::PublishedPort> bindings;
        QString workingDir;
        QString configFiles;
        bool oneoff = false;
    };
    struct Engine
    {
        QString name;
        QPointer<EngineClient> client;
        EventHub *hub = nullptr;
        QHash<QString, Container> containers; // by id
        bool listed = false;
        bool reachable = true;
        bool listing = false;
        bool listAgain = false;
        bool wired = false;
    };
    struct Entry
    {
        ProjectSummary summary;
        ProjectRuntime *runtime = nullptr;
        bool remembered = false;
        // The Compose name it was opened under when its files name another (a twin started as
        // <project>-<branch>): remembered, so that reopening it never acts on the main stack.
        QString openedAs;
    };

    void listEngine(Engine &engine);
    void onEvent(Engine &engine, const EngineEvent &event);
    void fetchContainer(Engine &engine, const QString &id);
    void rebuildDiscovered(Engine &engine, const QString &projectName = {});
    void updateFromRuntime(ProjectRuntime *runtime);
    void alertLater(const Engine &engine, const QString &containerId, const QString &project,
                    const ServiceAlert &alert);
    Entry *entryForName(const QString &engine, const QString &name,
                        const QString &workingDir = {});
    void markRememberedKnown(const Engine &engine);
    void refreshSummary(Entry &entry);
    void put(Entry entry);
    void loadRemembered();
    void saveRemembered() const;
    void runStackAction(const QString &id, bool start);
    Engine *engineNamed(const QString &name);
    // The git checkout of every project folder (asked off the GUI thread, once per folder) and
    // from it which project is a twin of which: a zero timer gathers the changes of one turn.
    void relate();
    void inspectCheckout(const QString &directory);

    QList<Engine *> m_engines;
    // Clients of the contexts useEngine() made (after the runtimes on them are gone).
    std::vector<std::unique_ptr<EngineClient>> m_ownedClients;
    QList<Entry> m_entries; // in display order: remembered/opened first, then discovered
    QString m_activeId;
    QString m_pendingActive;
    QString m_settingsFile;
    // A switch saves its "last opened" a little later: writing the settings file (a sync to
    // disk, 20-90 ms on a busy machine) is not part of the switch.
    QTimer m_saveLater;
    bool m_started = false;
    QHash<QString, std::optional<TwinGrouping::Checkout>> m_checkouts; // by project folder
    QSet<QString> m_inspecting;
    QTimer m_relate;
};

} // namespace DevDock::Core
