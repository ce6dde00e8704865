// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The onboarding dialog as a new user meets it, against the real engine, compose CLI and
// gnome-keyring, with a fresh HOME: opening a never-run copy of the demo shows the plan and writes
// nothing into the project (every file's bytes compared, ignored files included) until Start;
// Start onboards. A hand-edited .env.local changes only when the user accepts the diff shown.
#include "../common/composetest.h"
#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "env/secretstore.h"
#include "mainwindow.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"
#include "onboarding/onboarding.h"
#include "onboarding/onboardingdialog.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace DevDock;
using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-onbui");

// Every file and folder under `root` (hidden and git-ignored ones too) with its SHA-256.
QStringList treeDigest(const QString &root)
{
    QStringList lines;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        QString line = QDir(root).relativeFilePath(path);
        if (info.isFile()) {
            QFile f(path);
            line +=
                ' '
                + QString::fromLatin1(
                    f.open(QIODevice::ReadOnly)
                        ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()
                        : QByteArray("unreadable"));
        } else {
            line += '/';
        }
        lines << line;
    }
    lines.sort();
    return lines;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

// With DEVDOCK_TEST_ARTIFACTS=DIR, the dialog as it looks at that point, for a person to check.
void saveShot(QWidget *dialog, const QString &name)
{
    const QString dir = qEnvironmentVariable("DEVDOCK_TEST_ARTIFACTS");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        dialog->grab().save(dir + '/' + name + ".png");
    }
}

Core::Onboarding *onboardingOf(Ui::OnboardingDialog *dialog)
{
    return dialog ? dialog->findChild<Core::Onboarding *>() : nullptr;
}

const Core::OnboardingStep *step(Core::Onboarding *o, Core::OnboardingStep::Id id)
{
    for (const Core::OnboardingStep &s : o->steps()) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

} // namespace

class TestOnboardingDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void neverRunDemo_opened_writesNothingUntilStart_thenStartOnboards();
    void handEditedLocal_changesOnlyWhenTheShownDiffIsAccepted();

private:
    void down();
    // Waits for the dialog's plan (the preview) to be complete.
    Ui::OnboardingDialog *waitForPlan(Ui::MainWindow &window);

    QTemporaryDir m_dir;
    std::unique_ptr<Core::EngineClient> m_client;
};

void TestOnboardingDialog::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("No session bus: the test command runs this under dbus-run-session with "
              "gnome-keyring.");
    }
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    {
        QString demoError;
        QVERIFY2(ensureDemoImages(&demoError), qPrintable(demoError));
    }
    // A copy of the demo of this test only: its own frontend image, project name and ports.
    const QString from = DEVDOCK_SOURCE_DIR "/examples/demo";
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (file.endsWith("/.env.local")) {
            continue; // a fresh clone has none
        }
        const QString target = m_dir.path() + file.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        QVERIFY(QFile::copy(file, target));
    }
    QByteArray compose = readAll(m_dir.filePath("compose.yaml"));
    compose.replace("image: devdock-demo/frontend:latest",
                    "image: devdock-it-onbui/frontend:latest");
    QVERIFY(writeFile(m_dir.filePath("compose.yaml"), compose));
    qputenv("COMPOSE_PROJECT_NAME", kProject.toUtf8());
    qputenv("DEMO_HTTP_PORT", QByteArray::number(freePort()));
    qputenv("DEMO_TEMPORAL_UI_PORT", QByteArray::number(freePort()));
    qunsetenv("DEVDOCK_COMPOSE");
    m_client = std::make_unique<Core::EngineClient>(*Core::EngineClient::systemEndpoint());
    down();
}

void TestOnboardingDialog::cleanupTestCase()
{
    down();
    docker({"rmi", "-f", "devdock-it-onbui/frontend:latest"});
    Core::KeychainSecretStore store(Core::KeychainSecretStore::scopeForProject(m_dir.path()));
    for (const QString key : {"POSTGRES_PASSWORD", "SECRET_KEY", "LLM_API_KEY"}) {
        await<void>([&](auto done) { store.remove(key, nullptr, done); });
    }
}

void TestOnboardingDialog::down()
{
    run("docker", {"compose", "--project-directory", m_dir.path(), "-p", kProject, "down", "-v",
                   "--remove-orphans", "--timeout", "1"});
}

Ui::OnboardingDialog *TestOnboardingDialog::waitForPlan(Ui::MainWindow &window)
{
    const bool planned = waitUntil(
        [&] {
            Core::Onboarding *o = onboardingOf(window.onboardingDialog());
            return o && !o->isRunning()
                   && step(o, Core::OnboardingStep::Id::Engine)->status
                          != Core::OnboardingStep::Status::Pending;
        },
        60000);
    return planned ? window.onboardingDialog() : nullptr;
}

void TestOnboardingDialog::neverRunDemo_opened_writesNothingUntilStart_thenStartOnboards()
{
    const QStringList before = treeDigest(m_dir.path());
    QVERIFY(before.contains(QStringLiteral(".env.example ")
                            + QCryptographicHash::hash(readAll(m_dir.filePath(".env.example")),
                                                       QCryptographicHash::Sha256)
                                  .toHex()));
    Core::Workspace workspace(m_client.get());
    Ui::MainWindow window(&workspace);
    window.setOnboardingOnFirstRun(true); // as the app does
    window.resize(1366, 768);
    window.show();
    window.openProject(m_dir.path());

    // The dialog opens by itself, on the plan, and the project is as it was.
    Ui::OnboardingDialog *dialog = waitForPlan(window);
    QVERIFY(dialog);
    dialog->setOpenBrowser(false);
    QCOMPARE(treeDigest(m_dir.path()), before);
    Core::Onboarding *onboarding = onboardingOf(dialog);
    using Id = Core::OnboardingStep::Id;
    using Status = Core::OnboardingStep::Status;
    for (Id id : {Id::Engine, Id::Compose, Id::Disk, Id::Memory, Id::Ports}) {
        QVERIFY2(step(onboarding, id)->status == Status::Passed,
                 qPrintable(step(onboarding, id)->title + ": " + step(onboarding, id)->detail));
    }
    for (Id id : {Id::Env, Id::Images, Id::Start, Id::Healthy, Id::Open}) {
        QCOMPARE(step(onboarding, id)->status, Status::Pending);
    }
    QVERIFY(step(onboarding, Id::Images)->detail.contains("frontend"));
    QVERIFY(step(onboarding, Id::Start)->detail.contains("postgres"));
    const QString plan = dialog->planLabel()->text();
    QVERIFY2(plan.contains(".env.local") && plan.contains("SECRET_KEY")
                 && plan.contains("POSTGRES_PASSWORD") && plan.contains("LLM_API_KEY")
                 && plan.contains("DEMO_FLAKY_PERIOD"),
             qPrintable(plan));
    const QString diff = dialog->envDiff()->toPlainText();
    QCOMPARE(diff, onboarding->envLocalPlan().plannedText); // the new file, as it will be
    QVERIFY2(dialog->envDiff()->isVisible() && diff.contains("\nDEMO_HTTP_PORT=18080\n")
                 && !diff.contains("DEMO_FLAKY_PERIOD") && !diff.contains("LOG_LEVEL"),
             qPrintable(diff));
    QVERIFY(!dialog->acceptEnvButton()->isVisible()); // a new file: Start is the go-ahead
    QVERIFY(dialog->startButton()->isVisible() && dialog->startButton()->isEnabled());
    for (QWidget *w :
         QList<QWidget *>{dialog->startButton(), dialog->planLabel(), dialog->envDiff(),
                          dialog->acceptEnvButton(), dialog->skipEnvButton()}) {
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }

    // A while later still: not one byte of the project has changed.
    QTest::qWait(1500);
    QCOMPARE(treeDigest(m_dir.path()), before);
    QVERIFY(docker({"ps", "-aq", "--filter", "label=com.docker.compose.project=" + kProject})
                .out.trimmed()
                .isEmpty());

    // Start: the onboarding runs, asks for the API key, and takes the stack to healthy.
    QSignalSpy finished(onboarding, &Core::Onboarding::finished);
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(waitUntil(
        [&] { return dialog->inputs().contains("LLM_API_KEY") || !finished.isEmpty(); }, 60000));
    QVERIFY(finished.isEmpty());
    QVERIFY(QFile::exists(m_dir.filePath(".env.local")));
    QTest::keyClicks(dialog->inputs().value("LLM_API_KEY"), "sk-onboarding-dialog-test");
    dialog->submitAnswers();
    QVERIFY(waitUntil([&] { return !finished.isEmpty(); }, 240000));
    QString steps;
    for (const Core::OnboardingStep &s : onboarding->steps()) {
        steps +=
            s.title + ": " + Core::OnboardingStep::statusName(s.status) + " " + s.detail + '\n';
    }
    QVERIFY2(finished.first().first().toBool(), qPrintable(steps));
    saveShot(dialog, "onboarding-done");
    QVERIFY(!dialog->planLabel()->isVisible()); // done: no plan in the future tense is left
    QVERIFY(Core::Onboarding::wasOnboarded(m_dir.path()));
    const QByteArray local = readAll(m_dir.filePath(".env.local"));
    QVERIFY2(local.contains("DEMO_HTTP_PORT=18080\n") && !local.contains("DEMO_FLAKY_PERIOD"),
             local.constData());
    QCOMPARE(docker({"ps", "-q", "--filter", "label=com.docker.compose.project=" + kProject})
                 .out.trimmed()
                 .split('\n')
                 .size(),
             10);
    dialog->reject();
    QVERIFY(waitUntil([&] { return window.onboardingDialog() == nullptr; }, 10000));
}

void TestOnboardingDialog::handEditedLocal_changesOnlyWhenTheShownDiffIsAccepted()
{
    QByteArray edited = readAll(m_dir.filePath(".env.local"));
    QVERIFY(edited.contains("DEMO_DOCS_PORT=18090\n"));
    edited.replace("DEMO_DOCS_PORT=18090\n", "");
    edited += "MY_SETTING=on\nLOG_LEVEL=info\n"; // LOG_LEVEL=info: the example's value, stale
    QVERIFY(writeFile(m_dir.filePath(".env.local"), edited));
    const QStringList before = treeDigest(m_dir.path());
    Core::Workspace workspace(m_client.get());
    Ui::MainWindow window(&workspace);
    window.show();
    QSignalSpy loaded(&window, &Ui::MainWindow::projectLoaded);
    window.openProject(m_dir.path());
    QVERIFY(loaded.wait(30000));

    // Skip: the plan shows the diff; the run waits for the answer, then goes on without a byte
    // of .env.local changed.
    QVERIFY(window.showOnboarding());
    Ui::OnboardingDialog *dialog = waitForPlan(window);
    QVERIFY(dialog);
    dialog->setOpenBrowser(false);
    Core::Onboarding *onboarding = onboardingOf(dialog);
    QCOMPARE(treeDigest(m_dir.path()), before);
    QVERIFY(dialog->acceptEnvButton()->isVisible() && dialog->skipEnvButton()->isVisible());
    const QString diff = dialog->envDiff()->toPlainText();
    QVERIFY2(diff.contains("\n+DEMO_DOCS_PORT=18090") && diff.contains("\n-LOG_LEVEL=info")
                 && !diff.contains("-MY_SETTING"),
             qPrintable(diff));
    QSignalSpy finished(onboarding, &Core::Onboarding::finished);
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(waitUntil(
        [&] {
            return step(onboarding, Core::OnboardingStep::Id::Env)->status
                   == Core::OnboardingStep::Status::NeedsInput;
        },
        60000));
    QVERIFY(dialog->skipEnvButton()->isEnabled());
    saveShot(dialog, "onboarding-env-change-asked");
    QTest::mouseClick(dialog->skipEnvButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return !finished.isEmpty(); }, 180000));
    QVERIFY(finished.first().first().toBool());
    QCOMPARE(step(onboarding, Core::OnboardingStep::Id::Env)->status,
             Core::OnboardingStep::Status::Warning);
    QCOMPARE(readAll(m_dir.filePath(".env.local")), edited);
    QCOMPARE(treeDigest(m_dir.path()), before);
    dialog->reject();
    QVERIFY(waitUntil([&] { return window.onboardingDialog() == nullptr; }, 10000));

    // Accept (answered on the plan, before Start): exactly the change shown is written.
    QVERIFY(window.showOnboarding());
    dialog = waitForPlan(window);
    QVERIFY(dialog);
    dialog->setOpenBrowser(false);
    onboarding = onboardingOf(dialog);
    const QString planned = onboarding->envLocalPlan().plannedText;
    QCOMPARE(dialog->envDiff()->toPlainText().trimmed(),
             onboarding->envLocalPlan().diff().trimmed());
    QTest::mouseClick(dialog->acceptEnvButton(), Qt::LeftButton);
    QCOMPARE(readAll(m_dir.filePath(".env.local")), edited); // still the plan: nothing written
    QSignalSpy finishedAgain(onboarding, &Core::Onboarding::finished);
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(waitUntil([&] { return !finishedAgain.isEmpty(); }, 180000));
    QVERIFY(finishedAgain.first().first().toBool());
    const QByteArray after = readAll(m_dir.filePath(".env.local"));
    QCOMPARE(QString::fromUtf8(after), planned);
    QVERIFY2(after.contains("MY_SETTING=on\n") && after.contains("DEMO_DOCS_PORT=18090\n")
                 && !after.contains("LOG_LEVEL"),
             after.constData());
    dialog->reject();
}

// A fresh HOME before anything reads settings: the project has never run "on this machine".
int main(int argc, char **argv)
{
    QTemporaryDir home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/.config").toUtf8());
    qputenv("XDG_CACHE_HOME", (home.path() + "/.cache").toUtf8());
    qputenv("XDG_STATE_HOME", (home.path() + "/.local/state").toUtf8());
    QApplication app(argc, argv);
    TestOnboardingDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_onboardingdialog.moc"
