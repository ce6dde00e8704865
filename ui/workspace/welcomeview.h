// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/projectsummary.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace DevDock::Ui {

// What the window shows while no project is open: what DevDock does in one line, Open folder,
// the recent projects (a click opens one) and the Compose stacks running on the engine (a click
// adopts one). A section with nothing in it is not shown.
class WelcomeView final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxRecent = 8;

    explicit WelcomeView(QWidget *parent = nullptr);

    // The workspace's projects; the view picks the recent (opened before, not open now) and the
    // running discovered ones.
    void setProjects(const QList<DevDock::Core::ProjectSummary> &projects);

    QStringList recentIds() const { return m_recentIds; }
    QStringList runningIds() const { return m_runningIds; }

signals:
    void openFolderRequested();
    void openRequested(const QString &id);
    void adoptRequested(const QString &id);

private:
    void fill(QWidget *section, QVBoxLayout *list, const QList<Core::ProjectSummary> &projects,
              bool adopt);

    QPushButton *m_openFolder;
    QWidget *m_recent;
    QVBoxLayout *m_recentList;
    QWidget *m_running;
    QVBoxLayout *m_runningList;
    QStringList m_recentIds;
    QStringList m_runningIds;
};

} // namespace DevDock::Ui
