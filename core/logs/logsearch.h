// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "logstore.h"
#include "util/result.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <atomic>

namespace DevDock::Core {

struct LogQuery
{
    QString pattern;
    bool regex = false;
    bool caseSensitive = false;
    bool isEmpty() const { return pattern.isEmpty(); }
};

// One query, compiled once, matched against raw lines: plain ASCII lines are compared as bytes
// (case folded without copying), a regex first checks the literal every match needs, anything else
// is matched on the shown text (escapes removed, invalid UTF-8 as replacement characters).
class LineMatcher
{
public:
    explicit LineMatcher(const LogQuery &query);
    bool isValid() const { return m_error.message.isEmpty(); }
    const Error &error() const { return m_error; }
    bool matches(QByteArrayView line) const;

private:
    LogQuery m_query;
    QRegularExpression m_re;
    QByteArray m_needle;
    QByteArray m_lowerNeedle;
    QByteArray m_literal;
    QByteArray m_lowerLiteral;
    bool m_asciiNeedle = false;
    Error m_error;
};

// Sequence numbers of the lines that match, in order. Matching is on the text as shown (escape
// sequences removed, not UTF-8 bytes as replacement characters). Pure: runs on any thread over a
// snapshot; `cancel` set to true stops it early (the result is then partial). A malformed regular
// expression is an InvalidArgument error with the reason.
Result<QList<qint64>> searchLogs(const LogStore::Snapshot &snapshot, const LogQuery &query,
                                 const std::atomic<bool> *cancel = nullptr);

// Matches of one line's shown text (start, length), for highlighting.
QList<QPair<qsizetype, qsizetype>> matchRanges(const QString &text, const LogQuery &query);

} // namespace DevDock::Core
