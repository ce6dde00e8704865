// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "interpolation.h"

namespace DevDock::Core {

namespace {

bool isNameStart(QChar c)
{
    return c == QLatin1Char('_') || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
           || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

Error invalidTemplate(QStringView input)
{
    return Error{Error::Code::InvalidArgument,
                 QStringLiteral("Invalid interpolation format: \"%1\".").arg(input.toString()),
                 QStringLiteral("Write $$ for a literal $, and ${NAME}, ${NAME:-default} or "
                                "$NAME for a variable.")};
}

// Index of the '}' that closes the '${' whose content starts at `from`; -1 when unbalanced.
qsizetype closingBrace(QStringView s, qsizetype from)
{
    int depth = 1;
    for (qsizetype i = from; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('$') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('$')) {
            ++i; // an escaped $ inside a default
        } else if (c == QLatin1Char('$') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('{')) {
            ++depth;
            ++i;
        } else if (c == QLatin1Char('}')) {
            if (--depth == 0) {
                return i;
            }
        }
    }
    return -1;
}

Result<QString> substituteBraced(QStringView whole, QStringView content,
                                 const VariableLookup &lookup)
{
    qsizetype n = 0;
    if (content.isEmpty() || !isNameStart(content.at(0))) {
        return std::unexpected(invalidTemplate(whole));
    }
    while (n < content.size() && isNameChar(content.at(n))) {
        ++n;
    }
    const QString name = content.left(n).toString();
    const std::optional<QString> value = lookup(name);
    QStringView rest = content.mid(n);
    if (rest.isEmpty()) {
        return value.value_or(QString());
    }
    const bool colon = rest.startsWith(QLatin1Char(':'));
    if (colon) {
        rest = rest.mid(1);
    }
    if (rest.isEmpty()) {
        return std::unexpected(invalidTemplate(whole));
    }
    const QChar op = rest.at(0);
    const QStringView argument = rest.mid(1);
    // With a colon, an empty value counts as unset.
    const bool present = value.has_value() && (!colon || !value->isEmpty());
    if (op == QLatin1Char('-')) {
        return present ? *value : interpolate(argument, lookup);
    }
    if (op == QLatin1Char('+')) {
        return present ? interpolate(argument, lookup) : Result<QString>(QString());
    }
    if (op == QLatin1Char('?')) {
        if (present) {
            return *value;
        }
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("Required variable %1 is missing a value: %2")
                .arg(name, argument.toString()),
            QStringLiteral("Set %1 in the environment or in the project's .env file.").arg(name));
    }
    return std::unexpected(invalidTemplate(whole));
}

} // namespace

Result<QString> interpolate(QStringView input, const VariableLookup &lookup)
{
    QString out;
    out.reserve(input.size());
    qsizetype i = 0;
    while (i < input.size()) {
        const QChar c = input.at(i);
        if (c != QLatin1Char('$')) {
            out.append(c);
            ++i;
            continue;
        }
        // A $ that starts no reference (at the end, before a space or a digit) stays a
        // literal $, as Compose treats it.
        const QChar next = i + 1 < input.size() ? input.at(i + 1) : QChar();
        if (next == QLatin1Char('$')) {
            out.append(QLatin1Char('$'));
            i += 2;
        } else if (isNameStart(next)) {
            qsizetype end = i + 1;
            while (end < input.size() && isNameChar(input.at(end))) {
                ++end;
            }
            out.append(lookup(input.mid(i + 1, end - i - 1).toString()).value_or(QString()));
            i = end;
        } else if (next == QLatin1Char('{')) {
            const qsizetype close = closingBrace(input, i + 2);
            if (close < 0) {
                return std::unexpected(invalidTemplate(input));
            }
            auto value = substituteBraced(input, input.mid(i + 2, close - i - 2), lookup);
            if (!value) {
                return value;
            }
            out.append(*value);
            i = close + 1;
        } else {
            out.append(QLatin1Char('$'));
            ++i;
        }
    }
    return out;
}

} // namespace DevDock::Core
