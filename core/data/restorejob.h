// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/restoreplan.h"
#include "data/volumebackup.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>

namespace DevDock::Core {

class EngineClient;
class ResticRepository;

// Carries out a RestorePlan: a safety snapshot of the current state (ConsistentBackup, tagged
// reason=safety), the plan's services stopped (dependents first), the snapshot restored
// (VolumeRestoreJob or DatabaseJob), the services started again (dependencies first).
// A failure or cancel before the data is touched starts the stopped services again and changes
// nothing; after it, the services stay stopped (half-restored data is not served) and the error
// names the safety snapshot to go back to. Nothing ever removes the safety snapshot.
class RestoreJob final : public QObject
{
    Q_OBJECT
public:
    enum class Step { Safety, Stop, Restore, Start, Done };
    Q_ENUM(Step)

    // `tags`: project, branch and commit for the safety snapshot.
    RestoreJob(EngineClient *client, ResticRepository *repository, RestorePlan plan,
               SnapshotTags tags, QObject *parent = nullptr);
    void start();
    void cancel();

    const RestorePlan &plan() const { return m_plan; }
    Step step() const { return m_step; }
    // The safety snapshot's id once it is saved; empty before, or when none was needed.
    QString safetySnapshot() const { return m_safety; }

signals:
    void stepStarted(DevDock::Core::RestoreJob::Step step, const QString &description);
    void safetySnapshotSaved(const QString &snapshotId);
    void progressed(qint64 bytes);
    void finished(const DevDock::Core::Result<void> &result);

private:
    void takeSafetySnapshot();
    void stopNext(QStringList services);
    void restore();
    void startNext(QStringList services, Result<void> outcome);
    void enter(Step step, const QString &description);
    // Ends with `error`; `dataTouched`: the restore began changing the volume or database.
    void fail(Error error, bool dataTouched);
    void finish(Result<void> result);
    Error withWayBack(Error error) const;

    QPointer<EngineClient> m_client;
    QPointer<ResticRepository> m_repository;
    RestorePlan m_plan;
    SnapshotTags m_tags;
    Step m_step = Step::Safety;
    QString m_safety;
    QStringList m_stopped;
    QObject *m_child = nullptr; // the running VolumeRestoreJob or DatabaseJob
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace DevDock::Core
