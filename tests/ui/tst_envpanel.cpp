// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The .env editor panel and the onboarding dialog, offscreen.
#undef QT_USE_QSTRINGBUILDER

#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "env/enveditorpanel.h"
#include "env/envkeymodel.h"
#include "env/secretstore.h"
#include "onboarding/onboarding.h"
#include "onboarding/onboardingdialog.h"
#include "errorbanner.h"
#include "util/redaction.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

using namespace DevDock;
using namespace DevDock::Test;

namespace {

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

QString cell(const QAbstractItemModel *model, const QString &key, int column)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() == key) {
            return model->index(r, column).data().toString();
        }
    }
    return "<no row>";
}

int rowOf(const QAbstractItemModel *model, const QString &key)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() == key) {
            return r;
        }
    }
    return -1;
}

} // namespace

class TestEnvPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void model_resolvedAndPerFile_statusesAndComposeUse();
    void edit_undo_save_keychainFirst_nothingSecretOnDisk();
    void savedSecret_leavesThePlainFile_noLongerFlagged();
    void selectedKeyActions_moveSecretGenerateRemove();
    void fileChangedOnDisk_bannerOffersReloadAndMerge();
    void shortcuts_keepWorkingWhileAndAfterEditingACell();
    void onboardingDialog_engineUnreachable_stopsWithFixAndRetry();
    void errorBanner_hidesKnownSecretValues();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestEnvPanel::initTestCase()
{
    QCoreApplication::setApplicationName("tst_envpanel");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("No session bus: the test command runs this under dbus-run-session with "
              "gnome-keyring.");
    }
}

void TestEnvPanel::init()
{
    for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden)) {
        QFile::remove(path(name));
    }
    write(path(".env.example"), "# Where the API listens.\nAPI_PORT=8000\n"
                                "# The database password.\nDB_PASSWORD=\n"
                                "# Documented, set nowhere.\nFEATURE_FLAGS=\n");
    write(path(".env.development"), "# Development.\nAPI_PORT=8001\nDEBUG=true\n");
    write(path("compose.yaml"), "services:\n"
                                "  api:\n"
                                "    image: api\n"
                                "    ports: [\"${API_PORT}:80\"]\n"
                                "    environment:\n"
                                "      DB_PASSWORD: ${DB_PASSWORD:-}\n"
                                "      SENTRY_DSN: ${SENTRY_DSN}\n");
}

void TestEnvPanel::model_resolvedAndPerFile_statusesAndComposeUse()
{
    Ui::EnvEditorPanel panel;
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&panel, &Ui::EnvEditorPanel::loaded);
    panel.open(m_dir.path(), "development", {path("compose.yaml")});
    QVERIFY(loaded.wait(10000));
    const QAbstractItemModel *model = panel.model();
    QCOMPARE(cell(model, "API_PORT", Ui::EnvKeyModel::ValueColumn), QString("8001"));
    QCOMPARE(cell(model, "API_PORT", Ui::EnvKeyModel::SourceColumn), QString(".env.development"));
    QCOMPARE(cell(model, "API_PORT", Ui::EnvKeyModel::DescriptionColumn),
             QString("Where the API listens."));
    QVERIFY(cell(model, "API_PORT", Ui::EnvKeyModel::StatusColumn).contains("used by api"));
    QVERIFY(cell(model, "DEBUG", Ui::EnvKeyModel::StatusColumn)
                .contains("not used by the compose files"));
    QVERIFY(cell(model, "DEBUG", Ui::EnvKeyModel::StatusColumn).contains("not in .env.example"));
    QVERIFY(cell(model, "FEATURE_FLAGS", Ui::EnvKeyModel::StatusColumn).contains("missing"));
    QVERIFY(cell(model, "DB_PASSWORD", Ui::EnvKeyModel::StatusColumn).contains("secret"));
    // Referenced by the compose file, defined in no file: listed with its service.
    QVERIFY(
        cell(model, "SENTRY_DSN", Ui::EnvKeyModel::StatusColumn).contains("defined in no file"));
    QVERIFY(cell(model, "SENTRY_DSN", Ui::EnvKeyModel::StatusColumn).contains("used by api"));
    // One file at a time.
    panel.model()->setFile(".env.example");
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(cell(model, "API_PORT", Ui::EnvKeyModel::ValueColumn), QString("8000"));
    // Every control has an accessible name.
    for (QWidget *w : panel.findChildren<QWidget *>()) {
        if ((qobject_cast<QAbstractButton *>(w) || qobject_cast<QTableView *>(w))
            && w->isVisibleTo(&panel)) {
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
    }
}

void TestEnvPanel::edit_undo_save_keychainFirst_nothingSecretOnDisk()
{
    Ui::EnvEditorPanel panel;
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&panel, &Ui::EnvEditorPanel::loaded);
    panel.open(m_dir.path(), "development", {path("compose.yaml")});
    QVERIFY(loaded.wait(10000));
    QAbstractItemModel *model = panel.model();

    // Edit a value through the model, as the table's editor does.
    QVERIFY(model->setData(model->index(rowOf(model, "API_PORT"), Ui::EnvKeyModel::ValueColumn),
                           "9000"));
    QCOMPARE(cell(model, "API_PORT", Ui::EnvKeyModel::ValueColumn), QString("9000"));
    // A secret typed in: masked, pending for the keychain.
    const QString secret = "pw-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(model->setData(model->index(rowOf(model, "DB_PASSWORD"), Ui::EnvKeyModel::ValueColumn),
                           secret));
    QCOMPARE(cell(model, "DB_PASSWORD", Ui::EnvKeyModel::ValueColumn), QString("********"));
    panel.view()->setCurrentIndex(model->index(rowOf(model, "DB_PASSWORD"), 0));
    panel.revealSelected(true);
    QCOMPARE(cell(model, "DB_PASSWORD", Ui::EnvKeyModel::ValueColumn), secret);
    panel.revealSelected(false);
    // A bad key: an inline error, nothing changes.
    panel.addKey("NOT VALID", "x");
    QVERIFY(panel.errorText().contains("NOT VALID"));
    // Undo the port, redo it.
    auto *undo = panel.findChild<QAction *>("envUndo");
    QVERIFY(undo && undo->isEnabled());
    panel.undo(); // the secret
    panel.undo(); // the port
    QCOMPARE(cell(model, "API_PORT", Ui::EnvKeyModel::ValueColumn), QString("8001"));
    panel.redo();
    panel.redo();
    QCOMPARE(cell(model, "API_PORT", Ui::EnvKeyModel::ValueColumn), QString("9000"));

    QSignalSpy saved(&panel, &Ui::EnvEditorPanel::saved);
    panel.save();
    QVERIFY2(saved.wait(10000), qPrintable(panel.errorText()));
    QCOMPARE(read(path(".env.development")),
             QByteArray("# Development.\nAPI_PORT=9000\nDEBUG=true\n"));
    QVERIFY(!QFile::exists(path(".env.local")));
    QCOMPARE(cell(model, "DB_PASSWORD", Ui::EnvKeyModel::SourceColumn), QString("keychain"));
    QVERIFY(cell(model, "DB_PASSWORD", Ui::EnvKeyModel::StatusColumn)
                .contains("secret in the keychain"));
    // In the keychain, nowhere on disk.
    Core::KeychainSecretStore store(Core::KeychainSecretStore::scopeForProject(m_dir.path()));
    const auto back =
        await<std::optional<QString>>([&](auto done) { store.read("DB_PASSWORD", nullptr, done); });
    QVERIFY(back && *back && **back == secret);
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        QVERIFY2(!read(it.next()).contains(secret.toUtf8()), qPrintable(it.filePath()));
    }
    // A new panel reads the value back from the keychain.
    Ui::EnvEditorPanel again;
    QSignalSpy loadedAgain(&again, &Ui::EnvEditorPanel::loaded);
    again.open(m_dir.path(), "development", {});
    QVERIFY(loadedAgain.wait(10000));
    QCOMPARE(cell(again.model(), "DB_PASSWORD", Ui::EnvKeyModel::SourceColumn),
             QString("keychain"));
    await<void>([&](auto done) { store.remove("DB_PASSWORD", nullptr, done); });
}

// A secret by its name with a plain value in a file: flagged. A new value typed in goes to the
// keychain on save, and the stale plain copy leaves the file with it: the flag goes away.
void TestEnvPanel::savedSecret_leavesThePlainFile_noLongerFlagged()
{
    const QString plain = "old-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    write(path(".env.development"),
          ("# Development.\nAPI_PORT=8001\nAPI_TOKEN=" + plain + "\nDEBUG=true\n").toUtf8());
    Ui::EnvEditorPanel panel;
    QSignalSpy loaded(&panel, &Ui::EnvEditorPanel::loaded);
    panel.open(m_dir.path(), "development", {});
    QVERIFY(loaded.wait(10000));
    QAbstractItemModel *model = panel.model();
    QVERIFY(cell(model, "API_TOKEN", Ui::EnvKeyModel::StatusColumn)
                .contains("secret in a plain file"));
    const QString secret = "tok-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(model->setData(model->index(rowOf(model, "API_TOKEN"), Ui::EnvKeyModel::ValueColumn),
                           secret));
    QSignalSpy saved(&panel, &Ui::EnvEditorPanel::saved);
    panel.save();
    QVERIFY2(saved.wait(10000), qPrintable(panel.errorText()));
    const QString status = cell(model, "API_TOKEN", Ui::EnvKeyModel::StatusColumn);
    QVERIFY2(!status.contains("secret in a plain file"), qPrintable(status));
    QVERIFY2(status.contains("secret in the keychain"), qPrintable(status));
    // Every other byte of the file stays; the key stays as the secret's empty placeholder.
    QCOMPARE(read(path(".env.development")),
             QByteArray("# Development.\nAPI_PORT=8001\nAPI_TOKEN=\nDEBUG=true\n"));
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        const QByteArray bytes = read(it.next());
        QVERIFY2(!bytes.contains(secret.toUtf8()) && !bytes.contains(plain.toUtf8()),
                 qPrintable(it.filePath()));
    }
    Core::KeychainSecretStore store(Core::KeychainSecretStore::scopeForProject(m_dir.path()));
    const auto back =
        await<std::optional<QString>>([&](auto done) { store.read("API_TOKEN", nullptr, done); });
    QVERIFY(back && *back && **back == secret);
    await<void>([&](auto done) { store.remove("API_TOKEN", nullptr, done); });
}

void TestEnvPanel::selectedKeyActions_moveSecretGenerateRemove()
{
    Ui::EnvEditorPanel panel;
    QSignalSpy loaded(&panel, &Ui::EnvEditorPanel::loaded);
    panel.open(m_dir.path(), "development", {});
    QVERIFY(loaded.wait(10000));
    QAbstractItemModel *model = panel.model();
    auto select = [&](const QString &key) {
        panel.view()->setCurrentIndex(model->index(rowOf(model, key), 0));
    };
    select("DEBUG");
    panel.moveSelected(".env.local");
    QCOMPARE(cell(model, "DEBUG", Ui::EnvKeyModel::SourceColumn), QString(".env.local"));
    select("DEBUG");
    panel.toggleSecretSelected(); // its value waits for the keychain, the file keeps DEBUG=
    QVERIFY(cell(model, "DEBUG", Ui::EnvKeyModel::StatusColumn).contains("secret"));
    QCOMPARE(panel.editor()->pendingSecrets().value("DEBUG"), QString("true"));
    select("DEBUG");
    panel.generateForSelected();
    QCOMPARE(panel.editor()->pendingSecrets().value("DEBUG").size(), 43);
    select("API_PORT");
    panel.removeSelected();
    // Only .env.example documents it now: no value, "missing".
    QCOMPARE(cell(model, "API_PORT", Ui::EnvKeyModel::SourceColumn), QString("—"));
    QVERIFY(cell(model, "API_PORT", Ui::EnvKeyModel::StatusColumn).contains("missing"));
    // Nothing selected: nothing happens.
    panel.view()->setCurrentIndex({});
    panel.removeSelected();
    QVERIFY(panel.errorText().isEmpty());
    // All undone, step by step, back to the files as read.
    while (panel.editor()->canUndo()) {
        panel.undo();
    }
    QVERIFY(panel.editor()->changedFiles().isEmpty());
    QVERIFY(panel.editor()->pendingSecrets().isEmpty());
}

void TestEnvPanel::fileChangedOnDisk_bannerOffersReloadAndMerge()
{
    Ui::EnvEditorPanel panel;
    panel.show();
    QSignalSpy loaded(&panel, &Ui::EnvEditorPanel::loaded);
    panel.open(m_dir.path(), "development", {});
    QVERIFY(loaded.wait(10000));
    QAbstractItemModel *model = panel.model();
    QVERIFY(model->setData(model->index(rowOf(model, "API_PORT"), Ui::EnvKeyModel::ValueColumn),
                           "9000"));

    QSignalSpy conflict(&panel, &Ui::EnvEditorPanel::conflictDetected);
    write(path(".env.development"),
          "# Development.\nAPI_PORT=8001\nDEBUG=true\nREDIS_URL=redis://r\n");
    QVERIFY(conflict.wait(10000));
    QCOMPARE(conflict.first().first().toStringList(), QStringList{".env.development"});
    auto *banner = panel.findChild<QWidget *>("envConflict");
    QVERIFY(banner && banner->isVisible());
    QVERIFY(
        panel.findChild<QLabel *>("envConflictText")->text().contains("Nothing was overwritten"));
    // Saving now writes nothing.
    panel.save();
    QVERIFY(read(path(".env.development")).contains("REDIS_URL"));
    QVERIFY(!read(path(".env.development")).contains("9000"));
    // Merge: both changes.
    QTest::mouseClick(panel.findChild<QPushButton *>("envConflictMerge"), Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    QSignalSpy saved(&panel, &Ui::EnvEditorPanel::saved);
    panel.save(); // no secrets to write: may finish at once
    QVERIFY2(waitUntil([&] { return saved.size() == 1; }, 10000), qPrintable(panel.errorText()));
    QCOMPARE(read(path(".env.development")),
             QByteArray("# Development.\nAPI_PORT=9000\nDEBUG=true\nREDIS_URL=redis://r\n"));

    // Unmodified: a change on disk simply shows.
    write(path(".env.development"), "API_PORT=7000\n");
    QVERIFY(waitUntil(
        [&] { return cell(model, "API_PORT", Ui::EnvKeyModel::ValueColumn) == "7000"; }, 10000));
    // Reload: drops the unsaved edit.
    QVERIFY(
        model->setData(model->index(rowOf(model, "API_PORT"), Ui::EnvKeyModel::ValueColumn), "1"));
    write(path(".env.development"), "API_PORT=7001\n");
    QVERIFY(conflict.wait(10000));
    QTest::mouseClick(panel.findChild<QPushButton *>("envConflictReload"), Qt::LeftButton);
    QCOMPARE(cell(model, "API_PORT", Ui::EnvKeyModel::ValueColumn), QString("7001"));
    QVERIFY(!panel.editor()->isModified());
}

// Typed keys, as a user edits: F2 opens the value cell, Ctrl+S typed inside it saves what was
// typed; after Enter the same row stays current and Ctrl+K marks that key secret.
void TestEnvPanel::shortcuts_keepWorkingWhileAndAfterEditingACell()
{
    Ui::EnvEditorPanel panel;
    panel.resize(900, 500);
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QSignalSpy loaded(&panel, &Ui::EnvEditorPanel::loaded);
    panel.open(m_dir.path(), "development", {});
    QVERIFY(loaded.wait(10000));
    QAbstractItemModel *model = panel.model();
    QTableView *view = panel.view();
    auto editCell = [&](const QString &key, const QString &text) -> QLineEdit * {
        view->setFocus();
        view->setCurrentIndex(model->index(rowOf(model, key), Ui::EnvKeyModel::ValueColumn));
        QTest::keyClick(view, Qt::Key_F2);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        if (editor == nullptr) {
            return nullptr;
        }
        editor->selectAll();
        QTest::keyClicks(editor, text);
        return editor;
    };

    // Ctrl+S with the cell still open: the typed value is saved.
    QLineEdit *editor = editCell("API_PORT", "9100");
    QVERIFY(editor);
    QSignalSpy saved(&panel, &Ui::EnvEditorPanel::saved);
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(waitUntil([&] { return saved.size() == 1; }, 10000), qPrintable(panel.errorText()));
    QCOMPARE(read(path(".env.development")),
             QByteArray("# Development.\nAPI_PORT=9100\nDEBUG=true\n"));

    // Edited and committed with Enter: DEBUG stays the current key, Ctrl+K acts on it.
    editor = editCell("DEBUG", "yes");
    QVERIFY(editor);
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits from the event loop
    QVERIFY(waitUntil([&] { return cell(model, "DEBUG", Ui::EnvKeyModel::ValueColumn) == "yes"; }));
    QCOMPARE(model->index(view->currentIndex().row(), 0).data().toString(), QString("DEBUG"));
    QVERIFY(waitUntil([&] { return view->hasFocus(); }, 2000));
    QTest::keyClick(view, Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(panel.editor()->pendingSecrets().value("DEBUG"), QString("yes"));

    // Ctrl+K inside an open cell: the typed value goes with the key into the keychain's queue,
    // and the line edit does not delete anything.
    editor = editCell("API_PORT", "9200");
    QVERIFY(editor);
    editor->setCursorPosition(1);
    QTest::keyClick(editor, Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(panel.editor()->pendingSecrets().value("API_PORT"), QString("9200"));
    panel.reloadFromDisk();
}

void TestEnvPanel::onboardingDialog_engineUnreachable_stopsWithFixAndRetry()
{
    // An engine that is not there (a socket nobody listens on), as a stopped engine looks.
    auto endpoint = Core::parseDockerHost("unix://" + m_dir.filePath("no-engine.sock"));
    QVERIFY(endpoint);
    Core::EngineClient client(*endpoint);
    Core::KeychainSecretStore store(Core::KeychainSecretStore::scopeForProject(m_dir.path()));
    Core::OnboardingOptions options;
    options.projectDirectory = m_dir.path();
    Core::Onboarding onboarding(&client, &store, options);
    Ui::OnboardingDialog dialog(&onboarding);
    dialog.setOpenBrowser(false);
    dialog.show();
    QSignalSpy finished(&onboarding, &Core::Onboarding::finished);
    onboarding.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), false);
    QTreeWidgetItem *engine = dialog.steps()->topLevelItem(0);
    QVERIFY2(engine->text(1).contains("failed"), qPrintable(engine->text(1)));
    QVERIFY(engine->text(2).contains("no-engine.sock"));
    QCOMPARE(engine->childCount(), 1); // the fix
    QVERIFY(!engine->child(0)->text(2).isEmpty());
    QVERIFY(dialog.steps()->topLevelItem(1)->text(1).contains("to do"));
    QVERIFY(!dialog.startButton()->isVisible()); // it ran: Retry took Start's place
    QVERIFY(dialog.retryButton()->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>("onboardingSummary")
                ->text()
                .contains("Docker engine reachable"));
    // Retry runs again (and fails the same way, the engine still being away).
    QTest::mouseClick(dialog.retryButton(), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 2);
}

// A compose or loader error can quote an interpolated secret (an image tag, a URL); the window's
// banner shows the error as the logs do, with the value hidden.
void TestEnvPanel::errorBanner_hidesKnownSecretValues()
{
    const QString value = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(Core::registerSecret(QStringLiteral("API_TOKEN"), value));
    QWidget parent;
    QLabel *banner =
        Ui::makeErrorBanner(&parent, QStringLiteral("errorBanner"), QStringLiteral("Error"));
    Ui::showError(banner, Core::Error{Core::Error::Code::InvalidArgument,
                            QStringLiteral("invalid reference format: busybox:%1").arg(value),
                            QStringLiteral("Check the image of service api (%1).").arg(value)});
    QVERIFY(!banner->isHidden());
    QVERIFY2(!banner->text().contains(value), qPrintable(banner->text()));
    QCOMPARE(banner->text().count(QStringLiteral("[secret API_TOKEN]")), 2);
    Core::clearRegisteredSecrets();
}

QTEST_MAIN(TestEnvPanel)
#include "tst_envpanel.moc"
