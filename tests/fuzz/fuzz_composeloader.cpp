// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: no compose file may crash the loader (or hang it); every input ends in a project
// or an Error. Built two ways: as a libFuzzer target where the compiler has libFuzzer and
// std::expected, and with the standalone mutation driver (standalonefuzzmain.cpp) in the normal
// build, which the test command runs for a bounded time.
#include "compose/composeloader.h"
#include "compose/yamltree.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

// Where the fast YAML scanner reads an input at all, it must read it as libyaml does.
void checkScannersAgree(std::string_view text)
{
    using DevDock::Core::YamlTree;
    const auto fast = YamlTree::parse(text, nullptr, YamlTree::Scanner::Fast);
    if (!fast) {
        return;
    }
    const auto lib = YamlTree::parse(text, nullptr, YamlTree::Scanner::Libyaml);
    if (!lib || lib->dump() != fast->dump()) {
        std::fprintf(stderr, "fast YAML scanner and libyaml differ on this input:\n%.*s\n",
                     static_cast<int>(text.size()), text.data());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    checkScannersAgree(std::string_view(reinterpret_cast<const char *>(data), size));
    static QTemporaryDir dir;
    static const QString path = dir.filePath(QStringLiteral("compose.yaml"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return 0;
        }
        f.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
    }
    DevDock::Core::ComposeLoadOptions options;
    options.workingDirectory = dir.path();
    options.environment.insert(QStringLiteral("HOME"), dir.path());
    const auto project = DevDock::Core::loadComposeProject(options);
    if (project) {
        // Exercise what the UI will call on any loaded project.
        (void)project->startOrder();
        (void)project->roots();
        (void)project->toJson();
    }
    return 0;
}
