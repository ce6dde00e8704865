// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Volume inventory, the restic repository and volume snapshots against the real engine, real
// restic (a repository in a temporary folder, or on a tiny tmpfs) and the real keychain.
#undef QT_USE_QSTRINGBUILDER

#include "../common/datatest.h"
#include "../common/dockertest.h"
#include "../common/volumemanifest.h"

#include "compose/composeloader.h"
#include "data/consistentbackup.h"
#include "data/databasejob.h"
#include "data/pauseledger.h"
#include <sys/stat.h>
#include "data/resticrepository.h"
#include "data/volumebackup.h"
#include "data/volumeinventory.h"
#include "engine/engineclient.h"
#include "env/secretstore.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QScopeGuard>
#include <QUuid>

#include <csignal>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-data");
// Its own label: other tests sharing the engine remove every devdock.test=1 container.
const QString kDataLabel = QStringLiteral("devdock.test.data=1");

QString startContainer(const QStringList &options, const QString &script)
{
    const Run r = docker(QStringList{"run", "-d", "--label", kDataLabel} + options
                         + QStringList{kTestImage, "sh", "-c", script});
    if (r.exitCode != 0) {
        qWarning("docker run failed: %s", r.err.constData());
        return {};
    }
    return QString::fromUtf8(r.out).trimmed();
}

QString manifest(const QString &volume)
{
    return volumeManifest(volume, kDataLabel);
}

// KiB the file /data/sparse of `volume` takes on disk (du), -1 when it cannot be read.
qint64 sparseKb(const QString &volume)
{
    const Run du = docker({"run", "--rm", "--label", kDataLabel, "-v", volume + ":/data", kTestImage, "sh", "-c",
                           "du -k /data/sparse | cut -f1"});
    bool ok = false;
    const qint64 kb = du.out.trimmed().toLongLong(&ok);
    return du.exitCode == 0 && ok ? kb : -1;
}

void removeVolume(const QString &name)
{
    docker({"volume", "rm", "-f", name});
}

} // namespace

class TestDataBackup : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void databaseKind_data();
    void databaseKind();
    void snapshotTags_keyValue_commasReplaced();
    void pauseLedger_fifoOrGarbage_skipped_deadPausersOnly();
    void inventory_namedVolumesAndMarkedBinds_sizesUsersLastBackup();
    void repository_passwordGeneratedIntoKeychain_notInFilesOrCommandLine();
    void repository_wrongPassword_clearMessage();
    void repository_locked_clearMessage();
    void backupRestore_ownershipModesSymlinksEmptyDirsSparseLarge_identical();
    void backupRestore_randomFilesLinksModesOwners_identical_unchangedVolumeReusesSnapshot();
    void backup_missingImage_clearMessage_nothingSaved();
    void backup_fullDisk_clearMessage_volumeAndRepositoryIntact();
    void postgres_rowsDumped_volumeDestroyed_restoredIntoFreshDatabase_rowsBack();
    void postgres_failedDump_clearMessage_nothingSaved();
    void consistent_redisSavedFirst_othersPausedForCopy_unpausedAfter_alsoOnError();
    void devdockctl_backupListCreate_tagsAndExitCodes();
    void consistent_stopOthers_stoppedForCopy_startedAfter_deadRunsStoppedStartedAgain();
    void devdockctl_backupStop_sigintMidCopy_exit130_nothingSaved_serviceRunsAgain();

private:
    ResticRepository *repository(const QString &location, const QString &password);
    Result<QString> backup(ResticRepository *repo, const DataMount &mount, const SnapshotTags &tags,
                           const QString &image = kTestImage);
    Result<void> restore(ResticRepository *repo, const ResticSnapshot &snapshot, const QString &volume,
                         bool replace);
    QList<ResticSnapshot> snapshots(ResticRepository *repo, const QStringList &tags = {});
    Result<QString> database(DatabaseJob::Options options);
    QString startPostgres(const QString &volume);
    QString psql(const QString &container, const QString &sql);

    QString m_dbPassword;

    QTemporaryDir m_dir;
    std::unique_ptr<EngineClient> m_client;
    QString m_password;
    QString m_repoPath;
    ResticRepository *m_repo = nullptr;
    QStringList m_volumes;
};

void TestDataBackup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    DEVDOCK_REQUIRE_RESTIC();
    if (!engineAvailable()) {
        return; // the engine tests skip or fail on their own
    }
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    m_client = std::make_unique<EngineClient>(*endpoint);
}

void TestDataBackup::cleanupTestCase()
{
    const Run ids = docker({"ps", "-aq", "--filter", "label=" + kDataLabel});
    const QStringList list = QString::fromUtf8(ids.out).split('\n', Qt::SkipEmptyParts);
    if (!list.isEmpty()) {
        docker(QStringList{"rm", "-f"} + list);
    }
    for (const QString &v : std::as_const(m_volumes)) {
        removeVolume(v);
    }
    if (QFileInfo::exists(m_dir.filePath("full"))) {
        run("umount", {m_dir.filePath("full")});
    }
}

ResticRepository *TestDataBackup::repository(const QString &location, const QString &password)
{
    return new ResticRepository(location, password, this);
}

Result<QString> TestDataBackup::backup(ResticRepository *repo, const DataMount &mount,
                                       const SnapshotTags &tags, const QString &image)
{
    auto *job = new VolumeBackupJob(m_client.get(), repo, mount, image, tags, this);
    auto r = await<QString>(
        [&](auto cb) {
            connect(job, &VolumeBackupJob::finished, this, [cb](const Result<QString> &res) { cb(res); });
            job->start();
        },
        300000);
    job->deleteLater();
    if (!r) {
        return makeError(Error::Code::Timeout, "backup did not finish");
    }
    return *r;
}

Result<void> TestDataBackup::restore(ResticRepository *repo, const ResticSnapshot &snapshot,
                                     const QString &volume, bool replace)
{
    VolumeRestoreJob::Options o;
    o.snapshotId = snapshot.id;
    o.fileInSnapshot = snapshot.paths.value(0);
    o.volume = volume;
    o.replace = replace;
    o.image = kTestImage;
    auto *job = new VolumeRestoreJob(m_client.get(), repo, o, this);
    auto r = await<void>(
        [&](auto cb) {
            connect(job, &VolumeRestoreJob::finished, this, [cb](const Result<void> &res) { cb(res); });
            job->start();
        },
        300000);
    job->deleteLater();
    if (!r) {
        return makeError(Error::Code::Timeout, "restore did not finish");
    }
    return *r;
}

QList<ResticSnapshot> TestDataBackup::snapshots(ResticRepository *repo, const QStringList &tags)
{
    auto r = await<QList<ResticSnapshot>>([&](auto cb) { repo->snapshots(tags, this, cb); });
    if (!r || !*r) {
        qWarning("snapshots failed: %s", r ? qPrintable(r->error().toString()) : "timeout");
        return {};
    }
    return **r;
}

void TestDataBackup::databaseKind_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QStringList>("healthcheck");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<int>("kind");
    QTest::newRow("postgres image") << "postgres:15-alpine" << QStringList{} << "" << int(DatabaseKind::Postgres);
    QTest::newRow("registry path") << "docker.io/library/postgres:16" << QStringList{} << "" << int(DatabaseKind::Postgres);
    QTest::newRow("postgis") << "postgis/postgis:15-3.4" << QStringList{} << "" << int(DatabaseKind::Postgres);
    QTest::newRow("pg_isready healthcheck")
        << "example/db:1" << QStringList{"CMD-SHELL", "pg_isready -U app"} << "" << int(DatabaseKind::Postgres);
    QTest::newRow("hint") << "devdock-test/postgres:15" << QStringList{} << "database: postgres" << int(DatabaseKind::Postgres);
    QTest::newRow("redis image") << "redis:7" << QStringList{} << "" << int(DatabaseKind::Redis);
    QTest::newRow("redis-cli healthcheck")
        << "cache:1" << QStringList{"CMD", "redis-cli", "ping"} << "" << int(DatabaseKind::Redis);
    QTest::newRow("hint overrides image") << "postgres:15" << QStringList{} << "database: none" << int(DatabaseKind::None);
    QTest::newRow("a name with postgres inside is no postgres")
        << "acme/not-postgres-exporter" << QStringList{} << "" << int(DatabaseKind::None);
    QTest::newRow("busybox") << "devdock-test/busybox:latest" << QStringList{} << "" << int(DatabaseKind::None);
}

void TestDataBackup::databaseKind()
{
    QFETCH(QString, image);
    QFETCH(QStringList, healthcheck);
    QFETCH(QString, hint);
    QFETCH(int, kind);
    ComposeService s;
    s.image = image;
    if (!healthcheck.isEmpty()) {
        s.healthcheck = ComposeHealthcheck{healthcheck, {}, {}, {}, {}, false};
    }
    if (!hint.isEmpty()) {
        s.extensions.insert("x-devdock", hint);
    }
    QCOMPARE(int(DevDock::Core::databaseKind(s)), kind);
}

void TestDataBackup::snapshotTags_keyValue_commasReplaced()
{
    SnapshotTags t;
    t.project = "shop";
    t.service = "db";
    t.volume = "db-data";
    t.gitBranch = "feature/a,b";
    t.gitCommit = "0123abc";
    QCOMPARE(t.toTags(), QStringList({"devdock", "project=shop", "service=db", "volume=db-data", "kind=files",
                                      "branch=feature/a_b", "commit=0123abc"}));
}

void TestDataBackup::pauseLedger_fifoOrGarbage_skipped_deadPausersOnly()
{
    const auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    PauseLedger::noted(client, "mine-alive"); // this process: still running
    const QString dir = PauseLedger::directory();
    const QStringList names = QDir(dir).entryList({"*mine-alive"}, QDir::Files);
    QCOMPARE(names.size(), 1);
    const QString prefix = names.first().chopped(QStringLiteral("mine-alive").size());
    QFile dead(dir + "/" + prefix + "dead-one");
    QVERIFY(dead.open(QIODevice::WriteOnly));
    dead.write("999999999"); // no such process
    dead.close();
    QFile garbage(dir + "/" + prefix + "garbage");
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("\x01\x02not a pid");
    garbage.close();
    // A FIFO where a note belongs must not block (opening it for reading would).
    QCOMPARE(::mkfifo(QFile::encodeName(dir + "/" + prefix + "fifo").constData(), 0600), 0);
    QStringList orphans = PauseLedger::orphans(client);
    orphans.sort();
    QCOMPARE(orphans, (QStringList{"dead-one", "garbage"}));
    PauseLedger::cleared(client, "mine-alive");
    for (const QString &n : {"dead-one", "garbage", "fifo"}) {
        QFile::remove(dir + "/" + prefix + n);
    }
    QVERIFY(PauseLedger::orphans(client).isEmpty());
}

void TestDataBackup::inventory_namedVolumesAndMarkedBinds_sizesUsersLastBackup()
{
    DEVDOCK_REQUIRE_ENGINE();
    QTemporaryDir project;
    QDir(project.path()).mkpath("uploads");
    QDir(project.path()).mkpath("src");
    QFile f(project.filePath("compose.yaml"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"(name: %1
services:
  db:
    image: %2
    command: ["sleep", "3600"]
    volumes: [db-data:/var/lib/postgresql/data]
    x-devdock: {database: postgres}
  web:
    image: %2
    command: ["sleep", "3600"]
    volumes:
      - ./uploads:/srv/uploads
      - ./src:/srv/src
      - db-data:/mnt/db:ro
      - cache:/cache
    x-devdock:
      data: [./uploads]
volumes:
  db-data: {}
  cache: {}
)")
                .arg(kProject, kTestImage)
                .toUtf8());
    f.close();
    ComposeLoadOptions options;
    options.projectDirectory = project.path();
    options.workingDirectory = project.path();
    auto loaded = loadComposeProject(options);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toString()));
    // Compose creates the volumes with its labels; 1 MiB into db-data.
    const Run up = run("docker", {"compose", "--project-directory", project.path(), "up", "-d", "--quiet-pull"}, 120000);
    QVERIFY2(up.exitCode == 0, up.err.constData());
    m_volumes << kProject + "_db-data" << kProject + "_cache";
    const Run fill = docker({"compose", "--project-directory", project.path(), "exec", "-T", "db", "sh", "-c",
                             "head -c 1048576 /dev/urandom > /var/lib/postgresql/data/blob"});
    QVERIFY2(fill.exitCode == 0, fill.err.constData());
    auto df = await<EngineClient::Response>([&](auto cb) {
        HttpRequest request;
        request.target = "/system/df";
        m_client->call(request, this, cb);
    });
    QVERIFY(df && *df);
    const QJsonObject dfJson = QJsonDocument::fromJson((*df)->body).object();

    ResticSnapshot old;
    old.id = "aaaa";
    old.time = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600 - 5);
    old.tags = {"project=" + kProject, "volume=db-data"};
    ResticSnapshot newer = old;
    newer.id = "bbbb";
    newer.time = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600 - 5);
    ResticSnapshot otherProject = old;
    otherProject.id = "cccc";
    otherProject.time = QDateTime::currentDateTimeUtc();
    otherProject.tags = {"project=elsewhere", "volume=db-data"};

    const QList<DataVolume> inventory = volumeInventory(*loaded, dfJson, {newer, old, otherProject});
    QCOMPARE(inventory.size(), 3); // cache, db-data, the marked ./uploads; never ./src
    const QString uploads = QDir::cleanPath(project.filePath("uploads"));
    QStringList keys;
    for (const DataVolume &v : inventory) {
        keys << v.key;
    }
    QCOMPARE(keys, QStringList({uploads, "cache", "db-data"}));
    const DataVolume &db = inventory[2];
    QCOMPARE(db.engineName, kProject + "_db-data");
    QVERIFY(db.exists);
    QVERIFY2(db.sizeBytes >= 1048576 && db.sizeBytes < 4 * 1048576, qPrintable(QString::number(db.sizeBytes)));
    QCOMPARE(db.serviceNames(), QStringList({"db", "web"}));
    QCOMPARE(int(db.users[0].database), int(DatabaseKind::Postgres));
    QVERIFY(db.users[1].readOnly);
    QVERIFY(db.lastBackup);
    QCOMPARE(db.lastBackup->id, QString("bbbb"));
    QCOMPARE(backupAge(db.lastBackup, QDateTime::currentDateTimeUtc()), QString("2 h ago"));
    QCOMPARE(db.helperImage(*loaded), kTestImage);
    const DataVolume &cache = inventory[1];
    QVERIFY(cache.exists);
    QCOMPARE(cache.serviceNames(), QStringList({"web"}));
    QVERIFY(!cache.lastBackup);
    QCOMPARE(backupAge(cache.lastBackup, QDateTime::currentDateTimeUtc()), QString("never"));
    QCOMPARE(int(inventory[0].kind), int(DataMount::Kind::Bind));
    QCOMPARE(inventory[0].mount().source, uploads);
    docker({"compose", "--project-directory", project.path(), "down", "-t", "0"});
}

void TestDataBackup::repository_passwordGeneratedIntoKeychain_notInFilesOrCommandLine()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    KeychainSecretStore store("devdock-test/" + QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_repoPath = m_dir.filePath("repo");
    auto password = await<QString>([&](auto cb) {
        ResticRepository::loadOrCreatePassword(store, m_repoPath, this, cb);
    });
    QVERIFY(password && *password);
    m_password = **password;
    QVERIFY(m_password.size() >= 40);
    // A second load reads the same one back.
    auto again = await<QString>([&](auto cb) { ResticRepository::loadOrCreatePassword(store, m_repoPath, this, cb); });
    QVERIFY(again && *again);
    QCOMPARE(**again, m_password);

    m_repo = repository(m_repoPath, m_password);
    auto init = await<void>([&](auto cb) { m_repo->ensureInitialized(this, cb); });
    QVERIFY(init);
    QVERIFY2(*init, *init ? "" : qPrintable(init->error().toString()));
    QVERIFY(QFileInfo::exists(m_repoPath + "/config"));
    // Opening it again does not re-initialise.
    auto reopen = await<void>([&](auto cb) { m_repo->ensureInitialized(this, cb); });
    QVERIFY(reopen && *reopen);

    // While a backup runs, restic's command line holds no password.
    const QString volume = "devdock-it-data-pw-" + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_volumes << volume;
    QVERIFY(docker({"run", "--rm", "--label", kDataLabel, "-v", volume + ":/data", kTestImage, "sh", "-c",
                    "head -c 33554432 /dev/urandom > /data/big"})
                .exitCode
            == 0);
    SnapshotTags tags;
    tags.project = kProject;
    tags.volume = "pw";
    auto *job = new VolumeBackupJob(m_client.get(), m_repo, {DataMount::Kind::Volume, volume}, kTestImage, tags, this);
    QSignalSpy done(job, &VolumeBackupJob::finished);
    QStringList commandLines;
    job->start();
    QVERIFY(waitUntil(
        [&] {
            QDirIterator it("/proc", {"[0-9]*"}, QDir::Dirs);
            while (it.hasNext()) {
                QFile cmd(it.next() + "/cmdline");
                if (cmd.open(QIODevice::ReadOnly)) {
                    const QByteArray line = cmd.readAll();
                    if (QString::fromUtf8(line.left(line.indexOf('\0'))).endsWith("restic")) {
                        commandLines << QString::fromUtf8(line).replace(QChar(0), ' ');
                    }
                }
            }
            return !done.isEmpty();
        },
        120000));
    QVERIFY(!commandLines.isEmpty());
    for (const QString &line : std::as_const(commandLines)) {
        QVERIFY2(!line.contains(m_password), "the password is on restic's command line");
    }
    const auto result = done.first().first().value<Result<QString>>();
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    job->deleteLater();
    // Nowhere on disk in clear: not in the repository, not in DevDock's folders.
    for (const QString &root : QStringList{m_dir.path(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                                QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.size() < 64 * 1024 * 1024 && file.open(QIODevice::ReadOnly)) {
                QVERIFY2(!file.readAll().contains(m_password.toUtf8()), qPrintable(file.fileName()));
            }
        }
    }
}

void TestDataBackup::repository_wrongPassword_clearMessage()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(m_repo);
    auto *wrong = repository(m_repoPath, "not-the-password");
    auto r = await<QList<ResticSnapshot>>([&](auto cb) { wrong->snapshots({}, this, cb); });
    QVERIFY(r);
    QVERIFY(!*r);
    QCOMPARE(int(r->error().code), int(Error::Code::PermissionDenied));
    QVERIFY2(r->error().message.contains("password is wrong") && r->error().message.contains(m_repoPath),
             qPrintable(r->error().message));
    QVERIFY2(r->error().hint.contains("keychain"), qPrintable(r->error().hint));
    QVERIFY(!r->error().toString().contains("not-the-password"));
}

void TestDataBackup::repository_locked_clearMessage()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(m_repo);
    // Another restic holds an exclusive lock (restic's own `prune` would; `lock`-style: a
    // backup waiting on stdin holds a shared one, which blocks exclusive users like forget+prune).
    QProcess *holder = m_repo->process({"backup", "--stdin", "--stdin-filename", "held"}, this);
    holder->start();
    QVERIFY(holder->waitForStarted());
    QVERIFY(waitUntil([&] { return QDir(m_repoPath + "/locks").entryList(QDir::Files).size() > 0; }, 30000));
    auto r = await<QString>([&](auto cb) { m_repo->forget(3, {"project=nobody"}, true, this, cb); }, 120000);
    holder->kill();
    holder->waitForFinished();
    QVERIFY(r);
    QVERIFY(!*r);
    QCOMPARE(int(r->error().code), int(Error::Code::Conflict));
    QVERIFY2(r->error().message.contains("locked"), qPrintable(r->error().message));
    QVERIFY2(r->error().hint.contains("restic unlock"), qPrintable(r->error().hint));
    run("restic", {"-r", m_repoPath, "unlock"}); // the killed holder's stale lock
}

void TestDataBackup::backupRestore_ownershipModesSymlinksEmptyDirsSparseLarge_identical()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(m_repo);
    const QString volume = "devdock-it-data-files-" + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_volumes << volume;
    const Run fill = docker(
        {"run", "--rm", "--label", kDataLabel, "-v", volume + ":/data", kTestImage, "sh", "-c",
         "set -e; cd /data; mkdir -p a/b/c empty 'with space'; echo hello > a/b/c/file.txt; "
         "chown 1234:5678 a/b/c/file.txt; chmod 0640 a/b/c/file.txt; "
         "echo secret > private; chmod 0600 private; chown 999:999 private; "
         "echo x > 'with space/odd name'; chmod 4755 'with space/odd name'; "
         "chmod 1777 empty; chown 70:70 empty; "
         "ln -s a/b/c/file.txt link; ln -s /nonexistent dangling; "
         "dd if=/dev/zero of=sparse bs=1 count=1 seek=104857599 2>/dev/null; "
         "head -c 67108864 /dev/urandom > large.bin; chown 1000:1000 /data; chmod 0750 /data"});
    QVERIFY2(fill.exitCode == 0, fill.err.constData());
    const QString before = manifest(volume);
    const qint64 sourceKb = sparseKb(volume);
    QVERIFY2(sourceKb >= 0 && sourceKb < 1024, qPrintable(QString::number(sourceKb))); // 100 MiB long, a hole
    QVERIFY(before.contains("./empty directory 1777 70:70"));
    QVERIFY(before.contains("./link symbolic link"));
    QVERIFY(before.contains("./a/b/c/file.txt regular file 640 1234:5678"));

    SnapshotTags tags;
    tags.project = kProject;
    tags.service = "files";
    tags.volume = "files";
    tags.gitBranch = "main";
    tags.gitCommit = "abc1234";
    const auto id = backup(m_repo, {DataMount::Kind::Volume, volume}, tags);
    QVERIFY2(id, id ? "" : qPrintable(id.error().toString()));
    const QList<ResticSnapshot> list = snapshots(m_repo, {"project=" + kProject, "volume=files"});
    QCOMPARE(list.size(), 1);
    QVERIFY(list[0].id.startsWith(*id) || id->startsWith(list[0].id));
    QCOMPARE(list[0].tag("kind"), QString("files"));
    QCOMPARE(list[0].tag("branch"), QString("main"));
    QCOMPARE(list[0].tag("commit"), QString("abc1234"));
    QCOMPARE(list[0].paths, QStringList({"/files.tar"}));
    // No helper container stays behind.
    QCOMPARE(docker({"ps", "-aq", "--filter", "label=devdock.helper"}).out.trimmed(), QByteArray());

    // The volume destroyed; restored into a new one of the same name: identical.
    removeVolume(volume);
    const auto restored = restore(m_repo, list[0], volume, false);
    QVERIFY2(restored, restored ? "" : qPrintable(restored.error().toString()));
    QCOMPARE(manifest(volume), before);
    // The sparse file's bytes are identical; its holes are not: the engine's PUT /archive
    // extraction writes them out as zeros.
    const qint64 restoredKb = sparseKb(volume);
    qInfo("sparse file on disk after restore: %lld KiB of 102400", restoredKb);
    QEXPECT_FAIL("", "the engine's archive API carries holes as zeros, and its extraction writes them out", Continue);
    QVERIFY(restoredKb >= 0 && restoredKb < 1024);

    // Into a volume that changed since: `replace` empties it first, so nothing new stays.
    QVERIFY(docker({"run", "--rm", "-v", volume + ":/data", kTestImage, "sh", "-c",
                    "echo new > /data/added; rm /data/private"})
                .exitCode
            == 0);
    const auto replaced = restore(m_repo, list[0], volume, true);
    QVERIFY2(replaced, replaced ? "" : qPrintable(replaced.error().toString()));
    QCOMPARE(manifest(volume), before);
    QCOMPARE(docker({"ps", "-aq", "--filter", "label=devdock.helper"}).out.trimmed(), QByteArray());
}

// Issue 16's big volume: DEVDOCK_DATA_TEST_MB (default 1024) MiB of random files with links, odd
// modes and owners, restored byte-identical (a manifest of sha256, mode and owner per entry). A backup of the unchanged volume saves no new snapshot and names the
// last one (a checkpoint still gets its own); after one byte rewritten in place (same size) the
// backup copies again.
void TestDataBackup::backupRestore_randomFilesLinksModesOwners_identical_unchangedVolumeReusesSnapshot()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(m_repo);
    const int mb = qEnvironmentVariableIsSet("DEVDOCK_DATA_TEST_MB") ? qEnvironmentVariableIntValue("DEVDOCK_DATA_TEST_MB") : 1024;
    const QString volume = "devdock-it-data-big-" + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_volumes << volume;
    // Random bytes made on the host (openssl is fast where busybox's urandom is not), carried into
    // the volume as a tar with their owners and modes (busybox's tar leaves a link's owner, so
    // chown -h sets it).
    const QString script = QStringLiteral(
        "set -e; d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; mkdir -p \"$d/deep/er\" \"$d/empty\"; "
        "per=$(( %1 * 1048576 / 32 )); for i in $(seq 1 32); do openssl rand -out \"$d/f$i.bin\" $per; done; "
        "mv \"$d/f7.bin\" \"$d/deep/er/f7.bin\"; openssl rand -out \"$d/odd size\" 12345; "
        "ln -s f1.bin \"$d/link\"; ln -s deep/er \"$d/dirlink\"; ln -s /nowhere \"$d/dangling\"; "
        "chown 1234:5678 \"$d/f2.bin\"; chmod 0600 \"$d/f3.bin\"; chown 999:0 \"$d/f3.bin\"; "
        "chmod 4755 \"$d/f4.bin\"; chmod 2711 \"$d/deep\"; chmod 1777 \"$d/empty\"; chown 70:70 \"$d/empty\"; "
        "chmod 0 \"$d/f5.bin\"; "
        "tar -C \"$d\" -cf - . | docker run -i --rm --network none --label %2 -v %3:/data %4 "
        "sh -c 'tar -xpf - -C /data && chown -h 4321:4321 /data/link'")
                               .arg(mb)
                               .arg(kDataLabel, volume, kTestImage);
    const Run fill = run("sh", {"-c", script}, 600000);
    QVERIFY2(fill.exitCode == 0, fill.err.constData());
    const QString before = manifest(volume);
    QVERIFY(before.contains("./deep directory 2711 0:0"));
    QVERIFY(before.contains("./f3.bin regular file 600 999:0"));
    QVERIFY(before.contains("./link symbolic link 777 4321:4321"));
    QVERIFY(before.contains("./f5.bin regular file 0 0:0"));
    qint64 total = 0;
    for (const QString &line : before.split('\n')) {
        if (line.contains(" regular file ")) {
            total += line.section(' ', -2, -2).toLongLong();
        }
    }
    QVERIFY2(total >= qint64(mb) * 1048576, qPrintable(QString::number(total)));

    SnapshotTags tags;
    tags.project = kProject;
    tags.volume = "big";
    QElapsedTimer clock;
    clock.start();
    const auto id = backup(m_repo, {DataMount::Kind::Volume, volume}, tags);
    QVERIFY2(id, id ? "" : qPrintable(id.error().toString()));
    qInfo("%d MiB backed up in %lld ms", mb, clock.elapsed());
    QList<ResticSnapshot> list = snapshots(m_repo, {"project=" + kProject, "volume=big"});
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].tag("state").size(), 32);
    const ResticSnapshot current = list.last();

    // A backup after `current`: its id (or error) and whether it reused `current`.
    auto backupAfter = [&](const SnapshotTags &t) -> std::pair<Result<QString>, bool> {
        auto *job = new VolumeBackupJob(m_client.get(), m_repo, {DataMount::Kind::Volume, volume}, kTestImage, t, this);
        job->setPrevious(current);
        const auto r = await<QString>(
            [&](auto cb) {
                connect(job, &VolumeBackupJob::finished, this, [cb](const Result<QString> &res) { cb(res); });
                job->start();
            },
            300000);
        job->deleteLater();
        return {r ? *r : makeError(Error::Code::Timeout, "backup did not finish"), job->unchanged()};
    };
    // Unchanged since: the next backups save nothing new and name that snapshot.
    for (int round = 0; round < 2; ++round) {
        clock.restart();
        const auto [again, unchanged] = backupAfter(tags);
        QVERIFY2(again, again ? "" : qPrintable(again.error().toString()));
        QCOMPARE(*again, current.id);
        QVERIFY(unchanged);
        qInfo("unchanged volume backed up in %lld ms", clock.elapsed());
    }
    QCOMPARE(snapshots(m_repo, {"project=" + kProject, "volume=big"}).size(), 1);
    // A checkpoint is a snapshot of its own, changed or not.
    SnapshotTags checkpoint = tags;
    checkpoint.checkpoint = "before-migration";
    const auto [named, namedReused] = backupAfter(checkpoint);
    QVERIFY2(named, named ? "" : qPrintable(named.error().toString()));
    QVERIFY(*named != current.id);
    QVERIFY(!namedReused);

    // One byte rewritten in place (same size, maybe the same second): the state differs.
    QCOMPARE(docker({"run", "--rm", "--network", "none", "--label", kDataLabel, "-v", volume + ":/data", kTestImage, "sh",
                     "-c", "printf Z | dd of=/data/f9.bin bs=1 seek=100 conv=notrunc 2>/dev/null"})
                 .exitCode,
             0);
    const auto [changed, changedReused] = backupAfter(tags);
    QVERIFY2(changed, changed ? "" : qPrintable(changed.error().toString()));
    QVERIFY(*changed != current.id);
    QVERIFY(!changedReused);
    list = snapshots(m_repo, {"project=" + kProject, "volume=big"});
    QCOMPARE(list.size(), 3);
    QVERIFY(list.last().tag("state") != current.tag("state"));

    // The first snapshot back into a new volume of the same name: identical to before the change.
    removeVolume(volume);
    clock.restart();
    const auto restored = restore(m_repo, current, volume, false);
    QVERIFY2(restored, restored ? "" : qPrintable(restored.error().toString()));
    qInfo("%d MiB restored in %lld ms", mb, clock.elapsed());
    QCOMPARE(manifest(volume), before);
    QCOMPARE(docker({"ps", "-aq", "--filter", "label=devdock.helper"}).out.trimmed(), QByteArray());
}

void TestDataBackup::backup_missingImage_clearMessage_nothingSaved()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(m_repo);
    const int before = snapshots(m_repo).size();
    SnapshotTags tags;
    tags.project = kProject;
    tags.volume = "noimage";
    const auto id = backup(m_repo, {DataMount::Kind::Volume, "devdock-it-data-noimage"}, tags,
                           "devdock-test/no-such-image:1");
    QVERIFY(!id);
    QVERIFY2(id.error().message.contains("devdock-test/no-such-image:1") && id.error().message.contains("not on the engine"),
             qPrintable(id.error().message));
    QCOMPARE(snapshots(m_repo).size(), before);
    docker({"volume", "rm", "-f", "devdock-it-data-noimage"});
}

void TestDataBackup::backup_fullDisk_clearMessage_volumeAndRepositoryIntact()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(!m_password.isEmpty());
    const QString mountPoint = m_dir.filePath("full");
    QDir().mkpath(mountPoint);
    const Run mount = run("mount", {"-t", "tmpfs", "-o", "size=6m", "tmpfs", mountPoint});
    QVERIFY2(mount.exitCode == 0, mount.err.constData());
    auto *repo = repository(mountPoint + "/repo", m_password);
    auto init = await<void>([&](auto cb) { repo->ensureInitialized(this, cb); });
    QVERIFY(init && *init);
    const QString volume = "devdock-it-data-full-" + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_volumes << volume;
    QVERIFY(docker({"run", "--rm", "--label", kDataLabel, "-v", volume + ":/data", kTestImage, "sh", "-c",
                    "echo small > /data/small"})
                .exitCode
            == 0);
    SnapshotTags tags;
    tags.project = kProject;
    tags.volume = "full";
    const auto first = backup(repo, {DataMount::Kind::Volume, volume}, tags);
    QVERIFY2(first, first ? "" : qPrintable(first.error().toString()));
    QVERIFY(docker({"run", "--rm", "--label", kDataLabel, "-v", volume + ":/data", kTestImage, "sh", "-c",
                    "head -c 16777216 /dev/urandom > /data/big"})
                .exitCode
            == 0);
    const QString before = manifest(volume);
    const auto second = backup(repo, {DataMount::Kind::Volume, volume}, tags);
    QVERIFY(!second);
    QCOMPARE(int(second.error().code), int(Error::Code::Io));
    QVERIFY2(second.error().message.contains("disk that holds the backup repository is full"),
             qPrintable(second.error().message));
    QVERIFY2(second.error().hint.contains("Free space"), qPrintable(second.error().hint));
    // Nothing lost: the volume as it was, the first snapshot still there and whole.
    QCOMPARE(manifest(volume), before);
    run("restic", {"-r", mountPoint + "/repo", "unlock"}, 60000);
    const QList<ResticSnapshot> list = snapshots(repo);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].id.left(8), first->left(8));
    QProcess *c = repo->process({"check"}, this);
    c->start();
    QVERIFY(c->waitForFinished(120000));
    QVERIFY2(c->exitCode() == 0, c->readAllStandardError().constData());
}

Result<QString> TestDataBackup::database(DatabaseJob::Options options)
{
    auto *job = new DatabaseJob(m_client.get(), m_repo, std::move(options), this);
    auto r = await<QString>(
        [&](auto cb) {
            connect(job, &DatabaseJob::finished, this, [cb](const Result<QString> &res) { cb(res); });
            job->start();
        },
        300000);
    job->deleteLater();
    if (!r) {
        return makeError(Error::Code::Timeout, "database job did not finish");
    }
    return *r;
}

// A real PostgreSQL 15 (Debian's packages, scripts/postgres-image.sh) on `volume`; its id once
// it accepts connections.
QString TestDataBackup::startPostgres(const QString &volume)
{
    const Run r = docker({"run", "-d", "--label", kDataLabel, "-e", "POSTGRES_PASSWORD=" + m_dbPassword, "-e",
                          "POSTGRES_DB=app", "-v", volume + ":/var/lib/postgresql/data", "devdock-test/postgres:15"});
    if (r.exitCode != 0) {
        qWarning("postgres did not start: %s", r.err.constData());
        return {};
    }
    const QString id = QString::fromUtf8(r.out).trimmed();
    const bool ready = waitUntil(
        [&] { return docker({"exec", id, "pg_isready", "-U", "postgres", "-d", "app"}, 10000).exitCode == 0; }, 60000);
    return ready ? id : QString();
}

QString TestDataBackup::psql(const QString &container, const QString &sql)
{
    const Run r = docker({"exec", "-u", "postgres", container, "psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d",
                          "app", "-c", sql});
    if (r.exitCode != 0) {
        qWarning("psql failed: %s", r.err.constData());
        return QStringLiteral("<error>");
    }
    return QString::fromUtf8(r.out).trimmed();
}

void TestDataBackup::postgres_rowsDumped_volumeDestroyed_restoredIntoFreshDatabase_rowsBack()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(m_repo);
    QElapsedTimer timer;
    timer.start();
    QString error;
    QVERIFY2(ensurePostgresImage(&error), qPrintable(error));
    qInfo("postgres image ready in %lld ms", timer.elapsed());
    m_dbPassword = "db-" + QUuid::createUuid().toString(QUuid::Id128);
    const QString volume = "devdock-it-data-pg-" + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_volumes << volume;
    QString db = startPostgres(volume);
    QVERIFY(!db.isEmpty());
    QCOMPARE(psql(db, "CREATE TABLE items(id int primary key, name text); "
                      "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 5000) g; "
                      "SELECT count(*) FROM items").section(QLatin1Char(10), -1),
             QString("5000"));
    const QString sumBefore = psql(db, "SELECT sum(id) || ':' || md5(string_agg(name, ',' ORDER BY id)) FROM items");
    // A role of the cluster with a grant on the table: pg_dump alone would leave the role out,
    // and the restore's GRANT would fail on the fresh cluster.
    QCOMPARE(psql(db, "CREATE ROLE reporter LOGIN PASSWORD 'reporter-pw'; GRANT SELECT ON items TO reporter; "
                      "SELECT has_table_privilege('reporter', 'items', 'SELECT')").section(QLatin1Char(10), -1),
             QString("t"));

    DatabaseJob::Options dump;
    dump.container = db;
    dump.tags.project = kProject;
    dump.tags.service = "db";
    dump.tags.volume = "pg";
    const auto id = database(dump);
    QVERIFY2(id, id ? "" : qPrintable(id.error().toString()));
    const QList<ResticSnapshot> list = snapshots(m_repo, {"project=" + kProject, "volume=pg", "kind=pg-dump"});
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].paths, QStringList({"/pg.pgdump"}));
    QCOMPARE(list[0].tag("format"), QString("roles+custom"));

    // Destroyed: container and volume gone; a new, empty database in their place.
    docker({"rm", "-f", "-v", db});
    removeVolume(volume);
    const QString firstPassword = m_dbPassword;
    m_dbPassword = "db-" + QUuid::createUuid().toString(QUuid::Id128); // the new cluster's superuser's
    db = startPostgres(volume);
    QVERIFY(!db.isEmpty());
    QCOMPARE(psql(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'items'"), QString("0"));
    psql(db, "CREATE TABLE stray(x int)"); // replaced: the restore starts from a fresh database

    DatabaseJob::Options back;
    back.mode = DatabaseJob::Mode::Restore;
    back.container = db;
    back.snapshotId = list[0].id;
    back.fileInSnapshot = list[0].paths[0];
    back.withRoles = true;
    const auto restored = database(back);
    QVERIFY2(restored, restored ? "" : qPrintable(restored.error().toString()));
    QCOMPARE(psql(db, "SELECT count(*) FROM items"), QString("5000"));
    // The role is back (it may log in) and so is its grant.
    QCOMPARE(psql(db, "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'reporter'"), QString("t"));
    QCOMPARE(psql(db, "SELECT has_table_privilege('reporter', 'items', 'SELECT')"), QString("t"));
    // The superuser of the new container keeps the password it was made with (the dump's older
    // one is not put back over it).
    QCOMPARE(docker({"exec", "-e", "PGPASSWORD=" + m_dbPassword, db, "psql", "-X", "-tA", "-h", "127.0.0.1", "-U", "postgres",
                     "-d", "postgres", "-c", "SELECT 1"})
                 .out.trimmed(),
             QByteArray("1"));
    QCOMPARE(psql(db, "SELECT sum(id) || ':' || md5(string_agg(name, ',' ORDER BY id)) FROM items"), sumBefore);
    QCOMPARE(psql(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'stray'"), QString("0"));
    // The database password never reached DevDock's repository or folders.
    QDirIterator it(m_repoPath, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(m_dbPassword.toUtf8()) && !bytes.contains(firstPassword.toUtf8()));
        QVERIFY(!bytes.contains("reporter-pw"));
    }
    docker({"rm", "-f", "-v", db});
}

void TestDataBackup::postgres_failedDump_clearMessage_nothingSaved()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(m_repo);
    const QString volume = "devdock-it-data-pg2-" + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_volumes << volume;
    if (m_dbPassword.isEmpty()) {
        m_dbPassword = "db-" + QUuid::createUuid().toString(QUuid::Id128);
    }
    const QString db = startPostgres(volume);
    QVERIFY(!db.isEmpty());
    const int before = snapshots(m_repo).size();
    DatabaseJob::Options dump;
    dump.container = db;
    dump.database = "no_such_db";
    dump.tags.project = kProject;
    dump.tags.volume = "pg-missing";
    const auto id = database(dump);
    QVERIFY(!id);
    QVERIFY2(id.error().message.contains("Dumping the database") && id.error().message.contains("no_such_db")
                 && id.error().message.contains("does not exist"),
             qPrintable(id.error().message));
    QCOMPARE(snapshots(m_repo).size(), before);
    docker({"rm", "-f", "-v", db});
}

void TestDataBackup::consistent_redisSavedFirst_othersPausedForCopy_unpausedAfter_alsoOnError()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(m_repo);
    const QString volume = "devdock-it-data-cons-" + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_volumes << volume;
    const QString writer = startContainer({"-v", volume + ":/data"},
                                        "head -c 8388608 /dev/urandom > /data/bulk; "
                                        "while true; do date +%s >> /data/log; usleep 20000; done");
    // A stand-in Redis whose redis-cli SAVE writes its dump file into the volume.
    const QString cache = startContainer(
        {"-v", volume + ":/data"},
        "printf '#!/bin/sh\\necho saved > /data/dump.rdb\\necho OK\\n' > /bin/redis-cli; chmod +x /bin/redis-cli; "
        "sleep 3600");
    QVERIFY(!writer.isEmpty() && !cache.isEmpty());
    QVERIFY(waitUntil([&] { return docker({"exec", cache, "test", "-x", "/bin/redis-cli"}).exitCode == 0; }));
    DataVolume v;
    v.key = "cons";
    v.engineName = volume;
    v.exists = true;
    v.users = {{"writer", "/data", false, DatabaseKind::None}, {"cache", "/data", false, DatabaseKind::Redis}};
    const QHash<QString, QString> running{{"writer", writer}, {"cache", cache}};
    auto pausedNow = [&](const QString &id) {
        return docker({"inspect", "-f", "{{.State.Paused}}", id}).out.trimmed() == "true";
    };
    SnapshotTags tags;
    tags.project = kProject;
    tags.volume = "cons";
    for (const QString &image : {kTestImage, QString("devdock-test/no-such-image:1")}) {
        auto *job = new ConsistentBackup(m_client.get(), m_repo, v, running, image, tags, this);
        QSignalSpy done(job, &ConsistentBackup::finished);
        QStringList seenPaused;
        bool enginePaused = false;
        job->start();
        QVERIFY(waitUntil(
            [&] {
                if (seenPaused.isEmpty() && job->paused().size() == 2) {
                    seenPaused = job->paused();
                    enginePaused = pausedNow(writer) && pausedNow(cache);
                }
                return !done.isEmpty();
            },
            120000));
        const auto r = done.first().first().value<Result<QString>>();
        if (image == kTestImage) {
            QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
            QCOMPARE(seenPaused, QStringList({"writer", "cache"}));
            QVERIFY(enginePaused);
        } else {
            QVERIFY(!r);
            QVERIFY2(r.error().message.contains("not on the engine"), qPrintable(r.error().message));
        }
        QVERIFY(!pausedNow(writer));
        QVERIFY(!pausedNow(cache));
        QVERIFY(job->paused().isEmpty());
        job->deleteLater();
    }
    // The copy holds Redis's saved file: SAVE ran before it.
    const QList<ResticSnapshot> list = snapshots(m_repo, {"project=" + kProject, "volume=cons"});
    QCOMPARE(list.size(), 1);
    const QString copy = volume + "-copy";
    m_volumes << copy;
    const auto restored = restore(m_repo, list[0], copy, false);
    QVERIFY2(restored, restored ? "" : qPrintable(restored.error().toString()));
    const Run rdb = docker({"run", "--rm", "-v", copy + ":/data", kTestImage, "cat", "/data/dump.rdb"});
    QCOMPARE(rdb.out.trimmed(), QByteArray("saved"));
    docker({"rm", "-f", writer, cache});
}

void TestDataBackup::devdockctl_backupListCreate_tagsAndExitCodes()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QTemporaryDir project;
    const QString name = kProject + "-ctl";
    QFile f(project.filePath("compose.yaml"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("name: %1\nservices:\n  app:\n    image: %2\n"
                           "    command: [\"sh\", \"-c\", \"echo hi > /data/x; sleep 3600\"]\n"
                           "    volumes: [appdata:/data]\nvolumes:\n  appdata: {}\n")
                .arg(name, kTestImage)
                .toUtf8());
    f.close();
    const Run up = docker({"compose", "--project-directory", project.path(), "up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    m_volumes << name + "_appdata";
    const QString repo = m_dir.filePath("ctl-repo");
    qputenv("DEVDOCK_BACKUP_REPOSITORY", repo.toUtf8());
    auto ctl = [&](const QStringList &args) {
        return run(DEVDOCKCTL_PATH, QStringList{"--project-directory", project.path(), "backup"} + args, 120000);
    };
    const Run before = ctl({"list"});
    QVERIFY2(before.exitCode == 0, before.err.constData());
    QVERIFY2(QRegularExpression("appdata +3 B +app +never").match(QString::fromUtf8(before.out)).hasMatch(),
             before.out.constData());
    const Run created = ctl({"create", "app", "--checkpoint", "before-migration"});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    QVERIFY2(created.out.contains("appdata: snapshot "), created.out.constData());
    const Run after = ctl({"list"});
    QVERIFY2(QRegularExpression("appdata +3 B +app +[0-9a-f]{8} \\(just now\\)").match(QString::fromUtf8(after.out)).hasMatch(),
             after.out.constData());
    const Run unknown = ctl({"create", "nothere"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("'nothere' is neither a volume nor a service"));
    const Run usage = ctl({"frobnicate"});
    QCOMPARE(usage.exitCode, 2);
    // The snapshot carries the checkpoint tag; the app was unpaused after the copy.
    QVERIFY(docker({"compose", "--project-directory", project.path(), "exec", "-T", "app", "true"}).exitCode == 0);
    qunsetenv("DEVDOCK_BACKUP_REPOSITORY");
    docker({"compose", "--project-directory", project.path(), "down", "-v", "-t", "0"});
    // Nothing printed holds the repository password: it is in the keychain only.
    KeychainSecretStore store("backups");
    auto pw = await<std::optional<QString>>([&](auto cb) { store.read(ResticRepository::passwordKey(repo), nullptr, cb); });
    QVERIFY(pw && *pw && **pw);
    const QByteArray secret = (***pw).toUtf8();
    for (const Run *r : {&before, &created, &after, &unknown}) {
        QVERIFY(!r->out.contains(secret) && !r->err.contains(secret));
    }
    QProcess *c = ResticRepository(repo, ***pw).process({"snapshots", "--json", "--tag", "checkpoint=before-migration"}, this);
    c->start();
    QVERIFY(c->waitForFinished(60000));
    QCOMPARE(ResticSnapshot::listFromJson(c->readAllStandardOutput()).size(), 1);
}

// "Paused (or stopped, if the user prefers)": with setStopOthers the other users of the volume are
// stopped for the copy (the engine says not running while it is made) and started again after
// it. A DevDock killed while such a service was stopped left a note saying so: the next run
// starts it (a paused note is unpaused, as before).
void TestDataBackup::consistent_stopOthers_stoppedForCopy_startedAfter_deadRunsStoppedStartedAgain()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(m_repo);
    const QString volume = "devdock-it-data-stop-" + QUuid::createUuid().toString(QUuid::Id128).left(8);
    m_volumes << volume;
    // It ends on SIGTERM (a shell as pid 1 would ignore it and cost the engine's 10 s timeout).
    const QString writer = startContainer({"-v", volume + ":/data"},
                                          "trap 'exit 0' TERM; head -c 33554432 /dev/urandom > /data/bulk; "
                                          "while true; do date +%s >> /data/log; sleep 1 & wait; done");
    QVERIFY(!writer.isEmpty());
    auto state = [&](const QString &id) {
        return docker({"inspect", "-f", "{{.State.Running}} {{.State.Paused}} {{.State.StartedAt}}", id}).out.trimmed();
    };
    QVERIFY(waitUntil([&] { return docker({"exec", writer, "test", "-s", "/data/log"}).exitCode == 0; }));
    const QByteArray startedBefore = state(writer).split(' ').value(2);
    DataVolume v;
    v.key = "stopped";
    v.engineName = volume;
    v.exists = true;
    v.users = {{"writer", "/data", false, DatabaseKind::None}};
    SnapshotTags tags;
    tags.project = kProject;
    tags.volume = "stopped";
    auto *job = new ConsistentBackup(m_client.get(), m_repo, v, {{"writer", writer}}, kTestImage, tags, this);
    job->setStopOthers(true);
    QSignalSpy done(job, &ConsistentBackup::finished);
    QByteArray duringCopy;
    job->start();
    QVERIFY(waitUntil(
        [&] {
            if (duringCopy.isEmpty() && job->paused() == QStringList{"writer"}) {
                duringCopy = state(writer);
            }
            return !done.isEmpty();
        },
        120000));
    const auto r = done.first().first().value<Result<QString>>();
    QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
    QVERIFY2(duringCopy.startsWith("false false"), duringCopy.constData()); // stopped, not paused
    QVERIFY(job->paused().isEmpty());
    job->deleteLater();
    QVERIFY(waitUntil([&] { return state(writer).startsWith("true false"); }, 30000));
    QVERIFY2(state(writer).split(' ').value(2) != startedBefore, "the writer was not started again");
    // The snapshot holds the writer's file, the whole of it.
    const QList<ResticSnapshot> list = snapshots(m_repo, {"project=" + kProject, "volume=stopped"});
    QCOMPARE(list.size(), 1);

    // A dead run's notes: one stopped (started again), one paused (unpaused).
    const QString held = startContainer({}, "trap 'exit 0' TERM; while true; do sleep 1 & wait; done");
    QVERIFY(!held.isEmpty());
    QCOMPARE(docker({"stop", "-t", "5", writer}).exitCode, 0);
    QCOMPARE(docker({"pause", held}).exitCode, 0);
    QProcess dead;
    dead.start("true");
    QVERIFY(dead.waitForFinished());
    const qint64 deadPid = dead.processId() > 0 ? dead.processId() : 999999;
    const QString writerId = docker({"inspect", "-f", "{{.Id}}", writer}).out.trimmed();
    const QString heldId = docker({"inspect", "-f", "{{.Id}}", held}).out.trimmed();
    PauseLedger::noted(*m_client, writerId, true);
    PauseLedger::noted(*m_client, heldId, false);
    const QString dir = PauseLedger::directory();
    for (const QString &name : QDir(dir).entryList({"*" + writerId, "*" + heldId}, QDir::Files)) {
        QFile note(dir + "/" + name);
        QVERIFY(note.open(QIODevice::ReadOnly));
        const QByteArray rest = note.readAll().mid(QByteArray::number(qint64(QCoreApplication::applicationPid())).size());
        note.close();
        QVERIFY(note.open(QIODevice::WriteOnly | QIODevice::Truncate));
        note.write(QByteArray::number(deadPid) + rest);
    }
    QCOMPARE(PauseLedger::stoppedOrphans(*m_client), QStringList{writerId});
    QCOMPARE(PauseLedger::orphans(*m_client).size(), 2);
    bool recovered = false;
    PauseLedger::unpauseOrphans(m_client.get(), this, [&] { recovered = true; });
    QVERIFY(waitUntil([&] { return recovered; }, 60000));
    QVERIFY2(state(writer).startsWith("true false"), state(writer).constData());
    QVERIFY2(state(held).startsWith("true false"), state(held).constData());
    QVERIFY(PauseLedger::orphans(*m_client).isEmpty());
    docker({"rm", "-f", writer, held});
}

// devdockctl backup --stop: the app is stopped for the copy; Ctrl+C during it cancels (exit 130,
// a line saying so), saves nothing, removes the helper, and the app runs again.
void TestDataBackup::devdockctl_backupStop_sigintMidCopy_exit130_nothingSaved_serviceRunsAgain()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QTemporaryDir project;
    const QString name = kProject + "-int";
    QFile f(project.filePath("compose.yaml"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("name: %1\nservices:\n  app:\n    image: %2\n"
                           "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; while true; do sleep 1 & wait; done\"]\n"
                           "    volumes: [appdata:/data]\nvolumes:\n  appdata: {}\n")
                .arg(name, kTestImage)
                .toUtf8());
    f.close();
    const Run up = docker({"compose", "--project-directory", project.path(), "up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const auto down = qScopeGuard([&] { docker({"compose", "--project-directory", project.path(), "down", "-v", "-t", "0"}); });
    m_volumes << name + "_appdata";
    // Enough random data for the copy to take a while (restic cannot compress it away).
    const Run fill = run("sh", {"-c", QStringLiteral("openssl rand 805306368 | docker run -i --rm --network none --label %1 -v %2:/data %3 "
                                                     "sh -c 'cat > /data/big'")
                                          .arg(kDataLabel, name + "_appdata", kTestImage)},
                         300000);
    QVERIFY2(fill.exitCode == 0, fill.err.constData());
    const QString app = docker({"compose", "--project-directory", project.path(), "ps", "-q", "app"}).out.trimmed();
    QVERIFY(!app.isEmpty());
    const QString repo = m_dir.filePath("int-repo");
    qputenv("DEVDOCK_BACKUP_REPOSITORY", repo.toUtf8());
    const auto unset = qScopeGuard([] { qunsetenv("DEVDOCK_BACKUP_REPOSITORY"); });
    QProcess ctl;
    ctl.start(DEVDOCKCTL_PATH, {"--project-directory", project.path(), "backup", "--stop"});
    QVERIFY(ctl.waitForStarted());
    // The copy is under way once the app is stopped and the helper holding the volume exists.
    QVERIFY(waitUntil(
        [&] {
            return docker({"inspect", "-f", "{{.State.Running}}", app}).out.trimmed() == "false"
                   && !docker({"ps", "-aq", "--filter", "label=devdock.helper", "--filter", "volume=" + name + "_appdata"})
                           .out.trimmed()
                           .isEmpty();
        },
        120000));
    QTest::qWait(500);
    ::kill(pid_t(ctl.processId()), SIGINT);
    QVERIFY(ctl.waitForFinished(60000));
    const QByteArray err = ctl.readAllStandardError();
    QCOMPARE(ctl.exitStatus(), QProcess::NormalExit);
    QVERIFY2(ctl.exitCode() == 130, err.constData());
    QVERIFY2(err.contains("cancelled"), err.constData());
    QVERIFY(waitUntil([&] { return docker({"inspect", "-f", "{{.State.Running}}", app}).out.trimmed() == "true"; }, 30000));
    QCOMPARE(docker({"ps", "-aq", "--filter", "label=devdock.helper", "--filter", "volume=" + name + "_appdata"}).out.trimmed(),
             QByteArray());
    KeychainSecretStore store("backups");
    auto pw = await<std::optional<QString>>([&](auto cb) { store.read(ResticRepository::passwordKey(repo), nullptr, cb); });
    QVERIFY(pw && *pw && **pw);
    QProcess *list = ResticRepository(repo, ***pw).process({"snapshots", "--json"}, this);
    list->start();
    QVERIFY(list->waitForFinished(60000));
    QCOMPARE(ResticSnapshot::listFromJson(list->readAllStandardOutput()).size(), 0);
    QVERIFY(PauseLedger::orphans(*m_client).isEmpty());
}

QTEST_GUILESS_MAIN(TestDataBackup)
#include "tst_databackup.moc"
