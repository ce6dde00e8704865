// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string_view>

namespace DevDock::Core {

// A plain (unquoted, untagged) YAML scalar as Compose's YAML library (go-yaml v3) types it, and
// as Compose then prints it where it wants text (an environment value, a label, a build arg):
// through Go's fmt. So `0755` is the integer 493, `1.50` the float 1.5, `1e6` prints "1e+06",
// `TRUE` is the boolean true and `2020-1-2` a time printed "2020-01-02 00:00:00 +0000 UTC".
// Null is the tree's business (YamlNode::isNull), not this one's.
struct YamlScalar
{
    enum class Type { String, Bool, Int, Float, Timestamp, NotFinite };
    Type type = Type::String;
    // The value as Compose prints it; for a String (and a NotFinite: .inf, .nan, which Compose
    // cannot validate) the text as written.
    QString printed;
};

YamlScalar resolvePlainScalar(std::string_view text);

// Go's fmt %v of a float64 ("1.5", "1e+06", "1.23456789123e+08", "-0").
QString goFloatText(double value);

} // namespace DevDock::Core
