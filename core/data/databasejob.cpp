// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "databasejob.h"

#include "data/processstream.h"
#include "data/resticrepository.h"
#include "engine/engineclient.h"
#include "util/redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>
#include <QRegularExpression>
#include <QUrl>

namespace DevDock::Core {

namespace {

// Shell prologue run inside the database container: who and which database, as the official
// image's variables say. The password stays in the container.
const char *const kPrologue =
    "export PGPASSWORD=\"${POSTGRES_PASSWORD:-}\"; U=\"${POSTGRES_USER:-postgres}\"; "
    "D=\"${DEVDOCK_DATABASE:-${POSTGRES_DB:-$U}}\"; ";

// The cluster's roles (pg_dumpall --globals-only: plain SQL, with their password hashes where the
// user may read them) ahead of the database's pg_dump -Fc, in one stream: a line
// "DEVDOCK-PG roles <bytes>", that many bytes of SQL, then the custom-format dump. A role list
// that cannot be read (not a superuser, no /tmp) is left out (0 bytes), the dump still goes on.
const char *const kDump =
    "if g=$(mktemp 2>/dev/null) && { pg_dumpall --globals-only -U \"$U\" > \"$g\" 2>/dev/null "
    "|| pg_dumpall --globals-only --no-role-passwords -U \"$U\" > \"$g\" 2>/dev/null; }; then "
    "printf 'DEVDOCK-PG roles %s\\n' \"$(wc -c < \"$g\")\"; cat \"$g\"; rm -f \"$g\"; "
    "else rm -f \"${g:-}\"; printf 'DEVDOCK-PG roles 0\\n'; fi; "
    "exec pg_dump -Fc -U \"$U\" -d \"$D\"";

// A fresh database: dropped (connections ended) and created again, then filled. The
// maintenance database itself cannot be dropped; it is cleaned object by object instead.
const char *const kRestoreDatabase =
    "if [ \"$D\" = postgres ]; then "
    "exec pg_restore -U \"$U\" -d postgres --clean --if-exists --exit-on-error; fi; "
    "dropdb -U \"$U\" --if-exists --force \"$D\"; createdb -U \"$U\" \"$D\"; "
    "exec pg_restore -U \"$U\" -d \"$D\" --exit-on-error";

// With roles first: the header read (byte by byte, as sh reads a pipe), exactly that many bytes
// of SQL copied aside (dd bs=1 reads no further, where busybox's head -c would), then run by psql,
// where a role that exists already is an error psql goes past; the connecting superuser's own
// lines are left out (its password stays the one this container was made with). Then the
// database as above, so that its GRANTs find their roles. No /tmp: the roles are skipped.
const char *const kRestoreWithRoles = R"sh(set -e; read -r magic what n
if [ "$magic $what" != 'DEVDOCK-PG roles' ]; then echo 'not a DevDock PostgreSQL dump' >&2; exit 3; fi
case "$n" in ''|*[!0-9]*) echo 'a DevDock PostgreSQL dump with a damaged header' >&2; exit 3;; esac
if [ "$n" -gt 0 ]; then
  t=$(mktemp 2>/dev/null) || t=/dev/null
  dd bs=1 count="$n" of="$t" 2>/dev/null
  if [ "$t" != /dev/null ]; then
    awk -v u="$U" 'index($0, "CREATE ROLE " u ";") != 1 && index($0, "CREATE ROLE \"" u "\";") != 1 && index($0, "ALTER ROLE " u " WITH") != 1 && index($0, "ALTER ROLE \"" u "\" WITH") != 1' "$t" | psql -X -q -U "$U" -d postgres >/dev/null 2>&1 || true
    rm -f "$t"
  fi
fi
)sh";

} // namespace

DatabaseJob::DatabaseJob(EngineClient *client, ResticRepository *repository, Options options,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_repository(repository)
    , m_options(std::move(options))
{
    m_options.tags.kind = QStringLiteral("pg-dump");
    m_options.tags.format = QString::fromLatin1(kRolesFormat);
}

QString DatabaseJob::what() const
{
    return m_options.mode == Mode::Dump
               ? QStringLiteral("Dumping the database of %1").arg(m_options.container)
               : QStringLiteral("Restoring the database of %1").arg(m_options.container);
}

QString DatabaseJob::script() const
{
    QString text = QString::fromLatin1(kPrologue);
    if (m_options.mode == Mode::Dump) {
        return text + QString::fromLatin1(kDump);
    }
    if (m_options.withRoles) {
        text += QString::fromLatin1(kRestoreWithRoles);
    } else {
        text += QStringLiteral("set -e; ");
    }
    return text + QString::fromLatin1(kRestoreDatabase);
}

void DatabaseJob::start()
{
    const bool dump = m_options.mode == Mode::Dump;
    QJsonArray env;
    if (!m_options.database.isEmpty()) {
        env.append(QString(QStringLiteral("DEVDOCK_DATABASE=") + m_options.database));
    }
    const QJsonObject body{
        {QStringLiteral("AttachStdin"), !dump},
        {QStringLiteral("AttachStdout"), true},
        {QStringLiteral("AttachStderr"), true},
        {QStringLiteral("Tty"), false},
        {QStringLiteral("User"), QStringLiteral("postgres")},
        {QStringLiteral("Env"), env},
        {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"), script()}},
    };
    HttpRequest request;
    request.method = "POST";
    request.target = "/containers/" + QUrl::toPercentEncoding(m_options.container) + "/exec";
    request.contentType = "application/json";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_client->call(request, this, [this](Result<EngineClient::Response> r) {
        if (!r) {
            finish(makeError(r.error().code, what() + QStringLiteral(": ") + r.error().message,
                             QStringLiteral("Start the database service first; a dump needs it running.")));
            return;
        }
        startStreams(QJsonDocument::fromJson(r->body).object().value(QStringLiteral("Id")).toString());
    });
}

void DatabaseJob::startStreams(const QString &execId)
{
    const bool dump = m_options.mode == Mode::Dump;
    QString file = m_options.tags.volume;
    file.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    m_restic = dump ? m_repository->process({QStringLiteral("backup"), QStringLiteral("--stdin"),
                                             QStringLiteral("--stdin-filename"), file + QStringLiteral(".pgdump"),
                                             QStringLiteral("--tag"), m_options.tags.toTags().join(QLatin1Char(',')),
                                             QStringLiteral("--json")},
                                            this)
                    : m_repository->process({QStringLiteral("dump"), m_options.snapshotId, m_options.fileInSnapshot}, this);
    m_restic->setReadChannel(QProcess::StandardOutput);
    m_stream = dump ? ProcessStream::execOut(m_client, execId, m_restic, this)
                    : ProcessStream::execIn(m_client, execId, m_restic, this);
    if (dump) {
        connect(m_restic, &QProcess::readyReadStandardOutput, this, [this] { m_stdout += m_restic->readAllStandardOutput(); });
    }
    connect(m_restic, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_restic->readAllStandardError();
        m_stderr = m_stderr.right(64 * 1024);
    });
    connect(m_restic, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            finish(makeError(Error::Code::Unsupported, what() + QStringLiteral(": restic could not be started."),
                             QStringLiteral("Install restic (Debian: apt install restic).")));
        }
    });
    connect(m_restic, &QProcess::finished, this, [this, dump, execId](int code, QProcess::ExitStatus status) {
        if (dump) {
            m_stdout += m_restic->readAllStandardOutput();
        }
        m_stderr += m_restic->readAllStandardError();
        if (m_done) {
            return;
        }
        if (status != QProcess::NormalExit || code != 0 || (dump && !m_streamDone)) {
            finish(std::unexpected(m_repository->errorFor(what(), code, m_stderr)));
            return;
        }
        m_resticDone = true;
        if (dump) {
            checkExit(execId);
        } else {
            m_stream->finishInput();
        }
    });
    connect(m_stream, &ProcessStream::progressed, this, &DatabaseJob::progressed);
    connect(m_stream, &ProcessStream::finished, this, [this, dump, execId](const Result<void> &r) {
        if (!r) {
            finish(makeError(r.error().code, what() + QStringLiteral(": ") + r.error().message, r.error().hint));
            return;
        }
        m_streamDone = true;
        // The exec's exit code decides (a failed pg_dump is never saved).
        checkExit(execId);
    });
    connect(m_restic, &QProcess::started, m_stream, &ProcessStream::start);
    m_restic->start();
}

// The exec's exit code decides: a dump whose pg_dump failed is not saved (restic is killed
// before its input ends); a restore whose pg_restore failed says why.
void DatabaseJob::checkExit(const QString &execId)
{
    m_client->inspectExec(execId, this, [this, execId](Result<QJsonObject> r) {
        if (m_done) {
            return;
        }
        if (!r) {
            finish(std::unexpected(r.error()));
            return;
        }
        if (r->value(QStringLiteral("Running")).toBool()) {
            // The stream ended a moment before the engine noted the exit.
            QTimer::singleShot(100, this, [this, execId] { checkExit(execId); });
            return;
        }
        const int exitCode = r->value(QStringLiteral("ExitCode")).toInt(-1);
        if (exitCode != 0) {
            const QString text = redactSecrets(QString::fromUtf8(m_stream->execStderr())).trimmed();
            finish(makeError(Error::Code::Io,
                             what() + QStringLiteral(" failed (exit code %1): %2").arg(exitCode).arg(text.right(2000)),
                             QStringLiteral("Nothing was saved or replaced that the message does not name.")));
            return;
        }
        if (m_options.mode == Mode::Restore) {
            finish(QString());
            return;
        }
        if (!m_resticDone) {
            m_restic->closeWriteChannel(); // the dump is whole: restic saves it now
            return;
        }
        QString id;
        for (const QByteArray &line : m_stdout.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("message_type")).toString() == QLatin1String("summary")) {
                id = o.value(QStringLiteral("snapshot_id")).toString();
            }
        }
        if (id.isEmpty()) {
            finish(makeError(Error::Code::Io, what() + QStringLiteral(": restic named no snapshot.")));
            return;
        }
        finish(id);
    });
}

void DatabaseJob::cancel()
{
    finish(makeError(Error::Code::Cancelled, what() + QStringLiteral(": cancelled.")));
}

void DatabaseJob::finish(Result<QString> result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->cancel();
    }
    if (m_restic && m_restic->state() != QProcess::NotRunning) {
        m_restic->kill();
        m_restic->waitForFinished(5000);
    }
    emit finished(result);
}

} // namespace DevDock::Core
