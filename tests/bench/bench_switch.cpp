// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// "Project switch to painted" (issue "The workspace", target < 50 ms): the window with two open
// projects, switched with Ctrl+2 / Ctrl+1 as a user does, timed from the key event to the end of
// the first paint of the graph that shows the other project's services (its nodes built, laid
// out). Prints the median and the max over SWITCHES (at least 20) switches, and how many Graphviz
// layouts and project loads the switches caused (a switch must reload nothing).
//   bench_switch DIR_A DIR_B      (the real engine; DOCKER_HOST as usual)
#include "engine/engineclient.h"
#include "mainwindow.h"
#include "topology/topologyview.h"
#include "workspace/projectruntime.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>
#include <QWindow>

#include <algorithm>
#include <cstdio>

using namespace DevDock;

namespace {

QStringList servicesOf(const Core::ProjectRuntime *runtime)
{
    QStringList names;
    for (const Core::ComposeService &s : runtime->project().services) {
        names << s.name;
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Whether the graph, as it paints, shows that project, and when that paint ended: the window
// paints its dirty widgets and flushes within its UpdateRequest, so the probe runs that itself
// and reads the clock after it.
class PaintProbe final : public QObject
{
public:
    PaintProbe(Ui::TopologyView *view, QWindow *window)
        : m_view(view)
    {
        view->viewport()->installEventFilter(this);
        window->installEventFilter(this);
    }
    QStringList expected;
    bool painted = false;
    QElapsedTimer *clock = nullptr;
    qint64 firstPaint = -1; // the graph's first paint after the key, whatever it showed
    qint64 paintedAt = -1;  // the end of the frame that showed the other project

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::UpdateRequest && watched->isWindowType() && !painted
            && !m_inFrame) {
            m_inFrame = true;
            m_frameShowsIt = false;
            QCoreApplication::sendEvent(watched, event); // the frame, inside this filter
            m_inFrame = false;
            if (m_frameShowsIt && clock) {
                painted = true;
                paintedAt = clock->elapsed();
            }
            return true;
        }
        if (event->type() == QEvent::Paint && watched == m_view->viewport()) {
            if (firstPaint < 0 && clock) {
                firstPaint = clock->elapsed();
            }
            QStringList shown = m_view->nodeNames();
            std::sort(shown.begin(), shown.end());
            m_frameShowsIt = m_frameShowsIt || (m_view->isLayoutDone() && shown == expected);
            if (!m_inFrame && m_frameShowsIt && !painted && clock) {
                painted = true; // painted outside a frame (a synchronous repaint)
                paintedAt = clock->elapsed();
            }
        }
        return false;
    }

private:
    Ui::TopologyView *m_view;
    bool m_inFrame = false;
    bool m_frameShowsIt = false;
};

bool waitFor(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DevDock-bench"));
    QApplication::setApplicationName(QStringLiteral("bench_switch"));
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_switch DIR_A DIR_B\n");
        return 2;
    }
    const int switches = qMax(20, qEnvironmentVariableIntValue("SWITCHES"));
    auto endpoint = Core::EngineClient::systemEndpoint();
    if (!endpoint) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(endpoint.error().message));
        return 1;
    }
    Core::EngineClient client(*endpoint);
    Core::Workspace workspace(&client);
    Ui::MainWindow window(&workspace);
    window.resize(1366, 768);
    window.show();
    Ui::TopologyView *graph = window.topologyView();
    QList<Core::ProjectRuntime *> runtimes;
    for (const QString &dir : {args.at(1), args.at(2)}) {
        Core::ProjectRuntime *runtime = window.openProject(dir);
        if (!waitFor([&] { return window.activeRuntime() == runtime && window.isSettled(); },
                     60000)) {
            std::fprintf(stderr, "bench: %s did not settle\n", qPrintable(dir));
            return 1;
        }
        runtimes << runtime;
    }
    // The sidebar's order decides which key is which: find out from the first switches.
    PaintProbe probe(graph, window.windowHandle());
    const int layoutsBefore = graph->layoutRuns();
    QSignalSpy loadsA(runtimes.at(0), &Core::ProjectRuntime::loadStarted);
    QSignalSpy loadsB(runtimes.at(1), &Core::ProjectRuntime::loadStarted);
    QList<qint64> times;
    int failures = 0;
    qint64 boundAt = -1;
    qint64 laidOutAt = -1;
    QObject::connect(&window, &Ui::MainWindow::activeRuntimeChanged, [&] {
        if (probe.clock) {
            boundAt = probe.clock->elapsed();
        }
    });
    QObject::connect(graph, &Ui::TopologyView::layoutFinished, [&] {
        if (probe.clock) {
            laidOutAt = probe.clock->elapsed();
        }
    });
    for (int i = 0; i < switches + 2; ++i) { // the first two warm up (cold caches), not counted
        const Qt::Key key = i % 2 ? Qt::Key_2 : Qt::Key_1;
        Core::ProjectRuntime *before = window.activeRuntime();
        Core::ProjectRuntime *target = before == runtimes.at(0) ? runtimes.at(1) : runtimes.at(0);
        probe.expected = servicesOf(target);
        probe.painted = false;
        QElapsedTimer t;
        t.start();
        boundAt = laidOutAt = probe.firstPaint = probe.paintedAt = -1;
        probe.clock = &t;
        QTest::keyClick(&window, key, Qt::ControlModifier);
        if (window.activeRuntime() == before) {
            // That key names the project on screen: the other one is the other key.
            QTest::keyClick(&window, i % 2 ? Qt::Key_1 : Qt::Key_2, Qt::ControlModifier);
        }
        const bool ok = waitFor([&] { return probe.painted; }, 5000);
        const qint64 ms = probe.paintedAt;
        probe.clock = nullptr;
        if (qEnvironmentVariableIsSet("BENCH_TRACE")) {
            std::printf("switch %d: %lld ms (bound %lld, laid out %lld, first paint %lld)\n", i,
                        static_cast<long long>(ms), static_cast<long long>(boundAt),
                        static_cast<long long>(laidOutAt), static_cast<long long>(probe.firstPaint));
        }
        if (!ok || window.activeRuntime() != target) {
            ++failures;
            continue;
        }
        if (i >= 2) {
            times << ms;
        }
        QTest::qWait(100); // let the window come to rest as a user's would between switches
    }
    if (times.isEmpty()) {
        std::fprintf(stderr, "bench: no switch painted the other project (%d failed)\n",
                     failures);
        return 1;
    }
    std::sort(times.begin(), times.end());
    const qint64 median = times.at(times.size() / 2);
    std::printf("project switch to painted (%lld switches, %d + %d services): median %lld ms · "
                "max %lld ms (target < 50 ms) · Graphviz layouts %d, project loads %lld during the switches%s\n",
                static_cast<long long>(times.size()), int(runtimes.at(0)->project().services.size()),
                int(runtimes.at(1)->project().services.size()), static_cast<long long>(median),
                static_cast<long long>(times.last()), graph->layoutRuns() - layoutsBefore,
                static_cast<long long>(loadsA.size() + loadsB.size()),
                failures ? qPrintable(QStringLiteral(" · %1 failed").arg(failures)) : "");
    return failures ? 1 : 0;
}
