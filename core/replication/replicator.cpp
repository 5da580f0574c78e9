// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replication/replicator.h"

#include "core/clock/clock.h"
#include "core/clock/hlc.h"
#include "core/codes/codelists.h"
#include "core/crypto/fieldcipher.h"
#include "core/logging.h"
#include "core/changelog/changelog.h"
#include "core/sql/database.h"
#include "core/changelog/fieldclocks.h"
#include "core/changelog/schema.h"
#include "core/sql/statement.h"
#include "core/sql/transaction.h"
#include "core/changelog/valuecodec.h"

#include <QSet>
#include <QStringBuilder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

const QString createField = u"_create"_s;
const QString deletedField = u"deleted"_s;

// (hlc, site) order: the total order of writes that every replica agrees on.
int compareStamps(qint64 hlcA, const QString &siteA, qint64 hlcB, const QString &siteB)
{
    if (hlcA != hlcB)
        return hlcA < hlcB ? -1 : 1;
    return siteA.compare(siteB);
}

// How protective a safety value is: a higher rank wins a concurrent edit.
int protectiveRank(const FieldDef *field, const std::optional<QByteArray> &value)
{
    if (!value)
        return -1;
    if (field && field->type == ValueType::Bool)
        return *value == "1" ? 1 : 0;
    static const QStringList riskOrder = {u"low"_s, u"medium"_s, u"high"_s, u"critical"_s};
    return int(riskOrder.indexOf(QString::fromUtf8(*value)));
}

} // namespace

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

Result<qint64> Replicator::baseOf(const QString &entityId, const QString &field, qint64 hlc,
                                  const QString &site)
{
    Statement &query = m_log.database().statement(
        u"SELECT base FROM change_ops WHERE entity_id = ? AND field = ? AND hlc = ? AND site_id = ? LIMIT 1"_s);
    query.bind(1, entityId);
    query.bind(2, field);
    query.bind(3, hlc);
    query.bind(4, site);
    qint64 base = 0;
    if (query.next())
        base = query.int64(0);
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    return base;
}

Result<ApplyStats> Replicator::apply(const ReplicaPage &page)
{
    ApplyStats stats;
    Transaction txn(m_log.database());
    if (Status s = txn.begin(); !s)
        return s.error();
    // The HLC moves past every stamp received, persisted with the ops that carried them.
    for (const ReplicaOp &op : page.ops) {
        if (Status s = applyOne(op, stats); !s)
            return s.error();
    }
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

Status Replicator::applyOne(const ReplicaOp &received, ApplyStats &stats)
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
    if (Status s = applyToRow(op, *entity, stats); !s) {
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

// An entity belongs for ever to the case of its create (docs/SECURITY.md). The server refuses an op
// that names an entity of another case; the laptop checks again before it writes a row, so a
// server bug (or a hostile server) cannot reach another case's rows through a case this laptop
// holds: such an op is kept as `unapplied`, never written. A person belongs to the case that
// created it and to each case that links it (`case_persons`).
Status Replicator::checkBinding(const ReplicaOp &op, const EntityDef &entity)
{
    Database &db = m_log.database();
    const auto refuse = [&](const QString &why) {
        return Error{Error::Code::Refused,
                     u"%1 %2 (op of case %3): %4"_s.arg(op.entity, op.entityId, op.caseId, why),
                     {},
                     Error::Reason::OutOfScope};
    };
    if (entity.name == u"case") {
        if (op.entityId != op.caseId)
            return refuse(u"a case op must name its own case"_s);
        return {};
    }
    if (entity.caseChild) {
        Statement &owner = db.statement(u"SELECT case_id FROM "_s % entity.table % u" WHERE id = ?"_s);
        owner.bind(1, op.entityId);
        const bool found = owner.next();
        const QString caseId = found ? owner.text(0) : QString();
        const bool failed = owner.failed();
        const Error error = failed ? owner.error() : Error{};
        owner.reset();
        if (failed)
            return error;
        if (found && caseId != op.caseId)
            return refuse(u"the entity belongs to another case"_s);
        return {};
    }
    if (entity.name == u"person" && op.op != u"create"_s) {
        Statement &linked = db.statement(
            u"SELECT 1 FROM case_persons WHERE person_id = ? AND case_id = ? UNION ALL "
            "SELECT 1 FROM change_ops WHERE entity_id = ? AND field = '_create' AND entity = 'person' "
            "AND case_id = ?"_s);
        linked.bind(1, op.entityId);
        linked.bind(2, op.caseId);
        linked.bind(3, op.entityId);
        linked.bind(4, op.caseId);
        const bool found = linked.next();
        const bool failed = linked.failed();
        const Error error = failed ? linked.error() : Error{};
        linked.reset();
        if (failed)
            return error;
        if (!found)
            return refuse(u"the person is not part of this case"_s);
    }
    return {};
}

Status Replicator::applyToRow(const ReplicaOp &op, const EntityDef &entity, ApplyStats &stats)
{
    Database &db = m_log.database();
    const qint64 now = HlcStamp{quint64(op.hlc)}.ms();
    if (Status s = checkBinding(op, entity); !s)
        return s;

    if (op.op == u"create"_s) {
        Statement &exists = db.statement(u"SELECT 1 FROM "_s % entity.table % u" WHERE id = ?"_s);
        exists.bind(1, op.entityId);
        const bool found = exists.next();
        exists.reset();
        if (found)
            return {};
        FieldClocks clocks;
        clocks.setCreated(op.hlc, op.site);
        Statement &insert = db.statement(
            u"INSERT INTO "_s % entity.table
            % (entity.caseChild
                   ? u" (id, created_at, created_by, updated_at, clocks, case_id) VALUES (?,?,?,?,?,?)"_s
                   : u" (id, created_at, created_by, updated_at, clocks) VALUES (?,?,?,?,?)"_s));
        insert.bind(1, op.entityId);
        insert.bind(2, qint64(now));
        insert.bind(3, op.author);
        insert.bind(4, qint64(now));
        insert.bind(5, clocks.toString());
        if (entity.caseChild)
            insert.bind(6, op.caseId);
        return insert.exec();
    }

    const bool isDeleted = op.field == deletedField;
    const FieldDef *field = isDeleted ? nullptr : entity.field(op.field);
    if (!field && !isDeleted) {
        ++stats.kept; // a field of a newer schema
        return {};
    }

    Statement &select
        = db.statement(u"SELECT "_s % op.field % u", clocks FROM "_s % entity.table % u" WHERE id = ?"_s);
    select.bind(1, op.entityId);
    if (!select.next()) {
        const bool failed = select.failed();
        const Error error = failed ? select.error() : Error{};
        select.reset();
        if (failed)
            return error;
        ++stats.kept; // the row is not here (its case is out of scope or not yet received)
        return {};
    }
    std::optional<QByteArray> current;
    if (!select.isNull(0)) {
        if (isDeleted) {
            current = QByteArray::number(select.int64(0));
        } else if (field->kind == FieldKind::Sensitive) {
            Result<QByteArray> plain = m_log.cipher().open(
                select.blob(0), FieldCipher::associatedData(entity.name, op.entityId, field->name));
            if (!plain) {
                select.reset();
                return plain.error();
            }
            current = *plain;
        } else {
            current = ValueCodec::encode(*field, ValueCodec::fromColumn(*field, select.value(0)));
        }
    }
    FieldClocks clocks = FieldClocks::parse(select.text(1));
    select.reset();

    const auto write = [&](const std::optional<QByteArray> &value) -> Status {
        Statement &update
            = db.statement(u"UPDATE "_s % entity.table % u" SET "_s % op.field
                           % u" = ?, clocks = ?, updated_at = max(updated_at, ?) WHERE id = ?"_s);
        if (!value) {
            update.bindNull(1);
        } else if (isDeleted) {
            update.bind(1, qint64(*value == "1" ? 1 : 0));
        } else if (field->kind == FieldKind::Sensitive) {
            update.bind(1, m_log.cipher().seal(
                               *value, FieldCipher::associatedData(entity.name, op.entityId, field->name)));
        } else {
            update.bind(1, ValueCodec::toColumn(*field, ValueCodec::decode(*field, *value)));
        }
        update.bind(2, clocks.toString());
        update.bind(3, qint64(now));
        update.bind(4, op.entityId);
        return update.exec();
    };

    if (op.op == u"add"_s || op.op == u"remove"_s) {
        if (!field || field->kind != FieldKind::Set || !op.value)
            return Error{Error::Code::InvalidInput,
                         u"%1 on %2.%3 is not a set op"_s.arg(op.op, entity.name, op.field)};
        // Add-wins per element. A present element's clock is its latest add; an absent one's is
        // the latest add that a remove saw (the remove's base). An add the remove did not see
        // brings the element back; the order of arrival does not matter.
        const QString element = QString::fromUtf8(*op.value);
        QStringList set = current ? ValueCodec::decode(*field, *current).toStringList() : QStringList();
        const bool present = set.contains(element);
        const qint64 clock = clocks.element(field->name, element).hlc;
        if (op.op == u"add"_s) {
            if (present) {
                if (op.hlc <= clock)
                    return {};
                clocks.setElement(field->name, element, op.hlc, op.site);
                return write(current);
            }
            if (op.hlc <= clock)
                return {}; // a remove already saw this add
            set << element;
            set.sort();
            clocks.setElement(field->name, element, op.hlc, op.site);
            return write(ValueCodec::encode(*field, set));
        }
        if (present) {
            if (clock > op.base)
                return {}; // a concurrent add the remove did not see: add wins
            set.removeAll(element);
            clocks.setElement(field->name, element, op.base, op.site);
            return write(set.isEmpty() ? std::optional<QByteArray>() : ValueCodec::encode(*field, set));
        }
        if (op.base > clock) {
            clocks.setElement(field->name, element, op.base, op.site);
            return write(current);
        }
        return {};
    }

    if (op.op != u"set"_s)
        return Error{Error::Code::InvalidInput, u"unknown op kind %1"_s.arg(op.op)};

    const FieldClocks::Stamp stamp = clocks.field(op.field);
    const int order = compareStamps(op.hlc, op.site, stamp.hlc, stamp.site);
    if (order == 0) {
        // The row's creation stamp: a value written by the action that created the row (it
        // shares the stamp of "*"). Otherwise it is the very write that produced the value.
        return clocks.hasField(op.field) ? Status{} : write(op.value);
    }
    const bool incomingWins = order > 0;
    bool concurrent;
    if (incomingWins) {
        concurrent = op.base < stamp.hlc; // the author did not see the current value
    } else {
        const Result<qint64> currentBase = baseOf(op.entityId, op.field, stamp.hlc, stamp.site);
        if (!currentBase)
            return currentBase.error();
        concurrent = *currentBase < op.hlc; // the current value's author did not see this one
    }
    const bool differ = current != op.value;

    ConflictRecord record;
    record.entity = entity.name;
    record.entityId = op.entityId;
    record.caseId = op.caseId;
    record.field = op.field;
    if (incomingWins) {
        record.winnerSite = op.site;
        record.winnerHlc = op.hlc;
        record.winnerAuthor = op.author;
        record.winnerValue = op.value;
        record.loserSite = stamp.site;
        record.loserHlc = stamp.hlc;
        record.loserValue = current;
    } else {
        record.winnerSite = stamp.site;
        record.winnerHlc = stamp.hlc;
        record.winnerValue = current;
        record.loserSite = op.site;
        record.loserHlc = op.hlc;
        record.loserAuthor = op.author;
        record.loserValue = op.value;
    }

    if (field && field->kind == FieldKind::Safety) {
        if (concurrent && differ) {
            // Neither author saw the other: the most protective value stands until a supervisor
            // decides, under the later stamp, so every replica settles on the same value and clock.
            record.kind = u"safety"_s;
            record.detail = u"kept the most protective value until a supervisor decides"_s;
            if (Status s = addConflict(record, stats); !s)
                return s;
        }
        if (incomingWins && !concurrent) {
            if (Status s = settleConflicts(op); !s)
                return s;
        }
        // The value follows from every op on the field, whatever the order they arrived in
        // (found by the sync simulation: with three writers, merging pairwise into the current
        // value kept a value that a later edit had lowered after seeing it, on some replicas
        // only). The ops no other op saw (`base` below their stamp) are the frontier: one op
        // gives its value; several concurrent ones give the most protective, under the latest
        // stamp of them.
        struct FieldOp
        {
            qint64 hlc;
            QString site;
            qint64 base;
            std::optional<QByteArray> value;
        };
        QList<FieldOp> ops;
        Statement &all = db.statement(
            u"SELECT hlc, site_id, base, value FROM change_ops WHERE entity = ? AND entity_id = ? AND field = ? AND op = 'set'"_s);
        all.bind(1, entity.name);
        all.bind(2, op.entityId);
        all.bind(3, op.field);
        while (all.next())
            ops << FieldOp{all.int64(0), all.text(1), all.int64(2), all.optionalBlob(3)};
        const bool failed = all.failed();
        const Error error = failed ? all.error() : Error{};
        all.reset();
        if (failed)
            return error;
        const FieldOp *chosen = nullptr;
        const FieldOp *latest = nullptr;
        for (const FieldOp &o : std::as_const(ops)) {
            bool seen = false;
            for (const FieldOp &p : std::as_const(ops))
                seen = seen
                    || (&p != &o && p.base >= o.hlc && compareStamps(p.hlc, p.site, o.hlc, o.site) > 0);
            if (seen)
                continue;
            if (!latest || compareStamps(o.hlc, o.site, latest->hlc, latest->site) > 0)
                latest = &o;
            const int rank = protectiveRank(field, o.value);
            if (!chosen || rank > protectiveRank(field, chosen->value)
                || (rank == protectiveRank(field, chosen->value)
                    && compareStamps(o.hlc, o.site, chosen->hlc, chosen->site) > 0))
                chosen = &o;
        }
        if (!chosen)
            return {};
        // The newest op overall is never seen by another, so `latest` is at least the clock here.
        clocks.setField(op.field, latest->hlc, latest->site);
        return write(chosen->value);
    }
    if (concurrent && differ) {
        record.kind = field && field->kind == FieldKind::Status ? u"status"_s : u"concurrent"_s;
        if (Status s = addConflict(record, stats); !s)
            return s;
    }
    if (!incomingWins)
        return {};
    if (!concurrent) {
        if (Status s = settleConflicts(op); !s)
            return s;
    }
    clocks.setField(op.field, op.hlc, op.site);
    return write(op.value);
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
