// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/interpolation.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace DevDock::Core {

// One piece of a .env file: a blank line, a comment, or a variable (which may span several lines
// when its quoted value does). `raw` is its exact text including the line ending, so a document
// is the concatenation of its entries' raw texts.
struct EnvEntry
{
    enum class Kind { Blank, Comment, Variable };
    enum class Quoting { None, Single, Double };

    Kind kind = Kind::Blank;
    QString raw;
    // The bytes `raw` was read from, kept so that a line nobody edits is written back byte for
    // byte even where it is not valid UTF-8 (a Latin-1 "é" reads as U+FFFD). Used only while
    // they still decode to `raw`: an entry whose text changed is written as UTF-8.
    QByteArray rawBytes;
    int line = 0; // 1-based first line
    QString key;
    QString value;        // decoded (escapes applied), not interpolated
    QString templateText; // what interpolation sees: a literal $ is written $$
    Quoting quoting = Quoting::None;
    bool exported = false; // "export KEY=..."
    bool hasValue = true;  // false for a bare "KEY" line: inherited from the environment
    QString prefix;        // raw text before the value ("export KEY = ")
    QString suffix;        // raw text after the value (" # comment\n")
};

// A .env document with Compose's rules, kept lossless: parse, edit a key, write — only that key's
// lines change; comments, blank lines, order, quoting and line endings of the rest stay as they
// were, byte for byte (a UTF-8 byte order mark, bytes that are not UTF-8).
//  - KEY=value and KEY: value, spaces around the separator, an optional "export " prefix;
//  - single quotes are literal (\' is a quote); double quotes may span lines and take the
//    escapes of Compose v2.26: \a \b \f \n \r \t \v \" \\ \$ and \0 with three octal digits
//    (\0101 is "A"); \0 with fewer or other digits drops the 0 (\012 is "\12"), and every other
//    backslash stays as it is;
//  - unquoted values are trimmed, and # starts a comment only after whitespace;
//  - values are interpolated (unquoted and double-quoted only) by resolve().
class EnvDocument
{
public:
    // A leading byte order mark (U+FEFF) is not part of the first line, as in Compose.
    static Result<EnvDocument> parse(const QString &text, const QString &fileName = {});
    // The bytes of a file: what toBytes() gives back unchanged when nothing was edited.
    static Result<EnvDocument> parseBytes(const QByteArray &bytes, const QString &fileName = {});

    QString toString() const;
    QByteArray toBytes() const;
    const QList<EnvEntry> &entries() const { return m_entries; }
    QStringList keys() const;
    bool contains(const QString &key) const { return indexOf(key) >= 0; }
    // The decoded, uninterpolated value; nullopt when the key is absent.
    std::optional<QString> rawValue(const QString &key) const;

    // Sets a key's value, rewriting only its own entry (keeping its prefix, quoting where the
    // value allows it, and trailing comment); a new key is appended at the end.
    void set(const QString &key, const QString &value);
    bool remove(const QString &key);
    // Comment lines directly above a key ("# text"): added as the last one, or removed when they
    // contain `text`. False when the key is absent (or nothing was removed).
    bool addCommentAbove(const QString &key, const QString &text);
    bool removeCommentsAbove(const QString &key, const QString &containing);
    // Turns the key's line into a comment ("# KEY=value"), keeping its place.
    bool commentOut(const QString &key);

    // Every variable's value after interpolation. References resolve from `environment` first
    // (the process environment, as in Compose), then from keys earlier in the file.
    Result<QList<std::pair<QString, QString>>> resolve(const VariableLookup &environment) const;

    bool hasByteOrderMark() const { return m_byteOrderMark; }
    // The bytes an entry is written as: the ones it was read from while they still say its raw
    // text (so a line nobody edited keeps bytes that are not UTF-8), else its text as UTF-8.
    static QByteArray entryBytes(const EnvEntry &entry);

    // How a value is written for a given quoting preference (None falls back to Double when the
    // value needs quotes).
    static QString encodeValue(const QString &value, EnvEntry::Quoting preferred);

private:
    qsizetype indexOf(const QString &key) const;
    QString lineEnding() const;

    QList<EnvEntry> m_entries;
    QString m_fileName;
    bool m_byteOrderMark = false;
};

} // namespace DevDock::Core
