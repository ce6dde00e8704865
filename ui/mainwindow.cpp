// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "workspace/projectsidebar.h"
#include "workspace/welcomeview.h"
#include "terminal/terminalarea.h"

#include "details/servicedetailspanel.h"
#include "data/datapanel.h"
#include "data/projectbackups.h"
#include "env/enveditorpanel.h"
#include "env/envkeymodel.h"
#include "errorbanner.h"
#include "logs/logpanel.h"
#include "onboarding/onboardingdialog.h"
#include "operations/operationpanel.h"
#include "ports/portlistmodel.h"
#include "twin/twindialog.h"
#include "services/containerlistmodel.h"
#include "services/servicelistmodel.h"
#include "common/icons.h"
#include "common/statedotdelegate.h"
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
#include "stack/stackcontroller.h"
#include "stack/stackenvironment.h"
#include "workspace/projectruntime.h"
#include "workspace/servicestats.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QGuiApplication>
#include <QScreen>
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
#include <QStackedWidget>
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

void setupTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // State cells as chips (colour, icon, words); other cells as usual.
    view->setItemDelegate(new StateDotDelegate(view));
}

} // namespace

MainWindow::MainWindow(Core::Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_client(workspace->engine())
    , m_watcher(nullptr)
    , m_engine(m_client)
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
    , m_details(new ServiceDetailsPanel(this))
    , m_totalsLabel(new QLabel(this))
    , m_envProfile(new QComboBox(this))
    , m_composeProfiles(new QToolButton(this))
{
    setWindowTitle(tr("DevDock"));
    setObjectName(QStringLiteral("mainWindow"));
    // 1280x800 where it fits; on a smaller screen (1366x768 with a panel) the whole window stays
    // on it, so that no dock or button sits below the screen's edge.
    QSize initial(1280, 800);
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        initial = initial.boundedTo(screen->availableSize() * 0.95);
    }
    resize(initial);

    m_engineLabel->setObjectName(QStringLiteral("engineLabel"));
    m_engineLabel->setAccessibleName(tr("Engine status"));
    m_engineLabel->setAccessibleDescription(tr("Docker engine version, API version and endpoint"));
    m_engineLabel->setText(tr("Connecting to %1 …").arg(m_engine->endpoint().uri));
    m_engineLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("containersView"));
    m_view->setAccessibleName(tr("Containers"));
    m_view->setAccessibleDescription(
        tr("All containers of the project's Docker engine, updated live"));
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
    installSidebar();
    buildActions();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_engineLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_projectError);
    layout->addWidget(m_recreateBanner);
    layout->addWidget(m_missingBanner);
    // Nothing open: the welcome view (what DevDock does, Open folder, recent and running stacks).
    m_centre = new QStackedWidget(central);
    m_welcome = new WelcomeView(m_centre);
    m_centre->addWidget(m_welcome);
    m_centre->addWidget(m_tabs);
    layout->addWidget(m_centre, 1);
    setCentralWidget(central);
    m_welcome->setProjects(m_workspace->projects());
    auto refreshWelcome = [this] { m_welcome->setProjects(m_workspace->projects()); };
    connect(m_workspace, &Core::Workspace::projectAdded, m_welcome, refreshWelcome);
    connect(m_workspace, &Core::Workspace::projectChanged, m_welcome, refreshWelcome);
    connect(m_workspace, &Core::Workspace::projectRemoved, m_welcome, refreshWelcome);
    connect(m_welcome, &WelcomeView::openFolderRequested, this, &MainWindow::chooseProject);
    connect(m_welcome, &WelcomeView::openRequested, this, &MainWindow::activateProject);
    connect(m_welcome, &WelcomeView::adoptRequested, this, &MainWindow::activateProject);
    m_centre->setCurrentWidget(m_runtime ? static_cast<QWidget *>(m_tabs) : m_welcome);

    m_countLabel->setObjectName(QStringLiteral("containerCountLabel"));
    m_countLabel->setAccessibleName(tr("Container count"));
    m_projectLabel->setObjectName(QStringLiteral("projectLabel"));
    m_projectLabel->setAccessibleName(tr("Project status"));
    m_totalsLabel->setObjectName(QStringLiteral("stackTotalsLabel"));
    m_totalsLabel->setAccessibleName(tr("Stack memory total"));
    statusBar()->addWidget(m_projectLabel, 1);
    statusBar()->addPermanentWidget(m_totalsLabel);
    statusBar()->addPermanentWidget(m_countLabel);

    watchContainers();
    updateCount();
    updateActions();

    connect(m_workspace, &Core::Workspace::activeChanged, this,
            [this] { bind(m_workspace->activeRuntime()); });
    connect(m_workspace, &Core::Workspace::projectAdded, this, &MainWindow::rebuildRecentMenu);
    connect(m_workspace, &Core::Workspace::projectRemoved, this, &MainWindow::rebuildRecentMenu);
    connect(m_workspace, &Core::Workspace::projectAdded, this, &MainWindow::updateTwinPorts);
    connect(m_workspace, &Core::Workspace::projectChanged, this, &MainWindow::updateTwinPorts);
    connect(m_workspace, &Core::Workspace::projectRemoved, this, &MainWindow::updateTwinPorts);
    connect(m_workspace, &Core::Workspace::activeChanged, this, &MainWindow::updateTwinPorts);
    m_workspace->start();
    bind(m_workspace->activeRuntime());
}

MainWindow::~MainWindow()
{
    // No engine traffic while closing: the watcher goes, and unbinding follows no engine.
    delete m_watcher;
    m_watcher = nullptr;
    m_engine = m_client;
    // The panels read the runtimes' logs: they go first (the workspace may outlive the window,
    // or go before it).
    bind(nullptr);
    qDeleteAll(m_logPanels);
    m_logPanels.clear();
}

void MainWindow::watchContainers()
{
    if (m_watcher) {
        // Later: this may run from one of its own answers.
        m_watcher->disconnect(this);
        m_watcher->stop();
        m_watcher->deleteLater();
    }
    m_watcher = new Core::ContainerWatcher(m_engine, {true, {}}, this);
    connect(m_watcher, &Core::ContainerWatcher::containersChanged, this,
            [this](const QList<Core::ContainerSummary> &containers) {
                m_model->setContainers(containers);
                m_portMonitor->setContainers(containers); // a start or stop: ports again
                updateCount();
                m_containersIn = true;
                maybeSettled();
            });
    connect(m_watcher, &Core::ContainerWatcher::engineStatusChanged, this,
            &MainWindow::onEngineStatusChanged);
    m_watcher->start();
}

void MainWindow::followEngine(Core::EngineClient *engine)
{
    if (engine == nullptr) {
        engine = m_client;
    }
    if (engine == m_engine) {
        return;
    }
    // Another engine comes on screen: its containers, its version line, its ports.
    m_engine = engine;
    m_engineInfoIn = m_containersIn = false;
    m_model->setContainers({});
    updateCount();
    m_errorLabel->hide();
    m_engineLabel->setText(tr("Connecting to %1 …").arg(m_engine->endpoint().uri));
    m_portMonitor->setClient(m_engine);
    m_portModel->setReport({});
    m_portsNote->hide();
    watchContainers();
    refreshEngineInfo();
}

Core::ProjectRuntime *MainWindow::activeRuntime() const
{
    return m_runtime;
}

Core::ServiceStats *MainWindow::serviceStats() const
{
    return m_runtime ? m_runtime->stats() : nullptr;
}

Core::DevLoop *MainWindow::devLoop() const
{
    return m_runtime ? m_runtime->devLoop() : nullptr;
}

void MainWindow::bind(Core::ProjectRuntime *runtime)
{
    if (runtime == m_runtime && (runtime == nullptr || m_binding != nullptr)) {
        return;
    }
    // Every connection to the previous runtime has m_binding as its context: one delete undoes
    // them all.
    delete m_binding;
    m_binding = nullptr;
    m_runtime = runtime;
    m_selected.clear();
    m_recreateOffer.clear();
    ++m_recreateGeneration; // an offer still being worked out was for the previous project
    m_recreateBanner->hide();
    m_projectBeforeSwitch.reset();
    m_settledEmitted = false;
    m_onboardingOffered = false;
    if (m_centre) {
        m_centre->setCurrentWidget(runtime ? static_cast<QWidget *>(m_tabs) : m_welcome);
    }
    m_details->setStats(runtime ? runtime->stats() : nullptr);
    if (m_dataPanel) {
        m_dataPanel->setRuntime(runtime);
    }
    m_details->showService(QString()); // the selection was the previous project's
    followEngine(runtime ? runtime->client() : nullptr);
    if (!runtime) {
        m_logPanel = nullptr;
        updateMissingRequired();
        updateActions();
        emit activeRuntimeChanged(nullptr);
        return;
    }
    m_binding = new QObject(this);
    QObject *ctx = m_binding;
    connect(runtime, &Core::ProjectRuntime::loaded, ctx, [this] { onProjectLoaded(); });
    connect(runtime, &Core::ProjectRuntime::loadFailed, ctx,
            [this, runtime](const Core::Error &error) { onRuntimeLoadFailed(runtime, error); });
    connect(runtime, &Core::ProjectRuntime::loadStarted, ctx, [this, runtime] {
        m_projectLabel->setText(tr("Loading %1 …").arg(runtime->directory()));
    });
    connect(runtime, &QObject::destroyed, ctx, [this] { bind(nullptr); });
    Core::LiveState *live = runtime->liveState();
    connect(runtime->logs(), &Core::ProjectLogs::linesAdded, ctx,
            [this] { m_topology->lastLogLinesChanged(); });
    connect(live, &Core::LiveState::servicesChanged, ctx, [this](const auto &services) {
        onServicesChanged(services);
    });
    connect(live, &Core::LiveState::ready, ctx, [this] {
        maybeSettled();
        updateActions();
    });
    connect(live, &Core::LiveState::engineStatusChanged, ctx, [this] { updateActions(); });
    connect(live, &Core::LiveState::alertRaised, ctx, [this](const Core::ServiceAlert &alert) {
        statusBar()->showMessage(alert.message, 10000);
        emit serviceAlert(alert);
    });
    Core::StackController *controller = runtime->controller();
    connect(controller, &Core::StackController::busyChanged, ctx, [this] { updateActions(); });
    // Ports again after every action of this project (a refused Up names the holder; after a
    // successful one what was a conflict is the stack's own).
    m_portMonitor->watch(controller);
    m_operations->setController(controller);
    // The graph marks services whose data no backup holds; the inventory is read once a project
    // is loaded, and again after every backup or refresh.
    m_topology->setDataNeverBackedUp({});
    Core::ProjectBackups *backups = runtime->backups();
    connect(backups, &Core::ProjectBackups::refreshed, ctx, [this, backups] {
        QHash<QString, QStringList> never;
        for (const Core::DataVolume &v : backups->inventory()) {
            if (v.exists && !v.lastBackup) {
                for (const QString &service : v.serviceNames()) {
                    never[service] << v.key;
                }
            }
        }
        m_topology->setDataNeverBackedUp(never);
    });
    connect(runtime, &Core::ProjectRuntime::loaded, ctx, [backups] { backups->refresh(); });
    if (runtime->isLoaded()) {
        backups->refresh();
    }
    Core::DevLoop *devLoop = runtime->devLoop();
    connect(devLoop, &Core::DevLoop::changed, ctx, [this] { updateHotReload(); });
    connect(devLoop, &Core::DevLoop::failed, ctx,
            [this](const Core::Error &error) { Ui::showError(m_projectError, error); });
    connect(runtime->stats(), &Core::ServiceStats::usageChanged, ctx,
            [this](const QHash<QString, ServiceUsage> &usage, double totalMb) {
                m_serviceModel->setUsage(usage);
                m_totalsLabel->setText(tr("Stack memory: %1 MB").arg(totalMb, 0, 'f', 1));
            });
    // The runtime's log panel: made once, kept while the runtime lives, so the search, the
    // scroll position and the selection survive a switch and every reload.
    LogPanel *panel = m_logPanels.value(runtime);
    if (!panel) {
        panel = new LogPanel(runtime->logs(), m_logStack);
        m_logStack->addWidget(panel);
        m_logPanels.insert(runtime, panel);
        connect(runtime, &QObject::destroyed, this, [this, runtime] {
            if (LogPanel *gone = m_logPanels.take(runtime)) {
                if (gone == m_logPanel) {
                    m_logPanel = nullptr;
                }
                gone->deleteLater();
            }
        });
    }
    m_logPanel = panel;
    m_logStack->setCurrentWidget(panel);
    updateStatsWanted();
    if (runtime->isLoaded()) {
        onProjectLoaded();
        onServicesChanged(live->services());
        if (live->isKnown()) {
            maybeSettled();
        }
    }
    updateHotReload();
    updateActions();
    emit activeRuntimeChanged(runtime);
}

void MainWindow::onRuntimeLoadFailed(Core::ProjectRuntime *runtime, const Core::Error &error)
{
    showError(m_projectError, error);
    if (runtime == m_runtime && runtime->isLoaded()) {
        // A reload failed: the last good model stays on screen.
        m_projectLabel->setText(tr("Could not reload the project; showing the last good load"));
    } else if (!m_runtime) {
        m_projectLabel->setText(tr("Could not load the project"));
    }
}

void MainWindow::updateStatsWanted()
{
    // Stats stream only while the services table is on screen.
    if (m_runtime) {
        m_runtime->setStatsWanted(isVisible() && m_tabs->currentWidget() == m_servicesView);
    }
}

void MainWindow::updateMissingRequired()
{
    m_missingShown.clear();
    if (m_runtime && m_runtime->isLoaded()) {
        for (const Core::ComposeMissingVariable &missing : m_runtime->missingRequired()) {
            if (!m_missingShown.contains(missing.name)) {
                m_missingShown << missing.name;
            }
        }
    }
    m_missingMenu->clear();
    for (const QString &key : std::as_const(m_missingShown)) {
        m_missingMenu->addAction(tr("Set %1").arg(key), this,
                                 [this, key] { editEnvironmentKey(key); });
    }
    if (m_missingShown.isEmpty()) {
        m_missingBanner->hide();
        return;
    }
    m_missingLabel->setText(
        tr("%n required variable(s) not set: %1. The stack cannot start until they are.", nullptr,
           int(m_missingShown.size()))
            .arg(m_missingShown.join(QStringLiteral(", "))));
    m_missingBanner->show();
}

void MainWindow::editEnvironmentKey(const QString &key)
{
    m_tabs->setCurrentWidget(m_envPanel);
    auto find = [this, key]() -> QModelIndex {
        QAbstractItemModel *model = m_envPanel->view()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(EnvKeyModel::KeyRole).toString() == key) {
                return index;
            }
        }
        return {};
    };
    QModelIndex index = find();
    if (!index.isValid() && m_envPanel->isLoaded()) {
        m_envPanel->addKey(key, QString());
        index = find();
    }
    if (index.isValid()) {
        m_envPanel->view()->setCurrentIndex(index);
        m_envPanel->view()->scrollTo(index);
        m_envPanel->view()->setFocus();
    }
}

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
    m_portsView->setColumnWidth(PortListModel::BranchColumn, 140);
    m_portsView->setColumnWidth(PortListModel::UrlColumn, 220);

    m_topology->setContextMenuPolicy(Qt::CustomContextMenu);
    // "Why not ready" quotes the blocking service's last log line, from the runtime on screen.
    m_topology->setLastLogLine([this](const QString &service) {
        return m_runtime && m_runtime->logs() ? m_runtime->logs()->lastLine(service) : QString();
    });
    m_tabs->addTab(m_topology, tr("&Topology"));
    m_tabs->addTab(m_servicesView, tr("&Services"));
    // The ports tab: what the check could not see (a remote engine's machine) above the table.
    auto *portsTab = new QWidget(this);
    portsTab->setObjectName(QStringLiteral("portsTab"));
    auto *portsLayout = new QVBoxLayout(portsTab);
    portsLayout->setContentsMargins(0, 0, 0, 0);
    m_portsNote = new QLabel(portsTab);
    m_portsNote->setObjectName(QStringLiteral("portsNote"));
    m_portsNote->setAccessibleName(tr("What the port check could not see"));
    m_portsNote->setWordWrap(true);
    m_portsNote->setContentsMargins(6, 4, 6, 4);
    m_portsNote->hide();
    portsLayout->addWidget(m_portsNote);
    portsLayout->addWidget(m_portsView);
    m_tabs->addTab(portsTab, tr("&Ports"));
    m_tabs->addTab(m_view, tr("&Containers"));
    m_logsTab = new QWidget(this);
    m_logsTab->setObjectName(QStringLiteral("logsTab"));
    m_logsTab->setAccessibleName(tr("Logs"));
    new QVBoxLayout(m_logsTab);
    m_logsTab->layout()->setContentsMargins(0, 0, 0, 0);
    m_logStack = new QStackedWidget(m_logsTab);
    m_logsTab->layout()->addWidget(m_logStack);
    m_tabs->addTab(m_logsTab, tr("&Logs"));
    m_envPanel = new EnvEditorPanel(this);
    m_tabs->addTab(m_envPanel, tr("&Environment"));
    m_dataPanel = new DataPanel(this);
    m_tabs->addTab(m_dataPanel, tr("&Data"));
    connect(m_envPanel, &EnvEditorPanel::saved, this, [this] {
        // The saved values take effect like a profile switch: reload, then offer to recreate
        // what changed.
        if (m_runtime) {
            m_projectBeforeSwitch = m_runtime->project();
            m_runtime->reload();
        }
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

    // Unset required variables: the project shows, but cannot start until they are set.
    m_missingBanner = new QWidget(this);
    m_missingBanner->setObjectName(QStringLiteral("missingRequiredBanner"));
    m_missingBanner->setAccessibleName(tr("Required variables not set"));
    m_missingBanner->setStyleSheet(QStringLiteral(
        "#missingRequiredBanner { background: #fdf3e1; border: 1px solid #e0b56a; "
        "border-radius: 4px; }"));
    auto *missingLayout = new QHBoxLayout(m_missingBanner);
    m_missingLabel = new QLabel(m_missingBanner);
    m_missingLabel->setObjectName(QStringLiteral("missingRequiredText"));
    m_missingLabel->setAccessibleName(tr("Required variables not set"));
    m_missingLabel->setWordWrap(true);
    auto *setVariables = new QToolButton(m_missingBanner);
    setVariables->setObjectName(QStringLiteral("missingRequiredEdit"));
    setVariables->setText(tr("Set in &Environment"));
    setVariables->setAccessibleName(tr("Set in Environment"));
    setVariables->setPopupMode(QToolButton::MenuButtonPopup);
    m_missingMenu = new QMenu(setVariables);
    setVariables->setMenu(m_missingMenu);
    connect(setVariables, &QToolButton::clicked, this, [this] {
        if (!m_missingShown.isEmpty()) {
            editEnvironmentKey(m_missingShown.constFirst());
        }
    });
    missingLayout->addWidget(m_missingLabel, 1);
    missingLayout->addWidget(setVariables);
    m_missingBanner->hide();

    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateStatsWanted);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_upAction != nullptr) {
            updateActions(); // the actions follow the table's selection or the graph's
        }
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
    // No empty furniture: the operation area appears with an operation and folds away after it.
    operationDock->hide();
    connect(m_operations, &OperationPanel::wantedChanged, operationDock, &QDockWidget::setVisible);
    connect(m_details, &ServiceDetailsPanel::serviceChosen, this, &MainWindow::selectService);
    connect(m_details, &ServiceDetailsPanel::terminalRequested, this,
            &MainWindow::openServiceTerminal);
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
    m_portMonitor = new Core::PortMonitor(m_client, this);
    connect(m_portMonitor, &Core::PortMonitor::reportChanged, this,
            [this](const Core::PortReport &report) {
                m_portModel->setReport(report);
                m_portsNote->setText(report.note());
                m_portsNote->setVisible(!report.note().isEmpty());
                const int conflicts = m_portModel->conflictCount();
                m_tabs->setTabText(2, conflicts > 0 ? tr("&Ports (%1 conflicts)").arg(conflicts)
                                                    : tr("&Ports"));
            });
}

void MainWindow::activateProject(const QString &id)
{
    // An open, loaded project comes on screen at once; one that is only remembered or found on
    // the engine is opened from its directory (and comes on screen when it has loaded).
    if (Core::ProjectRuntime *runtime = m_workspace->runtime(id); runtime && runtime->isLoaded()) {
        m_workspace->setActive(id);
        return;
    }
    for (const Core::ProjectSummary &summary : m_workspace->projects()) {
        if (summary.id == id && !summary.directory.isEmpty()) {
            openProject(summary.directory, summary.files);
            return;
        }
    }
}

void MainWindow::installSidebar()
{
    // The workspace's projects on the left: summaries in, requests out (Workspace does them).
    auto *sidebar = new ProjectSidebar(this);
    auto *dock = new QDockWidget(tr("Projects"), this);
    dock->setObjectName(QStringLiteral("projectsDock"));
    dock->setAccessibleName(tr("Projects"));
    dock->setWidget(sidebar);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    sidebar->setProjects(m_workspace->projects());
    connect(m_workspace, &Core::Workspace::projectAdded, sidebar, &ProjectSidebar::updateProject);
    connect(m_workspace, &Core::Workspace::projectChanged, sidebar,
            &ProjectSidebar::updateProject);
    connect(m_workspace, &Core::Workspace::projectRemoved, sidebar,
            &ProjectSidebar::removeProject);
    connect(sidebar, &ProjectSidebar::activateRequested, this, &MainWindow::activateProject);
    connect(sidebar, &ProjectSidebar::startRequested, m_workspace,
            qOverload<const QString &>(&Core::Workspace::start));
    connect(sidebar, &ProjectSidebar::stopRequested, m_workspace, &Core::Workspace::stop);
    connect(sidebar, &ProjectSidebar::closeRequested, m_workspace, &Core::Workspace::close);
    connect(sidebar, &ProjectSidebar::pinRequested, m_workspace, &Core::Workspace::setPinned);
    connect(sidebar, &ProjectSidebar::removeRequested, m_workspace, &Core::Workspace::remove);
    sidebar->setEngines(m_workspace->availableEngines());
    connect(sidebar, &ProjectSidebar::engineRequested, this,
            [this](const QString &id, const QString &engine) {
                if (auto moved = m_workspace->setEngine(id, engine); !moved) {
                    m_projectError->setText(moved.error().message + QLatin1Char('\n')
                                            + moved.error().hint);
                    m_projectError->show();
                }
            });
    connect(sidebar, &ProjectSidebar::runTwinRequested, this,
            [this](const QString &id) { showTwinDialog(id, true); });
    connect(sidebar, &ProjectSidebar::tearDownTwinRequested, this,
            [this](const QString &id) { showTwinDialog(id, false); });
    addActions(sidebar->shortcutActions());
}

void MainWindow::showTwinDialog(const QString &id, bool up)
{
    const std::optional<Core::ProjectSummary> chosen = m_workspace->project(id);
    const std::optional<Core::ProjectSummary> main =
        chosen && !up ? m_workspace->project(chosen->twinOf) : chosen;
    if (!main) {
        // Gone from the workspace meanwhile (closed, removed, its stack down): say so.
        m_projectError->setText(tr("That project is no longer in the list; choose it again."));
        m_projectError->show();
        return;
    }
    const auto client = m_workspace->useEngine(main->engine);
    if (!client) {
        m_projectError->setText(client.error().message + QLatin1Char('\n') + client.error().hint);
        m_projectError->show();
        return;
    }
    Core::ComposeLoadOptions options = Core::ComposeLoadOptions::fromProcess();
    options.projectDirectory = main->directory;
    options.workingDirectory = main->directory;
    options.files = main->files;
    auto *dialog = new TwinDialog(up ? TwinDialog::Mode::Up : TwinDialog::Mode::Down, *client,
                                  options, main->name, up ? QString() : chosen->branch, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TwinDialog::succeeded, this, [this, up](const Core::TwinPlan &plan) {
        // The workspace finds the twin's containers on the engine and lists it under its
        // project; the status bar says what happened meanwhile.
        statusBar()->showMessage(up ? tr("The twin %1 of the branch %2 is up.")
                                          .arg(plan.projectName, plan.branch)
                                    : tr("The twin %1 of the branch %2 is torn down.")
                                          .arg(plan.projectName, plan.branch),
                                 10000);
        if (up || QFileInfo::exists(plan.worktree)) {
            return;
        }
        // Its worktree is gone: a twin the user had opened from there goes from the list too
        // (a folder that no longer exists has nothing left to open).
        for (const Core::ProjectSummary &p : m_workspace->projects()) {
            if (!p.directory.isEmpty()
                && (p.directory == plan.worktree
                    || p.directory.startsWith(plan.worktree + QLatin1Char('/')))) {
                m_workspace->remove(p.id);
            }
        }
    });
    dialog->open();
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
            m_engine, running,
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
        if (m_runtime) {
            m_runtime->reload();
        }
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
        if (m_runtime) {
            m_runtime->controller()->up({}, options);
        }
    });
    m_upAction->setObjectName(QStringLiteral("upAction"));
    m_upAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_upAction->setToolTip(tr("Create and start every service, dependencies first (Ctrl+U)"));
    m_downAction =
        stackMenu->addAction(tr("&Down"), this, [this] {
            if (m_runtime) {
                m_runtime->controller()->down(false);
            }
        });
    m_downAction->setObjectName(QStringLiteral("downAction"));
    m_downAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_downAction->setToolTip(
        tr("Stop and remove the stack's containers and networks (Ctrl+Shift+D)"));
    m_restartAction = stackMenu->addAction(tr("&Restart"), this, [this] {
        if (!m_runtime) {
            return;
        }
        const QStringList services = selectedServices();
        if (services.isEmpty()) {
            m_runtime->controller()->restart({}, false);
        } else {
            m_runtime->controller()->restart(services, true);
        }
    });
    m_restartAction->setObjectName(QStringLiteral("restartAction"));
    m_restartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_restartAction->setToolTip(
        tr("Restart the selected service and its dependents, or the whole stack (Ctrl+R)"));
    m_stopAction = stackMenu->addAction(tr("S&top Service"), this, [this] {
        if (!m_runtime) {
            return;
        }
        if (const QStringList services = selectedServices(); !services.isEmpty()) {
            m_runtime->controller()->stop(services, false);
        }
    });
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_rebuildAction = stackMenu->addAction(tr("Re&build Service"), this, [this] {
        if (!m_runtime) {
            return;
        }
        for (const QString &service : selectedServices()) {
            m_runtime->controller()->rebuild(service); // queued: one after the other
        }
    });
    m_rebuildAction->setObjectName(QStringLiteral("rebuildAction"));
    m_rebuildAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_rebuildAction->setToolTip(
        tr("Rebuild the selected service's image and recreate only it (Ctrl+B)"));
    m_terminalAction = stackMenu->addAction(tr("Open &Terminal"), this, [this] {
        const QStringList services = selectedServices();
        if (!services.isEmpty()) {
            openServiceTerminal(services.first());
        }
    });
    m_terminalAction->setObjectName(QStringLiteral("terminalAction"));
    m_terminalAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_terminalAction->setToolTip(
        tr("A shell in the selected service's container, in a tab of its own (Ctrl+Shift+T)"));
    m_cancelAction = stackMenu->addAction(tr("&Cancel Operation"), this, [this] {
        if (m_runtime) {
            m_runtime->controller()->cancel();
        }
    });
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
                            m_rebuildAction, m_terminalAction, m_checkPortsAction}) {
        action->setProperty("devdockToolTip", action->toolTip());
    }

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    auto *fit = viewMenu->addAction(tr("&Fit Graph"), m_topology, &TopologyView::fitAll);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *zoomIn = viewMenu->addAction(tr("Zoom &In"), m_topology, &TopologyView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = viewMenu->addAction(tr("Zoom &Out"), m_topology, &TopologyView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    // The desktop's icon theme, DevDock's own SVGs where it has none.
    const std::pair<QAction *, const char *> icons[] = {
        {open, "document-open"},        {refresh, "view-refresh"},
        {m_upAction, "media-playback-start"}, {m_downAction, "media-playback-stop"},
        {m_restartAction, "system-restart"},  {m_stopAction, "media-playback-stop"},
        {m_rebuildAction, "run-build"},       {m_cancelAction, "process-stop"},
        {m_terminalAction, "utilities-terminal"},
        {fit, "zoom-fit-best"},         {zoomIn, "zoom-in"},
        {zoomOut, "zoom-out"}};
    for (const auto &[action, name] : icons) {
        action->setIcon(Icons::action(QString::fromLatin1(name)));
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *show = viewMenu->addAction(m_tabs->tabText(i).remove(QLatin1Char('&')), this,
                                         [this, i] { m_tabs->setCurrentIndex(i); });
        show->setShortcut(QKeySequence(Qt::ALT | (Qt::Key_1 + i)));
    }
    // Closed panels come back from here and from the toolbar, not only from the docks' hidden
    // context menu.
    viewMenu->addSeparator();
    QList<QAction *> panelToggles;
    for (auto *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(dock->objectName() + QStringLiteral("Toggle"));
        toggle->setToolTip(tr("Show or hide the %1 panel").arg(dock->windowTitle()));
        viewMenu->addAction(toggle);
        panelToggles << toggle;
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
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(open);
    toolbar->addSeparator();
    toolbar->addAction(m_upAction);
    toolbar->addAction(m_downAction);
    toolbar->addAction(m_restartAction);
    toolbar->addAction(m_rebuildAction);
    toolbar->addAction(m_cancelAction);
    toolbar->addSeparator();
    toolbar->addActions(panelToggles);
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
        if (!m_runtime || m_envProfile->itemText(index) == m_runtime->envProfile()) {
            return;
        }
        const QString profile = m_envProfile->itemText(index);
        auto switchProfile = [this, profile] {
            m_projectBeforeSwitch = m_runtime->project();
            m_runtime->setEnvProfile(profile);
            m_envProfile->setCurrentText(profile);
        };
        if (!confirmUnsavedEnv(switchProfile)) {
            m_envProfile->setCurrentText(m_runtime->envProfile()); // until the save is done
            return;
        }
        switchProfile();
    });
}

Core::ProjectRuntime *MainWindow::openProject(const QString &path, const QStringList &files)
{
    m_projectError->hide();
    Core::ProjectRuntime *runtime = m_workspace->open(path, files);
    if (!runtime) {
        // Its docker context cannot be resolved (the summary names it); the window stays.
        const auto summary = m_workspace->project(Core::Workspace::idForPath(path, files));
        m_projectError->setText(summary ? summary->loadError : QString());
        m_projectError->show();
        return nullptr;
    }
    // Until it is loaded (and becomes active) the window stays on the previous project; a failed
    // first load says so and leaves it there.
    connect(runtime, &Core::ProjectRuntime::loadFailed, this,
            [this, runtime](const Core::Error &error) {
                if (runtime != m_runtime) {
                    onRuntimeLoadFailed(runtime, error);
                }
            },
            Qt::SingleShotConnection);
    QSettings().setValue(QStringLiteral("lastProject"), QFileInfo(path).absoluteFilePath());
    return runtime;
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

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu) {
        return;
    }
    m_recentMenu->clear();
    const QStringList recent = m_workspace->recentDirectories();
    for (const QString &path : recent) {
        m_recentMenu->addAction(path, this, [this, path] { openProject(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::onProjectLoaded()
{
    if (!m_runtime) {
        return;
    }
    Core::ProjectRuntime *runtime = m_runtime;
    const Core::ComposeProject &project = runtime->project();
    setWindowTitle(tr("%1 — DevDock").arg(project.name));
    m_projectError->hide();
    m_topology->setProject(project);
    m_portModel->setProject(project);
    // The logs are the runtime's (bound in bind()): a reload keeps their streams and stores.
    m_details->setProject(project, runtime->secretKeys());
    m_envProfile->clear();
    m_envProfile->addItems(runtime->availableEnvProfiles());
    m_envProfile->setCurrentText(runtime->envProfile());
    m_envProfile->setEnabled(m_envProfile->count() > 0);
    QMenu *menu = m_composeProfiles->menu();
    menu->clear();
    for (const QString &profile : runtime->availableComposeProfiles()) {
        QAction *action = menu->addAction(profile);
        action->setCheckable(true);
        action->setChecked(runtime->composeProfiles().contains(profile));
        connect(action, &QAction::toggled, this, [this, profile](bool on) {
            if (!m_runtime) {
                return;
            }
            QStringList profiles = m_runtime->composeProfiles();
            profiles.removeAll(profile);
            if (on) {
                profiles << profile;
            }
            m_runtime->setComposeProfiles(profiles);
        });
    }
    m_composeProfiles->setEnabled(!menu->isEmpty());
    // Services inactive profiles hide: said on the button, named in its tooltip (one that still
    // runs is in the Services table too, marked "profile … not active").
    QStringList hidden;
    for (auto it = project.disabledProfiles.cbegin(); it != project.disabledProfiles.cend(); ++it) {
        hidden << tr("%1 (profile %2)").arg(it.key(), it.value().join(QStringLiteral(", ")));
    }
    m_composeProfiles->setText(hidden.isEmpty() ? tr("Profiles")
                                                : tr("Profiles · %n hidden", nullptr,
                                                     int(hidden.size())));
    const QString hiddenText =
        hidden.isEmpty() ? tr("Every service is in an active Compose profile.")
                         : tr("Hidden by inactive Compose profiles: %1. Check a profile to show "
                              "its services; the choice is remembered for this project.")
                               .arg(hidden.join(QStringLiteral(", ")));
    m_composeProfiles->setToolTip(hiddenText);
    m_composeProfiles->setAccessibleDescription(hiddenText);
    m_projectLabel->setText(tr("%1 · %2 services · %3")
                                .arg(project.name)
                                .arg(project.services.size())
                                .arg(runtime->directory()));
    m_envPanel->open(runtime->directory(), runtime->envProfile(), project.configFiles);
    updateMissingRequired();
    offerRecreate();
    m_portMonitor->setProject(project);
    updateActions();
    emit projectLoaded();
}

void MainWindow::updateTwinPorts()
{
    const QString active = m_workspace->activeId();
    QString branch;
    QList<Core::ProjectSummary> twins;
    for (const Core::ProjectSummary &p : m_workspace->projects()) {
        if (p.id == active) {
            branch = p.branch;
        } else if (!active.isEmpty() && p.twinOf == active) {
            twins << p;
        }
    }
    m_portModel->setTwins(branch, twins);
}

void MainWindow::onServicesChanged(const QList<Core::ServiceState> &services)
{
    m_serviceModel->setServices(services);
    m_topology->setServices(services);
    m_portModel->setServices(services);
    m_details->updateServices(services);
    int up = 0;
    bool unknown = false;
    for (const Core::ServiceState &s : services) {
        up += s.isUp() ? 1 : 0;
        unknown = unknown || s.status == Core::ServiceStatus::Unknown;
    }
    if (m_runtime && m_runtime->isLoaded()) {
        m_projectLabel->setText(
            unknown ? tr("%1 · state unknown: the Docker engine is not reachable · %2")
                          .arg(m_runtime->project().name, m_runtime->directory())
                    : tr("%1 · %2 of %3 services up · %4")
                          .arg(m_runtime->project().name)
                          .arg(up)
                          .arg(services.size())
                          .arg(m_runtime->directory()));
    }
    updateActions(); // Open Terminal follows the selected service's state
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
    if (!m_runtime) {
        return {};
    }
    const Core::LiveState *live = m_runtime->liveState();
    if (!m_runtime->isLoaded() || !live->isKnown() || live->isEngineReachable()) {
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
    const bool loaded = m_runtime && m_runtime->isLoaded();
    const bool busy = m_runtime && m_runtime->controller()->isBusy();
    const QString unavailable = engineUnavailableReason();
    gateOnEngine(m_upAction, loaded, unavailable);
    gateOnEngine(m_downAction, loaded, unavailable);
    gateOnEngine(m_restartAction, loaded, unavailable);
    const bool anySelected = !selectedServices().isEmpty();
    gateOnEngine(m_stopAction, loaded && anySelected, unavailable);
    gateOnEngine(m_rebuildAction, loaded && anySelected, unavailable);
    gateOnEngine(m_terminalAction,
                 loaded && anySelected && !runningContainer(selectedServices().first()).isEmpty(),
                 unavailable);
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
    if (m_runtime && m_runtime->isLoaded()) {
        m_portMonitor->check();
    }
}

void MainWindow::showServiceMenu(const QString &service, const QPoint &globalPos)
{
    if (!m_runtime) {
        return;
    }
    selectService(service);
    Core::StackController *controller = m_runtime->controller();
    Core::DevLoop *devLoop = m_runtime->devLoop();
    const auto state = m_runtime->liveState()->service(service);
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
    QAction *dev = menu.addAction(tr("Dev mode"), devLoop,
                                  [devLoop, service](bool on) { devLoop->setDevMode(service, on); });
    dev->setCheckable(true);
    dev->setChecked(devLoop->devModeServices().contains(service));
    dev->setEnabled(devLoop->devCapableServices().contains(service));
    dev->setToolTip(dev->isEnabled()
                        ? tr("Run with its hot-reload configuration (%1); only it is recreated")
                              .arg(devLoop->devModeOrigin(service))
                        : tr("No dev configuration: add it to docker-compose.dev.yml or an "
                             "x-devdock extension"));
    QAction *sync = menu.addAction(tr("File sync"), devLoop,
                                   [devLoop, service](bool on) { devLoop->setSync(service, on); });
    sync->setCheckable(true);
    sync->setChecked(devLoop->syncedServices().contains(service));
    sync->setEnabled(devLoop->syncableServices().contains(service));
    sync->setToolTip(tr("Copy changed files into the running container (develop.watch)"));
    needEngine << dev << sync;
    menu.addSeparator();
    menu.addAction(tr("Open logs"), this, [this, service] { showLogs(service); });
    for (const PortRow &row : m_portModel->rows()) {
        if (row.project.isEmpty() && row.request.service == service && !row.url.isEmpty()) {
            menu.addAction(tr("Open %1").arg(row.url), this,
                           [url = row.url] { QDesktopServices::openUrl(QUrl(url)); });
        }
    }
    QAction *shell = menu.addAction(tr("Open terminal"), this,
                                    [this, service] { openServiceTerminal(service); });
    shell->setEnabled(!runningContainer(service).isEmpty());
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

QString MainWindow::runningContainer(const QString &service) const
{
    if (!m_runtime) {
        return {};
    }
    const auto state = m_runtime->liveState()->service(service);
    return state && state->isUp() && !state->containers.isEmpty() ? state->containers.first().id
                                                                  : QString();
}

void MainWindow::openServiceTerminal(const QString &service)
{
    const QString container = runningContainer(service);
    if (container.isEmpty()) {
        statusBar()->showMessage(tr("%1 is not running: start it to open a terminal").arg(service),
                                 5000);
        return;
    }
    openTerminal(container, service);
}

void MainWindow::openTerminal(const QString &container, const QString &service)
{
    // A dock of terminal tabs, made on first use: it outlives view switches.
    if (!m_terminalArea) {
        auto *dock = new QDockWidget(tr("Terminals"), this);
        dock->setObjectName(QStringLiteral("terminals"));
        m_terminalArea = new Ui::TerminalArea(dock);
        dock->setWidget(m_terminalArea);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        // A new dock gets its widget's minimum height (one line): give it room for a shell.
        resizeDocks({dock}, {std::max(200, height() * 2 / 5)}, Qt::Vertical);
    }
    m_terminalArea->parentWidget()->show();
    // The project's own engine (its docker context), not the window's default one.
    m_terminalArea->openTerminal(m_engine, container, service);
}

bool MainWindow::isSettled() const
{
    // Everything on screen has its answer: the graph laid out with its states, and the status
    // bar's engine line and container count (not "Connecting …").
    return m_runtime && m_runtime->isLoaded() && m_runtime->liveState()->isKnown()
           && m_topology->isLayoutDone() && m_engineInfoIn && m_containersIn;
}

void MainWindow::maybeSettled()
{
    if (!m_settledEmitted && isSettled()) {
        m_settledEmitted = true;
        emit settled();
    }
    // A project that has never run here: onboarding offers itself once.
    if (m_onboardingOnFirstRun && !m_onboardingOffered && m_runtime && m_runtime->isLoaded()
        && m_runtime->liveState()->isKnown()
        && !Core::Onboarding::wasOnboarded(m_runtime->directory())) {
        bool anyContainer = false;
        for (const Core::ServiceState &s : m_runtime->liveState()->services()) {
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
    if (!m_runtime || m_runtime->directory().isEmpty()) {
        return nullptr;
    }
    if (m_onboardingDialog != nullptr) {
        m_onboardingDialog->show();
        m_onboardingDialog->raise();
        return m_onboardingDialog;
    }
    Core::OnboardingOptions options;
    options.projectDirectory = m_runtime->directory();
    options.composeFiles = m_runtime->files();
    options.envProfile = m_runtime->envProfile();
    auto *store = new Core::KeychainSecretStore(
        Core::KeychainSecretStore::scopeForProject(options.projectDirectory));
    auto *onboarding = new Core::Onboarding(m_runtime, store, options); // its load and state
    m_operations->follow(onboarding->controller()); // its pull, build and up show there too
    m_onboardingDialog = new OnboardingDialog(onboarding, this);
    onboarding->setParent(m_onboardingDialog);
    m_onboardingDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_onboardingDialog, &QObject::destroyed, this, [this, store] {
        m_onboardingDialog = nullptr;
        delete store;
    });
    connect(onboarding, &Core::Onboarding::finished, this,
            [this, runtime = QPointer<Core::ProjectRuntime>(m_runtime)](bool ok) {
                if (ok && runtime) {
                    runtime->reload(); // .env.local and secrets may be new
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
    Core::DevLoop *devLoop = this->devLoop();
    if (!devLoop) {
        m_serviceModel->setHotReload(text);
        m_topology->setHotReload(badges);
        return;
    }
    for (const QString &service : devLoop->devModeServices()) {
        text[service] = tr("dev mode");
        badges[service] = tr("dev");
    }
    for (const QString &service : devLoop->syncedServices()) {
        const Core::SyncStatus status = devLoop->syncStatus(service);
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
    if (!m_projectBeforeSwitch || !m_runtime) {
        return;
    }
    const QStringList modelChanged =
        Core::servicesChangedBetween(*m_projectBeforeSwitch, m_runtime->project());
    m_projectBeforeSwitch.reset();
    m_recreateOffer.clear();
    m_recreateBanner->hide();
    // Only what runs needs recreating; the rest picks the new values up when it starts.
    QStringList running;
    for (const Core::ComposeService &service : m_runtime->project().services) {
        const auto state = m_runtime->liveState()->service(service.name);
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
    m_runtime->controller()->configHashes(
        this, [this, generation, running,
               modelChanged](const Core::Result<QHash<QString, QString>> &hashes) {
            if (generation != m_recreateGeneration) {
                return; // another load since
            }
            QStringList offer;
            for (const QString &name : running) {
                const auto state = m_runtime->liveState()->service(name);
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
    if (m_recreateOffer.isEmpty() || !m_runtime) {
        return;
    }
    Core::ComposeUpOptions options;
    options.noDeps = true;
    options.forceRecreate = true;
    m_runtime->controller()->up(m_recreateOffer, options);
    m_recreateOffer.clear();
    m_recreateBanner->hide();
}

bool MainWindow::showView(const QString &name)
{
    const QHash<QString, QWidget *> views = {
        {QStringLiteral("topology"), m_topology}, {QStringLiteral("services"), m_servicesView},
        {QStringLiteral("ports"), m_portsView->parentWidget()},   {QStringLiteral("containers"), m_view},
        {QStringLiteral("logs"), m_logsTab},      {QStringLiteral("environment"), m_envPanel},
        {QStringLiteral("data"), m_dataPanel}};
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
    updateStatsWanted();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    if (m_runtime) {
        m_runtime->setStatsWanted(false);
    }
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
    Core::EngineClient *engine = m_engine;
    engine->version(this, [this, engine](Core::Result<Core::VersionInfo> v) {
        if (engine != m_engine) {
            return; // the answer of an engine no longer on screen
        }
        m_engineInfoIn = true;
        if (!v) {
            onEngineStatusChanged(false, v.error());
            maybeSettled();
            return;
        }
        m_engineLabel->setText(
            tr("Docker Engine %1 · API %2 · %3/%4 · %5")
                .arg(v->version, engine->apiVersion(), v->os, v->arch, engine->endpoint().uri));
        maybeSettled();
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
    m_engineInfoIn = m_containersIn = true; // what the status bar can say is said
    showError(m_errorLabel, error);
    m_engineLabel->setText(tr("Not connected · %1").arg(m_engine->endpoint().uri));
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
