// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;
class QSortFilterProxyModel;

namespace DevDock::Core {
class EngineClient;
class ContainerWatcher;
struct Error;
} // namespace DevDock::Core

namespace DevDock::Ui {

class ContainerListModel;

// DevDock's main window. For now: the engine's identity and the live list of its containers,
// kept current from engine events.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Core::EngineClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    ContainerListModel *containerModel() const { return m_model; }

private:
    void refreshEngineInfo();
    void onEngineStatusChanged(bool reachable, const Core::Error &error);
    void updateCount();

    Core::EngineClient *m_client;
    Core::ContainerWatcher *m_watcher;
    ContainerListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_engineLabel;
    QLabel *m_errorLabel;
    QLabel *m_countLabel;
    QTableView *m_view;
};

} // namespace DevDock::Ui
