// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/enginetypes.h"

#include "keyedtablemodel.h"
#include <QList>

namespace DevDock::Ui {

// The engine's containers as a table. setContainers() applies a new snapshot as a diff — one
// batch of removals, one dataChanged per changed row, one batch of insertions — so views keep
// their selection and scroll position while the list updates live.
class ContainerListModel final : public KeyedTableModel<Core::ContainerSummary>
{
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        StateColumn,
        StatusColumn,
        ImageColumn,
        PortsColumn,
        IdColumn,
        ColumnCount
    };
    enum Roles { IdRole = Qt::UserRole + 1, StateRole, LabelsRole };

    explicit ContainerListModel(QObject *parent = nullptr);

    void setContainers(const QList<Core::ContainerSummary> &containers);
    const QList<Core::ContainerSummary> &containers() const { return m_rows; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString portsText(const QList<Core::PortBinding> &ports);

};

} // namespace DevDock::Ui
