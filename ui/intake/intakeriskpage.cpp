// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakeriskpage.h"

#include "core/domain/riskinstrument.h"
#include "core/profile/session.h"
#include "ui/common/codelabels.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakewizard.h"
#include "ui/widgets/riskchecklist.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

IntakeRiskPage::IntakeRiskPage(IntakeFields &fields, Core::Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_fields(fields)
    , m_session(session)
{
    setTitle(tr("Risk and safety"));
    setSubTitle(tr("A first judgement from the intake; the assessment will refine it."));
    const int page = IntakeWizard::RiskPage;
    auto *layout = new QVBoxLayout(this);
    auto *form = formLayout();
    m_risk
        = codeCombo(u"riskCombo"_s, session.codes(), u"risk_level", m_fields.language(), tr("Choose…"), this);
    m_risk->setMaximumWidth(240);
    if (const auto instrument = session.riskInstrument(); instrument)
        addChecklist(**instrument, layout);
    form->addRow(tr("&Risk level:"), m_fields.field(page, u"risk.level"_s, m_risk, u"riskLevel"_s));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"riskReasonEdit"_s);
    m_reason->setPlaceholderText(tr("Needed when the level is not the suggested one"));
    form->addRow(tr("Reason for the le&vel:"),
                 m_fields.field(page, u"risk.override_reason"_s, m_reason, u"riskReason"_s));
    connect(m_risk, &QComboBox::activated, this, [this] { m_levelChosen = true; });
    m_safetyNotes = new QPlainTextEdit(this);
    m_safetyNotes->setObjectName(u"safetyNotesEdit"_s);
    m_safetyNotes->setTabChangesFocus(true);
    m_safetyNotes->setPlaceholderText(tr("Immediate dangers and what keeps the victim safe now."));
    form->addRow(tr("Safety &notes:"),
                 m_fields.field(page, u"risk.safety_plan"_s, m_safetyNotes, u"safetyNotes"_s));
    m_doNotContact = new QCheckBox(
        tr("&Do not contact the victim directly (contact could put her or him at risk)"), this);
    m_doNotContact->setObjectName(u"doNotContactCheck"_s);
    form->addRow(QString(), m_fields.field(page, u"do_not_contact"_s, m_doNotContact, u"doNotContact"_s));
    layout->addLayout(form, 1);
    m_saveError = new QLabel(this);
    m_saveError->setObjectName(u"saveError"_s);
    m_saveError->setWordWrap(true);
    m_saveError->setStyleSheet(errorStyle);
    m_saveError->hide();
    layout->addWidget(m_saveError);
}

void IntakeRiskPage::addChecklist(const Core::RiskInstrument &instrument, QVBoxLayout *layout)
{
    m_instrument = &instrument;
    // The same checklist as the case file's assessment, in two columns.
    m_checklist = new RiskChecklist(instrument, m_fields.language(), RiskChecklist::Shape::Compact, this);
    m_checklist->setObjectName(u"intakeRiskChecklist"_s);
    layout->addWidget(m_checklist);
    m_suggestion = new QLabel(this);
    m_suggestion->setObjectName(u"intakeSuggestedRisk"_s);
    m_suggestion->setText(tr("Answer what you can; the level the answers suggest shows here."));
    layout->addWidget(m_suggestion);
    connect(m_checklist, &RiskChecklist::answersChanged, this, &IntakeRiskPage::answersChanged);
}

void IntakeRiskPage::answersChanged()
{
    const QString suggested = m_checklist->suggestedLevel();
    const QString label = CodeLabels::label(m_session.codes(), u"risk_level", suggested, m_fields.language());
    m_suggestion->setText(m_checklist->suggestionText(label));
    // Nothing answered suggests nothing: the level stays a deliberate choice.
    if (m_checklist->answered() && !m_levelChosen)
        m_risk->setCurrentIndex(m_risk->findData(suggested));
}

bool IntakeRiskPage::overridden() const
{
    return m_checklist && m_checklist->answered() && code(m_risk) != m_checklist->suggestedLevel();
}

bool IntakeRiskPage::validatePage()
{
    // A message from an earlier attempt to save goes with the new attempt.
    m_saveError->hide();
    if (code(m_risk).isEmpty()) {
        m_fields.showError(u"risk.level"_s, tr("Choose a risk level."));
        m_fields.focus(u"risk.level"_s);
        return false;
    }
    m_fields.clearError(u"risk.override_reason"_s);
    if (overridden() && m_reason->text().trimmed().isEmpty()) {
        m_fields.showError(u"risk.override_reason"_s,
                           tr("Write why you chose another level than the suggested one."));
        m_fields.focus(u"risk.override_reason"_s);
        return false;
    }
    return true;
}

void IntakeRiskPage::showSaveError(const QString &message)
{
    m_saveError->setText(message);
    m_saveError->show();
}

void IntakeRiskPage::fillCase(QVariantHash &fields) const
{
    if (m_doNotContact->isChecked())
        fields.insert(u"do_not_contact"_s, true);
}

QVariantHash IntakeRiskPage::risk() const
{
    QVariantHash assessment{{u"level"_s, code(m_risk)}};
    put(assessment, u"safety_plan"_s, m_safetyNotes->toPlainText());
    if (m_checklist && m_checklist->answered()) {
        assessment.insert(u"instrument"_s, m_instrument->version());
        assessment.insert(u"answers"_s, m_checklist->answers());
        assessment.insert(u"suggested_level"_s, m_checklist->suggestedLevel());
        put(assessment, u"override_reason"_s, m_reason->text().trimmed());
    }
    return assessment;
}
