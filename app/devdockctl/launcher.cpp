// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// devdockctl's start. `config` (what scripts, editors and CI run most; it needs neither the
// engine nor the keychain) runs here, in a program linked to Qt Core and the compose loader
// alone. Every other command lives in devdockctl-commands.so, loaded when one is asked for: the
// network, D-Bus and keychain libraries, whose relocations are most of a Qt program's start-up,
// load only where they are needed. The module is found beside this program (the build tree) or
// in DevDock's library directory next to its bin/ (installed: /usr/lib/devdock); never through a
// search path, so no library in the current directory is ever loaded.
#include "configcommand.h"
#include "output.h"

#include <QCoreApplication>
#include <QTranslator>

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

using namespace DevDock;

namespace {

// The command after Compose's global options (as takeGlobalOptions reads them), or "" when an
// option of a command's own comes first.
std::string commandOf(int argc, char *argv[])
{
    static const char *const withValue[] = {"-f",        "--file",     "-p",
                                            "--project-name", "--project-directory",
                                            "--profile", "--env-file", "--context"};
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (a[0] != '-') {
            return a;
        }
        const char *eq = std::strchr(a, '=');
        const std::size_t nameLength = eq ? std::size_t(eq - a) : std::strlen(a);
        bool known = false;
        for (const char *option : withValue) {
            if (std::strlen(option) == nameLength && std::strncmp(a, option, nameLength) == 0) {
                known = true;
            }
        }
        if (!known) {
            return {};
        }
        if (!eq) {
            ++i; // its value
        }
    }
    return {};
}

std::string directoryOfThisProgram()
{
    char path[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) {
        return {};
    }
    std::string p(path, std::size_t(n));
    return p.substr(0, p.rfind('/'));
}

int runConfig(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTranslator plurals;
    Ctl::prepareApplication(plurals);
    Core::ComposeLoadOptions compose = Core::ComposeLoadOptions::fromProcess();
    const auto arguments = Ctl::globalArgumentsOrReport(compose);
    return arguments ? Ctl::runConfigCommand(compose, *arguments) : int(Ctl::UsageError);
}

} // namespace

int main(int argc, char *argv[])
{
    if (commandOf(argc, argv) == "config") {
        return runConfig(argc, argv);
    }
    const std::string here = directoryOfThisProgram();
    const std::string beside = here + "/devdockctl-commands.so";
    const std::string installed = here + "/../" DEVDOCKCTL_MODULE_SUBDIR "/devdockctl-commands.so";
    const std::string &module = access(beside.c_str(), R_OK) == 0 ? beside : installed;
    void *handle = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        std::fprintf(stderr,
                     "devdockctl: cannot load its commands (%s)\n"
                     "hint: reinstall DevDock; devdockctl needs %s.\n",
                     dlerror(), module.c_str());
        return Ctl::EngineFailure;
    }
    using Main = int (*)(int, char **);
    const auto run = reinterpret_cast<Main>(dlsym(handle, "devdockctl_main"));
    if (!run) {
        std::fprintf(stderr, "devdockctl: %s has no devdockctl_main (%s)\nhint: reinstall DevDock.\n",
                     module.c_str(), dlerror());
        return Ctl::EngineFailure;
    }
    return run(argc, argv);
}
