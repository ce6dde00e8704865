// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enginecommand.h"

#include "output.h"

#include "compose/composeprobe.h"
#include "engine/engineclient.h"
#include "engine/eventstream.h"
#include "engine/logstream.h"
#include "engine/statsstream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#include <memory>
#include <optional>

namespace DevDock::Ctl {

using namespace DevDock::Core;

namespace {

QString usageText()
{
    return QStringLiteral(
        "Usage: devdockctl engine COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  info [--json]                             engine, API and compose versions\n"
        "  containers [--all] [--json] [--filter K=V]...  list containers\n"
        "  logs CONTAINER [--follow] [--tail N] [--since T] [--until T] [--timestamps]\n"
        "  events [--json] [--filter K=V]... [--since T] [--until T]\n"
        "  stats CONTAINER [--no-stream] [--json]\n");
}

int usageError(const QString &message)
{
    return reportUsageError(message, usageText().toUtf8());
}

int engineError(const Error &error)
{
    return reportError(error);
}

QString humanBytes(double bytes)
{
    return QLocale::c().formattedDataSize(static_cast<qint64>(bytes), 2,
                                          QLocale::DataSizeTraditionalFormat);
}

// Parses "--filter K=V" values into the engine's filter map; false on a malformed one.
bool parseFilters(const QStringList &values, QMap<QString, QStringList> &filters, QString &bad)
{
    for (const QString &value : values) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            bad = value;
            return false;
        }
        filters[value.left(eq)].append(value.mid(eq + 1));
    }
    return true;
}

struct Session
{
    QCoreApplication *app = QCoreApplication::instance();
    std::unique_ptr<EngineClient> client;

    Result<void> connect()
    {
        auto endpoint = Ctl::systemEndpoint();
        if (!endpoint) {
            return std::unexpected(endpoint.error());
        }
        client = std::make_unique<EngineClient>(*endpoint);
        return {};
    }
    int run() { return app->exec(); }
    void finish(int code)
    {
        Output::flush();
        app->exit(code);
    }
    void fail(const Error &error) { finish(engineError(error)); }
};

// Runs a stream until it finishes (exit 0, or 1 with its error) or SIGINT/SIGTERM stops it
// (exit 0 after flushing, as `docker logs -f` does).
template <typename Stream>
int runStream(Session &s, Stream &stream)
{
    QObject::connect(&stream, &Stream::finished, s.app, [&s](const Result<void> &r) {
        if (!r) {
            s.fail(r.error());
        } else {
            s.finish(Success);
        }
    });
    installSignalHandlers(s.app, [&s, &stream] {
        stream.stop();
        s.finish(Success);
    });
    stream.start();
    return s.run();
}

int cmdInfo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (!parser.parse(args)) {
        return usageError(parser.errorText());
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(QStringLiteral("info takes no arguments"));
    }
    Session s;
    if (auto r = s.connect(); !r) {
        return engineError(r.error());
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    auto result = std::make_shared<QJsonObject>();
    auto failure = std::make_shared<std::optional<Error>>();
    auto pending = std::make_shared<int>(2);
    // Both the engine and the compose probe finish before the process exits (no orphaned
    // QProcess), whichever fails.
    auto done = [&s, result, failure, pending, json] {
        if (--*pending > 0) {
            return;
        }
        if (*failure) {
            s.fail(**failure);
            return;
        }
        if (json) {
            Output::out(QJsonDocument(*result).toJson(QJsonDocument::Indented));
        } else {
            for (const QString &key :
                 {QStringLiteral("endpoint"), QStringLiteral("context"),
                  QStringLiteral("serverVersion"), QStringLiteral("apiVersion"),
                  QStringLiteral("os"), QStringLiteral("arch"), QStringLiteral("kernelVersion"),
                  QStringLiteral("operatingSystem"), QStringLiteral("composeVersion")}) {
                const QJsonValue v = result->value(key);
                Output::outLine(key + QStringLiteral(": ")
                                + (v.isNull() ? QStringLiteral("(not found)") : v.toString()));
            }
        }
        s.finish(Success);
    };
    s.client->info(nullptr, [&s, result, failure, done](Result<EngineInfo> info) {
        if (!info) {
            *failure = info.error();
            done();
            return;
        }
        s.client->version(
            nullptr, [&s, result, failure, info = *info, done](Result<VersionInfo> v) {
                if (!v) {
                    *failure = v.error();
                    done();
                    return;
                }
                result->insert(QStringLiteral("endpoint"), s.client->endpoint().uri);
                result->insert(QStringLiteral("context"), s.client->endpoint().contextName);
                result->insert(QStringLiteral("serverVersion"), v->version);
                result->insert(QStringLiteral("apiVersion"), s.client->apiVersion());
                result->insert(QStringLiteral("engineMaxApiVersion"), v->apiVersion);
                result->insert(QStringLiteral("engineMinApiVersion"), v->minApiVersion);
                result->insert(QStringLiteral("os"), v->os);
                result->insert(QStringLiteral("arch"), v->arch);
                result->insert(QStringLiteral("kernelVersion"), v->kernelVersion);
                result->insert(QStringLiteral("operatingSystem"), info.operatingSystem);
                result->insert(QStringLiteral("name"), info.name);
                result->insert(QStringLiteral("cpus"), info.cpus);
                result->insert(QStringLiteral("memTotal"), info.memTotal);
                result->insert(QStringLiteral("containers"), info.containers);
                result->insert(QStringLiteral("containersRunning"), info.containersRunning);
                result->insert(QStringLiteral("images"), info.images);
                done();
            });
    });
    probeCompose(s.app, [result, done](const ComposeTool &tool) {
        result->insert(QStringLiteral("composeVersion"),
                       tool.found() ? QJsonValue(tool.version) : QJsonValue(QJsonValue::Null));
        result->insert(QStringLiteral("composeCommand"),
                       tool.found() ? QJsonValue(tool.command.join(QLatin1Char(' ')))
                                    : QJsonValue(QJsonValue::Null));
        done();
    });
    return s.run();
}

int cmdContainers(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")},
                      QStringLiteral("Include stopped containers.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    parser.addOption({QStringLiteral("filter"), QStringLiteral("Filter K=V (repeatable)."),
                      QStringLiteral("K=V")});
    if (!parser.parse(args)) {
        return usageError(parser.errorText());
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(QStringLiteral("containers takes no arguments"));
    }
    ContainerListOptions options;
    options.all = parser.isSet(QStringLiteral("all"));
    QString bad;
    if (!parseFilters(parser.values(QStringLiteral("filter")), options.filters, bad)) {
        return usageError(
            QStringLiteral("bad filter \"%1\": expected K=V, e.g. label=app=web").arg(bad));
    }
    Session s;
    if (auto r = s.connect(); !r) {
        return engineError(r.error());
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    s.client->listContainers(options, nullptr, [&s, json](Result<QList<ContainerSummary>> list) {
        if (!list) {
            s.fail(list.error());
            return;
        }
        if (json) {
            QJsonArray array;
            for (const ContainerSummary &c : *list) {
                array.append(c.toJson());
            }
            Output::out(QJsonDocument(array).toJson(QJsonDocument::Indented));
        } else {
            Output::outLine(QStringLiteral("%1  %2  %3  %4")
                                .arg(QStringLiteral("CONTAINER ID"), -12)
                                .arg(QStringLiteral("NAME"), -30)
                                .arg(QStringLiteral("STATE"), -10)
                                .arg(QStringLiteral("IMAGE")));
            for (const ContainerSummary &c : *list) {
                Output::outLine(QStringLiteral("%1  %2  %3  %4")
                                    .arg(c.id.left(12), -12)
                                    .arg(c.name, -30)
                                    .arg(c.state, -10)
                                    .arg(c.image));
            }
        }
        s.finish(Success);
    });
    return s.run();
}

int cmdLogs(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(
        {{QStringLiteral("f"), QStringLiteral("follow")}, QStringLiteral("Follow log output.")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("tail")},
                      QStringLiteral("Lines from the end (or \"all\")."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("since"), QStringLiteral("Logs since a time or duration."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("until"), QStringLiteral("Logs until a time or duration."),
                      QStringLiteral("T")});
    parser.addOption(
        {{QStringLiteral("t"), QStringLiteral("timestamps")}, QStringLiteral("Show timestamps.")});
    if (!parser.parse(args)) {
        return usageError(parser.errorText());
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(QStringLiteral("logs takes exactly one CONTAINER"));
    }
    LogOptions options;
    options.follow = parser.isSet(QStringLiteral("follow"));
    options.timestamps = parser.isSet(QStringLiteral("timestamps"));
    options.tail = parser.value(QStringLiteral("tail"));
    options.since = parser.value(QStringLiteral("since"));
    options.until = parser.value(QStringLiteral("until"));
    if (!options.tail.isEmpty() && options.tail != QStringLiteral("all")) {
        bool ok = false;
        options.tail.toInt(&ok);
        if (!ok) {
            return usageError(QStringLiteral("--tail takes a number or \"all\""));
        }
    }
    Session s;
    if (auto r = s.connect(); !r) {
        return engineError(r.error());
    }
    LogStream stream(s.client.get(), parser.positionalArguments().first(), options);
    stream.setSink([](FrameDemuxer::Stream which, QByteArrayView bytes) {
        if (which == FrameDemuxer::Stream::Stderr) {
            Output::err(bytes);
        } else {
            Output::out(bytes);
        }
    });
    return runStream(s, stream);
}

int cmdEvents(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per line.")});
    parser.addOption({QStringLiteral("filter"), QStringLiteral("Filter K=V (repeatable)."),
                      QStringLiteral("K=V")});
    parser.addOption(
        {QStringLiteral("since"), QStringLiteral("Events since a time."), QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("until"), QStringLiteral("Events until a time."), QStringLiteral("T")});
    if (!parser.parse(args)) {
        return usageError(parser.errorText());
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(QStringLiteral("events takes no arguments"));
    }
    QMap<QString, QStringList> filters;
    QString bad;
    if (!parseFilters(parser.values(QStringLiteral("filter")), filters, bad)) {
        return usageError(
            QStringLiteral("bad filter \"%1\": expected K=V, e.g. type=container").arg(bad));
    }
    Session s;
    if (auto r = s.connect(); !r) {
        return engineError(r.error());
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    EventStream stream(s.client.get(), filters);
    stream.setSince(parser.value(QStringLiteral("since")));
    stream.setUntil(parser.value(QStringLiteral("until")));
    // A CLI user sees a lost engine at once; the GUI reconnects instead.
    stream.setReconnect(false);
    QObject::connect(&stream, &EventStream::eventReceived, s.app, [json](const EngineEvent &e) {
        if (json) {
            Output::out(QByteArray(QJsonDocument(e.raw).toJson(QJsonDocument::Compact) + '\n'));
        } else {
            QStringList attributes;
            for (auto it = e.attributes.begin(); it != e.attributes.end(); ++it) {
                attributes << it.key() + QLatin1Char('=') + it.value();
            }
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(e.timeNano / 1000000, Qt::UTC);
            Output::outLine(QStringLiteral("%1 %2 %3 %4 (%5)")
                                .arg(when.toString(Qt::ISODateWithMs), e.type, e.action, e.actorId,
                                     attributes.join(QStringLiteral(", "))));
        }
        Output::flush(); // one event, one flushed line: scripts read them as they come
    });
    return runStream(s, stream);
}

int cmdStats(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("no-stream"), QStringLiteral("Print one sample and exit.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per sample.")});
    if (!parser.parse(args)) {
        return usageError(parser.errorText());
    }
    if (parser.positionalArguments().size() != 1) {
        return usageError(QStringLiteral("stats takes exactly one CONTAINER"));
    }
    Session s;
    if (auto r = s.connect(); !r) {
        return engineError(r.error());
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    StatsStream stream(s.client.get(), parser.positionalArguments().first(),
                       !parser.isSet(QStringLiteral("no-stream")));
    if (!json) {
        Output::outLine(
            QStringLiteral("NAME                 CPU %     MEM USAGE / LIMIT        MEM %"
                           "     NET I/O              BLOCK I/O            PIDS"));
    }
    QObject::connect(
        &stream, &StatsStream::sampleReceived, s.app, [json](const ContainerStats &st) {
            if (json) {
                Output::out(
                    QByteArray(QJsonDocument(st.toJson()).toJson(QJsonDocument::Compact) + '\n'));
            } else {
                Output::outLine(
                    QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                        .arg(st.name.left(20), -20)
                        .arg(QString::number(st.cpuPercent, 'f', 2) + QLatin1Char('%'), -9)
                        .arg(humanBytes(st.memoryUsage) + QStringLiteral(" / ")
                                 + humanBytes(st.memoryLimit),
                             -24)
                        .arg(QString::number(st.memoryPercent, 'f', 2) + QLatin1Char('%'), -9)
                        .arg(humanBytes(st.networkRx) + QStringLiteral(" / ")
                                 + humanBytes(st.networkTx),
                             -20)
                        .arg(humanBytes(st.blockRead) + QStringLiteral(" / ")
                                 + humanBytes(st.blockWrite),
                             -20)
                        .arg(st.pids));
            }
            Output::flush();
        });
    return runStream(s, stream);
}

} // namespace

namespace {
int g_signalPipe[2] = {-1, -1}; // NOLINT: the signal handler needs a global

// What a signal calls now: the newest installer's, while its context lives.
struct SignalTarget
{
    QPointer<QObject> context;
    bool hadContext = false;
    std::function<void()> onSignal;
};
SignalTarget g_signalTarget; // NOLINT

void ensureSignalPipe()
{
    if (g_signalPipe[0] >= 0) {
        return; // once per process
    }
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        return;
    }
    auto handler = [](int) {
        const char c = 1;
        [[maybe_unused]] auto n = ::write(g_signalPipe[1], &c, 1);
    };
    std::signal(SIGINT, handler);
    std::signal(SIGTERM, handler);
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [] {
        // Drained: one signal, one call (an unread byte would fire again on every loop pass).
        char buffer[64];
        while (::read(g_signalPipe[0], buffer, sizeof buffer) > 0) {
        }
        const SignalTarget target = g_signalTarget;
        if (target.onSignal && (!target.hadContext || target.context)) {
            target.onSignal();
        } else {
            ::_exit(130); // nothing under way that could end more cleanly
        }
    });
}

} // namespace

void installSignalHandlers(QObject *context, std::function<void()> onSignal)
{
    ensureSignalPipe();
    g_signalTarget = {context, context != nullptr, std::move(onSignal)};
}

std::function<void()> scopedSignalHandler(QObject *context, std::function<void()> onSignal)
{
    ensureSignalPipe();
    const SignalTarget previous = g_signalTarget;
    g_signalTarget = {context, context != nullptr, std::move(onSignal)};
    return [previous] { g_signalTarget = previous; };
}

Result<Endpoint> systemEndpoint()
{
    QStringList warnings;
    auto endpoint = EngineClient::systemEndpoint(&warnings);
    for (const QString &warning : std::as_const(warnings)) {
        Output::errLine(QStringLiteral("devdockctl: warning: ") + warning);
    }
    Output::flush();
    return endpoint;
}

int runEngineCommand(const QStringList &arguments)
{
    // arguments: {"engine", SUBCOMMAND, ...}
    if (arguments.size() < 2) {
        return usageError(QStringLiteral("missing engine command"));
    }
    const QString sub = arguments.at(1);
    // QCommandLineParser expects the program name first.
    const QStringList rest =
        QStringList{QStringLiteral("devdockctl engine ") + sub} + arguments.mid(2);
    if (sub == QStringLiteral("info")) {
        return cmdInfo(rest);
    }
    if (sub == QStringLiteral("containers") || sub == QStringLiteral("ps")) {
        return cmdContainers(rest);
    }
    if (sub == QStringLiteral("logs")) {
        return cmdLogs(rest);
    }
    if (sub == QStringLiteral("events")) {
        return cmdEvents(rest);
    }
    if (sub == QStringLiteral("stats")) {
        return cmdStats(rest);
    }
    if (sub == QStringLiteral("--help") || sub == QStringLiteral("help")) {
        Output::out(usageText().toUtf8());
        Output::flush();
        return Success;
    }
    return usageError(QStringLiteral("unknown engine command \"%1\"").arg(sub));
}

} // namespace DevDock::Ctl
