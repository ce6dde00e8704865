// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Issue 15's "done when", in core: two copies of a small project (their own names and ports) and
// a stack started with plain `docker compose up` in a terminal all show in one Workspace with
// live state within a second of a change, and each starts and stops through Workspace::start and
// Workspace::stop. Against the real engine and compose CLI, on busybox projects.
#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "engine/eventhub.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kPrefix = QStringLiteral("dd-wsl-%1-").arg(QCoreApplication::applicationPid());

// A web server publishing ${WEB_PORT} and a worker that waits for it: the demo's shape, small.
bool writeProject(const QString &dir, const QString &name, int port)
{
    QDir().mkpath(dir);
    QFile compose(dir + "/compose.yaml");
    QFile env(dir + "/.env");
    if (!compose.open(QIODevice::WriteOnly) || !env.open(QIODevice::WriteOnly)) {
        return false;
    }
    const QString text =
        QStringLiteral("%1services:\n"
                       "  web:\n    image: %2\n"
                       "    command: [\"httpd\", \"-f\", \"-p\", \"80\"]\n"
                       "    ports: [\"127.0.0.1:${WEB_PORT:?set WEB_PORT}:80\"]\n"
                       "    stop_grace_period: 1s\n"
                       "  worker:\n    image: %2\n    command: [\"sleep\", \"3600\"]\n"
                       "    depends_on: [web]\n    stop_grace_period: 1s\n")
            .arg(name.isEmpty() ? QString() : QStringLiteral("name: %1\n").arg(name), kTestImage);
    compose.write(text.toUtf8());
    env.write(QByteArray("WEB_PORT=") + QByteArray::number(port) + "\n");
    return true;
}

std::optional<ProjectSummary> byName(const Workspace &workspace, const QString &name)
{
    for (const ProjectSummary &s : workspace.projects()) {
        if (s.name == name) {
            return s;
        }
    }
    return std::nullopt;
}

} // namespace

class TestWorkspaceLive : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void twoCopiesAndATerminalStack_liveWithinASecond_startAndStopThroughTheWorkspace();

private:
    QStringList m_names{kPrefix + "a", kPrefix + "b", kPrefix + "term"};
};

void TestWorkspaceLive::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
}

void TestWorkspaceLive::cleanupTestCase()
{
    for (const QString &name : std::as_const(m_names)) {
        run("docker", {"compose", "-p", name, "down", "-t", "1"});
    }
}

void TestWorkspaceLive::twoCopiesAndATerminalStack_liveWithinASecond_startAndStopThroughTheWorkspace()
{
    QTemporaryDir root;
    const QString nameA = m_names[0], nameB = m_names[1], nameTerm = m_names[2];
    const int portA = freePort(), portB = freePort(), portTerm = freePort();
    QVERIFY(writeProject(root.filePath("a"), nameA, portA));
    QVERIFY(writeProject(root.filePath("b"), nameB, portB));
    // The terminal's stack has no name of its own: Compose names it after its folder.
    QVERIFY(writeProject(root.filePath(nameTerm), QString(), portTerm));

    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    Workspace workspace(&client);
    workspace.setSettingsFile(root.filePath("settings.ini"));
    QSignalSpy discovered(&workspace, &Workspace::discovered);
    workspace.start();
    QVERIFY(discovered.wait(10000));
    ProjectRuntime *a = workspace.open(root.filePath("a"));
    QVERIFY(QSignalSpy(a, &ProjectRuntime::loaded).wait(30000));
    ProjectRuntime *b = workspace.open(root.filePath("b"));
    QVERIFY(QSignalSpy(b, &ProjectRuntime::loaded).wait(30000));
    QCOMPARE(workspace.activeId(), b->id()); // A is in the background

    // Plain `docker compose up` in a terminal: it shows, live, within a second.
    QElapsedTimer clock;
    const Run up = run("docker", {"compose", "--project-directory", root.filePath(nameTerm),
                                  "up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    clock.start();
    QVERIFY(waitUntil(
        [&] {
            const auto s = byName(workspace, nameTerm);
            // Its published port too (the engine lists it after the start).
            return s && s->known && s->servicesUp == 2
                   && s->publishedPorts == QList<quint16>{quint16(portTerm)};
        },
        1000));
    qInfo("terminal stack up in the workspace %lld ms after `compose up` returned",
          clock.elapsed());
    QCOMPARE(byName(workspace, nameTerm)->origin, ProjectSummary::Origin::Discovered);

    QSignalSpy finished(&workspace, &Workspace::actionFinished);
    // Start, then stop, each of the three through the workspace; the summary tells each change
    // within a second of the action's end, and the others stay as they are.
    for (const QString &name : {nameA, nameB, nameTerm}) {
        const QString id = byName(workspace, name)->id;
        const auto others = [&] {
            QList<int> up;
            for (const QString &other : {nameA, nameB, nameTerm}) {
                if (other != name) {
                    const auto s = byName(workspace, other);
                    up << (s ? s->servicesUp : -1);
                }
            }
            return up;
        };
        const QList<int> othersBefore = others();
        // The terminal's stack runs already: stopped first, then started and stopped again.
        const QList<bool> steps = byName(workspace, name)->servicesUp == 2
                                      ? QList<bool>{false, true, false}
                                      : QList<bool>{true, false};
        for (const bool start : steps) {
            const int before = int(finished.size());
            start ? workspace.start(id) : workspace.stop(id);
            QVERIFY(waitUntil([&] { return finished.size() > before; }, 120000));
            const auto result = finished.last().at(2).value<Result<void>>();
            QVERIFY2(result.has_value(),
                     qPrintable(name + ": " + (result ? QString() : result.error().message)));
            clock.restart();
            const int wanted = start ? 2 : 0;
            const bool live =
                waitUntil([&] { return byName(workspace, name)->servicesUp == wanted; }, 1000);
            QVERIFY2(live, qPrintable(QStringLiteral("%1: %2 up, wanted %3")
                                          .arg(name)
                                          .arg(byName(workspace, name)->servicesUp)
                                          .arg(wanted)));
            qInfo("%s %s: summary live %lld ms after the action ended", qPrintable(name),
                  start ? "started" : "stopped", clock.elapsed());
            const ProjectSummary s = *byName(workspace, name);
            QVERIFY(s.known);
            QCOMPARE(s.servicesTotal, 2);
            QCOMPARE(s.exited, 0); // a deliberate stop is no failure
            QCOMPARE(s.unhealthy, 0);
        }
        if (name != nameTerm) {
            QCOMPARE(others(), othersBefore);
        }
    }

    // A change from outside the workspace (the terminal again) on an opened project in the
    // background: live within a second too.
    QCOMPARE(run("docker", {"compose", "--project-directory", root.filePath("a"), "up", "-d"})
                 .exitCode,
             0);
    clock.restart();
    QVERIFY(waitUntil([&] { return byName(workspace, nameA)->servicesUp == 2; }, 1000));
    QCOMPARE(docker({"stop", "-t", "1", nameA + "-worker-1"}).exitCode, 0);
    clock.restart();
    QVERIFY(waitUntil([&] { return byName(workspace, nameA)->servicesUp == 1; }, 1000));
    qInfo("docker stop seen in A's summary after %lld ms", clock.elapsed());
    QCOMPARE(byName(workspace, nameA)->exited, 0);
    QCOMPARE(workspace.eventHub()->connectionCount(), 1); // one /events for all of it
}

QTEST_GUILESS_MAIN(TestWorkspaceLive)
#include "tst_workspacelive.moc"
