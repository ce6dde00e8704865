// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/composetest.h"
#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "logs/projectlogs.h"
#include "stack/livestate.h"

#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Test;

class TestProjectLogs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void follow_restart_noDuplicateNoGap_marked();
    void ingest_mergedOrderAndEviction();
    void lastLine_newestTextOfTheService_plainAndBounded();
    void devdockctl_grepAndStrip();

private:
    const QString m_project = "devdock-it-logs";
};

void TestProjectLogs::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    {
        QString demoError;
        QVERIFY2(ensureDemoImages(&demoError), qPrintable(demoError));
    }
}

void TestProjectLogs::cleanupTestCase()
{
    run("docker", {"compose", "-p", m_project, "down", "-t", "1"});
}

void TestProjectLogs::follow_restart_noDuplicateNoGap_marked()
{
    // A counter that survives restarts (its state file lives in the container), with colour.
    // The state file is replaced by a rename: a kill between a truncating write and its data
    // would leave it empty and start the count again at 1.
    QTemporaryDir dir;
    ComposeLoadOptions options;
    options.projectName = m_project;
    auto project = loadInline(dir,
                              "services:\n"
                              "  counter:\n"
                              "    image: devdock-demo/busybox:latest\n"
                              "    pull_policy: never\n"
                              "    init: true\n"
                              "    stop_grace_period: 1s\n"
                              "    command: [\"sh\", \"-c\", \"i=$$(cat /tmp/n 2>/dev/null || echo 0); "
                              // A stop ends the loop between two numbers: a kill between
                              // saving a number and printing it would skip one.
                              "stop=0; trap 'stop=1' TERM; while [ $$stop = 0 ]; do i=$$((i+1)); echo $$i > /tmp/n.new; mv /tmp/n.new /tmp/n; printf '\\\\033[32m%s\\\\033[0m\\\\n' $$i; "
                              "sleep 0.02; done\"]\n",
                              options);
    QVERIFY2(project.has_value(), project ? "" : qPrintable(project.error().message));
    QCOMPARE(run("docker", {"compose", "--project-directory", dir.path(), "-p", m_project, "up",
                            "-d"}).exitCode,
             0);
    auto endpoint = EngineClient::systemEndpoint();
    EngineClient client(*endpoint);
    LiveState live(&client);
    live.setProject(*project);
    ProjectLogs logs(&client);
    LogOptions follow;
    follow.follow = true;
    logs.setOptions(follow);
    connect(&live, &LiveState::servicesChanged, &logs, &ProjectLogs::updateContainers);
    live.start();
    QVERIFY(waitUntil([&] { return logs.sourceCount() == 1 && logs.source(0).store->lineCount() >= 30; }, 20000));
    QCOMPARE(docker({"restart", "-t", "1", m_project + "-counter-1"}).exitCode, 0);
    QVERIFY(waitUntil([&] {
        const LogStore &store = *logs.source(0).store;
        for (qint64 s = store.firstSeq(); s < store.endSeq(); ++s) {
            if (store.line(s).stream == ProjectLogs::MarkerStream) {
                return store.endSeq() - s > 30; // and plenty after it
            }
        }
        return false;
    }, 30000));
    // Every number once, in order, none missing: across the restart too.
    const LogStore &store = *logs.source(0).store;
    qint64 expected = -1;
    int markers = 0;
    for (qint64 s = store.firstSeq(); s < store.endSeq(); ++s) {
        const LogLine line = store.line(s);
        if (line.stream == ProjectLogs::MarkerStream) {
            ++markers;
            QVERIFY(QString::fromUtf8(line.bytes.data(), line.bytes.size()).contains("counter-1 restarted"));
            continue;
        }
        const QByteArray text(line.bytes.data(), line.bytes.size());
        QVERIFY2(text.startsWith("\x1b[32m"), text.constData()); // bytes unchanged in the store
        const qint64 n = text.mid(5, text.indexOf('\x1b', 5) - 5).toLongLong();
        if (expected >= 0) {
            QCOMPARE(n, expected);
        }
        expected = n + 1;
        QVERIFY(line.timestampNs > 0);
    }
    QCOMPARE(markers, 1);
    live.stop();
    logs.stop();
}

void TestProjectLogs::ingest_mergedOrderAndEviction()
{
    ProjectLogs logs(nullptr);
    logs.setLimits(LogStore::Limits{5000, 1LL << 40}); // per container
    const int a = logs.addSource("api", "api-1");
    const int b = logs.addSource("api", "api-2"); // replicas told apart
    for (int i = 0; i < 30000; ++i) {
        logs.ingest(i % 2 ? b : a, 1, QByteArray(QByteArray::number(i) + "\n"), false);
    }
    QTest::qWait(100); // one batch announcement trims the evicted front
    QCOMPARE(logs.source(b).label, QString("api-2"));
    QCOMPARE(logs.mergedEnd(), 30000);
    QVERIFY(logs.mergedFirst() > 0);
    for (qint64 i = logs.mergedFirst(); i < logs.mergedEnd(); i += 997) {
        const auto ref = logs.merged(i);
        const LogLine line = logs.line(ref);
        if (line.isValid()) {
            QCOMPARE(QByteArray(line.bytes.data(), line.bytes.size()).toLongLong(), i);
        }
    }
}

void TestProjectLogs::lastLine_newestTextOfTheService_plainAndBounded()
{
    ProjectLogs logs(nullptr);
    QCOMPARE(logs.lastLine("db"), QString()); // nothing read yet
    const int old = logs.addSource("db", "db-1", "old");
    const int web = logs.addSource("web", "web-1", "w");
    logs.ingest(old, 2, "FATAL: password authentication failed\n", false);
    logs.ingest(web, 1, "GET / 200\n", false);
    QCOMPARE(logs.lastLine("db"), QString("FATAL: password authentication failed"));
    // A newer container of the service: its line wins; colours go, blank lines are passed over,
    // and so is DevDock's own marker line.
    const int now = logs.addSource("db", "db-1", "new");
    logs.ingest(now, 1, "\x1b[31mFATAL:\x1b[0m could not open file \"pg_hba.conf\"\n   \n", false);
    logs.ingest(now, ProjectLogs::MarkerStream, "restarted\n", false);
    QCOMPARE(logs.lastLine("db"), QString("FATAL: could not open file \"pg_hba.conf\""));
    QCOMPARE(logs.lastLine("web"), QString("GET / 200"));
    QCOMPARE(logs.lastLine("cache"), QString());
    // A huge line is quoted, not carried whole into a tooltip.
    logs.ingest(web, 1, QByteArray(QByteArray(100000, 'x') + "\n"), false);
    const QString huge = logs.lastLine("web", 80);
    QCOMPARE(huge.size(), 80);
    QVERIFY(huge.endsWith(QChar(0x2026)));
}

void TestProjectLogs::devdockctl_grepAndStrip()
{
    // The counter above is down now; a fresh one-shot container writes known lines.
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("compose.yaml"),
                      "services:\n"
                      "  talker:\n"
                      "    image: devdock-demo/busybox:latest\n"
                      "    pull_policy: never\n"
                      "    command: [\"sh\", \"-c\", \"printf 'INFO a\\\\n\\\\033[31mERROR b\\\\033[0m\\\\nINFO c\\\\n\\\\033]0;title\\\\007WARN d\\\\n'; sleep 600\"]\n"));
    QCOMPARE(run("docker", {"compose", "--project-directory", dir.path(), "-p", m_project, "up",
                            "-d", "--remove-orphans"}).exitCode,
             0);
    auto ctl = [&](const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(DEVDOCKCTL_PATH, QStringList{"-p", m_project, "logs"} + args);
        p.waitForFinished(60000);
        return Run{p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    };
    QVERIFY(waitUntil([&] { return ctl({"--no-prefix"}).out.count('\n') == 4; }, 20000));
    const Run all = ctl({"--no-prefix"});
    QCOMPARE(all.out, QByteArray("INFO a\nERROR b\nINFO c\nWARN d\n")); // nothing of the escapes
    const Run grep = ctl({"--grep", "error"});
    QCOMPARE(grep.out, QByteArray("talker-1  | ERROR b\n"));
    const Run regex = ctl({"--no-prefix", "--grep", "^(INFO|WARN) [ad]$", "--regex", "--case-sensitive"});
    QCOMPARE(regex.out, QByteArray("INFO a\nWARN d\n"));
    const Run raw = ctl({"--no-prefix", "--raw", "--grep", "ERROR"});
    QCOMPARE(raw.out, QByteArray("\x1b[31mERROR b\x1b[0m\n"));
    QCOMPARE(ctl({"--grep", "(", "--regex"}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestProjectLogs)
#include "tst_projectlogs.moc"
