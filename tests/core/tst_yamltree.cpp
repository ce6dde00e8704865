// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The compose loader's YAML tree: positions, key order, merge keys, nulls, tags, and the errors
// it raises while it is built.
#include "compose/yamltree.h"

#include <QtTest>

using namespace DevDock::Core;

class TestYamlTree : public QObject
{
    Q_OBJECT
private slots:
    void parse_keepsPositionsAndKeyOrder();
    void parse_mergeKeys_ownKeysWinThenSourcesInOrder();
    void parse_scalarKinds_data();
    void parse_scalarKinds();
    void parse_refused_data();
    void parse_refused();
    void parse_aliasBudget_countsExpansionsNotNodes_data();
    void parse_aliasBudget_countsExpansionsNotNodes();
};

void TestYamlTree::parse_keepsPositionsAndKeyOrder()
{
    YamlError error;
    const auto tree = YamlTree::parse("services:\n  web:\n    image: nginx\n  db: {image: pg}\n",
                                      &error);
    QVERIFY2(tree, qPrintable(error.message));
    const YamlNode services = tree->root()["services"];
    QStringList names;
    for (const YamlItem &kv : services) {
        names << kv.first.qtext();
    }
    QCOMPARE(names, (QStringList{"web", "db"}));
    const YamlNode image = services["web"]["image"];
    QCOMPARE(image.qtext(), QStringLiteral("nginx"));
    QCOMPARE(image.mark().line, 2);
    QCOMPARE(image.mark().column, 11);
    QCOMPARE(services["db"]["image"].mark().line, 3);
    QVERIFY(!services["nope"]);
}

void TestYamlTree::parse_mergeKeys_ownKeysWinThenSourcesInOrder()
{
    YamlError error;
    const auto tree = YamlTree::parse("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\n"
                                      "c: {<<: [*a, *b], x: 3}\n",
                                      &error);
    QVERIFY2(tree, qPrintable(error.message));
    const YamlNode c = tree->root()["c"];
    QStringList entries;
    for (const YamlItem &kv : c) {
        entries << kv.first.qtext() + QLatin1Char('=') + kv.second.qtext();
    }
    QCOMPARE(entries, (QStringList{"x=3", "y=1", "z=2"}));
    QCOMPARE(c.toFlowYaml(), QStringLiteral("{x: 3, y: 1, z: 2}"));
}

void TestYamlTree::parse_scalarKinds_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("null");
    QTest::addColumn<bool>("quoted");
    QTest::addColumn<QString>("tag");
    QTest::newRow("empty") << QByteArray("v:\n") << true << false << QString();
    QTest::newRow("tilde") << QByteArray("v: ~\n") << true << false << QString();
    QTest::newRow("null word") << QByteArray("v: Null\n") << true << false << QString();
    QTest::newRow("quoted null") << QByteArray("v: \"null\"\n") << false << true << QString();
    QTest::newRow("str tag") << QByteArray("v: !!str null\n") << false << false
                             << QStringLiteral("tag:yaml.org,2002:str");
    QTest::newRow("reset tag") << QByteArray("v: !reset\n") << true << false
                               << QStringLiteral("!reset");
    QTest::newRow("override map") << QByteArray("v: !override {a: 1}\n") << false << false
                                  << QStringLiteral("!override");
}

void TestYamlTree::parse_scalarKinds()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, null);
    QFETCH(bool, quoted);
    QFETCH(QString, tag);
    YamlError error;
    const auto tree = YamlTree::parse(std::string_view(yaml.constData(), yaml.size()), &error);
    QVERIFY2(tree, qPrintable(error.message));
    const YamlNode v = tree->root()["v"];
    QVERIFY(v);
    QCOMPARE(v.isNull(), null);
    QCOMPARE(v.isQuoted(), quoted);
    QCOMPARE(QString::fromUtf8(v.tag().data(), v.tag().size()), tag);
}

void TestYamlTree::parse_refused_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("line"); // 1-based, of the error
    QTest::addColumn<QString>("message");
    QTest::newRow("duplicate key") << QByteArray("a: 1\nb: 2\na: 3\n")
                                   << int(YamlError::Kind::DuplicateKey) << 3
                                   << QStringLiteral("mapping key \"a\" is defined twice");
    QTest::newRow("unknown anchor") << QByteArray("a: *nope\n") << int(YamlError::Kind::Syntax)
                                    << 1 << QStringLiteral("unknown anchor \"nope\" referenced");
    QTest::newRow("self alias") << QByteArray("a: &a [*a]\n") << int(YamlError::Kind::Aliases)
                                << 1
                                << QStringLiteral("a YAML alias refers to a node that contains it");
    QTest::newRow("syntax") << QByteArray("a: [1, 2\nb: 3\n") << int(YamlError::Kind::Syntax)
                            << 2 << QString();
}

void TestYamlTree::parse_refused()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, kind);
    QFETCH(int, line);
    QFETCH(QString, message);
    YamlError error;
    const auto tree = YamlTree::parse(std::string_view(yaml.constData(), yaml.size()), &error);
    QVERIFY(!tree);
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.mark.line + 1, line);
    if (!message.isEmpty()) {
        QCOMPARE(error.message, message);
    } else {
        QVERIFY(!error.message.isEmpty());
    }
}

namespace {

// `uses` aliases of one anchored list of `items` scalars: few nodes written, uses * items
// nodes once expanded.
QByteArray aliasedList(int items, int uses)
{
    QByteArray yaml = "base: &b [";
    for (int i = 0; i < items; ++i) {
        yaml += (i ? ",x" : "x");
    }
    yaml += "]\nuses:\n";
    for (int i = 0; i < uses; ++i) {
        yaml += "  - *b\n";
    }
    return yaml;
}

// A document without aliases with about `entries` * 4 nodes.
QByteArray plainMap(int entries)
{
    QByteArray yaml;
    yaml.reserve(entries * 40);
    for (int i = 0; i < entries; ++i) {
        yaml += "key" + QByteArray::number(i) + ": {a: 1, b: [x, y]}\n";
    }
    return yaml;
}

} // namespace

void TestYamlTree::parse_aliasBudget_countsExpansionsNotNodes_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("line"); // 1-based line of the alias over the budget
    // 1.6 million nodes written, none expanded: a large plain file is no alias bomb.
    QTest::newRow("plain, 1.6M nodes") << plainMap(400000) << true << 0;
    // 1 500 nodes written, 501 000 expanded: within the budget of 1 000 000.
    QTest::newRow("aliases, 0.5M expanded") << aliasedList(500, 1000) << true << 0;
    // 3 500 nodes written, 1 500 000 expanded (501 a use: the list and its items): refused at
    // the 1 997th use, on line 2 + 1997.
    QTest::newRow("aliases, 1.5M expanded") << aliasedList(500, 3000) << false << 1999;
}

void TestYamlTree::parse_aliasBudget_countsExpansionsNotNodes()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, accepted);
    QFETCH(int, line);
    YamlError error;
    const auto tree = YamlTree::parse(std::string_view(yaml.constData(), yaml.size()), &error);
    QCOMPARE(bool(tree), accepted);
    if (accepted) {
        QVERIFY(tree->root().isMap());
        return;
    }
    QCOMPARE(int(error.kind), int(YamlError::Kind::Aliases));
    QCOMPARE(error.message,
             QStringLiteral("YAML aliases expand to more than 1000000 nodes (an alias bomb?)"));
    QCOMPARE(error.mark.line + 1, line);
}

QTEST_GUILESS_MAIN(TestYamlTree)
#include "tst_yamltree.moc"
