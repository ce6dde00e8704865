// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/enginetypes.h"
#include "logstore.h"
#include "stack/servicestate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

namespace DevDock::Core {

class EngineClient;
class LiveState;
class LogStream;

// The logs of a project: one LogStore per container (replicas and one-offs told apart by their
// label, "api-2"), fed by the engine's log streams, and a merged order of all their lines as
// they arrived. Following re-attaches a container that restarts, from the last timestamp it
// stored (nothing twice, nothing missing), and marks the restart in its store. Line arrival is
// announced in batches, at most 20 times a second.
class ProjectLogs final : public QObject
{
    Q_OBJECT
public:
    static constexpr quint8 MarkerStream = 0; // a line DevDock wrote: "restarted"

    struct Source
    {
        QString containerId;
        QString service;
        QString label; // "api-1"
        int index = 0; // stable, for colours
        std::unique_ptr<LogStore> store;
        qint64 lastTimestampNs = 0;
        QDateTime attachedStart;
        LogStream *stream = nullptr;
        bool everAttached = false;
        bool detached = false; // stop() ended its stream: the next update resumes it
    };
    struct Ref
    {
        int source = 0;
        qint64 seq = 0;
    };

    explicit ProjectLogs(EngineClient *client, QObject *parent = nullptr);
    // How a container is named in the logs: "api-2", or a one-off container's own name.
    static QString labelOf(const ContainerState &container);
    ~ProjectLogs() override;

    void setLimits(const LogStore::Limits &limits) { m_limits = limits; }
    // Which logs to read first: LogOptions.tail / since; follow decides whether to keep going.
    void setOptions(const LogOptions &options) { m_options = options; }
    // Feed it LiveState's snapshots: new and restarted containers are attached, and those whose
    // stream stop() ended resume from the last line stored (the history is not read twice).
    void updateContainers(const QList<ServiceState> &services);
    void stop();

    // For tests and benchmarks: lines as if a container's stream had delivered them.
    int addSource(const QString &service, const QString &label, const QString &containerId = {});
    void ingest(int source, quint8 stream, QByteArrayView bytes, bool timestamps);

    int sourceCount() const { return int(m_sources.size()); }
    const Source &source(int index) const { return *m_sources.at(index); }
    int sourceOf(const QString &containerId) const { return m_byContainer.value(containerId, -1); }

    // The merged order: numbers from mergedFirst() to mergedEnd() (exclusive); lines evicted from
    // their store fall out of the front.
    qint64 mergedFirst() const;
    qint64 mergedEnd() const { return m_mergedBase + qint64(m_merged.size()); }
    Ref merged(qint64 index) const { return m_merged.at(size_t(index - m_mergedBase)); }
    LogLine line(const Ref &ref) const { return m_sources.at(ref.source)->store->line(ref.seq); }
    // A service's newest log line as text (escape sequences removed, at most maxChars), from the
    // container that wrote last; DevDock's own marker lines and blank lines are passed over.
    QString lastLine(const QString &service, qsizetype maxChars = 300) const;
    void clear();
    int openStreams() const;

signals:
    void linesAdded();
    void sourcesChanged();
    void restarted(int source);
    void streamFailed(int source, const DevDock::Core::Error &error);

private:
    void attach(int index, const ContainerState &container);
    void announce();
    void trimMerged();

    QPointer<EngineClient> m_client;
    LogStore::Limits m_limits;
    LogOptions m_options;
    std::vector<std::unique_ptr<Source>> m_sources;
    QHash<QString, int> m_byContainer;
    std::deque<Ref> m_merged;
    qint64 m_mergedBase = 0;
    QTimer m_announce;
    bool m_pending = false;
};

} // namespace DevDock::Core
