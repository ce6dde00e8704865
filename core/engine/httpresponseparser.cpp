// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpresponseparser.h"

#include "snippet.h"

#include <limits>

namespace DevDock::Core {

namespace {

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Whether a comma-separated header value lists `token` (case-insensitive).
bool listsToken(QByteArrayView value, QByteArrayView token)
{
    for (const QByteArray &part : value.toByteArray().split(',')) {
        if (equalsIgnoreCase(part.trimmed(), token)) {
            return true;
        }
    }
    return false;
}

// Whether a partial first line can still become "HTTP/1.x ...": garbage fails at its first bytes
// instead of waiting for a newline that may never come.
bool couldBeStatusLine(const QByteArray &partial)
{
    static constexpr QByteArrayView prefix("HTTP/1.");
    if (partial == "\r") {
        return true; // a stray CRLF, split after the CR
    }
    const qsizetype n = std::min(partial.size(), prefix.size());
    return prefix.startsWith(QByteArrayView(partial).first(n));
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

} // namespace

QByteArray HttpResponseHead::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (equalsIgnoreCase(key, name)) {
            return value;
        }
    }
    return {};
}

bool HttpResponseHead::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (equalsIgnoreCase(entry.first, name)) {
            return true;
        }
    }
    return false;
}

HttpResponseParser::HttpResponseParser(Callbacks callbacks)
    : m_callbacks(std::move(callbacks))
{}

void HttpResponseParser::reset()
{
    m_state = State::StatusLine;
    m_head = {};
    m_line.clear();
    m_headSize = 0;
    m_remaining = 0;
    m_bodyBytes = 0;
    m_keepAlive = true;
    m_requestHadNoBody = false;
    m_error.clear();
}

HttpResponseParser::Status HttpResponseParser::fail(QString message)
{
    m_state = State::Error;
    m_error = std::move(message);
    m_keepAlive = false;
    return Status::Error;
}

// Appends bytes up to and including '\n' to `line`. Returns false when the head grows too large.
// `complete` tells whether a whole line (without its CRLF/LF) is now in `line`.
bool HttpResponseParser::takeLine(QByteArrayView data, qsizetype &pos, QByteArray &line,
                                  bool &complete)
{
    const qsizetype nl = data.indexOf('\n', pos);
    const qsizetype end = nl < 0 ? data.size() : nl + 1;
    const qsizetype taken = end - pos;
    m_headSize += taken;
    if (m_headSize > MaxHeadSize || line.size() + taken > MaxHeadSize) {
        return false;
    }
    line.append(data.sliced(pos, taken));
    pos = end;
    complete = nl >= 0;
    if (complete) {
        line.chop(1);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
    }
    return true;
}

bool HttpResponseParser::parseStatusLine(const QByteArray &line)
{
    // HTTP/1.1 200 OK
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || line.at(8) != ' ') {
        return false;
    }
    const char minor = line.at(7);
    if (minor != '0' && minor != '1') {
        return false;
    }
    m_head.versionMinor = minor - '0';
    int code = 0;
    for (int i = 9; i < 12; ++i) {
        const char c = line.at(i);
        if (c < '0' || c > '9') {
            return false;
        }
        code = code * 10 + (c - '0');
    }
    if (code < 100) {
        return false;
    }
    if (line.size() > 12 && line.at(12) != ' ') {
        return false;
    }
    m_head.statusCode = code;
    m_head.reason = line.size() > 13 ? line.mid(13) : QByteArray();
    return true;
}

bool HttpResponseParser::parseHeaderLine(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        // Obsolete line folding: a continuation of the previous value.
        if (m_head.headers.isEmpty()) {
            return false;
        }
        QByteArray &value = m_head.headers.last().second;
        value.append(' ');
        value.append(line.trimmed());
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        return false;
    }
    for (qsizetype i = 0; i < colon; ++i) {
        if (!isTokenChar(line.at(i))) {
            return false;
        }
    }
    m_head.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    return true;
}

bool HttpResponseParser::startBody()
{
    const int code = m_head.statusCode;
    const QByteArray connection = m_head.header("Connection");
    if (m_head.versionMinor == 0) {
        m_keepAlive = listsToken(connection, "keep-alive");
    } else {
        m_keepAlive = !listsToken(connection, "close");
    }

    if (code == 101) {
        // Switching protocols (an attach/exec upgrade): the rest of the connection is the stream.
        m_keepAlive = false;
        m_state = State::BodyUntilClose;
        return true;
    }
    if ((code >= 100 && code < 200) || code == 204 || code == 304 || m_requestHadNoBody) {
        m_state = State::Done;
        return true;
    }

    const QByteArray te = m_head.header("Transfer-Encoding");
    if (!te.isEmpty()) {
        // Chunked must be the final coding; anything else means "read until close".
        const QList<QByteArray> codings = te.split(',');
        if (codings.last().trimmed().compare("chunked", Qt::CaseInsensitive) == 0) {
            m_state = State::ChunkSize;
        } else {
            m_keepAlive = false;
            m_state = State::BodyUntilClose;
        }
        return true;
    }
    if (m_head.hasHeader("Content-Length")) {
        const QByteArray raw = m_head.header("Content-Length");
        bool ok = false;
        const qint64 length = raw.toLongLong(&ok);
        if (!ok || length < 0) {
            return false;
        }
        m_remaining = length;
        m_state = length == 0 ? State::Done : State::BodyLength;
        return true;
    }
    m_keepAlive = false;
    m_state = State::BodyUntilClose;
    return true;
}

bool HttpResponseParser::parseChunkSize(const QByteArray &line)
{
    qsizetype end = line.indexOf(';');
    if (end < 0) {
        end = line.size();
    }
    const QByteArray digits = line.left(end).trimmed();
    if (digits.isEmpty() || digits.size() > 15) {
        return false;
    }
    qint64 size = 0;
    for (const char c : digits) {
        int v = 0;
        if (c >= '0' && c <= '9') {
            v = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            v = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            v = c - 'A' + 10;
        } else {
            return false;
        }
        size = size * 16 + v;
    }
    m_remaining = size;
    return true;
}

void HttpResponseParser::deliver(QByteArrayView bytes)
{
    if (bytes.isEmpty()) {
        return;
    }
    m_bodyBytes += bytes.size();
    if (m_callbacks.body) {
        m_callbacks.body(bytes);
    }
}

HttpResponseParser::Status HttpResponseParser::feed(QByteArrayView data, qsizetype *consumed)
{
    qsizetype pos = 0;
    auto result = [&](Status s) {
        if (consumed) {
            *consumed = pos;
        }
        return s;
    };

    while (pos < data.size()) {
        switch (m_state) {
        case State::StatusLine: {
            bool complete = false;
            if (!takeLine(data, pos, m_line, complete)) {
                return result(fail(QStringLiteral("HTTP response head is too large")));
            }
            if (!complete) {
                if (!couldBeStatusLine(m_line)) {
                    return result(fail(QStringLiteral("Not an HTTP/1.x status line: %1")
                                           .arg(quotedSnippet(m_line))));
                }
                break;
            }
            if (m_line.isEmpty() && m_head.statusCode == 0) {
                continue; // tolerate stray CRLF before the status line
            }
            if (!parseStatusLine(m_line)) {
                return result(fail(QStringLiteral("Not an HTTP/1.x status line: %1")
                                       .arg(quotedSnippet(m_line))));
            }
            m_line.clear();
            m_state = State::Headers;
            break;
        }
        case State::Headers: {
            bool complete = false;
            if (!takeLine(data, pos, m_line, complete)) {
                return result(fail(QStringLiteral("HTTP response head is too large")));
            }
            if (!complete) {
                break;
            }
            if (!m_line.isEmpty()) {
                if (!parseHeaderLine(m_line)) {
                    return result(fail(QStringLiteral("Malformed HTTP header line: %1")
                                           .arg(quotedSnippet(m_line))));
                }
                m_line.clear();
                break;
            }
            m_line.clear();
            if (m_head.statusCode >= 100 && m_head.statusCode < 200 && m_head.statusCode != 101) {
                // An interim response (100 Continue): the real one follows.
                m_head = {};
                m_headSize = 0;
                m_state = State::StatusLine;
                break;
            }
            if (!startBody()) {
                return result(
                    fail(QStringLiteral("Invalid Content-Length: %1")
                             .arg(quotedSnippet(m_head.header("Content-Length")))));
            }
            if (m_callbacks.head) {
                m_callbacks.head(m_head);
            }
            if (m_state == State::Done) {
                return result(Status::Complete);
            }
            break;
        }
        case State::BodyLength: {
            const qint64 take = std::min<qint64>(m_remaining, data.size() - pos);
            deliver(data.sliced(pos, take));
            pos += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                m_state = State::Done;
                return result(Status::Complete);
            }
            break;
        }
        case State::BodyUntilClose:
            deliver(data.sliced(pos));
            pos = data.size();
            break;
        case State::ChunkSize: {
            bool complete = false;
            // Chunk-size lines share the head's size limit per line, not cumulatively.
            m_headSize = 0;
            if (!takeLine(data, pos, m_line, complete)) {
                return result(fail(QStringLiteral("HTTP chunk size line is too long")));
            }
            if (!complete) {
                break;
            }
            if (!parseChunkSize(m_line)) {
                return result(fail(QStringLiteral("Malformed HTTP chunk size: %1")
                                       .arg(quotedSnippet(m_line))));
            }
            m_line.clear();
            m_state = m_remaining == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 take = std::min<qint64>(m_remaining, data.size() - pos);
            deliver(data.sliced(pos, take));
            pos += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                m_state = State::ChunkDataEnd;
            }
            break;
        }
        case State::ChunkDataEnd: {
            // Expect CRLF (or a bare LF) after the chunk data.
            const char c = data.at(pos);
            if (c == '\r' && m_line.isEmpty()) {
                m_line.append('\r');
                ++pos;
            } else if (c == '\n') {
                m_line.clear();
                ++pos;
                m_state = State::ChunkSize;
            } else {
                return result(fail(QStringLiteral("Missing CRLF after HTTP chunk data")));
            }
            break;
        }
        case State::Trailers: {
            bool complete = false;
            m_headSize = 0;
            if (!takeLine(data, pos, m_line, complete)) {
                return result(fail(QStringLiteral("HTTP trailer line is too long")));
            }
            if (!complete) {
                break;
            }
            const bool last = m_line.isEmpty();
            m_line.clear();
            if (last) {
                m_state = State::Done;
                return result(Status::Complete);
            }
            break;
        }
        case State::Done:
            return result(Status::Complete);
        case State::Error:
            return result(Status::Error);
        }
    }
    if (m_state == State::Done) {
        return result(Status::Complete);
    }
    if (m_state == State::Error) {
        return result(Status::Error);
    }
    return result(Status::NeedMore);
}

HttpResponseParser::Status HttpResponseParser::finish()
{
    switch (m_state) {
    case State::Done:
        return Status::Complete;
    case State::BodyUntilClose:
        m_state = State::Done;
        return Status::Complete;
    case State::Error:
        return Status::Error;
    case State::StatusLine:
        if (m_headSize == 0) {
            return fail(QStringLiteral("Connection closed before a response arrived"));
        }
        [[fallthrough]];
    default:
        return fail(QStringLiteral("Connection closed in the middle of the response (truncated)"));
    }
}

} // namespace DevDock::Core
