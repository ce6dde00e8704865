// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "details/servicedetailspanel.h"
#include "env/enveditorpanel.h"
#include "errorbanner.h"
#include "logs/logpanel.h"
#include "onboarding/onboardingdialog.h"
#include "operations/operationpanel.h"
#include "ports/portlistmodel.h"
#include "services/containerlistmodel.h"
#include "services/servicelistmodel.h"
#include "stats/statscollector.h"
#include "topology/topologyview.h"

#include "devloop/devloop.h"
#include "engine/containerwatcher.h"
#include "engine/engineclient.h"
#include "env/envprofile.h"
#include "env/secretstore.h"
#include "logs/projectlogs.h"
#include "onboarding/onboarding.h"
#include "stack/livestate.h"
#include "stack/portmonitor.h"
#include "stack/portpreflight.h"
#include "stack/projectdiscovery.h"
#include "stack/projectsession.h"
#include "stack/stackcontroller.h"
#include "stack/stackenvironment.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace DevDock::Ui {

namespace {

constexpr int MaxRecent = 8;

void setupTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

} // namespace

MainWindow::MainWindow(Core::EngineClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_watcher(new Core::ContainerWatcher(client, {true, {}}, this))
    , m_session(new Core::ProjectSession(client, this))
    , m_model(new ContainerListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_serviceModel(new ServiceListModel(this))
    , m_portModel(new PortListModel(this))
    , m_engineLabel(new QLabel(this))
    , m_errorLabel(makeErrorBanner(this, QStringLiteral("engineErrorLabel"), tr("Engine error")))
    , m_projectError(
          makeErrorBanner(this, QStringLiteral("projectErrorLabel"), tr("Project error")))
    , m_countLabel(new QLabel(this))
    , m_projectLabel(new QLabel(this))
    , m_view(new QTableView(this))
    , m_servicesView(new QTableView(this))
    , m_portsView(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_topology(new TopologyView(this))
    , m_operations(new OperationPanel(this))
    , m_details(new ServiceDetailsPanel(client, this))
    , m_stats(new StatsCollector(client, this))
    , m_totalsLabel(new QLabel(this))
    , m_envProfile(new QComboBox(this))
    , m_composeProfiles(new QToolButton(this))
{
    setWindowTitle(tr("DevDock"));
    setObjectName(QStringLiteral("mainWindow"));
    resize(1280, 800);

    m_engineLabel->setObjectName(QStringLiteral("engineLabel"));
    m_engineLabel->setAccessibleName(tr("Engine status"));
    m_engineLabel->setAccessibleDescription(tr("Docker engine version, API version and endpoint"));
    m_engineLabel->setText(tr("Connecting to %1 …").arg(client->endpoint().uri));
    m_engineLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("containersView"));
    m_view->setAccessibleName(tr("Containers"));
    m_view->setAccessibleDescription(tr("All containers of the Docker engine, updated live"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ContainerListModel::NameColumn, Qt::AscendingOrder);
    setupTable(m_view);
    m_view->setColumnWidth(ContainerListModel::NameColumn, 220);
    m_view->setColumnWidth(ContainerListModel::StateColumn, 90);
    m_view->setColumnWidth(ContainerListModel::StatusColumn, 200);
    m_view->setColumnWidth(ContainerListModel::ImageColumn, 200);
    m_view->setColumnWidth(ContainerListModel::PortsColumn, 180);

    buildProjectUi();
    buildActions();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_engineLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_projectError);
    layout->addWidget(m_recreateBanner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_countLabel->setObjectName(QStringLiteral("containerCountLabel"));
    m_countLabel->setAccessibleName(tr("Container count"));
    m_projectLabel->setObjectName(QStringLiteral("projectLabel"));
    m_projectLabel->setAccessibleName(tr("Project status"));
    m_totalsLabel->setObjectName(QStringLiteral("stackTotalsLabel"));
    m_totalsLabel->setAccessibleName(tr("Stack memory total"));
    statusBar()->addWidget(m_projectLabel, 1);
    statusBar()->addPermanentWidget(m_totalsLabel);
    statusBar()->addPermanentWidget(m_countLabel);

    connect(m_watcher, &Core::ContainerWatcher::containersChanged, this,
            [this](const QList<Core::ContainerSummary> &containers) {
                m_model->setContainers(containers);
                m_portMonitor->setContainers(containers); // a start or stop: ports again
                updateCount();
            });
    connect(m_watcher, &Core::ContainerWatcher::engineStatusChanged, this,
            &MainWindow::onEngineStatusChanged);
    updateCount();
    updateActions();
    m_watcher->start();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildProjectUi()
{
    m_tabs->setObjectName(QStringLiteral("viewTabs"));
    m_tabs->setAccessibleName(tr("Views"));
    m_tabs->setDocumentMode(true);

    m_servicesView->setObjectName(QStringLiteral("servicesView"));
    m_servicesView->setAccessibleName(tr("Services"));
    m_servicesView->setAccessibleDescription(
        tr("The project's services: state, health, ports, uptime, restarts, image"));
    m_servicesView->setModel(m_serviceModel);
    setupTable(m_servicesView);
    m_servicesView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_servicesView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_servicesView->setColumnWidth(ServiceListModel::NameColumn, 190);
    m_servicesView->setColumnWidth(ServiceListModel::StateColumn, 110);
    m_servicesView->setColumnWidth(ServiceListModel::PortsColumn, 200);
    m_servicesView->setColumnWidth(ServiceListModel::ImageColumn, 220);

    m_portsView->setObjectName(QStringLiteral("portsView"));
    m_portsView->setAccessibleName(tr("Ports"));
    m_portsView->setAccessibleDescription(
        tr("Every published port with its service, URL and who holds it when it is taken"));
    m_portsView->setModel(m_portModel);
    setupTable(m_portsView);
    m_portsView->setColumnWidth(PortListModel::PortColumn, 170);
    m_portsView->setColumnWidth(PortListModel::ServiceColumn, 160);
    m_portsView->setColumnWidth(PortListModel::UrlColumn, 220);

    m_topology->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tabs->addTab(m_topology, tr("&Topology"));
    m_tabs->addTab(m_servicesView, tr("&Services"));
    m_tabs->addTab(m_portsView, tr("&Ports"));
    m_tabs->addTab(m_view, tr("&Containers"));
    m_logsTab = new QWidget(this);
    m_logsTab->setObjectName(QStringLiteral("logsTab"));
    m_logsTab->setAccessibleName(tr("Logs"));
    new QVBoxLayout(m_logsTab);
    m_logsTab->layout()->setContentsMargins(0, 0, 0, 0);
    m_tabs->addTab(m_logsTab, tr("&Logs"));
    m_devLoop = new Core::DevLoop(m_client, m_session, this);
    connect(m_devLoop, &Core::DevLoop::changed, this, &MainWindow::updateHotReload);
    connect(m_devLoop, &Core::DevLoop::failed, this,
            [this](const Core::Error &error) { Ui::showError(m_projectError, error); });
    m_envPanel = new EnvEditorPanel(this);
    m_tabs->addTab(m_envPanel, tr("&Environment"));
    connect(m_envPanel, &EnvEditorPanel::saved, this, [this] {
        // The saved values take effect like a profile switch: reload, then offer to recreate
        // what changed.
        m_projectBeforeSwitch = m_session->project();
        m_session->reload();
    });

    m_recreateBanner = new QWidget(this);
    m_recreateBanner->setObjectName(QStringLiteral("recreateBanner"));
    m_recreateBanner->setAccessibleName(tr("Recreate services"));
    m_recreateBanner->setStyleSheet(QStringLiteral(
        "#recreateBanner { background: #e8f1fb; border: 1px solid #9cc3e6; border-radius: 4px; }"));
    auto *recreateLayout = new QHBoxLayout(m_recreateBanner);
    m_recreateLabel = new QLabel(m_recreateBanner);
    m_recreateLabel->setObjectName(QStringLiteral("recreateText"));
    m_recreateLabel->setAccessibleName(tr("Recreate services"));
    m_recreateLabel->setWordWrap(true);
    auto *recreate = new QPushButton(tr("&Recreate"), m_recreateBanner);
    recreate->setObjectName(QStringLiteral("recreateButton"));
    recreate->setAccessibleName(tr("Recreate"));
    recreate->setAccessibleDescription(
        tr("Recreate exactly the services whose environment changed"));
    auto *notNow = new QPushButton(tr("Not &now"), m_recreateBanner);
    notNow->setObjectName(QStringLiteral("recreateDismiss"));
    notNow->setAccessibleName(tr("Not now"));
    recreateLayout->addWidget(m_recreateLabel, 1);
    recreateLayout->addWidget(recreate);
    recreateLayout->addWidget(notNow);
    connect(recreate, &QPushButton::clicked, this, &MainWindow::acceptRecreateOffer);
    connect(notNow, &QPushButton::clicked, this, [this] {
        m_recreateOffer.clear();
        m_recreateBanner->hide();
    });
    m_recreateBanner->hide();
    // Stats stream only while the services table is on screen.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_stats->setActive(isVisible() && m_tabs->currentWidget() == m_servicesView);
        if (m_upAction != nullptr) {
            updateActions(); // the table's selection or the graph's
        }
    });
    connect(m_stats, &StatsCollector::usageChanged, this,
            [this](const QHash<QString, ServiceUsage> &usage, double totalMb) {
                m_serviceModel->setUsage(usage);
                m_totalsLabel->setText(tr("Stack memory: %1 MB").arg(totalMb, 0, 'f', 1));
            });

    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(QStringLiteral("detailsDock"));
    detailsDock->setAccessibleName(tr("Details"));
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    resizeDocks({detailsDock}, {380}, Qt::Horizontal);
    auto *operationDock = new QDockWidget(tr("Operation"), this);
    operationDock->setObjectName(QStringLiteral("operationDock"));
    operationDock->setAccessibleName(tr("Operation"));
    operationDock->setWidget(m_operations);
    addDockWidget(Qt::BottomDockWidgetArea, operationDock);
    resizeDocks({operationDock}, {170}, Qt::Vertical);
    m_operations->setController(m_session->controller());

    connect(m_session, &Core::ProjectSession::loaded, this, &MainWindow::onProjectLoaded);
    connect(m_session, &Core::ProjectSession::loadFailed, this, [this](const Core::Error &error) {
        showError(m_projectError, error);
        m_projectLabel->setText(tr("Could not load the project"));
    });
    connect(m_session, &Core::ProjectSession::loadStarted, this,
            [this] { m_projectLabel->setText(tr("Loading %1 …").arg(m_session->directory())); });
    Core::LiveState *live = m_session->liveState();
    connect(live, &Core::LiveState::servicesChanged, this, &MainWindow::onServicesChanged);
    connect(live, &Core::LiveState::ready, this, &MainWindow::maybeSettled);
    connect(live, &Core::LiveState::ready, this, &MainWindow::updateActions);
    connect(live, &Core::LiveState::engineStatusChanged, this, &MainWindow::updateActions);
    connect(live, &Core::LiveState::alertRaised, this, [this](const Core::ServiceAlert &alert) {
        statusBar()->showMessage(alert.message, 10000);
        emit serviceAlert(alert);
    });
    connect(m_topology, &TopologyView::layoutFinished, this, &MainWindow::maybeSettled);
    connect(m_topology, &TopologyView::urlActivated, this,
            [](const QString &url) { QDesktopServices::openUrl(QUrl(url)); });
    connect(m_topology, &TopologyView::selectedServiceChanged, this,
            [this](const QString &service) {
                if (!service.isEmpty()) {
                    selectService(service);
                }
            });
    connect(m_topology, &TopologyView::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_topology->selectedService().isEmpty()) {
            showServiceMenu(m_topology->selectedService(),
                            m_topology->viewport()->mapToGlobal(pos));
        }
    });
    connect(m_topology, &TopologyView::serviceActivated, this, [this](const QString &service) {
        selectService(service);
        m_tabs->setCurrentWidget(m_servicesView);
    });
    // The selection, not the keyboard's current row (Ctrl+click can leave the current row
    // unselected): what is highlighted is what the actions act on.
    connect(m_servicesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                const QStringList selected = selectedServices();
                if (!selected.isEmpty() && !selected.contains(m_selected)) {
                    selectService(selected.first());
                }
                updateActions();
            });
    connect(m_servicesView, &QTableView::customContextMenuRequested, this,
            [this](const QPoint &pos) {
                const QModelIndex index = m_servicesView->indexAt(pos);
                if (!index.isValid()) {
                    return;
                }
                // A click outside the selection points at that row alone, as file managers do.
                if (!m_servicesView->selectionModel()->isRowSelected(index.row(), {})) {
                    m_servicesView->selectionModel()->select(
                        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                }
                showServiceMenu(index.data(ServiceListModel::NameRole).toString(),
                                m_servicesView->viewport()->mapToGlobal(pos));
            });
    connect(m_portsView, &QTableView::doubleClicked, this, [](const QModelIndex &index) {
        const QString url = index.data(PortListModel::UrlRole).toString();
        if (!url.isEmpty()) {
            QDesktopServices::openUrl(QUrl(url));
        }
    });
    connect(m_session->controller(), &Core::StackController::busyChanged, this,
            &MainWindow::updateActions);
    // After every action (a conflict that refused it: the Ports view names the holder too; a
    // successful Up: what was a conflict is now the stack's own) and every container start/stop.
    m_portMonitor = new Core::PortMonitor(m_client, this);
    m_portMonitor->watch(m_session->controller());
    connect(m_portMonitor, &Core::PortMonitor::reportChanged, this,
            [this](const Core::PortReport &report) {
                m_portModel->setReport(report);
                const int conflicts = m_portModel->conflictCount();
                m_tabs->setTabText(2, conflicts > 0 ? tr("&Ports (%1 conflicts)").arg(conflicts)
                                                    : tr("&Ports"));
            });
}

void MainWindow::buildActions()
{
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *open = fileMenu->addAction(tr("&Open Project…"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("openProjectAction"));
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    rebuildRecentMenu();
    // Stacks running on the engine, whoever started them, offered for adoption.
    auto *running = fileMenu->addMenu(tr("Running &Stacks"));
    running->setObjectName(QStringLiteral("runningStacksMenu"));
    connect(running, &QMenu::aboutToShow, this, [this, running] {
        running->clear();
        QAction *loading = running->addAction(tr("Looking for stacks …"));
        loading->setEnabled(false);
        Core::discoverProjects(
            m_client, running,
            [this, running](Core::Result<QList<Core::DiscoveredProject>> projects) {
                running->clear();
                if (!projects) {
                    running->addAction(projects.error().message)->setEnabled(false);
                    return;
                }
                if (projects->isEmpty()) {
                    running->addAction(tr("No Compose stacks on the engine"))->setEnabled(false);
                }
                for (const Core::DiscoveredProject &p : *projects) {
                    QAction *a = running->addAction(tr("%1 — %2/%3 running — %4")
                                                        .arg(p.name)
                                                        .arg(p.running)
                                                        .arg(p.containers)
                                                        .arg(p.workingDirectory));
                    connect(a, &QAction::triggered, this, [this, p] { adopt(p); });
                }
            });
    });
    auto *refresh = fileMenu->addAction(tr("&Refresh"), this, [this] {
        refreshEngineInfo();
        m_watcher->stop();
        m_watcher->start();
        m_session->reload();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    auto *stackMenu = menuBar()->addMenu(tr("&Stack"));
    m_upAction = stackMenu->addAction(tr("&Up"), this, [this] {
        Core::ComposeUpOptions options;
        options.wait = false;
        m_session->controller()->up({}, options);
    });
    m_upAction->setObjectName(QStringLiteral("upAction"));
    m_upAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_upAction->setToolTip(tr("Create and start every service, dependencies first (Ctrl+U)"));
    m_downAction =
        stackMenu->addAction(tr("&Down"), this, [this] { m_session->controller()->down(false); });
    m_downAction->setObjectName(QStringLiteral("downAction"));
    m_downAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_downAction->setToolTip(
        tr("Stop and remove the stack's containers and networks (Ctrl+Shift+D)"));
    m_restartAction = stackMenu->addAction(tr("&Restart"), this, [this] {
        const QStringList services = selectedServices();
        if (services.isEmpty()) {
            m_session->controller()->restart({}, false);
        } else {
            m_session->controller()->restart(services, true);
        }
    });
    m_restartAction->setObjectName(QStringLiteral("restartAction"));
    m_restartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_restartAction->setToolTip(
        tr("Restart the selected service and its dependents, or the whole stack (Ctrl+R)"));
    m_stopAction = stackMenu->addAction(tr("S&top Service"), this, [this] {
        if (const QStringList services = selectedServices(); !services.isEmpty()) {
            m_session->controller()->stop(services, false);
        }
    });
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_rebuildAction = stackMenu->addAction(tr("Re&build Service"), this, [this] {
        for (const QString &service : selectedServices()) {
            m_session->controller()->rebuild(service); // queued: one after the other
        }
    });
    m_rebuildAction->setObjectName(QStringLiteral("rebuildAction"));
    m_rebuildAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_rebuildAction->setToolTip(
        tr("Rebuild the selected service's image and recreate only it (Ctrl+B)"));
    m_cancelAction = stackMenu->addAction(tr("&Cancel Operation"), m_session->controller(),
                                          &Core::StackController::cancel);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    stackMenu->addSeparator();
    auto *onboarding = stackMenu->addAction(tr("&Onboarding…"), this, [this] { showOnboarding(); });
    onboarding->setObjectName(QStringLiteral("onboardingAction"));
    onboarding->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    onboarding->setToolTip(tr("Check this machine and take the project to a healthy stack, step "
                              "by step (Ctrl+Shift+O)"));
    m_checkPortsAction = stackMenu->addAction(tr("Check &Ports"), this, &MainWindow::checkPorts);
    m_checkPortsAction->setObjectName(QStringLiteral("checkPortsAction"));
    m_checkPortsAction->setToolTip(tr("Check who holds the ports the stack publishes"));
    // The tooltips above are what the actions say while they can run; updateActions() puts the
    // reason in their place while the engine is away.
    for (QAction *action : {m_upAction, m_downAction, m_restartAction, m_stopAction,
                            m_rebuildAction, m_checkPortsAction}) {
        action->setProperty("devdockToolTip", action->toolTip());
    }

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *fit = viewMenu->addAction(tr("&Fit Graph"), m_topology, &TopologyView::fitAll);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    viewMenu->addAction(tr("Zoom &In"), m_topology, &TopologyView::zoomIn)
        ->setShortcut(QKeySequence::ZoomIn);
    viewMenu->addAction(tr("Zoom &Out"), m_topology, &TopologyView::zoomOut)
        ->setShortcut(QKeySequence::ZoomOut);
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *show = viewMenu->addAction(m_tabs->tabText(i).remove(QLatin1Char('&')), this,
                                         [this, i] { m_tabs->setCurrentIndex(i); });
        show->setShortcut(QKeySequence(Qt::ALT | (Qt::Key_1 + i)));
    }

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About DevDock"), this, [this] {
        QMessageBox::about(this, tr("About DevDock"),
                           tr("DevDock %1\nA desktop manager for Docker Compose development "
                              "environments.")
                               .arg(QApplication::applicationVersion()));
    });

    auto *toolbar = addToolBar(tr("Stack"));
    toolbar->setObjectName(QStringLiteral("stackToolbar"));
    toolbar->setAccessibleName(tr("Stack actions"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(open);
    toolbar->addSeparator();
    toolbar->addAction(m_upAction);
    toolbar->addAction(m_downAction);
    toolbar->addAction(m_restartAction);
    toolbar->addAction(m_rebuildAction);
    toolbar->addAction(m_cancelAction);
    toolbar->addSeparator();
    m_composeProfiles->setObjectName(QStringLiteral("composeProfilesButton"));
    m_composeProfiles->setAccessibleName(tr("Compose profiles"));
    m_composeProfiles->setText(tr("Profiles"));
    m_composeProfiles->setPopupMode(QToolButton::InstantPopup);
    m_composeProfiles->setMenu(new QMenu(m_composeProfiles));
    toolbar->addWidget(m_composeProfiles);
    auto *envLabel = new QLabel(tr(" .env: "), this);
    envLabel->setAccessibleName(tr(".env profile label"));
    toolbar->addWidget(envLabel);
    m_envProfile->setObjectName(QStringLiteral("envProfileCombo"));
    m_envProfile->setAccessibleName(tr(".env profile"));
    m_envProfile->setAccessibleDescription(tr("Which .env profile the stack runs with"));
    m_envProfile->setMinimumContentsLength(12);
    toolbar->addWidget(m_envProfile);
    connect(m_envProfile, &QComboBox::activated, this, [this](int index) {
        if (m_envProfile->itemText(index) == m_session->envProfile()) {
            return;
        }
        const QString profile = m_envProfile->itemText(index);
        auto switchProfile = [this, profile] {
            m_projectBeforeSwitch = m_session->project();
            m_session->setEnvProfile(profile);
            m_envProfile->setCurrentText(profile);
        };
        if (!confirmUnsavedEnv(switchProfile)) {
            m_envProfile->setCurrentText(m_session->envProfile()); // until the save is done
            return;
        }
        switchProfile();
    });
}

void MainWindow::openProject(const QString &path, const QStringList &files)
{
    m_projectError->hide();
    m_settledEmitted = false;
    m_selected.clear();
    m_session->open(path, files);
    rememberProject(QFileInfo(path).absoluteFilePath());
}

void MainWindow::adopt(const Core::DiscoveredProject &project)
{
    // Open the stack from its own files, as the labels of its containers name them.
    if (!project.configFiles.isEmpty() && QFileInfo::exists(project.configFiles.first())) {
        openProject(project.workingDirectory, project.configFiles);
        return;
    }
    if (QFileInfo(project.workingDirectory).isDir()) {
        openProject(project.workingDirectory);
        return;
    }
    m_projectError->setText(tr("The files of stack %1 are not on this machine (%2).\nOpen its "
                               "folder by hand if it lives elsewhere.")
                                .arg(project.name, project.workingDirectory));
    m_projectError->show();
}

void MainWindow::chooseProject()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open a Compose project folder"));
    if (!dir.isEmpty()) {
        openProject(dir);
    }
}

void MainWindow::rememberProject(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecent) {
        recent.removeLast();
    }
    settings.setValue(QStringLiteral("recentProjects"), recent);
    settings.setValue(QStringLiteral("lastProject"), path);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu) {
        return;
    }
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(path, this, [this, path] { openProject(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::onProjectLoaded()
{
    const Core::ComposeProject &project = m_session->project();
    setWindowTitle(tr("%1 — DevDock").arg(project.name));
    m_projectError->hide();
    m_topology->setProject(project);
    m_portModel->setProject(project);
    // A fresh log pipeline per project: the last 1000 lines of each container, then following.
    delete m_logPanel;
    delete m_logs;
    m_logs = new Core::ProjectLogs(m_client, this);
    Core::LogOptions logOptions;
    logOptions.follow = true;
    logOptions.tail = QStringLiteral("1000");
    m_logs->setOptions(logOptions);
    m_logPanel = new LogPanel(m_logs, m_logsTab);
    m_logsTab->layout()->addWidget(m_logPanel);
    if (m_session->liveState()->isKnown()) {
        m_logs->updateContainers(m_session->liveState()->services());
    }
    m_details->setProject(project, m_session->secretKeys());
    m_envProfile->clear();
    m_envProfile->addItems(m_session->availableEnvProfiles());
    m_envProfile->setCurrentText(m_session->envProfile());
    m_envProfile->setEnabled(m_envProfile->count() > 0);
    QMenu *menu = m_composeProfiles->menu();
    menu->clear();
    for (const QString &profile : m_session->availableComposeProfiles()) {
        QAction *action = menu->addAction(profile);
        action->setCheckable(true);
        action->setChecked(m_session->composeProfiles().contains(profile));
        connect(action, &QAction::toggled, this, [this, profile](bool on) {
            QStringList profiles = m_session->composeProfiles();
            profiles.removeAll(profile);
            if (on) {
                profiles << profile;
            }
            m_session->setComposeProfiles(profiles);
        });
    }
    m_composeProfiles->setEnabled(!menu->isEmpty());
    m_projectLabel->setText(tr("%1 · %2 services · %3")
                                .arg(project.name)
                                .arg(project.services.size())
                                .arg(m_session->directory()));
    m_envPanel->open(m_session->directory(), m_session->envProfile(), project.configFiles);
    offerRecreate();
    m_portMonitor->setProject(project);
    updateActions();
    emit projectLoaded();
}

void MainWindow::onServicesChanged(const QList<Core::ServiceState> &services)
{
    m_serviceModel->setServices(services);
    m_topology->setServices(services);
    m_portModel->setServices(services);
    m_details->updateServices(services);
    if (m_logs) {
        m_logs->updateContainers(services);
    }
    m_stats->setServices(services);
    int up = 0;
    bool unknown = false;
    for (const Core::ServiceState &s : services) {
        up += s.isUp() ? 1 : 0;
        unknown = unknown || s.status == Core::ServiceStatus::Unknown;
    }
    if (m_session->isLoaded()) {
        m_projectLabel->setText(
            unknown ? tr("%1 · state unknown: the Docker engine is not reachable · %2")
                          .arg(m_session->project().name, m_session->directory())
                    : tr("%1 · %2 of %3 services up · %4")
                          .arg(m_session->project().name)
                          .arg(up)
                          .arg(services.size())
                          .arg(m_session->directory()));
    }
}

void MainWindow::selectService(const QString &service)
{
    if (service == m_selected) {
        return;
    }
    m_selected = service;
    m_details->showService(service);
    if (m_topology->selectedService() != service) {
        m_topology->selectService(service);
    }
    for (int row = 0; row < m_serviceModel->rowCount(); ++row) {
        const QModelIndex index = m_serviceModel->index(row, 0);
        if (index.data(ServiceListModel::NameRole).toString() == service
            && m_servicesView->currentIndex().row() != row) {
            m_servicesView->selectRow(row);
        }
    }
    updateActions();
}

QStringList MainWindow::selectedServices() const
{
    QStringList services;
    if (m_servicesView->isVisible() || m_tabs->currentWidget() == m_servicesView) {
        QModelIndexList rows = m_servicesView->selectionModel()->selectedRows();
        std::sort(rows.begin(), rows.end(),
                  [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        for (const QModelIndex &index : std::as_const(rows)) {
            services << index.data(ServiceListModel::NameRole).toString();
        }
        return services;
    }
    if (!m_selected.isEmpty()) {
        services << m_selected; // the graph's selection
    }
    return services;
}

void MainWindow::showLogs(const QString &service)
{
    if (!m_logPanel) {
        return;
    }
    m_tabs->setCurrentWidget(m_logsTab);
    m_logPanel->showOnly(service);
}

QString MainWindow::engineUnavailableReason() const
{
    const Core::LiveState *live = m_session->liveState();
    if (!m_session->isLoaded() || !live->isKnown() || live->isEngineReachable()) {
        return {};
    }
    return tr("Unavailable while the Docker engine is unreachable: %1")
        .arg(live->engineError().message);
}

void MainWindow::gateOnEngine(QAction *action, bool enabled, const QString &unavailable)
{
    action->setEnabled(enabled && unavailable.isEmpty());
    const QString tip =
        unavailable.isEmpty() ? action->property("devdockToolTip").toString() : unavailable;
    action->setToolTip(tip);
    action->setStatusTip(unavailable);
}

void MainWindow::updateActions()
{
    const bool loaded = m_session->isLoaded();
    const bool busy = m_session->controller()->isBusy();
    const QString unavailable = engineUnavailableReason();
    gateOnEngine(m_upAction, loaded, unavailable);
    gateOnEngine(m_downAction, loaded, unavailable);
    gateOnEngine(m_restartAction, loaded, unavailable);
    const bool anySelected = !selectedServices().isEmpty();
    gateOnEngine(m_stopAction, loaded && anySelected, unavailable);
    gateOnEngine(m_rebuildAction, loaded && anySelected, unavailable);
    gateOnEngine(m_checkPortsAction, loaded, unavailable);
    // Cancel stays: an operation already running must stay stoppable.
    m_cancelAction->setEnabled(busy);
    const bool available = unavailable.isEmpty();
    if (available != m_engineAvailable) {
        m_engineAvailable = available;
        if (!available) {
            statusBar()->showMessage(unavailable);
        } else {
            statusBar()->clearMessage();
        }
        emit engineAvailabilityChanged(available);
    }
}

void MainWindow::checkPorts()
{
    if (m_session->isLoaded()) {
        m_portMonitor->check();
    }
}

void MainWindow::showServiceMenu(const QString &service, const QPoint &globalPos)
{
    selectService(service);
    Core::StackController *controller = m_session->controller();
    const auto state = m_session->liveState()->service(service);
    const QString container =
        state && !state->containers.isEmpty() ? state->containers.first().id : QString();
    // In the services table the stack actions apply to every selected service.
    QStringList services{service};
    if (m_servicesView->isVisible()) {
        for (const QString &name : selectedServices()) {
            if (!services.contains(name)) {
                services << name;
            }
        }
    }
    QMenu menu(this);
    menu.setAccessibleName(tr("Service actions"));
    menu.setToolTipsVisible(true);
    const QString unavailable = engineUnavailableReason();
    QList<QAction *> needEngine;
    needEngine << menu.addAction(tr("Start with dependencies"), this, [controller, services] {
        controller->startWithDependencies(services);
    });
    needEngine << menu.addAction(tr("Stop"), this,
                                 [controller, services] { controller->stop(services, false); });
    needEngine << menu.addAction(tr("Stop with dependents"), this,
                                 [controller, services] { controller->stop(services, true); });
    needEngine << menu.addAction(tr("Restart with dependents"), this,
                                 [controller, services] { controller->restart(services, true); });
    needEngine << menu.addAction(
        services.size() > 1 ? tr("Rebuild only these services") : tr("Rebuild only this service"),
        this, [controller, services] {
            for (const QString &s : services) {
                controller->rebuild(s);
            }
        });
    menu.addSeparator();
    QAction *dev = menu.addAction(tr("Dev mode"), this,
                                  [this, service](bool on) { m_devLoop->setDevMode(service, on); });
    dev->setCheckable(true);
    dev->setChecked(m_devLoop->devModeServices().contains(service));
    dev->setEnabled(m_devLoop->devCapableServices().contains(service));
    dev->setToolTip(dev->isEnabled()
                        ? tr("Run with its hot-reload configuration (%1); only it is recreated")
                              .arg(m_devLoop->devModeOrigin(service))
                        : tr("No dev configuration: add it to docker-compose.dev.yml or an "
                             "x-devdock extension"));
    QAction *sync = menu.addAction(tr("File sync"), this,
                                   [this, service](bool on) { m_devLoop->setSync(service, on); });
    sync->setCheckable(true);
    sync->setChecked(m_devLoop->syncedServices().contains(service));
    sync->setEnabled(m_devLoop->syncableServices().contains(service));
    sync->setToolTip(tr("Copy changed files into the running container (develop.watch)"));
    needEngine << dev << sync;
    menu.addSeparator();
    menu.addAction(tr("Open logs"), this, [this, service] { showLogs(service); });
    for (const PortRow &row : m_portModel->rows()) {
        if (row.request.service == service && !row.url.isEmpty()) {
            menu.addAction(tr("Open %1").arg(row.url), this,
                           [url = row.url] { QDesktopServices::openUrl(QUrl(url)); });
        }
    }
    QAction *shell = menu.addAction(tr("Open a shell"), this, [this, container] {
        openInTerminal({QStringLiteral("docker"), QStringLiteral("exec"), QStringLiteral("-it"),
                        container, QStringLiteral("sh")});
    });
    shell->setEnabled(state && state->isUp());
    needEngine << shell;
    if (!unavailable.isEmpty()) {
        for (QAction *action : std::as_const(needEngine)) {
            action->setEnabled(false);
            action->setToolTip(unavailable);
        }
    }
    QAction *copy = menu.addAction(tr("Copy container ID"), this,
                                   [container] { QApplication::clipboard()->setText(container); });
    copy->setEnabled(!container.isEmpty());
    menu.exec(globalPos);
}

void MainWindow::openInTerminal(const QStringList &command)
{
    // The user's terminal: $TERMINAL, then the Debian alternative, then common ones.
    QStringList candidates;
    if (const QString env = qEnvironmentVariable("TERMINAL"); !env.isEmpty()) {
        candidates << env;
    }
    candidates << QStringLiteral("x-terminal-emulator") << QStringLiteral("gnome-terminal")
               << QStringLiteral("konsole") << QStringLiteral("xfce4-terminal")
               << QStringLiteral("xterm");
    for (const QString &terminal : std::as_const(candidates)) {
        const QString program = QStandardPaths::findExecutable(terminal);
        if (program.isEmpty()) {
            continue;
        }
        const QStringList args = terminal == u"gnome-terminal"
                                     ? QStringList{QStringLiteral("--")} + command
                                     : QStringList{QStringLiteral("-e")} + command;
        if (QProcess::startDetached(program, args)) {
            return;
        }
    }
    m_projectError->setText(tr("No terminal program was found to run: %1\nSet TERMINAL to your "
                               "terminal, or install one (e.g. xterm).")
                                .arg(command.join(QLatin1Char(' '))));
    m_projectError->show();
}

bool MainWindow::isSettled() const
{
    return m_session->isLoaded() && m_session->liveState()->isKnown() && m_topology->isLayoutDone();
}

void MainWindow::maybeSettled()
{
    if (!m_settledEmitted && isSettled()) {
        m_settledEmitted = true;
        emit settled();
    }
    // A project that has never run here: onboarding offers itself once.
    if (m_onboardingOnFirstRun && !m_onboardingOffered && m_session->isLoaded()
        && m_session->liveState()->isKnown()
        && !Core::Onboarding::wasOnboarded(m_session->directory())) {
        bool anyContainer = false;
        for (const Core::ServiceState &s : m_session->liveState()->services()) {
            anyContainer = anyContainer || s.status != Core::ServiceStatus::NotCreated;
        }
        m_onboardingOffered = true;
        if (!anyContainer) {
            showOnboarding();
        }
    }
}

OnboardingDialog *MainWindow::showOnboarding()
{
    if (m_session->directory().isEmpty()) {
        return nullptr;
    }
    if (m_onboardingDialog != nullptr) {
        m_onboardingDialog->show();
        m_onboardingDialog->raise();
        return m_onboardingDialog;
    }
    Core::OnboardingOptions options;
    options.projectDirectory = m_session->directory();
    options.composeFiles = m_session->files();
    options.envProfile = m_session->envProfile();
    auto *store = new Core::KeychainSecretStore(
        Core::KeychainSecretStore::scopeForProject(options.projectDirectory));
    auto *onboarding = new Core::Onboarding(m_client, store, options);
    m_operations->follow(onboarding->controller()); // its pull, build and up show there too
    m_onboardingDialog = new OnboardingDialog(onboarding, this);
    onboarding->setParent(m_onboardingDialog);
    m_onboardingDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_onboardingDialog, &QObject::destroyed, this, [this, store] {
        m_onboardingDialog = nullptr;
        delete store;
    });
    connect(onboarding, &Core::Onboarding::finished, this, [this](bool ok) {
        if (ok) {
            m_session->reload(); // .env.local and secrets may be new
        }
    });
    m_onboardingDialog->show();
    // The plan only: nothing is written into the project before the user presses Start.
    onboarding->preview();
    return m_onboardingDialog;
}

void MainWindow::updateHotReload()
{
    QHash<QString, QString> text;
    QHash<QString, QString> badges;
    for (const QString &service : m_devLoop->devModeServices()) {
        text[service] = tr("dev mode");
        badges[service] = tr("dev");
    }
    for (const QString &service : m_devLoop->syncedServices()) {
        const Core::SyncStatus status = m_devLoop->syncStatus(service);
        QString line;
        switch (status.state) {
        case Core::SyncStatus::State::Idle:
            line = status.lastSync.isValid()
                       ? tr("sync: synced %1")
                             .arg(status.lastSync.toString(QStringLiteral("HH:mm:ss")))
                       : tr("sync: watching");
            break;
        case Core::SyncStatus::State::Syncing:
            line = tr("sync: copying…");
            break;
        case Core::SyncStatus::State::Paused:
            line = tr("sync paused: %1").arg(status.message);
            break;
        case Core::SyncStatus::State::Error:
            line = tr("sync error: %1").arg(status.message);
            break;
        }
        text[service] =
            text.value(service).isEmpty() ? line : text[service] + QStringLiteral(" · ") + line;
        badges[service] = badges.value(service).isEmpty()
                              ? tr("sync")
                              : badges[service] + QStringLiteral(" · ") + tr("sync");
    }
    m_serviceModel->setHotReload(text);
    m_topology->setHotReload(badges);
}

void MainWindow::offerRecreate()
{
    if (!m_projectBeforeSwitch) {
        return;
    }
    const QStringList modelChanged =
        Core::servicesChangedBetween(*m_projectBeforeSwitch, m_session->project());
    m_projectBeforeSwitch.reset();
    m_recreateOffer.clear();
    m_recreateBanner->hide();
    // Only what runs needs recreating; the rest picks the new values up when it starts.
    QStringList running;
    for (const Core::ComposeService &service : m_session->project().services) {
        const auto state = m_session->liveState()->service(service.name);
        if (state && state->isUp()) {
            running << service.name;
        }
    }
    if (running.isEmpty()) {
        return;
    }
    // Compose recreates a container when the service's config hash differs from the one on its
    // label; the banner asks about exactly those. DevDock's own comparison of the model only
    // stands in when Compose cannot answer.
    const quint64 generation = ++m_recreateGeneration;
    m_session->controller()->configHashes(
        this, [this, generation, running,
               modelChanged](const Core::Result<QHash<QString, QString>> &hashes) {
            if (generation != m_recreateGeneration) {
                return; // another load since
            }
            QStringList offer;
            for (const QString &name : running) {
                const auto state = m_session->liveState()->service(name);
                if (!state || !state->isUp()) {
                    continue;
                }
                QString label;
                for (const Core::ContainerState &c : state->containers) {
                    label = c.oneoff ? label : c.configHash;
                }
                const bool changed = hashes && !label.isEmpty() && hashes->contains(name)
                                         ? hashes->value(name) != label
                                         : modelChanged.contains(name);
                if (changed) {
                    offer << name;
                }
            }
            m_recreateOffer = offer;
            if (!offer.isEmpty()) {
                m_recreateLabel->setText(
                    tr("The environment of %n running service(s) changed: %1. Recreate them to "
                       "use it?",
                       nullptr, int(offer.size()))
                        .arg(offer.join(QStringLiteral(", "))));
            }
            m_recreateBanner->setVisible(!offer.isEmpty());
            emit recreateOfferChanged(offer);
        });
}

void MainWindow::acceptRecreateOffer()
{
    if (m_recreateOffer.isEmpty()) {
        return;
    }
    Core::ComposeUpOptions options;
    options.noDeps = true;
    options.forceRecreate = true;
    m_session->controller()->up(m_recreateOffer, options);
    m_recreateOffer.clear();
    m_recreateBanner->hide();
}

bool MainWindow::showView(const QString &name)
{
    const QHash<QString, QWidget *> views = {
        {QStringLiteral("topology"), m_topology}, {QStringLiteral("services"), m_servicesView},
        {QStringLiteral("ports"), m_portsView},   {QStringLiteral("containers"), m_view},
        {QStringLiteral("logs"), m_logsTab},      {QStringLiteral("environment"), m_envPanel}};
    QWidget *view = views.value(name);
    if (view == nullptr) {
        return false;
    }
    m_tabs->setCurrentWidget(view);
    return true;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    m_stats->setActive(m_tabs->currentWidget() == m_servicesView);
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    m_stats->setActive(false);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeToTray) {
        hide();
        event->ignore();
        return;
    }
    if (!confirmUnsavedEnv([this] { close(); })) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

bool MainWindow::confirmUnsavedEnv(std::function<void()> afterSave)
{
    Core::EnvEditor *editor = m_envPanel->editor();
    if (editor == nullptr || !editor->isModified()) {
        return true;
    }
    QMessageBox box(QMessageBox::Warning, tr("Unsaved environment changes"),
                    tr("The .env profile has unsaved changes (%1).")
                        .arg(editor->changedFiles().isEmpty()
                                 ? tr("secrets for the keychain")
                                 : editor->changedFiles().join(QStringLiteral(", "))),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedEnvDialog"));
    box.setAccessibleName(tr("Unsaved environment changes"));
    switch (box.exec()) {
    case QMessageBox::Save:
        // The save runs asynchronously; what the user asked for follows it.
        m_envPanel->saveThen(std::move(afterSave));
        return false;
    case QMessageBox::Discard:
        m_envPanel->reloadFromDisk();
        return true;
    default:
        return false;
    }
}

void MainWindow::refreshEngineInfo()
{
    m_client->version(this, [this](Core::Result<Core::VersionInfo> v) {
        if (!v) {
            onEngineStatusChanged(false, v.error());
            return;
        }
        m_engineLabel->setText(
            tr("Docker Engine %1 · API %2 · %3/%4 · %5")
                .arg(v->version, m_client->apiVersion(), v->os, v->arch, m_client->endpoint().uri));
    });
}

void MainWindow::onEngineStatusChanged(bool reachable, const Core::Error &error)
{
    if (reachable) {
        m_errorLabel->hide();
        refreshEngineInfo();
        checkPorts();
        return;
    }
    // The project's graph stays, drawn from its files; the state comes back by itself.
    showError(m_errorLabel, error);
    m_engineLabel->setText(tr("Not connected · %1").arg(m_client->endpoint().uri));
}

void MainWindow::updateCount()
{
    int running = 0;
    for (const auto &c : m_model->containers()) {
        if (c.state == QLatin1String("running")) {
            ++running;
        }
    }
    const int total = m_model->rowCount();
    const QString containers = total == 1 ? tr("1 container") : tr("%1 containers").arg(total);
    m_countLabel->setText(tr("%1 · %2 running").arg(containers).arg(running));
}

} // namespace DevDock::Ui
