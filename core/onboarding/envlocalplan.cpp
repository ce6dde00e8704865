// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "envlocalplan.h"

#include "env/envfile.h"
#include "env/envprofile.h"

#include <QDir>

#include <vector>

namespace DevDock::Core {

namespace {

const QString kLocal = QStringLiteral(".env.local");

// "# KEY=value" -> "KEY=value": the text of a comment line without its '#'.
QString commentText(const EnvEntry &e)
{
    QString text = e.raw.trimmed();
    text.remove(0, 1);
    return text.trimmed();
}

// A commented-out assignment of `key` ("# KEY=…"): the user's way to switch a key off.
bool isCommentedAssignment(const EnvEntry &e, const QString &key)
{
    return e.kind == EnvEntry::Kind::Comment && commentText(e).startsWith(key + QLatin1Char('='));
}

QString withLineEnd(QString raw)
{
    if (!raw.endsWith(QLatin1Char('\n'))) {
        raw += QLatin1Char('\n');
    }
    return raw;
}

// The raw comment entries directly above each key of .env.example (its description).
QList<EnvEntry> commentsAbove(const EnvDocument &doc, const QString &key)
{
    const auto &entries = doc.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).kind == EnvEntry::Kind::Variable && entries.at(i).key == key) {
            QList<EnvEntry> lines;
            for (qsizetype j = i - 1; j >= 0 && entries.at(j).kind == EnvEntry::Kind::Comment;
                 --j) {
                lines.prepend(entries.at(j));
            }
            return lines;
        }
    }
    return {};
}

// The line for `key` in a new .env.local: the example's own line (quoting and trailing comment
// kept), or for a secret its marker.
QString lineFor(const EnvProfile &profile, const EnvEntry &example)
{
    return profile.isSecret(example.key) ? QStringLiteral("# %1=\n").arg(example.key)
                                         : withLineEnd(example.raw);
}

QString createText(const EnvProfile &profile, EnvLocalPlan &plan)
{
    QString body;
    QString pending; // comments since the last key or blank line
    bool blankBefore = false;
    for (const EnvEntry &e : profile.example().document.entries()) {
        switch (e.kind) {
        case EnvEntry::Kind::Comment:
            pending += withLineEnd(e.raw);
            break;
        case EnvEntry::Kind::Blank:
            pending.clear(); // a comment block not above a key: the example's own header
            blankBefore = true;
            break;
        case EnvEntry::Kind::Variable:
            if (!plan.profileKeys.contains(e.key) && !plan.added.contains(e.key)
                && !plan.markers.contains(e.key)) {
                if (blankBefore && !body.isEmpty()) {
                    body += QLatin1Char('\n');
                }
                body += pending + lineFor(profile, e);
                (profile.isSecret(e.key) ? plan.markers : plan.added) << e.key;
                blankBefore = false;
            }
            pending.clear();
            break;
        }
    }
    if (body.isEmpty()) {
        return {};
    }
    const QString header =
        QStringLiteral(
            "# Personal settings for this machine, written by DevDock's onboarding from "
            ".env.example.\n"
            "# It layers last, over every profile, so it holds only what no profile sets\n"
            "# (%1).\n"
            "# Secrets (the \"# KEY=\" lines) live in the keychain: devdockctl env set --secret "
            "KEY VALUE.\n\n")
            .arg(plan.profileFiles.join(QStringLiteral(", ")));
    return header + body;
}

// The planned text, and in plan.plannedBytes the same as bytes: every line kept from the user's
// file keeps its own bytes (a BOM, bytes that are not UTF-8), only added lines are new.
QString updateText(const EnvProfile &profile, const EnvFile &local, EnvLocalPlan &plan)
{
    QString out;
    QByteArray outBytes;
    if (local.document.hasByteOrderMark()) {
        outBytes += "\xEF\xBB\xBF"; // not in the text: QString::fromUtf8 drops it too
    }
    auto keep = [&](const EnvEntry &e) {
        out += e.raw;
        outBytes += EnvDocument::entryBytes(e);
    };
    auto addText = [&](const QString &text) {
        out += text;
        outBytes += text.toUtf8();
    };
    const EnvDocument &example = profile.example().document;
    // A copy of the example's line (as an earlier onboarding made it, active or commented) of a
    // key a profile sets, with the example's description above it: stale, it goes.
    auto staleCopy = [&](const EnvEntry &e) -> QString {
        for (const QString &key : plan.profileKeys) {
            const auto exampleValue = example.rawValue(key);
            if (!exampleValue || profile.isSecret(key)) {
                continue;
            }
            if (e.kind == EnvEntry::Kind::Variable && e.key == key && e.value == *exampleValue) {
                return key;
            }
            if (e.kind == EnvEntry::Kind::Comment) {
                for (const EnvEntry &line : example.entries()) {
                    if (line.kind == EnvEntry::Kind::Variable && line.key == key
                        && commentText(e) == line.raw.trimmed()) {
                        return key;
                    }
                }
            }
        }
        return {};
    };
    QList<EnvEntry> pending; // comments directly above the next entry
    auto flush = [&] {
        for (const EnvEntry &c : std::as_const(pending)) {
            keep(c);
        }
        pending.clear();
    };
    for (const EnvEntry &e : local.document.entries()) {
        if (e.kind == EnvEntry::Kind::Blank) {
            flush();
            keep(e);
            continue;
        }
        const QString stale = staleCopy(e);
        if (stale.isEmpty() && e.kind == EnvEntry::Kind::Comment) {
            pending << e;
            continue;
        }
        if (!stale.isEmpty()) {
            // Its description goes with it; other comments stay.
            QStringList description;
            for (const EnvEntry &c : commentsAbove(example, stale)) {
                description << commentText(c);
            }
            pending.removeIf(
                [&](const EnvEntry &c) { return description.contains(commentText(c)); });
            if (!plan.removed.contains(stale)) {
                plan.removed << stale;
            }
            continue;
        }
        flush();
        keep(e);
        if (plan.profileKeys.contains(e.key) && !plan.overrides.contains(e.key)) {
            plan.overrides << e.key;
        }
    }
    flush();

    // Documented keys that no profile sets and .env.local lacks (not even commented out, which is
    // how a user switches one off); secrets are left out: they go to the keychain.
    QString additions;
    for (const QString &key : example.keys()) {
        if (plan.profileKeys.contains(key) || profile.isSecret(key) || local.document.contains(key)
            || std::any_of(local.document.entries().cbegin(), local.document.entries().cend(),
                           [&](const EnvEntry &e) { return isCommentedAssignment(e, key); })) {
            continue;
        }
        for (const EnvEntry &e : example.entries()) {
            if (e.kind == EnvEntry::Kind::Variable && e.key == key) {
                for (const EnvEntry &c : commentsAbove(example, key)) {
                    additions += withLineEnd(c.raw);
                }
                additions += withLineEnd(e.raw);
                break;
            }
        }
        plan.added << key;
    }
    if (!additions.isEmpty()) {
        if (!out.isEmpty() && !out.endsWith(QLatin1Char('\n'))) {
            addText(QStringLiteral("\n"));
        }
        if (!out.isEmpty() && !out.endsWith(QLatin1String("\n\n"))) {
            addText(QStringLiteral("\n"));
        }
        addText(additions);
    }
    plan.plannedBytes = outBytes;
    return out;
}

QStringList splitLines(const QString &text)
{
    if (text.isEmpty()) {
        return {};
    }
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n'))) {
        lines.removeLast();
    }
    return lines;
}

} // namespace

QString unifiedDiff(const QString &before, const QString &after, const QString &beforeName,
                    const QString &afterName, int context)
{
    if (before == after) {
        return {};
    }
    const QStringList a = splitLines(before);
    const QStringList b = splitLines(after);
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // Longest common subsequence of lines: .env files are small (a few hundred lines at most).
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[i][j] =
                a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    struct Line
    {
        QChar op;
        QString text;
        qsizetype aLine; // 0-based position in a (before the line, for an insertion)
        qsizetype bLine;
    };
    std::vector<Line> script;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            script.push_back({QLatin1Char(' '), a[i], i, j});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            script.push_back({QLatin1Char('-'), a[i], i, j}); // removals first, as diff(1) does
            ++i;
        } else {
            script.push_back({QLatin1Char('+'), b[j], i, j});
            ++j;
        }
    }
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(beforeName, afterName);
    const auto count = qsizetype(script.size());
    qsizetype k = 0;
    while (k < count) {
        if (script[k].op == QLatin1Char(' ')) {
            ++k;
            continue;
        }
        // A hunk: from `context` lines before this change to `context` lines after the last
        // change that is at most 2 * context unchanged lines away.
        const qsizetype start = std::max<qsizetype>(0, k - context);
        qsizetype end = k;
        qsizetype lastChange = k;
        while (end < count) {
            if (script[end].op != QLatin1Char(' ')) {
                lastChange = end;
            } else if (end - lastChange > 2 * context) {
                break;
            }
            ++end;
        }
        end = std::min(count, lastChange + context + 1);
        qsizetype aCount = 0;
        qsizetype bCount = 0;
        QString body;
        for (qsizetype h = start; h < end; ++h) {
            aCount += script[h].op != QLatin1Char('+') ? 1 : 0;
            bCount += script[h].op != QLatin1Char('-') ? 1 : 0;
            body += script[h].op + script[h].text + QLatin1Char('\n');
        }
        const qsizetype aStart = aCount == 0 ? script[start].aLine : script[start].aLine + 1;
        const qsizetype bStart = bCount == 0 ? script[start].bLine : script[start].bLine + 1;
        out +=
            QStringLiteral("@@ -%1,%2 +%3,%4 @@\n").arg(aStart).arg(aCount).arg(bStart).arg(bCount)
            + body;
        k = end;
    }
    return out;
}

QString EnvLocalPlan::diff() const
{
    return unifiedDiff(currentText, plannedText,
                       action == Action::Create ? QStringLiteral("/dev/null") : kLocal,
                       kLocal + QStringLiteral(" (onboarding)"));
}

Result<EnvLocalPlan> EnvLocalPlan::make(const EnvProfile &profile)
{
    EnvLocalPlan plan;
    const QDir dir(profile.projectDirectory());
    plan.path = dir.filePath(kLocal);
    // Every profile's files, not only the active one's: .env.local overrides them all, so a key
    // copied there for the active profile would override the next one too.
    QStringList names{QStringLiteral(".env")};
    for (const QString &name : EnvProfile::availableProfiles(dir.path())) {
        names << QStringLiteral(".env.") + name;
    }
    for (const QString &name : names) {
        auto file = EnvFile::read(dir.filePath(name));
        if (!file) {
            return std::unexpected(file.error());
        }
        if (!file->exists) {
            continue;
        }
        plan.profileFiles << name;
        for (const QString &key : file->document.keys()) {
            if (!plan.profileKeys.contains(key)) {
                plan.profileKeys << key;
            }
        }
    }
    const EnvFile *local = nullptr;
    for (const EnvFile &f : profile.stack()) {
        if (f.name == kLocal) {
            local = &f;
        }
    }
    if (local == nullptr || !profile.example().exists) {
        return plan; // nothing documents what .env.local could hold
    }
    if (!local->exists) {
        plan.plannedText = createText(profile, plan);
        plan.plannedBytes = plan.plannedText.toUtf8();
        plan.action = plan.plannedText.isEmpty() ? Action::Nothing : Action::Create;
        return plan;
    }
    // The diff and the comparison work on text; a save goes through EnvFile, which checks the
    // file is still the one read.
    plan.currentText = QString::fromUtf8(local->originalBytes);
    plan.plannedText = updateText(profile, *local, plan);
    plan.action = plan.plannedText == plan.currentText ? Action::Nothing : Action::Update;
    if (plan.action == Action::Nothing) {
        plan.plannedText = plan.currentText;
        plan.plannedBytes = local->originalBytes;
    }
    return plan;
}

} // namespace DevDock::Core
