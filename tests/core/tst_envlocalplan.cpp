// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What onboarding would write into .env.local, on real files in a temporary folder: only what no
// profile sets, an existing file changed only as the diff says.
#include "../common/composetest.h"

#include "env/envprofile.h"
#include "onboarding/envlocalplan.h"

#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Test;

namespace {

const QByteArray kExample = "# Header of the example.\n"
                            "\n"
                            "# The port.\n"
                            "PORT=8080\n"
                            "# Log level.\n"
                            "LOG_LEVEL=info\n"
                            "# Period.\n"
                            "PERIOD=90\n"
                            "\n"
                            "# The database password.\n"
                            "DB_PASSWORD=\n";

} // namespace

class TestEnvLocalPlan : public QObject
{
    Q_OBJECT
private slots:
    void make_data();
    void make();
    void create_noProfileSetsAnything_everyKeyButSecretsCopied();
    void noExample_nothingPlanned();
    void unifiedDiff_data();
    void unifiedDiff();
};

// Each row: the profiles' files, an existing .env.local (null: none), what the plan must be.
void TestEnvLocalPlan::make_data()
{
    QTest::addColumn<QByteArray>("development");
    QTest::addColumn<QByteArray>("production");
    QTest::addColumn<QByteArray>("local");
    QTest::addColumn<int>("action");
    QTest::addColumn<QByteArray>("planned");
    QTest::addColumn<QStringList>("overrides");

    const QByteArray header = "# Personal settings for this machine, written by DevDock's "
                              "onboarding from .env.example.\n"
                              "# It layers last, over every profile, so it holds only what no "
                              "profile sets\n"
                              "# (.env.development, .env.production).\n"
                              "# Secrets (the \"# KEY=\" lines) live in the keychain: devdockctl "
                              "env set --secret KEY VALUE.\n\n";
    // A key only one profile sets is still left out: .env.local would override the other too.
    QTest::newRow("create: profile keys left out, not even commented; secret as its marker")
        << QByteArray("LOG_LEVEL=debug\n") << QByteArray("PERIOD=86400\n") << QByteArray()
        << int(EnvLocalPlan::Action::Create)
        << header + "# The port.\nPORT=8080\n\n# The database password.\n# DB_PASSWORD=\n"
        << QStringList();
    QTest::newRow("create: everything set by profiles, no secret: no file")
        << QByteArray("PORT=1\nLOG_LEVEL=debug\nPERIOD=1\nDB_PASSWORD=dev\n")
        << QByteArray("PERIOD=86400\n") << QByteArray() << int(EnvLocalPlan::Action::Nothing)
        << QByteArray() << QStringList();
    QTest::newRow("update: up to date, the user's own override kept and reported")
        << QByteArray("LOG_LEVEL=debug\n") << QByteArray("PERIOD=86400\n")
        << QByteArray("PORT=9999\nLOG_LEVEL=warning\n") << int(EnvLocalPlan::Action::Nothing)
        << QByteArray("PORT=9999\nLOG_LEVEL=warning\n") << QStringList{"LOG_LEVEL"};
    QTest::newRow("update: stale copies go (with their description), a missing key is added")
        << QByteArray("LOG_LEVEL=debug\n") << QByteArray("PERIOD=86400\n")
        << QByteArray("# mine\nMINE=1\n# Period.\nPERIOD=90\n# LOG_LEVEL=info\n")
        << int(EnvLocalPlan::Action::Update)
        << QByteArray("# mine\nMINE=1\n\n# The port.\nPORT=8080\n") << QStringList();
    QTest::newRow("update: a key the user commented out is not added again")
        << QByteArray("LOG_LEVEL=debug\n") << QByteArray("PERIOD=86400\n")
        << QByteArray("# PORT=7000\n") << int(EnvLocalPlan::Action::Nothing)
        << QByteArray("# PORT=7000\n") << QStringList();
    // The user's lines keep their bytes: a UTF-8 BOM, and Latin-1 bytes that are not UTF-8.
    QTest::newRow("update: BOM and Latin-1 bytes on kept lines stay byte for byte")
        << QByteArray("LOG_LEVEL=debug\n") << QByteArray("PERIOD=86400\n")
        << QByteArray("\xEF\xBB\xBF# caf\xE9\nMINE=\xE9t\xE9\n") << int(EnvLocalPlan::Action::Update)
        << QByteArray("\xEF\xBB\xBF# caf\xE9\nMINE=\xE9t\xE9\n\n# The port.\nPORT=8080\n")
        << QStringList();
    QTest::newRow("update: a file with a BOM and nothing to add is left alone")
        << QByteArray("LOG_LEVEL=debug\n") << QByteArray("PERIOD=86400\n")
        << QByteArray("\xEF\xBB\xBFPORT=1\n") << int(EnvLocalPlan::Action::Nothing)
        << QByteArray("\xEF\xBB\xBFPORT=1\n") << QStringList();
}

void TestEnvLocalPlan::make()
{
    QFETCH(QByteArray, development);
    QFETCH(QByteArray, production);
    QFETCH(QByteArray, local);
    QFETCH(int, action);
    QFETCH(QByteArray, planned);
    QFETCH(QStringList, overrides);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(".env.example"), kExample));
    QVERIFY(writeFile(dir.filePath(".env.development"), development));
    QVERIFY(writeFile(dir.filePath(".env.production"), production));
    if (!local.isNull()) {
        QVERIFY(writeFile(dir.filePath(".env.local"), local));
    }
    const auto profile = EnvProfile::load(dir.path(), "development");
    QVERIFY(profile);
    const auto plan = EnvLocalPlan::make(*profile);
    QVERIFY(plan);
    QCOMPARE(int(plan->action), action);
    QCOMPARE(plan->plannedBytes, planned); // what onboarding writes
    if (QString::fromUtf8(planned).toUtf8() == planned) {
        QCOMPARE(plan->plannedText.toUtf8(), planned); // what the diff shows
    }
    QCOMPARE(plan->overrides, overrides);
    QCOMPARE(plan->profileFiles, QStringList({".env.development", ".env.production"}));
    // Nothing was written.
    QCOMPARE(QFile::exists(dir.filePath(".env.local")), !local.isNull());
    // The diff takes the current text to the planned one, and only a change has one.
    QCOMPARE(plan->diff().isEmpty(), action == int(EnvLocalPlan::Action::Nothing));
}

void TestEnvLocalPlan::create_noProfileSetsAnything_everyKeyButSecretsCopied()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(".env.example"), kExample));
    const auto profile = EnvProfile::load(dir.path());
    QVERIFY(profile);
    const auto plan = EnvLocalPlan::make(*profile);
    QVERIFY(plan);
    QCOMPARE(plan->added, QStringList({"PORT", "LOG_LEVEL", "PERIOD"}));
    QCOMPARE(plan->markers, QStringList{"DB_PASSWORD"});
    QVERIFY(plan->plannedText.endsWith("# Log level.\nLOG_LEVEL=info\n# Period.\nPERIOD=90\n\n"
                                       "# The database password.\n# DB_PASSWORD=\n"));
}

void TestEnvLocalPlan::noExample_nothingPlanned()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(".env.development"), "A=1\n"));
    const auto profile = EnvProfile::load(dir.path(), "development");
    QVERIFY(profile);
    const auto plan = EnvLocalPlan::make(*profile);
    QVERIFY(plan);
    QCOMPARE(plan->action, EnvLocalPlan::Action::Nothing);
}

void TestEnvLocalPlan::unifiedDiff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("diff");
    QTest::newRow("equal") << "a\nb\n"
                           << "a\nb\n"
                           << "";
    QTest::newRow("new file") << ""
                              << "a\nb\n"
                              << "--- A\n+++ B\n@@ -0,0 +1,2 @@\n+a\n+b\n";
    QTest::newRow("removal before addition") << "a\nb\nc\n"
                                             << "a\nx\nc\n"
                                             << "--- A\n+++ B\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c\n";
    QTest::newRow("two hunks, context 3")
        << "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"
        << "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n"
        << "--- A\n+++ B\n@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n@@ -9,4 +10,3 @@\n 9\n 10\n 11\n-12\n";
}

void TestEnvLocalPlan::unifiedDiff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, diff);
    QCOMPARE(DevDock::Core::unifiedDiff(before, after, "A", "B"), diff);
}

QTEST_GUILESS_MAIN(TestEnvLocalPlan)
#include "tst_envlocalplan.moc"
