// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#undef QT_USE_QSTRINGBUILDER

#include "../common/composetest.h"
#include "../common/dockertest.h"

#include "compose/composeloader.h"
#include "env/enveditor.h"
#include "env/secretstore.h"
#include "stack/stackenvironment.h"

#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

const QByteArray kExample = "# The project's variables.\n"
                            "\n"
                            "# Where the API listens.\n"
                            "API_PORT=8000\n"
                            "# Shown in the title bar.\n"
                            "APP_NAME=Synapse\n"
                            "# The database password.\n"
                            "DB_PASSWORD=\n";
const QByteArray kDevelopment = "# Development values.\n"
                                "API_PORT=8001 # the dev port\n"
                                "export DEBUG=true\n";

const EnvDocument &doc(const EnvEditor &editor, const QString &file)
{
    for (const EnvFile &f : editor.profile().stack()) {
        if (f.name == file) {
            return f.document;
        }
    }
    return editor.profile().example().document;
}

} // namespace

class TestEnvEditor : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void edits_undoRedo_saveWritesOnlyChangedFiles_keepingCommentsAndOrder();
    void badKeyOrFile_isAnError_nothingChanges();
    void move_betweenFiles();
    void fileChangedOnDisk_detected_reloadOrMerge_neverOverwritten();
    void markSecret_valueLeavesFiles_markerInExample();
    void unmarkSecret_bySuffix_isRefused();
    void unmarkSecret_markerInAStackFile_isRemovedThere();
    void generateSecret_strongAndDistinct();
    void composeVariableReferences_withServices();
    void servicesChangedBetween_profiles();
    void keychain_secretsSavedThere_notOnDisk();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

void TestEnvEditor::init()
{
    for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden)) {
        QFile::remove(path(name));
    }
    write(path(".env.example"), kExample);
    write(path(".env.development"), kDevelopment);
}

void TestEnvEditor::edits_undoRedo_saveWritesOnlyChangedFiles_keepingCommentsAndOrder()
{
    auto editor = EnvEditor::open(m_dir.path(), "development");
    QVERIFY2(editor, qPrintable(editor ? QString() : editor.error().message));
    QCOMPARE(editor->fileNames(),
             QStringList({".env.example", ".env", ".env.development", ".env.local"}));
    QVERIFY(!editor->isModified());

    QVERIFY(editor->setValue(".env.development", "API_PORT", "9000"));
    QVERIFY(editor->setValue(".env.development", "LOG_LEVEL", "debug"));
    QVERIFY(editor->remove(".env.development", "DEBUG"));
    QCOMPARE(editor->changedFiles(), QStringList{".env.development"});
    QCOMPARE(editor->undoText(), QString("Remove DEBUG from .env.development"));

    editor->undo();
    QVERIFY(doc(*editor, ".env.development").contains("DEBUG"));
    QVERIFY(editor->canRedo());
    editor->redo();
    QVERIFY(!doc(*editor, ".env.development").contains("DEBUG"));
    editor->undo(); // keep DEBUG after all
    QVERIFY(editor->setValue(".env.local", "APP_NAME", "Mine"));
    QVERIFY(!editor->canRedo()); // a new edit drops what was undone

    const auto resolved = editor->resolve();
    QVERIFY(resolved);
    for (const ResolvedEnvKey &k : *resolved) {
        if (k.key == "API_PORT") {
            QCOMPARE(k.value, QString("9000"));
            QCOMPARE(k.source, QString(".env.development"));
        }
        if (k.key == "APP_NAME") {
            QCOMPARE(k.source, QString(".env.local"));
        }
    }

    QVERIFY(editor->saveFiles());
    QVERIFY(!editor->isModified());
    // Only these two written; comments, order, export and the trailing comment kept.
    QCOMPARE(read(path(".env.development")), QByteArray("# Development values.\n"
                                                        "API_PORT=9000 # the dev port\n"
                                                        "export DEBUG=true\n"
                                                        "LOG_LEVEL=debug\n"));
    QCOMPARE(read(path(".env.local")), QByteArray("APP_NAME=Mine\n"));
    QCOMPARE(read(path(".env.example")), kExample);
    QVERIFY(!QFile::exists(path(".env")));
    // Reopened: what was saved is what is read.
    auto again = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(again);
    QCOMPARE(doc(*again, ".env.development").rawValue("API_PORT"), QString("9000"));
}

void TestEnvEditor::badKeyOrFile_isAnError_nothingChanges()
{
    auto editor = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(editor);
    const auto bad = editor->setValue(".env.development", "1BAD KEY", "x");
    QVERIFY(!bad);
    QVERIFY(bad.error().message.contains("1BAD KEY"));
    const auto noFile = editor->setValue(".env.staging", "GOOD", "x");
    QVERIFY(!noFile);
    QVERIFY(noFile.error().hint.contains(".env.local"));
    const auto notThere = editor->remove(".env.development", "NOPE");
    QVERIFY(!notThere);
    QVERIFY(!editor->isModified());
    QVERIFY(editor->changedFiles().isEmpty());
}

void TestEnvEditor::move_betweenFiles()
{
    auto editor = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(editor);
    QVERIFY(editor->move("DEBUG", ".env.development", ".env.local"));
    QVERIFY(editor->saveFiles());
    QCOMPARE(read(path(".env.development")),
             QByteArray("# Development values.\nAPI_PORT=8001 # the dev port\n"));
    QCOMPARE(read(path(".env.local")), QByteArray("DEBUG=true\n"));
}

void TestEnvEditor::fileChangedOnDisk_detected_reloadOrMerge_neverOverwritten()
{
    auto editor = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(editor);
    QVERIFY(editor->setValue(".env.development", "API_PORT", "9000"));
    QVERIFY(editor->filesChangedOnDisk().isEmpty());

    // Someone else edits the same file meanwhile.
    const QByteArray theirs = kDevelopment + "REDIS_URL=redis://cache:6379\n";
    write(path(".env.development"), theirs);
    QCOMPARE(editor->filesChangedOnDisk(), QStringList{".env.development"});
    const auto refused = editor->saveFiles();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Conflict);
    QCOMPARE(read(path(".env.development")), theirs); // untouched

    // Merge: their line and our change, both.
    QVERIFY(editor->merge());
    QVERIFY(editor->filesChangedOnDisk().isEmpty());
    QVERIFY(editor->saveFiles());
    QCOMPARE(read(path(".env.development")), QByteArray("# Development values.\n"
                                                        "API_PORT=9000 # the dev port\n"
                                                        "export DEBUG=true\n"
                                                        "REDIS_URL=redis://cache:6379\n"));

    // Reload: our unsaved change is dropped, theirs is shown.
    QVERIFY(editor->setValue(".env.development", "API_PORT", "1"));
    write(path(".env.development"), kDevelopment);
    QVERIFY(editor->reload());
    QVERIFY(!editor->isModified());
    QCOMPARE(doc(*editor, ".env.development").rawValue("API_PORT"), QString("8001"));
}

void TestEnvEditor::markSecret_valueLeavesFiles_markerInExample()
{
    auto editor = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(editor);
    QVERIFY(editor->setValue(".env.development", "SENTRY_DSN", "https://k@sentry/1"));
    QVERIFY(editor->saveFiles());
    QVERIFY(editor->markSecret("SENTRY_DSN"));
    QCOMPARE(editor->pendingSecrets().value("SENTRY_DSN"), QString("https://k@sentry/1"));
    // Setting a secret's value goes to the keychain, never into a file.
    QVERIFY(editor->setValue(".env.development", "DB_PASSWORD", "pw-123"));
    QCOMPARE(editor->pendingSecrets().value("DB_PASSWORD"), QString("pw-123"));
    QVERIFY(editor->saveFiles());
    const QByteArray development = read(path(".env.development"));
    QVERIFY2(!development.contains("sentry") && !development.contains("pw-123"),
             development.constData());
    QVERIFY(development.contains("SENTRY_DSN=\n"));
    QCOMPARE(read(path(".env.example")), kExample + "# devdock: secret\nSENTRY_DSN=\n");
    auto reopened = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(reopened);
    QVERIFY(reopened->profile().isSecret("SENTRY_DSN"));
    // Undo of a mark before saving restores the file's value.
    QVERIFY(reopened->setValue(".env.development", "PLAIN", "v"));
    QVERIFY(reopened->markSecret("PLAIN"));
    reopened->undo();
    QCOMPARE(doc(*reopened, ".env.development").rawValue("PLAIN"), QString("v"));
    QVERIFY(reopened->pendingSecrets().isEmpty());
}

void TestEnvEditor::unmarkSecret_bySuffix_isRefused()
{
    auto editor = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(editor);
    const auto refused = editor->unmarkSecret("DB_PASSWORD");
    QVERIFY(!refused);
    QVERIFY(refused.error().hint.contains("_PASSWORD"));
    QVERIFY(!editor->isModified());
}

// `devdockctl env set --secret` records a key that does not look secret with the marker above a
// placeholder in the stack file it wrote; unmarking it in the editor must remove that marker too.
void TestEnvEditor::unmarkSecret_markerInAStackFile_isRemovedThere()
{
    write(m_dir.filePath(".env.local"), "# devdock: secret\nSIGNING_SALT=\n");
    auto editor = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(editor);
    QVERIFY(editor->profile().isSecret("SIGNING_SALT"));
    QVERIFY(editor->unmarkSecret("SIGNING_SALT"));
    QVERIFY(!editor->profile().isSecret("SIGNING_SALT"));
    QVERIFY(editor->saveFiles());
    QVERIFY(!read(m_dir.filePath(".env.local")).contains("devdock: secret"));
}

void TestEnvEditor::generateSecret_strongAndDistinct()
{
    QSet<QString> seen;
    static const QRegularExpression alphabet("^[A-Za-z0-9_-]+$");
    for (int i = 0; i < 200; ++i) {
        const QString s = EnvEditor::generateSecret();
        QCOMPARE(s.size(), 43); // 32 bytes, base64url without padding
        QVERIFY(alphabet.match(s).hasMatch());
        QVERIFY(!seen.contains(s));
        seen.insert(s);
    }
}

void TestEnvEditor::composeVariableReferences_withServices()
{
    write(path("compose.yaml"), "x-common: &common\n"
                                "  environment:\n"
                                "    SHARED: ${SHARED_VALUE}\n"
                                "services:\n"
                                "  api:\n"
                                "    <<: *common\n"
                                "    image: app:${TAG:-latest}\n"
                                "    command: echo $$NOT_A_VARIABLE ${GREETING:?required}\n"
                                "  web:\n"
                                "    image: web\n"
                                "    ports: [\"${WEB_PORT:-${FALLBACK_PORT}}:80\"]\n"
                                "    environment: [\"TAG=$TAG\"]\n"
                                "volumes:\n"
                                "  data:\n"
                                "    name: ${VOLUME_NAME}\n");
    const auto refs = composeVariableReferences({path("compose.yaml")});
    QVERIFY(refs);
    QCOMPARE(refs->keys(), QStringList({"FALLBACK_PORT", "GREETING", "SHARED_VALUE", "TAG",
                                        "VOLUME_NAME", "WEB_PORT"}));
    QCOMPARE(refs->value("TAG"), QStringList({"api", "web"}));
    QCOMPARE(refs->value("SHARED_VALUE"), QStringList{"api"});
    QCOMPARE(refs->value("VOLUME_NAME"), QStringList{""});
    write(path("broken.yaml"), "services: [\n");
    QVERIFY(!composeVariableReferences({path("broken.yaml")}));
}

void TestEnvEditor::servicesChangedBetween_profiles()
{
    // The demo under its two profiles: LOG_LEVEL reaches backend and worker, DEMO_FLAKY_PERIOD
    // temporal-ui's command; nothing else differs.
    const QString demo = QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/demo");
    auto load = [&](const QString &profile) {
        ComposeLoadOptions options;
        options.projectDirectory = demo;
        options.workingDirectory = demo;
        options.envFiles = {demo + "/.env." + profile};
        return loadComposeProject(options);
    };
    const auto development = load("development");
    const auto production = load("production");
    QVERIFY(development && production);
    QCOMPARE(servicesChangedBetween(*development, *production),
             QStringList({"backend", "worker", "temporal-ui"}));
    QVERIFY(servicesChangedBetween(*development, *development).isEmpty());
}

void TestEnvEditor::keychain_secretsSavedThere_notOnDisk()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("No session bus: the test command runs this under dbus-run-session with "
              "gnome-keyring.");
    }
    const QString secret = "kc-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto editor = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(editor);
    QVERIFY(editor->setValue(".env.development", "DB_PASSWORD", secret));
    QVERIFY(editor->setValue(".env.development", "API_TOKEN", EnvEditor::generateSecret()));
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(m_dir.path()));
    // As the window saves: the keychain first, then the files.
    const QHash<QString, QString> pending = editor->pendingSecrets();
    QCOMPARE(pending.size(), 2);
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const auto written =
            await<void>([&](auto done) { store.write(it.key(), it.value(), nullptr, done); });
        QVERIFY(written.has_value());
        QVERIFY2(*written, qPrintable(*written ? QString() : written->error().message));
    }
    QVERIFY(editor->saveFiles());
    const auto back =
        await<std::optional<QString>>([&](auto done) { store.read("DB_PASSWORD", nullptr, done); });
    QVERIFY(back.has_value() && *back && **back == secret);
    // The resolved profile sees it; no file in the project, DevDock's logs or settings has it.
    auto reopened = EnvEditor::open(m_dir.path(), "development");
    QVERIFY(reopened);
    reopened->setStoredSecrets({{"DB_PASSWORD", secret}});
    const auto resolved = reopened->resolve();
    QVERIFY(resolved);
    for (const ResolvedEnvKey &k : *resolved) {
        if (k.key == "DB_PASSWORD") {
            QCOMPARE(k.source, QString("keychain"));
        }
    }
    const QStringList roots = {
        m_dir.path(),
        QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + "/devdock",
        QFileInfo(QSettings().fileName()).absolutePath()};
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly)) {
                QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
            }
        }
    }
    for (const QString &key : {QStringLiteral("DB_PASSWORD"), QStringLiteral("API_TOKEN")}) {
        const auto removed = await<void>([&](auto done) { store.remove(key, nullptr, done); });
        QVERIFY(removed.has_value() && *removed);
    }
}

QTEST_GUILESS_MAIN(TestEnvEditor)
#include "tst_enveditor.moc"
