// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakeguardianpage.h"

#include "core/cases/caserepository.h"
#include "core/domain/validator.h"
#include "core/profile/session.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakewizard.h"
#include "ui/widgets/consentbox.h"
#include "ui/widgets/regionpicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

IntakeGuardianPage::IntakeGuardianPage(IntakeFields &fields, Core::Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_fields(fields)
{
    const int page = IntakeWizard::GuardianPage;
    auto *layout = new QVBoxLayout(this);
    m_rule = new QLabel(this);
    m_rule->setObjectName(u"guardianRuleLabel"_s);
    m_rule->setWordWrap(true);
    layout->addWidget(m_rule);
    m_unknown = new QCheckBox(tr("The guardian is not known &yet (wali belum diketahui)"), this);
    m_unknown->setObjectName(u"guardianUnknownCheck"_s);
    layout->addWidget(m_fields.field(page, u"guardian.unknown"_s, m_unknown, u"guardianUnknown"_s));

    m_guardian = new QGroupBox(tr("Guardian (wali)"), this);
    m_guardian->setObjectName(u"guardianGroup"_s);
    auto *grid = gridLayout(m_guardian);
    m_name = lineEdit(u"guardianNameEdit"_s, m_guardian);
    gridRow(grid, 0, 0, tr("Na&me:"), m_fields.field(page, u"guardian.name"_s, m_name, u"guardianName"_s));
    m_relationship = codeCombo(u"guardianRelationshipCombo"_s, session.codes(), u"perpetrator_relationship",
                               m_fields.language(), tr("Not recorded"), m_guardian);
    gridRow(grid, 0, 2, tr("&Relationship to the child:"),
            m_fields.field(page, u"guardian.relationship"_s, m_relationship, u"guardianRelationship"_s));
    m_phone = lineEdit(u"guardianPhoneEdit"_s, m_guardian);
    gridRow(grid, 1, 0, tr("&Phone:"),
            m_fields.field(page, u"guardian.phone"_s, m_phone, u"guardianPhone"_s));
    m_address = IntakeAddress(m_fields, session, page, u"guardian."_s, u"guardian"_s, QString(),
                              u"guardianRegion"_s, m_guardian);
    gridRow(grid, 2, 0, tr("&Village:"), m_address.villageRow(), 3);
    gridRow(grid, 3, 0, tr("Address:"), m_address.detailRow(), 3);
    layout->addWidget(m_guardian);

    m_consentGroup = new QGroupBox(tr("Consent to the unit's help"), this);
    auto *consentLayout = new QVBoxLayout(m_consentGroup);
    m_consent
        = new ConsentBox(session.codes(), m_fields.language(), session.validator().today(), m_consentGroup);
    consentLayout->addWidget(m_consent);
    layout->addWidget(m_consentGroup);
    layout->addStretch();

    tabOrder(
        {m_unknown, m_name, m_relationship, m_phone, m_address.region(), m_address.detailRow(), m_consent});
    connect(m_unknown, &QCheckBox::toggled, this, &IntakeGuardianPage::showMode);
    showMode();
}

void IntakeGuardianPage::setChild(int childIndex, const QString &victimName)
{
    m_child = childIndex;
    m_victimName = victimName;
    showMode();
}

bool IntakeGuardianPage::guardianUnknown() const
{
    return forChild() && m_unknown->isChecked();
}

void IntakeGuardianPage::showMode()
{
    const bool child = forChild();
    setTitle(child ? tr("Guardian and consent") : tr("Consent"));
    setSubTitle(child ? tr("Who is responsible for the child, and whether they agree to the unit's help.")
                      : tr("Whether the victim agrees to the unit's help."));
    m_rule->setVisible(child);
    m_rule->setText(tr("%1 is a child. A child's intake needs the guardian (wali), or a tick at “not known "
                       "yet”: consent is then recorded as not yet asked.")
                        .arg(m_victimName));
    m_unknown->setVisible(child);
    m_guardian->setVisible(child);
    m_guardian->setEnabled(!m_unknown->isChecked());
    m_consent->setNotAskedOnly(guardianUnknown());
    m_consent->setGivenBy(child ? tr("the guardian") : m_victimName);
}

bool IntakeGuardianPage::guardianEntered() const
{
    return !m_name->text().trimmed().isEmpty() || !code(m_relationship).isEmpty()
        || !m_phone->text().trimmed().isEmpty();
}

bool IntakeGuardianPage::validatePage()
{
    if (forChild() && !m_unknown->isChecked() && !guardianEntered()) {
        m_fields.showError(u"guardian.name"_s,
                           tr("Enter the child's guardian, or tick “The guardian is not known yet”."));
        m_fields.focus(u"guardian.name"_s);
        return false;
    }
    return m_consent->check();
}

std::optional<Core::PartyInput> IntakeGuardianPage::party() const
{
    if (!forChild() || m_unknown->isChecked())
        return std::nullopt;
    Core::PartyInput guardian;
    guardian.link = {{u"role"_s, u"guardian"_s}};
    // The guardian is the child's: the link names that victim (victims come first in the draft).
    guardian.victimIndex = m_child;
    put(guardian.link, u"relationship"_s, code(m_relationship));
    m_consent->fill(guardian.link);
    put(guardian.person, u"name"_s, m_name->text().simplified());
    put(guardian.person, u"phone"_s, m_phone->text());
    m_address.fill(guardian.person);
    return guardian;
}

QVariantHash IntakeGuardianPage::victimConsent() const
{
    QVariantHash link;
    if (!forChild() || m_unknown->isChecked())
        m_consent->fill(link);
    return link;
}
