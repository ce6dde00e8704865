// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/framedemuxer.h"

#include <QTest>

using namespace DevDock::Core;
using Stream = FrameDemuxer::Stream;

namespace {

QByteArray frame(quint8 type, const QByteArray &payload)
{
    QByteArray header(8, '\0');
    header[0] = static_cast<char>(type);
    const auto size = static_cast<quint32>(payload.size());
    header[4] = static_cast<char>(size >> 24);
    header[5] = static_cast<char>(size >> 16);
    header[6] = static_cast<char>(size >> 8);
    header[7] = static_cast<char>(size);
    return header + payload;
}

struct Collected
{
    QByteArray out;
    QByteArray err;
    QByteArray system;
    bool ok = true;
    bool finished = true;
    QString error;
};

Collected demux(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    Collected c;
    FrameDemuxer demuxer;
    const auto sink = [&](Stream s, QByteArrayView b) {
        switch (s) {
        case Stream::Stdout:
        case Stream::Stdin:
            c.out.append(b);
            break;
        case Stream::Stderr:
            c.err.append(b);
            break;
        case Stream::SystemError:
            c.system.append(b);
            break;
        }
    };
    qsizetype from = 0;
    QList<qsizetype> points = cuts;
    points.append(bytes.size());
    for (const qsizetype to : points) {
        if (!demuxer.feed(QByteArrayView(bytes).sliced(from, to - from), sink)) {
            c.ok = false;
            c.error = demuxer.errorString();
            return c;
        }
        from = to;
    }
    c.finished = demuxer.finish();
    c.error = demuxer.errorString();
    return c;
}

} // namespace

class TestFrameDemuxer : public QObject
{
    Q_OBJECT
private slots:
    void demux_splitAtEveryOffset_keepsStreamsApart_data();
    void demux_splitAtEveryOffset_keepsStreamsApart();
    void demux_oneMebibyteLine_arrivesWhole();
    void demux_malformedHeader_isError_data();
    void demux_malformedHeader_isError();
    void demux_endInsideFrame_isTruncated();
};

void TestFrameDemuxer::demux_splitAtEveryOffset_keepsStreamsApart_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArray>("err");
    QTest::addColumn<QByteArray>("system");

    QTest::newRow("stdout and stderr interleaved")
        << frame(1, "out 1\n") + frame(2, "err 1\n") + frame(1, "out 2\n")
        << QByteArray("out 1\nout 2\n") << QByteArray("err 1\n") << QByteArray();
    QTest::newRow("empty frames") << frame(1, {}) + frame(2, "e") + frame(1, {}) << QByteArray()
                                  << QByteArray("e") << QByteArray();
    QTest::newRow("invalid UTF-8 and NUL kept")
        << frame(1, QByteArray("\xff\0\xfe\n", 4)) << QByteArray("\xff\0\xfe\n", 4) << QByteArray()
        << QByteArray();
    QTest::newRow("payload looks like a header")
        << frame(2, frame(1, "inner")) << QByteArray() << frame(1, "inner") << QByteArray();
    QTest::newRow("system error frame")
        << frame(1, "a") + frame(3, "error from daemon") << QByteArray("a") << QByteArray()
        << QByteArray("error from daemon");
    QTest::newRow("stdin frame (attach echo)")
        << frame(0, "typed") << QByteArray("typed") << QByteArray() << QByteArray();
}

void TestFrameDemuxer::demux_splitAtEveryOffset_keepsStreamsApart()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);
    QFETCH(QByteArray, system);

    QList<QList<qsizetype>> cutSets{{}};
    QList<qsizetype> every;
    for (qsizetype i = 1; i < bytes.size(); ++i) {
        cutSets.append(QList<qsizetype>{i});
        every.append(i);
        for (qsizetype j = i + 1; j < bytes.size(); j += 3) {
            cutSets.append(QList<qsizetype>{i, j});
        }
    }
    cutSets.append(every);
    for (const auto &cuts : cutSets) {
        const Collected c = demux(bytes, cuts);
        QVERIFY2(c.ok && c.finished, qPrintable(c.error));
        QCOMPARE(c.out, out);
        QCOMPARE(c.err, err);
        QCOMPARE(c.system, system);
    }
}

void TestFrameDemuxer::demux_oneMebibyteLine_arrivesWhole()
{
    QByteArray line(1024 * 1024, 'x');
    line.append('\n');
    const QByteArray bytes = frame(2, line) + frame(1, "after\n");
    // Reads of 64 KiB, the way a socket delivers them.
    QList<qsizetype> cuts;
    for (qsizetype i = 65536; i < bytes.size(); i += 65536) {
        cuts.append(i);
    }
    const Collected c = demux(bytes, cuts);
    QVERIFY(c.ok && c.finished);
    QCOMPARE(c.err, line);
    QCOMPARE(c.out, QByteArray("after\n"));
}

void TestFrameDemuxer::demux_malformedHeader_isError_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("stream type 4") << frame(4, "x");
    QTest::newRow("reserved bytes set") << QByteArray("\x01\x01\0\0\0\0\0\x01x", 9);
    QTest::newRow("raw TTY text") << QByteArray("hello world, this is not framed\n");
    QTest::newRow("good frame, then garbage") << frame(1, "ok") + QByteArray("garbage!!");
}

void TestFrameDemuxer::demux_malformedHeader_isError()
{
    QFETCH(QByteArray, bytes);
    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        const Collected c = demux(bytes, cut == 0 ? QList<qsizetype>{} : QList<qsizetype>{cut});
        QVERIFY(!c.ok);
        QVERIFY(c.error.contains(QStringLiteral("Malformed")));
    }
}

void TestFrameDemuxer::demux_endInsideFrame_isTruncated()
{
    const QByteArray bytes = frame(1, "complete") + frame(2, "partial payload").left(12);
    const Collected c = demux(bytes, {});
    QVERIFY(c.ok);
    QVERIFY(!c.finished);
    QVERIFY(c.error.contains(QStringLiteral("truncated")));
    QCOMPARE(c.out, QByteArray("complete"));
    QCOMPARE(c.err, QByteArray("part"));
}

QTEST_GUILESS_MAIN(TestFrameDemuxer)
#include "tst_framedemuxer.moc"
