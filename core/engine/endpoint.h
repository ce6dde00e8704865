// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace DevDock::Core {

// Where the Docker engine listens, and how to reach it: the docker CLI's notion of a host plus
// the TLS material of its context.
struct Endpoint
{
    enum class Kind { Unix, NamedPipe, Tcp, Ssh };

    Kind kind = Kind::Unix;
    QString uri; // canonical form, shown to users: unix:///var/run/docker.sock
    QString contextName = QStringLiteral("default");
    QString path;     // unix socket path, or the named pipe's full name
    QString host;     // tcp / ssh host
    quint16 port = 0; // tcp / ssh port (0: ssh default)
    QString sshUser;
    bool tls = false;       // tcp only
    bool tlsVerify = false; // verify the server against caFile
    QString caFile;
    QString certFile;
    QString keyFile;

    // The ssh command line used for ssh:// endpoints (program first).
    QStringList sshCommand() const;
    // The engine runs on this machine (a unix socket or named pipe): its host's sockets can be
    // probed here.
    bool isLocal() const { return kind == Kind::Unix || kind == Kind::NamedPipe; }
    // What a docker CLI child (compose) needs in its environment to talk to this same engine:
    // DOCKER_CONTEXT for a named context (DOCKER_HOST emptied: it would win; empty is "unset"
    // to the docker CLI); nothing for the default one, which the child resolves as we did.
    QHash<QString, QString> cliEnvironment() const;

    bool operator==(const Endpoint &) const = default;
};

// What endpoint resolution reads: the environment and the docker config directory. Explicit so
// that resolution is a pure function, tested with a table of cases.
struct EndpointEnvironment
{
    QHash<QString, QString> variables; // DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, ...
    QString homeDirectory;
    bool windows = false;

    static EndpointEnvironment fromSystem();
    QString configDirectory() const; // $DOCKER_CONFIG or ~/.docker
};

// Parses a DOCKER_HOST-style address (unix://, npipe://, tcp://, http://, ssh://).
Result<Endpoint> parseDockerHost(const QString &host, bool tls = false);

// Resolves the endpoint as the docker CLI does: DOCKER_HOST, then DOCKER_CONTEXT, then the
// current context of config.json, then the platform default. TLS from the context store, or from
// DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH for the default context. A config.json that
// cannot be read or parsed is no error (the docker CLI warns and goes on): its warning is added
// to `warnings` and the default context applies.
Result<Endpoint> resolveEndpoint(const EndpointEnvironment &environment,
                                 QStringList *warnings = nullptr);

// The endpoint of one named context (or "default") in `environment`'s context store, as
// `docker --context NAME` would use it: DOCKER_HOST and DOCKER_CONTEXT do not apply.
Result<Endpoint> resolveContext(const EndpointEnvironment &environment, const QString &name);

// The contexts of the docker CLI's context store, "default" first, the others sorted by name.
QStringList listContexts(const EndpointEnvironment &environment);

QString defaultDockerHost(bool windows);

} // namespace DevDock::Core
