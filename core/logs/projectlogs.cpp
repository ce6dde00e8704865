// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectlogs.h"

#include "ansi.h"
#include "engine/engineclient.h"
#include "engine/logstream.h"

#include <QCoreApplication>

#include <limits>

namespace DevDock::Core {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DevDock::Core::ProjectLogs)
};

} // namespace

QString ProjectLogs::labelOf(const ContainerState &c)
{
    return c.oneoff ? c.name : c.service + QLatin1Char('-') + QString::number(c.number);
}

ProjectLogs::ProjectLogs(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_announce.setInterval(50); // at most 20 batches a second
    m_announce.setSingleShot(true);
    connect(&m_announce, &QTimer::timeout, this, [this] {
        m_pending = false;
        trimMerged();
        emit linesAdded();
    });
}

ProjectLogs::~ProjectLogs()
{
    stop();
}

int ProjectLogs::addSource(const QString &service, const QString &label, const QString &containerId)
{
    auto source = std::make_unique<Source>();
    source->service = service;
    source->label = label;
    source->containerId = containerId;
    source->index = int(m_sources.size());
    source->store = std::make_unique<LogStore>(m_limits);
    m_sources.push_back(std::move(source));
    if (!containerId.isEmpty()) {
        m_byContainer.insert(containerId, int(m_sources.size()) - 1);
    }
    emit sourcesChanged();
    return int(m_sources.size()) - 1;
}

void ProjectLogs::ingest(int index, quint8 stream, QByteArrayView bytes, bool timestamps)
{
    Source &source = *m_sources.at(index);
    LogStore &store = *source.store;
    const qint64 before = store.endSeq();
    store.appendBytes(stream, bytes, timestamps);
    for (qint64 seq = before; seq < store.endSeq(); ++seq) {
        m_merged.push_back({index, seq});
    }
    if (store.endSeq() > before) {
        const LogLine last = store.line(store.endSeq() - 1);
        if (last.timestampNs > source.lastTimestampNs) {
            source.lastTimestampNs = last.timestampNs;
        }
        announce();
    }
}

void ProjectLogs::announce()
{
    if (!m_pending) {
        m_pending = true;
        m_announce.start();
    }
}

qint64 ProjectLogs::mergedFirst() const
{
    return m_mergedBase;
}

void ProjectLogs::trimMerged()
{
    // Lines evicted from their store leave the front of the merged order (it is roughly in
    // arrival order, so evicted lines gather there).
    while (!m_merged.empty()) {
        const Ref &front = m_merged.front();
        if (front.seq >= m_sources.at(front.source)->store->firstSeq()) {
            break;
        }
        m_merged.pop_front();
        ++m_mergedBase;
    }
}

void ProjectLogs::updateContainers(const QList<ServiceState> &services)
{
    for (const ServiceState &s : services) {
        for (const ContainerState &c : s.containers + s.oneoffs) {
            int index = m_byContainer.value(c.id, -1);
            if (index < 0) {
                index = addSource(s.name, labelOf(c), c.id);
            }
            Source &source = *m_sources.at(index);
            const bool running = c.engineState == u"running" || c.engineState == u"restarting";
            if (!source.everAttached) {
                attach(index, c); // history first, then follow
            } else if (!source.stream && m_options.follow && running && source.detached
                       && c.startedAt == source.attachedStart) {
                attach(index, c); // back on screen: on from where the store ends
            } else if (!source.stream && m_options.follow && running
                       && c.startedAt != source.attachedStart) {
                // The container started again: mark it, and read on from where the store ends.
                const QByteArray marker =
                    Text::tr("── %1 restarted at %2 ──")
                        .arg(source.label, c.startedAt.toLocalTime().toString(Qt::ISODate))
                        .toUtf8();
                source.store->appendLine(MarkerStream, marker,
                                         c.startedAt.toMSecsSinceEpoch() * 1000000LL);
                m_merged.push_back({index, source.store->endSeq() - 1});
                announce();
                emit restarted(index);
                attach(index, c);
            }
        }
    }
}

void ProjectLogs::attach(int index, const ContainerState &container)
{
    Source &source = *m_sources.at(index);
    if (!m_client || source.stream) {
        return;
    }
    LogOptions options = m_options;
    options.timestamps = true; // for ordering, and to resume exactly
    if (source.everAttached) {
        options.tail.clear();
        // From just after the last line stored: the engine's since is inclusive, in seconds
        // with nanoseconds.
        const qint64 from = source.lastTimestampNs + 1;
        options.since = QStringLiteral("%1.%2")
                            .arg(from / 1000000000)
                            .arg(from % 1000000000, 9, 10, QLatin1Char('0'));
    }
    source.everAttached = true;
    source.detached = false;
    source.attachedStart = container.startedAt;
    auto *stream = new LogStream(m_client, container.id, options, this);
    source.stream = stream;
    stream->setSink([this, index](FrameDemuxer::Stream s, QByteArrayView bytes) {
        ingest(index, s == FrameDemuxer::Stream::Stderr ? 2 : 1, bytes, true);
    });
    connect(stream, &LogStream::finished, this, [this, index, stream](const Result<void> &result) {
        Source &source = *m_sources.at(index);
        source.store->flushPartial();
        if (source.stream == stream) {
            source.stream = nullptr;
        }
        stream->deleteLater();
        if (!result && result.error().code != Error::Code::NotFound) {
            emit streamFailed(index, result.error());
        }
        announce();
    });
    stream->start();
}

void ProjectLogs::stop()
{
    for (auto &source : m_sources) {
        if (source->stream) {
            source->stream->disconnect(this);
            source->stream->stop();
            source->stream->deleteLater();
            source->stream = nullptr;
            source->detached = true;
        }
    }
}

int ProjectLogs::openStreams() const
{
    int n = 0;
    for (const auto &source : m_sources) {
        n += source->stream ? 1 : 0;
    }
    return n;
}

QString ProjectLogs::lastLine(const QString &service, qsizetype maxChars) const
{
    // Only the last few lines are looked at: a service that printed nothing but blank lines for
    // a while has no line worth quoting.
    constexpr qint64 LookBack = 16;
    QString best;
    qint64 bestTime = std::numeric_limits<qint64>::min();
    for (const auto &source : m_sources) {
        if (source->service != service) {
            continue;
        }
        const LogStore &store = *source->store;
        for (qint64 seq = store.endSeq() - 1; seq >= std::max(store.firstSeq(), store.endSeq() - LookBack);
             --seq) {
            const LogLine line = store.line(seq);
            if (!line.isValid() || line.stream == MarkerStream) {
                continue;
            }
            const QString text = QString::fromUtf8(stripAnsi(line.bytes)).trimmed();
            if (text.isEmpty()) {
                continue;
            }
            // Without timestamps the later source (a newer container) wins.
            if (line.timestampNs >= bestTime) {
                bestTime = line.timestampNs;
                best = text.size() > maxChars ? text.left(maxChars - 1) + QChar(0x2026) : text;
            }
            break;
        }
    }
    return best;
}

void ProjectLogs::clear()
{
    for (auto &source : m_sources) {
        source->store->clear();
    }
    m_mergedBase += qint64(m_merged.size());
    m_merged.clear();
    emit linesAdded();
}

} // namespace DevDock::Core
