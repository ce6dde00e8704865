// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logpanel.h"

#include "logview.h"

#include "logs/ansi.h"
#include "util/atomicwrite.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace DevDock::Ui {

namespace {

struct SearchInput
{
    std::vector<Core::LogStore::Snapshot> snapshots;
    std::vector<Core::ProjectLogs::Ref> refs;
    std::vector<qint64> merged;
};

// Off the GUI thread: which of the rows match.
Core::Result<std::vector<qint64>> matchRows(const SearchInput &input, const Core::LogQuery &query,
                                            std::shared_ptr<std::atomic<bool>> cancel)
{
    const Core::LineMatcher matcher(query);
    if (!matcher.isValid()) {
        return std::unexpected(matcher.error());
    }
    std::vector<qint64> matches;
    for (size_t i = 0; i < input.refs.size(); ++i) {
        if ((i & 0xfff) == 0 && cancel->load(std::memory_order_relaxed)) {
            break;
        }
        const auto &ref = input.refs[i];
        const Core::LogLine line = input.snapshots[size_t(ref.source)].line(ref.seq);
        if (line.isValid() && line.stream != Core::ProjectLogs::MarkerStream
            && matcher.matches(line.bytes)) {
            matches.push_back(input.merged[i]);
        }
    }
    return matches;
}

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(color);
    return QIcon(pixmap);
}

} // namespace

LogPanel::LogPanel(Core::ProjectLogs *logs, QWidget *parent)
    : QWidget(parent)
    , m_logs(logs)
    , m_rows(std::make_unique<LogRows>(logs))
    , m_view(new LogView(logs, m_rows.get(), this))
    , m_searchField(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_case(new QCheckBox(tr("Case"), this))
    , m_filter(new QCheckBox(tr("Filter"), this))
    , m_matchLabel(new QLabel(this))
    , m_level(new QComboBox(this))
    , m_sources(new QToolButton(this))
    , m_follow(new QToolButton(this))
{
    setObjectName(QStringLiteral("logPanel"));
    setAccessibleName(tr("Logs"));
    m_searchField->setObjectName(QStringLiteral("logSearchField"));
    m_searchField->setAccessibleName(tr("Search the logs"));
    m_searchField->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_searchField->setClearButtonEnabled(true);
    m_regex->setAccessibleName(tr("Search with a regular expression"));
    m_case->setAccessibleName(tr("Match case"));
    m_filter->setAccessibleName(tr("Show only matching lines"));
    m_matchLabel->setObjectName(QStringLiteral("logMatchCount"));
    m_matchLabel->setAccessibleName(tr("Match count"));
    m_level->setObjectName(QStringLiteral("logLevelFilter"));
    m_level->setAccessibleName(tr("Level filter"));
    m_level->addItem(tr("All levels"), int(Core::LogLevel::Unknown));
    m_level->addItem(tr("Info and above"), int(Core::LogLevel::Info));
    m_level->addItem(tr("Warnings and errors"), int(Core::LogLevel::Warning));
    m_level->addItem(tr("Errors"), int(Core::LogLevel::Error));
    m_sources->setObjectName(QStringLiteral("logSourcesButton"));
    m_sources->setAccessibleName(tr("Services shown"));
    m_sources->setText(tr("Services"));
    m_sources->setPopupMode(QToolButton::InstantPopup);
    m_sources->setMenu(new QMenu(m_sources));
    m_follow->setObjectName(QStringLiteral("logFollowButton"));
    m_follow->setAccessibleName(tr("Follow new lines"));
    m_follow->setText(tr("Follow"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);

    auto makeButton = [this](const QString &text, const QString &name, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setAccessibleName(name);
        connect(b, &QToolButton::clicked, this, slot);
        return b;
    };
    auto *previous = makeButton(tr("◀"), tr("Previous match"), [this] { previousMatch(); });
    auto *next = makeButton(tr("▶"), tr("Next match"), [this] { nextMatch(); });
    auto *timestamps = new QToolButton(this);
    timestamps->setText(tr("Time"));
    timestamps->setAccessibleName(tr("Show timestamps"));
    timestamps->setCheckable(true);
    auto *wrap = new QToolButton(this);
    wrap->setText(tr("Wrap"));
    wrap->setAccessibleName(tr("Wrap long lines"));
    wrap->setCheckable(true);
    auto *copy = makeButton(tr("Copy"), tr("Copy the selected lines"), [this] {
        QApplication::clipboard()->setText(m_view->selectedTexts().join(QLatin1Char('\n')));
    });
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setAccessibleName(tr("Export the logs to a file"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    auto chooseAndExport = [this](bool whole) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export logs"), QStringLiteral("logs.txt"));
        if (!path.isEmpty()) {
            exportTo(path, whole, [this](Core::Result<qint64> exported) {
                if (!exported) {
                    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"),
                                                exported.error().toString(), QMessageBox::Ok, this);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open(); // window-modal, and the event loop goes on
                }
            });
        }
    };
    exportMenu->addAction(tr("The lines shown…"), this, [chooseAndExport] { chooseAndExport(false); });
    exportMenu->addAction(tr("Everything stored…"), this, [chooseAndExport] { chooseAndExport(true); });
    exportButton->setMenu(exportMenu);
    auto *clearButton = makeButton(tr("Clear"), tr("Clear the logs"), [this] { clear(); });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_searchField, 2);
    bar->addWidget(m_regex);
    bar->addWidget(m_case);
    bar->addWidget(m_filter);
    bar->addWidget(previous);
    bar->addWidget(next);
    bar->addWidget(m_matchLabel);
    bar->addStretch(1);
    bar->addWidget(m_level);
    bar->addWidget(m_sources);
    bar->addWidget(timestamps);
    bar->addWidget(wrap);
    bar->addWidget(m_follow);
    bar->addWidget(copy);
    bar->addWidget(exportButton);
    bar->addWidget(clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    // Typing searches after a short pause; Enter and F3 go to the next match.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(200);
    connect(m_searchField, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] {
        search(Core::LogQuery{m_searchField->text(), m_regex->isChecked(), m_case->isChecked()});
    });
    connect(m_regex, &QCheckBox::toggled, debounce, qOverload<>(&QTimer::start));
    connect(m_case, &QCheckBox::toggled, debounce, qOverload<>(&QTimer::start));
    connect(m_searchField, &QLineEdit::returnPressed, this, &LogPanel::nextMatch);
    connect(m_filter, &QCheckBox::toggled, this, &LogPanel::setFilterMode);
    connect(m_level, &QComboBox::activated, this, [this](int index) {
        setMinimumLevel(Core::LogLevel(m_level->itemData(index).toInt()));
    });
    connect(timestamps, &QToolButton::toggled, m_view, &LogView::setShowTimestamps);
    connect(wrap, &QToolButton::toggled, m_view, &LogView::setWrap);
    connect(m_follow, &QToolButton::toggled, m_view, &LogView::setFollowing);
    connect(m_view, &LogView::followingChanged, m_follow, &QToolButton::setChecked);
    connect(m_view, &LogView::longLineRequested, this, [this](qint64 merged) {
        const Core::LogLine line = m_logs->line(m_logs->merged(merged));
        auto *dialog = new QDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("The whole line (%1 MB)").arg(line.bytes.size() / 1048576.0, 0, 'f', 1));
        auto *text = new QPlainTextEdit(dialog);
        text->setAccessibleName(tr("The whole line"));
        text->setReadOnly(true);
        text->setPlainText(Core::parseAnsi(line.bytes).text);
        auto *l = new QVBoxLayout(dialog);
        l->addWidget(text);
        dialog->resize(900, 600);
        dialog->show();
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_searchField->setFocus();
        m_searchField->selectAll();
    });
    auto *findNext = new QShortcut(QKeySequence::FindNext, this);
    connect(findNext, &QShortcut::activated, this, &LogPanel::nextMatch);
    auto *findPrevious = new QShortcut(QKeySequence::FindPrevious, this);
    connect(findPrevious, &QShortcut::activated, this, &LogPanel::previousMatch);

    connect(m_logs, &Core::ProjectLogs::linesAdded, this, &LogPanel::onLinesAdded);
    connect(m_logs, &Core::ProjectLogs::sourcesChanged, this, &LogPanel::rebuildSourceMenu);
    connect(&m_searchWatcher, &QFutureWatcher<Core::Result<std::vector<qint64>>>::finished, this, [this] {
        m_searching = false;
        const auto result = m_searchWatcher.result();
        if (m_searchAgain) {
            m_searchAgain = false;
            runSearch();
            return;
        }
        if (!result) {
            m_matches.reset();
            m_matchLabel->setText(result.error().message);
            return;
        }
        m_matches = std::make_shared<std::vector<qint64>>(*result);
        m_current = -1;
        if (m_filter->isChecked()) {
            m_rows->setOnly(*m_matches);
            m_view->rowsChanged(0);
        }
        updateMatchLabel();
        emit searchFinished(qint64(m_matches->size()));
    });
    rebuildSourceMenu();
    updateMatchLabel();
}

LogPanel::~LogPanel()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    m_searchWatcher.waitForFinished();
}

void LogPanel::onLinesAdded()
{
    const qint64 dropped = m_rows->sync();
    m_view->rowsChanged(dropped);
}

void LogPanel::rebuildSourceMenu()
{
    QMenu *menu = m_sources->menu();
    menu->clear();
    // One entry per service, not per container: a recreated container is a new source of the
    // same service (and replicas share theirs), and the user thinks in services.
    QStringList services;
    QHash<QString, int> colourOf;
    for (int i = 0; i < m_logs->sourceCount(); ++i) {
        const auto &source = m_logs->source(i);
        if (!services.contains(source.service)) {
            services << source.service;
            colourOf.insert(source.service, source.index);
        }
    }
    QAction *all = menu->addAction(tr("All services"));
    all->setCheckable(true);
    connect(all, &QAction::triggered, this, [this] { showOnly({}); });
    menu->addSeparator();
    for (const QString &service : std::as_const(services)) {
        QAction *a = menu->addAction(swatch(LogView::sourceColor(colourOf.value(service))), service);
        a->setCheckable(true);
        a->setData(service);
        connect(a, &QAction::triggered, this,
                [this, service](bool on) { setServiceVisible(service, on); });
    }
    m_sources->setEnabled(m_logs->sourceCount() > 0);
    applyHiddenServices(); // a new container of a hidden service stays hidden
}

void LogPanel::updateMenuChecks()
{
    // The actions stay (one may be emitting right now); only their check marks follow.
    for (QAction *a : m_sources->menu()->actions()) {
        if (a->isSeparator()) {
            continue;
        }
        const QString service = a->data().toString();
        a->setChecked(service.isEmpty() ? m_hiddenServices.isEmpty()
                                        : !m_hiddenServices.contains(service));
    }
}

QMenu *LogPanel::servicesMenu() const
{
    return m_sources->menu();
}

void LogPanel::applyHiddenServices()
{
    QSet<int> hidden;
    QSet<QString> shownLabels;
    for (int i = 0; i < m_logs->sourceCount(); ++i) {
        const auto &source = m_logs->source(i);
        if (m_hiddenServices.contains(source.service)) {
            hidden.insert(i);
        } else {
            shownLabels.insert(source.label);
        }
    }
    if (hidden != m_rows->hiddenSources()) {
        m_rows->setHiddenSources(hidden);
        m_view->rowsChanged(0);
    }
    m_view->setShowLabels(shownLabels.size() != 1);
    updateMenuChecks();
}

void LogPanel::setServiceVisible(const QString &service, bool visible)
{
    if (visible) {
        m_hiddenServices.remove(service);
    } else {
        m_hiddenServices.insert(service);
    }
    applyHiddenServices();
}

void LogPanel::setSourceVisible(int source, bool visible)
{
    setServiceVisible(m_logs->source(source).service, visible);
}

void LogPanel::showOnly(const QString &service)
{
    m_hiddenServices.clear();
    for (int i = 0; i < m_logs->sourceCount(); ++i) {
        if (!service.isEmpty() && m_logs->source(i).service != service) {
            m_hiddenServices.insert(m_logs->source(i).service);
        }
    }
    applyHiddenServices();
    m_view->setFollowing(true);
}

void LogPanel::setMinimumLevel(Core::LogLevel level)
{
    m_rows->setMinimumLevel(level);
    const int index = m_level->findData(int(level));
    if (index >= 0) {
        m_level->setCurrentIndex(index);
    }
    m_view->rowsChanged(0);
}

void LogPanel::search(const Core::LogQuery &query)
{
    m_query = query;
    m_view->setHighlight(query);
    if (query.isEmpty()) {
        m_matches.reset();
        m_current = -1;
        if (m_filter->isChecked()) {
            m_rows->setOnly(std::nullopt);
            m_view->rowsChanged(0);
        }
        updateMatchLabel();
        emit searchFinished(0);
        return;
    }
    runSearch();
}

void LogPanel::runSearch()
{
    if (m_searching) {
        m_cancel->store(true); // a newer request replaces the running one
        m_searchAgain = true;
        return;
    }
    // The rows as they are now (without the search filter), and snapshots of the stores.
    LogRows all(m_logs);
    all.setHiddenSources(m_rows->hiddenSources());
    all.setMinimumLevel(m_rows->minimumLevel());
    SearchInput input;
    for (int i = 0; i < m_logs->sourceCount(); ++i) {
        input.snapshots.push_back(m_logs->source(i).store->snapshot());
    }
    const qint64 count = all.count();
    input.refs.reserve(size_t(count));
    input.merged.reserve(size_t(count));
    for (qint64 row = 0; row < count; ++row) {
        input.merged.push_back(all.mergedIndex(row));
        input.refs.push_back(all.ref(row));
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_searching = true;
    m_matchLabel->setText(tr("searching …"));
    m_searchWatcher.setFuture(QtConcurrent::run(matchRows, std::move(input), m_query, m_cancel));
}

void LogPanel::setFilterMode(bool on)
{
    if (m_filter->isChecked() != on) {
        m_filter->setChecked(on); // comes back here through toggled
        return;
    }
    m_rows->setOnly(on && m_matches ? std::optional<std::vector<qint64>>(*m_matches) : std::nullopt);
    m_view->rowsChanged(0);
}

void LogPanel::updateMatchLabel()
{
    if (!m_matches) {
        m_matchLabel->setText(m_query.isEmpty() ? QString() : tr("no matches"));
        return;
    }
    m_matchLabel->setText(m_current < 0 ? tr("%n match(es)", nullptr, int(m_matches->size()))
                                        : tr("%1 of %2").arg(m_current + 1).arg(m_matches->size()));
}

void LogPanel::nextMatch()
{
    if (!m_matches || m_matches->empty()) {
        return;
    }
    m_current = (m_current + 1) % qint64(m_matches->size());
    m_view->setCurrentMatch(m_matches->at(size_t(m_current)));
    updateMatchLabel();
}

void LogPanel::previousMatch()
{
    if (!m_matches || m_matches->empty()) {
        return;
    }
    m_current = m_current <= 0 ? qint64(m_matches->size()) - 1 : m_current - 1;
    m_view->setCurrentMatch(m_matches->at(size_t(m_current)));
    updateMatchLabel();
}

void LogPanel::exportTo(const QString &path, bool wholeStore,
                        std::function<void(Core::Result<qint64>)> done)
{
    // What to write, taken now; the writing runs in a job.
    struct Job
    {
        std::vector<Core::LogStore::Snapshot> snapshots;
        std::vector<QByteArray> labels;
        std::vector<Core::ProjectLogs::Ref> refs;
    };
    auto job = std::make_shared<Job>();
    for (int i = 0; i < m_logs->sourceCount(); ++i) {
        job->snapshots.push_back(m_logs->source(i).store->snapshot());
        job->labels.push_back(m_logs->source(i).label.toUtf8());
    }
    if (wholeStore) {
        for (qint64 m = m_logs->mergedFirst(); m < m_logs->mergedEnd(); ++m) {
            const auto ref = m_logs->merged(m);
            if (!m_rows->hiddenSources().contains(ref.source)) {
                job->refs.push_back(ref);
            }
        }
    } else {
        for (qint64 row = 0; row < m_rows->count(); ++row) {
            job->refs.push_back(m_rows->ref(row));
        }
    }
    auto *watcher = new QFutureWatcher<Core::Result<qint64>>(this);
    connect(watcher, &QFutureWatcher<Core::Result<qint64>>::finished, this, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([job, path]() -> Core::Result<qint64> {
        // Each line as `docker compose logs --timestamps` writes it: which container said it,
        // when the engine received it, then its bytes as they came (colours included).
        auto exported = [&](const Core::ProjectLogs::Ref &ref) -> std::optional<QByteArray> {
            const Core::LogLine line = job->snapshots[size_t(ref.source)].line(ref.seq);
            if (!line.isValid() || line.stream == Core::ProjectLogs::MarkerStream) {
                return std::nullopt;
            }
            QByteArray text = job->labels[size_t(ref.source)] + " | ";
            if (line.timestampNs != 0) {
                text += Core::LogStore::formatTimestamp(line.timestampNs) + ' ';
            }
            text.append(line.bytes.data(), qsizetype(line.bytes.size()));
            text += '\n';
            return text;
        };
        // The size first, so that a disk without room for it fails before anything is written
        // and says how much is needed.
        Core::AtomicFile::Options options;
        options.totalBytes = 0;
        for (const auto &ref : job->refs) {
            if (const auto line = exported(ref)) {
                options.totalBytes += line->size();
            }
        }
        Core::AtomicFile file(path, options);
        if (auto opened = file.open(); !opened) {
            return std::unexpected(opened.error());
        }
        qint64 lines = 0;
        QByteArray buffer;
        for (const auto &ref : job->refs) {
            const auto line = exported(ref);
            if (!line) {
                continue;
            }
            buffer += *line;
            ++lines;
            if (buffer.size() > (1 << 20)) {
                if (auto written = file.write(buffer); !written) {
                    return std::unexpected(written.error());
                }
                buffer.clear();
            }
        }
        if (auto written = file.write(buffer); !written) {
            return std::unexpected(written.error());
        }
        if (auto committed = file.commit(); !committed) {
            return std::unexpected(committed.error());
        }
        return lines;
    }));
}

void LogPanel::clear()
{
    m_logs->clear();
    m_matches.reset();
    m_current = -1;
    m_rows->rebuild();
    m_view->rowsChanged(0);
    updateMatchLabel();
}

} // namespace DevDock::Ui
