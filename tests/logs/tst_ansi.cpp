// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logs/ansi.h"
#include "logs/loglevel.h"

#include <QTest>

using namespace DevDock::Core;

Q_DECLARE_METATYPE(DevDock::Core::LogLevel)

class TestAnsi : public QObject
{
    Q_OBJECT
private slots:
    void strip_data();
    void strip();
    void sgr_colorsAndStyles();
    void sgr_256AndTruecolor();
    void sgr_resetAndCarryOver();
    void sgr_malformed_isHarmless();
    void invalidUtf8_becomesReplacement();
    void palette();
    void level_data();
    void level();
};

// Shown text for a table of sequences, hostile ones included: nothing but SGR styling and text
// survives, and never a byte of an escape sequence.
void TestAnsi::strip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QByteArray("hello") << "hello";
    QTest::newRow("sgr") << QByteArray("\x1b[1;31mred\x1b[0m") << "red";
    QTest::newRow("cursor movement") << QByteArray("a\x1b[2Ab\x1b[10;20Hc") << "abc";
    QTest::newRow("erase line") << QByteArray("\x1b[2Kprogress") << "progress";
    QTest::newRow("window title (OSC, BEL)") << QByteArray("\x1b]0;pwned\x07text") << "text";
    QTest::newRow("hyperlink (OSC 8, ST)") << QByteArray("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") << "link";
    QTest::newRow("DCS") << QByteArray("\x1bP1$r0m\x1b\\after") << "after";
    QTest::newRow("charset") << QByteArray("\x1b(Bascii") << "ascii";
    QTest::newRow("reset terminal") << QByteArray("\x1b" "cafter") << "after";
    QTest::newRow("private mode (hide cursor)") << QByteArray("\x1b[?25lx\x1b[?25h") << "x";
    QTest::newRow("truncated CSI at end") << QByteArray("text\x1b[31") << "text";
    QTest::newRow("lone ESC at end") << QByteArray("text\x1b") << "text";
    QTest::newRow("unterminated OSC") << QByteArray("a\x1b]0;title never ends") << "a";
    QTest::newRow("bell and backspace") << QByteArray("a\x07" "b\x08" "c") << "abc";
    QTest::newRow("tab kept") << QByteArray("a\tb") << "a\tb";
    QTest::newRow("progress: last state after CR") << QByteArray("10%\r50%\r100%") << "100%";
    QTest::newRow("CRLF") << QByteArray("line\r") << "line";
    QTest::newRow("8-bit CSI bytes stay text") << QByteArray("caf\xc3\xa9") << QString::fromUtf8("café");
}

void TestAnsi::strip()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, text);
    QCOMPARE(parseAnsi(input).text, text);
    QCOMPARE(QString::fromUtf8(stripAnsi(input)), text);
    QVERIFY(!stripAnsi(input).contains('\x1b'));
}

void TestAnsi::sgr_colorsAndStyles()
{
    const StyledLine l = parseAnsi("plain \x1b[1;4;32mgreen\x1b[22m under\x1b[0m end");
    QCOMPARE(l.text, QString("plain green under end"));
    QCOMPARE(l.spans.size(), 2);
    QCOMPARE(l.spans.at(0).start, 6);
    QCOMPARE(l.spans.at(0).length, 5);
    QVERIFY(l.spans.at(0).style.bold);
    QVERIFY(l.spans.at(0).style.underline);
    QCOMPARE(l.spans.at(0).style.foreground, (AnsiColor{AnsiColor::Kind::Indexed, 2}));
    QVERIFY(!l.spans.at(1).style.bold); // 22 ends bold
    QVERIFY(l.spans.at(1).style.underline);
    const StyledLine bright = parseAnsi("\x1b[93;104mx");
    QCOMPARE(bright.spans.at(0).style.foreground.value, 11u);
    QCOMPARE(bright.spans.at(0).style.background.value, 12u);
    const StyledLine styles = parseAnsi("\x1b[2;3;7;9mx");
    QVERIFY(styles.spans.at(0).style.dim && styles.spans.at(0).style.italic
            && styles.spans.at(0).style.inverse && styles.spans.at(0).style.strike);
}

void TestAnsi::sgr_256AndTruecolor()
{
    const StyledLine l = parseAnsi("\x1b[38;5;208ma\x1b[48;2;10;20;30mb\x1b[38:2:255:0:128mc");
    QCOMPARE(l.text, QString("abc"));
    QCOMPARE(l.spans.size(), 3);
    QCOMPARE(l.spans.at(0).style.foreground, (AnsiColor{AnsiColor::Kind::Indexed, 208}));
    QCOMPARE(l.spans.at(1).style.background, (AnsiColor{AnsiColor::Kind::Rgb, 0x0a141e}));
    QCOMPARE(l.spans.at(2).style.foreground, (AnsiColor{AnsiColor::Kind::Rgb, 0xff0080}));
}

void TestAnsi::sgr_resetAndCarryOver()
{
    AnsiStyle carried;
    parseAnsi("\x1b[31mstarts red", &carried);
    QCOMPARE(carried.foreground.value, 1u);
    const StyledLine next = parseAnsi("still red\x1b[39m default", &carried);
    QCOMPARE(next.spans.size(), 1);
    QCOMPARE(next.spans.at(0).length, 9);
    QVERIFY(carried.isDefault());
    QCOMPARE(parseAnsi("\x1b[mreset").spans.size(), 0); // ESC[m is a reset
}

void TestAnsi::sgr_malformed_isHarmless()
{
    QCOMPARE(parseAnsi("\x1b[38;5mx").text, QString("x"));
    QCOMPARE(parseAnsi("\x1b[38;2;1mx").text, QString("x"));
    QCOMPARE(parseAnsi("\x1b[38;5;99999mx").spans.at(0).style.foreground.value, 255u);
    QCOMPARE(parseAnsi("\x1b[999999999999999999mx").text, QString("x"));
    QCOMPARE(parseAnsi(QByteArray(10000, '\x1b')).text, QString());
}

void TestAnsi::invalidUtf8_becomesReplacement()
{
    const StyledLine l = parseAnsi("ok \xff\xfe end");
    QVERIFY(l.text.startsWith("ok "));
    QVERIFY(l.text.contains(QChar::ReplacementCharacter));
    QVERIFY(l.text.endsWith(" end"));
    // Spans count in characters after decoding.
    const StyledLine colored = parseAnsi(QByteArray("\xc3\xa9\xc3\xa9 \x1b[31mred"));
    QCOMPARE(colored.spans.at(0).start, 3);
}

void TestAnsi::palette()
{
    QCOMPARE(ansiPalette(1), 0xcd0000u);
    QCOMPARE(ansiPalette(16), 0x000000u);
    QCOMPARE(ansiPalette(231), 0xffffffu);
    QCOMPARE(ansiPalette(232), 0x080808u);
    QCOMPARE(ansiPalette(255), 0xeeeeeeu);
}

void TestAnsi::level_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<LogLevel>("level");
    QTest::newRow("uvicorn") << QByteArray("INFO:     127.0.0.1:5000 - \"GET / HTTP/1.1\" 200") << LogLevel::Info;
    QTest::newRow("python logging") << QByteArray("ERROR:root:connection lost") << LogLevel::Error;
    QTest::newRow("bracketed") << QByteArray("2026/11/29 07:00:00 [warn] 1#1: conflicting server") << LogLevel::Warning;
    QTest::newRow("nginx error") << QByteArray("2026/11/29 07:00:00 [error] 7#7: *1 open() failed") << LogLevel::Error;
    QTest::newRow("key=value") << QByteArray("time=2026 level=debug msg=\"tick\"") << LogLevel::Debug;
    QTest::newRow("json") << QByteArray("{\"ts\":1,\"level\":\"warn\",\"msg\":\"slow\"}") << LogLevel::Warning;
    QTest::newRow("postgres log") << QByteArray("2026-11-29 07:00:00 UTC LOG:  checkpoint complete") << LogLevel::Info;
    QTest::newRow("postgres fatal") << QByteArray("FATAL:  password authentication failed") << LogLevel::Error;
    QTest::newRow("glog") << QByteArray("E1129 07:00:00.000000   1 main.go:42] boom") << LogLevel::Error;
    QTest::newRow("redis warning") << QByteArray("1:M 29 Nov 2026 # WARNING overcommit_memory is set") << LogLevel::Warning;
    QTest::newRow("coloured") << QByteArray("\x1b[31mERROR\x1b[0m failed") << LogLevel::Error;
    QTest::newRow("critical") << QByteArray("CRITICAL worker died") << LogLevel::Error;
    QTest::newRow("word inside is not a level") << QByteArray("no errors found, information only") << LogLevel::Unknown;
    QTest::newRow("lowercase bare word is not a level") << QByteArray("an error happened") << LogLevel::Unknown;
    QTest::newRow("plain") << QByteArray("server started") << LogLevel::Unknown;
    QTest::newRow("demo backend") << QByteArray("WARN backend: slow query on reports (15)") << LogLevel::Warning;
}

void TestAnsi::level()
{
    QFETCH(QByteArray, line);
    QFETCH(LogLevel, level);
    QCOMPARE(recogniseLevel(line), level);
}

QTEST_GUILESS_MAIN(TestAnsi)
#include "tst_ansi.moc"
