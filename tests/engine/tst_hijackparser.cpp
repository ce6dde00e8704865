// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The hijacked connection of exec/attach: head, then raw stream bytes; split at every offset.
#include "engine/hijackparser.h"

#include <QTest>

using DevDock::Core::HijackParser;

namespace {

struct Parsed
{
    HijackParser::State state;
    int status = 0;
    QByteArray stream;
    QByteArray refusal;
};

Parsed parse(const QByteArray &bytes, qsizetype split, bool closeAtEnd)
{
    HijackParser parser;
    Parsed out;
    const auto sink = [&out](QByteArrayView b) { out.stream.append(b); };
    parser.feed(QByteArrayView(bytes).first(split), sink);
    parser.feed(QByteArrayView(bytes).sliced(split), sink);
    out.state = closeAtEnd ? parser.finish() : parser.state();
    out.status = parser.statusCode();
    out.refusal = parser.refusalBody();
    return out;
}

} // namespace

class TestHijackParser : public QObject
{
    Q_OBJECT
private slots:
    void feed_splitAnywhere_sameResult_data();
    void feed_splitAnywhere_sameResult();
    void feed_garbage_isError();
    void finish_beforeHead_isError();
};

void TestHijackParser::feed_splitAnywhere_sameResult_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("close");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArray>("refusal");
    const QByteArray upgrade = "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-"
                               "stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
    QTest::newRow("101, stream after head") << upgrade + "$ \x1b[1mhi\r\n" << false
                                            << int(HijackParser::State::Streaming) << 101
                                            << QByteArray("$ \x1b[1mhi\r\n") << QByteArray();
    QTest::newRow("101, stream that looks like HTTP")
        << upgrade + "HTTP/1.1 200 OK\r\n\r\n" << true << int(HijackParser::State::Streaming)
        << 101 << QByteArray("HTTP/1.1 200 OK\r\n\r\n") << QByteArray();
    const QByteArray frame("\x01\0\0\0\0\0\0\x03hi\n", 11);
    QTest::newRow("older engine: 200 and raw stream")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n")
               + frame
        << true << int(HijackParser::State::Streaming) << 200 << frame << QByteArray();
    QTest::newRow("200 announcing a length it does not keep to")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nabcdef") << false
        << int(HijackParser::State::Streaming) << 200 << QByteArray("abcdef") << QByteArray();
    const QByteArray conflict = "{\"message\":\"Container abc is not running\"}\n";
    QTest::newRow("refusal with length, connection stays open")
        << QByteArray("HTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\nContent-Length: ")
               + QByteArray::number(conflict.size()) + "\r\n\r\n" + conflict
        << false << int(HijackParser::State::RefusalComplete) << 409 << QByteArray() << conflict;
    QTest::newRow("chunked refusal")
        << QByteArray("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "5\r\nno ex\r\n3\r\nec!\r\n0\r\n\r\n")
        << false << int(HijackParser::State::RefusalComplete) << 404 << QByteArray()
        << QByteArray("no exec!");
    QTest::newRow("refusal cut short")
        << QByteArray("HTTP/1.1 500 Server Error\r\nContent-Length: 100\r\n\r\npartial") << true
        << int(HijackParser::State::RefusalComplete) << 500 << QByteArray()
        << QByteArray("partial");
}

void TestHijackParser::feed_splitAnywhere_sameResult()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, close);
    QFETCH(int, state);
    QFETCH(int, status);
    QFETCH(QByteArray, stream);
    QFETCH(QByteArray, refusal);
    for (qsizetype split = 0; split <= bytes.size(); ++split) {
        const Parsed p = parse(bytes, split, close);
        QVERIFY2(int(p.state) == state, qPrintable(QString::number(split)));
        QCOMPARE(p.status, status);
        QCOMPARE(p.stream, stream);
        QCOMPARE(p.refusal, refusal);
    }
    // Byte by byte.
    HijackParser parser;
    QByteArray out;
    for (char c : bytes) {
        parser.feed(QByteArrayView(&c, 1), [&out](QByteArrayView b) { out.append(b); });
    }
    QCOMPARE(out, stream);
}

void TestHijackParser::feed_garbage_isError()
{
    HijackParser parser;
    QCOMPARE(parser.feed("SSH-2.0-OpenSSH_9.2\r\n", [](QByteArrayView) {}),
             HijackParser::State::Error);
    QVERIFY(!parser.errorString().isEmpty());
}

void TestHijackParser::finish_beforeHead_isError()
{
    HijackParser parser;
    parser.feed("HTTP/1.1 101 UPGRADED\r\nUpgrade: tcp\r\n", [](QByteArrayView) {});
    QCOMPARE(parser.finish(), HijackParser::State::Error);
    QVERIFY(parser.errorString().contains(QLatin1String("closed")));
}

QTEST_GUILESS_MAIN(TestHijackParser)
#include "tst_hijackparser.moc"
