// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#undef QT_USE_QSTRINGBUILDER // plain QByteArray concatenation below

#include "logs/logpanel.h"
#include "logs/logview.h"

#include "logs/projectlogs.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock;

class TestLogPanel : public QObject
{
    Q_OBJECT
private slots:
    void millionLines_tailSearchExport();
    void follow_pausesOnScrollUp_resumesAtEnd();
    void perServiceToggles_levelFilter_marker();
    void servicesMenu_oneEntryPerService_withAllServices();
    void export_keepsServiceAndEngineTimestamp();
    void screenshot();
};

// 1,000,000 lines in a merged view of three services: the view stays at the tail, a search
// finds the exact count, filter mode shows exactly those, export writes exactly them.
void TestLogPanel::millionLines_tailSearchExport()
{
    Core::ProjectLogs logs(nullptr);
    logs.setLimits(Core::LogStore::Limits{1000000, 1LL << 40});
    const int api = logs.addSource("api", "api-1");
    const int db = logs.addSource("db", "db-1");
    const int web = logs.addSource("web", "web-1");
    Ui::LogPanel panel(&logs);
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    // Fed in batches, as streams deliver; every 7th line is an error with colour.
    qint64 expectedErrors = 0;
    QByteArray batch;
    for (int i = 0; i < 1000000; ++i) {
        if (i % 7 == 0) {
            batch += "\x1b[31mERROR\x1b[0m request " + QByteArray::number(i) + " failed\n";
            ++expectedErrors;
        } else {
            batch += "INFO request " + QByteArray::number(i) + " ok\n";
        }
        if ((i + 1) % 10000 == 0) {
            logs.ingest((i / 10000) % 3 == 0 ? api : (i / 10000) % 3 == 1 ? db : web, 1, batch, false);
            batch.clear();
            if ((i + 1) % 100000 == 0) {
                QCoreApplication::processEvents();
            }
        }
    }
    QTest::qWait(100); // the batched announcement
    QCOMPARE(panel.rows()->count(), 1000000);
    QVERIFY(panel.view()->isFollowing());
    QVERIFY(panel.view()->isAtTail());
    QCOMPARE(panel.view()->shownText(panel.rows()->count() - 1), QString("ERROR request 999999 failed")); // 999999 = 7 x 142857

    QSignalSpy found(&panel, &Ui::LogPanel::searchFinished);
    QElapsedTimer clock;
    clock.start();
    panel.search(Core::LogQuery{"error request", false, false});
    QVERIFY(panel.isSearching()); // off the GUI thread
    QVERIFY(found.wait(30000));
    qInfo("plain search over 1,000,000 lines: %lld ms", clock.elapsed());
    QCOMPARE(found.at(0).at(0).toLongLong(), expectedErrors);
    QCOMPARE(panel.matchCount(), expectedErrors);
    // Regex, case-sensitive: the escape sequences are not part of the text.
    panel.search(Core::LogQuery{"^ERROR request \\d*5 failed$", true, true});
    QVERIFY(found.wait(30000));
    qint64 expectedRegex = 0;
    for (int i = 0; i < 1000000; i += 7) {
        expectedRegex += i % 10 == 5 ? 1 : 0;
    }
    QCOMPARE(panel.matchCount(), expectedRegex);
    panel.nextMatch();
    QCOMPARE(panel.currentMatch(), 0);
    QVERIFY(!panel.view()->isFollowing()); // going to a match pauses following
    QVERIFY(panel.view()->shownText(panel.rows()->rowOfMerged(logs.mergedFirst() + 35)).contains("35 failed"));

    // Filter mode: only the matches; export writes exactly them, bytes as they came.
    panel.setFilterMode(true);
    QCOMPARE(panel.rows()->count(), expectedRegex);
    QTemporaryDir dir;
    const QString path = dir.filePath("filtered.log");
    std::optional<Core::Result<qint64>> written;
    panel.exportTo(path, false, [&](Core::Result<qint64> r) { written = r; });
    QVERIFY(QTest::qWaitFor([&] { return written.has_value(); }, 30000));
    QVERIFY(written->has_value());
    QCOMPARE(**written, expectedRegex);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QCOMPARE(qint64(content.count('\n')), expectedRegex);
    QVERIFY(content.startsWith("api-1 | \x1b[31mERROR\x1b[0m request 35 failed\n"));
    // The whole store.
    written.reset();
    panel.exportTo(dir.filePath("all.log"), true, [&](Core::Result<qint64> r) { written = r; });
    QVERIFY(QTest::qWaitFor([&] { return written.has_value(); }, 30000));
    QCOMPARE(**written, 1000000);
}

void TestLogPanel::follow_pausesOnScrollUp_resumesAtEnd()
{
    Core::ProjectLogs logs(nullptr);
    const int s = logs.addSource("api", "api-1");
    Ui::LogPanel panel(&logs);
    panel.resize(800, 400);
    panel.show();
    for (int i = 0; i < 2000; ++i) {
        logs.ingest(s, 1, "line " + QByteArray::number(i) + "\n", false);
    }
    QTest::qWait(100);
    QVERIFY(panel.view()->isAtTail());
    // The user scrolls up: following pauses and new lines do not move the view.
    panel.view()->verticalScrollBar()->setValue(100);
    QVERIFY(!panel.view()->isFollowing());
    for (int i = 2000; i < 3000; ++i) {
        logs.ingest(s, 1, "line " + QByteArray::number(i) + "\n", false);
    }
    QTest::qWait(100);
    QCOMPARE(panel.view()->topRow(), 100);
    // End resumes it.
    QTest::keyClick(panel.view(), Qt::Key_End);
    QVERIFY(panel.view()->isFollowing());
    QVERIFY(panel.view()->isAtTail());
    QCOMPARE(panel.view()->shownText(panel.rows()->count() - 1), QString("line 2999"));
    // Wrapped long lines while following: the newest line is still drawn, at the bottom.
    panel.view()->setWrap(true);
    for (int i = 0; i < 50; ++i) {
        logs.ingest(s, 1, "long " + QByteArray(600, 'x') + " " + QByteArray::number(i) + "\n", false);
    }
    QTest::qWait(100);
    panel.view()->viewport()->grab();
    QVERIFY(panel.view()->isFollowing());
    QCOMPARE(panel.view()->paintedRows().second, panel.rows()->count() - 1);
    QVERIFY(panel.view()->paintedRows().first > panel.rows()->count() - 20);
}

void TestLogPanel::perServiceToggles_levelFilter_marker()
{
    Core::ProjectLogs logs(nullptr);
    const int api = logs.addSource("api", "api-1");
    const int db = logs.addSource("db", "db-1");
    Ui::LogPanel panel(&logs);
    logs.ingest(api, 1, "INFO api up\nERROR api broke\n", false);
    logs.ingest(db, 2, "WARN db slow\nLOG:  checkpoint\n", false);
    QTest::qWait(100);
    QCOMPARE(panel.rows()->count(), 4);
    panel.showOnly("db");
    QCOMPARE(panel.rows()->count(), 2);
    QCOMPARE(panel.view()->shownText(0), QString("WARN db slow"));
    panel.showOnly({});
    panel.setMinimumLevel(Core::LogLevel::Warning);
    QCOMPARE(panel.rows()->count(), 2); // ERROR and WARN
    panel.setSourceVisible(api, false);
    QCOMPARE(panel.rows()->count(), 1);
    QCOMPARE(panel.view()->shownText(0), QString("WARN db slow"));
    // Colours per service are stable and distinct.
    QVERIFY(Ui::LogView::sourceColor(0) != Ui::LogView::sourceColor(1));
    QCOMPARE(Ui::LogView::sourceColor(3), Ui::LogView::sourceColor(3));
    QVERIFY(Ui::LogView::sourceColor(0) != Ui::LogView::sourceColor(7));
}

static QStringList menuTexts(QMenu *menu)
{
    QStringList texts;
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator()) {
            texts << a->text();
        }
    }
    return texts;
}

static QAction *menuAction(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions()) {
        if (a->text() == text) {
            return a;
        }
    }
    return nullptr;
}

// A recreated container is a second source of the same service (as ProjectLogs attaches it): the
// menu still names each service once, and "All services" brings every one back.
void TestLogPanel::servicesMenu_oneEntryPerService_withAllServices()
{
    Core::ProjectLogs logs(nullptr);
    const int apiOld = logs.addSource("api", "api-1", "c-api-old");
    const int db = logs.addSource("db", "db-1", "c-db");
    const int apiNew = logs.addSource("api", "api-1", "c-api-new");
    Ui::LogPanel panel(&logs);
    logs.ingest(apiOld, 1, "api before\n", false);
    logs.ingest(db, 1, "db line\n", false);
    logs.ingest(apiNew, 1, "api after\n", false);
    QTest::qWait(100);
    QMenu *menu = panel.servicesMenu();
    QCOMPARE(menuTexts(menu), (QStringList{"All services", "api", "db"}));
    QVERIFY(menuAction(menu, "All services")->isChecked());

    // Off: both generations of api go; "All services" is no longer ticked.
    menuAction(menu, "api")->trigger();
    QCOMPARE(panel.rows()->count(), 1);
    QCOMPARE(panel.view()->shownText(0), QString("db line"));
    QVERIFY(!menuAction(menu, "api")->isChecked());
    QVERIFY(!menuAction(menu, "All services")->isChecked());
    // A third container of the hidden service stays hidden.
    const int apiThird = logs.addSource("api", "api-1", "c-api-third");
    logs.ingest(apiThird, 1, "api third\n", false);
    QTest::qWait(100);
    QCOMPARE(menuTexts(menu), (QStringList{"All services", "api", "db"}));
    QCOMPARE(panel.rows()->count(), 1);

    menuAction(menu, "All services")->trigger();
    QCOMPARE(panel.rows()->count(), 4);
    QVERIFY(menuAction(menu, "api")->isChecked());
    QVERIFY(menuAction(menu, "All services")->isChecked());
    // Open logs of one service: the menu shows which.
    panel.showOnly("db");
    QCOMPARE(panel.rows()->count(), 1);
    QVERIFY(menuAction(menu, "db")->isChecked());
    QVERIFY(!menuAction(menu, "api")->isChecked());
}

// Exported lines say which container wrote them and when the engine received them (the
// timestamp as the engine sent it, to the nanosecond), then the bytes as they came.
void TestLogPanel::export_keepsServiceAndEngineTimestamp()
{
    Core::ProjectLogs logs(nullptr);
    const int api = logs.addSource("api", "api-1", "c-api");
    const int db = logs.addSource("db", "db-1", "c-db");
    Ui::LogPanel panel(&logs);
    // As the engine's log stream delivers them with timestamps=true.
    logs.ingest(api, 1, "2026-11-29T07:00:10.123456789Z \x1b[32mGET /\x1b[0m 200\n", true);
    logs.ingest(db, 2, "2026-11-29T07:00:11.000000500Z checkpoint starting\n", true);
    logs.ingest(api, 1, "2026-11-29T07:00:12.5Z GET /health 200\n", true);
    QTest::qWait(100);
    QTemporaryDir dir;
    std::optional<Core::Result<qint64>> written;
    panel.exportTo(dir.filePath("logs.txt"), true, [&](Core::Result<qint64> r) { written = r; });
    QVERIFY(QTest::qWaitFor([&] { return written.has_value(); }, 10000));
    QVERIFY(written->has_value());
    QCOMPARE(**written, 3);
    QFile file(dir.filePath("logs.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("api-1 | 2026-11-29T07:00:10.123456789Z \x1b[32mGET /\x1b[0m 200\n"
                                        "db-1 | 2026-11-29T07:00:11.000000500Z checkpoint starting\n"
                                        "api-1 | 2026-11-29T07:00:12.500000000Z GET /health 200\n"));
    QCOMPARE(Core::LogStore::formatTimestamp(Core::LogStore::parseTimestamp("1969-12-31T23:59:59.5Z")),
             QByteArray("1969-12-31T23:59:59.500000000Z"));
}

void TestLogPanel::screenshot()
{
    const QString dir = qEnvironmentVariable("DEVDOCK_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("Set DEVDOCK_SCREENSHOT_DIR to save a picture of the log panel.");
    }
    Core::ProjectLogs logs(nullptr);
    const int api = logs.addSource("backend", "backend-1");
    const int db = logs.addSource("postgres", "postgres-1");
    const int worker = logs.addSource("worker", "worker-1");
    for (int i = 0; i < 40; ++i) {
        logs.ingest(api, 1, "2026-11-29T07:00:" + QByteArray::number(10 + i / 2) + ".000Z INFO backend: GET /api/v1/reports/" + QByteArray::number(i) + " 200\n", true);
        if (i % 5 == 0) {
            logs.ingest(db, 2, "2026-11-29T07:00:" + QByteArray::number(10 + i / 2) + ".500Z \x1b[33mWARNING\x1b[0m:  checkpoints are occurring too frequently\n", true);
        }
        if (i % 7 == 0) {
            logs.ingest(worker, 2, "2026-11-29T07:00:" + QByteArray::number(10 + i / 2) + ".700Z \x1b[1;31mERROR\x1b[0m worker: activity failed, \x1b[38;5;208mretrying\x1b[0m\n", true);
        }
    }
    Ui::LogPanel panel(&logs);
    panel.resize(1100, 520);
    panel.show();
    QTest::qWait(200);
    panel.view()->setShowTimestamps(true);
    panel.search(Core::LogQuery{"error", false, false});
    QSignalSpy found(&panel, &Ui::LogPanel::searchFinished);
    QVERIFY(found.wait(5000));
    QVERIFY(panel.grab().save(dir + "/logs.png"));
}

QTEST_MAIN(TestLogPanel)
#include "tst_logpanel.moc"
