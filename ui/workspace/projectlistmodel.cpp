// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectlistmodel.h"

#include "common/icons.h"

#include <QApplication>
#include <QDir>
#include <QSet>
#include <QStyle>

#include <tuple>

namespace DevDock::Ui {

ProjectListModel::ProjectListModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

ProjectListModel::Group ProjectListModel::groupOf(const Core::ProjectSummary &project)
{
    if (project.pinned) {
        return Group::Pinned;
    }
    return project.open ? Group::Open : Group::Recent;
}

ProjectListModel::Chip ProjectListModel::chipOf(const Core::ProjectSummary &p)
{
    // The order is the order of importance: what the user has to act on first wins.
    if (p.loading) {
        return Chip::Loading;
    }
    if (!p.loadError.isEmpty()) {
        return Chip::LoadFailed;
    }
    if (!p.engineReachable) {
        return Chip::EngineUnreachable;
    }
    if (!p.known) {
        return Chip::Checking;
    }
    if (p.unhealthy > 0) {
        return Chip::Unhealthy;
    }
    if (p.exited > 0) {
        return Chip::Exited;
    }
    if (p.starting > 0) {
        return Chip::Starting;
    }
    if (p.servicesUp <= 0) {
        return Chip::Stopped;
    }
    return p.servicesUp >= p.servicesTotal ? Chip::Up : Chip::Partial;
}

QString ProjectListModel::chipText(const Core::ProjectSummary &p)
{
    switch (chipOf(p)) {
    case Chip::Loading:
        return tr("loading…");
    case Chip::LoadFailed:
        return tr("load failed");
    case Chip::EngineUnreachable:
        return tr("engine unreachable");
    case Chip::Checking:
        return tr("checking…");
    case Chip::Unhealthy:
        return tr("%n unhealthy", nullptr, p.unhealthy);
    case Chip::Exited:
        return tr("%n exited", nullptr, p.exited);
    case Chip::Starting:
        return tr("%1/%2 up, starting").arg(p.servicesUp).arg(p.servicesTotal);
    case Chip::Up:
    case Chip::Partial:
        return tr("%1/%2 up").arg(p.servicesUp).arg(p.servicesTotal);
    case Chip::Stopped:
        return tr("stopped");
    }
    return {};
}

QString ProjectListModel::statusDescription(const Core::ProjectSummary &p)
{
    switch (chipOf(p)) {
    case Chip::Loading:
        return tr("Loading the compose files of %1 …").arg(p.name);
    case Chip::LoadFailed:
        return tr("%1 could not be loaded: %2").arg(p.name, p.loadError);
    case Chip::EngineUnreachable:
        return tr("The Docker engine “%1” is not reachable; the state of %2 is unknown.")
            .arg(p.engine, p.name);
    case Chip::Checking:
        return tr("Asking the engine for the containers of %1 …").arg(p.name);
    default:
        break;
    }
    QStringList parts{tr("%1 of %2 services running").arg(p.servicesUp).arg(p.servicesTotal)};
    if (p.unhealthy > 0) {
        parts << tr("%n unhealthy", nullptr, p.unhealthy);
    }
    if (p.exited > 0) {
        parts << tr("%n exited unexpectedly", nullptr, p.exited);
    }
    if (p.starting > 0) {
        parts << tr("%n starting", nullptr, p.starting);
    }
    if (p.devMode) {
        parts << tr("dev mode on");
    }
    return parts.join(QStringLiteral(", "));
}

QColor ProjectListModel::chipColor(Chip chip)
{
    // Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), the ones the
    // service tables use; a deliberate stop is neutral grey, never the failure colour.
    switch (chip) {
    case Chip::Up:
        return QColor(0x00, 0x9E, 0x73);
    case Chip::Partial:
        return QColor(0x00, 0x72, 0xB2);
    case Chip::Starting:
    case Chip::Checking:
    case Chip::Loading:
        return QColor(0xE6, 0x9F, 0x00);
    case Chip::Unhealthy:
    case Chip::Exited:
    case Chip::LoadFailed:
        return QColor(0xD5, 0x5E, 0x00);
    case Chip::EngineUnreachable:
    case Chip::Stopped:
        return QColor(0x88, 0x88, 0x88);
    }
    return {};
}

QIcon ProjectListModel::chipIcon(Chip chip)
{
    // The desktop's icon theme first; the style's standard icons where the theme has none.
    // (The bundled ones paint in the palette's text colour: readable in the dark theme too.)
    const auto themed = [](const char *name, QStyle::StandardPixmap fallback) {
        const QString icon = QString::fromLatin1(name);
        if (Icons::hasBundled(icon)) {
            return Icons::action(icon);
        }
        return QIcon::fromTheme(
            icon, QApplication::style() ? QApplication::style()->standardIcon(fallback) : QIcon());
    };
    switch (chip) {
    case Chip::Up:
    case Chip::Partial:
        return themed("media-playback-start", QStyle::SP_MediaPlay);
    case Chip::Starting:
    case Chip::Checking:
    case Chip::Loading:
        return themed("view-refresh", QStyle::SP_BrowserReload);
    case Chip::Unhealthy:
    case Chip::Exited:
        return themed("dialog-warning", QStyle::SP_MessageBoxWarning);
    case Chip::LoadFailed:
        return themed("dialog-error", QStyle::SP_MessageBoxCritical);
    case Chip::EngineUnreachable:
        return themed("network-offline", QStyle::SP_MessageBoxWarning);
    case Chip::Stopped:
        return themed("media-playback-stop", QStyle::SP_MediaStop);
    }
    return {};
}

QString ProjectListModel::portsText(const Core::ProjectSummary &project)
{
    QStringList ports;
    for (quint16 port : project.publishedPorts) {
        ports << QString::number(port);
    }
    return ports.join(QStringLiteral(", "));
}

ProjectListModel::Group ProjectListModel::rowGroup(int row) const
{
    const Core::ProjectSummary &p = m_rows.at(row);
    if (!p.twinOf.isEmpty()) {
        if (const int main = rowOf(p.twinOf); main >= 0 && main != row) {
            return groupOf(m_rows.at(main));
        }
    }
    return groupOf(p);
}

bool ProjectListModel::isTwinRow(int row) const
{
    if (row < 0 || row >= m_rows.size()) {
        return false;
    }
    const QString &main = m_rows.at(row).twinOf;
    return !main.isEmpty() && rowOf(main) >= 0;
}

int ProjectListModel::blockEnd(int row) const
{
    const QString &id = m_rows.at(row).id;
    int last = row;
    while (last + 1 < m_rows.size() && m_rows.at(last + 1).twinOf == id) {
        ++last;
    }
    return last;
}

int ProjectListModel::insertionRow(Group group) const
{
    int row = 0;
    while (row < m_rows.size() && rowGroup(row) <= group) {
        ++row;
    }
    return row;
}

int ProjectListModel::insertionRow(const Core::ProjectSummary &project) const
{
    if (!project.twinOf.isEmpty()) {
        if (const int main = rowOf(project.twinOf); main >= 0) {
            return blockEnd(main) + 1;
        }
    }
    return insertionRow(groupOf(project));
}

int ProjectListModel::place(int row)
{
    const bool twin = isTwinRow(row);
    if (twin) {
        // A twin already inside its main project's block keeps its place among the twins.
        const int main = rowOf(m_rows.at(row).twinOf);
        if (main < row && row <= blockEnd(main)) {
            return row;
        }
    }
    // The target as if the block were already gone, then in beginMoveRows' terms (rows moving
    // down name the row after the place they land in).
    const int last = twin ? row : blockEnd(row);
    const int count = last - row + 1;
    const QList<Core::ProjectSummary> block = m_rows.mid(row, count);
    m_rows.remove(row, count);
    const int target = insertionRow(block.constFirst());
    for (int i = 0; i < count; ++i) {
        m_rows.insert(row + i, block.at(i));
    }
    if (target == row) {
        return row;
    }
    beginMoveRows({}, row, last, {}, target > row ? target + count : target);
    m_rows.remove(row, count);
    for (int i = 0; i < count; ++i) {
        m_rows.insert(target + i, block.at(i));
    }
    endMoveRows();
    return target;
}

void ProjectListModel::settleTwins()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!m_rows.at(row).twinOf.isEmpty()) {
            place(row);
        }
    }
}

int ProjectListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

QString ProjectListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

QString ProjectListModel::label(int row) const
{
    const Core::ProjectSummary &p = m_rows.at(row);
    // A twin goes by its branch, whether its main project is listed or not (so the label does
    // not change under a view when that one comes or goes).
    if (!p.twinOf.isEmpty() && !p.branch.isEmpty()) {
        return p.branch;
    }
    // A remembered folder whose compose files were never read has no name yet: its folder's
    // name is what Compose would call it, and better than an empty row.
    return p.name.isEmpty() ? QDir(p.directory).dirName() : p.name;
}

QString ProjectListModel::accessibleText(int row) const
{
    const Core::ProjectSummary &p = m_rows.at(row);
    if (!isTwinRow(row)) {
        return tr("%1, %2").arg(label(row), chipText(p));
    }
    const Core::ProjectSummary &main = m_rows.at(rowOf(p.twinOf));
    return tr("%1 — twin of %2, %3").arg(label(row), main.name, chipText(p));
}

void ProjectListModel::changeRow(int row, const Core::ProjectSummary &project)
{
    if (m_rows.at(row) == project) {
        return;
    }
    const bool moves =
        groupOf(m_rows.at(row)) != groupOf(project) || m_rows.at(row).twinOf != project.twinOf;
    m_rows[row] = project;
    if (moves) {
        row = place(row);
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProjectListModel::updateProject(const Core::ProjectSummary &project)
{
    const int row = rowOf(project.id);
    if (row >= 0) {
        changeRow(row, project);
        return;
    }
    const int at = insertionRow(project);
    beginInsertRows({}, at, at);
    m_rows.insert(at, project);
    endInsertRows();
    settleTwins(); // twins that came before their main project go under it
}

void ProjectListModel::removeProject(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    settleTwins(); // its twins are rows of their own group now
}

void ProjectListModel::setProjects(const QList<Core::ProjectSummary> &projects)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < projects.size(); ++i) {
        incoming.insert(projects.at(i).id, i);
    }
    // Removals in contiguous runs from the bottom, so indexes above stay valid.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (incoming.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).id)) {
            --first;
        }
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    QSet<QString> present;
    for (const Core::ProjectSummary &row : std::as_const(m_rows)) {
        present.insert(row.id);
    }
    for (const QString &id : std::as_const(present)) {
        changeRow(rowOf(id), projects.at(incoming.value(id)));
    }
    // New rows: one insertion per group, at the end of that group; then each new twin of a
    // listed project under it.
    const auto underItsMain = [&](const Core::ProjectSummary &p) {
        return !p.twinOf.isEmpty() && p.twinOf != p.id && incoming.contains(p.twinOf);
    };
    for (Group group : {Group::Pinned, Group::Open, Group::Recent}) {
        QList<Core::ProjectSummary> added;
        for (const Core::ProjectSummary &p : projects) {
            if (!present.contains(p.id) && !underItsMain(p) && groupOf(p) == group) {
                added << p;
            }
        }
        if (added.isEmpty()) {
            continue;
        }
        const int at = insertionRow(group);
        beginInsertRows({}, at, at + int(added.size()) - 1);
        for (qsizetype i = 0; i < added.size(); ++i) {
            m_rows.insert(at + i, added.at(i));
        }
        endInsertRows();
    }
    for (const Core::ProjectSummary &p : projects) {
        if (!present.contains(p.id) && underItsMain(p)) {
            const int at = insertionRow(p);
            beginInsertRows({}, at, at);
            m_rows.insert(at, p);
            endInsertRows();
        }
    }
    settleTwins();
}

QModelIndex ProjectListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0
        || column >= ColumnCount) {
        return {};
    }
    return createIndex(row, column);
}

QModelIndex ProjectListModel::parent(const QModelIndex &) const
{
    return {};
}

int ProjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProjectListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::ProjectSummary &p = m_rows.at(index.row());
    const Chip chip = chipOf(p);
    switch (role) {
    case IdRole:
        return p.id;
    case GroupRole:
        return int(groupOf(p));
    case ChipRole:
        return int(chip);
    case ChipTextRole:
        return chipText(p);
    case ChipColorRole:
        return chipColor(chip);
    case PinnedRole:
        return p.pinned;
    case OpenRole:
        return p.open;
    case ActiveRole:
        return p.active;
    case DevModeRole:
        return p.devMode;
    case EngineRole:
        return p.engine;
    case BranchRole:
        return p.branch;
    case PortsRole: {
        QVariantList ports;
        for (quint16 port : p.publishedPorts) {
            ports << port;
        }
        return ports;
    }
    case DirectoryRole:
        return p.directory;
    case LoadErrorRole:
        return p.loadError;
    case TwinOfRole:
        return p.twinOf;
    case IsTwinRole:
        return isTwinRow(index.row());
    case ProjectNameRole:
        return p.name;
    case MainNameRole:
        return isTwinRow(index.row()) ? m_rows.at(rowOf(p.twinOf)).name : QString();
    default:
        break;
    }
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole) {
            return label(index.row());
        }
        if (role == Qt::AccessibleTextRole) {
            return accessibleText(index.row());
        }
        if (role == Qt::ToolTipRole || role == Qt::AccessibleDescriptionRole) {
            QString where = QDir::toNativeSeparators(p.directory);
            if (!p.files.isEmpty()) {
                where += QStringLiteral(" (-f %1)").arg(p.files.join(QStringLiteral(" -f ")));
            }
            if (isTwinRow(index.row())) {
                where = tr("Twin of %1: branch %2, project %3")
                            .arg(m_rows.at(rowOf(p.twinOf)).name, p.branch, p.name)
                        + QLatin1Char('\n') + where;
            }
            return QStringLiteral("%1\n%2").arg(where, statusDescription(p));
        }
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole) {
            return chipText(p);
        }
        if (role == Qt::DecorationRole) {
            return chipIcon(chip);
        }
        if (role == Qt::ForegroundRole) {
            return chipColor(chip);
        }
        if (role == Qt::ToolTipRole || role == Qt::AccessibleDescriptionRole) {
            return statusDescription(p);
        }
        break;
    case EngineColumn:
        if (role == Qt::DisplayRole) {
            return p.engine;
        }
        break;
    case BranchColumn:
        if (role == Qt::DisplayRole) {
            return p.branch;
        }
        break;
    case PortsColumn:
        if (role == Qt::DisplayRole) {
            return portsText(p);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ProjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Project");
    case StatusColumn:
        return tr("Status");
    case EngineColumn:
        return tr("Engine");
    case BranchColumn:
        return tr("Branch");
    case PortsColumn:
        return tr("Ports");
    default:
        return {};
    }
}

QHash<int, QByteArray> ProjectListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "projectId");
    names.insert(ChipTextRole, "chipText");
    names.insert(PinnedRole, "pinned");
    names.insert(DevModeRole, "devMode");
    return names;
}

} // namespace DevDock::Ui
