// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/dockertest.h"

#include "env/envfile.h"
#include "env/envprofile.h"
#include "env/secretstore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

void write(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kExample =
    "# Database user\n"
    "POSTGRES_USER=synapse\n"
    "# devdock: secret\n"
    "# The database password\n"
    "POSTGRES_PASSWORD=\n"
    "DATABASE_URL=postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@db/app\n"
    "OPENAI_API_KEY=\n"
    "LOG_LEVEL=info\n";

std::optional<QString> noEnvironment(const QString &)
{
    return std::nullopt;
}

const ResolvedEnvKey *find(const QList<ResolvedEnvKey> &keys, const QString &key)
{
    for (const ResolvedEnvKey &k : keys) {
        if (k.key == key) {
            return &k;
        }
    }
    return nullptr;
}

bool keychainUsable()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

} // namespace

class TestEnvProfile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void profiles_areFoundFromFiles();
    void resolve_layersFilesAndTellsWhereEachKeyCameFrom();
    void resolve_keychainSecretFeedsInterpolation();
    void secrets_markerCommentOrNameSuffix();
    void secrets_markerInAStackFileCounts();
    void displayValue_masksTheKeychainValueAndStalePlainCopies();
    void unknownProfile_namesTheAvailableOnes();
    void save_isAtomicAndRefusesAFileChangedOnDisk();
    void keychain_storeReadDelete();
    void devdockctl_env_secretNeverReachesAFileOrLog();
    void noKeychain_refusesPlainTextUnlessAskedTo();
    void devdockctl_env_globalProjectDirectoryBeforeTheCommand();

private:
    QTemporaryDir m_project;
};

void TestEnvProfile::initTestCase()
{
    write(m_project.filePath(".env.example"), kExample);
    write(m_project.filePath(".env"), "LOG_LEVEL=warn\n");
    write(m_project.filePath(".env.development"), "POSTGRES_USER=dev\nLOG_LEVEL=debug\n");
    write(m_project.filePath(".env.production"), "POSTGRES_USER=prod\n");
    write(m_project.filePath(".env.local"), "# mine\nPOSTGRES_PASSWORD=plain\nEXTRA=1\n");
}

void TestEnvProfile::profiles_areFoundFromFiles()
{
    QCOMPARE(EnvProfile::availableProfiles(m_project.path()),
             (QStringList{"development", "production"}));
    QCOMPARE(EnvProfile::defaultProfile(m_project.path()), QStringLiteral("development"));
    const auto profile = EnvProfile::load(m_project.path(), "production");
    QVERIFY(profile);
    QStringList stack;
    for (const EnvFile &f : profile->stack()) {
        stack << f.name + (f.exists ? "" : "?");
    }
    QCOMPARE(stack, (QStringList{".env", ".env.production", ".env.local"}));
}

void TestEnvProfile::resolve_layersFilesAndTellsWhereEachKeyCameFrom()
{
    const auto profile = EnvProfile::load(m_project.path(), "development");
    QVERIFY(profile);
    const auto keys = profile->resolve(noEnvironment);
    QVERIFY2(keys, keys ? "" : qPrintable(keys.error().message));
    QStringList order;
    for (const auto &k : *keys) {
        order << k.key;
    }
    // Documented keys first, in the template's order, then the rest.
    QCOMPARE(order, (QStringList{"POSTGRES_USER", "POSTGRES_PASSWORD", "DATABASE_URL",
                                 "OPENAI_API_KEY", "LOG_LEVEL", "EXTRA"}));
    const auto *user = find(*keys, "POSTGRES_USER");
    QCOMPARE(user->value, QStringLiteral("dev"));
    QCOMPARE(user->source, QStringLiteral(".env.development"));
    QCOMPARE(user->description, QStringLiteral("Database user"));
    const auto *level = find(*keys, "LOG_LEVEL");
    QCOMPARE(level->value, QStringLiteral("debug"));
    QVERIFY(level->overridden);
    const auto *password = find(*keys, "POSTGRES_PASSWORD");
    QVERIFY(password->secret && password->secretInFile);
    QCOMPARE(password->description, QStringLiteral("The database password"));
    QVERIFY(password->statuses().contains("secret in a plain file"));
    QVERIFY(find(*keys, "DATABASE_URL")->missing);
    QVERIFY(find(*keys, "OPENAI_API_KEY")->missing);
    QVERIFY(find(*keys, "EXTRA")->extra);
}

void TestEnvProfile::resolve_keychainSecretFeedsInterpolation()
{
    QTemporaryDir dir;
    write(dir.filePath(".env.example"), kExample);
    write(dir.filePath(".env.local"),
          "DATABASE_URL=postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@db/app\n");
    const auto profile = EnvProfile::load(dir.path());
    QVERIFY(profile);
    const auto keys = profile->resolve(
        [](const QString &name) -> std::optional<QString> {
            return name == "POSTGRES_USER" ? std::optional<QString>("envuser") : std::nullopt;
        },
        {{"POSTGRES_PASSWORD", "k3y"}});
    QVERIFY(keys);
    QCOMPARE(find(*keys, "DATABASE_URL")->value, QStringLiteral("postgresql://envuser:k3y@db/app"));
    QCOMPARE(find(*keys, "POSTGRES_PASSWORD")->source, QStringLiteral("keychain"));
    QVERIFY(find(*keys, "POSTGRES_PASSWORD")->statuses().contains("secret in keychain"));
}

void TestEnvProfile::secrets_markerCommentOrNameSuffix()
{
    const auto profile = EnvProfile::load(m_project.path(), "development");
    QVERIFY(profile);
    for (const char *key :
         {"POSTGRES_PASSWORD", "OPENAI_API_KEY", "JWT_SECRET", "GITHUB_TOKEN", "SIGNING_KEY"}) {
        QVERIFY2(profile->isSecret(key), key);
    }
    for (const char *key : {"POSTGRES_USER", "DATABASE_URL", "LOG_LEVEL", "KEYBOARD"}) {
        QVERIFY2(!profile->isSecret(key), key);
    }
}

void TestEnvProfile::secrets_markerInAStackFileCounts()
{
    // What `devdockctl env set --secret MY_SETTING` records: a marker above an empty placeholder.
    QTemporaryDir dir;
    write(dir.filePath(".env.local"), "PLAIN=1\n");
    auto file = EnvFile::read(dir.filePath(".env.local"));
    QVERIFY(file);
    EnvProfile::recordSecret(file->document, "MY_SETTING");
    QCOMPARE(file->document.toString(),
             QStringLiteral("PLAIN=1\n# devdock: secret\nMY_SETTING=\n"));
    QVERIFY(file->save());
    auto profile = EnvProfile::load(dir.path());
    QVERIFY(profile);
    QVERIFY(profile->isSecret("MY_SETTING"));
    QVERIFY(!profile->isSecret("PLAIN"));
    QCOMPARE(profile->secretKeys(), QStringList{"MY_SETTING"});
    QVERIFY(!profile->isSecretWithoutMarkerIn("MY_SETTING", ".env.local"));
    QVERIFY(profile->isSecretWithoutMarkerIn("API_TOKEN", ".env.local"));
    // The empty placeholder is no "secret in a plain file".
    const auto keys = profile->resolve(noEnvironment, {{"MY_SETTING", "from-keychain"}});
    QVERIFY(keys);
    const auto *setting = find(*keys, "MY_SETTING");
    QCOMPARE(setting->source, QStringLiteral("keychain"));
    QVERIFY(!setting->secretInFile);
    QVERIFY(EnvProfile::forgetSecret(file->document, "MY_SETTING"));
    QCOMPARE(file->document.toString(), QStringLiteral("PLAIN=1\n"));
    QVERIFY(!EnvProfile::forgetSecret(file->document, "MY_SETTING"));
}

void TestEnvProfile::displayValue_masksTheKeychainValueAndStalePlainCopies()
{
    QTemporaryDir dir;
    write(dir.filePath(".env.example"), kExample);
    // A stale plain copy of the password, quoted literally inside DATABASE_URL; the keychain
    // holds a newer value, which LEGACY_URL quotes.
    write(dir.filePath(".env.local"), "POSTGRES_PASSWORD=stale-copy\n"
                                      "DATABASE_URL=postgresql://synapse:stale-copy@db/app\n"
                                      "LEGACY_URL=postgresql://synapse:keychain-value@old/app\n");
    const auto profile = EnvProfile::load(dir.path());
    QVERIFY(profile);
    const auto keys = profile->resolve(noEnvironment, {{"POSTGRES_PASSWORD", "keychain-value"}});
    QVERIFY(keys);
    const auto *password = find(*keys, "POSTGRES_PASSWORD");
    QCOMPARE(password->plainValues, QStringList{"stale-copy"});
    QVERIFY(password->secretInFile);
    QCOMPARE(EnvProfile::displayValue(*password, *keys), QString(EnvProfile::Mask));
    QCOMPARE(EnvProfile::displayValue(*find(*keys, "DATABASE_URL"), *keys),
             QStringLiteral("postgresql://synapse:********@db/app"));
    QCOMPARE(EnvProfile::displayValue(*find(*keys, "LEGACY_URL"), *keys),
             QStringLiteral("postgresql://synapse:********@old/app"));
}

void TestEnvProfile::unknownProfile_namesTheAvailableOnes()
{
    const auto profile = EnvProfile::load(m_project.path(), "staging");
    QVERIFY(!profile);
    QVERIFY(profile.error().message.contains("no profile \"staging\""));
    QCOMPARE(profile.error().hint, QStringLiteral("Available profiles: development, production."));
}

void TestEnvProfile::save_isAtomicAndRefusesAFileChangedOnDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(".env.local");
    write(path, "# keep me\nA=1\r\nB=2\n");
    auto file = EnvFile::read(path);
    QVERIFY(file);
    file->document.set("A", "changed");
    QVERIFY(file->save());
    QCOMPARE(read(path), QByteArray("# keep me\nA=changed\r\nB=2\n"));

    // Someone edits the file behind DevDock's back: the next save refuses, the file is intact.
    write(path, "# keep me\nA=changed\r\nB=2\nC=theirs\n");
    file->document.set("B", "mine");
    const auto r = file->save();
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Conflict);
    QVERIFY(r.error().message.contains("changed on disk"));
    QCOMPARE(read(path), QByteArray("# keep me\nA=changed\r\nB=2\nC=theirs\n"));
    // No temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{".env.local"});
}

void TestEnvProfile::keychain_storeReadDelete()
{
    if (!keychainUsable()) {
        if (qEnvironmentVariableIsSet("DEVDOCK_REQUIRE_KEYCHAIN")) {
            QFAIL("No session bus, but DEVDOCK_REQUIRE_KEYCHAIN is set.");
        }
        QSKIP("No session bus: run under the test command (dbus-run-session + gnome-keyring).");
    }
    KeychainSecretStore store("devdock-test/" + QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString secret = "s3cr3t-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto written = await<void>([&](auto cb) { store.write("API_TOKEN", secret, nullptr, cb); });
    QVERIFY(written);
    QVERIFY2(*written, *written ? "" : qPrintable(written->error().toString()));
    auto readBack =
        await<std::optional<QString>>([&](auto cb) { store.read("API_TOKEN", nullptr, cb); });
    QVERIFY(readBack && *readBack && **readBack);
    QCOMPARE(***readBack, secret);
    auto removed = await<void>([&](auto cb) { store.remove("API_TOKEN", nullptr, cb); });
    QVERIFY(removed && *removed);
    readBack =
        await<std::optional<QString>>([&](auto cb) { store.read("API_TOKEN", nullptr, cb); });
    QVERIFY(readBack && *readBack);
    QVERIFY(!**readBack);
    // Removing what is not there is fine.
    removed = await<void>([&](auto cb) { store.remove("API_TOKEN", nullptr, cb); });
    QVERIFY(removed && *removed);
}

void TestEnvProfile::devdockctl_env_secretNeverReachesAFileOrLog()
{
    if (!keychainUsable()) {
        if (qEnvironmentVariableIsSet("DEVDOCK_REQUIRE_KEYCHAIN")) {
            QFAIL("No session bus, but DEVDOCK_REQUIRE_KEYCHAIN is set.");
        }
        QSKIP("No session bus: run under the test command (dbus-run-session + gnome-keyring).");
    }
    QTemporaryDir project;
    write(project.filePath(".env.example"), kExample);
    write(project.filePath(".env.development"), "POSTGRES_USER=dev\nLOG_LEVEL=debug\n");
    write(project.filePath(".env.local"), "POSTGRES_PASSWORD=was-in-a-file\n");
    const QString secret = "pw-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto ctl = [&](const QStringList &args) {
        return run(QStringLiteral(DEVDOCKCTL_PATH),
                   QStringList{"env"} + args + QStringList{"--project-directory", project.path()});
    };

    Run r = ctl({"check"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("DATABASE_URL, OPENAI_API_KEY"), r.err.constData());

    // The secret moves into the keychain and leaves .env.local.
    r = ctl({"set", "POSTGRES_PASSWORD", secret});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(!read(project.filePath(".env.local")).contains("POSTGRES_PASSWORD"));
    r = ctl({"set", "DATABASE_URL", "postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@db/app"});
    QCOMPARE(r.exitCode, 0);
    r = ctl({"set", "OPENAI_API_KEY", secret + "-api"});
    QCOMPARE(r.exitCode, 0);
    r = ctl({"check"});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    r = ctl({"--json"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains(secret.toUtf8())); // masked, even inside DATABASE_URL? see below
    QVERIFY(r.out.contains("\"source\": \"keychain\""));
    r = ctl({});
    QVERIFY(r.out.contains("POSTGRES_PASSWORD=********  [keychain]"));

    // No secret value anywhere on disk: the project, DevDock's log and its settings.
    QStringList places{
        project.path(),
        QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + "/devdock",
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + "/DevDock"};
    for (const QString &place : places) {
        QDirIterator it(place, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY2(!read(path).contains(secret.toUtf8()), qPrintable(path));
        }
    }

    r = ctl({"unset", "POSTGRES_PASSWORD"});
    QCOMPARE(r.exitCode, 0);
    r = ctl({"unset", "OPENAI_API_KEY"});
    QCOMPARE(r.exitCode, 0);
    r = ctl({"check"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("POSTGRES_PASSWORD"));
}

void TestEnvProfile::noKeychain_refusesPlainTextUnlessAskedTo()
{
    QTemporaryDir project;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + project.filePath("no-bus"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(DEVDOCKCTL_PATH),
            {"env", "set", "API_TOKEN", "t0ken-value", "--project-directory", project.path()});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.contains("API_TOKEN") && err.contains("Nothing was written in plain text"),
             err.constData());
    QVERIFY(!QFile::exists(project.filePath(".env.local")));

    p.start(QStringLiteral(DEVDOCKCTL_PATH),
            {"env", "set", "API_TOKEN", "t0ken-value", "--plaintext", "--project-directory",
             project.path()});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(read(project.filePath(".env.local")), QByteArray("API_TOKEN=t0ken-value\n"));
}

// `devdockctl --project-directory P env …`, as every other command takes it: the project is P, not
// the directory devdockctl runs in.
void TestEnvProfile::devdockctl_env_globalProjectDirectoryBeforeTheCommand()
{
    QTemporaryDir project;
    write(project.filePath(".env.example"), "LOG_LEVEL=info\n");
    const Run r = run(QStringLiteral(DEVDOCKCTL_PATH),
                      {"--project-directory", project.path(), "env", "set", "LOG_LEVEL", "debug"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(read(project.filePath(".env.local")), QByteArray("LOG_LEVEL=debug\n"));
    QVERIFY(!QFile::exists(QDir::current().filePath(".env.local")));
}

QTEST_GUILESS_MAIN(TestEnvProfile)
#include "tst_envprofile.moc"
