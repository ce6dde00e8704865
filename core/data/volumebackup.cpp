// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "volumebackup.h"

#include "data/processstream.h"
#include "data/resticrepository.h"
#include "engine/engineclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cctype>
#include <functional>

namespace DevDock::Core {

namespace {

// Stdout lines of `restic backup --json`: status lines, then one summary with the snapshot id.
QString snapshotIdFromJsonLines(const QByteArray &out)
{
    QString id;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("message_type")).toString() == QLatin1String("summary")) {
            id = o.value(QStringLiteral("snapshot_id")).toString();
        }
    }
    return id;
}

QString fileNameFor(const SnapshotTags &tags)
{
    QString name = tags.volume;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    return name + (tags.kind == QLatin1String("files") ? QStringLiteral(".tar") : QStringLiteral(".dump"));
}

// The one way a backup or restore ends, whatever its outcome: the engine stream cut (its
// signals no longer reach `owner`), `restic` killed when given and still running, the helper
// container removed; then `deliver`, also when the engine is gone.
void endTransfer(EngineClient *client, const QString &helper, ProcessStream *transfer, QProcess *restic,
                 QObject *owner, const std::function<void()> &deliver)
{
    if (transfer) {
        transfer->disconnect(owner);
        transfer->cancel();
    }
    if (restic && restic->state() != QProcess::NotRunning) {
        restic->kill();
        restic->waitForFinished(5000);
    }
    if (helper.isEmpty() || !client) {
        deliver();
        return;
    }
    removeHelperContainer(client, helper, owner, [deliver](Result<void>) { deliver(); });
}

} // namespace

QString SnapshotTags::clean(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char(','), QLatin1Char('_'));
    return v;
}

bool SnapshotTags::mayReuse() const
{
    return checkpoint.isEmpty() && reason != QLatin1String("safety");
}

QStringList SnapshotTags::toTags() const
{
    QStringList tags{QStringLiteral("devdock")};
    const std::pair<const char *, const QString *> fields[] = {
        {"project", &project}, {"service", &service},     {"volume", &volume},
        {"kind", &kind},       {"branch", &gitBranch},    {"commit", &gitCommit},
        {"checkpoint", &checkpoint}, {"reason", &reason},     {"state", &state},
        {"format", &format},
    };
    for (const auto &[key, value] : fields) {
        if (!value->isEmpty()) {
            tags << QString::fromLatin1(key) + QLatin1Char('=') + clean(*value);
        }
    }
    return tags;
}

VolumeBackupJob::VolumeBackupJob(EngineClient *client, ResticRepository *repository, DataMount mount,
                                 QString image, SnapshotTags tags, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_mount(std::move(mount))
    , m_image(std::move(image))
    , m_tags(std::move(tags))
{}

void VolumeBackupJob::start()
{
    // stat's %z/%y carry nanoseconds, so a rewrite within the same second still shows; sorted,
    // because the order find reads a directory in is not the data. "v1": the format of the list.
    // Each step must succeed (sh has no pipefail): a missing sort would hash a constant and
    // call every later state unchanged.
    const QString script = QStringLiteral(
        "cd /data && find . -exec stat -c '%n|%s|%f|%u:%g|%i|%z|%y' {} + > /tmp/devdock-state "
        "&& sort /tmp/devdock-state > /tmp/devdock-sorted "
        "&& { echo v1; cat /tmp/devdock-sorted; } | sha256sum");
    runHelperCommandOutput(m_client, m_image, m_mount, QStringLiteral("backup-state"),
                           {QStringLiteral("sh"), QStringLiteral("-c"), script}, this,
                           [this](Result<QByteArray> out) {
                               if (m_done) {
                                   return;
                               }
                               const QByteArray hash = out ? out->left(32) : QByteArray();
                               const bool ok = hash.size() == 32
                                               && std::all_of(hash.cbegin(), hash.cend(), [](char c) {
                                                      return std::isxdigit(static_cast<unsigned char>(c));
                                                  });
                               // Without a state (no shell in the image) the volume is copied whole.
                               m_tags.state = ok ? QString::fromLatin1(hash) : QString();
                               if (ok && m_tags.mayReuse() && m_previous
                                   && m_previous->tag(QStringLiteral("kind")) == m_tags.kind
                                   && m_previous->tag(QStringLiteral("volume")) == SnapshotTags::clean(m_tags.volume)
                                   && m_previous->tag(QStringLiteral("state")) == m_tags.state) {
                                   m_unchanged = true;
                                   finish(m_previous->id);
                                   return;
                               }
                               copy();
                           });
}

void VolumeBackupJob::copy()
{
    createHelperContainer(m_client, m_image, m_mount, QStringLiteral("backup"), this,
                          [this](Result<QString> id) {
                              if (!id) {
                                  finish(std::unexpected(id.error()));
                                  return;
                              }
                              m_helper = *id;
                              startStream();
                          });
}

void VolumeBackupJob::startStream()
{
    const QString what = QStringLiteral("Backing up %1").arg(m_mount.source);
    m_restic = m_repository->process({QStringLiteral("backup"), QStringLiteral("--stdin"),
                                      QStringLiteral("--stdin-filename"), fileNameFor(m_tags),
                                      QStringLiteral("--tag"), m_tags.toTags().join(QLatin1Char(',')),
                                      QStringLiteral("--json")},
                                     this);
    connect(m_restic, &QProcess::readyReadStandardOutput, this,
            [this] { m_stdout += m_restic->readAllStandardOutput(); });
    connect(m_restic, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_restic->readAllStandardError();
        m_stderr = m_stderr.right(64 * 1024);
    });
    connect(m_restic, &QProcess::errorOccurred, this, [this, what](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            finish(makeError(Error::Code::Unsupported, what + QStringLiteral(": restic could not be started."),
                             QStringLiteral("Install restic (Debian: apt install restic).")));
        }
    });
    connect(m_restic, &QProcess::finished, this, [this, what](int code, QProcess::ExitStatus status) {
        m_stdout += m_restic->readAllStandardOutput();
        m_stderr += m_restic->readAllStandardError();
        if (m_done) {
            return;
        }
        if (status != QProcess::NormalExit || code != 0 || !m_streamDone) {
            // restic ended before the stream did (disk full, locked, wrong password): its cause.
            finish(std::unexpected(m_repository->errorFor(what, code, m_stderr)));
            return;
        }
        const QString id = snapshotIdFromJsonLines(m_stdout);
        if (id.isEmpty()) {
            finish(makeError(Error::Code::Io, what + QStringLiteral(": restic named no snapshot.")));
            return;
        }
        finish(id);
    });
    m_transfer = ProcessStream::archiveOut(m_client, m_helper, QString::fromLatin1(kHelperDataPath), m_restic, this);
    connect(m_transfer, &ProcessStream::progressed, this, &VolumeBackupJob::progressed);
    connect(m_transfer, &ProcessStream::finished, this, [this, what](const Result<void> &r) {
        if (!r) {
            finish(makeError(r.error().code, what + QStringLiteral(": ") + r.error().message, r.error().hint));
            return;
        }
        m_streamDone = true;
        m_restic->closeWriteChannel(); // the end of the tar: restic saves the snapshot now
    });
    connect(m_restic, &QProcess::started, m_transfer, &ProcessStream::start);
    m_restic->start();
}

void VolumeBackupJob::cancel()
{
    finish(makeError(Error::Code::Cancelled, QStringLiteral("Backup of %1 cancelled; nothing was saved.").arg(m_mount.source)));
}

void VolumeBackupJob::finish(Result<QString> result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    // On failure restic is killed before its input ended: it saves nothing (no truncated
    // snapshot). On success it has exited already.
    endTransfer(m_client, m_helper, m_transfer, result ? nullptr : m_restic, this,
                [this, result] { emit finished(result); });
}

VolumeRestoreJob::VolumeRestoreJob(EngineClient *client, ResticRepository *repository, Options options,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_options(std::move(options))
{}

void VolumeRestoreJob::start()
{
    if (m_options.kind == DataMount::Kind::Bind) {
        // A host folder is never removed, only emptied (a new one the engine makes on mount).
        if (m_options.replace) {
            emptyInPlace();
        } else {
            prepareVolume();
        }
        return;
    }
    if (!m_options.replace) {
        prepareVolume();
        return;
    }
    HttpRequest request;
    request.method = "DELETE";
    request.target = "/volumes/" + QUrl::toPercentEncoding(m_options.volume);
    m_client->call(request, this, [this](Result<EngineClient::Response> r) {
        if (r || r.error().code == Error::Code::NotFound || r.error().message.contains(QLatin1String("no such volume"))) {
            prepareVolume();
            return;
        }
        if (r.error().code == Error::Code::Conflict || r.error().message.contains(QLatin1String("in use"))) {
            emptyInPlace();
            return;
        }
        finish(makeError(r.error().code,
                         QStringLiteral("Cannot empty volume %1 for the restore: %2").arg(m_options.volume, r.error().message),
                         QStringLiteral("Remove the containers that use it first (docker compose rm -s SERVICE).")));
    });
}

void VolumeRestoreJob::emptyInPlace()
{
    // The services' containers (stopped) still hold the volume, so it cannot be removed; they stay
    // (only Compose, with the project's environment, could create them again) and the volume is
    // emptied where it is. The globs cover dot files; an unmatched one stays literal and rm -f
    // ignores it.
    runHelperCommand(m_client, m_options.image, {m_options.kind, m_options.volume}, QStringLiteral("restore"),
                     {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("rm -rf -- /data/..?* /data/.[!.]* /data/*")},
                     this, [this](Result<void> r) {
                         if (!r) {
                             finish(makeError(r.error().code,
                                              QStringLiteral("Cannot empty volume %1 for the restore: %2")
                                                  .arg(m_options.volume, r.error().message),
                                              QStringLiteral("The volume is in use and the image %1 has no shell to empty it; "
                                                             "remove the containers that use it (docker compose rm -s SERVICE), "
                                                             "then restore again.")
                                                  .arg(m_options.image)));
                             return;
                         }
                         prepareVolume();
                     });
}

void VolumeRestoreJob::prepareVolume()
{
    if (m_options.kind == DataMount::Kind::Bind) {
        createHelper();
        return;
    }
    QJsonObject labels;
    for (auto it = m_options.labels.begin(); it != m_options.labels.end(); ++it) {
        labels.insert(it.key(), it.value());
    }
    HttpRequest request;
    request.method = "POST";
    request.target = "/volumes/create";
    request.contentType = "application/json";
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("Name"), m_options.volume},
                                             {QStringLiteral("Labels"), labels}})
                       .toJson(QJsonDocument::Compact);
    // Creating an existing volume returns it unchanged.
    m_client->call(request, this, [this](Result<EngineClient::Response> r) {
        if (!r) {
            finish(std::unexpected(r.error()));
            return;
        }
        createHelper();
    });
}

void VolumeRestoreJob::createHelper()
{
    createHelperContainer(m_client, m_options.image, {m_options.kind, m_options.volume},
                          QStringLiteral("restore"), this, [this](Result<QString> id) {
                              if (!id) {
                                  finish(std::unexpected(id.error()));
                                  return;
                              }
                              m_helper = *id;
                              startStream();
                          });
}

void VolumeRestoreJob::startStream()
{
    const QString what = QStringLiteral("Restoring snapshot %1 into %2").arg(m_options.snapshotId.left(8), m_options.volume);
    m_restic = m_repository->process({QStringLiteral("dump"), m_options.snapshotId, m_options.fileInSnapshot}, this);
    connect(m_restic, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_restic->readAllStandardError();
        m_stderr = m_stderr.right(64 * 1024);
    });
    m_transfer = ProcessStream::archiveIn(m_client, m_helper, QStringLiteral("/"), m_restic, this);
    connect(m_restic, &QProcess::finished, this, [this, what](int code, QProcess::ExitStatus status) {
        m_stderr += m_restic->readAllStandardError();
        if (status != QProcess::NormalExit || code != 0) {
            finish(std::unexpected(m_repository->errorFor(what, code, m_stderr)));
            return;
        }
        m_transfer->finishInput();
    });
    connect(m_restic, &QProcess::errorOccurred, this, [this, what](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            finish(makeError(Error::Code::Unsupported, what + QStringLiteral(": restic could not be started.")));
        }
    });
    connect(m_transfer, &ProcessStream::progressed, this, &VolumeRestoreJob::progressed);
    connect(m_transfer, &ProcessStream::finished, this, [this, what](const Result<void> &r) {
        if (!r) {
            finish(makeError(r.error().code, what + QStringLiteral(": ") + r.error().message, r.error().hint));
            return;
        }
        finish({});
    });
    m_restic->setReadChannel(QProcess::StandardOutput);
    connect(m_restic, &QProcess::started, m_transfer, &ProcessStream::start);
    m_restic->start();
}

void VolumeRestoreJob::cancel()
{
    finish(makeError(Error::Code::Cancelled, QStringLiteral("Restore into %1 cancelled.").arg(m_options.volume)));
}

void VolumeRestoreJob::finish(Result<void> result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    endTransfer(m_client, m_helper, m_transfer, m_restic, this, [this, result] { emit finished(result); });
}

} // namespace DevDock::Core
