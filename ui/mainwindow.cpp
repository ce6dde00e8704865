// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "services/containerlistmodel.h"

#include "engine/containerwatcher.h"
#include "engine/engineclient.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace DevDock::Ui {

MainWindow::MainWindow(Core::EngineClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_watcher(new Core::ContainerWatcher(client, {true, {}}, this))
    , m_model(new ContainerListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_engineLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
    , m_view(new QTableView(this))
{
    setWindowTitle(tr("DevDock"));
    setObjectName(QStringLiteral("mainWindow"));
    resize(1100, 640);

    m_engineLabel->setObjectName(QStringLiteral("engineLabel"));
    m_engineLabel->setAccessibleName(tr("Engine status"));
    m_engineLabel->setAccessibleDescription(tr("Docker engine version, API version and endpoint"));
    m_engineLabel->setText(tr("Connecting to %1 …").arg(client->endpoint().uri));
    m_engineLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_errorLabel->setObjectName(QStringLiteral("engineErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Engine error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0; "
                       "border-radius: 4px; padding: 6px; }"));
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("containersView"));
    m_view->setAccessibleName(tr("Containers"));
    m_view->setAccessibleDescription(tr("All containers of the Docker engine, updated live"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ContainerListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(ContainerListModel::NameColumn, 220);
    m_view->setColumnWidth(ContainerListModel::StateColumn, 90);
    m_view->setColumnWidth(ContainerListModel::StatusColumn, 200);
    m_view->setColumnWidth(ContainerListModel::ImageColumn, 200);
    m_view->setColumnWidth(ContainerListModel::PortsColumn, 180);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_engineLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_view, 1);
    setCentralWidget(central);

    m_countLabel->setObjectName(QStringLiteral("containerCountLabel"));
    m_countLabel->setAccessibleName(tr("Container count"));
    statusBar()->addPermanentWidget(m_countLabel);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *refresh = fileMenu->addAction(tr("&Refresh"), this, [this] {
        refreshEngineInfo();
        m_watcher->stop();
        m_watcher->start();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));
    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About DevDock"), this, [this] {
        QMessageBox::about(this, tr("About DevDock"),
                           tr("DevDock %1\nA desktop manager for Docker Compose development "
                              "environments.")
                               .arg(QApplication::applicationVersion()));
    });

    connect(m_watcher, &Core::ContainerWatcher::containersChanged, this,
            [this](const QList<Core::ContainerSummary> &containers) {
                m_model->setContainers(containers);
                updateCount();
            });
    connect(m_watcher, &Core::ContainerWatcher::engineStatusChanged, this,
            &MainWindow::onEngineStatusChanged);
    updateCount();
    // The engine's version is fetched once the watcher reports the engine reachable
    // (onEngineStatusChanged), not here as well.
    m_watcher->start();
}

MainWindow::~MainWindow() = default;

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
        return;
    }
    m_errorLabel->setText(error.hint.isEmpty() ? error.message
                                               : error.message + QStringLiteral("\n") + error.hint);
    m_errorLabel->show();
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
