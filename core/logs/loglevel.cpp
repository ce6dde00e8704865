// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loglevel.h"

#include "ansi.h"

#include <QByteArray>

namespace DevDock::Core {

namespace {

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

LogLevel levelOfWord(QByteArrayView word)
{
    const QByteArray w = word.toByteArray().toLower();
    if (w == "error" || w == "err" || w == "fatal" || w == "critical" || w == "crit"
        || w == "panic" || w == "severe" || w == "emerg" || w == "alert") {
        return LogLevel::Error;
    }
    if (w == "warn" || w == "warning") {
        return LogLevel::Warning;
    }
    if (w == "info" || w == "notice" || w == "log") {
        return LogLevel::Info;
    }
    if (w == "debug" || w == "trace" || w == "dbg") {
        return LogLevel::Debug;
    }
    return LogLevel::Unknown;
}

} // namespace

LogLevel recogniseLevel(QByteArrayView raw)
{
    QByteArrayView view = raw.first(std::min<qsizetype>(raw.size(), 256));
    QByteArray stripped;
    if (view.contains('\x1b')) {
        stripped = stripAnsi(view);
        view = stripped;
    }
    // glog: "E1129 07:00:00.000000 ..." / "W1129" / "I1129".
    if (view.size() > 6 && (view.at(0) == 'E' || view.at(0) == 'W' || view.at(0) == 'I')
        && view.at(5) == ' ' && std::all_of(view.begin() + 1, view.begin() + 5,
                                            [](char c) { return c >= '0' && c <= '9'; })) {
        return view.at(0) == 'E' ? LogLevel::Error
               : view.at(0) == 'W' ? LogLevel::Warning
                                   : LogLevel::Info;
    }
    // key=value and JSON forms.
    for (const char *key : {"level=", "lvl=", "severity=", "\"level\":\"", "\"level\": \"",
                            "\"severity\":\"", "\"lvl\":\""}) {
        const qsizetype at = QByteArray(view.data(), view.size()).toLower().indexOf(key);
        if (at >= 0) {
            qsizetype start = at + qsizetype(qstrlen(key));
            if (start < view.size() && view.at(start) == '"') {
                ++start;
            }
            qsizetype end = start;
            while (end < view.size() && isWordChar(view.at(end))) {
                ++end;
            }
            const LogLevel level = levelOfWord(view.sliced(start, end - start));
            if (level != LogLevel::Unknown) {
                return level;
            }
        }
    }
    // The first level word among the first words, as a whole word (so "errors=0" or
    // "information" do not count): "ERROR", "[warn]", "INFO:", "2026-… ERROR …".
    int words = 0;
    for (qsizetype i = 0; i < view.size() && words < 8;) {
        while (i < view.size() && !isWordChar(view.at(i))) {
            ++i;
        }
        const qsizetype start = i;
        while (i < view.size() && isWordChar(view.at(i))) {
            ++i;
        }
        if (i == start) {
            break;
        }
        ++words;
        const QByteArrayView word = view.sliced(start, i - start);
        const LogLevel level = levelOfWord(word);
        if (level == LogLevel::Unknown) {
            continue;
        }
        // Lower-case words count only in a recognised frame: "[warn]", "warn:", "<info>".
        const bool upper = std::all_of(word.begin(), word.end(),
                                       [](char c) { return !(c >= 'a' && c <= 'z'); });
        const char before = start > 0 ? view.at(start - 1) : ' ';
        const char after = i < view.size() ? view.at(i) : ' ';
        const bool framed = before == '[' || before == '<' || before == '(' || after == ':'
                            || after == ']' || after == '>' || after == ')';
        if (upper || framed) {
            return level;
        }
    }
    return LogLevel::Unknown;
}

} // namespace DevDock::Core
