// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logstore.h"

#include "util/redaction.h"
#include <QDateTime>

#include <algorithm>
#include <bit>
#include <cstring>

// The per-line steps of ingest are inlined into appendBytes' loop: a call per step costs as much
// as the step.
#if defined(__GNUC__)
#define DEVDOCK_ALWAYS_INLINE [[gnu::always_inline]] inline
#else
#define DEVDOCK_ALWAYS_INLINE inline
#endif

namespace DevDock::Core {

namespace {

int digits(QByteArrayView text, qsizetype at, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text.at(at + i);
        if (c < '0' || c > '9') {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

} // namespace

QByteArray LogStore::formatTimestamp(qint64 nanosSinceEpoch)
{
    const qint64 seconds = nanosSinceEpoch >= 0 ? nanosSinceEpoch / 1000000000
                                                : (nanosSinceEpoch - 999999999) / 1000000000;
    const qint64 nanos = nanosSinceEpoch - seconds * 1000000000;
    const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1() + '.'
           + QByteArray::number(nanos).rightJustified(9, '0') + 'Z';
}

qint64 LogStore::parseTimestamp(QByteArrayView t)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
    if (t.size() < 20 || t.at(4) != '-' || t.at(7) != '-' || t.at(10) != 'T' || t.at(13) != ':'
        || t.at(16) != ':') {
        return 0;
    }
    const int year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
    const int hour = digits(t, 11, 2), minute = digits(t, 14, 2), second = digits(t, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || minute < 0
        || second < 0) {
        return 0;
    }
    qsizetype at = 19;
    qint64 nanos = 0;
    if (at < t.size() && t.at(at) == '.') {
        ++at;
        int n = 0;
        while (at < t.size() && t.at(at) >= '0' && t.at(at) <= '9') {
            if (n < 9) {
                nanos = nanos * 10 + (t.at(at) - '0');
                ++n;
            }
            ++at;
        }
        for (; n < 9; ++n) {
            nanos *= 10;
        }
    }
    qint64 offsetSeconds = 0;
    if (at < t.size() && (t.at(at) == '+' || t.at(at) == '-') && at + 6 <= t.size()) {
        const int oh = digits(t, at + 1, 2), om = digits(t, at + 4, 2);
        if (oh < 0 || om < 0) {
            return 0;
        }
        offsetSeconds = (t.at(at) == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    } else if (at >= t.size() || t.at(at) != 'Z') {
        return 0;
    }
    const qint64 seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60
                           + second - offsetSeconds;
    return seconds * 1000000000LL + nanos;
}

LogStore::Chunk::Chunk(const Chunk &other)
    : firstSeq(other.firstSeq)
    , data(new char[std::max<size_t>(1, other.dataUsed)])
    , dataCapacity(other.dataUsed)
    , dataUsed(other.dataUsed)
    , lines(new Entry[size_t(std::max<qsizetype>(1, other.count))])
    , count(other.count)
{
    if (other.dataUsed > 0) {
        std::memcpy(data.get(), other.data.get(), other.dataUsed);
    }
    if (other.count > 0) {
        std::copy_n(other.lines.get(), other.count, lines.get());
    }
}

LogStore::LogStore()
    : LogStore(Limits{})
{}

LogStore::LogStore(Limits limits)
    : m_limits(limits)
{}

void LogStore::setLimits(const Limits &limits)
{
    m_limits = limits;
    evict();
}

DEVDOCK_ALWAYS_INLINE void LogStore::store(quint8 stream, QByteArrayView bytes, qint64 timestampNs)
{
    Chunk &open = m_open;
    const size_t size = size_t(bytes.size());
    if (open.count == 0 || open.dataUsed + size > open.dataCapacity || open.count >= ChunkLines)
        [[unlikely]] {
        startChunk(bytes.size());
    }
    open.lines[size_t(open.count++)] = {timestampNs, quint32(open.dataUsed), stream};
    if (size > 0) {
        std::memcpy(open.data.get() + open.dataUsed, bytes.data(), size);
        open.dataUsed += size;
    }
    m_bytes += qint64(size);
    ++m_nextSeq;
    if (m_nextSeq - m_firstSeq > m_limits.maxLines || m_bytes > m_limits.maxBytes) {
        evict();
    }
}

void LogStore::appendLine(quint8 stream, QByteArrayView bytes, qint64 timestampNs)
{
    store(stream, bytes, timestampNs);
}

void LogStore::startChunk(qsizetype lineBytes)
{
    if (!m_open.isEmpty()) {
        seal();
    }
    const size_t room = size_t(std::max<qsizetype>(ChunkBytes, lineBytes));
    if (!m_open.data && !m_spare.empty() && m_spare.back().dataCapacity >= room) {
        m_open = std::move(m_spare.back()); // its memory is reused
        m_spare.pop_back();
    }
    if (m_open.dataCapacity < room) {
        m_open.data.reset(new char[room]); // uninitialised: every byte read was written
        m_open.dataCapacity = room;
    }
    if (!m_open.lines) {
        m_open.lines.reset(new Chunk::Entry[ChunkLines]);
    }
    m_open.firstSeq = m_nextSeq;
    m_open.dataUsed = 0;
    m_open.count = 0;
}

DEVDOCK_ALWAYS_INLINE qint64 LogStore::stampNanos(QByteArrayView line, qsizetype *stampSize)
{
    // The engine writes RFC 3339 with nine fixed fraction digits in UTC:
    // "2026-11-29T07:00:00.123456789Z " (31 bytes with the space). Lines of the same second share
    // the first 19 bytes: compare those and read the fraction.
    constexpr qsizetype Fixed = 30;
    const char *p = line.data();
    if (line.size() >= Fixed && p[19] == '.' && p[Fixed - 1] == 'Z' && m_lastStampValid
        && std::memcmp(p, m_lastStampPrefix, 19) == 0
        && (line.size() == Fixed || p[Fixed] == ' ')) {
        // Eight of the nine fraction digits at once (SWAR): every byte must be '0'..'9'.
        quint64 v;
        std::memcpy(&v, p + 20, 8);
        v -= 0x3030303030303030ULL;
        const unsigned last = unsigned(p[28] - '0');
        if ((((v + 0x7676767676767676ULL) | v) & 0x8080808080808080ULL) == 0 && last <= 9) {
            if constexpr (std::endian::native == std::endian::big) {
                v = std::byteswap(v);
            }
            v = ((v & 0x0F0F0F0F0F0F0F0FULL) * 2561) >> 8;
            v = ((v & 0x00FF00FF00FF00FFULL) * 6553601) >> 16;
            v = ((v & 0x0000FFFF0000FFFFULL) * 42949672960001ULL) >> 32;
            *stampSize = Fixed;
            return m_lastStampSeconds + qint64(v) * 10 + last;
        }
    }
    return stampNanosSlow(line, stampSize);
}

qint64 LogStore::stampNanosSlow(QByteArrayView line, qsizetype *stampSize)
{
    constexpr qsizetype Fixed = 30;
    const qsizetype space = line.indexOf(' ');
    const QByteArrayView stamp = space < 0 ? line : line.first(space);
    const qint64 ts = parseTimestamp(stamp);
    if (ts != 0 && stamp.size() == Fixed && stamp.at(19) == '.' && stamp.endsWith('Z')) {
        std::memcpy(m_lastStampPrefix, stamp.data(), 19);
        m_lastStampValid = true;
        m_lastStampSeconds = ts - ts % 1000000000;
    }
    *stampSize = stamp.size();
    return ts;
}

DEVDOCK_ALWAYS_INLINE void LogStore::takeLine(quint8 stream, QByteArrayView line, bool timestamps)
{
    if (line.endsWith('\r')) {
        line.chop(1); // CRLF
    }
    qint64 ts = 0;
    if (timestamps) {
        qsizetype stampSize = 0;
        ts = stampNanos(line, &stampSize);
        if (ts != 0) {
            line = stampSize >= line.size() ? QByteArrayView() : line.sliced(stampSize + 1);
        }
    }
    // A container that prints a secret DevDock knows (its DATABASE_URL, say) has it hidden here,
    // on the whole line, so neither the view, a search result nor an export shows it.
    if (haveSecretsToRedact()) [[unlikely]] {
        const QByteArray raw = QByteArray::fromRawData(line.data(), line.size());
        const QByteArray redacted = redactSecrets(raw);
        if (redacted.constData() != raw.constData()) {
            store(stream, redacted, ts);
            return;
        }
    }
    store(stream, line, ts);
}

void LogStore::appendBytes(quint8 stream, QByteArrayView bytes, bool timestamps)
{
    QByteArray &partial = m_partial[stream <= 2 ? stream : 1];
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    if (!partial.isEmpty() && p < end) {
        const auto *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (nl == nullptr) {
            partial.append(p, end - p);
            return;
        }
        partial.append(p, nl - p);
        const QByteArray whole = std::exchange(partial, {});
        takeLine(stream, whole, timestamps);
        p = nl + 1;
    }
    while (p < end) {
        const auto *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        if (nl == nullptr) {
            partial.append(p, end - p); // waits for the rest of its line
            return;
        }
        takeLine(stream, QByteArrayView(p, nl - p), timestamps);
        p = nl + 1;
    }
}

void LogStore::flushPartial()
{
    for (quint8 s = 0; s < 3; ++s) {
        if (!m_partial[s].isEmpty()) {
            const QByteArray rest = std::exchange(m_partial[s], {});
            appendLine(s == 0 ? 1 : s, rest, 0);
        }
    }
}

void LogStore::seal()
{
    if (m_open.isEmpty()) {
        return;
    }
    // No shrinking: a chunk seals when the next line would not fit, so little capacity is left.
    m_sealed.push_back(std::make_shared<Chunk>(std::move(m_open)));
    m_open = Chunk{};
}

void LogStore::evict()
{
    // Whole chunks, oldest first; the open chunk is sealed first if it alone is over the budget.
    while (m_nextSeq - firstSeq() > m_limits.maxLines || m_bytes > m_limits.maxBytes) {
        if (m_sealed.empty()) {
            if (m_open.lineCount() <= 1) {
                return; // never drop the newest line
            }
            seal();
        }
        if (m_sealed.size() == 1 && m_open.isEmpty()) {
            return; // only the newest chunk is left: keep it
        }
        m_bytes -= qint64(m_sealed.front()->dataUsed);
        if (m_sealed.front().use_count() == 1 && m_spare.size() < 2
            && m_sealed.front()->dataCapacity == size_t(ChunkBytes)) {
            m_spare.push_back(std::move(*m_sealed.front()));
        }
        m_sealed.pop_front();
        m_firstSeq = m_sealed.empty() ? m_open.firstSeq : m_sealed.front()->firstSeq;
    }
}

LogLine LogStore::line(qint64 seq) const
{
    if (seq < m_firstSeq || seq >= m_nextSeq) {
        return {};
    }
    if (!m_open.isEmpty() && seq >= m_open.firstSeq) {
        const qsizetype i = seq - m_open.firstSeq;
        return m_open.line(i);
    }
    const auto it =
        std::upper_bound(m_sealed.begin(), m_sealed.end(), seq,
                         [](qint64 s, const std::shared_ptr<Chunk> &c) { return s < c->firstSeq; });
    const Chunk &chunk = **std::prev(it);
    const qsizetype i = seq - chunk.firstSeq;
    return chunk.line(i);
}

LogStore::Snapshot LogStore::snapshot() const
{
    Snapshot snapshot;
    snapshot.m_chunks.assign(m_sealed.begin(), m_sealed.end());
    if (!m_open.isEmpty()) {
        snapshot.m_chunks.push_back(std::make_shared<const Chunk>(m_open)); // a copy of the tail
    }
    return snapshot;
}

void LogStore::clear()
{
    m_sealed.clear();
    m_open = Chunk{};
    m_spare.clear();
    m_bytes = 0;
    m_firstSeq = m_nextSeq;
    for (QByteArray &p : m_partial) {
        p.clear();
    }
}

qint64 LogStore::Snapshot::firstSeq() const
{
    return m_chunks.empty() ? 0 : m_chunks.front()->firstSeq;
}

qint64 LogStore::Snapshot::endSeq() const
{
    return m_chunks.empty() ? 0 : m_chunks.back()->firstSeq + m_chunks.back()->lineCount();
}

LogLine LogStore::Snapshot::line(qint64 seq) const
{
    const auto it = std::upper_bound(
        m_chunks.begin(), m_chunks.end(), seq,
        [](qint64 s, const std::shared_ptr<const Chunk> &c) { return s < c->firstSeq; });
    if (it == m_chunks.begin()) {
        return {};
    }
    const Chunk &chunk = **std::prev(it);
    const qint64 i = seq - chunk.firstSeq;
    if (i >= chunk.lineCount()) {
        return {};
    }
    return chunk.line(i);
}

} // namespace DevDock::Core
