// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "portlistmodel.h"

#include "common/statekind.h"
#include "common/statepalette.h"

#include <QGuiApplication>

#include <QBrush>
#include <QColor>

namespace DevDock::Ui {

QString PortRow::key() const
{
    return project + QLatin1Char('|') + request.service + QLatin1Char('|') + request.hostIp
           + QLatin1Char('|') + QString::number(request.port) + QLatin1Char('/') + request.protocol;
}

StateKind PortListModel::stateKind(const PortRow &row)
{
    // A port nobody publishes because its service is stopped is calm, not an error.
    return row.conflict ? StateKind::Failed : row.live ? StateKind::Running : StateKind::Stopped;
}

PortListModel::PortListModel(QObject *parent)
    : KeyedTableModel(parent)
{}

QString PortListModel::urlFor(const Core::PortRequest &request)
{
    return request.protocol == u"tcp" ? Core::httpUrl(request.hostIp, request.port) : QString();
}

void PortListModel::setProject(const Core::ComposeProject &project)
{
    m_requests = Core::publishedPorts(project, {});
    m_report = {};
    rebuild();
}

void PortListModel::setServices(const QList<Core::ServiceState> &services)
{
    m_services = services;
    rebuild();
}

void PortListModel::setTwins(const QString &branch, const QList<Core::ProjectSummary> &twins)
{
    m_branch = branch;
    m_twins = twins;
    rebuild();
}

void PortListModel::setReport(const Core::PortReport &report)
{
    m_report = report;
    rebuild();
}

int PortListModel::conflictCount() const
{
    int n = 0;
    for (const PortRow &row : m_rows) {
        n += row.conflict ? 1 : 0;
    }
    return n;
}

void PortListModel::rebuild()
{
    QList<PortRow> rows;
    for (const Core::PortRequest &request : std::as_const(m_requests)) {
        PortRow row;
        row.request = request;
        row.url = urlFor(request);
        for (const Core::ServiceState &s : std::as_const(m_services)) {
            if (s.name != request.service) {
                continue;
            }
            for (const Core::PortBinding &b : s.ports) {
                row.live = row.live || (b.publicPort == request.port && b.type == request.protocol);
            }
        }
        row.status = row.live ? tr("published") : tr("not published (service not running)");
        for (const Core::PortCheck &check : m_report.checks) {
            if (check.request.port == request.port && check.request.protocol == request.protocol
                && check.request.service == request.service && check.conflict()) {
                row.conflict = true;
                row.status = tr("conflict: held by %1").arg(check.holder.describe());
            }
        }
        row.branch = m_branch;
        rows << row;
    }
    // Each twin's ports after the project's own (replaceRows() adds new rows at the end):
    // the Branch column tells them apart.
    for (const Core::ProjectSummary &twin : std::as_const(m_twins)) {
        for (const Core::ProjectSummary::PublishedPort &port : twin.ports) {
            PortRow row;
            row.request.service = port.service;
            row.request.hostIp = port.hostIp;
            row.request.port = port.port;
            row.request.protocol = port.protocol;
            row.request.target = port.target;
            row.url = urlFor(row.request);
            row.live = true;
            row.branch = twin.branch;
            row.project = twin.name;
            row.status = tr("published by the twin %1").arg(twin.name);
            rows << row;
        }
    }
    replaceRows(
        rows, [](const PortRow &r) { return r.key(); }, ColumnCount);
}

int PortListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PortRow &row = m_rows.at(index.row());
    switch (role) {
    case UrlRole:
        return row.url;
    case ConflictRole:
        return row.conflict;
    case ServiceRole:
        return row.request.service;
    case TwinProjectRole:
        return row.project;
    case StateKindRole:
        return index.column() == StatusColumn ? QVariant(int(stateKind(row))) : QVariant();
    case Qt::DecorationRole:
        return index.column() == StatusColumn
                   ? QVariant(StatePalette::icon(stateKind(row), QGuiApplication::palette()))
                   : QVariant();
    case Qt::ForegroundRole:
        return index.column() == StatusColumn ? QVariant(
                   QBrush(StatePalette::color(stateKind(row), QGuiApplication::palette())))
                                              : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case PortColumn:
        return QString(
            (row.request.hostIp.isEmpty() ? QString() : row.request.hostIp + QLatin1Char(':'))
            + QString::number(row.request.port) + QLatin1Char('/') + row.request.protocol);
    case ServiceColumn:
        return row.request.service;
    case BranchColumn:
        return row.branch;
    case TargetColumn:
        return row.request.target;
    case UrlColumn:
        return row.url;
    case StatusColumn:
        return row.status;
    default:
        return {};
    }
}

QVariant PortListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case PortColumn:
        return tr("Host port");
    case ServiceColumn:
        return tr("Service");
    case BranchColumn:
        return tr("Branch");
    case TargetColumn:
        return tr("Container port");
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace DevDock::Ui
