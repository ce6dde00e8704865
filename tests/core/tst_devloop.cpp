// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Hot reload against the real engine and compose CLI, on a copy of the demo stack: file sync into
// the docs service (served over HTTP), dev mode on the frontend.
#undef QT_USE_QSTRINGBUILDER

#include "../common/dockertest.h"

#include "compose/composeloader.h"
#include "devloop/devloop.h"
#include "devloop/devmode.h"
#include "devloop/filesync.h"
#include "engine/engineclient.h"
#include "stack/livestate.h"
#include "workspace/projectruntime.h"
#include "stack/stackcontroller.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-devloop");

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

} // namespace

class TestDevLoop : public QObject
{
    Q_OBJECT
private slots:
    void isIgnored_data();
    void isIgnored();
    void devModeSources_fromDevFileAndExtension();
    void initTestCase();
    void cleanupTestCase();
    void fileSync_createChangeDelete_ignored_symlink_binary_restart_paused();
    void devMode_bindMountOnThatServiceOnly_andBack();
    void devdockctl_devAndSync();

private:
    ComposeProject load(const QStringList &profiles = {"docs"});
    QByteArray http(const QString &path);
    Run exec(const QString &service, const QStringList &command);

    QTemporaryDir m_dir;
    int m_docsPort = 0;
    std::unique_ptr<EngineClient> m_client;
};

void TestDevLoop::isIgnored_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<bool>("ignored");
    QTest::newRow("glob") << "a.tmp" << QStringList{"*.tmp"} << true;
    QTest::newRow("glob any depth by name") << "x/y/a.tmp" << QStringList{"*.tmp"} << true;
    QTest::newRow("folder with slash") << "drafts/next.html" << QStringList{"drafts/"} << true;
    QTest::newRow("nested folder")
        << "a/node_modules/b/c.js" << QStringList{"node_modules"} << true;
    QTest::newRow("anchored path") << "src/gen/x.py" << QStringList{"src/gen"} << true;
    QTest::newRow("anchored path elsewhere")
        << "lib/src/gen/x.py" << QStringList{"src/gen"} << false;
    QTest::newRow("double star") << "a/b/c/d.log" << QStringList{"a/**/*.log"} << true;
    QTest::newRow("question mark") << "v1.txt" << QStringList{"v?.txt"} << true;
    QTest::newRow("set") << "b.txt" << QStringList{"[ab].txt"} << true;
    QTest::newRow("negated set") << "a.txt" << QStringList{"[!a].txt"} << false;
    QTest::newRow("no match") << "index.html" << QStringList{"*.tmp", "drafts/"} << false;
    QTest::newRow("prefix of a name is not a match")
        << "draftsman.html" << QStringList{"drafts"} << false;
}

void TestDevLoop::isIgnored()
{
    QFETCH(QString, path);
    QFETCH(QStringList, patterns);
    QFETCH(bool, ignored);
    QCOMPARE(DevDock::Core::isIgnored(path, patterns), ignored);
}

void TestDevLoop::devModeSources_fromDevFileAndExtension()
{
    const QString demo = QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/demo");
    ComposeLoadOptions options;
    options.projectDirectory = demo;
    options.workingDirectory = demo;
    options.profiles = {"docs"};
    const auto project = loadComposeProject(options);
    QVERIFY(project);
    const auto sources = findDevModeSources(*project, demo);
    QVERIFY(sources);
    QCOMPARE(sources->sections.keys(), QStringList({"docs", "frontend"}));
    QCOMPARE(sources->origin.value("frontend"), QString("docker-compose.dev.yml"));
    QCOMPARE(sources->origin.value("docs"), QString("x-devdock"));
    // The override holds those sections only; loaded on top, it changes only them.
    QTemporaryDir dir;
    const QString path = dir.filePath("override.yaml");
    QVERIFY(writeDevOverride(*sources, {"frontend"}, path));
    const auto with = loadComposeProject(withDevOverride(options, *project, path));
    QVERIFY2(with, qPrintable(with ? QString() : with.error().message));
    bool mounted = false;
    for (const ComposeVolumeMount &m : with->service("frontend")->volumes) {
        mounted = mounted || (m.target == "/app/public" && m.source == demo + "/frontend/public");
    }
    QVERIFY(mounted);
    QCOMPARE(with->service("frontend")->environment.value("DEV_MODE"), std::optional<QString>("1"));
    QCOMPARE(with->service("backend")->volumes.size(), project->service("backend")->volumes.size());
    QVERIFY(!writeDevOverride(*sources, {"backend"}, path)); // no dev configuration
    QVERIFY(writeDevOverride(*sources, {}, path));
    QVERIFY(!QFile::exists(path));
}

void TestDevLoop::initTestCase()
{
    if (!engineAvailable()) {
        QSKIP("No Docker engine");
    }
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    {
        QString demoError;
        QVERIFY2(ensureDemoImages(&demoError), qPrintable(demoError));
    }
    const QDir from(QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/demo"));
    QDirIterator it(from.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString relative = from.relativeFilePath(file);
        if (relative != ".env.local") {
            QDir().mkpath(QFileInfo(m_dir.filePath(relative)).absolutePath());
            QVERIFY(QFile::copy(file, m_dir.filePath(relative)));
        }
    }
    m_docsPort = freePort();
    qputenv("COMPOSE_PROJECT_NAME", kProject.toUtf8());
    qputenv("DEMO_DOCS_PORT", QByteArray::number(m_docsPort));
    qputenv("DEMO_HTTP_PORT", QByteArray::number(freePort()));
    qputenv("DEMO_TEMPORAL_UI_PORT", QByteArray::number(freePort()));
    qunsetenv("DEVDOCK_COMPOSE");
    m_client = std::make_unique<EngineClient>(*EngineClient::systemEndpoint());
    run("docker", {"compose", "--project-directory", m_dir.path(), "-p", kProject, "--profile",
                   "docs", "down", "-v", "-t", "1"});
    setDevModeServices(m_dir.path(), {});
    setSyncServices(m_dir.path(), {});
}

void TestDevLoop::cleanupTestCase()
{
    if (m_client) {
        run("docker", {"compose", "--project-directory", m_dir.path(), "-p", kProject, "--profile",
                       "docs", "down", "-v", "-t", "1"});
        setDevModeServices(m_dir.path(), {});
        setSyncServices(m_dir.path(), {});
    }
}

ComposeProject TestDevLoop::load(const QStringList &profiles)
{
    ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
    options.projectDirectory = m_dir.path();
    options.workingDirectory = m_dir.path();
    options.profiles = profiles;
    auto project = loadComposeProject(options);
    return project ? *project : ComposeProject{};
}

QByteArray TestDevLoop::http(const QString &path)
{
    const Run r = run(
        "curl",
        {"-s", "-w", "\n%{http_code}", QString("http://127.0.0.1:%1/%2").arg(m_docsPort).arg(path)},
        10000);
    return r.out;
}

Run TestDevLoop::exec(const QString &service, const QStringList &command)
{
    return docker(QStringList{"exec", kProject + "-" + service + "-1"} + command);
}

void TestDevLoop::fileSync_createChangeDelete_ignored_symlink_binary_restart_paused()
{
    const Run up = run("docker",
                       {"compose", "--project-directory", m_dir.path(), "-p", kProject, "--profile",
                        "docs", "up", "-d", "--wait", "docs"},
                       120000);
    QVERIFY2(up.exitCode == 0, up.err.constData());
    FileSync sync(m_client.get());
    sync.setDebounce(50);
    sync.setProject(load(), {"docs"});
    QCOMPARE(sync.services(), QStringList{"docs"});
    QList<SyncBatch> batches;
    connect(&sync, &FileSync::batchFinished, this, [&](const SyncBatch &b) { batches << b; });
    auto waitBatch = [&](int count) {
        return waitUntil([&] { return batches.size() >= count; }, 20000);
    };

    // Initial sync (x-initial_sync): the site is served.
    sync.start();
    QVERIFY(waitBatch(1));
    QVERIFY2(batches[0].result,
             qPrintable(batches[0].result ? QString() : batches[0].result.error().message));
    QVERIFY(batches[0].initial);
    QVERIFY(batches[0].copied.contains("index.html"));
    QVERIFY(!batches[0].copied.contains("drafts/next.html")); // ignored: drafts/
    QVERIFY(http("index.html").contains("SynapseDTE docs"));

    // Created, then changed, then deleted.
    const QString site = m_dir.filePath("docs/site");
    write(site + "/guide/new.html", "<p>first</p>");
    QVERIFY(waitUntil([&] { return http("guide/new.html").startsWith("<p>first</p>"); }, 20000));
    write(site + "/guide/new.html", "<p>second, longer</p>");
    QVERIFY(waitUntil([&] { return http("guide/new.html").startsWith("<p>second, longer</p>"); },
                      20000));
    QFile::remove(site + "/guide/new.html");
    QVERIFY(waitUntil([&] { return http("guide/new.html").endsWith("404"); }, 20000));

    // Ignored files never reach the container; a symlink out of the folder is not followed.
    write(site + "/scratch.tmp", "temporary");
    write(site + "/drafts/secret.html", "draft");
    QVERIFY(QFile::link("/etc/hostname", site + "/escape.txt"));
    write(site + "/marker.html", "after the ignored ones");
    QVERIFY(
        waitUntil([&] { return http("marker.html").startsWith("after the ignored ones"); }, 20000));
    QVERIFY(waitUntil(
        [&] {
            return !batches.last().skipped.isEmpty()
                   || batches.last().copied.contains("marker.html");
        },
        5000));
    QCOMPARE(exec("docs", {"test", "-e", "/www/scratch.tmp"}).exitCode, 1);
    QCOMPARE(exec("docs", {"test", "-e", "/www/drafts/secret.html"}).exitCode, 1);
    QCOMPARE(exec("docs", {"test", "-e", "/www/escape.txt"}).exitCode, 1);
    bool skippedReported = false;
    for (const SyncBatch &b : batches) {
        skippedReported = skippedReported || b.skipped.contains("escape.txt");
    }
    QVERIFY(skippedReported);

    // Binary bytes, 3 MB, copied as they are.
    QByteArray binary(3 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator(42).generate(reinterpret_cast<quint32 *>(binary.data()),
                                  reinterpret_cast<quint32 *>(binary.data() + binary.size()));
    binary[100] = '\0';
    write(site + "/blob.bin", binary);
    const QByteArray expected = QCryptographicHash::hash(binary, QCryptographicHash::Md5).toHex();
    // The upload first (its events run on this thread; a blocking docker exec meanwhile would
    // wait for the container lock the upload holds).
    QVERIFY(waitUntil(
        [&] {
            for (const SyncBatch &b : batches) {
                if (b.copied.contains("blob.bin") && b.bytes >= binary.size()) {
                    return true;
                }
            }
            return false;
        },
        30000));
    QVERIFY(waitUntil([&] { return sync.status("docs").state == SyncStatus::State::Idle; }, 30000));
    const bool same = waitUntil(
        [&] {
            return exec("docs", {"md5sum", "/www/blob.bin"}).out.startsWith(expected);
        },
        30000);
    QVERIFY2(
        same,
        qPrintable(
            QString("%1 batches; last: %2 copied %3 bytes %4; in the container: %5")
                .arg(batches.size())
                .arg(batches.last().copied.join(','))
                .arg(batches.last().bytes)
                .arg(batches.last().result ? QString("ok") : batches.last().result.error().message)
                .arg(QString::fromUtf8(exec("docs", {"md5sum", "/www/blob.bin"}).out
                                       + exec("docs", {"md5sum", "/www/blob.bin"}).err))));

    // sync+restart: the banner is copied and the container restarted.
    const QByteArray startedBefore =
        docker({"inspect", "-f", "{{.State.StartedAt}}", kProject + "-docs-1"}).out;
    write(m_dir.filePath("docs/banner.txt"), "docs: banner from the test\n");
    QVERIFY(waitUntil(
        [&] {
            return docker({"inspect", "-f", "{{.State.StartedAt}}", kProject + "-docs-1"}).out
                   != startedBefore;
        },
        30000));
    QVERIFY(waitUntil(
        [&] {
            return exec("docs", {"cat", "/etc/docs/banner.txt"}).out
                   == "docs: banner from the test\n";
        },
        20000));
    QVERIFY(waitUntil(
        [&] {
            return docker({"logs", kProject + "-docs-1"}).out.contains("banner from the test");
        },
        20000));

    // Not running: paused with a message, the change kept and copied when it runs again.
    QCOMPARE(docker({"stop", "-t", "1", kProject + "-docs-1"}).exitCode, 0);
    write(site + "/while-stopped.html", "kept");
    QVERIFY(
        waitUntil([&] { return sync.status("docs").state == SyncStatus::State::Paused; }, 20000));
    QVERIFY2(sync.status("docs").message.contains("not running"),
             qPrintable(sync.status("docs").message));
    QCOMPARE(docker({"start", kProject + "-docs-1"}).exitCode, 0);
    QVERIFY(waitUntil([&] { return http("while-stopped.html").startsWith("kept"); }, 30000));
    QVERIFY(waitUntil([&] { return sync.status("docs").state == SyncStatus::State::Idle; }, 20000));
    sync.stop();
}

void TestDevLoop::devMode_bindMountOnThatServiceOnly_andBack()
{
    ProjectRuntime session(m_client.get());
    DevLoop &loop = *session.devLoop(); // the runtime's own
    QSignalSpy loaded(&session, &ProjectRuntime::loaded);
    session.open(m_dir.path());
    QVERIFY(loaded.wait(30000));
    QVERIFY(loop.devCapableServices().contains("frontend"));
    const Run up = run("docker",
                       {"compose", "--project-directory", m_dir.path(), "-p", kProject, "up", "-d",
                        "--no-deps", "frontend", "redis"},
                       120000);
    QVERIFY2(up.exitCode == 0, up.err.constData());
    auto mounts = [&](const QString &service) {
        return docker({"inspect", "-f", "{{range .Mounts}}{{.Source}}:{{.Destination}} {{end}}",
                       kProject + "-" + service + "-1"})
            .out.trimmed();
    };
    auto id = [&](const QString &service) {
        return docker({"inspect", "-f", "{{.Id}}", kProject + "-" + service + "-1"}).out;
    };
    QVERIFY(!mounts("frontend").contains("/app/public"));
    const QByteArray redisMounts = mounts("redis");
    const QByteArray redisId = id("redis");

    loop.setDevMode("frontend", true);
    QVERIFY(waitUntil(
        [&] {
            return mounts("frontend")
                .contains(m_dir.filePath("frontend/public").toUtf8() + ":/app/public");
        },
        60000));
    QVERIFY(waitUntil([&] { return !session.controller()->isBusy(); }, 30000));
    QCOMPARE(id("redis"), redisId); // untouched
    QCOMPARE(mounts("redis"), redisMounts);
    QCOMPARE(devModeServices(m_dir.path()), QStringList{"frontend"}); // remembered
    QCOMPARE(session.overlayFiles(), QStringList{devOverridePath(m_dir.path())});

    // A new session on the same folder comes back in dev mode.
    {
        ProjectRuntime again(m_client.get());
        DevLoop &loopAgain = *again.devLoop();
        QSignalSpy loadedAgain(&again, &ProjectRuntime::loaded);
        again.open(m_dir.path());
        // One load: the dev overlay is part of the runtime's load job.
        QVERIFY(waitUntil(
            [&] { return again.overlayFiles().size() == 1 && loadedAgain.size() >= 1; }, 30000));
        QCOMPARE(loadedAgain.size(), 1);
        QCOMPARE(loopAgain.devModeServices(), QStringList{"frontend"});
    }

    loop.setDevMode("frontend", false);
    QVERIFY(waitUntil([&] { return !mounts("frontend").contains("/app/public"); }, 60000));
    QVERIFY(waitUntil([&] { return !session.controller()->isBusy(); }, 30000));
    QCOMPARE(id("redis"), redisId);
    QVERIFY(devModeServices(m_dir.path()).isEmpty());
    QVERIFY(session.overlayFiles().isEmpty());
}

void TestDevLoop::devdockctl_devAndSync()
{
    auto ctl = [&](const QStringList &args) {
        return run(DEVDOCKCTL_PATH, QStringList{"--project-directory", m_dir.path()} + args,
                   120000);
    };
    const Run list = ctl({"--profile", "docs", "dev"});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains("frontend") && list.out.contains("docker-compose.dev.yml")
                 && list.out.contains("docs") && list.out.contains("x-devdock"),
             list.out.constData());
    const Run bad = ctl({"dev", "on", "redis"});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains("redis has no dev mode configuration"));
    const Run on = ctl({"dev", "on", "frontend"});
    QVERIFY2(on.exitCode == 0, on.err.constData());
    QVERIFY(docker({"inspect", "-f", "{{range .Mounts}}{{.Destination}} {{end}}",
                    kProject + "-frontend-1"})
                .out.contains("/app/public"));
    // Other commands keep the dev configuration: up does not undo it.
    QCOMPARE(ctl({"up", "--no-deps", "frontend"}).exitCode, 0);
    QVERIFY(docker({"inspect", "-f", "{{range .Mounts}}{{.Destination}} {{end}}",
                    kProject + "-frontend-1"})
                .out.contains("/app/public"));
    const Run off = ctl({"dev", "off", "frontend"});
    QVERIFY2(off.exitCode == 0, off.err.constData());
    QVERIFY(!docker({"inspect", "-f", "{{range .Mounts}}{{.Destination}} {{end}}",
                     kProject + "-frontend-1"})
                 .out.contains("/app/public"));

    // sync in the foreground: a batch line per change, until interrupted.
    QProcess sync;
    sync.setProgram(DEVDOCKCTL_PATH);
    sync.setArguments({"--project-directory", m_dir.path(), "--profile", "docs", "sync", "docs"});
    sync.start();
    QByteArray out;
    QVERIFY(waitUntil(
        [&] {
            out += sync.readAllStandardOutput();
            return out.contains("initial sync: ");
        },
        30000));
    write(m_dir.filePath("docs/site/from-cli.html"), "cli");
    QVERIFY(waitUntil(
        [&] {
            out += sync.readAllStandardOutput();
            return out.contains("from-cli.html");
        },
        20000));
    QVERIFY(out.contains("docs: 1 copied"));
    QVERIFY(http("from-cli.html").startsWith("cli"));
    sync.terminate();
    QVERIFY(sync.waitForFinished(10000));
    QCOMPARE(sync.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestDevLoop)
#include "tst_devloop.moc"
