// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logsearch.h"

#include "ansi.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace DevDock::Core {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DevDock::Core::LogSearch)
};

bool isPlainAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c == '\x1b' || c == '\r' || (c & 0x80)) {
            return false;
        }
    }
    return true;
}

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}

// ASCII case-insensitive search without copying the haystack; `needle` is lower case.
bool containsFolded(QByteArrayView haystack, QByteArrayView needle)
{
    if (needle.isEmpty()) {
        return true;
    }
    const char first = needle.at(0);
    const char firstUpper = first >= 'a' && first <= 'z' ? char(first - 32) : first;
    const qsizetype last = haystack.size() - needle.size();
    for (qsizetype i = 0; i <= last; ++i) {
        const char c = haystack.at(i);
        if (c != first && c != firstUpper) {
            continue;
        }
        qsizetype j = 1;
        while (j < needle.size() && lowerAscii(haystack.at(i + j)) == needle.at(j)) {
            ++j;
        }
        if (j == needle.size()) {
            return true;
        }
    }
    return false;
}

// A literal every match of `pattern` must contain: its leading characters up to the first
// special one, when the pattern has no alternation. Lines without it are skipped before the
// regular expression runs.
QByteArray requiredLiteral(const QString &pattern)
{
    if (pattern.contains(QLatin1Char('|'))) {
        return {};
    }
    QString literal;
    for (const QChar c : pattern) {
        if (QStringLiteral("\\.[]()*+?{}^$").contains(c)) {
            break;
        }
        literal += c;
    }
    // A quantifier after the last literal character makes that character optional.
    const qsizetype next = literal.size();
    if (next < pattern.size() && QStringLiteral("*?{").contains(pattern.at(next))) {
        literal.chop(1);
    }
    const QByteArray bytes = literal.toUtf8();
    return bytes.size() >= 3 && isPlainAscii(bytes) ? bytes : QByteArray();
}

} // namespace

LineMatcher::LineMatcher(const LogQuery &query)
    : m_query(query)
    , m_needle(query.pattern.toUtf8())
{
    if (query.regex) {
        m_re = QRegularExpression(query.pattern, query.caseSensitive
                                                     ? QRegularExpression::NoPatternOption
                                                     : QRegularExpression::CaseInsensitiveOption);
        if (!m_re.isValid()) {
            m_error = Error{Error::Code::InvalidArgument,
                            Text::tr("The regular expression is not valid: %1").arg(m_re.errorString()),
                            Text::tr("Check the pattern, or switch regex off to search for the text.")};
            return;
        }
        m_re.optimize();
        m_literal = requiredLiteral(query.pattern);
        m_lowerLiteral = m_literal.toLower();
    }
    m_asciiNeedle = isPlainAscii(m_needle);
    m_lowerNeedle = m_needle.toLower();
}

bool LineMatcher::matches(QByteArrayView line) const
{
    if (!isValid()) {
        return false;
    }
    if (m_query.pattern.isEmpty()) {
        return true;
    }
    const bool plain = isPlainAscii(line);
    if (!m_query.regex && m_asciiNeedle && plain) {
        return m_query.caseSensitive ? line.indexOf(m_needle) >= 0
                                     : containsFolded(line, m_lowerNeedle);
    }
    if (m_query.regex && plain && !m_literal.isEmpty()
        && !(m_query.caseSensitive ? line.indexOf(m_literal) >= 0
                                   : containsFolded(line, m_lowerLiteral))) {
        return false; // the literal every match needs is not there
    }
    const QString text = plain ? QString::fromLatin1(line) : parseAnsi(line).text;
    return m_query.regex ? m_re.match(text).hasMatch()
                         : text.contains(m_query.pattern, m_query.caseSensitive ? Qt::CaseSensitive
                                                                                : Qt::CaseInsensitive);
}

Result<QList<qint64>> searchLogs(const LogStore::Snapshot &snapshot, const LogQuery &query,
                                 const std::atomic<bool> *cancel)
{
    QList<qint64> matches;
    if (query.isEmpty()) {
        return matches;
    }
    const LineMatcher matcher(query);
    if (!matcher.isValid()) {
        return std::unexpected(matcher.error());
    }
    qint64 visited = 0;
    bool stopped = false;
    snapshot.forEach([&](const LogLine &line) {
        if (stopped || (cancel && (++visited & 0x3ff) == 0 && cancel->load(std::memory_order_relaxed))) {
            stopped = true;
            return;
        }
        if (matcher.matches(line.bytes)) {
            matches.append(line.seq);
        }
    });
    return matches;
}

QList<QPair<qsizetype, qsizetype>> matchRanges(const QString &text, const LogQuery &query)
{
    QList<QPair<qsizetype, qsizetype>> ranges;
    if (query.isEmpty()) {
        return ranges;
    }
    if (query.regex) {
        const QRegularExpression re(query.pattern, query.caseSensitive
                                                       ? QRegularExpression::NoPatternOption
                                                       : QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid()) {
            return ranges;
        }
        auto it = re.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.capturedLength() > 0) {
                ranges.append({m.capturedStart(), m.capturedLength()});
            }
        }
        return ranges;
    }
    const Qt::CaseSensitivity cs = query.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    for (qsizetype at = text.indexOf(query.pattern, 0, cs); at >= 0;
         at = text.indexOf(query.pattern, at + query.pattern.size(), cs)) {
        ranges.append({at, query.pattern.size()});
    }
    return ranges;
}

} // namespace DevDock::Core
