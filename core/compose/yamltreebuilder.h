// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "yamltree.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace DevDock::Core {

// Builds a YamlTree from parser events (scalar, container start/end, alias), whoever produces
// them: libyaml's event parser or YamlFastScanner. Containers are open on a stack while their
// children arrive, then their child slots move into the tree's one children array. Here, and
// only here, duplicate keys are refused, merge keys resolved, nesting and alias expansion bounded,
// so both parsers give the same tree and the same errors. Every event returns false with
// `error` set when the document is refused.
class YamlTreeBuilder
{
public:
    YamlTreeBuilder(YamlTree &tree, std::size_t textSize, YamlError *error);

    // tag: empty when none was written; anchor: nullptr when none.
    bool scalar(std::string_view value, const YamlMark &at, std::string_view tag, bool quoted,
                const char *anchor);
    bool start(bool map, const YamlMark &at, std::string_view tag, const char *anchor);
    bool end();
    bool alias(const char *anchor, const YamlMark &at);
    // The end of the first document (a document without a node: a null root at `at`).
    void finish(const YamlMark &at);

private:
    struct Open
    {
        std::uint32_t index;
        std::size_t firstSlot;
    };

    static YamlMark markOf(const YamlTree::Node &n);
    std::uint32_t addNode(YamlTree::Type type, const YamlMark &at, std::string_view tag,
                          bool quoted);
    std::uint16_t tagIndex(std::string_view tag);
    void remember(const char *anchor, std::uint32_t index);
    bool countExpansion(std::uint64_t size, const YamlMark &at);
    void child(std::uint32_t index);
    std::string_view keyText(std::uint32_t index) const;
    bool isMergeKey(std::uint32_t index) const;
    bool finishMap(const Open &open);
    bool duplicate(std::uint32_t first, std::uint32_t second) const;
    bool resolveMerge(const Open &open);

    YamlTree &m_tree;
    YamlError *m_error;
    std::vector<Open> m_open;
    std::vector<std::uint32_t> m_slots; // children of the open containers, innermost last
    std::unordered_map<std::string, std::uint32_t> m_anchors;
    std::uint64_t m_expansions = 0;
    bool m_haveRoot = false;
};

} // namespace DevDock::Core
