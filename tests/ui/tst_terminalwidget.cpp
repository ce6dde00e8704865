// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The terminal against the real engine: a shell in a busybox container, typed into and read back
// through the screen model.
#include "../common/dockertest.h"

#include "common/thememanager.h"
#include "engine/engineclient.h"
#include "terminal/terminalsession.h"
#include "terminal/terminalwidget.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QAction>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace DevDock;
using namespace DevDock::Test;

class TestTerminalWidget : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void shell_echoArithmetic_readsFortyTwo();
    void windowShortcuts_leaveTheShellsControlKeys_keepCtrlTab();
    void resize_sttySizeReportsNewSize();
    void vi_switchesToAlternateScreenAndBack();
    void scrollback_wheelAndShiftPageUpScrollBackTypingReturns();
    void search_ctrlShiftF_findsScrollbackLineAndHighlightsIt();
    void zoom_ctrlPlusMinusZeroAndApplicationFont();
    void colours_defaultsFollowLightAndDarkPalette();
    void exit_showsExitCodeAndReconnect();
    void containerRestart_endsSessionWithMessageAndReconnects();
    void containerStop_endsSessionWithMessage();

private:
    bool waitForScreen(const QString &text, int timeoutMs = 15000);
    void type(const QByteArray &text);

    std::unique_ptr<Core::EngineClient> m_client;
    std::unique_ptr<Ui::TerminalSession> m_session;
    QString m_container;
};

void TestTerminalWidget::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    m_container = runContainer({"--init"}, "sleep 3600");
    QVERIFY(!m_container.isEmpty());
    auto endpoint = Core::EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    m_client = std::make_unique<Core::EngineClient>(*endpoint);
    m_session = std::make_unique<Ui::TerminalSession>(m_client.get(), m_container, "box");
    m_session->resize(800, 500);
    m_session->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_session.get()));
    QSignalSpy connected(m_session.get(), &Ui::TerminalSession::connected);
    m_session->connectSession();
    QVERIFY(connected.wait(20000));
    QVERIFY(waitForScreen("/ #"));
}

void TestTerminalWidget::cleanupTestCase()
{
    m_session.reset();
    if (!m_container.isEmpty()) {
        docker({"rm", "-f", m_container});
    }
}

bool TestTerminalWidget::waitForScreen(const QString &text, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            m_session->terminal()->flushInput();
            return m_session->terminal()->screenText().contains(text);
        },
        timeoutMs);
}

void TestTerminalWidget::type(const QByteArray &text)
{
    // Through the widget's key handling, as a person types.
    QTest::keyClicks(m_session->terminal(), QString::fromUtf8(text));
    QTest::keyClick(m_session->terminal(), Qt::Key_Return);
}

void TestTerminalWidget::shell_echoArithmetic_readsFortyTwo()
{
    type("echo $((6*7))");
    QVERIFY2(waitForScreen("\n42"), qPrintable(m_session->terminal()->screenText()));
}

// The window's Stack shortcuts (Ctrl+U Up, Ctrl+R Restart …) are window-wide: typed in a shell,
// the key is the shell's (Ctrl+U kills the line), not a stack action. Ctrl+Tab (switching
// projects) stays the window's.
void TestTerminalWidget::windowShortcuts_leaveTheShellsControlKeys_keepCtrlTab()
{
    QAction up(m_session.get());
    up.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    up.setShortcutContext(Qt::WindowShortcut);
    QAction next(m_session.get());
    next.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Tab));
    next.setShortcutContext(Qt::WindowShortcut);
    m_session->addAction(&up);
    m_session->addAction(&next);
    QSignalSpy upTriggered(&up, &QAction::triggered);
    QSignalSpy nextTriggered(&next, &QAction::triggered);
    m_session->activateWindow();
    m_session->terminal()->setFocus();
    QTest::keyClicks(m_session->terminal(), QStringLiteral("echo abc"));
    QTest::keyClick(m_session->terminal(), Qt::Key_U, Qt::ControlModifier);
    type("echo ok$((1+1))");
    QVERIFY2(waitForScreen("\nok2"), qPrintable(m_session->terminal()->screenText()));
    QVERIFY(!m_session->terminal()->screenText().contains("abcecho"));
    QCOMPARE(upTriggered.size(), 0);
    QTest::keyClick(m_session->terminal(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(nextTriggered.size(), 1);
    m_session->removeAction(&up);
    m_session->removeAction(&next);
}

void TestTerminalWidget::resize_sttySizeReportsNewSize()
{
    Ui::TerminalWidget *t = m_session->terminal();
    QSignalSpy resized(t, &Ui::TerminalWidget::sizeChanged);
    m_session->resize(560, 400);
    QTRY_VERIFY(resized.count() > 0);
    QTest::qWait(200); // the layout settles
    const QString expected = QStringLiteral("%1 %2").arg(t->rows()).arg(t->columns());
    QVERIFY(t->rows() != 0 && !t->screenText().contains(expected));
    // The resize request and the typed line race on two connections: ask again until it lands.
    bool seen = false;
    for (int attempt = 0; attempt < 5 && !seen; ++attempt) {
        type("stty size");
        seen = waitForScreen(expected, 2000);
    }
    QVERIFY2(seen, qPrintable(t->screenText()));
}

void TestTerminalWidget::vi_switchesToAlternateScreenAndBack()
{
    Ui::TerminalWidget *t = m_session->terminal();
    QVERIFY(!t->isAlternateScreen());
    type("vi /tmp/x");
    QTRY_VERIFY_WITH_TIMEOUT((t->flushInput(), t->isAlternateScreen()), 15000);
    QTest::keyClick(t, Qt::Key_Escape);
    QTest::qWait(300); // vi tells a lone Escape from an escape sequence by time
    QTest::keyClicks(t, ":q!");
    QTest::keyClick(t, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT((t->flushInput(), !t->isAlternateScreen()), 15000);
}

void TestTerminalWidget::scrollback_wheelAndShiftPageUpScrollBackTypingReturns()
{
    Ui::TerminalWidget *t = m_session->terminal();
    QTest::qWait(100); // the layout settles (the earlier tests resized the session)
    type("clear; for i in $(seq 1 150); do printf 'row-%03d\\n' $i; done");
    QVERIFY2(waitForScreen("row-150"), qPrintable(t->screenText()));
    QVERIFY(t->scrollbackSize() >= 150 - t->rows());
    QCOMPARE(t->scrollOffset(), 0);
    // The view row 0 shows scrollback once scrolled: three lines a wheel notch.
    QWheelEvent wheel(QPointF(10, 10), t->mapToGlobal(QPointF(10, 10)), {}, QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(t, &wheel);
    QCOMPARE(t->scrollOffset(), 3);
    QCOMPARE(m_session->scrollBar()->value(), t->scrollbackSize() - 3);
    const int top = t->lineAtViewRow(0);
    const int page = t->rows() - 1;
    QTest::keyClick(t, Qt::Key_PageUp, Qt::ShiftModifier);
    QCOMPARE(t->scrollOffset(), 3 + page);
    QCOMPARE(t->lineAtViewRow(0), top - page);
    // What the view shows is what the lines say: the top row of the view is an older row.
    QVERIFY2(t->lineText(t->lineAtViewRow(0)).startsWith("row-"),
             qPrintable(t->lineText(t->lineAtViewRow(0))));
    QTest::keyClick(t, Qt::Key_PageDown, Qt::ShiftModifier);
    QCOMPARE(t->scrollOffset(), 3);
    // Typing goes to the live screen.
    QTest::keyClick(t, Qt::Key_Space);
    QCOMPARE(t->scrollOffset(), 0);
    QTest::keyClick(t, Qt::Key_Backspace);
}

void TestTerminalWidget::search_ctrlShiftF_findsScrollbackLineAndHighlightsIt()
{
    Ui::TerminalWidget *t = m_session->terminal();
    QVERIFY(waitForScreen("row-150"));
    QVERIFY(!m_session->searchBar()->isVisible());
    QTest::keyClick(t, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_session->searchBar()->isVisible());
    // The window's focus (it may be inactive under Xvfb without a window manager).
    QCOMPARE(m_session->focusWidget(), m_session->searchField());
    // row-007 scrolled off long ago: the view goes back to it.
    QTest::keyClicks(m_session->searchField(), "ROW-007");
    const auto match = t->currentMatch();
    QVERIFY(match.isValid());
    QCOMPARE(t->lineText(match.line), QStringLiteral("row-007"));
    QCOMPARE(match.column, 0);
    QCOMPARE(match.length, 7);
    QVERIFY(t->scrollOffset() > 0);
    const int viewRow = match.line - t->lineAtViewRow(0);
    QVERIFY(viewRow >= 0 && viewRow < t->rows());
    // Painted in the palette's highlight colour.
    QTRY_VERIFY([&] {
        const QImage shot = t->grab().toImage();
        const QPoint inCell(t->cellSize().width() / 2 + 0 * t->cellSize().width(),
                            viewRow * t->cellSize().height() + 1);
        const QColor c = shot.pixelColor(inCell * shot.devicePixelRatio());
        return c == t->palette().color(QPalette::Highlight);
    }());
    // Pictures of the hit in both themes (README, reviews), when asked for.
    if (const QString dir = qEnvironmentVariable("DEVDOCK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        const QPalette before = QApplication::palette();
        for (const auto &[name, pal] : {std::pair("light", Ui::ThemeManager::lightPalette()),
                                        std::pair("dark", Ui::ThemeManager::darkPalette())}) {
            QApplication::setPalette(pal);
            QTest::qWait(100);
            QVERIFY(m_session->grab().save(QDir(dir).filePath(
                QStringLiteral("terminal-search-%1.png").arg(QLatin1String(name)))));
        }
        QApplication::setPalette(before);
    }
    // Enter steps to the next hit; none for a text that is not there.
    QTest::keyClicks(m_session->searchField(), "x");
    QVERIFY(!t->currentMatch().isValid());
    QVERIFY(!t->findNext("no-such-row"));
    // Escape closes the bar, clears the hits and returns to the live screen.
    QTest::keyClick(m_session->searchField(), Qt::Key_Escape);
    QVERIFY(!m_session->searchBar()->isVisible());
    QCOMPARE(t->scrollOffset(), 0);
    QCOMPARE(m_session->focusWidget(), t);
}

void TestTerminalWidget::zoom_ctrlPlusMinusZeroAndApplicationFont()
{
    Ui::TerminalWidget *t = m_session->terminal();
    QTest::qWait(100); // the search bar's space goes back to the terminal
    const QSize cell = t->cellSize();
    const int rows = t->rows();
    QCOMPARE(t->terminalFont().pointSizeF(), QApplication::font().pointSizeF());
    QTest::keyClick(t, Qt::Key_Plus, Qt::ControlModifier);
    QTest::keyClick(t, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(t->zoom(), 2);
    QVERIFY(t->cellSize().height() > cell.height());
    QVERIFY(t->rows() < rows);
    QTest::keyClick(t, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(t->zoom(), 1);
    QTest::keyClick(t, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(t->zoom(), 0);
    QCOMPARE(t->cellSize(), cell);
    // The application's font size (settings, desktop scaling) carries over.
    const QFont appFont = QApplication::font();
    QFont big = appFont;
    big.setPointSizeF(appFont.pointSizeF() * 2);
    QApplication::setFont(big);
    QTRY_VERIFY(t->cellSize().height() > cell.height());
    QCOMPARE(t->terminalFont().pointSizeF(), big.pointSizeF());
    QVERIFY(t->terminalFont().fixedPitch() || QFontInfo(t->terminalFont()).fixedPitch());
    QApplication::setFont(appFont);
    QTRY_COMPARE(t->cellSize(), cell);
    QTRY_COMPARE(t->rows(), rows);
}

void TestTerminalWidget::colours_defaultsFollowLightAndDarkPalette()
{
    Ui::TerminalWidget *t = m_session->terminal();
    t->flushInput();
    // A blank cell far right of the prompt shows the default background; the prompt's '/' the
    // default foreground (antialiased: its darkest/lightest pixel).
    const auto sample = [&] {
        QTest::qWait(50);
        const QImage shot = t->grab().toImage();
        const int y = t->cursorRow() * t->cellSize().height();
        const QColor bg = shot.pixelColor(QPoint(t->width() - 4, y + 2) * shot.devicePixelRatio());
        QColor strongest = bg;
        int best = 0;
        for (int x = 0; x < t->cellSize().width() * 3; ++x) {
            for (int dy = 0; dy < t->cellSize().height(); ++dy) {
                const QColor c = shot.pixelColor(QPoint(x, y + dy) * shot.devicePixelRatio());
                const int d = std::abs(c.lightness() - bg.lightness());
                if (d > best) {
                    best = d;
                    strongest = c;
                }
            }
        }
        return std::pair(bg, strongest);
    };
    const QPalette before = QApplication::palette();
    for (const QPalette &pal : {Ui::ThemeManager::lightPalette(), Ui::ThemeManager::darkPalette()}) {
        QApplication::setPalette(pal);
        const auto [bg, fg] = sample();
        QCOMPARE(bg, pal.color(QPalette::Base));
        // Antialiasing leaves the glyph's core a shade off the pen.
        const QColor text = pal.color(QPalette::Text);
        QVERIFY2(std::abs(fg.red() - text.red()) + std::abs(fg.green() - text.green())
                         + std::abs(fg.blue() - text.blue())
                     <= 24,
                 qPrintable(fg.name() + " vs " + text.name()));
    }
    QApplication::setPalette(before);
}

void TestTerminalWidget::exit_showsExitCodeAndReconnect()
{
    QSignalSpy ended(m_session.get(), &Ui::TerminalSession::ended);
    type("exit 3");
    QVERIFY(ended.wait(15000));
    QCOMPARE(m_session->lastExitCode(), 3);
    QVERIFY(waitForScreen("code 3"));
    auto *reconnect = m_session->findChild<QPushButton *>();
    QVERIFY(reconnect && reconnect->isVisible());
    QSignalSpy connected(m_session.get(), &Ui::TerminalSession::connected);
    QTest::mouseClick(reconnect, Qt::LeftButton);
    QVERIFY(connected.wait(20000));
}

void TestTerminalWidget::containerRestart_endsSessionWithMessageAndReconnects()
{
    QVERIFY(m_session->isConnected());
    QSignalSpy ended(m_session.get(), &Ui::TerminalSession::ended);
    QVERIFY(docker({"restart", "-t", "1", m_container}).exitCode == 0);
    QVERIFY(ended.wait(30000));
    const QString message = ended.first().first().toString();
    QVERIFY2(message.contains("restarted"), qPrintable(message));
    QVERIFY(waitForScreen(message));
    auto *reconnect = m_session->findChild<QPushButton *>();
    QVERIFY(reconnect && reconnect->isVisible());
    // The new shell is in the new container process: it answers.
    QSignalSpy connected(m_session.get(), &Ui::TerminalSession::connected);
    QTest::mouseClick(reconnect, Qt::LeftButton);
    QVERIFY(connected.wait(20000));
    QVERIFY(!reconnect->isVisible());
    type("echo $((7*6))restarted");
    QVERIFY2(waitForScreen("42restarted"), qPrintable(m_session->terminal()->screenText()));
}

void TestTerminalWidget::containerStop_endsSessionWithMessage()
{
    QVERIFY(m_session->isConnected());
    QSignalSpy ended(m_session.get(), &Ui::TerminalSession::ended);
    docker({"stop", "-t", "1", m_container});
    QVERIFY(ended.wait(30000));
    QVERIFY2(ended.first().first().toString().contains("stopped"),
             qPrintable(ended.first().first().toString()));
}

QTEST_MAIN(TestTerminalWidget)
#include "tst_terminalwidget.moc"
