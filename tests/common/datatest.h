// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the data tests share: restic present, the real PostgreSQL 15 image
// (scripts/postgres-image.sh), two images of it that the engine tells apart ("a new image"),
// the keychain's session bus, and `restic check` of a repository.

#include "dockertest.h"

#include "data/backuprepository.h"
#include "data/resticrepository.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace DevDock::Test {

inline const QString kPostgresImage = QStringLiteral("devdock-test/postgres:15");

inline bool resticInstalled()
{
    return !QStandardPaths::findExecutable(QStringLiteral("restic")).isEmpty();
}

// Builds (or finds, cached) the PostgreSQL 15 image.
inline bool ensurePostgresImage(QString *error)
{
    const Run image = run(QStringLiteral("bash"),
                          {QStringLiteral(DEVDOCK_SOURCE_DIR "/scripts/postgres-image.sh"),
                           kPostgresImage},
                          900000);
    if (image.exitCode != 0) {
        *error = QString::fromUtf8(image.err);
        return false;
    }
    return true;
}

// `name:tag` for each tag: the PostgreSQL image with a label of its own, so that the engine
// gives each another id (a service that switches between them gets "a new image").
inline bool buildPostgresVariants(const QString &name, const QList<int> &tags, QString *error)
{
    for (int tag : tags) {
        QTemporaryDir context;
        QFile f(context.filePath(QStringLiteral("Dockerfile")));
        if (!f.open(QIODevice::WriteOnly)) {
            *error = f.errorString();
            return false;
        }
        f.write(QStringLiteral("FROM %1\nLABEL devdock.test.variant=%2\n")
                    .arg(kPostgresImage)
                    .arg(tag)
                    .toUtf8());
        f.close();
        const Run build = docker({QStringLiteral("build"), QStringLiteral("-q"), QStringLiteral("-t"),
                                  name + QLatin1Char(':') + QString::number(tag), context.path()},
                                 300000);
        if (build.exitCode != 0) {
            *error = QString::fromUtf8(build.err);
            return false;
        }
    }
    return true;
}

// `restic check` of the repository at `location`: empty when it passes, else restic's words.
inline QString resticCheck(const QString &location, const QString &password)
{
    QProcess check;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RESTIC_PASSWORD"), password);
    env.insert(QStringLiteral("RESTIC_REPOSITORY"), location);
    check.setProcessEnvironment(env);
    check.start(QStringLiteral("restic"), {QStringLiteral("check")});
    if (!check.waitForFinished(120000)) {
        return QStringLiteral("restic check did not finish");
    }
    if (check.exitStatus() != QProcess::NormalExit || check.exitCode() != 0) {
        return QString::fromUtf8(check.readAllStandardError()) + QStringLiteral(" (exit ")
               + QString::number(check.exitCode()) + QLatin1Char(')');
    }
    return {};
}

// The snapshots with all of `tags` in the repository as the window and devdockctl find it (the
// same location and keychain entry); empty, with a warning, when it cannot be read.
inline QList<Core::ResticSnapshot> snapshotsIn(Core::BackupRepository &backups,
                                               const QStringList &tags, QObject *context)
{
    auto repo = await<Core::ResticRepository *>([&](auto cb) { backups.open(context, cb); });
    if (!repo || !*repo) {
        qWarning("repository: %s", repo ? qPrintable(repo->error().toString()) : "no answer");
        return {};
    }
    auto r = await<QList<Core::ResticSnapshot>>(
        [&](auto cb) { (**repo)->snapshots(tags, context, cb); });
    return r && *r ? **r : QList<Core::ResticSnapshot>{};
}

inline bool keychainUsable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

} // namespace DevDock::Test

#define DEVDOCK_REQUIRE_RESTIC()                                                                   \
    do {                                                                                           \
        if (!DevDock::Test::resticInstalled()) {                                                   \
            QFAIL("restic is not installed: run scripts/setup.sh");                                \
        }                                                                                          \
    } while (false)

#define DEVDOCK_REQUIRE_KEYCHAIN()                                                                 \
    do {                                                                                           \
        if (!DevDock::Test::keychainUsable()) {                                                    \
            if (qEnvironmentVariableIsSet("DEVDOCK_REQUIRE_KEYCHAIN")) {                           \
                QFAIL("No session bus, but DEVDOCK_REQUIRE_KEYCHAIN is set.");                     \
            }                                                                                      \
            QSKIP("No session bus: run under the test command (dbus-run-session + "                \
                  "gnome-keyring).");                                                              \
        }                                                                                          \
    } while (false)
