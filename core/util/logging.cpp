// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

#include <QDir>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>

namespace DevDock::Core {

Q_LOGGING_CATEGORY(lcEngine, "devdock.engine")
Q_LOGGING_CATEGORY(lcApp, "devdock.app")

namespace {

std::shared_ptr<spdlog::logger> g_logger;

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!g_logger) {
        return;
    }
    const QByteArray text = message.toUtf8();
    const char *category = context.category ? context.category : "default";
    switch (type) {
    case QtDebugMsg:
        g_logger->debug("[{}] {}", category, text.constData());
        break;
    case QtInfoMsg:
        g_logger->info("[{}] {}", category, text.constData());
        break;
    case QtWarningMsg:
        g_logger->warn("[{}] {}", category, text.constData());
        break;
    case QtCriticalMsg:
        g_logger->error("[{}] {}", category, text.constData());
        break;
    case QtFatalMsg:
        g_logger->critical("[{}] {}", category, text.constData());
        g_logger->flush();
        break;
    }
}

} // namespace

QString defaultLogDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
           + QStringLiteral("/devdock/logs");
}

void installLogging(const LoggingOptions &options)
{
    std::vector<spdlog::sink_ptr> sinks;
    if (options.console) {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_level(options.verbose ? spdlog::level::debug : spdlog::level::warn);
        sinks.push_back(console);
    }
    if (!options.directory.isEmpty() && QDir().mkpath(options.directory)) {
        const QString file =
            options.directory + QLatin1Char('/') + options.appName + QStringLiteral(".log");
        try {
            auto rotating = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                file.toStdString(), 5 * 1024 * 1024, 3);
            rotating->set_level(spdlog::level::debug);
            sinks.push_back(rotating);
        } catch (const spdlog::spdlog_ex &) {
            // An unwritable log directory must not stop the application; the console still works.
        }
    }
    g_logger =
        std::make_shared<spdlog::logger>(options.appName.toStdString(), sinks.begin(), sinks.end());
    g_logger->set_level(spdlog::level::debug);
    g_logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    g_logger->flush_on(spdlog::level::warn);
    if (!options.verbose) {
        QLoggingCategory::setFilterRules(QStringLiteral("devdock.*.debug=false"));
    }
    qInstallMessageHandler(messageHandler);
}

} // namespace DevDock::Core
