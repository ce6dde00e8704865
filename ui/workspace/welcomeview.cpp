// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomeview.h"

#include "projectlistmodel.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace DevDock::Ui {

namespace {

QWidget *makeSection(QWidget *parent, const QString &title, const QString &objectName,
                     QVBoxLayout **list)
{
    auto *section = new QWidget(parent);
    section->setObjectName(objectName);
    section->setAccessibleName(title);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 12, 0, 0);
    auto *heading = new QLabel(title, section);
    heading->setAccessibleName(title);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    *list = new QVBoxLayout;
    (*list)->setSpacing(2);
    layout->addLayout(*list);
    section->hide();
    return section;
}

} // namespace

WelcomeView::WelcomeView(QWidget *parent)
    : QWidget(parent)
    , m_openFolder(new QPushButton(tr("Open folder…"), this))
{
    setObjectName(QStringLiteral("welcomeView"));
    setAccessibleName(tr("Welcome"));
    setAccessibleDescription(tr("Open a Compose project, a recent one or a running stack"));

    auto *title = new QLabel(tr("DevDock"), this);
    title->setAccessibleName(tr("DevDock"));
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.8);
    title->setFont(big);
    auto *line = new QLabel(tr("Start, watch and debug your Docker Compose projects, all of them "
                               "in one window."),
                            this);
    line->setObjectName(QStringLiteral("welcomeLine"));
    line->setAccessibleName(tr("What DevDock does"));
    line->setWordWrap(true);

    m_openFolder->setObjectName(QStringLiteral("openFolderButton"));
    m_openFolder->setAccessibleName(tr("Open folder"));
    m_openFolder->setAccessibleDescription(
        tr("Choose a folder with a compose.yaml (or docker-compose.yml)"));
    m_openFolder->setToolTip(m_openFolder->accessibleDescription());
    m_openFolder->setIcon(QIcon::fromTheme(QStringLiteral("document-open"),
                                           style()->standardIcon(QStyle::SP_DirOpenIcon)));
    m_openFolder->setDefault(true);
    connect(m_openFolder, &QPushButton::clicked, this, &WelcomeView::openFolderRequested);

    auto *column = new QWidget(this);
    column->setMaximumWidth(640);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(title);
    columnLayout->addWidget(line);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_openFolder);
    buttonRow->addStretch(1);
    columnLayout->addSpacing(8);
    columnLayout->addLayout(buttonRow);
    m_recent =
        makeSection(column, tr("Recent projects"), QStringLiteral("welcomeRecent"), &m_recentList);
    m_running = makeSection(column, tr("Running on the engine"), QStringLiteral("welcomeRunning"),
                            &m_runningList);
    columnLayout->addWidget(m_recent);
    columnLayout->addWidget(m_running);
    columnLayout->addStretch(1);

    // Centred, and scrolling rather than squeezing when the window is small.
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setAccessibleName(tr("Welcome"));
    auto *inner = new QWidget(scroll);
    auto *innerLayout = new QHBoxLayout(inner);
    innerLayout->setContentsMargins(24, 32, 24, 24);
    innerLayout->addStretch(1);
    innerLayout->addWidget(column, 4);
    innerLayout->addStretch(1);
    scroll->setWidget(inner);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

void WelcomeView::setProjects(const QList<Core::ProjectSummary> &projects)
{
    QList<Core::ProjectSummary> recent;
    QList<Core::ProjectSummary> running;
    for (const Core::ProjectSummary &p : projects) {
        if (p.origin == Core::ProjectSummary::Origin::Discovered) {
            if (p.servicesUp + p.starting + p.unhealthy > 0) {
                running << p;
            }
        } else if (!p.open) {
            recent << p;
        }
    }
    std::stable_sort(recent.begin(), recent.end(),
                     [](const auto &a, const auto &b) { return a.lastOpened > b.lastOpened; });
    recent = recent.mid(0, MaxRecent);
    m_recentIds.clear();
    m_runningIds.clear();
    for (const auto &p : std::as_const(recent)) {
        m_recentIds << p.id;
    }
    for (const auto &p : std::as_const(running)) {
        m_runningIds << p.id;
    }
    fill(m_recent, m_recentList, recent, false);
    fill(m_running, m_runningList, running, true);
}

void WelcomeView::fill(QWidget *section, QVBoxLayout *list,
                       const QList<Core::ProjectSummary> &projects, bool adopt)
{
    while (QLayoutItem *item = list->takeAt(0)) {
        // Later: the button being clicked may be what asked for this refill.
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    for (const Core::ProjectSummary &p : projects) {
        const QString where = QDir::toNativeSeparators(p.directory);
        const QString state = ProjectListModel::chipText(p);
        auto *button =
            new QCommandLinkButton(p.name, QStringLiteral("%1 · %2").arg(state, where), section);
        button->setIcon(ProjectListModel::chipIcon(ProjectListModel::chipOf(p)));
        button->setAccessibleName(adopt ? tr("Adopt %1").arg(p.name) : tr("Open %1").arg(p.name));
        button->setAccessibleDescription(ProjectListModel::statusDescription(p));
        button->setToolTip(adopt
                               ? tr("Show the running stack %1 (%2) in DevDock").arg(p.name, where)
                               : tr("Open %1").arg(where));
        const QString id = p.id;
        connect(button, &QCommandLinkButton::clicked, this, [this, id, adopt] {
            if (adopt) {
                emit adoptRequested(id);
            } else {
                emit openRequested(id);
            }
        });
        list->addWidget(button);
    }
    section->setVisible(!projects.isEmpty());
}

} // namespace DevDock::Ui
