// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/projectsummary.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QIcon>
#include <QList>

namespace DevDock::Ui {

// Every workspace project as a flat list: pinned first, then the open ones, then the recent and
// the discovered ones (arrival order inside each group). A twin (a branch's stack beside a
// project, ProjectSummary::twinOf) follows its main project as its child row, in its group; a
// flat list keeps Ctrl+1…9, Ctrl+Tab and the arrow keys one step per row. Fed by Workspace's
// summaries in batches: setProjects() applies a snapshot as a diff, updateProject()/removeProject()
// touch one row (a row that changes group moves; nothing ever resets), so views keep selection and
// scroll.
class ProjectListModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, EngineColumn, BranchColumn, PortsColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        GroupRole,     // Group, as int
        ChipRole,      // Chip, as int
        ChipTextRole,  // the chip's words ("3/10 up")
        ChipColorRole, // QColor
        PinnedRole,
        OpenRole,
        ActiveRole,
        DevModeRole,
        EngineRole,
        BranchRole,
        PortsRole, // QList<quint16> as QVariantList
        DirectoryRole,
        LoadErrorRole,
        TwinOfRole,      // the id of the project this row is a twin of (empty: none)
        IsTwinRole,      // shown as a child row under its main project (that one is listed)
        MainNameRole,    // the main project's name, for a twin row
        ProjectNameRole, // the Compose project name (a twin's label is its branch)
    };
    Q_ENUM(Role)
    enum class Group { Pinned, Open, Recent };
    // The one state a project's chip tells, in colour, icon and words.
    enum class Chip {
        Loading,
        LoadFailed,
        EngineUnreachable,
        Checking, // the engine's first listing is not in yet
        Unhealthy,
        Exited, // exited unexpectedly
        Starting,
        Up,      // every service running
        Partial, // some running, none failing (a deliberate partial stop is no failure)
        Stopped,
    };

    explicit ProjectListModel(QObject *parent = nullptr);

    void setProjects(const QList<Core::ProjectSummary> &projects);
    // Adds the project or replaces its row (moving it when its group changed).
    void updateProject(const Core::ProjectSummary &project);
    void removeProject(const QString &id);

    int rowOf(const QString &id) const;
    QString idAt(int row) const;
    const Core::ProjectSummary &summaryAt(int row) const { return m_rows.at(row); }
    QList<Core::ProjectSummary> projects() const { return m_rows; }

    static Group groupOf(const Core::ProjectSummary &project);
    static Chip chipOf(const Core::ProjectSummary &project);
    static QString chipText(const Core::ProjectSummary &project);
    // What the chip means in a sentence (tooltip, accessible description).
    static QString statusDescription(const Core::ProjectSummary &project);
    static QColor chipColor(Chip chip);
    static QIcon chipIcon(Chip chip);
    static QString portsText(const Core::ProjectSummary &project);
    // The row's label: a twin under its main project goes by its branch.
    QString label(int row) const;
    // "feature-x — twin of demo, 3/3 up": what a screen reader says for the row.
    QString accessibleText(int row) const;
    bool isTwinRow(int row) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // Where a new row of `group` goes: after the last row of its group or any earlier group.
    int insertionRow(Group group) const;
    // Where `project` goes: a twin after its main project's block, any other by its group.
    int insertionRow(const Core::ProjectSummary &project) const;
    // The group a row sorts in: a twin's is its main project's.
    Group rowGroup(int row) const;
    // The last row of the block `row` heads: itself and the twin rows that follow it.
    int blockEnd(int row) const;
    // Moves the row (with its twins) where it belongs; returns its row afterwards.
    int place(int row);
    // Twins whose main project came or went.
    void settleTwins();
    void changeRow(int row, const Core::ProjectSummary &project);

    QList<Core::ProjectSummary> m_rows;
};

} // namespace DevDock::Ui
