// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Issue 16's "works on remote engines too" and "any restic repository URL (sftp:, …) for keeping
// backups off the machine", end to end through devdockctl: a project on a second engine reached
// through a docker context over a real ssh hop (tests/common/remoteengine.h), its volume backed up
// through that engine's archive API into a restic repository behind sftp on the same real sshd,
// the data changed, and restored from there. The location is chosen with `backup repository`
// (checked before it is kept: a wrong password keeps the old one), and the repository password is
// in no file, log or output.
#include "../common/datatest.h"
#include "../common/dockertest.h"
#include "../common/remoteengine.h"

#include "data/resticrepository.h"
#include "env/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Test;

class TestRemoteBackup : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void remoteEngine_sftpRepository_backupChangeRestore_dataBack_passwordNowhere();

private:
    Run ctl(const QStringList &args, const QByteArray &input = {}) const;
    QString marker() const;

    std::unique_ptr<RemoteEngine> m_remote;
    QTemporaryDir m_project;
    QTemporaryDir m_home; // this test's XDG folders: the location it saves is not the user's
    QString m_name = QStringLiteral("dd-rbk-%1").arg(QCoreApplication::applicationPid());
};

Run TestRemoteBackup::ctl(const QStringList &args, const QByteArray &input) const
{
    QProcess p;
    p.start(QStringLiteral(DEVDOCKCTL_PATH),
            QStringList{"--context", m_remote->contextName(), "--project-directory", m_project.path()} + args);
    if (!p.waitForStarted()) {
        return {-1, {}, "devdockctl did not start"};
    }
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString TestRemoteBackup::marker() const
{
    return QString::fromUtf8(m_remote
                                 ->docker({"run", "--rm", "--network", "none", "-v", m_name + "_appdata:/data",
                                           kTestImage, "cat", "/data/marker"})
                                 .out)
        .trimmed();
}

void TestRemoteBackup::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QVERIFY(m_project.isValid() && m_home.isValid());
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString dir = m_home.filePath(QString::fromLatin1(name).toLower());
        QVERIFY(QDir().mkpath(dir));
        qputenv(name, dir.toUtf8());
    }
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    m_remote = std::make_unique<RemoteEngine>();
    QVERIFY2(m_remote->start(&error), qPrintable(error));
    QFile compose(m_project.filePath("compose.yaml"));
    QVERIFY(compose.open(QIODevice::WriteOnly));
    compose.write(QStringLiteral("name: %1\nservices:\n  app:\n    image: %2\n"
                                 "    command: [\"sh\", \"-c\", \"trap 'exit 0' TERM; while true; do sleep 1 & wait; done\"]\n"
                                 "    volumes: [appdata:/data]\nvolumes:\n  appdata: {}\n")
                      .arg(m_name, kTestImage)
                      .toUtf8());
    compose.close();
    const Run up = m_remote->docker({"compose", "--project-directory", m_project.path(), "up", "-d"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    const Run fill = m_remote->docker({"compose", "--project-directory", m_project.path(), "exec", "-T", "app", "sh", "-c",
                                       "echo first > /data/marker; mkdir -p /data/sub; head -c 3000000 /dev/urandom > /data/sub/blob"});
    QVERIFY2(fill.exitCode == 0, fill.err.constData());
    QCOMPARE(marker(), QString("first"));
    // The project is on the second engine only.
    QVERIFY(docker({"volume", "inspect", m_name + "_appdata"}).exitCode != 0);
}

void TestRemoteBackup::cleanupTestCase()
{
    if (m_remote) {
        m_remote->docker({"compose", "--project-directory", m_project.path(), "down", "-v", "-t", "0"});
        m_remote->stop();
    }
}

void TestRemoteBackup::remoteEngine_sftpRepository_backupChangeRestore_dataBack_passwordNowhere()
{
    QVERIFY(m_remote);
    // The repository: a folder on "the backup host", reached over sftp.
    const QString repoDir = m_remote->directory() + "/offsite/repo";
    QVERIFY(QDir().mkpath(m_remote->directory() + "/offsite"));
    const QString url = QStringLiteral("sftp://root@127.0.0.1:%1/%2").arg(m_remote->sshPort()).arg(repoDir);
    const Run chosen = ctl({"backup", "repository", url});
    QVERIFY2(chosen.exitCode == 0, chosen.err.constData());
    QVERIFY2(chosen.out.contains(QByteArray("Backups go to " + url.toUtf8())), chosen.out.constData());
    QVERIFY(QFileInfo(repoDir + "/config").isFile()); // restic init ran over sftp
    const Run shown = ctl({"backup", "repository"});
    QVERIFY2(shown.out.startsWith(QByteArray(url.toUtf8() + "\n(saved in ")), shown.out.constData());

    const Run list = ctl({"backup", "list"});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QVERIFY2(QRegularExpression("appdata +[0-9.]+ MiB +app +never").match(QString::fromUtf8(list.out)).hasMatch(),
             list.out.constData());
    const Run backedUp = ctl({"backup", "create"});
    QVERIFY2(backedUp.exitCode == 0, backedUp.err.constData());
    QVERIFY2(QRegularExpression("appdata: snapshot [0-9a-f]{8}").match(QString::fromUtf8(backedUp.out)).hasMatch(),
             backedUp.out.constData());
    // The app ran on (paused for the copy, unpaused after it) on the remote engine.
    QCOMPARE(m_remote->docker({"compose", "--project-directory", m_project.path(), "exec", "-T", "app", "true"}).exitCode, 0);

    const Run snaps = ctl({"snapshots", "--json"});
    QVERIFY2(snaps.exitCode == 0, snaps.err.constData());
    const QJsonArray array = QJsonDocument::fromJson(snaps.out).array();
    QCOMPARE(array.size(), 1);
    const QString id = array.first().toObject().value("id").toString();
    QVERIFY(!id.isEmpty());

    // The data changes on the remote engine; the snapshot brings it back from the sftp repository.
    QCOMPARE(m_remote->docker({"compose", "--project-directory", m_project.path(), "exec", "-T", "app", "sh", "-c",
                               "echo second > /data/marker; rm -r /data/sub"})
                 .exitCode,
             0);
    QCOMPARE(marker(), QString("second"));
    const Run restored = ctl({"restore", id.left(8), "--yes"});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
    QCOMPARE(marker(), QString("first"));
    QCOMPARE(m_remote->docker({"run", "--rm", "--network", "none", "-v", m_name + "_appdata:/data", kTestImage, "sh", "-c",
                               "wc -c < /data/sub/blob"})
                 .out.trimmed(),
             QByteArray("3000000"));
    // Two snapshots now: the backup and the restore's safety snapshot (of "second").
    const Run after = ctl({"snapshots", "--json"});
    QCOMPARE(QJsonDocument::fromJson(after.out).array().size(), 2);
    // Nothing of the project was on the local engine.
    QVERIFY(docker({"volume", "inspect", m_name + "_appdata"}).exitCode != 0);

    // Back to the local default, then to the sftp repository with a wrong password: named as such,
    // nothing kept (the default stays, the keychain keeps the right password).
    const Run local = ctl({"backup", "repository", "--default"});
    QVERIFY2(local.exitCode == 0, local.err.constData());
    const Run wrong = ctl({"backup", "repository", url, "--password-stdin"}, "not-the-password\n");
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains("password"), wrong.err.constData());
    QVERIFY2(ctl({"backup", "repository"}).out.contains("(the default)"), "a failed choice was kept");
    // The right one, given as an existing repository's password, is taken.
    KeychainSecretStore store("backups");
    const auto pw = await<std::optional<QString>>([&](auto cb) { store.read(ResticRepository::passwordKey(url), nullptr, cb); });
    QVERIFY(pw && *pw && **pw && !(***pw).isEmpty());
    const QByteArray secret = (***pw).toUtf8();
    const Run right = ctl({"backup", "repository", url, "--password-stdin"}, secret + "\n");
    QVERIFY2(right.exitCode == 0, right.err.constData());
    QCOMPARE(ctl({"snapshots", "--json"}).exitCode, 0);

    // A local folder with a repository in it takes the same check: a wrong password for it is
    // refused, and the keychain keeps the right one.
    const QString localRepo = m_home.filePath("local-repo");
    const Run made = ctl({"backup", "repository", localRepo});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const auto localPw = await<std::optional<QString>>([&](auto cb) { store.read(ResticRepository::passwordKey(localRepo), nullptr, cb); });
    QVERIFY(localPw && *localPw && **localPw);
    QCOMPARE(ctl({"backup", "repository", url}).exitCode, 0);
    const Run wrongLocal = ctl({"backup", "repository", localRepo, "--password-stdin"}, "not-the-password\n");
    QCOMPARE(wrongLocal.exitCode, 1);
    QVERIFY2(wrongLocal.err.contains("password"), wrongLocal.err.constData());
    const auto localAfter = await<std::optional<QString>>([&](auto cb) { store.read(ResticRepository::passwordKey(localRepo), nullptr, cb); });
    QVERIFY(localAfter && *localAfter && **localAfter);
    QCOMPARE(***localAfter, ***localPw);
    QVERIFY(ctl({"backup", "repository"}).out.startsWith(url.toUtf8()));

    // The password is in no output, and in no file this test's DevDock could write.
    for (const Run *r : {&chosen, &shown, &list, &backedUp, &snaps, &restored, &after, &local, &wrong, &right, &made, &wrongLocal}) {
        QVERIFY(!r->out.contains(secret) && !r->err.contains(secret));
    }
    QStringList roots{QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
                      QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                      QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation),
                      m_remote->directory() + "/offsite",
                      m_project.path()};
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() < 64 * 1024 * 1024 && f.open(QIODevice::ReadOnly)) {
                QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestRemoteBackup)
#include "tst_remotebackup.moc"
