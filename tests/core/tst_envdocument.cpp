// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/dockertest.h"

#include "env/envdocument.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

using namespace DevDock::Core;

namespace {

QString readData(const QString &name)
{
    QFile f(QStringLiteral(DEVDOCK_TEST_DATA "/env/") + name);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("missing %s", qPrintable(f.fileName()));
    }
    return QString::fromUtf8(f.readAll());
}

VariableLookup lookupIn(const QHash<QString, QString> &vars)
{
    return [vars](const QString &name) -> std::optional<QString> {
        const auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional<QString>(*it);
    };
}

} // namespace

class TestEnvDocument : public QObject
{
    Q_OBJECT
private slots:
    void parse_value_data();
    void parse_value();
    void parse_malformed_namesLine_data();
    void parse_malformed_namesLine();
    void roundTrip_byteIdentical_data();
    void roundTrip_byteIdentical();
    void roundTrip_everyEnvFileInTheCorpus();
    void set_changesOnlyThatKeysLines();
    void set_newKeyIsAppendedWithTheFilesLineEnding();
    void set_valueThatNeedsQuotes_readsBackTheSame_data();
    void set_valueThatNeedsQuotes_readsBackTheSame();
    void remove_dropsOnlyThatKey();
    void resolve_environmentFirstThenEarlierKeys();
    void resolve_missingRequired_namesFileAndLine();
    void resolve_matchesDockerCompose_data();
    void resolve_matchesDockerCompose();
    void resolve_asDotEnv_matchesDockerComposeInterpolation_data();
    void resolve_asDotEnv_matchesDockerComposeInterpolation();
    void parseBytes_roundTrip_byteForByte_data();
    void parseBytes_roundTrip_byteForByte();
    void parseBytes_edits_keepEveryUntouchedByte();
};

void TestEnvDocument::parse_value_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << "K=v"
                           << "K"
                           << "v";
    QTest::newRow("spaces around separator trimmed") << "K =  v w  "
                                                     << "K"
                                                     << "v w";
    QTest::newRow("colon separator") << "K: v"
                                     << "K"
                                     << "v";
    QTest::newRow("export prefix") << "export K=v"
                                   << "K"
                                   << "v";
    QTest::newRow("hash without space is kept") << "K=a#b"
                                                << "K"
                                                << "a#b";
    QTest::newRow("hash after space is a comment") << "K=a #b"
                                                   << "K"
                                                   << "a";
    QTest::newRow("single quotes are literal") << "K='$X \\n #'"
                                               << "K"
                                               << "$X \\n #";
    QTest::newRow("escaped single quote") << "K='it\\'s'"
                                          << "K"
                                          << "it's";
    QTest::newRow("double-quote escapes") << "K=\"a\\nb\\tc\\\"d\\\\e\\$f\""
                                          << "K"
                                          << "a\nb\tc\"d\\e$f";
    QTest::newRow("unknown escape stays") << "K=\"\\101\\q\""
                                          << "K"
                                          << "\\101\\q";
    QTest::newRow("multi-line double") << "K=\"a\nb\""
                                       << "K"
                                       << "a\nb";
    QTest::newRow("multi-line single") << "K='a\nb'"
                                       << "K"
                                       << "a\nb";
    QTest::newRow("comment after quotes") << "K=\"v\" # note"
                                          << "K"
                                          << "v";
    QTest::newRow("padded quoted value") << "K=  \"  p  \"  "
                                         << "K"
                                         << "  p  ";
    QTest::newRow("empty") << "K="
                           << "K"
                           << "";
    QTest::newRow("empty quoted") << "K=\"\""
                                  << "K"
                                  << "";
    QTest::newRow("inner quotes in unquoted") << "K=a'b\"c"
                                              << "K"
                                              << "a'b\"c";
    QTest::newRow("dotted and dashed keys") << "a.b-c=1"
                                            << "a.b-c"
                                            << "1";
    QTest::newRow("CRLF stripped") << "K=v\r\n"
                                   << "K"
                                   << "v";
    QTest::newRow("indented") << "   K=v"
                              << "K"
                              << "v";
    // Double-quote escapes, each checked against Compose 2.26 (see escapes.env below).
    QTest::newRow("bell backspace formfeed vtab") << "K=\"a\\ab\\bc\\fd\\ve\""
                                                  << "K"
                                                  << "a\x07"
                                                     "b\x08"
                                                     "c\x0C"
                                                     "d\x0B"
                                                     "e";
    QTest::newRow("\\c is no escape") << "K=\"a\\cb\""
                                      << "K"
                                      << "a\\cb";
    QTest::newRow("\\0 and three octal digits") << "K=\"\\0101\\0123\""
                                                << "K"
                                                << "AS";
    QTest::newRow("\\0377 is y-umlaut") << "K=\"\\0377\""
                                        << "K" << QString(QChar(0xFF));
    QTest::newRow("\\0000 is NUL") << "K=\"a\\0000b\""
                                   << "K" << QString("a") + QChar(0) + "b";
    QTest::newRow("\\0 takes three digits at most") << "K=\"\\01234\""
                                                    << "K"
                                                    << "S4";
    QTest::newRow("\\0 above 0377 drops the 0") << "K=\"\\0400\""
                                                << "K"
                                                << "\\400";
    QTest::newRow("\\0 with two digits drops the 0") << "K=\"\\012\""
                                                     << "K"
                                                     << "\\12";
    QTest::newRow("\\0 alone is a backslash") << "K=\"a\\0b\""
                                              << "K"
                                              << "a\\b";
    QTest::newRow("\\0 with 8 or 9 drops the 0") << "K=\"\\08 \\0999\""
                                                 << "K"
                                                 << "\\8 \\999";
    QTest::newRow("\\x and \\u are no escapes") << "K=\"\\x41\\u0041\""
                                                << "K"
                                                << "\\x41\\u0041";
    QTest::newRow("\\' in double quotes stays") << "K=\"a\\'b\""
                                                << "K"
                                                << "a\\'b";
    QTest::newRow("backslash before a line break stays") << "K=\"a\\\nb\""
                                                         << "K"
                                                         << "a\\\nb";
    QTest::newRow("escaped backslash, then quote") << "K=\"\\\\\\\"x\""
                                                   << "K"
                                                   << "\\\"x";
    QTest::newRow("value ends in an escaped backslash") << "K=\"a\\\\\""
                                                        << "K"
                                                        << "a\\";
    QTest::newRow("byte order mark before the first key") << QChar(0xFEFF) + QString("K=v") << "K"
                                                          << "v";
}

void TestEnvDocument::parse_value()
{
    QFETCH(QString, text);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const auto doc = EnvDocument::parse(text);
    QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc->keys(), QStringList{key});
    QCOMPARE(doc->rawValue(key).value_or("<absent>"), value);
}

void TestEnvDocument::parse_malformed_namesLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("unterminated double") << "A=1\nK=\"open\nB=2\n"
                                         << "line 2: unterminated quoted value for K";
    QTest::newRow("unterminated single") << "K='open"
                                         << "line 1: unterminated quoted value for K";
    QTest::newRow("space in key") << "\nBAD KEY=x"
                                  << "line 2: the variable name \"BAD KEY\" contains a space";
    QTest::newRow("bad character in key")
        << "K!=x"
        << "unexpected character \"!\" in the variable name \"K\"";
    QTest::newRow("no name") << "=x"
                             << "where a variable name should start";
    QTest::newRow("text after quotes") << "K=\"a\"b"
                                       << "unexpected text \"b\" after the quoted value of K";
}

void TestEnvDocument::parse_malformed_namesLine()
{
    QFETCH(QString, text);
    QFETCH(QString, errorContains);
    const auto doc = EnvDocument::parse(text, QString());
    QVERIFY(!doc);
    QVERIFY2(doc.error().message.contains(errorContains), qPrintable(doc.error().message));
    QVERIFY(!doc.error().hint.isEmpty());
    const auto named = EnvDocument::parse(text, QStringLiteral(".env.local"));
    QVERIFY(!named && named.error().message.startsWith(".env.local:"));
}

void TestEnvDocument::roundTrip_byteIdentical_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("basics.env") << readData("basics.env");
    QTest::newRow("crlf, no final newline") << readData("crlf_no_final_newline.env");
    QTest::newRow("synapse .env.example") << readData("synapse.env.example");
    QTest::newRow("empty") << QString();
    QTest::newRow("only blanks and comments") << QString("\n\n  # c\n\t\n");
    QTest::newRow("bare key") << QString("INHERITED\nK=v # c\n");
}

void TestEnvDocument::roundTrip_byteIdentical()
{
    QFETCH(QString, text);
    const auto doc = EnvDocument::parse(text);
    QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc->toString(), text);
}

void TestEnvDocument::roundTrip_everyEnvFileInTheCorpus()
{
    int files = 0;
    QDirIterator it(QStringLiteral(DEVDOCK_TEST_DATA), QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = it.fileName();
        if (!name.startsWith(".env") && !name.endsWith(".env") && !name.endsWith(".env.example")) {
            continue;
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const auto doc = EnvDocument::parse(QString::fromUtf8(bytes), path);
        QVERIFY2(doc, qPrintable(path));
        QCOMPARE(doc->toString().toUtf8(), bytes);
        // Editing one key changes only that key's line.
        const QStringList keys = doc->keys();
        if (keys.isEmpty()) {
            continue;
        }
        EnvDocument edited = *doc;
        edited.set(keys.first(), "edited-value");
        const QStringList before = QString::fromUtf8(bytes).split('\n');
        const QStringList after = edited.toString().split('\n');
        QCOMPARE(after.size(), before.size());
        int changed = 0;
        for (int i = 0; i < before.size(); ++i) {
            changed += before.at(i) != after.at(i) ? 1 : 0;
        }
        QVERIFY2(changed == 1 || (changed == 0 && doc->rawValue(keys.first()) == "edited-value"),
                 qPrintable(path));
        ++files;
    }
    QVERIFY(files >= 5);
}

void TestEnvDocument::set_changesOnlyThatKeysLines()
{
    const QString text = readData("synapse.env.example");
    auto doc = EnvDocument::parse(text);
    QVERIFY(doc);
    doc->set("REDIS_URL", "redis://cache:6379/1");
    doc->set("JWT_SECRET_KEY", "it's new");
    doc->set("POSTGRES_PASSWORD", "s3cret value");
    const QStringList before = text.split('\n');
    const QStringList after = doc->toString().split('\n');
    QCOMPARE(after.size(), before.size());
    QStringList changed;
    for (int i = 0; i < before.size(); ++i) {
        if (before.at(i) != after.at(i)) {
            changed << after.at(i);
        }
    }
    QCOMPARE(changed,
             (QStringList{"POSTGRES_PASSWORD=s3cret value", "REDIS_URL=redis://cache:6379/1",
                          "JWT_SECRET_KEY='it\\'s new'"}));
    const auto reread = EnvDocument::parse(doc->toString());
    QVERIFY(reread);
    QCOMPARE(reread->rawValue("JWT_SECRET_KEY").value(), QStringLiteral("it's new"));
    QCOMPARE(reread->rawValue("POSTGRES_PASSWORD").value(), QStringLiteral("s3cret value"));
}

void TestEnvDocument::set_newKeyIsAppendedWithTheFilesLineEnding()
{
    const QString text = readData("crlf_no_final_newline.env");
    auto doc = EnvDocument::parse(text);
    QVERIFY(doc);
    doc->set("NEW", "x y");
    QCOMPARE(doc->toString(), text + "\r\nNEW=x y\r\n");
    QCOMPARE(EnvDocument::parse(doc->toString())->rawValue("NEW").value(), QStringLiteral("x y"));
}

void TestEnvDocument::set_valueThatNeedsQuotes_readsBackTheSame_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << "abc";
    QTest::newRow("spaces around") << "  padded  ";
    QTest::newRow("hash after space") << "a #b";
    QTest::newRow("dollar") << "pa$$word$X";
    QTest::newRow("quotes") << "\"'\"";
    QTest::newRow("newline and tab") << "l1\nl2\tx";
    QTest::newRow("backslashes") << "C:\\path\\n";
    QTest::newRow("empty") << "";
}

void TestEnvDocument::set_valueThatNeedsQuotes_readsBackTheSame()
{
    QFETCH(QString, value);
    for (const QString &start :
         {QString("K=old\n"), QString("K='old'\n"), QString("K=\"old\"\n")}) {
        auto doc = EnvDocument::parse(start);
        QVERIFY(doc);
        doc->set("K", value);
        const auto reread = EnvDocument::parse(doc->toString());
        QVERIFY2(reread, qPrintable(doc->toString()));
        QCOMPARE(reread->rawValue("K").value(), value);
        // And the value is what the container gets: no interpolation of what was written.
        const auto resolved = reread->resolve(lookupIn({{"X", "interpolated"}}));
        QVERIFY(resolved);
        QCOMPARE(resolved->first().second, value);
    }
}

void TestEnvDocument::remove_dropsOnlyThatKey()
{
    auto doc = EnvDocument::parse("# head\nA=1\nB=2 # b\nC=3\n");
    QVERIFY(doc);
    QVERIFY(doc->remove("B"));
    QVERIFY(!doc->remove("B"));
    QCOMPARE(doc->toString(), QStringLiteral("# head\nA=1\nC=3\n"));
}

void TestEnvDocument::resolve_environmentFirstThenEarlierKeys()
{
    const auto doc =
        EnvDocument::parse("A=1\nB=$A\nC=${B}-${Z:-z}\nD='$A'\nE=\"\\$A $A\"\nINHERIT\nGONE\n");
    QVERIFY(doc);
    auto resolved = doc->resolve(lookupIn({}));
    QVERIFY(resolved);
    QCOMPARE(*resolved, (QList<std::pair<QString, QString>>{
                            {"A", "1"}, {"B", "1"}, {"C", "1-z"}, {"D", "$A"}, {"E", "$A 1"}}));
    resolved = doc->resolve(lookupIn({{"A", "env"}, {"INHERIT", "from env"}}));
    QVERIFY(resolved);
    QCOMPARE(*resolved, (QList<std::pair<QString, QString>>{{"A", "1"},
                                                            {"B", "env"},
                                                            {"C", "env-z"},
                                                            {"D", "$A"},
                                                            {"E", "$A env"},
                                                            {"INHERIT", "from env"}}));
}

void TestEnvDocument::resolve_missingRequired_namesFileAndLine()
{
    const auto doc = EnvDocument::parse("A=1\n\nB=${TOKEN:?ask the team lead}\n", ".env.local");
    QVERIFY(doc);
    const auto resolved = doc->resolve(lookupIn({}));
    QVERIFY(!resolved);
    QCOMPARE(resolved.error().message,
             QStringLiteral(
                 ".env.local:3: Required variable TOKEN is missing a value: ask the team lead"));
}

void TestEnvDocument::resolve_matchesDockerCompose_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("basics") << "basics.env";
    QTest::newRow("crlf") << "crlf_no_final_newline.env";
    QTest::newRow("synapse example") << "synapse.env.example";
    QTest::newRow("every double-quote escape") << "escapes.env";
}

void TestEnvDocument::resolve_matchesDockerCompose()
{
    // Differential: the same file as a service's env_file, resolved by `docker compose config`.
    if (DevDock::Test::docker({"compose", "version"}).exitCode != 0) {
        QSKIP("docker compose is not installed");
    }
    QFETCH(QString, file);
    QTemporaryDir project;
    QVERIFY(QFile::copy(QStringLiteral(DEVDOCK_TEST_DATA "/env/") + file,
                        project.filePath("vars.env")));
    QFile compose(project.filePath("compose.yaml"));
    QVERIFY(compose.open(QIODevice::WriteOnly));
    compose.write("services:\n  s:\n    image: devdock-test/busybox\n    env_file: [vars.env]\n");
    compose.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DEVDOCK_DIFF_VAR", "from the process");
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(project.path());
    p.start("docker", {"compose", "config", "--format", "json"});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject expected = QJsonDocument::fromJson(p.readAllStandardOutput())
                                     .object()["services"]
                                     .toObject()["s"]
                                     .toObject()["environment"]
                                     .toObject();

    const auto doc = EnvDocument::parse(readData(file), file);
    QVERIFY(doc);
    const auto resolved = doc->resolve([&](const QString &name) -> std::optional<QString> {
        return env.contains(name) ? std::optional<QString>(env.value(name)) : std::nullopt;
    });
    QVERIFY2(resolved, resolved ? "" : qPrintable(resolved.error().message));
    QCOMPARE(resolved->size(), expected.size());
    for (const auto &[key, value] : *resolved) {
        // Compose's output writes a literal $ as $$.
        QString composeValue = expected.value(key).toString();
        composeValue.replace(QStringLiteral("$$"), QStringLiteral("$"));
        QVERIFY2(expected.contains(key), qPrintable(key));
        QCOMPARE(value, composeValue);
    }
}

void TestEnvDocument::resolve_asDotEnv_matchesDockerComposeInterpolation_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("basics") << "basics.env";
    QTest::newRow("every double-quote escape") << "escapes.env";
}

void TestEnvDocument::resolve_asDotEnv_matchesDockerComposeInterpolation()
{
    // Differential, the other way Compose reads a .env: as the project's .env, interpolated into
    // the compose file (${KEY} for every key).
    QFETCH(QString, file);
    const auto doc = EnvDocument::parse(readData(file), file);
    QVERIFY(doc);
    QTemporaryDir project;
    QVERIFY(
        QFile::copy(QStringLiteral(DEVDOCK_TEST_DATA "/env/") + file, project.filePath(".env")));
    // Every key a compose file can name in ${...} (dotted.key and dash-key cannot be).
    QStringList referenced = doc->keys();
    referenced.removeIf([](const QString &key) {
        return !QRegularExpression("^[A-Za-z_][A-Za-z0-9_]*$").match(key).hasMatch();
    });
    QVERIFY(referenced.size() > 10);
    QByteArray yaml = "services:\n  s:\n    image: devdock-test/busybox\n    environment:\n";
    for (const QString &key : referenced) {
        yaml += "      " + key.toUtf8() + ": \"${" + key.toUtf8() + "}\"\n";
    }
    QFile compose(project.filePath("compose.yaml"));
    QVERIFY(compose.open(QIODevice::WriteOnly));
    compose.write(yaml);
    compose.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("DEVDOCK_DIFF_VAR", "from the process");
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(project.path());
    p.start("docker", {"compose", "config", "--format", "json"});
    QVERIFY2(p.waitForFinished(60000), "docker compose config did not finish");
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QJsonObject expected = QJsonDocument::fromJson(p.readAllStandardOutput())
                                     .object()["services"]
                                     .toObject()["s"]
                                     .toObject()["environment"]
                                     .toObject();
    const auto resolved = doc->resolve([&](const QString &name) -> std::optional<QString> {
        return env.contains(name) ? std::optional<QString>(env.value(name)) : std::nullopt;
    });
    QVERIFY2(resolved, resolved ? "" : qPrintable(resolved.error().message));
    QCOMPARE(expected.size(), referenced.size());
    for (const auto &[key, value] : *resolved) {
        if (!referenced.contains(key)) {
            continue;
        }
        QVERIFY2(expected.contains(key), qPrintable(key));
        QString composeValue = expected.value(key).toString();
        composeValue.replace(QStringLiteral("$$"), QStringLiteral("$")); // Compose's escaping
        QCOMPARE(value, composeValue);
    }
}

void TestEnvDocument::parseBytes_roundTrip_byteForByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF# c\nK=v\n") << "K"
                                     << "v";
    QTest::newRow("Latin-1 value") << QByteArray("K=caf\xE9\n") << "K"
                                   << "caf\uFFFD";
    QTest::newRow("Latin-1 comment, BOM, CRLF, no final newline")
        << QByteArray("\xEF\xBB\xBF# \xE9t\xE9\r\nK=1 # \xFC\r\nL=2") << "L"
        << "2";
    QTest::newRow("overlong, surrogate and cut sequences")
        << QByteArray("K=\xC0\xAF \xED\xA0\x80 \xE2\x82\n") << "K"
        << "\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD \uFFFD\uFFFD";
    QTest::newRow("valid multi-byte text") << QByteArray("K=\xC3\xA9\xE2\x82\xAC\xF0\x9F\x90\xB3\n")
                                           << "K" << QString::fromUtf8("\u00E9\u20AC\U0001F433");
    QTest::newRow("Latin-1 inside a multi-line quoted value")
        << QByteArray("K=\"a\xE9\nb\"\nL=1\n") << "K"
        << "a\uFFFD\nb";
}

void TestEnvDocument::parseBytes_roundTrip_byteForByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const auto doc = EnvDocument::parseBytes(bytes);
    QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
    QCOMPARE(doc->toBytes(), bytes);
    QCOMPARE(doc->rawValue(key).value_or("<absent>"), value);
}

void TestEnvDocument::parseBytes_edits_keepEveryUntouchedByte()
{
    const QByteArray bytes = "\xEF\xBB\xBF# caf\xE9\n"
                             "A=1 # \xE9t\xE9\n"
                             "B=Ren\xE9\x65\n"
                             "C=3\n"
                             "LAST=\xFF";
    auto doc = EnvDocument::parseBytes(bytes);
    QVERIFY(doc);
    doc->set("A", "2"); // its trailing comment keeps its Latin-1 bytes
    QCOMPARE(doc->toBytes(), QByteArray(bytes).replace("A=1 #", "A=2 #"));
    doc->set("NEW", "x"); // the last line gets a line break and keeps its byte
    QCOMPARE(doc->toBytes(), QByteArray(bytes).replace("A=1 #", "A=2 #") + "\nNEW=x\n");
    QVERIFY(doc->commentOut("B"));
    QVERIFY(doc->toBytes().contains("\n# B=Ren\xE9\x65\n"));
    QVERIFY(doc->remove("C"));
    QCOMPARE(
        doc->toBytes(),
        QByteArray("\xEF\xBB\xBF# caf\xE9\nA=2 # \xE9t\xE9\n# B=Ren\xE9\x65\nLAST=\xFF\nNEW=x\n"));
    // An edited value with non-ASCII text is written as UTF-8.
    doc->set("LAST", "\u00E9");
    QVERIFY(doc->toBytes().contains("LAST=\xC3\xA9\n"));
}

QTEST_GUILESS_MAIN(TestEnvDocument)
#include "tst_envdocument.moc"
