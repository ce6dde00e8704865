// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A ProjectRuntime's data (issue 16): its ProjectBackups opens the same repository devdockctl
// does (DEVDOCK_BACKUP_REPOSITORY, password in the keychain), its controller backs up a database
// service before recreating it with a new image, and so does `devdockctl up`; a schedule set
// for the project backs up while the stack runs. Real engine, compose CLI, restic, keychain and
// PostgreSQL 15.
#undef QT_USE_QSTRINGBUILDER

#include "../common/composetest.h"
#include "../common/datatest.h"
#include "../common/dockertest.h"
#include "../common/smalldisk.h"

#include "data/backuprepository.h"
#include "data/projectbackups.h"
#include "data/resticrepository.h"
#include "engine/engineclient.h"
#include "stack/stackcontroller.h"
#include "workspace/projectruntime.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-rtbackups");
const QString kLabel = QStringLiteral("devdock.test.rtbackups=1");
const QString kPgImage = QStringLiteral("devdock-it-rtbackups/pg");

QByteArray composeYaml(int pgTag)
{
    return QStringLiteral(R"(name: %1
services:
  db:
    image: %2:%3
    labels: [%4]
    environment: {POSTGRES_PASSWORD: "rt-test", POSTGRES_DB: app}
    volumes: [pgdata:/var/lib/postgresql/data]
    healthcheck: {test: ["CMD-SHELL", "pg_isready -U postgres -d app"], interval: 1s, timeout: 5s, retries: 60}
  app:
    image: %5
    labels: [%4]
    command: ["sleep", "3600"]
    stop_grace_period: 1s
    volumes: [files:/files]
volumes:
  pgdata: {}
  files: {}
)")
        .arg(kProject, kPgImage)
        .arg(pgTag)
        .arg(kLabel, kTestImage)
        .toUtf8();
}

} // namespace

class TestRuntimeBackups : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void inventory_beforeAnyBackup_everyVolumeNever_noRepositoryMade();
    void runtime_databaseRecreatedWithNewImage_backedUpFirst();
    void devdockctlUp_databaseRecreatedWithNewImage_backedUpFirst();
    void runtime_scheduleOffByDefault_configured_backsUpWhileRunning();
    // Last: it removes the project's volumes.
    void runtimeDownVolumes_fullDisk_removesNothing_thenBacksUpEveryVolumeFirst();

private:
    Run compose(const QStringList &args, int timeoutMs = 180000);
    QList<ResticSnapshot> snapshots(const QStringList &tags);
    bool openRuntime(ProjectRuntime &runtime);
    QDateTime dbCreated();

    QTemporaryDir m_dir;
    QString m_projectDir;
    QString m_repo;
    std::unique_ptr<EngineClient> m_client;
    BackupRepository *m_backupRepository = nullptr;
};

void TestRuntimeBackups::initTestCase()
{
    QVERIFY(m_dir.isValid());
    DEVDOCK_REQUIRE_RESTIC();
    // The schedule is a per-project setting: in a scratch settings folder.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    if (!engineAvailable()) {
        return;
    }
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    QVERIFY2(ensurePostgresImage(&error), qPrintable(error));
    QVERIFY2(buildPostgresVariants(kPgImage, {1, 2}, &error), qPrintable(error));
    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    m_client = std::make_unique<EngineClient>(*endpoint);
    m_repo = m_dir.filePath("repo");
    qputenv("DEVDOCK_BACKUP_REPOSITORY", m_repo.toUtf8());
    m_projectDir = m_dir.filePath("project");
    QDir().mkpath(m_projectDir);
    QVERIFY(writeFile(m_projectDir + "/compose.yaml", composeYaml(1)));
    const Run up = compose({"up", "-d", "--wait"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    // Something in the database to keep.
    const Run row = compose({"exec", "-T", "-u", "postgres", "db", "psql", "-X", "-v",
                             "ON_ERROR_STOP=1", "-d", "app", "-c",
                             "create table kept(v text); insert into kept values ('kept');"});
    QVERIFY2(row.exitCode == 0, row.err.constData());
    m_backupRepository = new BackupRepository(nullptr, this);
}

void TestRuntimeBackups::cleanupTestCase()
{
    if (!m_projectDir.isEmpty()) {
        compose({"down", "-v", "-t", "0"});
        docker({"rmi", kPgImage + ":1", kPgImage + ":2"});
    }
    QSettings().clear();
    qunsetenv("DEVDOCK_BACKUP_REPOSITORY");
}

Run TestRuntimeBackups::compose(const QStringList &args, int timeoutMs)
{
    return docker(QStringList{"compose", "--project-directory", m_projectDir} + args, timeoutMs);
}

QList<ResticSnapshot> TestRuntimeBackups::snapshots(const QStringList &tags)
{
    return snapshotsIn(*m_backupRepository, tags, this);
}

bool TestRuntimeBackups::openRuntime(ProjectRuntime &runtime)
{
    QSignalSpy loaded(&runtime, &ProjectRuntime::loaded);
    runtime.open(m_projectDir);
    return loaded.wait(60000);
}

QDateTime TestRuntimeBackups::dbCreated()
{
    const QString id = QString::fromUtf8(compose({"ps", "-q", "db"}).out).trimmed();
    // The engine gives nanoseconds; Qt reads milliseconds.
    const QString text =
        QString::fromUtf8(docker({"inspect", "-f", "{{.Created}}", id}).out).trimmed();
    return QDateTime::fromString(text.left(23) + "Z", Qt::ISODateWithMs);
}

// Before the first backup (no repository at the location yet) the inventory says every volume
// was never backed up, and reading it makes no repository (nor a keychain password): opening a
// project in the window has no side effects on the user's data folder.
void TestRuntimeBackups::inventory_beforeAnyBackup_everyVolumeNever_noRepositoryMade()
{
    DEVDOCK_REQUIRE_ENGINE();
    ProjectRuntime runtime(m_client.get());
    QVERIFY(openRuntime(runtime));
    QSignalSpy refreshed(runtime.backups(), &ProjectBackups::refreshed);
    runtime.backups()->refresh();
    QVERIFY(refreshed.wait(30000));
    QStringList never;
    for (const DataVolume &v : runtime.backups()->inventory()) {
        if (v.exists && !v.lastBackup) {
            never << v.key;
        }
    }
    never.sort();
    QCOMPARE(never, (QStringList{"files", "pgdata"}));
    QVERIFY(!QFileInfo::exists(m_repo));
}

void TestRuntimeBackups::runtime_databaseRecreatedWithNewImage_backedUpFirst()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    ProjectRuntime runtime(m_client.get());
    QVERIFY(openRuntime(runtime));
    QVERIFY(runtime.backups());
    QCOMPARE(runtime.backups()->project().name, kProject);
    const QDateTime oldCreated = dbCreated();

    // The compose file now names another image for the database; the runtime reloads it.
    QVERIFY(writeFile(m_projectDir + "/compose.yaml", composeYaml(2)));
    QSignalSpy loaded(&runtime, &ProjectRuntime::loaded);
    runtime.reload();
    QVERIFY(loaded.wait(60000));
    QSignalSpy done(runtime.controller(), &StackController::actionFinished);
    runtime.controller()->up({"db"}, ComposeUpOptions{.wait = true});
    QVERIFY(QTest::qWaitFor([&] { return !done.isEmpty(); }, 300000));
    const auto result = done.first().at(1).value<Result<void>>();
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));

    const QList<ResticSnapshot> before =
        snapshots({"project=" + kProject, "reason=before-recreate"});
    QCOMPARE(before.size(), 1);
    QCOMPARE(before.first().tag("volume"), QString("pgdata"));
    QCOMPARE(before.first().tag("kind"), QString("pg-dump"));
    const QDateTime created = dbCreated();
    QVERIFY(created.isValid() && created > oldCreated); // recreated,
    QVERIFY(before.first().time < created);               // after its backup
}

void TestRuntimeBackups::devdockctlUp_databaseRecreatedWithNewImage_backedUpFirst()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    const qsizetype earlier = snapshots({"project=" + kProject, "reason=before-recreate"}).size();
    const QDateTime oldCreated = dbCreated();
    // Back to the first image: another image than the container runs.
    QVERIFY(writeFile(m_projectDir + "/compose.yaml", composeYaml(1)));
    const Run up =
        run(DEVDOCKCTL_PATH, {"--project-directory", m_projectDir, "up", "--wait", "db"}, 300000);
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const QList<ResticSnapshot> before =
        snapshots({"project=" + kProject, "reason=before-recreate"});
    QCOMPARE(before.size(), earlier + 1);
    QCOMPARE(before.last().tag("kind"), QString("pg-dump"));
    const QDateTime created = dbCreated();
    QVERIFY(created > oldCreated);
    QVERIFY(before.last().time < created);

    // The same image once more: nothing to back up, nothing recreated.
    const Run again =
        run(DEVDOCKCTL_PATH, {"--project-directory", m_projectDir, "up", "--wait", "db"}, 300000);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(snapshots({"project=" + kProject, "reason=before-recreate"}).size(), earlier + 1);
    QCOMPARE(dbCreated(), created);
}

void TestRuntimeBackups::runtime_scheduleOffByDefault_configured_backsUpWhileRunning()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    {
        ProjectRuntime runtime(m_client.get());
        QVERIFY(openRuntime(runtime));
        QCOMPARE(runtime.backupSettings().everyHours, 0);
        QVERIFY(!runtime.backups()->nextScheduled().isValid()); // off unless the user sets one
        BackupSettings settings;
        settings.everyHours = 2;
        runtime.setBackupSettings(settings);
    }
    // A runtime opened later finds the project's schedule and runs it.
    ProjectRuntime runtime(m_client.get());
    runtime.backups()->setIntervalOverride(std::chrono::seconds(3));
    QVERIFY(openRuntime(runtime));
    QCOMPARE(runtime.backupSettings().everyHours, 2);
    QVERIFY(QTest::qWaitFor([&] { return runtime.backups()->nextScheduled().isValid(); }, 30000));
    QSignalSpy finished(runtime.backups(), &ProjectBackups::backupFinished);
    QVERIFY(finished.wait(180000));
    const auto ids = finished.first().at(0).value<Result<QStringList>>();
    QVERIFY2(ids, ids ? "" : qPrintable(ids.error().toString()));
    QCOMPARE(ids->size(), 2); // pgdata and files
    const QList<ResticSnapshot> scheduled = snapshots({"project=" + kProject, "reason=scheduled"});
    QVERIFY(!scheduled.isEmpty());
    runtime.setBackupSettings({});
    QVERIFY(!runtime.backups()->nextScheduled().isValid());
}

void TestRuntimeBackups::runtimeDownVolumes_fullDisk_removesNothing_thenBacksUpEveryVolumeFirst()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    const auto volumeExists = [](const QString &key) {
        return docker({"volume", "inspect", kProject + "_" + key}).exitCode == 0;
    };
    QVERIFY(volumeExists("pgdata") && volumeExists("files"));
    const auto downVolumes = [](ProjectRuntime &runtime) {
        QSignalSpy done(runtime.controller(), &StackController::actionFinished);
        runtime.controller()->down(true);
        // A timeout is the "no answer" below.
        static_cast<void>(QTest::qWaitFor([&] { return !done.isEmpty(); }, 300000));
        return done.isEmpty() ? Result<void>(makeError(Error::Code::Timeout, "no answer"))
                              : done.first().at(1).value<Result<void>>();
    };

    // The repository's disk is full: no backup, so nothing is removed, and the error says so.
    {
        SmallDisk disk(1 << 20);
        MOUNT_OR_FAIL(disk);
        QVERIFY(disk.fillLeaving(0));
        qputenv("DEVDOCK_BACKUP_REPOSITORY", disk.path("repo").toUtf8());
        ProjectRuntime runtime(m_client.get());
        QVERIFY(openRuntime(runtime));
        const Result<void> refused = downVolumes(runtime);
        qputenv("DEVDOCK_BACKUP_REPOSITORY", m_repo.toUtf8());
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.startsWith(
                     "down --volumes did not run: the backup before it failed: "),
                 qPrintable(refused.error().toString()));
        QVERIFY2(refused.error().message.contains(
                     "the disk that holds the backup repository is full (repository "
                     + disk.path("repo") + ")"),
                 qPrintable(refused.error().toString()));
        QVERIFY2(refused.error().hint.endsWith(
                     "Nothing was removed. Fix the cause, or remove the volumes with devdockctl "
                     "down --volumes --no-backup."),
                 qPrintable(refused.error().hint));
        QVERIFY(volumeExists("pgdata") && volumeExists("files"));
        QCOMPARE(compose({"ps", "-q", "db"}).out.trimmed().isEmpty(), false); // still there
    }

    // The repository is fine: every volume is backed up (the database as a dump; a volume
    // unchanged since its last snapshot keeps that one), then removed.
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    ProjectRuntime runtime(m_client.get());
    QVERIFY(openRuntime(runtime));
    QSignalSpy backedUp(runtime.backups(), &ProjectBackups::volumeBackedUp);
    const Result<void> down = downVolumes(runtime);
    QVERIFY2(down, down ? "" : qPrintable(down.error().toString()));
    QHash<QString, QString> idOf;
    for (const QList<QVariant> &v : std::as_const(backedUp)) {
        idOf.insert(v.at(0).toString(), v.at(1).toString());
    }
    QCOMPARE(QSet<QString>(idOf.keyBegin(), idOf.keyEnd()), QSet<QString>({"files", "pgdata"}));
    // The ids as the backup reported them (restic's summary names a snapshot by its short id).
    const QList<ResticSnapshot> all = snapshots({"project=" + kProject});
    for (auto it = idOf.cbegin(); it != idOf.cend(); ++it) {
        const auto found = std::find_if(all.cbegin(), all.cend(),
                                        [&](const ResticSnapshot &s) { return s.id.startsWith(it.value()); });
        QVERIFY2(found != all.cend(), qPrintable([&] {
                     QStringList listed;
                     for (const ResticSnapshot &s : all) {
                         listed << s.id.left(12) + ":" + s.tags.join(",");
                     }
                     return it.key() + " " + it.value() + " not in " + listed.join(" | ");
                 }()));
        QCOMPARE(found->tag("volume"), it.key());
    }
    const QList<ResticSnapshot> dumps = snapshots({"project=" + kProject, "reason=before-down"});
    QCOMPARE(dumps.size(), 1); // the database's dump is new each time
    QCOMPARE(dumps.first().tag("volume"), QString("pgdata"));
    QCOMPARE(dumps.first().tag("kind"), QString("pg-dump"));
    QVERIFY(dumps.first().time >= before);
    QVERIFY(!volumeExists("pgdata"));
    QVERIFY(!volumeExists("files"));
}

QTEST_GUILESS_MAIN(TestRuntimeBackups)
#include "tst_runtimebackups.moc"
