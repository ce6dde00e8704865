// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalsession.h"

#include "terminalwidget.h"

#include "engine/engineclient.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace DevDock::Ui {

using namespace DevDock::Core;

TerminalSession::TerminalSession(EngineClient *client, QString container, QString title,
                                 QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_container(std::move(container))
    , m_title(std::move(title))
{
    setAccessibleName(tr("Terminal of %1").arg(m_title));
    m_terminal = new TerminalWidget(this);
    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("Terminal status"));
    m_reconnect = new QPushButton(tr("Reconnect"), this);
    m_reconnect->setAccessibleName(tr("Reconnect the terminal"));
    m_reconnect->hide();
    connect(m_reconnect, &QPushButton::clicked, this, &TerminalSession::connectSession);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_reconnect);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_terminal, 1);
    layout->addLayout(bar);
    connect(m_terminal, &TerminalWidget::inputReady, this, [this](const QByteArray &bytes) {
        if (m_session) {
            m_session->write(bytes);
        }
    });
    connect(m_terminal, &TerminalWidget::sizeChanged, this, [this](int rows, int columns) {
        if (m_session) {
            m_session->resize(rows, columns);
        }
    });
}

void TerminalSession::connectSession()
{
    if (!m_client || isConnected()) {
        return;
    }
    if (m_session) {
        m_session->deleteLater();
    }
    ExecSessionOptions options; // the container's shell
    options.rows = m_terminal->rows();
    options.columns = m_terminal->columns();
    m_session = new ExecSession(m_client, m_container, options, this);
    m_session->setSink([this](FrameDemuxer::Stream, QByteArrayView bytes) {
        m_terminal->feed(bytes);
    });
    connect(m_session, &ExecSession::started, this, [this] {
        m_status->setText(tr("Connected to %1").arg(m_title));
        m_reconnect->hide();
        emit connected();
    });
    connect(m_session, &ExecSession::finished, this, &TerminalSession::onFinished);
    m_status->setText(tr("Connecting to %1…").arg(m_title));
    m_reconnect->hide();
    m_session->start();
}

void TerminalSession::onFinished(const Result<ExecOutcome> &outcome)
{
    QString message;
    if (!outcome) {
        message = outcome.error().message;
    } else {
        m_lastExitCode = outcome->exitCode;
        switch (outcome->container) {
        case ExecOutcome::Container::Stopped:
            message = tr("The container stopped; the session ended.");
            break;
        case ExecOutcome::Container::Restarted:
            message = tr("The container restarted; the session ended.");
            break;
        case ExecOutcome::Container::Running:
            message = tr("The shell exited with code %1.").arg(outcome->exitCode);
            break;
        }
    }
    const QByteArray banner = QByteArray("\r\n\x1b[7m ") + message.toUtf8() + " \x1b[0m\r\n";
    m_terminal->feed(banner);
    m_status->setText(message);
    m_reconnect->show();
    emit ended(message);
}

} // namespace DevDock::Ui
