// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/workload.h"

#include "core/sql/database.h"

#include <functional>
#include <map>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

// Open: what a caseworker still works on (the workflow's end states excluded).
QString openCase()
{
    return u"c.deleted = 0 AND coalesce(c.status, '') NOT IN ('closed', 'transferred')"_s;
}

// Runs `sql` (an aggregate grouped by assignee) with `today` bound to ?1 when it names it, and
// hands each row to `take`.
Status eachRow(Database &db, const QString &sql, const QDate &today,
               const std::function<void(Statement &)> &take)
{
    Statement &query = db.statement(sql);
    if (sql.contains(u"?1"))
        query.bind(1, today.toString(Qt::ISODate));
    while (query.next())
        take(query);
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    return {};
}

} // namespace

Workload::Workload(Database &db)
    : m_db(db)
{ }

Result<QList<WorkloadRow>> Workload::load(const QDate &today)
{
    std::map<QString, WorkloadRow> rows;
    const auto rowOf = [&](const Statement &query) -> WorkloadRow & {
        const QString assignee = query.isNull(0) ? QString() : query.text(0);
        WorkloadRow &row = rows[assignee];
        row.assignee = assignee;
        return row;
    };
    const QString cases = u"SELECT c.assigned_user, coalesce(c.status, ''), count(*), "
                          "sum(c.risk_level IN ('high', 'critical')), "
                          "sum(NOT EXISTS (SELECT 1 FROM visits v WHERE v.case_id = c.id AND v.deleted = 0)) "
                          "FROM cases c WHERE "_s
                        + openCase() + u" GROUP BY 1, 2"_s;
    if (Status s = eachRow(m_db, cases, today,
                           [&](Statement &q) {
                               WorkloadRow &row = rowOf(q);
                               const int count = int(q.int64(2));
                               row.open += count;
                               row.openByStatus[q.text(1)] += count;
                               row.highRisk += int(q.int64(3));
                               row.neverVisited += int(q.int64(4));
                           });
        !s)
        return s.error();
    // The same rule as the worklist's overdue bucket: open follow-ups due before today.
    const QString overdue
        = u"SELECT c.assigned_user, count(*) FROM followups f JOIN cases c ON c.id = f.case_id "
          "WHERE f.status = 'open' AND f.deleted = 0 AND c.deleted = 0 AND f.due_on < ?1 "
          "GROUP BY 1"_s;
    if (Status s
        = eachRow(m_db, overdue, today, [&](Statement &q) { rowOf(q).overdueFollowups = int(q.int64(1)); });
        !s)
        return s.error();
    const QString visits = u"SELECT c.assigned_user, max(v.visited_at) FROM visits v JOIN cases c ON c.id = "
                           "v.case_id WHERE v.deleted = 0 AND "_s
                         + openCase() + u" GROUP BY 1"_s;
    if (Status s = eachRow(m_db, visits, today, [&](Statement &q) { rowOf(q).lastVisitAt = q.int64(1); }); !s)
        return s.error();
    QList<WorkloadRow> out;
    out.reserve(qsizetype(rows.size()));
    for (auto &entry : rows)
        out << std::move(entry.second);
    return out;
}

} // namespace Core
