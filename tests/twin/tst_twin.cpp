// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Twins end to end: a real git repository with a second worktree, devdockctl, the real compose
// CLI and engine, busybox httpd as web, db and cache.
#include "stack/portpreflight.h"
#include "twin/twinname.h"
#include "twin/twinplanner.h"
#include "twinfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock;
using namespace DevDock::Test;
using namespace DevDock::Test::Twin;

class TestTwin : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void twinUp_runsBesideTheMainStack_downLeavesTheMainStackAlone();
    void twinUp_skipsAPortAnotherProcessHolds();
    void twin_usageErrors();
    void twinUp_cloneData_restoresTheMainCheckoutsNewestSnapshotIntoTheTwin();
    void apply_trackedEnvLocal_remapsByOverride_composeAgrees();

private:
    Run ctl(const QStringList &arguments, const QString &directory);
    // The twin's URLs as `twin up` prints them: service -> port.
    static QHash<QString, int> printedPorts(const QByteArray &out, QString *project);
    void makeRepository();

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_name; // the main checkout's folder, so its Compose project name
    QString m_main; // the main checkout
    Ports m_ports;
    QStringList m_projects; // to take down in cleanup()
    int m_counter = 0;
};

void TestTwin::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    QVERIFY2(run(QStringLiteral("git"), {QStringLiteral("--version")}).exitCode == 0,
             "git is missing (scripts/setup.sh installs it)");
    // The generated overrides and DevDock's settings go to this test's own folders.
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("GIT_AUTHOR_NAME", "DevDock test");
    qputenv("GIT_AUTHOR_EMAIL", "test@devdock.invalid");
    qputenv("GIT_COMMITTER_NAME", "DevDock test");
    qputenv("GIT_COMMITTER_EMAIL", "test@devdock.invalid");
    qunsetenv("WEB_PORT");
    qunsetenv("DB_PORT");
}

void TestTwin::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    m_name = QStringLiteral("twt%1x%2").arg(QCoreApplication::applicationPid()).arg(++m_counter);
    m_main = QDir(m_root->path()).filePath(m_name);
    m_projects = {m_name};
    makeRepository();
}

void TestTwin::cleanup()
{
    for (const QString &project : std::as_const(m_projects)) {
        docker({QStringLiteral("compose"), QStringLiteral("-p"), project, QStringLiteral("down"),
                QStringLiteral("--volumes"), QStringLiteral("--remove-orphans")});
    }
    m_root.reset();
}

Run TestTwin::ctl(const QStringList &arguments, const QString &directory)
{
    QProcess p;
    p.setWorkingDirectory(directory);
    p.start(QStringLiteral(DEVDOCKCTL_PATH), arguments);
    if (!p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished();
        return {-1, p.readAllStandardOutput(), p.readAllStandardError() + "\ntimeout"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QHash<QString, int> TestTwin::printedPorts(const QByteArray &out, QString *project)
{
    QHash<QString, int> ports;
    static const QRegularExpression url(
        QStringLiteral(R"(^(\S+)\s+http://127\.0\.0\.1:(\d+)/\s+\(main checkout: \d+\)$)"));
    for (const QString &line : lines(out)) {
        if (line.startsWith(QStringLiteral("project "))) {
            *project = line.mid(8).trimmed();
        }
        const auto match = url.match(line);
        if (match.hasMatch()) {
            ports.insert(match.captured(1), match.captured(2).toInt());
        }
    }
    return ports;
}

void TestTwin::makeRepository()
{
    m_ports = makeTwinRepository(m_main);
    QVERIFY(m_ports.web > 0);
    m_projects << Core::TwinName::projectName(m_name, QStringLiteral("Feature/Login"));
}

void TestTwin::twinUp_runsBesideTheMainStack_downLeavesTheMainStackAlone()
{
    const QString twinName = m_name + QStringLiteral("-featurelogin");
    const QString worktree = m_main + QStringLiteral("-Feature-Login");

    Run up = ctl({QStringLiteral("up")}, m_main);
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(httpBody(m_ports.web), QByteArray("main-checkout"));
    const QStringList mainContainers = containersOf(m_name);
    QCOMPARE(mainContainers.size(), 3);

    // The worktree does not exist yet: `twin up` creates it beside the main checkout.
    Run twin = ctl({QStringLiteral("twin"), QStringLiteral("up"), QStringLiteral("Feature/Login")},
                   m_main);
    QVERIFY2(twin.exitCode == 0, twin.err.constData());
    QVERIFY(QFileInfo(worktree).isDir());
    QString printedName;
    const QHash<QString, int> ports = printedPorts(twin.out, &printedName);
    QCOMPARE(printedName, twinName);
    QCOMPARE(ports.size(), 3);
    const QSet<int> mainPorts{m_ports.web, m_ports.db, m_ports.cache};
    QSet<int> twinPorts;
    for (auto it = ports.cbegin(); it != ports.cend(); ++it) {
        QVERIFY2(!mainPorts.contains(it.value()), qPrintable(it.key()));
        twinPorts.insert(it.value());
    }
    QCOMPARE(twinPorts.size(), 3);

    // Both stacks run at once, each on its own URLs, each serving its own checkout.
    QCOMPARE(containersOf(twinName).size(), 3);
    QCOMPARE(httpBody(ports.value(QStringLiteral("web"))), QByteArray("twin-checkout"));
    QCOMPARE(httpBody(ports.value(QStringLiteral("db"))), QByteArray("db"));
    QCOMPARE(httpBody(ports.value(QStringLiteral("cache"))), QByteArray("cache"));
    QCOMPARE(httpBody(m_ports.web), QByteArray("main-checkout"));
    QCOMPARE(httpBody(m_ports.db), QByteArray("db"));
    QCOMPARE(httpBody(m_ports.cache), QByteArray("cache"));
    QCOMPARE(containersOf(m_name), mainContainers);

    // No checked-in file changed: the variables went into the twin's own .env.local, the
    // literal cache port into an override outside the project.
    const Run status =
        run(QStringLiteral("git"), {QStringLiteral("-C"), worktree, QStringLiteral("status"),
                                    QStringLiteral("--porcelain")});
    QCOMPARE(lines(status.out), QStringList{QStringLiteral("?? .env.local")});
    QFile envLocal(QDir(worktree).filePath(QStringLiteral(".env.local")));
    QVERIFY(envLocal.open(QIODevice::ReadOnly));
    const QByteArray env = envLocal.readAll();
    QVERIFY2(env.contains(
                 QByteArray("WEB_PORT=" + QByteArray::number(ports.value(QStringLiteral("web"))))),
             env.constData());
    QVERIFY2(env.contains(
                 QByteArray("DB_PORT=" + QByteArray::number(ports.value(QStringLiteral("db"))))),
             env.constData());
    QVERIFY2(!env.contains(QByteArray::number(ports.value(QStringLiteral("cache")))),
             env.constData());
    QVERIFY(
        lines(run(QStringLiteral("git"), {QStringLiteral("-C"), m_main, QStringLiteral("status"),
                                          QStringLiteral("--porcelain")})
                  .out)
            .isEmpty());

    // `twin list` shows both checkouts and what runs.
    const Run list = ctl({QStringLiteral("twin"), QStringLiteral("list")}, worktree);
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const QString listing = QString::fromUtf8(list.out);
    QVERIFY2(listing.contains(
                 QRegularExpression(QStringLiteral("main \\(main\\)\\s+%1\\s+3/3").arg(m_name))),
             qPrintable(listing));
    QVERIFY2(listing.contains(
                 QRegularExpression(QStringLiteral("Feature/Login\\s+%1\\s+3/3\\s+%2")
                                        .arg(twinName, QRegularExpression::escape(worktree)))),
             qPrintable(listing));

    // Again: the same ports (its own containers hold them), nothing recreated.
    const QStringList twinContainers = containersOf(twinName);
    twin = ctl({QStringLiteral("twin"), QStringLiteral("up"), QStringLiteral("Feature/Login")},
               m_main);
    QVERIFY2(twin.exitCode == 0, twin.err.constData());
    QCOMPARE(printedPorts(twin.out, &printedName), ports);
    QCOMPARE(containersOf(twinName), twinContainers);

    // Down: only the twin's containers and network go; its volume stays without --volumes.
    Run down = ctl(
        {QStringLiteral("twin"), QStringLiteral("down"), QStringLiteral("Feature/Login")}, m_main);
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QVERIFY(containersOf(twinName).isEmpty());
    QVERIFY(!dockerObjectExists(QStringLiteral("network"), twinName + QStringLiteral("_default")));
    QVERIFY(dockerObjectExists(QStringLiteral("volume"), twinName + QStringLiteral("_data")));
    QVERIFY(QFileInfo(worktree).isDir());
    QCOMPARE(containersOf(m_name), mainContainers);
    QVERIFY(dockerObjectExists(QStringLiteral("network"), m_name + QStringLiteral("_default")));
    QCOMPARE(httpBody(m_ports.web), QByteArray("main-checkout"));

    // Up once more, then down with its volumes and its worktree: the main stack's stay.
    twin = ctl({QStringLiteral("twin"), QStringLiteral("up"), QStringLiteral("Feature/Login")},
               m_main);
    QVERIFY2(twin.exitCode == 0, twin.err.constData());
    down = ctl({QStringLiteral("twin"), QStringLiteral("down"), QStringLiteral("Feature/Login"),
                QStringLiteral("--volumes"), QStringLiteral("--remove-worktree")},
               m_main);
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QVERIFY(containersOf(twinName).isEmpty());
    QVERIFY(!dockerObjectExists(QStringLiteral("volume"), twinName + QStringLiteral("_data")));
    QVERIFY(!QFileInfo::exists(worktree));
    QCOMPARE(containersOf(m_name), mainContainers);
    QVERIFY(dockerObjectExists(QStringLiteral("volume"), m_name + QStringLiteral("_data")));
    QCOMPARE(httpBody(m_ports.web), QByteArray("main-checkout"));
    // The branch itself stays.
    QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), m_main, QStringLiteral("rev-parse"),
                                         QStringLiteral("--verify"), QStringLiteral("-q"),
                                         QStringLiteral("Feature/Login")})
                 .exitCode,
             0);
}

void TestTwin::twinUp_skipsAPortAnotherProcessHolds()
{
    // The port the branch would get for web first, held by a process outside the engine.
    const int wanted = Core::TwinName::preferredPort(m_ports.web, QStringLiteral("Feature/Login"));
    QProcess listener;
    listener.start(QStringLiteral("python3"),
                   {QStringLiteral("-c"), QStringLiteral("import socket, time\n"
                                                         "s = socket.socket()\n"
                                                         "s.bind(('127.0.0.1', %1))\n"
                                                         "s.listen()\n"
                                                         "print('ready', flush=True)\n"
                                                         "time.sleep(600)\n")
                                              .arg(wanted)});
    const auto stop = qScopeGuard([&] {
        listener.kill();
        listener.waitForFinished();
    });
    QVERIFY2(listener.waitForReadyRead(10000), listener.readAllStandardError().constData());
    QCOMPARE(listener.readAllStandardOutput().trimmed(), QByteArray("ready"));

    // The port it would get for db, configured by a container that is not running: it takes
    // the port back when it starts.
    const int wantedDb = Core::TwinName::preferredPort(m_ports.db, QStringLiteral("Feature/Login"));
    const Run created = docker({QStringLiteral("create"), QStringLiteral("--label"),
                                QStringLiteral("devdock.twintest=1"), QStringLiteral("-p"),
                                QStringLiteral("127.0.0.1:%1:5432").arg(wantedDb), kTestImage,
                                QStringLiteral("sh")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString stopped = QString::fromUtf8(created.out).trimmed();
    const auto removeStopped = qScopeGuard([&] {
        docker({QStringLiteral("rm"), QStringLiteral("-f"), stopped});
    });

    const Run twin = ctl(
        {QStringLiteral("twin"), QStringLiteral("up"), QStringLiteral("Feature/Login")}, m_main);
    QVERIFY2(twin.exitCode == 0, twin.err.constData());
    QString name;
    const QHash<QString, int> ports = printedPorts(twin.out, &name);
    QCOMPARE(ports.size(), 3);
    // Each takes the next free one after it; cache keeps its own (one offset per branch).
    QCOMPARE(ports.value(QStringLiteral("web")), wanted + 1);
    QCOMPARE(ports.value(QStringLiteral("db")), wantedDb + 1);
    QCOMPARE(ports.value(QStringLiteral("cache")),
             Core::TwinName::preferredPort(m_ports.cache, QStringLiteral("Feature/Login")));
    QCOMPARE(httpBody(ports.value(QStringLiteral("web"))), QByteArray("twin-checkout"));
    QCOMPARE(httpBody(ports.value(QStringLiteral("db"))), QByteArray("db"));
    QCOMPARE(listener.state(), QProcess::Running);                    // it keeps its port
    QCOMPARE(docker({QStringLiteral("start"), stopped}).exitCode, 0); // and the container its

    // A worktree with a change of the user's stays (the stack goes down all the same).
    const QString worktree = m_main + QStringLiteral("-Feature-Login");
    QVERIFY(writeFile(QDir(worktree).filePath(QStringLiteral("notes.txt")), "mine\n"));
    Run down = ctl({QStringLiteral("twin"), QStringLiteral("down"), QStringLiteral("Feature/Login"),
                    QStringLiteral("--volumes"), QStringLiteral("--remove-worktree")},
                   m_main);
    QCOMPARE(down.exitCode, 1);
    QVERIFY2(down.err.contains("has changes: notes.txt"), down.err.constData());
    QVERIFY(containersOf(name).isEmpty());
    QVERIFY(QFileInfo::exists(QDir(worktree).filePath(QStringLiteral("notes.txt"))));
    QVERIFY(QFileInfo::exists(QDir(worktree).filePath(QStringLiteral(".env.local"))));
    QVERIFY(QFile::remove(QDir(worktree).filePath(QStringLiteral("notes.txt"))));
    down = ctl({QStringLiteral("twin"), QStringLiteral("down"), QStringLiteral("Feature/Login"),
                QStringLiteral("--remove-worktree")},
               m_main);
    QVERIFY2(down.exitCode == 0, down.err.constData());
    QVERIFY(!QFileInfo::exists(worktree));
}

void TestTwin::twinUp_cloneData_restoresTheMainCheckoutsNewestSnapshotIntoTheTwin()
{
    // The backup repository's password lives in the keychain.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (qEnvironmentVariableIsSet("DEVDOCK_REQUIRE_KEYCHAIN")) {
            QFAIL("No session bus, but DEVDOCK_REQUIRE_KEYCHAIN is set.");
        }
        QSKIP("No session bus: run under the test command (dbus-run-session + gnome-keyring).");
    }
    qputenv("DEVDOCK_BACKUP_REPOSITORY", m_root->filePath(QStringLiteral("repo")).toUtf8());
    const auto unset = qScopeGuard([] { qunsetenv("DEVDOCK_BACKUP_REPOSITORY"); });
    const QString twinName = m_name + QStringLiteral("-featurelogin");
    const QStringList cloneUp{QStringLiteral("twin"), QStringLiteral("up"),
                              QStringLiteral("Feature/Login"), QStringLiteral("--clone-data")};

    // Nothing to clone yet: it says so, and no twin stack starts.
    Run r = ctl(cloneUp, m_main);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("has no snapshot of its volumes to clone"), r.err.constData());
    QVERIFY(containersOf(twinName).isEmpty());

    Run up = ctl({QStringLiteral("up")}, m_main);
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const QString mainDb = m_name + QStringLiteral("-db-1");
    auto writeRow = [&](const QString &text) {
        const Run w =
            docker({QStringLiteral("exec"), mainDb, QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("echo %1 > /data/row").arg(text)});
        QVERIFY2(w.exitCode == 0, w.err.constData());
    };
    auto backup = [&] {
        const Run b = ctl(
            {QStringLiteral("backup"), QStringLiteral("create"), QStringLiteral("data")}, m_main);
        QVERIFY2(b.exitCode == 0, b.err.constData());
    };
    // Two snapshots (the newer one is cloned), then a change that no snapshot has.
    writeRow(QStringLiteral("older"));
    backup();
    writeRow(QStringLiteral("newest"));
    backup();
    writeRow(QStringLiteral("live-only"));

    r = ctl(cloneUp, m_main);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("data: cloned from snapshot"), r.out.constData());
    const Run twinRow = docker({QStringLiteral("exec"), twinName + QStringLiteral("-db-1"),
                                QStringLiteral("cat"), QStringLiteral("/data/row")});
    QCOMPARE(twinRow.out.trimmed(), QByteArray("newest"));
    // The twin's own volume, adopted by Compose; the main checkout's is as it was.
    const Run volume =
        docker({QStringLiteral("volume"), QStringLiteral("inspect"), QStringLiteral("-f"),
                QStringLiteral("{{index .Labels \"com.docker.compose.project\"}}"),
                twinName + QStringLiteral("_data")});
    QCOMPARE(volume.out.trimmed(), twinName.toUtf8());
    const Run mainRow = docker(
        {QStringLiteral("exec"), mainDb, QStringLiteral("cat"), QStringLiteral("/data/row")});
    QCOMPARE(mainRow.out.trimmed(), QByteArray("live-only"));
}

void TestTwin::twin_usageErrors()
{
    Run r = ctl({QStringLiteral("twin"), QStringLiteral("up"), QStringLiteral("main")}, m_main);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("main is the branch of the main checkout"), r.err.constData());

    r = ctl({QStringLiteral("twin"), QStringLiteral("down"), QStringLiteral("Feature/Login"),
             QStringLiteral("--clone-data")},
            m_main);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("an option twin down does not take"), r.err.constData());
    QVERIFY(!QFileInfo::exists(m_main + QStringLiteral("-Feature-Login")));

    r = ctl({QStringLiteral("twin"), QStringLiteral("down"), QStringLiteral("nope")}, m_main);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("No worktree has the branch nope checked out"), r.err.constData());

    r = ctl({QStringLiteral("twin"), QStringLiteral("up"), QStringLiteral("bad..name")}, m_main);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is not a valid branch name"), r.err.constData());

    r = ctl({QStringLiteral("twin"), QStringLiteral("list")}, m_root->path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is not inside a git repository"), r.err.constData());

    r = ctl({QStringLiteral("twin")}, m_main);
    QCOMPARE(r.exitCode, 2);
}

void TestTwin::apply_trackedEnvLocal_remapsByOverride_composeAgrees()
{
    // A .env.local checked into git is not the twin's to write: every port goes by the override.
    const QByteArray envLocal = "# the team's local defaults\nDEBUG=1\n";
    QVERIFY(writeFile(QDir(m_main).filePath(QStringLiteral(".env.local")), envLocal));
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("add"), QStringLiteral(".env.local")},
          QStringList{QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("local")},
          QStringList{QStringLiteral("branch"), QStringLiteral("other")}}) {
        const Run r =
            run(QStringLiteral("git"), QStringList{QStringLiteral("-C"), m_main} + arguments);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    Core::ComposeLoadOptions options = Core::ComposeLoadOptions::fromProcess();
    options.workingDirectory = m_main;
    auto plan = Core::TwinPlanner::locate(options, QStringLiteral("other"), {}, true);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
    QVERIFY(plan->worktreeCreated);
    QCOMPARE(plan->projectName, m_name + QStringLiteral("-other"));
    QCOMPARE(plan->ports.size(), 3);
    QHash<QString, int> chosen;
    int next = 0;
    for (Core::TwinPort &port : plan->ports) {
        QVERIFY2(port.viaOverride, qPrintable(port.service));
        port.port = freePort() + next++; // config only: nothing starts
        chosen.insert(port.service, port.port);
    }
    QCOMPARE(plan->ports.at(0).variable, QStringLiteral("WEB_PORT"));
    QVERIFY(Core::TwinPlanner::apply(*plan));
    QFile tracked(plan->envLocalPath);
    QVERIFY(tracked.open(QIODevice::ReadOnly));
    QCOMPARE(tracked.readAll(), envLocal);
    QVERIFY(QFileInfo::exists(plan->overridePath));

    // DevDock's loader and the compose CLI read the twin the same way: the chosen ports only.
    const Core::ComposeLoadOptions twin = Core::TwinPlanner::loadOptions(*plan, options);
    auto loaded = Core::loadComposeProject(twin);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
    QHash<QString, int> published;
    for (const Core::PortRequest &request : Core::publishedPorts(*loaded, {})) {
        QVERIFY2(!published.contains(request.service), qPrintable(request.service));
        published.insert(request.service, request.port);
    }
    QCOMPARE(published, chosen);
    QStringList arguments{QStringLiteral("compose"), QStringLiteral("-p"), twin.projectName,
                          QStringLiteral("--project-directory"), twin.projectDirectory};
    for (const QString &file : twin.files) {
        arguments << QStringLiteral("-f") << file;
    }
    arguments << QStringLiteral("config") << QStringLiteral("--format") << QStringLiteral("json");
    QProcess compose;
    compose.setWorkingDirectory(plan->directory);
    compose.start(QStringLiteral("docker"), arguments);
    QVERIFY(compose.waitForFinished(60000));
    QCOMPARE(compose.exitCode(), 0);
    const QJsonObject services = QJsonDocument::fromJson(compose.readAllStandardOutput())
                                     .object()
                                     .value(QStringLiteral("services"))
                                     .toObject();
    QHash<QString, int> composePorts;
    for (auto it = services.constBegin(); it != services.constEnd(); ++it) {
        const QJsonArray ports = it.value().toObject().value(QStringLiteral("ports")).toArray();
        QCOMPARE(ports.size(), 1);
        composePorts.insert(
            it.key(),
            ports.first().toObject().value(QStringLiteral("published")).toString().toInt());
    }
    QCOMPARE(composePorts, chosen);

    QVERIFY(Core::TwinPlanner::removeWorktree(*plan));
    QVERIFY(!QFileInfo::exists(plan->worktree));
    QVERIFY(!QFileInfo::exists(plan->overridePath));
}

QTEST_GUILESS_MAIN(TestTwin)
#include "tst_twin.moc"
