// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The twin tests' shared fixture: a real git repository whose branch Feature/Login serves
// another page, its compose file (busybox httpd as web, db and cache), and probes.
#include "../common/composetest.h"
#include "../common/dockertest.h"

#include <QDir>
#include <QTcpSocket>

namespace DevDock::Test::Twin {

// web and db take their host ports from variables (.env), cache publishes a literal one; the
// page says which checkout serves it. Not the shared devdock.test=1 label: other tests remove
// every container that has it, and would take these away in the middle of this test.
inline QByteArray composeYaml(int cachePort, const QByteArray &page)
{
    const QByteArray serve = "    image: devdock-test/busybox:latest\n"
                             "    labels: [\"devdock.twintest=1\"]\n";
    return "services:\n"
           "  web:\n"
           + serve + "    command: [\"sh\", \"-c\", \"mkdir -p /www && echo " + page
           + " > /www/index.html && exec httpd -f -p 80 -h /www\"]\n"
             "    ports:\n"
             "      - \"127.0.0.1:${WEB_PORT:-18080}:80\"\n"
             "    depends_on: [db, cache]\n"
             "  db:\n"
           + serve
           + "    command: [\"sh\", \"-c\", \"mkdir -p /www && echo db > /www/index.html && exec "
             "httpd -f -p 5432 -h /www\"]\n"
             "    volumes: [\"data:/data\"]\n"
             "    ports:\n"
             "      - target: 5432\n"
             "        published: ${DB_PORT}\n"
             "        host_ip: 127.0.0.1\n"
             "  cache:\n"
           + serve
           + "    command: [\"sh\", \"-c\", \"mkdir -p /www && echo cache > /www/index.html && "
             "exec "
             "httpd -f -p 6379 -h /www\"]\n"
             "    ports:\n"
             "      - \"127.0.0.1:"
           + QByteArray::number(cachePort)
           + ":6379\"\n"
             "volumes:\n"
             "  data:\n";
}

struct Ports
{
    int web = 0;
    int db = 0;
    int cache = 0;
};

// The body of http://127.0.0.1:PORT/, once it answers (empty after `timeoutMs`).
inline QByteArray httpBody(int port, int timeoutMs = 20000)
{
    QByteArray body;
    waitUntil(
        [&] {
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(port));
            if (!socket.waitForConnected(1000)) {
                return false;
            }
            socket.write("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
            QByteArray response;
            while (socket.waitForReadyRead(2000)) {
                response += socket.readAll();
            }
            response += socket.readAll();
            const qsizetype end = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.") || end < 0) {
                return false;
            }
            body = response.mid(end + 4).trimmed();
            return true;
        },
        timeoutMs);
    return body;
}

inline QStringList lines(const QByteArray &out)
{
    return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// The container names of a Compose project, running or not.
inline QStringList containersOf(const QString &project)
{
    const Run r = docker({QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--filter"),
                          QStringLiteral("label=com.docker.compose.project=") + project,
                          QStringLiteral("--format"), QStringLiteral("{{.ID}} {{.State}}")});
    QStringList list = lines(r.out);
    list.sort();
    return list;
}

inline bool dockerObjectExists(const QString &kind, const QString &name)
{
    return docker({kind, QStringLiteral("inspect"), name}).exitCode == 0;
}

// The host ports the main checkout publishes.
// A git repository in `main` (branch main serves "main-checkout") with a branch Feature/Login
// (serves "twin-checkout"); web and db ports in .env, cache a literal port. All ports 0 when
// something failed (the warning says what).
inline Ports makeTwinRepository(const QString &main)
{
    Ports ports;
    ports = {freePort(), freePort(), freePort()};
    while (ports.db == ports.web || ports.cache == ports.web || ports.cache == ports.db) {
        ports = {freePort(), freePort(), freePort()};
    }
    bool ok = QDir().mkpath(main);
    auto git = [&main, &ok](const QStringList &arguments) {
        const Run r =
            run(QStringLiteral("git"), QStringList{QStringLiteral("-C"), main} + arguments);
        if (r.exitCode != 0) {
            qWarning("git %s: %s", qPrintable(arguments.join(u' ')), r.err.constData());
            ok = false;
        }
    };
    git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
         QStringLiteral("main")});
    ok = writeFile(QDir(main).filePath(QStringLiteral("compose.yaml")),
                   composeYaml(ports.cache, "main-checkout"))
         && ok;
    ok = writeFile(QDir(main).filePath(QStringLiteral(".env")),
                   "WEB_PORT=" + QByteArray::number(ports.web)
                       + "\nDB_PORT=" + QByteArray::number(ports.db) + "\n")
         && ok;
    git({QStringLiteral("add"), QStringLiteral("-A")});
    git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
         QStringLiteral("init")});
    // The branch serves another page, so a URL tells which checkout answers.
    git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
         QStringLiteral("Feature/Login")});
    ok = writeFile(QDir(main).filePath(QStringLiteral("compose.yaml")),
                   composeYaml(ports.cache, "twin-checkout"))
         && ok;
    git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"),
         QStringLiteral("twin page")});
    git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")});

    return ok ? ports : Ports{};
}

} // namespace DevDock::Test::Twin
