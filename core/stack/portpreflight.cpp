// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "portpreflight.h"

#include "engine/engineclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QUdpSocket>
#include <QtConcurrent/QtConcurrentRun>
#include <QtEndian>

#include <cstring>

namespace DevDock::Core {

namespace {

// lupdate files these strings under the context below, as translate() looks them up.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DevDock::Core::PortPreflight)
};

bool isWildcard(const QString &ip)
{
    return ip.isEmpty() || ip == u"0.0.0.0" || ip == u"::";
}

// Two bindings of the same port collide when one is a wildcard or both name the same address.
bool overlaps(const QString &a, const QString &b)
{
    if (isWildcard(a) || isWildcard(b)) {
        return true;
    }
    return QHostAddress(a).isEqual(QHostAddress(b), QHostAddress::TolerantConversion);
}

QString hexToIpv4(const QByteArray &hex)
{
    // The kernel prints the network-order address as a native 32-bit word.
    const quint32 raw = hex.toUInt(nullptr, 16);
    return QHostAddress(qFromBigEndian(raw)).toString();
}

QString hexToIpv6(const QByteArray &hex)
{
    Q_IPV6ADDR address;
    for (int word = 0; word < 4; ++word) {
        const quint32 raw = hex.mid(word * 8, 8).toUInt(nullptr, 16);
        std::memcpy(&address.c[word * 4], &raw, 4);
    }
    QHostAddress host(address);
    // Report IPv4-mapped addresses as IPv4.
    bool ok = false;
    const quint32 v4 = host.toIPv4Address(&ok);
    if (ok && !host.isEqual(QHostAddress::AnyIPv6, QHostAddress::StrictConversion)) {
        return QHostAddress(v4).toString();
    }
    return host.toString();
}

struct ProcessInfo
{
    qint64 pid = 0;
    QString name;
};

// inode -> owning process, by reading /proc/*/fd links. Only the wanted inodes are looked up.
QHash<quint64, ProcessInfo> socketOwners(const QSet<quint64> &inodes)
{
    QHash<quint64, ProcessInfo> owners;
    if (inodes.isEmpty()) {
        return owners;
    }
    const QStringList pids =
        QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pidText : pids) {
        bool numeric = false;
        const qint64 pid = pidText.toLongLong(&numeric);
        if (!numeric) {
            continue;
        }
        const QString fdDir = QStringLiteral("/proc/") + pidText + QStringLiteral("/fd");
        const QStringList fds = QDir(fdDir).entryList(QDir::System | QDir::NoDotAndDotDot);
        for (const QString &fd : fds) {
            const QString target = QFile::symLinkTarget(fdDir + QLatin1Char('/') + fd);
            // symLinkTarget makes the link absolute: ".../socket:[123]".
            const qsizetype at = target.lastIndexOf(QStringLiteral("socket:["));
            if (at < 0) {
                continue;
            }
            const quint64 inode = target.mid(at + 8).chopped(1).toULongLong();
            if (inodes.contains(inode) && !owners.contains(inode)) {
                QFile comm(QStringLiteral("/proc/") + pidText + QStringLiteral("/comm"));
                QString name;
                if (comm.open(QIODevice::ReadOnly)) {
                    name = QString::fromUtf8(comm.readAll()).trimmed();
                }
                owners.insert(inode, ProcessInfo{pid, name});
            }
        }
        if (owners.size() == inodes.size()) {
            break;
        }
    }
    return owners;
}

struct LocalScan
{
    bool available = false;
    QList<LocalSocket> sockets;
    QHash<quint64, ProcessInfo> owners;
};

LocalScan scanLocalSockets(const QList<PortRequest> &requests)
{
    LocalScan scan;
    QSet<int> wanted;
    for (const PortRequest &r : requests) {
        wanted.insert(r.port);
    }
    const struct
    {
        const char *file;
        const char *protocol;
        bool ipv6;
    } tables[] = {{"/proc/net/tcp", "tcp", false},
                  {"/proc/net/tcp6", "tcp", true},
                  {"/proc/net/udp", "udp", false},
                  {"/proc/net/udp6", "udp", true}};
    QSet<quint64> inodes;
    for (const auto &table : tables) {
        QFile file(QString::fromLatin1(table.file));
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        scan.available = true;
        for (const LocalSocket &socket :
             parseProcNet(file.readAll(), QString::fromLatin1(table.protocol), table.ipv6)) {
            if (wanted.contains(socket.port)) {
                scan.sockets.append(socket);
                if (socket.inode != 0) {
                    inodes.insert(socket.inode);
                }
            }
        }
    }
    scan.owners = socketOwners(inodes);
    return scan;
}

// Without /proc: try to bind; failing with "address in use" means someone holds it.
bool bindFails(const PortRequest &request)
{
    const QHostAddress address =
        request.hostIp.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(request.hostIp);
    if (request.protocol == u"udp") {
        QUdpSocket socket;
        return !socket.bind(address, quint16(request.port))
               && socket.error() == QAbstractSocket::AddressInUseError;
    }
    QTcpServer server;
    return !server.listen(address, quint16(request.port))
           && server.serverError() == QAbstractSocket::AddressInUseError;
}

} // namespace

QString PortHolder::describe() const
{
    switch (kind) {
    case Kind::None:
        return Text::tr("nobody");
    case Kind::OwnContainer:
        return Text::tr("this project's container %1").arg(containerName);
    case Kind::Container:
        return containerProject.isEmpty()
                   ? Text::tr("container %1").arg(containerName)
                   : Text::tr("container %1 (project %2)").arg(containerName, containerProject);
    case Kind::Process:
        if (pid > 0) {
            return Text::tr("process %1 (pid %2)")
                .arg(processName.isEmpty() ? Text::tr("unknown") : processName)
                .arg(pid);
        }
        return uid >= 0 ? Text::tr("a process of user id %1 (not visible to you)").arg(uid)
                        : Text::tr("another process");
    case Kind::Unknown:
        return Text::tr("another process");
    }
    return {};
}

QString PortCheck::message() const
{
    const QString address = request.hostIp.isEmpty() || isWildcard(request.hostIp)
                                ? QString::number(request.port)
                                : request.hostIp + QLatin1Char(':') + QString::number(request.port);
    return Text::tr("Port %1/%2, wanted by %3, is held by %4.")
        .arg(address, request.protocol, request.service, holder.describe());
}

QList<PortCheck> PortReport::conflicts() const
{
    QList<PortCheck> result;
    for (const PortCheck &check : checks) {
        if (check.conflict()) {
            result.append(check);
        }
    }
    return result;
}

QString PortReport::note() const
{
    if (remoteEngine.isEmpty()) {
        return {};
    }
    return Text::tr("The engine %1 runs on another machine: only its containers were checked; "
                    "processes on that machine cannot be probed from here.")
        .arg(remoteEngine);
}

Error PortReport::error() const
{
    QStringList lines;
    for (const PortCheck &check : conflicts()) {
        lines << check.message();
    }
    return Error{
        Error::Code::Conflict, lines.join(QLatin1Char(' ')),
        Text::tr("Stop what holds the port, or publish the service on another port "
                 "(the ports: key of the compose file or a variable in the .env profile).")
            + (remoteEngine.isEmpty() ? QString() : QLatin1Char(' ') + note())};
}

QString httpUrl(const QString &hostIp, int port)
{
    QString host = hostIp;
    if (isWildcard(host)) {
        host = QStringLiteral("localhost");
    } else if (host.contains(QLatin1Char(':'))) {
        host = QLatin1Char('[') + host + QLatin1Char(']');
    }
    return QStringLiteral("http://%1:%2/").arg(host).arg(port);
}

QList<PortRequest> publishedPorts(const ComposeProject &project, const QStringList &services)
{
    QList<PortRequest> requests;
    for (const ComposeService &service : project.services) {
        if (!services.isEmpty() && !services.contains(service.name)) {
            continue;
        }
        for (const ComposePort &port : service.ports) {
            if (port.published.isEmpty()) {
                continue; // the engine picks a free one
            }
            int first = port.published.section(QLatin1Char('-'), 0, 0).toInt();
            int last = port.published.contains(QLatin1Char('-'))
                           ? port.published.section(QLatin1Char('-'), 1, 1).toInt()
                           : first;
            if (first <= 0 || last < first || last - first > 1024) {
                continue;
            }
            for (int p = first; p <= last; ++p) {
                requests.append(PortRequest{service.name, port.hostIp, p, port.protocol,
                                            port.target + (p - first)});
            }
        }
    }
    return requests;
}

QList<LocalSocket> parseProcNet(const QByteArray &table, const QString &protocol, bool ipv6)
{
    QList<LocalSocket> sockets;
    const QList<QByteArray> lines = table.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the header
        const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
        if (fields.size() < 10) {
            continue;
        }
        const QByteArray &local = fields.at(1);
        const QByteArray state = fields.at(3);
        // TCP: only LISTEN (0A). UDP: every bound socket (07 = unconnected).
        if (protocol == u"tcp" ? state != "0A" : state != "07") {
            continue;
        }
        const qsizetype colon = local.indexOf(':');
        if (colon < 0) {
            continue;
        }
        LocalSocket socket;
        socket.protocol = protocol;
        socket.ip = ipv6 ? hexToIpv6(local.left(colon)) : hexToIpv4(local.left(colon));
        socket.port = int(local.mid(colon + 1).toUInt(nullptr, 16));
        socket.uid = fields.at(7).toInt();
        socket.inode = fields.at(9).toULongLong();
        sockets.append(socket);
    }
    return sockets;
}

void checkPorts(EngineClient *client, const QString &projectName,
                const QList<PortRequest> &requests, QObject *context,
                std::function<void(Result<PortReport>)> callback)
{
    if (requests.isEmpty()) {
        callback(PortReport{});
        return;
    }
    const bool local = client->endpoint().isLocal();
    QPointer<QObject> guard(context);
    client->listContainers(
        ContainerListOptions{false, {}}, context, [=](Result<QList<ContainerSummary>> containers) {
            if (!containers) {
                callback(std::unexpected(containers.error()));
                return;
            }
            PortReport report;
            QList<PortRequest> forLocal;
            for (const PortRequest &request : requests) {
                PortCheck check{request, {}};
                for (const ContainerSummary &c : *containers) {
                    for (const PortBinding &binding : c.ports) {
                        if (binding.publicPort == request.port && binding.type == request.protocol
                            && overlaps(binding.ip, request.hostIp)) {
                            const QString project =
                                c.labels.value(QStringLiteral("com.docker.compose.project"));
                            check.holder.kind = project == projectName
                                                    ? PortHolder::Kind::OwnContainer
                                                    : PortHolder::Kind::Container;
                            check.holder.containerName = c.name;
                            check.holder.containerProject = project;
                        }
                    }
                    if (check.holder.kind == PortHolder::Kind::Container) {
                        break; // a foreign holder is the news
                    }
                }
                if (check.holder.kind == PortHolder::Kind::None) {
                    forLocal.append(request);
                }
                report.checks.append(check);
            }
            report.localChecked = local;
            if (!local) {
                report.remoteEngine = client->endpoint().uri;
            }
            if (!local || forLocal.isEmpty()) {
                callback(report);
                return;
            }
            // Reading /proc touches every process's fds: off the GUI thread.
            auto *watcher = new QFutureWatcher<LocalScan>(context);
            QObject::connect(watcher, &QFutureWatcher<LocalScan>::finished, context, [=]() mutable {
                const LocalScan scan = watcher->result();
                watcher->deleteLater();
                report.localChecked = true;
                for (PortCheck &check : report.checks) {
                    if (check.holder.kind != PortHolder::Kind::None) {
                        continue;
                    }
                    if (!scan.available) {
                        if (bindFails(check.request)) {
                            check.holder.kind = PortHolder::Kind::Unknown;
                        }
                        continue;
                    }
                    for (const LocalSocket &socket : scan.sockets) {
                        if (socket.port != check.request.port
                            || socket.protocol != check.request.protocol
                            || !overlaps(socket.ip, check.request.hostIp)) {
                            continue;
                        }
                        const ProcessInfo owner = scan.owners.value(socket.inode);
                        if (owner.name == u"docker-proxy") {
                            continue; // a container's port: the engine's list covers those
                        }
                        check.holder.kind = PortHolder::Kind::Process;
                        check.holder.pid = owner.pid;
                        check.holder.processName = owner.name;
                        check.holder.uid = socket.uid;
                        break;
                    }
                }
                callback(report);
            });
            watcher->setFuture(QtConcurrent::run(scanLocalSockets, forLocal));
        });
}

} // namespace DevDock::Core
