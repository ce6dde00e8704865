// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/composetest.h"
#include "twin/portvariable.h"

#include <QTemporaryDir>
#include <QTest>

using namespace DevDock::Core;

class TestPortVariable : public QObject
{
    Q_OBJECT
private slots:
    void variableOf_data();
    void variableOf();
    void splitShortSyntax_data();
    void splitShortSyntax();
    void find_shortAndLongSyntax_laterFileWins();
};

void TestPortVariable::variableOf_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("variable");
    QTest::newRow("braced") << "${WEB_PORT}"
                            << "WEB_PORT";
    QTest::newRow("default") << "${WEB_PORT:-8080}"
                             << "WEB_PORT";
    QTest::newRow("default when unset") << "${WEB_PORT-8080}"
                                        << "WEB_PORT";
    QTest::newRow("required") << "${WEB_PORT:?set WEB_PORT}"
                              << "WEB_PORT";
    QTest::newRow("bare") << "$DB_PORT"
                          << "DB_PORT";
    QTest::newRow("spaces around") << " ${P} "
                                   << "P";
    QTest::newRow("literal") << "8080"
                             << "";
    QTest::newRow("mixed text") << "1${P}"
                                << "";
    QTest::newRow("two references") << "${A}${B}"
                                    << "";
    QTest::newRow("escaped dollar") << "$$P"
                                    << "";
    QTest::newRow("not a name") << "${1A}"
                                << "";
}

void TestPortVariable::variableOf()
{
    QFETCH(QString, host);
    QFETCH(QString, variable);
    QCOMPARE(PortVariable::variableOf(host), variable);
}

void TestPortVariable::splitShortSyntax_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("parts");
    QTest::newRow("container only") << "80" << QStringList{"80"};
    QTest::newRow("host:container") << "8080:80" << QStringList{"8080", "80"};
    QTest::newRow("ip:host:container/proto")
        << "127.0.0.1:8080:80/udp" << QStringList{"127.0.0.1", "8080", "80/udp"};
    QTest::newRow("a default with a colon stays whole")
        << "${WEB_PORT:-8080}:80" << QStringList{"${WEB_PORT:-8080}", "80"};
    QTest::newRow("IPv6 in brackets")
        << "[::1]:${P:-80}:80" << QStringList{"[::1]", "${P:-80}", "80"};
    QTest::newRow("nested default") << "${A:-${B:-1}}:80" << QStringList{"${A:-${B:-1}}", "80"};
}

void TestPortVariable::splitShortSyntax()
{
    QFETCH(QString, text);
    QFETCH(QStringList, parts);
    QCOMPARE(PortVariable::splitShortSyntax(text), parts);
}

void TestPortVariable::find_shortAndLongSyntax_laterFileWins()
{
    QTemporaryDir dir;
    QVERIFY(DevDock::Test::writeFile(dir.filePath(QStringLiteral("compose.override.yaml")),
                                     "services:\n"
                                     "  cache:\n"
                                     "    ports: !override\n"
                                     "      - \"${CACHE_PORT:-6379}:6379\"\n"));
    auto project =
        DevDock::Test::loadInline(dir, "services:\n"
                                       "  web:\n"
                                       "    image: x\n"
                                       "    ports:\n"
                                       "      - \"127.0.0.1:${WEB_PORT:-8080}:80\"\n"
                                       "      - \"9000:9000/udp\"\n"
                                       "      - target: 443\n"
                                       "        published: $TLS_PORT\n"
                                       "      - \"${DEBUG_PORT:-9229}:${DEBUG_TARGET:-9229}\"\n"
                                       "  cache:\n"
                                       "    image: x\n"
                                       "    ports: [\"6379:6379\"]\n");
    QVERIFY2(project, qPrintable(project ? QString() : project.error().toString()));
    QCOMPARE(project->configFiles.size(), 2);
    auto found = PortVariable::find(*project);
    QVERIFY(found);
    QCOMPARE(found->value(PortVariable::key("web", 80, "tcp")).variable,
             QStringLiteral("WEB_PORT"));
    QCOMPARE(found->value(PortVariable::key("web", 443, "tcp")).variable,
             QStringLiteral("TLS_PORT"));
    QVERIFY(!found->contains(PortVariable::key("web", 9000, "udp")));
    // A target from a variable cannot be matched with the loaded port: left out.
    QVERIFY(!found->contains(PortVariable::key("web", 9229, "tcp")));
    QCOMPARE(found->value(PortVariable::key("cache", 6379, "tcp")).variable,
             QStringLiteral("CACHE_PORT"));
    QCOMPARE(found->size(), 3);
}

QTEST_GUILESS_MAIN(TestPortVariable)
#include "tst_portvariable.moc"
