// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window, offscreen, against the real engine; widgets are found by accessible name as a
// screen reader or a black-box GUI test would find them.
#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QApplication>
#include <QComboBox>
#include <QGraphicsView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>

using namespace DevDock;
using namespace DevDock::Test;

namespace {

template <typename T>
T *findByAccessibleName(QWidget *root, const QString &name)
{
    for (T *w : root->findChildren<T *>()) {
        if (w->accessibleName() == name) {
            return w;
        }
    }
    return nullptr;
}

bool viewShows(QTableView *view, const QString &text)
{
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == text) {
            return true;
        }
    }
    return false;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsEngineAndLiveContainers();
    void unreachableEngine_showsErrorWithHint();
    void everyWidgetHasAnAccessibleName();
};

void TestMainWindow::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
    removeTestContainers();
}

void TestMainWindow::cleanupTestCase()
{
    removeTestContainers();
}

void TestMainWindow::showsEngineAndLiveContainers()
{
    auto endpoint = Core::EngineClient::systemEndpoint();
    QVERIFY(endpoint);
    Core::EngineClient client(*endpoint);
    Ui::MainWindow window(&client);
    window.show();

    auto *engine = findByAccessibleName<QLabel>(&window, "Engine status");
    auto *view = findByAccessibleName<QTableView>(&window, "Containers");
    QVERIFY(engine && view);
    const QString version =
        QString::fromUtf8(docker({"version", "--format", "{{.Server.Version}}"}).out).trimmed();
    QVERIFY(waitUntil([&] { return engine->text().contains(version); }, 10000));
    QVERIFY(engine->text().contains(endpoint->uri));

    const QString id = runContainer({"--name", "dd-ui-live"}, "sleep 300");
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil([&] { return viewShows(view, "dd-ui-live"); }, 10000));
    auto *count = findByAccessibleName<QLabel>(&window, "Container count");
    QVERIFY(count);
    QVERIFY(count->text().contains("running"));
    docker({"rm", "-f", id});
    QVERIFY(waitUntil([&] { return !viewShows(view, "dd-ui-live"); }, 10000));
}

void TestMainWindow::unreachableEngine_showsErrorWithHint()
{
    auto endpoint = Core::parseDockerHost("unix:///tmp/devdock-ui-missing.sock");
    Core::EngineClient client(*endpoint);
    Ui::MainWindow window(&client);
    window.show();
    auto *error = findByAccessibleName<QLabel>(&window, "Engine error");
    QVERIFY(error);
    QVERIFY(waitUntil([&] { return error->isVisible(); }, 10000));
    QVERIFY(error->text().contains(
        "Cannot connect to the Docker engine at unix:///tmp/devdock-ui-missing.sock"));
    QVERIFY(error->text().contains("Start the engine"));
}

void TestMainWindow::everyWidgetHasAnAccessibleName()
{
    auto endpoint = Core::EngineClient::systemEndpoint();
    Core::EngineClient client(*endpoint);
    Ui::MainWindow window(&client);
    window.show();
    // Every control, view and status element DevDock creates (Qt's own internals aside).
    for (QWidget *w : window.findChildren<QWidget *>()) {
        if (w->objectName().startsWith("qt_") || w->inherits("QTabBar")
            || w->inherits("QDockWidgetTitleButton") || w->inherits("QToolBarExtension")
            || w->inherits("QScrollBar") || w->inherits("QMenu") || w->inherits("QHeaderView")
            || w->inherits("QTableCornerButton")) {
            continue;
        }
        const bool control = qobject_cast<QLabel *>(w) || qobject_cast<QAbstractItemView *>(w)
                             || qobject_cast<QComboBox *>(w) || qobject_cast<QGraphicsView *>(w)
                             || qobject_cast<QProgressBar *>(w) || qobject_cast<QTabWidget *>(w)
                             || qobject_cast<QPlainTextEdit *>(w);
        if (control) {
            QVERIFY2(
                !w->accessibleName().isEmpty(),
                qPrintable(QString("%1 %2").arg(w->metaObject()->className(), w->objectName())));
        }
        if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            QVERIFY2(
                !button->accessibleName().isEmpty() || !button->text().isEmpty()
                    || (qobject_cast<QToolButton *>(w)
                        && qobject_cast<QToolButton *>(w)->defaultAction()),
                qPrintable(QString("%1 %2").arg(w->metaObject()->className(), w->objectName())));
        }
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
