// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "stack/servicestate.h"
#include "util/result.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace DevDock::Core {
class EngineClient;
class ContainerWatcher;
class ProjectRuntime;
class ProjectLogs;
class DevLoop;
class ServiceStats;
class Workspace;
class PortMonitor;
struct DiscoveredProject;
} // namespace DevDock::Core

namespace DevDock::Ui {

class ContainerListModel;
class DataPanel;
class EnvEditorPanel;
class OnboardingDialog;
class OperationPanel;
class PortListModel;
class ServiceDetailsPanel;
class ServiceListModel;
class LogPanel;
class TopologyView;
class WelcomeView;

// DevDock's main window: a view onto a Workspace. The active project as a live topology graph,
// its services, ports and the details of the selected service; stack actions with their
// progress; and the engine's own containers. The window binds its views to the active
// ProjectRuntime's objects; switching projects rebinds them (no reload: every runtime stays
// alive), and a project that fails to open leaves the active one as it was. Everything updates
// from engine events; nothing blocks the GUI thread.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Core::Workspace *workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the project in the workspace; it goes on screen once loaded. Returns its runtime
    // (the one already open, or a new one that is loading).
    Core::ProjectRuntime *openProject(const QString &path, const QStringList &files = {});

    Core::Workspace *workspace() const { return m_workspace; }
    // The project on screen (nullptr before one is loaded).
    Core::ProjectRuntime *activeRuntime() const;
    ContainerListModel *containerModel() const { return m_model; }
    ServiceListModel *serviceModel() const { return m_serviceModel; }
    PortListModel *portModel() const { return m_portModel; }
    TopologyView *topologyView() const { return m_topology; }
    OperationPanel *operationPanel() const { return m_operations; }
    ServiceDetailsPanel *detailsPanel() const { return m_details; }
    Core::ServiceStats *serviceStats() const;
    QTabWidget *tabs() const { return m_tabs; }
    LogPanel *logPanel() const { return m_logPanel; }
    // Shows the logs of one service (empty: every service, merged).
    void showLogs(const QString &service);
    // The service the user has selected (graph or table), or empty.
    QString selectedService() const { return m_selected; }
    // What the stack actions act on: the rows selected in the services table while it shows,
    // else the service selected in the graph.
    QStringList selectedServices() const;
    void selectService(const QString &service);
    // Ready for a screenshot: project loaded, live state known, layout done.
    bool isSettled() const;

    EnvEditorPanel *envPanel() const { return m_envPanel; }
    DataPanel *dataPanel() const { return m_dataPanel; }
    Core::DevLoop *devLoop() const;
    // The required variables the active project leaves unset, in a banner (empty: hidden).
    QStringList missingRequiredShown() const { return m_missingShown; }
    // Opens the environment editor on that key (added empty when the profile lacks it).
    void editEnvironmentKey(const QString &key);
    // Shows the onboarding dialog for the open project with its plan (on demand, or by itself
    // for a project that has never run here, when enabled); it runs when the user presses Start.
    OnboardingDialog *showOnboarding();
    OnboardingDialog *onboardingDialog() const { return m_onboardingDialog; }
    void setOnboardingOnFirstRun(bool enabled) { m_onboardingOnFirstRun = enabled; }
    // After an .env profile switch: the running services whose configuration changed, offered
    // for recreation in a banner (empty when none).
    QStringList recreateOffer() const { return m_recreateOffer; }
    void acceptRecreateOffer();
    // Selects a tab by name: topology, services, ports, containers, logs, environment.
    bool showView(const QString &name);

    // Why the actions that need the engine are disabled right now (empty: they are not): the
    // open project's engine is unreachable. Shown as their tooltip and in the status bar.
    QString engineUnavailableReason() const;

    // When the window closes: hide (a tray keeps DevDock running) or quit.
    void setCloseToTray(bool enabled) { m_closeToTray = enabled; }

signals:
    // Another project went on screen (its runtime), or none (nullptr).
    void activeRuntimeChanged(DevDock::Core::ProjectRuntime *runtime);
    void projectLoaded();
    void settled();
    // A service exited unexpectedly or turned unhealthy (for the tray's notifications).
    void serviceAlert(const DevDock::Core::ServiceAlert &alert);
    // The recreate offer after a reload is known (it asks Compose for the config hashes).
    void recreateOfferChanged(const QStringList &services);
    // The engine became unreachable (actions disabled) or reachable again.
    void engineAvailabilityChanged(bool available);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildActions();
    void installSidebar();
    // Brings a workspace project on screen, opening it first when it is not open.
    void activateProject(const QString &id);
    // Binds every view to the runtime's objects (nullptr: none on screen).
    void bind(Core::ProjectRuntime *runtime);
    void onRuntimeLoadFailed(Core::ProjectRuntime *runtime, const Core::Error &error);
    void updateMissingRequired();
    void updateStatsWanted();
    void buildProjectUi();
    void refreshEngineInfo();
    void onEngineStatusChanged(bool reachable, const Core::Error &error);
    void onProjectLoaded();
    void onServicesChanged(const QList<Core::ServiceState> &services);
    void updateCount();
    void updateActions();
    // Enables `action` when `enabled` and the engine is there; its tooltip says why not.
    void gateOnEngine(QAction *action, bool enabled, const QString &unavailable);
    void checkPorts();
    void showServiceMenu(const QString &service, const QPoint &globalPos);
    void openTerminal(const QString &container, const QString &service);
    // A terminal on the service's running container (the graph's menu, the table's, the details
    // drawer's button and Stack ▸ Open Terminal all come here).
    void openServiceTerminal(const QString &service);
    // The id of the service's running container, empty when none runs.
    QString runningContainer(const QString &service) const;
    void chooseProject();
    void adopt(const Core::DiscoveredProject &project);
    void rebuildRecentMenu();
    // The ports table's twin rows: the twins of the project on screen, as the workspace sees them.
    void updateTwinPorts();
    // "Run branch alongside…" (up) on a project, "Tear down twin…" on a twin.
    void showTwinDialog(const QString &id, bool up);
    void maybeSettled();
    void offerRecreate();
    // Unsaved .env edits before they would be lost: save, discard or cancel. True: go on now;
    // false: stay (Cancel), or Save was chosen and `afterSave` runs once the save succeeded.
    bool confirmUnsavedEnv(std::function<void()> afterSave);
    void updateHotReload();

    Core::Workspace *m_workspace;
    Core::EngineClient *m_client;
    class TerminalArea *m_terminalArea = nullptr;
    Core::ContainerWatcher *m_watcher;
    // The engine on screen: the bound project's own (its docker context), else the default one.
    // The containers tab, the status bar's engine line and count, and the port checks follow it.
    QPointer<Core::EngineClient> m_engine;
    void followEngine(Core::EngineClient *engine);
    void watchContainers();
    QPointer<Core::ProjectRuntime> m_runtime; // the one bound (on screen)
    QObject *m_binding = nullptr;             // context of the bound runtime's connections
    ContainerListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    ServiceListModel *m_serviceModel;
    PortListModel *m_portModel;
    Core::PortMonitor *m_portMonitor = nullptr;
    QLabel *m_engineLabel;
    QLabel *m_errorLabel;
    QLabel *m_projectError;
    QLabel *m_countLabel;
    QLabel *m_projectLabel;
    QTableView *m_view;
    QTableView *m_servicesView;
    QTableView *m_portsView;
    QTabWidget *m_tabs;
    TopologyView *m_topology;
    OperationPanel *m_operations;
    ServiceDetailsPanel *m_details;
    QLabel *m_totalsLabel;
    QLabel *m_portsNote = nullptr;
    LogPanel *m_logPanel = nullptr; // the bound runtime's
    QHash<Core::ProjectRuntime *, LogPanel *> m_logPanels; // one per runtime: search, scroll stay
    QStackedWidget *m_logStack = nullptr;
    QStackedWidget *m_centre = nullptr;
    WelcomeView *m_welcome = nullptr;
    QWidget *m_logsTab = nullptr;
    QWidget *m_missingBanner = nullptr;
    QLabel *m_missingLabel = nullptr;
    QMenu *m_missingMenu = nullptr;
    QStringList m_missingShown;
    QComboBox *m_envProfile;
    EnvEditorPanel *m_envPanel = nullptr;
    DataPanel *m_dataPanel = nullptr;
    OnboardingDialog *m_onboardingDialog = nullptr;
    bool m_onboardingOnFirstRun = false;
    bool m_onboardingOffered = false;
    std::optional<Core::ComposeProject> m_projectBeforeSwitch;
    QStringList m_recreateOffer;
    quint64 m_recreateGeneration = 0;
    QWidget *m_recreateBanner = nullptr;
    QLabel *m_recreateLabel = nullptr;
    QToolButton *m_composeProfiles;
    QMenu *m_recentMenu = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_downAction = nullptr;
    QAction *m_restartAction = nullptr;
    QAction *m_rebuildAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_terminalAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_checkPortsAction = nullptr;
    bool m_engineAvailable = true;
    QString m_selected;
    bool m_closeToTray = false;
    bool m_settledEmitted = false;
    // The status bar's own requests answered: the engine's version line, the container count.
    bool m_engineInfoIn = false;
    bool m_containersIn = false;
};

} // namespace DevDock::Ui
