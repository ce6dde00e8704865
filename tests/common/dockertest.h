// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers for integration tests against the real Docker engine: run the docker CLI (the
// reference DevDock is compared with), build the offline busybox test image, wait for
// asynchronous results, clean up labelled containers.

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <QSet>
#include <QTcpServer>

#include <optional>
#include <utility>

namespace DevDock::Test {

inline const QString kTestImage = QStringLiteral("devdock-test/busybox:latest");
inline const QString kTestLabel = QStringLiteral("devdock.test=1");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Run run(const QString &program, const QStringList &args, int timeoutMs = 120000,
               const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        return {-1, {}, "cannot start " + program.toUtf8()};
    }
    if (!input.isEmpty()) {
        p.write(input);
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, p.readAllStandardOutput(), "timeout"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

inline Run docker(const QStringList &args, int timeoutMs = 120000)
{
    return run(QStringLiteral("docker"), args, timeoutMs);
}

// Skips (or, when the test command requires the engine, fails) when no engine answers.
inline bool engineAvailable()
{
    return docker({QStringLiteral("version"), QStringLiteral("--format"),
                   QStringLiteral("{{.Server.Version}}")},
                  20000)
               .exitCode
           == 0;
}

#define DEVDOCK_REQUIRE_ENGINE()                                                                   \
    do {                                                                                           \
        if (!DevDock::Test::engineAvailable()) {                                                   \
            if (qEnvironmentVariableIsSet("DEVDOCK_REQUIRE_ENGINE")) {                             \
                QFAIL("No Docker engine answers, but DEVDOCK_REQUIRE_ENGINE is set.");             \
            }                                                                                      \
            QSKIP("No Docker engine; run the README's test command to start one.");                \
        }                                                                                          \
    } while (false)

// Builds the busybox test image from Debian's static busybox when it is missing.
inline bool ensureTestImage(QString *error)
{
    if (docker({QStringLiteral("image"), QStringLiteral("inspect"), kTestImage}).exitCode == 0) {
        return true;
    }
    QTemporaryDir context;
    const QString busybox = QStringLiteral("/bin/busybox");
    if (!QFile::exists(busybox)) {
        *error = QStringLiteral("/bin/busybox is missing: install busybox-static");
        return false;
    }
    QFile::copy(busybox, context.filePath(QStringLiteral("busybox")));
    QFile::copy(QStringLiteral(DEVDOCK_TEST_DATA "/images/busybox/Dockerfile"),
                context.filePath(QStringLiteral("Dockerfile")));
    const Run r = docker({QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"),
                          kTestImage, context.path()});
    if (r.exitCode != 0) {
        *error = QString::fromUtf8(r.err);
        return false;
    }
    return true;
}

// The demo's images (scripts/prepare-demo): its busybox (the test image under the demo's name),
// and the real PostgreSQL 15 and Redis 7 it runs (scripts/datastore-image.sh; minutes the
// first time on a machine, cached after).
inline bool ensureDemoImages(QString *error)
{
    if (!ensureTestImage(error)) {
        return false;
    }
    const QString demo = QStringLiteral("devdock-demo/busybox:latest");
    if (docker({QStringLiteral("image"), QStringLiteral("inspect"), demo}).exitCode != 0
        && docker({QStringLiteral("tag"), kTestImage, demo}).exitCode != 0) {
        *error = QStringLiteral("could not tag the demo's busybox image");
        return false;
    }
    for (const auto &[kind, tag] : {std::pair{"postgres", "devdock-demo/postgres:15"},
                                    std::pair{"redis", "devdock-demo/redis:7"}}) {
        const Run built = run(QStringLiteral("bash"),
                              {QStringLiteral(DEVDOCK_SOURCE_DIR "/scripts/datastore-image.sh"),
                               QString::fromLatin1(kind), QString::fromLatin1(tag)},
                              900000);
        if (built.exitCode != 0) {
            *error = QString::fromUtf8(built.err);
            return false;
        }
    }
    return true;
}

// docker run -d with the test label; returns the container id (empty on failure).
inline QString runContainer(const QStringList &options, const QString &script)
{
    QStringList args{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--label"),
                     kTestLabel};
    args << options << kTestImage << QStringLiteral("sh") << QStringLiteral("-c") << script;
    const Run r = docker(args);
    if (r.exitCode != 0) {
        qWarning("docker run failed: %s", r.err.constData());
        return {};
    }
    return QString::fromUtf8(r.out).trimmed();
}

inline void removeTestContainers()
{
    const Run ids = docker({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
                            QStringLiteral("label=") + kTestLabel});
    const QStringList list =
        QString::fromUtf8(ids.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!list.isEmpty()) {
        docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + list);
    }
}

// The Compose projects on the system engine right now, running or not.
inline QSet<QString> composeProjectsOnEngine()
{
    const Run r = docker({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                          QStringLiteral("{{.Label \"com.docker.compose.project\"}}")});
    QSet<QString> names;
    for (const QString &line : QString::fromUtf8(r.out).split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty()) {
            names.insert(line.trimmed());
        }
    }
    return names;
}

// A TCP port on 127.0.0.1 that nothing listens on right now.
inline int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

inline bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QTest::qSleep(5);
    }
    return true;
}

// Runs an asynchronous call and spins the event loop until its callback delivers.
template <typename T>
std::optional<Core::Result<T>>
await(const std::function<void(std::function<void(Core::Result<T>)>)> &call, int timeoutMs = 60000)
{
    // Shared, so that a late callback after a timeout writes into live memory.
    auto result = std::make_shared<std::optional<Core::Result<T>>>();
    call([result](Core::Result<T> r) { *result = std::move(r); });
    waitUntil([&] { return result->has_value(); }, timeoutMs);
    return *result;
}

} // namespace DevDock::Test
