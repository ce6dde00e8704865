// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace DevDock::Core {

// A position in a YAML text, 0-based (line -1: no position).
struct YamlMark
{
    int line = -1;
    int column = -1;
    qint64 pos = -1;
};

// Why a text is not a YAML document the loader accepts: a syntax error, an undefined alias, an
// alias to the node that contains it, too deep a nesting or aliases expanding to too much.
struct YamlError
{
    enum class Kind { Syntax, DuplicateKey, Aliases, Unsupported };
    Kind kind = Kind::Syntax;
    YamlMark mark;
    QString message;
    YamlMark first; // DuplicateKey: where the key was first defined
};

class YamlTree;
class YamlIterator;

// A node tagged with one of Compose's merge tags (!reset, !override), by the keys that lead to
// it from the root (a sequence item by its index), with the position of its key or item.
struct YamlMergeTag
{
    std::vector<std::string> path;
    YamlMark mark;
    bool reset = false; // !reset (else !override)
};

// A read-only handle on one node of a YamlTree (or no node: !isDefined()). Cheap to copy; valid
// as long as its tree lives. An alias is the node its anchor names (with that node's position).
class YamlNode
{
public:
    YamlNode() = default;

    bool isDefined() const { return m_tree != nullptr; }
    explicit operator bool() const { return isDefined(); }
    bool isNull() const;
    bool isScalar() const;
    bool isSequence() const;
    bool isMap() const;

    // A scalar's text (empty for anything else), and the node's tag ("!reset", "tag:yaml.org,2002:str",
    // empty when none was written).
    std::string_view text() const;
    QString qtext() const;
    std::string_view tag() const;
    YamlMark mark() const;
    // Whether the scalar was written quoted or as a block (then it is never null, bool or number).
    bool isQuoted() const;

    // The node as YAML text in flow style ({a: 1, b: [x, "y z"]}): plain scalars stay plain
    // where that is safe, so types read back the same; tags are left out.
    QString toFlowYaml() const;

    // Items of a sequence, entries of a map.
    std::size_t size() const;
    // A map's value for `key` (undefined: no such key, or not a map).
    YamlNode operator[](std::string_view key) const;
    // A scalar read as YAML reads a boolean (true/false, yes/no, on/off in their three spellings),
    // `fallback` for anything else.
    bool asBool(bool fallback) const;

    // Iterating a sequence gives its items (the YamlItem itself), a map its entries (`first`:
    // key, `second`: value), as yaml-cpp's iterators do.
    YamlIterator begin() const;
    YamlIterator end() const;

private:
    friend class YamlTree;
    friend class YamlIterator;
    YamlNode(const YamlTree *tree, std::uint32_t index)
        : m_tree(tree), m_index(index)
    {}
    const YamlTree *m_tree = nullptr;
    std::uint32_t m_index = 0;
};

struct YamlItem : YamlNode
{
    YamlNode first;
    YamlNode second;
};

class YamlIterator
{
public:
    YamlIterator(const YamlTree *tree, const std::uint32_t *at, bool map)
        : m_tree(tree)
        , m_at(at)
        , m_map(map)
    {}
    YamlItem operator*() const;
    YamlIterator &operator++()
    {
        m_at += m_map ? 2 : 1;
        return *this;
    }
    bool operator==(const YamlIterator &o) const { return m_at == o.m_at; }

private:
    const YamlTree *m_tree;
    const std::uint32_t *m_at;
    bool m_map;
};

// One YAML document as a compact tree, built from libyaml's event parser (libyaml is the C
// original of the go-yaml parser Compose uses, and several times faster than yaml-cpp's loader
// on large files): every node has its position; map keys stay in file order; aliases share
// their anchor's node; YAML merge keys (`<<: *a`, `<<: [*a, *b]`) are resolved as Compose
// resolves them (the map's own keys win, then the sources in order). While building, duplicate
// keys are refused naming both positions, and aliases are bounded: the nodes they expand to are
// counted (an alias of a map of a million nodes counts a million), not the nodes written.
class YamlTree
{
public:
    static constexpr qint64 kMaxAliasExpansions = 1000000;
    static constexpr int kMaxDepth = 200;

    // Auto: the fast scanner where the text is in its subset, else libyaml. Libyaml and Fast
    // (nullptr and Unsupported outside the subset) are for tests that compare the two.
    enum class Scanner { Auto, Libyaml, Fast };

    // The first document of `text` (an empty text: a null root).
    static std::unique_ptr<YamlTree> parse(std::string_view text, YamlError *error,
                                           Scanner scanner = Scanner::Auto);

    // Every node from the root down, one a line, with its kind, position, expansion count, tag
    // and text: what two trees must share to be the same document (for tests).
    QString dump() const;

    YamlNode root() const;

    // Compose's merge tags where `inScope(path)` says so: each one reported, and each !reset
    // map entry or sequence item taken out of the tree (Compose drops it before the merge, so
    // its value, often a bare null, is never read as the key's value). Nothing below an
    // !override is looked at. Cheap on a file without tags.
    std::vector<YamlMergeTag>
    takeMergeTags(const std::function<bool(const std::vector<std::string> &path)> &inScope);

private:
    void takeMergeTags(std::uint32_t node, std::vector<std::string> &path,
                       const std::function<bool(const std::vector<std::string> &)> &inScope,
                       std::vector<YamlMergeTag> &out);
    friend class YamlNode;
    friend class YamlTreeBuilder;
    enum class Type : std::uint8_t { Null, Scalar, Sequence, Map };
    struct Node
    {
        Type type = Type::Null;
        bool quoted = false;
        std::uint16_t tag = 0;      // index into m_tags (0: none)
        std::uint32_t line = 0;
        std::uint32_t column = 0;
        std::uint32_t pos = 0;
        std::uint32_t offset = 0;   // scalar: into m_text; container: into m_children
        std::uint32_t length = 0;   // scalar: bytes; container: child slots (2 per map entry)
        std::uint32_t expanded = 1; // nodes once every alias inside is expanded
    };
    std::vector<Node> m_nodes;
    std::vector<std::uint32_t> m_children;
    std::string m_text;
    std::vector<std::string> m_tags{std::string()};
    std::uint32_t m_root = 0;
};

} // namespace DevDock::Core
