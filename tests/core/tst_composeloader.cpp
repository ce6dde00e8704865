// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The compose loader against Compose itself: for every project under tests/data/compose,
// `devdockctl config --json` must equal `docker compose config --format json` on every key DevDock
// models; every project under tests/data/compose-broken must be rejected by both.
#include "../common/dockertest.h"

#include "compose/composeloader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

QStringList argsOf(const QString &dir)
{
    QFile f(dir + "/args");
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

QJsonValue unescape(const QJsonValue &v)
{
    if (v.isString()) {
        return QString(v.toString()).replace("$$", "$");
    }
    if (v.isArray()) {
        QJsonArray a;
        for (const QJsonValue &x : v.toArray()) {
            a.append(unescape(x));
        }
        return a;
    }
    if (v.isObject()) {
        QJsonObject o;
        const QJsonObject in = v.toObject();
        for (auto it = in.begin(); it != in.end(); ++it) {
            o.insert(it.key(), unescape(it.value()));
        }
        return o;
    }
    return v;
}

Run inDir(const QString &dir, const QString &program, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v :
         {"COMPOSE_FILE", "COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES", "TAG", "HOST", "PORT"}) {
        env.remove(v);
    }
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QStringList projects(const QString &root)
{
    QStringList list;
    for (const QString &d : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        list << root + "/" + d;
    }
    return list;
}

bool composeAvailable()
{
    return docker({"compose", "version"}).exitCode == 0;
}

} // namespace

class TestComposeLoader : public QObject
{
    Q_OBJECT
private slots:
    void config_matchesDockerCompose_data();
    void config_matchesDockerCompose();
    void broken_rejectedByBoth_data();
    void broken_rejectedByBoth();
    void errors_nameFileAndLine_data();
    void errors_nameFileAndLine();
    void mergeTags_tooDeep_refusedNamingThePath();
    void graph_startOrderDependentsRoots();
    void serviceNumbers_findEveryNameAndNoOther();
    void requiredVariables_toleratedForDisplay_listedWithPositions();
    void projectName_normalised_data();
    void projectName_normalised();
};

void TestComposeLoader::config_matchesDockerCompose_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QStringList>("args");
    for (const QString &d : projects(DEVDOCK_TEST_DATA "/compose")) {
        QTest::newRow(qPrintable(QFileInfo(d).fileName())) << d << argsOf(d);
    }
    // The flagship stack in every combination its README names.
    const QString synapse = QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/synapse-dte");
    const QStringList prod{"-f", "docker-compose.yml"};
    QTest::newRow("synapse-dte production")
        << synapse << prod + QStringList{"--env-file", ".env.production"};
    QTest::newRow("synapse-dte production+dev")
        << synapse
        << prod + QStringList{"-f", "docker-compose.dev.yml", "--env-file", ".env.development"};
    QTest::newRow("synapse-dte production+test")
        << synapse
        << prod + QStringList{"-f", "docker-compose.test.yml", "--env-file", ".env.development"};
    QTest::newRow("synapse-dte production+test, profile test")
        << synapse << prod + QStringList{"-f",         "docker-compose.test.yml",
                                         "--env-file", ".env.development",
                                         "--profile",  "test"};
}

void TestComposeLoader::config_matchesDockerCompose()
{
    if (!composeAvailable()) {
        QSKIP("docker compose is not installed");
    }
    QFETCH(QString, dir);
    QFETCH(QStringList, args);
    // SynapseDTE's secrets come from the environment (DevDock: the keychain).
    qputenv("POSTGRES_PASSWORD", "test-postgres-password");
    qputenv("REDIS_PASSWORD", "test-redis-password");
    qputenv("SECRET_KEY", "test-secret-key");
    qputenv("TEMPORAL_DB_PASSWORD", "test-temporal-password");
    const Run compose = inDir(
        dir, "docker", QStringList{"compose"} + args + QStringList{"config", "--format", "json"});
    QVERIFY2(compose.exitCode == 0, compose.err.constData());
    const Run mine = inDir(dir, DEVDOCKCTL_PATH, args + QStringList{"config", "--json"});
    QVERIFY2(mine.exitCode == 0, mine.err.constData());
    // The whole document, value for value; Compose's $$ (an escaped $) is the one difference.
    const QJsonObject expected =
        unescape(QJsonDocument::fromJson(compose.out).object()).toObject();
    const QJsonObject actual = QJsonDocument::fromJson(mine.out).object();
    if (actual != expected) {
        qWarning().noquote() << "devdock:" << QJsonDocument(actual).toJson();
        qWarning().noquote() << "compose:" << QJsonDocument(expected).toJson();
    }
    QCOMPARE(actual, expected);
}

void TestComposeLoader::broken_rejectedByBoth_data()
{
    QTest::addColumn<QString>("dir");
    for (const QString &d : projects(DEVDOCK_TEST_DATA "/compose-broken")) {
        QTest::newRow(qPrintable(QFileInfo(d).fileName())) << d;
    }
}

void TestComposeLoader::broken_rejectedByBoth()
{
    if (!composeAvailable()) {
        QSKIP("docker compose is not installed");
    }
    QFETCH(QString, dir);
    const Run compose = inDir(dir, "docker", {"compose", "config", "--format", "json"});
    QVERIFY2(compose.exitCode != 0, "docker compose accepted it");
    const Run mine = inDir(dir, DEVDOCKCTL_PATH, {"config", "--json"});
    QCOMPARE(mine.exitCode, 1);
    QVERIFY(mine.out.isEmpty());
    QVERIFY2(mine.err.contains("hint:"), mine.err.constData());
    // Better than Compose: the message names the file and the line.
    static const QRegularExpression fileAndLine(QStringLiteral("[\\w.-]+\\.(ya?ml|env)\\S*:\\d+"));
    QVERIFY2(fileAndLine.match(QString::fromUtf8(mine.err)).hasMatch(), mine.err.constData());
}

void TestComposeLoader::errors_nameFileAndLine_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("yaml") << "yaml-syntax"
                          << "compose.yaml:4:";
    QTest::newRow("unknown dependency")
        << "unknown-dependency"
        << "compose.yaml:3: service \"app\" depends on undefined service \"ghost\"";
    QTest::newRow("cycle") << "dependency-cycle"
                           << "dependency cycle: a -> b -> c -> a";
    QTest::newRow("required variable") << "required-variable"
                                       << "compose.yaml:3:12: services.app.image: Required "
                                          "variable TAG is missing a value: set TAG "
                                          "to the release";
    QTest::newRow("bad interpolation") << "bad-interpolation"
                                       << "Invalid interpolation format";
    QTest::newRow("bad port") << "bad-port"
                              << "invalid port or range \"eighty\"";
    QTest::newRow("missing env file") << "missing-env-file"
                                      << "nope.env not found (service app)";
    QTest::newRow("duplicate key")
        << "duplicate-key"
        << "compose.yaml:5:5: mapping key \"image\" is defined twice (first at ";
    QTest::newRow("duplicate service")
        << "duplicate-service"
        << "compose.yaml:6:3: mapping key \"web\" is defined twice (first at ";
    QTest::newRow("include cycle") << "include-cycle"
                                   << "parts/b.yaml:1:11: include cycle: ";
    QTest::newRow("include conflict")
        << "include-conflict"
        << "compose.yaml:5: service \"web\" is also defined, differently, in the included file ";
    QTest::newRow("include network conflict")
        << "include-network-conflict"
        << "compose.yaml:5:5: networks \"public\" is defined by this project and, differently, "
           "by the included ";
    QTest::newRow("undefined build secret")
        << "build-secret-undefined"
        << "compose.yaml:4: services.app.build.secrets: service \"app\" refers to undefined "
           "build secret npmrc";
    QTest::newRow("misspelt key")
        << "unknown-key-misspelt"
        << "compose.yaml:5:5: services.app.enviroment: unknown key (did you mean \"environment\"?)";
    QTest::newRow("unknown key") << "unknown-key"
                                 << "compose.yaml:5:5: services.app.wrongField: unknown key";
    QTest::newRow("unknown top-level key")
        << "unknown-top-level"
        << "compose.yaml:5:1: unknown top-level key \"service\" (did you mean \"services\"?)";
    QTest::newRow("retries not a number")
        << "healthcheck-retries-type"
        << "compose.yaml:7:16: services.app.healthcheck.retries: must be a whole number, not "
           "\"abc\"";
    QTest::newRow("duration banana")
        << "duration-invalid"
        << "compose.yaml:7:17: services.app.healthcheck: interval: \"banana\" is not a duration";
    QTest::newRow("image as a list") << "image-list"
                                     << "compose.yaml:4:12: services.app.image: expected a single "
                                        "value";
    QTest::newRow("neither image nor build")
        << "no-image-no-build"
        << "compose.yaml:4: services.app: the service has neither an image nor a build context";
    QTest::newRow("empty service name") << "empty-service-name"
                                        << "compose.yaml:3:3: a service needs a name";
    QTest::newRow("null service name") << "null-service-name"
                                       << "compose.yaml:3:3: a service needs a name";
    QTest::newRow("platform not built")
        << "platform-not-in-build"
        << "compose.yaml:4: services.app.platform: \"linux/s390x\" is not in build.platforms";
    QTest::newRow("extends cycle") << "extends-cycle"
                                   << "compose.yaml:4:14: extends cycle: ";
    QTest::newRow("extends missing")
        << "extends-missing"
        << "compose.yaml:6:14: service \"web\" extends \"bsae\", which is not defined in this file";
    QTest::newRow("whole number as text")
        << "whole-number-is-text"
        << "compose.yaml:4:17: services.web.pids_limit: must be a whole number, not \"lots\"";
    QTest::newRow("limit not a number")
        << "ulimit-not-a-number"
        << "compose.yaml:5:30: services.db.ulimits.nofile.soft: must be a whole number, not "
           "\"lots\"";
    QTest::newRow("percent over 100")
        << "cpu-percent-over-100"
        << "compose.yaml:5:18: services.db.cpu_percent: must be from 0 to 100, not 150";
    QTest::newRow("blkio key misspelt")
        << "blkio-unknown-key"
        << "compose.yaml:5:33: services.db.blkio_config.read_bps: unknown key (use weight, ";
    QTest::newRow("deploy key misspelt")
        << "deploy-unknown-key"
        << "compose.yaml:6:7: services.web.deploy: unknown key \"replica\" (did you mean "
           "\"replicas\"?)";
    QTest::newRow("device count")
        << "deploy-device-count-some"
        << "compose.yaml:9:22: services.trainer.deploy.resources.reservations.devices.0.count: "
           "must be a number or \"all\", not \"some\"";
    QTest::newRow("network entry key misspelt")
        << "network-entry-unknown-key"
        << "compose.yaml:6:9: services.db.networks.backend: unknown key \"ipv4_adress\" (did you "
           "mean \"ipv4_address\"?)";
    QTest::newRow("dockerfile and inline")
        << "build-dockerfile-and-inline"
        << "compose.yaml:3: service \"app\" declares both build.dockerfile and "
           "build.dockerfile_inline";
}

void TestComposeLoader::errors_nameFileAndLine()
{
    QFETCH(QString, project);
    QFETCH(QString, errorContains);
    ComposeLoadOptions options;
    options.workingDirectory = QStringLiteral(DEVDOCK_TEST_DATA "/compose-broken/") + project;
    const auto loaded = loadComposeProject(options);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().message.contains(errorContains), qPrintable(loaded.error().message));
    QVERIFY(!loaded.error().hint.isEmpty());
}

void TestComposeLoader::mergeTags_tooDeep_refusedNamingThePath()
{
    // Compose reads this; DevDock does not reset a build context yet, and says so (file, line
    // and the key's path) rather than read the project differently.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile base(dir.filePath("compose.yaml"));
    QVERIFY(base.open(QIODevice::WriteOnly));
    base.write("services:\n  app:\n    image: x\n    healthcheck:\n      test: [CMD, \"true\"]\n");
    base.close();
    QFile over(dir.filePath("compose.override.yaml"));
    QVERIFY(over.open(QIODevice::WriteOnly));
    over.write("services:\n  app:\n    build:\n      context: !reset .\n");
    over.close();
    ComposeLoadOptions options;
    options.workingDirectory = dir.path();
    const auto loaded = loadComposeProject(options);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().message.contains(
                 "compose.override.yaml:4:7: services.app.build.context: DevDock cannot apply "
                 "!reset or !override this deep yet"),
             qPrintable(loaded.error().message));
}

void TestComposeLoader::graph_startOrderDependentsRoots()
{
    ComposeLoadOptions options;
    options.workingDirectory = QStringLiteral(DEVDOCK_TEST_DATA "/compose/27-synapse-dte");
    const auto project = loadComposeProject(options);
    QVERIFY2(project, project ? "" : qPrintable(project.error().message));
    const QStringList order = project->startOrder();
    QCOMPARE(order.size(), 10);
    for (const ComposeService &s : project->services) {
        for (auto it = s.dependsOn.begin(); it != s.dependsOn.end(); ++it) {
            QVERIFY2(order.indexOf(it.key()) < order.indexOf(s.name),
                     qPrintable(s.name + " before " + it.key()));
        }
    }
    QStringList dependents = project->dependents("postgres");
    dependents.sort();
    QCOMPARE(dependents, (QStringList{"backend", "frontend", "nginx", "worker"}));
    QStringList roots = project->roots();
    roots.sort();
    QCOMPARE(roots, (QStringList{"nginx", "temporal-admin-tools", "temporal-ui", "worker"}));
    QCOMPARE(project->networks,
             (QStringList{"public-network", "synapse-network", "temporal-network"}));
}

void TestComposeLoader::serviceNumbers_findEveryNameAndNoOther()
{
    // The table the loader checks depends_on and cycles with: every name at its position, a
    // repeated name at its first, names that are no service (a prefix, a longer one, the empty
    // one) nowhere; enough names that many share a slot.
    QList<ComposeService> services;
    for (int i = 0; i < 5000; ++i) {
        ComposeService s;
        s.name = QStringLiteral("svc%1").arg(i);
        services << s;
    }
    ComposeService repeated;
    repeated.name = QStringLiteral("svc7");
    services << repeated;
    const ServiceNumbers numbers(services);
    for (int i = 0; i < 5000; ++i) {
        QCOMPARE(numbers.find(QStringLiteral("svc%1").arg(i)), qsizetype(i));
    }
    QCOMPARE(numbers.find(u"svc7"), qsizetype(7));
    QCOMPARE(numbers.find(u"svc"), qsizetype(-1));
    QCOMPARE(numbers.find(u"svc50000"), qsizetype(-1));
    QCOMPARE(numbers.find(u""), qsizetype(-1));
    QVERIFY(!numbers.contains(u"SVC1"));
    const QList<ComposeService> none;
    QCOMPARE(ServiceNumbers(none).find(u"a"), qsizetype(-1));

    // A cycle through the table names its services from the repeated one back to it.
    QList<ComposeService> ring;
    for (const char *name : {"a", "b", "c"}) {
        ComposeService s;
        s.name = QString::fromLatin1(name);
        ring << s;
    }
    ring[0].dependsOn.insert(QStringLiteral("b"), {});
    ring[1].dependsOn.insert(QStringLiteral("c"), {});
    ring[2].dependsOn.insert(QStringLiteral("a"), {});
    ComposeProject project;
    project.services = ring;
    QCOMPARE(project.dependencyCycle(ServiceNumbers(project.services)),
             (std::optional<QStringList>(QStringList{"a", "b", "c", "a"})));
    project.services[2].dependsOn.clear();
    QCOMPARE(project.dependencyCycle(), std::nullopt);
}

void TestComposeLoader::requiredVariables_toleratedForDisplay_listedWithPositions()
{
    // The flagship from a fresh clone: its secrets are in no file and not in the environment.
    const QString dir = QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/synapse-dte");
    ComposeLoadOptions options;
    options.workingDirectory = dir;
    options.environment.insert("HOME", QDir::homePath());
    const auto strict = loadComposeProject(options);
    QVERIFY(!strict);
    QVERIFY2(strict.error().message.contains("Required variable POSTGRES_PASSWORD is missing a "
                                             "value: POSTGRES_PASSWORD must be set"),
             qPrintable(strict.error().message));

    options.tolerateMissingRequired = true;
    const auto project = loadComposeProject(options);
    QVERIFY2(project, project ? "" : qPrintable(project.error().message));
    QCOMPARE(project->services.size(), 10);
    QStringList names;
    for (const ComposeMissingVariable &m : project->missingRequired) {
        if (!names.contains(m.name)) {
            names << m.name;
        }
        QCOMPARE(m.file, dir + "/docker-compose.yml");
        QCOMPARE(m.message, m.name + " must be set");
        QVERIFY(m.line > 0 && m.column > 0);
    }
    names.sort();
    QCOMPARE(names, (QStringList{"POSTGRES_PASSWORD", "REDIS_PASSWORD", "SECRET_KEY",
                                 "TEMPORAL_DB_PASSWORD"}));
    const ComposeMissingVariable &first = project->missingRequired.first();
    QCOMPARE(first.name, QStringLiteral("POSTGRES_PASSWORD"));
    QCOMPARE(first.line, 19);
    // The graph, ports and images come from the files; the secret's uses hold a placeholder.
    const ComposeService *postgres = project->service("postgres");
    QVERIFY(postgres);
    QCOMPARE(postgres->environment.value("POSTGRES_PASSWORD"),
             std::optional<QString>("<POSTGRES_PASSWORD unset>"));
    QVERIFY(!project->service("nginx")->ports.isEmpty());
}

void TestComposeLoader::projectName_normalised_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("upper and underscores") << "My_Project-2"
                                           << "my_project-2";
    QTest::newRow("dots and spaces dropped") << "synapse.dte app"
                                             << "synapsedteapp";
    QTest::newRow("leading symbols dropped") << "__-x"
                                             << "x";
}

void TestComposeLoader::projectName_normalised()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normalizeProjectName(input), expected);
}

QTEST_GUILESS_MAIN(TestComposeLoader)
#include "tst_composeloader.moc"
