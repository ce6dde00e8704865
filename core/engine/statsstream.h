// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enginetypes.h"
#include "linesplitter.h"
#include "util/result.h"

#include <QObject>
#include <QPointer>

namespace DevDock::Core {

class EngineClient;
class HttpConnection;

// Resource usage of one container (GET /containers/{id}/stats), streamed about once a second or
// a single sample. CPU % and memory are computed as `docker stats` computes them.
class StatsStream final : public QObject
{
    Q_OBJECT
public:
    StatsStream(EngineClient *client, QString container, bool stream, QObject *parent = nullptr);
    ~StatsStream() override;

    void start();
    void stop();

signals:
    void sampleReceived(const DevDock::Core::ContainerStats &stats);
    void finished(const DevDock::Core::Result<void> &result);

private:
    void finish(const Result<void> &result);

    QPointer<EngineClient> m_client;
    QString m_container;
    bool m_stream = true;
    HttpConnection *m_connection = nullptr;
    LineSplitter m_lines;
    QByteArray m_errorBody;
    int m_status = 0;
    bool m_running = false;
};

} // namespace DevDock::Core
