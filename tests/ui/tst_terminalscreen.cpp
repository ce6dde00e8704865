// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The terminal's cell grid on libvterm (TerminalScreen) fed bytes as a program writes them, and
// the widget's screen-model features that need no engine (search, selection, paste), offline.
#include "terminal/terminalscreen.h"
#include "terminal/terminalwidget.h"

#include <QApplication>
#include <QClipboard>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

#include <cstring>

using namespace DevDock;
using Ui::TerminalCell;
using Ui::TerminalScreen;

namespace {

enum class Colour { Default, Indexed, Rgb };

struct ExpectedColour
{
    Colour kind = Colour::Default;
    int index = 0;
    int r = 0;
    int g = 0;
    int b = 0;
};

void write(TerminalScreen &s, const QByteArray &bytes)
{
    s.write(bytes.data(), bytes.size());
}

QByteArray lines(int from, int count, const char *prefix = "line ")
{
    QByteArray out;
    for (int i = from; i < from + count; ++i) {
        out += prefix + QByteArray::number(i) + "\r\n";
    }
    return out;
}

// Everything a screen shows or keeps: the text (readable when a comparison fails) and, cell by
// cell, every field of its look, so two screens can be compared whole.
QString dump(const TerminalScreen &s)
{
    QString out = QStringLiteral("cursor %1,%2 scrollback %3 dropped %4 alt %5\n")
                      .arg(s.cursorRow())
                      .arg(s.cursorColumn())
                      .arg(s.scrollbackSize())
                      .arg(s.droppedLines())
                      .arg(s.isAlternateScreen());
    for (int i = 0; i < s.lineCount(); ++i) {
        out += s.lineText(i) + QLatin1Char('\n');
    }
    return out;
}

QByteArray cells(const TerminalScreen &s)
{
    QByteArray out;
    const auto put = [&out](auto value) {
        out.append(reinterpret_cast<const char *>(&value), sizeof value);
    };
    for (int i = 0; i < s.lineCount(); ++i) {
        const Ui::TerminalLine &line = s.line(i);
        put(line.size());
        for (const TerminalCell &c : line) {
            put(c.ch);
            put(c.combining);
            put(c.width);
            put(c.attrs);
            for (const VTermColor &colour : {c.fg, c.bg}) {
                put(colour.type);
                put(colour.rgb.red);
                put(colour.rgb.green);
                put(colour.rgb.blue);
            }
        }
    }
    return out;
}

QMouseEvent mouse(QEvent::Type type, QPoint pos, Qt::MouseButtons buttons)
{
    return QMouseEvent(type, QPointF(pos), QPointF(pos), Qt::LeftButton, buttons, Qt::NoModifier);
}

} // namespace

Q_DECLARE_METATYPE(ExpectedColour)

class TestTerminalScreen : public QObject
{
    Q_OBJECT
private slots:
    void sgr_colour_data();
    void sgr_colour();
    void sgr_attributes_data();
    void sgr_attributes();
    void alternateScreen_switchesAndComesBackWithPrimaryIntact();
    void scrollback_keepsScrolledLinesOldestFirst();
    void scrollback_fullRingDropsOldestAndCountsThem();
    void resize_fewerRowsPushCursorLinesUpMoreRowsBringThemBack();
    void resize_columnsClipAndPad();
    void wideCharacter_takesTwoCellsAndCombiningMarkStays();
    void skipUnseen_endsExactlyAsParsingEveryLine_data();
    void skipUnseen_endsExactlyAsParsingEveryLine();
    void widget_findAndFindNext_searchScrollbackAndScreen();
    void widget_selection_copiesTextAcrossLinesAndWideCharacters();
    void widget_paste_bracketedOnlyWhenTheProgramAsked();
    void columnOfText_countsWideCharactersAsTwoColumns();
    void widget_flood_parsedInSlicesThatReturnToTheEventLoop();
};

void TestTerminalScreen::sgr_colour_data()
{
    QTest::addColumn<QByteArray>("sequence");
    QTest::addColumn<bool>("foreground");
    QTest::addColumn<ExpectedColour>("expected");
    QTest::newRow("default") << QByteArray() << true << ExpectedColour{};
    QTest::newRow("basic red fg") << QByteArray("\x1b[31m") << true
                                  << ExpectedColour{Colour::Indexed, 1};
    QTest::newRow("bright blue fg") << QByteArray("\x1b[94m") << true
                                    << ExpectedColour{Colour::Indexed, 12};
    QTest::newRow("basic green bg") << QByteArray("\x1b[42m") << false
                                    << ExpectedColour{Colour::Indexed, 2};
    QTest::newRow("256 fg") << QByteArray("\x1b[38;5;196m") << true
                            << ExpectedColour{Colour::Indexed, 196};
    QTest::newRow("256 bg grey ramp") << QByteArray("\x1b[48;5;244m") << false
                                      << ExpectedColour{Colour::Indexed, 244};
    QTest::newRow("truecolor fg") << QByteArray("\x1b[38;2;1;128;255m") << true
                                  << ExpectedColour{Colour::Rgb, 0, 1, 128, 255};
    QTest::newRow("truecolor bg") << QByteArray("\x1b[48;2;250;20;30m") << false
                                  << ExpectedColour{Colour::Rgb, 0, 250, 20, 30};
    QTest::newRow("reset after colour") << QByteArray("\x1b[38;5;33m\x1b[0m") << true
                                        << ExpectedColour{};
    QTest::newRow("39 resets fg only") << QByteArray("\x1b[31;42m\x1b[39m") << true
                                       << ExpectedColour{};
    QTest::newRow("39 keeps bg") << QByteArray("\x1b[31;42m\x1b[39m") << false
                                 << ExpectedColour{Colour::Indexed, 2};
}

void TestTerminalScreen::sgr_colour()
{
    QFETCH(QByteArray, sequence);
    QFETCH(bool, foreground);
    QFETCH(ExpectedColour, expected);
    TerminalScreen s(5, 20);
    write(s, sequence + "X");
    const TerminalCell &cell = s.screenRow(0).at(0);
    QCOMPARE(cell.ch, char32_t('X'));
    const VTermColor &c = foreground ? cell.fg : cell.bg;
    switch (expected.kind) {
    case Colour::Default:
        QVERIFY(foreground ? VTERM_COLOR_IS_DEFAULT_FG(&c) : VTERM_COLOR_IS_DEFAULT_BG(&c));
        break;
    case Colour::Indexed:
        QVERIFY(VTERM_COLOR_IS_INDEXED(&c));
        QVERIFY(!(foreground ? VTERM_COLOR_IS_DEFAULT_FG(&c) : VTERM_COLOR_IS_DEFAULT_BG(&c)));
        QCOMPARE(int(c.indexed.idx), expected.index);
        break;
    case Colour::Rgb:
        QVERIFY(VTERM_COLOR_IS_RGB(&c));
        QCOMPARE(int(c.rgb.red), expected.r);
        QCOMPARE(int(c.rgb.green), expected.g);
        QCOMPARE(int(c.rgb.blue), expected.b);
        break;
    }
    // The cell after the text was not written: it keeps the default look.
    QCOMPARE(s.screenRow(0).at(1).ch, char32_t(0));
}

void TestTerminalScreen::sgr_attributes_data()
{
    QTest::addColumn<QByteArray>("sequence");
    QTest::addColumn<int>("attrs");
    QTest::newRow("none") << QByteArray() << 0;
    QTest::newRow("bold") << QByteArray("\x1b[1m") << int(TerminalCell::Bold);
    QTest::newRow("italic") << QByteArray("\x1b[3m") << int(TerminalCell::Italic);
    QTest::newRow("underline") << QByteArray("\x1b[4m") << int(TerminalCell::Underline);
    QTest::newRow("double underline") << QByteArray("\x1b[21m") << int(TerminalCell::Underline);
    QTest::newRow("blink") << QByteArray("\x1b[5m") << int(TerminalCell::Blink);
    QTest::newRow("reverse") << QByteArray("\x1b[7m") << int(TerminalCell::Reverse);
    QTest::newRow("strike") << QByteArray("\x1b[9m") << int(TerminalCell::Strike);
    QTest::newRow("bold italic underline")
        << QByteArray("\x1b[1;3;4m")
        << int(TerminalCell::Bold | TerminalCell::Italic | TerminalCell::Underline);
    QTest::newRow("22 ends bold") << QByteArray("\x1b[1;4m\x1b[22m") << int(TerminalCell::Underline);
    QTest::newRow("23 ends italic") << QByteArray("\x1b[3;7m\x1b[23m") << int(TerminalCell::Reverse);
    QTest::newRow("24 ends underline") << QByteArray("\x1b[4;1m\x1b[24m") << int(TerminalCell::Bold);
    QTest::newRow("0 ends all") << QByteArray("\x1b[1;3;4;7;9m\x1b[0m") << 0;
}

void TestTerminalScreen::sgr_attributes()
{
    QFETCH(QByteArray, sequence);
    QFETCH(int, attrs);
    TerminalScreen s(5, 20);
    write(s, sequence + "A\x1b[0mB");
    QCOMPARE(int(s.screenRow(0).at(0).attrs), attrs);
    QCOMPARE(int(s.screenRow(0).at(1).attrs), 0);
    QCOMPARE(s.lineText(s.scrollbackSize()), QStringLiteral("AB"));
}

void TestTerminalScreen::alternateScreen_switchesAndComesBackWithPrimaryIntact()
{
    TerminalScreen s(6, 30);
    write(s, lines(0, 10));
    write(s, "prompt$ ");
    const int scrollback = s.scrollbackSize();
    QCOMPARE(scrollback, 5);
    const QString primary = s.lineText(s.lineCount() - 1);
    QCOMPARE(primary, QStringLiteral("prompt$"));

    write(s, "\x1b[?1049h"); // what vi, top and less send
    QVERIFY(s.isAlternateScreen());
    for (int r = 0; r < s.rows(); ++r) {
        QVERIFY2(s.lineText(scrollback + r).isEmpty(), qPrintable(s.lineText(scrollback + r)));
    }
    write(s, "\x1b[Hfull screen app");
    write(s, lines(100, 20)); // the alternate screen scrolls without a scrollback
    QCOMPARE(s.scrollbackSize(), scrollback);

    write(s, "\x1b[?1049l");
    QVERIFY(!s.isAlternateScreen());
    QCOMPARE(s.scrollbackSize(), scrollback);
    QCOMPARE(s.lineText(0), QStringLiteral("line 0"));
    QCOMPARE(s.lineText(s.lineCount() - 1), primary);
    QCOMPARE(s.lineText(s.lineCount() - 2), QStringLiteral("line 9"));
    // The cursor is back where the program found it (DECSC/DECRC of 1049).
    QCOMPARE(s.cursorRow(), s.rows() - 1);
    QCOMPARE(s.cursorColumn(), 8);
    const QString all = dump(s);
    QVERIFY(!all.contains(QLatin1String("full screen app")));
    QVERIFY(!all.contains(QLatin1String("line 100")));
}

void TestTerminalScreen::scrollback_keepsScrolledLinesOldestFirst()
{
    TerminalScreen s(10, 40);
    write(s, lines(0, 100));
    // 100 lines and the empty cursor line: 91 scrolled off the top.
    QCOMPARE(s.scrollbackSize(), 91);
    QCOMPARE(s.droppedLines(), 0);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(s.lineText(i), QStringLiteral("line %1").arg(i));
    }
    QCOMPARE(s.lineText(100), QString());
    QVERIFY(s.line(s.lineCount()).empty()); // past the end
    const TerminalScreen::Damage d = s.takeDamage();
    QCOMPARE(d.scrolled, 91);
    QVERIFY(!s.takeDamage().any());
}

void TestTerminalScreen::scrollback_fullRingDropsOldestAndCountsThem()
{
    TerminalScreen s(5, 40);
    const int total = TerminalScreen::ScrollbackLines + 500;
    write(s, lines(0, total));
    QCOMPARE(s.scrollbackSize(), TerminalScreen::ScrollbackLines);
    // total lines + the cursor line = total + 1 rows of content, 5 on screen.
    const qint64 dropped = total + 1 - 5 - TerminalScreen::ScrollbackLines;
    QCOMPARE(s.droppedLines(), dropped);
    QCOMPARE(s.lineText(0), QStringLiteral("line %1").arg(dropped));
    QCOMPARE(s.lineText(s.scrollbackSize() - 1),
             QStringLiteral("line %1").arg(dropped + TerminalScreen::ScrollbackLines - 1));
    QCOMPARE(s.lineText(s.lineCount() - 2), QStringLiteral("line %1").arg(total - 1));
}

void TestTerminalScreen::resize_fewerRowsPushCursorLinesUpMoreRowsBringThemBack()
{
    TerminalScreen s(10, 40);
    write(s, lines(0, 9)); // cursor on the last row, an empty prompt line
    QCOMPARE(s.cursorRow(), 9);
    QCOMPARE(s.scrollbackSize(), 0);
    s.resize(4, 40);
    QCOMPARE(s.rows(), 4);
    QCOMPARE(s.scrollbackSize(), 6);
    QCOMPARE(s.cursorRow(), 3);
    QCOMPARE(s.lineText(s.scrollbackSize()), QStringLiteral("line 6"));
    QCOMPARE(s.lineText(0), QStringLiteral("line 0"));
    s.resize(10, 40);
    QCOMPARE(s.scrollbackSize(), 0);
    QCOMPARE(s.cursorRow(), 9);
    QCOMPARE(s.lineText(0), QStringLiteral("line 0"));
    // Text written after the resize lands at the cursor.
    write(s, "after");
    QCOMPARE(s.lineText(9), QStringLiteral("after"));
}

void TestTerminalScreen::resize_columnsClipAndPad()
{
    TerminalScreen s(4, 12);
    write(s, "abcdefghij\r\n\x1b[41mred\x1b[0m");
    s.resize(4, 5);
    QCOMPARE(s.columns(), 5);
    // Clipped, not reflowed: the cut-off part is gone.
    QCOMPARE(s.lineText(0), QStringLiteral("abcde"));
    QCOMPARE(int(s.screenRow(0).size()), 5);
    s.resize(4, 20);
    QCOMPARE(s.lineText(0), QStringLiteral("abcde"));
    QCOMPARE(int(s.screenRow(1).size()), 20);
    // The padding is blank with the default look, whatever the pen was.
    const TerminalCell &pad = s.screenRow(1).at(15);
    QCOMPARE(pad.ch, char32_t(0));
    QVERIFY(VTERM_COLOR_IS_DEFAULT_BG(&pad.bg));
    QVERIFY(!VTERM_COLOR_IS_DEFAULT_BG(&s.screenRow(1).at(0).bg));
    write(s, "\r\n12345678901234567890");
    QCOMPARE(s.lineText(2), QStringLiteral("12345678901234567890"));
}

void TestTerminalScreen::wideCharacter_takesTwoCellsAndCombiningMarkStays()
{
    TerminalScreen s(4, 20);
    write(s, QByteArray("\xe4\xb8\xad\xe6\x96\x87x")); // 中文x
    const Ui::TerminalLine &row = s.screenRow(0);
    QCOMPARE(row.at(0).ch, char32_t(0x4e2d));
    QCOMPARE(int(row.at(0).width), 2);
    QCOMPARE(int(row.at(1).width), 0);
    QCOMPARE(row.at(2).ch, char32_t(0x6587));
    QCOMPARE(row.at(4).ch, char32_t('x'));
    QCOMPARE(s.cursorColumn(), 5);
    QCOMPARE(s.lineText(0), QString::fromUtf8("\xe4\xb8\xad\xe6\x96\x87x"));
    write(s, QByteArray("\r\ne\xcc\x81!")); // e + combining acute
    QCOMPARE(s.screenRow(1).at(0).ch, char32_t('e'));
    QCOMPARE(s.screenRow(1).at(0).combining, char32_t(0x301));
    QCOMPARE(s.screenRow(1).at(1).ch, char32_t('!'));
    QCOMPARE(s.lineText(1), QString::fromUtf8("e\xcc\x81!"));
    // A wide character that does not fit at the end of the line wraps whole.
    write(s, QByteArray("\r\n") + QByteArray(19, '-') + "\xe4\xb8\xad");
    QCOMPARE(s.lineText(2), QString(19, QLatin1Char('-')));
    QCOMPARE(s.lineText(3), QString::fromUtf8("\xe4\xb8\xad"));
}

void TestTerminalScreen::skipUnseen_endsExactlyAsParsingEveryLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("skips");
    const int n = TerminalScreen::ScrollbackLines * 3;
    const QByteArray yes = QByteArray("y\r\n").repeated(n);
    QTest::newRow("yes") << yes << true;
    QTest::newRow("numbered lines") << lines(0, n) << true;
    QTest::newRow("coloured pen carries into the flood")
        << QByteArray("\x1b[38;2;9;99;199m\x1b[1mbold\r\n") + lines(0, n) << true;
    QTest::newRow("flood, colour change, flood")
        << lines(0, n) + "\x1b[42mgreen\r\n" + lines(n, n) << true;
    QTest::newRow("cursor up then flood") << lines(0, 40) + "\x1b[20A" + lines(40, n) << true;
    QTest::newRow("line drawing charset") << QByteArray("\x1b(0") + yes << true;
    QTest::newRow("scroll region: no skip") << QByteArray("\x1b[2;8r") + lines(0, n) << false;
    QTest::newRow("scroll region down to the last row: no skip")
        << lines(0, 100) + "\x1b[5;24r" + lines(0, n) << false;
    QTest::newRow("region set by a CSI cut by line feeds: no skip")
        << lines(0, 100) + "\x1b[5;24" + QByteArray(30, '\n') + "r" + lines(0, n) << false;
    QTest::newRow("open OSC string swallows the text: no skip")
        << QByteArray("\x1b]0;title ") + lines(0, n) << false;
    QTest::newRow("OSC ended by BEL, then flood")
        << QByteArray("\x1b]0;title\x07") + lines(0, n) << true;
    QTest::newRow("alternate screen: no skip") << QByteArray("\x1b[?1049h") + lines(0, n) << false;
    QTest::newRow("alternate screen left again")
        << QByteArray("\x1b[?1049h") + lines(0, 50) + "\x1b[?1049l" + lines(0, n) << true;
    QTest::newRow("lines reaching the last column (wrap): no skip")
        << QByteArray(QByteArray(80, 'w') + "\r\n").repeated(n) << false;
    QTest::newRow("long lines: the lines parsed after a skip would be too many, no skip")
        << QByteArray(QByteArray(78, 'w') + "\r\n").repeated(n) << false;
    QTest::newRow("short lines then a wrapping one, then short ones")
        << lines(0, n) + QByteArray(200, 'z') + "\r\n" + lines(n, n) << true;
    QTest::newRow("line feeds without carriage return: no skip")
        << QByteArray("y\n").repeated(n) << false;
    QTest::newRow("UTF-8 text: no skip") << QByteArray("\xc3\xbc\r\n").repeated(n) << false;
    QTest::newRow("carriage return overwrites")
        << QByteArray("abcdef\rXY\r\n").repeated(n) << true;
}

// Two screens get the same bytes: one parses all of them, the other skips what it can as the
// widget does. Every line kept, every cell's look, the cursor and the line numbering agree.
void TestTerminalScreen::skipUnseen_endsExactlyAsParsingEveryLine()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, skips);
    TerminalScreen parsed(24, 80);
    TerminalScreen skipping(24, 80);
    constexpr qsizetype chunk = 4096;
    for (qsizetype at = 0; at < bytes.size(); at += chunk) {
        parsed.write(bytes.constData() + at, std::min(chunk, bytes.size() - at));
    }
    qsizetype skipped = 0;
    int scrolled = 0;
    qsizetype retryAt = 0; // as the widget does: a failed scan is not repeated before its end
    for (qsizetype at = 0; at < bytes.size();) {
        const QByteArrayView rest(bytes.constData() + at, bytes.size() - at);
        qsizetype took = 0;
        if (at >= retryAt) {
            qsizetype scanned = 0;
            took = skipping.skipUnseen(rest, &scanned);
            if (took == 0 && scanned > 0) {
                retryAt = scanned < rest.size() ? at + scanned : bytes.size();
            }
        }
        if (took > 0) {
            skipped += took;
        } else {
            took = std::min(chunk, rest.size());
            skipping.write(rest.data(), took);
        }
        scrolled += skipping.takeDamage().scrolled;
        at += took;
    }
    QCOMPARE(skipped > 0, skips);
    QCOMPARE(dump(skipping), dump(parsed));
    QVERIFY(cells(skipping) == cells(parsed));
    QCOMPARE(scrolled, parsed.takeDamage().scrolled);
    // Both go on alike.
    const QByteArray more = "\x1b[33mafter\x1b[0m\r\n" + lines(0, 30);
    write(parsed, more);
    write(skipping, more);
    QCOMPARE(dump(skipping), dump(parsed));
    QVERIFY(cells(skipping) == cells(parsed));
}

void TestTerminalScreen::widget_findAndFindNext_searchScrollbackAndScreen()
{
    Ui::TerminalWidget t;
    t.resize(640, 200);
    t.show();
    QVERIFY(QTest::qWaitForWindowExposed(&t));
    t.feed(QByteArray(lines(0, 300) + "needle in view\r\n"));
    t.flushInput();
    QVERIFY(t.scrollbackSize() > 250);
    QCOMPARE(t.find(QStringLiteral("LINE 42")), QList<int>{42}); // case-insensitive
    QCOMPARE(t.find(QStringLiteral("line 29")).size(), 11);      // 29, 290..299
    // Backwards from the live screen: the newest hit first, then older ones, then it wraps.
    QVERIFY(t.findNext(QStringLiteral("line 29"), true));
    QCOMPARE(t.currentMatch().line, 299);
    QVERIFY(t.findNext(QStringLiteral("line 29"), true));
    QCOMPARE(t.currentMatch().line, 298);
    // A hit in the scrollback scrolls the view to it.
    QVERIFY(t.findNext(QStringLiteral("line 7:"), true) == false);
    QVERIFY(t.findNext(QStringLiteral("line 7"), false));
    const int hit = t.currentMatch().line;
    QVERIFY(t.lineText(hit).contains(QLatin1String("line 7")));
    QVERIFY(t.scrollOffset() > 0);
    QVERIFY(hit >= t.lineAtViewRow(0) && hit < t.lineAtViewRow(t.rows()));
    QCOMPARE(t.currentMatch().column, 0);
    QCOMPARE(t.currentMatch().length, 6);
    t.clearSearch();
    QVERIFY(!t.currentMatch().isValid());
}

void TestTerminalScreen::widget_selection_copiesTextAcrossLinesAndWideCharacters()
{
    Ui::TerminalWidget t;
    t.resize(640, 200);
    t.show();
    QVERIFY(QTest::qWaitForWindowExposed(&t));
    t.feed(QByteArray("first line\r\nsecond \xe4\xb8\xad\xe6\x96\x87 end\r\nthird"));
    t.flushInput();
    const QSize cell = t.cellSize();
    const auto at = [&](int column, int row) {
        return QPoint(column * cell.width() + cell.width() / 2, row * cell.height() + 1);
    };
    auto press = mouse(QEvent::MouseButtonPress, at(6, 0), Qt::LeftButton);
    QCoreApplication::sendEvent(&t, &press);
    auto move = mouse(QEvent::MouseMove, at(10, 1), Qt::LeftButton);
    QCoreApplication::sendEvent(&t, &move);
    // Column 10 is the right half of 文: the wide character is copied once, nothing after it.
    QCOMPARE(t.selectedText(), QString::fromUtf8("line\nsecond \xe4\xb8\xad\xe6\x96\x87"));
    t.copySelection();
    QCOMPARE(QApplication::clipboard()->text(), t.selectedText());
    auto single = mouse(QEvent::MouseMove, at(2, 2), Qt::LeftButton);
    QCoreApplication::sendEvent(&t, &single);
    QCOMPARE(t.selectedText(), QString::fromUtf8("line\nsecond \xe4\xb8\xad\xe6\x96\x87 end\nthi"));
}

void TestTerminalScreen::columnOfText_countsWideCharactersAsTwoColumns()
{
    TerminalScreen s(4, 30);
    write(s, QByteArray("ab\xe4\xb8\xad\xe6\x96\x87" "cd\xf0\x9f\x98\x80x")); // ab中文cd😀x
    const QString text = s.lineText(0);
    QCOMPARE(s.columnOfText(0, text.indexOf(QLatin1Char('a'))), 0);
    QCOMPARE(s.columnOfText(0, text.indexOf(QChar(0x4e2d))), 2);
    QCOMPARE(s.columnOfText(0, text.indexOf(QChar(0x6587))), 4);
    QCOMPARE(s.columnOfText(0, text.indexOf(QLatin1Char('c'))), 6);
    QCOMPARE(s.columnOfText(0, text.indexOf(QLatin1Char('x'))), 10); // 😀: 2 UTF-16, 2 columns
    QCOMPARE(s.lineText(0, 2, 6), QString::fromUtf8("\xe4\xb8\xad\xe6\x96\x87"));
}

void TestTerminalScreen::widget_paste_bracketedOnlyWhenTheProgramAsked()
{
    Ui::TerminalWidget t;
    QSignalSpy input(&t, &Ui::TerminalWidget::inputReady);
    QApplication::clipboard()->setText(QStringLiteral("echo a\necho b"));
    const auto sent = [&] {
        QByteArray all;
        for (const QList<QVariant> &args : input) {
            all += args.at(0).toByteArray();
        }
        input.clear();
        return all;
    };
    t.paste();
    QCOMPARE(sent(), QByteArray("echo a\recho b"));
    t.feed("\x1b[?2004h"); // bash and zsh ask for bracketed paste at their prompt
    t.flushInput();
    t.paste();
    QCOMPARE(sent(), QByteArray("\x1b[200~echo a\recho b\x1b[201~"));
    t.feed("\x1b[?2004l");
    t.flushInput();
    t.paste();
    QCOMPARE(sent(), QByteArray("echo a\recho b"));
}

void TestTerminalScreen::widget_flood_parsedInSlicesThatReturnToTheEventLoop()
{
    Ui::TerminalWidget t;
    t.resize(640, 400);
    t.show();
    QVERIFY(QTest::qWaitForWindowExposed(&t));
    // Coloured lines (no skipping): each slice parses a bounded part, then the loop turns.
    QByteArray flood;
    for (int i = 0; flood.size() < 8 * 1024 * 1024; ++i) {
        flood += "\x1b[3" + QByteArray::number(i % 8) + "mcoloured " + QByteArray::number(i)
                 + "\x1b[0m\r\n";
    }
    t.feed(flood);
    QCOMPARE(t.bytesParsed(), 0); // queued, not parsed inside feed()
    int turns = 0;
    QTimer beat;
    QObject::connect(&beat, &QTimer::timeout, [&] { ++turns; });
    beat.start(0);
    QVERIFY(QTest::qWaitFor([&] { return t.pendingBytes() == 0; }, 120000));
    beat.stop();
    QCOMPARE(t.bytesParsed(), flood.size());
    QVERIFY2(turns > 10, qPrintable(QString::number(turns)));
    QVERIFY(t.rowText(t.cursorRow() - 1).startsWith(QLatin1String("coloured ")));
}

QTEST_MAIN(TestTerminalScreen)
#include "tst_terminalscreen.moc"
