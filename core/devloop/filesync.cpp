// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filesync.h"

#include "engine/engineclient.h"
#include "engine/tarwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace DevDock::Core {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(FileSync)
};

QRegularExpression globToRegex(QString pattern)
{
    // ** spans folders, * and ? stay inside one name.
    QString rx;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char('*')) {
                rx += QStringLiteral(".*");
                ++i;
                if (i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char('/')) {
                    ++i;
                    rx += QStringLiteral("/?");
                }
            } else {
                rx += QStringLiteral("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            rx += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[')) {
            const qsizetype end = pattern.indexOf(QLatin1Char(']'), i + 1);
            if (end < 0) {
                rx += QStringLiteral("\\[");
            } else {
                QString set = pattern.mid(i + 1, end - i - 1);
                if (set.startsWith(QLatin1Char('!'))) {
                    set[0] = QLatin1Char('^');
                }
                rx += QLatin1Char('[') + set + QLatin1Char(']');
                i = end;
            }
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(rx));
}

struct Packed
{
    QByteArray archive; // empty when nothing is copied
    QStringList copied;
    QStringList skipped;
    qint64 bytes = 0;
};

// The changed files that still exist, inside the watched folder, as one tar. Runs in a job.
Packed pack(const QString &root, const QString &targetPath, bool syncs, const QStringList &dirty)
{
    Packed packed;
    if (!syncs) {
        return packed;
    }
    TarWriter tar;
    const bool single = QFileInfo(root).isFile();
    for (const QString &relative : dirty) {
        const QString path = single ? root : root + QLatin1Char('/') + relative;
        const QString name = single ? QFileInfo(targetPath).fileName() : QDir::cleanPath(relative);
        if (name.isEmpty() || name.startsWith(QLatin1String("../")) || name == QLatin1String("..")
            || QDir::isAbsolutePath(name)) {
            continue;
        }
        const QFileInfo info(path);
        if (info.isSymLink()) {
            const QString target = info.canonicalFilePath();
            if (target.isEmpty()
                || (!target.startsWith(root + QLatin1Char('/')) && target != root)) {
                packed.skipped << relative; // not followed out of the watched folder
                continue;
            }
        }
        QFile file(path);
        if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
            continue; // gone since; the next event says so
        }
        const QByteArray data = file.readAll(); // bytes as they are, binary or huge
        tar.addFile(name, data, int(info.permissions() & QFileDevice::ExeOwner ? 0755 : 0644),
                    info.lastModified().toSecsSinceEpoch());
        packed.copied << (single ? QFileInfo(root).fileName() : relative);
        packed.bytes += data.size();
    }
    if (!packed.copied.isEmpty()) {
        packed.archive = tar.finish();
    }
    return packed;
}

} // namespace

bool isIgnored(const QString &relativePath, const QStringList &patterns)
{
    const QStringList names = relativePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString pattern : patterns) {
        pattern = pattern.trimmed();
        while (pattern.startsWith(QLatin1String("./"))) {
            pattern.remove(0, 2);
        }
        while (pattern.startsWith(QLatin1Char('/'))) {
            pattern.remove(0, 1);
        }
        while (pattern.endsWith(QLatin1Char('/'))) {
            pattern.chop(1);
        }
        if (pattern.isEmpty()) {
            continue;
        }
        const QRegularExpression rx = globToRegex(pattern);
        // The path itself or any folder above it.
        QString prefix;
        for (const QString &name : names) {
            prefix = prefix.isEmpty() ? name : prefix + QLatin1Char('/') + name;
            if (rx.match(prefix).hasMatch()) {
                return true;
            }
        }
        if (!pattern.contains(QLatin1Char('/'))) {
            for (const QString &name : names) {
                if (rx.match(name).hasMatch()) {
                    return true;
                }
            }
        }
    }
    return false;
}

QString SyncStatus::stateName(State state)
{
    switch (state) {
    case State::Idle:
        return QStringLiteral("idle");
    case State::Syncing:
        return QStringLiteral("syncing");
    case State::Paused:
        return QStringLiteral("paused");
    case State::Error:
        return QStringLiteral("error");
    }
    return {};
}

FileSync::FileSync(EngineClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(60);
    connect(&m_debounce, &QTimer::timeout, this, &FileSync::flush);
    m_retry.setSingleShot(true);
    m_retry.setInterval(1000);
    connect(&m_retry, &QTimer::timeout, this, &FileSync::flush);
}

FileSync::~FileSync() = default;

void FileSync::setProject(const ComposeProject &project, const QStringList &services)
{
    const bool wasRunning = m_running;
    stop();
    m_project = project;
    m_rules.clear();
    for (const ComposeService &s : project.services) {
        if (!services.isEmpty() && !services.contains(s.name)) {
            continue;
        }
        for (const ComposeWatchRule &rule : s.watch) {
            Rule r;
            r.service = s.name;
            r.rule = rule;
            m_rules << r;
        }
    }
    if (wasRunning) {
        start();
    }
}

QStringList FileSync::services() const
{
    QStringList names;
    for (const Rule &r : m_rules) {
        if (!names.contains(r.service)) {
            names << r.service;
        }
    }
    return names;
}

void FileSync::start()
{
    if (m_running) {
        return;
    }
    m_running = true;
    ++m_generation;
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &FileSync::onPathChanged);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &FileSync::onPathChanged);
    for (int i = 0; i < m_rules.size(); ++i) {
        Rule &rule = m_rules[i];
        rule.snapshot.clear();
        rule.dirty.clear();
        rule.removed.clear();
        const QFileInfo info(rule.rule.path);
        if (!info.exists()) {
            setStatus(rule.service, SyncStatus::State::Error,
                      Text::tr("The watched path %1 does not exist.").arg(rule.rule.path));
            continue;
        }
        rule.root = info.canonicalFilePath();
        if (info.isDir()) {
            scan(rule, rule.root, true);
            watchTree(rule, rule.root);
        } else {
            rule.snapshot.insert(QString(), {info.lastModified().toMSecsSinceEpoch(), info.size()});
            // The file, and its folder: editors that save by renaming replace the file, and the
            // watch on the old one goes with it.
            m_watcher->addPaths({rule.root, info.absolutePath()});
        }
        setStatus(rule.service, SyncStatus::State::Idle);
        if (rule.rule.initialSync && rule.rule.action.startsWith(QLatin1String("sync"))) {
            for (auto it = rule.snapshot.cbegin(); it != rule.snapshot.cend(); ++it) {
                rule.dirty.insert(it.key());
            }
            runBatch(i, true);
        }
    }
}

void FileSync::stop()
{
    m_running = false;
    ++m_generation;
    m_debounce.stop();
    m_retry.stop();
    delete m_watcher;
    m_watcher = nullptr;
    m_busy.clear();
}

void FileSync::watchTree(Rule &rule, const QString &directory)
{
    QStringList paths{directory};
    QDirIterator it(directory,
                    QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(rule.root).relativeFilePath(path);
        if (isIgnored(relative, rule.rule.ignore) || it.fileInfo().isSymLink()) {
            continue;
        }
        paths << path;
    }
    m_watcher->addPaths(paths);
}

void FileSync::scan(Rule &rule, const QString &directory, bool record)
{
    // The files under `directory` now; compared with the snapshot, they give what changed.
    const QDir root(rule.root);
    const QString prefix =
        directory == rule.root ? QString() : root.relativeFilePath(directory) + QLatin1Char('/');
    QSet<QString> seen;
    QDirIterator it(directory, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = root.relativeFilePath(path);
        if (isIgnored(relative, rule.rule.ignore)) {
            continue;
        }
        seen.insert(relative);
        const QFileInfo info = it.fileInfo();
        const QPair<qint64, qint64> stamp{info.lastModified().toMSecsSinceEpoch(), info.size()};
        const auto known = rule.snapshot.constFind(relative);
        if (known == rule.snapshot.cend() || *known != stamp) {
            rule.snapshot.insert(relative, stamp);
            if (!record) {
                rule.dirty.insert(relative);
                rule.removed.remove(relative);
                if (m_watcher != nullptr && !info.isSymLink()) {
                    m_watcher->addPath(path); // new files get watched for in-place writes
                }
            }
        }
    }
    if (record) {
        return;
    }
    for (auto it2 = rule.snapshot.begin(); it2 != rule.snapshot.end();) {
        if ((prefix.isEmpty() || it2.key().startsWith(prefix)) && !seen.contains(it2.key())) {
            rule.removed.insert(it2.key());
            rule.dirty.remove(it2.key());
            it2 = rule.snapshot.erase(it2);
        } else {
            ++it2;
        }
    }
}

void FileSync::onPathChanged(const QString &path)
{
    for (Rule &rule : m_rules) {
        if (!rule.root.isEmpty() && rule.snapshot.contains(QString())
            && path == QFileInfo(rule.root).absolutePath()) {
            // The folder of a single-file rule: did the file change (or come back)?
            const QFileInfo file(rule.root);
            const QPair<qint64, qint64> stamp{file.lastModified().toMSecsSinceEpoch(), file.size()};
            if (file.exists() && rule.snapshot.value(QString()) != stamp) {
                rule.snapshot.insert(QString(), stamp);
                rule.dirty.insert(QString());
                m_watcher->addPath(rule.root);
            }
            continue;
        }
        if (rule.root.isEmpty()
            || (path != rule.root && !path.startsWith(rule.root + QLatin1Char('/')))) {
            continue;
        }
        const QFileInfo info(path);
        if (info.isDir()) {
            scan(rule, path, false);
            watchTree(rule, path); // new folders
        } else if (info.exists()) {
            // In-place writes keep the size and may keep the mtime: a change event is enough.
            const QString relative =
                path == rule.root ? QString() : QDir(rule.root).relativeFilePath(path);
            if (!isIgnored(relative, rule.rule.ignore)) {
                rule.snapshot.insert(relative,
                                     {info.lastModified().toMSecsSinceEpoch(), info.size()});
                rule.dirty.insert(relative);
                rule.removed.remove(relative);
            }
            if (m_watcher != nullptr && !m_watcher->files().contains(path)) {
                m_watcher->addPath(path); // replaced by a rename: watch the new file
            }
        } else {
            // Gone: the folder's event lists what else went.
            scan(rule, info.absolutePath(), false);
        }
    }
    m_debounce.start();
}

void FileSync::flush()
{
    for (int i = 0; i < m_rules.size(); ++i) {
        const Rule &rule = m_rules.at(i);
        if ((!rule.dirty.isEmpty() || !rule.removed.isEmpty()) && !m_busy.contains(i)) {
            runBatch(i, false);
        }
    }
}

void FileSync::setStatus(const QString &service, SyncStatus::State state, const QString &message)
{
    SyncStatus &status = m_status[service];
    if (status.state == state && status.message == message) {
        return;
    }
    status.state = state;
    status.message = message;
    emit statusChanged(service, status);
}

void FileSync::runBatch(int ruleIndex, bool initial)
{
    Rule &rule = m_rules[ruleIndex];
    SyncBatch batch;
    batch.service = rule.service;
    batch.action = rule.rule.action;
    batch.target = QDir::cleanPath(rule.rule.target);
    batch.initial = initial;
    if (rule.rule.action == QLatin1String("rebuild")) {
        rule.dirty.clear();
        rule.removed.clear();
        if (!m_rebuild) {
            batch.result = makeError(
                Error::Code::Unsupported,
                Text::tr("%1: a rebuild rule needs DevDock's stack control.").arg(rule.service));
        } else {
            m_rebuild(rule.service);
        }
        finishBatch(batch, ruleIndex);
        return;
    }
    m_busy.insert(ruleIndex);
    setStatus(rule.service, SyncStatus::State::Syncing);
    const quint64 generation = m_generation;
    ContainerListOptions options;
    options.filters.insert(QStringLiteral("label"),
                           {QStringLiteral("com.docker.compose.project=") + m_project.name,
                            QStringLiteral("com.docker.compose.service=") + rule.service});
    options.filters.insert(QStringLiteral("status"), {QStringLiteral("running")});
    m_client->listContainers(
        options, this,
        [this, ruleIndex, generation,
         batch](const Result<QList<ContainerSummary>> &listed) mutable {
            if (generation != m_generation) {
                return;
            }
            Rule &rule = m_rules[ruleIndex];
            if (!listed) {
                m_busy.remove(ruleIndex);
                setStatus(rule.service, SyncStatus::State::Paused,
                          Text::tr("The engine is not reachable: %1").arg(listed.error().message));
                m_retry.start();
                return;
            }
            QStringList containers;
            for (const ContainerSummary &c : *listed) {
                if (c.labels.value(QStringLiteral("com.docker.compose.oneoff"))
                    != QLatin1String("True")) {
                    containers << c.id;
                }
            }
            if (containers.isEmpty()) {
                m_busy.remove(ruleIndex);
                // Kept: copied as soon as the service runs again.
                setStatus(rule.service, SyncStatus::State::Paused,
                          Text::tr("%1 is not running: sync paused, changes are kept.")
                              .arg(rule.service));
                m_retry.start();
                return;
            }
            QElapsedTimer timer;
            timer.start();
            // The changed files are read and packed off the GUI thread (they may be large).
            const QStringList dirty(rule.dirty.cbegin(), rule.dirty.cend());
            batch.deleted = rule.rule.action.startsWith(QLatin1String("sync"))
                                ? QStringList(rule.removed.cbegin(), rule.removed.cend())
                                : QStringList();
            rule.dirty.clear();
            rule.removed.clear();
            auto *watcher = new QFutureWatcher<Packed>(this);
            connect(watcher, &QFutureWatcherBase::finished, this,
                    [this, watcher, ruleIndex, generation, batch, containers, timer]() mutable {
                        watcher->deleteLater();
                        if (generation != m_generation) {
                            return;
                        }
                        const Packed packed = watcher->result();
                        batch.copied = packed.copied;
                        batch.skipped = packed.skipped;
                        batch.bytes = packed.bytes;
                        send(ruleIndex, std::move(batch), containers, packed.archive, timer);
                    });
            watcher->setFuture(QtConcurrent::run(pack, rule.root, batch.target,
                                                 rule.rule.action.startsWith(QLatin1String("sync")),
                                                 dirty));
        });
}

void FileSync::send(int ruleIndex, SyncBatch batch, const QStringList &containers,
                    const QByteArray &archive, QElapsedTimer timer)
{
    const Rule &rule = m_rules.at(ruleIndex);
    const quint64 generation = m_generation;
    const QString target =
        QFileInfo(rule.root).isFile() ? QFileInfo(batch.target).path() : batch.target;
    // Deletions: paths joined onto the target, each checked to stay inside it.
    QStringList toDelete;
    for (const QString &relative : std::as_const(batch.deleted)) {
        const QString joined = QDir::cleanPath(batch.target + QLatin1Char('/') + relative);
        if (joined.startsWith(batch.target + QLatin1Char('/'))) {
            toDelete << joined;
        }
    }
    const bool restart = rule.rule.action == QLatin1String("sync+restart")
                         || rule.rule.action == QLatin1String("restart");
    batch.restarted = restart;
    // One container after another: upload, delete, restart.
    auto steps = std::make_shared<QList<std::function<void(std::function<void(Result<void>)>)>>>();
    for (const QString &id : containers) {
        if (!archive.isEmpty()) {
            steps->append([this, id, target, archive](std::function<void(Result<void>)> next) {
                m_client->uploadArchive(
                    id, target, archive, this,
                    [this, id, target, archive, next](const Result<void> &r) {
                        if (r || r.error().code != Error::Code::NotFound) {
                            next(r);
                            return;
                        }
                        // The target folder does not exist yet: create it, then copy again.
                        ExecOptions mkdir;
                        mkdir.command = {QStringLiteral("mkdir"), QStringLiteral("-p"), target};
                        m_client->exec(
                            id, mkdir, this,
                            [this, id, target, archive, next](const Result<ExecResult> &made) {
                                if (!made || made->exitCode != 0) {
                                    next(makeError(Error::Code::Api,
                                                   Text::tr("Cannot create %1 in the container.")
                                                       .arg(target)));
                                    return;
                                }
                                m_client->uploadArchive(id, target, archive, this, next);
                            });
                    });
            });
        }
        if (!toDelete.isEmpty()) {
            steps->append([this, id, toDelete](std::function<void(Result<void>)> next) {
                ExecOptions rm;
                rm.command =
                    QStringList{QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("--")}
                    + toDelete;
                m_client->exec(id, rm, this, [next](const Result<ExecResult> &done) {
                    if (!done) {
                        next(std::unexpected(done.error()));
                    } else if (done->exitCode != 0) {
                        next(makeError(
                            Error::Code::Api,
                            Text::tr("Deleting in the container failed: %1")
                                .arg(QString::fromUtf8(done->stderrData).trimmed()),
                            Text::tr("The container needs an rm command for deletions.")));
                    } else {
                        next({});
                    }
                });
            });
        }
        if (restart) {
            steps->append([this, id](std::function<void(Result<void>)> next) {
                m_client->restartContainer(id, 10, this, next);
            });
        }
    }
    // The chain keeps itself alive through the callbacks in flight (a weak self-reference,
    // so that it is freed when the last one is done).
    auto run = std::make_shared<std::function<void(int)>>();
    *run = [this, steps, self = std::weak_ptr(run), batch, ruleIndex, generation,
            timer](int at) mutable {
        if (generation != m_generation) {
            return;
        }
        if (at >= steps->size()) {
            batch.elapsedMs = timer.elapsed();
            batch.result = {};
            finishBatch(batch, ruleIndex);
            return;
        }
        (*steps)[at]([this, next = self.lock(), at, batch, ruleIndex, generation,
                      timer](const Result<void> &r) mutable {
            if (generation != m_generation) {
                return;
            }
            if (!r) {
                batch.elapsedMs = timer.elapsed();
                batch.result = r;
                finishBatch(batch, ruleIndex);
                return;
            }
            (*next)(at + 1);
        });
    };
    (*run)(0);
}

void FileSync::finishBatch(SyncBatch batch, int ruleIndex)
{
    m_busy.remove(ruleIndex);
    const Rule &rule = m_rules.at(ruleIndex);
    SyncStatus &status = m_status[rule.service];
    if (batch.result) {
        status.lastSync = QDateTime::currentDateTime();
        ++status.batches;
        status.state = SyncStatus::State::Idle;
        status.message = batch.skipped.isEmpty()
                             ? QString()
                             : Text::tr("Not followed (outside the watched folder): %1")
                                   .arg(batch.skipped.join(QStringLiteral(", ")));
    } else {
        status.state = SyncStatus::State::Error;
        status.message = batch.result.error().message;
    }
    emit statusChanged(rule.service, status);
    emit batchFinished(batch);
    if (!rule.dirty.isEmpty() || !rule.removed.isEmpty()) {
        m_debounce.start(); // changes that came in meanwhile
    }
}

} // namespace DevDock::Core
