// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitworktree.h"

namespace DevDock::Core {

namespace {

// git's quote_c_style: "a\"b\nc" -> a"b<newline>c, octal escapes for other bytes.
QByteArray unquoteC(const QByteArray &text)
{
    if (text.size() < 2 || !text.startsWith('"') || !text.endsWith('"')) {
        return text;
    }
    QByteArray out;
    for (qsizetype i = 1; i < text.size() - 1; ++i) {
        const char c = text.at(i);
        if (c != '\\' || i + 1 >= text.size() - 1) {
            out += c;
            continue;
        }
        const char e = text.at(++i);
        switch (e) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'v':
            out += '\v';
            break;
        default:
            if (e >= '0' && e <= '3' && i + 2 < text.size() - 1) {
                out +=
                    char(((e - '0') << 6) | ((text.at(i + 1) - '0') << 3) | (text.at(i + 2) - '0'));
                i += 2;
            } else {
                out += e; // \" and \\ .
            }
        }
    }
    return out;
}

} // namespace

QList<GitWorktree> GitWorktree::parseList(const QByteArray &porcelain)
{
    const char separator = porcelain.contains('\0') ? '\0' : '\n';
    QList<GitWorktree> list;
    bool open = false;
    for (QByteArray line : porcelain.split(separator)) {
        if (separator == '\n' && line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.isEmpty()) {
            open = false;
            continue;
        }
        const qsizetype space = line.indexOf(' ');
        const QByteArray key = space < 0 ? line : line.left(space);
        const QByteArray value = space < 0 ? QByteArray() : line.mid(space + 1);
        if (key == "worktree") {
            list.append(GitWorktree{});
            list.last().path = QString::fromUtf8(value);
            open = true;
            continue;
        }
        if (!open) {
            continue; // a line outside any record: not ours to guess about
        }
        GitWorktree &w = list.last();
        if (key == "HEAD") {
            w.head = QString::fromLatin1(value);
        } else if (key == "branch") {
            const QByteArray prefix("refs/heads/");
            w.branch =
                QString::fromUtf8(value.startsWith(prefix) ? value.mid(prefix.size()) : value);
        } else if (key == "bare") {
            w.bare = true;
        } else if (key == "detached") {
            w.detached = true;
        } else if (key == "locked") {
            w.locked = true;
            w.lockReason = QString::fromUtf8(separator == '\n' ? unquoteC(value) : value);
        } else if (key == "prunable") {
            w.prunable = true;
            w.prunableReason = QString::fromUtf8(separator == '\n' ? unquoteC(value) : value);
        }
    }
    return list;
}

} // namespace DevDock::Core
