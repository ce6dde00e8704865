// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/projectitemdelegate.h"
#include "workspace/projectlistmodel.h"
#include "workspace/projectsidebar.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QListView>
#include <QMainWindow>
#include <QMenu>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>

using namespace DevDock::Core;
using namespace DevDock::Ui;

namespace {

ProjectSummary project(const QString &name, bool open = true, int up = 0)
{
    ProjectSummary p;
    p.id = QStringLiteral("/work/") + name;
    p.name = name;
    p.directory = p.id;
    p.engine = QStringLiteral("default");
    p.open = open;
    p.known = true;
    p.servicesTotal = 4;
    p.servicesUp = up;
    return p;
}

QList<ProjectSummary> workspace(const QString &active)
{
    QList<ProjectSummary> list{project("alpha", true, 4), project("beta", true),
                               project("gamma", true, 2), project("old", false)};
    for (ProjectSummary &p : list) {
        p.active = p.name == active;
    }
    return list;
}

QAction *actionNamed(QMenu *menu, const QString &startsWith)
{
    for (QAction *action : menu->actions()) {
        if (action->text().startsWith(startsWith)) {
            return action;
        }
    }
    return nullptr;
}

} // namespace

class TestProjectSidebar : public QObject
{
    Q_OBJECT
private slots:
    void selecting_asksForTheProject_activeOneIsFollowedSilently();
    void buttons_actOnTheSelectedProject();
    void contextMenu_actsOnTheProjectUnderThePointer();
    void contextMenu_engine_offersEveryContext_checksTheProjects_asksToMove();
    void shortcuts_ctrlNumberAndCtrlTab();
    void controls_allHaveAccessibleNames();
    void delegate_sizeFitsNameAndChip();
    void german_everyChipFitsTheSidebarAtItsSize();
};

void TestProjectSidebar::selecting_asksForTheProject_activeOneIsFollowedSilently()
{
    ProjectSidebar sidebar;
    QSignalSpy activate(&sidebar, &ProjectSidebar::activateRequested);
    sidebar.setProjects(workspace("beta"));
    QCOMPARE(sidebar.selectedId(), QString("/work/beta")); // follows the one on screen
    QCOMPARE(activate.size(), 0);                          // without asking for it again

    sidebar.view()->setCurrentIndex(sidebar.model()->index(2, 0));
    QCOMPARE(activate.size(), 1);
    QCOMPARE(activate.at(0).at(0).toString(), QString("/work/gamma"));

    // Workspace answers with the new active project: still no second request.
    sidebar.setProjects(workspace("gamma"));
    QCOMPARE(activate.size(), 1);
    // Another window (tray, Ctrl+1) switches: the selection follows.
    ProjectSummary alpha = workspace("alpha").at(0);
    sidebar.updateProject(alpha);
    ProjectSummary gamma = workspace("alpha").at(2);
    sidebar.updateProject(gamma);
    QCOMPARE(sidebar.selectedId(), QString("/work/alpha"));
    QCOMPARE(activate.size(), 1);
}

void TestProjectSidebar::buttons_actOnTheSelectedProject()
{
    ProjectSidebar sidebar;
    sidebar.setProjects(workspace("alpha"));
    sidebar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
    QSignalSpy start(&sidebar, &ProjectSidebar::startRequested);
    QSignalSpy stop(&sidebar, &ProjectSidebar::stopRequested);
    QSignalSpy close(&sidebar, &ProjectSidebar::closeRequested);
    QSignalSpy pin(&sidebar, &ProjectSidebar::pinRequested);
    QSignalSpy remove(&sidebar, &ProjectSidebar::removeRequested);
    const auto button = [&](const char *name) {
        auto *b = sidebar.findChild<QAbstractButton *>(QLatin1StringView(name));
        Q_ASSERT(b);
        return b;
    };
    sidebar.view()->setCurrentIndex(sidebar.model()->index(2, 0)); // gamma, 2 of 4 up
    QTest::mouseClick(button("projectStopButton"), Qt::LeftButton);
    QTest::mouseClick(button("projectStartButton"), Qt::LeftButton);
    QTest::mouseClick(button("projectCloseButton"), Qt::LeftButton);
    QTest::mouseClick(button("projectPinButton"), Qt::LeftButton);
    QTest::mouseClick(button("projectRemoveButton"), Qt::LeftButton);
    QCOMPARE(stop.value(0).value(0).toString(), QString("/work/gamma"));
    QCOMPARE(start.value(0).value(0).toString(), QString("/work/gamma"));
    QCOMPARE(close.value(0).value(0).toString(), QString("/work/gamma"));
    QCOMPARE(pin.value(0), (QVariantList{"/work/gamma", true}));
    QCOMPARE(remove.value(0).value(0).toString(), QString("/work/gamma"));

    // beta runs nothing: no Stop to press; a project that is not open cannot be closed.
    sidebar.view()->setCurrentIndex(sidebar.model()->index(1, 0));
    QVERIFY(!button("projectStopButton")->isEnabled());
    sidebar.view()->setCurrentIndex(sidebar.model()->index(3, 0));
    QVERIFY(!button("projectCloseButton")->isEnabled());
    QVERIFY(button("projectStartButton")->isEnabled());
}

void TestProjectSidebar::contextMenu_actsOnTheProjectUnderThePointer()
{
    ProjectSidebar sidebar;
    sidebar.resize(300, 500);
    sidebar.setProjects(workspace("alpha"));
    sidebar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
    QSignalSpy stop(&sidebar, &ProjectSidebar::stopRequested);
    QSignalSpy pin(&sidebar, &ProjectSidebar::pinRequested);
    QCOMPARE(sidebar.selectedId(), QString("/work/alpha"));

    // Right-click gamma while alpha is selected: the menu is gamma's.
    const QRect gamma = sidebar.view()->visualRect(sidebar.model()->index(2, 0));
    QMenu *shown = nullptr;
    QTimer::singleShot(0, this, [&] {
        shown = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (shown) {
            QAction *stopAction = actionNamed(shown, "Stop “gamma”");
            QVERIFY(stopAction && stopAction->isEnabled());
            stopAction->trigger();
            shown->close();
        }
    });
    // The right press that comes first neither selects nor switches (a switch would redo the
    // rows under the open menu, and a twin's id with them).
    QSignalSpy activate(&sidebar, &ProjectSidebar::activateRequested);
    QTest::mousePress(sidebar.view()->viewport(), Qt::RightButton, {}, gamma.center());
    QTest::mouseRelease(sidebar.view()->viewport(), Qt::RightButton, {}, gamma.center());
    QCOMPARE(activate.size(), 0);
    QCOMPARE(sidebar.selectedId(), QString("/work/alpha"));
    QContextMenuEvent event(QContextMenuEvent::Mouse, gamma.center(),
                            sidebar.view()->viewport()->mapToGlobal(gamma.center()));
    QApplication::sendEvent(sidebar.view()->viewport(), &event);
    QTRY_VERIFY(shown != nullptr);
    QCOMPARE(stop.size(), 1);
    QCOMPARE(stop.at(0).at(0).toString(), QString("/work/gamma"));
    QCOMPARE(sidebar.selectedId(), QString("/work/alpha"));

    std::unique_ptr<QMenu> menu(sidebar.createContextMenu("/work/beta", nullptr));
    QVERIFY(!actionNamed(menu.get(), "Stop")->isEnabled()); // nothing runs
    QVERIFY(!actionNamed(menu.get(), "Remove")->text().isEmpty());
    actionNamed(menu.get(), "Pin")->trigger();
    QCOMPARE(pin.value(0), (QVariantList{"/work/beta", true}));

    ProjectSummary unreachable = project("gamma", true, 2);
    unreachable.engineReachable = false;
    sidebar.updateProject(unreachable);
    menu.reset(sidebar.createContextMenu("/work/gamma", nullptr));
    QAction *start = actionNamed(menu.get(), "Start");
    QVERIFY(!start->isEnabled());
    QVERIFY(start->toolTip().contains("not reachable"));
}

void TestProjectSidebar::contextMenu_engine_offersEveryContext_checksTheProjects_asksToMove()
{
    ProjectSidebar sidebar;
    QList<ProjectSummary> list = workspace("alpha");
    list[1].engine = QStringLiteral("build-box"); // beta runs on another engine
    ProjectSummary found = project("found", false, 1);
    found.origin = ProjectSummary::Origin::Discovered;
    list << found;
    sidebar.setProjects(list);
    sidebar.setEngines({QStringLiteral("default"), QStringLiteral("build-box"),
                        QStringLiteral("ci-tls")});
    QSignalSpy requested(&sidebar, &ProjectSidebar::engineRequested);

    std::unique_ptr<QMenu> menu(sidebar.createContextMenu("/work/beta", nullptr));
    QAction *engine = actionNamed(menu.get(), "Engine");
    QVERIFY(engine && engine->menu() && engine->isEnabled());
    QStringList names;
    QString checked;
    for (QAction *a : engine->menu()->actions()) {
        names << a->data().toString();
        if (a->isChecked()) {
            checked = a->data().toString();
        }
    }
    QCOMPARE(names, (QStringList{"default", "build-box", "ci-tls"}));
    QCOMPARE(checked, QString("build-box"));
    QCOMPARE(engine->menu()->actions().first()->text(), QString("Local (default)"));
    engine->menu()->actions().last()->trigger();
    QCOMPARE(requested.value(0), (QVariantList{"/work/beta", "ci-tls"}));

    // A stack known only from its containers runs where they are: no choice.
    menu.reset(sidebar.createContextMenu("/work/found", nullptr));
    QVERIFY(!actionNamed(menu.get(), "Engine")->isEnabled());
}

void TestProjectSidebar::shortcuts_ctrlNumberAndCtrlTab()
{
    QMainWindow window;
    auto *sidebar = new ProjectSidebar(&window);
    window.setCentralWidget(sidebar);
    window.addActions(sidebar->shortcutActions());
    sidebar->setProjects(workspace("gamma"));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy activate(sidebar, &ProjectSidebar::activateRequested);
    const auto last = [&] {
        return activate.isEmpty() ? QString() : activate.last().at(0).toString();
    };

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(last(), QString("/work/beta"));
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(last(), QString("/work/old")); // the n-th of the list, open or not
    const qsizetype before = activate.size();
    QTest::keyClick(&window, Qt::Key_9, Qt::ControlModifier); // no ninth project
    QCOMPARE(activate.size(), before);

    // From gamma (on screen), the next open project wraps to alpha; "old" is not open.
    QTest::keyClick(&window, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(last(), QString("/work/alpha"));
    QTest::keyClick(&window, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(last(), QString("/work/beta"));
    sidebar->setProjects(workspace("alpha"));
    QTest::keyClick(&window, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(last(), QString("/work/gamma"));
}

void TestProjectSidebar::controls_allHaveAccessibleNames()
{
    ProjectSidebar sidebar;
    sidebar.setProjects(workspace("alpha"));
    QVERIFY(!sidebar.accessibleName().isEmpty());
    const QList<QWidget *> widgets = sidebar.findChildren<QWidget *>();
    int buttons = 0;
    for (QWidget *w : widgets) {
        if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QListView *>(w)) {
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            QVERIFY2(!w->accessibleDescription().isEmpty(), qPrintable(w->objectName()));
            buttons += qobject_cast<QAbstractButton *>(w) ? 1 : 0;
        }
        if (auto *b = qobject_cast<QAbstractButton *>(w)) {
            QVERIFY2(!b->icon().isNull(), qPrintable(w->objectName())); // never a blank button
        }
    }
    QCOMPARE(buttons, 6);
    for (QAction *a : sidebar.shortcutActions()) {
        QVERIFY(!a->text().isEmpty());
        QVERIFY(!a->shortcut().isEmpty());
    }
    QCOMPARE(sidebar.shortcutActions().size(), 11);
}

void TestProjectSidebar::delegate_sizeFitsNameAndChip()
{
    ProjectSidebar sidebar;
    ProjectSummary p = project("temporal-admin-tools-with-a-long-name", true, 3);
    p.branch = "feature/checkout";
    p.devMode = true;
    sidebar.setProjects({p});
    const QModelIndex index = sidebar.model()->index(0, 0);
    QStyleOptionViewItem option;
    option.initFrom(sidebar.view());
    option.font = sidebar.view()->font();
    const QSize hint = sidebar.view()->itemDelegate()->sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    QVERIFY(hint.width() > metrics.horizontalAdvance(p.name));
    QVERIFY(hint.width() > metrics.horizontalAdvance(QStringLiteral("3/4 up · ")
                                                     + ProjectItemDelegate::detailText(index)));
    QVERIFY(hint.height() >= 2 * metrics.height());
    QCOMPARE(ProjectItemDelegate::detailText(index), QString("feature/checkout · dev mode"));
}

void TestProjectSidebar::german_everyChipFitsTheSidebarAtItsSize()
{
    // The German catalogue as the app ships it, compiled from today's translations.
    QTemporaryDir dir;
    const QString qm = dir.filePath("devdock_de.qm");
    QProcess lrelease;
    lrelease.start("/usr/lib/qt6/bin/lrelease",
                   {QStringLiteral(DEVDOCK_SOURCE_DIR "/translations/devdock_de.ts"), "-qm", qm});
    QVERIFY(lrelease.waitForFinished(60000) && lrelease.exitCode() == 0);
    QTranslator german;
    QVERIFY(german.load(qm));
    QVERIFY(QCoreApplication::installTranslator(&german));
    auto cleanup = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });

    QList<ProjectSummary> all;
    const auto add = [&](const QString &name, auto change) {
        ProjectSummary p = project(name, true, 10);
        p.servicesTotal = 10;
        change(p);
        all << p;
    };
    add("up", [](ProjectSummary &) {});
    add("starting", [](ProjectSummary &p) {
        p.servicesUp = 8;
        p.starting = 2;
    });
    add("sick", [](ProjectSummary &p) { p.unhealthy = 10; });
    add("exited", [](ProjectSummary &p) { p.exited = 10; });
    add("away", [](ProjectSummary &p) { p.engineReachable = false; });
    add("broken", [](ProjectSummary &p) { p.loadError = "compose.yaml:1: bad"; });
    add("loading", [](ProjectSummary &p) { p.loading = true; });
    add("stopped", [](ProjectSummary &p) { p.servicesUp = 0; });

    ProjectSidebar sidebar;
    sidebar.setProjects(all);
    sidebar.resize(sidebar.sizeHint().width(), 700);
    sidebar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
    QCOMPARE(sidebar.model()->index(4, 0).data(ProjectListModel::ChipTextRole).toString(),
             QString("Engine nicht erreichbar"));
    QStyleOptionViewItem option;
    option.initFrom(sidebar.view());
    option.font = sidebar.view()->font();
    const int available = sidebar.view()->viewport()->width();
    for (int row = 0; row < sidebar.model()->rowCount(); ++row) {
        const QModelIndex index = sidebar.model()->index(row, 0);
        const int needed = sidebar.view()->itemDelegate()->sizeHint(option, index).width();
        QVERIFY2(needed <= available,
                 qPrintable(QString("%1 needs %2 px, has %3")
                                .arg(index.data(ProjectListModel::ChipTextRole).toString())
                                .arg(needed)
                                .arg(available)));
    }
    // Every button of the row is on screen, none squeezed out.
    for (auto *button : sidebar.findChildren<QAbstractButton *>()) {
        QVERIFY(button->isVisible());
        QVERIFY(sidebar.rect().contains(button->mapTo(&sidebar, button->rect().bottomRight())));
    }
    QCOMPARE(sidebar.findChild<QAbstractButton *>("projectStartButton")->accessibleName(),
             QString("Starten"));
}

QTEST_MAIN(TestProjectSidebar)
#include "tst_projectsidebar.moc"
