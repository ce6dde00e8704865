// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "execcommand.h"

#include "enginecommand.h"
#include "output.h"

#include "engine/engineclient.h"
#include "engine/execsession.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <optional>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace DevDock::Ctl {

using namespace DevDock::Core;

namespace {

// The terminal's settings before raw mode, restored however the process ends.
std::optional<termios> g_savedTermios;
int g_winchPipe[2] = {-1, -1};

void restoreTerminal()
{
    if (g_savedTermios) {
        ::tcsetattr(STDIN_FILENO, TCSADRAIN, &*g_savedTermios);
        g_savedTermios.reset();
    }
}

void enterRawMode()
{
    termios t{};
    if (::tcgetattr(STDIN_FILENO, &t) != 0) {
        return;
    }
    g_savedTermios = t;
    std::atexit(restoreTerminal);
    ::cfmakeraw(&t);
    ::tcsetattr(STDIN_FILENO, TCSADRAIN, &t);
}

bool terminalSize(int &rows, int &columns)
{
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0) {
        if (::ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0) {
            return false;
        }
    }
    rows = ws.ws_row;
    columns = ws.ws_col;
    return true;
}

// All of the bytes to a descriptor (stdout may be a pipe that takes them in pieces).
void writeAll(int fd, QByteArrayView bytes)
{
    const char *p = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return; // a closed reader: nothing more to do with the output
        }
        p += n;
        left -= n;
    }
}

} // namespace

int runExec(EngineClient *client, const QString &container, const QStringList &command, bool noTty)
{
    const bool tty = !noTty && ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
    ExecSessionOptions options;
    options.command = command;
    options.tty = tty;
    options.attachStdin = true;
    if (tty) {
        terminalSize(options.rows, options.columns);
    }
    ExecSession session(client, container, options);
    session.setSink([](FrameDemuxer::Stream stream, QByteArrayView bytes) {
        writeAll(stream == FrameDemuxer::Stream::Stderr ? STDERR_FILENO : STDOUT_FILENO, bytes);
    });
    int exitCode = EngineFailure;
    QObject::connect(&session, &ExecSession::finished, &session,
                     [&exitCode](const Result<ExecOutcome> &r) {
                         restoreTerminal();
                         if (!r) {
                             exitCode = reportError(r.error());
                         } else {
                             exitCode = r->exitCode < 0 ? EngineFailure : r->exitCode;
                         }
                         Output::flush();
                         QCoreApplication::exit(exitCode);
                     });

    // stdin: read as it comes; its end closes the process's stdin (a pipe's EOF, ^D in raw mode is
    // just a byte for the remote terminal).
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &session, [&session, &input] {
        char buffer[16384];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n > 0) {
            session.write(QByteArray(buffer, n));
            return;
        }
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
            return;
        }
        input.setEnabled(false);
        session.closeStdin();
    });
    std::optional<QSocketNotifier> winch;
    if (tty) {
        enterRawMode();
        if (::pipe(g_winchPipe) == 0) {
            ::fcntl(g_winchPipe[1], F_SETFL, O_NONBLOCK);
            std::signal(SIGWINCH, [](int) {
                const char c = 1;
                [[maybe_unused]] auto n = ::write(g_winchPipe[1], &c, 1);
            });
            winch.emplace(g_winchPipe[0], QSocketNotifier::Read);
            QObject::connect(&*winch, &QSocketNotifier::activated, &session, [&session] {
                char drain[64];
                [[maybe_unused]] auto n = ::read(g_winchPipe[0], drain, sizeof drain);
                int rows = 0;
                int columns = 0;
                if (terminalSize(rows, columns)) {
                    session.resize(rows, columns);
                }
            });
        }
    } else {
        // With pipes, SIGINT/SIGTERM end the session as a closed terminal would.
        installSignalHandlers(&session, [&session] { session.stop(); });
    }
    session.start();
    QCoreApplication::exec();
    restoreTerminal();
    return exitCode;
}

} // namespace DevDock::Ctl
