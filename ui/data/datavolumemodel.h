// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "data/volumeinventory.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace DevDock::Ui {

// A project's data, one row per volume or data bind mount (ProjectBackups::inventory): size,
// the services using it, how it is backed up (files, or a pg-dump of its database), the last
// backup and its age. Never backed up, or not for a week: the row is marked.
class DataVolumeModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { VolumeColumn, SizeColumn, ServicesColumn, KindColumn, LastBackupColumn,
                   AgeColumn, ColumnCount };
    enum Roles { KeyRole = Qt::UserRole + 1, StaleRole };
    // A backup older than this is "old".
    static constexpr qint64 StaleAfterSeconds = 7 * 24 * 3600;

    explicit DataVolumeModel(QObject *parent = nullptr);

    void setVolumes(const QList<Core::DataVolume> &volumes, const Core::ComposeProject &project);
    // The clock ages are told against (tests set it; invalid: now).
    void setNow(const QDateTime &now);
    const QList<Core::DataVolume> &volumes() const { return m_volumes; }
    int rowOf(const QString &key) const;
    // files or pg-dump: how a backup of `volume` is taken.
    static QString kindOf(const Core::DataVolume &volume);
    // A snapshot's kind tag as the view shows it ("files", "pg-dump"), in the user's language.
    static QString kindText(const QString &kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QDateTime now() const;
    bool isStale(const Core::DataVolume &volume) const;

    QList<Core::DataVolume> m_volumes;
    QDateTime m_now;
};

} // namespace DevDock::Ui
