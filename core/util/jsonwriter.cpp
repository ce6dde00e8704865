// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QLocale>

namespace DevDock::Core {

void JsonWriter::newline()
{
    m_out.append('\n');
    m_out.append(QByteArray::size_type(m_depth) * 4, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth > 0) {
        if (!m_first) {
            m_out.append(',');
        }
        newline();
    }
    m_first = false;
}

void JsonWriter::open(char bracket)
{
    beforeValue();
    m_out.append(bracket);
    ++m_depth;
    m_first = true;
}

void JsonWriter::close(char bracket)
{
    --m_depth;
    if (!m_first) {
        newline();
    }
    m_out.append(bracket);
    m_first = false;
    if (m_depth == 0) {
        m_out.append('\n');
    }
}

void JsonWriter::key(QStringView name)
{
    beforeValue();
    string(name);
    m_out.append(": ", 2);
    m_afterKey = true;
}

void JsonWriter::key(QLatin1StringView name)
{
    beforeValue();
    m_out.append('"');
    m_out.append(name.data(), name.size()); // the model's own key names: nothing to escape
    m_out.append("\": ", 3);
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    beforeValue();
    string(text);
}

void JsonWriter::value(QLatin1StringView text)
{
    value(QString(text));
}

void JsonWriter::value(bool b)
{
    beforeValue();
    m_out.append(b ? QByteArrayView("true") : QByteArrayView("false"));
}

void JsonWriter::value(qint64 n)
{
    beforeValue();
    m_out.append(QByteArray::number(n));
}

void JsonWriter::value(double d)
{
    beforeValue();
    m_out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

void JsonWriter::null()
{
    beforeValue();
    m_out.append("null", 4);
}

void JsonWriter::stringArray(const QStringList &items)
{
    beginArray();
    for (const QString &item : items) {
        value(QStringView(item));
    }
    endArray();
}

void JsonWriter::string(QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    m_out.append('"');
    // ASCII runs are copied as they are; anything else goes through UTF-8 (QString's encoder
    // also turns a lone surrogate into U+FFFD, as QJsonDocument does).
    qsizetype i = 0;
    while (i < text.size()) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            qsizetype end = i + 1;
            while (end < text.size()) {
                const char16_t d = text[end].unicode();
                if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\') {
                    break;
                }
                ++end;
            }
            const qsizetype at = m_out.size();
            m_out.resize(at + (end - i));
            char *to = m_out.data() + at;
            for (qsizetype k = i; k < end; ++k) {
                *to++ = static_cast<char>(text[k].unicode());
            }
            i = end;
            continue;
        }
        if (c >= 0x80) {
            qsizetype end = i + 1;
            while (end < text.size() && text[end].unicode() >= 0x80) {
                ++end;
            }
            m_out.append(text.mid(i, end - i).toUtf8());
            i = end;
            continue;
        }
        switch (c) {
        case '"':
            m_out.append("\\\"", 2);
            break;
        case '\\':
            m_out.append("\\\\", 2);
            break;
        case '\n':
            m_out.append("\\n", 2);
            break;
        case '\r':
            m_out.append("\\r", 2);
            break;
        case '\t':
            m_out.append("\\t", 2);
            break;
        case '\b':
            m_out.append("\\b", 2);
            break;
        case '\f':
            m_out.append("\\f", 2);
            break;
        default: {
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            m_out.append(escaped, 6);
        }
        }
        ++i;
    }
    m_out.append('"');
}

} // namespace DevDock::Core
