// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logstore.h"

#include <algorithm>
#include <ctime>

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

qint64 LogStore::firstSeq() const
{
    if (!m_sealed.empty()) {
        return m_sealed.front()->firstSeq;
    }
    return m_open.offsets.empty() ? m_nextSeq : m_open.firstSeq;
}

void LogStore::appendLine(quint8 stream, QByteArrayView bytes, qint64 timestampNs)
{
    if (m_open.offsets.empty()) {
        m_open.firstSeq = m_nextSeq;
    } else if (qsizetype(m_open.data.size()) + bytes.size() > ChunkBytes
               || m_open.lineCount() >= ChunkLines) {
        seal();
        m_open.firstSeq = m_nextSeq;
    }
    if (m_open.offsets.empty() && m_open.data.capacity() == 0 && !m_spare.empty()) {
        const qint64 first = m_open.firstSeq;
        m_open = std::move(m_spare.back()); // capacity kept, contents cleared below
        m_spare.pop_back();
        m_open.data.clear();
        m_open.offsets.clear();
        m_open.times.clear();
        m_open.streams.clear();
        m_open.firstSeq = first;
    }
    if (m_open.offsets.empty()) {
        m_open.data.reserve(size_t(std::max<qsizetype>(ChunkBytes, bytes.size())));
        m_open.offsets.reserve(ChunkLines);
        m_open.times.reserve(ChunkLines);
        m_open.streams.reserve(ChunkLines);
    }
    m_open.offsets.push_back(quint32(m_open.data.size()));
    m_open.data.insert(m_open.data.end(), bytes.data(), bytes.data() + bytes.size());
    m_open.times.push_back(timestampNs);
    m_open.streams.push_back(stream);
    m_bytes += bytes.size();
    ++m_nextSeq;
    if (m_nextSeq - firstSeq() > m_limits.maxLines || m_bytes > m_limits.maxBytes) {
        evict();
    }
}

void LogStore::appendBytes(quint8 stream, QByteArrayView bytes, bool timestamps)
{
    QByteArray &partial = m_partial[stream <= 2 ? stream : 1];
    auto take = [&](QByteArrayView line) {
        if (line.endsWith('\r')) {
            line.chop(1); // CRLF
        }
        qint64 ts = 0;
        if (timestamps) {
            const qsizetype space = line.indexOf(' ');
            const QByteArrayView stamp = space < 0 ? line : line.first(space);
            // Lines of the same second share the date and time: parse those once.
            if (stamp.size() > 20 && stamp.at(19) == '.' && stamp.endsWith('Z')
                && m_lastStampPrefix.size() == 19 && stamp.first(19) == m_lastStampPrefix) {
                qint64 nanos = 0;
                int n = 0;
                for (qsizetype i = 20; i < stamp.size() - 1 && n < 9; ++i, ++n) {
                    const char c = stamp.at(i);
                    if (c < '0' || c > '9') {
                        nanos = -1;
                        break;
                    }
                    nanos = nanos * 10 + (c - '0');
                }
                if (nanos >= 0) {
                    for (; n < 9; ++n) {
                        nanos *= 10;
                    }
                    ts = m_lastStampSeconds + nanos;
                }
            }
            if (ts == 0 && (ts = parseTimestamp(stamp)) != 0 && stamp.size() > 20
                && stamp.at(19) == '.' && stamp.endsWith('Z')) {
                m_lastStampPrefix = stamp.first(19).toByteArray();
                m_lastStampSeconds = ts - ts % 1000000000;
            }
            if (ts != 0) {
                line = space < 0 ? QByteArrayView() : line.sliced(space + 1);
            }
        }
        appendLine(stream, line, ts);
    };
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype nl = bytes.indexOf('\n', start);
        if (nl < 0) {
            partial.append(bytes.data() + start, bytes.size() - start);
            return;
        }
        if (!partial.isEmpty()) {
            partial.append(bytes.data() + start, nl - start);
            const QByteArray whole = std::exchange(partial, {});
            take(whole);
        } else {
            take(bytes.sliced(start, nl - start));
        }
        start = nl + 1;
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
    if (m_open.offsets.empty()) {
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
        if (m_sealed.size() == 1 && m_open.offsets.empty()) {
            return; // only the newest chunk is left: keep it
        }
        m_bytes -= qint64(m_sealed.front()->data.size());
        if (m_sealed.front().use_count() == 1 && m_spare.size() < 2
            && m_sealed.front()->data.capacity() <= size_t(ChunkBytes)) {
            m_spare.push_back(std::move(*m_sealed.front()));
        }
        m_sealed.pop_front();
    }
}

LogLine LogStore::line(qint64 seq) const
{
    if (seq < firstSeq() || seq >= m_nextSeq) {
        return {};
    }
    if (!m_open.offsets.empty() && seq >= m_open.firstSeq) {
        const qsizetype i = seq - m_open.firstSeq;
        return {seq, m_open.times[size_t(i)], m_open.streams[size_t(i)], m_open.lineBytes(i)};
    }
    const auto it = std::upper_bound(m_sealed.begin(), m_sealed.end(), seq,
                                     [](qint64 s, const std::shared_ptr<Chunk> &c) {
                                         return s < c->firstSeq;
                                     });
    const Chunk &chunk = **std::prev(it);
    const qsizetype i = seq - chunk.firstSeq;
    return {seq, chunk.times[size_t(i)], chunk.streams[size_t(i)], chunk.lineBytes(i)};
}

LogStore::Snapshot LogStore::snapshot() const
{
    Snapshot snapshot;
    snapshot.m_chunks.assign(m_sealed.begin(), m_sealed.end());
    if (!m_open.offsets.empty()) {
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
    const auto it = std::upper_bound(m_chunks.begin(), m_chunks.end(), seq,
                                     [](qint64 s, const std::shared_ptr<const Chunk> &c) {
                                         return s < c->firstSeq;
                                     });
    if (it == m_chunks.begin()) {
        return {};
    }
    const Chunk &chunk = **std::prev(it);
    const qint64 i = seq - chunk.firstSeq;
    if (i >= chunk.lineCount()) {
        return {};
    }
    return {seq, chunk.times[size_t(i)], chunk.streams[size_t(i)], chunk.lineBytes(i)};
}

} // namespace DevDock::Core
