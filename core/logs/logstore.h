// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <deque>
#include <memory>
#include <vector>

namespace DevDock::Core {

// One stored line: a view into the store's memory (valid while the store, or a snapshot holding
// its chunk, lives).
struct LogLine
{
    qint64 seq = -1;        // the line's number in its store, counting from 0 since the start
    qint64 timestampNs = 0; // the engine's timestamp (ns since the epoch), 0 when unknown
    quint8 stream = 1;      // 1 stdout, 2 stderr
    QByteArrayView bytes;   // the raw bytes, without the newline; may not be UTF-8
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
        struct Entry
        {
            qint64 time;    // ns since the epoch, 0 when unknown
            quint32 offset; // start of the line in data; a line ends where the next starts
            quint8 stream;
        };
        qint64 firstSeq = 0;
        // Raw, preallocated buffers: appending a line is one memcpy and one index entry, with no
        // bookkeeping of a container in between (this is the hot loop of log ingest).
        std::unique_ptr<char[]> data;
        size_t dataCapacity = 0;
        size_t dataUsed = 0;
        std::unique_ptr<Entry[]> lines; // room for ChunkLines entries
        qsizetype count = 0;

        Chunk() = default;
        Chunk(Chunk &&) noexcept = default;
        Chunk &operator=(Chunk &&) noexcept = default;
        Chunk(const Chunk &other); // copies only what is used (the snapshot of the open chunk)
        Chunk &operator=(const Chunk &) = delete;

        qsizetype lineCount() const { return count; }
        bool isEmpty() const { return count == 0; }
        QByteArrayView lineBytes(qsizetype i) const
        {
            const size_t start = lines[size_t(i)].offset;
            const size_t end = i + 1 < count ? lines[size_t(i) + 1].offset : dataUsed;
            return QByteArrayView(data.get() + start, qsizetype(end - start));
        }
        LogLine line(qsizetype i) const
        {
            const Entry &e = lines[size_t(i)];
            return LogLine{firstSeq + i, e.time, e.stream, lineBytes(i)};
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
                    f(chunk->line(i));
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

    qint64 firstSeq() const { return m_firstSeq; } // the oldest line still stored
    qint64 endSeq() const { return m_nextSeq; }
    qint64 lineCount() const { return m_nextSeq - firstSeq(); }
    qint64 byteCount() const { return m_bytes; }
    qint64 droppedLines() const { return m_firstSeq; }
    LogLine line(qint64 seq) const; // invalid when evicted or not yet written
    Snapshot snapshot() const;
    const Limits &limits() const { return m_limits; }
    void setLimits(const Limits &limits);
    void clear(); // sequence numbers continue after a clear

    // "2026-11-29T07:00:00.123456789Z" -> ns since the epoch; 0 when it is not one.
    static qint64 parseTimestamp(QByteArrayView text);
    // The other way, as the engine writes it (UTC, nine digits): "2026-11-29T07:00:00.123456789Z".
    static QByteArray formatTimestamp(qint64 nanosSinceEpoch);

private:
    void startChunk(qsizetype lineBytes); // seals the open chunk, opens one with room
    void seal();
    void evict();
    void takeLine(quint8 stream, QByteArrayView line, bool timestamps);
    // The leading timestamp of a line: ns since the epoch (0 when none) and its length.
    qint64 stampNanos(QByteArrayView line, qsizetype *stampSize);
    qint64 stampNanosSlow(QByteArrayView line, qsizetype *stampSize);
    void store(quint8 stream, QByteArrayView bytes, qint64 timestampNs);

    Limits m_limits;
    std::deque<std::shared_ptr<Chunk>> m_sealed;
    Chunk m_open;
    // Evicted chunks no snapshot holds any more: their memory is reused for new lines, so a
    // store at its cap allocates (and faults in) nothing new.
    std::vector<Chunk> m_spare;
    QByteArray m_partial[3];
    qint64 m_nextSeq = 0;
    qint64 m_firstSeq = 0; // the oldest stored line; equals m_nextSeq when the store is empty
    qint64 m_bytes = 0;
    char m_lastStampPrefix[19] = {}; // "2026-11-29T07:00:00" of the last timestamp parsed
    bool m_lastStampValid = false;
    qint64 m_lastStampSeconds = 0;
};

} // namespace DevDock::Core
