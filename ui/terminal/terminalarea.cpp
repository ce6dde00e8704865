// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalarea.h"

#include "terminalsession.h"
#include "terminalwidget.h"

namespace DevDock::Ui {

TerminalArea::TerminalArea(QWidget *parent)
    : QTabWidget(parent)
{
    setAccessibleName(tr("Terminals"));
    setTabsClosable(true);
    setDocumentMode(true);
    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *page = widget(index);
        removeTab(index);
        page->deleteLater();
    });
}

TerminalSession *TerminalArea::openTerminal(Core::EngineClient *client, const QString &container,
                                            const QString &service)
{
    auto *session = new TerminalSession(client, container, service, this);
    setCurrentIndex(addTab(session, service));
    session->connectSession();
    session->terminal()->setFocus();
    return session;
}

} // namespace DevDock::Ui
