// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/followupstab.h"

#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/clock/clock.h"
#include "core/clock/districttime.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/common/errortext.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

FollowupsTab::FollowupsTab(Core::Session &session, const QString &language, QWidget *parent)
    : CaseTab(session, language, parent)
    , m_table(addTable(u"followupTable"_s, {tr("Due"), tr("Status"), tr("Task")}))
    , m_due(new QDateEdit(this))
    , m_text(new QLineEdit(this))
{
    auto *row = new QHBoxLayout;
    m_due->setObjectName(u"followupDueEdit"_s);
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(Core::DistrictTime::dateFormat(QLocale(language)));
    row->addWidget(m_due);
    m_text->setObjectName(u"followupTextEdit"_s);
    m_text->setPlaceholderText(tr("What needs doing, e.g. accompany to the hospital for visum"));
    row->addWidget(m_text, 1);
    auto *add = new QPushButton(tr("Add follow-up"), this);
    add->setObjectName(u"addFollowupButton"_s);
    row->addWidget(add);
    auto *done = new QPushButton(tr("Mark done"), this);
    done->setObjectName(u"followupDoneButton"_s);
    row->addWidget(done);
    column()->addLayout(row);
    m_error = addErrorLabel(u"followupError"_s);
    connect(add, &QPushButton::clicked, this, &FollowupsTab::addFollowup);
    connect(m_text, &QLineEdit::returnPressed, this, &FollowupsTab::addFollowup);
    connect(done, &QPushButton::clicked, this, &FollowupsTab::markDone);
}

void FollowupsTab::fill(const Core::CaseFile &file)
{
    m_due->setDate(m_session.profile().districtTime().today(m_session.profile().clock()).addDays(7));
    QList<QStringList> rows;
    QStringList ids;
    for (const Core::Record &f : file.children.value(u"followup"_s)) {
        rows.append({date(f.text(u"due_on"_s)), label(u"followup_status", f.text(u"status"_s)),
                     f.text(u"description"_s)});
        ids << f.id;
    }
    setRows(m_table, rows, ids);
}

void FollowupsTab::addFollowup()
{
    m_error->hide();
    const Core::Result<Core::Record> added = m_session.activities().add(
        u"followup", m_caseId,
        {{u"due_on"_s, m_due->date().toString(Qt::ISODate)}, {u"description"_s, m_text->text()}});
    if (!added) {
        showError(m_error, ErrorText::message(added.error()));
        return;
    }
    m_text->clear();
    emit changed();
}

void FollowupsTab::markDone()
{
    m_error->hide();
    const QString id = rowId(m_table);
    if (id.isEmpty())
        return;
    if (const Core::Status s = m_session.activities().update(u"followup", id, {{u"status"_s, u"done"_s}});
        !s) {
        showError(m_error, ErrorText::message(s.error()));
        return;
    }
    emit changed();
}
