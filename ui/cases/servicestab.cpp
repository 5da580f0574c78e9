// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/servicestab.h"

#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/domain/validator.h"
#include "core/profile/session.h"
#include "ui/common/codelabels.h"
#include "ui/common/entryform.h"
#include "ui/common/errortext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

RecordsTab::Rows serviceRows(const RecordsTab &t, const Core::CaseFile &file)
{
    RecordsTab::Rows rows;
    for (const Core::Record &s : file.children.value(u"service"_s)) {
        rows.cells.append({t.label(u"service_type", s.text(u"service_type"_s)), s.text(u"provider"_s),
                           t.label(u"service_status", s.text(u"status"_s)), t.date(s.text(u"referred_on"_s)),
                           t.date(s.text(u"completed_on"_s))});
        rows.ids << s.id;
    }
    return rows;
}

// A victim under 18 on the incident date (today when it is unknown), by birth date or the
// estimated age; a case typed AMPK is about a child too.
bool aboutAChild(const Core::CaseFile &file, QDate today)
{
    if (file.kase.value(u"typing"_s).toStringList().contains(u"ampk"_s))
        return true;
    QDate on = QDate::fromString(file.kase.text(u"incident_on"_s), Qt::ISODate);
    if (!on.isValid())
        on = today;
    for (const Core::CaseParty &party : file.parties) {
        if (party.link.text(u"role"_s) != u"victim")
            continue;
        const QDate born = QDate::fromString(party.person.text(u"birth_date"_s), Qt::ISODate);
        if (born.isValid() && born.addYears(18) > on)
            return true;
        const QVariant age = party.person.value(u"age_estimate"_s);
        if (!born.isValid() && age.isValid() && !age.isNull() && age.toInt() < 18)
            return true;
    }
    return false;
}

} // namespace

ServicesTab::ServicesTab(Core::Session &session, const QString &language, QWidget *parent)
    : RecordsTab(session, language, tr("Services and referrals"), u"serviceTable"_s,
                 {tr("Service"), tr("Provider"), tr("Status"), tr("Referred"), tr("Completed")}, serviceRows,
                 parent)
    , m_status(new QComboBox(this))
{
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(new QLabel(tr("Selected referral:"), this));
    m_status->setObjectName(u"serviceStatusCombo"_s);
    CodeLabels::fill(m_status, session.codes(), u"service_status", language);
    row->addWidget(m_status);
    auto *update = new QPushButton(tr("Update referral"), this);
    update->setObjectName(u"updateServiceButton"_s);
    row->addWidget(update);
    column()->addLayout(row);
    m_error = addErrorLabel(u"serviceStatusError"_s);
    guardMediation(withEntryForm(u"service"_s, {u"service_type"_s, u"provider"_s, u"notes"_s}));
    withEditing([this](const Core::Record &record) {
        QDialog *dialog = openEntryEditor(
            record, {u"service_type"_s, u"provider"_s, u"referred_on"_s, u"notes"_s, u"outcome"_s});
        guardMediation(dialog->findChild<EntryForm *>());
        return dialog;
    });
    connect(update, &QPushButton::clicked, this, &ServicesTab::updateStatus);
}

void ServicesTab::fill(const Core::CaseFile &file)
{
    RecordsTab::fill(file);
    m_childSexualViolence = file.kase.value(u"violence_types"_s).toStringList().contains(u"seksual"_s)
                         && aboutAChild(file, m_session.validator().today());
}

void ServicesTab::guardMediation(EntryForm *form)
{
    auto *type = qobject_cast<QComboBox *>(form->input(u"service_type"_s));
    auto *box = new QWidget(form);
    box->setObjectName(u"mediationWarning"_s);
    box->setStyleSheet(u"#mediationWarning { background: #fdecea; border: 1px solid #b01c1c; }"_s);
    auto *column = new QVBoxLayout(box);
    auto *text = new QLabel(tr("Mediation is not allowed for sexual violence against a child (UU TPKS, "
                               "article 23). The case goes to the police and the child is accompanied; "
                               "the perpetrator's family does not settle it."),
                            box);
    text->setObjectName(u"mediationWarningText"_s);
    text->setWordWrap(true);
    text->setStyleSheet(u"color: #b01c1c; font-weight: bold"_s);
    column->addWidget(text);
    auto *confirm = new QCheckBox(tr("I have read this and still record mediation"), box);
    confirm->setObjectName(u"mediationConfirmCheck"_s);
    column->addWidget(confirm);
    box->hide();
    const auto applies = [this, type] {
        return m_childSexualViolence && type && type->currentData().toString() == u"mediation";
    };
    const auto update = [box, confirm, applies] {
        box->setVisible(applies());
        if (!applies())
            confirm->setChecked(false);
    };
    if (type)
        connect(type, &QComboBox::currentIndexChanged, box, update);
    update();
    form->addGuard(box, [confirm, applies, update] {
        update();
        return !applies() || confirm->isChecked();
    });
}

void ServicesTab::updateStatus()
{
    m_error->hide();
    const QString id = rowId(m_table);
    if (id.isEmpty())
        return;
    const Core::Status s
        = m_session.activities().update(u"service", id, {{u"status"_s, m_status->currentData().toString()}});
    if (!s) {
        showError(m_error, ErrorText::message(s.error()));
        return;
    }
    emit changed();
}
