// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/persondialog.h"

#include "core/cases/caserepository.h"
#include "core/domain/validator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/common/errortext.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/widgets/consentbox.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

namespace {

// The fields a person dialog writes; one emptied when correcting is cleared.
const QStringList personFields = {u"name"_s,           u"sex"_s,          u"birth_date"_s,
                                  u"age_estimate"_s,   u"nik"_s,          u"phone"_s,
                                  u"address_region"_s, u"address_text"_s, u"address_hamlet"_s,
                                  u"address_rt"_s,     u"disability"_s,   u"education"_s,
                                  u"occupation"_s};

} // namespace

PersonDialog::PersonDialog(Core::Session &session, const QString &caseId, const QString &language,
                           QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_caseId(caseId)
    , m_fields(std::make_unique<IntakeFields>(session.validator(), language))
{
    setObjectName(u"personDialog"_s);
    setWindowTitle(tr("Add a person to the case"));
    m_form = formLayout();
    buildPersonFields(m_form);
    buildAddressFields(m_form);
    m_formError = new QLabel(this);
    m_formError->setObjectName(u"personFormError"_s);
    m_formError->setWordWrap(true);
    m_formError->setStyleSheet(errorStyle);
    m_formError->hide();
    auto *save = new QPushButton(tr("&Save"), this);
    save->setObjectName(u"savePersonButton"_s);
    save->setAutoDefault(false);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(u"cancelPersonButton"_s);
    cancel->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(save);
    buttons->addWidget(cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_formError);
    layout->addStretch();
    layout->addLayout(buttons);
    connect(save, &QPushButton::clicked, this, &PersonDialog::save);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_role, &QComboBox::currentIndexChanged, this, &PersonDialog::roleChanged);
    roleChanged();
    resize(fontMetrics().averageCharWidth() * 100, sizeHint().height());
}

PersonDialog::~PersonDialog() = default;

QWidget *PersonDialog::field(const QString &key, QWidget *input)
{
    return m_fields->field(0, key, input, input->objectName());
}

void PersonDialog::buildPersonFields(QFormLayout *form)
{
    const QString &language = m_fields->language();
    m_role = codeCombo(u"roleCombo"_s, m_session.codes(), u"person_role", language, {}, this);
    form->addRow(tr("&Role in the case:"), field(u"role"_s, m_role));
    m_relationship = codeCombo(u"relationshipCombo"_s, m_session.codes(), u"perpetrator_relationship",
                               language, tr("Not known"), this);
    form->addRow(tr("R&elationship to the victim:"), field(u"relationship"_s, m_relationship));
    m_access = new QComboBox(this);
    m_access->setObjectName(u"hasAccessCombo"_s);
    m_access->addItem(tr("Not known"));
    m_access->addItem(tr("Yes, still has access"), true);
    m_access->addItem(tr("No"), false);
    form->addRow(tr("Still has access to the &victim:"), field(u"has_access"_s, m_access));
    m_consent = new ConsentBox(m_session.codes(), language, m_session.validator().today(), this);
    m_consent->setObjectName(u"personConsentBox"_s);
    form->addRow(m_consent); // the box labels its own fields
    m_name = lineEdit(u"personNameEdit"_s, this);
    connect(m_name, &QLineEdit::textChanged, m_consent, &ConsentBox::setGivenBy); // who consents
    form->addRow(tr("Na&me:"), field(u"name"_s, m_name));
    m_sex = codeCombo(u"personSexCombo"_s, m_session.codes(), u"sex", language, tr("Not recorded"), this);
    form->addRow(tr("&Sex:"), field(u"sex"_s, m_sex));
    m_birthDate = lineEdit(u"personBirthDateEdit"_s, this);
    m_birthDate->setPlaceholderText(tr("e.g. %1").arg(m_fields->formatDate(QDate(2012, 7, 15))));
    form->addRow(tr("Bi&rth date:"), field(u"birth_date"_s, m_birthDate));
    m_age = lineEdit(u"personAgeEdit"_s, this);
    m_age->setValidator(new QIntValidator(0, 130, m_age));
    m_age->setPlaceholderText(tr("years, when the birth date is unknown"));
    form->addRow(tr("or estimated a&ge:"), field(u"age_estimate"_s, m_age));
    m_nik = lineEdit(u"personNikEdit"_s, this);
    m_nik->setPlaceholderText(tr("16 digits; empty when unknown"));
    m_nik->setMaxLength(24);
    form->addRow(tr("NI&K:"), field(u"nik"_s, m_nik));
    m_phone = lineEdit(u"personPhoneEdit"_s, this);
    form->addRow(tr("&Phone:"), field(u"phone"_s, m_phone));
    m_disability = codeCombo(u"personDisabilityCombo"_s, m_session.codes(), u"disability", language,
                             tr("Not recorded"), this);
    form->addRow(tr("Disa&bility:"), field(u"disability"_s, m_disability));
    m_education = codeCombo(u"personEducationCombo"_s, m_session.codes(), u"education", language,
                            tr("Not recorded"), this);
    form->addRow(tr("Ed&ucation:"), field(u"education"_s, m_education));
    m_occupation = codeCombo(u"personOccupationCombo"_s, m_session.codes(), u"occupation", language,
                             tr("Not recorded"), this);
    form->addRow(tr("&Occupation:"), field(u"occupation"_s, m_occupation));
}

void PersonDialog::buildAddressFields(QFormLayout *form)
{
    m_address = IntakeAddress(*m_fields, m_session, 0, QString(), u"person"_s, QString(),
                              u"personRegionPicker"_s, this);
    form->addRow(tr("&Village:"), m_address.villageRow());
    form->addRow(tr("&Address:"), m_address.detailRow());
}

void PersonDialog::roleChanged()
{
    // Only an alleged perpetrator can still reach the victim.
    const bool perpetrator = code(m_role) == u"perpetrator";
    m_form->setRowVisible(m_access->parentWidget(), perpetrator);
    if (!perpetrator)
        m_access->setCurrentIndex(0);
    // Consent is a guardian's, or the victim's own.
    const QString role = code(m_role);
    m_form->setRowVisible(m_consent, role == u"guardian" || role == u"victim");
}

void PersonDialog::edit(const Core::CaseParty &party)
{
    setWindowTitle(tr("Correct a person of the case"));
    m_linkId = party.link.id;
    m_personId = party.person.id;
    const auto choose = [](QComboBox *box, const QVariant &value) {
        const int index = value.isNull() || !value.isValid() ? 0 : box->findData(value);
        box->setCurrentIndex(index >= 0 ? index : 0);
    };
    choose(m_role, party.link.value(u"role"_s));
    choose(m_relationship, party.link.value(u"relationship"_s));
    choose(m_access, party.link.value(u"has_access"_s));
    m_consent->showValues(party.link.fields);
    choose(m_sex, party.person.value(u"sex"_s));
    choose(m_disability, party.person.value(u"disability"_s));
    choose(m_education, party.person.value(u"education"_s));
    choose(m_occupation, party.person.value(u"occupation"_s));
    m_name->setText(party.person.text(u"name"_s));
    const QDate born = QDate::fromString(party.person.text(u"birth_date"_s), Qt::ISODate);
    m_birthDate->setText(born.isValid() ? m_fields->formatDate(born) : QString());
    const QVariant age = party.person.value(u"age_estimate"_s);
    m_age->setText(age.isNull() || !age.isValid() ? QString() : QString::number(age.toInt()));
    m_nik->setText(party.person.text(u"nik"_s));
    m_phone->setText(party.person.text(u"phone"_s));
    m_address.show(party.person);
}

bool PersonDialog::readInput(QVariantHash &person)
{
    QString born;
    std::optional<int> age;
    const bool dateOk = m_fields->readDate(u"birth_date"_s, m_birthDate, false, &born);
    const bool ageOk = m_fields->readAge(u"age_estimate"_s, m_age, &age);
    if (!dateOk || !ageOk)
        return false;
    put(person, u"name"_s, m_name->text().simplified());
    put(person, u"sex"_s, code(m_sex));
    put(person, u"birth_date"_s, born);
    if (age)
        person.insert(u"age_estimate"_s, *age);
    put(person, u"nik"_s, m_nik->text());
    put(person, u"phone"_s, m_phone->text());
    m_address.fill(person);
    put(person, u"disability"_s, code(m_disability));
    put(person, u"education"_s, code(m_education));
    put(person, u"occupation"_s, code(m_occupation));
    if (person.isEmpty()) {
        m_fields->showError(u"name"_s, tr("Enter at least the person's name."));
        return false;
    }
    return true;
}

bool PersonDialog::save()
{
    m_fields->clearErrors(0);
    m_formError->hide();
    Core::PartyInput party;
    party.linkId = m_linkId;
    party.personId = m_personId;
    if (!readInput(party.person))
        return false;
    const bool editing = !m_linkId.isEmpty();
    party.link.insert(u"role"_s, code(m_role));
    const QString relationship = code(m_relationship);
    if (!relationship.isEmpty() || editing)
        party.link.insert(u"relationship"_s, relationship.isEmpty() ? QVariant() : QVariant(relationship));
    const QVariant access = m_access->currentData();
    if (access.isValid() || editing)
        party.link.insert(u"has_access"_s, access);
    if (m_form->isRowVisible(m_consent)) {
        if (!m_consent->check())
            return false;
        m_consent->fill(party.link);
    }
    if (editing) { // what was emptied is cleared
        for (const QString &name : personFields) {
            if (!party.person.contains(name))
                party.person.insert(name, QVariant());
        }
    }
    Core::CaseDraft patch;
    patch.parties << party;
    if (const Core::Status s = m_session.cases().update(m_caseId, patch); !s) {
        const QString key = s.error().field.section(u'.', -1);
        if (m_fields->contains(key))
            m_fields->showError(key, ErrorText::message(s.error()));
        else {
            m_formError->setText(ErrorText::message(s.error()));
            m_formError->show();
        }
        return false;
    }
    emit personSaved();
    accept();
    return true;
}
