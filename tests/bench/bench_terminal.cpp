// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Terminal benchmarks against the real engine, on a running container (tests/bench/
// bench_terminal.sh starts one and runs `docker exec -it` in a pty beside these):
//   bench_terminal latency CONTAINER [KEYS]   keystroke echo: a key typed into the widget (its
//                        bytes written to the exec connection) until the echoed character is
//                        painted; and the same key written on a bare ExecSession until its echo
//                        arrives (the engine's share). Median and p95.
//   bench_terminal parse MIB       the widget alone: MIB of a TTY's `yes` output fed from memory.
//   bench_terminal throughput CONTAINER [MIB] `yes | head -c MIB M` in the widget's shell: bytes
//                        parsed and painted per second, the longest gap of a 5 ms heartbeat
//                        timer on the GUI thread while it runs, frames painted.
//   bench_terminal pipe CONTAINER [MIB]  the same bytes as a TTY would write them ("y\r\n"), but
//                        from an exec without a TTY: the engine's frame stream, demultiplexed and
//                        fed to the widget as the session feeds it. The path of every byte minus
//                        the container's pty, for machines whose pty is slower than the widget.
// Prints lines "BENCH <name> <value> <unit>". Never passes or fails on timing.
#include "engine/engineclient.h"
#include "engine/execsession.h"
#include "terminal/terminalsession.h"
#include "terminal/terminalwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QKeyEvent>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <memory>
#include <cstdio>
#include <vector>

using namespace DevDock;

namespace {

void bench(const char *name, double value, const char *unit)
{
    std::printf("BENCH %s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

// CPU seconds this process used (user + system): the figure that a loaded machine bends least.
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
           + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// A 5 ms timer on the GUI thread: the longest gap between its ticks is the longest stall a
// user would feel. On a shared, loaded machine the scheduler adds to it, so the CPU time the
// GUI thread spent inside the worst gap is measured as well (the stall's own work).
// The engine client every engine mode uses; nullptr after saying why there is none.
std::unique_ptr<Core::EngineClient> engineClient()
{
    auto endpoint = Core::EngineClient::systemEndpoint();
    if (!endpoint) {
        std::fprintf(stderr, "bench_terminal: %s\n", qPrintable(endpoint.error().message));
        return nullptr;
    }
    return std::make_unique<Core::EngineClient>(*endpoint);
}

struct Heartbeat
{
    QTimer timer;
    QElapsedTimer beat;
    double lastCpuMs = 0;
    qint64 longestGapMs = 0;
    double longestGapCpuMs = 0;
    double mostCpuInGapMs = 0;

    Heartbeat()
    {
        timer.setInterval(5);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            const qint64 gap = beat.restart();
            const double cpu = threadCpuMs();
            const double used = cpu - lastCpuMs;
            lastCpuMs = cpu;
            if (gap > longestGapMs) {
                longestGapMs = gap;
                longestGapCpuMs = used;
            }
            mostCpuInGapMs = std::max(mostCpuInGapMs, used);
        });
    }
    void start()
    {
        lastCpuMs = threadCpuMs();
        beat.start();
        timer.start();
    }
    void report(const char *prefix)
    {
        timer.stop();
        bench(QByteArray(prefix).append("_longest_stall").constData(), double(longestGapMs),
              "ms wall (target <= 50, heartbeat 5 ms)");
        bench(QByteArray(prefix).append("_longest_stall_gui_cpu").constData(), longestGapCpuMs,
              "ms of GUI-thread CPU inside that gap (the rest: waiting for a core)");
        bench(QByteArray(prefix).append("_most_gui_cpu_between_beats").constData(),
              mostCpuInGapMs, "ms (the longest the GUI thread worked without a turn)");
    }
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return -1;
    }
    std::sort(v.begin(), v.end());
    const auto i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

// Runs the event loop until `done` holds or the time is up. It sleeps between events (a 1 ms
// check timer), as a GUI does: a busy loop would make the scheduler of a loaded machine treat
// the benchmark as a CPU hog and delay its wake-ups.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done()) {
        return true;
    }
    QEventLoop loop;
    QTimer check;
    check.setInterval(1);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done()) {
            loop.quit();
        }
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return done();
}

void typeKey(QWidget *w, char c)
{
    const auto key = c == '\r' ? Qt::Key_Return : Qt::Key(QChar(c).toUpper().unicode());
    const QString text = c == '\r' ? QStringLiteral("\r") : QString(QChar(c));
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QCoreApplication::sendEvent(w, &press);
}

struct Shell
{
    Core::EngineClient *client;
    std::unique_ptr<Ui::TerminalSession> session;

    bool open(Core::EngineClient *c, const QString &container)
    {
        client = c;
        session = std::make_unique<Ui::TerminalSession>(c, container, QStringLiteral("bench"));
        session->resize(900, 560);
        session->show();
        bool connected = false;
        QObject::connect(session.get(), &Ui::TerminalSession::connected,
                         [&connected] { connected = true; });
        session->connectSession();
        if (!waitFor([&] { return connected; }, 20000)) {
            std::fprintf(stderr, "bench_terminal: no session on %s\n", qPrintable(container));
            return false;
        }
        return waitFor([&] { return session->terminal()->screenText().contains(QLatin1String("/ #")); },
                       10000);
    }
    void type(const QByteArray &line)
    {
        for (const char c : line) {
            typeKey(session->terminal(), c);
        }
        typeKey(session->terminal(), '\r');
    }
};

int latency(int argc, char **argv, const QString &container, int keys)
{
    QApplication app(argc, argv);
    const auto engine = engineClient();
    if (!engine) {
        return 1;
    }
    Core::EngineClient &client = *engine;
    Shell shell;
    if (!shell.open(&client, container)) {
        return 1;
    }
    Ui::TerminalWidget *t = shell.session->terminal();
    // Each key is checked on the frame that paints it: the cursor row ends with what was typed.
    std::vector<double> painted;
    QElapsedTimer clock;
    QString line;
    bool seen = false;
    QObject::connect(t, &Ui::TerminalWidget::framePainted, [&] {
        if (!seen && t->rowText(t->cursorRow()).endsWith(line)) {
            seen = true;
            painted.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
    });
    for (int i = 0; i < keys; ++i) {
        if (i % 40 == 0) {
            // A fresh comment line: the shell echoes and runs nothing.
            shell.type({});
            waitFor([&] { return false; }, 50);
            line = QStringLiteral("#");
            typeKey(t, '#');
            waitFor([&] { return t->rowText(t->cursorRow()).endsWith(line); }, 5000);
            waitFor([&] { return false; }, 30);
        }
        const char c = char('a' + i % 26);
        line += QLatin1Char(c);
        seen = false;
        clock.start();
        typeKey(t, c);
        if (!waitFor([&] { return seen; }, 20000)) {
            std::fprintf(stderr, "bench_terminal: key %d not painted within 20 s: %s\n", i,
                         qPrintable(t->rowText(t->cursorRow())));
            return 1;
        }
        waitFor([&] { return false; }, 20); // as a fast typist: 50 keys a second
    }
    bench("widget_echo_painted_median", percentile(painted, 0.5), "ms");
    bench("widget_echo_painted_p95", percentile(painted, 0.95), "ms");

    // The engine's share: the same keys on a bare exec session, write until the echo arrives.
    Core::ExecSessionOptions options;
    options.command = {QStringLiteral("sh")};
    Core::ExecSession raw(&client, container, options);
    QByteArray received;
    char awaited = 0;
    double echoMs = -1;
    // The echo's time is taken where it arrives, not when the wait notices it.
    raw.setSink([&](Core::FrameDemuxer::Stream, QByteArrayView b) {
        received += b;
        if (awaited && echoMs < 0 && b.contains(awaited)) {
            echoMs = double(clock.nsecsElapsed()) / 1e6;
        }
    });
    bool started = false;
    QObject::connect(&raw, &Core::ExecSession::started, [&] { started = true; });
    raw.start();
    if (!waitFor([&] { return started && received.contains("# "); }, 20000)) {
        std::fprintf(stderr, "bench_terminal: no bare exec session\n");
        return 1;
    }
    raw.write("#");
    waitFor([&] { return received.endsWith('#'); }, 5000);
    std::vector<double> echoed;
    for (int i = 0; i < keys; ++i) {
        const char c = char('a' + i % 26);
        received.clear();
        awaited = c;
        echoMs = -1;
        clock.start();
        raw.write(QByteArray(1, c));
        if (!waitFor([&] { return echoMs >= 0; }, 20000)) {
            std::fprintf(stderr, "bench_terminal: bare echo %d never came\n", i);
            return 1;
        }
        awaited = 0;
        echoed.push_back(echoMs);
        waitFor([&] { return false; }, 20);
        if (i % 40 == 39) {
            raw.write("\r#");
            waitFor([&] { return received.endsWith('#'); }, 5000);
        }
    }
    bench("exec_echo_received_median", percentile(echoed, 0.5), "ms");
    bench("exec_echo_received_p95", percentile(echoed, 0.95), "ms");
    raw.stop();
    return 0;
}

int throughput(int argc, char **argv, const QString &container, int mib)
{
    QApplication app(argc, argv);
    const auto engine = engineClient();
    if (!engine) {
        return 1;
    }
    Core::EngineClient &client = *engine;
    Shell shell;
    if (!shell.open(&client, container)) {
        return 1;
    }
    Ui::TerminalWidget *t = shell.session->terminal();
    t->flushInput();
    Heartbeat heartbeat;
    int frames = 0;
    QObject::connect(t, &Ui::TerminalWidget::framePainted, [&] { ++frames; });
    const qint64 before = t->bytesParsed();
    QElapsedTimer clock;
    clock.start();
    const double cpuBefore = cpuSeconds();
    heartbeat.start();
    // The marker is printed by the shell after the flood: on screen once every byte is parsed.
    shell.type(QStringLiteral("yes | head -c $((%1*1048576)); echo DONE$((40+2))").arg(mib).toUtf8());
    const bool done = waitFor(
        [&] {
            return t->rowText(t->cursorRow() - 1).contains(QLatin1String("DONE42"))
                   && t->pendingBytes() == 0;
        },
        600000);
    // The frame that shows the marker.
    const int framesAtEnd = frames;
    waitFor([&] { return frames > framesAtEnd; }, 1000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    heartbeat.timer.stop();
    if (!done) {
        std::fprintf(stderr, "bench_terminal: the flood did not end: %s\n",
                     qPrintable(t->screenText()));
        return 1;
    }
    const double bytes = double(t->bytesParsed() - before);
    if (qEnvironmentVariableIsSet("BENCH_DEBUG")) {
        std::fprintf(stderr, "%s\n", qPrintable(t->screenText()));
    }
    std::printf("throughput: %.1f MiB parsed (with the TTY's CR) in %.2f s, %d frames\n",
                bytes / 1048576.0, seconds, frames);
    bench("widget_output_parsed_painted", bytes / 1e6 / seconds, "MB/s (target >= 20)");
    bench("widget_output_per_cpu_s", bytes / 1e6 / cpu, "MB per CPU second of this process");
    bench("widget_output_payload", double(mib) * 1048576.0 / 1e6 / seconds, "MB/s of yes output");
    heartbeat.report("gui");
    bench("frames_per_s", frames / seconds, "frames/s");
    return 0;
}

int pipe(int argc, char **argv, const QString &container, int mib)
{
    QApplication app(argc, argv);
    const auto engine = engineClient();
    if (!engine) {
        return 1;
    }
    Core::EngineClient &client = *engine;
    Ui::TerminalWidget t;
    t.resize(900, 540);
    t.show();
    Core::ExecSessionOptions options;
    options.tty = false;
    options.attachStdin = false;
    options.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("yes \"$(printf 'y\\r')\" | head -c $((%1*1048576))").arg(mib)};
    Core::ExecSession exec(&client, container, options);
    qint64 received = 0;
    exec.setSink([&](Core::FrameDemuxer::Stream stream, QByteArrayView bytes) {
        if (stream == Core::FrameDemuxer::Stream::Stdout) {
            received += bytes.size();
            t.feed(bytes);
        }
    });
    bool finished = false;
    QObject::connect(&exec, &Core::ExecSession::finished, [&] { finished = true; });
    Heartbeat heartbeat;
    int frames = 0;
    QObject::connect(&t, &Ui::TerminalWidget::framePainted, [&] { ++frames; });
    QElapsedTimer clock;
    clock.start();
    const double cpuBefore = cpuSeconds();
    heartbeat.start();
    exec.start();
    const qint64 total = qint64(mib) * 1048576;
    // Done when every byte is parsed; over as soon as the exec ends short (an error).
    waitFor([&] { return finished && (received < total || t.pendingBytes() == 0); }, 600000);
    const bool done = finished && received >= total && t.pendingBytes() == 0;
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    heartbeat.timer.stop();
    if (!done) {
        std::fprintf(stderr, "bench_terminal: %lld of %lld bytes came\n",
                     static_cast<long long>(received), static_cast<long long>(total));
        return 1;
    }
    bench("widget_engine_pipe_parsed_painted", double(received) / 1e6 / seconds,
          "MB/s (engine frame stream, no pty; target >= 20)");
    bench("widget_engine_pipe_per_cpu_s", double(received) / 1e6 / cpu,
          "MB per CPU second of this process");
    heartbeat.report("engine_pipe_gui");
    bench("engine_pipe_frames_per_s", frames / seconds, "frames/s");
    return 0;
}

// The widget alone: MIB of `yes` output as a TTY delivers it ("y\r\n"), fed in 64 KiB pieces
// from a timer as a socket would, parsed and painted; the same heartbeat.
int parse(int argc, char **argv, int mib)
{
    QApplication app(argc, argv);
    Ui::TerminalWidget t;
    t.resize(900, 540);
    t.show();
    QByteArray piece;
    while (piece.size() < 64 * 1024) {
        piece += "y\r\n";
    }
    const qint64 total = qint64(mib) * 1048576;
    qint64 fed = 0;
    QTimer source;
    source.setInterval(0);
    QObject::connect(&source, &QTimer::timeout, [&] {
        // A socket's pace: no more than 4 MiB queued ahead of the parser.
        if (t.pendingBytes() < 4 * 1048576 && fed < total) {
            t.feed(piece);
            fed += piece.size();
        }
    });
    Heartbeat heartbeat;
    int frames = 0;
    QObject::connect(&t, &Ui::TerminalWidget::framePainted, [&] { ++frames; });
    QElapsedTimer clock;
    clock.start();
    const double cpuBefore = cpuSeconds();
    heartbeat.start();
    source.start();
    waitFor([&] { return fed >= total && t.pendingBytes() == 0; }, 600000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    bench("widget_parse_in_memory", double(fed) / 1e6 / seconds, "MB/s");
    bench("widget_parse_in_memory_per_cpu_s", double(fed) / 1e6 / (cpuSeconds() - cpuBefore),
          "MB per CPU second");
    heartbeat.report("widget_parse");
    bench("widget_parse_frames_per_s", frames / seconds, "frames/s");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_terminal latency|throughput|pipe CONTAINER [N] | parse MIB\n");
        return 2;
    }
    const QByteArray mode = argv[1];
    if (mode == "parse") {
        return parse(argc, argv, std::atoi(argv[2]));
    }
    const QString container = QString::fromLocal8Bit(argv[2]);
    if (mode == "latency") {
        return latency(argc, argv, container, argc > 3 ? std::atoi(argv[3]) : 200);
    }
    if (mode == "throughput") {
        return throughput(argc, argv, container, argc > 3 ? std::atoi(argv[3]) : 100);
    }
    if (mode == "pipe") {
        return pipe(argc, argv, container, argc > 3 ? std::atoi(argv[3]) : 100);
    }
    std::fprintf(stderr, "bench_terminal: unknown mode %s\n", mode.constData());
    return 2;
}
