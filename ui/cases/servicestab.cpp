// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/servicestab.h"

#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "ui/common/codelabels.h"
#include "ui/common/errortext.h"

#include <QComboBox>
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
    withEntryForm(u"service"_s, {u"service_type"_s, u"provider"_s, u"notes"_s});
    connect(update, &QPushButton::clicked, this, &ServicesTab::updateStatus);
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
