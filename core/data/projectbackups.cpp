// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectbackups.h"

#include "data/pauseledger.h"

#include "data/backuprepository.h"
#include "data/consistentbackup.h"
#include "engine/engineclient.h"
#include "util/settingsfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QUrl>

#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcBackups, "devdock.data.backups")

namespace DevDock::Core {

namespace {

QString settingsGroup(const QString &projectKey)
{
    return projectSettingsGroup(QStringLiteral("backups"), projectKey);
}

const std::pair<const char *, int RetentionPolicy::*> kKeeps[] = {
    {"keepLast", &RetentionPolicy::last},       {"keepHourly", &RetentionPolicy::hourly},
    {"keepDaily", &RetentionPolicy::daily},     {"keepWeekly", &RetentionPolicy::weekly},
    {"keepMonthly", &RetentionPolicy::monthly}, {"keepYearly", &RetentionPolicy::yearly},
};

} // namespace

BackupSettings BackupSettings::load(QSettings &settings, const QString &projectKey)
{
    BackupSettings s;
    settings.beginGroup(settingsGroup(projectKey));
    s.everyHours = std::max(0, settings.value(QStringLiteral("everyHours"), 0).toInt());
    s.branchCheckpoints = settings.value(QStringLiteral("branchCheckpoints"), false).toBool();
    s.stopOthers = settings.value(QStringLiteral("stopOthers"), false).toBool();
    for (const auto &[key, member] : kKeeps) {
        s.retention.*member = std::max(0, settings.value(QString::fromLatin1(key), 0).toInt());
    }
    settings.endGroup();
    return s;
}

void BackupSettings::save(QSettings &settings, const QString &projectKey) const
{
    settings.beginGroup(settingsGroup(projectKey));
    settings.setValue(QStringLiteral("everyHours"), everyHours);
    settings.setValue(QStringLiteral("branchCheckpoints"), branchCheckpoints);
    settings.setValue(QStringLiteral("stopOthers"), stopOthers);
    for (const auto &[key, member] : kKeeps) {
        settings.setValue(QString::fromLatin1(key), retention.*member);
    }
    settings.endGroup();
}

ProjectBackups::ProjectBackups(EngineClient *client, ResticRepository *repository, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
{
    m_schedule.setSingleShot(true);
    m_schedule.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_schedule, &QTimer::timeout, this, &ProjectBackups::onScheduleDue);
}

ProjectBackups::ProjectBackups(EngineClient *client, BackupRepository *source, QObject *parent)
    : ProjectBackups(client, static_cast<ResticRepository *>(nullptr), parent)
{
    m_source = source;
    if (source) {
        // Backups go somewhere else now: what was read of the old repository is forgotten.
        connect(source, &BackupRepository::relocated, this, [this] {
            if (m_busy) {
                m_relocatePending = true; // the backup under way ends on the repository it began on
                return;
            }
            applyRelocation();
        });
    }
}

ProjectBackups::~ProjectBackups() = default;

void ProjectBackups::forgetRepository()
{
    m_relocatePending = false;
    ++m_relocations; // answers still coming from the old repository are dropped
    m_repository = nullptr;
    m_sizes.clear();
    m_readingSizes = false;
    m_snapshots.clear();
}

void ProjectBackups::applyRelocation()
{
    forgetRepository();
    refresh();
}

EngineClient *ProjectBackups::client() const
{
    return m_client;
}

void ProjectBackups::setProject(const ComposeProject &project)
{
    m_project = project;
}

void ProjectBackups::readSizes()
{
    if (m_readingSizes || !m_repository) {
        return;
    }
    // Newest first: the ones a user looks at first.
    for (auto it = m_snapshots.crbegin(); it != m_snapshots.crend(); ++it) {
        if (m_sizes.contains(it->id)) {
            continue;
        }
        m_readingSizes = true;
        m_repository->snapshotSize(it->id, this, [this, id = it->id, generation = m_relocations](Result<qint64> size) {
            if (generation != m_relocations) {
                return; // the old repository's answer
            }
            m_readingSizes = false;
            if (!size) {
                return; // a forgotten snapshot or a busy repository: the next refresh asks again
            }
            m_sizes.insert(id, *size);
            if (m_repository) {
                m_repository->rememberSize(id, *size);
            }
            emit snapshotSizesChanged();
            readSizes();
        });
        return;
    }
}

void ProjectBackups::setSettings(const BackupSettings &settings)
{
    m_settings = settings;
    reschedule();
}

void ProjectBackups::setIntervalOverride(std::chrono::milliseconds interval)
{
    m_intervalOverride = interval;
    reschedule();
}

std::chrono::milliseconds ProjectBackups::interval() const
{
    if (m_settings.everyHours <= 0) {
        return std::chrono::milliseconds{0};
    }
    return m_intervalOverride.count() > 0 ? m_intervalOverride
                                          : std::chrono::hours(m_settings.everyHours);
}

QDateTime ProjectBackups::nextScheduled() const
{
    if (!m_schedule.isActive()) {
        return {};
    }
    return QDateTime::currentDateTimeUtc().addMSecs(m_schedule.remainingTime());
}

void ProjectBackups::reschedule()
{
    const auto every = interval();
    if (every.count() == 0) {
        m_schedule.stop();
        emit scheduleChanged({});
        return;
    }
    // Due one period after the newest snapshot of the project (any kind, any reason): a backup
    // taken by hand counts, and a DevDock started after a long pause backs up soon.
    qint64 due = every.count();
    const auto newest = std::max_element(
        m_snapshots.cbegin(), m_snapshots.cend(),
        [](const ResticSnapshot &a, const ResticSnapshot &b) { return a.time < b.time; });
    // A backup whose volumes were all unchanged writes no snapshot: it counts from when it ran,
    // or the timer would fire again at once, for ever.
    QDateTime last = m_lastRunAt;
    if (newest != m_snapshots.cend() && (!last.isValid() || newest->time > last)) {
        last = newest->time;
    }
    if (last.isValid()) {
        const qint64 since = last.msecsTo(QDateTime::currentDateTimeUtc());
        due = std::clamp<qint64>(every.count() - since, 0, every.count());
    }
    m_schedule.start(std::chrono::milliseconds(due));
    emit scheduleChanged(nextScheduled());
}

void ProjectBackups::onScheduleDue()
{
    if (m_busy) {
        reschedule(); // the backup under way ends with a reschedule anyway
        return;
    }
    refreshThen([this](Result<void> r) {
        if (!r) {
            qCWarning(lcBackups) << "scheduled backup:" << r.error().toString();
            m_schedule.start(interval());
            return;
        }
        if (m_running.isEmpty()) {
            // Only while the stack runs: a stopped stack changes nothing. Asked again a period on.
            m_schedule.start(interval());
            emit scheduleChanged(nextScheduled());
            return;
        }
        SnapshotTags tags;
        tags.reason = QStringLiteral("scheduled");
        backup({}, tags);
    });
}

SnapshotTags ProjectBackups::baseTags() const
{
    return m_base;
}

void ProjectBackups::refresh()
{
    // Reading creates nothing: before the first backup every volume is "never backed up".
    const bool create = false;
    refreshThen(
        [this](Result<void> r) {
            if (!r) {
                emit refreshFailed(r.error());
                return;
            }
            if (interval().count() > 0 && !m_busy) {
                reschedule(); // a newer snapshot (taken elsewhere) moves the next one
            }
        },
        create);
}

void ProjectBackups::refreshThen(std::function<void(Result<void>)> then, bool create)
{
    // No repository yet (none was ever made here): nothing is backed up, and reading that
    // creates nothing; the repository (and its keychain password) comes with the first backup.
    const bool noneYet = !create && !m_repository && m_source && !m_source->mayHoldBackups();
    if (m_client && !m_repository && m_source && !noneYet) {
        m_source->open(this, [this, then](Result<ResticRepository *> repository) {
            if (!repository) {
                then(std::unexpected(repository.error()));
                return;
            }
            m_repository = *repository;
            refreshThen(then, true);
        });
        return;
    }
    if (!m_client || (!m_repository && !noneYet)) {
        then(
            makeError(Error::Code::Unsupported, QStringLiteral("No engine or backup repository.")));
        return;
    }
    // Containers a killed DevDock left paused run again first (PauseLedger); then df, the
    // snapshots, the containers and git: each step only when the one before it worked. The
    // inventory changes once, at the end.
    if (!m_orphansChecked) {
        m_orphansChecked = true;
        PauseLedger::unpauseOrphans(m_client, this, [this, then, create] { refreshThen(then, create); });
        return;
    }
    readDiskUsage(m_client, this, [this, then, generation = m_relocations](Result<QJsonObject> dfAnswer) {
        if (!dfAnswer) {
            then(std::unexpected(dfAnswer.error()));
            return;
        }
        const QJsonObject dfJson = *dfAnswer;
        const QString projectTag = QStringLiteral("project=") + SnapshotTags::clean(m_project.name);
        auto listSnapshots = [this, projectTag](auto answer) {
            if (m_repository) {
                m_repository->snapshots({projectTag}, this, answer);
            } else {
                answer(Result<QList<ResticSnapshot>>(QList<ResticSnapshot>{}));
            }
        };
        listSnapshots([this, then, dfJson, generation](Result<QList<ResticSnapshot>> list) {
                if (!list) {
                    then(std::unexpected(list.error()));
                    return;
                }
                ContainerListOptions options;
                options.filters.insert(
                    QStringLiteral("label"),
                    {QStringLiteral("com.docker.compose.project=") + m_project.name});
                m_client->listContainers(
                    options, this,
                    [this, then, dfJson, generation,
                     snapshots = *list](Result<QList<ContainerSummary>> containers) {
                        if (!containers) {
                            then(std::unexpected(containers.error()));
                            return;
                        }
                        QHash<QString, QString> running;
                        QHash<QString, QString> images;
                        for (const ContainerSummary &c : *containers) {
                            const QString service =
                                c.labels.value(QStringLiteral("com.docker.compose.service"));
                            if (c.state == QLatin1String("running")) {
                                running.insert(service, c.id);
                            }
                            images.insert(service, c.imageId);
                        }
                        auto *git = new QProcess(this);
                        git->setWorkingDirectory(m_project.workingDirectory);
                        // "<short commit>\t<refs>", refs like "HEAD -> main, origin/main"; empty
                        // without git or a repository.
                        auto complete = [=, this](const QString &out) {
                            git->deleteLater();
                            SnapshotTags base;
                            base.project = m_project.name;
                            base.gitCommit = out.section(QLatin1Char('\t'), 0, 0);
                            const QString refs = out.section(QLatin1Char('\t'), 1);
                            const qsizetype arrow = refs.indexOf(QLatin1String("HEAD -> "));
                            base.gitBranch =
                                arrow >= 0
                                    ? refs.mid(arrow + 8).section(QLatin1Char(','), 0, 0).trimmed()
                                    : (base.gitCommit.isEmpty() ? QString()
                                                                : QStringLiteral("HEAD"));
                            if (generation != m_relocations) {
                                then({}); // read from the old repository: the refresh after the move tells
                                return;
                            }
                            m_base = base;
                            m_snapshots = snapshots;
                            m_running = running;
                            m_containerImages = images;
                            m_inventory = volumeInventory(m_project, dfJson, m_snapshots);
                            if (m_repository && m_sizes.isEmpty()) {
                                m_sizes = m_repository->cachedSizes();
                            }
                            emit refreshed();
                            then({});
                            readSizes();
                        };
                        connect(
                            git, &QProcess::finished, this,
                            [git, complete](int code, QProcess::ExitStatus status) {
                                complete(
                                    status == QProcess::NormalExit && code == 0
                                        ? QString::fromUtf8(git->readAllStandardOutput()).trimmed()
                                        : QString());
                            });
                        connect(git, &QProcess::errorOccurred, this,
                                [complete](QProcess::ProcessError e) {
                                    if (e == QProcess::FailedToStart) {
                                        complete({});
                                    }
                                });
                        git->start(QStringLiteral("git"),
                                   {QStringLiteral("log"), QStringLiteral("-1"),
                                    QStringLiteral("--format=%h%x09%D")});
                    });
            });
    });
}

void ProjectBackups::backup(const QStringList &volumeKeys, const SnapshotTags &tags)
{
    if (m_busy) {
        emit backupFinished(
            makeError(Error::Code::Conflict,
                      QStringLiteral("A backup of %1 is under way.").arg(m_project.name),
                      QStringLiteral("Wait for it to finish, or cancel it.")));
        return;
    }
    m_busy = true;
    ++m_serial;
    m_cancelled = false;
    m_ids.clear();
    refreshThen([this, volumeKeys, tags](Result<void> r) {
        if (!r) {
            endBackup(std::unexpected(r.error()));
            return;
        }
        for (const QString &key : volumeKeys) {
            if (std::none_of(m_inventory.cbegin(), m_inventory.cend(),
                             [&](const DataVolume &v) { return v.key == key; })) {
                endBackup(makeError(
                    Error::Code::InvalidArgument,
                    QStringLiteral("%1 is no volume of %2.").arg(key, m_project.name),
                    QStringLiteral("Refresh the Data view; the compose files may have changed.")));
                return;
            }
        }
        m_queue.clear();
        m_totalBytes = 0;
        m_doneBytes = 0;
        for (const DataVolume &v : std::as_const(m_inventory)) {
            if (v.exists && (volumeKeys.isEmpty() || volumeKeys.contains(v.key))) {
                m_queue << v;
                m_totalBytes += std::max<qint64>(0, v.sizeBytes);
            }
        }
        m_tags = m_base;
        m_tags.checkpoint = tags.checkpoint;
        m_tags.reason = tags.reason;
        // A branch's checkpoint goes with every backup on it, unless one is named.
        m_branchCheckpoint = m_settings.branchCheckpoints && tags.checkpoint.isEmpty()
                             && !m_base.gitBranch.isEmpty();
        if (m_branchCheckpoint) {
            m_tags.checkpoint = branchCheckpoint(m_base.gitBranch);
        }
        QStringList keys;
        for (const DataVolume &v : std::as_const(m_queue)) {
            keys << v.key;
        }
        emit backupStarted(keys, m_totalBytes);
        backupNext();
    });
}

void ProjectBackups::backupNext()
{
    if (m_cancelled) {
        endBackup(makeError(Error::Code::Cancelled,
                            QStringLiteral("Backup of %1 cancelled.").arg(m_project.name)));
        return;
    }
    if (m_queue.isEmpty()) {
        applyRetention([this] { endBackup(m_ids); });
        return;
    }
    const DataVolume volume = m_queue.takeFirst();
    SnapshotTags tags = m_tags;
    tags.volume = volume.key;
    tags.service = volume.serviceNames().value(0);
    m_current = new ConsistentBackup(m_client, m_repository, volume, m_running,
                                     volume.helperImage(m_project), tags, this);
    m_current->setStopOthers(m_settings.stopOthers);
    connect(m_current, &ConsistentBackup::progressed, this, [this, key = volume.key](qint64 bytes) {
        emit progressed(key, bytes, m_doneBytes + bytes, m_totalBytes);
    });
    connect(m_current, &ConsistentBackup::finished, this, [this, volume](const Result<QString> &r) {
        ConsistentBackup *job = m_current;
        m_current = nullptr;
        job->deleteLater();
        if (!r) {
            endBackup(std::unexpected(r.error()));
            return;
        }
        m_doneBytes += std::max<qint64>(0, volume.sizeBytes);
        m_ids << *r;
        emit volumeBackedUp(volume.key, *r, job->unchanged());
        backupNext();
    });
    m_current->start();
}

void ProjectBackups::applyRetention(std::function<void()> then)
{
    if (!m_repository) {
        then();
        return;
    }
    const QString projectTag = QStringLiteral("project=") + SnapshotTags::clean(m_project.name);
    // Each forget: a policy over the snapshots with all of some tags.
    QList<std::pair<RetentionPolicy, QStringList>> steps;
    if (!m_settings.retention.isEmpty()) {
        // Per project; checkpoints are named by the user and stay whatever their age.
        RetentionPolicy policy = m_settings.retention;
        for (const ResticSnapshot &s : std::as_const(m_snapshots)) {
            const QString name = s.tag(QStringLiteral("checkpoint"));
            if (!name.isEmpty() && !policy.keepTags.contains(QStringLiteral("checkpoint=") + name)) {
                policy.keepTags << QStringLiteral("checkpoint=") + name;
            }
        }
        if (!m_tags.checkpoint.isEmpty()) {
            policy.keepTags << QStringLiteral("checkpoint=") + SnapshotTags::clean(m_tags.checkpoint);
        }
        // A restore's safety snapshot is the way back from it: never aged out.
        policy.keepTags << QStringLiteral("reason=safety");
        steps.append({policy, {projectTag}});
    }
    if (m_branchCheckpoint) {
        // The branch's checkpoint is its newest data: the one just taken, per volume.
        RetentionPolicy newest;
        newest.last = 1;
        steps.append({newest,
                      {projectTag,
                       QStringLiteral("checkpoint=") + SnapshotTags::clean(m_tags.checkpoint)}});
    }
    if (steps.isEmpty()) {
        then();
        return;
    }
    auto total = std::make_shared<ForgetOutcome>();
    // Step by step: each forget's answer runs the next one (holding it; the step holds only a
    // weak pointer to itself, so nothing is left once the last answer came).
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    std::weak_ptr<std::function<void(qsizetype)>> weak = next;
    *next = [this, steps, total, weak, then](qsizetype at) {
        if (at == steps.size()) {
            if (total->removed.isEmpty()) {
                emit retentionApplied(*total);
                then();
                return;
            }
            m_repository->prune(this, [this, then, total](Result<void> pruned) {
                emit retentionApplied(pruned ? Result<ForgetOutcome>(*total)
                                             : Result<ForgetOutcome>(std::unexpected(pruned.error())));
                then();
            });
            return;
        }
        const auto &[policy, tags] = steps.at(at);
        m_repository->forget(policy, tags, false, this,
                             [this, at, total, self = weak.lock(), then](Result<ForgetOutcome> outcome) {
                                 if (!outcome) {
                                     // A failed forget loses nothing: the backup stands; it is
                                     // said, not made the backup's failure.
                                     emit retentionApplied(outcome);
                                     then();
                                     return;
                                 }
                                 total->kept << outcome->kept;
                                 total->removed << outcome->removed;
                                 (*self)(at + 1);
                             });
    };
    (*next)(0);
}

QString ProjectBackups::branchCheckpoint(const QString &branch)
{
    return QStringLiteral("branch-") + SnapshotTags::clean(branch);
}

void ProjectBackups::endBackup(Result<QStringList> result)
{
    m_busy = false;
    m_queue.clear();
    m_lastRunAt = QDateTime::currentDateTimeUtc();
    const quint64 serial = m_serial;
    if (m_relocatePending) {
        forgetRepository(); // backups go elsewhere now; this one's are in the old repository
    }
    // The inventory shows the new snapshots; the schedule counts from this backup.
    refreshThen([this, result, serial](Result<void>) {
        reschedule();
        m_finishedSerial = serial;
        emit backupFinished(result);
    });
}

void ProjectBackups::cancel()
{
    if (!m_busy) {
        return;
    }
    m_cancelled = true;
    if (m_current) {
        m_current->cancel();
    }
}

void ProjectBackups::backupBeforeRecreate(const QStringList &services, bool rebuild,
                                          QObject *context, std::function<void(Result<void>)> done)
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, hadContext = context != nullptr, done](Result<void> r) {
        if (hadContext && !guard) {
            return;
        }
        done(std::move(r));
    };
    // Which database services have a container with another image is the engine's to say; the
    // repository is only opened (and the keychain asked) when one has.
    readContainerImages([this, services, rebuild, deliver](Result<void> r) {
        if (!r) {
            // An engine that cannot list containers cannot recreate them either: the action
            // goes on and fails with the engine's own words.
            qCWarning(lcBackups) << "before recreate:" << r.error().toString();
            deliver({});
            return;
        }
        QStringList databases;
        const QStringList affected = services.isEmpty() ? m_project.startOrder() : services;
        for (const QString &name : affected) {
            const ComposeService *service = m_project.service(name);
            if (!service || databaseKind(*service) == DatabaseKind::None
                || !m_containerImages.contains(name)) {
                continue; // no database, or no container yet: nothing to lose
            }
            databases << name;
        }
        if (databases.isEmpty()) {
            deliver({});
            return;
        }
        checkImages(databases, {}, rebuild, [this, deliver](Result<QStringList> changed) {
            if (!changed || changed->isEmpty()) {
                deliver(changed ? Result<void>{} : std::unexpected(changed.error()));
                return;
            }
            refreshThen([this, changed = *changed, deliver](Result<void> refreshed) {
                if (!refreshed) {
                    Error e = refreshed.error();
                    e.message = QStringLiteral("No backup could be made before recreating %1, so "
                                               "it was not recreated: ")
                                    .arg(changed.join(QStringLiteral(", ")))
                                + e.message;
                    deliver(std::unexpected(e));
                    return;
                }
                backupUsersOf(changed, deliver);
            });
        });
    });
}

void ProjectBackups::readContainerImages(std::function<void(Result<void>)> then)
{
    if (!m_client) {
        then(makeError(Error::Code::Unsupported, QStringLiteral("No engine.")));
        return;
    }
    ContainerListOptions options;
    options.all = true;
    options.filters.insert(QStringLiteral("label"),
                           {QStringLiteral("com.docker.compose.project=") + m_project.name});
    m_client->listContainers(options, this,
                             [this, then](Result<QList<ContainerSummary>> containers) {
                                 if (!containers) {
                                     then(std::unexpected(containers.error()));
                                     return;
                                 }
                                 m_containerImages.clear();
                                 for (const ContainerSummary &c : *containers) {
                                     m_containerImages.insert(
                                         c.labels.value(QStringLiteral("com.docker.compose.service")),
                                         c.imageId);
                                 }
                                 then({});
                             });
}

StackController::ActionGate ProjectBackups::dataGate()
{
    QPointer<ProjectBackups> self(this);
    return [self](const StackAction &action, std::function<void(Result<void>)> proceed) {
        const bool rebuild = action.kind == StackAction::Kind::Rebuild;
        if (self && action.kind == StackAction::Kind::Down && action.removeVolumes
            && action.backUpVolumes) {
            self->backupBeforeDown(self, std::move(proceed));
            return;
        }
        if (!self || (action.kind != StackAction::Kind::Up && !rebuild)) {
            proceed({});
            return;
        }
        self->backupBeforeRecreate(action.services, rebuild || action.up.build, self,
                                   std::move(proceed));
    };
}

void ProjectBackups::checkImages(QStringList pending, QStringList changed, bool rebuild,
                                 std::function<void(Result<QStringList>)> done)
{
    if (pending.isEmpty()) {
        done(changed);
        return;
    }
    const QString name = pending.takeFirst();
    const ComposeService *service = m_project.service(name);
    if (rebuild || service->image.isEmpty()) {
        changed << name; // built anew: another image, whatever the engine has now
        checkImages(pending, changed, rebuild, std::move(done));
        return;
    }
    HttpRequest request;
    request.target = "/images/" + QUrl::toPercentEncoding(service->image) + "/json";
    m_client->call(request, this, [=, this](Result<EngineClient::Response> image) mutable {
        const QString id = image ? QJsonDocument::fromJson(image->body)
                                       .object()
                                       .value(QStringLiteral("Id"))
                                       .toString()
                                 : QString();
        // Not on the engine yet (up pulls it): another image too.
        if (id.isEmpty() || id != m_containerImages.value(name)) {
            changed << name;
        }
        checkImages(pending, changed, rebuild, std::move(done));
    });
}

void ProjectBackups::backupUsersOf(const QStringList &services,
                                   std::function<void(Result<void>)> done)
{
    QStringList volumes;
    for (const DataVolume &v : std::as_const(m_inventory)) {
        const QStringList users = v.serviceNames();
        if (v.exists && std::any_of(services.cbegin(), services.cend(), [&](const QString &s) {
                return users.contains(s);
            })) {
            volumes << v.key;
        }
    }
    backupThen(volumes, QStringLiteral("before-recreate"),
               QStringLiteral("The backup before recreating the database failed, so it was not "
                              "recreated: "),
               std::move(done));
}

void ProjectBackups::backupBeforeDown(QObject *context, std::function<void(Result<void>)> done)
{
    QPointer<QObject> guard(context);
    const QString prefix = QStringLiteral("down --volumes did not run: the backup before it "
                                          "failed: ");
    // Every refusal says that nothing went, and how to go on (the cause's own hint first).
    auto deliver = [guard, hadContext = context != nullptr, done, prefix](Result<void> r) {
        if (hadContext && !guard) {
            return;
        }
        if (!r) {
            Error e = r.error();
            if (!e.message.startsWith(prefix)) {
                e.message = prefix + e.message;
            }
            const QString next = QStringLiteral("Nothing was removed. Fix the cause, or remove "
                                                "the volumes with devdockctl down --volumes "
                                                "--no-backup.");
            e.hint = e.hint.isEmpty() ? next : e.hint + QLatin1Char(' ') + next;
            r = std::unexpected(e);
        }
        done(std::move(r));
    };
    // Read-only first: which volumes exist is the engine's to say; the repository (and the
    // keychain) only when one does.
    refreshThen(
        [this, deliver, prefix](Result<void> r) {
            if (!r) {
                deliver(std::move(r));
                return;
            }
            QStringList volumes;
            for (const DataVolume &v : std::as_const(m_inventory)) {
                if (v.kind == DataMount::Kind::Volume && v.exists) {
                    volumes << v.key;
                }
            }
            backupThen(volumes, QStringLiteral("before-down"), prefix, deliver);
        },
        false);
}

void ProjectBackups::backupThen(const QStringList &volumes, const QString &reason,
                                const QString &failurePrefix,
                                std::function<void(Result<void>)> done)
{
    if (volumes.isEmpty()) {
        done({});
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    if (m_busy) {
        // A backup (scheduled, or by hand) is under way: this one follows it, not fails.
        *connection = connect(
            this, &ProjectBackups::backupFinished, this,
            [this, connection, volumes, reason, failurePrefix, done](const Result<QStringList> &) {
                disconnect(*connection);
                backupThen(volumes, reason, failurePrefix, done);
            });
        return;
    }
    SnapshotTags tags;
    tags.reason = reason;
    backup(volumes, tags);
    // Only this backup's end answers (another caller's refusal comes on the same signal).
    const quint64 mine = m_serial;
    *connection = connect(this, &ProjectBackups::backupFinished, this,
                          [this, connection, mine, failurePrefix,
                           done](const Result<QStringList> &ids) {
                              if (m_finishedSerial != mine) {
                                  return;
                              }
                              disconnect(*connection);
                              if (!ids) {
                                  Error e = ids.error();
                                  e.message = failurePrefix + e.message;
                                  done(std::unexpected(e));
                                  return;
                              }
                              done({});
                          });
}

} // namespace DevDock::Core
