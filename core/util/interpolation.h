// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

namespace DevDock::Core {

// Looks a variable up; nullopt when it is not set (set-but-empty is an empty string).
using VariableLookup = std::function<std::optional<QString>(const QString &name)>;

// Compose's variable interpolation: $VAR, ${VAR}, ${VAR:-default}, ${VAR-default},
// ${VAR:+replacement}, ${VAR+replacement}, ${VAR:?message}, ${VAR?message}; defaults and
// replacements may themselves contain references (nesting); $$ is a literal $, and so is a $
// that starts no reference ("a $ b"). An unbraced name ends at the first character that cannot
// be in a name. A missing required variable and a malformed ${…} are Errors whose message names
// the variable or quotes the template. Behaviour checked case by case against Compose v2.26.
Result<QString> interpolate(QStringView input, const VariableLookup &lookup);

} // namespace DevDock::Core
