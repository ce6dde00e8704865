// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace DevDock::Core {

// The secret values this process knows of (read from or written to the keychain, or found in a
// .env file under a secret key), so that everything DevDock logs or prints can hide them: the
// application log, devdockctl's stdout and stderr, the compose CLI's output lines. Thread-safe;
// redacting costs one atomic load while no secret is known.
//
// Values shorter than MinimumSecretLength are not remembered: a secret of one to three characters
// would mask unrelated text everywhere ("on", "80", "yes"), and cannot be told apart from it
// anyway. devdockctl warns when such a secret is set.
inline constexpr int MinimumSecretLength = 4;

// Remembers `value` as the secret `key` (replaced by "[secret KEY]"). Also remembers the forms in
// which it commonly reappears: JSON-escaped and percent-encoded. False when it is too short.
bool registerSecret(const QString &key, const QString &value);

// `text` with every known secret value replaced. Overlapping values: the longest wins.
QString redactSecrets(const QString &text);
QByteArray redactSecrets(const QByteArray &utf8);

bool haveSecretsToRedact();
// Forgets every value (tests).
void clearRegisteredSecrets();

} // namespace DevDock::Core
