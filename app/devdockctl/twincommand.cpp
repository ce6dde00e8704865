// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "twincommand.h"

#include "datasession.h"
#include "enginecommand.h"
#include "output.h"
#include "restorecommand.h"
#include "stackcommand.h"

#include "data/restoreplan.h"
#include "engine/engineclient.h"
#include "stack/portpreflight.h"
#include "stack/projectdiscovery.h"
#include "twin/twinplanner.h"
#include "workspace/twinrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace DevDock::Ctl {

using namespace DevDock::Core;

namespace {

const QByteArray kUsage =
    "Usage: devdockctl twin list [--json]\n"
    "       devdockctl twin up BRANCH [--wait] [--env-profile NAME] [--clone-data]\n"
    "       devdockctl twin down BRANCH [--volumes] [--remove-worktree]\n"
    "A twin is the stack of another branch, running beside the main checkout's: in the\n"
    "branch's git worktree (created beside the main checkout when it has none), under the\n"
    "Compose project name <project>-<branch>, on host ports of its own. Ports taken from a\n"
    "variable go into the twin's .env.local, literal ones into an override DevDock keeps in\n"
    "its data folder; no checked-in file changes. 'up' prints the project name and the URLs.\n"
    "'down' removes the twin's containers and networks (--volumes: and its volumes), never the\n"
    "main stack's; --remove-worktree also removes its worktree when it has no changes.\n"
    "--clone-data: before the twin starts, the main checkout's newest snapshot of each volume\n"
    "(devdockctl backup) is restored into the twin's volume of the same name; the main\n"
    "checkout's volumes are only read from the backup repository, never touched.\n";

QString pad(const QString &text, int width)
{
    return text.leftJustified(width - 1) + QLatin1Char(' ');
}

// Runs an asynchronous step to its callback in the event loop.
template <typename T>
Result<T> awaitResult(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    call([&](Result<T> r) {
        result = std::move(r);
        QCoreApplication::exit(0);
    });
    if (!result) {
        QCoreApplication::exec();
    }
    return std::move(*result);
}

QString portUrl(const TwinPort &port)
{
    if (port.protocol == u"udp") {
        return QStringLiteral("udp://%1:%2")
            .arg(port.hostIp.isEmpty() ? QStringLiteral("localhost") : port.hostIp)
            .arg(port.port);
    }
    return httpUrl(port.hostIp, port.port);
}

int cmdList(const ComposeLoadOptions &options, const QString &envProfile, bool json)
{
    auto listing = TwinPlanner::list(options, envProfile);
    if (!listing) {
        return reportError(listing.error());
    }
    // What runs: one listing of the engine's projects (no engine: the worktrees still show).
    QHash<QString, DiscoveredProject> running;
    std::optional<Error> engineError;
    if (auto endpoint = systemEndpoint(); endpoint) {
        EngineClient client(*endpoint);
        auto projects = awaitResult<QList<DiscoveredProject>>(
            [&](std::function<void(Result<QList<DiscoveredProject>>)> done) {
                discoverProjects(&client, nullptr, std::move(done));
            });
        if (projects) {
            for (const DiscoveredProject &p : *projects) {
                running.insert(p.name, p);
            }
        } else {
            engineError = projects.error();
        }
    } else {
        engineError = endpoint.error();
    }
    if (engineError) {
        Output::errLine(QStringLiteral("devdockctl: warning: the engine did not answer, so no "
                                       "state is shown: ")
                        + engineError->toString());
    }
    auto state = [&](const TwinListing &entry) {
        if (engineError) {
            return QStringLiteral("unknown");
        }
        const DiscoveredProject p = running.value(entry.projectName);
        return QStringLiteral("%1/%2").arg(p.running).arg(p.containers);
    };
    if (json) {
        QJsonArray array;
        for (const TwinListing &entry : std::as_const(*listing)) {
            QJsonObject object{{QStringLiteral("branch"), entry.branch},
                               {QStringLiteral("head"), entry.head},
                               {QStringLiteral("worktree"), entry.worktree},
                               {QStringLiteral("directory"), entry.directory},
                               {QStringLiteral("project"), entry.projectName},
                               {QStringLiteral("main"), entry.main},
                               {QStringLiteral("locked"), entry.locked},
                               {QStringLiteral("prunable"), entry.prunable}};
            if (!engineError) {
                const DiscoveredProject p = running.value(entry.projectName);
                object.insert(QStringLiteral("running"), p.running);
                object.insert(QStringLiteral("containers"), p.containers);
            }
            array.append(object);
        }
        Output::out(QJsonDocument(array).toJson(QJsonDocument::Indented));
        Output::flush();
        return Success;
    }
    Output::outLine(pad(QStringLiteral("BRANCH"), 24) + pad(QStringLiteral("PROJECT"), 32)
                    + pad(QStringLiteral("RUNNING"), 9) + QStringLiteral("WORKTREE"));
    for (const TwinListing &entry : std::as_const(*listing)) {
        QString branch = entry.branch.isEmpty() ? QStringLiteral("(detached)") : entry.branch;
        if (entry.main) {
            branch += QStringLiteral(" (main)");
        }
        QString worktree = entry.worktree;
        if (entry.locked) {
            worktree += QStringLiteral(" (locked)");
        }
        if (entry.prunable) {
            worktree += QStringLiteral(" (prunable: its folder is gone)");
        }
        Output::outLine(
            pad(branch, 24)
            + pad(entry.projectName.isEmpty() ? QStringLiteral("-") : entry.projectName, 32)
            + pad(entry.projectName.isEmpty() ? QStringLiteral("-") : state(entry), 9) + worktree);
    }
    Output::flush();
    return Success;
}

// The main checkout's newest snapshot of each volume, restored into the twin's volume of that
// key (RestorePlan/RestoreJob, as `restore SNAPSHOT --to VOLUME` in the twin would do it), before
// the twin's stack exists: its volumes are created with Compose's labels, and `up` adopts them.
// Database dumps restore into a running server; a twin has none yet, so they are named and left.
int cloneData(const ComposeLoadOptions &mainOptions, const ComposeLoadOptions &twinOptions)
{
    auto main = DataSession::open(mainOptions);
    if (!main) {
        return failWith(main.error());
    }
    const CloneSources sources = cloneSources((*main)->snapshots);
    if (sources.newest.isEmpty()) { // before the twin's repository session: nothing to do
        return failWith(clonePlans(sources, (*main)->project.name, {}, {}, {}, {}).error());
    }
    auto twin = DataSession::open(twinOptions);
    if (!twin) {
        return failWith(twin.error());
    }
    const auto plans = clonePlans(sources, (*main)->project.name, (*twin)->project,
                                  (*twin)->inventory, (*twin)->running, (*twin)->engineVolumes);
    if (!plans) {
        return failWith(plans.error());
    }
    for (const RestorePlan &plan : *plans) {
        if (const auto restored = carryOutRestore(**twin, plan); !restored) {
            return failWith(restored.error());
        }
        Output::outLine(QStringLiteral("%1: cloned from snapshot %2 of %3 (%4)")
                            .arg(plan.target.key, plan.snapshot.shortId, (*main)->project.name,
                                 plan.snapshot.time.toLocalTime().toString(Qt::ISODate)));
    }
    for (const QString &volume : sources.dumps) {
        Output::errLine(QStringLiteral("%1: a database dump is restored into a running server; "
                                       "once the twin runs: devdockctl restore SNAPSHOT in the "
                                       "twin's worktree")
                            .arg(volume));
    }
    Output::flush();
    return Success;
}

int cmdUp(const ComposeLoadOptions &options, const QString &branch, const QString &envProfile,
          bool wait, bool clone)
{
    auto endpoint = systemEndpoint();
    if (!endpoint) {
        return reportError(endpoint.error());
    }
    EngineClient client(*endpoint);
    QObject context;
    // The same preparation as the window's (TwinRunner): worktree, free ports, .env.local and
    // override; the stack command below runs compose as for any project.
    auto chosen = awaitResult<TwinPlan>([&](std::function<void(Result<TwinPlan>)> done) {
        TwinRunner::prepare(&client, options, branch, envProfile, &context, std::move(done));
    });
    if (!chosen) {
        return reportError(chosen.error());
    }
    if (chosen->worktreeCreated) {
        Output::errLine(
            QStringLiteral("Created the worktree %1 for %2.").arg(chosen->worktree, branch));
        Output::flush();
    }
    if (clone) {
        if (const int code = cloneData(options, TwinPlanner::loadOptions(*chosen, options));
            code != Success) {
            return code;
        }
    }
    // The stack command does the rest as for any project: the .env profile (the twin's
    // .env.local last), the keychain's secrets, the port pre-flight, compose up.
    QStringList up{QStringLiteral("up")};
    if (wait) {
        up << QStringLiteral("--wait");
    }
    if (!envProfile.isEmpty()) {
        up << QStringLiteral("--env-profile") << envProfile;
    }
    if (const int code = runStackCommand(TwinPlanner::loadOptions(*chosen, options), up);
        code != Success) {
        return code;
    }
    Output::outLine(QStringLiteral("project   ") + chosen->projectName);
    Output::outLine(QStringLiteral("branch    ") + chosen->branch);
    Output::outLine(QStringLiteral("worktree  ") + chosen->worktree);
    for (const TwinPort &port : std::as_const(chosen->ports)) {
        if (port.mainPort > 0) {
            Output::outLine(pad(port.service, 10) + pad(portUrl(port), 32)
                            + QStringLiteral("(main checkout: %1)").arg(port.mainPort));
        }
    }
    Output::flush();
    return Success;
}

int cmdDown(const ComposeLoadOptions &options, const QString &branch, const QString &envProfile,
            bool volumes, bool removeWorktree)
{
    auto plan = TwinPlanner::locate(options, branch, envProfile, false);
    if (!plan) {
        return reportError(plan.error());
    }
    QStringList down{QStringLiteral("down")};
    if (volumes) {
        down << QStringLiteral("--volumes");
    }
    if (!envProfile.isEmpty()) {
        down << QStringLiteral("--env-profile") << envProfile;
    }
    // -p is the twin's: Compose removes only containers, networks and volumes of that project.
    if (const int code = runStackCommand(TwinPlanner::loadOptions(*plan, options), down);
        code != Success) {
        return code;
    }
    if (removeWorktree) {
        if (auto removed = TwinPlanner::removeWorktree(*plan); !removed) {
            return reportError(removed.error());
        }
        Output::errLine(QStringLiteral("Removed the worktree %1.").arg(plan->worktree));
    }
    Output::flush();
    return Success;
}

} // namespace

int runTwinCommand(const ComposeLoadOptions &options, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Help"));
    const QCommandLineOption envProfile(QStringLiteral("env-profile"),
                                        QStringLiteral(".env profile"), QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output"));
    const QCommandLineOption wait(QStringLiteral("wait"), QStringLiteral("Wait until healthy"));
    const QCommandLineOption volumes({QStringLiteral("v"), QStringLiteral("volumes")},
                                     QStringLiteral("Remove volumes"));
    const QCommandLineOption removeWorktree(QStringLiteral("remove-worktree"),
                                            QStringLiteral("Remove the worktree"));
    const QCommandLineOption cloneData(QStringLiteral("clone-data"),
                                       QStringLiteral("Clone the main checkout's data"));
    parser.addOptions({help, envProfile, json, wait, volumes, removeWorktree, cloneData});
    if (!parser.parse(QStringList{QStringLiteral("devdockctl twin")} + arguments.mid(1))) {
        return reportUsageError(parser.errorText(), kUsage);
    }
    if (parser.isSet(help)) {
        Output::out(kUsage);
        Output::flush();
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString profile = parser.value(envProfile).isEmpty()
                                ? qEnvironmentVariable("DEVDOCK_ENV_PROFILE")
                                : parser.value(envProfile);
    auto refuse = [&](const QCommandLineOption &option, bool allowed) {
        return parser.isSet(option) && !allowed;
    };
    const bool isList = action == u"list";
    const bool isUp = action == u"up";
    const bool isDown = action == u"down";
    if (!isList && !isUp && !isDown) {
        return reportUsageError(action.isEmpty()
                                    ? QStringLiteral("twin takes list, up or down")
                                    : QStringLiteral("unknown twin command \"%1\"").arg(action),
                                kUsage);
    }
    if (positional.size() != (isList ? 1 : 2)) {
        return reportUsageError(isList ? QStringLiteral("twin list takes no arguments")
                                       : QStringLiteral("twin %1 takes one BRANCH").arg(action),
                                kUsage);
    }
    if (refuse(json, isList) || refuse(wait, isUp) || refuse(volumes, isDown)
        || refuse(removeWorktree, isDown) || refuse(cloneData, isUp)) {
        return reportUsageError(QStringLiteral("an option twin %1 does not take").arg(action),
                                kUsage);
    }
    if (isList) {
        return cmdList(options, profile, parser.isSet(json));
    }
    if (isUp) {
        return cmdUp(options, positional.at(1), profile, parser.isSet(wait),
                     parser.isSet(cloneData));
    }
    return cmdDown(options, positional.at(1), profile, parser.isSet(volumes),
                   parser.isSet(removeWorktree));
}

} // namespace DevDock::Ctl
