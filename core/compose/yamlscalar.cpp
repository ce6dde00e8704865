// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlscalar.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

namespace DevDock::Core {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QString latin1(std::string_view s)
{
    return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
}

// Go's strconv.ParseInt(s, 0, 64), then ParseUint(s, 0, 64): an optional sign (ParseInt only),
// then 0x/0X, 0b/0B, 0o/0O or a leading 0 (octal) or decimal digits. The printed decimal, or
// nothing when s is no integer either of them reads (or does not fit 64 bits).
std::optional<std::string> goInteger(std::string_view s)
{
    bool negative = false;
    bool signedText = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        signedText = true;
        s.remove_prefix(1);
    }
    int base = 10;
    if (s.size() >= 2 && s[0] == '0') {
        const char p = static_cast<char>(s[1] | 0x20);
        if (p == 'x' || p == 'b' || p == 'o') {
            base = p == 'x' ? 16 : p == 'b' ? 2 : 8;
            s.remove_prefix(2);
        } else {
            base = 8; // the C-style octal 0755
            s.remove_prefix(1);
        }
    }
    if (s.empty()) {
        return std::nullopt;
    }
    unsigned __int128 magnitude = 0;
    for (const char c : s) {
        int d = 0;
        if (isDigit(c)) {
            d = c - '0';
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
            d = (c | 0x20) - 'a' + 10;
        } else {
            return std::nullopt;
        }
        if (d >= base) {
            return std::nullopt;
        }
        magnitude = magnitude * base + static_cast<unsigned>(d);
        if (magnitude > UINT64_MAX) {
            return std::nullopt;
        }
    }
    const auto value = static_cast<std::uint64_t>(magnitude);
    const std::uint64_t int64Limit = negative ? (std::uint64_t(1) << 63) : INT64_MAX;
    if (value > int64Limit && signedText) {
        return std::nullopt; // ParseUint takes no sign
    }
    std::string out = (negative && value != 0) ? "-" : "";
    return out + std::to_string(value);
}

// go-yaml's float syntax: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool yamlStyleFloat(std::string_view s)
{
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t from = i;
        while (i < s.size() && isDigit(s[i])) {
            ++i;
        }
        return i > from;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        ++i;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!digits()) {
            return false;
        }
    } else {
        if (!digits()) {
            return false;
        }
        if (i < s.size() && s[i] == '.') {
            ++i;
            digits();
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            ++i;
        }
        if (!digits()) {
            return false;
        }
    }
    return i == s.size();
}

// Go's strconv.ParseFloat(s, 64) on a text yamlStyleFloat accepted: nothing when out of range.
std::optional<double> goFloat(std::string_view s)
{
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1); // from_chars takes no '+'
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc::result_out_of_range) {
        // Go too refuses what overflows ("1e400"); what underflows ("1e-400") it reads as zero.
        const bool underflow = s.find("e-") != std::string_view::npos
                               || s.find("E-") != std::string_view::npos;
        if (!underflow) {
            return std::nullopt;
        }
        return s.front() == '-' ? -0.0 : 0.0;
    }
    if (ec != std::errc() || end != s.data() + s.size()) {
        return std::nullopt;
    }
    return value;
}

// Two digits from s at i (or one, when `fixed` is false and the next is no digit), as Go's
// time.Parse reads month, day, hour, minute and second.
std::optional<int> goNumber(std::string_view s, std::size_t &i, bool fixed)
{
    if (i >= s.size() || !isDigit(s[i])) {
        return std::nullopt;
    }
    if (i + 1 >= s.size() || !isDigit(s[i + 1])) {
        if (fixed) {
            return std::nullopt;
        }
        return s[i++] - '0';
    }
    const int n = (s[i] - '0') * 10 + (s[i + 1] - '0');
    i += 2;
    return n;
}

int daysIn(int month, int year)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

QString twoDigits(int n)
{
    return QString::number(n).rightJustified(2, QLatin1Char('0'));
}

// go-yaml's timestamps: time.Parse with "2006-1-2T15:4:5.999999999Z07:00" (t lower case too),
// "2006-1-2 15:4:5.999999999" or "2006-1-2", printed as Go's Time.String() prints them. A time
// without a zone, or in Z, is UTC; another offset prints as "+0200 +0200" (Go's fixed zone of no
// name; Compose would name it after the local zone when the offset is the local one, which
// DevDock, not knowing Compose's machine, takes to be UTC).
std::optional<QString> goTimestamp(std::string_view s)
{
    // go-yaml's quick check: four digits and a dash.
    if (s.size() < 5 || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[2]) || !isDigit(s[3])
        || s[4] != '-') {
        return std::nullopt;
    }
    const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    std::size_t i = 5;
    const auto month = goNumber(s, i, false);
    if (!month || i >= s.size() || s[i] != '-') {
        return std::nullopt;
    }
    ++i;
    const auto day = goNumber(s, i, false);
    if (!day || *month < 1 || *month > 12 || *day < 1 || *day > daysIn(*month, year)) {
        return std::nullopt;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    QString fraction;
    int offsetMinutes = 0;
    bool utc = true;
    if (i < s.size()) {
        const char separator = s[i];
        if (separator != 'T' && separator != 't' && separator != ' ') {
            return std::nullopt;
        }
        ++i;
        const auto h = goNumber(s, i, false);
        if (!h || i >= s.size() || s[i] != ':') {
            return std::nullopt;
        }
        ++i;
        const auto m = goNumber(s, i, false);
        if (!m || i >= s.size() || s[i] != ':') {
            return std::nullopt;
        }
        ++i;
        const auto sec = goNumber(s, i, false);
        if (!sec || *h > 23 || *m > 59 || *sec > 59) {
            return std::nullopt;
        }
        hour = *h;
        minute = *m;
        second = *sec;
        // A fraction (after '.' or ','): every digit is read, nanoseconds are kept.
        if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && isDigit(s[i + 1])) {
            ++i;
            std::string nanos;
            while (i < s.size() && isDigit(s[i])) {
                if (nanos.size() < 9) {
                    nanos += s[i];
                }
                ++i;
            }
            while (!nanos.empty() && nanos.back() == '0') {
                nanos.pop_back();
            }
            if (!nanos.empty()) {
                fraction = QLatin1Char('.') + latin1(nanos);
            }
        }
        if (separator != ' ') {
            // Z07:00 is required after a T.
            if (i < s.size() && s[i] == 'Z') {
                ++i;
            } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
                std::size_t j = i + 1;
                const auto oh = goNumber(s, j, true);
                ++j;
                const auto om = goNumber(s, j, true);
                if (!oh || !om || *oh > 24 || *om > 59) {
                    return std::nullopt;
                }
                offsetMinutes = (*oh * 60 + *om) * (s[i] == '-' ? -1 : 1);
                utc = offsetMinutes == 0;
                i = j;
            } else {
                return std::nullopt;
            }
        }
    }
    if (i != s.size()) {
        return std::nullopt;
    }
    QString zone = QStringLiteral("+0000 UTC");
    if (!utc) {
        const int a = std::abs(offsetMinutes);
        const QString offset = (offsetMinutes < 0 ? QStringLiteral("-") : QStringLiteral("+"))
                               + twoDigits(a / 60) + twoDigits(a % 60);
        zone = offset + QLatin1Char(' ') + offset;
    }
    return QStringLiteral("%1-%2-%3 %4:%5:%6%7 %8")
        .arg(QString::number(year).rightJustified(4, QLatin1Char('0')), twoDigits(*month),
             twoDigits(*day), twoDigits(hour), twoDigits(minute), twoDigits(second), fraction,
             zone);
}

} // namespace

QString goFloatText(double value)
{
    if (value == 0) {
        return std::signbit(value) ? QStringLiteral("-0") : QStringLiteral("0");
    }
    // The shortest digits that read back as `value`, and the decimal exponent, as Go finds them.
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::abs(value),
                                      std::chars_format::scientific);
    const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    const std::size_t e = text.find('e');
    std::string digits;
    for (const char c : text.substr(0, e)) {
        if (c != '.') {
            digits += c;
        }
    }
    int exponent = 0;
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(),
                    exponent);
    std::string out = value < 0 ? "-" : "";
    // %v is %g with the shortest digits: exponent form below 1e-4 and from 1e6 (the threshold
    // Go uses for the shortest precision), else plain.
    if (exponent < -4 || exponent >= 6) {
        out += digits[0];
        if (digits.size() > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += exponent < 0 ? "e-" : "e+";
        const int a = std::abs(exponent);
        if (a < 10) {
            out += '0';
        }
        out += std::to_string(a);
    } else if (exponent < 0) {
        out += "0." + std::string(std::size_t(-exponent - 1), '0') + digits;
    } else {
        const std::size_t whole = std::size_t(exponent) + 1;
        if (digits.size() <= whole) {
            out += digits + std::string(whole - digits.size(), '0');
        } else {
            out += digits.substr(0, whole) + '.' + digits.substr(whole);
        }
    }
    return latin1(out);
}

YamlScalar resolvePlainScalar(std::string_view text)
{
    YamlScalar r;
    if (text.empty()) {
        return r;
    }
    const char first = text.front();
    // go-yaml looks up only texts that start with one of these (its resolve table's hints).
    if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
        if (text == "true" || text == "True" || text == "TRUE") {
            return {YamlScalar::Type::Bool, QStringLiteral("true")};
        }
        if (text == "false" || text == "False" || text == "FALSE") {
            return {YamlScalar::Type::Bool, QStringLiteral("false")};
        }
        return r;
    }
    const bool sign = first == '+' || first == '-';
    if (first == '.' || sign) {
        for (const char *special : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
                                    "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"}) {
            if (text == special) {
                return {YamlScalar::Type::NotFinite, latin1(text)};
            }
        }
    }
    if (first == '.') {
        // Go's ParseFloat on the text as written.
        if (yamlStyleFloat(text)) {
            if (const auto f = goFloat(text)) {
                return {YamlScalar::Type::Float, goFloatText(*f)};
            }
        }
        return r;
    }
    if (!isDigit(first) && !sign) {
        return r;
    }
    // The common case, a plain decimal ("5432"), prints as written.
    if (isDigit(first) && (first != '0' || text.size() == 1) && text.size() < 19) {
        bool allDigits = true;
        for (const char c : text) {
            allDigits = allDigits && isDigit(c);
        }
        if (allDigits) {
            return {YamlScalar::Type::Int, latin1(text)};
        }
    }
    if (isDigit(first)) {
        if (auto t = goTimestamp(text)) {
            return {YamlScalar::Type::Timestamp, *t};
        }
    }
    // go-yaml drops every underscore before it reads a number ("1_000" is 1000).
    std::string plain;
    plain.reserve(text.size());
    for (const char c : text) {
        if (c != '_') {
            plain += c;
        }
    }
    if (const auto i = goInteger(plain)) {
        return {YamlScalar::Type::Int, latin1(*i)};
    }
    if (yamlStyleFloat(plain)) {
        if (const auto f = goFloat(plain)) {
            return {YamlScalar::Type::Float, goFloatText(*f)};
        }
    }
    return r;
}

} // namespace DevDock::Core
