// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/statuscontrol.h"

#include "core/cases/caserepository.h"
#include "core/domain/workflow.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/common/codelabels.h"
#include "ui/common/errortext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *messageLabel(const QString &objectName, const QString &style, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setStyleSheet(style);
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

StatusControl::StatusControl(Core::Session &session, const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_language(language)
    , m_forward(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_apply(new QPushButton(tr("Change status"), this))
    , m_backToggle(new QPushButton(tr("Return to an earlier stage…"), this))
    , m_note(messageLabel(u"supervisorNote"_s, u"color: #8a4b00"_s, this))
    , m_backPanel(new QWidget(this))
    , m_back(new QComboBox(m_backPanel))
    , m_backReason(new QLineEdit(m_backPanel))
    , m_error(messageLabel(u"statusError"_s, u"color: #b01c1c"_s, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    buildForwardRow();
    layout->addWidget(m_note);
    buildBackRow();
    layout->addWidget(m_error);
}

void StatusControl::buildForwardRow()
{
    auto *row = new QHBoxLayout;
    auto *caption = new QLabel(tr("Next step:"), this);
    row->addWidget(caption);
    m_forward->setObjectName(u"statusCombo"_s);
    caption->setBuddy(m_forward);
    row->addWidget(m_forward);
    m_reason->setObjectName(u"statusReasonEdit"_s);
    m_reason->setPlaceholderText(tr("Reason (needed for closure and transfer)"));
    row->addWidget(m_reason, 1);
    m_apply->setObjectName(u"changeStatusButton"_s);
    row->addWidget(m_apply);
    m_backToggle->setObjectName(u"statusBackButton"_s);
    m_backToggle->setCheckable(true);
    row->addWidget(m_backToggle);
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
    connect(m_forward, &QComboBox::currentIndexChanged, this, &StatusControl::targetChosen);
    connect(m_apply, &QPushButton::clicked, this, &StatusControl::moveForward);
    connect(m_backToggle, &QPushButton::toggled, m_backPanel, &QWidget::setVisible);
}

void StatusControl::buildBackRow()
{
    m_backPanel->setObjectName(u"statusBackPanel"_s);
    auto *row = new QHBoxLayout(m_backPanel);
    row->setContentsMargins(0, 0, 0, 0);
    auto *caption = new QLabel(tr("Return to:"), m_backPanel);
    row->addWidget(caption);
    m_back->setObjectName(u"statusBackCombo"_s);
    caption->setBuddy(m_back);
    row->addWidget(m_back);
    m_backReason->setObjectName(u"statusBackReasonEdit"_s);
    m_backReason->setPlaceholderText(tr("Why the case goes back (required)"));
    row->addWidget(m_backReason, 1);
    auto *confirm = new QPushButton(tr("Return the case"), m_backPanel);
    confirm->setObjectName(u"statusBackConfirmButton"_s);
    row->addWidget(confirm);
    m_backPanel->hide();
    static_cast<QVBoxLayout *>(layout())->addWidget(m_backPanel);
    connect(confirm, &QPushButton::clicked, this, &StatusControl::moveBack);
}

QString StatusControl::statusLabel(const QString &code) const
{
    return CodeLabels::label(m_session.codes(), u"case_status", code, m_language);
}

void StatusControl::setCase(const QString &caseId, const QString &status)
{
    m_caseId = caseId;
    m_status = status;
    m_error->hide();
    m_reason->clear();
    m_backReason->clear();
    m_backToggle->setChecked(false);
    const Core::Role role = m_session.profile().actor().role;
    const QStringList forward
        = status.isEmpty() ? QStringList() : Core::Workflow::forwardTargets(status, role);
    const QStringList back = status.isEmpty() ? QStringList() : Core::Workflow::backwardTargets(status, role);
    {
        const QSignalBlocker blocker(m_forward);
        m_forward->clear();
        for (const QString &target : forward)
            m_forward->addItem(statusLabel(target), target);
        m_forward->setCurrentIndex(forward.isEmpty() ? -1 : 0); // the usual next step
    }
    m_back->clear();
    for (const QString &target : back)
        m_back->addItem(statusLabel(target), target);
    m_forward->setEnabled(!forward.isEmpty());
    m_apply->setEnabled(!forward.isEmpty());
    m_backToggle->setEnabled(!back.isEmpty());
    targetChosen();
}

void StatusControl::targetChosen()
{
    const QString target = m_forward->currentData().toString();
    m_reason->setEnabled(!target.isEmpty() && Core::Workflow::needsReason(m_status, target));
    // Said before the click: a closure is the supervisor's to approve.
    QString note;
    if (target == u"closure_requested")
        note = tr("Closing a case needs a supervisor's approval: the case waits as \"%1\" until a "
                  "supervisor closes it.")
                   .arg(statusLabel(target));
    else if (target == u"closed")
        note = tr("You approve the closure as supervisor; the case will be closed.");
    else if (m_status == u"closure_requested" && target.isEmpty())
        note = tr("Closure requested: waiting for a supervisor to approve it.");
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void StatusControl::moveForward()
{
    const QString to = m_forward->currentData().toString();
    if (to.isEmpty())
        return;
    QString question
        = tr("The case will be moved from %1 to %2.").arg(statusLabel(m_status), statusLabel(to));
    if (Core::Workflow::needsSupervisor(to) && to != u"closed")
        question += u' ' + tr("Closing a case needs a supervisor's approval.");
    if (move(to, m_reason->text(), question))
        m_reason->clear();
}

void StatusControl::moveBack()
{
    const QString to = m_back->currentData().toString();
    if (to.isEmpty())
        return;
    if (m_backReason->text().trimmed().isEmpty()) {
        m_error->setText(tr("Write why the case goes back to an earlier stage."));
        m_error->show();
        m_backReason->setFocus();
        return;
    }
    const QString question
        = tr("The case will go back from %1 to %2.").arg(statusLabel(m_status), statusLabel(to));
    move(to, m_backReason->text(), question);
}

bool StatusControl::move(const QString &to, const QString &reason, const QString &question)
{
    m_error->hide();
    if (!askConfirmation(question))
        return false;
    Core::CaseDraft patch;
    patch.fields.insert(u"status"_s, to);
    patch.statusReason = reason;
    if (const Core::Status s = m_session.cases().update(m_caseId, patch); !s) {
        m_error->setText(ErrorText::message(s.error()));
        m_error->show();
        return false;
    }
    emit statusChanged();
    return true;
}

bool StatusControl::askConfirmation(const QString &text)
{
    if (m_confirm)
        return m_confirm(text);
    QMessageBox box(QMessageBox::Question, tr("Change the case's status"), text, QMessageBox::NoButton, this);
    box.setObjectName(u"statusConfirmDialog"_s);
    QPushButton *yes = box.addButton(tr("Yes, change it"), QMessageBox::AcceptRole);
    box.setDefaultButton(box.addButton(tr("Cancel"), QMessageBox::RejectRole));
    box.exec();
    return box.clickedButton() == yes;
}
