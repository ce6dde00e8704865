// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/icons.h"
#include "common/statechip.h"
#include "common/statedotdelegate.h"
#include "common/statepalette.h"
#include "common/thememanager.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Ui;

Q_DECLARE_METATYPE(DevDock::Core::ServiceStatus)
Q_DECLARE_METATYPE(DevDock::Ui::StateKind)

namespace {

// How much of an image is close to a colour (the chip's tint or icon drawn in it).
int pixelsNear(const QImage &image, const QColor &color, int tolerance = 24)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green())
                    + std::abs(c.blue() - color.blue())
                < tolerance) {
                ++n;
            }
        }
    }
    return n;
}

} // namespace

class TestStatePalette : public QObject
{
    Q_OBJECT
private slots:
    void stateKind_fromStatusAndExitCode_data();
    void stateKind_fromStatusAndExitCode();
    void containerStateKind_fromEngineText_data();
    void containerStateKind_fromEngineText();
    void exitCodeMeaning_namesSignals_data();
    void exitCodeMeaning_namesSignals();
    void colors_stoppedNeverLooksFailed_lightAndDarkDiffer();
    void icon_perKindDistinct();
    void delegate_paintsChipInStateColour();
    void chip_accessibleNameCarriesWords();
    void icons_bundledFallbackFollowsPalette();
    void theme_manualChoicePersistsAndAppliesDarkPalette();
};

void TestStatePalette::stateKind_fromStatusAndExitCode_data()
{
    QTest::addColumn<ServiceStatus>("status");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("oomKilled");
    QTest::addColumn<StateKind>("kind");
    using S = ServiceStatus;
    using K = StateKind;
    QTest::newRow("healthy") << S::Healthy << 0 << false << K::Healthy;
    QTest::newRow("running") << S::Running << 0 << false << K::Running;
    QTest::newRow("starting") << S::Starting << 0 << false << K::Starting;
    QTest::newRow("created waits") << S::Created << 0 << false << K::Starting;
    QTest::newRow("restarting") << S::Restarting << 1 << false << K::Starting;
    QTest::newRow("unhealthy") << S::Unhealthy << 0 << false << K::Unhealthy;
    QTest::newRow("docker stop: SIGTERM") << S::Stopped << 143 << false << K::Stopped;
    QTest::newRow("docker stop: SIGKILL after timeout") << S::Stopped << 137 << false << K::Stopped;
    QTest::newRow("137 with nobody asking (killed from outside)") << S::Exited << 137 << false
                                                                   << K::Failed;
    QTest::newRow("clean exit") << S::Exited << 0 << false << K::Stopped;
    QTest::newRow("137 by the OOM killer") << S::Exited << 137 << true << K::Failed;
    QTest::newRow("error") << S::Exited << 1 << false << K::Failed;
    QTest::newRow("segfault") << S::Exited << 139 << false << K::Failed;
    QTest::newRow("dead") << S::Dead << 0 << false << K::Failed;
    QTest::newRow("paused") << S::Paused << 0 << false << K::Stopped;
    QTest::newRow("not created") << S::NotCreated << 0 << false << K::NotCreated;
    QTest::newRow("unknown") << S::Unknown << 0 << false << K::Unknown;
}

void TestStatePalette::stateKind_fromStatusAndExitCode()
{
    QFETCH(ServiceStatus, status);
    QFETCH(int, exitCode);
    QFETCH(bool, oomKilled);
    QFETCH(StateKind, kind);
    QCOMPARE(stateKind(status, exitCode, oomKilled), kind);
    QCOMPARE(isDeliberateStop(status, exitCode, oomKilled), kind == StateKind::Stopped
                                                                && (status == ServiceStatus::Exited
                                                                    || status == ServiceStatus::Stopped));
    // The same decision for a service whose container was OOM-killed.
    ServiceState service;
    service.status = status;
    service.exitCode = exitCode;
    ContainerState container;
    container.oomKilled = oomKilled;
    service.containers = {container};
    QCOMPARE(stateKind(service), kind);
}

void TestStatePalette::containerStateKind_fromEngineText_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("status");
    QTest::addColumn<StateKind>("kind");
    QTest::newRow("healthy") << "running" << "Up 3 minutes (healthy)" << StateKind::Healthy;
    QTest::newRow("unhealthy") << "running" << "Up 3 minutes (unhealthy)" << StateKind::Unhealthy;
    QTest::newRow("health starting")
        << "running" << "Up 2 seconds (health: starting)" << StateKind::Starting;
    QTest::newRow("no health check") << "running" << "Up 3 minutes" << StateKind::Running;
    QTest::newRow("stopped") << "exited" << "Exited (143) 2 minutes ago" << StateKind::Stopped;
    QTest::newRow("failed") << "exited" << "Exited (1) 2 minutes ago" << StateKind::Failed;
    QTest::newRow("dead") << "dead" << "Dead" << StateKind::Failed;
    QTest::newRow("paused") << "paused" << "Up 1 minute (Paused)" << StateKind::Stopped;
    QTest::newRow("created") << "created" << "Created" << StateKind::Starting;
}

void TestStatePalette::containerStateKind_fromEngineText()
{
    QFETCH(QString, state);
    QFETCH(QString, status);
    QFETCH(StateKind, kind);
    QCOMPARE(containerStateKind(state, status), kind);
}

void TestStatePalette::exitCodeMeaning_namesSignals_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("oom");
    QTest::addColumn<QString>("meaning");
    QTest::newRow("0") << 0 << false << "finished normally";
    QTest::newRow("1") << 1 << false << "error";
    QTest::newRow("127") << 127 << false << "command not found";
    QTest::newRow("137") << 137 << false << "killed (SIGKILL or out of memory)";
    QTest::newRow("137 oom") << 137 << true << "killed: out of memory";
    QTest::newRow("143") << 143 << false << "terminated (SIGTERM)";
    QTest::newRow("signal 10") << 138 << false << "killed by signal 10";
    QTest::newRow("other") << 42 << false << "error";
}

void TestStatePalette::exitCodeMeaning_namesSignals()
{
    QFETCH(int, code);
    QFETCH(bool, oom);
    QFETCH(QString, meaning);
    QCOMPARE(exitCodeMeaning(code, oom), meaning);
}

void TestStatePalette::colors_stoppedNeverLooksFailed_lightAndDarkDiffer()
{
    const QPalette light = ThemeManager::lightPalette();
    const QPalette dark = ThemeManager::darkPalette();
    QVERIFY(!StatePalette::isDark(light));
    QVERIFY(StatePalette::isDark(dark));
    const QList<StateKind> kinds{StateKind::Healthy,  StateKind::Starting, StateKind::Unhealthy,
                                 StateKind::Failed,   StateKind::Stopped,  StateKind::NotCreated,
                                 StateKind::Unknown};
    for (const QPalette &palette : {light, dark}) {
        // Every kind but healthy/running has its own colour.
        for (qsizetype i = 0; i < kinds.size(); ++i) {
            for (qsizetype j = i + 1; j < kinds.size(); ++j) {
                QVERIFY2(StatePalette::color(kinds.at(i), palette)
                             != StatePalette::color(kinds.at(j), palette),
                         qPrintable(QStringLiteral("%1 vs %2").arg(int(kinds.at(i))).arg(int(kinds.at(j)))));
            }
        }
        QCOMPARE(StatePalette::color(StateKind::Running, palette),
                 StatePalette::color(StateKind::Healthy, palette));
        // A stopped service is grey: no saturation that could read as a warning.
        QVERIFY(StatePalette::color(StateKind::Stopped, palette).hsvSaturationF() < 0.15);
        QVERIFY(StatePalette::color(StateKind::Failed, palette).hsvSaturationF() > 0.5);
    }
    // Light text colours are darker than the dark theme's (contrast on each base).
    for (StateKind kind : {StateKind::Healthy, StateKind::Failed, StateKind::Unhealthy}) {
        QVERIFY(StatePalette::color(kind, light).lightnessF()
                < StatePalette::color(kind, dark).lightnessF());
    }
    QCOMPARE(StatePalette::label(StateKind::Stopped), QString("stopped"));
}

void TestStatePalette::icon_perKindDistinct()
{
    const QPalette palette = ThemeManager::lightPalette();
    QList<QImage> images;
    for (int k = 0; k <= int(StateKind::Unknown); ++k) {
        const QIcon icon = StatePalette::icon(StateKind(k), palette);
        QVERIFY(!icon.isNull());
        images << icon.pixmap(QSize(32, 32), 1.0).toImage();
    }
    for (qsizetype i = 0; i < images.size(); ++i) {
        for (qsizetype j = i + 1; j < images.size(); ++j) {
            QVERIFY2(images.at(i) != images.at(j), qPrintable(QStringLiteral("%1 = %2").arg(i).arg(j)));
        }
    }
}

void TestStatePalette::delegate_paintsChipInStateColour()
{
    QApplication::setPalette(ThemeManager::lightPalette());
    QStandardItemModel model(2, 2);
    model.setData(model.index(0, 0), "worker");
    model.setData(model.index(0, 1), "exited (1) · error");
    model.setData(model.index(0, 1), int(StateKind::Failed), StateKindRole);
    model.setData(model.index(1, 1), "stopped");
    model.setData(model.index(1, 1), int(StateKind::Stopped), StateKindRole);
    QTableView view;
    StateDotDelegate delegate;
    view.setItemDelegate(&delegate);
    view.setModel(&model);
    view.resize(500, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.resizeColumnsToContents();
    // The chip fits its words.
    QStyleOptionViewItem option;
    option.initFrom(&view);
    QVERIFY(delegate.sizeHint(option, model.index(0, 1)).width()
            > view.fontMetrics().horizontalAdvance("exited (1) · error"));
    const QImage image = view.viewport()->grab().toImage();
    auto cellImage = [&](int row, int column) {
        return image.copy(view.visualRect(model.index(row, column)));
    };
    const QColor failed = StatePalette::color(StateKind::Failed, view.palette());
    const QColor stopped = StatePalette::color(StateKind::Stopped, view.palette());
    QVERIFY(pixelsNear(cellImage(0, 1), failed) > 10);   // the failed icon, in vermillion
    QVERIFY(pixelsNear(cellImage(1, 1), failed) == 0);   // a stop shows none of it
    QVERIFY(pixelsNear(cellImage(1, 1), stopped) > 10);
    QVERIFY(pixelsNear(cellImage(0, 0), failed) == 0);   // other cells as usual
}

void TestStatePalette::chip_accessibleNameCarriesWords()
{
    StateChip chip;
    chip.setState(StateKind::Stopped, "stopped");
    QCOMPARE(chip.accessibleName(), QString("State: stopped"));
    QVERIFY(chip.sizeHint().width() > chip.fontMetrics().horizontalAdvance("stopped"));
}

void TestStatePalette::icons_bundledFallbackFollowsPalette()
{
    for (const char *name : {"media-playback-start", "media-playback-stop", "view-refresh",
                             "document-open", "process-stop", "run-build", "zoom-in", "zoom-out",
                             "zoom-fit-best", "system-restart"}) {
        QVERIFY2(Icons::hasBundled(name), name);
        QVERIFY(!Icons::action(name).isNull());
    }
    QPalette palette = ThemeManager::lightPalette();
    palette.setColor(QPalette::ButtonText, QColor(0xff, 0x00, 0x00));
    QApplication::setPalette(palette);
    const QImage red = Icons::bundled("media-playback-stop").pixmap(32, 32).toImage();
    QVERIFY(pixelsNear(red, Qt::red) > 50);
    palette.setColor(QPalette::ButtonText, QColor(0x00, 0x00, 0xff));
    QApplication::setPalette(palette);
    const QImage blue = Icons::bundled("media-playback-stop").pixmap(32, 32).toImage();
    QVERIFY(pixelsNear(blue, Qt::blue) > 50);
    QCOMPARE(pixelsNear(blue, Qt::red), 0);
}

void TestStatePalette::theme_manualChoicePersistsAndAppliesDarkPalette()
{
    QSettings().remove(ThemeManager::settingsKey());
    QApplication::setPalette(ThemeManager::lightPalette());
    ThemeManager manager;
    manager.restore(); // nothing chosen: the desktop (light here)
    QCOMPARE(manager.theme(), ThemeManager::Theme::System);
    QVERIFY(!manager.isDark());
    QWidget menuParent;
    QMenu *menu = manager.createMenu(&menuParent);
    QCOMPARE(menu->actions().size(), 3);
    menu->actions().at(2)->trigger(); // Dark
    QVERIFY(manager.isDark());
    QVERIFY(StatePalette::isDark(QApplication::palette()));
    QCOMPARE(QApplication::style()->name().toLower(), QString("fusion"));
    QVERIFY(menu->actions().at(2)->isChecked());
    QCOMPARE(QSettings().value(ThemeManager::settingsKey()).toString(), QString("dark"));
    ThemeManager again;
    again.restore();
    QCOMPARE(again.theme(), ThemeManager::Theme::Dark);
    menu->actions().at(1)->trigger(); // Light
    QVERIFY(!StatePalette::isDark(QApplication::palette()));
    QSettings().remove(ThemeManager::settingsKey());
}

QTEST_MAIN(TestStatePalette)
#include "tst_statepalette.moc"
