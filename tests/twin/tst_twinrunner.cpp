// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The window's path to a twin: TwinRunner up and down on the real engine and compose CLI, the
// Workspace grouping the twin under its project, and the ports table listing its URLs.
#include "twinfixture.h"

#include "engine/engineclient.h"
#include "ports/portlistmodel.h"
#include "twin/twinname.h"
#include "workspace/twinrunner.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock;
using namespace DevDock::Core;
using namespace DevDock::Ui;
using namespace DevDock::Test;
using namespace DevDock::Test::Twin;

class TestTwinRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void up_besideTheMainStack_groupedWithItsUrls_downLeavesTheMainStackAlone();

private:
    QTemporaryDir m_home;
    QStringList m_projects;
};

void TestTwinRunner::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("GIT_AUTHOR_NAME", "DevDock test");
    qputenv("GIT_AUTHOR_EMAIL", "test@devdock.invalid");
    qputenv("GIT_COMMITTER_NAME", "DevDock test");
    qputenv("GIT_COMMITTER_EMAIL", "test@devdock.invalid");
    qunsetenv("WEB_PORT");
    qunsetenv("DB_PORT");
}

void TestTwinRunner::cleanup()
{
    for (const QString &project : std::as_const(m_projects)) {
        docker({QStringLiteral("compose"), QStringLiteral("-p"), project, QStringLiteral("down"),
                QStringLiteral("--volumes"), QStringLiteral("--remove-orphans")});
    }
    m_projects.clear();
}

void TestTwinRunner::up_besideTheMainStack_groupedWithItsUrls_downLeavesTheMainStackAlone()
{
    QTemporaryDir root;
    const QString name = QStringLiteral("twr%1").arg(QCoreApplication::applicationPid());
    const QString main = QDir(root.path()).filePath(name);
    const QString branch = QStringLiteral("Feature/Login");
    const QString twinName = TwinName::projectName(name, branch);
    m_projects = {name, twinName};
    const Ports ports = makeTwinRepository(main);
    QVERIFY(ports.web > 0);
    const Run mainUp = run(QStringLiteral("docker"),
                           {QStringLiteral("compose"), QStringLiteral("--project-directory"),
                            main, QStringLiteral("up"), QStringLiteral("-d")});
    QVERIFY2(mainUp.exitCode == 0, mainUp.err.constData());
    QCOMPARE(httpBody(ports.web), QByteArray("main-checkout"));
    const QStringList mainContainers = containersOf(name);

    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    Workspace workspace(&client);
    workspace.setSettingsFile(root.filePath(QStringLiteral("settings.ini")));
    QSignalSpy discovered(&workspace, &Workspace::discovered);
    workspace.start();
    QVERIFY(discovered.wait(10000));
    ProjectRuntime *runtime = workspace.open(main);
    QVERIFY(QSignalSpy(runtime, &ProjectRuntime::loaded).wait(30000));
    const QString mainId = runtime->id();

    ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
    options.projectDirectory = main;
    options.workingDirectory = main;
    TwinRunner runner(&client);
    QSignalSpy finished(&runner, &TwinRunner::finished);
    QSignalSpy progressed(&runner, &TwinRunner::progressed);
    runner.up(options, branch);
    QVERIFY(runner.isRunning()); // asynchronous: the caller's thread goes on
    QVERIFY(finished.wait(180000));
    const auto result = finished.at(0).at(0).value<Result<TwinPlan>>();
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->projectName, twinName);
    QVERIFY(!progressed.isEmpty());

    // Both stacks serve, each its own checkout's page, on ports of their own.
    QHash<QString, int> twinPorts;
    for (const TwinPort &p : result->ports) {
        twinPorts.insert(p.service, p.port);
    }
    QVERIFY(twinPorts.value(QStringLiteral("web")) > 0);
    QVERIFY(twinPorts.value(QStringLiteral("web")) != ports.web);
    QVERIFY(twinPorts.value(QStringLiteral("db")) != ports.db);
    QVERIFY(twinPorts.value(QStringLiteral("cache")) != ports.cache);
    QCOMPARE(httpBody(twinPorts.value(QStringLiteral("web"))), QByteArray("twin-checkout"));
    QCOMPARE(httpBody(ports.web), QByteArray("main-checkout"));

    // The workspace finds the twin on the engine, under its project, with its branch and ports.
    std::optional<ProjectSummary> twin;
    QVERIFY(waitUntil(
        [&] {
            for (const ProjectSummary &p : workspace.projects()) {
                if (p.name == twinName) {
                    twin = p;
                }
            }
            return twin && twin->twinOf == mainId && twin->ports.size() == 3
                   && twin->servicesUp == 3;
        },
        30000));
    QCOMPARE(twin->branch, branch);
    const ProjectSummary mainSummary = *workspace.project(mainId);
    QVERIFY(mainSummary.twinOf.isEmpty());
    QCOMPARE(mainSummary.branch, QStringLiteral("main"));

    PortListModel model;
    model.setProject(runtime->project());
    model.setTwins(mainSummary.branch, {*twin});
    const QString twinUrl =
        QStringLiteral("http://127.0.0.1:%1/").arg(twinPorts.value(QStringLiteral("web")));
    const QString mainUrl = QStringLiteral("http://127.0.0.1:%1/").arg(ports.web);
    QHash<QString, QString> branchOfUrl;
    for (int row = 0; row < model.rowCount(); ++row) {
        branchOfUrl.insert(model.index(row, PortListModel::UrlColumn).data().toString(),
                           model.index(row, PortListModel::BranchColumn).data().toString());
    }
    QCOMPARE(branchOfUrl.value(mainUrl), QStringLiteral("main"));
    QCOMPARE(branchOfUrl.value(twinUrl), branch);

    // Down with volumes and worktree: the twin is gone, the main stack runs on untouched.
    finished.clear();
    runner.down(options, branch, true, true);
    QVERIFY(finished.wait(180000));
    const auto down = finished.at(0).at(0).value<Result<TwinPlan>>();
    QVERIFY2(down, down ? "" : qPrintable(down.error().toString()));
    QVERIFY(containersOf(twinName).isEmpty());
    QVERIFY(!QFileInfo::exists(result->worktree));
    QCOMPARE(containersOf(name), mainContainers);
    QCOMPARE(httpBody(ports.web), QByteArray("main-checkout"));
    QVERIFY(waitUntil(
        [&] {
            for (const ProjectSummary &p : workspace.projects()) {
                if (p.name == twinName) {
                    return false;
                }
            }
            return true;
        },
        30000));
}

QTEST_MAIN(TestTwinRunner)
#include "tst_twinrunner.moc"
