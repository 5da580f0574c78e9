// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/worklist.h"

#include "core/cases/recordreader.h"
#include "core/changelog/schema.h"
#include "core/sql/database.h"

using namespace Qt::StringLiterals;

namespace Core {

Worklist::Worklist(Database &db, RecordReader &reader, const Clock &clock, DistrictTime time)
    : m_db(db)
    , m_reader(reader)
    , m_clock(clock)
    , m_time(time)
{ }

Result<QList<DueFollowup>> Worklist::followupsDue(int limit)
{
    const QDate today = m_time.today(m_clock);
    Statement &query = m_db.statement(
        u"SELECT f.id, f.case_id, c.number, f.due_on FROM followups f JOIN cases c ON c.id = f.case_id "
        "WHERE f.status = 'open' AND f.deleted = 0 AND c.deleted = 0 AND f.due_on <= ? "
        "ORDER BY f.due_on, f.id LIMIT ?"_s);
    query.bind(1, today.toString(Qt::ISODate));
    query.bind(2, qint64(limit));
    QList<DueFollowup> due;
    while (query.next()) {
        const QDate dueOn = QDate::fromString(query.text(3), Qt::ISODate);
        due.append({query.text(0), query.text(1), query.text(2), dueOn, dueOn < today, {}});
    }
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    // The description is sensitive: decrypt the few rows shown, not the table.
    const EntityDef &followup = *Schema::entity(u"followup");
    for (DueFollowup &item : due) {
        const Result<Record> record = m_reader.find(followup, item.id);
        if (!record)
            return record.error();
        item.description = record->text(u"description"_s);
    }
    return due;
}

Result<QList<UrgentCase>> Worklist::urgentCases(int limit)
{
    // Tinggi and Kritis together, most recently changed first: ordering Kritis first let a long
    // Kritis list push every Tinggi case (a child still living next to her abuser) past the limit.
    Statement &query
        = m_db.statement(u"SELECT id, number, risk_level, status FROM cases WHERE deleted = 0 "
                         "AND risk_level IN ('high', 'critical') AND status NOT IN ('closed', 'transferred') "
                         "ORDER BY updated_at DESC, id DESC LIMIT ?"_s);
    query.bind(1, qint64(limit));
    QList<UrgentCase> cases;
    while (query.next())
        cases.append({query.text(0), query.text(1), query.text(2), query.text(3)});
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    return cases;
}

} // namespace Core
