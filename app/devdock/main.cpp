// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/thememanager.h"
#include "engine/engineclient.h"
#include "mainwindow.h"
#include "onboarding/onboarding.h"
#include "onboarding/onboardingdialog.h"
#include "tray/traycontroller.h"
#include "tray/traywindowbinding.h"
#include "topology/topologylayout.h"
#include "topology/topologyview.h"

#include "workspace/projectruntime.h"
#include "workspace/workspace.h"
#include "util/logging.h"
#include "util/settingsfile.h"
#include "util/trace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTimer>
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
    // English plurals first ("1 service", "2 services"); the user's language, installed after it,
    // is asked first and answers everything it translates.
    auto *plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/devdock_en.qm"))) {
        QApplication::installTranslator(plurals);
    }
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
    Core::traceMark("main");
    QApplication app(argc, argv);
    Core::traceMark("QApplication");
    QApplication::setApplicationName(QStringLiteral("DevDock"));
    QApplication::setOrganizationName(QStringLiteral("DevDock"));
    DevDock::Core::prepareSettings();
    QApplication::setApplicationVersion(QStringLiteral(DEVDOCK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.devdock.DevDock"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/devdock.svg")));

    Core::LoggingOptions logging;
    logging.directory = Core::defaultLogDirectory();
    logging.verbose = qEnvironmentVariableIsSet("DEVDOCK_DEBUG");
    Core::installLogging(logging);
    Core::traceMark("logging");
    installTranslations(app);
    Core::traceMark("translations");

    QStringList endpointWarnings;
    auto endpoint = Core::EngineClient::systemEndpoint(&endpointWarnings);
    for (const QString &warning : std::as_const(endpointWarnings)) {
        qCWarning(Core::lcApp).noquote() << warning;
    }
    if (!endpoint) {
        // A broken DOCKER_CONTEXT must not keep the window from opening: fall back to the
        // default socket and show the problem in the window's error banner.
        qCWarning(Core::lcApp) << endpoint.error().message;
        endpoint = Core::parseDockerHost(Core::defaultDockerHost(false));
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "A desktop manager for Docker Compose projects."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption project(
        QStringLiteral("project-directory"),
        QApplication::translate("main", "Open the Compose project in DIR (default: the last one)."),
        QStringLiteral("DIR"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Load the project, wait until its live state is known and "
                                        "the graph laid out, save the window to FILE and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption timeout(
        QStringLiteral("screenshot-timeout"),
        QApplication::translate("main", "Seconds to wait for --screenshot (default 60)."),
        QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption view(
        QStringLiteral("screenshot-view"),
        QApplication::translate("main", "With --screenshot: the view to show first (topology, "
                                        "services, ports, containers, logs, environment), or "
                                        "onboarding to save the onboarding dialog with its plan."),
        QStringLiteral("VIEW"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QApplication::translate("main", "Use the theme T (system, light, dark) this time, without "
                                        "changing the one chosen in View > Theme."),
        QStringLiteral("T"));
    const QCommandLineOption size(
        QStringLiteral("window-size"),
        QApplication::translate("main", "Open the window at WIDTHxHEIGHT pixels (e.g. 1366x768)."),
        QStringLiteral("WxH"));
    parser.addOptions({project, screenshot, timeout, view, theme, size});
    // `devdock DIR`, as a file manager or the .desktop file's %f passes a folder.
    parser.addPositionalArgument(
        QStringLiteral("DIR"),
        QApplication::translate("main", "The Compose project to open (as --project-directory)."),
        QStringLiteral("[DIR]"));
    parser.process(app);

    // Before any window exists, so that the first paint is in the right colours.
    Ui::ThemeManager themes;
    if (parser.isSet(theme)) {
        const QString name = parser.value(theme);
        themes.setTheme(name == u"dark"    ? Ui::ThemeManager::Theme::Dark
                        : name == u"light" ? Ui::ThemeManager::Theme::Light
                                           : Ui::ThemeManager::Theme::System,
                        false);
    } else {
        themes.restore();
    }

    Core::traceMark("theme");
    // Graphviz's plugins and fonts load on the layout thread while the window is built.
    Ui::warmUpLayout();
    Core::EngineClient client(*endpoint);
    // Every project the user has, and every stack on the engine; the window shows one of them.
    Core::Workspace workspace(&client);
    QString path = parser.value(project);
    if (path.isEmpty() && !parser.positionalArguments().isEmpty()) {
        path = parser.positionalArguments().constFirst();
    }
    if (path.isEmpty()) {
        path = QSettings().value(QStringLiteral("lastProject")).toString();
        if (!path.isEmpty() && !QFileInfo::exists(path)) {
            path.clear(); // moved or deleted since: start empty
        }
    }
    if (!path.isEmpty()) {
        workspace.open(path); // its load runs while the window is built (the window takes it)
    }
    Core::traceMark("workspace");
    Ui::MainWindow window(&workspace);
    Core::traceMark("window built");
    Ui::TrayController tray;
    Ui::TrayWindowBinding trayBinding(&window, &tray);
    Core::traceMark("tray");
    if (auto *viewMenu = window.findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        viewMenu->addSeparator();
        viewMenu->addMenu(themes.createMenu(viewMenu));
    } else {
        window.menuBar()->addMenu(themes.createMenu(&window));
    }
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2 && wh.at(0).toInt() > 0 && wh.at(1).toInt() > 0) {
            window.resize(wh.at(0).toInt(), wh.at(1).toInt());
        } else {
            std::fprintf(stderr, "devdock: --window-size wants WIDTHxHEIGHT, e.g. 1366x768\n");
            return 2;
        }
    }
    // A project that never ran here offers its onboarding (not while taking screenshots).
    window.setOnboardingOnFirstRun(!parser.isSet(screenshot));
    Core::ProjectRuntime *opening = path.isEmpty() ? nullptr : window.openProject(path);
    Core::traceMark("project opening");
    window.show();
    Core::traceMark("window shown");
    if (Core::traceEnabled()) {
        QObject::connect(&window, &Ui::MainWindow::projectLoaded, &window,
                         [] { Core::traceMark("project loaded"); });
        QObject::connect(window.topologyView(), &Ui::TopologyView::layoutFinished, &window,
                         [] { Core::traceMark("graph laid out"); });
        QObject::connect(&window, &Ui::MainWindow::settled, &window,
                         [] { Core::traceMark("settled"); });
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const QString viewName = parser.value(view);
        auto save = [&window, file, viewName] {
            if (viewName == QLatin1String("onboarding")) {
                Ui::OnboardingDialog *dialog = window.showOnboarding();
                if (dialog == nullptr) {
                    std::fputs("devdock: no project for the onboarding screenshot\n", stderr);
                    QApplication::exit(1);
                    return;
                }
                dialog->setOpenBrowser(false);
                auto *onboarding = dialog->findChild<Core::Onboarding *>();
                auto grab = [dialog, file] {
                    QTimer::singleShot(300, dialog, [dialog, file] {
                        const bool ok = dialog->grab().save(file);
                        QApplication::exit(ok ? 0 : 1);
                    });
                };
                // The plan the dialog opens on (the onboarding itself runs on Start).
                QObject::connect(onboarding, &Core::Onboarding::previewFinished, dialog, grab);
                return;
            }
            if (!viewName.isEmpty() && !window.showView(viewName)) {
                std::fprintf(stderr, "devdock: no view called %s\n", qPrintable(viewName));
                QApplication::exit(2);
                return;
            }
            // Settled means every answer is in (graph, states, the status bar's engine line and
            // container count); one more turn of the event loop lets a just-shown view lay out.
            // The environment view reads its files on its own, after the project.
            QTimer::singleShot(
                viewName == QLatin1String("environment") ? 800 : 0, &window, [&window, file] {
                    Core::traceMark("grab");
                    const bool ok = window.grab().save(file);
                    Core::traceMark("saved");
                    if (!ok) {
                        std::fprintf(stderr, "devdock: could not write %s\n", qPrintable(file));
                    }
                    QApplication::exit(ok ? 0 : 1);
                });
        };
        if (path.isEmpty()) {
            save();
        } else {
            QObject::connect(&window, &Ui::MainWindow::settled, &window, save);
            QObject::connect(opening, &Core::ProjectRuntime::loadFailed, &window, save);
        }
        QTimer::singleShot(parser.value(timeout).toInt() * 1000, &app, [] {
            std::fputs("devdock: the project did not settle in time for --screenshot\n", stderr);
            QApplication::exit(1);
        });
    }
    return app.exec();
}
