// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "datavolumemodel.h"

#include "common/statepalette.h"

#include <QApplication>
#include <QLocale>
#include <QPalette>

namespace DevDock::Ui {

DataVolumeModel::DataVolumeModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DataVolumeModel::setVolumes(const QList<Core::DataVolume> &volumes,
                                 const Core::ComposeProject &project)
{
    Q_UNUSED(project)
    beginResetModel();
    m_volumes = volumes;
    endResetModel();
}

void DataVolumeModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_volumes.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

QDateTime DataVolumeModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

int DataVolumeModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_volumes.size(); ++i) {
        if (m_volumes.at(i).key == key) {
            return i;
        }
    }
    return -1;
}

QString DataVolumeModel::kindOf(const Core::DataVolume &volume)
{
    for (const Core::VolumeUser &user : volume.users) {
        if (user.database == Core::DatabaseKind::Postgres) {
            return kindText(QStringLiteral("pg-dump"));
        }
    }
    return kindText(QStringLiteral("files"));
}

QString DataVolumeModel::kindText(const QString &kind)
{
    if (kind == u"files") {
        return tr("files");
    }
    if (kind == u"pg-dump") {
        return tr("pg-dump");
    }
    return kind;
}

bool DataVolumeModel::isStale(const Core::DataVolume &volume) const
{
    return !volume.lastBackup
           || volume.lastBackup->time.secsTo(now()) > StaleAfterSeconds;
}

int DataVolumeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_volumes.size());
}

int DataVolumeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DataVolumeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::DataVolume &v = m_volumes.at(index.row());
    switch (role) {
    case KeyRole:
        return v.key;
    case StaleRole:
        return isStale(v);
    case Qt::ForegroundRole:
        if ((index.column() == LastBackupColumn || index.column() == AgeColumn) && isStale(v)) {
            // Never backed up: the failure colour; old: the warning one (words say which).
            return StatePalette::color(v.lastBackup ? StateKind::Starting : StateKind::Failed,
                                       QApplication::palette());
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == VolumeColumn) {
            return v.engineName.isEmpty() ? v.key : v.engineName;
        }
        if (index.column() == AgeColumn && isStale(v)) {
            return v.lastBackup ? tr("The last backup is more than a week old.")
                                : tr("This data was never backed up.");
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case VolumeColumn:
            return v.key;
        case SizeColumn:
            return v.exists ? (v.sizeBytes >= 0 ? QLocale().formattedDataSize(v.sizeBytes)
                                                : tr("unknown"))
                            : tr("not created");
        case ServicesColumn:
            return v.serviceNames().join(QStringLiteral(", "));
        case KindColumn:
            return kindOf(v);
        case LastBackupColumn:
            return v.lastBackup ? QLocale().toString(v.lastBackup->time.toLocalTime(),
                                                     QLocale::ShortFormat)
                                : tr("never");
        case AgeColumn: {
            if (!v.lastBackup) {
                return tr("never");
            }
            const qint64 secs = std::max<qint64>(0, v.lastBackup->time.secsTo(now()));
            if (secs < 60) {
                return tr("just now");
            }
            if (secs < 3600) {
                return tr("%n min ago", nullptr, int(secs / 60));
            }
            if (secs < 48 * 3600) {
                return tr("%n h ago", nullptr, int(secs / 3600));
            }
            return tr("%n days ago", nullptr, int(secs / 86400));
        }
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant DataVolumeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case VolumeColumn:
        return tr("Volume");
    case SizeColumn:
        return tr("Size");
    case ServicesColumn:
        return tr("Used by");
    case KindColumn:
        return tr("Kind");
    case LastBackupColumn:
        return tr("Last backup");
    case AgeColumn:
        return tr("Age");
    default:
        return {};
    }
}

} // namespace DevDock::Ui
