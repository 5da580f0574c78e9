// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/peopletab.h"

#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "ui/cases/persondialog.h"
#include "ui/common/errortext.h"
#include "ui/common/recorddetail.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

RecordsTab::Rows peopleRows(const RecordsTab &t, const Core::CaseFile &file)
{
    RecordsTab::Rows out;
    for (const Core::CaseParty &party : file.parties) {
        const Core::Record &p = party.person;
        QString born = t.date(p.text(u"birth_date"_s));
        if (born.isEmpty() && p.value(u"age_estimate"_s).isValid())
            born = PeopleTab::tr("about %n year(s)", nullptr, p.value(u"age_estimate"_s).toInt());
        // A reporter's relation to the victim is typed as text (the link's notes), not a code.
        QString relationship = t.label(u"perpetrator_relationship", party.link.text(u"relationship"_s));
        if (party.link.text(u"relationship"_s).isEmpty())
            relationship = party.link.text(u"notes"_s);
        out.cells.append({t.label(u"person_role", party.link.text(u"role"_s)), p.text(u"name"_s),
                          t.label(u"sex", p.text(u"sex"_s)), born, p.text(u"nik"_s), relationship,
                          p.text(u"phone"_s)});
        out.ids << party.link.id;
    }
    return out;
}

} // namespace

PeopleTab::PeopleTab(Core::Session &session, const QString &language, QWidget *parent)
    : RecordsTab(session, language, tr("People"), u"peopleTable"_s,
                 {tr("Role"), tr("Name"), tr("Sex"), tr("Birth date / age"), tr("NIK"), tr("Relationship"),
                  tr("Phone")},
                 peopleRows, parent)
{
    QHBoxLayout *row = addRecordActions(m_table);
    auto *remove = new QAction(tr("Remove role"), m_table);
    m_table->addAction(remove);
    auto *removeButton = new QPushButton(remove->text(), this);
    removeButton->setObjectName(u"removeRoleButton"_s);
    row->addWidget(removeButton);
    auto *add = new QPushButton(tr("Add person…"), this);
    add->setObjectName(u"addPersonButton"_s);
    row->insertWidget(0, add);
    m_error = addErrorLabel(u"peopleError"_s);
    connect(remove, &QAction::triggered, this, [this] {
        if (const QString id = rowId(m_table); !id.isEmpty())
            removeRole(id);
    });
    connect(removeButton, &QPushButton::clicked, remove, &QAction::trigger);
    connect(add, &QPushButton::clicked, this, &PeopleTab::addPerson);
}

std::optional<Core::CaseParty> PeopleTab::party(const QString &linkId) const
{
    const Core::Result<Core::CaseFile> file = m_session.cases().load(m_caseId);
    if (!file)
        return std::nullopt;
    for (const Core::CaseParty &p : file->parties) {
        if (p.link.id == linkId)
            return p;
    }
    return std::nullopt;
}

RecordDetail *PeopleTab::showDetail(const QString &linkId)
{
    const std::optional<Core::CaseParty> p = party(linkId);
    if (!p)
        return nullptr;
    auto *detail = new RecordDetail(m_session, {p->person, p->link}, m_language, this);
    showDialog(detail);
    return detail;
}

QDialog *PeopleTab::editEntry(const QString &linkId)
{
    const std::optional<Core::CaseParty> p = party(linkId);
    if (!p)
        return nullptr;
    auto *dialog = new PersonDialog(m_session, m_caseId, m_language, this);
    dialog->edit(*p);
    connect(dialog, &PersonDialog::personSaved, this, &CaseTab::changed);
    return showDialog(dialog);
}

QDialog *PeopleTab::addPerson()
{
    auto *dialog = new PersonDialog(m_session, m_caseId, m_language, this);
    connect(dialog, &PersonDialog::personSaved, this, &CaseTab::changed);
    return showDialog(dialog);
}

QDialog *PeopleTab::removeRole(const QString &linkId)
{
    m_error->hide();
    const std::optional<Core::CaseParty> p = party(linkId);
    if (!p)
        return nullptr;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"removeRoleDialog"_s);
    dialog->setWindowTitle(tr("Remove role"));
    auto *layout = new QVBoxLayout(dialog);
    const QString name = p->person.text(u"name"_s).isEmpty() ? tr("this person") : p->person.text(u"name"_s);
    auto *text = new QLabel(tr("Take %1 out of this case as %2? The person's record is kept, and the change "
                               "shows in the history.")
                                .arg(name, label(u"person_role", p->link.text(u"role"_s))),
                            dialog);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(dialog);
    QPushButton *confirm = buttons->addButton(tr("Remove role"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(u"confirmRemoveRoleButton"_s);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole)
        ->setObjectName(u"cancelRemoveRoleButton"_s);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, linkId] {
        dialog->accept();
        if (const Core::Status s = m_session.cases().removeParty(m_caseId, linkId); !s) {
            showError(m_error, ErrorText::message(s.error()));
            return;
        }
        emit changed();
    });
    return showDialog(dialog);
}
