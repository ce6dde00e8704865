// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The window's path to a twin on the real engine, compose CLI, restic and keychain: the twin
// dialog's Run alongside (its data cloned from the main checkout's backup) and Tear down (its
// volume backed up first, then removed), the Workspace grouping the twin under its project, and
// the ports table listing its URLs.
#include "twinfixture.h"
#include "../common/datatest.h"

#include "data/backuprepository.h"
#include "data/projectbackups.h"
#include "engine/engineclient.h"
#include "ports/portlistmodel.h"
#include "twin/twinname.h"
#include "workspace/twinrunner.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"
#include "twin/twindialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock;
using namespace DevDock::Core;
using namespace DevDock::Ui;
using namespace DevDock::Test;
using namespace DevDock::Test::Twin;

namespace {

QPushButton *okButton(QDialog &dialog)
{
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    return buttons ? buttons->button(QDialogButtonBox::Ok) : nullptr;
}

} // namespace

class TestTwinRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void up_besideTheMainStack_groupedWithItsUrls_downLeavesTheMainStackAlone();

private:
    QTemporaryDir m_home;
    QStringList m_projects;
};

void TestTwinRunner::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    // Tearing the twin down with its volumes backs them up first: restic and the keychain.
    DEVDOCK_REQUIRE_RESTIC();
    DEVDOCK_REQUIRE_KEYCHAIN();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("DEVDOCK_BACKUP_REPOSITORY", m_home.filePath(QStringLiteral("repo")).toUtf8());
    qputenv("GIT_AUTHOR_NAME", "DevDock test");
    qputenv("GIT_AUTHOR_EMAIL", "test@devdock.invalid");
    qputenv("GIT_COMMITTER_NAME", "DevDock test");
    qputenv("GIT_COMMITTER_EMAIL", "test@devdock.invalid");
    qunsetenv("WEB_PORT");
    qunsetenv("DB_PORT");
    // A run that was killed (a timeout, a stopped engine) leaves its stacks behind; they would
    // show in every later test's workspace. This test's stacks are named twr<pid>[-<branch>].
    static const QRegularExpression ours(QStringLiteral("^twr[0-9]+(-|$)"));
    for (const QString &project : composeProjectsOnEngine()) {
        if (ours.match(project).hasMatch()) {
            docker({QStringLiteral("compose"), QStringLiteral("-p"), project,
                    QStringLiteral("down"), QStringLiteral("--volumes"),
                    QStringLiteral("--remove-orphans")});
        }
    }
}

void TestTwinRunner::cleanup()
{
    for (const QString &project : std::as_const(m_projects)) {
        docker({QStringLiteral("compose"), QStringLiteral("-p"), project, QStringLiteral("down"),
                QStringLiteral("--volumes"), QStringLiteral("--remove-orphans")});
    }
    m_projects.clear();
}

void TestTwinRunner::up_besideTheMainStack_groupedWithItsUrls_downLeavesTheMainStackAlone()
{
    QTemporaryDir root;
    const QString name = QStringLiteral("twr%1").arg(QCoreApplication::applicationPid());
    const QString main = QDir(root.path()).filePath(name);
    const QString branch = QStringLiteral("Feature/Login");
    const QString twinName = TwinName::projectName(name, branch);
    m_projects = {name, twinName};
    const Ports ports = makeTwinRepository(main);
    QVERIFY(ports.web > 0);
    const Run mainUp = run(QStringLiteral("docker"),
                           {QStringLiteral("compose"), QStringLiteral("--project-directory"),
                            main, QStringLiteral("up"), QStringLiteral("-d")});
    QVERIFY2(mainUp.exitCode == 0, mainUp.err.constData());
    QCOMPARE(httpBody(ports.web), QByteArray("main-checkout"));
    const QStringList mainContainers = containersOf(name);

    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    EngineClient client(*endpoint);
    Workspace workspace(&client);
    workspace.setSettingsFile(root.filePath(QStringLiteral("settings.ini")));
    QSignalSpy discovered(&workspace, &Workspace::discovered);
    workspace.start();
    QVERIFY(discovered.wait(10000));
    ProjectRuntime *runtime = workspace.open(main);
    QVERIFY(QSignalSpy(runtime, &ProjectRuntime::loaded).wait(30000));
    const QString mainId = runtime->id();

    // The main checkout's data, backed up (as Back up now in its Data view does): the twin
    // starts from it.
    const QString mainVolume = name + QStringLiteral("_data");
    const auto volumeFile = [](const QString &volume, const QString &script) {
        return docker({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"),
                       volume + QStringLiteral(":/data"), kTestImage, QStringLiteral("sh"),
                       QStringLiteral("-c"), script});
    };
    QCOMPARE(volumeFile(mainVolume, QStringLiteral("echo main-rows > /data/rows")).exitCode, 0);
    QSignalSpy backedUp(runtime->backups(), &ProjectBackups::backupFinished);
    runtime->backups()->backup();
    QVERIFY(backedUp.wait(120000));
    const auto backupIds = backedUp.at(0).at(0).value<Result<QStringList>>();
    QVERIFY2(backupIds, backupIds ? "" : qPrintable(backupIds.error().toString()));

    ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
    options.projectDirectory = main;
    options.workingDirectory = main;
    // The window's way: the sidebar's "Run branch alongside…" dialog, its clone box ticked.
    TwinDialog upDialog(TwinDialog::Mode::Up, &client, options, name);
    QSignalSpy listed(&upDialog, &TwinDialog::branchesListed);
    QSignalSpy finished(upDialog.runner(), &TwinRunner::finished);
    QSignalSpy progressed(upDialog.runner(), &TwinRunner::progressed);
    upDialog.show();
    QVERIFY(listed.wait(30000));
    const int item = upDialog.branchBox()->findData(branch);
    QVERIFY2(item >= 0, "the dialog lists the repository's branch");
    upDialog.branchBox()->setCurrentIndex(item);
    QVERIFY(upDialog.cloneDataBox()->isEnabled() && !upDialog.cloneDataBox()->isChecked());
    upDialog.cloneDataBox()->click();
    okButton(upDialog)->click();
    QVERIFY(upDialog.runner()->isRunning()); // asynchronous: the window's thread goes on
    QVERIFY(finished.wait(180000));
    const auto result = finished.at(0).at(0).value<Result<TwinPlan>>();
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->projectName, twinName);
    QVERIFY(!progressed.isEmpty());

    // Both stacks serve, each its own checkout's page, on ports of their own.
    QHash<QString, int> twinPorts;
    for (const TwinPort &p : result->ports) {
        twinPorts.insert(p.service, p.port);
    }
    QVERIFY(twinPorts.value(QStringLiteral("web")) > 0);
    QVERIFY(twinPorts.value(QStringLiteral("web")) != ports.web);
    QVERIFY(twinPorts.value(QStringLiteral("db")) != ports.db);
    QVERIFY(twinPorts.value(QStringLiteral("cache")) != ports.cache);
    QCOMPARE(httpBody(twinPorts.value(QStringLiteral("web"))), QByteArray("twin-checkout"));
    QCOMPARE(httpBody(ports.web), QByteArray("main-checkout"));
    // The twin's volume began as the main checkout's snapshot; the main volume is as it was.
    const QString twinVolume = twinName + QStringLiteral("_data");
    QCOMPARE(volumeFile(twinVolume, QStringLiteral("cat /data/rows")).out, QByteArray("main-rows\n"));
    QCOMPARE(volumeFile(mainVolume, QStringLiteral("cat /data/rows")).out, QByteArray("main-rows\n"));
    const QString clonedLine =
        QStringLiteral("data: cloned from snapshot %1 of %2").arg(backupIds->first().left(8), name);
    bool cloneSaid = false;
    for (const QList<QVariant> &line : std::as_const(progressed)) {
        cloneSaid = cloneSaid || line.at(0).toString().startsWith(clonedLine);
    }
    QVERIFY2(cloneSaid, qPrintable(clonedLine));

    // The workspace finds the twin on the engine, under its project, with its branch and ports.
    std::optional<ProjectSummary> twin;
    QVERIFY(waitUntil(
        [&] {
            for (const ProjectSummary &p : workspace.projects()) {
                if (p.name == twinName) {
                    twin = p;
                }
            }
            return twin && twin->twinOf == mainId && twin->ports.size() == 3
                   && twin->servicesUp == 3;
        },
        30000));
    QCOMPARE(twin->branch, branch);
    const ProjectSummary mainSummary = *workspace.project(mainId);
    QVERIFY(mainSummary.twinOf.isEmpty());
    QCOMPARE(mainSummary.branch, QStringLiteral("main"));

    PortListModel model;
    model.setProject(runtime->project());
    model.setTwins(mainSummary.branch, {*twin});
    const QString twinUrl =
        QStringLiteral("http://127.0.0.1:%1/").arg(twinPorts.value(QStringLiteral("web")));
    const QString mainUrl = QStringLiteral("http://127.0.0.1:%1/").arg(ports.web);
    QHash<QString, QString> branchOfUrl;
    for (int row = 0; row < model.rowCount(); ++row) {
        branchOfUrl.insert(model.index(row, PortListModel::UrlColumn).data().toString(),
                           model.index(row, PortListModel::BranchColumn).data().toString());
    }
    QCOMPARE(branchOfUrl.value(mainUrl), QStringLiteral("main"));
    QCOMPARE(branchOfUrl.value(twinUrl), branch);

    // Down with volumes and worktree: the twin's volume is backed up first, then the twin is
    // gone; the main stack runs on untouched, its volume too.
    QCOMPARE(volumeFile(twinVolume, QStringLiteral("echo twin-rows > /data/rows")).exitCode, 0);
    TwinDialog downDialog(TwinDialog::Mode::Down, &client, options, name, branch);
    finished.clear();
    progressed.clear();
    QSignalSpy downFinished(downDialog.runner(), &TwinRunner::finished);
    QSignalSpy downProgressed(downDialog.runner(), &TwinRunner::progressed);
    downDialog.show();
    QVERIFY(downDialog.removeVolumesBox()->isEnabled());
    downDialog.removeVolumesBox()->click();
    downDialog.removeWorktreeBox()->click();
    okButton(downDialog)->click();
    QVERIFY(downFinished.wait(180000));
    const auto down = downFinished.at(0).at(0).value<Result<TwinPlan>>();
    QVERIFY2(down, down ? "" : qPrintable(down.error().toString()));
    QVERIFY(containersOf(twinName).isEmpty());
    QVERIFY(docker({QStringLiteral("volume"), QStringLiteral("inspect"), twinVolume}).exitCode != 0);
    QCOMPARE(docker({QStringLiteral("volume"), QStringLiteral("inspect"), mainVolume}).exitCode, 0);
    BackupRepository repository;
    const QList<ResticSnapshot> saved =
        snapshotsIn(repository,
                    {QStringLiteral("project=") + SnapshotTags::clean(twinName),
                     QStringLiteral("reason=before-down"), QStringLiteral("volume=data")},
                    this);
    QCOMPARE(saved.size(), 1);
    bool said = false;
    for (const QList<QVariant> &line : std::as_const(downProgressed)) {
        said = said || line.at(0).toString().startsWith(QStringLiteral("data: snapshot ") + saved.first().shortId);
    }
    QVERIFY2(said, "the dialog's progress names the snapshot taken before the volume went");
    QVERIFY(!QFileInfo::exists(result->worktree));
    QCOMPARE(containersOf(name), mainContainers);
    QCOMPARE(httpBody(ports.web), QByteArray("main-checkout"));
    QVERIFY(waitUntil(
        [&] {
            for (const ProjectSummary &p : workspace.projects()) {
                if (p.name == twinName) {
                    return false;
                }
            }
            return true;
        },
        30000));
}

QTEST_MAIN(TestTwinRunner)
#include "tst_twinrunner.moc"
