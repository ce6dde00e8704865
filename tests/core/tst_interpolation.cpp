// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/interpolation.h"

#include <QHash>
#include <QTest>

using namespace DevDock::Core;

class TestInterpolation : public QObject
{
    Q_OBJECT
private slots:
    void interpolate_data();
    void interpolate();
};

void TestInterpolation::interpolate_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");      // when no error
    QTest::addColumn<QString>("errorContains"); // empty: success expected

    // Variables: FOO=first, EMPTY="", NUM=42, BAR_BAZ=bb; UNSET is not set.
    QTest::newRow("no variables") << "plain text"
                                  << "plain text"
                                  << "";
    QTest::newRow("unbraced") << "$FOO"
                              << "first"
                              << "";
    QTest::newRow("braced") << "${FOO}"
                            << "first"
                            << "";
    QTest::newRow("unbraced ends at a non-name character") << "$FOO-bar"
                                                           << "first-bar"
                                                           << "";
    QTest::newRow("unbraced ends at a dot") << "$FOO.txt"
                                            << "first.txt"
                                            << "";
    QTest::newRow("unbraced takes underscores and digits") << "$BAR_BAZ1"
                                                           << ""
                                                           << "";
    QTest::newRow("unbraced with underscore") << "$BAR_BAZ/x"
                                              << "bb/x"
                                              << "";
    QTest::newRow("unset is empty") << "a${UNSET}b"
                                    << "ab"
                                    << "";
    QTest::newRow("escaped dollar") << "$$FOO"
                                    << "$FOO"
                                    << "";
    QTest::newRow("escaped dollar in braces text") << "cost: $$5"
                                                   << "cost: $5"
                                                   << "";
    QTest::newRow(":- unset") << "${UNSET:-default}"
                              << "default"
                              << "";
    QTest::newRow(":- empty") << "${EMPTY:-default}"
                              << "default"
                              << "";
    QTest::newRow(":- set") << "${FOO:-default}"
                            << "first"
                            << "";
    QTest::newRow("- unset") << "${UNSET-default}"
                             << "default"
                             << "";
    QTest::newRow("- empty keeps empty") << "${EMPTY-default}"
                                         << ""
                                         << "";
    QTest::newRow(":+ set") << "${FOO:+replaced}"
                            << "replaced"
                            << "";
    QTest::newRow(":+ empty") << "${EMPTY:+replaced}"
                              << ""
                              << "";
    QTest::newRow("+ empty counts as set") << "${EMPTY+replaced}"
                                           << "replaced"
                                           << "";
    QTest::newRow("+ unset") << "${UNSET+replaced}"
                             << ""
                             << "";
    QTest::newRow("default with spaces and symbols") << "${UNSET:-a b:c-d}"
                                                     << "a b:c-d"
                                                     << "";
    QTest::newRow("empty default") << "${UNSET:-}"
                                   << ""
                                   << "";
    QTest::newRow("nested default") << "${UNSET:-${FOO}}"
                                    << "first"
                                    << "";
    QTest::newRow("nested twice") << "${UNSET:-${UNSET2:-${NUM}}}"
                                  << "42"
                                  << "";
    QTest::newRow("nested unbraced in default") << "${UNSET:-x$NUM}"
                                                << "x42"
                                                << "";
    QTest::newRow("nested replacement") << "${FOO:+<${NUM}>}"
                                        << "<42>"
                                        << "";
    QTest::newRow("escaped dollar in default") << "${UNSET:-$$}"
                                               << "$"
                                               << "";
    QTest::newRow("several") << "${FOO}:$NUM/${UNSET:-z}"
                             << "first:42/z"
                             << "";
    QTest::newRow(":? set") << "${FOO:?must be set}"
                            << "first"
                            << "";
    QTest::newRow(":? unset") << "${UNSET:?must be set}"
                              << ""
                              << "Required variable UNSET is missing a value: must be set";
    QTest::newRow(":? empty") << "${EMPTY:?no empty}"
                              << ""
                              << "Required variable EMPTY";
    QTest::newRow("? empty is fine") << "${EMPTY?needed}"
                                     << ""
                                     << "";
    QTest::newRow("? unset") << "${UNSET?needed}"
                             << ""
                             << "Required variable UNSET is missing a value: needed";
    // Checked against `docker compose config` (v2.26): a $ that starts no reference is literal.
    QTest::newRow("lone dollar at end") << "price $"
                                        << "price $"
                                        << "";
    QTest::newRow("dollar then space") << "a $ b"
                                       << "a $ b"
                                       << "";
    QTest::newRow("dollar then digit") << "$1abc"
                                       << "$1abc"
                                       << "";
    QTest::newRow("dollar then dash") << "$-x"
                                      << "$-x"
                                      << "";
    QTest::newRow("empty braces") << "${}"
                                  << ""
                                  << "Invalid interpolation format";
    QTest::newRow("space in braces") << "${ FOO}"
                                     << ""
                                     << "Invalid interpolation format";
    QTest::newRow("unterminated") << "${FOO"
                                  << ""
                                  << "Invalid interpolation format";
    QTest::newRow("bad operator") << "${FOO!x}"
                                  << ""
                                  << "Invalid interpolation format";
    QTest::newRow("colon alone") << "${FOO:}"
                                 << ""
                                 << "Invalid interpolation format";
    QTest::newRow("digit start") << "${1FOO}"
                                 << ""
                                 << "Invalid interpolation format";
}

void TestInterpolation::interpolate()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, errorContains);
    const QHash<QString, QString> vars{
        {"FOO", "first"}, {"EMPTY", ""}, {"NUM", "42"}, {"BAR_BAZ", "bb"}};
    const auto result =
        DevDock::Core::interpolate(input, [&](const QString &name) -> std::optional<QString> {
            const auto it = vars.find(name);
            return it == vars.end() ? std::nullopt : std::optional<QString>(*it);
        });
    if (errorContains.isEmpty()) {
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QCOMPARE(*result, expected);
    } else {
        QVERIFY(!result);
        QVERIFY2(result.error().message.contains(errorContains),
                 qPrintable(result.error().message));
        QVERIFY(!result.error().hint.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestInterpolation)
#include "tst_interpolation.moc"
