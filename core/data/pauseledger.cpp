// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pauseledger.h"

#include "data/helpercontainer.h"
#include "engine/engineclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUrl>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace DevDock::Core::PauseLedger {

namespace {

QString prefix(const EngineClient &client)
{
    return QString::fromLatin1(
               QCryptographicHash::hash(client.endpoint().uri.toUtf8(), QCryptographicHash::Sha256)
                   .toHex()
                   .left(12))
           + QLatin1Char('-');
}

bool running(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

void unpauseNext(EngineClient *client, QPointer<QObject> context, QStringList ids,
                 QStringList stopped, std::function<void()> done)
{
    if (ids.isEmpty() || !context) {
        if (context) {
            done();
        }
        return;
    }
    const QString id = ids.takeFirst();
    HttpRequest request;
    request.method = "POST";
    request.target = "/containers/" + QUrl::toPercentEncoding(id)
                     + (stopped.contains(id) ? "/start" : "/unpause");
    client->call(request, context,
                 [client, context, id, ids, stopped, done](Result<EngineClient::Response>) mutable {
                     // Running again, gone or not held (someone resumed it): nothing is owed.
                     cleared(*client, id);
                     unpauseNext(client, context, ids, stopped, std::move(done));
                 });
}

void removeNext(EngineClient *client, QPointer<QObject> context, QStringList ids,
                std::function<void()> done)
{
    if (!context) {
        return;
    }
    if (ids.isEmpty()) {
        done();
        return;
    }
    const QString id = ids.takeFirst();
    removeHelperContainer(client, id, context, [client, context, ids, done](Result<void>) {
        removeNext(client, context, ids, done);
    });
}

} // namespace

QString directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/devdock/paused");
}

void noted(const EngineClient &client, const QString &containerId, bool stopped)
{
    QDir().mkpath(directory());
    QFile f(directory() + QLatin1Char('/') + prefix(client) + containerId);
    // A note that cannot be written costs only the recovery after a crash; the backup goes on.
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        f.write(QByteArray::number(qint64(::getpid())) + (stopped ? " stop" : ""));
    }
}

void cleared(const EngineClient &client, const QString &containerId)
{
    QFile::remove(directory() + QLatin1Char('/') + prefix(client) + containerId);
}

namespace {
// The ended pausers' containers; `stoppedOnly`: those stopped rather than paused.
QStringList readOrphans(const EngineClient &client, bool stoppedOnly)
{
    QStringList ids;
    const QString mine = prefix(client);
    const QDir dir(directory());
    for (const QString &name : dir.entryList({mine + QLatin1Char('*')}, QDir::Files)) {
        // Only regular files: opening a FIFO planted here would block the caller.
        if (!QFileInfo(dir.filePath(name)).isFile() || QFileInfo(dir.filePath(name)).isSymLink()) {
            continue;
        }
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QList<QByteArray> words = f.read(32).simplified().split(' ');
        const qint64 pid = words.value(0).toLongLong();
        if (!running(pid) && (!stoppedOnly || words.value(1) == "stop")) {
            ids << name.mid(mine.size());
        }
    }
    return ids;
}
} // namespace

QStringList orphans(const EngineClient &client)
{
    return readOrphans(client, false);
}

QStringList stoppedOrphans(const EngineClient &client)
{
    return readOrphans(client, true);
}

void unpauseOrphans(EngineClient *client, QObject *context, std::function<void()> done)
{
    QPointer<QObject> guard(context);
    unpauseNext(client, context, orphans(*client), stoppedOrphans(*client), [client, guard, done = std::move(done)] {
        // The helper containers such a run left (they hold its volume: `down --volumes` could
        // not remove it) go too: those made on this machine by a process that has ended.
        ContainerListOptions options;
        options.all = true;
        options.filters.insert(QStringLiteral("label"), {QString::fromLatin1(kHelperOwnerLabel)});
        client->listContainers(options, guard, [client, guard, done](Result<QList<ContainerSummary>> list) {
            QStringList left;
            const QString host = QSysInfo::machineHostName() + QLatin1Char(':');
            for (const ContainerSummary &c : list ? *list : QList<ContainerSummary>()) {
                const QString owner = c.labels.value(QString::fromLatin1(kHelperOwnerLabel));
                if (owner.startsWith(host) && !running(owner.mid(host.size()).toLongLong())) {
                    left << c.id;
                }
            }
            removeNext(client, guard, left, done);
        });
    });
}

} // namespace DevDock::Core::PauseLedger
