// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace DevDock::Core {

// Runs `work` in a worker thread of the global pool and `done` with its result in `context`'s
// thread; dropped when `context` is gone first (the watcher is its child). For blocking work
// (git, file reads and writes, socket tables) that must never stall the window's thread.
template <typename T>
void offThread(QObject *context, std::function<T()> work, std::function<void(T)> done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace DevDock::Core
