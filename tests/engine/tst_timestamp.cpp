// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/timestamp.h"

#include <QTest>

using namespace DevDock::Core;

class TestTimestamp : public QObject
{
    Q_OBJECT
private slots:
    void toEngineTimestamp_data();
    void toEngineTimestamp();
};

void TestTimestamp::toEngineTimestamp_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: an error
    // now = 2026-11-29T12:00:00Z = 1795953600
    QTest::newRow("unix seconds") << "1700000000"
                                  << "1700000000";
    QTest::newRow("unix with fraction") << "1700000000.25"
                                        << "1700000000.25";
    QTest::newRow("RFC 3339 UTC") << "2026-11-29T10:00:00Z"
                                  << "1795946400.000000000";
    QTest::newRow("RFC 3339 nano") << "2026-11-29T10:00:00.123456789Z"
                                   << "1795946400.123456789";
    QTest::newRow("RFC 3339 with offset") << "2026-11-29T12:00:00+02:00"
                                          << "1795946400.000000000";
    QTest::newRow("minutes only, UTC") << "2026-11-29T10:00Z"
                                       << "1795946400.000000000";
    QTest::newRow("duration minutes") << "10m"
                                      << "1795953000.000000000";
    QTest::newRow("duration compound") << "1h30m"
                                       << "1795948200.000000000";
    QTest::newRow("duration fraction") << "1.5s"
                                       << "1795953598.500000000";
    QTest::newRow("garbage") << "yesterday"
                             << "";
    QTest::newRow("bad date") << "2026-13-45"
                              << "";
}

void TestTimestamp::toEngineTimestamp()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QDateTime now(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);
    const auto result = DevDock::Core::toEngineTimestamp(input, now);
    if (expected.isEmpty()) {
        QVERIFY(!result);
        QVERIFY(result.error().message.contains(input));
        return;
    }
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QCOMPARE(*result, expected);
}

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
