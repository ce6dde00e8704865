// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalsession.h"

#include "terminalwidget.h"

#include "engine/engineclient.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QToolButton>
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
    m_scrollBar = new QScrollBar(Qt::Vertical, this);
    m_scrollBar->setAccessibleName(tr("Terminal scrollback"));
    m_scrollBar->setRange(0, 0);
    // The bar's value counts lines from the oldest kept one; the widget counts back from live.
    connect(m_terminal, &TerminalWidget::scrollChanged, this, [this](int offset, int size) {
        const QSignalBlocker block(m_scrollBar);
        m_scrollBar->setRange(0, size);
        m_scrollBar->setPageStep(m_terminal->rows());
        m_scrollBar->setValue(size - offset);
    });
    connect(m_scrollBar, &QScrollBar::valueChanged, this, [this](int value) {
        m_terminal->setScrollOffset(m_terminal->scrollbackSize() - value);
    });
    buildSearchBar();
    connect(m_terminal, &TerminalWidget::searchRequested, this, &TerminalSession::showSearch);
    auto *screen = new QHBoxLayout;
    screen->setSpacing(0);
    screen->addWidget(m_terminal, 1);
    screen->addWidget(m_scrollBar);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_reconnect);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_searchBar);
    layout->addLayout(screen, 1);
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

void TerminalSession::buildSearchBar()
{
    m_searchBar = new QWidget(this);
    m_searchField = new QLineEdit(m_searchBar);
    m_searchField->setPlaceholderText(tr("Find in terminal"));
    m_searchField->setAccessibleName(tr("Find in terminal"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->installEventFilter(this);
    auto *previous = new QToolButton(m_searchBar);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    previous->setAccessibleName(tr("Previous match"));
    auto *next = new QToolButton(m_searchBar);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (Enter)"));
    next->setAccessibleName(tr("Next match"));
    auto *close = new QToolButton(m_searchBar);
    close->setText(tr("Close"));
    close->setToolTip(tr("Close the search (Escape)"));
    close->setAccessibleName(tr("Close the search"));
    m_searchStatus = new QLabel(m_searchBar);
    m_searchStatus->setAccessibleName(tr("Search result"));
    auto *row = new QHBoxLayout(m_searchBar);
    row->setContentsMargins(4, 2, 4, 2);
    row->addWidget(m_searchField, 1);
    row->addWidget(m_searchStatus);
    row->addWidget(previous);
    row->addWidget(next);
    row->addWidget(close);
    m_searchBar->hide();
    // Typing searches from where the view is; Enter and the arrows step through the hits.
    connect(m_searchField, &QLineEdit::textEdited, this, [this] { search(false); });
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] { search(false); });
    connect(next, &QToolButton::clicked, this, [this] { search(false); });
    connect(previous, &QToolButton::clicked, this, [this] { search(true); });
    connect(close, &QToolButton::clicked, this, &TerminalSession::hideSearch);
}

void TerminalSession::showSearch()
{
    m_searchBar->show();
    m_searchField->setFocus();
    m_searchField->selectAll();
}

void TerminalSession::hideSearch()
{
    m_searchBar->hide();
    m_terminal->clearSearch();
    m_terminal->setScrollOffset(0);
    m_terminal->setFocus();
}

void TerminalSession::search(bool backwards)
{
    const QString text = m_searchField->text();
    if (text.isEmpty()) {
        m_terminal->clearSearch();
        m_searchStatus->clear();
        return;
    }
    if (m_terminal->findNext(text, backwards)) {
        m_searchStatus->setText(tr("Matches: %1").arg(m_terminal->matchCount()));
    } else {
        m_searchStatus->setText(tr("Not found"));
    }
}

bool TerminalSession::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_searchField && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            hideSearch();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() & Qt::ShiftModifier) {
            search(true);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
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
