// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <shared_mutex>

namespace DevDock::Core {

namespace {

template <typename Str>
struct Needle
{
    Str value;
    Str replacement;
};

struct Registry
{
    std::shared_mutex mutex;
    std::atomic<bool> empty{true};
    // Longest first, so that where two values overlap the longer one is hidden whole.
    QList<Needle<QString>> texts;
    QList<Needle<QByteArray>> bytes;
};

Registry &registry()
{
    static Registry r;
    return r;
}

template <typename Str>
void insertSorted(QList<Needle<Str>> &list, Needle<Str> needle)
{
    for (const Needle<Str> &n : list) {
        if (n.value == needle.value) {
            return; // known already (under whichever key came first)
        }
    }
    const auto at = std::find_if(list.begin(), list.end(), [&](const Needle<Str> &n) {
        return n.value.size() < needle.value.size();
    });
    list.insert(at, std::move(needle));
}

// The value as a JSON string literal shows it, without the quotes ("a\"b" for a"b).
QString jsonEscaped(const QString &value)
{
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(2, json.size() - 4));
}

// Finds the earliest occurrence of any needle at or after `from`; the longest at a tie.
template <typename Str>
const Needle<Str> *nextHit(const Str &text, qsizetype from, const QList<Needle<Str>> &needles,
                           qsizetype &at)
{
    const Needle<Str> *best = nullptr;
    for (const Needle<Str> &n : needles) {
        const qsizetype i = text.indexOf(n.value, from);
        if (i >= 0 && (best == nullptr || i < at)) {
            best = &n;
            at = i;
        }
    }
    return best;
}

template <typename Str>
Str redactWith(const Str &text, const QList<Needle<Str>> &needles)
{
    qsizetype at = 0;
    const Needle<Str> *hit = nextHit(text, 0, needles, at);
    if (hit == nullptr) {
        return text;
    }
    Str out;
    out.reserve(text.size());
    qsizetype done = 0;
    while (hit != nullptr) {
        out += text.sliced(done, at - done);
        out += hit->replacement;
        done = at + hit->value.size();
        hit = nextHit(text, done, needles, at);
    }
    out += text.sliced(done);
    return out;
}

} // namespace

bool registerSecret(const QString &key, const QString &value)
{
    if (value.size() < MinimumSecretLength) {
        return false;
    }
    const QString replacement =
        key.isEmpty() ? QStringLiteral("[secret]") : QStringLiteral("[secret %1]").arg(key);
    QStringList forms{value, jsonEscaped(value),
                      QString::fromLatin1(QUrl::toPercentEncoding(value))};
    forms.removeDuplicates();
    Registry &r = registry();
    std::unique_lock lock(r.mutex);
    for (const QString &form : std::as_const(forms)) {
        insertSorted(r.texts, Needle<QString>{form, replacement});
        insertSorted(r.bytes, Needle<QByteArray>{form.toUtf8(), replacement.toUtf8()});
    }
    r.empty.store(false, std::memory_order_release);
    return true;
}

QString redactSecrets(const QString &text)
{
    Registry &r = registry();
    if (r.empty.load(std::memory_order_acquire) || text.isEmpty()) {
        return text;
    }
    std::shared_lock lock(r.mutex);
    return redactWith(text, r.texts);
}

QByteArray redactSecrets(const QByteArray &utf8)
{
    Registry &r = registry();
    if (r.empty.load(std::memory_order_acquire) || utf8.isEmpty()) {
        return utf8;
    }
    std::shared_lock lock(r.mutex);
    return redactWith(utf8, r.bytes);
}

bool haveSecretsToRedact()
{
    return !registry().empty.load(std::memory_order_acquire);
}

void clearRegisteredSecrets()
{
    Registry &r = registry();
    std::unique_lock lock(r.mutex);
    r.texts.clear();
    r.bytes.clear();
    r.empty.store(true, std::memory_order_release);
}

} // namespace DevDock::Core
