// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "util/result.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace DevDock::Core {

class EngineClient;

// Whether a path (relative to a watch rule's path, '/'-separated) matches one of the rule's
// ignore patterns: globs (*, ?, [..], **) against the path, any of its parent folders, or — for a
// pattern without a slash — any one of its names.
bool isIgnored(const QString &relativePath, const QStringList &patterns);

struct SyncStatus
{
    enum class State { Idle, Syncing, Paused, Error };
    State state = State::Idle;
    QString message;    // why paused, or the error
    QDateTime lastSync; // the last batch that reached the container
    qint64 batches = 0;
    static QString stateName(State state);
};

struct SyncBatch
{
    QString service;
    QString action;     // sync, sync+restart, restart, rebuild
    QString target;     // the folder in the container
    QStringList copied; // relative paths
    QStringList deleted;
    QStringList skipped; // symlinks that point outside the watched folder
    qint64 bytes = 0;
    qint64 elapsedMs = 0;
    bool restarted = false;
    bool initial = false;
    Result<void> result;
};

// Compose's develop.watch, run by DevDock: watches each rule's host folder (inotify through
// QFileSystemWatcher), gathers changes for a short debounce, then copies changed files into the
// service's running containers through the engine's archive API and deletes removed ones (or
// restarts, or asks for a rebuild, as the rule says). Works with remote engines too. Writes stay
// inside the rule's target; symlinks pointing outside the watched folder are not followed; a
// container that is not running pauses the sync (changes are kept and copied when it runs).
class FileSync final : public QObject
{
    Q_OBJECT
public:
    explicit FileSync(EngineClient *client, QObject *parent = nullptr);
    ~FileSync() override;

    // `services` empty: every service with watch rules.
    void setProject(const ComposeProject &project, const QStringList &services = {});
    QStringList services() const; // those being synced
    // Rebuild rules call this (e.g. StackController::rebuild); without it they report an error.
    void setRebuildHandler(std::function<void(const QString &service)> handler)
    {
        m_rebuild = std::move(handler);
    }
    void setDebounce(int ms) { m_debounce.setInterval(ms); }

    void start(); // initial syncs first, for rules that ask for it
    void stop();
    bool isRunning() const { return m_running; }
    SyncStatus status(const QString &service) const { return m_status.value(service); }

signals:
    void batchFinished(const DevDock::Core::SyncBatch &batch);
    void statusChanged(const QString &service, const DevDock::Core::SyncStatus &status);

private:
    struct Rule
    {
        QString service;
        ComposeWatchRule rule;
        QString root;                                   // canonical host path
        QHash<QString, QPair<qint64, qint64>> snapshot; // relative path -> (mtime ms, size)
        QSet<QString> dirty; // relative paths changed since the last batch
        QSet<QString> removed;
        bool restartPending = false;
        bool rebuildPending = false;
    };
    void watchTree(Rule &rule, const QString &directory);
    void scan(Rule &rule, const QString &directory, bool record);
    void onPathChanged(const QString &path);
    void flush();
    void runBatch(int ruleIndex, bool initial);
    void setStatus(const QString &service, SyncStatus::State state, const QString &message = {});
    void finishBatch(SyncBatch batch, int ruleIndex);
    // Copies the packed files into each container, deletes, restarts: one after another.
    void send(int ruleIndex, SyncBatch batch, const QStringList &containers,
              const QByteArray &archive, QElapsedTimer timer);

    EngineClient *m_client;
    ComposeProject m_project;
    QList<Rule> m_rules;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer m_debounce;
    QTimer m_retry;
    QHash<QString, SyncStatus> m_status;
    std::function<void(const QString &)> m_rebuild;
    QSet<int> m_busy; // rules with a batch in flight
    bool m_running = false;
    quint64 m_generation = 0;
};

} // namespace DevDock::Core
