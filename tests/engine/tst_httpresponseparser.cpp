// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/framedemuxer.h"
#include "engine/httpresponseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace DevDock::Core;

namespace {

struct Outcome
{
    HttpResponseParser::Status status = HttpResponseParser::Status::NeedMore;
    int statusCode = 0;
    QByteArray body;
    int headCalls = 0;
    bool keepAlive = false;
    QString error;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

// Feeds `bytes` in pieces cut at `cuts`, then signals end of input when `closeAtEnd`.
Outcome run(const QByteArray &bytes, const QList<qsizetype> &cuts, bool closeAtEnd)
{
    Outcome out;
    HttpResponseParser parser({[&](const HttpResponseHead &head) {
                                   ++out.headCalls;
                                   out.statusCode = head.statusCode;
                                   out.headers = head.headers;
                               },
                               [&](QByteArrayView b) { out.body.append(b); }});
    qsizetype from = 0;
    QList<qsizetype> points = cuts;
    points.append(bytes.size());
    for (qsizetype to : points) {
        to = std::min(to, bytes.size()); // cut tables are shared by inputs of any length
        if (to < from) {
            continue;
        }
        out.status = parser.feed(QByteArrayView(bytes).sliced(from, to - from));
        from = to;
        if (out.status != HttpResponseParser::Status::NeedMore) {
            break;
        }
    }
    if (out.status == HttpResponseParser::Status::NeedMore && closeAtEnd) {
        out.status = parser.finish();
    }
    out.keepAlive = parser.keepAlive();
    out.error = parser.errorString();
    return out;
}

QByteArray recorded(const QString &name)
{
    QFile file(QStringLiteral(DEVDOCK_TEST_DATA "/http/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing test data %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

} // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT
private slots:
    void parse_splitAtEveryOffset_sameResult_data();
    void parse_splitAtEveryOffset_sameResult();
    void parse_recordedEngineResponses_data();
    void parse_recordedEngineResponses();
    void parse_malformed_isErrorNotCrash_data();
    void parse_malformed_isErrorNotCrash();
    void parse_afterComplete_leavesFollowingBytesUnconsumed();
    void parse_resetAllowsNextResponseOnSameConnection();
    void parse_headRequest_hasNoBody();
    void parse_garbage_failsAtFirstBytes_quotedWithoutControls_data();
    void parse_garbage_failsAtFirstBytes_quotedWithoutControls();
};

void TestHttpResponseParser::parse_splitAtEveryOffset_sameResult_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("closeAtEnd");
    QTest::addColumn<int>("statusCode");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");

    QTest::newRow("content-length") << QByteArray(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")
                                    << false << 200 << QByteArray("hello") << true;
    QTest::newRow("content-length zero")
        << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n") << false << 204
        << QByteArray() << true;
    QTest::newRow("no body for 304")
        << QByteArray("HTTP/1.1 304 Not Modified\r\n\r\n") << false << 304 << QByteArray() << true;
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n")
                             << false << 200 << QByteArray("hello, world") << true;
    QTest::newRow("chunked upper-case hex, extensions and trailers")
        << QByteArray(
               "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
               "1A;name=value\r\nabcdefghijklmnopqrstuvwxyz\r\n0;last\r\nX-Trailer: 1\r\n\r\n")
        << false << 200 << QByteArray("abcdefghijklmnopqrstuvwxyz") << true;
    QTest::newRow("chunked with bare LF line ends")
        << QByteArray("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n") << false
        << 200 << QByteArray("abc") << true;
    QTest::newRow("chunk containing CRLF bytes") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n\r\n\r\n\r\n0\r\n\r\n")
                                                 << false << 200 << QByteArray("\r\n\r\n") << true;
    QTest::newRow("until close (hijacked exec stream)")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n")
               + QByteArray("\x01\0\0\0\0\0\0\x03hi\n", 11)
        << true << 200 << QByteArray("\x01\0\0\0\0\0\0\x03hi\n", 11) << false;
    QTest::newRow("101 upgrade streams until close")
        << QByteArray("HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nraw")
        << true << 101 << QByteArray("raw") << false;
    QTest::newRow("100 continue, then the response") << QByteArray(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}")
                                                     << false << 201 << QByteArray("{}") << true;
    QTest::newRow("connection close") << QByteArray(
        "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 3\r\n\r\nno\n")
                                      << false << 404 << QByteArray("no\n") << false;
    QTest::newRow("HTTP/1.0 without keep-alive")
        << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx") << false << 200
        << QByteArray("x") << false;
    QTest::newRow("obsolete header folding")
        << QByteArray("HTTP/1.1 200 OK\r\nX-Long: a\r\n  b\r\nContent-Length: 1\r\n\r\nz") << false
        << 200 << QByteArray("z") << true;
    QTest::newRow("status line without reason")
        << QByteArray("HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok") << false << 200
        << QByteArray("ok") << true;
    QTest::newRow("binary body with NUL and invalid UTF-8")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n\0\xff\xfe\n", 42) << false
        << 200 << QByteArray("\0\xff\xfe\n", 4) << true;
}

void TestHttpResponseParser::parse_splitAtEveryOffset_sameResult()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, closeAtEnd);
    QFETCH(int, statusCode);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);

    // Whole, byte by byte, and split once at every offset.
    QList<QList<qsizetype>> cutSets{{}};
    QList<qsizetype> every;
    for (qsizetype i = 1; i < bytes.size(); ++i) {
        cutSets.append(QList<qsizetype>{i});
        every.append(i);
    }
    cutSets.append(every);
    for (const auto &cuts : cutSets) {
        const Outcome out = run(bytes, cuts, closeAtEnd);
        QCOMPARE(out.status, HttpResponseParser::Status::Complete);
        QCOMPARE(out.statusCode, statusCode);
        QCOMPARE(out.headCalls, 1);
        QCOMPARE(out.body, body);
        QCOMPARE(out.keepAlive, keepAlive);
    }
}

void TestHttpResponseParser::parse_recordedEngineResponses_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("ping") << QStringLiteral("ping.http");
    QTest::newRow("version") << QStringLiteral("version.http");
    QTest::newRow("containers") << QStringLiteral("containers.http");
    QTest::newRow("logs") << QStringLiteral("logs_multiplexed.http");
    QTest::newRow("404") << QStringLiteral("no_such_container.http");
    QTest::newRow("events") << QStringLiteral("events.http");
}

void TestHttpResponseParser::parse_recordedEngineResponses()
{
    QFETCH(QString, file);
    const QByteArray bytes = recorded(file);
    const Outcome whole = run(bytes, {}, true);
    QCOMPARE(whole.status, HttpResponseParser::Status::Complete);
    for (qsizetype i = 1; i < bytes.size(); ++i) {
        const Outcome split = run(bytes, {i}, true);
        QCOMPARE(split.status, HttpResponseParser::Status::Complete);
        QCOMPARE(split.body, whole.body);
        QCOMPARE(split.headers, whole.headers);
    }

    // What each recorded response says, checked against the engine's documented shapes.
    if (file == QLatin1String("ping.http")) {
        QCOMPARE(whole.statusCode, 200);
        QCOMPARE(whole.body, QByteArray("OK"));
    } else if (file == QLatin1String("version.http")) {
        const QJsonObject o = QJsonDocument::fromJson(whole.body).object();
        QCOMPARE(o.value(QStringLiteral("ApiVersion")).toString(), QStringLiteral("1.41"));
    } else if (file == QLatin1String("containers.http")) {
        const QJsonArray a = QJsonDocument::fromJson(whole.body).array();
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.first().toObject().value(QStringLiteral("Names")).toArray().first().toString(),
                 QStringLiteral("/rec"));
    } else if (file == QLatin1String("logs_multiplexed.http")) {
        QByteArray out;
        QByteArray err;
        FrameDemuxer demuxer;
        QVERIFY(demuxer.feed(whole.body, [&](FrameDemuxer::Stream s, QByteArrayView b) {
            (s == FrameDemuxer::Stream::Stderr ? err : out).append(b);
        }));
        QVERIFY(demuxer.finish());
        QCOMPARE(out, QByteArray("hello\nworld\n"));
        QCOMPARE(err, QByteArray("oops\n"));
    } else if (file == QLatin1String("no_such_container.http")) {
        QCOMPARE(whole.statusCode, 404);
        QCOMPARE(QJsonDocument::fromJson(whole.body)
                     .object()
                     .value(QStringLiteral("message"))
                     .toString(),
                 QStringLiteral("No such container: nosuch"));
    } else if (file == QLatin1String("events.http")) {
        const QList<QByteArray> lines = whole.body.trimmed().split('\n');
        QVERIFY(lines.size() >= 3);
        QStringList actions;
        for (const QByteArray &line : lines) {
            actions << QJsonDocument::fromJson(line)
                           .object()
                           .value(QStringLiteral("Action"))
                           .toString();
        }
        QVERIFY2(actions.contains(QStringLiteral("start")), qPrintable(actions.join(',')));
        QVERIFY2(actions.contains(QStringLiteral("die")), qPrintable(actions.join(',')));
    }
}

void TestHttpResponseParser::parse_malformed_isErrorNotCrash_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                              << QStringLiteral("status line");
    QTest::newRow("HTTP/2 status line")
        << QByteArray("HTTP/2 200 OK\r\n\r\n") << QStringLiteral("status line");
    QTest::newRow("two-digit status")
        << QByteArray("HTTP/1.1 20 OK\r\n\r\n") << QStringLiteral("status line");
    QTest::newRow("letters in status")
        << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << QStringLiteral("status line");
    QTest::newRow("header without colon")
        << QByteArray("HTTP/1.1 200 OK\r\nBroken\r\n\r\n") << QStringLiteral("header");
    QTest::newRow("space in header name")
        << QByteArray("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n") << QStringLiteral("header");
    QTest::newRow("negative content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")
        << QStringLiteral("Content-Length");
    QTest::newRow("junk content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n")
        << QStringLiteral("Content-Length");
    QTest::newRow("bad chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
        << QStringLiteral("chunk size");
    QTest::newRow("empty chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n")
        << QStringLiteral("chunk size");
    QTest::newRow("huge chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n")
        << QStringLiteral("chunk size");
    QTest::newRow("missing CRLF after chunk")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n")
        << QStringLiteral("CRLF");
    QTest::newRow("truncated content-length body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello")
        << QStringLiteral("truncated");
    QTest::newRow("truncated chunked body")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")
        << QStringLiteral("truncated");
    QTest::newRow("truncated head")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-") << QStringLiteral("truncated");
    QTest::newRow("nothing") << QByteArray() << QStringLiteral("before a response");
    QTest::newRow("head too large")
        << (QByteArray("HTTP/1.1 200 OK\r\nX: ") + QByteArray(70000, 'a') + "\r\n\r\n")
        << QStringLiteral("too large");
}

void TestHttpResponseParser::parse_malformed_isErrorNotCrash()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, errorContains);
    const QList<QList<qsizetype>> cutSets{{}, {bytes.size() / 2}, {1, 2, 3, 5, 8, 13}};
    for (const auto &cuts : cutSets) {
        const Outcome out = run(bytes, cuts, true);
        QCOMPARE(out.status, HttpResponseParser::Status::Error);
        QVERIFY2(out.error.contains(errorContains, Qt::CaseInsensitive), qPrintable(out.error));
        QVERIFY(!out.keepAlive);
    }
}

void TestHttpResponseParser::parse_afterComplete_leavesFollowingBytesUnconsumed()
{
    const QByteArray first("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nab");
    const QByteArray bytes = first + "HTTP/1.1 200 OK\r\n";
    HttpResponseParser parser;
    qsizetype consumed = 0;
    QCOMPARE(parser.feed(bytes, &consumed), HttpResponseParser::Status::Complete);
    QCOMPARE(consumed, first.size());
}

void TestHttpResponseParser::parse_resetAllowsNextResponseOnSameConnection()
{
    QByteArray body;
    HttpResponseParser parser({{}, [&](QByteArrayView b) { body.append(b); }});
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"),
             HttpResponseParser::Status::Complete);
    parser.reset();
    parser.setCallbacks({{}, [&](QByteArrayView b) { body.append(b); }});
    QCOMPARE(
        parser.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n"),
        HttpResponseParser::Status::Complete);
    QCOMPARE(body, QByteArray("ab"));
}

void TestHttpResponseParser::parse_headRequest_hasNoBody()
{
    HttpResponseParser parser;
    parser.setExpectNoBody(true);
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n"),
             HttpResponseParser::Status::Complete);
    QCOMPARE(parser.bodyBytes(), 0);
}

void TestHttpResponseParser::parse_garbage_failsAtFirstBytes_quotedWithoutControls_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("quoted");
    // No newline and no close: an endpoint that sends this and then waits must not keep the
    // parser waiting for a line that never ends.
    QTest::newRow("terminal escapes")
        << QByteArray("\x1b]0;pwned\x07\x1b[2J\x1b[31mSTART DOCKER")
        << QStringLiteral("\"\\x1b]0;");
    QTest::newRow("ssh banner") << QByteArray("SSH-2.0-OpenSSH_9.2") << QStringLiteral("\"SSH-2.0");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x9b", 4) << QStringLiteral("\"\\x00\\xff");
    QTest::newRow("HTTP/2 preface") << QByteArray("HTTP/2 200") << QStringLiteral("\"HTTP/2");
}

void TestHttpResponseParser::parse_garbage_failsAtFirstBytes_quotedWithoutControls()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, quoted);
    const Outcome out = run(bytes, {}, false);
    QCOMPARE(out.status, HttpResponseParser::Status::Error);
    QVERIFY2(out.error.contains(quoted), qPrintable(out.error));
    for (const QChar c : out.error) {
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f, qPrintable(out.error));
    }
    // A status line arriving byte by byte is not garbage.
    const Outcome slow = run("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                             {1, 2, 3, 4, 5, 6, 7, 8}, false);
    QCOMPARE(slow.status, HttpResponseParser::Status::Complete);
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
