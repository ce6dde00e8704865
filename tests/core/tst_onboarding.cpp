// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Onboarding against the real engine and the real compose CLI, on a fresh copy of the demo stack.
#undef QT_USE_QSTRINGBUILDER

#include "../common/composetest.h"
#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "env/secretstore.h"
#include "engine/eventhub.h"
#include "logs/projectlogs.h"
#include "onboarding/onboarding.h"
#include "stack/livestate.h"
#include "stack/stackcontroller.h"
#include "workspace/projectruntime.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QString kProject = QStringLiteral("devdock-it-onboard");

// Copies the demo into `to`; its frontend image gets a name of its own so that onboarding has to
// build it.
bool copyDemo(const QString &to)
{
    const QDir from(QStringLiteral(DEVDOCK_SOURCE_DIR "/examples/demo"));
    QDirIterator it(from.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString relative = from.relativeFilePath(file);
        if (relative == QLatin1String(".env.local")) {
            continue; // someone's personal file: a fresh clone has none
        }
        QDir().mkpath(QFileInfo(to + '/' + relative).absolutePath());
        if (!QFile::copy(file, to + '/' + relative)) {
            return false;
        }
    }
    QFile compose(to + "/compose.yaml");
    if (!compose.open(QIODevice::ReadWrite)) {
        return false;
    }
    QByteArray text = compose.readAll();
    text.replace("image: devdock-demo/frontend:latest",
                 "image: devdock-it-onboard/frontend:latest");
    compose.resize(0);
    compose.write(text);
    return true;
}

struct Outcome
{
    bool ok = false;
    QList<OnboardingStep> steps;
    int failedAt = -1;
};

// Runs until it finishes or stops to ask for input.
Outcome run(Onboarding &onboarding, int timeoutMs)
{
    QSignalSpy finished(&onboarding, &Onboarding::finished);
    QSignalSpy asked(&onboarding, &Onboarding::inputNeeded);
    onboarding.start();
    Outcome outcome;
    waitUntil([&] { return !finished.isEmpty() || !asked.isEmpty(); }, timeoutMs);
    outcome.ok = !finished.isEmpty() && finished.first().first().toBool();
    outcome.steps = onboarding.steps();
    for (int i = 0; i < outcome.steps.size(); ++i) {
        if (outcome.steps[i].status == OnboardingStep::Status::Failed
            || outcome.steps[i].status == OnboardingStep::Status::NeedsInput) {
            outcome.failedAt = i;
            break;
        }
    }
    return outcome;
}

QString describe(const Outcome &o)
{
    QStringList lines;
    for (const OnboardingStep &s : o.steps) {
        lines << QStringLiteral("%1 %2: %3 | %4")
                     .arg(OnboardingStep::statusName(s.status), s.title, s.detail, s.fix);
    }
    return lines.join('\n');
}

} // namespace

class TestOnboarding : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void freshCopy_everyStepPasses_stackHealthy_secretsOnlyInKeychain();
    void productionProfile_afterOnboarding_reachesEveryContainer_localHoldsNoProfileKey();
    void handEditedLocal_rerun_leftByteForByte_unlessTheShownChangeIsAccepted();
    void portTaken_stopsAtPorts_namingTheHolder();
    void portsStep_checksThePortsThePlannedEnvLocalSets();
    void engineStopped_stopsAtEngine_withHowToStartIt();
    void devdockctl_doctorAndOnboard();
    void onAnOpenRuntime_loadsAndFollowsThroughIt_inPlace();

private:
    void down();
    OnboardingOptions options() const;
    Run ctl(const QStringList &args, int timeoutMs = 240000) const;
    QByteArray localText() const;

    QTemporaryDir m_dir;
    int m_httpPort = 0;
    int m_uiPort = 0;
};

void TestOnboarding::initTestCase()
{
    if (!engineAvailable()) {
        QSKIP("No Docker engine");
    }
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QSKIP("No session bus: the test command runs this under dbus-run-session with "
              "gnome-keyring.");
    }
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(ensureDemoImages(&error), qPrintable(error)); // its PostgreSQL and Redis
    QVERIFY(copyDemo(m_dir.path()));
    m_httpPort = freePort();
    m_uiPort = freePort();
    // The process environment wins over the .env files, as in Compose.
    qputenv("COMPOSE_PROJECT_NAME", kProject.toUtf8());
    qputenv("DEMO_HTTP_PORT", QByteArray::number(m_httpPort));
    qputenv("DEMO_TEMPORAL_UI_PORT", QByteArray::number(m_uiPort));
    qunsetenv("DEVDOCK_COMPOSE");
    down();
}

void TestOnboarding::cleanupTestCase()
{
    down();
    docker({"rmi", "-f", "devdock-it-onboard/frontend:latest"});
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(m_dir.path()));
    for (const QString key : {"POSTGRES_PASSWORD", "SECRET_KEY", "LLM_API_KEY"}) {
        await<void>([&](auto done) { store.remove(key, nullptr, done); });
    }
}

void TestOnboarding::down()
{
    if (m_dir.isValid()) {
        run("docker", {"compose", "--project-directory", m_dir.path(), "-p", kProject, "down", "-v",
                       "--remove-orphans", "--timeout", "1"});
    }
}

OnboardingOptions TestOnboarding::options() const
{
    OnboardingOptions o;
    o.projectDirectory = m_dir.path();
    o.healthTimeoutSeconds = 120;
    return o;
}

void TestOnboarding::freshCopy_everyStepPasses_stackHealthy_secretsOnlyInKeychain()
{
    docker({"rmi", "-f", "devdock-it-onboard/frontend:latest"});
    EngineClient client(*EngineClient::systemEndpoint());
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(m_dir.path()));
    Onboarding onboarding(&client, &store, options());
    QStringList output;
    connect(&onboarding, &Onboarding::output, this,
            [&](int, const QString &line) { output << line; });

    // The API key cannot be generated: it is asked for, and nothing after it runs yet.
    QSignalSpy asked(&onboarding, &Onboarding::inputNeeded);
    const Outcome first = run(onboarding, 30000);
    QVERIFY2(!first.ok, qPrintable(describe(first)));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().first().toStringList(), QStringList{"LLM_API_KEY"});
    QVERIFY(first.failedAt >= 0);
    QCOMPARE(first.steps[first.failedAt].id, OnboardingStep::Id::Env);
    QCOMPARE(first.steps[first.failedAt].status, OnboardingStep::Status::NeedsInput);
    QVERIFY(onboarding.describe("LLM_API_KEY").contains("LLM provider"));
    QCOMPARE(first.steps.last().status, OnboardingStep::Status::Pending);

    // Answered: every step passes, in order.
    QSignalSpy done(&onboarding, &Onboarding::finished);
    const QString apiKey = "sk-" + QString::number(QDateTime::currentMSecsSinceEpoch());
    onboarding.provideAnswers({{"LLM_API_KEY", apiKey}});
    QVERIFY(done.wait(240000));
    const Outcome second{done.first().first().toBool(), onboarding.steps(), -1};
    QVERIFY2(second.ok, qPrintable(describe(second)));
    for (const OnboardingStep &s : second.steps) {
        QVERIFY2(s.status == OnboardingStep::Status::Passed, qPrintable(describe(second)));
    }
    // The frontend image was built (BuildKit's steps came through), the stack is healthy.
    QVERIFY2(second.steps[6].detail.contains("built: frontend"), qPrintable(describe(second)));
    QVERIFY(output.join('\n').contains("naming to docker.io/devdock-it-onboard/frontend"));
    QCOMPARE(onboarding.frontendUrl(), QString("http://127.0.0.1:%1/").arg(m_httpPort));
    const Run ps = docker({"ps", "--filter", "label=com.docker.compose.project=" + kProject,
                           "--format", "{{.Names}} {{.Status}}"});
    QCOMPARE(ps.out.trimmed().split('\n').size(), 10);
    for (const QByteArray &line : ps.out.trimmed().split('\n')) {
        QVERIFY2(line.contains("Up"), line.constData());
        QVERIFY2(!line.contains("starting") && !line.contains("unhealthy"), ps.out.constData());
    }
    QVERIFY(Onboarding::wasOnboarded(m_dir.path()));

    // .env.local came from .env.example: the keys no profile sets with their comments, secrets
    // as their marker line, and nothing a profile sets; the secrets reached the containers from
    // the keychain.
    QFile local(m_dir.filePath(".env.local"));
    QVERIFY(local.open(QIODevice::ReadOnly));
    const QByteArray localText = local.readAll();
    QVERIFY(localText.contains("# Host port of the nginx entry point (the frontend URL).\n"
                               "DEMO_HTTP_PORT=18080\n"));
    QVERIFY2(!localText.contains("LOG_LEVEL") && !localText.contains("DEMO_FLAKY_PERIOD"),
             localText.constData());
    QVERIFY(localText.contains("# SECRET_KEY=\n"));
    const Run env =
        docker({"inspect", "--format", "{{json .Config.Env}}", kProject + "-backend-1"});
    QVERIFY(env.out.contains(("LLM_API_KEY=" + apiKey).toUtf8()));
    QVERIFY(env.out.contains("LOG_LEVEL=debug")); // the development profile, not .env.local
    const int at = env.out.indexOf("SECRET_KEY=") + 11;
    const QByteArray generated = env.out.mid(at, 43);
    QCOMPARE(generated.size(), 43);
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(apiKey.toUtf8()) && !content.contains(generated),
                 qPrintable(file.fileName()));
    }

    // Running it again is safe: nothing regenerated, the stack stays up.
    Onboarding again(&client, &store, options());
    const Outcome rerun = run(again, 120000);
    QVERIFY2(rerun.ok, qPrintable(describe(rerun)));
    QCOMPARE(rerun.steps[5].detail, QString("Every key is set."));
    const Run env2 =
        docker({"inspect", "--format", "{{json .Config.Env}}", kProject + "-backend-1"});
    QVERIFY(env2.out.contains("SECRET_KEY=" + generated));
}

Run TestOnboarding::ctl(const QStringList &args, int timeoutMs) const
{
    return run(DEVDOCKCTL_PATH, QStringList{"--project-directory", m_dir.path()} + args, timeoutMs);
}

QByteArray TestOnboarding::localText() const
{
    QFile file(m_dir.filePath(".env.local"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

// Keys a file assigns, active or commented out ("KEY=…", "# KEY=…").
static QStringList assignedKeys(const QByteArray &text, bool commentedToo)
{
    QStringList keys;
    static const QRegularExpression line(
        QStringLiteral("^\\s*(#\\s*)?(export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*="));
    for (const QString &l : QString::fromUtf8(text).split('\n')) {
        const auto m = line.match(l);
        if (m.hasMatch() && (commentedToo || m.captured(1).isEmpty())) {
            keys << m.captured(3);
        }
    }
    return keys;
}

// After onboarding (the first test), the production profile: .env.local overrides none of its
// values, so every container runs with what `devdockctl env list --profile production` says, and
// that is what .env.production sets.
void TestOnboarding::
    productionProfile_afterOnboarding_reachesEveryContainer_localHoldsNoProfileKey()
{
    // No key a profile file sets appears in .env.local, not even commented out.
    QStringList profileKeys;
    for (const char *name : {".env.development", ".env.production"}) {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        profileKeys << assignedKeys(f.readAll(), false);
    }
    QVERIFY(profileKeys.contains("DEMO_FLAKY_PERIOD"));
    const QByteArray local = localText();
    for (const QString &key : assignedKeys(local, true)) {
        QVERIFY2(!profileKeys.contains(key), qPrintable(key + " in .env.local:\n" + local));
    }

    const Run up = ctl({"up", "--env-profile", "production"});
    QVERIFY2(up.exitCode == 0, (up.out + up.err).constData());
    const Run list = run(DEVDOCKCTL_PATH, {"env", "list", "--project-directory", m_dir.path(),
                                           "--profile", "production", "--json"});
    QCOMPARE(list.exitCode, 0);
    QHash<QString, QJsonObject> keys;
    for (const QJsonValue &k : QJsonDocument::fromJson(list.out)["keys"].toArray()) {
        keys.insert(k["key"].toString(), k.toObject());
    }
    // What .env.production sets is what the profile resolves to.
    QFile production(m_dir.filePath(".env.production"));
    QVERIFY(production.open(QIODevice::ReadOnly));
    for (const QString &line : QString::fromUtf8(production.readAll()).split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (line.startsWith('#') || eq <= 0) {
            continue;
        }
        const QString key = line.left(eq);
        QVERIFY2(keys.contains(key), qPrintable(key));
        QCOMPARE(keys[key]["source"].toString(), QString(".env.production"));
        QCOMPARE(keys[key]["value"].toString(), line.mid(eq + 1));
    }
    // Every container's variables that the profile defines have the profile's values; the
    // demo's temporal-ui reads DEMO_FLAKY_PERIOD in its command.
    const Run ids =
        docker({"ps", "-q", "--filter", "label=com.docker.compose.project=" + kProject});
    const QList<QByteArray> containers = ids.out.trimmed().split('\n');
    QCOMPARE(containers.size(), 10);
    int compared = 0;
    bool flakyChecked = false;
    for (const QByteArray &id : containers) {
        const Run inspect = docker({"inspect", QString::fromLatin1(id)});
        const QJsonObject c = QJsonDocument::fromJson(inspect.out).array().first().toObject();
        const QJsonObject config = c["Config"].toObject();
        for (const QJsonValue &v : config["Env"].toArray()) {
            const QString pair = v.toString();
            const QString key = pair.section('=', 0, 0);
            if (!keys.contains(key) || keys[key]["secret"].toBool()) {
                continue;
            }
            QCOMPARE(pair.section('=', 1), keys[key]["value"].toString());
            ++compared;
        }
        if (config["Labels"].toObject()["com.docker.compose.service"].toString() == "temporal-ui") {
            QStringList cmd;
            for (const QJsonValue &part : config["Cmd"].toArray()) {
                cmd << part.toString();
            }
            QVERIFY2(
                cmd.join(' ').contains("p=" + keys["DEMO_FLAKY_PERIOD"]["value"].toString() + "\n"),
                qPrintable(cmd.join(' ')));
            flakyChecked = true;
        }
    }
    QVERIFY(flakyChecked);
    QVERIFY(compared >= 2); // LOG_LEVEL in backend and worker at least
}

// A .env.local its user edited: onboarding shows the change it would make and applies it only when
// accepted (--accept-env-changes, or decideEnvChanges(true)); otherwise not one byte changes.
void TestOnboarding::handEditedLocal_rerun_leftByteForByte_unlessTheShownChangeIsAccepted()
{
    // The user took out DEMO_DOCS_PORT, added a setting of their own, and has the stale copy of
    // DEMO_FLAKY_PERIOD an earlier onboarding wrote.
    QByteArray edited = localText();
    edited.replace("# Host port of the docs site (the \"docs\" profile; file sync keeps it "
                   "current).\nDEMO_DOCS_PORT=18090\n",
                   "");
    QVERIFY(!edited.contains("DEMO_DOCS_PORT"));
    edited += "\n# mine\nMY_SETTING=on\n# Seconds between temporal-ui's planned unhealthy "
              "spells.\nDEMO_FLAKY_PERIOD=90\n";
    QVERIFY(writeFile(m_dir.filePath(".env.local"), edited));

    // doctor --json: the env step carries the change it would propose; nothing is written.
    const Run doctor = ctl({"doctor", "--json"});
    QString doctorDiff;
    for (const QJsonValue &c : QJsonDocument::fromJson(doctor.out).array()) {
        if (c["check"].toString() == "env") {
            doctorDiff = c["diff"].toString();
        }
    }
    QVERIFY2(doctorDiff.contains("\n-DEMO_FLAKY_PERIOD=90\n"), doctor.out.constData());
    QCOMPARE(localText(), edited);

    // The CLI without the flag: prints the diff, leaves the file, carries on.
    const Run kept = ctl({"onboard", "--health-timeout", "120"});
    QVERIFY2(kept.exitCode == 0, (kept.out + kept.err).constData());
    QVERIFY2(kept.out.contains("onboarding proposes this change:")
                 && kept.out.contains("\n-DEMO_FLAKY_PERIOD=90\n")
                 && kept.out.contains("\n+DEMO_DOCS_PORT=18090\n")
                 && kept.out.contains("--accept-env-changes applies it")
                 && kept.out.contains("[warn] Environment and secrets ready: .env.local kept as it "
                                      "is"),
             kept.out.constData());
    QCOMPARE(localText(), edited);

    // The API: the env step waits for the answer to the change it shows; Skip keeps the bytes.
    EngineClient client(*EngineClient::systemEndpoint());
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(m_dir.path()));
    {
        Onboarding onboarding(&client, &store, options());
        QSignalSpy done(&onboarding, &Onboarding::finished);
        onboarding.start();
        auto envStep = [&] {
            for (const OnboardingStep &s : onboarding.steps()) {
                if (s.id == OnboardingStep::Id::Env) {
                    return s;
                }
            }
            return OnboardingStep();
        };
        QVERIFY(waitUntil(
            [&] {
                return envStep().status == OnboardingStep::Status::NeedsInput || !done.isEmpty();
            },
            60000));
        QVERIFY2(done.isEmpty(), qPrintable(describe({false, onboarding.steps()})));
        QVERIFY(!onboarding.isRunning());
        QCOMPARE(onboarding.envLocalPlan().action, EnvLocalPlan::Action::Update);
        QCOMPARE(onboarding.envLocalPlan().currentText.toUtf8(), edited);
        QCOMPARE(localText(), edited);
        onboarding.decideEnvChanges(false);
        QVERIFY(done.wait(180000));
        QVERIFY2(done.first().first().toBool(), qPrintable(describe({false, onboarding.steps()})));
        QCOMPARE(localText(), edited);
    }

    // With the flag: exactly the change shown is applied; the user's own lines stay.
    const Run accepted = ctl({"onboard", "--accept-env-changes", "--health-timeout", "120"});
    QVERIFY2(accepted.exitCode == 0, (accepted.out + accepted.err).constData());
    QVERIFY(accepted.out.contains("Applying it (--accept-env-changes)."));
    const QByteArray after = localText();
    QVERIFY2(after.contains("# mine\nMY_SETTING=on\n") && after.contains("\nDEMO_DOCS_PORT=18090\n")
                 && !after.contains("DEMO_FLAKY_PERIOD"),
             after.constData());
    // And then there is nothing left to propose.
    const Run again = ctl({"onboard", "--health-timeout", "120"});
    QVERIFY2(again.exitCode == 0 && !again.out.contains("proposes"), again.out.constData());
    QCOMPARE(localText(), after);
}

void TestOnboarding::portTaken_stopsAtPorts_namingTheHolder()
{
    down();
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, quint16(m_httpPort)));
    EngineClient client(*EngineClient::systemEndpoint());
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(m_dir.path()));
    Onboarding onboarding(&client, &store, options());
    const Outcome o = run(onboarding, 60000);
    QVERIFY(!o.ok);
    QVERIFY(o.failedAt >= 0);
    const OnboardingStep &failed = o.steps[o.failedAt];
    QCOMPARE(failed.id, OnboardingStep::Id::Ports);
    const QString holderName =
        QStringLiteral("tst_onboarding (pid %1)").arg(QCoreApplication::applicationPid());
    QVERIFY2(failed.detail.contains(QString::number(m_httpPort))
                 && failed.detail.contains(holderName),
             qPrintable(describe(o)));
    QVERIFY2(!failed.fix.isEmpty(), qPrintable(describe(o)));
    for (int i = o.failedAt + 1; i < o.steps.size(); ++i) {
        QCOMPARE(o.steps[i].status, OnboardingStep::Status::Pending);
    }
    // Nothing was started.
    QVERIFY(docker({"ps", "-q", "--filter", "label=com.docker.compose.project=" + kProject})
                .out.trimmed()
                .isEmpty());

    // Freed: retry continues and passes.
    holder.close();
    const Outcome retry = run(onboarding, 240000);
    QVERIFY2(retry.ok, qPrintable(describe(retry)));
}

// A fresh clone: the compose file's default port is taken, but the .env.local that onboarding
// is about to write (from .env.example) moves the service to a free one. The ports step checks
// the ports the stack will have, not the ones it would have without .env.local.
void TestOnboarding::portsStep_checksThePortsThePlannedEnvLocalSets()
{
    QTemporaryDir dir;
    QTcpServer defaultHolder;
    QVERIFY(defaultHolder.listen(QHostAddress::LocalHost, 0));
    const int planned = freePort();
    auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write("compose.yaml", "services:\n  web:\n    image: " + kTestImage.toUtf8()
                              + "\n    ports:\n      - \"127.0.0.1:${DEVDOCK_IT_WEB_PORT:-"
                              + QByteArray::number(defaultHolder.serverPort()) + "}:80\"\n");
    write(".env.example",
          "# Where the web server listens.\nDEVDOCK_IT_WEB_PORT=" + QByteArray::number(planned) + "\n");
    EngineClient client(*EngineClient::systemEndpoint());
    OnboardingOptions o;
    o.projectDirectory = dir.path();
    auto portsStep = [&] {
        Onboarding onboarding(&client, nullptr, o);
        QSignalSpy previewed(&onboarding, &Onboarding::previewFinished);
        onboarding.preview();
        [&] { QVERIFY(previewed.wait(60000)); }();
        for (const OnboardingStep &step : onboarding.steps()) {
            if (step.id == OnboardingStep::Id::Ports) {
                return step;
            }
        }
        return OnboardingStep{};
    };
    const OnboardingStep free = portsStep();
    QCOMPARE(free.id, OnboardingStep::Id::Ports);
    QVERIFY2(free.status == OnboardingStep::Status::Passed, qPrintable(free.detail));
    // The planned port taken: that is the conflict named.
    QTcpServer plannedHolder;
    QVERIFY(plannedHolder.listen(QHostAddress::LocalHost, quint16(planned)));
    const OnboardingStep taken = portsStep();
    QCOMPARE(taken.status, OnboardingStep::Status::Failed);
    QVERIFY2(taken.detail.contains(QString::number(planned)), qPrintable(taken.detail));
    QVERIFY2(!taken.detail.contains(QString::number(defaultHolder.serverPort())),
             qPrintable(taken.detail));
    // A preview writes nothing: the planned copy lived elsewhere, and is gone.
    QVERIFY(!QFile::exists(dir.filePath(".env.local")));
}

void TestOnboarding::engineStopped_stopsAtEngine_withHowToStartIt()
{
    const QByteArray script = qgetenv("DEVDOCK_TEST_DOCKERD");
    if (script.isEmpty()) {
        QSKIP("Set DEVDOCK_TEST_DOCKERD to the dockerd control script (the test command does).");
    }
    down();
    const QStringList command = QString::fromUtf8(script).split(' ', Qt::SkipEmptyParts);
    QCOMPARE(run(command.first(), command.mid(1) + QStringList{"stop"}, 120000).exitCode, 0);
    EngineClient client(*EngineClient::systemEndpoint());
    KeychainSecretStore store(KeychainSecretStore::scopeForProject(m_dir.path()));
    Onboarding onboarding(&client, &store, options());
    const Outcome o = run(onboarding, 60000);
    const Run started = run(command.first(), command.mid(1) + QStringList{"ensure"}, 120000);
    QCOMPARE(started.exitCode, 0);
    QVERIFY(!o.ok);
    QCOMPARE(o.failedAt, 0);
    QVERIFY(!o.steps.isEmpty());
    QCOMPARE(o.steps[0].id, OnboardingStep::Id::Engine);
    QVERIFY2(o.steps[0].detail.contains("docker.sock"), qPrintable(describe(o)));
    QVERIFY2(o.steps[0].fix.contains("dockerd") || o.steps[0].fix.contains("systemctl")
                 || o.steps[0].fix.contains("Start"),
             qPrintable(describe(o)));
    for (int i = 1; i < o.steps.size(); ++i) {
        QCOMPARE(o.steps[i].status, OnboardingStep::Status::Pending);
    }
}

void TestOnboarding::devdockctl_doctorAndOnboard()
{
    down();
    // doctor: the checks, as JSON, changing nothing; exit 0 while all pass.
    const Run doctor = ctl({"doctor", "--json"});
    QVERIFY2(doctor.exitCode == 0, doctor.out.constData());
    const QJsonArray checks = QJsonDocument::fromJson(doctor.out).array();
    QStringList names;
    for (const QJsonValue &c : checks) {
        names << c["check"].toString();
    }
    QCOMPARE(names, QStringList({"engine", "compose", "disk", "memory", "ports", "env", "images"}));
    QVERIFY(docker({"ps", "-q", "--filter", "label=com.docker.compose.project=" + kProject})
                .out.trimmed()
                .isEmpty());

    // A port taken: doctor exits 1 and says who holds it.
    {
        QTcpServer holder;
        QVERIFY(holder.listen(QHostAddress::LocalHost, quint16(m_httpPort)));
        const Run failing = ctl({"doctor"});
        QCOMPARE(failing.exitCode, 1);
        QVERIFY2(failing.out.contains("[FAIL] Published ports free")
                     && failing.out.contains("tst_onboarding"),
                 failing.out.constData());
    }
    // onboard: no questions (the keychain has the API key by now); exit 0 with a healthy stack.
    const Run onboard = ctl({"onboard", "--health-timeout", "120"}, 240000);
    QVERIFY2(onboard.exitCode == 0, (onboard.out + onboard.err).constData());
    QVERIFY(onboard.out.contains(
        QString("The stack is up: http://127.0.0.1:%1/").arg(m_httpPort).toUtf8()));
    QVERIFY(onboard.out.contains("[ok  ] Every service up and healthy"));
    // English plurals come from the plurals-only translation, not as "service(s)".
    QVERIFY2(onboard.out.contains(" services up") && !onboard.out.contains("(s)"),
             onboard.out.constData());
}

void TestOnboarding::onAnOpenRuntime_loadsAndFollowsThroughIt_inPlace()
{
    // A small project of its own name (not the demo's COMPOSE_PROJECT_NAME of this test).
    const QByteArray projectName = qgetenv("COMPOSE_PROJECT_NAME");
    qunsetenv("COMPOSE_PROJECT_NAME");
    const auto restore = qScopeGuard([&] { qputenv("COMPOSE_PROJECT_NAME", projectName); });
    const QString name = QStringLiteral("dd-onb-rt-%1").arg(QCoreApplication::applicationPid());
    QTemporaryDir dir;
    const auto down = qScopeGuard([&] {
        run("docker", {"compose", "--project-directory", dir.path(), "-p", name, "down", "-t", "1"});
    });
    auto write = [&](const QString &file, const QByteArray &text) {
        QFile f(dir.filePath(file));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write("compose.yaml", "name: " + name.toUtf8() + "\nservices:\n  app:\n    image: "
                              + kTestImage.toUtf8()
                              + "\n    command: [\"sh\", \"-c\", \"echo $$GREETING; sleep 3600\"]\n"
                                "    environment: {GREETING: \"${GREETING:-unset}\"}\n"
                                "    stop_grace_period: 1s\n");
    write(".env.example", "# What the app says.\nGREETING=hello\n");

    EngineClient client(*EngineClient::systemEndpoint());
    ProjectRuntime runtime(&client);
    runtime.setForeground(true);
    QSignalSpy loaded(&runtime, &ProjectRuntime::loaded);
    runtime.open(dir.path());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(runtime.project().services.first().environment.value("GREETING").value_or(QString()), QString("unset"));
    ProjectLogs *logs = runtime.logs();
    LiveState *live = runtime.liveState();

    OnboardingOptions o;
    o.projectDirectory = dir.path();
    o.healthTimeoutSeconds = 60;
    o.envChanges = OnboardingOptions::EnvChanges::Accept;
    Onboarding onboarding(&runtime, nullptr, o);
    // Its compose runs and its health picture are the runtime's (one LiveState per project).
    QCOMPARE(onboarding.runtime(), &runtime);
    QCOMPARE(onboarding.controller(), runtime.controller());
    const Outcome outcome = run(onboarding, 120000);
    QVERIFY2(outcome.ok, qPrintable(describe(outcome)));

    // The runtime took the new .env.local in place: reloaded, the same objects.
    QVERIFY(loaded.size() >= 2);
    QCOMPARE(runtime.project().services.first().environment.value("GREETING").value_or(QString()), QString("hello"));
    QCOMPARE(runtime.logs(), logs);
    QCOMPARE(runtime.liveState(), live);
    QVERIFY(waitUntil([&] { return live->service("app") && live->service("app")->isUp(); }, 5000));
    QVERIFY(waitUntil([&] { return logs->openStreams() == 1; }, 5000));
    QCOMPARE(EventHub::of(&client)->connectionCount(), 1);
}

QTEST_GUILESS_MAIN(TestOnboarding)
#include "tst_onboarding.moc"
