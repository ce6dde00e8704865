// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "stack/servicestate.h"
#include "util/result.h"

#include <QMainWindow>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QToolButton;

namespace DevDock::Core {
class EngineClient;
class ContainerWatcher;
class ProjectSession;
class ProjectLogs;
class DevLoop;
class PortMonitor;
struct DiscoveredProject;
} // namespace DevDock::Core

namespace DevDock::Ui {

class ContainerListModel;
class EnvEditorPanel;
class OnboardingDialog;
class OperationPanel;
class PortListModel;
class ServiceDetailsPanel;
class ServiceListModel;
class LogPanel;
class StatsCollector;
class TopologyView;

// DevDock's main window: the open project as a live topology graph, its services, ports and the
// details of the selected service; stack actions with their progress; and the engine's own
// containers. Everything updates from engine events; nothing blocks the GUI thread.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Core::EngineClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openProject(const QString &path, const QStringList &files = {});

    Core::ProjectSession *session() const { return m_session; }
    ContainerListModel *containerModel() const { return m_model; }
    ServiceListModel *serviceModel() const { return m_serviceModel; }
    PortListModel *portModel() const { return m_portModel; }
    TopologyView *topologyView() const { return m_topology; }
    OperationPanel *operationPanel() const { return m_operations; }
    ServiceDetailsPanel *detailsPanel() const { return m_details; }
    StatsCollector *statsCollector() const { return m_stats; }
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
    Core::DevLoop *devLoop() const { return m_devLoop; }
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
    void openInTerminal(const QStringList &command);
    void chooseProject();
    void adopt(const Core::DiscoveredProject &project);
    void rememberProject(const QString &path);
    void rebuildRecentMenu();
    void maybeSettled();
    void offerRecreate();
    // Unsaved .env edits before they would be lost: save, discard or cancel. True: go on now;
    // false: stay (Cancel), or Save was chosen and `afterSave` runs once the save succeeded.
    bool confirmUnsavedEnv(std::function<void()> afterSave);
    void updateHotReload();

    Core::EngineClient *m_client;
    Core::ContainerWatcher *m_watcher;
    Core::ProjectSession *m_session;
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
    StatsCollector *m_stats;
    QLabel *m_totalsLabel;
    Core::ProjectLogs *m_logs = nullptr;
    LogPanel *m_logPanel = nullptr;
    QWidget *m_logsTab = nullptr;
    QComboBox *m_envProfile;
    EnvEditorPanel *m_envPanel = nullptr;
    Core::DevLoop *m_devLoop = nullptr;
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
    QAction *m_cancelAction = nullptr;
    QAction *m_checkPortsAction = nullptr;
    bool m_engineAvailable = true;
    QString m_selected;
    bool m_closeToTray = false;
    bool m_settledEmitted = false;
};

} // namespace DevDock::Ui
