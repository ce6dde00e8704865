// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/enginetypes.h"
#include "stack/livereducer.h"

#include <QTest>

using namespace DevDock::Core;

namespace {

const QString kId = QStringLiteral("c0ffee");

EngineEvent event(const QString &action, const QMap<QString, QString> &attributes = {})
{
    EngineEvent e;
    e.type = QStringLiteral("container");
    e.action = action;
    e.actorId = kId;
    e.attributes = attributes;
    e.attributes.insert(QStringLiteral("com.docker.compose.project"), QStringLiteral("demo"));
    return e;
}

// The container as the engine's inspect describes it.
ContainerState inspected(const QString &engineState, const QString &health, int exitCode)
{
    ContainerState c;
    c.id = kId;
    c.name = QStringLiteral("demo-api-1");
    c.service = QStringLiteral("api");
    c.number = 1;
    c.engineState = engineState;
    c.health = health;
    c.exitCode = exitCode;
    c.status = engineState == u"running"
                   ? (health == u"healthy"     ? ServiceStatus::Healthy
                      : health == u"unhealthy" ? ServiceStatus::Unhealthy
                      : health.isEmpty()       ? ServiceStatus::Running
                                               : ServiceStatus::Starting)
                   : ServiceStatus::Exited;
    return c;
}

// Plays a script of steps separated by spaces:
//   @T           the clock (ms) for the steps that follow
//   run          inspect: running, no health check     runh=H  inspect: running, health H
//   exited=N     inspect: exited with code N           gone    inspect: the container is gone
//   die=N        event die with exitCode N             health=H  event health_status: H
//   kill stop start destroy exec   other events (kill: SIGTERM; exec: a probe's exec_die)
//   kill9        a bare SIGKILL (docker kill)
// and returns the container's status name ("none" when the reducer no longer has it), its
// health, and whether the last step asked for an inspect.
struct Outcome
{
    QString status;
    QString health;
    bool inspectAsked = false;
};

Outcome play(const QString &script)
{
    LiveReducer reducer;
    qint64 now = 1000;
    LiveReducer::Step last;
    for (const QString &step : script.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString verb = step.section(QLatin1Char('='), 0, 0);
        const QString arg = step.section(QLatin1Char('='), 1);
        if (step.startsWith(QLatin1Char('@'))) {
            now = step.mid(1).toLongLong();
        } else if (verb == u"run") {
            last = reducer.onInspect(kId, inspected(QStringLiteral("running"), {}, 0));
        } else if (verb == u"runh") {
            last = reducer.onInspect(kId, inspected(QStringLiteral("running"), arg, 0));
        } else if (verb == u"exited") {
            // The engine keeps the last health of a stopped container ("unhealthy").
            last = reducer.onInspect(kId, inspected(QStringLiteral("exited"),
                                                    QStringLiteral("unhealthy"), arg.toInt()));
        } else if (verb == u"gone") {
            last = reducer.onInspect(kId, std::nullopt);
        } else if (verb == u"die") {
            last = reducer.onEvent(event(QStringLiteral("die"), {{"exitCode", arg}}), now);
        } else if (verb == u"health") {
            last = reducer.onEvent(event(QStringLiteral("health_status: ") + arg), now);
        } else if (verb == u"kill9") {
            last = reducer.onEvent(event(QStringLiteral("kill"), {{"signal", "9"}}), now);
        } else if (verb == u"exec") {
            last = reducer.onEvent(event(QStringLiteral("exec_die")), now);
        } else {
            last = reducer.onEvent(event(verb), now);
        }
    }
    const auto c = reducer.container(kId);
    return {c ? statusName(c->status) : QStringLiteral("none"), c ? c->health : QString(),
            last.inspect.contains(kId)};
}

} // namespace

class TestLiveReducer : public QObject
{
    Q_OBJECT
private slots:
    void sequence_data();
    void sequence();
    void stopWindow_endsAfterAMinute();
    void listing_dropsWhatIsGone_andInspectsWhatChanged();
};

void TestLiveReducer::sequence_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("health");
    QTest::addColumn<bool>("inspectAsked");

    QTest::newRow("running") << "run" << "running" << "" << false;
    QTest::newRow("healthy via event") << "runh=starting health=healthy" << "healthy"
                                       << "healthy" << true;
    QTest::newRow("unhealthy via event") << "runh=healthy health=unhealthy" << "unhealthy"
                                         << "unhealthy" << true;
    // A crash: no kill or stop before the die.
    QTest::newRow("crash exit 1") << "run die=1" << "exited" << "" << true;
    QTest::newRow("crash, then the inspect") << "run die=1 exited=1" << "exited" << "" << false;
    // docker stop: kill (SIGTERM), die 143, stop; the inspect after it keeps the stop.
    QTest::newRow("docker stop 143") << "run kill die=143" << "stopped" << "" << true;
    QTest::newRow("docker stop, stop event, inspect")
        << "runh=healthy kill die=143 stop exited=143" << "stopped" << "" << false;
    // SIGTERM ignored: docker stop kills after the grace time (137).
    QTest::newRow("docker stop after grace 137")
        << "runh=healthy @1000 kill @11000 kill die=137 stop exited=137" << "stopped" << "" << false;
    // docker kill alone (SIGKILL, no stop event): an unexpected exit, as a crash test wants.
    QTest::newRow("docker kill 137") << "run kill9 die=137 exited=137" << "exited" << "" << false;
    QTest::newRow("docker stop after grace") << "run kill kill9 die=137 stop" << "stopped" << ""
                                             << true;
    // The stop event arrives after the die: it turns the exit into a stop.
    QTest::newRow("stop event after die") << "run die=0 stop" << "stopped" << "" << true;
    // 137 without a kill is the kernel or an OOM: a failure.
    QTest::newRow("137 without kill") << "run die=137 exited=137" << "exited" << "" << false;
    // 143 means someone sent SIGTERM, even when DevDock did not see the events.
    QTest::newRow("143 found at listing") << "exited=143" << "stopped" << "" << false;
    QTest::newRow("exit 2 found at listing") << "exited=2" << "exited" << "" << false;
    // A stopped container's health is not shown (the engine says "unhealthy").
    QTest::newRow("no health when stopped") << "runh=healthy kill die=143 exited=143" << "stopped"
                                            << "" << false;
    // Started again, a later crash is a crash.
    QTest::newRow("stop, start, crash")
        << "run kill die=143 exited=143 start run die=1 exited=1" << "exited" << "" << false;
    // Health probes cost nothing: no inspect, no change.
    QTest::newRow("probe exec ignored") << "runh=healthy exec" << "healthy" << "healthy" << false;
    QTest::newRow("kill asks no inspect") << "run kill" << "running" << "" << false;
    QTest::newRow("destroy forgets") << "run kill die=143 destroy" << "none" << "" << false;
    QTest::newRow("gone") << "run gone" << "none" << "" << false;
}

void TestLiveReducer::sequence()
{
    QFETCH(QString, script);
    QFETCH(QString, status);
    QFETCH(QString, health);
    QFETCH(bool, inspectAsked);
    const Outcome outcome = play(script);
    QCOMPARE(outcome.status, status);
    QCOMPARE(outcome.health, health);
    QCOMPARE(outcome.inspectAsked, inspectAsked);
}

void TestLiveReducer::stopWindow_endsAfterAMinute()
{
    // A kill long before an exit does not explain it.
    const Outcome late = play(QStringLiteral("run @1000 kill @70000 die=1"));
    QCOMPARE(late.status, QString("exited"));
    const Outcome inTime = play(QStringLiteral("run @1000 kill @50000 die=1"));
    QCOMPARE(inTime.status, QString("stopped"));
}

void TestLiveReducer::listing_dropsWhatIsGone_andInspectsWhatChanged()
{
    LiveReducer reducer;
    reducer.onInspect(kId, inspected(QStringLiteral("running"), {}, 0));
    ContainerSummary same;
    same.id = kId;
    same.state = QStringLiteral("running");
    ContainerSummary fresh;
    fresh.id = QStringLiteral("beef");
    fresh.state = QStringLiteral("created");
    LiveReducer::Step step = reducer.onListing({same, fresh});
    QCOMPARE(step.inspect, QSet<QString>{QStringLiteral("beef")});
    QVERIFY(!step.changed);
    step = reducer.onListing({fresh});
    QVERIFY(step.changed);
    QVERIFY(!reducer.contains(kId));
}

QTEST_GUILESS_MAIN(TestLiveReducer)
#include "tst_livereducer.moc"
