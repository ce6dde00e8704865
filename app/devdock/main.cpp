// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/engineclient.h"
#include "mainwindow.h"
#include "util/logging.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

using namespace DevDock;

namespace {

// Qt aborts with a cryptic message when no display can be opened; say what to do instead.
bool haveDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

void installTranslations(QApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qtTranslator);
    }
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("devdock"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(translator);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    if (!haveDisplay()) {
        std::fputs("devdock: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                   "Start DevDock from a desktop session, or run it under xvfb-run, or set "
                   "QT_QPA_PLATFORM=offscreen.\nFor the command line, use devdockctl.\n",
                   stderr);
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("DevDock"));
    QApplication::setOrganizationName(QStringLiteral("DevDock"));
    QApplication::setApplicationVersion(QStringLiteral(DEVDOCK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.devdock.DevDock"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/devdock.svg")));

    Core::LoggingOptions logging;
    logging.directory = Core::defaultLogDirectory();
    logging.verbose = qEnvironmentVariableIsSet("DEVDOCK_DEBUG");
    Core::installLogging(logging);
    installTranslations(app);

    auto endpoint = Core::EngineClient::systemEndpoint();
    if (!endpoint) {
        // A broken DOCKER_CONTEXT must not keep the window from opening: fall back to the
        // default socket and show the problem in the window's error banner.
        qCWarning(Core::lcApp) << endpoint.error().message;
        endpoint = Core::parseDockerHost(Core::defaultDockerHost(false));
    }
    Core::EngineClient client(*endpoint);
    Ui::MainWindow window(&client);
    window.show();
    return app.exec();
}
