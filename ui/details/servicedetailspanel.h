// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compose/composemodel.h"
#include "engine/enginetypes.h"
#include "stack/servicestate.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QListWidget;
class QTableWidget;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

#include "workspace/servicestats.h"

namespace DevDock::Ui {

// The selected service in depth: state and why, recent transitions with times, health probe
// outputs, environment (secrets masked), mounts, networks, and charts of CPU, memory (MB) and
// network I/O over the last minutes. The samples come from the project's ServiceStats (the one
// /stats stream per container that the services table uses too): while the panel is visible and
// the service runs, it asks ServiceStats to focus that service. Chart colours follow the palette
// (light and dark). With no service selected it shows the stack's summary (every service and its
// state; a click selects one) instead of an empty chart.
class ServiceDetailsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceDetailsPanel(QWidget *parent = nullptr);
    ~ServiceDetailsPanel() override;

    // Where the charts' samples come from (the bound project's; nullptr: none).
    void setStats(Core::ServiceStats *stats);

    void setProject(const Core::ComposeProject &project, const QStringList &secretKeys);
    void showService(const QString &service);
    // Every LiveState update; records transitions of every service, refreshes the shown one.
    void updateServices(const QList<Core::ServiceState> &services);

    QString service() const { return m_service; }
    QPushButton *terminalButton() const { return m_terminalButton; }
    QStringList transitions(const QString &service) const;
    QStringList environmentLines() const;
    QStringList probeLines() const;
    int sampleCount() const { return m_samples; }
    bool isStreaming() const { return m_stats && !m_statsContainer.isEmpty(); }
    // True while the stack's summary is shown (no service selected).
    bool isShowingSummary() const;
    QStringList summaryLines() const;
    static constexpr int WindowSeconds = 300;

signals:
    // The user picked a service from the stack's summary.
    void serviceChosen(const QString &service);
    // "Terminal" on the shown service (enabled while it runs).
    void terminalRequested(const QString &service);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void refreshSummary();
    void syncStats();
    void addSample(const QString &containerId, const Core::ContainerStats &stats);
    void applyPalette();
    void ensureChart();

    QPointer<Core::ServiceStats> m_stats;
    Core::ComposeProject m_project;
    QStringList m_secretKeys;
    QString m_service;
    // What the panel has seen of one project's services: the last state, the transitions, and
    // which services ever had a state from the engine (until then "unknown" is not a state).
    struct History
    {
        QHash<QString, Core::ServiceState> states;
        QHash<QString, QStringList> transitions;
        QSet<QString> known;
    };
    QHash<QString, Core::ServiceState> m_states;
    QHash<QString, QStringList> m_transitions;
    QSet<QString> m_known;
    // The other projects' histories, by directory and name, back when the user switches back.
    QHash<QString, History> m_parked;
    QLabel *m_title;
    QPushButton *m_terminalButton;
    QLabel *m_state;
    QListWidget *m_transitionList;
    QListWidget *m_probeList;
    QTableWidget *m_environment;
    QListWidget *m_mounts;
    QListWidget *m_summary;
    QWidget *m_sections = nullptr;
    QChartView *m_chartView = nullptr;
    QChart *m_chart = nullptr;
    QLineSeries *m_cpu = nullptr;
    QLineSeries *m_memory = nullptr;
    QLineSeries *m_rx = nullptr;
    QLineSeries *m_tx = nullptr;
    QValueAxis *m_timeAxis = nullptr;
    QValueAxis *m_percentAxis = nullptr;
    QValueAxis *m_mbAxis = nullptr;
    QString m_statsFocus;     // the service this panel asked m_stats to focus
    QString m_statsContainer; // the container whose samples the charts show
    QDateTime m_statsStart;
    qint64 m_lastRx = -1;
    qint64 m_lastTx = -1;
    int m_samples = 0;
};

} // namespace DevDock::Ui
