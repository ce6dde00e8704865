// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamltree.h"

#include "yamlfastscanner.h"
#include "yamltreebuilder.h"

#include <yaml.h>

#include <algorithm>
#include <array>

namespace DevDock::Core {

namespace {

YamlMark markOf(const yaml_mark_t &m)
{
    return YamlMark{static_cast<int>(m.line), static_cast<int>(m.column),
                    static_cast<qint64>(m.index)};
}

std::string_view tagOf(const yaml_char_t *tag)
{
    return tag ? std::string_view(reinterpret_cast<const char *>(tag)) : std::string_view();
}

const char *anchorOf(const yaml_char_t *anchor)
{
    return reinterpret_cast<const char *>(anchor);
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

// The whole of YAML: libyaml's event parser feeding the builder.
bool buildWithLibyaml(std::string_view text, YamlTree &tree, YamlError *error)
{
    YamlTreeBuilder builder(tree, text.size(), error);
    Parser p;
    yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char *>(text.data()),
                                 text.size());
    Event ev;
    while (true) {
        ev.reset();
        if (!yaml_parser_parse(&p.parser, &ev.event)) {
            error->kind = YamlError::Kind::Syntax;
            error->mark = markOf(p.parser.problem_mark);
            error->message =
                QString::fromUtf8(p.parser.problem ? p.parser.problem : "invalid YAML");
            if (p.parser.context) {
                error->message =
                    QString::fromUtf8(p.parser.context) + QStringLiteral(": ") + error->message;
            }
            return false;
        }
        ev.live = true;
        const yaml_event_t &e = ev.event;
        const YamlMark at = markOf(e.start_mark);
        bool ok = true;
        switch (e.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_NO_EVENT:
        case YAML_DOCUMENT_START_EVENT:
            break;
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_END_EVENT:
            builder.finish(at);
            return true;
        case YAML_ALIAS_EVENT:
            ok = builder.alias(anchorOf(e.data.alias.anchor), at);
            break;
        case YAML_SCALAR_EVENT: {
            const auto &s = e.data.scalar;
            ok = builder.scalar(std::string_view(reinterpret_cast<const char *>(s.value), s.length),
                                at, tagOf(s.tag), s.style != YAML_PLAIN_SCALAR_STYLE,
                                anchorOf(s.anchor));
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
            ok = builder.start(false, at, tagOf(e.data.sequence_start.tag),
                               anchorOf(e.data.sequence_start.anchor));
            break;
        case YAML_MAPPING_START_EVENT:
            ok = builder.start(true, at, tagOf(e.data.mapping_start.tag),
                               anchorOf(e.data.mapping_start.anchor));
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            ok = builder.end();
            break;
        }
        if (!ok) {
            return false;
        }
    }
}

} // namespace

std::unique_ptr<YamlTree> YamlTree::parse(std::string_view text, YamlError *error, Scanner scanner)
{
    YamlError ignored;
    error = error ? error : &ignored;
    if (scanner != Scanner::Libyaml) {
        // The fast scanner reads the plain subset most compose files are written in; it gives
        // up on anything else (and on any error, so that libyaml words every message), and then
        // libyaml reads the text from the start.
        auto tree = std::make_unique<YamlTree>();
        YamlError fastError;
        if (YamlFastScanner::build(text, *tree, &fastError)) {
            return tree;
        }
        if (scanner == Scanner::Fast) {
            error->kind = YamlError::Kind::Unsupported;
            error->message = QStringLiteral("outside the fast scanner's subset");
            return nullptr;
        }
    }
    auto tree = std::make_unique<YamlTree>();
    if (!buildWithLibyaml(text, *tree, error)) {
        return nullptr;
    }
    return tree;
}

QString YamlTree::dump() const
{
    QString out;
    const auto walk = [&](auto &&self, const YamlNode &node, int depth) -> void {
        const Node &n = m_nodes[node.m_index];
        static constexpr const char *kinds[] = {"null", "scalar", "seq", "map"};
        out += QString(depth * 2, QLatin1Char(' '))
               + QStringLiteral("%1%2 @%3:%4:%5 x%6")
                     .arg(QLatin1String(kinds[int(n.type)]), n.quoted ? QStringLiteral(" quoted")
                                                                      : QString())
                     .arg(n.line)
                     .arg(n.column)
                     .arg(n.pos)
                     .arg(n.expanded);
        if (n.tag) {
            out += QStringLiteral(" !<%1>").arg(QString::fromStdString(m_tags[n.tag]));
        }
        if (n.type == Type::Scalar || n.type == Type::Null) {
            out += QStringLiteral(" \"%1\"").arg(node.qtext());
        }
        out += QLatin1Char('\n');
        if (n.type == Type::Map || n.type == Type::Sequence) {
            for (std::uint32_t c = 0; c < n.length; ++c) {
                self(self, YamlNode(this, m_children[n.offset + c]), depth + 1);
            }
        }
    };
    walk(walk, root(), 0);
    return out;
}

std::vector<YamlMergeTag> YamlTree::takeMergeTags(
    const std::function<bool(const std::vector<std::string> &path)> &inScope)
{
    std::vector<YamlMergeTag> out;
    const auto tagged = [&](std::string_view name) {
        return std::find(m_tags.begin(), m_tags.end(), name) != m_tags.end();
    };
    if (m_tags.size() > 1 && (tagged("!reset") || tagged("!override"))) {
        std::vector<std::string> path;
        takeMergeTags(m_root, path, inScope, out);
    }
    return out;
}

void YamlTree::takeMergeTags(std::uint32_t index, std::vector<std::string> &path,
                             const std::function<bool(const std::vector<std::string> &)> &inScope,
                             std::vector<YamlMergeTag> &out)
{
    const Type type = m_nodes[index].type;
    if (type != Type::Map && type != Type::Sequence) {
        return;
    }
    const bool map = type == Type::Map;
    const std::uint32_t step = map ? 2 : 1;
    const std::uint32_t begin = m_nodes[index].offset;
    const std::uint32_t end = begin + m_nodes[index].length;
    std::uint32_t kept = begin;
    for (std::uint32_t at = begin; at < end; at += step) {
        const std::uint32_t value = m_children[at + step - 1];
        path.push_back(map ? std::string(YamlNode(this, m_children[at]).text())
                           : std::to_string((at - begin) / step));
        const std::string_view tag = m_tags[m_nodes[value].tag];
        const bool reset = tag == "!reset";
        bool drop = false;
        if ((reset || tag == "!override") && inScope(path)) {
            out.push_back({path, YamlNode(this, m_children[at]).mark(), reset});
            drop = reset;
        } else {
            takeMergeTags(value, path, inScope, out);
        }
        path.pop_back();
        if (!drop) {
            for (std::uint32_t i = 0; i < step; ++i) {
                m_children[kept + i] = m_children[at + i];
            }
            kept += step;
        }
    }
    m_nodes[index].length = kept - begin;
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
