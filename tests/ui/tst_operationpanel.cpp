// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The operation area against the real compose CLI and engine: it asks to be shown when an action
// starts, folds away a while after success, and a failure stays until dismissed.
#include "../common/composetest.h"
#include "../common/dockertest.h"

#include "engine/engineclient.h"
#include "operations/operationpanel.h"
#include "stack/stackcontroller.h"

#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace DevDock;
using namespace DevDock::Core;
using namespace DevDock::Test;

class TestOperationPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void success_showsThenFoldsAway();
    void failure_staysUntilDismissed();

private:
    struct Stack
    {
        QTemporaryDir dir;
        std::unique_ptr<EngineClient> client;
        std::unique_ptr<StackController> controller;
    };
    bool prepare(Stack &stack, const QByteArray &yaml);
};

void TestOperationPanel::initTestCase()
{
    DEVDOCK_REQUIRE_ENGINE();
    QString error;
    QVERIFY2(ensureTestImage(&error), qPrintable(error));
}

bool TestOperationPanel::prepare(Stack &stack, const QByteArray &yaml)
{
    ComposeLoadOptions options = ComposeLoadOptions::fromProcess();
    options.projectName = QStringLiteral("dd-oppanel-%1").arg(QCoreApplication::applicationPid());
    auto project = loadInline(stack.dir, yaml, options);
    if (!project) {
        qWarning() << project.error().message;
        return false;
    }
    options.workingDirectory = stack.dir.path();
    auto endpoint = EngineClient::systemEndpoint();
    if (!endpoint) {
        return false;
    }
    stack.client = std::make_unique<EngineClient>(*endpoint);
    stack.controller = std::make_unique<StackController>(stack.client.get());
    stack.controller->setProject(*project, options);
    return true;
}

void TestOperationPanel::success_showsThenFoldsAway()
{
    Stack stack;
    QVERIFY(prepare(stack, "services:\n  idle:\n    image: devdock-test/busybox:latest\n"
                           "    command: [\"sleep\", \"300\"]\n"));
    Ui::OperationPanel panel;
    panel.setFoldDelay(300);
    panel.setController(stack.controller.get());
    QSignalSpy wanted(&panel, &Ui::OperationPanel::wantedChanged);
    QSignalSpy finished(stack.controller.get(), &StackController::actionFinished);
    QVERIFY(!panel.isWanted()); // idle: nothing to show

    stack.controller->down(false); // nothing runs: a quick, real success
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(wanted.at(0).at(0).toBool(), true);
    QVERIFY(waitUntil([&] { return finished.size() == 1; }, 60000));
    QVERIFY(finished.at(0).at(1).value<Result<void>>().has_value());
    QVERIFY(panel.isWanted()); // the result stays readable for a moment
    QVERIFY(panel.title().contains("done in"));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(waitUntil([&] { return !panel.isWanted(); }, 5000));
    QVERIFY(clock.elapsed() >= 250);
    QCOMPARE(wanted.size(), 2);
    QCOMPARE(wanted.at(1).at(0).toBool(), false);
}

void TestOperationPanel::failure_staysUntilDismissed()
{
    Stack stack;
    QVERIFY(prepare(stack, "services:\n  broken:\n    image: devdock-test/never-built:missing\n"
                           "    pull_policy: never\n"));
    Ui::OperationPanel panel;
    panel.setFoldDelay(200);
    panel.setController(stack.controller.get());
    panel.show();
    QSignalSpy wanted(&panel, &Ui::OperationPanel::wantedChanged);
    QSignalSpy finished(stack.controller.get(), &StackController::actionFinished);
    auto *dismiss = panel.findChild<QPushButton *>("dismissOperationButton");
    QVERIFY(dismiss && !dismiss->isVisible());

    stack.controller->up();
    QVERIFY(waitUntil([&] { return finished.size() == 1; }, 60000));
    QVERIFY(!finished.at(0).at(1).value<Result<void>>().has_value());
    QVERIFY(!panel.errorText().isEmpty());
    QTest::qWait(600); // three fold delays: a failure does not fold
    QVERIFY(panel.isWanted());
    QCOMPARE(wanted.size(), 1);
    QVERIFY(dismiss->isVisible());
    QVERIFY(!dismiss->accessibleName().isEmpty());
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QVERIFY(!panel.isWanted());
    QCOMPARE(wanted.size(), 2);
    stack.controller->down(false);
    waitUntil([&] { return finished.size() == 2; }, 60000);
}

QTEST_MAIN(TestOperationPanel)
#include "tst_operationpanel.moc"
