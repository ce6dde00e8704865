// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The terminal against the real engine: a shell in a busybox container, typed into and read back
// through the screen model.
#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "terminal/terminalsession.h"
#include "terminal/terminalwidget.h"

#include <QSignalSpy>
#include <QPushButton>
#include <QTest>

using namespace DevDock;
using namespace DevDock::Test;

class TestTerminalWidget : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void shell_echoArithmetic_readsFortyTwo();
    void resize_sttySizeReportsNewSize();
    void vi_switchesToAlternateScreenAndBack();
    void exit_showsExitCodeAndReconnect();
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
