// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamltree.h"

#include <yaml.h>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace DevDock::Core {

namespace {

constexpr std::string_view kNullTag = "tag:yaml.org,2002:null";
constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";

YamlMark markOf(const yaml_mark_t &m)
{
    return YamlMark{static_cast<int>(m.line), static_cast<int>(m.column),
                    static_cast<qint64>(m.index)};
}

// Frees libyaml's parser and event on every way out.
struct Parser
{
    yaml_parser_t parser;
    Parser() { yaml_parser_initialize(&parser); }
    ~Parser() { yaml_parser_delete(&parser); }
    Parser(const Parser &) = delete;
    Parser &operator=(const Parser &) = delete;
};

struct Event
{
    yaml_event_t event{};
    bool live = false;
    ~Event() { reset(); }
    void reset()
    {
        if (live) {
            yaml_event_delete(&event);
            live = false;
        }
    }
};

} // namespace

// Turns libyaml's events into a YamlTree: containers are open on a stack while their children
// arrive, then their child slots move into the tree's one children array.
class YamlTreeBuilder
{
public:
    explicit YamlTreeBuilder(YamlTree &tree)
        : m_tree(tree)
    {}

    bool build(std::string_view text, YamlError *error)
    {
        Parser p;
        yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char *>(text.data()),
                                     text.size());
        // A node every 9 bytes or so in a compose file: reserve to avoid regrowth copies.
        m_tree.m_nodes.reserve(text.size() / 8 + 16);
        m_tree.m_children.reserve(text.size() / 8 + 16);
        m_tree.m_text.reserve(text.size() / 2 + 16);
        Event ev;
        while (true) {
            ev.reset();
            if (!yaml_parser_parse(&p.parser, &ev.event)) {
                error->kind = YamlError::Kind::Syntax;
                error->mark = markOf(p.parser.problem_mark);
                error->message = QString::fromUtf8(p.parser.problem ? p.parser.problem
                                                                    : "invalid YAML");
                if (p.parser.context) {
                    error->message = QString::fromUtf8(p.parser.context) + QStringLiteral(": ")
                                     + error->message;
                }
                return false;
            }
            ev.live = true;
            const yaml_event_t &e = ev.event;
            const YamlMark at = markOf(e.start_mark);
            switch (e.type) {
            case YAML_STREAM_START_EVENT:
            case YAML_NO_EVENT:
                break;
            case YAML_DOCUMENT_START_EVENT:
                break;
            case YAML_DOCUMENT_END_EVENT:
            case YAML_STREAM_END_EVENT:
                // Only the first document counts (as for Compose's loader of one file).
                if (!m_haveRoot) {
                    m_tree.m_root = addNode(YamlTree::Type::Null, at, nullptr, false);
                }
                return true;
            case YAML_ALIAS_EVENT:
                if (!alias(reinterpret_cast<const char *>(e.data.alias.anchor), at, error)) {
                    return false;
                }
                break;
            case YAML_SCALAR_EVENT: {
                const auto &s = e.data.scalar;
                const std::string_view value(reinterpret_cast<const char *>(s.value), s.length);
                const std::string_view tag =
                    s.tag ? std::string_view(reinterpret_cast<const char *>(s.tag)) : std::string_view();
                const bool quoted = s.style != YAML_PLAIN_SCALAR_STYLE;
                const bool null = tag == kNullTag
                                  || (!quoted && tag != kStrTag
                                      && (value.empty() || value == "~" || value == "null"
                                          || value == "Null" || value == "NULL"));
                const std::uint32_t index =
                    addNode(null ? YamlTree::Type::Null : YamlTree::Type::Scalar, at,
                            s.tag, quoted);
                YamlTree::Node &n = m_tree.m_nodes[index];
                n.offset = static_cast<std::uint32_t>(m_tree.m_text.size());
                n.length = static_cast<std::uint32_t>(value.size());
                m_tree.m_text.append(value);
                remember(e.data.scalar.anchor, index);
                if (!child(index, at, error)) {
                    return false;
                }
                break;
            }
            case YAML_SEQUENCE_START_EVENT:
            case YAML_MAPPING_START_EVENT: {
                const bool map = e.type == YAML_MAPPING_START_EVENT;
                if (m_open.size() >= static_cast<std::size_t>(YamlTree::kMaxDepth)) {
                    error->kind = YamlError::Kind::Aliases;
                    error->mark = at;
                    error->message = QStringLiteral("the document is nested too deeply");
                    return false;
                }
                const yaml_char_t *tag =
                    map ? e.data.mapping_start.tag : e.data.sequence_start.tag;
                const std::uint32_t index = addNode(
                    map ? YamlTree::Type::Map : YamlTree::Type::Sequence, at, tag, false);
                remember(map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor, index);
                m_open.push_back(Open{index, m_slots.size()});
                break;
            }
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT: {
                const Open open = m_open.back();
                if (m_tree.m_nodes[open.index].type == YamlTree::Type::Map
                    && !finishMap(open, error)) {
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
                if (!child(open.index, at, error)) {
                    return false;
                }
                break;
            }
            }
        }
    }

private:
    struct Open
    {
        std::uint32_t index;
        std::size_t firstSlot;
    };

    std::uint32_t addNode(YamlTree::Type type, const YamlMark &at, const yaml_char_t *tag,
                          bool quoted)
    {
        YamlTree::Node n;
        n.type = type;
        n.quoted = quoted;
        n.line = static_cast<std::uint32_t>(at.line);
        n.column = static_cast<std::uint32_t>(at.column);
        n.pos = static_cast<std::uint32_t>(at.pos);
        if (tag) {
            n.tag = tagIndex(reinterpret_cast<const char *>(tag));
        }
        m_tree.m_nodes.push_back(n);
        return static_cast<std::uint32_t>(m_tree.m_nodes.size() - 1);
    }

    std::uint16_t tagIndex(std::string_view tag)
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

    void remember(const yaml_char_t *anchor, std::uint32_t index)
    {
        if (anchor) {
            // A later anchor of the same name replaces the earlier one, as in YAML.
            m_anchors[std::string(reinterpret_cast<const char *>(anchor))] = index;
        }
    }

    bool alias(const char *anchor, const YamlMark &at, YamlError *error)
    {
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) {
            error->kind = YamlError::Kind::Syntax;
            error->mark = at;
            error->message = QStringLiteral("unknown anchor \"%1\" referenced").arg(
                QString::fromUtf8(anchor));
            return false;
        }
        const std::uint32_t index = it->second;
        const YamlTree::Node &n = m_tree.m_nodes[index];
        if (n.type == YamlTree::Type::Map || n.type == YamlTree::Type::Sequence) {
            for (const Open &open : m_open) {
                if (open.index == index) {
                    error->kind = YamlError::Kind::Aliases;
                    error->mark = at;
                    error->message =
                        QStringLiteral("a YAML alias refers to a node that contains it");
                    return false;
                }
            }
            if (!countExpansion(n.expanded, at, error)) {
                return false;
            }
        }
        return child(index, at, error);
    }

    bool countExpansion(std::uint64_t size, const YamlMark &at, YamlError *error)
    {
        m_expansions += size;
        if (m_expansions > static_cast<std::uint64_t>(YamlTree::kMaxAliasExpansions)) {
            error->kind = YamlError::Kind::Aliases;
            error->mark = at;
            error->message =
                QStringLiteral("YAML aliases expand to more than %1 nodes (an alias bomb?)")
                    .arg(YamlTree::kMaxAliasExpansions);
            return false;
        }
        return true;
    }

    // A finished node goes into its parent's slots (or becomes the root).
    bool child(std::uint32_t index, const YamlMark &, YamlError *)
    {
        if (m_open.empty()) {
            m_tree.m_root = index;
            m_haveRoot = true;
        } else {
            m_slots.push_back(index);
        }
        return true;
    }

    std::string_view keyText(std::uint32_t index) const
    {
        const YamlTree::Node &n = m_tree.m_nodes[index];
        if (n.type != YamlTree::Type::Scalar && n.type != YamlTree::Type::Null) {
            return {};
        }
        return std::string_view(m_tree.m_text).substr(n.offset, n.length);
    }

    bool isMergeKey(std::uint32_t index) const
    {
        const YamlTree::Node &n = m_tree.m_nodes[index];
        return n.type == YamlTree::Type::Scalar && !n.quoted && keyText(index) == "<<";
    }

    // The map's own keys must be unique; then `<<` entries are replaced by the keys of their
    // source maps that the map does not set itself.
    bool finishMap(const Open &open, YamlError *error)
    {
        const std::size_t first = open.firstSlot;
        const std::size_t count = (m_slots.size() - first) / 2;
        if (count < 2) {
            if (count == 1 && isMergeKey(m_slots[first])) {
                return resolveMerge(open, error);
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
                        return duplicate(kj, ki, error);
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
                                     std::max(keys[i - 1].second, keys[i].second), error);
                }
            }
        }
        return hasMerge ? resolveMerge(open, error) : true;
    }

    bool duplicate(std::uint32_t first, std::uint32_t second, YamlError *error) const
    {
        const YamlTree::Node &a = m_tree.m_nodes[first];
        const YamlTree::Node &b = m_tree.m_nodes[second];
        error->kind = YamlError::Kind::DuplicateKey;
        error->mark = YamlMark{static_cast<int>(b.line), static_cast<int>(b.column), b.pos};
        error->first = YamlMark{static_cast<int>(a.line), static_cast<int>(a.column), a.pos};
        error->message = QStringLiteral("mapping key \"%1\" is defined twice")
                             .arg(QString::fromUtf8(keyText(second).data(),
                                                    static_cast<qsizetype>(keyText(second).size())));
        return false;
    }

    bool resolveMerge(const Open &open, YamlError *error)
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
                const YamlTree::Node &v = m_tree.m_nodes[value];
                if (!countExpansion(v.expanded,
                                    YamlMark{static_cast<int>(v.line), static_cast<int>(v.column),
                                             v.pos},
                                    error)) {
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

    YamlTree &m_tree;
    std::vector<Open> m_open;
    std::vector<std::uint32_t> m_slots; // children of the open containers, innermost last
    std::unordered_map<std::string, std::uint32_t> m_anchors;
    std::uint64_t m_expansions = 0;
    bool m_haveRoot = false;
};

std::unique_ptr<YamlTree> YamlTree::parse(std::string_view text, YamlError *error)
{
    auto tree = std::make_unique<YamlTree>();
    YamlError ignored;
    if (!YamlTreeBuilder(*tree).build(text, error ? error : &ignored)) {
        return nullptr;
    }
    return tree;
}

YamlNode YamlTree::root() const
{
    return YamlNode(this, m_root);
}

bool YamlNode::isNull() const
{
    return m_tree && m_tree->m_nodes[m_index].type == YamlTree::Type::Null;
}

bool YamlNode::isScalar() const
{
    return m_tree && m_tree->m_nodes[m_index].type == YamlTree::Type::Scalar;
}

bool YamlNode::isSequence() const
{
    return m_tree && m_tree->m_nodes[m_index].type == YamlTree::Type::Sequence;
}

bool YamlNode::isMap() const
{
    return m_tree && m_tree->m_nodes[m_index].type == YamlTree::Type::Map;
}

std::string_view YamlNode::text() const
{
    if (!m_tree) {
        return {};
    }
    const YamlTree::Node &n = m_tree->m_nodes[m_index];
    if (n.type != YamlTree::Type::Scalar && n.type != YamlTree::Type::Null) {
        return {};
    }
    return std::string_view(m_tree->m_text).substr(n.offset, n.length);
}

QString YamlNode::qtext() const
{
    const std::string_view t = text();
    return QString::fromUtf8(t.data(), static_cast<qsizetype>(t.size()));
}

std::string_view YamlNode::tag() const
{
    return m_tree ? std::string_view(m_tree->m_tags[m_tree->m_nodes[m_index].tag])
                  : std::string_view();
}

YamlMark YamlNode::mark() const
{
    if (!m_tree) {
        return {};
    }
    const YamlTree::Node &n = m_tree->m_nodes[m_index];
    return YamlMark{static_cast<int>(n.line), static_cast<int>(n.column), n.pos};
}

bool YamlNode::isQuoted() const
{
    return m_tree && m_tree->m_nodes[m_index].quoted;
}

std::size_t YamlNode::size() const
{
    if (!isMap() && !isSequence()) {
        return 0;
    }
    const YamlTree::Node &n = m_tree->m_nodes[m_index];
    return n.type == YamlTree::Type::Map ? n.length / 2 : n.length;
}

YamlNode YamlNode::operator[](std::string_view key) const
{
    if (!isMap()) {
        return {};
    }
    for (const YamlItem &kv : *this) {
        if ((kv.first.isScalar() || kv.first.isNull()) && kv.first.text() == key) {
            return kv.second;
        }
    }
    return {};
}

bool YamlNode::asBool(bool fallback) const
{
    if (!isScalar()) {
        return fallback;
    }
    // yaml-cpp's reading of a boolean, which the loader has always used.
    static constexpr std::array<std::pair<std::string_view, bool>, 22> words{{
        {"true", true},   {"True", true},   {"TRUE", true},   {"false", false}, {"False", false},
        {"FALSE", false}, {"yes", true},    {"Yes", true},    {"YES", true},    {"no", false},
        {"No", false},    {"NO", false},    {"on", true},     {"On", true},     {"ON", true},
        {"off", false},   {"Off", false},   {"OFF", false},   {"y", true},      {"Y", true},
        {"n", false},     {"N", false},
    }};
    const std::string_view t = text();
    for (const auto &[word, value] : words) {
        if (t == word) {
            return value;
        }
    }
    return fallback;
}

namespace {

bool plainIsSafe(std::string_view text)
{
    if (text.empty() || text == "-" || (text.front() == '-' && text.size() > 1 && text[1] == ' ')) {
        return false;
    }
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
               || c == '_' || c == '.' || c == '/' || c == '@' || c == '+' || c == '-'
               || c == '~';
    });
}

void emitFlow(const YamlNode &node, QString &out)
{
    if (node.isMap() || node.isSequence()) {
        const bool map = node.isMap();
        out += map ? QLatin1Char('{') : QLatin1Char('[');
        bool firstItem = true;
        for (const YamlItem &item : node) {
            if (!firstItem) {
                out += QStringLiteral(", ");
            }
            firstItem = false;
            if (map) {
                emitFlow(item.first, out);
                out += QStringLiteral(": ");
                emitFlow(item.second, out);
            } else {
                emitFlow(item, out);
            }
        }
        out += map ? QLatin1Char('}') : QLatin1Char(']');
        return;
    }
    if (node.isNull()) {
        out += QStringLiteral("null");
        return;
    }
    const std::string_view text = node.text();
    if (!node.isQuoted() && plainIsSafe(text)) {
        out += node.qtext();
        return;
    }
    out += QLatin1Char('"');
    for (const QChar c : node.qtext()) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (c.unicode() < 0x20) {
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            } else {
                out += c;
            }
        }
    }
    out += QLatin1Char('"');
}

} // namespace

QString YamlNode::toFlowYaml() const
{
    QString out;
    emitFlow(*this, out);
    return out;
}

YamlItem YamlIterator::operator*() const
{
    YamlItem item;
    if (m_map) {
        item.first = YamlNode(m_tree, m_at[0]);
        item.second = YamlNode(m_tree, m_at[1]);
    } else {
        static_cast<YamlNode &>(item) = YamlNode(m_tree, m_at[0]);
    }
    return item;
}

YamlIterator YamlNode::begin() const
{
    if (!isMap() && !isSequence()) {
        return YamlIterator(nullptr, nullptr, false);
    }
    const YamlTree::Node &n = m_tree->m_nodes[m_index];
    return YamlIterator(m_tree, m_tree->m_children.data() + n.offset, n.type == YamlTree::Type::Map);
}

YamlIterator YamlNode::end() const
{
    if (!isMap() && !isSequence()) {
        return YamlIterator(nullptr, nullptr, false);
    }
    const YamlTree::Node &n = m_tree->m_nodes[m_index];
    return YamlIterator(m_tree, m_tree->m_children.data() + n.offset + n.length,
                    n.type == YamlTree::Type::Map);
}

} // namespace DevDock::Core
