// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The compose loader's YAML tree: positions, key order, merge keys, nulls, tags, and the errors
// it raises while it is built.
#include "compose/yamltree.h"

#include <QDirIterator>
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
    void fastScanner_sameTreeAsLibyaml_data();
    void fastScanner_sameTreeAsLibyaml();
    void fastScanner_everyCorpusFile_sameTreeAsLibyaml();
    void fastScanner_everyLinePrefixOfCorpus_sameTreeOrLibyaml();
    void parse_refusedInsideFastSubset_sameErrorAsLibyaml();
    void takeMergeTags_dropsResetEntriesInScope_reportsBoth();
};

void TestYamlTree::takeMergeTags_dropsResetEntriesInScope_reportsBoth()
{
    YamlError error;
    const auto tree = YamlTree::parse("a:\n"
                                      "  keep: 1\n"
                                      "  gone: !reset\n"
                                      "  list: [x, !reset y, z]\n"
                                      "  over: !override {k: !reset v}\n"
                                      "top: !reset 1\n",
                                      &error);
    QVERIFY2(tree, qPrintable(error.message));
    const auto tags = tree->takeMergeTags(
        [](const std::vector<std::string> &path) { return path.size() >= 2; });
    QCOMPARE(tags.size(), std::size_t(3));
    QCOMPARE(tags[0].path, (std::vector<std::string>{"a", "gone"}));
    QVERIFY(tags[0].reset);
    QCOMPARE(tags[0].mark.line, 2);
    QCOMPARE(tags[1].path, (std::vector<std::string>{"a", "list", "1"}));
    QVERIFY(tags[1].reset);
    // Below an !override nothing is looked at: its value stays whole.
    QCOMPARE(tags[2].path, (std::vector<std::string>{"a", "over"}));
    QVERIFY(!tags[2].reset);
    const YamlNode a = tree->root()["a"];
    QCOMPARE(a.size(), std::size_t(3));
    QVERIFY(!a["gone"]);
    QCOMPARE(a["list"].size(), std::size_t(2));
    QCOMPARE(a["over"]["k"].qtext(), QStringLiteral("v"));
    // Out of scope (depth 1): kept, not reported.
    QCOMPARE(tree->root()["top"].qtext(), QStringLiteral("1"));
    // A file without tags is left alone.
    const auto plain = YamlTree::parse("a: {b: 1}\n", &error);
    QVERIFY(plain->takeMergeTags([](const std::vector<std::string> &) { return true; }).empty());
    QCOMPARE(plain->root()["a"].size(), std::size_t(1));
}

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

namespace {

std::unique_ptr<YamlTree> parseWith(const QByteArray &yaml, YamlTree::Scanner scanner,
                                    YamlError *error = nullptr)
{
    return YamlTree::parse(std::string_view(yaml.constData(), yaml.size()), error, scanner);
}

// The fast scanner's tree for `yaml` is libyaml's, node for node (kind, text, quoting, tag,
// position, expansion count), or the fast scanner gave up. Returns whether it read the text.
bool compareScanners(const QByteArray &yaml, const QString &what)
{
    YamlError libError;
    const auto lib = parseWith(yaml, YamlTree::Scanner::Libyaml, &libError);
    const auto fast = parseWith(yaml, YamlTree::Scanner::Fast);
    if (!fast) {
        return false;
    }
    if (!lib) {
        QTest::qFail(qPrintable(QStringLiteral("%1: the fast scanner accepted what libyaml "
                                               "refuses (%2)")
                                    .arg(what, libError.message)),
                     __FILE__, __LINE__);
        return true;
    }
    if (lib->dump() != fast->dump()) {
        QTest::qFail(qPrintable(QStringLiteral("%1: trees differ\nlibyaml:\n%2\nfast:\n%3")
                                    .arg(what, lib->dump(), fast->dump())),
                     __FILE__, __LINE__);
    }
    return true;
}

QStringList corpusFiles()
{
    QStringList files;
    for (const char *dir : {DEVDOCK_TEST_DATA, DEVDOCK_SOURCE_DIR "/tests/fuzz/corpus",
                            DEVDOCK_SOURCE_DIR "/examples"}) {
        QDirIterator it(QString::fromUtf8(dir), {QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            files << it.next();
        }
    }
    files.sort();
    return files;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestYamlTree::fastScanner_sameTreeAsLibyaml_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<bool>("fast"); // whether the fast scanner reads it (else libyaml does)
    const auto row = [](const char *name, const char *yaml, bool fast) {
        QTest::newRow(name) << QByteArray(yaml) << fast;
    };
    row("nested maps", "services:\n  web:\n    image: nginx\n  db:\n    image: pg\n", true);
    row("indentless sequence", "a:\n- x\n- y\nb: 1\n", true);
    row("indented sequence", "a:\n  - x\n  -   y  \nb: 1\n", true);
    row("compact maps in a sequence",
        "ports:\n  - target: 80\n    published: 8080\n  - target: 443\n", true);
    row("indentless sequence in a compact map", "- a:\n  - x\n  b: 2\n- c\n", true);
    row("empty values", "a:\nb:\n  c:\n  d:\ne:\n  -\n  - x\n  -\n", true);
    row("null words", "a: ~\nb: null\nc: NULL\nd: Null\n~: x\n", true);
    row("comments", "# head\na: 1 # one\n  # indented comment\n\nb: x#y\nc: 'q' # c\n", true);
    row("plain with colons and hashes", "url: http://x:80/a#b\nt: a:b c\nk  : v\n", true);
    row("quoted", "a: \"x y\"\nb: 'it''s'\n\"c d\": 1\n'e' : 2\n\"\": empty\n", true);
    row("escapes", "a: \"t\\tn\\nq\\\"b\\\\s\\/z\\0e\\e\\ \"\n", true);
    row("flow", "a: [x, \"y\", 'z', 1]\nb: {k: v, \"q\": [1, {m: n}]}\nc: []\nd: {}\n"
                "e: [ a b , c ]\n",
        true);
    row("numbers and dashes", "a: -1\nb: --port\nc: [-1, -x]\n", true);
    row("root sequence", "- a\n- b: c\n  d: e\n", true);
    row("indented root", "  a: 1\n  b:\n    - x\n", true);
    row("no final newline", "a: 1\nb: [x]", true);
    row("deep", "a:\n b:\n  c:\n   d:\n    - - x\n", false);
    row("anchor and alias", "a: &x 1\nb: *x\n", false);
    row("merge key", "a: &x {p: 1}\nb:\n  <<: *x\n  q: 2\n", false);
    row("tag", "a: !reset\nb: !!str 1\n", false);
    row("block scalar", "a: |\n  x\n  y\nb: >-\n  z\n", false);
    row("multi-line plain", "a: x\n  y\nb: 1\n", false);
    row("multi-line quoted", "a: \"x\n  y\"\n", false);
    row("multi-line flow", "a: [x,\n  y]\n", false);
    row("document marker", "---\na: 1\n", false);
    row("second document", "a: 1\n---\nb: 2\n", false);
    row("tab", "a:\t1\n", false);
    row("crlf", "a: 1\r\nb: 2\r\n", false);
    row("utf-8", "a: \xc3\xa4\n", false);
    row("complex key", "? a\n: b\n", false);
    row("flow pair in a sequence", "a: [k: v]\n", false);
    row("colon in a flow scalar", "a: [x:y]\n", false);
    row("trailing comma", "a: [x, ]\n", false);
    row("unicode escape", "a: \"\\u00e4\"\n", false);
    row("only comments", "# nothing\n", false);
    row("empty", "", false);
    // Errors are libyaml's to word: the fast scanner gives up on them.
    row("value after value", "a: b: c\n", false);
    row("bad indentation", "a:\n    b: 1\n  c: 2\n", false);
    row("sequence under a scalar", "a: 1\n  - x\n", false);
    row("junk after a quote", "a: \"x\" y\n", false);
    row("unterminated flow", "a: [x\n", false);
    row("entry after a key", "a: 1\n- x\n", false);
    row("scalar root", "just text\n", false);
}

void TestYamlTree::fastScanner_sameTreeAsLibyaml()
{
    QFETCH(QByteArray, yaml);
    QFETCH(bool, fast);
    QCOMPARE(compareScanners(yaml, QString::fromLatin1(QTest::currentDataTag())), fast);
}

// Every compose file of the differential corpus, the broken ones, the fuzz corpus and the
// examples: where the fast scanner reads a file it reads it as libyaml does.
void TestYamlTree::fastScanner_everyCorpusFile_sameTreeAsLibyaml()
{
    const QStringList files = corpusFiles();
    QVERIFY(files.size() > 100);
    int fast = 0;
    for (const QString &file : files) {
        fast += compareScanners(readAll(file), file) ? 1 : 0;
    }
    // Most real compose files are in the subset (else the fast path would be for benchmarks).
    QVERIFY2(fast * 2 > files.size(), qPrintable(QStringLiteral("%1 of %2").arg(fast).arg(files.size())));
    qInfo("fast scanner read %d of %lld corpus files", fast, static_cast<long long>(files.size()));
}

// Each corpus file cut after every line (and in the middle of it): unfinished documents,
// dangling keys and quotes, either read as libyaml reads them or left to libyaml.
void TestYamlTree::fastScanner_everyLinePrefixOfCorpus_sameTreeOrLibyaml()
{
    for (const QString &file : corpusFiles()) {
        const QByteArray text = readAll(file);
        qsizetype from = 0;
        while (from < text.size()) {
            qsizetype eol = text.indexOf('\n', from);
            eol = eol < 0 ? text.size() : eol;
            const qsizetype middle = from + (eol - from) / 2;
            compareScanners(text.left(eol + 1), file + QStringLiteral(" to %1").arg(eol + 1));
            compareScanners(text.left(middle), file + QStringLiteral(" to %1").arg(middle));
            if (QTest::currentTestFailed()) {
                return;
            }
            from = eol + 1;
        }
    }
}

// A duplicate key in a file the fast scanner reads: the same error, at the same two places, as
// libyaml's path gives.
void TestYamlTree::parse_refusedInsideFastSubset_sameErrorAsLibyaml()
{
    const QByteArray yaml = "services:\n  web:\n    image: a\n    ports: [\"80\"]\n    image: b\n";
    YamlError fastError;
    YamlError libError;
    QVERIFY(!parseWith(yaml, YamlTree::Scanner::Auto, &fastError));
    QVERIFY(!parseWith(yaml, YamlTree::Scanner::Libyaml, &libError));
    QCOMPARE(int(fastError.kind), int(YamlError::Kind::DuplicateKey));
    QCOMPARE(fastError.message, libError.message);
    QCOMPARE(fastError.mark.line, 4);
    QCOMPARE(fastError.mark.column, 4);
    QCOMPARE(fastError.first.line, 2);
    QCOMPARE(fastError.first.line, libError.first.line);
}

QTEST_GUILESS_MAIN(TestYamlTree)
#include "tst_yamltree.moc"
