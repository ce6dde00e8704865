// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A "remote" Docker engine behind a real ssh hop, for tests of docker contexts: a second dockerd
// of its own (own socket, data-root, exec-root and pidfile; no iptables, no default bridge; in a
// network namespace of its own, so that nothing of the host's network changes) that
// only an sshd on a loopback port reaches (its sessions get DOCKER_HOST pointing at it), a key
// made for the test, and a docker context ssh://root@127.0.0.1:PORT in a scratch DOCKER_CONFIG.
// While it runs, this process's DOCKER_CONFIG is that scratch directory and PATH starts with an
// `ssh` that uses the test's key and known_hosts, so DevDock's ssh transport and the compose CLI
// both reach the engine as a user's ssh would (and restic's sftp backend this machine's folders,
// through the same sshd: sftp://root@127.0.0.1:PORT//path). The shared engine is not touched (the test image
// is copied over with `docker save | docker -H ... load`). stop() (and the destructor) ends both
// daemons and removes every file; both also die with the test process (parent-death signal).

#include "dockertest.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>

namespace DevDock::Test {

class RemoteEngine
{
public:
    explicit RemoteEngine(QString contextName = QStringLiteral("devdock-test-remote"))
        : m_context(std::move(contextName))
        , m_dir(QStringLiteral("/tmp/dd-remote-XXXXXX")) // short: unix socket paths are limited
    {}
    ~RemoteEngine() { stop(); }
    RemoteEngine(const RemoteEngine &) = delete;
    RemoteEngine &operator=(const RemoteEngine &) = delete;

    QString contextName() const { return m_context; }
    QString socketPath() const { return m_dir.filePath(QStringLiteral("docker.sock")); }
    QString dockerHost() const { return QStringLiteral("unix://") + socketPath(); }
    int sshPort() const { return m_sshPort; }
    QString directory() const { return m_dir.path(); }

    // The docker CLI on the remote engine directly (not through ssh): the test's reference.
    Run docker(const QStringList &args, int timeoutMs = 120000) const
    {
        return run(QStringLiteral("docker"), QStringList{QStringLiteral("-H"), dockerHost()} + args,
                   timeoutMs);
    }

    bool start(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("cannot make a scratch directory in /tmp");
            return false;
        }
        return startDockerd(error) && loadTestImage(error) && startSshd(error)
               && createContext(error);
    }

    void stop()
    {
        if (m_pathChanged) {
            qputenv("PATH", m_oldPath);
            if (m_oldConfig.isNull()) {
                qunsetenv("DOCKER_CONFIG");
            } else {
                qputenv("DOCKER_CONFIG", m_oldConfig);
            }
            m_pathChanged = false;
        }
        stopProcess(m_sshd);
        // dockerd stops its containers and unmounts their layers on SIGTERM.
        stopProcess(m_dockerd, 60000);
        // Whatever a killed dockerd left mounted under the data-root goes before the files.
        if (m_dir.isValid()) {
            QFile mounts(QStringLiteral("/proc/self/mounts"));
            if (mounts.open(QIODevice::ReadOnly)) {
                const QList<QByteArray> lines = mounts.readAll().split('\n');
                for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
                    const QList<QByteArray> fields = it->split(' ');
                    if (fields.size() > 1 && fields.at(1).startsWith(QByteArray(m_dir.path().toUtf8() + '/'))) {
                        ::umount2(fields.at(1).constData(), MNT_DETACH);
                    }
                }
            }
            m_dir.remove();
        }
    }

private:
    static void dieWithParent() { ::prctl(PR_SET_PDEATHSIG, SIGTERM); }

    std::unique_ptr<QProcess> startDaemon(const QString &program, const QStringList &args,
                                          const QString &logName)
    {
        auto process = std::make_unique<QProcess>();
        process->setProgram(program);
        process->setArguments(args);
        process->setStandardOutputFile(m_dir.filePath(logName));
        process->setStandardErrorFile(m_dir.filePath(logName));
        process->setChildProcessModifier(&RemoteEngine::dieWithParent);
        process->start();
        return process;
    }

    QString logTail(const QString &logName) const
    {
        QFile log(m_dir.filePath(logName));
        log.open(QIODevice::ReadOnly);
        return QString::fromUtf8(log.readAll().right(1500));
    }

    static void stopProcess(std::unique_ptr<QProcess> &process, int timeoutMs = 10000)
    {
        if (!process) {
            return;
        }
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(timeoutMs)) {
                process->kill();
                process->waitForFinished(5000);
            }
        }
        process.reset();
    }

    bool startDockerd(QString *error)
    {
        const QString d = m_dir.path();
        // In a network namespace of its own: a dockerd without a bridge deletes the host's
        // docker0 (the shared engine's default network) at start, and the networks of its
        // projects would stay behind as host bridges. Only its unix socket is shared.
        const QString dockerd =
            QStringLiteral("ip link set lo up && exec dockerd --host=%1 --data-root=%2/root "
                           "--exec-root=%2/exec --pidfile=%2/dockerd.pid --iptables=false "
                           "--bridge=none")
                .arg(dockerHost(), d);
        m_dockerd = startDaemon(QStringLiteral("unshare"),
                                {QStringLiteral("--net"), QStringLiteral("sh"), QStringLiteral("-c"),
                                 dockerd},
                                QStringLiteral("dockerd.log"));
        const bool up = waitUntil(
            [&] {
                return m_dockerd->state() == QProcess::Running
                       && docker({QStringLiteral("version")}, 5000).exitCode == 0;
            },
            60000);
        if (!up) {
            *error = QStringLiteral("the second dockerd did not answer on %1: %2")
                         .arg(socketPath(), logTail(QStringLiteral("dockerd.log")));
        }
        return up;
    }

    bool loadTestImage(QString *error)
    {
        QProcess save;
        QProcess load;
        save.setStandardOutputProcess(&load);
        save.start(QStringLiteral("docker"), {QStringLiteral("save"), kTestImage});
        load.start(QStringLiteral("docker"),
                   {QStringLiteral("-H"), dockerHost(), QStringLiteral("load")});
        const bool ok = save.waitForFinished(120000) && load.waitForFinished(120000)
                        && save.exitCode() == 0 && load.exitCode() == 0;
        if (!ok) {
            *error = QStringLiteral("loading %1 into the second dockerd failed: %2 %3")
                         .arg(kTestImage, QString::fromUtf8(save.readAllStandardError()),
                              QString::fromUtf8(load.readAllStandardError()));
        }
        return ok;
    }

    bool writeText(const QString &name, const QString &text, QFile::Permissions permissions)
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size()
               && file.setPermissions(permissions);
    }

    bool startSshd(QString *error)
    {
        const QString d = m_dir.path();
        for (const QString &key : {QStringLiteral("hostkey"), QStringLiteral("clientkey")}) {
            const Run r = run(QStringLiteral("ssh-keygen"),
                              {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                               QStringLiteral("-N"), QString(), QStringLiteral("-f"),
                               m_dir.filePath(key)});
            if (r.exitCode != 0) {
                *error = QStringLiteral("ssh-keygen failed: ") + QString::fromUtf8(r.err);
                return false;
            }
        }
        QFile::copy(m_dir.filePath(QStringLiteral("clientkey.pub")),
                    m_dir.filePath(QStringLiteral("authorized_keys")));
        m_sshPort = freePort();
        const QFile::Permissions owner = QFile::ReadOwner | QFile::WriteOwner;
        const bool written =
            writeText(QStringLiteral("sshd_config"),
                      QStringLiteral("ListenAddress 127.0.0.1\nPort %1\nHostKey %2/hostkey\n"
                                     "PidFile %2/sshd.pid\nAuthorizedKeysFile %2/authorized_keys\n"
                                     "PermitRootLogin prohibit-password\nPasswordAuthentication no\n"
                                     "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
                                     "SetEnv DOCKER_HOST=%3\nSubsystem sftp internal-sftp\n")
                          .arg(m_sshPort)
                          .arg(d, dockerHost()),
                      owner)
            && writeText(QStringLiteral("ssh_config"),
                         QStringLiteral("Host *\n  IdentityFile %1/clientkey\n  IdentitiesOnly yes\n"
                                        "  UserKnownHostsFile %1/known_hosts\n"
                                        "  StrictHostKeyChecking accept-new\n  BatchMode yes\n")
                             .arg(d),
                         owner)
            && QDir().mkpath(d + QStringLiteral("/bin"))
            && writeText(QStringLiteral("bin/ssh"),
                         QStringLiteral("#!/bin/sh\nexec /usr/bin/ssh -F %1/ssh_config \"$@\"\n")
                             .arg(d),
                         owner | QFile::ExeOwner);
        if (!written) {
            *error = QStringLiteral("cannot write the ssh configuration in ") + d;
            return false;
        }
        QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege separation directory
        m_sshd = startDaemon(QStringLiteral("/usr/sbin/sshd"),
                             {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                              m_dir.filePath(QStringLiteral("sshd_config"))},
                             QStringLiteral("sshd.log"));
        // The hop works once `docker version` through ssh answers from the second engine.
        const bool up = waitUntil(
            [&] {
                return m_sshd->state() == QProcess::Running
                       && run(m_dir.filePath(QStringLiteral("bin/ssh")),
                              {QStringLiteral("-p"), QString::number(m_sshPort),
                               QStringLiteral("root@127.0.0.1"), QStringLiteral("docker"),
                               QStringLiteral("version")},
                              10000)
                                  .exitCode
                              == 0;
            },
            30000);
        if (!up) {
            *error = QStringLiteral("sshd on 127.0.0.1:%1 did not let the test in: %2")
                         .arg(m_sshPort)
                         .arg(logTail(QStringLiteral("sshd.log")));
        }
        return up;
    }

    bool createContext(QString *error)
    {
        const QString config = m_dir.filePath(QStringLiteral("docker-config"));
        QDir().mkpath(config);
        m_oldPath = qgetenv("PATH");
        m_oldConfig = qEnvironmentVariableIsSet("DOCKER_CONFIG") ? qgetenv("DOCKER_CONFIG")
                                                                 : QByteArray();
        qputenv("PATH", m_dir.filePath(QStringLiteral("bin")).toUtf8() + ':' + m_oldPath);
        qputenv("DOCKER_CONFIG", config.toUtf8());
        m_pathChanged = true;
        const Run r = run(QStringLiteral("docker"),
                          {QStringLiteral("context"), QStringLiteral("create"), m_context,
                           QStringLiteral("--docker"),
                           QStringLiteral("host=ssh://root@127.0.0.1:%1").arg(m_sshPort)});
        if (r.exitCode != 0) {
            *error = QStringLiteral("docker context create failed: ") + QString::fromUtf8(r.err);
            return false;
        }
        return true;
    }

    QString m_context;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_dockerd;
    std::unique_ptr<QProcess> m_sshd;
    int m_sshPort = 0;
    QByteArray m_oldPath;
    QByteArray m_oldConfig;
    bool m_pathChanged = false;
};

} // namespace DevDock::Test
