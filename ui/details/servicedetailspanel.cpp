// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicedetailspanel.h"

#include "common/icons.h"
#include "common/statepalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QChartView>
#include <QFormLayout>
#include <QHeaderView>
#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QListWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace DevDock::Ui {

namespace {

constexpr int MaxTransitions = 50;
constexpr QLatin1StringView Mask{"********"};

// The health check's word, only where the state does not already say it ("healthy · health:
// healthy" said it twice): an exited or restarting service whose last probe failed. In the
// window's language, as the state itself.
QString healthSuffix(const Core::ServiceState &state)
{
    using Core::ServiceStatus;
    if (state.health.isEmpty() || state.status == ServiceStatus::Healthy
        || state.status == ServiceStatus::Unhealthy || state.status == ServiceStatus::Starting) {
        return {};
    }
    const ServiceStatus word = state.health == u"healthy"     ? ServiceStatus::Healthy
                               : state.health == u"unhealthy" ? ServiceStatus::Unhealthy
                                                              : ServiceStatus::Starting;
    return QStringLiteral(" · ")
           + QCoreApplication::translate("DevDock::Ui::ServiceDetailsPanel", "health: %1")
                 .arg(Core::statusDisplayName(word));
}

void trimSeries(QLineSeries *series, double oldest)
{
    int drop = 0;
    while (drop < series->count() && series->at(drop).x() < oldest) {
        ++drop;
    }
    if (drop > 0) {
        series->removePoints(0, drop);
    }
}

// A series' hue (Okabe-Ito, as the state palette: told apart with common colour-vision
// deficiencies), lighter on a dark base and darker on a light one so that lines stay readable.
QColor seriesColor(const QColor &hue, bool dark)
{
    return dark ? hue.lighter(130) : hue.darker(110);
}

} // namespace

ServiceDetailsPanel::ServiceDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("No service selected"), this))
    , m_terminalButton(new QPushButton(tr("&Terminal"), this))
    , m_state(new QLabel(this))
    , m_transitionList(new QListWidget(this))
    , m_probeList(new QListWidget(this))
    , m_environment(new QTableWidget(this))
    , m_mounts(new QListWidget(this))
    , m_summary(new QListWidget(this))
{
    setObjectName(QStringLiteral("serviceDetails"));
    setAccessibleName(tr("Service details"));
    m_title->setObjectName(QStringLiteral("detailsTitle"));
    m_title->setAccessibleName(tr("Selected service"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_terminalButton->setObjectName(QStringLiteral("detailsTerminal"));
    m_terminalButton->setAccessibleName(tr("Open a terminal"));
    m_terminalButton->setAccessibleDescription(
        tr("A shell in the shown service's container, in the window's terminal tabs"));
    m_terminalButton->setToolTip(tr("Open a shell in this service's container (Ctrl+Shift+T)"));
    m_terminalButton->setIcon(Icons::action(QStringLiteral("utilities-terminal")));
    connect(m_terminalButton, &QPushButton::clicked, this, [this] {
        if (!m_service.isEmpty()) {
            emit terminalRequested(m_service);
        }
    });
    m_state->setObjectName(QStringLiteral("detailsState"));
    m_state->setAccessibleName(tr("Service state and reason"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_transitionList->setAccessibleName(tr("State transitions"));
    m_probeList->setAccessibleName(tr("Health probe outputs"));
    m_probeList->setWordWrap(true);
    m_environment->setAccessibleName(tr("Environment"));
    m_environment->setColumnCount(2);
    m_environment->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_environment->horizontalHeader()->setStretchLastSection(true);
    m_environment->verticalHeader()->hide();
    m_environment->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mounts->setAccessibleName(tr("Mounts and networks"));
    m_summary->setObjectName(QStringLiteral("detailsSummary"));
    m_summary->setAccessibleName(tr("Services of the stack"));
    m_summary->setAccessibleDescription(tr("Every service and its state; select one for its "
                                           "details"));
    connect(m_summary, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit serviceChosen(item->data(Qt::UserRole).toString());
    });
    connect(m_summary, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        emit serviceChosen(item->data(Qt::UserRole).toString());
    });

    auto *tabs = new QTabWidget(this);
    m_sections = tabs;
    tabs->setAccessibleName(tr("Service detail sections"));
    tabs->addTab(m_transitionList, tr("Transitions"));
    tabs->addTab(m_probeList, tr("Health"));
    tabs->addTab(m_environment, tr("Environment"));
    tabs->addTab(m_mounts, tr("Mounts && networks"));
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_terminalButton);
    layout->addLayout(header);
    layout->addWidget(m_state);
    layout->addWidget(tabs, 3);
    layout->addWidget(m_summary, 5);
    refresh();
}

void ServiceDetailsPanel::ensureChart()
{
    if (m_chartView) {
        return;
    }
    // Made when a service is first shown: Qt Charts costs tens of milliseconds at start, and the
    // stack's summary shows until then.
    m_chartView = new QChartView(this);
    m_chart = new QChart;
    m_cpu = new QLineSeries;
    m_memory = new QLineSeries;
    m_rx = new QLineSeries;
    m_tx = new QLineSeries;
    m_timeAxis = new QValueAxis;
    m_percentAxis = new QValueAxis;
    m_mbAxis = new QValueAxis;
    m_cpu->setName(tr("CPU %"));
    // Short names: the four share one legend row in a drawer of some 380 px.
    m_memory->setName(tr("RAM MB"));
    m_rx->setName(tr("In KB/s"));
    m_tx->setName(tr("Out KB/s"));
    m_chart->addSeries(m_cpu);
    m_chart->addSeries(m_memory);
    m_chart->addSeries(m_rx);
    m_chart->addSeries(m_tx);
    m_timeAxis->setRange(-WindowSeconds, 0);
    m_timeAxis->setTitleText(tr("seconds"));
    m_timeAxis->setLabelFormat(QStringLiteral("%d"));
    m_percentAxis->setRange(0, 100);
    m_percentAxis->setTitleText(tr("CPU %"));
    m_mbAxis->setRange(0, 64);
    m_mbAxis->setTitleText(tr("MB · KB/s"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_percentAxis, Qt::AlignLeft);
    m_chart->addAxis(m_mbAxis, Qt::AlignRight);
    for (QLineSeries *s : {m_cpu, m_memory, m_rx, m_tx}) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(s == m_cpu ? m_percentAxis : m_mbAxis);
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setShowToolTips(true); // a label cut all the same shows in full on hover
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chartView->setChart(m_chart);
    applyPalette();
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(200);
    m_chartView->setAccessibleName(tr("Resource usage chart"));
    m_chartView->setAccessibleDescription(tr("CPU, memory and network I/O of the selected service "
                                             "over the last five minutes"));

    static_cast<QVBoxLayout *>(layout())->insertWidget(2, m_chartView, 2);
}

ServiceDetailsPanel::~ServiceDetailsPanel()
{
    setStats(nullptr); // the project's stats stop streaming for this panel
}

void ServiceDetailsPanel::setStats(Core::ServiceStats *stats)
{
    if (stats == m_stats) {
        return;
    }
    if (m_stats) {
        if (m_stats->focusedService() == m_statsFocus) {
            m_stats->setFocusedService({});
        }
        disconnect(m_stats, nullptr, this, nullptr);
    }
    m_stats = stats;
    m_statsFocus.clear();
    m_statsContainer.clear();
    if (m_stats) {
        connect(m_stats, &Core::ServiceStats::sampleReceived, this,
                &ServiceDetailsPanel::addSample);
    }
    syncStats();
}

void ServiceDetailsPanel::setProject(const Core::ComposeProject &project,
                                     const QStringList &secretKeys)
{
    // Another project (the workspace switched): its services may have the same names, so each
    // project keeps its own history, and a switch is never read as a state change.
    const auto key = [](const Core::ComposeProject &p) -> QString {
        return p.workingDirectory + QLatin1Char('\n') + p.name;
    };
    if (key(project) != key(m_project)) {
        m_parked.insert(key(m_project), {m_states, m_transitions, m_known});
        const History back = m_parked.take(key(project));
        m_states = back.states;
        m_transitions = back.transitions;
        m_known = back.known;
    }
    m_project = project;
    m_secretKeys = secretKeys;
    refresh();
}

void ServiceDetailsPanel::showService(const QString &service)
{
    if (service == m_service) {
        return;
    }
    m_service = service;
    refresh();
    syncStats();
}

void ServiceDetailsPanel::updateServices(const QList<Core::ServiceState> &services)
{
    const QString now = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    // Only a change of the service shown redraws the panel (probes of others come every second).
    const Core::ServiceState shownBefore = m_states.value(m_service);
    bool anyChanged = false;
    for (const Core::ServiceState &s : services) {
        const auto before = m_states.constFind(s.name);
        anyChanged = anyChanged || before == m_states.cend() || !(*before == s);
        // Before the first listing every service is "unknown": its first real state is where
        // the history starts, not a change (a service that was known and went unknown, because
        // the engine went away, records both steps).
        const bool known = m_known.contains(s.name);
        if (s.status != Core::ServiceStatus::Unknown) {
            m_known.insert(s.name);
        }
        if (before != m_states.cend() && known
            && (before->status != s.status || before->exitCode != s.exitCode)) {
            QString line = QStringLiteral("%1  %2 → %3")
                               .arg(now, Core::statusDisplayName(before->status),
                                    Core::statusDisplayName(s.status));
            if (s.status == Core::ServiceStatus::Exited) {
                line += QStringLiteral(" (%1)").arg(s.exitCode);
            }
            QStringList &list = m_transitions[s.name];
            list.prepend(line);
            if (list.size() > MaxTransitions) {
                list.removeLast();
            }
        }
        m_states.insert(s.name, s);
    }
    if (m_service.isEmpty() ? anyChanged : !(m_states.value(m_service) == shownBefore)) {
        refresh();
    }
    syncStats();
}

bool ServiceDetailsPanel::isShowingSummary() const
{
    return m_service.isEmpty();
}

QStringList ServiceDetailsPanel::summaryLines() const
{
    QStringList lines;
    for (int i = 0; i < m_summary->count(); ++i) {
        lines << m_summary->item(i)->text();
    }
    return lines;
}

void ServiceDetailsPanel::refreshSummary()
{
    m_title->setText(m_project.name.isEmpty() ? tr("No project open") : m_project.name);
    int up = 0;
    int exited = 0;
    m_summary->clear();
    for (const Core::ComposeService &service : m_project.services) {
        const auto state = m_states.constFind(service.name);
        QString text = service.name;
        if (state != m_states.cend()) {
            up += state->isUp() ? 1 : 0;
            exited += state->status == Core::ServiceStatus::Exited ? 1 : 0;
            text += QStringLiteral(" — ") + Core::statusDisplayName(state->status)
                    + healthSuffix(*state);
        }
        auto *item = new QListWidgetItem(text, m_summary);
        item->setData(Qt::UserRole, service.name);
        item->setToolTip(tr("Show the details of %1").arg(service.name));
    }
    const int total = int(m_project.services.size());
    const QString line = total == 0 ? QString()
                                    : tr("%1 of %2 services running").arg(up).arg(total)
                                          + (exited > 0 ? QStringLiteral(" · ")
                                                              + tr("%n exited", nullptr, exited)
                                                        : QString())
                                          + QStringLiteral("\n")
                                          + tr("Select a service for its details and charts.");
    m_state->setText(line);
    m_state->setAccessibleDescription(line);
}

QStringList ServiceDetailsPanel::transitions(const QString &service) const
{
    return m_transitions.value(service);
}

QStringList ServiceDetailsPanel::environmentLines() const
{
    QStringList lines;
    for (int row = 0; row < m_environment->rowCount(); ++row) {
        lines << m_environment->item(row, 0)->text() + QLatin1Char('=')
                     + m_environment->item(row, 1)->text();
    }
    return lines;
}

QStringList ServiceDetailsPanel::probeLines() const
{
    QStringList lines;
    for (int i = 0; i < m_probeList->count(); ++i) {
        lines << m_probeList->item(i)->text();
    }
    return lines;
}

void ServiceDetailsPanel::refresh()
{
    const Core::ComposeService *model = m_project.service(m_service);
    const bool summary = m_service.isEmpty();
    if (!summary) {
        ensureChart();
    }
    if (m_chartView) {
        m_chartView->setVisible(!summary);
    }
    m_sections->setVisible(!summary);
    m_summary->setVisible(summary);
    m_terminalButton->setVisible(!summary);
    if (summary) {
        refreshSummary();
        return;
    }
    m_title->setText(m_service);
    const Core::ServiceState state = m_states.value(m_service);
    m_terminalButton->setEnabled(state.isUp() && !state.containers.isEmpty());
    QString text = Core::statusDisplayName(state.status) + healthSuffix(state);
    if (state.restartCount > 0) {
        text += QStringLiteral(" · ") + tr("%n restart(s)", nullptr, state.restartCount);
    }
    if (!state.reason.isEmpty()) {
        text += QStringLiteral("\n") + state.reason;
    }
    m_state->setText(text);
    m_state->setAccessibleDescription(text);

    m_transitionList->clear();
    m_transitionList->addItems(m_transitions.value(m_service));
    m_probeList->clear();
    for (auto it = state.healthLog.crbegin(); it != state.healthLog.crend(); ++it) {
        m_probeList->addItem(QStringLiteral("%1  exit %2  %3")
                                 .arg(it->end.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                                 .arg(it->exitCode)
                                 .arg(it->output.simplified()));
    }
    // Values as the compose files resolve them; secrets and values containing them are masked.
    // A secret's value may sit inside another service's value (DATABASE_URL): collect them from
    // every service.
    QStringList secretValues;
    for (const Core::ComposeService &service : m_project.services) {
        for (auto it = service.environment.cbegin(); it != service.environment.cend(); ++it) {
            if (m_secretKeys.contains(it.key()) && it.value() && it.value()->size() >= 4
                && !secretValues.contains(*it.value())) {
                secretValues << *it.value();
            }
        }
    }
    m_environment->setRowCount(0);
    if (model) {
        int row = 0;
        m_environment->setRowCount(int(model->environment.size()));
        for (auto it = model->environment.cbegin(); it != model->environment.cend(); ++it, ++row) {
            QString value = it.value().value_or(QString());
            if (m_secretKeys.contains(it.key())) {
                value = Mask;
            } else {
                for (const QString &secret : std::as_const(secretValues)) {
                    value.replace(secret, Mask);
                }
            }
            m_environment->setItem(row, 0, new QTableWidgetItem(it.key()));
            m_environment->setItem(row, 1, new QTableWidgetItem(value));
        }
    }
    m_mounts->clear();
    if (model) {
        for (const Core::ComposeVolumeMount &v : model->volumes) {
            m_mounts->addItem(
                tr("%1 %2 → %3%4")
                    .arg(v.type, v.source, v.target, v.readOnly ? tr(" (read-only)") : QString()));
        }
        for (auto it = model->networks.cbegin(); it != model->networks.cend(); ++it) {
            m_mounts->addItem(tr("network %1").arg(it.key()));
        }
    }
}

void ServiceDetailsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    syncStats();
}

void ServiceDetailsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    syncStats();
}

void ServiceDetailsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_chart) {
        applyPalette();
    }
}

void ServiceDetailsPanel::applyPalette()
{
    // Qt Charts' themes are fixed colours (white in every light theme); take them from the
    // palette instead so that the charts sit in the window in light and in dark.
    const QPalette pal = palette();
    const bool dark = StatePalette::isDark(pal);
    const QColor text = pal.color(QPalette::Text);
    const QColor grid = pal.color(QPalette::Mid);
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setBackgroundPen(QPen(grid));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(text);
    m_chart->legend()->setLabelColor(text);
    m_chartView->setBackgroundBrush(pal.color(QPalette::Window));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis),
                                static_cast<QAbstractAxis *>(m_percentAxis),
                                static_cast<QAbstractAxis *>(m_mbAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(grid);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
    const std::pair<QLineSeries *, QColor> hues[] = {
        {m_cpu, QColor(0x00, 0x72, 0xB2)},    // blue
        {m_memory, QColor(0x00, 0x9E, 0x73)}, // bluish green
        {m_rx, QColor(0xE6, 0x9F, 0x00)},     // orange
        {m_tx, QColor(0xCC, 0x79, 0xA7)},     // reddish purple
    };
    for (const auto &[series, hue] : hues) {
        QPen pen(seriesColor(hue, dark));
        pen.setWidthF(1.6);
        series->setPen(pen);
    }
}

void ServiceDetailsPanel::syncStats()
{
    const Core::ServiceState state = m_states.value(m_service);
    QString container;
    for (const Core::ContainerState &c : state.containers) {
        if (c.engineState == u"running") {
            container = c.id;
            break;
        }
    }
    const bool wanted = isVisible() && m_stats && !container.isEmpty();
    if (!wanted) {
        container.clear(); // only what is visible streams
    }
    // The project's ServiceStats streams the focused service (once, beside the services table's
    // streams of every container): the panel opens no stream of its own.
    const QString focus = wanted ? m_service : QString();
    if (m_stats && focus != m_statsFocus) {
        if (focus.isEmpty()) {
            if (m_stats->focusedService() == m_statsFocus) {
                m_stats->setFocusedService({});
            }
        } else {
            m_stats->setFocusedService(focus);
        }
    }
    m_statsFocus = focus;
    if (container == m_statsContainer) {
        return;
    }
    m_statsContainer = container;
    if (m_chart) {
        for (QLineSeries *s : {m_cpu, m_memory, m_rx, m_tx}) {
            s->clear();
        }
    }
    m_samples = 0;
    m_lastRx = m_lastTx = -1;
    m_statsStart = QDateTime::currentDateTimeUtc();
}

void ServiceDetailsPanel::addSample(const QString &containerId, const Core::ContainerStats &stats)
{
    if (containerId != m_statsContainer || m_statsContainer.isEmpty() || !m_chart) {
        return; // another container of the project (the services table's)
    }
    const double t = m_statsStart.msecsTo(QDateTime::currentDateTimeUtc()) / 1000.0;
    const double rxRate = m_lastRx < 0 ? 0 : (stats.networkRx - m_lastRx) / 1024.0;
    const double txRate = m_lastTx < 0 ? 0 : (stats.networkTx - m_lastTx) / 1024.0;
    m_lastRx = stats.networkRx;
    m_lastTx = stats.networkTx;
    m_cpu->append(t, stats.cpuPercent);
    m_memory->append(t, stats.memoryUsage / (1024.0 * 1024.0));
    m_rx->append(t, qMax(0.0, rxRate));
    m_tx->append(t, qMax(0.0, txRate));
    ++m_samples;
    for (QLineSeries *s : {m_cpu, m_memory, m_rx, m_tx}) {
        trimSeries(s, t - WindowSeconds);
    }
    m_timeAxis->setRange(qMax(0.0, t - WindowSeconds), qMax(t, 10.0));
    double top = 8;
    for (QLineSeries *s : {m_memory, m_rx, m_tx}) {
        for (int i = 0; i < s->count(); ++i) {
            top = qMax(top, s->at(i).y());
        }
    }
    m_mbAxis->setRange(0, top * 1.2);
    double cpuTop = 10;
    for (int i = 0; i < m_cpu->count(); ++i) {
        cpuTop = qMax(cpuTop, m_cpu->at(i).y());
    }
    m_percentAxis->setRange(0, cpuTop * 1.2);
}

} // namespace DevDock::Ui
