// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replication/replicator.h"

#include "core/changelog/changelog.h"
#include "core/changelog/fieldclocks.h"
#include "core/changelog/schema.h"
#include "core/clock/clock.h"
#include "core/clock/hlc.h"
#include "core/codes/codelists.h"
#include "core/crypto/fieldcipher.h"
#include "core/logging.h"
#include "core/replication/rowcache.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"
#include "core/sql/transaction.h"

#include <QSet>
#include <QStringBuilder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core {

Replicator::Replicator(ChangeLog &log)
    : m_log(log)
{ }

Result<QList<ReplicaOp>> Replicator::outbox(qint64 afterSeq, int max)
{
    Statement &query = m_log.database().statement(
        u"SELECT site_seq, txn_id, entity, entity_id, case_id, field, op, value, hlc, author, base, "
        "schema_version FROM change_ops WHERE site_id = ? AND site_seq > ? ORDER BY site_seq LIMIT ?"_s);
    query.bind(1, m_log.siteId());
    query.bind(2, afterSeq);
    query.bind(3, qint64(max));
    QList<ReplicaOp> ops;
    while (query.next()) {
        ReplicaOp op;
        op.site = m_log.siteId();
        op.seq = query.int64(0);
        op.txn = query.text(1);
        op.entity = query.text(2);
        op.entityId = query.text(3);
        op.caseId = query.text(4);
        op.field = query.text(5);
        op.op = query.text(6);
        op.value = query.optionalBlob(7);
        op.hlc = query.int64(8);
        op.author = query.text(9);
        op.base = query.int64(10);
        op.schemaVersion = int(query.int64(11));
        if (op.value && ChangeLog::sealsValue(op.entity, op.field, op.schemaVersion)) {
            Result<QByteArray> plain
                = m_log.cipher().open(*op.value, ChangeLog::opAssociatedData(op.entity, op.entityId, op.field,
                                                                             op.site, op.seq, op.op));
            if (!plain) {
                query.reset();
                return plain.error();
            }
            op.value = *plain;
        }
        ops << op;
    }
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    return ops;
}

Result<qint64> Replicator::ackedThrough()
{
    const Result<QString> acked = m_log.meta(u"acked_through"_s);
    if (!acked)
        return acked.error().code == Error::Code::NotFound ? Result<qint64>(0)
                                                           : Result<qint64>(acked.error());
    return acked->toLongLong();
}

Status Replicator::setAckedThrough(qint64 seq)
{
    Transaction txn(m_log.database());
    if (Status s = txn.begin(); !s)
        return s;
    const Result<qint64> current = ackedThrough();
    if (!current)
        return current.error();
    if (seq <= *current)
        return {};
    if (Status s = m_log.setMeta(u"acked_through"_s, QString::number(seq)); !s)
        return s;
    return txn.commit();
}

Status Replicator::storeOp(const ReplicaOp &op)
{
    Statement &insert = m_log.database().statement(
        u"INSERT INTO change_ops (site_id, site_seq, txn_id, entity, entity_id, case_id, field, op, value, "
        "hlc, author, base, schema_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
    insert.bind(1, op.site);
    insert.bind(2, op.seq);
    insert.bind(3, op.txn);
    insert.bind(4, op.entity);
    insert.bind(5, op.entityId);
    insert.bind(6, op.caseId.isEmpty() ? QString() : op.caseId);
    insert.bind(7, op.field);
    insert.bind(8, op.op);
    if (!op.value)
        insert.bindNull(9);
    else if (ChangeLog::sealsValue(op.entity, op.field, op.schemaVersion))
        insert.bind(
            9, m_log.cipher().seal(*op.value, ChangeLog::opAssociatedData(op.entity, op.entityId, op.field,
                                                                          op.site, op.seq, op.op)));
    else
        insert.bind(9, *op.value);
    insert.bind(10, op.hlc);
    insert.bind(11, op.author);
    insert.bind(12, op.base);
    insert.bind(13, qint64(op.schemaVersion));
    return insert.exec();
}

Result<ApplyStats> Replicator::apply(const ReplicaPage &page)
{
    ApplyStats stats;
    Transaction txn(m_log.database());
    if (Status s = txn.begin(); !s)
        return s.error();
    // The HLC moves past every stamp received, persisted with the ops that carried them. The
    // rows the ops change are written once each, after the last op (RowCache).
    RowCache rows(m_log.database(), m_log.cipher());
    for (const ReplicaOp &op : page.ops) {
        if (Status s = applyOne(op, stats, rows); !s)
            return s.error();
    }
    if (Status s = rows.flush(); !s)
        return s.error();
    if (!page.ops.isEmpty()) {
        if (Status s = m_log.setMeta(u"hlc"_s, QString::number(qint64(m_log.hlc().last().packed))); !s)
            return s.error();
    }
    for (const QString &caseId : page.purge) {
        if (Status s = purgeCase(caseId, stats); !s)
            return s.error();
    }
    if (Status s = keepReturnedCases(page); !s)
        return s.error();
    for (auto it = page.meta.cbegin(); it != page.meta.cend(); ++it) {
        if (Status s = m_log.setMeta(it.key(), it.value()); !s)
            return s.error();
    }
    if (Status s = txn.commit(); !s)
        return s.error();
    return stats;
}

Status Replicator::applyOne(const ReplicaOp &received, ApplyStats &stats, RowCache &rows)
{
    // Held and merged under the field's current name (an op of an older schema may name a field
    // renamed since), so clocks, conflicts and the log agree whichever name each author used.
    ReplicaOp op = received;
    op.field = Schema::currentFieldName(op.entity, op.field, op.schemaVersion);
    {
        Statement &seen
            = m_log.database().statement(u"SELECT 1 FROM change_ops WHERE site_id = ? AND site_seq = ?"_s);
        seen.bind(1, op.site);
        seen.bind(2, op.seq);
        const bool held = seen.next();
        const bool failed = seen.failed();
        const Error error = failed ? seen.error() : Error{};
        seen.reset();
        if (failed)
            return error;
        if (held) {
            ++stats.duplicates;
            return {};
        }
    }
    // An op of ours coming back (a snapshot after a reset, or a restored server) is only stored
    // if we lost it ourselves; our own rows already hold it.
    if (Status s = storeOp(op); !s)
        return s;
    ++stats.applied;
    m_log.hlc().observe(HlcStamp{quint64(op.hlc)});
    if (!op.unreadable.isEmpty()) {
        qCWarning(lcStore) << "op" << op.site << op.seq << "kept unapplied:" << op.unreadable;
        ++stats.kept;
        ConflictRecord record;
        record.kind = u"unapplied"_s;
        record.entity = op.entity;
        record.entityId = op.entityId;
        record.caseId = op.caseId;
        record.field = op.field;
        record.loserSite = op.site;
        record.loserHlc = op.hlc;
        record.loserAuthor = op.author;
        record.detail = op.unreadable;
        return addConflict(record, stats);
    }
    const EntityDef *entity = Schema::entity(op.entity);
    if (!entity) {
        ++stats.kept; // an entity of a newer schema: kept in the log, applied after an upgrade
        return {};
    }
    // Each op applies inside a savepoint: one that cannot apply (a row that is not here, a
    // value this build cannot read) is kept in the log and reported, and never blocks the page.
    Transaction savepoint(m_log.database());
    if (Status s = savepoint.begin(); !s)
        return s;
    if (Status s = applyToRow(op, *entity, stats, rows); !s) {
        savepoint.rollback();
        if (s.error().code == Error::Code::StoreUnavailable)
            return s; // the disk, not the op: fail the page, retry later
        qCWarning(lcStore) << "op" << op.site << op.seq << "kept unapplied:" << s.error().detail;
        ++stats.kept;
        ConflictRecord record;
        record.kind = u"unapplied"_s;
        record.entity = op.entity;
        record.entityId = op.entityId;
        record.caseId = op.caseId;
        record.field = op.field;
        record.loserSite = op.site;
        record.loserHlc = op.hlc;
        record.loserAuthor = op.author;
        record.detail = s.error().detail;
        return addConflict(record, stats);
    }
    return savepoint.commit();
}

namespace {

struct OwnOp
{
    QString entity, entityId, caseId, field, op, author;
    std::optional<QByteArray> value;
    qint64 hlc = 0;
    int schemaVersion = 0;
};

// One op of this site, its value opened and its field under the current name.
Result<OwnOp> readOwnOp(ChangeLog &log, qint64 seq)
{
    Statement &query = log.database().statement(
        u"SELECT entity, entity_id, case_id, field, op, value, hlc, author, schema_version FROM change_ops "
        "WHERE site_id = ? AND site_seq = ?"_s);
    query.bind(1, log.siteId());
    query.bind(2, seq);
    if (!query.next()) {
        const Error error = query.failed()
                              ? query.error()
                              : Error{Error::Code::NotFound, u"op %1 of this site not found"_s.arg(seq)};
        query.reset();
        return error;
    }
    OwnOp op{query.text(0), query.text(1),         query.text(2),  query.text(3),      query.text(4),
             query.text(7), query.optionalBlob(5), query.int64(6), int(query.int64(8))};
    query.reset();
    if (op.value && ChangeLog::sealsValue(op.entity, op.field, op.schemaVersion)) {
        Result<QByteArray> plain
            = log.cipher().open(*op.value, ChangeLog::opAssociatedData(op.entity, op.entityId, op.field,
                                                                       log.siteId(), seq, op.op));
        if (!plain)
            return plain.error();
        op.value = *plain;
    }
    op.field = Schema::currentFieldName(op.entity, op.field, op.schemaVersion);
    return op;
}

} // namespace

Status Replicator::recordRejection(qint64 seq, const QString &reason)
{
    Result<OwnOp> own = readOwnOp(m_log, seq);
    if (!own)
        return own.error();
    ConflictRecord record;
    record.kind = u"rejected"_s;
    record.entity = own->entity;
    record.entityId = own->entityId;
    record.caseId = own->caseId;
    record.field = own->field;
    record.loserSite = m_log.siteId();
    record.loserHlc = own->hlc;
    record.loserAuthor = own->author;
    record.loserValue = own->value;
    record.detail = u"server refused op %1: %2"_s.arg(seq).arg(reason);
    Transaction txn(m_log.database());
    if (Status s = txn.begin(); !s)
        return s;
    ApplyStats stats;
    if (Status s = addConflict(record, stats); !s)
        return s;
    return txn.commit();
}

Status Replicator::adoptServerStamp(qint64 seq, qint64 hlc)
{
    Result<OwnOp> own = readOwnOp(m_log, seq);
    if (!own)
        return own.error();
    const EntityDef *entity = Schema::entity(own->entity);
    if (!entity)
        return Error{Error::Code::Internal, u"unknown entity %1"_s.arg(own->entity)};
    Database &db = m_log.database();
    Transaction txn(db);
    if (Status s = txn.begin(); !s)
        return s;
    Statement &op = db.statement(u"UPDATE change_ops SET hlc = ? WHERE site_id = ? AND site_seq = ?"_s);
    op.bind(1, hlc);
    op.bind(2, m_log.siteId());
    op.bind(3, seq);
    if (Status s = op.exec(); !s)
        return s;
    // Our ops written after this one and before the reply name its original stamp as their
    // `base` (the value they saw). The server stores them with the clamped stamp there (push: "a
    // base naming a clamped stamp of this site is translated"), so every other replica judges
    // them against it; so must we, or the safety frontier and the concurrency checks differ here
    // alone (sync simulation, seed 1091: our later edit hid another laptop's concurrent
    // do-not-contact from the frontier here, not elsewhere). The server's rule: this site's
    // ops whose base is the original; only later ones can have seen it (a range of the key).
    if (own->hlc != hlc) {
        Statement &bases = db.statement(
            u"UPDATE change_ops SET base = ? WHERE site_id = ? AND site_seq > ? AND base = ?"_s);
        bases.bind(1, hlc);
        bases.bind(2, m_log.siteId());
        bases.bind(3, seq);
        bases.bind(4, own->hlc);
        if (Status s = bases.exec(); !s)
            return s;
    }
    Statement &select = db.statement(u"SELECT clocks FROM "_s % entity->table % u" WHERE id = ?"_s);
    select.bind(1, own->entityId);
    if (select.next()) {
        FieldClocks clocks = FieldClocks::parse(select.text(0));
        select.reset();
        const QString &site = m_log.siteId();
        const auto ours = [&](const FieldClocks::Stamp &s) { return s.hlc == own->hlc && s.site == site; };
        bool changed = false;
        if (own->op == u"create"_s) {
            if (ours(clocks.field(u"*"_s))) {
                clocks.setCreated(hlc, site);
                changed = true;
            }
        } else if ((own->op == u"add"_s || own->op == u"remove"_s) && own->value) {
            const QString element = QString::fromUtf8(*own->value);
            if (own->op == u"add"_s && ours(clocks.element(own->field, element))) {
                clocks.setElement(own->field, element, hlc, site);
                changed = true;
            }
        } else if (!clocks.hasField(own->field) || ours(clocks.field(own->field))) {
            // A field without a clock of its own still holds the value written at creation,
            // i.e. by this op.
            clocks.setField(own->field, hlc, site);
            changed = true;
        }
        if (changed) {
            Statement &update
                = db.statement(u"UPDATE "_s % entity->table % u" SET clocks = ? WHERE id = ?"_s);
            update.bind(1, clocks.toString());
            update.bind(2, own->entityId);
            if (Status s = update.exec(); !s)
                return s;
        }
    } else {
        select.reset();
    }
    return txn.commit();
}

} // namespace Core
