// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The offline demo's data is real: its PostgreSQL 15 and Redis 7 (Debian's packages,
// scripts/prepare-demo) run on a copy of examples/demo, rows and a key go in, a checkpoint is
// taken through devdockctl, the data is destroyed, the checkpoint restored in one step, and the
// rows and the key are back. Real engine, compose CLI, restic and keychain.
#undef QT_USE_QSTRINGBUILDER

#include "../common/composetest.h"
#include "../common/datatest.h"
#include "../common/dockertest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-demodata");

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void demo_postgresAndRedis_checkpointRestored_rowsAndKeyBack();

private:
    Run ctl(const QStringList &args, int timeoutMs = 300000);
    Run compose(const QStringList &args, int timeoutMs = 240000);
    Run psql(const QString &sql);
    Run redis(const QStringList &args);

    QTemporaryDir m_dir;
    QString m_project;
};

void TestDemoData::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_RESTIC();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QString error;
    QVERIFY2(ensureDemoImages(&error), qPrintable(error));
    m_project = m_dir.filePath("demo");
    QVERIFY(copyTree(QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/demo"), m_project));
    qputenv("COMPOSE_PROJECT_NAME", kProject.toUtf8());
    qputenv("DEMO_HTTP_PORT", QByteArray::number(freePort()));
    qputenv("DEMO_TEMPORAL_UI_PORT", QByteArray::number(freePort()));
    qputenv("DEMO_DOCS_PORT", QByteArray::number(freePort()));
    qputenv("DEVDOCK_BACKUP_REPOSITORY", m_dir.filePath("repo").toUtf8());
}

void TestDemoData::cleanupTestCase()
{
    if (!m_project.isEmpty()) {
        compose({"down", "--volumes", "-t", "1"});
    }
    qunsetenv("COMPOSE_PROJECT_NAME");
    qunsetenv("DEVDOCK_BACKUP_REPOSITORY");
}

Run TestDemoData::ctl(const QStringList &args, int timeoutMs)
{
    return run(DEVDOCKCTL_PATH, QStringList{"--project-directory", m_project} + args, timeoutMs);
}

Run TestDemoData::compose(const QStringList &args, int timeoutMs)
{
    return docker(QStringList{"compose", "--project-directory", m_project} + args, timeoutMs);
}

Run TestDemoData::psql(const QString &sql)
{
    return compose({"exec", "-T", "postgres", "psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
                    "-U", "synapse", "-d", "synapse_dte", "-c", sql});
}

Run TestDemoData::redis(const QStringList &args)
{
    return compose(QStringList{"exec", "-T", "redis", "redis-cli"} + args);
}

void TestDemoData::demo_postgresAndRedis_checkpointRestored_rowsAndKeyBack()
{
    // The demo's data services, healthy by their own probes (pg_isready, redis-cli ping).
    const Run up = compose({"up", "-d", "--wait", "postgres", "redis"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const Run version = psql("select version()");
    QVERIFY2(version.out.startsWith("PostgreSQL 15."), version.out.constData());
    QVERIFY2(redis({"INFO", "server"}).out.contains("redis_version:7."), "not Redis 7");
    Run r = psql("create table orders(id int primary key, item text);"
                 "insert into orders select g, 'item ' || g from generate_series(1, 500) g;");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = redis({"SET", "session:42", "kept-in-redis"});
    QVERIFY2(r.out.trimmed() == "OK", r.out.constData());

    // A checkpoint of the project's data: the database dumped, Redis saved and its volume copied.
    r = ctl({"backup", "--checkpoint", "before-migration"});
    QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
    QVERIFY2(r.out.contains("postgres_data: snapshot "), r.out.constData());
    QVERIFY2(r.out.contains("redis_data: snapshot "), r.out.constData());
    const Run listed = ctl({"snapshots", "--json"});
    QStringList kinds;
    for (const QJsonValue &v : QJsonDocument::fromJson(listed.out).array()) {
        kinds << v["volume"].toString() + "=" + v["kind"].toString();
    }
    QVERIFY2(kinds.contains("postgres_data=pg-dump") && kinds.contains("redis_data=files"),
             listed.out.constData());

    // The "migration" goes wrong: the table and every key are gone.
    QCOMPARE(psql("drop table orders").exitCode, 0);
    QCOMPARE(redis({"FLUSHALL"}).out.trimmed(), QByteArray("OK"));
    QCOMPARE(redis({"GET", "session:42"}).out.trimmed(), QByteArray(""));

    // One step back: every volume of the checkpoint.
    r = ctl({"restore", "--checkpoint", "before-migration", "--yes"});
    QVERIFY2(r.exitCode == 0, r.err.right(900).constData());
    QVERIFY(waitUntil([&] { return redis({"PING"}).out.trimmed() == "PONG"; }, 60000));
    QVERIFY(waitUntil([&] { return psql("select 1").exitCode == 0; }, 60000));
    QCOMPARE(psql("select count(*), max(item) from orders").out.trimmed(), QByteArray("500|item 99"));
    QCOMPARE(redis({"GET", "session:42"}).out.trimmed(), QByteArray("kept-in-redis"));
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
