// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <expected>

namespace DevDock::Core {

// An expected failure a user can act on: what went wrong, and what to do about it.
struct Error
{
    enum class Code {
        Unknown,
        EngineUnreachable, // socket missing, connection refused, host unknown
        PermissionDenied,  // e.g. not in the docker group
        Tls,               // certificate or handshake problem
        Ssh,               // ssh transport failed
        Protocol,          // malformed HTTP or stream data
        Api,               // engine answered with an error status
        NotFound,          // container, image, context ... does not exist
        Conflict,          // e.g. container already stopped/started
        Timeout,
        Cancelled,
        InvalidArgument,
        Io,
        Unsupported,
    };

    Code code = Code::Unknown;
    QString message;
    QString hint;

    bool operator==(const Error &) const = default;

    // One line for the terminal or a status bar: "message Hint" when there is a hint.
    QString toString() const
    {
        return hint.isEmpty() ? message : message + QStringLiteral(" ") + hint;
    }
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> makeError(Error::Code code, QString message, QString hint = {})
{
    return std::unexpected<Error>(Error{code, std::move(message), std::move(hint)});
}

} // namespace DevDock::Core

Q_DECLARE_METATYPE(DevDock::Core::Error)
