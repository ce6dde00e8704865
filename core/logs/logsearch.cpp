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

Result<QList<qint64>> searchLogs(const LogStore::Snapshot &snapshot, const LogQuery &query,
                                 const std::atomic<bool> *cancel)
{
    QList<qint64> matches;
    if (query.isEmpty()) {
        return matches;
    }
    const Qt::CaseSensitivity cs = query.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    QRegularExpression re;
    if (query.regex) {
        re = QRegularExpression(query.pattern, query.caseSensitive
                                                   ? QRegularExpression::NoPatternOption
                                                   : QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid()) {
            return makeError(Error::Code::InvalidArgument,
                             Text::tr("The regular expression is not valid: %1").arg(re.errorString()),
                             Text::tr("Check the pattern, or switch regex off to search for the text."));
        }
        re.optimize();
    }
    // Plain searches over ASCII lines compare bytes: no decoding for the common case.
    const QByteArray needle = query.pattern.toUtf8();
    const QByteArray literal = query.regex ? requiredLiteral(query.pattern) : QByteArray();
    const QByteArray lowerLiteral = literal.toLower();
    const bool asciiNeedle = isPlainAscii(needle);
    const QByteArray lowerNeedle = needle.toLower();
    qint64 visited = 0;
    bool stopped = false;
    snapshot.forEach([&](const LogLine &line) {
        if (stopped || (cancel && (++visited & 0x3ff) == 0 && cancel->load(std::memory_order_relaxed))) {
            stopped = true;
            return;
        }
        bool hit = false;
        const bool plain = isPlainAscii(line.bytes);
        if (!query.regex && asciiNeedle && plain) {
            hit = query.caseSensitive ? line.bytes.indexOf(needle) >= 0
                                      : containsFolded(line.bytes, lowerNeedle);
        } else if (query.regex && plain && !literal.isEmpty()
                   && !(query.caseSensitive ? line.bytes.indexOf(literal) >= 0
                                            : containsFolded(line.bytes, lowerLiteral))) {
            hit = false; // cannot match: the literal every match needs is not there
        } else {
            const QString text = plain ? QString::fromLatin1(line.bytes) : parseAnsi(line.bytes).text;
            hit = query.regex ? re.match(text).hasMatch() : text.contains(query.pattern, cs);
        }
        if (hit) {
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
