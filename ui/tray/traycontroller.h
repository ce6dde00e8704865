// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stack/servicestate.h"
#include "workspace/projectsummary.h"

#include <QHash>
#include <QIcon>
#include <QList>
#include <QObject>
#include <QTimer>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace DevDock::Ui {

class DesktopNotifier;

// The tray icon and its menu for the whole workspace: every project with its state (colour,
// shape and words: "3/10 up · 1 unhealthy", "stopped", "engine unreachable") and Open / Start /
// Stop; below, the services of the open project with their state and actions; Open DevDock and
// Quit. It holds no project objects: summaries and service states come in through slots, and
// what the user asks for goes out as requests with the project id. Updates are batched and
// applied in place (the same menu entries get new texts), so a health probe rebuilds nothing and
// an open menu neither flickers nor closes. Service alerts of any project go to the desktop's
// notification server through a DesktopNotifier.
class TrayController final : public QObject
{
    Q_OBJECT
public:
    // Unknown: the engine is unreachable, so nothing is known about the stack.
    enum class Overall { Idle, Healthy, Degraded, Failing, Unknown };

    explicit TrayController(QObject *parent = nullptr);
    ~TrayController() override;

    bool isVisible() const;
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }
    DesktopNotifier *notifier() const { return m_notifier; }
    // The worst state across the workspace (what the icon shows).
    Overall overall() const { return m_overall; }
    QList<Core::ProjectSummary> projects() const { return m_projects; }
    // The submenu of one project (Open, Start, Stop), once the menu shows it; else nullptr.
    QMenu *projectMenu(const QString &id) const { return m_projectEntries.value(id).menu; }
    // The submenu of one of the open project's services; else nullptr.
    QMenu *serviceMenu(const QString &service) const
    {
        return m_serviceEntries.value(service).menu;
    }

    static Overall overallOf(const QList<Core::ServiceState> &services);
    static Overall overallOf(const Core::ProjectSummary &project);
    static QString stateText(const Core::ProjectSummary &project);
    static QIcon iconFor(Overall overall);
    // Worse is higher: the icon shows the state of highest severity.
    static int severity(Overall overall);

    // How long changes wait to be applied together.
    void setBatchInterval(int ms) { m_batch.setInterval(ms); }
    // Applies the pending changes now (otherwise the batch timer does).
    void applyPending();

public slots:
    void setProjects(const QList<DevDock::Core::ProjectSummary> &projects);
    void updateProject(const DevDock::Core::ProjectSummary &project);
    void removeProject(const QString &id);
    // The services of the open project (the one whose summary says active).
    void setActiveServices(const QString &projectId,
                           const QList<DevDock::Core::ServiceState> &services);
    // A desktop notification for an alert of any project (rate-limited); false when dropped.
    bool notifyAlert(const QString &projectId, const DevDock::Core::ServiceAlert &alert);

signals:
    void startProjectRequested(const QString &id);
    void stopProjectRequested(const QString &id);
    void openProjectRequested(const QString &id);
    void startServiceRequested(const QString &projectId, const QString &service);
    void stopServiceRequested(const QString &projectId, const QString &service);
    void restartServiceRequested(const QString &projectId, const QString &service);
    void openLogsRequested(const QString &projectId, const QString &service);
    // Open DevDock, or a click on the icon.
    void showWindowRequested();

private:
    struct ProjectEntry
    {
        QMenu *menu = nullptr;
        QAction *open = nullptr;
        QAction *start = nullptr;
        QAction *stop = nullptr;
        Overall shown = Overall::Idle;
        bool iconSet = false;
    };
    struct ServiceEntry
    {
        QMenu *menu = nullptr;
        QAction *logs = nullptr;
        QAction *start = nullptr;
        QAction *stop = nullptr;
        QAction *restart = nullptr;
        Overall shown = Overall::Idle;
        bool iconSet = false;
    };

    void schedule();
    void relayout();
    void refreshTexts();
    ProjectEntry &projectEntry(const QString &id);
    ServiceEntry &serviceEntry(const QString &service);
    bool showsServices() const;
    QString displayName(const Core::ProjectSummary &project) const;
    const Core::ProjectSummary *find(const QString &id) const;
    void updateTray();

    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu;
    DesktopNotifier *m_notifier;
    QTimer m_batch;
    QList<Core::ProjectSummary> m_projects;
    QString m_servicesOf; // the project m_services belong to
    QList<Core::ServiceState> m_services;
    QHash<QString, ProjectEntry> m_projectEntries;
    QHash<QString, ServiceEntry> m_serviceEntries;
    QAction *m_projectsHeader;
    QAction *m_noProjects;
    QAction *m_servicesHeader;
    QAction *m_openWindow;
    QAction *m_quit;
    QAction *m_separators[2];
    bool m_relayoutPending = false; // entries to add or remove once the open menu closes
    Overall m_overall = Overall::Idle;
};

} // namespace DevDock::Ui
