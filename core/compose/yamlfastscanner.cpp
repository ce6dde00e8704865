// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlfastscanner.h"

#include "yamltreebuilder.h"

#include <array>
#include <cstdint>

namespace DevDock::Core {

namespace {

// libyaml refuses a simple key longer than 1024 characters; stay well inside that.
constexpr std::ptrdiff_t kMaxKeyLength = 1000;

bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// Whether a plain scalar may start at `q` (libyaml's rule, narrowed: the indicators that can
// start one in some contexts, "?" and ":", are left to libyaml).
bool plainStart(char c, char next, bool flow)
{
    switch (c) {
    case '-':
        return next != ' ' && next != '\n' && next != '\0' && !(flow && isFlowIndicator(next));
    case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&':
    case '*': case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
        return false;
    default:
        return true;
    }
}

// Printable ASCII and LF only: everything else (tabs, CR, control or non-ASCII bytes, whose
// columns libyaml counts in characters) is for libyaml.
bool inAlphabet(std::string_view text)
{
    static const auto allowed = [] {
        std::array<unsigned char, 256> table{};
        for (int c = 0x20; c < 0x7f; ++c) {
            table[c] = 1;
        }
        table['\n'] = 1;
        return table;
    }();
    // A table and no early exit: the loop runs over every byte of a large file.
    unsigned char ok = 1;
    for (const char c : text) {
        ok &= allowed[static_cast<unsigned char>(c)];
    }
    return ok != 0;
}

} // namespace

bool YamlFastScanner::build(std::string_view text, YamlTree &tree, YamlError *error)
{
    if (text.empty() || text.size() >= UINT32_MAX || !inAlphabet(text)) {
        return false;
    }
    YamlTreeBuilder builder(tree, text.size(), error);
    YamlFastScanner scanner(text, builder);
    return scanner.document();
}

YamlFastScanner::YamlFastScanner(std::string_view text, YamlTreeBuilder &builder)
    : m_builder(builder)
    , m_begin(text.data())
    , m_end(text.data() + text.size())
    , m_p(text.data())
    , m_lineStart(text.data())
{}

bool YamlFastScanner::document()
{
    if (!toContent() || m_next < 0) {
        return false; // nothing but comments: libyaml gives the null root its position
    }
    if (!blockNode(m_next) || m_next >= 0) {
        return false;
    }
    m_builder.finish(mark(m_p));
    return true;
}

// The node whose first line starts at m_p, indented by `indent`: a sequence or a map (a scalar
// on a line of its own may continue on the next: libyaml's).
bool YamlFastScanner::blockNode(int indent)
{
    return isEntry(m_p) ? blockSeq(indent) : blockMap(indent);
}

bool YamlFastScanner::blockMap(int indent)
{
    if (!m_builder.start(true, mark(m_p), {}, nullptr)) {
        return false;
    }
    while (true) {
        Scalar key;
        if (!blockScalar(key) || key.stop != Stop::Colon || m_p - key.start > kMaxKeyLength
            || !push(key)) {
            return false;
        }
        const YamlMark afterColon = mark(m_p + 1); // an empty value's position, as libyaml's
        ++m_p;
        skipSpaces();
        const char c = at(m_p);
        if (c == '\n' || c == '\0' || c == '#') {
            if (!endLine()) {
                return false;
            }
            if (m_next > indent) {
                if (!blockNode(m_next)) {
                    return false;
                }
            } else if (m_next == indent && isEntry(m_p)) {
                if (!blockSeq(indent)) { // an indentless sequence: "key:\n- a"
                    return false;
                }
            } else if (!pushNull(afterColon)) {
                return false;
            }
        } else if (!inlineValue() || !endLine()) {
            return false;
        }
        if (m_next != indent) {
            // Less: the map ends. More: a continuation line or an error, both libyaml's.
            if (m_next > indent) {
                return false;
            }
            break;
        }
        if (isEntry(m_p)) {
            return false;
        }
    }
    return m_builder.end();
}

bool YamlFastScanner::blockSeq(int indent)
{
    if (!m_builder.start(false, mark(m_p), {}, nullptr)) {
        return false;
    }
    while (true) {
        const YamlMark afterDash = mark(m_p + 1);
        ++m_p;
        skipSpaces();
        const char c = at(m_p);
        if (c == '\n' || c == '\0' || c == '#') {
            if (!endLine()) {
                return false;
            }
            if (m_next > indent) {
                if (!blockNode(m_next)) {
                    return false;
                }
            } else if (!pushNull(afterDash)) {
                return false;
            }
        } else if (isEntry(m_p)) {
            return false; // "- - a"
        } else if (startsKey()) {
            // "- key: value": a map whose keys are indented as this first one.
            if (!blockMap(static_cast<int>(m_p - m_lineStart))) {
                return false;
            }
        } else if (!inlineValue() || !endLine()) {
            return false;
        }
        if (m_next == indent && isEntry(m_p)) {
            continue;
        }
        // Equal without "-": the next key after an indentless sequence (or an error the
        // enclosing map leaves to libyaml).
        if (m_next > indent) {
            return false;
        }
        break;
    }
    return m_builder.end();
}

// A value that starts on this line after "key: " or "- " and is not a map.
bool YamlFastScanner::inlineValue()
{
    const char c = at(m_p);
    if (c == '[' || c == '{') {
        return flowCollection();
    }
    Scalar value;
    return blockScalar(value) && value.stop != Stop::Colon && push(value);
}

bool YamlFastScanner::startsKey()
{
    const char *const from = m_p;
    Scalar s;
    const bool key = blockScalar(s) && s.stop == Stop::Colon;
    m_p = from;
    return key;
}

// A one-line flow sequence or map of scalars and flow collections.
bool YamlFastScanner::flowCollection()
{
    const bool map = at(m_p) == '{';
    const char close = map ? '}' : ']';
    if (!m_builder.start(map, mark(m_p), {}, nullptr)) {
        return false;
    }
    ++m_p;
    skipSpaces();
    if (at(m_p) == close) {
        ++m_p;
        return m_builder.end();
    }
    while (true) {
        for (int part = 0; part < (map ? 2 : 1); ++part) {
            const bool key = map && part == 0;
            skipSpaces();
            const char c = at(m_p);
            if (c == '[' || c == '{') {
                if (key || !flowCollection()) {
                    return false;
                }
                skipSpaces();
            } else {
                Scalar s;
                if (!flowScalar(key, s) || (s.stop == Stop::Colon) != key || !push(s)) {
                    return false;
                }
                if (key) {
                    ++m_p; // the ":" (followed by a space)
                }
            }
        }
        const char c = at(m_p);
        if (c == ',') {
            ++m_p;
            skipSpaces();
            if (at(m_p) == close) {
                return false; // a trailing comma
            }
            continue;
        }
        if (c == close) {
            ++m_p;
            return m_builder.end();
        }
        return false;
    }
}

// A scalar in a flow collection. stop: Colon when ": " follows (a flow map's key), else Other
// with m_p on the next non-space.
bool YamlFastScanner::flowScalar(bool key, Scalar &out)
{
    const char c = at(m_p);
    if (c == '"' || c == '\'') {
        if (!quoted(out)) {
            return false;
        }
    } else {
        if (!plainStart(c, at(m_p + 1), true)) {
            return false;
        }
        out.start = m_p;
        out.quoted = false;
        const char *q = m_p;
        while (true) {
            const char d = at(q);
            if (d == '\0' || d == '\n' || d == '#' || isFlowIndicator(d)) {
                break;
            }
            if (d == ':') {
                // A colon in a flow scalar: where libyaml versions differ; only the key's ": ".
                if (!key || at(q + 1) != ' ') {
                    return false;
                }
                break;
            }
            ++q;
        }
        const char *last = q;
        while (last > out.start && last[-1] == ' ') {
            --last;
        }
        out.value = std::string_view(out.start, static_cast<std::size_t>(last - out.start));
        m_p = q;
    }
    skipSpaces();
    out.stop = Stop::Other;
    if (at(m_p) == ':') {
        if (at(m_p + 1) != ' ') {
            return false;
        }
        out.stop = Stop::Colon;
    }
    return true;
}

// A scalar on this line in block context. stop: Colon with m_p on the ":" of "key: " or "key:"
// at the line's end; LineEnd with m_p on the line's end or on the space before " #"; Other
// (after a quoted scalar) with m_p on what follows.
bool YamlFastScanner::blockScalar(Scalar &out)
{
    const char c = at(m_p);
    if (c == '"' || c == '\'') {
        if (!quoted(out)) {
            return false;
        }
        const char *const after = m_p;
        skipSpaces();
        const char d = at(m_p);
        if (d == ':' && (at(m_p + 1) == ' ' || at(m_p + 1) == '\n' || at(m_p + 1) == '\0')) {
            out.stop = Stop::Colon;
        } else {
            out.stop = Stop::Other;
            m_p = after;
        }
        return true;
    }
    if (!plainStart(c, at(m_p + 1), false)) {
        return false;
    }
    out.start = m_p;
    out.quoted = false;
    const char *q = m_p;
    while (true) {
        const char d = at(q);
        if (d == '\n' || d == '\0') {
            out.stop = Stop::LineEnd;
            break;
        }
        if (d == ':') {
            const char e = at(q + 1);
            if (e == ' ' || e == '\n' || e == '\0') {
                out.stop = Stop::Colon;
                break;
            }
        } else if (d == ' ' && at(q + 1) == '#') {
            out.stop = Stop::LineEnd;
            break;
        }
        ++q;
    }
    const char *last = q;
    while (last > out.start && last[-1] == ' ') {
        --last;
    }
    out.value = std::string_view(out.start, static_cast<std::size_t>(last - out.start));
    m_p = q;
    return true;
}

// A one-line quoted scalar at m_p; m_p ends after its closing quote. The value is a view of the
// text unless escapes had to be decoded.
bool YamlFastScanner::quoted(Scalar &out)
{
    const char quote = *m_p;
    out.start = m_p;
    out.quoted = true;
    const char *q = m_p + 1;
    const char *run = q;
    bool decoded = false;
    const auto flush = [&](const char *to) {
        if (!decoded) {
            m_scratch.clear();
            decoded = true;
        }
        m_scratch.append(run, static_cast<std::size_t>(to - run));
    };
    while (true) {
        const char c = at(q);
        if (c == '\0' || c == '\n') {
            return false; // unterminated, or folded over lines
        }
        if (c == quote) {
            if (quote == '\'' && at(q + 1) == '\'') {
                flush(q + 1); // '' is one '
                q += 2;
                run = q;
                continue;
            }
            break;
        }
        if (c == '\\' && quote == '"') {
            char decodedChar = 0;
            switch (at(q + 1)) {
            case '0': decodedChar = '\0'; break;
            case 'a': decodedChar = '\a'; break;
            case 'b': decodedChar = '\b'; break;
            case 't': decodedChar = '\t'; break;
            case 'n': decodedChar = '\n'; break;
            case 'v': decodedChar = '\v'; break;
            case 'f': decodedChar = '\f'; break;
            case 'r': decodedChar = '\r'; break;
            case 'e': decodedChar = '\x1b'; break;
            case ' ': decodedChar = ' '; break;
            case '"': decodedChar = '"'; break;
            case '/': decodedChar = '/'; break;
            case '\\': decodedChar = '\\'; break;
            default:
                return false; // \x, \u, \N, a line break ...: libyaml's
            }
            flush(q);
            m_scratch.push_back(decodedChar);
            q += 2;
            run = q;
            continue;
        }
        ++q;
    }
    if (decoded) {
        flush(q);
        out.value = m_scratch;
    } else {
        out.value = std::string_view(run, static_cast<std::size_t>(q - run));
    }
    m_p = q + 1;
    return true;
}

bool YamlFastScanner::push(const Scalar &s)
{
    return m_builder.scalar(s.value, mark(s.start), {}, s.quoted, nullptr);
}

bool YamlFastScanner::pushNull(const YamlMark &at)
{
    return m_builder.scalar({}, at, {}, false, nullptr);
}

// After a value: only spaces and a comment may follow on its line; then on to the next line
// with content.
bool YamlFastScanner::endLine()
{
    skipSpaces();
    char c = at(m_p);
    if (c == '#') {
        if (m_p == m_lineStart || m_p[-1] != ' ') {
            return false;
        }
        while (c != '\n' && c != '\0') {
            c = at(++m_p);
        }
    }
    if (c == '\0') {
        m_next = -1;
        return true;
    }
    if (c != '\n') {
        return false;
    }
    ++m_p;
    ++m_line;
    m_lineStart = m_p;
    return toContent();
}

// From the start of a line: past blank and comment lines to the first non-space of the next
// line with content (m_next its indent, -1 at the end). A document marker or directive there
// is for libyaml.
bool YamlFastScanner::toContent()
{
    while (true) {
        skipSpaces();
        char c = at(m_p);
        if (c == '#') {
            while (c != '\n' && c != '\0') {
                c = at(++m_p);
            }
        }
        if (c == '\0') {
            m_next = -1;
            return true;
        }
        if (c == '\n') {
            ++m_p;
            ++m_line;
            m_lineStart = m_p;
            continue;
        }
        if (m_p == m_lineStart) {
            const char a = at(m_p + 1);
            const char b = at(m_p + 2);
            const char after = at(m_p + 3);
            if (c == '%'
                || ((c == '-' || c == '.') && a == c && b == c
                    && (after == ' ' || after == '\n' || after == '\0'))) {
                return false;
            }
        }
        m_next = static_cast<int>(m_p - m_lineStart);
        return true;
    }
}

} // namespace DevDock::Core
