// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/statekind.h"
#include "services/keyedtablemodel.h"
#include "stack/portpreflight.h"
#include "stack/servicestate.h"
#include "workspace/projectsummary.h"

namespace DevDock::Ui {

struct PortRow
{
    Core::PortRequest request;
    QString url;    // http://127.0.0.1:18080/
    QString status; // "published", "free", "conflict: held by …"
    bool conflict = false;
    bool live = false; // the service's container publishes it right now
    QString branch;    // the git branch of the checkout that publishes it
    QString project;   // a twin's Compose project name (empty: the project on screen)
    QString key() const;
    bool operator==(const PortRow &o) const
    {
        return key() == o.key() && url == o.url && status == o.status && conflict == o.conflict
               && live == o.live && branch == o.branch;
    }
};

// Every host port the project publishes: its service, URL, and what the pre-flight found; then
// the ports every twin (a branch's stack beside it) publishes, each row with its branch, so the
// main checkout's URLs and the twins' read side by side in one table.
class PortListModel final : public KeyedTableModel<PortRow>
{
    Q_OBJECT
public:
    enum Columns {
        PortColumn,
        ServiceColumn,
        BranchColumn,
        TargetColumn,
        UrlColumn,
        StatusColumn,
        ColumnCount
    };
    enum Roles { UrlRole = Qt::UserRole + 1, ConflictRole, ServiceRole, TwinProjectRole };

    explicit PortListModel(QObject *parent = nullptr);

    void setProject(const Core::ComposeProject &project);
    void setServices(const QList<Core::ServiceState> &services);
    static StateKind stateKind(const PortRow &row);
    void setReport(const Core::PortReport &report);
    // The branch of the project on screen and its twins as the workspace sees them.
    void setTwins(const QString &branch, const QList<Core::ProjectSummary> &twins);
    const QList<PortRow> &rows() const { return m_rows; }
    int conflictCount() const;

    static QString urlFor(const Core::PortRequest &request);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    QList<Core::PortRequest> m_requests;
    QList<Core::ServiceState> m_services;
    Core::PortReport m_report;
    QString m_branch;
    QList<Core::ProjectSummary> m_twins;
};

} // namespace DevDock::Ui
