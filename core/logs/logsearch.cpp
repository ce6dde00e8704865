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
        if (!query.regex && asciiNeedle && isPlainAscii(line.bytes)) {
            if (query.caseSensitive) {
                hit = line.bytes.indexOf(needle) >= 0;
            } else {
                hit = QByteArray(line.bytes.data(), line.bytes.size()).toLower().indexOf(lowerNeedle) >= 0;
            }
        } else {
            const QString text = parseAnsi(line.bytes).text;
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
