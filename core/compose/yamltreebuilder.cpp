// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamltreebuilder.h"


#include <algorithm>

namespace DevDock::Core {

namespace {

constexpr std::string_view kNullTag = "tag:yaml.org,2002:null";
constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";

} // namespace

YamlMark YamlTreeBuilder::markOf(const YamlTree::Node &n)
{
    return YamlMark{static_cast<int>(n.line), static_cast<int>(n.column), n.pos};
}

YamlTreeBuilder::YamlTreeBuilder(YamlTree &tree, std::size_t textSize, YamlError *error)
    : m_tree(tree)
    , m_error(error)
{
    // A node every 9 bytes or so in a compose file: reserve to avoid regrowth copies.
    m_tree.m_nodes.reserve(textSize / 8 + 16);
    m_tree.m_children.reserve(textSize / 8 + 16);
    m_tree.m_text.reserve(textSize / 2 + 16);
}

bool YamlTreeBuilder::scalar(std::string_view value, const YamlMark &at, std::string_view tag,
                             bool quoted, const char *anchor)
{
    const bool null = tag == kNullTag
                      || (!quoted && tag != kStrTag
                          && (value.empty() || value == "~" || value == "null" || value == "Null"
                              || value == "NULL"));
    const std::uint32_t index =
        addNode(null ? YamlTree::Type::Null : YamlTree::Type::Scalar, at, tag, quoted);
    YamlTree::Node &n = m_tree.m_nodes[index];
    n.offset = static_cast<std::uint32_t>(m_tree.m_text.size());
    n.length = static_cast<std::uint32_t>(value.size());
    m_tree.m_text.append(value);
    remember(anchor, index);
    child(index);
    return true;
}

bool YamlTreeBuilder::start(bool map, const YamlMark &at, std::string_view tag, const char *anchor)
{
    if (m_open.size() >= static_cast<std::size_t>(YamlTree::kMaxDepth)) {
        m_error->kind = YamlError::Kind::Aliases;
        m_error->mark = at;
        m_error->message = QStringLiteral("the document is nested too deeply");
        return false;
    }
    const std::uint32_t index =
        addNode(map ? YamlTree::Type::Map : YamlTree::Type::Sequence, at, tag, false);
    remember(anchor, index);
    m_open.push_back(Open{index, m_slots.size()});
    return true;
}

bool YamlTreeBuilder::end()
{
    const Open open = m_open.back();
    if (m_tree.m_nodes[open.index].type == YamlTree::Type::Map && !finishMap(open)) {
        return false;
    }
    YamlTree::Node &n = m_tree.m_nodes[open.index];
    n.offset = static_cast<std::uint32_t>(m_tree.m_children.size());
    n.length = static_cast<std::uint32_t>(m_slots.size() - open.firstSlot);
    std::uint64_t size = 1;
    for (std::size_t i = open.firstSlot; i < m_slots.size(); ++i) {
        // A map's keys are not counted, its values are (as the walk always did).
        if (n.type == YamlTree::Type::Sequence || (i - open.firstSlot) % 2 == 1) {
            size += m_tree.m_nodes[m_slots[i]].expanded;
        }
    }
    n.expanded = static_cast<std::uint32_t>(std::min<std::uint64_t>(size, UINT32_MAX));
    m_tree.m_children.insert(m_tree.m_children.end(), m_slots.begin() + open.firstSlot,
                             m_slots.end());
    m_slots.resize(open.firstSlot);
    m_open.pop_back();
    child(open.index);
    return true;
}

void YamlTreeBuilder::finish(const YamlMark &at)
{
    // Only the first document counts (as for Compose's loader of one file).
    if (!m_haveRoot) {
        m_tree.m_root = addNode(YamlTree::Type::Null, at, {}, false);
    }
}

std::uint32_t YamlTreeBuilder::addNode(YamlTree::Type type, const YamlMark &at,
                                       std::string_view tag, bool quoted)
{
    YamlTree::Node n;
    n.type = type;
    n.quoted = quoted;
    n.line = static_cast<std::uint32_t>(at.line);
    n.column = static_cast<std::uint32_t>(at.column);
    n.pos = static_cast<std::uint32_t>(at.pos);
    if (!tag.empty()) {
        n.tag = tagIndex(tag);
    }
    m_tree.m_nodes.push_back(n);
    return static_cast<std::uint32_t>(m_tree.m_nodes.size() - 1);
}

std::uint16_t YamlTreeBuilder::tagIndex(std::string_view tag)
{
    auto &tags = m_tree.m_tags;
    for (std::size_t i = 1; i < tags.size(); ++i) {
        if (tags[i] == tag) {
            return static_cast<std::uint16_t>(i);
        }
    }
    if (tags.size() >= UINT16_MAX) {
        return 0; // a document with 65 535 distinct tags: the rest read as untagged
    }
    tags.emplace_back(tag);
    return static_cast<std::uint16_t>(tags.size() - 1);
}

void YamlTreeBuilder::remember(const char *anchor, std::uint32_t index)
{
    if (anchor) {
        // A later anchor of the same name replaces the earlier one, as in YAML.
        m_anchors[std::string(anchor)] = index;
    }
}

bool YamlTreeBuilder::alias(const char *anchor, const YamlMark &at)
{
    const auto it = m_anchors.find(anchor);
    if (it == m_anchors.end()) {
        m_error->kind = YamlError::Kind::Syntax;
        m_error->mark = at;
        m_error->message =
            QStringLiteral("unknown anchor \"%1\" referenced").arg(QString::fromUtf8(anchor));
        return false;
    }
    const std::uint32_t index = it->second;
    const YamlTree::Node &n = m_tree.m_nodes[index];
    if (n.type == YamlTree::Type::Map || n.type == YamlTree::Type::Sequence) {
        for (const Open &open : m_open) {
            if (open.index == index) {
                m_error->kind = YamlError::Kind::Aliases;
                m_error->mark = at;
                m_error->message = QStringLiteral("a YAML alias refers to a node that contains it");
                return false;
            }
        }
        if (!countExpansion(n.expanded, at)) {
            return false;
        }
    }
    child(index);
    return true;
}

bool YamlTreeBuilder::countExpansion(std::uint64_t size, const YamlMark &at)
{
    m_expansions += size;
    if (m_expansions > static_cast<std::uint64_t>(YamlTree::kMaxAliasExpansions)) {
        m_error->kind = YamlError::Kind::Aliases;
        m_error->mark = at;
        m_error->message = QStringLiteral("YAML aliases expand to more than %1 nodes (an alias bomb?)")
                               .arg(YamlTree::kMaxAliasExpansions);
        return false;
    }
    return true;
}

// A finished node goes into its parent's slots (or becomes the root).
void YamlTreeBuilder::child(std::uint32_t index)
{
    if (m_open.empty()) {
        m_tree.m_root = index;
        m_haveRoot = true;
    } else {
        m_slots.push_back(index);
    }
}

std::string_view YamlTreeBuilder::keyText(std::uint32_t index) const
{
    const YamlTree::Node &n = m_tree.m_nodes[index];
    if (n.type != YamlTree::Type::Scalar && n.type != YamlTree::Type::Null) {
        return {};
    }
    return std::string_view(m_tree.m_text).substr(n.offset, n.length);
}

bool YamlTreeBuilder::isMergeKey(std::uint32_t index) const
{
    const YamlTree::Node &n = m_tree.m_nodes[index];
    return n.type == YamlTree::Type::Scalar && !n.quoted && keyText(index) == "<<";
}

// The map's own keys must be unique; then `<<` entries are replaced by the keys of their
// source maps that the map does not set itself.
bool YamlTreeBuilder::finishMap(const Open &open)
{
    const std::size_t first = open.firstSlot;
    const std::size_t count = (m_slots.size() - first) / 2;
    if (count < 2) {
        if (count == 1 && isMergeKey(m_slots[first])) {
            return resolveMerge(open);
        }
        return true;
    }
    bool hasMerge = false;
    // Most maps are small: pairwise beats sorting there.
    if (count <= 8) {
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint32_t ki = m_slots[first + 2 * i];
            hasMerge = hasMerge || isMergeKey(ki);
            const YamlTree::Node &ni = m_tree.m_nodes[ki];
            if (ni.type != YamlTree::Type::Scalar && ni.type != YamlTree::Type::Null) {
                continue;
            }
            for (std::size_t j = 0; j < i; ++j) {
                const std::uint32_t kj = m_slots[first + 2 * j];
                const YamlTree::Node &nj = m_tree.m_nodes[kj];
                if ((nj.type == YamlTree::Type::Scalar || nj.type == YamlTree::Type::Null)
                    && keyText(kj) == keyText(ki)) {
                    return duplicate(kj, ki);
                }
            }
        }
    } else {
        std::vector<std::pair<std::string_view, std::uint32_t>> keys;
        keys.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint32_t k = m_slots[first + 2 * i];
            hasMerge = hasMerge || isMergeKey(k);
            const YamlTree::Node &n = m_tree.m_nodes[k];
            if (n.type == YamlTree::Type::Scalar || n.type == YamlTree::Type::Null) {
                keys.emplace_back(keyText(k), k);
            }
        }
        std::stable_sort(keys.begin(), keys.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (std::size_t i = 1; i < keys.size(); ++i) {
            if (keys[i].first == keys[i - 1].first) {
                // Node indices grow with the position in the text.
                return duplicate(std::min(keys[i - 1].second, keys[i].second),
                                 std::max(keys[i - 1].second, keys[i].second));
            }
        }
    }
    return hasMerge ? resolveMerge(open) : true;
}

bool YamlTreeBuilder::duplicate(std::uint32_t first, std::uint32_t second) const
{
    m_error->kind = YamlError::Kind::DuplicateKey;
    m_error->mark = markOf(m_tree.m_nodes[second]);
    m_error->first = markOf(m_tree.m_nodes[first]);
    const std::string_view key = keyText(second);
    m_error->message = QStringLiteral("mapping key \"%1\" is defined twice")
                           .arg(QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size())));
    return false;
}

bool YamlTreeBuilder::resolveMerge(const Open &open)
{
    std::vector<std::uint32_t> own;
    std::vector<std::uint32_t> sources;
    for (std::size_t i = open.firstSlot; i + 1 < m_slots.size(); i += 2) {
        if (isMergeKey(m_slots[i])) {
            const std::uint32_t value = m_slots[i + 1];
            const YamlTree::Node &v = m_tree.m_nodes[value];
            if (v.type == YamlTree::Type::Map) {
                sources.push_back(value);
            } else if (v.type == YamlTree::Type::Sequence) {
                for (std::uint32_t c = 0; c < v.length; ++c) {
                    const std::uint32_t item = m_tree.m_children[v.offset + c];
                    if (m_tree.m_nodes[item].type == YamlTree::Type::Map) {
                        sources.push_back(item);
                    }
                }
            }
        } else {
            own.push_back(m_slots[i]);
            own.push_back(m_slots[i + 1]);
        }
    }
    const auto has = [&](std::string_view key) {
        for (std::size_t i = 0; i < own.size(); i += 2) {
            if (keyText(own[i]) == key) {
                return true;
            }
        }
        return false;
    };
    for (const std::uint32_t source : sources) {
        const YamlTree::Node &s = m_tree.m_nodes[source];
        for (std::uint32_t c = 0; c + 1 < s.length; c += 2) {
            const std::uint32_t key = m_tree.m_children[s.offset + c];
            const std::uint32_t value = m_tree.m_children[s.offset + c + 1];
            if (has(keyText(key))) {
                continue;
            }
            if (!countExpansion(m_tree.m_nodes[value].expanded, markOf(m_tree.m_nodes[value]))) {
                return false;
            }
            own.push_back(key);
            own.push_back(value);
        }
    }
    m_slots.resize(open.firstSlot);
    m_slots.insert(m_slots.end(), own.begin(), own.end());
    return true;
}

} // namespace DevDock::Core
