// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ProjectBackups, the automation of issue 16: scheduled backups while the stack runs, retention
// after each backup, and a backup before a database service is recreated with a new image.
// Against the real engine, the real compose CLI, real restic and a real PostgreSQL 15
// (scripts/postgres-image.sh).
#undef QT_USE_QSTRINGBUILDER

#include "../common/composetest.h"
#include "../common/datatest.h"
#include "../common/dockertest.h"

#include "compose/composeloader.h"
#include "data/projectbackups.h"
#include "data/resticrepository.h"
#include "engine/engineclient.h"
#include "stack/stackcontroller.h"

#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUuid>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-backupauto");
const QString kLabel = QStringLiteral("devdock.test.backupauto=1");
const QString kPgImage = QStringLiteral("devdock-it-backupauto/pg");

QByteArray composeYaml(int pgTag)
{
    return QStringLiteral(R"(name: %1
services:
  db:
    image: %2:%3
    labels: [%4]
    environment: {POSTGRES_PASSWORD: "auto-test", POSTGRES_DB: app}
    volumes: [pgdata:/var/lib/postgresql/data]
    healthcheck: {test: ["CMD-SHELL", "pg_isready -U postgres -d app"], interval: 1s, timeout: 5s, retries: 60}
  app:
    image: %5
    labels: [%4]
    command: ["sleep", "3600"]
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

class TestBackupAutomation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void settings_savedPerProject_loadedBack();
    void schedule_whileStackRuns_backsUpEachPeriod_notWhileStopped();
    void retention_afterEachBackup_forgetsAndPrunes_checkpointsKept();
    void cancel_midCopy_nothingSaved_serviceUnpaused_helperRemoved();
    void branchCheckpoints_eachBackupOnABranch_isThatBranchsNewestCheckpoint();
    void recreate_databaseWithNewImage_backedUpFirst_sameImage_not();

private:
    // Writes `content` into the files volume and backs it up (with `checkpoint`, if any); the
    // snapshot id, empty with `error` set when it failed.
    QString backUpFiles(const QString &checkpoint, const QString &content, QString *error,
                        const QString &reason = {});
    Run git(const QStringList &args);
    Run compose(const QStringList &args, int timeoutMs = 180000);
    QList<ResticSnapshot> snapshots(const QStringList &tags);
    bool load(int pgTag);

    QTemporaryDir m_dir;
    std::unique_ptr<EngineClient> m_client;
    ResticRepository *m_repo = nullptr;
    ProjectBackups *m_backups = nullptr;
    ComposeProject m_project;
    QString m_password;
};

void TestBackupAutomation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    DEVDOCK_REQUIRE_RESTIC();
    if (!engineAvailable()) {
        return;
    }
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    QVERIFY2(ensurePostgresImage(&error), qPrintable(error));
    // Two images of the same PostgreSQL that the engine tells apart: "a new image".
    QVERIFY2(buildPostgresVariants(kPgImage, {1, 2}, &error), qPrintable(error));
    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    m_client = std::make_unique<EngineClient>(*endpoint);
    m_password = QUuid::createUuid().toString(QUuid::Id128);
    m_repo = new ResticRepository(m_dir.filePath("repo"), m_password, this);
    auto init = await<void>([&](auto cb) { m_repo->ensureInitialized(this, cb); });
    QVERIFY(init && *init);
    m_backups = new ProjectBackups(m_client.get(), m_repo, this);
    QVERIFY(load(1));
    const Run up = compose({"up", "-d", "--wait"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
}

void TestBackupAutomation::cleanupTestCase()
{
    compose({"down", "-v", "-t", "0"});
    docker({"rmi", kPgImage + ":1", kPgImage + ":2"});
}

Run TestBackupAutomation::compose(const QStringList &args, int timeoutMs)
{
    return docker(QStringList{"compose", "--project-directory", m_dir.filePath("project")} + args,
                  timeoutMs);
}

bool TestBackupAutomation::load(int pgTag)
{
    QDir().mkpath(m_dir.filePath("project"));
    if (!writeFile(m_dir.filePath("project/compose.yaml"), composeYaml(pgTag))) {
        return false;
    }
    ComposeLoadOptions options;
    options.workingDirectory = m_dir.filePath("project");
    auto project = loadComposeProject(options);
    if (!project) {
        qWarning("%s", qPrintable(project.error().toString()));
        return false;
    }
    m_project = *project;
    m_backups->setProject(m_project);
    return true;
}

QList<ResticSnapshot> TestBackupAutomation::snapshots(const QStringList &tags)
{
    auto r = await<QList<ResticSnapshot>>([&](auto cb) { m_repo->snapshots(tags, this, cb); });
    return r && *r ? **r : QList<ResticSnapshot>{};
}

void TestBackupAutomation::settings_savedPerProject_loadedBack()
{
    QSettings settings(m_dir.filePath("settings.ini"), QSettings::IniFormat);
    BackupSettings s;
    s.everyHours = 6;
    s.retention.last = 3;
    s.retention.daily = 7;
    s.branchCheckpoints = true;
    s.save(settings, "/home/dev/project-a");
    QCOMPARE(BackupSettings::load(settings, "/home/dev/project-a"), s);
    // Another project has its own (none yet).
    QCOMPARE(BackupSettings::load(settings, "/home/dev/project-b"), BackupSettings{});
}

void TestBackupAutomation::schedule_whileStackRuns_backsUpEachPeriod_notWhileStopped()
{
    DEVDOCK_REQUIRE_ENGINE();
    QSignalSpy started(m_backups, &ProjectBackups::backupStarted);
    QSignalSpy finished(m_backups, &ProjectBackups::backupFinished);
    BackupSettings s;
    s.everyHours = 1;
    m_backups->setIntervalOverride(std::chrono::milliseconds(3000));
    m_backups->setSettings(s);
    QVERIFY(m_backups->nextScheduled().isValid());
    // No backup yet: due one period on. Two periods: two backups of both volumes.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 180000);
    for (const auto &call : std::as_const(finished)) {
        const auto r = call.at(0).value<Result<QStringList>>();
        QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r->size(), 2);
    }
    const QList<ResticSnapshot> scheduled = snapshots({"project=" + kProject, "reason=scheduled"});
    QVERIFY2(scheduled.size() >= 2, qPrintable(QString::number(scheduled.size())));
    // The running PostgreSQL is dumped, the files volume copied.
    QStringList kinds;
    for (const ResticSnapshot &snap : scheduled) {
        kinds << snap.tag("volume") + "/" + snap.tag("kind");
    }
    QVERIFY2(kinds.contains("pgdata/pg-dump") && kinds.contains("files/files"),
             qPrintable(kinds.join(' ')));

    // Stopped: the timer still fires, nothing is backed up.
    QVERIFY(compose({"stop", "-t", "0"}).exitCode == 0);
    QTest::qWait(500);
    const qsizetype before = started.size();
    QTest::qWait(8000);
    QCOMPARE(started.size(), before);
    // Between two checks (not while one reads what runs) the next one is due.
    QTRY_VERIFY_WITH_TIMEOUT(m_backups->nextScheduled().isValid(), 10000);

    s.everyHours = 0;
    m_backups->setSettings(s);
    QVERIFY(!m_backups->nextScheduled().isValid());
    m_backups->setIntervalOverride(std::chrono::milliseconds(0));
}

void TestBackupAutomation::retention_afterEachBackup_forgetsAndPrunes_checkpointsKept()
{
    DEVDOCK_REQUIRE_ENGINE();
    BackupSettings s;
    s.retention.last = 1;
    m_backups->setSettings(s);
    QSignalSpy retention(m_backups, &ProjectBackups::retentionApplied);
    QString error;
    QVERIFY2(!backUpFiles("keep-me", "one", &error).isEmpty(), qPrintable(error));
    // A restore's safety snapshot is the way back from that restore: retention keeps it.
    const QString safety = backUpFiles({}, "safe", &error, "safety");
    QVERIFY2(!safety.isEmpty(), qPrintable(error));
    QVERIFY2(!backUpFiles({}, "two", &error).isEmpty(), qPrintable(error));
    QVERIFY2(!backUpFiles({}, "three", &error).isEmpty(), qPrintable(error));
    QVERIFY(!retention.isEmpty());
    const auto outcome = retention.last().at(0).value<Result<ForgetOutcome>>();
    QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().toString()));
    QVERIFY(!outcome->removed.isEmpty());
    const QList<ResticSnapshot> files = snapshots({"project=" + kProject, "volume=files"});
    QCOMPARE(files.size(), 3); // the checkpoint, the safety snapshot and the newest
    QCOMPARE(files.first().tag("checkpoint"), QString("keep-me"));
    QVERIFY(std::any_of(files.begin(), files.end(), [&](const ResticSnapshot &f) {
        return (f.id.startsWith(safety) || safety.startsWith(f.id)) && f.tag("reason") == "safety";
    }));
    // Pruned and sound.
    const QString check = resticCheck(m_dir.filePath("repo"), m_password);
    QVERIFY2(check.isEmpty(), qPrintable(check));
    m_backups->setSettings({});
}

void TestBackupAutomation::cancel_midCopy_nothingSaved_serviceUnpaused_helperRemoved()
{
    DEVDOCK_REQUIRE_ENGINE();
    const Run fill = docker({"run", "--rm", "--network", "none", "--label", kLabel, "-v",
                             kProject + "_files:/files", kTestImage, "sh", "-c",
                             "head -c 134217728 /dev/urandom > /files/big.bin"});
    QVERIFY2(fill.exitCode == 0, fill.err.constData());
    const QStringList tags{"project=" + kProject, "volume=files"};
    const qsizetype before = snapshots(tags).size();
    QCOMPARE(compose({"up", "-d", "app"}).exitCode, 0); // an earlier test may have stopped it
    const QString app = QString::fromUtf8(compose({"ps", "-q", "app"}).out).trimmed();
    QVERIFY(!app.isEmpty());
    QSignalSpy progressed(m_backups, &ProjectBackups::progressed);
    QSignalSpy finished(m_backups, &ProjectBackups::backupFinished);
    m_backups->backup({"files"}, {});
    // Cancelled while the volume streams (app, which uses it, is paused for the copy).
    QVERIFY(progressed.wait(60000));
    QCOMPARE(docker({"inspect", "-f", "{{.State.Paused}}", app}).out.trimmed(), QByteArray("true"));
    m_backups->cancel();
    QVERIFY(finished.size() == 1 || finished.wait(60000));
    const auto r = finished.first().at(0).value<Result<QStringList>>();
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Cancelled);
    QVERIFY2(r.error().message.contains("cancelled; nothing was saved"), qPrintable(r.error().message));
    QCOMPARE(snapshots(tags).size(), before);
    QCOMPARE(docker({"inspect", "-f", "{{.State.Paused}}", app}).out.trimmed(), QByteArray("false"));
    QCOMPARE(docker({"ps", "-aq", "--filter", "label=devdock.helper.owner"}).out.trimmed(), QByteArray());
    const QString check = resticCheck(m_dir.filePath("repo"), m_password);
    QVERIFY2(check.isEmpty(), qPrintable(check));
    docker({"run", "--rm", "--network", "none", "--label", kLabel, "-v", kProject + "_files:/files",
            kTestImage, "rm", "-f", "/files/big.bin"});
}

QString TestBackupAutomation::backUpFiles(const QString &checkpoint, const QString &content,
                                         QString *error, const QString &reason)
{
    const Run change = docker({"run", "--rm", "--network", "none", "--label", kLabel, "-v",
                               kProject + "_files:/files", kTestImage, "sh", "-c",
                               "echo " + content + " > /files/content"});
    if (change.exitCode != 0) {
        *error = QString::fromUtf8(change.err);
        return {};
    }
    QSignalSpy finished(m_backups, &ProjectBackups::backupFinished);
    SnapshotTags tags;
    tags.checkpoint = checkpoint;
    tags.reason = reason;
    m_backups->backup({"files"}, tags);
    if (!finished.wait(120000)) {
        *error = QStringLiteral("the backup did not finish");
        return {};
    }
    const auto r = finished.first().at(0).value<Result<QStringList>>();
    if (!r || r->size() != 1) {
        *error = r ? QStringLiteral("not one snapshot") : r.error().toString();
        return {};
    }
    return r->first();
}

Run TestBackupAutomation::git(const QStringList &args)
{
    return run("git", QStringList{"-C", m_dir.filePath("project")} + args);
}

void TestBackupAutomation::branchCheckpoints_eachBackupOnABranch_isThatBranchsNewestCheckpoint()
{
    DEVDOCK_REQUIRE_ENGINE();
    // The project's folder is a git checkout on feature/login.
    qputenv("GIT_AUTHOR_NAME", "DevDock test");
    qputenv("GIT_AUTHOR_EMAIL", "test@devdock.invalid");
    qputenv("GIT_COMMITTER_NAME", "DevDock test");
    qputenv("GIT_COMMITTER_EMAIL", "test@devdock.invalid");
    QCOMPARE(git({"init", "-q", "-b", "feature/login"}).exitCode, 0);
    QCOMPARE(git({"add", "-A"}).exitCode, 0);
    QCOMPARE(git({"commit", "-q", "-m", "project"}).exitCode, 0);
    auto cleanup = qScopeGuard([&] {
        QDir(m_dir.filePath("project/.git")).removeRecursively();
        m_backups->setSettings({});
    });
    BackupSettings s;
    s.branchCheckpoints = true;
    m_backups->setSettings(s);
    const QString login = ProjectBackups::branchCheckpoint("feature/login");
    QCOMPARE(login, QString("branch-feature/login"));

    // Two backups on the branch: its checkpoint is the newer one alone.
    QString error;
    QVERIFY2(!backUpFiles({}, "login-one", &error).isEmpty(), qPrintable(error));
    const QString second = backUpFiles({}, "login-two", &error);
    QVERIFY2(!second.isEmpty(), qPrintable(error));
    QList<ResticSnapshot> ofLogin =
        snapshots({"project=" + kProject, "volume=files", "checkpoint=" + login});
    QCOMPARE(ofLogin.size(), 1);
    QVERIFY2(ofLogin.first().id.startsWith(second), qPrintable(ofLogin.first().id));
    QCOMPARE(ofLogin.first().tag("branch"), QString("feature/login"));

    // Another branch gets its own; the first branch's stays. A named checkpoint keeps its name.
    QCOMPARE(git({"checkout", "-q", "-b", "main"}).exitCode, 0);
    QVERIFY2(!backUpFiles({}, "main-one", &error).isEmpty(), qPrintable(error));
    QVERIFY2(!backUpFiles("release-1", "main-two", &error).isEmpty(), qPrintable(error));
    QCOMPARE(snapshots({"project=" + kProject, "checkpoint=branch-main"}).size(), 1);
    QCOMPARE(snapshots({"project=" + kProject, "checkpoint=release-1"}).size(), 1);
    ofLogin = snapshots({"project=" + kProject, "volume=files", "checkpoint=" + login});
    QCOMPARE(ofLogin.size(), 1);
    QVERIFY(ofLogin.first().id.startsWith(second));
    const QString check = resticCheck(m_dir.filePath("repo"), m_password);
    QVERIFY2(check.isEmpty(), qPrintable(check));

    // Off: a backup carries no branch checkpoint.
    m_backups->setSettings({});
    const QString plain = backUpFiles({}, "main-three", &error);
    QVERIFY2(!plain.isEmpty(), qPrintable(error));
    for (const ResticSnapshot &snapshot : snapshots({"project=" + kProject, "volume=files"})) {
        if (snapshot.id.startsWith(plain)) {
            QCOMPARE(snapshot.tag("checkpoint"), QString());
        }
    }
}

void TestBackupAutomation::recreate_databaseWithNewImage_backedUpFirst_sameImage_not()
{
    DEVDOCK_REQUIRE_ENGINE();
    QVERIFY(compose({"up", "-d", "--wait"}).exitCode == 0);
    const Run row = compose(
        {"exec", "-T", "-u", "postgres", "db", "psql", "-X", "-v", "ON_ERROR_STOP=1", "-d", "app",
         "-c", "create table kept(v text); insert into kept values ('before the new image');"});
    QVERIFY2(row.exitCode == 0, row.err.constData());
    const QString oldContainer = QString::fromUtf8(compose({"ps", "-q", "db"}).out).trimmed();

    StackController controller(m_client.get());
    controller.setActionGate(m_backups->dataGate());
    ComposeLoadOptions options;
    options.workingDirectory = m_dir.filePath("project");
    auto runUp = [&]() -> Result<void> {
        QSignalSpy done(&controller, &StackController::actionFinished);
        controller.setProject(m_project, options);
        controller.up({"db"}, ComposeUpOptions{.wait = true});
        if (!QTest::qWaitFor([&] { return !done.isEmpty(); }, 240000)) {
            return makeError(Error::Code::Timeout, "up did not finish");
        }
        return done.first().at(1).value<Result<void>>();
    };
    // The same image: nothing to back up.
    const auto same = runUp();
    QVERIFY2(same, same ? "" : qPrintable(same.error().toString()));
    QCOMPARE(snapshots({"project=" + kProject, "reason=before-recreate"}).size(), 0);
    QCOMPARE(QString::fromUtf8(compose({"ps", "-q", "db"}).out).trimmed(), oldContainer);

    // A new image: the database is dumped before Compose recreates its container.
    QVERIFY(load(2));
    const auto recreated = runUp();
    QVERIFY2(recreated, recreated ? "" : qPrintable(recreated.error().toString()));
    const QList<ResticSnapshot> before =
        snapshots({"project=" + kProject, "reason=before-recreate"});
    QCOMPARE(before.size(), 1);
    QCOMPARE(before.first().tag("volume"), QString("pgdata"));
    QCOMPARE(before.first().tag("kind"), QString("pg-dump"));
    const QString newContainer = QString::fromUtf8(compose({"ps", "-q", "db"}).out).trimmed();
    QVERIFY(newContainer != oldContainer);
    QVERIFY(docker({"inspect", "-f", "{{.Config.Image}}", newContainer}).out.contains(":2"));
    // The engine gives nanoseconds; Qt reads milliseconds.
    const QString createdText =
        QString::fromUtf8(docker({"inspect", "-f", "{{.Created}}", newContainer}).out).trimmed();
    const QDateTime created = QDateTime::fromString(createdText.left(23) + "Z", Qt::ISODateWithMs);
    QVERIFY2(created.isValid(), qPrintable(createdText));
    QVERIFY2(before.first().time < created,
             qPrintable(before.first().time.toString(Qt::ISODateWithMs) + " "
                        + created.toString(Qt::ISODateWithMs)));
    // The files volume (no database) was left alone.
    QCOMPARE(snapshots({"project=" + kProject, "reason=before-recreate", "volume=files"}).size(),
             0);
}

QTEST_GUILESS_MAIN(TestBackupAutomation)
#include "tst_backupautomation.moc"
