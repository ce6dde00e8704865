// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/composeloader.h"
#include "stack/servicestate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace DevDock::Core;

namespace {

QJsonObject inspectFixture(const QString &name)
{
    QFile f(QStringLiteral(DEVDOCK_TEST_DATA "/inspect/") + name + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(name));
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

ContainerState container(const QString &service, ServiceStatus status, int number = 1,
                         int exitCode = 0)
{
    ContainerState c;
    c.id = service + QString::number(number);
    c.name = "demo-" + service + "-" + QString::number(number);
    c.service = service;
    c.number = number;
    c.status = status;
    c.exitCode = exitCode;
    switch (status) {
    case ServiceStatus::Healthy:
        c.engineState = "running";
        c.health = "healthy";
        break;
    case ServiceStatus::Unhealthy:
        c.engineState = "running";
        c.health = "unhealthy";
        break;
    case ServiceStatus::Starting:
        c.engineState = "running";
        c.health = "starting";
        break;
    case ServiceStatus::Running:
        c.engineState = "running";
        break;
    case ServiceStatus::Exited:
        c.engineState = "exited";
        break;
    default:
        break;
    }
    return c;
}

const ServiceState &find(const QList<ServiceState> &states, const QString &name)
{
    for (const ServiceState &s : states) {
        if (s.name == name) {
            return s;
        }
    }
    qFatal("no service %s", qPrintable(name));
}

} // namespace

class TestServiceState : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fromInspect_healthyWithProbeLog();
    void fromInspect_exitedWithCode();
    void fromInspect_unhealthyKeepsProbeOutput();
    void compute_nothingCreated_explainsEveryService();
    void compute_waitsForUnhealthyDependency();
    void compute_dependencyExitedWithCode();
    void compute_replicas_worstDecides_oneoffsApart();
    void compute_containerOfUnknownService_isListed();
    void compute_runningServiceOfInactiveProfile_isListedAndSaysSo();
    void compute_unhealthyReasonQuotesLastProbe();
    void compute_allHealthy_noReasons_edgesSatisfied();

private:
    ComposeProject m_demo;
};

void TestServiceState::initTestCase()
{
    ComposeLoadOptions options;
    options.workingDirectory = QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/demo");
    auto project = loadComposeProject(options);
    QVERIFY2(project.has_value(), project ? "" : qPrintable(project.error().message));
    m_demo = *project;
    QCOMPARE(m_demo.services.size(), 10);
}

void TestServiceState::fromInspect_healthyWithProbeLog()
{
    const ContainerState c = ContainerState::fromInspect(inspectFixture("healthy"));
    QCOMPARE(c.service, QString("postgres"));
    QCOMPARE(c.number, 1);
    QVERIFY(!c.oneoff);
    QCOMPARE(c.status, ServiceStatus::Healthy);
    QCOMPARE(c.engineState, QString("running"));
    QCOMPARE(c.healthLog.size(), 5);
    QCOMPARE(c.healthLog.last().exitCode, 0);
    QVERIFY(c.startedAt.isValid());
    QVERIFY(!c.finishedAt.isValid() || c.finishedAt < c.startedAt); // zero time: never
    QVERIFY(c.healthLog.last().end >= c.healthLog.last().start);
    QCOMPARE(c.image, QString("devdock-demo/busybox:latest"));
    QVERIFY(c.workingDir.endsWith("examples/demo"));
}

void TestServiceState::fromInspect_exitedWithCode()
{
    const ContainerState c = ContainerState::fromInspect(inspectFixture("exited"));
    QCOMPARE(c.status, ServiceStatus::Exited);
    QCOMPARE(c.exitCode, 3);
    QVERIFY(c.health.isEmpty());
    QVERIFY(c.finishedAt.isValid());
    QVERIFY(c.finishedAt >= c.startedAt);
}

void TestServiceState::fromInspect_unhealthyKeepsProbeOutput()
{
    const ContainerState c = ContainerState::fromInspect(inspectFixture("unhealthy"));
    QCOMPARE(c.status, ServiceStatus::Unhealthy);
    QVERIFY(!c.healthLog.isEmpty());
    QCOMPARE(c.healthLog.last().exitCode, 1);
    QVERIFY(c.healthLog.last().output.contains("pg_isready: no response"));
}

void TestServiceState::compute_nothingCreated_explainsEveryService()
{
    const QList<ServiceState> states = computeServiceStates(m_demo, {});
    QCOMPARE(states.size(), 10);
    for (const ServiceState &s : states) {
        QCOMPARE(s.status, ServiceStatus::NotCreated);
        QVERIFY2(!s.reason.isEmpty(), qPrintable(s.name));
    }
    QCOMPARE(find(states, "postgres").reason, QString("not created"));
    QCOMPARE(find(states, "backend").reason, QString("dependency postgres is not created"));
}

void TestServiceState::compute_waitsForUnhealthyDependency()
{
    const QList<ServiceState> states =
        computeServiceStates(m_demo, {container("postgres", ServiceStatus::Starting),
                                      container("redis", ServiceStatus::Healthy),
                                      container("temporal", ServiceStatus::Healthy),
                                      container("backend", ServiceStatus::Created)});
    const ServiceState &backend = find(states, "backend");
    QCOMPARE(backend.status, ServiceStatus::Created);
    QCOMPARE(backend.reason, QString("waiting for postgres to become healthy"));
    QCOMPARE(backend.dependencies.value("postgres"), false);
    QCOMPARE(backend.dependencies.value("redis"), true);
    QCOMPARE(backend.dependencies.value("temporal"), true);
    QCOMPARE(find(states, "postgres").reason, QString("starting: health check not passed yet"));
}

void TestServiceState::compute_dependencyExitedWithCode()
{
    const QList<ServiceState> states =
        computeServiceStates(m_demo, {container("postgres", ServiceStatus::Healthy),
                                      container("redis", ServiceStatus::Exited, 1, 1),
                                      container("temporal", ServiceStatus::Running)});
    QCOMPARE(find(states, "backend").reason, QString("dependency redis exited (code 1)"));
    QCOMPARE(find(states, "redis").reason, QString("exited (code 1)"));
    QCOMPARE(find(states, "redis").exitCode, 1);
}

void TestServiceState::compute_replicas_worstDecides_oneoffsApart()
{
    ContainerState oneoff = container("worker", ServiceStatus::Exited, 1, 9);
    oneoff.oneoff = true;
    oneoff.id = "oneoff";
    ContainerState second = container("worker", ServiceStatus::Exited, 2, 2);
    second.restartCount = 3;
    const QList<ServiceState> states = computeServiceStates(
        m_demo, {second, container("worker", ServiceStatus::Running, 1), oneoff});
    const ServiceState &worker = find(states, "worker");
    QCOMPARE(worker.containers.size(), 2);
    QCOMPARE(worker.containers.at(0).number, 1); // ordered by replica number
    QCOMPARE(worker.oneoffs.size(), 1);
    QCOMPARE(worker.status, ServiceStatus::Exited);
    QCOMPARE(worker.exitCode, 2); // not the one-off's 9
    QCOMPARE(worker.restartCount, 3);
}

void TestServiceState::compute_containerOfUnknownService_isListed()
{
    const QList<ServiceState> states =
        computeServiceStates(m_demo, {container("legacy-api", ServiceStatus::Running)});
    QCOMPARE(states.size(), 11);
    QCOMPARE(states.last().name, QString("legacy-api"));
    QVERIFY(!states.last().inModel);
    QCOMPARE(states.last().status, ServiceStatus::Running);
}

void TestServiceState::compute_runningServiceOfInactiveProfile_isListedAndSaysSo()
{
    // "debug-ui" is defined under the profile "debug", which is not active: its running
    // container is still a service of the picture, marked, with the reason on it.
    ComposeProject project = m_demo;
    project.disabledServices << "debug-ui" << "seed";
    project.disabledProfiles.insert("debug-ui", {"debug"});
    project.disabledProfiles.insert("seed", {"tools", "ci"});
    const QList<ServiceState> states =
        computeServiceStates(project, {container("debug-ui", ServiceStatus::Running),
                                       container("seed", ServiceStatus::Exited, 1, 3)});
    QCOMPARE(states.size(), 12);
    const auto find = [&](const QString &name) {
        return *std::find_if(states.begin(), states.end(),
                             [&](const ServiceState &s) { return s.name == name; });
    };
    const ServiceState debug = find("debug-ui");
    QVERIFY(!debug.inModel);
    QCOMPARE(debug.inactiveProfiles, QStringList{"debug"});
    QCOMPARE(debug.status, ServiceStatus::Running);
    QCOMPARE(debug.reason, QString("profile debug not active (running)"));
    const ServiceState seed = find("seed");
    QCOMPARE(seed.inactiveProfiles, (QStringList{"tools", "ci"}));
    QCOMPARE(seed.reason, QString("profile tools, ci not active (exited (code 3))"));
    QCOMPARE(seed.toJson().value("inactive_profiles").toArray().size(), 2);
    // A service of no file: no profile to name, the reason is its own.
    const ServiceState legacy =
        computeServiceStates(project, {container("legacy-api", ServiceStatus::Running)}).last();
    QVERIFY(legacy.inactiveProfiles.isEmpty());
    QVERIFY(legacy.reason.isEmpty());
}

void TestServiceState::compute_unhealthyReasonQuotesLastProbe()
{
    ContainerState redis = container("redis", ServiceStatus::Unhealthy);
    redis.healthLog = {HealthProbe{{}, {}, 1, "redis-cli: Connection refused\n"}};
    const QList<ServiceState> states =
        computeServiceStates(m_demo, {redis, container("postgres", ServiceStatus::Healthy),
                                      container("temporal", ServiceStatus::Healthy)});
    QCOMPARE(find(states, "redis").reason,
             QString("unhealthy — last probe: redis-cli: Connection refused"));
    QCOMPARE(find(states, "backend").reason,
             QString("waiting for redis: unhealthy — last probe: redis-cli: Connection refused"));
}

void TestServiceState::compute_allHealthy_noReasons_edgesSatisfied()
{
    QList<ContainerState> containers;
    for (const ComposeService &s : m_demo.services) {
        containers << container(s.name,
                                s.healthcheck ? ServiceStatus::Healthy : ServiceStatus::Running);
    }
    const QList<ServiceState> states = computeServiceStates(m_demo, containers);
    for (const ServiceState &s : states) {
        QVERIFY2(s.reason.isEmpty(), qPrintable(s.name + ": " + s.reason));
        QVERIFY(s.isUp());
        for (auto it = s.dependencies.cbegin(); it != s.dependencies.cend(); ++it) {
            QVERIFY2(it.value(), qPrintable(s.name + " -> " + it.key()));
        }
    }
    QCOMPARE(find(states, "nginx").dependencies.size(), 2);
}

QTEST_GUILESS_MAIN(TestServiceState)
#include "tst_servicestate.moc"
