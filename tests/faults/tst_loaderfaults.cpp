// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile inputs for the compose loader: devices and FIFOs where a file is expected (as -f,
// --env-file, .env and env_file), files over the size caps, duplicate keys, alias bombs, and a
// plain 50 MB compose file that must load, not be mistaken for a bomb. The device and FIFO cases
// run the real devdockctl in a child process, so that a loader that hangs or aborts fails the
// test instead of taking the test runner down with it.
#include "compose/composeloader.h"
#include "util/filereading.h"

#include "../common/composetest.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

struct CtlRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

// devdockctl ARGS config --json in `dir`, killed after 10 s.
CtlRun devdockctl(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"COMPOSE_FILE", "COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES"}) {
        env.remove(QString::fromLatin1(v));
    }
    p.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(DEVDOCKCTL_PATH), args + QStringList{"config", "--json"});
    CtlRun r;
    r.finished = p.waitForFinished(10000);
    r.elapsedMs = timer.elapsed();
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

const QByteArray kCompose = "services:\n  app:\n    image: busybox\n";

// A plain compose file of about `services` * 370 bytes, without anchors or aliases, shaped like
// tests/bench's generated project (a depends_on chain through every service).
QByteArray largeCompose(int services)
{
    QByteArray yaml = "services:\n";
    yaml.reserve(services * 400);
    for (int i = 1; i <= services; ++i) {
        const QByteArray n = QByteArray::number(i);
        yaml += "  svc" + n + ":\n    image: \"registry.local/svc" + n + ":${TAG:-1.0}\"\n";
        yaml += "    command: [\"serve\", \"--port\", \"" + QByteArray::number(8000 + i % 50000)
                + "\"]\n";
        yaml += "    environment:\n      SERVICE_ID: \"" + n + "\"\n";
        yaml += "      DATABASE_URL: postgresql://user:pw@db" + QByteArray::number(i % 10)
                + ":5432/app\n";
        yaml += "    ports: [\"" + QByteArray::number(20000 + i % 40000) + ":"
                + QByteArray::number(8000 + i % 50000) + "\"]\n";
        yaml += "    volumes: [\"./data/svc" + n + ":/data\", \"cache" + QByteArray::number(i % 5)
                + ":/cache\"]\n";
        yaml += "    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 10s\n";
        if (i > 1) {
            yaml += "    depends_on: [svc" + QByteArray::number(i - 1) + "]\n";
        }
    }
    yaml += "volumes:\n";
    for (int j = 0; j < 5; ++j) {
        yaml += "  cache" + QByteArray::number(j) + ":\n";
    }
    return yaml;
}

} // namespace

class TestLoaderFaults : public QObject
{
    Q_OBJECT
private slots:
    void specialFile_refusedAtOnceNamingIt_data();
    void specialFile_refusedAtOnceNamingIt();
    void symlinkToRegularFile_isRead();
    void oversizedFile_refusedBeforeReading_data();
    void oversizedFile_refusedBeforeReading();
    void duplicateKey_refusedNamingBothPositions_data();
    void duplicateKey_refusedNamingBothPositions();
    void mergeKey_overriddenKeyIsNoDuplicate();
    void aliasBomb_refusedQuickly();
    void aliasCycle_refused();
    void largePlainFile_loadsCompletely();
};

void TestLoaderFaults::specialFile_refusedAtOnceNamingIt_data()
{
    QTest::addColumn<QString>("input"); // which loader input gets the special file
    QTest::addColumn<QString>("kind");  // zero: /dev/zero (via a symlink where a name is fixed)
    for (const char *input : {"-f", "--env-file", ".env", "env_file"}) {
        for (const char *kind : {"zero", "fifo"}) {
            QTest::addRow("%s %s", input, kind)
                << QString::fromLatin1(input) << QString::fromLatin1(kind);
        }
    }
}

void TestLoaderFaults::specialFile_refusedAtOnceNamingIt()
{
    QFETCH(QString, input);
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString special =
        dir.filePath(input == ".env" ? QStringLiteral(".env") : QStringLiteral("special"));
    if (kind == "fifo") {
        QCOMPARE(::mkfifo(QFile::encodeName(special).constData(), 0600), 0);
    } else {
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), special));
    }
    const QString what =
        kind == "fifo" ? QStringLiteral("a FIFO") : QStringLiteral("a character device");
    QStringList args;
    QByteArray compose = kCompose;
    QString expected;
    if (input == "-f") {
        args << "-f" << special;
        expected = QStringLiteral("The compose file %1 is not a regular file (it is %2).")
                       .arg(special, what);
    } else if (input == "--env-file") {
        args << "--env-file" << special;
        expected =
            QStringLiteral("The env file %1 is not a regular file (it is %2).").arg(special, what);
    } else if (input == ".env") {
        expected =
            QStringLiteral("The env file %1 is not a regular file (it is %2).").arg(special, what);
    } else {
        compose += "    env_file: ./special\n";
        expected = QStringLiteral("%1:3: env_file of service app: The env file %2 is not a "
                                  "regular file (it is %3).")
                       .arg(dir.filePath("compose.yaml"), special, what);
    }
    QVERIFY(writeFile(dir.filePath("compose.yaml"), compose));

    const CtlRun r = devdockctl(dir.path(), args);
    QVERIFY2(r.finished, "devdockctl hangs on it");
    QCOMPARE(r.exitCode, 1); // an error, not a crash
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith(QByteArray("devdockctl: " + expected.toUtf8() + "\nhint: ")),
             r.err.constData());
    QVERIFY2(r.elapsedMs < 5000, qPrintable(QString::number(r.elapsedMs)));
}

void TestLoaderFaults::symlinkToRegularFile_isRead()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("real.yaml"), kCompose + "    env_file: ./real.env\n"));
    QVERIFY(writeFile(dir.filePath("real.env"), "GREETING=hello\n"));
    QVERIFY(QFile::link(dir.filePath("real.yaml"), dir.filePath("compose.yaml")));
    QVERIFY(writeFile(dir.filePath("vars"), "TAG=1.2\n"));
    QVERIFY(QFile::link(dir.filePath("vars"), dir.filePath(".env")));
    ComposeLoadOptions options;
    options.workingDirectory = dir.path();
    const auto project = loadComposeProject(options);
    QVERIFY2(project, project ? "" : qPrintable(project.error().message));
    QCOMPARE(project->services.size(), 1);
    QCOMPARE(project->services.first().environment.value("GREETING"),
             std::optional<QString>("hello"));
}

void TestLoaderFaults::oversizedFile_refusedBeforeReading_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("expected"); // %1: the file's path
    QTest::newRow("compose file over 64 MiB")
        << "-f" << kMaxComposeFileBytes + 1024 * 1024
        << "The compose file %1 is 68157440 bytes, more than the 64 MiB DevDock reads.";
    QTest::newRow("env file over 4 MiB")
        << "--env-file" << kMaxEnvFileBytes + 1
        << "The env file %1 is 4194305 bytes, more than the 4 MiB DevDock reads.";
    QTest::newRow("env_file over 4 MiB")
        << "env_file" << 5 * 1024 * 1024LL
        << "%2:3: env_file of service app: The env file %1 is 5242880 bytes, more than the 4 "
           "MiB DevDock reads.";
}

void TestLoaderFaults::oversizedFile_refusedBeforeReading()
{
    QFETCH(QString, input);
    QFETCH(qint64, size);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString big = dir.filePath("big");
    {
        QFile f(big); // sparse: costs no disk and no time to make
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(size));
    }
    QByteArray compose = kCompose;
    ComposeLoadOptions options;
    options.workingDirectory = dir.path();
    if (input == "-f") {
        options.files << big;
    } else if (input == "--env-file") {
        options.envFiles << big;
    } else {
        compose += "    env_file: ./big\n";
    }
    QVERIFY(writeFile(dir.filePath("compose.yaml"), compose));
    const auto project = loadComposeProject(options);
    QVERIFY(!project);
    QCOMPARE(project.error().message,
             expected.replace("%2", dir.filePath("compose.yaml")).replace("%1", big));
    QVERIFY(!project.error().hint.isEmpty());
}

void TestLoaderFaults::duplicateKey_refusedNamingBothPositions_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected"); // %1: compose.yaml's path
    QTest::newRow("two image lines")
        << QByteArray("services:\n  app:\n    image: a\n    image: b\n")
        << "%1:4:5: mapping key \"image\" is defined twice (first at %1:3:5)";
    QTest::newRow("two services of one name")
        << QByteArray("services:\n  web:\n    image: a\n  db:\n    image: p\n  web:\n"
                      "    image: b\n")
        << "%1:6:3: mapping key \"web\" is defined twice (first at %1:2:3)";
    QTest::newRow("in a flow mapping")
        << QByteArray("services:\n  app: {image: a, restart: always, image: b}\n")
        << "%1:2:36: mapping key \"image\" is defined twice (first at %1:2:9)";
    QTest::newRow("an environment variable")
        << QByteArray("services:\n  app:\n    image: a\n    environment:\n      A: 1\n"
                      "      B: 2\n      A: 3\n")
        << "%1:7:7: mapping key \"A\" is defined twice (first at %1:5:7)";
}

void TestLoaderFaults::duplicateKey_refusedNamingBothPositions()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const auto project = loadInline(dir, yaml);
    QVERIFY(!project);
    QCOMPARE(project.error().message, expected.arg(dir.filePath("compose.yaml")));
}

void TestLoaderFaults::mergeKey_overriddenKeyIsNoDuplicate()
{
    QTemporaryDir dir;
    const auto project = loadInline(dir, "x-base: &base\n  image: a\n  restart: always\n"
                                         "services:\n  app:\n    <<: *base\n    image: b\n");
    QVERIFY2(project, project ? "" : qPrintable(project.error().message));
    QCOMPARE(project->services.first().image, QStringLiteral("b"));
    QCOMPARE(project->services.first().restart, QStringLiteral("always"));
}

void TestLoaderFaults::aliasBomb_refusedQuickly()
{
    // Nine levels of ten aliases each: 10^9 nodes once expanded, 1 KB on disk.
    QByteArray yaml = "x-0: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
    for (int i = 1; i <= 9; ++i) {
        const QByteArray prev = "*l" + QByteArray::number(i - 1);
        yaml += "x-" + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [";
        for (int j = 0; j < 10; ++j) {
            yaml += (j ? ", " : "") + prev;
        }
        yaml += "]\n";
    }
    yaml += "services:\n  app:\n    image: a\n    command: *l9\n";
    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    const auto project = loadInline(dir, yaml);
    QVERIFY(!project);
    QVERIFY2(project.error().message.contains(
                 "YAML aliases expand to more than 1000000 nodes (an alias bomb?)"),
             qPrintable(project.error().message));
    QVERIFY2(project.error().message.startsWith(dir.filePath("compose.yaml") + ":"),
             qPrintable(project.error().message));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestLoaderFaults::aliasCycle_refused()
{
    QTemporaryDir dir;
    const auto project = loadInline(dir, "x-a: &a [*a]\nservices:\n  app:\n    image: a\n");
    // yaml-cpp may refuse the forward alias itself; either way it is an error, not a hang.
    QVERIFY(!project);
    QVERIFY(!project.error().message.isEmpty());
}

void TestLoaderFaults::largePlainFile_loadsCompletely()
{
    const int count = 140000; // about 52 MB
    const QByteArray yaml = largeCompose(count);
    QVERIFY(yaml.size() > 50 * 1000 * 1000);
    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    const auto project = loadInline(dir, yaml);
    const qint64 loadMs = timer.elapsed();
    QVERIFY2(project, project ? "" : qPrintable(project.error().message));
    QCOMPARE(project->services.size(), count);
    const ComposeService *s = project->service("svc77777");
    QVERIFY(s);
    QCOMPARE(s->image, QStringLiteral("registry.local/svc77777:1.0"));
    QCOMPARE(s->command, std::optional<QStringList>({"serve", "--port", "35777"}));
    QCOMPARE(s->ports.size(), 1);
    QCOMPARE(s->ports.first().published, QStringLiteral("57777"));
    QCOMPARE(s->dependsOn.keys(), QStringList{"svc77776"});
    QCOMPARE(s->volumes.first().source, dir.filePath("data/svc77777"));
    timer.restart();
    const QStringList order = project->startOrder(); // a 140 000-long chain: no recursion
    QCOMPARE(order.size(), count);
    QCOMPARE(order.first(), QStringLiteral("svc1"));
    QCOMPARE(order.last(), QStringLiteral("svc140000"));
    const QJsonObject json = project->toJson();
    QCOMPARE(json.value("services").toObject().size(), count);
    qInfo("%lld bytes: loaded in %lld ms; start order and JSON in %lld ms",
          static_cast<long long>(yaml.size()), static_cast<long long>(loadMs),
          static_cast<long long>(timer.elapsed()));
}

QTEST_GUILESS_MAIN(TestLoaderFaults)
#include "tst_loaderfaults.moc"
