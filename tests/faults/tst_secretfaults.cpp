// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets under attack: every known secret value is hidden from what DevDock logs or prints,
// a secret set under any name is recorded, listed, injected and removed, a locked or silent
// keychain says so, values stay off the command line, and a whole session (up, a failing up,
// logs, down, env, doctor, the window) writes a known secret into no file and no output.
// Real gnome-keyring (the test command's unlocked one, and private locked ones started here),
// real engine, real compose CLI.
#include "../common/composetest.h"
#include "../common/datatest.h"
#include "../common/dockertest.h"

#include "compose/composecli.h"
#include "compose/composeprobe.h"
#include "env/envprofile.h"
#include "env/secretstore.h"
#include "util/redaction.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <csignal>
#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString randomHex(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    return QString::fromLatin1(random.toHex());
}

QString uniqueName(const char *what)
{
    return QStringLiteral("devdock-secrets-%1-%2").arg(QLatin1String(what), randomHex(4));
}

// A child process: program, arguments, environment, stdin; its outputs and exit code.
Run runWith(const QString &program, const QStringList &args, const QProcessEnvironment &env,
            const QByteArray &input = {}, int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        return {-1, {}, "cannot start " + program.toUtf8()};
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, p.readAllStandardOutput(), p.readAllStandardError() + "\n(timeout)"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// The environment of a devdockctl run with its own HOME: DevDock's log and settings go there.
QProcessEnvironment homeEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.remove(QStringLiteral("XDG_CACHE_HOME"));
    env.remove(QStringLiteral("XDG_CONFIG_HOME"));
    env.remove(QStringLiteral("XDG_STATE_HOME"));
    return env;
}

template <typename T>
T awaitValue(const std::function<void(std::function<void(T)>)> &call, int timeoutMs = 30000)
{
    auto result = std::make_shared<std::optional<T>>();
    call([result](T r) { *result = std::move(r); });
    waitUntil([&] { return result->has_value(); }, timeoutMs);
    return result->value_or(T{});
}

std::optional<QString> keychainValue(const QString &projectDirectory, const QString &key)
{
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(projectDirectory));
    auto r = await<std::optional<QString>>([&](auto cb) { store.read(key, nullptr, cb); });
    return r && *r ? **r : std::nullopt;
}

bool storeInKeychain(const QString &projectDirectory, const QString &key, const QString &value)
{
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(projectDirectory));
    auto r = await<void>([&](auto cb) { store.write(key, value, nullptr, cb); });
    return r && *r;
}

void removeFromKeychain(const QString &projectDirectory, const QString &key)
{
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(projectDirectory));
    (void)await<void>([&](auto cb) { store.remove(key, nullptr, cb); });
}

void composeDown(const QString &project)
{
    docker({QStringLiteral("compose"), QStringLiteral("-p"), project, QStringLiteral("down"),
            QStringLiteral("--remove-orphans"), QStringLiteral("--volumes"), QStringLiteral("--timeout"),
            QStringLiteral("1")});
}

// Files and their modification times under `roots` (symlinks not followed).
using Snapshot = QHash<QString, QDateTime>;

Snapshot snapshot(const QStringList &roots, const QStringList &skip)
{
    Snapshot files;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (std::any_of(skip.cbegin(), skip.cend(),
                            [&](const QString &s) { return path.startsWith(s); })) {
                continue;
            }
            files.insert(path, it.fileInfo().lastModified());
        }
    }
    return files;
}

// A private session bus with its own gnome-keyring, whose login keyring exists but is locked:
// created once with --unlock, then the daemon is replaced by one started without it.
class LockedKeyring
{
public:
    ~LockedKeyring() { stop(); }

    bool start(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary directory");
            return false;
        }
        QDir(m_dir.path()).mkpath(QStringLiteral("home"));
        QDir(m_dir.path()).mkpath(QStringLiteral("data"));
        m_env = homeEnvironment(m_dir.filePath(QStringLiteral("home")));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        m_env.remove(QStringLiteral("DISPLAY")); // no prompt can be shown: as on a server
        m_env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        m_env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        // Services the bus starts on demand (gnome-keyring) inherit this: never the outer keyring.
        m_bus.setProcessEnvironment(m_env);
        m_bus.setProgram(QStringLiteral("dbus-daemon"));
        m_bus.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
                            QStringLiteral("--print-address=1")});
        m_bus.start();
        if (!m_bus.waitForStarted(10000) || !m_bus.waitForReadyRead(10000)) {
            *error = QStringLiteral("dbus-daemon did not start");
            return false;
        }
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);

        // Creates the login keyring (unlocked, with one item so it is written to disk).
        Run r = runWith(QStringLiteral("sh"),
                        {QStringLiteral("-c"),
                         QStringLiteral("printf devdock-test | gnome-keyring-daemon --unlock "
                                        "--components=secrets >/dev/null")},
                        m_env);
        if (r.exitCode != 0 || !waitForSecretService()) {
            *error = QStringLiteral("gnome-keyring did not start: ") + QString::fromUtf8(r.err);
            return false;
        }
        r = runWith(QStringLiteral("secret-tool"),
                    {QStringLiteral("store"), QStringLiteral("--label=seed"),
                     QStringLiteral("devdock-test"), QStringLiteral("seed")},
                    m_env, "seed-value");
        if (r.exitCode != 0 || !QFile::exists(m_dir.filePath("data/keyrings/login.keyring"))) {
            *error = QStringLiteral("no login keyring: ") + QString::fromUtf8(r.err);
            return false;
        }
        // The same keyring, with a daemon that was not given the password: locked.
        const qint64 first = daemonPid();
        ::kill(static_cast<pid_t>(first), SIGTERM);
        if (!waitUntil([&] { return !serviceOwned(); }, 10000)) {
            *error = QStringLiteral("the first gnome-keyring did not stop");
            return false;
        }
        r = runWith(QStringLiteral("gnome-keyring-daemon"),
                    {QStringLiteral("--start"), QStringLiteral("--components=secrets")}, m_env);
        if (r.exitCode != 0 || !waitForSecretService()) {
            *error = QStringLiteral("the locked gnome-keyring did not start: ")
                     + QString::fromUtf8(r.err);
            return false;
        }
        return true;
    }

    // "true"/"false": the Secret Service's own answer for the default collection.
    QString lockedProperty() const
    {
        const Run r = call(QStringLiteral("org.freedesktop.secrets"),
                           QStringLiteral("/org/freedesktop/secrets/aliases/default"),
                           QStringLiteral("org.freedesktop.DBus.Properties.Get"),
                           {QStringLiteral("string:org.freedesktop.Secret.Collection"),
                            QStringLiteral("string:Locked")});
        return r.out.contains("boolean true") ? QStringLiteral("true") : QStringLiteral("false");
    }

    qint64 daemonPid() const
    {
        const Run r = busCall(QStringLiteral("GetConnectionUnixProcessID"));
        static const QRegularExpression number(QStringLiteral("uint32 (\\d+)"));
        return number.match(QString::fromUtf8(r.out)).captured(1).toLongLong();
    }

    // Runs the hint's command for a desktop-less session: the keyring is unlocked again (by a
    // new daemon, once it owns the Secret Service's name).
    bool unlock() const
    {
        const Run r =
            runWith(QStringLiteral("bash"),
                    {QStringLiteral("-c"),
                     QStringLiteral("printf '%s' devdock-test | gnome-keyring-daemon "
                                    "--replace --unlock --components=secrets >/dev/null")},
                    m_env);
        return r.exitCode == 0
               && waitUntil(
                   [&] { return daemonPid() > 0 && lockedProperty() == QLatin1String("false"); },
                   15000);
    }

    void stop()
    {
        if (m_bus.state() == QProcess::NotRunning) {
            return;
        }
        if (const qint64 pid = daemonPid(); pid > 0) {
            ::kill(static_cast<pid_t>(pid), SIGCONT);
            ::kill(static_cast<pid_t>(pid), SIGTERM);
        }
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }

    QProcessEnvironment environment() const { return m_env; }

private:
    // dbus-send (package dbus) on the private bus.
    Run call(const QString &destination, const QString &path, const QString &method,
             const QStringList &args) const
    {
        return runWith(QStringLiteral("dbus-send"),
                       QStringList{QStringLiteral("--session"), QStringLiteral("--print-reply"),
                                   QStringLiteral("--reply-timeout=5000"),
                                   QStringLiteral("--dest=") + destination, path, method}
                           + args,
                       m_env, {}, 10000);
    }
    Run busCall(const QString &method) const
    {
        return call(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                    QStringLiteral("org.freedesktop.DBus.") + method,
                    {QStringLiteral("string:org.freedesktop.secrets")});
    }
    bool serviceOwned() const
    {
        return busCall(QStringLiteral("NameHasOwner")).out.contains("true");
    }
    bool waitForSecretService() const
    {
        return waitUntil([&] { return serviceOwned(); }, 15000);
    }

    QTemporaryDir m_dir;
    QProcess m_bus;
    QString m_address;
    QProcessEnvironment m_env;
};

} // namespace

class TestSecretFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void redaction_hidesKnownValuesLongestFirstAndNotTooShortOnes();
    void composeOutput_hidesAKeychainValueItEchoes();
    void logFiles_areOwnerOnlyAndRedacted();
    void setSecret_anyName_isRecordedListedInjectedAndUnset();
    void setSecret_valueFromStdin_neverOnTheCommandLine();
    void setSecret_promptsWithoutEchoOnATerminal();
    void set_doubleDashEndsOptions();
    void list_masksEveryCopyOfASecret();
    void lockedKeychain_saysLockedWithTheFix();
    void silentKeychain_timesOutWithAMessage();
    void lockedKeychain_backup_saysLockedAndMakesNoRepository();
    void leak_wholeSessionWritesTheSecretNowhere();

private:
    Run ctl(const QStringList &args, const QByteArray &input = {},
            const QProcessEnvironment &env = {});
    void writeProject(const QTemporaryDir &dir, const QByteArray &compose,
                      const QByteArray &example = {});

    QTemporaryDir m_home; // HOME of every devdockctl run here
    QStringList m_composeProjects;
};

void TestSecretFaults::initTestCase()
{
    DEVDOCK_REQUIRE_KEYCHAIN();
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
}

void TestSecretFaults::cleanupTestCase()
{
    for (const QString &project : std::as_const(m_composeProjects)) {
        composeDown(project);
    }
}

Run TestSecretFaults::ctl(const QStringList &args, const QByteArray &input,
                          const QProcessEnvironment &env)
{
    return runWith(QStringLiteral(DEVDOCKCTL_PATH), args,
                   env.isEmpty() ? homeEnvironment(m_home.path()) : env, input);
}

void TestSecretFaults::writeProject(const QTemporaryDir &dir, const QByteArray &compose,
                                    const QByteArray &example)
{
    QVERIFY(writeFile(dir.filePath(QStringLiteral("compose.yaml")), compose));
    if (!example.isEmpty()) {
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".env.example")), example));
    }
}

void TestSecretFaults::redaction_hidesKnownValuesLongestFirstAndNotTooShortOnes()
{
    clearRegisteredSecrets();
    QVERIFY(!haveSecretsToRedact());
    QCOMPARE(redactSecrets(QStringLiteral("nothing known yet")),
             QStringLiteral("nothing known yet"));
    QVERIFY(registerSecret(QStringLiteral("DB_PASSWORD"), QStringLiteral("hunter22")));
    QVERIFY(registerSecret(QStringLiteral("API_TOKEN"), QStringLiteral("hunter22-and-more")));
    QVERIFY(!registerSecret(QStringLiteral("PIN"), QStringLiteral("123"))); // too short to hide
    QVERIFY(registerSecret(QStringLiteral("QUOTED_SECRET"), QStringLiteral("a\"b\\c d")));
    QCOMPARE(redactSecrets(QStringLiteral("x hunter22-and-more y hunter22 z 123")),
             QStringLiteral("x [secret API_TOKEN] y [secret DB_PASSWORD] z 123"));
    QCOMPARE(redactSecrets(QByteArray("tag:hunter22\n")), QByteArray("tag:[secret DB_PASSWORD]\n"));
    // As JSON and a URL show it.
    QCOMPARE(redactSecrets(QStringLiteral("{\"v\":\"a\\\"b\\\\c d\"} ?p=a%22b%5Cc%20d")),
             QStringLiteral("{\"v\":\"[secret QUOTED_SECRET]\"} ?p=[secret QUOTED_SECRET]"));
    clearRegisteredSecrets();
}

void TestSecretFaults::composeOutput_hidesAKeychainValueItEchoes()
{
    // The secret becomes known the way it does in DevDock: read from the real keychain.
    QTemporaryDir dir;
    writeProject(dir, "services:\n  app:\n    image: \"devdock-test/busybox:${API_TOKEN}\"\n");
    const QString secret = QStringLiteral("tag with spaces ") + randomHex(8);
    QVERIFY(storeInKeychain(dir.path(), QStringLiteral("API_TOKEN"), secret));
    clearRegisteredSecrets();
    QCOMPARE(keychainValue(dir.path(), QStringLiteral("API_TOKEN")), std::optional(secret));

    ComposeInvocation invocation;
    bool probed = false;
    probeCompose(this, [&](const ComposeTool &tool) {
        invocation.tool = tool;
        probed = true;
    });
    QVERIFY(waitUntil([&] { return probed; }));
    QVERIFY(invocation.tool.isV2());
    invocation.projectName = uniqueName("cli");
    invocation.projectDirectory = dir.path();
    invocation.files = {dir.filePath(QStringLiteral("compose.yaml"))};
    invocation.services = {QStringLiteral("app")};
    invocation.environment.insert(QStringLiteral("API_TOKEN"), secret);
    m_composeProjects << invocation.projectName;
    ComposeCli cli(invocation);
    std::unique_ptr<ComposeOperation> up(cli.up({}, {}, nullptr));
    QStringList shown;
    connect(up.get(), &ComposeOperation::lineReceived, this,
            [&shown](const QString &line) { shown << line; });
    up->start();
    QVERIFY(waitUntil([&] { return up->isFinished(); }, 120000));
    QVERIFY(!up->result());
    const QString all = shown.join('\n') + up->output() + up->result().error().message;
    QVERIFY2(!all.contains(secret), qPrintable(all));
    // Compose did echo it (the reference is invalid): it was there to hide.
    QVERIFY2(all.contains(QStringLiteral("devdock-test/busybox:[secret API_TOKEN]")),
             qPrintable(all));
    removeFromKeychain(dir.path(), QStringLiteral("API_TOKEN"));
}

void TestSecretFaults::logFiles_areOwnerOnlyAndRedacted()
{
    QTemporaryDir home;
    const QString logs = home.filePath(QStringLiteral(".cache/devdock/logs"));
    // What an older DevDock left behind: a world-readable folder, log and rotated log.
    QVERIFY(QDir().mkpath(logs));
    QVERIFY(writeFile(logs + "/devdockctl.log", "old\n"));
    QVERIFY(writeFile(logs + "/devdockctl.1.log", "older\n"));
    ::chmod(QFile::encodeName(logs).constData(), 0755);
    ::chmod(QFile::encodeName(logs + "/devdockctl.log").constData(), 0644);
    ::chmod(QFile::encodeName(logs + "/devdockctl.1.log").constData(), 0644);
    const Run r = ctl({"version"}, {}, homeEnvironment(home.path()));
    QCOMPARE(r.exitCode, 0);
    auto mode = [](const QString &path) {
        struct stat st = {};
        ::stat(QFile::encodeName(path).constData(), &st);
        return st.st_mode & 07777;
    };
    QCOMPARE(mode(logs), 0700u);
    QCOMPARE(mode(logs + "/devdockctl.log"), 0600u);
    QCOMPARE(mode(logs + "/devdockctl.1.log"), 0600u);

    // A fresh HOME: the folder and the log are created private.
    QTemporaryDir fresh;
    QCOMPARE(ctl({"version"}, {}, homeEnvironment(fresh.path())).exitCode, 0);
    const QString freshLogs = fresh.filePath(QStringLiteral(".cache/devdock/logs"));
    QCOMPARE(mode(freshLogs), 0700u);
    QCOMPARE(mode(freshLogs + "/devdockctl.log"), 0600u);
}

void TestSecretFaults::setSecret_anyName_isRecordedListedInjectedAndUnset()
{
    QTemporaryDir dir;
    // MY_SETTING neither looks secret nor is in any file.
    writeProject(dir, "services:\n"
                      "  app:\n"
                      "    image: devdock-test/busybox:latest\n"
                      "    command: [\"sleep\", \"300\"]\n"
                      "    environment:\n"
                      "      GOT: \"${MY_SETTING:-unset}\"\n");
    const QString secret = QStringLiteral("any-name-") + randomHex(8);
    const QStringList in{"--project-directory", dir.path()};
    Run r = ctl(QStringList{"env", "set", "--secret", "MY_SETTING", secret} + in);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(keychainValue(dir.path(), "MY_SETTING"), std::optional(secret));
    // Recorded: the marker above an empty placeholder, as the editor marks keys.
    QCOMPARE(readAll(dir.filePath(".env.local")), QByteArray("# devdock: secret\nMY_SETTING=\n"));

    // Listed, masked, from the keychain.
    r = ctl(QStringList{"env"} + in);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("MY_SETTING=********  [keychain]  secret in keychain"),
             r.out.constData());
    QVERIFY(!r.out.contains(secret.toUtf8()));

    // Injected into the compose CLI's environment: the container sees it.
    const QString project = uniqueName("anyname");
    m_composeProjects << project;
    r = ctl({"-p", project, "--project-directory", dir.path(), "up", "--wait"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Run inspect =
        docker({"compose", "-p", project, "exec", "-T", "app", "sh", "-c", "echo \"$GOT\""});
    QCOMPARE(QString::fromUtf8(inspect.out).trimmed(), secret);
    composeDown(project);

    // Removed: keychain entry, key and marker.
    r = ctl(QStringList{"env", "unset", "MY_SETTING"} + in);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(keychainValue(dir.path(), "MY_SETTING"), std::nullopt);
    QCOMPARE(readAll(dir.filePath(".env.local")), QByteArray());
    r = ctl(QStringList{"env"} + in);
    QVERIFY2(!r.out.contains("MY_SETTING"), r.out.constData());
}

void TestSecretFaults::setSecret_valueFromStdin_neverOnTheCommandLine()
{
    QTemporaryDir dir;
    const QString secret = QStringLiteral("from-stdin-") + randomHex(8);
    QProcess p;
    p.setProcessEnvironment(homeEnvironment(m_home.path()));
    p.start(QStringLiteral(DEVDOCKCTL_PATH),
            {"env", "set", "--secret", "STDIN_TOKEN", "-", "--project-directory", dir.path()});
    QVERIFY(p.waitForStarted());
    // What ps shows while it waits for its input.
    QTest::qWait(300);
    const QByteArray cmdline = readAll(QStringLiteral("/proc/%1/cmdline").arg(p.processId()));
    QVERIFY(cmdline.contains("STDIN_TOKEN"));
    QVERIFY(!cmdline.contains(secret.toUtf8()));
    p.write((secret + "\nsecond line is not read\n").toUtf8());
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    // One line, its newline dropped.
    QCOMPARE(keychainValue(dir.path(), "STDIN_TOKEN"), std::optional(secret));

    // No input at all is an error, not an empty secret.
    const Run r =
        ctl({"env", "set", "--secret", "STDIN_TOKEN", "-", "--project-directory", dir.path()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no value for STDIN_TOKEN on standard input"), r.err.constData());
    QCOMPARE(keychainValue(dir.path(), "STDIN_TOKEN"), std::optional(secret));
    removeFromKeychain(dir.path(), "STDIN_TOKEN");
}

void TestSecretFaults::setSecret_promptsWithoutEchoOnATerminal()
{
    QTemporaryDir dir;
    const QString secret = QStringLiteral("typed-") + randomHex(8);
    const QByteArray program = DEVDOCKCTL_PATH;
    const QByteArray project = QFile::encodeName(dir.path());
    const QByteArray home = QFile::encodeName(m_home.path());
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    QVERIFY(pid >= 0);
    if (pid == 0) {
        ::setenv("HOME", home.constData(), 1);
        ::execl(program.constData(), program.constData(), "env", "set", "--secret", "TYPED_TOKEN",
                "--project-directory", project.constData(), static_cast<char *>(nullptr));
        ::_exit(127);
    }
    QByteArray screen;
    auto readFor = [&](int ms, const QByteArray &until) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms && (until.isEmpty() || !screen.contains(until))) {
            fd_set fds;
            FD_ZERO(&fds);
            FD_SET(master, &fds);
            timeval tv{0, 50000};
            if (::select(master + 1, &fds, nullptr, nullptr, &tv) > 0) {
                char buf[512];
                const ssize_t n = ::read(master, buf, sizeof buf);
                if (n <= 0) {
                    return;
                }
                screen.append(buf, n);
            }
        }
    };
    readFor(20000, "(not shown): ");
    QVERIFY2(screen.contains("Value for TYPED_TOKEN (not shown): "), screen.constData());
    const QByteArray typed = secret.toUtf8() + "\r";
    QCOMPARE(::write(master, typed.constData(), typed.size()), ssize_t(typed.size()));
    readFor(30000, "stored in the keychain");
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, screen.constData());
    QVERIFY2(!screen.contains(secret.toUtf8()), screen.constData()); // never echoed
    QVERIFY2(screen.contains("TYPED_TOKEN stored in the keychain"), screen.constData());
    QCOMPARE(keychainValue(dir.path(), "TYPED_TOKEN"), std::optional(secret));
    removeFromKeychain(dir.path(), "TYPED_TOKEN");
}

void TestSecretFaults::set_doubleDashEndsOptions()
{
    QTemporaryDir dir;
    const QStringList in{"--project-directory", dir.path()};
    Run r = ctl(QStringList{"env", "set"} + in + QStringList{"FLAGS", "--", "-x --y"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // After "--", "-" is the value "-", not stdin (which is empty here).
    r = ctl(QStringList{"env", "set"} + in + QStringList{"DASH", "--", "-"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(readAll(dir.filePath(".env.local")), QByteArray("FLAGS=-x --y\nDASH=-\n"));
    // Without "--", an option-like value is a usage error that says what to do.
    r = ctl(QStringList{"env", "set"} + in + QStringList{"FLAGS", "-x"});
    QCOMPARE(r.exitCode, 2);
}

void TestSecretFaults::list_masksEveryCopyOfASecret()
{
    QTemporaryDir dir;
    const QString stale = QStringLiteral("stale-") + randomHex(6);
    const QString fresh = QStringLiteral("fresh-") + randomHex(6);
    QVERIFY(writeFile(dir.filePath(".env.example"), "POSTGRES_PASSWORD=\nDATABASE_URL=\n"));
    // A plain copy left in a file, and another value that quotes it; the keychain holds another.
    QVERIFY(writeFile(dir.filePath(".env.local"),
                      ("POSTGRES_PASSWORD=" + stale + "\nDATABASE_URL=postgres://app:" + stale
                       + "@db/app?fallback=" + fresh + "\n")
                          .toUtf8()));
    QVERIFY(storeInKeychain(dir.path(), "POSTGRES_PASSWORD", fresh));
    for (const QStringList &format : {QStringList{}, QStringList{"--json"}}) {
        const Run r = ctl(QStringList{"env", "--project-directory", dir.path()} + format);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(stale.toUtf8()) && !r.out.contains(fresh.toUtf8()),
                 r.out.constData());
        QVERIFY2(r.out.contains("postgres://app:********@db/app?fallback=********"),
                 r.out.constData());
    }
    removeFromKeychain(dir.path(), "POSTGRES_PASSWORD");
}

void TestSecretFaults::lockedKeychain_saysLockedWithTheFix()
{
    LockedKeyring keyring;
    QString error;
    QVERIFY2(keyring.start(&error), qPrintable(error));
    QCOMPARE(keyring.lockedProperty(), QStringLiteral("true"));
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(".env.example"), "API_TOKEN=\n"));
    const QProcessEnvironment env = keyring.environment();
    const QStringList in{"--project-directory", dir.path()};

    QElapsedTimer timer;
    timer.start();
    Run r = ctl(QStringList{"env", "set", "--secret", "API_TOKEN", "locked-value"} + in, {}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(timer.elapsed() < 10000, "an unlock prompt was waited for");
    QVERIFY2(r.err.contains("Keychain locked: DevDock cannot store the secret API_TOKEN"),
             r.err.constData());
    QVERIFY2(r.err.contains("gnome-keyring-daemon --replace --unlock"), r.err.constData());
    QVERIFY(!QFile::exists(dir.filePath(".env.local")));

    // Reading: not "missing", but why it is unknown.
    r = ctl(QStringList{"env"} + in, {}, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("Keychain locked: DevDock cannot read the secret API_TOKEN"),
             r.err.constData());
    QVERIFY2(r.out.contains("API_TOKEN=(not read from the keychain)"), r.out.constData());
    QVERIFY(!r.out.contains("missing"));
    r = ctl(QStringList{"env", "check"} + in, {}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Keychain locked") && !r.err.contains("missing keys"),
             r.err.constData());

    // The fix the hint gives works, and then so does the command.
    QVERIFY(keyring.unlock());
    r = ctl(QStringList{"env", "set", "--secret", "API_TOKEN", "unlocked-value"} + in, {}, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = ctl(QStringList{"env"} + in, {}, env);
    QVERIFY2(r.out.contains("API_TOKEN=********  [keychain]"), r.out.constData());
}

void TestSecretFaults::lockedKeychain_backup_saysLockedAndMakesNoRepository()
{
    // The backup repository's password lives in the keychain: a locked one stops the first
    // backup before restic makes a repository whose password nobody could read later.
    DEVDOCK_REQUIRE_RESTIC();
    LockedKeyring keyring;
    QString error;
    QVERIFY2(keyring.start(&error), qPrintable(error));
    QTemporaryDir dir;
    const QString project = QStringLiteral("devdock-it-lockedbackup");
    writeProject(dir,
                 QStringLiteral("name: %1\n"
                                "services:\n"
                                "  app:\n"
                                "    image: %2\n"
                                "    labels: [\"%3\"]\n"
                                "    command: [\"sh\", \"-c\", \"echo kept > /files/marker; exec sleep 600\"]\n"
                                "    stop_grace_period: 1s\n"
                                "    volumes: [\"files:/files\"]\n"
                                "volumes:\n"
                                "  files: {}\n")
                     .arg(project, kTestImage, kTestLabel)
                     .toUtf8());
    m_composeProjects << project;
    const Run up = run(QStringLiteral("docker"),
                       {QStringLiteral("compose"), QStringLiteral("--project-directory"),
                        dir.path(), QStringLiteral("up"), QStringLiteral("-d"),
                        QStringLiteral("--wait")});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QProcessEnvironment env = keyring.environment();
    const QString repository = dir.filePath(QStringLiteral("repo"));
    env.insert(QStringLiteral("DEVDOCK_BACKUP_REPOSITORY"), repository);
    const QStringList backup{QStringLiteral("--project-directory"), dir.path(),
                             QStringLiteral("backup"), QStringLiteral("files")};

    QElapsedTimer timer;
    timer.start();
    Run r = ctl(backup, {}, env);
    QVERIFY2(r.exitCode == 1,
             qPrintable(QString::number(r.exitCode) + ": " + QString::fromUtf8(r.out + r.err)));
    QVERIFY2(timer.elapsed() < 15000, "an unlock prompt was waited for");
    QVERIFY2(r.err.contains("Keychain locked"), r.err.constData());
    QVERIFY2(r.err.contains("gnome-keyring-daemon --replace --unlock"), r.err.constData());
    QVERIFY2(!QFileInfo::exists(repository + QStringLiteral("/config")),
             "a repository was made without a password in the keychain");

    // Unlocked (the hint's command), the same backup goes through.
    QVERIFY(keyring.unlock());
    r = ctl(backup, {}, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("files: snapshot "), r.out.constData());
    QVERIFY(QFileInfo::exists(repository + QStringLiteral("/config")));
}

void TestSecretFaults::silentKeychain_timesOutWithAMessage()
{
    // A keychain that never answers (here: a real gnome-keyring, stopped) stands for an unlock
    // prompt nobody sees.
    LockedKeyring keyring;
    QString error;
    QVERIFY2(keyring.start(&error), qPrintable(error));
    QVERIFY(keyring.unlock());
    const qint64 pid = keyring.daemonPid();
    QVERIFY(pid > 0);
    QTemporaryDir dir;
    QProcessEnvironment env = keyring.environment();
    env.insert("DEVDOCK_KEYCHAIN_TIMEOUT", "2");
    QCOMPARE(::kill(static_cast<pid_t>(pid), SIGSTOP), 0);
    QElapsedTimer timer;
    timer.start();
    const Run set = ctl(
        {"env", "set", "--secret", "API_TOKEN", "silent-value", "--project-directory", dir.path()},
        {}, env);
    const qint64 setMs = timer.elapsed();
    timer.restart();
    const Run list = ctl({"env", "--project-directory", dir.path()}, {}, env);
    const qint64 listMs = timer.elapsed();
    ::kill(static_cast<pid_t>(pid), SIGCONT);
    QCOMPARE(set.exitCode, 1);
    QVERIFY2(setMs >= 1900 && setMs < 8000, qPrintable(QString::number(setMs)));
    QVERIFY2(set.err.contains("The keychain did not answer within 2 s (secret API_TOKEN)"),
             set.err.constData());
    QVERIFY2(set.err.contains("DEVDOCK_KEYCHAIN_TIMEOUT"), set.err.constData());
    QVERIFY(!QFile::exists(dir.filePath(".env.local")));
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(listMs < 8000, qPrintable(QString::number(listMs)));
}

void TestSecretFaults::leak_wholeSessionWritesTheSecretNowhere()
{
    QTemporaryDir home;
    QTemporaryDir dir;
    // A value Compose echoes when it lands in an image reference (the space makes it invalid).
    const QString secret = QStringLiteral("leak canary ") + randomHex(12);
    const QByteArray needle = secret.toUtf8();
    const QString project = uniqueName("leak");
    m_composeProjects << project;
    writeProject(dir,
                 "services:\n"
                 "  app:\n"
                 "    image: devdock-test/busybox:latest\n"
                 "    command: [\"sh\", \"-c\", \"echo token is $$API_TOKEN; sleep 300\"]\n"
                 "    environment:\n"
                 "      API_TOKEN: \"${API_TOKEN}\"\n"
                 "  broken:\n"
                 "    profiles: [\"broken\"]\n"
                 "    image: \"devdock-test/busybox:${API_TOKEN}\"\n",
                 "# devdock: secret\nAPI_TOKEN=\nLOG_LEVEL=info\n");
    const QString dockerRoot =
        QString::fromUtf8(docker({"info", "--format", "{{.DockerRootDir}}"}).out).trimmed();
    const QStringList roots{home.path(), dir.path(), QDir::tempPath()};
    // The engine's own storage keeps the container's environment: that is Docker's, not ours.
    // The tool machinery's job folders are not DevDock's either.
    const QStringList skip{dockerRoot, QDir::tempPath() + "/bash_jobs",
                           QDir::tempPath() + "/bash_tool"};
    const QDateTime started = QDateTime::currentDateTime().addSecs(-1);
    const Snapshot before = snapshot(roots, skip);

    const QProcessEnvironment env = homeEnvironment(home.path());
    QList<std::pair<QString, Run>> runs;
    auto step = [&](const QString &what, const QStringList &args, const QByteArray &input = {}) {
        runs.append({what, ctl(args, input, env)});
        return runs.last().second;
    };
    const QStringList global{"-p", project, "--project-directory", dir.path()};
    // Stored the way the editor and the onboarding do: straight into the keychain.
    QVERIFY(storeInKeychain(dir.path(), "API_TOKEN", secret));
    clearRegisteredSecrets(); // this process knows it now; the DevDock processes must learn it
    Run r = step("up", global + QStringList{"up", "--wait"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(waitUntil(
        [&] {
            return step("logs", global + QStringList{"logs", "app"}).out.contains("token is");
        },
        20000));
    QVERIFY2(runs.last().second.out.contains("token is [secret API_TOKEN]"),
             runs.last().second.out.constData());
    r = step("failing up",
             QStringList{"-p", project, "--project-directory", dir.path(), "--profile", "broken"}
                 + QStringList{"up", "broken"});
    QVERIFY2(r.exitCode == 1, r.err.constData());
    QVERIFY2(r.err.contains("[secret API_TOKEN]"), r.err.constData()); // it was echoed, hidden
    step("env list", {"env", "--project-directory", dir.path()});
    step("env json", {"env", "--json", "--project-directory", dir.path()});
    step("doctor", global + QStringList{"doctor"});
    step("ps", global + QStringList{"ps"});

    // The window: loads the project (keychain included), lays it out, saves a screenshot.
    QProcessEnvironment gui = env;
    gui.insert("QT_QPA_PLATFORM", "offscreen");
    const QString png = home.filePath("window.png");
    runs.append({"window", runWith(QStringLiteral(DEVDOCK_GUI_PATH),
                                   {"--project-directory", dir.path(), "--screenshot", png,
                                    "--screenshot-view", "environment"},
                                   gui)});
    QVERIFY2(runs.last().second.exitCode == 0, runs.last().second.err.constData());
    QVERIFY(QFileInfo(png).size() > 0);

    QCOMPARE(step("down", global + QStringList{"down"}).exitCode, 0);

    for (const auto &[what, run] : std::as_const(runs)) {
        QVERIFY2(!run.out.contains(needle), qPrintable(what + ": stdout: " + run.out));
        QVERIFY2(!run.err.contains(needle), qPrintable(what + ": stderr: " + run.err));
    }
    const Snapshot after = snapshot(roots, skip);
    QStringList written;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()) || before.value(it.key()) != it.value()
            || it.value() >= started) {
            written << it.key();
        }
    }
    // DevDock did write here: its logs (and the window its settings).
    QVERIFY2(written.contains(home.filePath(".cache/devdock/logs/devdockctl.log")),
             qPrintable(written.join('\n')));
    QVERIFY2(written.contains(home.filePath(".cache/devdock/logs/devdock.log")),
             qPrintable(written.join('\n')));
    for (const QString &path : std::as_const(written)) {
        QVERIFY2(!readAll(path).contains(needle), qPrintable(path));
    }
    qInfo("%d runs, %lld files written and checked", int(runs.size()),
          static_cast<long long>(written.size()));
    removeFromKeychain(dir.path(), "API_TOKEN");
}

QTEST_GUILESS_MAIN(TestSecretFaults)
#include "tst_secretfaults.moc"
