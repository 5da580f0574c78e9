// SPDX-License-Identifier: GPL-3.0-or-later
// Replicator, conflict records: what apply keeps for review (sealed with the data key, side by
// side), how a later edit settles them, and how they are listed and closed.
#include "core/changelog/changelog.h"
#include "core/clock/clock.h"
#include "core/crypto/fieldcipher.h"
#include "core/replication/replicator.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"
#include "core/sql/transaction.h"
#include "core/util/uuid.h"

using namespace Qt::StringLiterals;

namespace Core {

Status Replicator::addConflict(ConflictRecord record, ApplyStats &stats)
{
    record.id = newUuidV7(m_log.clock().nowMs());
    const auto seal = [&](const std::optional<QByteArray> &value, QStringView side) -> QByteArray {
        if (!value)
            return {};
        return m_log.cipher().seal(*value, FieldCipher::associatedData(u"conflict", record.id, side));
    };
    Statement &insert = m_log.database().statement(
        u"INSERT OR IGNORE INTO conflicts (id, kind, entity, entity_id, case_id, field, winner_site, "
        "winner_hlc, winner_author, winner_value, loser_site, loser_hlc, loser_author, loser_value, detail, "
        "detected_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    insert.bind(1, record.id);
    insert.bind(2, record.kind);
    insert.bind(3, record.entity);
    insert.bind(4, record.entityId);
    insert.bind(5, record.caseId.isEmpty() ? QString() : record.caseId);
    insert.bind(6, record.field);
    insert.bind(7, record.winnerSite.isEmpty() ? QString() : record.winnerSite);
    insert.bind(8, record.winnerHlc);
    insert.bind(9, record.winnerAuthor.isEmpty() ? QString() : record.winnerAuthor);
    insert.bind(10, seal(record.winnerValue, u"winner"));
    insert.bind(11, record.loserSite);
    insert.bind(12, record.loserHlc);
    insert.bind(13, record.loserAuthor.isEmpty() ? QString() : record.loserAuthor);
    insert.bind(14, seal(record.loserValue, u"loser"));
    insert.bind(15, record.detail.isEmpty() ? QString() : record.detail);
    insert.bind(16, m_log.clock().nowMs());
    if (Status s = insert.exec(); !s)
        return s;
    if (insert.changes() > 0)
        ++stats.conflicts;
    return {};
}

// An edit made after seeing both sides of earlier conflicts on its field settles them.
Status Replicator::settleConflicts(const ReplicaOp &op)
{
    Statement &settle = m_log.database().statement(
        u"UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = 'superseded' WHERE entity_id = "
        u"? "
        "AND field = ? AND resolved_at IS NULL AND kind <> 'rejected' AND winner_hlc <= ? AND loser_hlc <= ?"_s);
    settle.bind(1, m_log.clock().nowMs());
    settle.bind(2, op.author);
    settle.bind(3, op.entityId);
    settle.bind(4, op.field);
    settle.bind(5, op.base);
    settle.bind(6, op.base);
    return settle.exec();
}

Result<qint64> Replicator::openConflictCount(const QString &caseId)
{
    Statement &query = m_log.database().statement(
        u"SELECT count(*) FROM conflicts WHERE resolved_at IS NULL AND (?1 = '' OR case_id = ?1)"_s);
    query.bind(1, caseId.isNull() ? u""_s : caseId);
    const bool found = query.next();
    const qint64 count = found ? query.int64(0) : 0;
    const Error error = query.failed() ? query.error() : Error{};
    query.reset();
    if (!found)
        return error;
    return count;
}

Result<QList<ConflictRecord>> Replicator::conflicts(bool includeResolved)
{
    Statement &query = m_log.database().statement(
        u"SELECT id, kind, entity, entity_id, case_id, field, winner_site, winner_hlc, winner_author, "
        u"winner_value, "
        "loser_site, loser_hlc, loser_author, loser_value, detail, detected_at, resolved_at, resolved_by, "
        "resolution "
        "FROM conflicts WHERE (?1 OR resolved_at IS NULL) ORDER BY detected_at, id"_s);
    query.bind(1, qint64(includeResolved ? 1 : 0));
    QList<ConflictRecord> out;
    while (query.next()) {
        ConflictRecord r;
        r.id = query.text(0);
        r.kind = query.text(1);
        r.entity = query.text(2);
        r.entityId = query.text(3);
        r.caseId = query.text(4);
        r.field = query.text(5);
        r.winnerSite = query.text(6);
        r.winnerHlc = query.int64(7);
        r.winnerAuthor = query.text(8);
        r.winnerValue = query.optionalBlob(9);
        r.loserSite = query.text(10);
        r.loserHlc = query.int64(11);
        r.loserAuthor = query.text(12);
        r.loserValue = query.optionalBlob(13);
        r.detail = query.text(14);
        r.detectedAt = query.int64(15);
        r.resolvedAt = query.int64(16);
        r.resolvedBy = query.text(17);
        r.resolution = query.text(18);
        out << r;
    }
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    for (ConflictRecord &r : out) {
        for (auto [value, side] :
             {std::pair{&r.winnerValue, u"winner"}, std::pair{&r.loserValue, u"loser"}}) {
            if (!*value)
                continue;
            Result<QByteArray> plain
                = m_log.cipher().open(**value, FieldCipher::associatedData(u"conflict", r.id, side));
            if (!plain)
                return plain.error();
            *value = *plain;
        }
    }
    return out;
}

Result<ConflictRecord> Replicator::conflict(const QString &id)
{
    Result<QList<ConflictRecord>> all = conflicts(true);
    if (!all)
        return all.error();
    for (const ConflictRecord &r : *all) {
        if (r.id == id)
            return r;
    }
    return Error{Error::Code::NotFound, u"conflict %1 not found"_s.arg(id)};
}

Status Replicator::markResolved(const QString &id, const QString &by, const QString &resolution, qint64 at)
{
    Transaction txn(m_log.database());
    if (Status s = txn.begin(); !s)
        return s;
    Statement &update = m_log.database().statement(
        u"UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL"_s);
    update.bind(1, at);
    update.bind(2, by);
    update.bind(3, resolution);
    update.bind(4, id);
    if (Status s = update.exec(); !s)
        return s;
    if (update.changes() == 0)
        return Error{Error::Code::NotFound, u"no open conflict %1"_s.arg(id)};
    return txn.commit();
}

} // namespace Core
