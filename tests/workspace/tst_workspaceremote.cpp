// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Issue 18's docker context per project: a project on a "remote" engine reached through a real
// ssh hop (a docker context ssh://root@127.0.0.1:PORT, tests/common/remoteengine.h) and a project
// on the local engine live side by side in one Workspace. State, logs, exec and stop work on the
// remote project; the compose CLI runs on the project's context; the port pre-flight checks the
// remote engine's containers and says that its machine's processes cannot be probed; one engine
// client and one /events subscription per engine. The window follows the project on screen: its
// engine's containers, engine line and port check (with what could not be checked).
#include "../common/dockertest.h"
#include "../common/remoteengine.h"

#include "engine/engineclient.h"
#include "engine/eventhub.h"
#include "engine/execsession.h"
#include "services/containerlistmodel.h"
#include "logs/projectlogs.h"
#include "mainwindow.h"
#include "stack/portpreflight.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLabel>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kPrefix = QStringLiteral("dd-wsr-%1-").arg(QCoreApplication::applicationPid());

// A web server that says where it runs, publishing `port`, and a worker that waits for it.
bool writeProject(const QString &dir, const QString &name, int port)
{
    QDir().mkpath(dir);
    QFile compose(dir + "/compose.yaml");
    if (!compose.open(QIODevice::WriteOnly)) {
        return false;
    }
    const QString text =
        QStringLiteral("name: %1\nservices:\n"
                       "  web:\n    image: %2\n"
                       "    command: [\"sh\", \"-c\", \"echo serving %1; exec httpd -f -p 80\"]\n"
                       "    ports: [\"127.0.0.1:%3:80\"]\n"
                       "    stop_grace_period: 1s\n"
                       "  worker:\n    image: %2\n    command: [\"sleep\", \"3600\"]\n"
                       "    depends_on: [web]\n    stop_grace_period: 1s\n")
            .arg(name, kTestImage)
            .arg(port);
    return compose.write(text.toUtf8()) == text.toUtf8().size();
}

QStringList containerNames(const Run &r)
{
    return QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList projectContainers(const QString &project, const QString &status = {})
{
    QStringList args{"ps", "-a", "--format", "{{.Names}}", "--filter",
                     "label=com.docker.compose.project=" + project};
    if (!status.isEmpty()) {
        args << "--filter" << "status=" + status;
    }
    return containerNames(docker(args));
}

QStringList shownContainers(const DevDock::Ui::MainWindow &window)
{
    QStringList names;
    for (const ContainerSummary &c : window.containerModel()->containers()) {
        names << c.name;
    }
    return names;
}

QString mergedText(const ProjectLogs &logs)
{
    QString text;
    for (qint64 i = logs.mergedFirst(); i < logs.mergedEnd(); ++i) {
        text += QString::fromUtf8(logs.line(logs.merged(i)).bytes.toByteArray()) + '\n';
    }
    return text;
}

} // namespace

class TestWorkspaceRemote : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void localAndSshProjects_sideBySide_stateLogsExecStopOnTheRemoteOne();

private:
    RemoteEngine m_remote;
    QString m_local = kPrefix + "local";
    QString m_far = kPrefix + "far";
};

void TestWorkspaceRemote::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    // The remote engine leaves the host's network as it is: the shared engine's docker0 stays.
    const auto hasDocker0 = [] { return run("ip", {"link", "show", "docker0"}).exitCode == 0; };
    const bool docker0 = hasDocker0();
    QVERIFY2(m_remote.start(&error), qPrintable(error));
    QCOMPARE(hasDocker0(), docker0);
}

void TestWorkspaceRemote::cleanupTestCase()
{
    // Both names on the local engine (a far stack that went to the wrong engine goes too); the
    // remote engine goes with everything on it (RemoteEngine's destructor).
    for (const QString &name : {m_local, m_far}) {
        run("docker", {"compose", "-p", name, "down", "-t", "1"});
    }
}

void TestWorkspaceRemote::localAndSshProjects_sideBySide_stateLogsExecStopOnTheRemoteOne()
{
    QTemporaryDir root;
    const int localPort = freePort();
    const int farPort = freePort();
    QVERIFY(writeProject(root.filePath("local"), m_local, localPort));
    QVERIFY(writeProject(root.filePath("far"), m_far, farPort));

    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    const QString settings = root.filePath("settings.ini");
    const QString context = m_remote.contextName();
    QString farId;
    {
        Workspace workspace(&client);
        workspace.setSettingsFile(settings);
        QVERIFY(workspace.availableEngines().contains(context));
        QSignalSpy discovered(&workspace, &Workspace::discovered);
        workspace.start();
        QVERIFY(discovered.wait(10000));

        ProjectRuntime *local = workspace.open(root.filePath("local"));
        QVERIFY(local);
        QVERIFY(QSignalSpy(local, &ProjectRuntime::loaded).wait(30000));
        ProjectRuntime *far = workspace.open(root.filePath("far"), {}, context);
        QVERIFY(far);
        QVERIFY(QSignalSpy(far, &ProjectRuntime::loaded).wait(30000));
        farId = far->id();
        QCOMPARE(far->client()->endpoint().kind, Endpoint::Kind::Ssh);
        QCOMPARE(far->client()->endpoint().contextName, context);
        QCOMPARE(local->client(), &client);
        QCOMPARE(workspace.project(farId)->engine, context);
        QCOMPARE(workspace.project(local->id())->engine, QStringLiteral("default"));

        // Both start through the workspace; each stack runs on its own engine only.
        QSignalSpy finished(&workspace, &Workspace::actionFinished);
        for (ProjectRuntime *runtime : {local, far}) {
            const qsizetype before = finished.size();
            workspace.start(runtime->id());
            QVERIFY(waitUntil([&] { return finished.size() > before; }, 180000));
            const auto result = finished.last().at(2).value<Result<void>>();
            QVERIFY2(result.has_value(), qPrintable(result ? QString() : result.error().message));
        }
        QVERIFY(waitUntil(
            [&] {
                return workspace.project(farId)->servicesUp == 2
                       && workspace.project(local->id())->servicesUp == 2;
            },
            20000));
        const QString farWeb = m_far + "-web-1";
        QCOMPARE(containerNames(m_remote.docker({"ps", "--format", "{{.Names}}", "--filter",
                                                 "label=com.docker.compose.project=" + m_far}))
                     .size(),
                 2);
        QVERIFY(projectContainers(m_far).isEmpty()); // not on the local engine
        QCOMPARE(projectContainers(m_local, "running").size(), 2);
        QVERIFY(m_remote.docker({"ps", "-q", "--filter", "label=com.docker.compose.project="
                                                             + m_local})
                    .out.trimmed()
                    .isEmpty());

        // One client and one /events per engine, however many runtimes follow it.
        QCOMPARE(*workspace.useEngine(context), far->client());
        QVERIFY(workspace.eventHub(context) != workspace.eventHub());
        QCOMPARE(workspace.eventHub(context)->connectionCount(), 1);
        QCOMPARE(workspace.eventHub()->connectionCount(), 1);

        // Logs of the remote project stream over ssh once it is on screen.
        workspace.setActive(farId);
        QVERIFY(waitUntil([&] { return mergedText(*far->logs()).contains("serving " + m_far); },
                          20000));

        // Exec (the terminal's session) in the remote web container, over the ssh endpoint.
        ExecSessionOptions options;
        options.command = {"sh", "-c", "echo exec-on-$(hostname); exit 3"};
        options.tty = false;
        options.attachStdin = false;
        ExecSession exec(far->client(), farWeb, options);
        QByteArray output;
        exec.setSink([&](FrameDemuxer::Stream, QByteArrayView bytes) { output += bytes; });
        QSignalSpy execDone(&exec, &ExecSession::finished);
        exec.start();
        QVERIFY(execDone.wait(30000));
        const auto outcome = execDone.first().first().value<Result<ExecOutcome>>();
        QVERIFY2(outcome.has_value(), qPrintable(outcome ? QString() : outcome.error().message));
        QCOMPARE(outcome->exitCode, 3);
        const QByteArray hostname =
            m_remote.docker({"inspect", "--format", "{{.Config.Hostname}}", farWeb}).out.trimmed();
        QCOMPARE(output.trimmed(), "exec-on-" + hostname);

        // The pre-flight sees the remote engine's containers, and says what it cannot see.
        const auto report = await<PortReport>([&](auto done) {
            checkPorts(far->client(), QStringLiteral("another-project"),
                       publishedPorts(far->project(), {}), &workspace, done);
        });
        QVERIFY(report && *report);
        QVERIFY(!(*report)->localChecked);
        QCOMPARE((*report)->conflicts().size(), 1);
        QCOMPARE((*report)->conflicts().first().holder.containerName, farWeb);
        QVERIFY2((*report)->note().contains("cannot be probed"), qPrintable((*report)->note()));
        QVERIFY((*report)->error().hint.contains("cannot be probed"));

        // The window on the remote project: that engine's containers, its endpoint in the status
        // bar, and the ports tab says what the check could not see; back on the local project,
        // the local engine again.
        {
            workspace.setActive(local->id());
            DevDock::Ui::MainWindow window(&workspace);
            window.show();
            auto *engineLine = window.findChild<QLabel *>("engineLabel");
            auto *portsNote = window.findChild<QLabel *>("portsNote");
            QVERIFY(engineLine && portsNote);
            const QString localUri = client.endpoint().uri;
            QVERIFY(waitUntil([&] { return window.activeRuntime() == local; }, 10000));
            QVERIFY(window.showView("ports"));
            QVERIFY2(waitUntil([&] { return engineLine->text().contains(localUri); }, 20000),
                     qPrintable(engineLine->text()));
            QVERIFY(waitUntil([&] { return shownContainers(window).contains(m_local + "-web-1"); },
                              20000));
            // Switched to the remote project.
            workspace.setActive(farId);
            QVERIFY(waitUntil([&] { return window.activeRuntime() == far; }, 10000));
            QVERIFY2(waitUntil([&] { return engineLine->text().contains("ssh://root@127.0.0.1:"); },
                               20000),
                     qPrintable(engineLine->text()));
            QVERIFY2(waitUntil([&] { return shownContainers(window).contains(farWeb); }, 20000),
                     qPrintable(shownContainers(window).join(',')));
            QVERIFY(!shownContainers(window).contains(m_local + "-web-1"));
            QVERIFY2(waitUntil([&] { return portsNote->isVisible()
                                            && portsNote->text().contains("cannot be probed"); },
                               20000),
                     qPrintable(portsNote->text()));
            // And back: the local engine's line, containers and a port check without a note.
            workspace.setActive(local->id());
            QVERIFY(waitUntil([&] { return window.activeRuntime() == local; }, 10000));
            QVERIFY2(waitUntil([&] { return engineLine->text().contains(localUri); }, 20000),
                     qPrintable(engineLine->text()));
            QVERIFY(waitUntil([&] { return shownContainers(window).contains(m_local + "-web-1")
                                           && !shownContainers(window).contains(farWeb); },
                              20000));
            QVERIFY(waitUntil([&] { return window.isSettled(); }, 20000));
            QVERIFY(portsNote->isHidden());
        }

        // devdockctl --context: that engine, whatever DOCKER_HOST says (as `docker --context`).
        qputenv("DOCKER_HOST", "unix:///nonexistent.sock");
        const Run info = run(DEVDOCKCTL_PATH, {"--context", context, "engine", "info", "--json"});
        const Run ps = run(DEVDOCKCTL_PATH, {"--context", context, "--project-directory",
                                             root.filePath("far"), "ps"});
        qunsetenv("DOCKER_HOST");
        QVERIFY2(info.exitCode == 0, info.err.constData());
        QVERIFY2(info.out.contains(QByteArray("\"context\": \"" + context.toUtf8() + "\"")),
                 info.out.constData());
        QVERIFY2(info.out.contains("ssh://root@127.0.0.1:"), info.out.constData());
        QVERIFY2(ps.exitCode == 0, ps.err.constData());
        QVERIFY2(ps.out.contains("web") && ps.out.contains("running"), ps.out.constData());

        // Stop the remote project: its containers stop there, the local one runs on.
        const qsizetype before = finished.size();
        workspace.stop(farId);
        QVERIFY(waitUntil([&] { return finished.size() > before; }, 120000));
        QVERIFY(finished.last().at(2).value<Result<void>>().has_value());
        QVERIFY(waitUntil([&] { return workspace.project(farId)->servicesUp == 0; }, 10000));
        QCOMPARE(workspace.project(farId)->exited, 0); // a deliberate stop
        QCOMPARE(containerNames(m_remote.docker({"ps", "-a", "--format", "{{.Names}}", "--filter",
                                                 "status=exited", "--filter",
                                                 "label=com.docker.compose.project=" + m_far}))
                     .size(),
                 2);
        QCOMPARE(workspace.project(local->id())->servicesUp, 2);
        QCOMPARE(projectContainers(m_local, "running").size(), 2);

        // Moved to the local engine and back: the open runtime opens again on each.
        for (const QString &engineName : {QStringLiteral("default"), context}) {
            const auto moved = workspace.setEngine(farId, engineName);
            QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().message));
            ProjectRuntime *again = workspace.runtime(farId);
            QVERIFY(again);
            QVERIFY(waitUntil([&] { return again->isLoaded(); }, 30000));
            QCOMPARE(again->client(), *workspace.useEngine(engineName));
            QCOMPARE(workspace.project(farId)->engine, engineName);
        }
        QCOMPARE(workspace.eventHub(context)->connectionCount(), 1);
        QVERIFY(!workspace.setEngine("default/" + m_local, context)); // no such opened project
    }

    // The choice is remembered with the project: a new workspace knows it on that engine.
    Workspace again(&client);
    again.setSettingsFile(settings);
    QVERIFY(again.project(farId));
    QCOMPARE(again.project(farId)->engine, context);
    QSignalSpy discovered(&again, &Workspace::discovered);
    again.start();
    QVERIFY(discovered.wait(20000));
    QVERIFY(waitUntil([&] { return again.project(farId)->known; }, 10000));
    QCOMPARE(again.project(farId)->servicesTotal, 2);

    // A context that does not exist opens nothing and says so.
    const QString ghost = root.filePath("local");
    QVERIFY(!again.open(ghost, {}, "no-such-context"));
    QVERIFY2(again.project(Workspace::idForPath(ghost))->loadError.contains("no-such-context"),
             qPrintable(again.project(Workspace::idForPath(ghost))->loadError));
}

QTEST_MAIN(TestWorkspaceRemote)
#include "tst_workspaceremote.moc"
