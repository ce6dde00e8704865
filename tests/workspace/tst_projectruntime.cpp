// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A ProjectRuntime on a small real project, against the real engine and the real compose CLI,
// through a proxy that counts the requests it makes.
#include "../common/dockertest.h"
#include "../common/socketproxy.h"

#include "engine/engineclient.h"
#include "logs/logsearch.h"
#include "logs/projectlogs.h"
#include "stack/livestate.h"
#include "workspace/projectruntime.h"
#include "workspace/servicestats.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kName = QStringLiteral("dd-rt-%1").arg(QCoreApplication::applicationPid());

bool write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

// `app` says ten numbered lines and waits; `extra` only runs under the profile "extra".
QByteArray composeText()
{
    const QByteArray image = kTestImage.toUtf8();
    return "name: " + kName.toUtf8()
           + "\nservices:\n"
             "  app:\n    image: "
           + image
           + "\n    command: [\"sh\", \"-c\", \"for i in 1 2 3 4 5 6 7 8 9 10; do echo line $$i; "
             "done; sleep 3600\"]\n"
             "    environment: {GREETING: \"${GREETING:-unset}\"}\n"
             "    stop_grace_period: 1s\n"
             "  extra:\n    image: "
           + image
           + "\n    command: [\"sh\", \"-c\", \"i=0; while :; do i=$$((i+1)); echo tick $$i; "
             "sleep 0.1; done\"]\n    profiles: [extra]\n"
             "    stop_grace_period: 1s\n";
}

QString greeting(const ProjectRuntime &runtime)
{
    for (const ComposeService &s : runtime.project().services) {
        if (s.name == u"app") {
            return s.environment.value(QStringLiteral("GREETING")).value_or(QString());
        }
    }
    return {};
}

} // namespace

class TestProjectRuntime : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void reload_profileAndEnvChange_keepLogsStreamsSearchAndSelection();
    void background_holdsNoLogOrStatsStreams();
    void profiles_hiddenServicesSaid_aRunningOneShown_choiceRemembered();

private:
    Run compose(const QStringList &args) const;

    QTemporaryDir m_dir;
    QTemporaryDir m_socketDir;
};

void TestProjectRuntime::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    QVERIFY(write(m_dir.filePath("compose.yaml"), composeText()));
    QVERIFY(write(m_dir.filePath(".env"), "GREETING=one\n"));
    const Run up = compose({"up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
}

void TestProjectRuntime::cleanupTestCase()
{
    compose({"--profile", "extra", "down", "-t", "1"});
}

Run TestProjectRuntime::compose(const QStringList &args) const
{
    return run("docker", QStringList{"compose", "--project-directory", m_dir.path(), "-p", kName}
                             + args);
}

void TestProjectRuntime::reload_profileAndEnvChange_keepLogsStreamsSearchAndSelection()
{
    SocketProxy proxy(m_socketDir.filePath("reload.sock"));
    QVERIFY(proxy.restore());
    EngineClient client(*parseDockerHost(proxy.dockerHost()));
    ProjectRuntime runtime(&client);
    runtime.setSecretStore(nullptr); // no keychain in this test: the .env files only
    runtime.setForeground(true);
    QSignalSpy loaded(&runtime, &ProjectRuntime::loaded);
    runtime.open(m_dir.path());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(greeting(runtime), QString("one"));

    ProjectLogs *logs = runtime.logs();
    QVERIFY(waitUntil([&] { return logs->openStreams() == 1; }, 10000));
    QVERIFY(waitUntil([&] { return logs->mergedEnd() - logs->mergedFirst() >= 10; }, 10000));
    QCOMPARE(logs->sourceCount(), 1);
    const LogStore *store = logs->source(0).store.get();
    const int fetches = proxy.requestCount("/logs");
    QCOMPARE(fetches, 1);
    // A search over the container's lines and a selected line (the window keeps merged indices).
    const auto search = [&] { return searchLogs(store->snapshot(), {QStringLiteral("line 1")}); };
    const auto found = search();
    QVERIFY(found);
    QCOMPARE(found->size(), 2); // "line 1" and "line 10"
    const qint64 selected = logs->mergedFirst() + 4;
    const QByteArray selectedText = logs->line(logs->merged(selected)).bytes.toByteArray();
    QCOMPARE(selectedText, QByteArray("line 5"));
    const qint64 linesBefore = logs->mergedEnd();

    const auto checkInPlace = [&](const char *what) {
        QVERIFY2(runtime.logs() == logs, what);
        QVERIFY2(logs->sourceCount() == 1 && logs->source(0).store.get() == store, what);
        QVERIFY2(logs->openStreams() == 1, what);
        // Not fetched again: the streams stay, and the last lines are not read twice.
        QVERIFY2(proxy.requestCount("/logs") == fetches, what);
        QVERIFY2(logs->mergedEnd() == linesBefore, what);
        QVERIFY2(search() == found, what);
        QVERIFY2(logs->line(logs->merged(selected)).bytes.toByteArray() == selectedText, what);
    };

    // A Compose profile switch: a service more in the model (not running), the logs as they were.
    runtime.setComposeProfiles({"extra"});
    QVERIFY(loaded.wait(30000));
    QCOMPARE(runtime.project().services.size(), 2);
    QTest::qWait(500); // what a restarted stream would fetch has come by now
    checkInPlace("after the profile switch");

    // A .env change, reloaded.
    QVERIFY(write(m_dir.filePath(".env"), "GREETING=two\n"));
    runtime.reload();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(greeting(runtime), QString("two"));
    QTest::qWait(500);
    checkInPlace("after the .env change");
    QCOMPARE(runtime.liveState()->service("app")->status, ServiceStatus::Running);
}

void TestProjectRuntime::background_holdsNoLogOrStatsStreams()
{
    SocketProxy proxy(m_socketDir.filePath("background.sock"));
    QVERIFY(proxy.restore());
    EngineClient client(*parseDockerHost(proxy.dockerHost()));
    ProjectRuntime runtime(&client);
    runtime.setSecretStore(nullptr);
    runtime.setStatsWanted(true); // a usage view is open: only the foreground streams
    QSignalSpy loaded(&runtime, &ProjectRuntime::loaded);
    runtime.open(m_dir.path());
    runtime.setComposeProfiles({"extra"}); // replaces the first load
    QVERIFY(loaded.wait(30000));
    QVERIFY(waitUntil([&] { return runtime.summary().known; }, 10000));
    QCOMPARE(runtime.summary().servicesUp, 1);

    // In the background: the summary follows the engine, nothing streams.
    const Run extra = compose({"--profile", "extra", "up", "-d", "extra"});
    QVERIFY2(extra.exitCode == 0, extra.err.constData());
    QVERIFY(waitUntil([&] { return runtime.summary().servicesUp == 2; }, 5000));
    QTest::qWait(500);
    QCOMPARE(runtime.logs()->openStreams(), 0);
    QCOMPARE(runtime.stats()->streamCount(), 0);
    QCOMPARE(proxy.requestCount("/logs"), 0);
    QCOMPARE(proxy.requestCount("/stats"), 0);

    // On screen: both containers' logs and stats stream.
    runtime.setForeground(true);
    QVERIFY(waitUntil([&] { return runtime.logs()->openStreams() == 2; }, 10000));
    QVERIFY(waitUntil([&] { return runtime.stats()->streamCount() == 2; }, 10000));
    QVERIFY(waitUntil([&] { return proxy.requestCount("/logs") == 2; }, 5000));

    // Back in the background: every stream ends, and a reload opens none.
    runtime.setForeground(false);
    QVERIFY(waitUntil([&] { return runtime.logs()->openStreams() == 0; }, 5000));
    QCOMPARE(runtime.stats()->streamCount(), 0);
    const int logFetches = proxy.requestCount("/logs");
    const int statsFetches = proxy.requestCount("/stats");
    runtime.reload();
    QVERIFY(loaded.wait(30000));
    QTest::qWait(1000); // `extra` goes on ticking meanwhile
    QCOMPARE(runtime.logs()->openStreams(), 0);
    QCOMPARE(runtime.stats()->streamCount(), 0);
    QCOMPARE(proxy.requestCount("/logs"), logFetches);
    QCOMPARE(proxy.requestCount("/stats"), statsFetches);

    // On screen again: the streams resume where their stores end (no second read of the last
    // lines), and the ticks written meanwhile arrive once each, none missing.
    runtime.setForeground(true);
    QVERIFY(waitUntil([&] { return runtime.logs()->openStreams() == 2; }, 5000));
    QVERIFY(waitUntil([&] { return proxy.requestCount("/logs") == logFetches + 2; }, 5000));
    for (const QString &line : proxy.requests().mid(proxy.requests().size() - 4)) {
        if (line.contains("/logs")) {
            QVERIFY2(line.contains("since=") && !line.contains("tail="), qPrintable(line));
        }
    }
    const ProjectLogs *logs = runtime.logs();
    const int extraSource = [&] {
        for (int i = 0; i < logs->sourceCount(); ++i) {
            if (logs->source(i).service == u"extra") {
                return i;
            }
        }
        return -1;
    }();
    QVERIFY(extraSource >= 0);
    const LogStore *store = logs->source(extraSource).store.get();
    const qint64 endBefore = store->endSeq();
    QVERIFY(waitUntil([&] { return store->endSeq() > endBefore + 3; }, 5000));
    qint64 previous = 0;
    for (qint64 seq = store->firstSeq(); seq < store->endSeq(); ++seq) {
        const QByteArray text = store->line(seq).bytes.toByteArray();
        const qint64 tick = text.mid(5).toLongLong();
        QVERIFY2(text.startsWith("tick ") && (previous == 0 || tick == previous + 1),
                 qPrintable(QStringLiteral("line %1: %2 after tick %3")
                                .arg(seq)
                                .arg(QString::fromUtf8(text))
                                .arg(previous)));
        previous = tick;
    }
    const Run stop = compose({"--profile", "extra", "stop", "-t", "1", "extra"});
    QVERIFY2(stop.exitCode == 0, stop.err.constData());
}

void TestProjectRuntime::profiles_hiddenServicesSaid_aRunningOneShown_choiceRemembered()
{
    const auto ps = [&] {
        return run(DEVDOCKCTL_PATH, {"--project-directory", m_dir.path(), "ps"});
    };
    // Not running, outside the active profiles: `ps` says it is hidden and how to show it.
    compose({"--profile", "extra", "stop", "-t", "1", "extra"});
    compose({"--profile", "extra", "rm", "-f", "extra"});
    Run table = ps();
    QVERIFY2(table.exitCode == 0, table.err.constData());
    QVERIFY2(table.out.contains("Hidden by inactive profiles: extra (extra). Show them with "
                                "--profile NAME."),
             table.out.constData());

    const auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    const auto opened = [&](bool remembers) {
        auto runtime = std::make_unique<ProjectRuntime>(&client);
        runtime->setSecretStore(nullptr);
        runtime->setRemembersComposeProfiles(remembers);
        QSignalSpy loaded(runtime.get(), &ProjectRuntime::loaded);
        runtime->open(m_dir.path());
        if (!loaded.wait(30000)) {
            return std::unique_ptr<ProjectRuntime>();
        }
        return runtime;
    };
    auto first = opened(true);
    QVERIFY(first);
    QVERIFY(first->composeProfiles().isEmpty());
    QCOMPARE(first->project().disabledProfiles.value("extra"), QStringList{"extra"});

    // Started from a terminal under its profile: the runtime without that profile still shows
    // it, marked, and `ps` lists it with the reason instead of hiding it.
    const Run up = compose({"--profile", "extra", "up", "-d", "extra"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QVERIFY(waitUntil(
        [&] {
            const auto extra = first->liveState()->service("extra");
            return extra && extra->status == ServiceStatus::Running;
        },
        10000));
    const ServiceState extra = *first->liveState()->service("extra");
    QCOMPARE(extra.inactiveProfiles, QStringList{"extra"});
    QCOMPARE(extra.reason, QString("profile extra not active (running)"));
    table = ps();
    QVERIFY2(table.out.contains("profile extra not active (running)"), table.out.constData());
    QVERIFY2(!table.out.contains("Hidden by inactive profiles"), table.out.constData());

    // `down` without that profile takes it down too (it stayed up, hidden, before).
    const Run down = run(DEVDOCKCTL_PATH, {"--project-directory", m_dir.path(), "down"});
    QVERIFY2(down.exitCode == 0, down.err.constData());
    const Run left = docker({"ps", "-aq", "--filter", "label=com.docker.compose.project=" + kName});
    QVERIFY2(left.out.trimmed().isEmpty(), left.out.constData());
    const Run again = compose({"up", "-d"}); // the other cases' `app`
    QVERIFY2(again.exitCode == 0, again.err.constData());

    // The choice is remembered for the project: a runtime opening it again has the profile.
    first->setComposeProfiles({"extra"});
    first.reset();
    auto second = opened(true);
    QVERIFY(second);
    QCOMPARE(second->composeProfiles(), QStringList{"extra"});
    QCOMPARE(second->project().services.size(), 2);
    QVERIFY(second->project().disabledProfiles.isEmpty());
    // devdockctl's kind of runtime runs with what it is given.
    auto plain = opened(false);
    QVERIFY(plain);
    QVERIFY(plain->composeProfiles().isEmpty());
    // Unchecked again: forgotten.
    second->setComposeProfiles({});
    second.reset();
    auto third = opened(true);
    QVERIFY(third);
    QVERIFY(third->composeProfiles().isEmpty());
    compose({"--profile", "extra", "stop", "-t", "1", "extra"});
}

QTEST_GUILESS_MAIN(TestProjectRuntime)
#include "tst_projectruntime.moc"
