// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The details' charts take their samples from the project's ServiceStats: one /stats stream per
// container, whoever shows it (the charts, the services table or both). Counted at the engine:
// the window talks to the real engine through a proxy that logs every request line.
#include "../common/dockertest.h"
#include "../common/socketproxy.h"

#include "details/servicedetailspanel.h"
#include "engine/engineclient.h"
#include "mainwindow.h"
#include "stack/livestate.h"
#include "workspace/projectruntime.h"
#include "workspace/servicestats.h"
#include "workspace/workspace.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock;
using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-details-stats");

QString runningContainer(Core::ProjectRuntime *runtime, const QString &service)
{
    const auto state = runtime->liveState()->service(service);
    if (!state) {
        return {};
    }
    for (const Core::ContainerState &c : state->containers) {
        if (c.engineState == u"running") {
            return c.id;
        }
    }
    return {};
}

} // namespace

class TestDetailsStats : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void detailsCharts_shareTheRuntimesStatsStream_oneRequestPerContainer();

private:
    QTemporaryDir m_dir;
};

void TestDetailsStats::initTestCase()
{
    QCoreApplication::setOrganizationName("DevDock-test");
    QCoreApplication::setApplicationName("tst_detailsstats");
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    QFile compose(m_dir.filePath("compose.yaml"));
    QVERIFY(compose.open(QIODevice::WriteOnly));
    compose.write("name: " + kProject.toUtf8() + "\n"
                  "services:\n"
                  "  api:\n"
                  "    image: " + kTestImage.toUtf8() + "\n"
                  "    init: true\n"
                  "    stop_grace_period: 1s\n"
                  "    command: [\"sleep\", \"3600\"]\n"
                  "  cache:\n"
                  "    image: " + kTestImage.toUtf8() + "\n"
                  "    init: true\n"
                  "    stop_grace_period: 1s\n"
                  "    command: [\"sleep\", \"3600\"]\n");
    compose.close();
    const Run up = run("docker", {"compose", "--project-directory", m_dir.path(), "-p", kProject,
                                  "up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
}

void TestDetailsStats::cleanupTestCase()
{
    run("docker", {"compose", "-p", kProject, "down", "-t", "1"});
}

void TestDetailsStats::detailsCharts_shareTheRuntimesStatsStream_oneRequestPerContainer()
{
    SocketProxy proxy(QDir::temp().filePath(QStringLiteral("devdock-details-stats-%1.sock")
                                                .arg(QCoreApplication::applicationPid())));
    QVERIFY(proxy.restore());
    Core::EngineClient client(*Core::parseDockerHost(proxy.dockerHost()));
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    QSignalSpy settled(&window, &Ui::MainWindow::settled);
    window.resize(1366, 768);
    window.show();
    window.openProject(m_dir.path());
    QVERIFY(settled.wait(30000));
    Core::ProjectRuntime *runtime = window.activeRuntime();
    QVERIFY(waitUntil([&] { return !runningContainer(runtime, "api").isEmpty()
                                   && !runningContainer(runtime, "cache").isEmpty(); },
                      15000));
    const QString api = runningContainer(runtime, "api");
    const QString cache = runningContainer(runtime, "cache");
    auto statsOf = [&](const QString &id) {
        return proxy.requestCount("/containers/" + id + "/stats");
    };
    QCOMPARE(proxy.requestCount("/stats"), 0); // the graph shows no usage

    // The graph on screen, a service selected: its charts fill from one stream, nothing else.
    Ui::ServiceDetailsPanel *details = window.detailsPanel();
    window.selectService("api");
    QVERIFY(waitUntil([&] { return details->sampleCount() >= 2; }, 15000));
    QCOMPARE(statsOf(api), 1);
    QCOMPARE(proxy.requestCount("/stats"), 1);

    // The services table too: every running container streams once; the charts keep theirs.
    const int before = details->sampleCount();
    window.tabs()->setCurrentWidget(window.findChild<QWidget *>("servicesView"));
    QVERIFY(waitUntil([&] { return window.serviceStats()->streamCount() == 2; }, 10000));
    QVERIFY(waitUntil([&] { return details->sampleCount() >= before + 2; }, 15000));
    QCOMPARE(statsOf(api), 1);
    QCOMPARE(statsOf(cache), 1);
    QCOMPARE(proxy.requestCount("/stats"), 2);

    // Another service selected: its stream (already there for the table) feeds the charts.
    window.selectService("cache");
    QVERIFY(waitUntil([&] { return details->sampleCount() >= 2; }, 15000));
    QCOMPARE(statsOf(cache), 1);
    QCOMPARE(proxy.requestCount("/stats"), 2);

    // Back to the graph: only the charts' service streams; no service selected: nothing.
    window.tabs()->setCurrentIndex(0);
    QVERIFY(waitUntil([&] { return window.serviceStats()->streamCount() == 1; }, 5000));
    window.selectService(QString());
    QVERIFY(waitUntil([&] { return window.serviceStats()->streamCount() == 0; }, 5000));
    QCOMPARE(proxy.requestCount("/stats"), 2);
}

QTEST_MAIN(TestDetailsStats)
#include "tst_detailsstats.moc"
