// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

#include "redaction.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
    // The one place every message passes: console and file see the same redacted text.
    const QByteArray text = redactSecrets(message).toUtf8();
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

constexpr QFile::Permissions OwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;

// The log may quote paths, commands and output that are nobody else's business: the folder is
// 0700 and every log file 0600, including those written by older versions and rotated ones.
bool preparePrivateDirectory(const QString &directory, const QString &appName)
{
    if (!QDir().mkpath(directory)
        || !QFile::setPermissions(directory, OwnerOnlyFile | QFile::ExeOwner)) {
        return false;
    }
    const QStringList logs =
        QDir(directory).entryList({appName + QStringLiteral("*.log")}, QDir::Files | QDir::Hidden);
    for (const QString &name : logs) {
        QFile::setPermissions(directory + QLatin1Char('/') + name, OwnerOnlyFile);
    }
    return true;
}

// spdlog opens its files with fopen (mode 0666 & ~umask); a new file is created 0600 first, and
// an existing one is narrowed to 0600 when it is opened (after each rotation, too).
spdlog::file_event_handlers privateFileHandlers()
{
    spdlog::file_event_handlers handlers;
    handlers.before_open = [](const spdlog::filename_t &name) {
        const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::close(fd);
        }
    };
    handlers.after_open = [](const spdlog::filename_t &, std::FILE *file) {
        ::fchmod(::fileno(file), 0600);
    };
    return handlers;
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
    if (!options.directory.isEmpty()
        && preparePrivateDirectory(options.directory, options.appName)) {
        const QString file =
            options.directory + QLatin1Char('/') + options.appName + QStringLiteral(".log");
        try {
            auto rotating = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                file.toStdString(), 5 * 1024 * 1024, 3, false, privateFileHandlers());
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
