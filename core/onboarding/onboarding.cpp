// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "onboarding.h"

#include "compose/composeprobe.h"
#include "devloop/devmode.h"
#include "engine/engineclient.h"
#include "env/enveditor.h"
#include "env/envfile.h"
#include "env/envprofile.h"
#include "env/secretstore.h"
#include "stack/livestate.h"
#include "stack/portpreflight.h"
#include "stack/stackcontroller.h"
#include "stack/stackenvironment.h"
#include "util/projectsettings.h"
#include "workspace/projectruntime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStorageInfo>
#include <QTemporaryDir>

namespace DevDock::Core {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Onboarding)
};

QString megabytes(qint64 bytes)
{
    return Text::tr("%1 GB").arg(double(bytes) / (1024.0 * 1024 * 1024), 0, 'f', 1);
}

// The ports step runs before the env step writes .env.local, but must check the ports the stack
// will publish with it: the planned text goes into a private copy that takes .env.local's place
// among the env files. Null (files unchanged) when nothing is planned; a plan that cannot be made
// is the env step's to report. The planned text holds no secret (they are "# KEY=" markers).
std::shared_ptr<QTemporaryDir> usePlannedEnvLocal(const OnboardingOptions &o, QStringList &envFiles)
{
    const QString dir = o.projectDirectory;
    auto profile =
        EnvProfile::load(dir, o.envProfile.isEmpty() ? EnvProfile::defaultProfile(dir) : o.envProfile);
    if (!profile) {
        return nullptr;
    }
    const auto plan = EnvLocalPlan::make(*profile);
    if (!plan || !plan->changes()) {
        return nullptr;
    }
    auto copy = std::make_shared<QTemporaryDir>();
    QFile file(copy->filePath(QStringLiteral(".env.local")));
    if (!copy->isValid() || !file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(plan->plannedText.toUtf8()) < 0) {
        return nullptr;
    }
    file.close();
    const QString local = QDir::cleanPath(QFileInfo(plan->path).absoluteFilePath());
    bool replaced = false;
    for (QString &f : envFiles) {
        if (QDir::cleanPath(QFileInfo(f).absoluteFilePath()) == local) {
            f = file.fileName();
            replaced = true;
        }
    }
    if (!replaced) {
        envFiles << file.fileName(); // .env.local comes last: it overrides every profile
    }
    return copy;
}

} // namespace

QString OnboardingStep::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Running:
        return QStringLiteral("running");
    case Status::Passed:
        return QStringLiteral("passed");
    case Status::Warning:
        return QStringLiteral("warning");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::NeedsInput:
        return QStringLiteral("needs-input");
    case Status::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString OnboardingStep::idName(Id id)
{
    static const char *names[] = {"engine", "compose", "disk",  "memory",  "ports",
                                  "env",    "images",  "start", "healthy", "open"};
    return QString::fromLatin1(names[int(id)]);
}

Onboarding::Onboarding(EngineClient *client, SecretStore *secrets, OnboardingOptions options,
                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_secrets(secrets)
    , m_options(std::move(options))
{
    setUp();
    useRuntime(ownRuntime());
}

Onboarding::Onboarding(ProjectRuntime *runtime, SecretStore *secrets, OnboardingOptions options,
                       QObject *parent)
    : QObject(parent)
    , m_client(runtime->client())
    , m_secrets(secrets)
    , m_options(std::move(options))
{
    setUp();
    useRuntime(runtime);
    // The project closed under a dialog still open: what runs stops, and the onboarding goes on
    // with a runtime of its own.
    connect(runtime, &QObject::destroyed, this, [this] {
        ++m_generation;
        m_healthTimer.stop();
        m_running = false;
        m_previewing = false;
        useRuntime(ownRuntime());
    });
}

ProjectRuntime *Onboarding::ownRuntime()
{
    // Pointed at the project; it loads when a step needs the project, and follows the engine
    // only from the start step on.
    auto *runtime = new ProjectRuntime(m_client, this);
    runtime->setSecretStore(m_secrets);
    runtime->setFollowEngine(false);
    ComposeLoadOptions load = ComposeLoadOptions::fromProcess();
    load.projectDirectory = m_options.projectDirectory;
    load.workingDirectory = m_options.projectDirectory;
    load.files = m_options.composeFiles;
    runtime->prepare(load, m_options.envProfile);
    return runtime;
}

void Onboarding::setUp()
{
    using Id = OnboardingStep::Id;
    const QList<std::pair<Id, QString>> all = {
        {Id::Engine, Text::tr("Docker engine reachable")},
        {Id::Compose, Text::tr("Docker Compose v2 present")},
        {Id::Disk, Text::tr("Enough free disk space")},
        {Id::Memory, Text::tr("Enough memory for the engine")},
        {Id::Ports, Text::tr("Published ports free")},
        {Id::Env, Text::tr("Environment and secrets ready")},
        {Id::Images, Text::tr("Images present")},
        {Id::Start, Text::tr("Stack started in dependency order")},
        {Id::Healthy, Text::tr("Every service up and healthy")},
        {Id::Open, Text::tr("Frontend URL")},
    };
    for (const auto &[id, title] : all) {
        if (m_options.checkOnly && (id == Id::Start || id == Id::Healthy || id == Id::Open)) {
            continue;
        }
        OnboardingStep step;
        step.id = id;
        step.title = title;
        m_steps << step;
    }
    m_healthTimer.setInterval(500);
    connect(&m_healthTimer, &QTimer::timeout, this, &Onboarding::waitHealthy);
}

void Onboarding::useRuntime(ProjectRuntime *runtime)
{
    m_runtime = runtime;
    // From the start, so that a window's operation panel can follow its compose runs.
    m_controller = m_runtime->controller();
    connect(m_controller, &StackController::operationStarted, this,
            [this](const StackAction &, ComposeOperation *operation) {
                if (!m_running) {
                    return; // the window's own action on a shared runtime
                }
                const int index = m_index;
                connect(operation, &ComposeOperation::lineReceived, this,
                        [this, index](const QString &line) { emit output(index, line); });
            });
}

Onboarding::~Onboarding() = default;

bool Onboarding::canGenerate(const QString &key, const QString &exampleComments)
{
    return !key.endsWith(QLatin1String("_API_KEY"), Qt::CaseInsensitive)
           && !exampleComments.contains(QLatin1String("devdock: ask"), Qt::CaseInsensitive);
}

bool Onboarding::wasOnboarded(const QString &projectDirectory)
{
    return sharedSettings()
        .value(projectSettingsKey(QStringLiteral("onboarded"), projectDirectory))
        .toBool();
}

Result<void> Onboarding::setOnboarded(const QString &projectDirectory, bool onboarded)
{
    QSettings settings = sharedSettings();
    settings.setValue(projectSettingsKey(QStringLiteral("onboarded"), projectDirectory), onboarded);
    return saveSettings(settings);
}

void Onboarding::preview()
{
    if (m_running) {
        return;
    }
    ++m_generation;
    m_index = 0;
    for (int i = 0; i < m_steps.size(); ++i) {
        m_steps[i].status = OnboardingStep::Status::Pending;
        m_steps[i].detail.clear();
        m_steps[i].fix.clear();
        emit stepChanged(i);
    }
    m_running = true;
    m_previewing = true;
    runStep();
}

void Onboarding::finishPreview()
{
    using Id = OnboardingStep::Id;
    for (int i = m_index; i < m_steps.size(); ++i) {
        OnboardingStep &step = m_steps[i];
        if (step.id == Id::Start && !m_project.services.isEmpty()) {
            step.detail = Text::tr("Will start, in this order: %1")
                              .arg(m_project.startOrder().join(QStringLiteral(", ")));
        } else if (step.id == Id::Healthy) {
            step.detail = Text::tr("Will wait up to %n s for every service", nullptr,
                                   m_options.healthTimeoutSeconds);
        } else if (step.id == Id::Open) {
            step.detail = Text::tr("Will open the frontend in the browser");
        }
        emit stepChanged(i);
    }
    m_running = false;
    m_previewing = false;
    emit previewFinished();
}

void Onboarding::planned(const QString &detail)
{
    current().status = OnboardingStep::Status::Pending;
    current().detail = detail;
    emit stepChanged(m_index);
    ++m_index;
    runStep();
}

void Onboarding::decideEnvChanges(bool accept)
{
    m_decidedChange = envChange();
    m_acceptChange = accept;
    if (!m_running && m_index < m_steps.size() && current().id == OnboardingStep::Id::Env
        && current().status == OnboardingStep::Status::NeedsInput) {
        start(); // the run was waiting for this answer
    }
}

void Onboarding::start()
{
    if (m_running && !m_previewing) {
        return;
    }
    m_previewing = false; // a preview still running ends here: the run checks again anyway
    m_running = false;
    ++m_generation;
    m_index = 0;
    while (m_index < m_steps.size()
           && (m_steps[m_index].status == OnboardingStep::Status::Passed
               || m_steps[m_index].status == OnboardingStep::Status::Warning)
           && m_steps[m_index].id < OnboardingStep::Id::Ports) {
        ++m_index; // machine checks that passed stay passed; project steps run again
    }
    for (int i = m_index; i < m_steps.size(); ++i) {
        m_steps[i].status = OnboardingStep::Status::Pending;
        m_steps[i].detail.clear();
        m_steps[i].fix.clear();
        emit stepChanged(i);
    }
    m_running = true;
    runStep();
}

void Onboarding::cancel()
{
    if (!m_running) {
        return;
    }
    ++m_generation;
    m_healthTimer.stop();
    if (m_controller) {
        m_controller->cancel();
    }
    fail(Text::tr("Cancelled."), Text::tr("Run the onboarding again to continue from here."));
}

void Onboarding::provideAnswers(const QHash<QString, QString> &answers)
{
    for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
        m_options.answers.insert(it.key(), it.value());
    }
    m_running = false;
    start();
}

void Onboarding::runStep()
{
    if (m_previewing && (m_index >= m_steps.size() || current().id >= OnboardingStep::Id::Start)) {
        finishPreview();
        return;
    }
    if (m_index >= m_steps.size()) {
        m_running = false;
        if (!m_options.checkOnly) {
            if (auto saved = setOnboarded(m_options.projectDirectory, true); !saved) {
                qWarning().noquote() << saved.error().message; // asks again next time
            }
        }
        emit finished(true);
        return;
    }
    current().status = OnboardingStep::Status::Running;
    emit stepChanged(m_index);
    using Id = OnboardingStep::Id;
    switch (current().id) {
    case Id::Engine:
        return checkEngine();
    case Id::Compose:
        return checkCompose();
    case Id::Disk:
        return checkDisk();
    case Id::Memory:
        return checkMemory();
    case Id::Ports:
        return loadProject([this] { checkPorts(); }, true);
    case Id::Env:
        return prepareEnv();
    case Id::Images:
        return loadProject([this] { prepareImages(); });
    case Id::Start:
        return startStack();
    case Id::Healthy:
        m_healthDeadline =
            QDateTime::currentMSecsSinceEpoch() + m_options.healthTimeoutSeconds * 1000LL;
        m_healthTimer.start();
        return waitHealthy();
    case Id::Open:
        return openFrontend();
    }
}

void Onboarding::pass(const QString &detail, OnboardingStep::Status status)
{
    current().status = status;
    current().detail = detail;
    emit stepChanged(m_index);
    ++m_index;
    runStep();
}

void Onboarding::fail(const QString &detail, const QString &fix)
{
    current().status = OnboardingStep::Status::Failed;
    current().detail = detail;
    current().fix = fix;
    emit stepChanged(m_index);
    if (m_previewing) {
        ++m_index; // the plan shows every check, not only the first that failed
        runStep();
        return;
    }
    m_running = false;
    emit finished(false);
}

void Onboarding::fail(const Error &error)
{
    fail(error.message, error.hint);
}

void Onboarding::checkEngine()
{
    const quint64 generation = m_generation;
    m_client->info(this, [this, generation](const Result<EngineInfo> &info) {
        if (generation != m_generation) {
            return;
        }
        if (!info) {
            const Error &e = info.error();
            fail(e.message, e.hint.isEmpty() ? Text::tr(
                                "Start the Docker engine (sudo systemctl start docker, or "
                                "start Docker Desktop) and retry.")
                                             : e.hint);
            return;
        }
        m_dockerRootDir = info->dockerRootDir;
        m_memTotal = info->memTotal;
        pass(Text::tr("Docker %1 at %2").arg(info->serverVersion, m_client->endpoint().uri));
    });
}

void Onboarding::checkCompose()
{
    const quint64 generation = m_generation;
    probeCompose(this, [this, generation](const ComposeTool &tool) {
        if (generation != m_generation) {
            return;
        }
        if (!tool.found()) {
            fail(Text::tr("Neither \"docker compose\" nor \"docker-compose\" was found."),
                 Text::tr("Install the Compose v2 plugin (Debian: apt install docker-compose from "
                          "trixie; elsewhere: docker-compose-plugin) and retry."));
        } else if (!tool.isV2()) {
            fail(Text::tr("Compose %1 is version 1.").arg(tool.version),
                 Text::tr("Install Compose v2: version 1 is no longer maintained."));
        } else {
            pass(Text::tr("%1 %2").arg(tool.command.join(QLatin1Char(' ')), tool.version));
        }
    });
}

void Onboarding::checkDisk()
{
    QStringList paths{m_options.projectDirectory};
    if ((m_client->endpoint().kind == Endpoint::Kind::Unix
         || m_client->endpoint().kind == Endpoint::Kind::NamedPipe)
        && !m_dockerRootDir.isEmpty() && QDir(m_dockerRootDir).exists()) {
        paths << m_dockerRootDir;
    }
    QStringList details;
    for (const QString &path : paths) {
        const QStorageInfo storage(path);
        const qint64 free = storage.bytesAvailable();
        details << Text::tr("%1 free at %2").arg(megabytes(free), path);
        if (free >= 0 && free < m_options.minFreeDiskBytes) {
            fail(Text::tr("Only %1 free at %2; %3 needed.")
                     .arg(megabytes(free), path, megabytes(m_options.minFreeDiskBytes)),
                 Text::tr("Free some space (docker system prune removes unused images and build "
                          "cache) and retry."));
            return;
        }
    }
    pass(details.join(QStringLiteral("; ")));
}

void Onboarding::checkMemory()
{
    if (m_memTotal <= 0) {
        pass(Text::tr("Unknown: the engine did not answer."), OnboardingStep::Status::Skipped);
        return;
    }
    if (m_memTotal < m_options.minMemoryBytes) {
        fail(Text::tr("The engine has %1 of memory; %2 needed.")
                 .arg(megabytes(m_memTotal), megabytes(m_options.minMemoryBytes)),
             Text::tr(
                 "Give the engine more memory (Docker Desktop: Settings, Resources) and retry."));
        return;
    }
    pass(Text::tr("%1 for the engine").arg(megabytes(m_memTotal)));
}

void Onboarding::loadProject(std::function<void()> then, bool withPlannedEnvLocal)
{
    const quint64 generation = m_generation;
    if (withPlannedEnvLocal) {
        // As the stack will be once the env step wrote .env.local: the runtime's recipe, aside
        // (the runtime, maybe the window's, keeps the project as it is on disk).
        m_runtime->loadAside(
            [options = m_options](StackEnvironment &environment) -> std::shared_ptr<void> {
                return usePlannedEnvLocal(options, environment.envFiles);
            },
            [this, generation, then](const ProjectRuntime::AsideLoad &load) {
                if (generation != m_generation) {
                    return;
                }
                if (!load.project) {
                    fail(load.project.error());
                    return;
                }
                m_project = *load.project;
                m_loadOptions = load.options;
                then();
            });
        return;
    }
    const auto take = [this, then] {
        m_project = m_runtime->project();
        m_loadOptions = m_runtime->loadOptions();
        then();
    };
    // A preview wrote nothing: a runtime that holds the project (the window's) is current.
    if (readOnly() && m_runtime->isLoaded() && !m_runtime->isLoading()) {
        take();
        return;
    }
    // In place: the runtime (and a window showing it) takes the new .env.local and secrets.
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    const auto done = [connections] {
        for (const QMetaObject::Connection &c : std::as_const(*connections)) {
            QObject::disconnect(c);
        }
    };
    *connections << connect(m_runtime, &ProjectRuntime::loaded, this,
                            [this, generation, take, done] {
                                done();
                                if (generation == m_generation) {
                                    take();
                                }
                            });
    *connections << connect(m_runtime, &ProjectRuntime::loadFailed, this,
                            [this, generation, done](const Error &error) {
                                done();
                                if (generation == m_generation) {
                                    fail(error);
                                }
                            });
    m_runtime->reload();
}

void Onboarding::checkPorts()
{
    const QList<PortRequest> requests = publishedPorts(m_project, {});
    const quint64 generation = m_generation;
    Core::checkPorts(m_client, m_project.name, requests, this,
                     [this, generation, count = requests.size()](const Result<PortReport> &report) {
                         if (generation != m_generation) {
                             return;
                         }
                         if (!report) {
                             fail(report.error());
                         } else if (!report->conflicts().isEmpty()) {
                             fail(report->error());
                         } else {
                             pass(Text::tr("%n port(s) free", nullptr, int(count)));
                         }
                     });
}

bool Onboarding::applyEnvPlan(EnvProfile &profile, QStringList &done,
                              OnboardingStep::Status &status)
{
    const QString keys = m_envPlan.added.join(QStringLiteral(", "));
    if (!m_envPlan.overrides.isEmpty()) {
        done << Text::tr(".env.local overrides every profile for %1")
                    .arg(m_envPlan.overrides.join(QStringLiteral(", ")));
    }
    switch (m_envPlan.action) {
    case EnvLocalPlan::Action::Nothing:
        return true;
    case EnvLocalPlan::Action::Create:
        if (readOnly()) {
            done << Text::tr(".env.local would be created with %1").arg(keys);
            return true;
        }
        break; // Start was the user's go-ahead for a file that is not there yet
    case EnvLocalPlan::Action::Update: {
        if (readOnly()) {
            done << Text::tr(".env.local has %n change(s) to review", nullptr,
                             int(m_envPlan.added.size() + m_envPlan.removed.size()));
            return true;
        }
        bool accept = m_options.envChanges == OnboardingOptions::EnvChanges::Accept;
        if (m_options.envChanges == OnboardingOptions::EnvChanges::Ask) {
            if (!envChangesDecided()) {
                // The user's file: it changes only once they have seen this diff and said yes.
                current().status = OnboardingStep::Status::NeedsInput;
                current().detail = Text::tr(".env.local exists: review the proposed change.");
                current().fix = Text::tr("Accept it, or Skip to keep the file as it is.");
                emit stepChanged(m_index);
                m_running = false;
                return false;
            }
            accept = m_acceptChange;
        }
        if (!accept) {
            done << Text::tr(".env.local kept as it is (%n change(s) not applied)", nullptr,
                             int(m_envPlan.added.size() + m_envPlan.removed.size()));
            status = OnboardingStep::Status::Warning;
            return true;
        }
        break;
    }
    }
    EnvFile *local = profile.file(QStringLiteral(".env.local"));
    auto document = EnvDocument::parseBytes(m_envPlan.plannedBytes, QStringLiteral(".env.local"));
    if (local == nullptr || !document) {
        fail(document ? Error{Error::Code::Unknown, Text::tr("No .env.local in the profile."), {}}
                      : document.error());
        return false;
    }
    local->document = std::move(*document);
    // save() writes only if the file still holds what the plan was made from.
    if (auto saved = local->save(); !saved) {
        fail(saved.error());
        return false;
    }
    done << (m_envPlan.action == EnvLocalPlan::Action::Create
                 ? Text::tr(".env.local created with %1").arg(keys)
                 : Text::tr(".env.local updated"));
    local->exists = true;
    return true;
}

void Onboarding::prepareEnv()
{
    auto loaded = EnvProfile::load(m_options.projectDirectory,
                                   m_options.envProfile.isEmpty()
                                       ? EnvProfile::defaultProfile(m_options.projectDirectory)
                                       : m_options.envProfile);
    if (!loaded) {
        fail(loaded.error());
        return;
    }
    EnvProfile profile = std::move(*loaded);
    if (!profile.example().exists) {
        pass(Text::tr("No .env.example: nothing to prepare."), OnboardingStep::Status::Skipped);
        return;
    }
    auto plan = EnvLocalPlan::make(profile);
    if (!plan) {
        fail(plan.error());
        return;
    }
    m_envPlan = std::move(*plan);
    emit envLocalPlanned();
    QStringList done;
    OnboardingStep::Status envStatus = OnboardingStep::Status::Passed;
    if (!applyEnvPlan(profile, done, envStatus)) {
        return; // failed, or waiting for the user's answer to the .env.local change
    }
    // Secrets: generated into the keychain, or asked for.
    const QStringList secretKeys = profile.secretKeys();
    const quint64 generation = m_generation;
    auto withSecrets = [this, generation, profile, secretKeys, done, envStatus](
                           QHash<QString, QString> stored, std::optional<Error> error) mutable {
        if (generation != m_generation) {
            return;
        }
        if (error && !secretKeys.isEmpty()) {
            fail(error->message, error->hint.isEmpty() ? Text::tr(
                                     "Unlock or install a keychain (GNOME Keyring, KWallet, "
                                     "macOS Keychain) and retry.")
                                                       : error->hint);
            return;
        }
        QList<std::pair<QString, QString>> toWrite;
        QStringList generated, asked, missing;
        m_questions.clear();
        m_toGenerate.clear();
        m_toAsk.clear();
        for (const QString &key : secretKeys) {
            bool inFile = false;
            for (const EnvFile &f : profile.stack()) {
                if (const auto v = f.document.rawValue(key); v && !v->isEmpty()) {
                    inFile = true;
                }
            }
            if (stored.contains(key) || inFile) {
                continue;
            }
            const QString comments = profile.exampleComments(key).join(QLatin1Char('\n'));
            m_descriptions.insert(key, profile.description(key));
            if (m_options.answers.contains(key)) {
                toWrite.append({key, m_options.answers.value(key)});
                asked << key;
            } else if (canGenerate(key, comments)) {
                m_toGenerate << key;
                if (!readOnly()) {
                    toWrite.append({key, EnvEditor::generateSecret()});
                }
                generated << key;
            } else {
                m_toAsk << key;
                m_questions << key;
            }
            missing << key;
        }
        if (m_previewing) {
            if (!m_toGenerate.isEmpty()) {
                done << Text::tr("will generate into the keychain: %1")
                            .arg(m_toGenerate.join(QStringLiteral(", ")));
            }
            if (!m_toAsk.isEmpty()) {
                done << Text::tr("will ask for: %1").arg(m_toAsk.join(QStringLiteral(", ")));
            }
            planned(done.isEmpty() ? Text::tr("Every key is set.")
                                   : done.join(QStringLiteral("; ")));
            return;
        }
        if (m_options.checkOnly) {
            if (!missing.isEmpty()) {
                fail(Text::tr("Secrets not set: %1.").arg(missing.join(QStringLiteral(", "))),
                     Text::tr(
                         "Run the onboarding (devdockctl onboard, or Onboarding in DevDock): it "
                         "generates what it can into the keychain and asks for the rest."));
                return;
            }
            done << Text::tr("%n secret(s) in the keychain", nullptr, int(stored.size()));
            pass(done.join(QStringLiteral("; ")));
            return;
        }
        if (!m_questions.isEmpty()) {
            current().status = OnboardingStep::Status::NeedsInput;
            current().detail =
                Text::tr("Needs a value for %1.").arg(m_questions.join(QStringLiteral(", ")));
            current().fix =
                Text::tr("These cannot be generated: enter them (they go to the keychain).");
            emit stepChanged(m_index);
            m_running = false;
            emit inputNeeded(m_questions);
            return;
        }
        if (!generated.isEmpty()) {
            done << Text::tr("generated into the keychain: %1")
                        .arg(generated.join(QStringLiteral(", ")));
        }
        if (!asked.isEmpty()) {
            done << Text::tr("stored in the keychain: %1").arg(asked.join(QStringLiteral(", ")));
        }
        writeSecrets(*m_secrets, toWrite, this,
                     [this, generation, done, envStatus](const Result<void> &written) {
                         if (generation != m_generation) {
                             return;
                         }
                         if (!written) {
                             fail(written.error());
                             return;
                         }
                         pass(done.isEmpty() ? Text::tr("Every key is set.")
                                             : done.join(QStringLiteral("; ")),
                              envStatus);
                     });
    };
    if (secretKeys.isEmpty() || m_secrets == nullptr) {
        withSecrets({}, std::nullopt);
        return;
    }
    readSecrets(*m_secrets, secretKeys, this, withSecrets);
}

void Onboarding::prepareImages()
{
    const quint64 generation = m_generation;
    m_client->listImages(this, [this, generation](const Result<QList<ImageSummary>> &images) {
        if (generation != m_generation) {
            return;
        }
        if (!images) {
            fail(images.error());
            return;
        }
        QSet<QString> tags;
        for (const ImageSummary &image : *images) {
            for (const QString &tag : image.repoTags) {
                tags.insert(tag);
            }
        }
        auto present = [&](QString name) {
            if (!name.contains(QLatin1Char(':'))
                || name.lastIndexOf(QLatin1Char(':')) < name.lastIndexOf(QLatin1Char('/'))) {
                name += QStringLiteral(":latest");
            }
            return tags.contains(name)
                   || tags.contains(QStringLiteral("docker.io/library/") + name);
        };
        QStringList toBuild, toPull;
        for (const ComposeService &s : m_project.services) {
            const QString image =
                s.image.isEmpty() ? m_project.name + QLatin1Char('-') + s.name : s.image;
            if (present(image)) {
                continue;
            }
            (s.build ? toBuild : toPull) << s.name;
        }
        if (toBuild.isEmpty() && toPull.isEmpty()) {
            pass(Text::tr("All %n image(s) present", nullptr, int(m_project.services.size())));
            return;
        }
        if (readOnly()) {
            QStringList parts;
            if (!toBuild.isEmpty()) {
                parts << Text::tr("to build: %1").arg(toBuild.join(QStringLiteral(", ")));
            }
            if (!toPull.isEmpty()) {
                parts << Text::tr("to pull: %1").arg(toPull.join(QStringLiteral(", ")));
            }
            if (m_previewing) {
                planned(parts.join(QStringLiteral("; ")));
            } else {
                pass(parts.join(QStringLiteral("; ")), OnboardingStep::Status::Warning);
            }
            return;
        }
        ensureController();
        QList<StackAction> actions;
        if (!toPull.isEmpty()) {
            StackAction pull;
            pull.kind = StackAction::Kind::Pull;
            pull.services = toPull;
            actions << pull;
        }
        if (!toBuild.isEmpty()) {
            StackAction build;
            build.kind = StackAction::Kind::Build;
            build.services = toBuild;
            actions << build;
        }
        auto remaining = std::make_shared<int>(int(actions.size()));
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = connect(
            m_controller, &StackController::actionFinished, this,
            [this, generation, remaining, conn, toBuild,
             toPull](const StackAction &action, const Result<void> &result, ComposeOperation *) {
                if (generation != m_generation) {
                    disconnect(*conn);
                    return;
                }
                if (!result) {
                    disconnect(*conn);
                    Error e = result.error();
                    if (action.kind == StackAction::Kind::Pull && e.hint.isEmpty()) {
                        e.hint = Text::tr("Check the network and the registry login "
                                          "(docker login), or build the image locally.");
                    }
                    fail(e);
                    return;
                }
                if (--*remaining == 0) {
                    disconnect(*conn);
                    QStringList parts;
                    if (!toBuild.isEmpty()) {
                        parts << Text::tr("built: %1").arg(toBuild.join(QStringLiteral(", ")));
                    }
                    if (!toPull.isEmpty()) {
                        parts << Text::tr("pulled: %1").arg(toPull.join(QStringLiteral(", ")));
                    }
                    pass(parts.join(QStringLiteral("; ")));
                }
            });
        for (const StackAction &action : actions) {
            m_controller->run(action);
        }
    });
}

void Onboarding::ensureController()
{
    // The runtime's load gave the controller its project and secrets; engine events keep the
    // health picture current from here on.
    m_controller->liveState()->start();
}

void Onboarding::startStack()
{
    ensureController();
    const quint64 generation = m_generation;
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(m_controller, &StackController::actionFinished, this,
                    [this, generation, conn](const StackAction &, const Result<void> &result,
                                             ComposeOperation *) {
                        disconnect(*conn);
                        if (generation != m_generation) {
                            return;
                        }
                        if (!result) {
                            fail(result.error());
                            return;
                        }
                        m_controller->liveState()->refresh();
                        pass(Text::tr("Started in order: %1")
                                 .arg(m_project.startOrder().join(QStringLiteral(", "))));
                    });
    m_controller->up();
}

void Onboarding::waitHealthy()
{
    if (!m_running || current().id != OnboardingStep::Id::Healthy) {
        m_healthTimer.stop();
        return;
    }
    LiveState *live = m_controller->liveState();
    if (!live->isKnown() || live->isRefreshing()) {
        // Right after `up` the picture can still hold the replaced containers' health.
        return;
    }
    QStringList notUp;
    for (const ServiceState &s : live->services()) {
        // Up and healthy: running with its health check passing, or running without one.
        if (s.inModel && s.status != ServiceStatus::Healthy && s.status != ServiceStatus::Running) {
            notUp << (s.reason.isEmpty() ? s.name : Text::tr("%1 (%2)").arg(s.name, s.reason));
        }
    }
    if (notUp.isEmpty() && !live->services().isEmpty()) {
        m_healthTimer.stop();
        pass(Text::tr("%n service(s) up", nullptr, int(live->services().size())));
        return;
    }
    current().detail = Text::tr("Waiting for %1").arg(notUp.join(QStringLiteral(", ")));
    emit stepChanged(m_index);
    if (QDateTime::currentMSecsSinceEpoch() > m_healthDeadline) {
        m_healthTimer.stop();
        fail(Text::tr("Not healthy after %1 s: %2")
                 .arg(m_options.healthTimeoutSeconds)
                 .arg(notUp.join(QStringLiteral(", "))),
             Text::tr("Open the service's logs and health checks in DevDock (or devdockctl logs "
                      "SERVICE), fix it, and retry."));
    }
}

void Onboarding::openFrontend()
{
    const QList<PortRequest> ports = publishedPorts(m_project, {});
    auto pick = [&](const QStringList &preferred) -> QString {
        for (const QString &name : preferred) {
            for (const PortRequest &p : ports) {
                if ((name.isEmpty() || p.service == name) && p.protocol == QLatin1String("tcp")) {
                    return httpUrl(p.hostIp, p.port);
                }
            }
        }
        return {};
    };
    m_frontendUrl = pick({QStringLiteral("nginx"), QStringLiteral("frontend"), QString()});
    if (m_frontendUrl.isEmpty()) {
        pass(Text::tr("The stack publishes no http port."), OnboardingStep::Status::Skipped);
        return;
    }
    pass(m_frontendUrl);
}

} // namespace DevDock::Core
