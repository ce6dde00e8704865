// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace DevDock::Core {

// Writes indented JSON text straight into a byte array, for documents too large to build as a
// QJsonObject first (`config --json` of a 50 MB compose file is 200 MB of JSON: Qt's JSON values
// took longer than loading the project). The caller writes keys in the order they should appear
// and keeps the nesting right; the writer does commas, indentation (4 spaces, like Compose) and
// string escaping.
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out)
        : m_out(out)
    {}

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    // An object member's key; its value follows (a value call or a begin*).
    void key(QStringView name);
    void key(QLatin1StringView name);

    void value(QStringView text);
    void value(QLatin1StringView text);
    void value(bool b);
    void value(qint64 n);
    void value(int n) { value(static_cast<qint64>(n)); }
    void value(double d);
    void null();
    void stringArray(const QStringList &items);

    // key + value in one call.
    template<typename T>
    void member(QLatin1StringView name, const T &v)
    {
        key(name);
        value(v);
    }

private:
    void open(char bracket);
    void close(char bracket);
    void beforeValue();
    void newline();
    void string(QStringView text);

    QByteArray &m_out;
    int m_depth = 0;
    bool m_first = true;      // nothing written yet in the innermost container
    bool m_afterKey = false;  // a key was written: the value goes on its line
};

} // namespace DevDock::Core
