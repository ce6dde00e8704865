// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Plain QByteArray concatenation in this test (no string builders in view conversions).
#undef QT_USE_QSTRINGBUILDER

#include "logs/logsearch.h"
#include "logs/logstore.h"
#include "util/redaction.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace DevDock::Core;

class TestLogStore : public QObject
{
    Q_OBJECT
private slots:
    void appendBytes_splitsLinesAcrossChunks_keepsPartial();
    void appendBytes_timestampsParsedAndRemoved();
    void appendBytes_knownSecret_isHiddenEvenSplitAcrossChunks();
    void appendBytes_sameSecondStamps_matchFullParse();
    void parseTimestamp_data();
    void parseTimestamp();
    void cap_lines_evictsOldestChunks_indexStaysExact();
    void cap_bytes_evictsOldest();
    void hugeLine_keptWhole();
    void binaryBytes_keptUnchanged();
    void clear_sequenceContinues();
    void snapshot_survivesEvictionAndAppends();
    void search_plainRegexCase_acrossEviction();
    void search_badRegex_isAnError();
    void search_cancelStopsEarly();
};

void TestLogStore::appendBytes_knownSecret_isHiddenEvenSplitAcrossChunks()
{
    clearRegisteredSecrets();
    QVERIFY(registerSecret(QStringLiteral("DB_PASSWORD"), QStringLiteral("s3cr3t-Pa55")));
    LogStore store;
    // A container printing its connection string; the engine's frames cut it mid-secret.
    store.appendBytes(1, "2026-12-01T10:00:00.000000001Z connecting to postgres://app:s3cr3", true);
    store.appendBytes(1, "t-Pa55@db/app\nplain line\n", true);
    clearRegisteredSecrets();
    QCOMPARE(store.lineCount(), 2);
    QCOMPARE(store.line(0).bytes,
             QByteArrayView("connecting to postgres://app:[secret DB_PASSWORD]@db/app"));
    QVERIFY(store.line(0).timestampNs > 0);
    QCOMPARE(store.line(1).bytes, QByteArrayView("plain line"));
}

void TestLogStore::appendBytes_splitsLinesAcrossChunks_keepsPartial()
{
    LogStore store;
    store.appendBytes(1, "first\nsec", false);
    QCOMPARE(store.lineCount(), 1);
    store.appendBytes(2, "err 1\n", false); // another stream: its own partial
    store.appendBytes(1, "ond\r\nthird\n", false);
    QCOMPARE(store.lineCount(), 4);
    QCOMPARE(store.line(0).bytes, QByteArrayView("first"));
    QCOMPARE(store.line(1).bytes, QByteArrayView("err 1"));
    QCOMPARE(store.line(1).stream, quint8(2));
    QCOMPARE(store.line(2).bytes, QByteArrayView("second")); // CRLF: the CR goes
    QCOMPARE(store.line(3).bytes, QByteArrayView("third"));
    store.appendBytes(1, "no newline", false);
    QCOMPARE(store.lineCount(), 4);
    store.flushPartial();
    QCOMPARE(store.line(4).bytes, QByteArrayView("no newline"));
    // Many lines: chunks seal at their size, every line is still found by its number.
    for (int i = 0; i < 50000; ++i) {
        store.appendLine(1, QByteArray("line ") + QByteArray::number(i));
    }
    QCOMPARE(store.lineCount(), 50005);
    QCOMPARE(store.line(5 + 12345).bytes, QByteArrayView("line 12345"));
    QCOMPARE(store.line(5 + 49999).bytes, QByteArrayView("line 49999"));
    QVERIFY(!store.line(50005).isValid());
}

void TestLogStore::appendBytes_timestampsParsedAndRemoved()
{
    LogStore store;
    store.appendBytes(1,
                      "2026-11-29T07:00:00.123456789Z hello world\n"
                      "2026-11-29T07:00:01Z \n"
                      "not-a-time payload\n",
                      true);
    QCOMPARE(store.lineCount(), 3);
    QCOMPARE(store.line(0).bytes, QByteArrayView("hello world"));
    QCOMPARE(store.line(0).timestampNs,
             QDateTime(QDate(2026, 11, 29), QTime(7, 0), Qt::UTC).toMSecsSinceEpoch() * 1000000LL
                 + 123456789);
    QCOMPARE(store.line(1).bytes, QByteArrayView(""));
    QCOMPARE(store.line(2).timestampNs, 0);
    QCOMPARE(store.line(2).bytes, QByteArrayView("not-a-time payload"));
}

void TestLogStore::appendBytes_sameSecondStamps_matchFullParse()
{
    // Lines of one second take a shortcut (the date and time are compared, only the fraction is
    // read); every line must get what the full parser gives, whatever the fraction holds.
    const QList<QByteArray> stamps = {
        "2026-11-29T07:00:00.000000000Z", "2026-11-29T07:00:00.999999999Z",
        "2026-11-29T07:00:00.123456789Z", "2026-11-29T07:00:00.000000001Z",
        "2026-11-29T07:00:00.12345678xZ", // not a digit: the line has no timestamp
        "2026-11-29T07:00:00.1234567:9Z", "2026-11-29T07:00:00.5Z", // short fraction
        "2026-11-29T07:00:01.000000007Z",                           // the next second
        "2026-11-29T07:00:00.000000042Z",                           // back to the earlier one
        "2027-01-01T00:00:00.000000300Z",
    };
    LogStore store;
    QByteArray bytes;
    for (const QByteArray &stamp : stamps) {
        bytes += stamp + " payload of " + stamp + '\n';
    }
    // Fed in pieces of every size from 1 to 41 bytes, as frames and socket reads split them.
    for (int piece = 1; piece <= 41; piece += 8) {
        LogStore pieces;
        for (qsizetype at = 0; at < bytes.size(); at += piece) {
            pieces.appendBytes(
                1, QByteArrayView(bytes).sliced(at, std::min<qsizetype>(piece, bytes.size() - at)),
                true);
        }
        QCOMPARE(pieces.lineCount(), stamps.size());
        for (qsizetype i = 0; i < stamps.size(); ++i) {
            const qint64 expected = LogStore::parseTimestamp(stamps[i]);
            QCOMPARE(pieces.line(i).timestampNs, expected);
            QCOMPARE(pieces.line(i).bytes,
                     expected != 0 ? QByteArrayView("payload of " + stamps[i])
                                   : QByteArrayView(stamps[i] + " payload of " + stamps[i]));
        }
    }
    QCOMPARE(LogStore::parseTimestamp("2026-11-29T07:00:00.12345678xZ"), 0);
    QCOMPARE(LogStore::parseTimestamp("2026-11-29T07:00:00.999999999Z") % 1000000000, 999999999);
}

void TestLogStore::parseTimestamp_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("ms");
    const qint64 base = QDateTime(QDate(2026, 11, 29), QTime(7, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("utc") << QByteArray("2026-11-29T07:00:00Z") << base;
    QTest::newRow("nanos") << QByteArray("2026-11-29T07:00:00.5Z") << base + 500;
    QTest::newRow("offset") << QByteArray("2026-11-29T08:00:00+01:00") << base;
    QTest::newRow("leap day")
        << QByteArray("2024-02-29T00:00:00Z")
        << QDateTime(QDate(2024, 2, 29), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("garbage") << QByteArray("2026-11-29 07:00:00") << qint64(0);
    QTest::newRow("short") << QByteArray("2026") << qint64(0);
}

void TestLogStore::parseTimestamp()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, ms);
    QCOMPARE(LogStore::parseTimestamp(text) / 1000000, ms);
}

void TestLogStore::cap_lines_evictsOldestChunks_indexStaysExact()
{
    LogStore store(LogStore::Limits{20000, 1LL << 40});
    for (int i = 0; i < 100000; ++i) {
        store.appendLine(1, QByteArray("line ") + QByteArray::number(i));
    }
    QVERIFY(store.lineCount() <= 20000);
    QVERIFY(store.lineCount() > 20000 - LogStore::ChunkLines); // whole chunks go
    QCOMPARE(store.endSeq(), 100000);
    QCOMPARE(store.droppedLines(), store.firstSeq());
    QVERIFY(!store.line(store.firstSeq() - 1).isValid());
    QCOMPARE(store.line(store.firstSeq()).bytes,
             QByteArrayView(QByteArray("line ") + QByteArray::number(store.firstSeq())));
    QCOMPARE(store.line(99999).bytes, QByteArrayView("line 99999"));
}

void TestLogStore::cap_bytes_evictsOldest()
{
    LogStore store(LogStore::Limits{1000000000, 1024 * 1024});
    const QByteArray payload(1000, 'x');
    for (int i = 0; i < 5000; ++i) {
        store.appendLine(1, payload);
    }
    QVERIFY2(store.byteCount() <= 1024 * 1024, QByteArray::number(store.byteCount()));
    QVERIFY(store.byteCount() > 1024 * 1024 - LogStore::ChunkBytes);
    QCOMPARE(store.endSeq(), 5000);
}

void TestLogStore::hugeLine_keptWhole()
{
    LogStore store;
    const QByteArray huge(3 * 1024 * 1024, 'a');
    store.appendBytes(1, "before\n", false);
    store.appendBytes(1, huge.left(1000), false);
    store.appendBytes(1, huge.mid(1000) + "\nafter\n", false);
    QCOMPARE(store.lineCount(), 3);
    QCOMPARE(store.line(1).bytes.size(), huge.size());
    QCOMPARE(store.line(2).bytes, QByteArrayView("after"));
}

void TestLogStore::binaryBytes_keptUnchanged()
{
    LogStore store;
    const QByteArray binary("\xff\xfe\x00\x01 bin \xc3\x28", 12);
    store.appendLine(2, binary);
    QCOMPARE(QByteArray(store.line(0).bytes.data(), store.line(0).bytes.size()), binary);
}

void TestLogStore::clear_sequenceContinues()
{
    LogStore store;
    store.appendLine(1, "a");
    store.appendLine(1, "b");
    store.clear();
    QCOMPARE(store.lineCount(), 0);
    store.appendLine(1, "c");
    QCOMPARE(store.firstSeq(), 2);
    QCOMPARE(store.line(2).bytes, QByteArrayView("c"));
}

void TestLogStore::snapshot_survivesEvictionAndAppends()
{
    LogStore store(LogStore::Limits{10000, 1LL << 40});
    for (int i = 0; i < 10000; ++i) {
        store.appendLine(1, QByteArray::number(i));
    }
    const LogStore::Snapshot snapshot = store.snapshot();
    const qint64 first = snapshot.firstSeq();
    for (int i = 10000; i < 40000; ++i) {
        store.appendLine(1, QByteArray::number(i)); // evicts what the snapshot holds
    }
    QVERIFY(store.firstSeq() > first);
    QCOMPARE(snapshot.line(first).bytes, QByteArrayView(QByteArray::number(first)));
    QCOMPARE(snapshot.endSeq(), 10000);
    qint64 count = 0;
    snapshot.forEach([&](const LogLine &) { ++count; });
    QCOMPARE(count, 10000 - first);
}

void TestLogStore::search_plainRegexCase_acrossEviction()
{
    LogStore store(LogStore::Limits{30000, 1LL << 40});
    for (int i = 0; i < 100000; ++i) {
        if (i % 10 == 0) {
            store.appendLine(2, QByteArray("\x1b[31mERROR\x1b[0m request ") + QByteArray::number(i)
                                    + " failed");
        } else {
            store.appendLine(1, QByteArray("info: request ") + QByteArray::number(i) + " ok");
        }
    }
    const LogStore::Snapshot snapshot = store.snapshot();
    const qint64 kept = store.lineCount();
    // Plain, case-insensitive: the escape sequences do not split the word.
    auto errors = searchLogs(snapshot, LogQuery{"error request", false, false});
    QVERIFY(errors.has_value());
    // Only lines still stored match: every tenth of those kept.
    qint64 expected = 0;
    for (qint64 s = store.firstSeq(); s < store.endSeq(); ++s) {
        expected += s % 10 == 0 ? 1 : 0;
    }
    QCOMPARE(errors->size(), expected);
    QVERIFY(errors->first() >= store.firstSeq());
    QVERIFY(kept <= 30000);
    // Case-sensitive: "error request" is not in the text.
    auto exact = searchLogs(snapshot, LogQuery{"error request", false, true});
    QCOMPARE(exact->size(), 0);
    // Regex.
    auto regex = searchLogs(snapshot, LogQuery{"request 9\\d{4} ok$", true, false});
    qint64 regexExpected = 0;
    for (qint64 s = std::max<qint64>(store.firstSeq(), 90000); s < 100000; ++s) {
        regexExpected += s % 10 != 0 ? 1 : 0;
    }
    QCOMPARE(regex->size(), regexExpected);
    // Highlight ranges of one line.
    const auto ranges = matchRanges("error: Error ERROR", LogQuery{"error", false, false});
    QCOMPARE(ranges.size(), 3);
    QCOMPARE(ranges.at(1), (QPair<qsizetype, qsizetype>(7, 5)));
    QCOMPARE(matchRanges("a1b22", LogQuery{"\\d+", true, false}).size(), 2);
}

void TestLogStore::search_badRegex_isAnError()
{
    LogStore store;
    store.appendLine(1, "x");
    auto r = searchLogs(store.snapshot(), LogQuery{"(unclosed", true, false});
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, Error::Code::InvalidArgument);
    QVERIFY(r.error().message.contains("regular expression"));
}

void TestLogStore::search_cancelStopsEarly()
{
    LogStore store(LogStore::Limits{2000000, 1LL << 40});
    for (int i = 0; i < 1000000; ++i) {
        store.appendLine(1, "needle in the haystack");
    }
    std::atomic<bool> cancel{true};
    auto r = QtConcurrent::run([&] {
                 return searchLogs(store.snapshot(), LogQuery{"needle", false, false}, &cancel);
             }).result();
    QVERIFY(r.has_value());
    QVERIFY(r->size() < 1000000);
}

QTEST_GUILESS_MAIN(TestLogStore)
#include "tst_logstore.moc"
