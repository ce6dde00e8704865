// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Restore, end to end through devdockctl: a Compose project with a real PostgreSQL 15
// (scripts/postgres-image.sh) and a files volume, the real engine, real restic, the real keychain.
#undef QT_USE_QSTRINGBUILDER

#include "../common/composetest.h"
#include "../common/datatest.h"
#include "../common/dockertest.h"
#include "../common/volumemanifest.h"

#include "compose/composeloader.h"
#include "data/resticrepository.h"
#include "data/restorejob.h"
#include "data/restoreplan.h"
#include "data/volumeinventory.h"
#include "engine/engineclient.h"
#include "env/secretstore.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QScopeGuard>
#include <QUuid>

#include <csignal>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-restore");
const QString kDataLabel = QStringLiteral("devdock.test.data=1");
const QString kPgVolume = kProject + "_pgdata";
const QString kFilesVolume = kProject + "_files";

// "<key>: snapshot 1234abcd" / "<key>: safety snapshot 1234abcd" in devdockctl's output.
QString snapshotIn(const QByteArray &out, const QString &key, const QString &what = "snapshot")
{
    const auto m = QRegularExpression(QRegularExpression::escape(key) + ": " + what + " ([0-9a-f]{8})")
                       .match(QString::fromUtf8(out));
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

class TestDataRestore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void restore_withoutYes_asksOnTerminal_refusesWithoutOne_nothingChanged();
    void postgres_rowsBackedUp_tableDropped_restored_rowsBack_dependentsRestarted();
    void postgres_downVolumes_thenRestore_rowsBack();
    void checkpoint_allVolumesBackInOneStep();
    void killedMidRestore_safetySnapshotBringsPreviousStateBack();
    void killedMidBackup_noSnapshot_repositoryChecks_volumeUntouched_pausedServiceResumes();
    void restoreTo_anotherVolume_sameData_originalAndItsServiceUntouched();
    void restoreJob_cancelledMidRestore_servicesStayStopped_safetyNamed_failureBeforeChange_changesNothing();
    void forget_keepLast_checkpointsKept_pruned_repositoryChecks();
    void downVolumes_noBackup_removesWithoutSnapshot();
    void wrongRepositoryPassword_clearError();
    void bindData_backedUp_changed_restoredInPlace_safetyFirst_appRunsAgain();
    void repositoryPassword_inNoFileOrLog();

private:
    Run ctl(const QStringList &args, int timeoutMs = 300000);
    Run compose(const QStringList &args, int timeoutMs = 180000);
    QString psql(const QString &sql);
    QJsonArray snapshotsJson();
    QString startedAt(const QString &service);
    QString repositoryCheck(); // restic check with the keychain's password: empty when it passes

    QTemporaryDir m_dir;
    QString m_project;
    QString m_repo;
    QString m_dbPassword;
    QList<Run> m_runs; // every devdockctl run, for the password check
};

void TestDataRestore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    DEVDOCK_REQUIRE_RESTIC();
    if (!engineAvailable()) {
        return;
    }
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    QVERIFY2(ensurePostgresImage(&error), qPrintable(error));
    m_dbPassword = "db-" + QUuid::createUuid().toString(QUuid::Id128);
    m_project = m_dir.filePath("project");
    QDir().mkpath(m_project);
    QFile f(m_project + "/compose.yaml");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"(name: %1
services:
  db:
    image: devdock-test/postgres:15
    labels: [%3]
    environment: {POSTGRES_PASSWORD: "%4", POSTGRES_DB: app}
    volumes: [pgdata:/var/lib/postgresql/data]
    healthcheck: {test: ["CMD-SHELL", "pg_isready -U postgres -d app"], interval: 1s, timeout: 5s, retries: 60}
  app:
    image: %2
    labels: [%3]
    command: ["sleep", "3600"]
    depends_on: {db: {condition: service_healthy}}
    volumes: [files:/files]
volumes:
  pgdata: {}
  files: {}
)")
                .arg(kProject, kTestImage, kDataLabel, m_dbPassword)
                .toUtf8());
    f.close();
    m_repo = m_dir.filePath("repo");
    qputenv("DEVDOCK_BACKUP_REPOSITORY", m_repo.toUtf8());
    const Run up = compose({"up", "-d", "--wait"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
}

void TestDataRestore::cleanupTestCase()
{
    compose({"down", "-v", "-t", "0"});
    const Run ids = docker({"ps", "-aq", "--filter", "label=devdock.helper"});
    // Only helpers on this test's volumes (a killed restore leaves its helper behind).
    for (const QString &id : QString::fromUtf8(ids.out).split('\n', Qt::SkipEmptyParts)) {
        const Run mounts = docker({"inspect", "-f", "{{range .Mounts}}{{.Name}} {{end}}", id});
        if (mounts.out.contains(kProject.toUtf8())) {
            docker({"rm", "-f", id});
        }
    }
    docker({"volume", "rm", "-f", kPgVolume, kFilesVolume});
    qunsetenv("DEVDOCK_BACKUP_REPOSITORY");
}

Run TestDataRestore::ctl(const QStringList &args, int timeoutMs)
{
    const Run r = run(DEVDOCKCTL_PATH, QStringList{"--project-directory", m_project} + args, timeoutMs);
    m_runs << r;
    return r;
}

Run TestDataRestore::compose(const QStringList &args, int timeoutMs)
{
    return docker(QStringList{"compose", "--project-directory", m_project} + args, timeoutMs);
}

QString TestDataRestore::psql(const QString &sql)
{
    const Run r = compose({"exec", "-T", "-u", "postgres", "db", "psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d",
                           "app", "-c", sql});
    if (r.exitCode != 0) {
        return QStringLiteral("<error> ") + QString::fromUtf8(r.err).trimmed();
    }
    return QString::fromUtf8(r.out).trimmed();
}

QJsonArray TestDataRestore::snapshotsJson()
{
    const Run r = ctl({"snapshots", "--json"});
    if (r.exitCode != 0) {
        qWarning("snapshots failed: %s", r.err.constData());
    }
    return QJsonDocument::fromJson(r.out).array();
}

QString TestDataRestore::repositoryCheck()
{
    KeychainSecretStore store("backups");
    auto pw = await<std::optional<QString>>(
        [&](auto cb) { store.read(ResticRepository::passwordKey(m_repo), nullptr, cb); });
    if (!(pw && *pw && **pw)) {
        return QStringLiteral("no repository password in the keychain");
    }
    return resticCheck(m_repo, ***pw);
}

QString TestDataRestore::startedAt(const QString &service)
{
    const Run id = compose({"ps", "-aq", service});
    return QString::fromUtf8(docker({"inspect", "-f", "{{.State.Running}} {{.State.StartedAt}}",
                                     QString::fromUtf8(id.out).trimmed()})
                                 .out)
        .trimmed();
}

void TestDataRestore::restore_withoutYes_asksOnTerminal_refusesWithoutOne_nothingChanged()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c", "echo one > /files/marker"}).exitCode, 0);
    const Run backup = ctl({"backup", "files"});
    QVERIFY2(backup.exitCode == 0, backup.err.constData());
    const QString id = snapshotIn(backup.out, "files");
    QVERIFY2(!id.isEmpty(), backup.out.constData());
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c", "echo two > /files/marker"}).exitCode, 0);
    const int before = snapshotsJson().size();
    // stdin is a pipe here, not a terminal: the plan is printed, then a refusal.
    const Run refused = ctl({"restore", id});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("stdin is not a terminal") && refused.err.contains("--yes"), refused.err.constData());
    QVERIFY2(refused.out.contains("Replaces: everything in volume " + kFilesVolume.toUtf8()), refused.out.constData());
    QVERIFY2(refused.out.contains("Stops: app"), refused.out.constData());
    QVERIFY2(refused.out.contains("First: a safety snapshot"), refused.out.constData());
    QCOMPARE(compose({"exec", "-T", "app", "cat", "/files/marker"}).out.trimmed(), QByteArray("two"));
    // On a terminal (script(1) gives it one) it asks; anything but yes changes nothing (exit 1).
    const Run asked = run("script", {"-qec", QStringLiteral(DEVDOCKCTL_PATH) + " --project-directory " + m_project + " restore " + id,
                                     "/dev/null"},
                          120000, "n\n");
    m_runs << asked;
    QCOMPARE(asked.exitCode, 1);
    QVERIFY2(asked.out.contains("Restore? [y/N]") && asked.out.contains("not confirmed; nothing was changed"),
             asked.out.constData());
    QCOMPARE(compose({"exec", "-T", "app", "cat", "/files/marker"}).out.trimmed(), QByteArray("two"));
    QCOMPARE(snapshotsJson().size(), before);
    const Run unknown = ctl({"restore", "ffffffff", "--yes"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("No snapshot ffffffff"), unknown.err.constData());
    // With --yes: back to "one"; app (the volume's user) stopped and started again.
    const Run restored = ctl({"restore", id, "--yes"});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
    QCOMPARE(compose({"exec", "-T", "app", "cat", "/files/marker"}).out.trimmed(), QByteArray("one"));
}

void TestDataRestore::postgres_rowsBackedUp_tableDropped_restored_rowsBack_dependentsRestarted()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QCOMPARE(psql("CREATE TABLE items(id int primary key, name text); "
                  "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 5000) g; "
                  "SELECT count(*) FROM items").section('\n', -1),
             QString("5000"));
    const QString sum = psql("SELECT sum(id) || ':' || md5(string_agg(name, ',' ORDER BY id)) FROM items");
    const Run backup = ctl({"backup", "db"});
    QVERIFY2(backup.exitCode == 0, backup.err.constData());
    const QString id = snapshotIn(backup.out, "pgdata");
    QVERIFY2(!id.isEmpty(), backup.out.constData());
    QCOMPARE(psql("DROP TABLE items; SELECT count(*) FROM pg_tables WHERE tablename = 'items'").section('\n', -1), QString("0"));
    const QString appBefore = startedAt("app");
    const QString dbBefore = startedAt("db");
    QVERIFY(appBefore.startsWith("true"));

    const Run restored = ctl({"restore", id, "--yes"});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
    const QString out = QString::fromUtf8(restored.out);
    QVERIFY2(out.contains("Replaces: the database of service db"), restored.out.constData());
    QVERIFY2(out.contains("Stops: app"), restored.out.constData());
    QVERIFY2(out.contains("Starts again, dependencies first: app"), restored.out.constData());
    const QString safety = snapshotIn(restored.out, "pgdata", "safety snapshot");
    QVERIFY2(!safety.isEmpty(), restored.out.constData());
    QCOMPARE(psql("SELECT count(*) FROM items"), QString("5000"));
    QCOMPARE(psql("SELECT sum(id) || ':' || md5(string_agg(name, ',' ORDER BY id)) FROM items"), sum);
    // The dependent was stopped and started again; the database itself kept running.
    const QString appAfter = startedAt("app");
    QVERIFY2(appAfter.startsWith("true") && appAfter != appBefore, qPrintable(appBefore + " / " + appAfter));
    QCOMPARE(startedAt("db"), dbBefore);
    // The safety snapshot is listed as such: a dump of the database without the table.
    bool listed = false;
    for (const QJsonValue &v : snapshotsJson()) {
        const QJsonObject o = v.toObject();
        if (o["shortId"].toString() == safety) {
            listed = o["reason"] == "safety" && o["kind"] == "pg-dump" && o["volume"] == "pgdata";
        }
    }
    QVERIFY(listed);
}

void TestDataRestore::postgres_downVolumes_thenRestore_rowsBack()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    const QString sum = psql("SELECT sum(id) || ':' || md5(string_agg(name, ',' ORDER BY id)) FROM items");
    QVERIFY(!sum.startsWith("<error>"));
    // A role with a grant: the fresh cluster after down --volumes has neither until the restore.
    QVERIFY(!psql("DROP ROLE IF EXISTS auditor; CREATE ROLE auditor LOGIN; GRANT SELECT ON items TO auditor").startsWith("<error>"));
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c", "echo before-down > /files/marker"}).exitCode, 0);
    // down --volumes backs every volume up first, then removes them.
    const Run down = ctl({"down", "--volumes"});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    const QString db = snapshotIn(down.out, "pgdata");
    const QString files = snapshotIn(down.out, "files");
    QVERIFY2(!db.isEmpty() && !files.isEmpty(), down.out.constData());
    QCOMPARE(docker({"volume", "inspect", kPgVolume}).exitCode, 1);
    QCOMPARE(docker({"volume", "inspect", kFilesVolume}).exitCode, 1);
    int beforeDown = 0;
    for (const QJsonValue &v : snapshotsJson()) {
        beforeDown += v.toObject()["reason"] == "before-down" ? 1 : 0;
    }
    QCOMPARE(beforeDown, 2);
    // A pg-dump goes into a running database: without one, restore says so and changes nothing.
    const Run noDb = ctl({"restore", db, "--yes"});
    QCOMPARE(noDb.exitCode, 1);
    QVERIFY2(noDb.err.contains("service db does not run") && noDb.err.contains("devdockctl up db"), noDb.err.constData());
    // A files snapshot recreates its volume (Compose adopts it: its labels).
    const Run filesBack = ctl({"restore", files, "--yes"});
    QVERIFY2(filesBack.exitCode == 0, filesBack.err.constData());
    QVERIFY2(filesBack.out.contains("Creates: volume " + kFilesVolume.toUtf8()), filesBack.out.constData());
    QVERIFY2(!filesBack.out.contains("safety snapshot"), filesBack.out.constData()); // nothing to lose
    QCOMPARE(docker({"volume", "inspect", "-f", "{{index .Labels \"com.docker.compose.project\"}}", kFilesVolume}).out.trimmed(),
             kProject.toUtf8());
    const Run up = compose({"up", "-d", "--wait"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QVERIFY2(!up.err.contains("already exists but was not created"), up.err.constData());
    QCOMPARE(compose({"exec", "-T", "app", "cat", "/files/marker"}).out.trimmed(), QByteArray("before-down"));
    QCOMPARE(psql("SELECT count(*) FROM pg_tables WHERE tablename = 'items'"), QString("0"));
    const Run restored = ctl({"restore", db, "--yes"});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
    QCOMPARE(psql("SELECT count(*) FROM items"), QString("5000"));
    QCOMPARE(psql("SELECT sum(id) || ':' || md5(string_agg(name, ',' ORDER BY id)) FROM items"), sum);
    QCOMPARE(psql("SELECT has_table_privilege('auditor', 'items', 'SELECT')"), QString("t"));
    QCOMPARE(ctl({"down", "--no-backup"}).exitCode, 2); // it goes with --volumes only
}

void TestDataRestore::checkpoint_allVolumesBackInOneStep()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c", "echo checkpointed > /files/marker"}).exitCode, 0);
    const Run cp = ctl({"backup", "--checkpoint", "before-migration"});
    QVERIFY2(cp.exitCode == 0, cp.err.constData());
    QVERIFY(!snapshotIn(cp.out, "pgdata").isEmpty() && !snapshotIn(cp.out, "files").isEmpty());
    // The "migration": both volumes change.
    QCOMPARE(psql("DELETE FROM items WHERE id > 10; SELECT count(*) FROM items").section('\n', -1), QString("10"));
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c", "echo migrated > /files/marker; echo x > /files/new"}).exitCode, 0);
    const Run missing = ctl({"restore", "--checkpoint", "no-such-checkpoint", "--yes"});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("no checkpoint 'no-such-checkpoint'"), missing.err.constData());
    const Run restored = ctl({"restore", "--checkpoint", "before-migration", "--yes"});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
    QVERIFY2(restored.out.contains("pgdata: restored from snapshot") && restored.out.contains("files: restored from snapshot"),
             restored.out.constData());
    QCOMPARE(psql("SELECT count(*) FROM items"), QString("5000"));
    QCOMPARE(compose({"exec", "-T", "app", "cat", "/files/marker"}).out.trimmed(), QByteArray("checkpointed"));
    QCOMPARE(compose({"exec", "-T", "app", "test", "-e", "/files/new"}).exitCode, 1);
}

void TestDataRestore::killedMidRestore_safetySnapshotBringsPreviousStateBack()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    // Snapshot A: 96 MiB of random data; then state B, which the restore of A will replace.
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c",
                      "rm -rf /files/*; head -c 100663296 /dev/urandom > /files/a.bin; echo A > /files/state"})
                 .exitCode,
             0);
    const Run backup = ctl({"backup", "files"});
    QVERIFY2(backup.exitCode == 0, backup.err.constData());
    const QString a = snapshotIn(backup.out, "files");
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c",
                      "rm -rf /files/*; head -c 8388608 /dev/urandom > /files/b.bin; echo B > /files/state; "
                      "mkdir -p /files/empty; ln -s b.bin /files/link; chown 123:456 /files/b.bin; chmod 0604 /files/b.bin"})
                 .exitCode,
             0);
    const QString before = volumeManifest(kFilesVolume, kDataLabel);
    QVERIFY(before.contains("./state"));
    const QString mountpoint =
        QString::fromUtf8(docker({"volume", "inspect", "-f", "{{.Mountpoint}}", kFilesVolume}).out).trimmed();
    QVERIFY(QFileInfo::exists(mountpoint + "/b.bin"));

    QProcess restore;
    restore.setProcessChannelMode(QProcess::SeparateChannels);
    restore.start(DEVDOCKCTL_PATH, {"--project-directory", m_project, "restore", a, "--yes"});
    QVERIFY(restore.waitForStarted());
    QByteArray out;
    // Killed once the restore has begun changing the volume (B's file is gone), before it ends.
    QVERIFY(waitUntil(
        [&] {
            out += restore.readAllStandardOutput();
            return !QFileInfo::exists(mountpoint + "/b.bin") || restore.state() == QProcess::NotRunning;
        },
        120000));
    ::kill(pid_t(restore.processId()), SIGKILL);
    QVERIFY(restore.waitForFinished(10000));
    out += restore.readAllStandardOutput();
    QCOMPARE(restore.exitStatus(), QProcess::CrashExit);
    const QString safety = snapshotIn(out, "files", "safety snapshot");
    QVERIFY2(!safety.isEmpty(), out.constData());
    QVERIFY2(out.contains("to go back: devdockctl restore " + safety.toUtf8() + " --yes"), out.constData());
    QVERIFY(volumeManifest(kFilesVolume, kDataLabel) != before);

    // The way back the output named.
    const Run back = ctl({"restore", safety, "--yes"});
    QVERIFY2(back.exitCode == 0, back.err.constData());
    QCOMPARE(volumeManifest(kFilesVolume, kDataLabel), before);
    // The killed run left app stopped (half-restored data is not served); it starts on B's data.
    QVERIFY2(compose({"start", "app"}).exitCode == 0, "app does not start");
    QCOMPARE(compose({"exec", "-T", "app", "cat", "/files/state"}).out.trimmed(), QByteArray("B"));
}

void TestDataRestore::killedMidBackup_noSnapshot_repositoryChecks_volumeUntouched_pausedServiceResumes()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c",
                      "rm -rf /files/*; head -c 268435456 /dev/urandom > /files/big.bin; echo K > /files/state"})
                 .exitCode,
             0);
    const QString before = volumeManifest(kFilesVolume, kDataLabel);
    const int snapshotsBefore = snapshotsJson().size();
    const QString appId = QString::fromUtf8(compose({"ps", "-q", "app"}).out).trimmed();
    const auto paused = [&] {
        return docker({"inspect", "-f", "{{.State.Paused}}", appId}).out.trimmed() == "true";
    };
    const auto resticBackups = [] {
        QProcess pgrep;
        pgrep.start("pgrep", {"-f", "restic backup --stdin"});
        return pgrep.waitForFinished(5000) && pgrep.exitCode() == 0;
    };

    QProcess backup;
    backup.start(DEVDOCKCTL_PATH, {"--project-directory", m_project, "backup", "create", "files"});
    QVERIFY(backup.waitForStarted());
    // Killed while the volume streams into restic (app, which writes the volume, is paused).
    QVERIFY(waitUntil([&] { return (paused() && resticBackups()) || backup.state() == QProcess::NotRunning; },
                      120000));
    QTest::qWait(300);
    QVERIFY2(backup.state() == QProcess::Running, "the backup ended before it could be killed");
    ::kill(pid_t(backup.processId()), SIGKILL);
    QVERIFY(backup.waitForFinished(10000));
    // restic went with it, before it could take the cut stream for the whole volume.
    QVERIFY(waitUntil([&] { return !resticBackups(); }, 10000));
    // The killed run left app paused and its helper container (which holds the volume) behind;
    // the next look at the project's data (here: the snapshot list) unpauses app and removes
    // the helper.
    const auto helpers = [] {
        return docker({"ps", "-aq", "--filter", "label=devdock.helper.owner"}).out.trimmed();
    };
    QVERIFY(paused());
    QVERIFY(!helpers().isEmpty());
    QCOMPARE(snapshotsJson().size(), snapshotsBefore);
    QVERIFY(!paused());
    QCOMPARE(helpers(), QByteArray());
    const QString check = repositoryCheck();
    QVERIFY2(check.isEmpty(), qPrintable(check));
    QCOMPARE(volumeManifest(kFilesVolume, kDataLabel), before);

    // A backup then goes through, and unpauses app after its copy.
    const Run again = ctl({"backup", "create", "files"});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(snapshotsJson().size(), snapshotsBefore + 1);
    QVERIFY(!paused());
}

void TestDataRestore::restoreTo_anotherVolume_sameData_originalAndItsServiceUntouched()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c",
                      "rm -rf /files/*; echo T > /files/state; mkdir -p /files/d/empty; "
                      "ln -s ../state /files/d/link; head -c 65536 /dev/urandom > /files/d/r.bin; "
                      "chown 321:654 /files/d/r.bin; chmod 0640 /files/d/r.bin"})
                 .exitCode,
             0);
    const Run backup = ctl({"backup", "files"});
    QVERIFY2(backup.exitCode == 0, backup.err.constData());
    const QString id = snapshotIn(backup.out, "files");
    QVERIFY2(!id.isEmpty(), backup.out.constData());
    const QString before = volumeManifest(kFilesVolume, kDataLabel);
    const QString appStarted = startedAt("app");
    const QString copy = kProject + "_copy";
    QCOMPARE(docker({"volume", "create", "--label", kDataLabel, copy}).exitCode, 0);
    const Run restored = ctl({"restore", id, "--to", copy, "--yes"});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
    // Every entry below the root alike (the root directory is the new volume's own).
    const auto entries = [](const QString &manifest) {
        QStringList lines = manifest.split('\n', Qt::SkipEmptyParts);
        lines.removeIf([](const QString &l) { return l.startsWith(". "); });
        return lines;
    };
    const QString copied = volumeManifest(copy, kDataLabel);
    QCOMPARE(entries(copied), entries(before));
    QVERIFY(copied.contains("./d/r.bin regular file 640 321:654 65536"));
    // The volume the snapshot came from, and the service that uses it, were left alone.
    QCOMPARE(volumeManifest(kFilesVolume, kDataLabel), before);
    QCOMPARE(startedAt("app"), appStarted);
    docker({"volume", "rm", copy});
}

void TestDataRestore::restoreJob_cancelledMidRestore_servicesStayStopped_safetyNamed_failureBeforeChange_changesNothing()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    ComposeLoadOptions options;
    options.projectDirectory = m_project;
    options.workingDirectory = m_project;
    const auto project = loadComposeProject(options);
    QVERIFY(project);
    const auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    KeychainSecretStore store("backups");
    auto pw = await<std::optional<QString>>([&](auto cb) { store.read(ResticRepository::passwordKey(m_repo), nullptr, cb); });
    QVERIFY(pw && *pw && **pw);
    ResticRepository repo(m_repo, ***pw);
    // What the CLI gathers: snapshots, df, running containers.
    auto gather = [&](RestorePlan *plan, const ResticSnapshot *snapshot) {
        auto list = await<QList<ResticSnapshot>>([&](auto cb) { repo.snapshots({"project=" + kProject}, nullptr, cb); });
        auto df = await<EngineClient::Response>([&](auto cb) {
            HttpRequest request;
            request.target = "/system/df";
            client.call(request, nullptr, cb);
        });
        ContainerListOptions listOptions;
        listOptions.filters.insert("label", {"com.docker.compose.project=" + kProject});
        auto containers = await<QList<ContainerSummary>>([&](auto cb) { client.listContainers(listOptions, nullptr, cb); });
        if (!list || !*list || !df || !*df || !containers || !*containers) {
            return QStringLiteral("gathering failed");
        }
        QHash<QString, QString> running;
        for (const ContainerSummary &c : **containers) {
            if (c.state == "running") {
                running.insert(c.labels.value("com.docker.compose.service"), c.id);
            }
        }
        const QJsonObject dfJson = QJsonDocument::fromJson((*df)->body).object();
        QStringList volumes;
        for (const QJsonValue &v : dfJson["Volumes"].toArray()) {
            volumes << v.toObject()["Name"].toString();
        }
        ResticSnapshot chosen;
        if (snapshot) {
            chosen = *snapshot;
        } else {
            for (const ResticSnapshot &s : **list) {
                if (s.tag("checkpoint") == "before-migration" && s.tag("volume") == "files") {
                    chosen = s;
                }
            }
        }
        auto made = RestorePlan::make(*project, volumeInventory(*project, dfJson, **list), chosen, {}, running, volumes);
        if (!made) {
            return made.error().toString();
        }
        *plan = *made;
        return QString();
    };
    auto runJob = [&](RestoreJob &job, const std::function<void(qint64)> &onProgress = {}) {
        if (onProgress) {
            connect(&job, &RestoreJob::progressed, &job, onProgress);
        }
        auto r = await<void>(
            [&](auto cb) {
                connect(&job, &RestoreJob::finished, &job, [cb](const Result<void> &res) { cb(res); });
                job.start();
            },
            180000);
        return r ? *r : Result<void>(makeError(Error::Code::Timeout, "restore did not finish"));
    };
    SnapshotTags tags;
    tags.project = kProject;
    RestorePlan plan;
    QString error = gather(&plan, nullptr);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(plan.stop, QStringList({"app"}));
    QVERIFY(plan.takesSafetySnapshot());
    const QString before = volumeManifest(kFilesVolume, kDataLabel);
    const QString appBefore = startedAt("app");

    // A failure before anything changed (no safety snapshot possible): nothing stopped, nothing replaced.
    RestorePlan broken = plan;
    broken.helperImage = "devdock-test/no-such-image:1";
    RestoreJob failing(&client, &repo, broken, tags);
    const auto failed = runJob(failing);
    QVERIFY(!failed);
    QVERIFY2(failed.error().message.contains("No safety snapshot, so nothing was restored"), qPrintable(failed.error().message));
    QCOMPARE(startedAt("app"), appBefore);
    QCOMPARE(volumeManifest(kFilesVolume, kDataLabel), before);

    // Cancelled while the data streams in: the user stays stopped, the error names the way back.
    RestoreJob cancelled(&client, &repo, plan, tags);
    QString safety;
    connect(&cancelled, &RestoreJob::safetySnapshotSaved, this, [&](const QString &id) { safety = id; });
    const auto r = runJob(cancelled, [&](qint64 bytes) {
        if (cancelled.step() == RestoreJob::Step::Restore && bytes > 0) {
            cancelled.cancel();
        }
    });
    QVERIFY(!r);
    QCOMPARE(int(r.error().code), int(Error::Code::Cancelled));
    QVERIFY(!safety.isEmpty());
    QVERIFY2(r.error().hint.contains("safety snapshot " + safety.left(8)) && r.error().hint.contains("devdockctl restore " + safety.left(8))
                 && r.error().hint.contains("Stopped and left so: app"),
             qPrintable(r.error().hint));
    QVERIFY(startedAt("app").startsWith("false"));
    QVERIFY(volumeManifest(kFilesVolume, kDataLabel) != before);

    // The safety snapshot brings the state before back; app, stopped, is left as it is.
    auto list = await<QList<ResticSnapshot>>([&](auto cb) { repo.snapshots({"project=" + kProject, "reason=safety"}, nullptr, cb); });
    QVERIFY(list && *list);
    const auto found = std::find_if((**list).cbegin(), (**list).cend(), [&](const ResticSnapshot &s) { return s.id.startsWith(safety); });
    QVERIFY(found != (**list).cend());
    RestorePlan back;
    error = gather(&back, &*found);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(back.stop.isEmpty());
    QCOMPARE(back.idleUsers, QStringList({"app"}));
    RestoreJob goBack(&client, &repo, back, tags);
    const auto restored = runJob(goBack);
    QVERIFY2(restored, restored ? "" : qPrintable(restored.error().toString()));
    QCOMPARE(volumeManifest(kFilesVolume, kDataLabel), before);
    QCOMPARE(compose({"start", "app"}).exitCode, 0);
}

void TestDataRestore::forget_keepLast_checkpointsKept_pruned_repositoryChecks()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    const QJsonArray before = snapshotsJson();
    QVERIFY(before.size() >= 8);
    // Per stream (volume and kind): how many snapshots are no checkpoint; and the checkpoints.
    auto streams = [](const QJsonArray &list) {
        QMap<QString, int> plain;
        QStringList checkpoints;
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            int &count = plain[o["paths"].toArray().first().toString()];
            if (!o["checkpoint"].toString().isEmpty()) {
                checkpoints << o["id"].toString();
            } else {
                ++count;
            }
        }
        return std::pair{plain, checkpoints};
    };
    const auto [plainBefore, checkpointsBefore] = streams(before);
    QCOMPARE(checkpointsBefore.size(), 2);
    QVERIFY(plainBefore.value("/files.tar") >= 3);

    QCOMPARE(ctl({"forget"}).exitCode, 2); // no rule: it would forget everything
    QCOMPARE(ctl({"forget", "--keep-last", "0"}).exitCode, 2);
    const Run dry = ctl({"forget", "--keep-last", "1", "--dry-run"});
    QVERIFY2(dry.exitCode == 0, dry.err.constData());
    QVERIFY2(dry.out.contains("would forget "), dry.out.constData());
    QCOMPARE(snapshotsJson().size(), before.size());

    const Run forget = ctl({"forget", "--keep-last", "1", "--prune"});
    QVERIFY2(forget.exitCode == 0, forget.err.constData());
    QVERIFY2(forget.out.contains("pruned"), forget.out.constData());
    const auto [plainAfter, checkpointsAfter] = streams(snapshotsJson());
    QCOMPARE(checkpointsAfter, checkpointsBefore);
    // keep-last 1 counts the checkpoints too: at most the newest plain one stays beside them.
    for (auto it = plainAfter.cbegin(); it != plainAfter.cend(); ++it) {
        QVERIFY2(it.value() <= 1, qPrintable(it.key()));
    }
    QCOMPARE(plainAfter.value("/files.tar"), 1); // newer than the checkpoint
    QCOMPARE(plainAfter.keys(), plainBefore.keys()); // every stream keeps a snapshot
    // The repository is whole after the prune.
    const QString check = repositoryCheck();
    QVERIFY2(check.isEmpty(), qPrintable(check));
}

void TestDataRestore::downVolumes_noBackup_removesWithoutSnapshot()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    const int before = snapshotsJson().size();
    const Run down = ctl({"down", "--volumes", "--no-backup"});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QVERIFY2(!down.out.contains("backing up"), down.out.constData());
    QCOMPARE(docker({"volume", "inspect", kPgVolume}).exitCode, 1);
    QCOMPARE(snapshotsJson().size(), before);
}

void TestDataRestore::wrongRepositoryPassword_clearError()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    // A repository made with another password (the keychain entry lost or from elsewhere).
    const QString other = m_dir.filePath("other-repo");
    QProcess init;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("RESTIC_PASSWORD", "someone-elses-password");
    init.setProcessEnvironment(env);
    init.start("restic", {"-r", other, "init"});
    QVERIFY(init.waitForFinished(60000) && init.exitCode() == 0);
    qputenv("DEVDOCK_BACKUP_REPOSITORY", other.toUtf8());
    const Run snapshots = ctl({"snapshots"});
    const Run restore = ctl({"restore", "abcd1234", "--yes"});
    qputenv("DEVDOCK_BACKUP_REPOSITORY", m_repo.toUtf8());
    for (const Run &r : {snapshots, restore}) {
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("password is wrong") && r.err.contains(other.toUtf8()) && r.err.contains("keychain"),
                 r.err.constData());
        QVERIFY(!r.err.contains("someone-elses-password"));
    }
}

void TestDataRestore::repositoryPassword_inNoFileOrLog()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QVERIFY(m_runs.size() > 10);
    KeychainSecretStore store("backups");
    auto pw = await<std::optional<QString>>([&](auto cb) { store.read(ResticRepository::passwordKey(m_repo), nullptr, cb); });
    QVERIFY(pw && *pw && **pw);
    const QByteArray secret = (***pw).toUtf8();
    QVERIFY(secret.size() >= 40);
    for (const Run &r : std::as_const(m_runs)) {
        QVERIFY(!r.out.contains(secret) && !r.err.contains(secret));
    }
    // devdockctl's log, the repository, the data and config folders, the project.
    const QStringList roots{QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + "/devdock/logs",
                            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
                            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + "/DevDock",
                            m_dir.path()};
    // What DevDock wrote itself is counted (its logs, the repository's snapshot files), not what
    // else happens to be in the XDG folders: each of them must have been read.
    int logFiles = 0;
    int snapshotFiles = 0;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            const bool read = file.size() < 64 * 1024 * 1024 && file.open(QIODevice::ReadOnly);
            QVERIFY2(read || file.size() >= 64 * 1024 * 1024, qPrintable(file.fileName()));
            if (read) {
                QVERIFY2(!file.readAll().contains(secret), qPrintable(file.fileName()));
                logFiles += file.fileName().contains("/devdock/logs/") ? 1 : 0;
                snapshotFiles += file.fileName().startsWith(m_repo + "/snapshots/") ? 1 : 0;
            }
        }
    }
    QVERIFY2(logFiles > 0, "devdockctl wrote no log to look into");
    const qsizetype snapshots = snapshotsJson().size();
    QVERIFY(snapshots > 0);
    QVERIFY2(snapshotFiles >= snapshots, qPrintable(QString("%1 snapshot files read, %2 snapshots")
                                                         .arg(snapshotFiles)
                                                         .arg(snapshots)));
}

// A data folder on the host (`./uploads`, marked x-devdock: {data: [...]}) is restored where it
// is: what restore says names the folder, a safety snapshot of the current files comes first, the
// folder is emptied (a file added since is gone) and filled (contents, a symlink, a mode, a file
// deleted since is back), and the app that uses it runs again.
void TestDataRestore::bindData_backedUp_changed_restoredInPlace_safetyFirst_appRunsAgain()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    const QString dir = m_dir.filePath("bindproject");
    const QString uploads = dir + "/uploads";
    QVERIFY(QDir().mkpath(uploads + "/sub"));
    QVERIFY(writeFile(dir + "/compose.yaml", QStringLiteral(R"(name: %1-bind
services:
  app:
    image: %2
    labels: [%3]
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1 & wait; done"]
    volumes: ["./uploads:/uploads"]
    x-devdock: {data: [./uploads]}
)")
                                                 .arg(kProject, kTestImage, kDataLabel)
                                                 .toUtf8()));
    QVERIFY(writeFile(uploads + "/a.txt", "one\n"));
    QByteArray blob(200000, Qt::Uninitialized);
    for (qsizetype i = 0; i < blob.size(); ++i) {
        blob[i] = char((i * 7919) % 251);
    }
    QVERIFY(writeFile(uploads + "/sub/b.bin", blob));
    QVERIFY(QFile::setPermissions(uploads + "/a.txt", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    QVERIFY(QFile::link("sub/b.bin", uploads + "/link"));
    auto bindCtl = [&](const QStringList &args) {
        const Run r = run(DEVDOCKCTL_PATH, QStringList{"--project-directory", dir} + args, 300000);
        m_runs << r;
        return r;
    };
    auto bindCompose = [&](const QStringList &args) {
        return docker(QStringList{"compose", "--project-directory", dir} + args, 180000);
    };
    const Run up = bindCompose({"up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const auto down = qScopeGuard([&] { bindCompose({"down", "-t", "0"}); });
    const QString key = QDir::cleanPath(uploads);
    const Run backedUp = bindCtl({"backup", "create", "app"});
    QVERIFY2(backedUp.exitCode == 0, backedUp.err.constData());
    const QString id = snapshotIn(backedUp.out, key);
    QVERIFY2(!id.isEmpty(), backedUp.out.constData());

    // The folder changes on the host.
    QVERIFY(writeFile(uploads + "/a.txt", "changed\n"));
    QVERIFY(writeFile(uploads + "/added.txt", "new\n"));
    QVERIFY(QFile::remove(uploads + "/sub/b.bin"));
    const QString startedBefore = docker({"inspect", "-f", "{{.State.StartedAt}}", bindCompose({"ps", "-q", "app"}).out.trimmed()}).out.trimmed();

    const Run restored = bindCtl({"restore", id, "--yes"});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
    QVERIFY2(restored.out.contains(QString("Replaces: everything in folder %1 on the host").arg(key).toUtf8()), restored.out.constData());
    QVERIFY2(!snapshotIn(restored.out, key, "safety snapshot").isEmpty(), restored.out.constData());
    QFile a(uploads + "/a.txt");
    QVERIFY(a.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), QByteArray("one\n"));
    QCOMPARE(QFileInfo(uploads + "/a.txt").permissions() & (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                            | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                                            | QFile::WriteOther | QFile::ExeOther),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    QVERIFY(!QFileInfo::exists(uploads + "/added.txt"));
    QFile b(uploads + "/sub/b.bin");
    QVERIFY(b.open(QIODevice::ReadOnly));
    QCOMPARE(b.readAll(), blob);
    QCOMPARE(QFileInfo(uploads + "/link").symLinkTarget(), QFileInfo(uploads + "/sub/b.bin").absoluteFilePath());
    // The app was stopped for it and runs again.
    const QString app = bindCompose({"ps", "-q", "app"}).out.trimmed();
    QVERIFY(waitUntil([&] { return docker({"inspect", "-f", "{{.State.Running}}", app}).out.trimmed() == "true"; }, 30000));
    QVERIFY(docker({"inspect", "-f", "{{.State.StartedAt}}", app}).out.trimmed() != startedBefore);
    // The safety snapshot holds the changed state: restoring it brings "changed" back.
    const QString safety = snapshotIn(restored.out, key, "safety snapshot");
    QCOMPARE(bindCtl({"restore", safety, "--yes"}).exitCode, 0);
    QFile again(uploads + "/a.txt");
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), QByteArray("changed\n"));
    QVERIFY(QFileInfo::exists(uploads + "/added.txt"));
}

QTEST_GUILESS_MAIN(TestDataRestore)
#include "tst_datarestore.moc"
