// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "envdocument.h"

#include <QHash>

namespace DevDock::Core {

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

bool isKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.')
           || c == QLatin1Char('-') || c == QLatin1Char('[') || c == QLatin1Char(']');
}

// End of the line that contains `pos`: the index just past its '\n' (or the text's end).
qsizetype lineEnd(const QString &text, qsizetype pos)
{
    const qsizetype nl = text.indexOf(QLatin1Char('\n'), pos);
    return nl < 0 ? text.size() : nl + 1;
}

int lineAt(const QString &text, qsizetype pos)
{
    return 1 + static_cast<int>(QStringView(text).left(pos).count(QLatin1Char('\n')));
}

Error parseError(const QString &fileName, int line, const QString &what)
{
    const QString where = fileName.isEmpty() ? QStringLiteral("line %1").arg(line)
                                             : QStringLiteral("%1:%2").arg(fileName).arg(line);
    return Error{Error::Code::InvalidArgument, QStringLiteral("%1: %2").arg(where, what),
                 QStringLiteral("Write KEY=value, one per line; quote values with spaces, # or "
                                "line breaks.")};
}

// Decodes UTF-8 losslessly enough to write it back: a valid sequence is its character, and each
// byte that is not part of one is one U+FFFD (as Compose shows it). `offsets`, when given, gets
// the byte at which each QChar starts, plus the end.
QString decodeUtf8(QByteArrayView bytes, QList<qsizetype> *offsets = nullptr)
{
    QString text;
    text.reserve(bytes.size());
    if (offsets) {
        offsets->clear();
        offsets->reserve(bytes.size() + 1);
    }
    auto continuation = [&](qsizetype at, uchar low = 0x80, uchar high = 0xBF) {
        return at < bytes.size() && uchar(bytes[at]) >= low && uchar(bytes[at]) <= high;
    };
    qsizetype i = 0;
    while (i < bytes.size()) {
        const uchar b = uchar(bytes[i]);
        int length = 0;
        char32_t code = 0;
        if (b < 0x80) {
            length = 1;
            code = b;
        } else if (b >= 0xC2 && b <= 0xDF && continuation(i + 1)) {
            length = 2;
            code = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF
                   && continuation(i + 1, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF)
                   && continuation(i + 2)) {
            length = 3;
            code = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4
                   && continuation(i + 1, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF)
                   && continuation(i + 2) && continuation(i + 3)) {
            length = 4;
            code = b & 0x07;
        }
        if (length == 0) {
            length = 1;
            code = QChar::ReplacementCharacter;
        } else {
            for (int k = 1; k < length; ++k) {
                code = (code << 6) | (uchar(bytes[i + k]) & 0x3F);
            }
        }
        const qsizetype before = text.size();
        if (QChar::requiresSurrogates(code)) {
            text.append(QChar(QChar::highSurrogate(code)));
            text.append(QChar(QChar::lowSurrogate(code)));
        } else {
            text.append(QChar(char16_t(code)));
        }
        if (offsets) {
            for (qsizetype k = before; k < text.size(); ++k) {
                offsets->append(i);
            }
        }
        i += length;
    }
    if (offsets) {
        offsets->append(bytes.size());
    }
    return text;
}

QByteArray bytesOf(const EnvEntry &e)
{
    return EnvDocument::entryBytes(e);
}

constexpr char16_t kByteOrderMark = 0xFEFF;

// Decodes the inside of a double-quoted value as Compose v2.26 does (its dotenv parser: the
// escapes of a Go string for \a \b \f \n \r \t \v \" \\, \0 and three octal digits, and \$);
// `templ` gets the same text with every literal $ (written \$) doubled so that interpolation
// leaves it alone. A $ written as \0044 is not literal: Compose interpolates after decoding.
void decodeDouble(QStringView in, QString &value, QString &templ)
{
    auto put = [&](QChar c) {
        value.append(c);
        templ.append(c);
    };
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in.at(i);
        if (c != QLatin1Char('\\') || i + 1 >= in.size()) {
            put(c);
            continue;
        }
        const QChar e = in.at(++i);
        switch (e.unicode()) {
        case 'a':
            put(QChar(0x07));
            break;
        case 'b':
            put(QChar(0x08));
            break;
        case 'f':
            put(QChar(0x0C));
            break;
        case 'n':
            put(QLatin1Char('\n'));
            break;
        case 'r':
            put(QLatin1Char('\r'));
            break;
        case 't':
            put(QLatin1Char('\t'));
            break;
        case 'v':
            put(QChar(0x0B));
            break;
        case '"':
        case '\\':
            put(e);
            break;
        case '$':
            value.append(e);
            templ.append(QStringLiteral("$$"));
            break;
        case '0': {
            // Compose takes up to three digits after \0; exactly three octal ones up to 0377
            // are a character, anything else loses its 0 ("\012" is "\12", "\0" is "\").
            qsizetype n = 0;
            while (n < 3 && i + 1 + n < in.size() && in.at(i + 1 + n).isDigit()
                   && in.at(i + 1 + n).unicode() < 128) {
                ++n;
            }
            const QStringView digits = in.sliced(i + 1, n);
            bool octal = n == 3;
            int code = 0;
            for (const QChar d : digits) {
                octal = octal && d >= QLatin1Char('0') && d <= QLatin1Char('7');
                code = code * 8 + (d.unicode() - '0');
            }
            if (octal && code <= 0377) {
                put(QChar(char16_t(code)));
            } else {
                put(c);
                for (const QChar d : digits) {
                    put(d);
                }
            }
            i += n;
            break;
        }
        default: // not an escape in Compose: stays as written
            put(c);
            put(e);
            break;
        }
    }
}

} // namespace

Result<EnvDocument> EnvDocument::parseBytes(const QByteArray &bytes, const QString &fileName)
{
    QList<qsizetype> offsets;
    const QString text = decodeUtf8(bytes, &offsets);
    auto doc = parse(text, fileName);
    if (!doc) {
        return doc;
    }
    // Each entry keeps its own slice of the bytes; the entries' texts are the text in order.
    qsizetype pos = doc->m_byteOrderMark ? 1 : 0;
    for (EnvEntry &e : doc->m_entries) {
        const qsizetype from = offsets.at(pos);
        pos += e.raw.size();
        e.rawBytes = bytes.mid(from, offsets.at(pos) - from);
    }
    return doc;
}

Result<EnvDocument> EnvDocument::parse(const QString &fullText, const QString &fileName)
{
    EnvDocument doc;
    doc.m_fileName = fileName;
    doc.m_byteOrderMark = fullText.startsWith(QChar(kByteOrderMark));
    const QString text = doc.m_byteOrderMark ? fullText.mid(1) : fullText;
    qsizetype pos = 0;
    while (pos < text.size()) {
        EnvEntry entry;
        entry.line = lineAt(text, pos);
        const qsizetype end = lineEnd(text, pos);
        qsizetype i = pos;
        while (i < end && isBlank(text.at(i))) {
            ++i;
        }
        const QStringView rest = QStringView(text).sliced(i, end - i).trimmed();
        if (rest.isEmpty()) {
            entry.kind = EnvEntry::Kind::Blank;
            entry.raw = text.mid(pos, end - pos);
            doc.m_entries.append(entry);
            pos = end;
            continue;
        }
        if (rest.startsWith(QLatin1Char('#'))) {
            entry.kind = EnvEntry::Kind::Comment;
            entry.raw = text.mid(pos, end - pos);
            doc.m_entries.append(entry);
            pos = end;
            continue;
        }
        entry.kind = EnvEntry::Kind::Variable;
        if (QStringView(text).sliced(i).startsWith(QLatin1String("export")) && i + 6 < end
            && isBlank(text.at(i + 6))) {
            entry.exported = true;
            i += 6;
            while (i < end && isBlank(text.at(i))) {
                ++i;
            }
        }
        const qsizetype keyStart = i;
        while (i < end && isKeyChar(text.at(i))) {
            ++i;
        }
        entry.key = text.mid(keyStart, i - keyStart);
        qsizetype j = i;
        while (j < end && isBlank(text.at(j))) {
            ++j;
        }
        const QChar sep = j < end ? text.at(j) : QChar();
        if (entry.key.isEmpty()) {
            return std::unexpected(parseError(
                fileName, entry.line,
                QStringLiteral("unexpected character \"%1\" where a variable name should start")
                    .arg(text.at(keyStart))));
        }
        if (sep != QLatin1Char('=') && sep != QLatin1Char(':')) {
            const QStringView after = QStringView(text).sliced(j, end - j).trimmed();
            if (after.isEmpty() || after.startsWith(QLatin1Char('#'))) {
                // A bare KEY: inherited from the environment.
                entry.hasValue = false;
                entry.prefix = text.mid(pos, i - pos);
                entry.suffix = text.mid(i, end - i);
                entry.raw = text.mid(pos, end - pos);
                doc.m_entries.append(entry);
                pos = end;
                continue;
            }
            if (j > i) {
                return std::unexpected(parseError(
                    fileName, entry.line,
                    QStringLiteral("the variable name \"%1 %2\" contains a space")
                        .arg(entry.key, after.left(after.indexOf(QLatin1Char('='))).trimmed())));
            }
            return std::unexpected(
                parseError(fileName, entry.line,
                           QStringLiteral("unexpected character \"%1\" in the variable name \"%2\"")
                               .arg(text.at(j), entry.key)));
        }
        i = j + 1;
        while (i < end && isBlank(text.at(i))) {
            ++i;
        }
        const qsizetype valueStart = i;
        qsizetype valueEnd = i;
        qsizetype entryEnd = end;
        const QChar q = i < text.size() ? text.at(i) : QChar();
        if (q == QLatin1Char('"') || q == QLatin1Char('\'')) {
            qsizetype k = i + 1;
            bool closed = false;
            for (; k < text.size(); ++k) {
                const QChar c = text.at(k);
                if (c == QLatin1Char('\\') && k + 1 < text.size()
                    && (q == QLatin1Char('"') || text.at(k + 1) == QLatin1Char('\''))) {
                    ++k;
                    continue;
                }
                if (c == q) {
                    closed = true;
                    break;
                }
            }
            if (!closed) {
                return std::unexpected(parseError(
                    fileName, entry.line,
                    QStringLiteral("unterminated quoted value for %1 (the %2 quote is never "
                                   "closed)")
                        .arg(entry.key, q == QLatin1Char('"') ? QStringLiteral("double")
                                                              : QStringLiteral("single"))));
            }
            const QStringView inner = QStringView(text).sliced(i + 1, k - i - 1);
            if (q == QLatin1Char('"')) {
                entry.quoting = EnvEntry::Quoting::Double;
                decodeDouble(inner, entry.value, entry.templateText);
            } else {
                entry.quoting = EnvEntry::Quoting::Single;
                entry.value = inner.toString().replace(QStringLiteral("\\'"), QStringLiteral("'"));
                entry.templateText =
                    QString(entry.value).replace(QLatin1Char('$'), QStringLiteral("$$"));
            }
            valueEnd = k + 1;
            entryEnd = lineEnd(text, valueEnd);
            const QStringView trailing =
                QStringView(text).sliced(valueEnd, entryEnd - valueEnd).trimmed();
            if (!trailing.isEmpty() && !trailing.startsWith(QLatin1Char('#'))) {
                return std::unexpected(
                    parseError(fileName, lineAt(text, valueEnd),
                               QStringLiteral("unexpected text \"%1\" after the quoted value of %2")
                                   .arg(trailing.toString(), entry.key)));
            }
        } else {
            // Unquoted: up to a # that follows whitespace, then trimmed.
            qsizetype k = i;
            for (; k < end; ++k) {
                const QChar c = text.at(k);
                if (c == QLatin1Char('\n')
                    || (c == QLatin1Char('#') && k > valueStart && text.at(k - 1).isSpace())) {
                    break;
                }
            }
            valueEnd = k;
            while (valueEnd > valueStart && text.at(valueEnd - 1).isSpace()) {
                --valueEnd;
            }
            entry.value = text.mid(valueStart, valueEnd - valueStart);
            entry.templateText = entry.value;
        }
        entry.prefix = text.mid(pos, valueStart - pos);
        entry.suffix = text.mid(valueEnd, entryEnd - valueEnd);
        entry.raw = text.mid(pos, entryEnd - pos);
        doc.m_entries.append(entry);
        pos = entryEnd;
    }
    return doc;
}

QString EnvDocument::toString() const
{
    QString out = m_byteOrderMark ? QString(QChar(kByteOrderMark)) : QString();
    for (const EnvEntry &e : m_entries) {
        out += e.raw;
    }
    return out;
}

QByteArray EnvDocument::toBytes() const
{
    QByteArray out = m_byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    for (const EnvEntry &e : m_entries) {
        out += bytesOf(e);
    }
    return out;
}

QStringList EnvDocument::keys() const
{
    QStringList list;
    for (const EnvEntry &e : m_entries) {
        if (e.kind == EnvEntry::Kind::Variable && !list.contains(e.key)) {
            list << e.key;
        }
    }
    return list;
}

qsizetype EnvDocument::indexOf(const QString &key) const
{
    // The last definition wins, as when the file is read top to bottom.
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries.at(i).kind == EnvEntry::Kind::Variable && m_entries.at(i).key == key) {
            return i;
        }
    }
    return -1;
}

std::optional<QString> EnvDocument::rawValue(const QString &key) const
{
    const qsizetype i = indexOf(key);
    if (i < 0) {
        return std::nullopt;
    }
    return m_entries.at(i).value;
}

QString EnvDocument::lineEnding() const
{
    for (const EnvEntry &e : m_entries) {
        if (e.raw.endsWith(QStringLiteral("\r\n"))) {
            return QStringLiteral("\r\n");
        }
        if (e.raw.endsWith(QLatin1Char('\n'))) {
            return QStringLiteral("\n");
        }
    }
    return QStringLiteral("\n");
}

QString EnvDocument::encodeValue(const QString &value, EnvEntry::Quoting preferred)
{
    auto doubleQuoted = [&]() -> QString {
        QString out = QStringLiteral("\"");
        for (const QChar c : value) {
            switch (c.unicode()) {
            case '\\':
                out += QStringLiteral("\\\\");
                break;
            case '"':
                out += QStringLiteral("\\\"");
                break;
            case '$':
                out += QStringLiteral("\\$");
                break;
            case '\n':
                out += QStringLiteral("\\n");
                break;
            case '\r':
                out += QStringLiteral("\\r");
                break;
            case '\t':
                out += QStringLiteral("\\t");
                break;
            default:
                out += c;
            }
        }
        return out + QLatin1Char('"');
    };
    if (preferred == EnvEntry::Quoting::Single && !value.contains(QLatin1Char('\n'))) {
        return QLatin1Char('\'') + QString(value).replace(QLatin1Char('\''), QStringLiteral("\\'"))
               + QLatin1Char('\'');
    }
    if (preferred == EnvEntry::Quoting::Double) {
        return doubleQuoted();
    }
    // Unquoted only when the value reads back the same: no surrounding blanks, no quotes at the
    // start, no " #", no line breaks, no backslashes or $ (which would be interpolated).
    const bool plainSafe =
        value == value.trimmed() && !value.startsWith(QLatin1Char('"'))
        && !value.startsWith(QLatin1Char('\'')) && !value.contains(QLatin1Char('#'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r'))
        && !value.contains(QLatin1Char('$')) && !value.contains(QLatin1Char('\\'));
    return plainSafe ? value : doubleQuoted();
}

void EnvDocument::set(const QString &key, const QString &value)
{
    const qsizetype i = indexOf(key);
    if (i >= 0) {
        EnvEntry &e = m_entries[i];
        // Only the value changes: the bytes before and after it (a comment in Latin-1, say)
        // are kept as they were.
        QByteArray oldBytes = bytesOf(e);
        QList<qsizetype> offsets;
        if (decodeUtf8(oldBytes, &offsets) != e.raw) {
            oldBytes = e.raw.toUtf8(); // text that UTF-8 cannot hold (a lone surrogate)
            decodeUtf8(oldBytes, &offsets);
        }
        QByteArray prefixBytes = oldBytes.left(offsets.at(e.prefix.size()));
        const QByteArray suffixBytes = oldBytes.mid(offsets.at(e.raw.size() - e.suffix.size()));
        QString prefix = e.prefix;
        if (!e.hasValue) {
            prefix += QLatin1Char('=');
            prefixBytes += '=';
        }
        const QString encoded = encodeValue(value, e.quoting);
        e.raw = prefix + encoded + e.suffix;
        e.prefix = prefix;
        e.hasValue = true;
        // Re-read the entry so that its decoded fields match what was written.
        if (auto reparsed = parse(e.raw); reparsed && reparsed->m_entries.size() == 1) {
            const int line = e.line;
            e = reparsed->m_entries.first();
            e.line = line;
        }
        e.rawBytes = prefixBytes + encoded.toUtf8() + suffixBytes;
        return;
    }
    const QString eol = lineEnding();
    if (!m_entries.isEmpty() && !m_entries.last().raw.endsWith(QLatin1Char('\n'))) {
        EnvEntry &last = m_entries.last();
        last.rawBytes = bytesOf(last) + eol.toUtf8();
        last.raw += eol;
        last.suffix += eol;
    }
    auto appended =
        parse(key + QLatin1Char('=') + encodeValue(value, EnvEntry::Quoting::None) + eol);
    if (appended && appended->m_entries.size() == 1) {
        EnvEntry e = appended->m_entries.first();
        e.line = m_entries.isEmpty() ? 1 : lineAt(toString(), toString().size());
        m_entries.append(e);
    }
}

bool EnvDocument::addCommentAbove(const QString &key, const QString &text)
{
    const qsizetype i = indexOf(key);
    if (i < 0) {
        return false;
    }
    EnvEntry comment;
    comment.kind = EnvEntry::Kind::Comment;
    comment.raw = QStringLiteral("# ") + text + lineEnding();
    comment.line = m_entries.at(i).line;
    m_entries.insert(i, comment);
    return true;
}

bool EnvDocument::removeCommentsAbove(const QString &key, const QString &containing)
{
    qsizetype i = indexOf(key);
    bool removed = false;
    for (qsizetype c = i - 1; c >= 0 && m_entries.at(c).kind == EnvEntry::Kind::Comment; --c) {
        if (m_entries.at(c).raw.contains(containing, Qt::CaseInsensitive)) {
            m_entries.removeAt(c);
            removed = true;
        }
    }
    return removed;
}

bool EnvDocument::commentOut(const QString &key)
{
    const qsizetype i = indexOf(key);
    if (i < 0) {
        return false;
    }
    EnvEntry comment;
    comment.kind = EnvEntry::Kind::Comment;
    comment.raw = QStringLiteral("# ") + m_entries.at(i).raw;
    comment.rawBytes = "# " + bytesOf(m_entries.at(i));
    comment.line = m_entries.at(i).line;
    m_entries[i] = comment;
    return true;
}

bool EnvDocument::remove(const QString &key)
{
    bool removed = false;
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries.at(i).kind == EnvEntry::Kind::Variable && m_entries.at(i).key == key) {
            m_entries.removeAt(i);
            removed = true;
        }
    }
    return removed;
}

Result<QList<std::pair<QString, QString>>>
EnvDocument::resolve(const VariableLookup &environment) const
{
    QList<std::pair<QString, QString>> result;
    QHash<QString, QString> seen;
    const VariableLookup lookup = [&](const QString &name) -> std::optional<QString> {
        if (auto v = environment(name)) {
            return v;
        }
        const auto it = seen.constFind(name);
        return it == seen.cend() ? std::nullopt : std::optional<QString>(*it);
    };
    for (const EnvEntry &e : m_entries) {
        if (e.kind != EnvEntry::Kind::Variable) {
            continue;
        }
        QString value;
        if (!e.hasValue) {
            const auto inherited = environment(e.key);
            if (!inherited) {
                continue; // a bare KEY that the environment does not set is left out
            }
            value = *inherited;
        } else {
            auto interpolated = interpolate(e.templateText, lookup);
            if (!interpolated) {
                Error error = interpolated.error();
                error.message =
                    (m_fileName.isEmpty() ? QStringLiteral("line %1").arg(e.line)
                                          : QStringLiteral("%1:%2").arg(m_fileName).arg(e.line))
                    + QStringLiteral(": ") + error.message;
                return std::unexpected(error);
            }
            value = *interpolated;
        }
        seen.insert(e.key, value);
        // A key defined twice keeps its first position with the last value.
        bool replaced = false;
        for (auto &pair : result) {
            if (pair.first == e.key) {
                pair.second = value;
                replaced = true;
            }
        }
        if (!replaced) {
            result.append({e.key, value});
        }
    }
    return result;
}

QByteArray EnvDocument::entryBytes(const EnvEntry &e)
{
    if (!e.rawBytes.isEmpty() && decodeUtf8(e.rawBytes) == e.raw) {
        return e.rawBytes;
    }
    return e.raw.toUtf8();
}

} // namespace DevDock::Core
