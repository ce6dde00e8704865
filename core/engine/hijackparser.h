// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpresponseparser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

namespace DevDock::Core {

// The engine's answer to a hijacking request (POST /exec/{id}/start, attach): a status line and
// headers, then the raw stream for the rest of the connection. Engines that honour
// `Upgrade: tcp` answer 101 Switching Protocols; older ones 200 with the raw stream after the
// headers. Anything else is a refusal whose (Content-Length or chunked) body holds the engine's
// message. Fed arbitrary chunks (a head can be split anywhere, stream bytes may follow the head in
// the same chunk); pure state machine, unit tested and fuzzed.
class HijackParser
{
public:
    enum class State {
        Head,      // the status line and headers are not all in yet
        Streaming, // 101 or 200: every further byte is stream
        Refused,   // the engine refused; body() collects its message
        RefusalComplete,
        Error, // malformed head; errorString()
    };
    using Sink = std::function<void(QByteArrayView)>;

    static constexpr qsizetype MaxRefusalBody = 64 * 1024;

    // Stream bytes go to `sink`, in order, as they arrive.
    State feed(QByteArrayView data, const Sink &sink);
    // The connection ended: a refusal body cut short or a head never finished is an error.
    State finish();

    State state() const { return m_state; }
    const HttpResponseHead &head() const { return m_parser.head(); }
    int statusCode() const { return m_parser.head().statusCode; }
    QByteArray refusalBody() const { return m_body; }
    QString errorString() const { return m_error; }

private:
    HttpResponseParser m_parser;
    State m_state = State::Head;
    QByteArray m_body;
    QString m_error;
};

} // namespace DevDock::Core
