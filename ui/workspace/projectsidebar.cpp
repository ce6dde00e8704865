// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectsidebar.h"

#include "common/icons.h"

#include "projectitemdelegate.h"
#include "projectlistmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMouseEvent>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace DevDock::Ui {

ProjectSidebar::ProjectSidebar(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProjectListModel(this))
    , m_view(new QListView(this))
{
    setObjectName(QStringLiteral("projectSidebar"));
    setAccessibleName(tr("Projects"));
    setAccessibleDescription(tr("Every project of the workspace with its live state"));

    auto *heading = new QLabel(tr("Projects"), this);
    heading->setObjectName(QStringLiteral("projectSidebarHeading"));
    heading->setAccessibleName(tr("Projects"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);

    m_view->setObjectName(QStringLiteral("projectList"));
    m_view->setAccessibleName(tr("Workspace projects"));
    m_view->setAccessibleDescription(
        tr("Pinned projects first, then the open ones, then recent and running stacks found on "
           "the engine. Select one to show it; the context menu has its actions."));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ProjectItemDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(false);
    // Rows elide (the tooltip has everything): a sidebar never scrolls sideways.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setMouseTracking(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    m_start = makeAction(QStringLiteral("Start"), tr("Start"),
                         tr("Start every service of the selected project"), "media-playback-start",
                         QStyle::SP_MediaPlay);
    m_stop = makeAction(QStringLiteral("Stop"), tr("Stop"),
                        tr("Stop every service of the selected project"), "media-playback-stop",
                        QStyle::SP_MediaStop);
    m_open = makeAction(QStringLiteral("Open"), tr("Open"), tr("Show the selected project"),
                        "document-open", QStyle::SP_DirOpenIcon);
    m_close = makeAction(QStringLiteral("Close"), tr("Close"),
                         tr("Close the selected project (it stays in the list as recent)"),
                         "window-close", QStyle::SP_DialogCloseButton);
    m_pin = makeAction(QStringLiteral("Pin"), tr("Pin"),
                       tr("Keep the selected project at the top of the list"), "pin",
                       QStyle::SP_ArrowUp);
    m_pin->setCheckable(true);
    m_remove = makeAction(QStringLiteral("Remove"), tr("Remove"),
                          tr("Remove the selected project from the list"), "list-remove",
                          QStyle::SP_TrashIcon);

    m_buttons = new QWidget(this);
    m_buttons->setObjectName(QStringLiteral("projectButtons"));
    auto *buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(2);
    for (QAction *action : {m_start, m_stop, m_open, m_close, m_pin, m_remove}) {
        auto *button = new QToolButton(m_buttons);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAutoRaise(true);
        button->setAccessibleName(action->text());
        button->setAccessibleDescription(action->toolTip());
        button->setObjectName(QStringLiteral("project%1Button").arg(action->objectName()));
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(heading);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_buttons);

    const auto onSelected = [this](auto act) {
        return [this, act] {
            const QString id = selectedId();
            if (!id.isEmpty()) {
                act(id);
            }
        };
    };
    connect(m_start, &QAction::triggered, this,
            onSelected([this](const QString &id) { emit startRequested(id); }));
    connect(m_stop, &QAction::triggered, this,
            onSelected([this](const QString &id) { emit stopRequested(id); }));
    connect(m_open, &QAction::triggered, this,
            onSelected([this](const QString &id) { emit activateRequested(id); }));
    connect(m_close, &QAction::triggered, this,
            onSelected([this](const QString &id) { emit closeRequested(id); }));
    connect(m_pin, &QAction::triggered, this, [this](bool on) {
        const QString id = selectedId();
        if (!id.isEmpty()) {
            emit pinRequested(id, on);
        }
    });
    connect(m_remove, &QAction::triggered, this,
            onSelected([this](const QString &id) { emit removeRequested(id); }));

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                updateButtons();
                if (!m_following && current.isValid()) {
                    emit activateRequested(m_model->idAt(current.row()));
                }
            });
    // A right press only asks for the menu: it neither selects nor switches to the project (a
    // switch would redo the rows under the open menu).
    m_view->viewport()->installEventFilter(this);
    connect(m_view, &QListView::customContextMenuRequested, this, [this](const QPoint &pos) {
        // The project under the pointer, whatever is selected.
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid()) {
            return;
        }
        QMenu *menu = createContextMenu(m_model->idAt(index.row()), this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProjectSidebar::followActive);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ProjectSidebar::followActive);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &ProjectSidebar::followActive);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProjectSidebar::followActive);
    buildShortcuts();
    updateButtons();
}

QAction *ProjectSidebar::makeAction(const QString &key, const QString &text,
                                    const QString &description, const char *icon,
                                    QStyle::StandardPixmap fallback)
{
    // The buttons show only icons (six of them fit the sidebar in German too): the style's
    // standard icon where the desktop's theme has none, so a button is never blank.
    // The bundled ones paint in the palette's text colour (readable in the dark theme too).
    const QString name = QString::fromLatin1(icon);
    auto *action = new QAction(Icons::hasBundled(name)
                                   ? Icons::action(name)
                                   : QIcon::fromTheme(name, style()->standardIcon(fallback)),
                               text, this);
    action->setToolTip(description);
    action->setStatusTip(description);
    action->setObjectName(key); // names the buttons, the same in every language
    return action;
}

void ProjectSidebar::buildShortcuts()
{
    for (int n = 1; n <= 9; ++n) {
        auto *action = new QAction(tr("Show project %1").arg(n), this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + n)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, n] { activateRow(n - 1); });
        m_shortcuts << action;
    }
    auto *next = new QAction(tr("Next project"), this);
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Tab));
    connect(next, &QAction::triggered, this, [this] { step(+1); });
    auto *previous = new QAction(tr("Previous project"), this);
    previous->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab));
    previous->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab)});
    connect(previous, &QAction::triggered, this, [this] { step(-1); });
    m_shortcuts << next << previous;
}

QSize ProjectSidebar::sizeHint() const
{
    // Every state a chip can tell, with two-digit counts.
    Core::ProjectSummary sample;
    sample.known = true;
    sample.servicesTotal = 10;
    sample.servicesUp = 10;
    QStringList words{ProjectListModel::chipText(sample)};
    sample.servicesUp = 8;
    sample.starting = 2;
    words << ProjectListModel::chipText(sample);
    sample.unhealthy = 10;
    words << ProjectListModel::chipText(sample);
    sample.unhealthy = 0;
    sample.exited = 10;
    words << ProjectListModel::chipText(sample);
    sample.engineReachable = false;
    words << ProjectListModel::chipText(sample);
    sample.loadError = QStringLiteral("x");
    words << ProjectListModel::chipText(sample);
    sample.loading = true;
    words << ProjectListModel::chipText(sample);
    const QFontMetrics metrics(m_view->font());
    int width = m_buttons->sizeHint().width();
    for (const QString &w : std::as_const(words)) {
        width = std::max(width, ProjectItemDelegate::chipWidth(metrics, w));
    }
    const QMargins margins = layout()->contentsMargins();
    width += margins.left() + margins.right() + 2 * m_view->frameWidth()
             + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    return {std::max(width, 200), QWidget::sizeHint().height()};
}

QString ProjectSidebar::selectedId() const
{
    // selectedRows() wants every column selected; the list shows (and selects) only the first.
    const QModelIndexList rows = m_view->selectionModel()->selectedIndexes();
    return rows.isEmpty() ? QString() : m_model->idAt(rows.first().row());
}

void ProjectSidebar::activateRow(int row)
{
    const QString id = m_model->idAt(row);
    if (!id.isEmpty()) {
        emit activateRequested(id);
    }
}

void ProjectSidebar::step(int direction)
{
    // Through the open projects, in list order, from the one on screen (or the selected one).
    QList<int> open;
    int from = -1;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Core::ProjectSummary &p = m_model->summaryAt(row);
        if (p.open) {
            open << row;
        }
        if (p.active || (from < 0 && p.id == selectedId())) {
            from = row;
        }
    }
    if (open.isEmpty()) {
        return;
    }
    qsizetype at = open.indexOf(from);
    if (at < 0) {
        at = direction > 0 ? -1 : 0;
    }
    const qsizetype count = open.size();
    activateRow(open.at(((at + direction) % count + count) % count));
}

void ProjectSidebar::followActive()
{
    int active = -1;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->summaryAt(row).active) {
            active = row;
            break;
        }
    }
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (active >= 0 && current.row() != active) {
        m_following = true;
        m_view->selectionModel()->setCurrentIndex(m_model->index(active, 0),
                                                  QItemSelectionModel::ClearAndSelect);
        m_following = false;
    }
    updateButtons();
}

void ProjectSidebar::updateButtons()
{
    const int row = m_model->rowOf(selectedId());
    const bool any = row >= 0;
    const Core::ProjectSummary none;
    const Core::ProjectSummary &p = any ? m_model->summaryAt(row) : none;
    m_start->setEnabled(any && p.engineReachable);
    m_stop->setEnabled(any && p.engineReachable && p.servicesUp + p.starting > 0);
    m_open->setEnabled(any && !p.active);
    m_close->setEnabled(any && p.open);
    m_pin->setEnabled(any);
    m_pin->setChecked(any && p.pinned);
    m_pin->setText(any && p.pinned ? tr("Unpin") : tr("Pin"));
    m_remove->setEnabled(any);
}

QMenu *ProjectSidebar::createContextMenu(const QString &id, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setAccessibleName(tr("Project actions"));
    menu->setToolTipsVisible(true);
    const int row = m_model->rowOf(id);
    if (row < 0) {
        return menu;
    }
    const Core::ProjectSummary p = m_model->summaryAt(row);
    const auto add = [&](const QString &text, auto emitter, bool enabled) {
        QAction *action = menu->addAction(text, this, [this, id, emitter] { emitter(id); });
        action->setEnabled(enabled);
        return action;
    };
    add(
        tr("Open “%1”").arg(p.name), [this](const QString &i) { emit activateRequested(i); },
        !p.active);
    menu->addSeparator();
    QAction *start = add(
        tr("Start “%1”").arg(p.name), [this](const QString &i) { emit startRequested(i); },
        p.engineReachable);
    QAction *stop = add(
        tr("Stop “%1”").arg(p.name), [this](const QString &i) { emit stopRequested(i); },
        p.engineReachable && p.servicesUp + p.starting > 0);
    if (!p.engineReachable) {
        start->setToolTip(ProjectListModel::statusDescription(p));
        stop->setToolTip(ProjectListModel::statusDescription(p));
    }
    // The engine it runs on: a choice for a project opened from its folder; a stack known only
    // from its containers runs where they are.
    QMenu *engines = menu->addMenu(tr("Engine"));
    engines->setObjectName(QStringLiteral("engineMenu"));
    engines->setEnabled(p.origin == Core::ProjectSummary::Origin::Opened);
    QStringList names = m_engines.isEmpty() ? QStringList{QStringLiteral("default")} : m_engines;
    if (!names.contains(p.engine)) {
        names << p.engine; // remembered, though its context is gone from the store
    }
    for (const QString &name : std::as_const(names)) {
        QAction *action =
            engines->addAction(name == u"default" ? tr("Local (default)") : name, this,
                               [this, id, name] { emit engineRequested(id, name); });
        action->setCheckable(true);
        action->setChecked(name == p.engine);
        action->setData(name);
    }
    menu->addSeparator();
    // Twins: another branch beside a project that lives in a folder (git finds its repository).
    if (m_model->isTwinRow(row)) {
        QAction *down = add(
            tr("Tear down twin…"), [this](const QString &i) { emit tearDownTwinRequested(i); },
            p.engineReachable);
        down->setObjectName(QStringLiteral("tearDownTwin"));
        down->setToolTip(
            tr("Remove the containers of the branch %1 (the main stack stays)").arg(p.branch));
    } else {
        QAction *twin = add(
            tr("Run branch alongside…"), [this](const QString &i) { emit runTwinRequested(i); },
            p.engineReachable && !p.directory.isEmpty() && !p.mainCheckout.isEmpty());
        twin->setObjectName(QStringLiteral("runTwin"));
        twin->setToolTip(
            p.mainCheckout.isEmpty()
                ? tr("The project's folder is not a git checkout")
                : tr("Start another branch of %1 in its own worktree, on free ports").arg(p.name));
    }
    menu->addSeparator();
    const bool pinned = p.pinned;
    add(
        pinned ? tr("Unpin") : tr("Pin to the top"),
        [this, pinned](const QString &i) { emit pinRequested(i, !pinned); }, true);
    add(
        tr("Close"), [this](const QString &i) { emit closeRequested(i); }, p.open);
    add(
        tr("Remove from the list"), [this](const QString &i) { emit removeRequested(i); }, true);
    return menu;
}

void ProjectSidebar::setProjects(const QList<Core::ProjectSummary> &projects)
{
    m_model->setProjects(projects);
}

void ProjectSidebar::updateProject(const Core::ProjectSummary &project)
{
    m_model->updateProject(project);
}

void ProjectSidebar::removeProject(const QString &id)
{
    m_model->removeProject(id);
}

bool ProjectSidebar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()
        && (event->type() == QEvent::MouseButtonPress
            || event->type() == QEvent::MouseButtonDblClick)
        && static_cast<QMouseEvent *>(event)->button() == Qt::RightButton) {
        return true; // the context menu event follows on its own
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace DevDock::Ui
