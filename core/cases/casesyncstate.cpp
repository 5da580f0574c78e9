// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/casesyncstate.h"

#include "core/changelog/changelog.h"
#include "core/sql/database.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

// Above this many unsent ops, all() reads the outbox through the case index (see there).
constexpr qint64 longOutboxOps = 20'000;

// The acknowledged end of this site's outbox, as ChangeLog::pendingCount() reads it.
const QString ackedThrough
    = u"COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'acked_through'), 0)"_s;

// Steps a statement bound by the caller through its rows, then resets it; a failed step is
// the error, never a short result.
template <typename Row> Status eachRow(Statement &query, Row row)
{
    while (query.next())
        row(query);
    if (query.failed()) {
        const Error error = query.error();
        query.reset();
        return error;
    }
    query.reset();
    return {};
}

} // namespace

CaseSyncState::Kind CaseSyncState::kind() const
{
    if (refused > 0)
        return Kind::Refused;
    if (conflicts > 0)
        return Kind::Conflict;
    return unsent > 0 ? Kind::Pending : Kind::Synced;
}

CaseSyncStates::CaseSyncStates(ChangeLog &log)
    : m_log(log)
{ }

Result<QString> CaseSyncStates::generation()
{
    QString generation;
    Statement &query = m_log.database().statement(
        u"SELECT (SELECT value FROM meta WHERE key = 'site_seq'), "_s + ackedThrough
        + u", count(*), coalesce(max(detected_at), 0), coalesce(max(resolved_at), 0) FROM conflicts"_s);
    const Status read = eachRow(query, [&](Statement &row) {
        for (int column = 0; column < 5; ++column)
            generation += row.text(column) + u'/';
    });
    if (!read)
        return read.error();
    return generation;
}

Result<QHash<QString, CaseSyncState>> CaseSyncStates::all()
{
    QHash<QString, CaseSyncState> states;
    const Result<qint64> pending = m_log.pendingCount();
    if (!pending)
        return pending.error();
    // A short outbox is a range of the primary key (site_id, site_seq), however long the log is.
    // A long one (a bulk import not sent yet: 235k ops for 5,000 demo cases) is read through
    // change_ops_case instead, which in this WITHOUT ROWID table holds (case_id, hlc, site_id,
    // site_seq): a covering index already in case order, without the sealed values or a sort
    // (half the time of the range at 5,000 unsent cases).
    const bool longOutbox = *pending > longOutboxOps;
    Statement &unsent = m_log.database().statement(
        u"SELECT case_id, count(*) FROM change_ops "_s
        + (longOutbox ? u"INDEXED BY change_ops_case WHERE case_id IS NOT NULL AND "_s : u"WHERE "_s)
        + u"site_id = ? AND site_seq > "_s + ackedThrough + u" AND case_id IS NOT NULL GROUP BY case_id"_s);
    unsent.bind(1, m_log.siteId());
    if (Status s = eachRow(unsent, [&](Statement &row) { states[row.text(0)].unsent = row.int64(1); }); !s)
        return s.error();
    Statement &open = m_log.database().statement(
        u"SELECT case_id, kind = 'rejected', count(*) FROM conflicts "
        "WHERE resolved_at IS NULL AND case_id IS NOT NULL GROUP BY case_id, kind = 'rejected'"_s);
    const Status read = eachRow(open, [&](Statement &row) {
        CaseSyncState &state = states[row.text(0)];
        (row.int64(1) != 0 ? state.refused : state.conflicts) += row.int64(2);
    });
    if (!read)
        return read.error();
    return states;
}

Result<CaseSyncState> CaseSyncStates::forCase(const QString &caseId)
{
    CaseSyncState state;
    // The unary + keeps SQLite on the case_id index, as CaseRepository::load() does.
    Statement &unsent = m_log.database().statement(
        u"SELECT count(*) FROM change_ops WHERE case_id = ? AND +site_id = ? AND +site_seq > "_s
        + ackedThrough);
    unsent.bind(1, caseId);
    unsent.bind(2, m_log.siteId());
    if (Status s = eachRow(unsent, [&](Statement &row) { state.unsent = row.int64(0); }); !s)
        return s.error();
    Statement &open = m_log.database().statement(
        u"SELECT coalesce(sum(kind <> 'rejected'), 0), coalesce(sum(kind = 'rejected'), 0) FROM conflicts "
        "WHERE case_id = ? AND resolved_at IS NULL"_s);
    open.bind(1, caseId);
    const Status read = eachRow(open, [&](Statement &row) {
        state.conflicts = row.int64(0);
        state.refused = row.int64(1);
    });
    if (!read)
        return read.error();
    return state;
}

Result<QStringList> CaseSyncStates::casesIn(const QHash<QString, CaseSyncState> &states,
                                            CaseSyncState::Kind kind)
{
    QStringList ids;
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        if (it->kind() == kind)
            ids << it.key();
    }
    if (ids.isEmpty())
        return ids;
    Statement &order = m_log.database().statement(
        u"SELECT id FROM cases WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?)) "
        "ORDER BY updated_at DESC, id DESC"_s);
    order.bind(
        1, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact)));
    QStringList ordered;
    ordered.reserve(ids.size());
    if (Status s = eachRow(order, [&](Statement &row) { ordered << row.text(0); }); !s)
        return s.error();
    return ordered;
}

} // namespace Core
