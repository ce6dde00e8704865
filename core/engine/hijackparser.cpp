// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hijackparser.h"

#include <algorithm>

namespace DevDock::Core {

namespace {

bool isStreaming(int status)
{
    return status == 101 || (status >= 200 && status < 300);
}

} // namespace

HijackParser::State HijackParser::feed(QByteArrayView data, const Sink &sink)
{
    if (m_state == State::Error || m_state == State::RefusalComplete) {
        return m_state;
    }
    if (m_state == State::Streaming) {
        if (!data.isEmpty()) {
            sink(data);
        }
        return m_state;
    }
    // Head or Refused: the HTTP parser frames the head and a refusal's body. A streaming answer
    // is only parsed up to its head; the rest of the chunk is stream, whatever the headers say.
    bool headNow = false;
    m_parser.setCallbacks({[&headNow](const HttpResponseHead &) { headNow = true; },
                           [this](QByteArrayView body) {
                               if (m_state == State::Refused) {
                                   m_body.append(body.first(std::min<qsizetype>(
                                       body.size(),
                                       std::max<qsizetype>(0, MaxRefusalBody - m_body.size()))));
                               }
                           }});
    if (m_state == State::Head) {
        // Feed byte ranges up to the end of the head only, so that no stream byte reaches the
        // HTTP parser's body handling (a 200 might announce a length it does not keep to).
        qsizetype pos = 0;
        while (pos < data.size() && !headNow) {
            const qsizetype newline = data.indexOf('\n', pos);
            const qsizetype end = newline < 0 ? data.size() : newline + 1;
            const auto status = m_parser.feed(data.sliced(pos, end - pos));
            pos = end;
            if (status == HttpResponseParser::Status::Error) {
                m_state = State::Error;
                m_error = m_parser.errorString();
                return m_state;
            }
            if (headNow) {
                if (isStreaming(m_parser.head().statusCode)) {
                    m_state = State::Streaming;
                    if (pos < data.size()) {
                        sink(data.sliced(pos));
                    }
                    return m_state;
                }
                m_state = m_parser.isComplete() ? State::RefusalComplete : State::Refused;
            }
        }
        data = data.sliced(pos);
        if (m_state != State::Refused || data.isEmpty()) {
            return m_state;
        }
    }
    const auto status = m_parser.feed(data);
    if (status == HttpResponseParser::Status::Error) {
        m_state = State::Error;
        m_error = m_parser.errorString();
    } else if (status == HttpResponseParser::Status::Complete) {
        m_state = State::RefusalComplete;
    }
    return m_state;
}

HijackParser::State HijackParser::finish()
{
    if (m_state == State::Head) {
        m_state = State::Error;
        m_error = QStringLiteral("The engine closed the connection before its answer was complete");
    } else if (m_state == State::Refused) {
        // A refusal cut short still names its status and what of the message arrived.
        m_state = State::RefusalComplete;
    }
    return m_state;
}

} // namespace DevDock::Core
