// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "compose/composeloader.h"
#include "twin/twinname.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

using namespace DevDock::Core;

class TestTwinName : public QObject
{
    Q_OBJECT
private slots:
    void projectName_data();
    void projectName();
    void projectName_isWhatComposeKeepsUnchanged();
    void worktreePath_besideTheMainCheckout();
    void preferredPort_sameBranchSamePort_otherBranchesSpread();
    void preferredPort_staysInTheUnprivilegedRange_data();
    void preferredPort_staysInTheUnprivilegedRange();
};

void TestTwinName::projectName_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<QString>("expected");
    // compose-go's NormalizeProjectName: lower case, keep [a-z0-9_-], trim leading '_' and '-'.
    QTest::newRow("plain") << "shop"
                           << "feature"
                           << "shop-feature";
    QTest::newRow("slash dropped, case lowered") << "shop"
                                                 << "Feature/Login"
                                                 << "shop-featurelogin";
    QTest::newRow("dots and @ dropped") << "shop"
                                        << "release-1.2@rc"
                                        << "shop-release-12rc";
    QTest::newRow("underscore and dash kept") << "my_app"
                                              << "fix_a-b"
                                              << "my_app-fix_a-b";
    QTest::newRow("a project starting with symbols") << "_-Shop"
                                                     << "x"
                                                     << "shop-x";
    QTest::newRow("non-ASCII letters dropped") << "shop"
                                               << "f\u00fcr-\u00e9t\u00e9"
                                               << "shop-fr-t";
    QTest::newRow("non-ASCII digits dropped") << "shop"
                                              << "v\u0663"
                                              << "shop-v";
    // Lower-casing comes first: the Kelvin sign lower-cases to an ASCII k, as in Go.
    QTest::newRow("lower case before the filter") << "shop"
                                                  << "\u212Aey"
                                                  << "shop-key";
    QTest::newRow("nothing Compose keeps: a hash")
        << "shop"
        << "\u00fc"
        << QStringLiteral("shop-")
               + QString::fromLatin1(QCryptographicHash::hash(QStringLiteral("\u00fc").toUtf8(),
                                                              QCryptographicHash::Sha1)
                                         .toHex()
                                         .left(8));
}

void TestTwinName::projectName()
{
    QFETCH(QString, project);
    QFETCH(QString, branch);
    QFETCH(QString, expected);
    QCOMPARE(TwinName::projectName(project, branch), expected);
}

void TestTwinName::projectName_isWhatComposeKeepsUnchanged()
{
    // Compose refuses a -p name that its normalisation would change.
    for (const QString &branch :
         {QStringLiteral("A/B"), QStringLiteral("-x"), QStringLiteral("..")}) {
        const QString name = TwinName::projectName(QStringLiteral("Shop"), branch);
        QCOMPARE(normalizeProjectName(name), name);
        QVERIFY2(name != QStringLiteral("shop"), qPrintable(name));
    }
}

void TestTwinName::worktreePath_besideTheMainCheckout()
{
    QCOMPARE(TwinName::worktreePath(QStringLiteral("/src/shop"), QStringLiteral("feature/x")),
             QStringLiteral("/src/shop-feature-x"));
    QCOMPARE(TwinName::worktreePath(QStringLiteral("/src/shop/"), QStringLiteral("fix")),
             QStringLiteral("/src/shop-fix"));
}

void TestTwinName::preferredPort_sameBranchSamePort_otherBranchesSpread()
{
    const int first = TwinName::preferredPort(8080, QStringLiteral("feature/x"));
    QCOMPARE(TwinName::preferredPort(8080, QStringLiteral("feature/x")), first);
    QVERIFY(first != 8080);
    // One offset per branch: a project's ports keep their distances.
    QCOMPARE(TwinName::preferredPort(5432, QStringLiteral("feature/x")) - 5432, first - 8080);
    QSet<int> ports;
    for (int i = 0; i < 20; ++i) {
        ports.insert(TwinName::preferredPort(8080, QStringLiteral("branch-%1").arg(i)));
    }
    QVERIFY2(ports.size() >= 15, qPrintable(QString::number(ports.size())));
}

void TestTwinName::preferredPort_staysInTheUnprivilegedRange_data()
{
    QTest::addColumn<int>("port");
    QTest::newRow("80") << 80;
    QTest::newRow("1024") << 1024;
    QTest::newRow("65535") << 65535;
    QTest::newRow("64999") << 64999;
}

void TestTwinName::preferredPort_staysInTheUnprivilegedRange()
{
    QFETCH(int, port);
    for (const QString &branch : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
        const int p = TwinName::preferredPort(port, branch);
        QVERIFY2(p >= 1024 && p <= 65535, qPrintable(QString::number(p)));
        QVERIFY(p != port);
    }
    QCOMPARE(TwinName::nextPort(65535), 1024);
    QCOMPARE(TwinName::nextPort(2000), 2001);
}

QTEST_GUILESS_MAIN(TestTwinName)
#include "tst_twinname.moc"
