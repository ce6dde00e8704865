// SPDX-FileCopyrightText: 2026 DevDock contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "onboardingdialog.h"

#include "onboarding/onboarding.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace DevDock::Ui {

namespace {

using Status = Core::OnboardingStep::Status;

// A symbol and an Okabe-Ito colour per status: readable without colour too.
std::pair<QString, QColor> look(Status status)
{
    switch (status) {
    case Status::Pending:
        return {QStringLiteral("○"), QColor(0x80, 0x80, 0x80)};
    case Status::Running:
        return {QStringLiteral("◐"), QColor(0x00, 0x72, 0xB2)};
    case Status::Passed:
        return {QStringLiteral("✔"), QColor(0x00, 0x9E, 0x73)};
    case Status::Warning:
        return {QStringLiteral("▲"), QColor(0xE6, 0x9F, 0x00)};
    case Status::Failed:
        return {QStringLiteral("✖"), QColor(0xD5, 0x5E, 0x00)};
    case Status::NeedsInput:
        return {QStringLiteral("?"), QColor(0xCC, 0x79, 0xA7)};
    case Status::Skipped:
        return {QStringLiteral("–"), QColor(0x80, 0x80, 0x80)};
    }
    return {};
}

QString statusText(Status status)
{
    switch (status) {
    case Status::Pending:
        return OnboardingDialog::tr("to do");
    case Status::Running:
        return OnboardingDialog::tr("running");
    case Status::Passed:
        return OnboardingDialog::tr("passed");
    case Status::Warning:
        return OnboardingDialog::tr("warning");
    case Status::Failed:
        return OnboardingDialog::tr("failed");
    case Status::NeedsInput:
        return OnboardingDialog::tr("needs your input");
    case Status::Skipped:
        return OnboardingDialog::tr("skipped");
    }
    return {};
}

// A unified diff with its added and removed lines in the status colours (and their +/-).
void showDiff(QPlainTextEdit *view, const QString &diff)
{
    view->clear();
    QTextCursor cursor(view->document());
    const QStringList lines = diff.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        QTextCharFormat format;
        if (line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---"))
            || line.startsWith(QLatin1String("@@"))) {
            format.setForeground(view->palette().color(QPalette::PlaceholderText));
        } else if (line.startsWith(QLatin1Char('+'))) {
            format.setForeground(look(Status::Passed).second);
        } else if (line.startsWith(QLatin1Char('-'))) {
            format.setForeground(look(Status::Failed).second);
        }
        cursor.insertText(line, format);
        if (i + 1 < lines.size() && !(i + 2 == lines.size() && lines.last().isEmpty())) {
            cursor.insertBlock();
        }
    }
    view->moveCursor(QTextCursor::Start);
}

} // namespace

OnboardingDialog::OnboardingDialog(Core::Onboarding *onboarding, QWidget *parent)
    : QDialog(parent)
    , m_onboarding(onboarding)
    , m_summary(new QLabel(this))
    , m_steps(new QTreeWidget(this))
    , m_questions(new QGroupBox(tr("Values DevDock cannot generate"), this))
    , m_questionForm(new QFormLayout(m_questions))
    , m_continue(new QPushButton(tr("&Continue"), m_questions))
    , m_planBox(new QGroupBox(tr("Files and keychain"), this))
    , m_plan(new QLabel(m_planBox))
    , m_diffCaption(new QLabel(m_planBox))
    , m_diff(new QPlainTextEdit(m_planBox))
    , m_acceptEnv(new QPushButton(tr("Acce&pt the change"), m_planBox))
    , m_skipEnv(new QPushButton(tr("S&kip: keep my file"), m_planBox))
    , m_start(new QPushButton(tr("&Start onboarding"), this))
    , m_output(new QPlainTextEdit(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_cancel(new QPushButton(tr("C&ancel"), this))
    , m_openFrontend(new QPushButton(tr("&Open the frontend"), this))
    , m_close(new QPushButton(tr("C&lose"), this))
{
    setObjectName(QStringLiteral("onboardingDialog"));
    setWindowTitle(tr("Onboarding — DevDock"));
    setAccessibleName(tr("Onboarding"));
    setAccessibleDescription(tr("From a fresh clone to a healthy stack, step by step"));
    resize(900, 700);

    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(QStringLiteral("onboardingSummary"));
    m_summary->setAccessibleName(tr("Onboarding status"));
    m_summary->setWordWrap(true);
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_summary->setFont(big);
    layout->addWidget(m_summary);

    m_steps->setObjectName(QStringLiteral("onboardingSteps"));
    m_steps->setAccessibleName(tr("Onboarding steps"));
    m_steps->setAccessibleDescription(tr("Each check with its status, what was found and the fix"));
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({tr("Step"), tr("Status"), tr("Details")});
    m_steps->setRootIsDecorated(true);
    m_steps->setWordWrap(true);
    m_steps->header()->setStretchLastSection(true);
    m_steps->setColumnWidth(0, 270);
    m_steps->setColumnWidth(1, 120);
    for (const Core::OnboardingStep &step : onboarding->steps()) {
        auto *item = new QTreeWidgetItem(m_steps, {step.title, QString(), QString()});
        item->setData(0, Qt::AccessibleTextRole, step.title);
    }
    // As tall as its rows (a fix row may open under a failed step), the rest for the plan.
    m_steps->setMinimumHeight(m_steps->header()->sizeHint().height()
                              + m_steps->sizeHintForRow(0) * (int(onboarding->steps().size()) + 3)
                              + 2 * m_steps->frameWidth());
    m_steps->setMaximumHeight(m_steps->minimumHeight() + 2 * m_steps->sizeHintForRow(0));
    m_steps->resizeColumnToContents(0);
    layout->addWidget(m_steps);

    m_questions->setObjectName(QStringLiteral("onboardingQuestions"));
    m_questions->setAccessibleName(tr("Values DevDock cannot generate"));
    m_continue->setObjectName(QStringLiteral("onboardingContinue"));
    m_continue->setAccessibleName(tr("Continue"));
    m_continue->setAccessibleDescription(tr("Store the values in the keychain and go on"));
    m_continue->setDefault(true);
    m_questionForm->addRow(m_continue);
    m_questions->hide();
    connect(m_continue, &QPushButton::clicked, this, &OnboardingDialog::submitAnswers);
    layout->addWidget(m_questions);

    m_planBox->setObjectName(QStringLiteral("onboardingPlan"));
    m_planBox->setAccessibleName(tr("Files and keychain"));
    m_planBox->setAccessibleDescription(
        tr("The files onboarding will create or change, and the secrets it will store"));
    auto *planLayout = new QVBoxLayout(m_planBox);
    m_plan->setObjectName(QStringLiteral("onboardingPlanText"));
    m_plan->setAccessibleName(tr("Plan"));
    m_plan->setWordWrap(true);
    m_plan->setTextInteractionFlags(Qt::TextSelectableByMouse);
    planLayout->addWidget(m_plan);
    m_diffCaption->setObjectName(QStringLiteral("onboardingDiffCaption"));
    m_diffCaption->setAccessibleName(tr("About the change"));
    m_diffCaption->setWordWrap(true);
    planLayout->addWidget(m_diffCaption);
    m_diff->setObjectName(QStringLiteral("onboardingEnvDiff"));
    m_diff->setAccessibleName(tr(".env.local change"));
    m_diff->setAccessibleDescription(tr("The change to .env.local as a diff: + added, - removed"));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFont(QStringLiteral("monospace")));
    planLayout->addWidget(m_diff, 1);
    auto *envButtons = new QHBoxLayout;
    envButtons->addStretch(1);
    for (auto [button, name, accessible, description] :
         {std::tuple{m_acceptEnv, "onboardingAcceptEnv", tr("Accept the change"),
                     tr("Onboarding writes this change into .env.local")},
          std::tuple{m_skipEnv, "onboardingSkipEnv", tr("Skip the change"),
                     tr("Onboarding leaves .env.local as it is and goes on")}}) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(accessible);
        button->setAccessibleDescription(description);
        button->setAutoDefault(false);
        envButtons->addWidget(button);
    }
    planLayout->addLayout(envButtons);
    connect(m_acceptEnv, &QPushButton::clicked, this, [this] { decideEnv(true); });
    connect(m_skipEnv, &QPushButton::clicked, this, [this] { decideEnv(false); });
    m_planBox->hide();
    layout->addWidget(m_planBox, 1);

    m_output->setObjectName(QStringLiteral("onboardingOutput"));
    m_output->setAccessibleName(tr("Progress output"));
    m_output->setAccessibleDescription(tr("Build, pull and start output of the running step"));
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(2000);
    m_output->setFont(QFont(QStringLiteral("monospace")));
    layout->addWidget(m_output, 2);
    m_output->hide(); // until there is output: nothing empty on screen

    auto *buttons = new QDialogButtonBox(this);
    for (auto [button, name, accessible, description] :
         {std::tuple{m_start, "onboardingStart", tr("Start onboarding"),
                     tr("Run the plan: only now does onboarding write files and secrets")},
          std::tuple{m_retry, "onboardingRetry", tr("Retry"), tr("Run again from the failed step")},
          std::tuple{m_cancel, "onboardingCancel", tr("Cancel"), tr("Stop the running step")},
          std::tuple{m_openFrontend, "onboardingOpen", tr("Open the frontend"),
                     tr("Open the stack's frontend URL in the browser")},
          std::tuple{m_close, "onboardingClose", tr("Close"), tr("Close this window")}}) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(accessible);
        button->setAccessibleDescription(description);
        buttons->addButton(button, button == m_close ? QDialogButtonBox::RejectRole
                                                     : QDialogButtonBox::ActionRole);
    }
    layout->addWidget(buttons);
    m_retry->setEnabled(false);
    m_retry->hide(); // Start is the first run; Retry the next ones
    m_openFrontend->setEnabled(false);
    m_openFrontend->hide(); // until there is a frontend to open
    m_cancel->setEnabled(false);
    m_cancel->hide(); // until something runs
    m_start->setDefault(true);
    connect(m_start, &QPushButton::clicked, m_onboarding, &Core::Onboarding::start);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_retry->setEnabled(false);
        m_onboarding->start();
    });
    connect(m_cancel, &QPushButton::clicked, m_onboarding, &Core::Onboarding::cancel);
    connect(m_openFrontend, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl(m_onboarding->frontendUrl())); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    connect(onboarding, &Core::Onboarding::stepChanged, this, &OnboardingDialog::updateStep);
    connect(onboarding, &Core::Onboarding::output, this, [this](int, const QString &line) {
        m_output->show();
        m_output->appendPlainText(line);
    });
    connect(onboarding, &Core::Onboarding::envLocalPlanned, this, &OnboardingDialog::showPlan);
    connect(onboarding, &Core::Onboarding::previewFinished, this, [this] {
        showPlan();
        int failed = 0;
        for (const Core::OnboardingStep &step : m_onboarding->steps()) {
            failed += step.status == Status::Failed ? 1 : 0;
        }
        m_summary->setText(
            failed == 0 ? tr("This is the plan; nothing has been written yet. Press Start to run "
                             "it.")
                        : tr("This is the plan; nothing has been written yet. %n check(s) failed: "
                             "fix them (see below), then press Start.",
                             nullptr, failed));
        m_start->setFocus();
    });
    connect(onboarding, &Core::Onboarding::inputNeeded, this, &OnboardingDialog::askFor);
    connect(onboarding, &Core::Onboarding::finished, this, &OnboardingDialog::onFinished);
    for (int i = 0; i < onboarding->steps().size(); ++i) {
        updateStep(i);
    }
    m_summary->setText(
        tr("Checking this machine and reading the project; nothing is written until you press "
           "Start…"));
}

void OnboardingDialog::showPlan()
{
    using Action = Core::EnvLocalPlan::Action;
    const Core::EnvLocalPlan &plan = m_onboarding->envLocalPlan();
    QStringList lines;
    switch (plan.action) {
    case Action::Nothing:
        lines << tr("No file in the project changes.");
        break;
    case Action::Create:
        lines << tr("Creates .env.local with what no profile sets: %1.")
                     .arg(plan.added.join(QStringLiteral(", ")));
        break;
    case Action::Update:
        lines << tr(".env.local exists: the change below is applied only if you accept it.");
        break;
    }
    if (!plan.profileKeys.isEmpty()) {
        lines << tr("Left to the profiles (%1): %2.")
                     .arg(plan.profileFiles.join(QStringLiteral(", ")),
                          plan.profileKeys.join(QStringLiteral(", ")));
    }
    if (!m_onboarding->secretsToGenerate().isEmpty()) {
        lines << tr("Generates into the keychain: %1.")
                     .arg(m_onboarding->secretsToGenerate().join(QStringLiteral(", ")));
    }
    if (!m_onboarding->secretsToAsk().isEmpty()) {
        lines << tr("Asks you for: %1 (stored in the keychain).")
                     .arg(m_onboarding->secretsToAsk().join(QStringLiteral(", ")));
    }
    m_plan->setText(lines.join(QLatin1Char('\n')));
    const bool update = plan.action == Action::Update;
    m_diffCaption->setVisible(plan.changes());
    m_diff->setVisible(plan.changes());
    m_acceptEnv->setVisible(update);
    m_skipEnv->setVisible(update);
    const bool decided = m_onboarding->envChangesDecided();
    m_acceptEnv->setEnabled(!decided);
    m_skipEnv->setEnabled(!decided);
    if (plan.changes() && !decided) {
        m_diffCaption->setText(update ? tr("Proposed change to your .env.local:")
                                      : tr("The new .env.local:"));
    }
    if (update) {
        showDiff(m_diff, plan.diff());
    } else if (plan.changes()) {
        m_diff->setPlainText(plan.plannedText); // a new file: its text, not a diff of nothing
    }
    m_planBox->show();
}

void OnboardingDialog::decideEnv(bool accept)
{
    m_diffCaption->setText(accept ? tr("Accepted: onboarding writes this change into .env.local.")
                                  : tr("Skipped: .env.local stays as it is."));
    m_acceptEnv->setEnabled(false);
    m_skipEnv->setEnabled(false);
    m_onboarding->decideEnvChanges(accept);
}

void OnboardingDialog::updateStep(int index)
{
    QTreeWidgetItem *item = m_steps->topLevelItem(index);
    if (item == nullptr) {
        return;
    }
    const Core::OnboardingStep &step = m_onboarding->steps().at(index);
    const auto [symbol, colour] = look(step.status);
    item->setText(1, symbol + QLatin1Char(' ') + statusText(step.status));
    item->setForeground(1, colour);
    item->setText(2, step.detail);
    item->setToolTip(2, step.detail);
    item->setData(1, Qt::AccessibleTextRole, statusText(step.status));
    item->setData(2, Qt::AccessibleTextRole, step.detail);
    delete item->takeChild(0);
    if (!step.fix.isEmpty() && step.status != Status::Passed) {
        auto *fix = new QTreeWidgetItem(item, {tr("Fix"), QString(), step.fix});
        fix->setToolTip(2, step.fix);
        fix->setData(2, Qt::AccessibleTextRole, step.fix);
        item->setExpanded(true);
    }
    if (step.id == Core::OnboardingStep::Id::Env && !m_onboarding->isPreviewing()
        && (step.status == Status::Passed || step.status == Status::Warning
            || step.status == Status::Skipped)) {
        m_planBox->hide(); // the plan is done: the steps say what happened
    }
    if (step.id == Core::OnboardingStep::Id::Env && step.status == Status::NeedsInput
        && m_onboarding->envLocalPlan().action == Core::EnvLocalPlan::Action::Update
        && m_acceptEnv->isEnabled()) {
        m_summary->setText(tr("Review the change to .env.local: Accept or Skip."));
        m_acceptEnv->setFocus();
    }
    if (step.status == Status::Running && !m_onboarding->isPreviewing()) {
        // It runs (from Start, or started by the caller): Retry and Cancel take Start's place.
        m_start->hide();
        m_retry->show();
        m_retry->setEnabled(false);
        m_cancel->show();
        m_summary->setText(tr("Step %1 of %2: %3…")
                               .arg(index + 1)
                               .arg(m_onboarding->steps().size())
                               .arg(step.title));
        m_steps->scrollToItem(item);
        m_cancel->setEnabled(true);
    }
}

void OnboardingDialog::askFor(const QStringList &keys)
{
    for (QLineEdit *edit : std::as_const(m_inputs)) {
        m_questionForm->removeRow(edit);
    }
    m_inputs.clear();
    for (const QString &key : keys) {
        auto *edit = new QLineEdit(m_questions);
        edit->setObjectName(QStringLiteral("onboardingInput_") + key);
        edit->setEchoMode(QLineEdit::Password);
        edit->setAccessibleName(key);
        const QString description = m_onboarding->describe(key);
        edit->setAccessibleDescription(description);
        edit->setPlaceholderText(description);
        edit->setToolTip(description);
        m_questionForm->insertRow(m_questionForm->rowCount() - 1, key, edit);
        m_inputs.insert(key, edit);
    }
    m_questions->show();
    if (!keys.isEmpty()) {
        m_inputs.value(keys.first())->setFocus();
    }
    m_summary->setText(tr("DevDock needs %n value(s) it cannot generate. They go to the keychain, "
                          "never into a file.",
                          nullptr, int(keys.size())));
    m_cancel->setEnabled(false);
}

void OnboardingDialog::submitAnswers()
{
    QHash<QString, QString> answers;
    for (auto it = m_inputs.cbegin(); it != m_inputs.cend(); ++it) {
        if (it.value()->text().isEmpty()) {
            m_summary->setText(tr("%1 needs a value.").arg(it.key()));
            it.value()->setFocus();
            return;
        }
        answers.insert(it.key(), it.value()->text());
    }
    m_questions->hide();
    for (QLineEdit *edit : std::as_const(m_inputs)) {
        edit->clear(); // the values leave the widgets
    }
    m_onboarding->provideAnswers(answers);
}

void OnboardingDialog::onFinished(bool ok)
{
    m_cancel->setEnabled(false);
    m_retry->setEnabled(!ok);
    const QString url = m_onboarding->frontendUrl();
    m_openFrontend->setEnabled(ok && !url.isEmpty());
    m_openFrontend->setVisible(ok && !url.isEmpty());
    if (ok) {
        m_summary->setText(url.isEmpty() ? tr("Done: every service is up and healthy.")
                                         : tr("Done: every service is up and healthy. The frontend "
                                              "is at %1.")
                                               .arg(url));
        if (m_openBrowser && !url.isEmpty()) {
            QDesktopServices::openUrl(QUrl(url));
        }
        return;
    }
    for (const Core::OnboardingStep &step : m_onboarding->steps()) {
        if (step.status == Status::Failed) {
            m_summary->setText(tr("Stopped at “%1”. Fix it and press Retry.").arg(step.title));
            m_retry->setFocus();
            return;
        }
    }
}

} // namespace DevDock::Ui
