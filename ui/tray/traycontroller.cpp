// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traycontroller.h"

#include "desktopnotifier.h"

#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace DevDock::Ui {

namespace {

constexpr int BatchMs = 250;

// An entry's icon changes only with its state: QAction::setIcon always tells the menu (and the
// D-Bus menu its host reads) that the entry changed.
template <typename Entry>
void setStateIcon(Entry &entry, QAction *action, TrayController::Overall overall)
{
    if (!entry.iconSet || entry.shown != overall) {
        action->setIcon(TrayController::iconFor(overall));
        entry.shown = overall;
        entry.iconSet = true;
    }
}

} // namespace

TrayController::TrayController(QObject *parent)
    : QObject(parent)
    , m_menu(new QMenu)
    , m_notifier(new DesktopNotifier(this))
    , m_projectsHeader(new QAction(tr("Projects"), this))
    , m_noProjects(new QAction(tr("No projects yet: open one in DevDock"), this))
    , m_servicesHeader(new QAction(this))
    , m_openWindow(new QAction(tr("Open DevDock"), this))
    , m_quit(new QAction(tr("Quit DevDock"), this))
    , m_separators{new QAction(this), new QAction(this)}
{
    m_menu->setAccessibleName(tr("DevDock tray menu"));
    m_menu->setToolTipsVisible(true);
    for (QAction *header : {m_projectsHeader, m_noProjects, m_servicesHeader}) {
        header->setEnabled(false);
    }
    for (QAction *separator : m_separators) {
        separator->setSeparator(true);
    }
    connect(m_openWindow, &QAction::triggered, this, &TrayController::showWindowRequested);
    connect(m_quit, &QAction::triggered, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    connect(m_notifier, &DesktopNotifier::openLogsRequested, this,
            &TrayController::openLogsRequested);
    connect(m_notifier, &DesktopNotifier::restartServiceRequested, this,
            &TrayController::restartServiceRequested);

    m_batch.setSingleShot(true);
    m_batch.setInterval(BatchMs);
    connect(&m_batch, &QTimer::timeout, this, &TrayController::applyPending);
    // Entries are added and removed only while the menu is closed: an open menu that changes
    // its rows under the pointer would jump, or close.
    connect(m_menu, &QMenu::aboutToHide, this, [this] {
        if (m_relayoutPending) {
            QTimer::singleShot(0, this, &TrayController::applyPending);
        }
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(iconFor(Overall::Idle), this);
        m_tray->setContextMenu(m_menu);
        m_tray->setToolTip(tr("DevDock"));
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger) {
                        emit showWindowRequested();
                    }
                });
        m_notifier->setFallback(m_tray);
        m_tray->show();
    }
    applyPending();
}

TrayController::~TrayController()
{
    for (const ProjectEntry &entry : std::as_const(m_projectEntries)) {
        delete entry.menu;
    }
    for (const ServiceEntry &entry : std::as_const(m_serviceEntries)) {
        delete entry.menu;
    }
    delete m_tray; // before its menu
    m_tray = nullptr;
    delete m_menu;
}

bool TrayController::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

TrayController::Overall TrayController::overallOf(const QList<Core::ServiceState> &services)
{
    using S = Core::ServiceStatus;
    Overall overall = Overall::Idle;
    for (const Core::ServiceState &s : services) {
        if (s.status == S::Unknown) {
            return Overall::Unknown; // LiveState makes every service unknown at once
        }
        if (s.status == S::Exited || s.status == S::Dead || s.status == S::Restarting) {
            if (!s.containers.isEmpty() && !(s.status == S::Exited && s.exitCode == 0)) {
                return Overall::Failing;
            }
        } else if (s.status == S::Unhealthy || s.status == S::Starting) {
            overall = Overall::Degraded;
        } else if (s.isUp() && overall == Overall::Idle) {
            overall = Overall::Healthy;
        }
    }
    return overall;
}

TrayController::Overall TrayController::overallOf(const Core::ProjectSummary &project)
{
    if (!project.engineReachable || (!project.known && !project.loading)) {
        return Overall::Unknown;
    }
    if (project.exited > 0 || !project.loadError.isEmpty()) {
        return Overall::Failing;
    }
    if (project.unhealthy > 0 || project.starting > 0) {
        return Overall::Degraded;
    }
    return project.servicesUp > 0 ? Overall::Healthy : Overall::Idle;
}

QString TrayController::stateText(const Core::ProjectSummary &project)
{
    if (!project.engineReachable) {
        return tr("engine unreachable");
    }
    if (project.loading) {
        return tr("loading…");
    }
    if (!project.loadError.isEmpty()) {
        return tr("failed to load");
    }
    if (!project.known) {
        return tr("state not known yet");
    }
    if (project.servicesUp + project.unhealthy + project.starting + project.exited == 0) {
        return tr("stopped"); // a deliberate stop is not a failure
    }
    QStringList parts{tr("%1/%2 up").arg(project.servicesUp).arg(project.servicesTotal)};
    if (project.unhealthy > 0) {
        parts << tr("%1 unhealthy").arg(project.unhealthy);
    }
    if (project.starting > 0) {
        parts << tr("%1 starting").arg(project.starting);
    }
    if (project.exited > 0) {
        parts << tr("%1 exited").arg(project.exited);
    }
    return parts.join(QStringLiteral(" · "));
}

int TrayController::severity(Overall overall)
{
    switch (overall) {
    case Overall::Failing:
        return 4;
    case Overall::Degraded:
        return 3;
    case Overall::Unknown:
        return 2;
    case Overall::Healthy:
        return 1;
    case Overall::Idle:
        return 0;
    }
    return 0;
}

QIcon TrayController::iconFor(Overall overall)
{
    static QHash<int, QIcon> cache;
    const auto cached = cache.constFind(int(overall));
    if (cached != cache.cend()) {
        return *cached;
    }
    // Colour and shape: a filled circle (healthy), a triangle (degraded), a square (failing),
    // a ring (idle).
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x20, 0x20, 0x20), 4));
    switch (overall) {
    case Overall::Healthy:
        p.setBrush(QColor(0x00, 0x9E, 0x73));
        p.drawEllipse(QRectF(6, 6, 52, 52));
        break;
    case Overall::Degraded: {
        p.setBrush(QColor(0xE6, 0x9F, 0x00));
        const QPointF triangle[] = {{32, 4}, {60, 58}, {4, 58}};
        p.drawPolygon(triangle, 3);
        break;
    }
    case Overall::Failing:
        p.setBrush(QColor(0xD5, 0x5E, 0x00));
        p.drawRect(QRectF(8, 8, 48, 48));
        break;
    case Overall::Idle:
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0x99, 0x99, 0x99), 8));
        p.drawEllipse(QRectF(8, 8, 48, 48));
        break;
    case Overall::Unknown: {
        // A dotted ring with a question mark: not idle, not failing, simply not known.
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0x6E, 0x6E, 0x6E), 6, Qt::DotLine));
        p.drawEllipse(QRectF(8, 8, 48, 48));
        QFont font = p.font();
        font.setBold(true);
        font.setPixelSize(34);
        p.setFont(font);
        p.setPen(QColor(0x6E, 0x6E, 0x6E));
        p.drawText(QRectF(0, 0, 64, 64), Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    }
    p.end();
    return *cache.insert(int(overall), QIcon(pixmap));
}

void TrayController::setProjects(const QList<Core::ProjectSummary> &projects)
{
    m_projects = projects;
    schedule();
}

void TrayController::updateProject(const Core::ProjectSummary &project)
{
    auto it = std::find_if(m_projects.begin(), m_projects.end(),
                           [&](const Core::ProjectSummary &p) { return p.id == project.id; });
    if (it == m_projects.end()) {
        m_projects.append(project);
    } else {
        *it = project;
    }
    schedule();
}

void TrayController::removeProject(const QString &id)
{
    m_projects.removeIf([&](const Core::ProjectSummary &p) { return p.id == id; });
    schedule();
}

void TrayController::setActiveServices(const QString &projectId,
                                       const QList<Core::ServiceState> &services)
{
    m_servicesOf = projectId;
    m_services = services;
    schedule();
}

bool TrayController::notifyAlert(const QString &projectId, const Core::ServiceAlert &alert)
{
    const Core::ProjectSummary *project = find(projectId);
    return m_notifier->post(projectId, project ? displayName(*project) : projectId, alert);
}

void TrayController::schedule()
{
    // Health probes arrive every few seconds per service: one pass over the menu per batch.
    if (!m_batch.isActive()) {
        m_batch.start();
    }
}

void TrayController::applyPending()
{
    m_batch.stop();
    relayout();
    refreshTexts();
    updateTray();
}

const Core::ProjectSummary *TrayController::find(const QString &id) const
{
    for (const Core::ProjectSummary &p : m_projects) {
        if (p.id == id) {
            return &p;
        }
    }
    return nullptr;
}

bool TrayController::showsServices() const
{
    const Core::ProjectSummary *project = find(m_servicesOf);
    if (project == nullptr || m_services.isEmpty()) {
        return false;
    }
    const bool anyActive = std::any_of(m_projects.cbegin(), m_projects.cend(),
                                       [](const Core::ProjectSummary &p) { return p.active; });
    return project->active || !anyActive;
}

QString TrayController::displayName(const Core::ProjectSummary &project) const
{
    // Two checkouts of one stack share its name: the branch (or folder) tells them apart.
    const bool shared = std::count_if(m_projects.cbegin(), m_projects.cend(),
                                      [&](const auto &p) { return p.name == project.name; })
                        > 1;
    if (!shared) {
        return project.name;
    }
    if (!project.branch.isEmpty()) {
        return QStringLiteral("%1 (%2)").arg(project.name, project.branch);
    }
    // Without a branch, the folder: its name, or with its parent when another checkout's folder
    // has the same name (a whole path is too long for a menu row or a notification's title).
    auto folder = [](const QString &directory, qsizetype parts) {
        const QStringList path =
            QDir::cleanPath(directory).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        return path.mid(std::max<qsizetype>(0, path.size() - parts)).join(QLatin1Char('/'));
    };
    const QString own = folder(project.directory, 1);
    const bool sameFolder = std::any_of(m_projects.cbegin(), m_projects.cend(), [&](const auto &p) {
        return p.id != project.id && p.name == project.name && folder(p.directory, 1) == own;
    });
    return QStringLiteral("%1 (%2)").arg(project.name, folder(project.directory, sameFolder ? 2 : 1));
}

TrayController::ProjectEntry &TrayController::projectEntry(const QString &id)
{
    auto it = m_projectEntries.find(id);
    if (it != m_projectEntries.end()) {
        return *it;
    }
    ProjectEntry entry;
    entry.menu = new QMenu;
    entry.menu->setToolTipsVisible(true);
    entry.open =
        entry.menu->addAction(QString(), this, [this, id] { emit openProjectRequested(id); });
    entry.start =
        entry.menu->addAction(QString(), this, [this, id] { emit startProjectRequested(id); });
    entry.stop =
        entry.menu->addAction(QString(), this, [this, id] { emit stopProjectRequested(id); });
    return *m_projectEntries.insert(id, entry);
}

TrayController::ServiceEntry &TrayController::serviceEntry(const QString &service)
{
    auto it = m_serviceEntries.find(service);
    if (it != m_serviceEntries.end()) {
        return *it;
    }
    ServiceEntry entry;
    entry.menu = new QMenu;
    entry.menu->setToolTipsVisible(true);
    // The project at the time of the click: the entries live while the open project does.
    entry.logs = entry.menu->addAction(tr("Open logs of %1").arg(service), this, [this, service] {
        emit openLogsRequested(m_servicesOf, service);
    });
    entry.start = entry.menu->addAction(tr("Start %1").arg(service), this, [this, service] {
        emit startServiceRequested(m_servicesOf, service);
    });
    entry.stop = entry.menu->addAction(tr("Stop %1").arg(service), this, [this, service] {
        emit stopServiceRequested(m_servicesOf, service);
    });
    entry.restart = entry.menu->addAction(tr("Restart %1").arg(service), this, [this, service] {
        emit restartServiceRequested(m_servicesOf, service);
    });
    return *m_serviceEntries.insert(service, entry);
}

void TrayController::relayout()
{
    if (m_menu->isVisible()) {
        m_relayoutPending = true;
        return;
    }
    m_relayoutPending = false;
    // Entries of projects and services that are gone.
    for (auto it = m_projectEntries.begin(); it != m_projectEntries.end();) {
        if (find(it.key()) == nullptr) {
            delete it->menu;
            it = m_projectEntries.erase(it);
        } else {
            ++it;
        }
    }
    const bool services = showsServices();
    for (auto it = m_serviceEntries.begin(); it != m_serviceEntries.end();) {
        const bool listed = services
                            && std::any_of(m_services.cbegin(), m_services.cend(),
                                           [&](const auto &s) { return s.name == it.key(); });
        if (!listed) {
            delete it->menu;
            it = m_serviceEntries.erase(it);
        } else {
            ++it;
        }
    }

    QList<QAction *> wanted{m_projectsHeader};
    for (const Core::ProjectSummary &p : std::as_const(m_projects)) {
        wanted << projectEntry(p.id).menu->menuAction();
    }
    if (m_projects.isEmpty()) {
        wanted << m_noProjects;
    }
    wanted << m_separators[0];
    if (services) {
        wanted << m_servicesHeader;
        for (const Core::ServiceState &s : std::as_const(m_services)) {
            wanted << serviceEntry(s.name).menu->menuAction();
        }
        wanted << m_separators[1];
    }
    wanted << m_openWindow << m_quit;
    if (m_menu->actions() == wanted) {
        return; // the same rows: nothing to tell the menu
    }
    for (QAction *action : m_menu->actions()) {
        m_menu->removeAction(action);
    }
    m_menu->addActions(wanted);
}

void TrayController::refreshTexts()
{
    const QString unreachable = tr("The Docker engine is unreachable: start it, then try again.");
    for (const Core::ProjectSummary &p : std::as_const(m_projects)) {
        const auto it = m_projectEntries.find(p.id);
        if (it == m_projectEntries.end()) {
            continue; // added while the menu was open: it appears when the menu closes
        }
        const QString name = displayName(p);
        it->menu->setTitle(QStringLiteral("%1 — %2").arg(name, stateText(p)));
        it->menu->menuAction()->setToolTip(p.loadError.isEmpty() ? p.directory : p.loadError);
        setStateIcon(*it, it->menu->menuAction(), overallOf(p));
        it->open->setText(p.active ? tr("Show %1").arg(name) : tr("Open %1").arg(name));
        it->start->setText(tr("Start %1").arg(name));
        it->stop->setText(tr("Stop %1").arg(name));
        const bool allUp = p.known && p.servicesTotal > 0 && p.servicesUp == p.servicesTotal;
        const bool anyRunning = p.servicesUp + p.unhealthy + p.starting > 0;
        it->start->setEnabled(p.engineReachable && !p.loading && !allUp);
        it->stop->setEnabled(p.engineReachable && (anyRunning || !p.known));
        for (QAction *action : {it->start, it->stop}) {
            action->setToolTip(p.engineReachable ? QString() : unreachable);
        }
    }
    if (const Core::ProjectSummary *project = find(m_servicesOf)) {
        m_servicesHeader->setText(tr("Services of %1").arg(displayName(*project)));
    }
    for (const Core::ServiceState &s : std::as_const(m_services)) {
        const auto it = m_serviceEntries.find(s.name);
        if (it == m_serviceEntries.end()) {
            continue;
        }
        it->menu->setTitle(
            QStringLiteral("%1 — %2").arg(s.name, Core::statusDisplayName(s.status)));
        it->menu->menuAction()->setToolTip(s.reason);
        setStateIcon(*it, it->menu->menuAction(), overallOf(QList<Core::ServiceState>{s}));
        const bool known = s.status != Core::ServiceStatus::Unknown;
        it->start->setEnabled(known && !s.isUp());
        it->stop->setEnabled(known && s.isUp());
        it->restart->setEnabled(known && s.status != Core::ServiceStatus::NotCreated);
    }
}

void TrayController::updateTray()
{
    Overall overall = Overall::Idle;
    QStringList lines{tr("DevDock")};
    for (const Core::ProjectSummary &p : std::as_const(m_projects)) {
        // (Core's Workspace makes remembered projects known with the engine's first listing.)
        const Overall o = overallOf(p);
        if (severity(o) > severity(overall)) {
            overall = o;
        }
        lines << QStringLiteral("%1: %2").arg(displayName(p), stateText(p));
    }
    const bool changed = overall != m_overall;
    m_overall = overall;
    if (m_tray) {
        if (changed) {
            m_tray->setIcon(iconFor(overall));
        }
        const QString tip = lines.join(QLatin1Char('\n'));
        if (m_tray->toolTip() != tip) {
            m_tray->setToolTip(tip);
        }
    }
}

} // namespace DevDock::Ui
