// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "twin/gitworktree.h"

#include <QTest>

using namespace DevDock::Core;

Q_DECLARE_METATYPE(QList<DevDock::Core::GitWorktree>)

class TestGitWorktree : public QObject
{
    Q_OBJECT
private slots:
    void parseList_data();
    void parseList();
};

namespace {

GitWorktree tree(const QString &path, const QString &head, const QString &branch)
{
    GitWorktree w;
    w.path = path;
    w.head = head;
    w.branch = branch;
    return w;
}

const QString kHead1 = QStringLiteral("1111111111111111111111111111111111111111");
const QString kHead2 = QStringLiteral("2222222222222222222222222222222222222222");

} // namespace

void TestGitWorktree::parseList_data()
{
    QTest::addColumn<QByteArray>("porcelain");
    QTest::addColumn<QList<GitWorktree>>("expected");

    QTest::newRow("empty") << QByteArray() << QList<GitWorktree>{};

    QTest::newRow("main and a branch with a slash")
        << QByteArray("worktree /src/shop\nHEAD " + kHead1.toLatin1()
                      + "\nbranch refs/heads/main\n\nworktree /src/shop-feature-x\nHEAD "
                      + kHead2.toLatin1() + "\nbranch refs/heads/feature/x\n\n")
        << QList<GitWorktree>{tree("/src/shop", kHead1, "main"),
                              tree("/src/shop-feature-x", kHead2, "feature/x")};

    GitWorktree detached = tree("/src/shop-old", kHead2, {});
    detached.detached = true;
    QTest::newRow("detached HEAD has no branch")
        << QByteArray("worktree /src/shop-old\nHEAD " + kHead2.toLatin1() + "\ndetached\n\n")
        << QList<GitWorktree>{detached};

    GitWorktree bare;
    bare.path = QStringLiteral("/src/shop.git");
    bare.bare = true;
    QTest::newRow("bare repository first, then its worktree")
        << QByteArray("worktree /src/shop.git\nbare\n\nworktree /src/shop-main\nHEAD "
                      + kHead1.toLatin1() + "\nbranch refs/heads/main\n\n")
        << QList<GitWorktree>{bare, tree("/src/shop-main", kHead1, "main")};

    GitWorktree locked = tree("/src/a", kHead1, "a");
    locked.locked = true;
    GitWorktree lockedWhy = tree("/src/b", kHead1, "b");
    lockedWhy.locked = true;
    lockedWhy.lockReason = QStringLiteral("on a USB disk");
    QTest::newRow("locked, with and without a reason")
        << QByteArray("worktree /src/a\nHEAD " + kHead1.toLatin1()
                      + "\nbranch refs/heads/a\nlocked\n\nworktree /src/b\nHEAD "
                      + kHead1.toLatin1() + "\nbranch refs/heads/b\nlocked on a USB disk\n\n")
        << QList<GitWorktree>{locked, lockedWhy};

    GitWorktree quoted = tree("/src/c", kHead1, "c");
    quoted.locked = true;
    quoted.lockReason = QStringLiteral("two\nlines \"quoted\" \u00e9");
    QTest::newRow("a reason with a newline is C-quoted without -z") << QByteArray(
        "worktree /src/c\nHEAD " + kHead1.toLatin1()
        + "\nbranch refs/heads/c\nlocked \"two\\nlines \\\"quoted\\\" \\303\\251\"\n\n")
                                                                    << QList<GitWorktree>{quoted};

    GitWorktree prunable = tree("/src/gone", kHead2, {});
    prunable.detached = true;
    prunable.prunable = true;
    prunable.prunableReason = QStringLiteral("gitdir file points to non-existent location");
    QTest::newRow("prunable") << QByteArray(
        "worktree /src/gone\nHEAD " + kHead2.toLatin1()
        + "\ndetached\nprunable gitdir file points to non-existent location\n\n")
                              << QList<GitWorktree>{prunable};

    QTest::newRow("path with spaces and UTF-8")
        << QByteArray("worktree /home/me/My Projects/sh\xc3\xb6p two\nHEAD " + kHead1.toLatin1()
                      + "\nbranch refs/heads/main\n\n")
        << QList<GitWorktree>{
               tree(QStringLiteral("/home/me/My Projects/sh\u00f6p two"), kHead1, "main")};

    // -z: every line ends with a NUL, a record with an empty line.
    QByteArray zero;
    for (const QByteArray &line :
         QByteArrayList{"worktree /src/odd\nname", "HEAD " + kHead1.toLatin1(),
                        "branch refs/heads/odd", "locked why \"not\"", ""}) {
        zero += line;
        zero += '\0';
    }
    GitWorktree odd = tree(QStringLiteral("/src/odd\nname"), kHead1, "odd");
    odd.locked = true;
    odd.lockReason = QStringLiteral("why \"not\"");
    QTest::newRow("-z keeps a newline in a path and a reason as it is")
        << zero << QList<GitWorktree>{odd};

    QTest::newRow("no blank line at the end, CRLF, unknown keys ignored")
        << QByteArray("worktree /src/x\r\nHEAD " + kHead1.toLatin1()
                      + "\r\nbranch refs/heads/x\r\nfuture-key some value\r\n")
        << QList<GitWorktree>{tree("/src/x", kHead1, "x")};

    QTest::newRow("lines before any worktree are ignored")
        << QByteArray("HEAD " + kHead1.toLatin1() + "\n\nworktree /src/y\nHEAD " + kHead2.toLatin1()
                      + "\nbranch refs/heads/y\n\n")
        << QList<GitWorktree>{tree("/src/y", kHead2, "y")};
}

void TestGitWorktree::parseList()
{
    QFETCH(QByteArray, porcelain);
    QFETCH(QList<GitWorktree>, expected);
    const QList<GitWorktree> parsed = GitWorktree::parseList(porcelain);
    QCOMPARE(parsed.size(), expected.size());
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        const GitWorktree &a = parsed.at(i);
        const GitWorktree &e = expected.at(i);
        QCOMPARE(a.path, e.path);
        QCOMPARE(a.head, e.head);
        QCOMPARE(a.branch, e.branch);
        QCOMPARE(a.bare, e.bare);
        QCOMPARE(a.detached, e.detached);
        QCOMPARE(a.locked, e.locked);
        QCOMPARE(a.lockReason, e.lockReason);
        QCOMPARE(a.prunable, e.prunable);
        QCOMPARE(a.prunableReason, e.prunableReason);
    }
}

QTEST_GUILESS_MAIN(TestGitWorktree)
#include "tst_gitworktree.moc"
