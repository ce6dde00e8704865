// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <deque>
#include <vector>
#include <memory>

namespace DevDock::Core {

// One stored line: a view into the store's memory (valid while the store, or a snapshot holding
// its chunk, lives).
struct LogLine
{
    qint64 seq = -1;         // the line's number in its store, counting from 0 since the start
    qint64 timestampNs = 0;  // the engine's timestamp (ns since the epoch), 0 when unknown
    quint8 stream = 1;       // 1 stdout, 2 stderr
    QByteArrayView bytes;    // the raw bytes, without the newline; may not be UTF-8
    bool isValid() const { return seq >= 0; }
};

// The logs of one container: append-only chunks of raw bytes with a line index, bounded by a
// line count and a byte budget; when over either, whole oldest chunks are dropped. Lines keep
// their timestamp and stream; bytes are stored unchanged (exports write them back as they came).
// Sealed chunks are shared and immutable, so snapshots for searches on other threads cost no copy
// of the data.
class LogStore
{
public:
    struct Limits
    {
        qint64 maxLines = 200000;
        qint64 maxBytes = 64LL * 1024 * 1024;
    };
    static constexpr qsizetype ChunkBytes = 256 * 1024;
    static constexpr qsizetype ChunkLines = 8192;

    struct Chunk
    {
        qint64 firstSeq = 0;
        // Plain vectors: appending a line is a few inlined stores and one memcpy.
        std::vector<char> data;
        std::vector<quint32> offsets; // start of each line in data; lines end where the next starts
        std::vector<qint64> times;
        std::vector<quint8> streams;
        qsizetype lineCount() const { return qsizetype(offsets.size()); }
        QByteArrayView lineBytes(qsizetype i) const
        {
            const size_t start = offsets[size_t(i)];
            const size_t end = size_t(i) + 1 < offsets.size() ? offsets[size_t(i) + 1] : data.size();
            return QByteArrayView(data.data() + start, qsizetype(end - start));
        }
    };

    // An immutable view of the store at one moment: safe to read on any thread.
    class Snapshot
    {
    public:
        qint64 firstSeq() const;
        qint64 endSeq() const;
        LogLine line(qint64 seq) const;
        template <typename F>
        void forEach(F f) const
        {
            for (const auto &chunk : m_chunks) {
                for (qsizetype i = 0; i < chunk->lineCount(); ++i) {
                    f(LogLine{chunk->firstSeq + i, chunk->times[size_t(i)], chunk->streams[size_t(i)],
                              chunk->lineBytes(i)});
                }
            }
        }

    private:
        friend class LogStore;
        std::vector<std::shared_ptr<const Chunk>> m_chunks;
    };

    LogStore();
    explicit LogStore(Limits limits);

    // One complete line (no newline).
    void appendLine(quint8 stream, QByteArrayView bytes, qint64 timestampNs = 0);
    // Raw bytes as the engine streams them; lines are split on \n (a partial last line waits for
    // the rest, per stream). With `timestamps`, each line starts with the engine's RFC 3339
    // timestamp and a space, which is parsed and removed.
    void appendBytes(quint8 stream, QByteArrayView bytes, bool timestamps);
    // Ends a partial line (the stream ended without a final newline).
    void flushPartial();

    qint64 firstSeq() const; // the oldest line still stored
    qint64 endSeq() const { return m_nextSeq; }
    qint64 lineCount() const { return m_nextSeq - firstSeq(); }
    qint64 byteCount() const { return m_bytes; }
    qint64 droppedLines() const { return firstSeq(); }
    LogLine line(qint64 seq) const; // invalid when evicted or not yet written
    Snapshot snapshot() const;
    const Limits &limits() const { return m_limits; }
    void setLimits(const Limits &limits);
    void clear(); // sequence numbers continue after a clear

    // "2026-11-29T07:00:00.123456789Z" -> ns since the epoch; 0 when it is not one.
    static qint64 parseTimestamp(QByteArrayView text);

private:
    void seal();
    void evict();

    Limits m_limits;
    std::deque<std::shared_ptr<Chunk>> m_sealed;
    Chunk m_open;
    // Evicted chunks no snapshot holds any more: their memory is reused for new lines, so a
    // store at its cap allocates (and faults in) nothing new.
    std::vector<Chunk> m_spare;
    QByteArray m_partial[3];
    qint64 m_nextSeq = 0;
    qint64 m_bytes = 0;
    QByteArray m_lastStampPrefix; // "2026-11-29T07:00:00" of the last timestamp parsed
    qint64 m_lastStampSeconds = 0;
};

} // namespace DevDock::Core
