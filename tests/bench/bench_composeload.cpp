// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The load the window and `devdockctl config` do (ComposeLoader's loadComposeProject on the
// compose files of a folder), timed on its own: wall and CPU milliseconds per run, then the
// same for writing the project as `config --json` does. tests/bench/bench_compose_config.sh runs
// it beside `docker compose config` and a raw read of the same file.
//   bench_composeload DIR [RUNS]
#include "compose/composeloader.h"

#include <QCoreApplication>
#include <QElapsedTimer>

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
        auto project = loadComposeProject(options);
        const double loadWall = double(wall.nsecsElapsed()) / 1e6;
        const double loadCpu = cpuMs() - cpu0;
        if (!project) {
            std::fprintf(stderr, "bench_composeload: %s\n", qPrintable(project.error().message));
            return 1;
        }
        wall.restart();
        const double cpu1 = cpuMs();
        const QByteArray json = project->toJsonText();
        const double jsonWall = double(wall.nsecsElapsed()) / 1e6;
        const double jsonCpu = cpuMs() - cpu1;
        std::printf("load %lld services: %.0f ms wall, %.0f ms cpu | json %lld bytes: %.0f ms "
                    "wall, %.0f ms cpu\n",
                    static_cast<long long>(project->services.size()), loadWall, loadCpu,
                    static_cast<long long>(json.size()), jsonWall, jsonCpu);
    }
    return 0;
}
