// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationpanel.h"

#include "errorbanner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace DevDock::Ui {

OperationPanel::OperationPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("No operation yet"), this))
    , m_elapsed(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_toggleOutput(new QPushButton(tr("Show output"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
    , m_error(makeErrorBanner(this, QStringLiteral("operationError"), tr("Operation error")))
    , m_services(new QTreeWidget(this))
    , m_output(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("operationPanel"));
    setAccessibleName(tr("Operation"));
    m_title->setObjectName(QStringLiteral("operationTitle"));
    m_title->setAccessibleName(tr("Operation title"));
    m_elapsed->setAccessibleName(tr("Operation elapsed time"));
    m_progress->setAccessibleName(tr("Operation progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("cancelOperationButton"));
    m_cancel->setAccessibleName(tr("Cancel operation"));
    m_cancel->setEnabled(false);
    m_toggleOutput->setObjectName(QStringLiteral("toggleOutputButton"));
    m_toggleOutput->setAccessibleName(tr("Show or hide the operation's output"));
    m_toggleOutput->setCheckable(true);
    m_dismiss->setObjectName(QStringLiteral("dismissOperationButton"));
    m_dismiss->setAccessibleName(tr("Dismiss the operation"));
    m_dismiss->setToolTip(tr("Fold the operation area away"));
    m_dismiss->hide();
    m_services->setObjectName(QStringLiteral("operationServices"));
    m_services->setAccessibleName(tr("Progress per service"));
    m_services->setHeaderLabels({tr("Service"), tr("Status")});
    m_services->setRootIsDecorated(false);
    m_services->header()->setStretchLastSection(true);
    m_services->setColumnWidth(0, 200);
    m_output->setObjectName(QStringLiteral("operationOutput"));
    m_output->setAccessibleName(tr("Operation output"));
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(20000);
    m_output->setFont(QFont(QStringLiteral("monospace")));
    m_output->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_elapsed);
    top->addWidget(m_progress);
    top->addWidget(m_toggleOutput);
    top->addWidget(m_cancel);
    top->addWidget(m_dismiss);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_services, 1);
    layout->addWidget(m_output, 2);

    connect(m_toggleOutput, &QPushButton::toggled, this, [this](bool on) {
        m_output->setVisible(on);
        m_toggleOutput->setText(on ? tr("Hide output") : tr("Show output"));
    });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { setWanted(false); });
    m_fold.setSingleShot(true);
    m_fold.setInterval(DefaultFoldDelayMs);
    connect(&m_fold, &QTimer::timeout, this, [this] { setWanted(false); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_controller) {
            m_controller->cancel();
        }
    });
    m_ticker.setInterval(500);
    connect(&m_ticker, &QTimer::timeout, this, &OperationPanel::tick);
}

void OperationPanel::setController(Core::StackController *controller)
{
    for (const QPointer<Core::StackController> &followed : std::as_const(m_followed)) {
        if (followed) {
            followed->disconnect(this);
        }
    }
    m_followed.clear();
    follow(controller);
}

void OperationPanel::follow(Core::StackController *controller)
{
    if (controller == nullptr || m_followed.contains(controller)) {
        return;
    }
    m_followed << controller;
    connect(controller, &Core::StackController::actionStarted, this,
            [this, controller](const Core::StackAction &action) { onStarted(controller, action); });
    connect(controller, &Core::StackController::operationStarted, this,
            [this, controller](const Core::StackAction &, Core::ComposeOperation *op) {
                if (controller == m_controller) {
                    onOperation(op);
                }
            });
    connect(controller, &Core::StackController::actionFinished, this,
            [this, controller](const Core::StackAction &action, const Core::Result<void> &result,
                               Core::ComposeOperation *) {
                if (controller == m_controller) {
                    onFinished(action, result);
                }
            });
}

QString OperationPanel::title() const
{
    return m_title->text();
}

QString OperationPanel::serviceStatus(const QString &service) const
{
    const QTreeWidgetItem *item = m_items.value(service);
    return item ? item->text(1) : QString();
}

QString OperationPanel::outputText() const
{
    return m_output->toPlainText();
}

QString OperationPanel::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void OperationPanel::onStarted(Core::StackController *controller, const Core::StackAction &action)
{
    m_controller = controller;
    m_shown = action;
    m_title->setText(action.describe() + QStringLiteral(" …"));
    m_fold.stop();
    m_dismiss->hide();
    setWanted(true);
    m_error->hide();
    m_services->clear();
    m_items.clear();
    m_output->clear();
    for (const QString &service : m_controller->affectedServices(action)) {
        setServiceStatus(service, tr("queued"), false);
    }
    m_progress->setRange(0, 0); // busy
    m_cancel->setEnabled(true);
    m_ticker.start();
    tick();
}

void OperationPanel::onOperation(Core::ComposeOperation *operation)
{
    m_output->appendPlainText(QStringLiteral("$ ") + operation->commandLine());
    connect(operation, &Core::ComposeOperation::lineReceived, this,
            [this](const QString &line) { m_output->appendPlainText(line); });
    connect(operation, &Core::ComposeOperation::progressed, this,
            [this](const Core::ComposeProgressEvent &e) {
                if (e.service.isEmpty()) {
                    return;
                }
                if (e.kind == Core::ComposeProgressEvent::Kind::Build) {
                    setServiceStatus(e.service, tr("building: %1").arg(e.detail.left(80)), e.error);
                } else if (e.kind == Core::ComposeProgressEvent::Kind::Pull) {
                    setServiceStatus(e.service, tr("pulling: %1").arg(e.status), e.error);
                } else if (!e.status.isEmpty()) {
                    setServiceStatus(e.service, e.status, e.error);
                }
            });
}

void OperationPanel::onFinished(const Core::StackAction &action, const Core::Result<void> &result)
{
    m_ticker.stop();
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_cancel->setEnabled(false);
    // The action's own time, from when it left its queue: not from whatever the panel showed
    // before it.
    const QString took = tr("%1 s").arg(action.elapsedMs() / 1000.0, 0, 'f', 1);
    if (result) {
        m_title->setText(tr("%1: done in %2").arg(action.describe(), took));
        m_fold.start();
        return;
    }
    m_dismiss->show();
    m_title->setText(tr("%1: failed after %2").arg(action.describe(), took));
    const Core::Error &error = result.error();
    showError(m_error, error);
    emit actionFailed(error);
}

void OperationPanel::setServiceStatus(const QString &service, const QString &status, bool error)
{
    QTreeWidgetItem *item = m_items.value(service);
    if (!item) {
        item = new QTreeWidgetItem(m_services, {service, status});
        m_items.insert(service, item);
    }
    item->setText(1, status);
    item->setForeground(1, error ? QBrush(QColor(0xD5, 0x5E, 0x00)) : QBrush());
}

void OperationPanel::setWanted(bool wanted)
{
    if (!wanted) {
        m_fold.stop();
        m_dismiss->hide();
    }
    if (m_wanted != wanted) {
        m_wanted = wanted;
        emit wantedChanged(wanted);
    }
}

void OperationPanel::tick()
{
    m_elapsed->setText(tr("%1 s").arg(m_shown.elapsedMs() / 1000));
}

} // namespace DevDock::Ui
