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

Result<QList<DueFollowup>> Worklist::followups(Due due, int limit)
{
    const QDate today = m_time.today(m_clock);
    // ISO dates compare as text; the week ends six days after today.
    const QString range = due == Due::Overdue ? u"f.due_on < ?1"_s
                        : due == Due::Today   ? u"f.due_on = ?1"_s
                                              : u"f.due_on > ?1 AND f.due_on <= ?2"_s;
    Statement &query = m_db.statement(
        u"SELECT f.id, f.case_id, c.number, f.due_on FROM followups f JOIN cases c ON c.id = f.case_id "
        "WHERE f.status = 'open' AND f.deleted = 0 AND c.deleted = 0 AND "_s
        + range + u" ORDER BY f.due_on, f.id LIMIT ?3"_s);
    query.bind(1, today.toString(Qt::ISODate));
    query.bind(2, today.addDays(6).toString(Qt::ISODate));
    query.bind(3, qint64(limit));
    QList<DueFollowup> items;
    while (query.next()) {
        const QDate dueOn = QDate::fromString(query.text(3), Qt::ISODate);
        items.append({query.text(0), query.text(1), query.text(2), dueOn, dueOn < today, {}});
    }
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    return items;
}

Status Worklist::describe(QList<DueFollowup> &items, qsizetype count)
{
    const EntityDef &followup = *Schema::entity(u"followup");
    for (qsizetype i = 0; i < std::min(count, items.size()); ++i) {
        const Result<Record> record = m_reader.find(followup, items[i].id);
        if (!record)
            return record.error();
        items[i].description = record->text(u"description"_s);
    }
    return {};
}

Result<QList<WaitingCase>> Worklist::awaitingFirstVisit(int limit)
{
    Statement &query = m_db.statement(
        u"SELECT c.id, c.number, c.risk_level, c.reported_on FROM cases c WHERE c.deleted = 0 "
        "AND c.status NOT IN ('closed', 'transferred') "
        "AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.case_id = c.id AND v.deleted = 0) "
        "ORDER BY CASE c.risk_level WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 "
        "END, "
        "c.reported_on, c.id LIMIT ?"_s);
    query.bind(1, qint64(limit));
    QList<WaitingCase> cases;
    while (query.next())
        cases.append(
            {query.text(0), query.text(1), query.text(2), QDate::fromString(query.text(3), Qt::ISODate)});
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    return cases;
}

} // namespace Core
