// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Data view (issue 16) on a real project: the real engine, compose CLI, restic and keychain.
// A volume backed up from the view shows its backup and age; a snapshot restored through the
// view (its confirmation accepted as a user would) brings the data back.
#undef QT_USE_QSTRINGBUILDER

#include "../common/composetest.h"
#include "../common/datatest.h"
#include "../common/dockertest.h"

#include "data/datapanel.h"
#include "data/datavolumemodel.h"
#include "data/projectbackups.h"
#include "engine/engineclient.h"
#include "data/backuprepository.h"
#include "workspace/projectruntime.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QCheckBox>
#include <QDialog>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>

using namespace DevDock::Core;
using namespace DevDock::Test;
using DevDock::Ui::DataPanel;
using DevDock::Ui::DataVolumeModel;

namespace {

const QString kProject = QStringLiteral("devdock-it-datapanel");
const QString kLabel = QStringLiteral("devdock.test.datapanel=1");

QPushButton *buttonNamed(QWidget *root, const QString &accessibleName)
{
    for (QPushButton *b : root->findChildren<QPushButton *>()) {
        if (b->accessibleName() == accessibleName) {
            return b;
        }
    }
    return nullptr;
}

} // namespace

class TestDataPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void backUpFromView_rowShowsBackupAndAge_restoreThroughView_dataBack();
    void repositoryDialog_newFolderKept_viewReadsIt_unopenableNamed_oldKept();

private:
    Run compose(const QStringList &args, int timeoutMs = 180000);
    QString marker();

    QTemporaryDir m_dir;
    QString m_projectDir;
    std::unique_ptr<EngineClient> m_client;
};

void TestDataPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    DEVDOCK_REQUIRE_RESTIC();
    QStandardPaths::setTestModeEnabled(true);
    if (!engineAvailable()) {
        return;
    }
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    auto endpoint = EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    m_client = std::make_unique<EngineClient>(*endpoint);
    qputenv("DEVDOCK_BACKUP_REPOSITORY", m_dir.filePath("repo").toUtf8());
    m_projectDir = m_dir.filePath("project");
    QDir().mkpath(m_projectDir);
    QVERIFY(writeFile(m_projectDir + "/compose.yaml", QStringLiteral(R"(name: %1
services:
  app:
    image: %2
    labels: [%3]
    command: ["sleep", "3600"]
    stop_grace_period: 1s
    volumes: [files:/files]
volumes:
  files: {}
)")
                                                          .arg(kProject, kTestImage, kLabel)
                                                          .toUtf8()));
    const Run up = compose({"up", "-d", "--wait"});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c", "echo first > /files/marker"}).exitCode, 0);
}

void TestDataPanel::cleanupTestCase()
{
    if (!m_projectDir.isEmpty()) {
        compose({"down", "-v", "-t", "0"});
    }
    qunsetenv("DEVDOCK_BACKUP_REPOSITORY");
}

Run TestDataPanel::compose(const QStringList &args, int timeoutMs)
{
    return docker(QStringList{"compose", "--project-directory", m_projectDir} + args, timeoutMs);
}

QString TestDataPanel::marker()
{
    const Run r = compose({"exec", "-T", "app", "cat", "/files/marker"});
    return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QStringLiteral("<none>");
}

void TestDataPanel::backUpFromView_rowShowsBackupAndAge_restoreThroughView_dataBack()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    ProjectRuntime runtime(m_client.get());
    QSignalSpy loaded(&runtime, &ProjectRuntime::loaded);
    runtime.open(m_projectDir);
    QVERIFY(loaded.wait(60000));

    DataPanel panel;
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(runtime.backups(), &ProjectBackups::refreshed);
    panel.setRuntime(&runtime);
    panel.resize(1000, 700);
    panel.show(); // looking at the view reads the inventory
    QVERIFY(refreshed.wait(60000));
    DataVolumeModel *model = panel.model();
    const int row = model->rowOf("files");
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, DataVolumeModel::ServicesColumn).data().toString(), QString("app"));
    QCOMPARE(model->index(row, DataVolumeModel::KindColumn).data().toString(), QString("files"));
    QCOMPARE(model->index(row, DataVolumeModel::AgeColumn).data().toString(), QString("never"));
    QVERIFY(model->index(row, DataVolumeModel::AgeColumn).data(DataVolumeModel::StaleRole).toBool());
    QVERIFY(model->index(row, DataVolumeModel::AgeColumn).data(Qt::ForegroundRole).isValid());

    // Back up now, the row selected, through the button a user clicks. 160 MB of random bytes
    // take long enough for the progress to show its rate and what is left.
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c",
                      "dd if=/dev/urandom of=/files/big bs=1048576 count=160 2>/dev/null"})
                 .exitCode,
             0);
    panel.refresh();
    QVERIFY(refreshed.wait(60000));
    panel.volumeView()->selectRow(model->rowOf("files"));
    QPushButton *backup = buttonNamed(&panel, "Back up the selected volumes now");
    QVERIFY(backup && backup->isEnabled());
    auto *progress = panel.findChild<QProgressBar *>();
    QVERIFY(progress && progress->accessibleName() == "Backup progress");
    QStringList shown; // what the bar said, read after the view took each progress report
    connect(runtime.backups(), &ProjectBackups::progressed, this,
            [&] { shown << progress->format(); });
    QSignalSpy finished(&panel, &DataPanel::backupFinished);
    QTest::mouseClick(backup, Qt::LeftButton);
    QVERIFY(finished.wait(180000));
    const auto ids = finished.first().at(0).value<Result<QStringList>>();
    QVERIFY2(ids, ids ? "" : qPrintable(ids.error().toString()));
    static const QRegularExpression paced(
        QStringLiteral("^files: .+ of .+ · .+/s · about \\d+ (s|min) left$"));
    QVERIFY2(std::any_of(shown.cbegin(), shown.cend(),
                         [](const QString &t) { return paced.match(t).hasMatch(); }),
             qPrintable(shown.join(" | ")));
    QVERIFY(!progress->isVisible()); // folded away when done
    QVERIFY(QTest::qWaitFor(
        [&] {
            const int r = model->rowOf("files");
            return r >= 0
                   && model->index(r, DataVolumeModel::AgeColumn).data().toString() == "just now";
        },
        30000));
    const int after = model->rowOf("files");
    QVERIFY(model->index(after, DataVolumeModel::LastBackupColumn).data().toString() != "never");
    QVERIFY(!model->index(after, DataVolumeModel::AgeColumn).data(DataVolumeModel::StaleRole).toBool());
    // An hour on, the age says so; a week on, the row is marked old.
    model->setNow(QDateTime::currentDateTimeUtc().addSecs(3 * 3600 + 60));
    QCOMPARE(model->index(after, DataVolumeModel::AgeColumn).data().toString(), QString("3 h ago"));
    model->setNow(QDateTime::currentDateTimeUtc().addDays(8));
    QVERIFY(model->index(after, DataVolumeModel::AgeColumn).data(DataVolumeModel::StaleRole).toBool());
    model->setNow({});

    // The data changes; the snapshot of the volume is restored through the view.
    QCOMPARE(compose({"exec", "-T", "app", "sh", "-c", "echo second > /files/marker"}).exitCode, 0);
    QCOMPARE(marker(), QString("second"));
    panel.volumeView()->selectRow(model->rowOf("files"));
    QVERIFY(QTest::qWaitFor([&] { return panel.snapshotView()->topLevelItemCount() == 1; }, 5000));
    // Its size comes from the repository in the background (restic stats), into the row as it is.
    QCOMPARE(panel.snapshotView()->headerItem()->text(2), QString("Size"));
    // The row is looked up each time: a refresh rebuilds the list.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QTreeWidgetItem *item = panel.snapshotView()->topLevelItem(0);
            return item && item->text(2) != QString::fromUtf8("…");
        },
        60000));
    QTreeWidgetItem *snapshotRow = panel.snapshotView()->topLevelItem(0);
    const qint64 snapshotBytes = runtime.backups()->snapshotSize(snapshotRow->data(0, Qt::UserRole).toString());
    QVERIFY(snapshotBytes > 0);
    QCOMPARE(snapshotRow->text(2), QLocale().formattedDataSize(snapshotBytes));
    panel.snapshotView()->setCurrentItem(snapshotRow);
    QPushButton *restore = buttonNamed(&panel, "Restore the selected snapshot");
    QVERIFY(restore && restore->isEnabled());
    QTest::mouseClick(restore, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return panel.confirmation() && panel.confirmation()->isVisible(); },
                            10000));
    // The confirmation says what is replaced and which services stop and start again.
    const QString said = panel.confirmation()->informativeText();
    QVERIFY2(said.contains("volume files") && said.contains("safety snapshot")
                 && said.contains("Stopped meanwhile: app")
                 && said.contains("Started again after it: app"),
             qPrintable(said));
    QVERIFY(marker() == "second"); // nothing happened yet
    QAbstractButton *accept = nullptr;
    for (QAbstractButton *b : panel.confirmation()->buttons()) {
        if (panel.confirmation()->buttonRole(b) == QMessageBox::DestructiveRole) {
            accept = b;
        }
    }
    QVERIFY(accept);
    QSignalSpy restored(&panel, &DataPanel::restoreFinished);
    QStringList restoreShown;
    QTimer sample;
    connect(&sample, &QTimer::timeout, this,
            [&] { restoreShown << progress->accessibleDescription(); });
    sample.start(50);
    accept->click();
    QVERIFY(restored.wait(240000));
    sample.stop();
    const auto result = restored.first().at(0).value<Result<void>>();
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    // The restore's whole is the snapshot's size: "files: 2 MB of 4 MB restored · 1 MB/s · about 2 s left".
    static const QRegularExpression restoring(QStringLiteral("^files: .+ of .+ restored · .+/s( · about .+ left)?$"));
    QVERIFY2(std::any_of(restoreShown.cbegin(), restoreShown.cend(),
                         [](const QString &t) { return restoring.match(t).hasMatch(); }),
             qPrintable(restoreShown.join(" | ")));
    QVERIFY(waitUntil([&] { return marker() == "first"; }, 60000));

    // "Stop services during a copy" is the project's setting once applied.
    auto *stop = panel.findChild<QCheckBox *>("stopOthers");
    QVERIFY(stop && !stop->isChecked() && !stop->accessibleDescription().isEmpty());
    stop->setChecked(true);
    QPushButton *apply = buttonNamed(&panel, "Apply the backup schedule");
    QVERIFY(apply);
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(runtime.backupSettings().stopOthers);
    QVERIFY(runtime.backups()->settings().stopOthers);
}

// The Repository… button: a new folder becomes a repository (restic init) and where backups go,
// for this view (its runtime reads the new, empty repository) and saved for the next start; a
// place that cannot hold one is named, the dialog stays with what was typed, the old one is kept.
void TestDataPanel::repositoryDialog_newFolderKept_viewReadsIt_unopenableNamed_oldKept()
{
    DEVDOCK_REQUIRE_ENGINE();
    DEVDOCK_REQUIRE_KEYCHAIN();
    const QByteArray env = qgetenv("DEVDOCK_BACKUP_REPOSITORY");
    qunsetenv("DEVDOCK_BACKUP_REPOSITORY"); // it would win over the saved choice
    const auto restoreEnv = qScopeGuard([&] {
        qputenv("DEVDOCK_BACKUP_REPOSITORY", env);
        QFile::remove(BackupRepository::settingsPath());
    });
    ProjectRuntime runtime(m_client.get());
    QSignalSpy loaded(&runtime, &ProjectRuntime::loaded);
    runtime.open(m_projectDir);
    QVERIFY(loaded.wait(60000));
    DataPanel panel;
    panel.setRuntime(&runtime);
    panel.show();
    QPushButton *button = buttonNamed(&panel, "Choose where backups go");
    QVERIFY(button);
    QVERIFY2(button->accessibleDescription().contains(ResticRepository::defaultLocation()),
             qPrintable(button->accessibleDescription()));

    auto choose = [&](const QString &where) {
        QTest::mouseClick(button, Qt::LeftButton);
        QDialog *dialog = panel.repositoryDialog();
        if (!dialog || !dialog->isVisible()) {
            return Result<void>(makeError(Error::Code::Unknown, "no dialog"));
        }
        auto *location = dialog->findChild<QLineEdit *>("repositoryLocation");
        auto *password = dialog->findChild<QLineEdit *>("repositoryPassword");
        if (!location || !password || password->echoMode() != QLineEdit::Password) {
            return Result<void>(makeError(Error::Code::Unknown, "no fields"));
        }
        location->setText(where);
        QSignalSpy chosen(&panel, &DataPanel::repositoryChosen);
        QTest::keyClick(location, Qt::Key_Return);
        if (!chosen.wait(60000)) {
            return Result<void>(makeError(Error::Code::Timeout, "no answer"));
        }
        return chosen.first().first().value<Result<void>>();
    };
    // A place restic cannot make a repository in.
    const auto bad = choose("/proc/devdock-no-repository-here");
    QVERIFY(!bad);
    QVERIFY2(panel.statusText().contains("/proc/devdock-no-repository-here"), qPrintable(panel.statusText()));
    QVERIFY(panel.repositoryDialog() && panel.repositoryDialog()->isVisible()); // to correct it
    QCOMPARE(BackupRepository::configuredLocation(), ResticRepository::defaultLocation());
    panel.repositoryDialog()->reject();
    QTRY_VERIFY(!panel.repositoryDialog());

    const QString folder = m_dir.filePath("chosen-repo");
    QSignalSpy refreshed(runtime.backups(), &ProjectBackups::refreshed);
    const auto good = choose(folder);
    QVERIFY2(good, good ? "" : qPrintable(good.error().toString()));
    QVERIFY(QFileInfo(folder + "/config").isFile());
    QCOMPARE(BackupRepository::configuredLocation(), folder);
    QVERIFY(panel.statusText().contains(folder));
    QVERIFY(button->accessibleDescription().contains(folder));
    QTRY_VERIFY(!panel.repositoryDialog());
    // The runtime reads the new repository: nothing backed up there yet.
    QVERIFY(refreshed.wait(60000) || !refreshed.isEmpty());
    QVERIFY(runtime.backups()->repository());
    QCOMPARE(runtime.backups()->repository()->repository(), folder);
    QVERIFY(runtime.backups()->snapshots().isEmpty());
}

QTEST_MAIN(TestDataPanel)
#include "tst_datapanel.moc"
