// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QUrl>

namespace DevDock::Core {

namespace {

const QString kDefaultContext = QStringLiteral("default");
// config.json and a context's meta.json are a few KB; more is not one of them (or /dev/zero).
constexpr qint64 MaxJsonFileBytes = 4 << 20;

Result<QJsonObject> readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io,
                         QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(MaxJsonFileBytes), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("%1 is not valid JSON: %2 at byte %3")
                             .arg(path, parseError.errorString())
                             .arg(parseError.offset));
    }
    if (!doc.isObject()) {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("%1 is not a JSON object").arg(path));
    }
    return doc.object();
}

void applyTlsDirectory(Endpoint &endpoint, const QString &directory)
{
    endpoint.caFile = directory + QStringLiteral("/ca.pem");
    endpoint.certFile = directory + QStringLiteral("/cert.pem");
    endpoint.keyFile = directory + QStringLiteral("/key.pem");
}

Result<Endpoint> resolveDefaultContext(const EndpointEnvironment &env)
{
    const QString host = env.variables.value(QStringLiteral("DOCKER_HOST"));
    const bool tlsVerify = !env.variables.value(QStringLiteral("DOCKER_TLS_VERIFY")).isEmpty();
    const bool tls = tlsVerify || !env.variables.value(QStringLiteral("DOCKER_TLS")).isEmpty();
    auto endpoint = parseDockerHost(host.isEmpty() ? defaultDockerHost(env.windows) : host, tls);
    if (!endpoint) {
        return endpoint;
    }
    if (endpoint->kind == Endpoint::Kind::Tcp && tls) {
        endpoint->tlsVerify = tlsVerify;
        QString certPath = env.variables.value(QStringLiteral("DOCKER_CERT_PATH"));
        if (certPath.isEmpty()) {
            certPath = env.configDirectory();
        }
        applyTlsDirectory(*endpoint, certPath);
    }
    endpoint->contextName = kDefaultContext;
    return endpoint;
}

Result<Endpoint> resolveNamedContext(const EndpointEnvironment &env, const QString &name)
{
    const QString id = QString::fromLatin1(
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
    const QString contexts = env.configDirectory() + QStringLiteral("/contexts");
    const QString metaPath =
        contexts + QStringLiteral("/meta/") + id + QStringLiteral("/meta.json");
    if (!QFileInfo::exists(metaPath)) {
        return makeError(Error::Code::NotFound,
                         QStringLiteral("Docker context \"%1\" does not exist.").arg(name),
                         QStringLiteral("List contexts with `docker context ls`, or unset "
                                        "DOCKER_CONTEXT / change currentContext in %1.")
                             .arg(env.configDirectory() + QStringLiteral("/config.json")));
    }
    auto meta = readJsonObject(metaPath);
    if (!meta) {
        return std::unexpected(meta.error());
    }
    const QJsonObject docker = meta->value(QStringLiteral("Endpoints"))
                                   .toObject()
                                   .value(QStringLiteral("docker"))
                                   .toObject();
    const QString host = docker.value(QStringLiteral("Host")).toString();
    if (host.isEmpty()) {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("Docker context \"%1\" has no docker endpoint.").arg(name),
                         QStringLiteral("Check %1").arg(metaPath));
    }
    const QString tlsDir = contexts + QStringLiteral("/tls/") + id + QStringLiteral("/docker");
    const bool haveTls = QFileInfo::exists(tlsDir + QStringLiteral("/cert.pem"))
                         || QFileInfo::exists(tlsDir + QStringLiteral("/ca.pem"));
    auto endpoint = parseDockerHost(host, haveTls);
    if (!endpoint) {
        return endpoint;
    }
    endpoint->contextName = name;
    if (endpoint->kind == Endpoint::Kind::Tcp && haveTls) {
        endpoint->tlsVerify = !docker.value(QStringLiteral("SkipTLSVerify")).toBool();
        applyTlsDirectory(*endpoint, tlsDir);
        if (!QFileInfo::exists(endpoint->caFile)) {
            endpoint->caFile.clear();
        }
        if (!QFileInfo::exists(endpoint->certFile)) {
            endpoint->certFile.clear();
            endpoint->keyFile.clear();
        }
    }
    return endpoint;
}

} // namespace

QStringList Endpoint::sshCommand() const
{
    QStringList command{QStringLiteral("ssh"), QStringLiteral("-o"),
                        QStringLiteral("ConnectTimeout=30"), QStringLiteral("-T")};
    if (port != 0) {
        command << QStringLiteral("-p") << QString::number(port);
    }
    command << QStringLiteral("--")
            << (sshUser.isEmpty() ? host : sshUser + QLatin1Char('@') + host)
            << QStringLiteral("docker") << QStringLiteral("system") << QStringLiteral("dial-stdio");
    return command;
}

QHash<QString, QString> Endpoint::cliEnvironment() const
{
    if (!contextName.isEmpty() && contextName != kDefaultContext) {
        return {{QStringLiteral("DOCKER_CONTEXT"), contextName}, {QStringLiteral("DOCKER_HOST"), {}}};
    }
    // The default context (or an endpoint made from a host, not a context) is what the child
    // resolves from the environment it inherits.
    return {};
}

EndpointEnvironment EndpointEnvironment::fromSystem()
{
    EndpointEnvironment env;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &key : system.keys()) {
        if (key.startsWith(QStringLiteral("DOCKER_"))) {
            env.variables.insert(key, system.value(key));
        }
    }
    env.homeDirectory = QDir::homePath();
#ifdef Q_OS_WIN
    env.windows = true;
#endif
    return env;
}

QString EndpointEnvironment::configDirectory() const
{
    const QString configured = variables.value(QStringLiteral("DOCKER_CONFIG"));
    return configured.isEmpty() ? homeDirectory + QStringLiteral("/.docker") : configured;
}

QString defaultDockerHost(bool windows)
{
    return windows ? QStringLiteral("npipe:////./pipe/docker_engine")
                   : QStringLiteral("unix:///var/run/docker.sock");
}

Result<Endpoint> parseDockerHost(const QString &hostIn, bool tls)
{
    const QString host = hostIn.trimmed();
    auto invalid = [&](const QString &why) {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("Invalid Docker host \"%1\": %2").arg(host, why),
                         QStringLiteral("Use unix:///path, tcp://host:port or ssh://user@host."));
    };
    Endpoint endpoint;
    if (host.startsWith(QStringLiteral("unix://"))) {
        endpoint.kind = Endpoint::Kind::Unix;
        endpoint.path = host.mid(7);
        if (endpoint.path.isEmpty()) {
            return invalid(QStringLiteral("no socket path"));
        }
        endpoint.uri = QStringLiteral("unix://") + endpoint.path;
        return endpoint;
    }
    if (host.startsWith(QStringLiteral("npipe://"))) {
        endpoint.kind = Endpoint::Kind::NamedPipe;
        QString path = host.mid(8);
        if (path.isEmpty()) {
            return invalid(QStringLiteral("no pipe name"));
        }
        endpoint.path = path.replace(QLatin1Char('/'), QLatin1Char('\\'));
        endpoint.uri = host;
        return endpoint;
    }
    const bool isTcp = host.startsWith(QStringLiteral("tcp://"))
                       || host.startsWith(QStringLiteral("http://"))
                       || host.startsWith(QStringLiteral("https://"));
    const bool isSsh = host.startsWith(QStringLiteral("ssh://"));
    if (!isTcp && !isSsh) {
        if (host.contains(QStringLiteral("://"))) {
            return invalid(QStringLiteral("unsupported scheme"));
        }
        return invalid(QStringLiteral("missing scheme"));
    }
    const QUrl url(host, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        return invalid(QStringLiteral("no host name"));
    }
    if (isSsh) {
        if (!url.path().isEmpty() && url.path() != QStringLiteral("/")) {
            return invalid(QStringLiteral("an ssh host takes no path"));
        }
        endpoint.kind = Endpoint::Kind::Ssh;
        endpoint.host = url.host();
        endpoint.sshUser = url.userName();
        endpoint.port = url.port() > 0 ? static_cast<quint16>(url.port()) : 0;
        endpoint.uri =
            QStringLiteral("ssh://")
            + (endpoint.sshUser.isEmpty() ? QString() : endpoint.sshUser + QLatin1Char('@'))
            + endpoint.host
            + (endpoint.port ? QLatin1Char(':') + QString::number(endpoint.port) : QString());
        return endpoint;
    }
    endpoint.kind = Endpoint::Kind::Tcp;
    endpoint.tls = tls || host.startsWith(QStringLiteral("https://"));
    endpoint.host = url.host();
    const int port = url.port();
    endpoint.port = static_cast<quint16>(port > 0 ? port : (endpoint.tls ? 2376 : 2375));
    const bool ipv6 = endpoint.host.contains(QLatin1Char(':'));
    endpoint.uri = QStringLiteral("tcp://")
                   + (ipv6 ? QLatin1Char('[') + endpoint.host + QLatin1Char(']') : endpoint.host)
                   + QLatin1Char(':') + QString::number(endpoint.port);
    return endpoint;
}

Result<Endpoint> resolveEndpoint(const EndpointEnvironment &env, QStringList *warnings)
{
    // Precedence as in the docker CLI: DOCKER_HOST pins the default context.
    if (!env.variables.value(QStringLiteral("DOCKER_HOST")).isEmpty()) {
        return resolveDefaultContext(env);
    }
    QString name = env.variables.value(QStringLiteral("DOCKER_CONTEXT"));
    if (name.isEmpty()) {
        const QString configPath = env.configDirectory() + QStringLiteral("/config.json");
        if (QFileInfo::exists(configPath)) {
            // As the docker CLI does: a config file it cannot read is a warning, and the default
            // context applies. Only the current context is read from it here.
            auto config = readJsonObject(configPath);
            if (config) {
                name = config->value(QStringLiteral("currentContext")).toString();
            } else if (warnings) {
                warnings->append(
                    QStringLiteral("%1; ignoring it and using the default context (fix or remove "
                                   "the file, or set DOCKER_HOST / DOCKER_CONTEXT).")
                        .arg(config.error().message));
            }
        }
    }
    if (name.isEmpty() || name == kDefaultContext) {
        return resolveDefaultContext(env);
    }
    return resolveNamedContext(env, name);
}

Result<Endpoint> resolveContext(const EndpointEnvironment &environment, const QString &name)
{
    EndpointEnvironment pinned = environment;
    pinned.variables.remove(QStringLiteral("DOCKER_HOST"));
    pinned.variables.insert(QStringLiteral("DOCKER_CONTEXT"), name);
    return resolveEndpoint(pinned);
}

QStringList listContexts(const EndpointEnvironment &environment)
{
    QStringList names;
    const QDir meta(environment.configDirectory() + QStringLiteral("/contexts/meta"));
    for (const QString &id : meta.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const auto object = readJsonObject(meta.filePath(id + QStringLiteral("/meta.json")));
        const QString name = object ? object->value(QStringLiteral("Name")).toString() : QString();
        if (!name.isEmpty() && name != kDefaultContext) {
            names << name;
        }
    }
    names.sort();
    names.prepend(kDefaultContext);
    return names;
}

} // namespace DevDock::Core
