// SPDX-License-Identifier: GPL-3.0-or-later
// Replicator, applying: how one received op changes the row it names. The merge rules per field
// kind are in replicator.h; each step below is one of them.
#include "core/changelog/changelog.h"
#include "core/changelog/fieldclocks.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/clock/hlc.h"
#include "core/crypto/fieldcipher.h"
#include "core/replication/replicator.h"
#include "core/replication/rowcache.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"

#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

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

// A create makes the row with only its creation stamp; a create of a row already here is a no-op.
Status createRow(Database &db, RowCache &rows, const ReplicaOp &op, const EntityDef &entity)
{
    const Result<RowCache::Row *> existing = rows.row(entity, op.entityId);
    if (!existing)
        return existing.error();
    if (*existing)
        return {};
    const qint64 now = qint64(HlcStamp{quint64(op.hlc)}.ms());
    FieldClocks clocks;
    clocks.setCreated(op.hlc, op.site);
    Statement &insert = db.statement(
        u"INSERT INTO "_s % entity.table
        % (entity.caseChild
               ? u" (id, created_at, created_by, updated_at, clocks, case_id) VALUES (?,?,?,?,?,?)"_s
               : u" (id, created_at, created_by, updated_at, clocks) VALUES (?,?,?,?,?)"_s));
    insert.bind(1, op.entityId);
    insert.bind(2, now);
    insert.bind(3, op.author);
    insert.bind(4, now);
    insert.bind(5, clocks.toString());
    if (entity.caseChild)
        insert.bind(6, op.caseId);
    return insert.exec();
}

// The record of a disagreement between the incoming op and the value the row holds (its kind
// is set by the caller).
ConflictRecord conflictRecord(const ReplicaOp &op, const EntityDef &entity, const FieldClocks::Stamp &stamp,
                              const std::optional<QByteArray> &current, bool incomingWins)
{
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
    return record;
}

// One `set` of a field, as the change log holds it.
struct FieldOp
{
    qint64 hlc;
    QString site;
    qint64 base;
    std::optional<QByteArray> value;
};

Result<QList<FieldOp>> fieldSets(Database &db, const QString &entity, const QString &entityId,
                                 const QString &field)
{
    QList<FieldOp> ops;
    Statement &all = db.statement(
        u"SELECT hlc, site_id, base, value FROM change_ops WHERE entity = ? AND entity_id = ? AND field = ? AND op = 'set'"_s);
    all.bind(1, entity);
    all.bind(2, entityId);
    all.bind(3, field);
    while (all.next())
        ops << FieldOp{all.int64(0), all.text(1), all.int64(2), all.optionalBlob(3)};
    const bool failed = all.failed();
    const Error error = failed ? all.error() : Error{};
    all.reset();
    if (failed)
        return error;
    return ops;
}

// The frontier of a safety field's sets: the ops no other op saw (`base` below their stamp).
// `chosen` gives the value (the most protective, the later stamp between equals); `latest` the
// clock. Both null when there is no set at all.
struct SafetyOutcome
{
    const FieldOp *chosen = nullptr;
    const FieldOp *latest = nullptr;
};

SafetyOutcome safetyFrontier(const FieldDef *field, const QList<FieldOp> &ops)
{
    SafetyOutcome outcome;
    for (const FieldOp &o : ops) {
        bool seen = false;
        for (const FieldOp &p : ops)
            seen = seen || (&p != &o && p.base >= o.hlc && compareStamps(p.hlc, p.site, o.hlc, o.site) > 0);
        if (seen)
            continue;
        if (!outcome.latest || compareStamps(o.hlc, o.site, outcome.latest->hlc, outcome.latest->site) > 0)
            outcome.latest = &o;
        const FieldOp *chosen = outcome.chosen;
        const int rank = protectiveRank(field, o.value);
        if (!chosen || rank > protectiveRank(field, chosen->value)
            || (rank == protectiveRank(field, chosen->value)
                && compareStamps(o.hlc, o.site, chosen->hlc, chosen->site) > 0))
            outcome.chosen = &o;
    }
    return outcome;
}

} // namespace

// One field of one row while an op applies to it: the value it holds now (ValueCodec bytes,
// decrypted; the `deleted` flag as a number) and the row's clocks, and the one way to write the
// field back (with the clocks, `updated_at` never moving back), through the page's RowCache.
class Replicator::FieldRow final
{
public:
    FieldRow(Database &db, RowCache &rows, RowCache::Row &row, const FieldDef *field, const ReplicaOp &op)
        : m_db(db)
        , m_rows(rows)
        , m_row(row)
        , m_entity(*row.entity)
        , m_field(field)
        , m_op(op)
    { }

    Status read();
    Status write(const std::optional<QByteArray> &value);
    // add/remove of a set element: add-wins per element.
    Status applyElement();
    // A safety field's value follows from every set of it in the log, whatever the order they
    // arrived in.
    Status settleSafety();

    const FieldDef *field() const { return m_field; }
    std::optional<QByteArray> current;
    FieldClocks clocks;

private:
    Database &m_db;
    RowCache &m_rows;
    RowCache::Row &m_row;
    const EntityDef &m_entity;
    const FieldDef *m_field; // null for the `deleted` flag
    const ReplicaOp &m_op;
};

Status Replicator::FieldRow::read()
{
    Result<std::optional<QByteArray>> value = m_rows.value(m_row, m_field, m_op.field);
    if (!value)
        return value.error();
    current = *value;
    clocks = m_row.clocks;
    return {};
}

Status Replicator::FieldRow::write(const std::optional<QByteArray> &value)
{
    return m_rows.write(m_row, m_field, m_op.field, value, clocks, qint64(HlcStamp{quint64(m_op.hlc)}.ms()));
}

Status Replicator::FieldRow::applyElement()
{
    const ReplicaOp &op = m_op;
    if (!m_field || m_field->kind != FieldKind::Set || !op.value)
        return Error{Error::Code::InvalidInput,
                     u"%1 on %2.%3 is not a set op"_s.arg(op.op, m_entity.name, op.field)};
    // Add-wins per element. A present element's clock is its latest add; an absent one's is
    // the latest add that a remove saw (the remove's base). An add the remove did not see
    // brings the element back; the order of arrival does not matter.
    const QString element = QString::fromUtf8(*op.value);
    QStringList set = current ? ValueCodec::decode(*m_field, *current).toStringList() : QStringList();
    const bool present = set.contains(element);
    const qint64 clock = clocks.element(m_field->name, element).hlc;
    if (op.op == u"add"_s) {
        if (op.hlc <= clock)
            return {}; // already added at this stamp or later, or a remove already saw this add
        if (!present) {
            set << element;
            set.sort();
        }
        clocks.setElement(m_field->name, element, op.hlc, op.site);
        return write(present ? current : ValueCodec::encode(*m_field, set));
    }
    if (present) {
        if (clock > op.base)
            return {}; // a concurrent add the remove did not see: add wins
        set.removeAll(element);
        clocks.setElement(m_field->name, element, op.base, op.site);
        return write(set.isEmpty() ? std::optional<QByteArray>() : ValueCodec::encode(*m_field, set));
    }
    if (op.base > clock) {
        clocks.setElement(m_field->name, element, op.base, op.site);
        return write(current);
    }
    return {};
}

Status Replicator::FieldRow::settleSafety()
{
    // Found by the sync simulation: with three writers, merging pairwise into the current value
    // kept a value that a later edit had lowered after seeing it, on some replicas only. One op
    // on the frontier gives its value; several concurrent ones give the most protective, under
    // the latest stamp of them.
    const Result<QList<FieldOp>> ops = fieldSets(m_db, m_entity.name, m_op.entityId, m_op.field);
    if (!ops)
        return ops.error();
    const SafetyOutcome outcome = safetyFrontier(m_field, *ops);
    if (!outcome.chosen)
        return {};
    // The newest op overall is never seen by another, so `latest` is at least the clock here.
    clocks.setField(m_op.field, outcome.latest->hlc, outcome.latest->site);
    return write(outcome.chosen->value);
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

// An entity belongs for ever to the case of its create (docs/SECURITY.md). The server refuses an op
// that names an entity of another case; the laptop checks again before it writes a row, so a
// server bug (or a hostile server) cannot reach another case's rows through a case this laptop
// holds: such an op is kept as `unapplied`, never written. A person belongs to the case that
// created it and to each case that links it (`case_persons`).
Status Replicator::checkBinding(const ReplicaOp &op, const EntityDef &entity, RowCache &rows)
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
        const Result<RowCache::Row *> owner = rows.row(entity, op.entityId);
        if (!owner)
            return owner.error();
        const bool found = *owner != nullptr;
        const QString caseId = found ? (*owner)->caseId : QString();
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

Status Replicator::applyToRow(const ReplicaOp &op, const EntityDef &entity, ApplyStats &stats, RowCache &rows)
{
    if (Status s = checkBinding(op, entity, rows); !s)
        return s;
    if (op.op == u"create"_s)
        return createRow(m_log.database(), rows, op, entity);

    const bool isDeleted = op.field == deletedField;
    const FieldDef *field = isDeleted ? nullptr : entity.field(op.field);
    if (!field && !isDeleted) {
        ++stats.kept; // a field of a newer schema
        return {};
    }
    const Result<RowCache::Row *> found = rows.row(entity, op.entityId);
    if (!found)
        return found.error();
    if (!*found) {
        ++stats.kept; // the row is not here (its case is out of scope or not yet received)
        return {};
    }
    FieldRow row(m_log.database(), rows, **found, field, op);
    if (Status s = row.read(); !s)
        return s;
    if (op.op == u"add"_s || op.op == u"remove"_s)
        return row.applyElement();
    if (op.op != u"set"_s)
        return Error{Error::Code::InvalidInput, u"unknown op kind %1"_s.arg(op.op)};
    return applyValue(op, entity, row, stats);
}

Status Replicator::applyValue(const ReplicaOp &op, const EntityDef &entity, FieldRow &row, ApplyStats &stats)
{
    const FieldClocks::Stamp stamp = row.clocks.field(op.field);
    const int order = compareStamps(op.hlc, op.site, stamp.hlc, stamp.site);
    if (order == 0) {
        // The row's creation stamp: a value written by the action that created the row (it
        // shares the stamp of "*"). Otherwise it is the very write that produced the value.
        return row.clocks.hasField(op.field) ? Status{} : row.write(op.value);
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

    const FieldDef *field = row.field();
    const bool safety = field && field->kind == FieldKind::Safety;
    if (concurrent && row.current != op.value) {
        ConflictRecord record = conflictRecord(op, entity, stamp, row.current, incomingWins);
        if (safety) {
            // Neither author saw the other: the most protective value stands until a supervisor
            // decides, under the later stamp, so every replica settles on the same value and clock.
            record.kind = u"safety"_s;
            record.detail = u"kept the most protective value until a supervisor decides"_s;
        } else {
            record.kind = field && field->kind == FieldKind::Status ? u"status"_s : u"concurrent"_s;
        }
        if (Status s = addConflict(record, stats); !s)
            return s;
    }
    if (incomingWins && !concurrent) {
        if (Status s = settleConflicts(op); !s)
            return s;
    }
    if (safety)
        return row.settleSafety();
    if (!incomingWins)
        return {};
    row.clocks.setField(op.field, op.hlc, op.site);
    return row.write(op.value);
}

} // namespace Core
