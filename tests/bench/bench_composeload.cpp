// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The load the window and `devdockctl config` do (ComposeLoader's loadComposeProject on the
// compose files of a folder), timed on its own: wall and CPU milliseconds per run, then the
// same for writing the project as `config --json` does; then, on a line of its own, the YAML
// tree of DIR/compose.yaml alone as the loader builds it (the fast scanner where the file is in
// its subset) and as libyaml's event parser builds it. tests/bench/bench_compose_config.sh runs
// it beside `docker compose config` and a raw read of the same file.
//   bench_composeload DIR [RUNS]
#include "compose/composeloader.h"
#include "compose/yamltree.h"
#include "benchutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <sys/resource.h>

#include <cstdio>
#include <ctime>

using namespace DevDock::Core;

namespace {

double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

// User and system CPU of the process so far, ms (the machine is shared: wall time alone says
// little).
std::pair<double, double> userSysMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1e3; };
    return {ms(u.ru_utime), ms(u.ru_stime)};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_composeload DIR [RUNS]\n");
        return 2;
    }
    const int runs = args.value(2, QStringLiteral("1")).toInt();
    ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
    options.workingDirectory = args.at(1);
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer wall;
        wall.start();
        const double cpu0 = cpuMs();
        const auto [user0, sys0] = userSysMs();
        auto project = loadComposeProject(options);
        const double loadWall = double(wall.nsecsElapsed()) / 1e6;
        const double loadCpu = cpuMs() - cpu0;
        const auto [user1, sys1] = userSysMs();
        const double peakMiB = DevDock::Bench::peakRssMiB();
        if (!project) {
            std::fprintf(stderr, "bench_composeload: %s\n", qPrintable(project.error().message));
            return 1;
        }
        wall.restart();
        const double cpu1 = cpuMs();
        const QByteArray json = project->toJsonText();
        const double jsonWall = double(wall.nsecsElapsed()) / 1e6;
        const double jsonCpu = cpuMs() - cpu1;
        std::printf("load %lld services: %.0f ms wall, %.0f ms cpu (%.0f user + %.0f sys), peak rss %.0f MiB | json "
                    "%lld bytes: %.0f ms wall, %.0f ms cpu\n",
                    static_cast<long long>(project->services.size()), loadWall, loadCpu,
                    user1 - user0, sys1 - sys0, peakMiB,
                    static_cast<long long>(json.size()), jsonWall, jsonCpu);
        QFile file(QDir(args.at(1)).filePath(QStringLiteral("compose.yaml")));
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray text = file.readAll();
        const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
        double cpu[2] = {};
        const YamlTree::Scanner scanners[2] = {YamlTree::Scanner::Auto, YamlTree::Scanner::Libyaml};
        for (int k = 0; k < 2; ++k) {
            const double from = cpuMs();
            const bool ok = YamlTree::parse(view, nullptr, scanners[k]) != nullptr;
            cpu[k] = cpuMs() - from;
            if (!ok) {
                cpu[k] = -1;
            }
        }
        const bool fast = YamlTree::parse(view, nullptr, YamlTree::Scanner::Fast) != nullptr;
        std::printf("yaml tree of compose.yaml: %.0f ms cpu (%s) | libyaml: %.0f ms cpu\n", cpu[0],
                    fast ? "fast scanner" : "libyaml, outside the fast subset", cpu[1]);
    }
    return 0;
}
