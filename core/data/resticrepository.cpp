// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "resticrepository.h"

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

#include "env/secretstore.h"
#include "util/redaction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace DevDock::Core {

namespace {

// restic prints its cause on stderr; the last "Fatal:" line (or the last line) is the one to
// show, without restic's own prefix.
QString causeLine(const QByteArray &stderrText)
{
    const QStringList lines =
        redactSecrets(QString::fromUtf8(stderrText)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (it->startsWith(QLatin1String("Fatal: "))) {
            return it->mid(7).trimmed();
        }
    }
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

QString generatedPassword()
{
    // 32 random bytes, as text: restic takes the password as a string.
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding
                                              | QByteArray::OmitTrailingEquals));
}

} // namespace

QString ResticSnapshot::tag(const QString &key) const
{
    const QString prefix = key + QLatin1Char('=');
    for (const QString &t : tags) {
        if (t.startsWith(prefix)) {
            return t.mid(prefix.size());
        }
    }
    return {};
}

QList<ResticSnapshot> ResticSnapshot::listFromJson(const QByteArray &json)
{
    QList<ResticSnapshot> list;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        ResticSnapshot s;
        s.id = o.value(QStringLiteral("id")).toString();
        s.shortId = o.value(QStringLiteral("short_id")).toString();
        if (s.shortId.isEmpty()) {
            s.shortId = s.id.left(8);
        }
        s.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        s.hostname = o.value(QStringLiteral("hostname")).toString();
        for (const QJsonValue &p : o.value(QStringLiteral("paths")).toArray()) {
            s.paths << p.toString();
        }
        for (const QJsonValue &t : o.value(QStringLiteral("tags")).toArray()) {
            s.tags << t.toString();
        }
        list << s;
    }
    std::stable_sort(list.begin(), list.end(),
                     [](const ResticSnapshot &a, const ResticSnapshot &b) { return a.time < b.time; });
    return list;
}

QStringList RetentionPolicy::arguments() const
{
    QStringList args;
    const std::pair<const char *, int> keeps[] = {{"--keep-last", last},     {"--keep-hourly", hourly},
                                                  {"--keep-daily", daily},   {"--keep-weekly", weekly},
                                                  {"--keep-monthly", monthly}, {"--keep-yearly", yearly}};
    for (const auto &[option, n] : keeps) {
        if (n > 0) {
            args << QString::fromLatin1(option) << QString::number(n);
        }
    }
    for (const QString &tag : keepTags) {
        args << QStringLiteral("--keep-tag") << tag;
    }
    return args;
}

ResticRepository::ResticRepository(QString repository, QString password, QObject *parent)
    : QObject(parent)
    , m_repository(std::move(repository))
    , m_password(std::move(password))
{
    registerSecret(QStringLiteral("restic repository password"), m_password);
}

QString ResticRepository::defaultLocation()
{
    // One place for the window and devdockctl (the per-application data folder gave each its
    // own repository: a backup taken on the command line was not in the window's list).
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString shared = data + QStringLiteral("/devdock/backups");
    // Where the window, then devdockctl, kept their repositories before: still used while there
    // is none in the shared place (nothing backed up there is lost from sight).
    if (!QFileInfo(shared + QStringLiteral("/config")).isFile()) {
        for (const char *old : {"/DevDock/DevDock/backups", "/DevDock/devdockctl/backups"}) {
            const QString path = data + QString::fromLatin1(old);
            if (QFileInfo(path + QStringLiteral("/config")).isFile()) {
                return path;
            }
        }
    }
    return shared;
}

QString ResticRepository::passwordKey(const QString &repository)
{
    // One password per repository; the key names the repository by a hash (a URL may carry a
    // user name that does not belong in a keychain entry's name).
    return QStringLiteral("restic-password-")
           + QString::fromLatin1(
               QCryptographicHash::hash(repository.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

void ResticRepository::loadOrCreatePassword(SecretStore &store, const QString &repository,
                                            QObject *context, Callback<QString> callback)
{
    const QString key = passwordKey(repository);
    SecretStore *s = &store;
    store.read(key, context, [s, key, context, callback](Result<std::optional<QString>> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        if (r->has_value() && !(*r)->isEmpty()) {
            callback(**r);
            return;
        }
        const QString password = generatedPassword();
        s->write(key, password, context, [password, callback](Result<void> w) {
            if (!w) {
                callback(std::unexpected(w.error()));
                return;
            }
            callback(password);
        });
    });
}

QProcessEnvironment ResticRepository::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Only this child sees the password; whatever the user exported for restic is not mixed in.
    for (const char *name : {"RESTIC_PASSWORD_FILE", "RESTIC_PASSWORD_COMMAND", "RESTIC_REPOSITORY_FILE"}) {
        env.remove(QString::fromLatin1(name));
    }
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), m_repository);
    env.insert(QStringLiteral("RESTIC_PASSWORD"), m_password);
    env.insert(QStringLiteral("RESTIC_PROGRESS_FPS"), QStringLiteral("2"));
    return env;
}

QProcess *ResticRepository::process(const QStringList &args, QObject *parent) const
{
    auto *p = new QProcess(parent);
    p->setProgram(m_program);
    p->setArguments(args);
    p->setProcessEnvironment(environment());
    // restic dies with DevDock: a DevDock killed mid-backup must not hand restic the end of its
    // input, which restic would take for the end of the volume and save as a snapshot.
    const pid_t devdock = ::getpid();
    p->setChildProcessModifier([devdock] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != devdock) {
            ::_exit(127); // DevDock ended before the line above
        }
    });
    return p;
}

Error ResticRepository::errorFor(const QString &what, int exitCode, const QByteArray &stderrText) const
{
    const QString text = QString::fromUtf8(stderrText);
    const QString where = QStringLiteral(" (repository %1)").arg(m_repository);
    if (text.contains(QLatin1String("wrong password"))) {
        return {Error::Code::PermissionDenied,
                what + QStringLiteral(": the backup repository's password is wrong") + where + QLatin1Char('.'),
                QStringLiteral("DevDock keeps it in the keychain under \"%1\"; restore that entry, "
                               "or point DevDock at another repository.")
                    .arg(passwordKey(m_repository))};
    }
    if (text.contains(QLatin1String("already locked"))) {
        return {Error::Code::Conflict,
                what + QStringLiteral(": the backup repository is locked by another restic run") + where
                    + QLatin1Char('.'),
                QStringLiteral("Wait for the other backup to finish; if none runs, remove the stale "
                               "lock with `restic unlock`.")};
    }
    if (text.contains(QLatin1String("no space left on device"))) {
        return {Error::Code::Io,
                what + QStringLiteral(": the disk that holds the backup repository is full") + where
                    + QLatin1Char('.'),
                QStringLiteral("Nothing was changed. Free space there (or forget and prune old "
                               "snapshots), then back up again.")};
    }
    if (text.contains(QLatin1String("Is there a repository at the following location?"))
        || text.contains(QLatin1String("repository does not exist"))) {
        return {Error::Code::NotFound, what + QStringLiteral(": there is no backup repository") + where + QLatin1Char('.'),
                QStringLiteral("Back up once to create it, or check the repository setting.")};
    }
    const QString cause = causeLine(stderrText);
    return {Error::Code::Io,
            what + QStringLiteral(" failed") + where
                + (cause.isEmpty() ? QStringLiteral(" (restic exit code %1).").arg(exitCode)
                                   : QStringLiteral(": ") + cause),
            {}};
}

void ResticRepository::run(const QStringList &args, const QString &what, QObject *context,
                           Callback<QByteArray> callback)
{
    QProcess *p = process(args, this);
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    auto deliver = [guard, hadContext, callback](Result<QByteArray> r) {
        if (hadContext && !guard) {
            return;
        }
        callback(std::move(r));
    };
    connect(p, &QProcess::errorOccurred, this, [this, p, what, deliver](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) {
            return;
        }
        p->deleteLater();
        deliver(makeError(Error::Code::Unsupported,
                          what + QStringLiteral(": restic (%1) could not be started.").arg(m_program),
                          QStringLiteral("Install restic (Debian: apt install restic).")));
    });
    connect(p, &QProcess::finished, this, [this, p, what, deliver](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        const QByteArray out = p->readAllStandardOutput();
        const QByteArray err = p->readAllStandardError();
        if (status != QProcess::NormalExit || code != 0) {
            deliver(std::unexpected(errorFor(what, code, err)));
            return;
        }
        deliver(out);
    });
    p->start();
}

void ResticRepository::ensureInitialized(QObject *context, Callback<void> callback)
{
    const bool local = !m_repository.contains(QLatin1Char(':'));
    // A local repository that has its config is there: the restic run that follows opens it (a
    // wrong password is named by it, as here), so the ~0.5 s of a restic start and key
    // derivation is not spent twice on every command.
    if (local && QFileInfo(QDir(m_repository).filePath(QStringLiteral("config"))).isFile()) {
        callback({});
        return;
    }
    run({QStringLiteral("cat"), QStringLiteral("config")}, QStringLiteral("Opening the backup repository"),
        context, [this, local, context, callback](Result<QByteArray> r) {
            if (r) {
                callback({});
                return;
            }
            if (r.error().code != Error::Code::NotFound) {
                callback(std::unexpected(r.error()));
                return;
            }
            if (local && !QDir().mkpath(m_repository)) {
                callback(makeError(Error::Code::Io,
                                   QStringLiteral("Cannot create the backup folder %1.").arg(m_repository),
                                   QStringLiteral("Check that its parent folder is writable.")));
                return;
            }
            run({QStringLiteral("init")}, QStringLiteral("Creating the backup repository"), context,
                [callback](Result<QByteArray> i) {
                    if (!i) {
                        callback(std::unexpected(i.error()));
                        return;
                    }
                    callback({});
                });
        });
}

void ResticRepository::snapshots(const QStringList &tags, QObject *context,
                                 Callback<QList<ResticSnapshot>> callback)
{
    QStringList args{QStringLiteral("snapshots"), QStringLiteral("--json")};
    if (!tags.isEmpty()) {
        args << QStringLiteral("--tag") << tags.join(QLatin1Char(','));
    }
    run(args, QStringLiteral("Listing the backups"), context, [callback](Result<QByteArray> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        callback(ResticSnapshot::listFromJson(*r));
    });
}

void ResticRepository::snapshotSize(const QString &id, QObject *context, Callback<qint64> callback)
{
    // Without a lock: a read that never holds up a backup, forget or prune (one that races a
    // prune fails and is asked again later).
    run({QStringLiteral("--no-lock"), QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--mode"),
         QStringLiteral("restore-size"), id},
        QStringLiteral("Reading the size of snapshot %1").arg(id.left(8)), context,
        [callback](Result<QByteArray> r) {
            if (!r) {
                callback(std::unexpected(r.error()));
                return;
            }
            const QJsonValue size = QJsonDocument::fromJson(r->trimmed()).object().value(QStringLiteral("total_size"));
            if (!size.isDouble()) {
                callback(makeError(Error::Code::Protocol, QStringLiteral("restic stats gave no size")));
                return;
            }
            callback(qint64(size.toDouble()));
        });
}

namespace {
// One file per repository: "<snapshot id> <bytes>" lines.
QString sizeCachePath(const QString &repository)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
           + QStringLiteral("/devdock/snapshot-sizes/")
           + QString::fromLatin1(QCryptographicHash::hash(repository.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}
} // namespace

QHash<QString, qint64> ResticRepository::cachedSizes() const
{
    QHash<QString, qint64> sizes;
    QFile f(sizeCachePath(m_repository));
    // A cache: anything odd in its place (not a file, unreadable, too big) is only a miss.
    if (!QFileInfo(f.fileName()).isFile() || QFileInfo(f.fileName()).size() > 4 * 1024 * 1024
        || !f.open(QIODevice::ReadOnly)) {
        return sizes;
    }
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> words = line.split(' ');
        bool ok = false;
        const qint64 bytes = words.value(1).toLongLong(&ok);
        if (words.size() == 2 && ok && bytes >= 0 && words[0].size() == 64) {
            sizes.insert(QString::fromLatin1(words[0]), bytes);
        }
    }
    return sizes;
}

void ResticRepository::rememberSize(const QString &id, qint64 bytes) const
{
    const QString path = sizeCachePath(m_repository);
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (QFileInfo::exists(path) && !QFileInfo(path).isFile()) {
        return;
    }
    if (f.open(QIODevice::Append)) {
        f.write(id.toLatin1() + ' ' + QByteArray::number(bytes) + '\n');
    }
}

void ResticRepository::forget(int keepLast, const QStringList &tags, bool prune, QObject *context,
                              Callback<QString> callback)
{
    QStringList args{QStringLiteral("forget"), QStringLiteral("--keep-last"), QString::number(keepLast),
                     QStringLiteral("--group-by"), QStringLiteral("tags")};
    if (!tags.isEmpty()) {
        args << QStringLiteral("--tag") << tags.join(QLatin1Char(','));
    }
    if (prune) {
        args << QStringLiteral("--prune");
    }
    run(args, QStringLiteral("Forgetting old backups"), context, [callback](Result<QByteArray> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        callback(QString::fromUtf8(*r));
    });
}

void ResticRepository::forget(const RetentionPolicy &policy, const QStringList &tags, bool dryRun, QObject *context,
                              Callback<ForgetOutcome> callback)
{
    // Grouped by paths: DevDock names each stream after its volume and kind (/db-data.tar,
    // /db-data.pgdump); grouping by tags would make every commit its own group.
    QStringList args{QStringLiteral("forget"), QStringLiteral("--json"), QStringLiteral("--group-by"), QStringLiteral("paths")};
    args << policy.arguments();
    if (!tags.isEmpty()) {
        args << QStringLiteral("--tag") << tags.join(QLatin1Char(','));
    }
    if (dryRun) {
        args << QStringLiteral("--dry-run");
    }
    run(args, QStringLiteral("Forgetting old backups"), context, [callback](Result<QByteArray> r) {
        if (!r) {
            callback(std::unexpected(r.error()));
            return;
        }
        ForgetOutcome outcome;
        auto ids = [](const QJsonValue &list, QStringList &into) {
            for (const QJsonValue &s : list.toArray()) {
                into << s.toObject().value(QStringLiteral("id")).toString();
            }
        };
        // Text lines can precede the JSON document; it is the last line.
        const QList<QByteArray> lines = r->trimmed().split('\n');
        for (const QJsonValue &group : QJsonDocument::fromJson(lines.value(lines.size() - 1)).array()) {
            ids(group.toObject().value(QStringLiteral("keep")), outcome.kept);
            ids(group.toObject().value(QStringLiteral("remove")), outcome.removed);
        }
        callback(outcome);
    });
}

void ResticRepository::prune(QObject *context, Callback<void> callback)
{
    run({QStringLiteral("prune")}, QStringLiteral("Pruning the backup repository"), context,
        [callback](Result<QByteArray> r) {
            if (!r) {
                callback(std::unexpected(r.error()));
                return;
            }
            callback({});
        });
}

} // namespace DevDock::Core
