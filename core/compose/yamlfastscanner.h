// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "yamltree.h"

#include <string>
#include <string_view>

namespace DevDock::Core {

class YamlTreeBuilder;

// A scanner for the subset of YAML that large compose files are written in: block maps and
// sequences (indentless ones too, and `- key: value` items), one-line plain and quoted scalars
// (double-quoted with the one-character escapes), one-line flow sequences and maps of those,
// comments; printable ASCII, LF line ends. It feeds YamlTreeBuilder the events libyaml would
// (same nodes, positions and texts; tests compare the two trees), several times faster because
// it does no more than that subset needs. Anything else (anchors, aliases, tags, block and
// multi-line scalars, documents markers, tabs, non-ASCII bytes, and every error) makes build()
// return false, and the caller reads the text again with libyaml.
class YamlFastScanner
{
public:
    // False: not in the subset, or refused by the builder; `tree` is then half built.
    static bool build(std::string_view text, YamlTree &tree, YamlError *error);

private:
    enum class Stop { LineEnd, Colon, Other };
    struct Scalar
    {
        const char *start = nullptr;
        std::string_view value;
        bool quoted = false;
        Stop stop = Stop::Other;
    };

    YamlFastScanner(std::string_view text, YamlTreeBuilder &builder);
    bool document();
    bool blockNode(int indent);
    bool blockMap(int indent);
    bool blockSeq(int indent);
    bool inlineValue();
    bool flowCollection();
    bool flowScalar(bool key, Scalar &out);
    bool blockScalar(Scalar &out);
    bool quoted(Scalar &out);
    bool startsKey();
    bool push(const Scalar &s);
    bool pushNull(const YamlMark &at);
    bool endLine();
    bool toContent();

    char at(const char *q) const { return q < m_end ? *q : '\0'; }
    bool isEntry(const char *q) const
    {
        const char next = at(q + 1);
        return at(q) == '-' && (next == ' ' || next == '\n' || next == '\0');
    }
    void skipSpaces()
    {
        while (at(m_p) == ' ') {
            ++m_p;
        }
    }
    YamlMark mark(const char *q) const
    {
        return YamlMark{m_line, static_cast<int>(q - m_lineStart), static_cast<qint64>(q - m_begin)};
    }

    YamlTreeBuilder &m_builder;
    const char *m_begin;
    const char *m_end;
    const char *m_p;
    const char *m_lineStart;
    int m_line = 0;
    int m_next = -1; // indent of the content line at m_p (-1: the end of the text)
    std::string m_scratch; // a quoted scalar with escapes, decoded
};

} // namespace DevDock::Core
