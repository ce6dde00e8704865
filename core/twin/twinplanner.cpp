// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "twinplanner.h"

#include "engine/engineclient.h"
#include "env/envfile.h"
#include "env/envprofile.h"
#include "gitrepository.h"
#include "portvariable.h"
#include "stack/portpreflight.h"
#include "stack/stackenvironment.h"
#include "twinname.h"
#include "util/atomicwrite.h"
#include "util/projectsettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QStandardPaths>

#include <memory>

namespace DevDock::Core {

namespace {

constexpr int kMaxRounds = 64; // each round moves every clashing port one further
const QString kMarker = QStringLiteral("devdock twin:");
const QString kEnvLocal = QStringLiteral(".env.local");

QString canonical(const QString &path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(QFileInfo(path).absoluteFilePath()) : c;
}

QString portKey(int port, const QString &protocol)
{
    return QString::number(port) + QLatin1Char('/') + protocol;
}

// The project as its files are written, for its names and ports: the .env profile's files feed
// interpolation, required variables may be unset (their secrets are not needed for ports).
Result<ComposeProject> loadAsWritten(const QString &directory, const QStringList &files,
                                     const QString &envProfile,
                                     const QHash<QString, QString> &environment)
{
    ComposeLoadOptions options;
    options.files = files;
    options.workingDirectory = directory;
    options.projectDirectory = directory;
    options.environment = environment;
    options.tolerateMissingRequired = true;
    auto profile = EnvProfile::load(
        directory, envProfile.isEmpty() ? EnvProfile::defaultProfile(directory) : envProfile);
    if (!profile) {
        return std::unexpected(profile.error());
    }
    for (const EnvFile &file : profile->stack()) {
        if (file.exists) {
            options.envFiles << file.path;
        }
    }
    return loadComposeProject(options);
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString overrideText(const TwinPlan &plan, const QStringList &services)
{
    QString text = QStringLiteral("# Written by DevDock: the ports of %1, the twin of %2 on branch "
                                  "%3. Edits are replaced.\nservices:\n")
                       .arg(plan.projectName, plan.mainProjectName, plan.branch);
    for (const QString &service : services) {
        // !override: the list replaces the service's ports; a plain list would be merged with
        // the main checkout's and publish both.
        text += QStringLiteral("  %1:\n    ports: !override\n").arg(quoted(service));
        for (const TwinPort &port : plan.ports) {
            if (port.service != service) {
                continue;
            }
            text += QStringLiteral("      - target: %1\n        protocol: %2\n")
                        .arg(port.target)
                        .arg(port.protocol);
            if (port.mainPort > 0) {
                text += QStringLiteral("        published: \"%1\"\n").arg(port.port);
            }
            if (!port.hostIp.isEmpty()) {
                text += QStringLiteral("        host_ip: %1\n").arg(quoted(port.hostIp));
            }
        }
    }
    return text;
}

struct Allocation
{
    TwinPlan plan;
    QSet<QString> taken; // "port/protocol": the main checkout's and those given out so far
    QList<int> pending;  // indexes into plan.ports still being probed
    int rounds = 0;
};

// `port`, or the first one after it that this plan has not given out, for `protocol`.
int nextUntaken(int port, const QString &protocol, const QSet<QString> &taken)
{
    int candidate = port;
    while (taken.contains(portKey(candidate, protocol))) {
        candidate = TwinName::nextPort(candidate);
    }
    return candidate;
}

void probe(EngineClient *client, std::shared_ptr<Allocation> state, QObject *context,
           std::function<void(Result<TwinPlan>)> callback)
{
    QList<PortRequest> requests;
    for (const int i : std::as_const(state->pending)) {
        const TwinPort &p = state->plan.ports.at(i);
        requests.append(PortRequest{p.service, p.hostIp, p.port, p.protocol, p.target});
    }
    checkPorts(client, state->plan.projectName, requests, context,
               [client, state, context, callback](Result<PortReport> report) {
                   if (!report) {
                       callback(std::unexpected(report.error()));
                       return;
                   }
                   QList<int> clashing;
                   for (qsizetype k = 0; k < report->checks.size(); ++k) {
                       if (report->checks.at(k).conflict()) {
                           clashing << state->pending.at(k);
                       }
                   }
                   if (clashing.isEmpty()) {
                       callback(state->plan);
                       return;
                   }
                   if (++state->rounds > kMaxRounds) {
                       const TwinPort &p = state->plan.ports.at(clashing.first());
                       callback(makeError(
                           Error::Code::Conflict,
                           QStringLiteral("No free host port for %1 (port %2 in the main "
                                          "checkout) after %3 tries.")
                               .arg(p.service)
                               .arg(p.mainPort)
                               .arg(kMaxRounds),
                           QStringLiteral("Stop what holds the ports from %1 on, or free some "
                                          "(`devdockctl doctor ports`).")
                               .arg(TwinName::preferredPort(p.mainPort, state->plan.branch))));
                       return;
                   }
                   // A held port stays taken: a clashing port moves past every port of the plan.
                   for (const int i : std::as_const(clashing)) {
                       TwinPort &p = state->plan.ports[i];
                       p.port = nextUntaken(TwinName::nextPort(p.port), p.protocol, state->taken);
                       state->taken.insert(portKey(p.port, p.protocol));
                   }
                   state->pending = clashing;
                   probe(client, state, context, callback);
               });
}

// "port/protocol" of every host port that a container which is not running has configured
// (HostConfig.PortBindings), but for `ownProject`'s containers.
void stoppedContainerPorts(EngineClient *client, const QString &ownProject, QObject *context,
                           std::function<void(Result<QSet<QString>>)> callback)
{
    client->listContainers(
        ContainerListOptions{true, {}}, context,
        [client, ownProject, context, callback](Result<QList<ContainerSummary>> containers) {
            if (!containers) {
                callback(std::unexpected(containers.error()));
                return;
            }
            QStringList stopped;
            for (const ContainerSummary &c : std::as_const(*containers)) {
                if (c.state != u"running"
                    && c.labels.value(QStringLiteral("com.docker.compose.project")) != ownProject) {
                    stopped << c.id;
                }
            }
            auto ports = std::make_shared<QSet<QString>>();
            auto left = std::make_shared<qsizetype>(stopped.size());
            if (stopped.isEmpty()) {
                callback(*ports);
                return;
            }
            for (const QString &id : std::as_const(stopped)) {
                client->inspectContainer(id, context, [=](Result<QJsonObject> inspected) {
                    // One that went away meanwhile holds nothing.
                    if (inspected) {
                        const QJsonObject bindings = inspected->value(QStringLiteral("HostConfig"))
                                                         .toObject()
                                                         .value(QStringLiteral("PortBindings"))
                                                         .toObject();
                        for (auto it = bindings.constBegin(); it != bindings.constEnd(); ++it) {
                            const QString protocol = it.key().section(QLatin1Char('/'), 1, 1);
                            for (const QJsonValue &binding : it.value().toArray()) {
                                const int port = binding.toObject()
                                                     .value(QStringLiteral("HostPort"))
                                                     .toString()
                                                     .toInt();
                                if (port > 0) {
                                    ports->insert(portKey(port, protocol.isEmpty()
                                                                    ? QStringLiteral("tcp")
                                                                    : protocol));
                                }
                            }
                        }
                    }
                    if (--*left == 0) {
                        callback(*ports);
                    }
                });
            }
        });
}

// Where the project is: its repository, the main checkout, the folder inside a checkout.
struct Checkouts
{
    GitRepository repository;
    QList<GitWorktree> worktrees;
    QString top;     // of the worktree the project was addressed in
    QString mainTop; // of the main checkout
    QString mainBranch;
    QString relative; // the project folder inside a checkout ("." at the top)
    QString mainDirectory;
};

Result<Checkouts> findCheckouts(const ComposeLoadOptions &options)
{
    const QString projectDirectory = canonical(projectDirectoryOf(options));
    auto repository = GitRepository::open(projectDirectory);
    if (!repository) {
        return std::unexpected(repository.error());
    }
    auto worktrees = repository->worktrees();
    if (!worktrees) {
        return std::unexpected(worktrees.error());
    }
    Checkouts c;
    c.repository = *repository;
    c.worktrees = *worktrees;
    c.top = canonical(repository->topLevel());
    // The main checkout is git's first worktree; a bare repository has none, and then the
    // worktree the user is in plays that part.
    c.mainTop = c.top;
    if (!c.worktrees.isEmpty() && !c.worktrees.first().bare) {
        c.mainTop = canonical(c.worktrees.first().path);
        c.mainBranch = c.worktrees.first().branch;
    }
    c.relative = QDir(c.top).relativeFilePath(projectDirectory);
    c.mainDirectory = QDir::cleanPath(QDir(c.mainTop).filePath(c.relative));
    return c;
}

// -f files inside the repository name the same file in every checkout: relative to the
// repository's top (files outside it stay absolute).
QStringList filesInRepository(const ComposeLoadOptions &options, const QString &top)
{
    QStringList files;
    const QString cwd =
        options.workingDirectory.isEmpty() ? QDir::currentPath() : options.workingDirectory;
    for (const QString &file : options.files) {
        const QString absolute = canonical(QDir(cwd).absoluteFilePath(file));
        const QString inRepository = QDir(top).relativeFilePath(absolute);
        files << (inRepository.startsWith(QStringLiteral("..")) ? absolute : inRepository);
    }
    return files;
}

QStringList filesIn(const QString &checkout, const QStringList &files)
{
    QStringList mapped;
    for (const QString &file : files) {
        mapped << (QFileInfo(file).isAbsolute() ? file : QDir(checkout).filePath(file));
    }
    return mapped;
}

Result<QString> mainProjectName(const Checkouts &checkouts, const ComposeLoadOptions &options,
                                const QString &envProfile, ComposeProject *project = nullptr)
{
    auto main = loadAsWritten(checkouts.mainDirectory,
                              filesIn(checkouts.mainTop, filesInRepository(options, checkouts.top)),
                              envProfile, options.environment);
    if (!main) {
        return std::unexpected(main.error());
    }
    if (project) {
        *project = *main;
    }
    return options.projectName.isEmpty() ? main->name : options.projectName;
}

} // namespace

Result<TwinPlan> TwinPlanner::locate(const ComposeLoadOptions &options, const QString &branch,
                                     const QString &envProfile, bool create)
{
    if (branch.trimmed().isEmpty()) {
        return makeError(Error::Code::InvalidArgument, QStringLiteral("A twin needs a branch."),
                         QStringLiteral("Name the branch: devdockctl twin up BRANCH"));
    }
    auto checkouts = findCheckouts(options);
    if (!checkouts) {
        return std::unexpected(checkouts.error());
    }
    const GitRepository &repository = checkouts->repository;
    if (branch == checkouts->mainBranch) {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("%1 is the branch of the main checkout (%2).")
                             .arg(branch, checkouts->mainTop),
                         QStringLiteral("A twin runs another branch beside it: name that one."));
    }

    TwinPlan plan;
    plan.branch = branch;
    plan.envProfile = envProfile;
    plan.mainDirectory = checkouts->mainDirectory;
    ComposeProject main;
    auto mainName = mainProjectName(*checkouts, options, envProfile, &main);
    if (!mainName) {
        return std::unexpected(mainName.error());
    }
    plan.mainProjectName = *mainName;
    plan.projectName = TwinName::projectName(plan.mainProjectName, branch);

    std::optional<GitWorktree> worktree;
    if (create) {
        auto made = repository.ensureWorktree(
            branch, TwinName::worktreePath(checkouts->mainTop, branch), &plan.worktreeCreated);
        if (!made) {
            return std::unexpected(made.error());
        }
        worktree = *made;
    } else {
        auto found = repository.worktreeOf(branch);
        if (!found) {
            return std::unexpected(found.error());
        }
        if (!*found) {
            return makeError(
                Error::Code::NotFound,
                QStringLiteral("No worktree has the branch %1 checked out.").arg(branch),
                QStringLiteral("`devdockctl twin up %1` creates it; `devdockctl twin list` shows "
                               "the worktrees.")
                    .arg(branch));
        }
        worktree = **found;
    }
    plan.worktree = canonical(worktree->path);
    plan.directory = QDir::cleanPath(QDir(plan.worktree).filePath(checkouts->relative));
    if (!QFileInfo(plan.directory).isDir()) {
        return makeError(
            Error::Code::NotFound,
            QStringLiteral("The branch %1 has no folder %2.").arg(branch, checkouts->relative),
            QStringLiteral("The project is not on that branch yet."));
    }
    plan.files = filesIn(plan.worktree, filesInRepository(options, checkouts->top));
    plan.overridePath = overridePathFor(plan.directory);
    plan.envLocalPath = QDir(plan.directory).filePath(kEnvLocal);

    auto twin = loadAsWritten(plan.directory, plan.files, envProfile, options.environment);
    if (!twin) {
        return std::unexpected(twin.error());
    }
    plan.configFiles = twin->configFiles;
    auto variables = PortVariable::find(*twin);
    if (!variables) {
        return std::unexpected(variables.error());
    }
    QHash<QString, int> mainPorts;
    for (const ComposeService &service : main.services) {
        for (const ComposePort &port : service.ports) {
            mainPorts.insert(PortVariable::key(service.name, port.target, port.protocol),
                             port.published.toInt());
        }
    }
    for (const PortRequest &request : publishedPorts(main, {})) {
        plan.reservedPorts << portKey(request.port, request.protocol);
    }
    // .env.local moves a port only where it is the twin's own file and the process environment
    // does not set the variable (Compose lets the environment win over every env file).
    const bool envLocalTracked = repository.isTracked(
        plan.worktree, QDir(plan.worktree).relativeFilePath(plan.envLocalPath));
    for (const ComposeService &service : twin->services) {
        for (const ComposePort &port : service.ports) {
            TwinPort p;
            p.service = service.name;
            p.target = port.target;
            p.protocol = port.protocol.isEmpty() ? QStringLiteral("tcp") : port.protocol;
            p.hostIp = port.hostIp;
            if (!port.published.isEmpty()) {
                if (port.published.contains(QLatin1Char('-'))) {
                    return makeError(
                        Error::Code::Unsupported,
                        QStringLiteral("%1 publishes the port range %2; twins remap single "
                                       "ports only.")
                            .arg(service.name, port.published),
                        QStringLiteral("Publish single ports in the compose file."));
                }
                const QString key = PortVariable::key(service.name, port.target, p.protocol);
                p.mainPort = mainPorts.value(key, port.published.toInt());
                p.variable = variables->value(key).variable;
            }
            p.viaOverride =
                p.variable.isEmpty() || envLocalTracked || options.environment.contains(p.variable);
            plan.ports << p;
        }
    }
    return plan;
}

void TwinPlanner::choosePorts(EngineClient *client, TwinPlan plan, QObject *context,
                              std::function<void(Result<TwinPlan>)> callback)
{
    // Containers that are not running publish nothing now but take their ports back when they
    // start (another twin stopped, not taken down): their configured ports are taken too.
    const QString projectName = plan.projectName; // before the lambda takes the plan
    stoppedContainerPorts(
        client, projectName, context,
        [client, plan = std::move(plan), context,
         callback = std::move(callback)](Result<QSet<QString>> stopped) mutable {
            if (!stopped) {
                callback(std::unexpected(stopped.error()));
                return;
            }
            auto state = std::make_shared<Allocation>();
            state->taken = QSet<QString>(plan.reservedPorts.cbegin(), plan.reservedPorts.cend());
            state->taken.unite(*stopped);
            for (qsizetype i = 0; i < plan.ports.size(); ++i) {
                TwinPort &p = plan.ports[i];
                if (p.mainPort <= 0) {
                    continue;
                }
                p.port = nextUntaken(TwinName::preferredPort(p.mainPort, plan.branch), p.protocol,
                                     state->taken);
                state->taken.insert(portKey(p.port, p.protocol));
                state->pending << int(i);
            }
            state->plan = std::move(plan);
            if (state->pending.isEmpty()) {
                callback(state->plan);
                return;
            }
            probe(client, state, context, std::move(callback));
        });
}

Result<void> TwinPlanner::apply(const TwinPlan &plan)
{
    QStringList overridden;
    QMap<QString, const TwinPort *> byVariable; // sorted: .env.local gets them in one order
    for (const TwinPort &port : plan.ports) {
        if (port.mainPort > 0 && port.port <= 0) {
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("No port was chosen for %1 yet.").arg(port.service));
        }
        if (port.mainPort <= 0) {
            continue;
        }
        if (port.viaOverride) {
            if (!overridden.contains(port.service)) {
                overridden << port.service;
            }
            continue;
        }
        if (const TwinPort *other = byVariable.value(port.variable);
            other && other->port != port.port) {
            return makeError(Error::Code::Conflict,
                             QStringLiteral("%1 sets the host port of both %2 and %3; a twin "
                                            "gives each a port of its own.")
                                 .arg(port.variable, other->service, port.service),
                             QStringLiteral("Give each service its own port variable."));
        }
        byVariable.insert(port.variable, &port);
    }
    if (!byVariable.isEmpty()) {
        auto file = EnvFile::read(plan.envLocalPath);
        if (!file) {
            return std::unexpected(file.error());
        }
        for (auto it = byVariable.cbegin(); it != byVariable.cend(); ++it) {
            file->document.set(it.key(), QString::number(it.value()->port));
            file->document.removeCommentsAbove(it.key(), kMarker);
            file->document.addCommentAbove(
                it.key(), QStringLiteral("%1 %2's port for %3 (the main checkout uses %4)")
                              .arg(kMarker, plan.projectName, it.value()->service)
                              .arg(it.value()->mainPort));
        }
        if (!file->exists || file->document.toBytes() != file->originalBytes) {
            if (auto saved = file->save(); !saved) {
                return std::unexpected(saved.error());
            }
        }
    }
    if (overridden.isEmpty()) {
        QFile::remove(plan.overridePath);
        return {};
    }
    if (!QDir().mkpath(QFileInfo(plan.overridePath).absolutePath())) {
        return makeError(Error::Code::Io,
                         QStringLiteral("Cannot create the folder %1.")
                             .arg(QFileInfo(plan.overridePath).absolutePath()),
                         QStringLiteral("Check that DevDock may write to its data folder."));
    }
    auto written = writeFileAtomically(plan.overridePath, overrideText(plan, overridden).toUtf8());
    if (!written) {
        return std::unexpected(written.error());
    }
    return {};
}

Result<QList<TwinListing>> TwinPlanner::list(const ComposeLoadOptions &options,
                                             const QString &envProfile)
{
    auto checkouts = findCheckouts(options);
    if (!checkouts) {
        return std::unexpected(checkouts.error());
    }
    auto mainName = mainProjectName(*checkouts, options, envProfile);
    if (!mainName) {
        return std::unexpected(mainName.error());
    }
    QList<TwinListing> listing;
    for (const GitWorktree &w : std::as_const(checkouts->worktrees)) {
        if (w.bare) {
            continue;
        }
        TwinListing entry;
        entry.branch = w.branch;
        entry.head = w.head;
        entry.worktree = w.path;
        entry.directory = QDir::cleanPath(QDir(w.path).filePath(checkouts->relative));
        entry.main = canonical(w.path) == checkouts->mainTop;
        entry.projectName = entry.main || w.branch.isEmpty()
                                ? (entry.main ? *mainName : QString())
                                : TwinName::projectName(*mainName, w.branch);
        entry.locked = w.locked;
        entry.prunable = w.prunable;
        listing << entry;
    }
    return listing;
}

Result<void> TwinPlanner::removeWorktree(const TwinPlan &plan)
{
    auto repository = GitRepository::open(plan.worktree);
    if (!repository) {
        return std::unexpected(repository.error());
    }
    auto status = GitRepository::git(
        plan.worktree, {QStringLiteral("status"), QStringLiteral("--porcelain"),
                        QStringLiteral("-z"), QStringLiteral("--untracked-files=all")});
    if (!status) {
        return std::unexpected(status.error());
    }
    const QString envLocal = QDir(plan.worktree).relativeFilePath(plan.envLocalPath);
    QStringList changes;
    bool ownEnvLocal = false;
    for (const QByteArray &entry : status->split('\0')) {
        if (entry.size() < 4) {
            continue;
        }
        const QString path = QString::fromUtf8(entry.mid(3));
        if (entry.startsWith("?? ") && path == envLocal) {
            ownEnvLocal = true;
            continue;
        }
        changes << path;
    }
    if (ownEnvLocal) {
        // Ours when every key in it carries the marker apply() writes above its ports.
        auto file = EnvFile::read(plan.envLocalPath);
        if (!file) {
            return std::unexpected(file.error());
        }
        const QList<EnvEntry> &entries = file->document.entries();
        bool marked = false;
        for (const EnvEntry &e : entries) {
            if (e.kind == EnvEntry::Kind::Comment) {
                marked = e.raw.contains(kMarker);
            } else if (e.kind == EnvEntry::Kind::Variable) {
                if (!marked) {
                    changes << envLocal;
                    break;
                }
            } else {
                marked = false;
            }
        }
    }
    if (!changes.isEmpty()) {
        return makeError(Error::Code::Conflict,
                         QStringLiteral("The worktree %1 has changes: %2. It stays, and so do "
                                        "they.")
                             .arg(plan.worktree, changes.join(QStringLiteral(", "))),
                         QStringLiteral("Commit, stash or remove them, then run the command "
                                        "again; the stack is already down."));
    }
    if (ownEnvLocal && !QFile::remove(plan.envLocalPath)) {
        return makeError(Error::Code::Io,
                         QStringLiteral("Cannot remove %1.").arg(plan.envLocalPath));
    }
    if (auto removed = repository->removeWorktree(plan.worktree); !removed) {
        return removed;
    }
    forgetGenerated(plan);
    return {};
}

ComposeLoadOptions TwinPlanner::loadOptions(const TwinPlan &plan, const ComposeLoadOptions &base)
{
    ComposeLoadOptions options = base;
    options.projectName = plan.projectName;
    options.projectDirectory = plan.directory;
    options.workingDirectory = plan.directory;
    options.envFiles.clear(); // the twin's own profile files, its .env.local last
    options.files = plan.files;
    if (QFileInfo::exists(plan.overridePath)) {
        options.files = plan.configFiles;
        options.files << plan.overridePath;
    }
    return options;
}

QString TwinPlanner::overridePathFor(const QString &directory)
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/devdock/twins/") + projectKey(directory)
           + QStringLiteral("/compose.devdock-twin.yaml");
}

void TwinPlanner::forgetGenerated(const TwinPlan &plan)
{
    QFile::remove(plan.overridePath);
    QDir().rmdir(QFileInfo(plan.overridePath).absolutePath());
}

} // namespace DevDock::Core
