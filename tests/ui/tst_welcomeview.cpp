// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/welcomeview.h"

#include <QCommandLinkButton>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace DevDock::Core;
using namespace DevDock::Ui;

namespace {

ProjectSummary project(const QString &name, ProjectSummary::Origin origin, bool open, int up,
                       int daysAgo = 0)
{
    ProjectSummary p;
    p.id = QStringLiteral("/work/") + name;
    p.name = name;
    p.directory = p.id;
    p.origin = origin;
    p.open = open;
    p.known = true;
    p.servicesTotal = 3;
    p.servicesUp = up;
    p.lastOpened = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
    return p;
}

QCommandLinkButton *button(QWidget *view, const QString &accessibleName)
{
    for (auto *b : view->findChildren<QCommandLinkButton *>()) {
        if (b->accessibleName() == accessibleName) {
            return b;
        }
    }
    return nullptr;
}

} // namespace

class TestWelcomeView : public QObject
{
    Q_OBJECT
private slots:
    void empty_showsOnlyTheLineAndOpenFolder();
    void recentAndRunning_clickOpensOrAdopts();
};

void TestWelcomeView::empty_showsOnlyTheLineAndOpenFolder()
{
    WelcomeView view;
    view.resize(1000, 700);
    view.setProjects({});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.findChild<QWidget *>("welcomeRecent")->isVisible()); // no empty furniture
    QVERIFY(!view.findChild<QWidget *>("welcomeRunning")->isVisible());
    QVERIFY(!view.findChild<QWidget *>("welcomeLine")->property("text").toString().isEmpty());
    QSignalSpy open(&view, &WelcomeView::openFolderRequested);
    auto *openFolder = view.findChild<QPushButton *>("openFolderButton");
    QVERIFY(openFolder->isVisible() && !openFolder->accessibleName().isEmpty());
    QTest::mouseClick(openFolder, Qt::LeftButton);
    QCOMPARE(open.size(), 1);
}

void TestWelcomeView::recentAndRunning_clickOpensOrAdopts()
{
    WelcomeView view;
    view.resize(1000, 700);
    view.setProjects({project("shop", ProjectSummary::Origin::Opened, false, 0, 3),
                      project("blog", ProjectSummary::Origin::Opened, false, 0, 1),
                      project("open-one", ProjectSummary::Origin::Opened, true, 1),
                      project("terminal", ProjectSummary::Origin::Discovered, false, 2),
                      project("gone", ProjectSummary::Origin::Discovered, false, 0)});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.recentIds(), (QStringList{"/work/blog", "/work/shop"})); // newest first
    QCOMPARE(view.runningIds(), QStringList{"/work/terminal"});
    QVERIFY(view.findChild<QWidget *>("welcomeRecent")->isVisible());
    QVERIFY(view.findChild<QWidget *>("welcomeRunning")->isVisible());

    QSignalSpy open(&view, &WelcomeView::openRequested);
    QSignalSpy adopt(&view, &WelcomeView::adoptRequested);
    QVERIFY(button(&view, "Open shop"));
    QTest::mouseClick(button(&view, "Open shop"), Qt::LeftButton);
    QTest::mouseClick(button(&view, "Adopt terminal"), Qt::LeftButton);
    QCOMPARE(open.value(0).value(0).toString(), QString("/work/shop"));
    QCOMPARE(adopt.value(0).value(0).toString(), QString("/work/terminal"));
    QVERIFY(button(&view, "Adopt terminal")->description().contains("2/3 up"));
    QVERIFY(!button(&view, "Open open-one"));

    // Updated in place: the stack stopped, its section goes.
    view.setProjects({project("terminal", ProjectSummary::Origin::Discovered, false, 0)});
    QVERIFY(!view.findChild<QWidget *>("welcomeRunning")->isVisible());
    QVERIFY(!view.findChild<QWidget *>("welcomeRecent")->isVisible());
}

QTEST_MAIN(TestWelcomeView)
#include "tst_welcomeview.moc"
