// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A small mutation-based driver for LLVMFuzzerTestOneInput targets, for compilers without
// libFuzzer: runs every corpus file, then random mutations of them (bit flips, byte inserts and
// deletes, splices, YAML-significant tokens, truncations) until the time is up. A crash or an
// escaping exception fails the run; the input that caused it is written to the working directory.
//   standalone_fuzz SECONDS CORPUS_DIR...
#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <csignal>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

QByteArray g_current;

void onCrash(int sig)
{
    QFile out(QStringLiteral("crash-input.bin"));
    if (out.open(QIODevice::WriteOnly)) {
        out.write(g_current);
    }
    std::fprintf(stderr, "fuzz: signal %d on an input of %lld bytes (saved to crash-input.bin)\n",
                 sig, static_cast<long long>(g_current.size()));
    std::_Exit(1);
}

void runOne(const QByteArray &input)
{
    g_current = input;
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()),
                           static_cast<size_t>(input.size()));
}

QByteArray mutate(QByteArray input, const QList<QByteArray> &corpus, QRandomGenerator &rng)
{
    static const QList<QByteArray> tokens{":",
                                          "- ",
                                          "\n",
                                          "  ",
                                          "{",
                                          "}",
                                          "[",
                                          "]",
                                          "&a ",
                                          "*a",
                                          "<<: *a\n",
                                          "${",
                                          "$$",
                                          "${X:-",
                                          "}",
                                          "\"",
                                          "'",
                                          "#",
                                          "|\n",
                                          ">\n",
                                          "!!str ",
                                          "\t",
                                          "null",
                                          "~",
                                          "true",
                                          "-1",
                                          "99999999999999999999",
                                          "depends_on: [",
                                          "ports: [\"",
                                          "services:\n",
                                          "  x:\n",
                                          "    image: y\n",
                                          "healthcheck: {test: ",
                                          "volumes: [\""};
    const int rounds = 1 + rng.bounded(8);
    for (int i = 0; i < rounds; ++i) {
        const qsizetype pos = input.isEmpty() ? 0 : rng.bounded(static_cast<int>(input.size()));
        switch (rng.bounded(6)) {
        case 0:
            if (!input.isEmpty()) {
                input[pos] = static_cast<char>(input.at(pos) ^ (1 << rng.bounded(8)));
            }
            break;
        case 1:
            input.insert(pos, static_cast<char>(rng.bounded(256)));
            break;
        case 2:
            input.remove(pos, 1 + rng.bounded(16));
            break;
        case 3:
            input.insert(pos, tokens.at(rng.bounded(static_cast<int>(tokens.size()))));
            break;
        case 4: {
            const QByteArray &other = corpus.at(rng.bounded(static_cast<int>(corpus.size())));
            if (!other.isEmpty()) {
                const int from = rng.bounded(static_cast<int>(other.size()));
                input.insert(pos, other.mid(from, 1 + rng.bounded(64)));
            }
            break;
        }
        default:
            input.truncate(pos);
            break;
        }
    }
    return input.left(64 * 1024);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: %s SECONDS CORPUS_DIR...\n", argv[0]);
        return 2;
    }
    std::signal(SIGSEGV, onCrash);
    std::signal(SIGABRT, onCrash);
    std::signal(SIGFPE, onCrash);
    std::signal(SIGBUS, onCrash);
    const qint64 budgetMs = args.at(1).toLongLong() * 1000;
    QList<QByteArray> corpus;
    for (const QString &dir : args.mid(2)) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.size() < 256 * 1024) {
                corpus << f.readAll();
            }
        }
    }
    if (corpus.isEmpty()) {
        corpus << QByteArray("services:\n  a:\n    image: x\n");
    }
    try {
        for (const QByteArray &input : corpus) {
            runOne(input);
        }
        QRandomGenerator rng(0xD0CC);
        QElapsedTimer timer;
        timer.start();
        qint64 runs = corpus.size();
        while (timer.elapsed() < budgetMs) {
            const QByteArray &seed = corpus.at(rng.bounded(static_cast<int>(corpus.size())));
            runOne(mutate(seed, corpus, rng));
            ++runs;
        }
        std::printf("fuzz: %lld inputs (%lld corpus files) in %lld s, no crash\n",
                    static_cast<long long>(runs), static_cast<long long>(corpus.size()),
                    static_cast<long long>(timer.elapsed() / 1000));
    } catch (const std::exception &e) {
        onCrash(0);
        std::fprintf(stderr, "fuzz: exception escaped: %s\n", e.what());
        return 1;
    } catch (...) {
        std::fprintf(stderr, "fuzz: unknown exception escaped\n");
        onCrash(0);
        return 1;
    }
    return 0;
}
