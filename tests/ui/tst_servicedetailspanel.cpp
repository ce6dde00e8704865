// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The details drawer never shows an empty chart: with no service selected it shows the stack.
#include "../common/composetest.h"

#include "common/thememanager.h"
#include "details/servicedetailspanel.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QLegend>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Ui;

class TestServiceDetailsPanel : public QObject
{
    Q_OBJECT
private slots:
    void noSelection_showsTheStackSummary_notAnEmptyChart();
    void firstState_afterUnknown_isNoTransition_butAnEngineOutageIs();
    void projectSwitch_keepsEachProjectsHistory_andRecordsNoChange();
    void health_saidOnceInTheStatesWords();
    void charts_takeTheirColoursFromThePalette_darkAndLight();
};

namespace {
ServiceState state(const QString &name, ServiceStatus status, int exitCode = 0)
{
    ServiceState s;
    s.name = name;
    s.status = status;
    s.exitCode = exitCode;
    return s;
}
} // namespace

void TestServiceDetailsPanel::firstState_afterUnknown_isNoTransition_butAnEngineOutageIs()
{
    QTemporaryDir dir;
    auto project = DevDock::Test::loadInline(dir, "services:\n  web:\n    image: x\n");
    QVERIFY(project.has_value());
    ServiceDetailsPanel panel;
    panel.setProject(*project, {});
    // A project opens with every service unknown until the engine's first listing.
    panel.updateServices({state("web", ServiceStatus::Unknown)});
    panel.updateServices({state("web", ServiceStatus::Healthy)});
    QVERIFY2(panel.transitions("web").isEmpty(), qPrintable(panel.transitions("web").join('|')));
    // The engine goes away and comes back: both steps are history.
    panel.updateServices({state("web", ServiceStatus::Unknown)});
    panel.updateServices({state("web", ServiceStatus::Healthy)});
    const QStringList t = panel.transitions("web");
    QCOMPARE(t.size(), 2);
    QVERIFY2(t.at(0).endsWith(statusDisplayName(ServiceStatus::Healthy)), qPrintable(t.at(0)));
    QVERIFY2(t.at(1).endsWith(statusDisplayName(ServiceStatus::Unknown)), qPrintable(t.at(1)));
}

void TestServiceDetailsPanel::health_saidOnceInTheStatesWords()
{
    QTemporaryDir dir;
    auto project = DevDock::Test::loadInline(
        dir, "services:\n  web:\n    image: x\n  db:\n    image: y\n");
    QVERIFY(project.has_value());
    ServiceDetailsPanel panel;
    panel.setProject(*project, {});
    ServiceState web = state("web", ServiceStatus::Healthy);
    web.health = "healthy";
    ServiceState db = state("db", ServiceStatus::Exited, 1);
    db.health = "unhealthy"; // its last probe failed before it exited
    panel.updateServices({web, db});
    const QStringList lines = panel.summaryLines();
    const QString webLine = lines.filter("web — ").value(0);
    const QString dbLine = lines.filter("db — ").value(0);
    // The state says healthy; "health: healthy" after it said it twice.
    QCOMPARE(webLine, "web — " + statusDisplayName(ServiceStatus::Healthy));
    QVERIFY2(dbLine.endsWith("health: " + statusDisplayName(ServiceStatus::Unhealthy)),
             qPrintable(dbLine));
    panel.showService("db");
    auto *stateLabel = panel.findChild<QLabel *>("detailsState");
    QVERIFY2(stateLabel->text().count("health:") == 1, qPrintable(stateLabel->text()));
}

void TestServiceDetailsPanel::projectSwitch_keepsEachProjectsHistory_andRecordsNoChange()
{
    // Two copies of one stack (the workspace shows both): the same service names.
    QTemporaryDir a;
    QTemporaryDir b;
    ComposeLoadOptions oa;
    oa.projectName = "shop";
    ComposeLoadOptions ob;
    ob.projectName = "shop-feature";
    auto first = DevDock::Test::loadInline(a, "services:\n  web:\n    image: x\n", oa);
    auto second = DevDock::Test::loadInline(b, "services:\n  web:\n    image: x\n", ob);
    QVERIFY(first.has_value() && second.has_value());
    ServiceDetailsPanel panel;
    panel.setProject(*first, {});
    panel.updateServices({state("web", ServiceStatus::Healthy)});
    panel.updateServices({state("web", ServiceStatus::Exited, 137)});
    QCOMPARE(panel.transitions("web").size(), 1);

    panel.setProject(*second, {});
    QVERIFY(panel.transitions("web").isEmpty());
    panel.updateServices({state("web", ServiceStatus::Running)}); // not "exited → running"
    QVERIFY2(panel.transitions("web").isEmpty(), qPrintable(panel.transitions("web").join('|')));

    panel.setProject(*first, {});
    const QStringList back = panel.transitions("web");
    QCOMPARE(back.size(), 1);
    QVERIFY2(back.at(0).contains("(137)"), qPrintable(back.at(0)));
    panel.updateServices({state("web", ServiceStatus::Exited, 137)}); // unchanged: no new line
    QCOMPARE(panel.transitions("web").size(), 1);
}

void TestServiceDetailsPanel::noSelection_showsTheStackSummary_notAnEmptyChart()
{
    QTemporaryDir dir;
    ComposeLoadOptions options;
    options.projectName = "shop";
    auto project = DevDock::Test::loadInline(
        dir, "services:\n  web:\n    image: x\n  db:\n    image: y\n", options);
    QVERIFY2(project.has_value(), project ? "" : qPrintable(project.error().message));
    ServiceDetailsPanel panel;
    panel.resize(400, 600);
    panel.setProject(*project, {});
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto findChart = [&]() -> QWidget * {
        for (auto *w : panel.findChildren<QWidget *>()) {
            if (w->accessibleName() == "Resource usage chart") {
                return w;
            }
        }
        return nullptr;
    };
    QWidget *chart = findChart(); // made when a service is first shown
    auto *summary = panel.findChild<QListWidget *>("detailsSummary");
    auto *title = panel.findChild<QLabel *>("detailsTitle");
    QVERIFY(summary && title);
    QVERIFY(panel.isShowingSummary());
    QVERIFY(!chart || !chart->isVisible());
    QVERIFY(summary->isVisible());
    QCOMPARE(title->text(), QString("shop"));
    QCOMPARE(panel.summaryLines().size(), 2);

    ServiceState web;
    web.name = "web";
    web.status = ServiceStatus::Running;
    ServiceState db;
    db.name = "db";
    db.status = ServiceStatus::Exited;
    db.exitCode = 1;
    panel.updateServices({web, db});
    const QStringList lines = panel.summaryLines();
    QVERIFY2(lines.filter("web — ").size() == 1 && lines.filter("db — ").size() == 1,
             qPrintable(lines.join('|')));
    auto *state = panel.findChild<QLabel *>("detailsState");
    QVERIFY2(state->text().contains("1 of 2 services running"), qPrintable(state->text()));

    QSignalSpy chosen(&panel, &ServiceDetailsPanel::serviceChosen);
    const QRect row = summary->visualItemRect(summary->item(1));
    QTest::mouseClick(summary->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(chosen.value(0).value(0).toString(), summary->item(1)->data(Qt::UserRole).toString());

    panel.showService("web");
    QVERIFY(!panel.isShowingSummary());
    chart = findChart();
    QVERIFY(chart && chart->isVisible());
    QVERIFY(!summary->isVisible());
    QCOMPARE(title->text(), QString("web"));
    panel.showService(QString());
    QVERIFY(!chart->isVisible());
    QCOMPARE(title->text(), QString("shop"));
}

namespace {

// The mean lightness of what a widget paints (0 black … 1 white).
double meanLightness(QWidget *widget)
{
    const QImage image = widget->grab().toImage();
    double sum = 0;
    int n = 0;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            sum += image.pixelColor(x, y).lightnessF();
            ++n;
        }
    }
    return n ? sum / n : -1;
}

} // namespace

void TestServiceDetailsPanel::charts_takeTheirColoursFromThePalette_darkAndLight()
{
    QTemporaryDir dir;
    auto project = DevDock::Test::loadInline(dir, "services:\n  web:\n    image: x\n", {});
    QVERIFY(project.has_value());
    const QPalette original = QApplication::palette();
    QApplication::setPalette(ThemeManager::darkPalette());
    ServiceDetailsPanel panel;
    panel.resize(400, 600);
    panel.setProject(*project, {});
    panel.showService("web");
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *view = panel.findChild<QChartView *>();
    QVERIFY(view && view->isVisible());
    const QPalette dark = panel.palette();
    QCOMPARE(view->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
    QVERIFY2(meanLightness(view) < 0.35, qPrintable(QString::number(meanLightness(view))));
    for (QAbstractAxis *axis : view->chart()->axes()) {
        QCOMPARE(axis->labelsColor(), dark.color(QPalette::Text));
    }
    QCOMPARE(view->chart()->legend()->labelColor(), dark.color(QPalette::Text));
    const QString shots = qEnvironmentVariable("DEVDOCK_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QVERIFY(panel.grab().save(shots + "/details-chart-dark.png"));
    }

    // Back to light: the chart follows the palette change.
    QApplication::setPalette(ThemeManager::lightPalette());
    QTRY_COMPARE(view->chart()->backgroundBrush().color(),
                 panel.palette().color(QPalette::Base));
    QTRY_VERIFY2(meanLightness(view) > 0.65, qPrintable(QString::number(meanLightness(view))));
    for (QAbstractAxis *axis : view->chart()->axes()) {
        QCOMPARE(axis->labelsColor(), panel.palette().color(QPalette::Text));
    }
    if (!shots.isEmpty()) {
        QVERIFY(panel.grab().save(shots + "/details-chart-light.png"));
    }
    QApplication::setPalette(original);
}

QTEST_MAIN(TestServiceDetailsPanel)
#include "tst_servicedetailspanel.moc"
