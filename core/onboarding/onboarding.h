// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composeloader.h"
#include "compose/composemodel.h"
#include "envlocalplan.h"
#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace DevDock::Core {

class EngineClient;
class EnvProfile;
class ProjectRuntime;
class SecretStore;
class StackController;

struct OnboardingStep
{
    enum class Id { Engine, Compose, Disk, Memory, Ports, Env, Images, Start, Healthy, Open };
    enum class Status { Pending, Running, Passed, Warning, Failed, NeedsInput, Skipped };
    Id id = Id::Engine;
    Status status = Status::Pending;
    QString title;                            // "Docker engine reachable"
    QString detail;                           // what was found: "Docker 20.10.24, API 1.41"
    QString fix;                              // what to do when it failed
    static QString statusName(Status status); // "passed", "failed", …
    static QString idName(Id id);             // "engine", "compose", … (for --json)
};

struct OnboardingOptions
{
    QString projectDirectory;
    QStringList composeFiles; // empty: discovered
    QString envProfile;       // empty: the project's default profile
    // Doctor mode: check only, change nothing (no .env.local, no secrets, no images, no start).
    bool checkOnly = false;
    // Values for keys that cannot be generated (API keys…), e.g. from options or the environment.
    QHash<QString, QString> answers;
    // What the env step does with proposed changes to an existing .env.local: ask (the env step
    // waits for decideEnvChanges()), apply them, or keep the file as it is.
    enum class EnvChanges { Ask, Accept, Keep };
    EnvChanges envChanges = EnvChanges::Ask;
    qint64 minFreeDiskBytes = 2LL * 1024 * 1024 * 1024;
    qint64 minMemoryBytes = 2LL * 1024 * 1024 * 1024;
    int healthTimeoutSeconds = 300;
};

// Takes a project from a fresh clone to a healthy stack, one checked step at a time: engine,
// Compose v2, disk, memory, ports, .env.local and secrets, images, start in dependency order, every
// service healthy, the frontend URL. A failure stops at its step with a fix; start() again retries
// from there (every step is safe to repeat). Asynchronous; nothing blocks the calling thread.
// preview() shows the plan first and writes nothing: the checks that only read run, and the
// other steps say what they would do (the .env.local change as a diff, the secrets it would
// generate or ask for, the images to build). Only start() changes anything.
//
// The project is loaded and run through a ProjectRuntime (the one load recipe; its LiveState
// follows the stack's health): the window's runtime of the project when given (its model, logs
// and live state then follow the onboarding's changes in place), else one of its own.
class Onboarding final : public QObject
{
    Q_OBJECT
public:
    Onboarding(EngineClient *client, SecretStore *secrets, OnboardingOptions options,
               QObject *parent = nullptr);
    // On an open project: `runtime` must show options.projectDirectory and outlive the
    // onboarding.
    Onboarding(ProjectRuntime *runtime, SecretStore *secrets, OnboardingOptions options,
               QObject *parent = nullptr);
    ~Onboarding() override;

    const QList<OnboardingStep> &steps() const { return m_steps; }
    bool isRunning() const { return m_running; }
    // The plan: runs the read-only checks (a failure does not stop the others) and describes the
    // rest; ends with previewFinished(). Writes nothing, not even the keychain.
    void preview();
    bool isPreviewing() const { return m_previewing; }
    // Runs (or resumes at the first step not passed). Ends a preview still running.
    void start();
    void cancel();
    // After inputNeeded: values for the keys asked for; continues.
    void provideAnswers(const QHash<QString, QString> &answers);
    // Keys the env step needs from the user, with their descriptions from .env.example.
    QStringList pendingQuestions() const { return m_questions; }
    QString describe(const QString &key) const { return m_descriptions.value(key); }
    // What the env step would do to .env.local (set by preview() and by each run of the step).
    const EnvLocalPlan &envLocalPlan() const { return m_envPlan; }
    // Secrets the env step would generate into the keychain, and those it would ask for.
    QStringList secretsToGenerate() const { return m_toGenerate; }
    QStringList secretsToAsk() const { return m_toAsk; }
    // The user's answer to the .env.local change shown (envLocalPlanned with changes): applies
    // to exactly that change; a run waiting for it continues.
    void decideEnvChanges(bool accept);
    bool envChangesDecided() const { return m_decidedChange == envChange(); }
    // The URL to open at the end (the first http port the stack publishes, nginx/frontend first).
    QString frontendUrl() const { return m_frontendUrl; }
    const ComposeProject &project() const { return m_project; }
    // Runs the onboarding's compose commands (pull, build, up); for an operation panel to follow.
    StackController *controller() const { return m_controller; }
    // Where the project is loaded and followed (the given one, or the onboarding's own).
    ProjectRuntime *runtime() const { return m_runtime; }

    // Whether DevDock has onboarded this project folder on this machine (kept in settings).
    static bool wasOnboarded(const QString &projectDirectory);
    static Result<void> setOnboarded(const QString &projectDirectory, bool onboarded);
    // The secrets of a profile that onboarding may generate, and those it must ask for: keys
    // ending in _API_KEY, or marked "# devdock: ask" in .env.example, cannot be invented.
    static bool canGenerate(const QString &key, const QString &exampleComments);

signals:
    void stepChanged(int index);
    void output(int index, const QString &line); // progress lines of long steps
    void inputNeeded(const QStringList &keys);
    void envLocalPlanned(); // envLocalPlan() is new; with Ask, a run waits for decideEnvChanges
    void previewFinished();
    void finished(bool ok);

private:
    void runStep();
    void pass(const QString &detail,
              OnboardingStep::Status status = OnboardingStep::Status::Passed);
    void fail(const QString &detail, const QString &fix);
    void fail(const Error &error);
    void planned(const QString &detail); // preview: what the step would do
    bool readOnly() const { return m_options.checkOnly || m_previewing; }
    // The change in envLocalPlan(), as one string: a decision holds for exactly that change.
    QString envChange() const { return m_envPlan.currentText + QChar(0) + m_envPlan.plannedText; }
    void finishPreview();
    bool applyEnvPlan(EnvProfile &profile, QStringList &done, OnboardingStep::Status &status);
    OnboardingStep &current() { return m_steps[m_index]; }

    void checkEngine();
    void checkCompose();
    void checkDisk();
    void checkMemory();
    void checkPorts();
    void prepareEnv();
    void prepareImages();
    void startStack();
    void waitHealthy();
    void openFrontend();
    // withPlannedEnvLocal: as the stack will be once the env step wrote .env.local as planned.
    void loadProject(std::function<void()> then, bool withPlannedEnvLocal = false);
    void ensureController();
    void setUp();
    void useRuntime(ProjectRuntime *runtime);
    ProjectRuntime *ownRuntime();

    EngineClient *m_client;
    SecretStore *m_secrets;
    OnboardingOptions m_options;
    QList<OnboardingStep> m_steps;
    int m_index = 0;
    bool m_running = false;
    bool m_previewing = false;
    quint64 m_generation = 0; // cancels callbacks of an earlier run
    QString m_dockerRootDir;
    qint64 m_memTotal = 0;
    ComposeLoadOptions m_loadOptions;
    ComposeProject m_project;
    QStringList m_questions;
    QHash<QString, QString> m_descriptions;
    EnvLocalPlan m_envPlan;
    QString m_decidedChange; // the change (current + planned text) the decision below is for
    bool m_acceptChange = false;
    QStringList m_toGenerate;
    QStringList m_toAsk;
    QString m_frontendUrl;
    ProjectRuntime *m_runtime = nullptr;
    StackController *m_controller = nullptr;
    QTimer m_healthTimer;
    qint64 m_healthDeadline = 0;
};

} // namespace DevDock::Core
