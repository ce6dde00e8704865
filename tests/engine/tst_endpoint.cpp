// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/endpoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QString contextId(const QString &name)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// A context in the store: "name|host|tls|skipVerify"
void writeContext(const QString &configDir, const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char('|'));
    const QString name = parts.value(0);
    const QString id = contextId(name);
    writeFile(configDir + QStringLiteral("/contexts/meta/") + id + QStringLiteral("/meta.json"),
              QStringLiteral(R"({"Name":"%1","Metadata":{"Description":"test"},)"
                             R"("Endpoints":{"docker":{"Host":"%2","SkipTLSVerify":%3}}})")
                  .arg(name, parts.value(1),
                       parts.value(3) == QLatin1String("skip") ? QStringLiteral("true")
                                                               : QStringLiteral("false"))
                  .toUtf8());
    if (parts.value(2) == QLatin1String("tls")) {
        const QString tls =
            configDir + QStringLiteral("/contexts/tls/") + id + QStringLiteral("/docker/");
        writeFile(tls + QStringLiteral("ca.pem"), "ca");
        writeFile(tls + QStringLiteral("cert.pem"), "cert");
        writeFile(tls + QStringLiteral("key.pem"), "key");
    }
}

} // namespace

class TestEndpoint : public QObject
{
    Q_OBJECT
private slots:
    void resolve_data();
    void resolve();
    void parseDockerHost_data();
    void parseDockerHost();
    void sshCommand_isDialStdio();
    void resolveContext_namedOne_winsOverDockerHostAndDockerContext();
    void listContexts_defaultFirstThenTheStoreSorted();
    void cliEnvironment_namedContextPinsTheChild_defaultInherits();
};

void TestEndpoint::resolveContext_namedOne_winsOverDockerHostAndDockerContext()
{
    QTemporaryDir home;
    EndpointEnvironment env;
    env.homeDirectory = home.path();
    env.variables.insert("DOCKER_HOST", "tcp://elsewhere:2375");
    env.variables.insert("DOCKER_CONTEXT", "other");
    writeContext(home.path() + "/.docker", "far|ssh://root@127.0.0.1:2222||");
    writeContext(home.path() + "/.docker", "other|tcp://other:2376|tls|");
    const auto far = resolveContext(env, "far");
    QVERIFY2(far, far ? "" : qPrintable(far.error().message));
    QCOMPARE(far->kind, Endpoint::Kind::Ssh);
    QCOMPARE(far->uri, QString("ssh://root@127.0.0.1:2222"));
    QCOMPARE(far->contextName, QString("far"));
    // "default" is the default context without the variables that pinned another one.
    const auto local = resolveContext(env, "default");
    QVERIFY(local);
    QCOMPARE(local->uri, QString("unix:///var/run/docker.sock"));
    const auto missing = resolveContext(env, "gone");
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains("\"gone\" does not exist"));
    QVERIFY(missing.error().hint.contains("docker context ls"));
}

void TestEndpoint::listContexts_defaultFirstThenTheStoreSorted()
{
    QTemporaryDir home;
    EndpointEnvironment env;
    env.homeDirectory = home.path();
    QCOMPARE(listContexts(env), QStringList{"default"}); // no store at all
    for (const char *spec : {"zeta|tcp://z:2375||", "alpha|ssh://a||", "mid|unix:///m.sock||"}) {
        writeContext(home.path() + "/.docker", QString::fromLatin1(spec));
    }
    // A directory without a readable meta.json is no context.
    QDir().mkpath(home.path() + "/.docker/contexts/meta/broken");
    writeFile(home.path() + "/.docker/contexts/meta/junk/meta.json", "{not json");
    QCOMPARE(listContexts(env), (QStringList{"default", "alpha", "mid", "zeta"}));
}

void TestEndpoint::cliEnvironment_namedContextPinsTheChild_defaultInherits()
{
    Endpoint named;
    named.kind = Endpoint::Kind::Ssh;
    named.contextName = "far";
    named.uri = "ssh://root@127.0.0.1:2222";
    const QHash<QString, QString> env = named.cliEnvironment();
    QCOMPARE(env.value("DOCKER_CONTEXT"), QString("far"));
    QVERIFY(env.contains("DOCKER_HOST")); // emptied: it would win over the context
    QVERIFY(env.value("DOCKER_HOST").isEmpty());
    QVERIFY(Endpoint{}.cliEnvironment().isEmpty());
    QVERIFY(!named.isLocal());
    QVERIFY(Endpoint{}.isLocal());
}

void TestEndpoint::resolve_data()
{
    QTest::addColumn<QStringList>("variables"); // K=V; {CONFIG} is the config directory
    QTest::addColumn<QByteArray>("configJson"); // empty: no config.json
    QTest::addColumn<QStringList>("contexts");
    QTest::addColumn<bool>("windows");
    QTest::addColumn<QString>("uri"); // empty: expect an error
    QTest::addColumn<QString>("context");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("tlsVerify");
    QTest::addColumn<QString>("caFile"); // relative to {CONFIG}; "-" for none
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("nothing set: default unix socket")
        << QStringList{} << QByteArray() << QStringList{} << false << "unix:///var/run/docker.sock"
        << "default" << false << false << "-"
        << "";
    QTest::newRow("nothing set on Windows: named pipe")
        << QStringList{} << QByteArray() << QStringList{} << true
        << "npipe:////./pipe/docker_engine"
        << "default" << false << false << "-"
        << "";
    QTest::newRow("DOCKER_HOST unix")
        << QStringList{"DOCKER_HOST=unix:///run/user/1000/docker.sock"} << QByteArray()
        << QStringList{} << false << "unix:///run/user/1000/docker.sock"
        << "default" << false << false << "-"
        << "";
    QTest::newRow("DOCKER_HOST tcp without port")
        << QStringList{"DOCKER_HOST=tcp://10.0.0.5"} << QByteArray() << QStringList{} << false
        << "tcp://10.0.0.5:2375"
        << "default" << false << false << "-"
        << "";
    QTest::newRow("DOCKER_HOST tcp with TLS verify and cert path")
        << QStringList{"DOCKER_HOST=tcp://build.example:2376", "DOCKER_TLS_VERIFY=1",
                       "DOCKER_CERT_PATH={CONFIG}/certs"}
        << QByteArray() << QStringList{} << false << "tcp://build.example:2376"
        << "default" << true << true << "certs/ca.pem"
        << "";
    QTest::newRow("TLS verify without cert path uses the config directory")
        << QStringList{"DOCKER_HOST=tcp://build.example", "DOCKER_TLS_VERIFY=1"} << QByteArray()
        << QStringList{} << false << "tcp://build.example:2376"
        << "default" << true << true << "ca.pem"
        << "";
    QTest::newRow("DOCKER_TLS without verify")
        << QStringList{"DOCKER_HOST=tcp://h:2376", "DOCKER_TLS=1"} << QByteArray() << QStringList{}
        << false << "tcp://h:2376"
        << "default" << true << false << "ca.pem"
        << "";
    QTest::newRow("DOCKER_HOST ssh")
        << QStringList{"DOCKER_HOST=ssh://deploy@build.example:2222"} << QByteArray()
        << QStringList{} << false << "ssh://deploy@build.example:2222"
        << "default" << false << false << "-"
        << "";
    QTest::newRow("DOCKER_HOST wins over DOCKER_CONTEXT")
        << QStringList{"DOCKER_HOST=unix:///tmp/d.sock", "DOCKER_CONTEXT=remote"} << QByteArray()
        << QStringList{"remote|tcp://remote:2376|tls"} << false << "unix:///tmp/d.sock"
        << "default" << false << false << "-"
        << "";
    QTest::newRow("DOCKER_CONTEXT with TLS material")
        << QStringList{"DOCKER_CONTEXT=remote"} << QByteArray()
        << QStringList{"remote|tcp://remote.example:2376|tls"} << false
        << "tcp://remote.example:2376"
        << "remote" << true << true << "contexts/tls/" + contextId("remote") + "/docker/ca.pem"
        << "";
    QTest::newRow("context with SkipTLSVerify")
        << QStringList{"DOCKER_CONTEXT=lax"} << QByteArray()
        << QStringList{"lax|tcp://lax.example:2376|tls|skip"} << false << "tcp://lax.example:2376"
        << "lax" << true << false << "contexts/tls/" + contextId("lax") + "/docker/ca.pem"
        << "";
    QTest::newRow("DOCKER_CONTEXT wins over config.json")
        << QStringList{"DOCKER_CONTEXT=a"} << QByteArray(R"({"currentContext":"b"})")
        << QStringList{"a|unix:///a.sock", "b|unix:///b.sock"} << false << "unix:///a.sock"
        << "a" << false << false << "-"
        << "";
    QTest::newRow("currentContext from config.json")
        << QStringList{} << QByteArray(R"({"auths":{},"currentContext":"b"})")
        << QStringList{"a|unix:///a.sock", "b|ssh://me@b.example"} << false << "ssh://me@b.example"
        << "b" << false << false << "-"
        << "";
    QTest::newRow("DOCKER_CONFIG moves the config directory")
        << QStringList{"DOCKER_CONFIG={CONFIG}"} << QByteArray(R"({"currentContext":"c"})")
        << QStringList{"c|unix:///c.sock"} << false << "unix:///c.sock"
        << "c" << false << false << "-"
        << "";
    QTest::newRow("context named default is the default")
        << QStringList{"DOCKER_CONTEXT=default"} << QByteArray() << QStringList{} << false
        << "unix:///var/run/docker.sock"
        << "default" << false << false << "-"
        << "";
    QTest::newRow("missing context is an error")
        << QStringList{"DOCKER_CONTEXT=ghost"} << QByteArray() << QStringList{} << false << ""
        << "" << false << false << "-"
        << "context \"ghost\" does not exist";
    // The docker CLI warns and goes on with the default context; so does DevDock.
    QTest::newRow("broken config.json: a warning, the default context")
        << QStringList{} << QByteArray("{not json") << QStringList{} << false
        << "unix:///var/run/docker.sock"
        << "default" << false << false << "-"
        << "config.json is not valid JSON";
    QTest::newRow("config.json not an object: a warning, the default context")
        << QStringList{} << QByteArray("[1, 2]") << QStringList{} << false
        << "unix:///var/run/docker.sock"
        << "default" << false << false << "-"
        << "config.json is not a JSON object";
    QTest::newRow("broken config.json under DOCKER_HOST is not read")
        << QStringList{"DOCKER_HOST=tcp://10.1.2.3:2375"} << QByteArray("{not json")
        << QStringList{} << false << "tcp://10.1.2.3:2375"
        << "default" << false << false << "-"
        << "";
    QTest::newRow("unsupported scheme")
        << QStringList{"DOCKER_HOST=fd://"} << QByteArray() << QStringList{} << false << ""
        << "" << false << false << "-"
        << "unsupported scheme";
}

void TestEndpoint::resolve()
{
    QFETCH(QStringList, variables);
    QFETCH(QByteArray, configJson);
    QFETCH(QStringList, contexts);
    QFETCH(bool, windows);
    QFETCH(QString, uri);
    QFETCH(QString, context);
    QFETCH(bool, tls);
    QFETCH(bool, tlsVerify);
    QFETCH(QString, caFile);
    QFETCH(QString, errorContains);

    QTemporaryDir home;
    QVERIFY(home.isValid());
    EndpointEnvironment env;
    env.homeDirectory = home.path();
    env.windows = windows;
    QString configDir = home.path() + QStringLiteral("/.docker");
    for (const QString &v : variables) {
        const QString key = v.section(QLatin1Char('='), 0, 0);
        QString value = v.section(QLatin1Char('='), 1);
        if (key == QLatin1String("DOCKER_CONFIG")) {
            configDir = home.path() + QStringLiteral("/elsewhere");
        }
        value.replace(QStringLiteral("{CONFIG}"), configDir);
        env.variables.insert(key, value);
    }
    QDir().mkpath(configDir);
    if (!configJson.isEmpty()) {
        writeFile(configDir + QStringLiteral("/config.json"), configJson);
    }
    for (const QString &spec : contexts) {
        writeContext(configDir, spec);
    }

    QStringList warnings;
    const Result<Endpoint> endpoint = resolveEndpoint(env, &warnings);
    if (uri.isEmpty()) {
        QVERIFY(!endpoint);
        QVERIFY2(endpoint.error().message.contains(errorContains),
                 qPrintable(endpoint.error().message));
        return;
    }
    QVERIFY2(endpoint, endpoint ? "" : qPrintable(endpoint.error().message));
    // With a success, errorContains is the warning expected (none when empty).
    if (errorContains.isEmpty()) {
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join('\n')));
    } else {
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(errorContains), qPrintable(warnings.first()));
        QVERIFY2(warnings.first().contains("using the default context"),
                 qPrintable(warnings.first()));
    }
    QCOMPARE(endpoint->uri, uri);
    QCOMPARE(endpoint->contextName, context);
    QCOMPARE(endpoint->tls, tls);
    QCOMPARE(endpoint->tlsVerify, tlsVerify);
    if (caFile == QLatin1String("-")) {
        QVERIFY(endpoint->caFile.isEmpty());
    } else {
        QCOMPARE(endpoint->caFile, configDir + QLatin1Char('/') + caFile);
        QVERIFY(endpoint->certFile.endsWith(QStringLiteral("cert.pem")));
        QVERIFY(endpoint->keyFile.endsWith(QStringLiteral("key.pem")));
    }
}

void TestEndpoint::parseDockerHost_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("valid");
    QTest::newRow("unix") << "unix:///var/run/docker.sock" << int(Endpoint::Kind::Unix)
                          << "/var/run/docker.sock"
                          << "" << 0 << true;
    QTest::newRow("npipe") << "npipe:////./pipe/docker_engine" << int(Endpoint::Kind::NamedPipe)
                           << "\\\\.\\pipe\\docker_engine"
                           << "" << 0 << true;
    QTest::newRow("tcp") << "tcp://127.0.0.1:2375" << int(Endpoint::Kind::Tcp) << ""
                         << "127.0.0.1" << 2375 << true;
    QTest::newRow("tcp ipv6") << "tcp://[::1]:2375" << int(Endpoint::Kind::Tcp) << ""
                              << "::1" << 2375 << true;
    QTest::newRow("http counts as tcp") << "http://localhost:1234" << int(Endpoint::Kind::Tcp) << ""
                                        << "localhost" << 1234 << true;
    QTest::newRow("ssh default port") << "ssh://host" << int(Endpoint::Kind::Ssh) << ""
                                      << "host" << 0 << true;
    QTest::newRow("ssh with path is invalid") << "ssh://host/path" << 0 << ""
                                              << "" << 0 << false;
    QTest::newRow("no scheme") << "/var/run/docker.sock" << 0 << ""
                               << "" << 0 << false;
    QTest::newRow("empty unix path") << "unix://" << 0 << ""
                                     << "" << 0 << false;
    QTest::newRow("tcp without host") << "tcp://:2375" << 0 << ""
                                      << "" << 0 << false;
}

void TestEndpoint::parseDockerHost()
{
    QFETCH(QString, host);
    QFETCH(int, kind);
    QFETCH(QString, path);
    QFETCH(QString, hostName);
    QFETCH(int, port);
    QFETCH(bool, valid);
    const auto endpoint = DevDock::Core::parseDockerHost(host);
    QCOMPARE(bool(endpoint), valid);
    if (!valid) {
        QVERIFY(endpoint.error().message.contains(host));
        QVERIFY(!endpoint.error().hint.isEmpty());
        return;
    }
    QCOMPARE(int(endpoint->kind), kind);
    QCOMPARE(endpoint->path, path);
    QCOMPARE(endpoint->host, hostName);
    QCOMPARE(int(endpoint->port), port);
}

void TestEndpoint::sshCommand_isDialStdio()
{
    const auto endpoint = DevDock::Core::parseDockerHost(QStringLiteral("ssh://deploy@build:2222"));
    QVERIFY(endpoint);
    QCOMPARE(endpoint->sshCommand(),
             (QStringList{"ssh", "-o", "ConnectTimeout=30", "-T", "-p", "2222", "--",
                          "deploy@build", "docker", "system", "dial-stdio"}));
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
