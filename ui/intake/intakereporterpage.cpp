// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakereporterpage.h"

#include "core/cases/caserepository.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakewizard.h"

#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

IntakeReporterPage::IntakeReporterPage(IntakeFields &fields, QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Reporter"));
    setSubTitle(tr("Optional. Leave empty when the reporter is the victim or wishes to stay anonymous."));
    auto *form = formLayout();
    m_name = lineEdit(u"reporterNameEdit"_s, this);
    form->addRow(tr("Na&me:"),
                 fields.field(IntakeWizard::ReporterPage, u"reporter.name"_s, m_name, u"reporterName"_s));
    m_phone = lineEdit(u"reporterPhoneEdit"_s, this);
    m_phone->setMaximumWidth(240);
    form->addRow(tr("&Phone:"),
                 fields.field(IntakeWizard::ReporterPage, u"reporter.phone"_s, m_phone, u"reporterPhone"_s));
    m_note = lineEdit(u"reporterNoteEdit"_s, this);
    m_note->setPlaceholderText(tr("e.g. neighbour, teacher, head of the RT"));
    form->addRow(tr("&Relation to the victim:"),
                 fields.field(IntakeWizard::ReporterPage, u"reporter.notes"_s, m_note, u"reporterNote"_s));
    setLayout(form);
}

std::optional<Core::PartyInput> IntakeReporterPage::party() const
{
    Core::PartyInput reporter;
    reporter.link = {{u"role"_s, u"reporter"_s}};
    put(reporter.link, u"notes"_s, m_note->text());
    put(reporter.person, u"name"_s, m_name->text().simplified());
    put(reporter.person, u"phone"_s, m_phone->text());
    if (reporter.person.isEmpty() && reporter.link.size() == 1)
        return std::nullopt;
    return reporter;
}
