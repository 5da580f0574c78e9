// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakeriskpage.h"

#include "core/profile/session.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakewizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

IntakeRiskPage::IntakeRiskPage(IntakeFields &fields, Core::Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_fields(fields)
{
    setTitle(tr("Risk and safety"));
    setSubTitle(tr("A first judgement from the intake; the assessment will refine it."));
    const int page = IntakeWizard::RiskPage;
    auto *layout = new QVBoxLayout(this);
    auto *form = formLayout();
    m_risk
        = codeCombo(u"riskCombo"_s, session.codes(), u"risk_level", m_fields.language(), tr("Choose…"), this);
    m_risk->setMaximumWidth(240);
    form->addRow(tr("&Risk level:"), m_fields.field(page, u"risk.level"_s, m_risk, u"riskLevel"_s));
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

bool IntakeRiskPage::validatePage()
{
    // A message from an earlier attempt to save goes with the new attempt.
    m_saveError->hide();
    if (code(m_risk).isEmpty()) {
        m_fields.showError(u"risk.level"_s, tr("Choose a risk level."));
        m_fields.focus(u"risk.level"_s);
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
    return assessment;
}
