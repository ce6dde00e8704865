// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace DevDock::Ui {

// A table over value rows with a key (container id, service name). replaceRows() applies a new
// snapshot as a diff — removals in contiguous runs from the bottom, one dataChanged per changed
// row, insertions in one batch at the end — so views keep selection and scroll position while
// the data updates live.
template <typename Row>
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

protected:
    template <typename KeyOf>
    void replaceRows(const QList<Row> &rows, KeyOf keyOf, int columns)
    {
        QHash<QString, qsizetype> incoming;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            incoming.insert(keyOf(rows.at(i)), i);
        }
        for (qsizetype row = m_rows.size() - 1; row >= 0;) {
            if (incoming.contains(keyOf(m_rows.at(row)))) {
                --row;
                continue;
            }
            qsizetype first = row;
            while (first > 0 && !incoming.contains(keyOf(m_rows.at(first - 1)))) {
                --first;
            }
            this->beginRemoveRows({}, int(first), int(row));
            m_rows.remove(first, row - first + 1);
            this->endRemoveRows();
            row = first - 1;
        }
        QSet<QString> present;
        for (qsizetype row = 0; row < m_rows.size(); ++row) {
            const Row &next = rows.at(incoming.value(keyOf(m_rows.at(row))));
            present.insert(keyOf(next));
            if (!(m_rows.at(row) == next)) {
                m_rows[row] = next;
                emit this->dataChanged(this->index(int(row), 0),
                                       this->index(int(row), columns - 1));
            }
        }
        QList<Row> added;
        for (const Row &r : rows) {
            if (!present.contains(keyOf(r))) {
                added.append(r);
            }
        }
        if (!added.isEmpty()) {
            const int first = int(m_rows.size());
            this->beginInsertRows({}, first, first + int(added.size()) - 1);
            m_rows.append(added);
            this->endInsertRows();
        }
    }

    QList<Row> m_rows;
};

} // namespace DevDock::Ui
