// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace DevDock::Core {

struct HttpResponseHead
{
    int statusCode = 0;
    int versionMinor = 1; // HTTP/1.x
    QByteArray reason;
    QList<std::pair<QByteArray, QByteArray>> headers; // as received, values trimmed

    // First value of a header, compared case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
};

// Incremental HTTP/1.1 response parser: status line, headers, and a body framed by
// Content-Length, chunked transfer coding, or the end of the connection. It is fed arbitrary
// byte chunks (a response can be split anywhere) and hands body bytes to a callback without
// buffering them. No I/O, no Qt event loop: a pure state machine, unit tested and fuzzed.
class HttpResponseParser
{
public:
    enum class Status {
        NeedMore, // everything fed was consumed; the response is not complete yet
        Complete, // the response is complete; bytes after it were not consumed
        Error,    // malformed input; errorString() says what
    };

    struct Callbacks
    {
        std::function<void(const HttpResponseHead &)> head; // once, when the headers are in
        std::function<void(QByteArrayView)> body;           // zero or more times
    };

    static constexpr qsizetype MaxHeadSize = 64 * 1024;

    HttpResponseParser() = default;
    explicit HttpResponseParser(Callbacks callbacks);

    void setCallbacks(Callbacks callbacks) { m_callbacks = std::move(callbacks); }
    // The request was HEAD: the response has headers only.
    void setExpectNoBody(bool noBody) { m_requestHadNoBody = noBody; }

    // Feeds the next bytes. *consumed (if given) receives how many bytes belonged to this
    // response; after Complete, the rest belongs to whatever follows on the connection.
    Status feed(QByteArrayView data, qsizetype *consumed = nullptr);
    // The peer closed the connection. Completes a body that runs until close; anything else that
    // is unfinished is a truncated response.
    Status finish();
    // Prepares for the next response on the same connection.
    void reset();

    bool headComplete() const { return m_state > State::Headers && m_state != State::Error; }
    bool isComplete() const { return m_state == State::Done; }
    bool hasError() const { return m_state == State::Error; }
    const HttpResponseHead &head() const { return m_head; }
    QString errorString() const { return m_error; }

    // Whether the connection may carry another request after this response.
    bool keepAlive() const { return m_keepAlive; }
    // Bytes of body delivered so far (after de-chunking).
    qint64 bodyBytes() const { return m_bodyBytes; }

private:
    enum class State {
        StatusLine,
        Headers,
        BodyLength,
        BodyUntilClose,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Done,
        Error,
    };

    Status fail(QString message);
    bool takeLine(QByteArrayView data, qsizetype &pos, QByteArray &line, bool &complete);
    bool parseStatusLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    bool startBody();
    bool parseChunkSize(const QByteArray &line);
    void deliver(QByteArrayView bytes);

    Callbacks m_callbacks;
    State m_state = State::StatusLine;
    HttpResponseHead m_head;
    QByteArray m_line;        // a partial line carried across feeds
    qsizetype m_headSize = 0; // bytes of status line and headers so far
    qint64 m_remaining = 0;   // body or chunk bytes still expected
    qint64 m_bodyBytes = 0;
    bool m_keepAlive = true;
    bool m_requestHadNoBody = false;
    QString m_error;
};

} // namespace DevDock::Core
