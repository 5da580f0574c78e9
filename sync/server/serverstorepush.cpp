// SPDX-License-Identifier: GPL-3.0-or-later
// ServerStore, push half: ingest of a device's ops (validation, scope, site clashes, clamping,
// racing closures, registry numbers), attachment parts and the server's own ops. These are
// ServerStore's member functions, split from serverstore.cpp only because one file of 2,000
// lines was too big to review; shared helpers are in serverstore_p.h.
#include "core/clock/clock.h"
#include "core/clock/hlc.h"
#include "core/changelog/changelog.h"
#include "core/sql/migrations.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/util/uuid.h"
#include "sync/server/authorization.h"
#include "sync/server/blobstore.h"
#include "sync/server/serverstore.h"
#include "sync/server/serverstore_p.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <utility>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

using ServerStoreDetail::genericHash;
using ServerStoreDetail::serverAuthor;
using Sql::blob;
using Sql::nullableText;
using Sql::text;

namespace {

void putText(QByteArray &out, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    const quint32 n = quint32(utf8.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out += char((n >> shift) & 0xff);
    out += utf8;
}

void putInt(QByteArray &out, qint64 v)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out += char((quint64(v) >> shift) & 0xff);
}

// The digest that tells a replay (same op) from a site clash (same (site, seq), other op): a
// BLAKE2b of every field as the client sent it, length-prefixed so fields cannot run together.
QByteArray opDigest(const WireOp &op)
{
    QByteArray canonical;
    putText(canonical, op.site);
    putInt(canonical, op.seq);
    putText(canonical, op.txn);
    putText(canonical, op.entity);
    putText(canonical, op.entityId);
    putText(canonical, op.caseId);
    putText(canonical, op.field);
    putText(canonical, op.op);
    canonical += op.value ? '\1' : '\0';
    // A sealed value is a fresh ciphertext each time the laptop seals it for transit (random
    // nonce), so a resent op differs in its bytes; only its presence counts. A real clone
    // still differs in txn, ids or stamp.
    if (op.value && !Core::ChangeLog::sealsValue(op.entity, op.field, op.schemaVersion)) {
        putInt(canonical, op.value->size());
        canonical += *op.value;
    }
    putInt(canonical, op.hlc);
    putText(canonical, op.author);
    putInt(canonical, op.base);
    putInt(canonical, op.schemaVersion);
    return genericHash(canonical);
}

// The same op under another stamp: a laptop adopts the stamp the server gave a far-future op
// (adoptServerStamp), a copy of its database made before that reply still holds the original,
// and after a restore from a backup either may reach the server first. The laptop also adopts
// it in the `base` of its own later ops, so their base may differ the same way (`bases`: the
// clamped stamp and the original of the one sent). Nothing else can match: the txn is random
// per action, so a clone's own ops differ in it. Only on the clash path (at most 9 hashes).
bool sameOpOtherStamp(const WireOp &op, const QByteArray &held, const QList<qint64> &stamps,
                      const QList<qint64> &bases)
{
    const QList<qint64> hlcs = QList<qint64>{op.hlc} + stamps;
    const QList<qint64> seen = QList<qint64>{op.base} + bases;
    for (const qint64 hlc : hlcs) {
        for (const qint64 base : seen) {
            if (hlc == op.hlc && base == op.base)
                continue;
            WireOp restamped = op;
            restamped.hlc = hlc;
            restamped.base = base;
            if (opDigest(restamped) == held)
                return true;
        }
    }
    return false;
}

bool isServerOnly(const QString &entity, const QString &field)
{
    const Core::EntityDef *def = Core::Schema::entity(entity);
    const Core::FieldDef *f = def ? def->field(field) : nullptr;
    return f && f->kind == Core::FieldKind::ServerOnly;
}

// What a well-formed op looks like; empty when valid, else the reason (invalid | schema). A field
// renamed after the op's schema version is valid under its old name (an old laptop's edit).
QString validate(const WireOp &op)
{
    if (op.schemaVersion > Core::Migrations::latestVersion())
        return u"schema"_s;
    if (op.schemaVersion < 1 || op.seq < 1 || op.txn.isEmpty() || op.entityId.isEmpty() || op.caseId.isEmpty()
        || op.author.isEmpty())
        return u"invalid"_s;
    const Core::EntityDef *entity = Core::Schema::entity(op.entity);
    if (!entity)
        return u"invalid"_s;
    static const QSet<QString> kinds{u"create"_s, u"set"_s, u"add"_s, u"remove"_s};
    if (!kinds.contains(op.op))
        return u"invalid"_s;
    if ((op.field == u"_create") != (op.op == u"create"))
        return u"invalid"_s;
    if (op.field == u"_create" || op.field == u"deleted")
        return {};
    const Core::FieldDef *field
        = entity->field(Core::Schema::currentFieldName(op.entity, op.field, op.schemaVersion));
    if (!field)
        return u"invalid"_s;
    if ((op.op == u"add" || op.op == u"remove") != (field->kind == Core::FieldKind::Set))
        return u"invalid"_s;
    return {};
}

bool isCaseCreate(const WireOp &op)
{
    return op.entity == u"case" && op.op == u"create";
}

// The write state of one ingest transaction: the next cursor value, the server site's own
// sequence and the server HLC. Loaded after the cursor row is locked, saved before commit.
class IngestState
{
public:
    IngestState(const ServerStore::Private &p, const Core::Clock &clock)
        : m_p(p)
        , hlc(clock)
    { }

    Status lockAndLoad()
    {
        if (Status s = m_p.lockIngest(); !s)
            return s;
        auto seq = m_p.metaNum(u"ops_seq"_s);
        auto serverSeq = m_p.metaNum(u"server_site_seq:"_s + m_p.epoch);
        auto stamp = m_p.metaNum(u"server_hlc"_s);
        if (!seq)
            return seq.error();
        if (!serverSeq)
            return serverSeq.error();
        if (!stamp)
            return stamp.error();
        nextSeq = *seq;
        serverSiteSeq = *serverSeq;
        hlc.reset(Core::HlcStamp{quint64(*stamp)});
        return {};
    }

    Status save() const
    {
        if (Status s = m_p.setMetaNum(u"ops_seq"_s, nextSeq); !s)
            return s;
        if (Status s = m_p.setMetaNum(u"server_site_seq:"_s + m_p.epoch, serverSiteSeq); !s)
            return s;
        return m_p.setMetaNum(u"server_hlc"_s, qint64(hlc.last().packed));
    }

    const ServerStore::Private &m_p;
    Core::HybridLogicalClock hlc;
    qint64 nextSeq = 0;
    qint64 serverSiteSeq = 0;
};

Status insertOp(const ServerStore::Private &p, qint64 seq, const WireOp &op, qint64 storedHlc,
                const QString &deviceId, qint64 nowMs, const QByteArray &digest)
{
    return p.runValues(
        u"INSERT INTO ops (seq, site, site_seq, txn, entity, entity_id, case_id, field, op, value, hlc, "
        "original_hlc, author, base, schema_version, device_id, received_at, digest) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s,
        {seq, text(op.site), op.seq, text(op.txn), text(op.entity), text(op.entityId), text(op.caseId),
         text(op.field), text(op.op), blob(op.value), storedHlc, op.hlc, text(op.author), op.base,
         op.schemaVersion, nullableText(deviceId), nowMs, digest});
}

// The original stamp of an op of `site` stored under the clamped stamp `stored`; nullopt when
// none was clamped to it.
Result<std::optional<qint64>> originalStamp(const ServerStore::Private &p, const QString &site, qint64 stored)
{
    auto v = p.scalar(
        u"SELECT original_hlc FROM ops WHERE site = :site AND hlc = :stored AND hlc <> original_hlc "
        "ORDER BY seq LIMIT 1"_s,
        {{u"site"_s, site}, {u"stored"_s, stored}});
    if (!v)
        return v.error();
    if (!v->has_value())
        return std::optional<qint64>();
    return std::optional<qint64>((*v)->toLongLong());
}

// The stamp the server stored for an earlier op of `site` whose original stamp was `original`
// and was clamped; nullopt when there is none.
Result<std::optional<qint64>> clampedStamp(const ServerStore::Private &p, const QString &site,
                                           qint64 original)
{
    auto v = p.scalar(
        u"SELECT hlc FROM ops WHERE site = :site AND original_hlc = :original AND hlc <> original_hlc "
        "ORDER BY seq LIMIT 1"_s,
        {{u"site"_s, site}, {u"original"_s, original}});
    if (!v)
        return v.error();
    if (!v->has_value())
        return std::optional<qint64>();
    return std::optional<qint64>((*v)->toLongLong());
}

// Appends one op of the server's own site inside an ingest transaction.
Status appendServerOp(const ServerStore::Private &p, IngestState &state, const QString &serverSite,
                      const QString &txn, const QString &caseId, const QString &field, const QString &value,
                      qint64 nowMs, bool flag = false)
{
    const Core::EntityDef *caseDef = Core::Schema::entity(u"case"_s);
    const Core::FieldDef *fieldDef = caseDef ? caseDef->field(field) : nullptr;
    Q_ASSERT(fieldDef);
    if (!fieldDef)
        return Error{Error::Code::Internal, u"unknown case field %1"_s.arg(field)};
    // base = the clock of the value the server overwrites: the last op on this field, or the
    // case's create op (a new row stamps every field with the create stamp). A lower base
    // would make every laptop flag the server's write as a concurrent edit.
    // (case_id first: the ops_case index; a case's own ops have entity_id = case_id.)
    auto base
        = p.scalar(u"SELECT MAX(hlc) FROM ops WHERE case_id = :case AND entity = 'case' AND entity_id = :id "
                   "AND (field = :field OR field = '_create')"_s,
                   {{u"case"_s, caseId}, {u"id"_s, caseId}, {u"field"_s, field}});
    if (!base)
        return base.error();
    WireOp op;
    op.site = serverSite;
    op.seq = ++state.serverSiteSeq;
    op.txn = txn;
    op.entity = u"case"_s;
    op.entityId = caseId;
    op.caseId = caseId;
    op.field = field;
    op.op = u"set"_s;
    if (!value.isEmpty())
        op.value = Core::ValueCodec::encode(*fieldDef, value);
    op.hlc = qint64(state.hlc.now().packed);
    op.author = serverAuthor;
    // flag: base 0 on purpose, so every laptop keeps the value it replaces as a conflict.
    op.base = !flag && base->has_value() && !(*base)->isNull() ? (*base)->toLongLong() : 0;
    op.schemaVersion = Core::Migrations::latestVersion();
    if (Status s = insertOp(p, ++state.nextSeq, op, op.hlc, QString(), nowMs, opDigest(op)); !s)
        return s;
    // Keep the server's own site in site_acks too, so a handshake for it is answered.
    if (Status s = p.run(u"INSERT INTO site_acks (site, acked_through) VALUES (:site, :seq) "
                         "ON CONFLICT (site) DO UPDATE SET acked_through = excluded.acked_through"_s,
                         {{u"site"_s, serverSite}, {u"seq"_s, op.seq}});
        !s)
        return s;
    if (field == u"assigned_user" || field == u"assigned_team" || field == u"registry_number")
        return p.run(u"UPDATE cases SET "_s + field + u" = :value WHERE id = :id"_s,
                     {{u"value"_s, nullableText(value)}, {u"id"_s, caseId}});
    return {};
}

const QByteArray closedStatus = QByteArrayLiteral("closed");
const QString reopenedStatus = u"assessment"_s; // the workflow's reopening target

// New work on a case: an entry added to it.
bool isActivity(const QString &entity)
{
    static const QStringList entries{u"visit"_s,    u"service"_s, u"risk_assessment"_s, u"plan_item"_s,
                                     u"followup"_s, u"note"_s,    u"attachment"_s};
    return entries.contains(entity);
}

// DESIGN.md §5: a closure racing new activity reopens the case and flags it. The server sees both
// in commit order and knows what each device had pulled, so it decides once: when the case's
// current status is "closed" and an entry was added by a device that had not pulled the closure,
// or the closure came from a device that had not pulled an entry added before it, the server
// sets the status back to assessment (the workflow's reopening) with base 0. Every laptop then holds the same
// status and records a `status` conflict (closed vs reopened) for a person to review.
Status reopenRacingClosures(const ServerStore::Private &p, IngestState &state, const QString &serverSite,
                            const ServerDevice &device, const QSet<QString> &cases, qint64 nowMs)
{
    if (cases.isEmpty())
        return {};
    auto pulled = p.scalar(u"SELECT pulled_seq FROM devices WHERE id = :id"_s, {{u"id"_s, device.id}});
    if (!pulled)
        return pulled.error();
    const qint64 devicePulled = pulled->has_value() ? (*pulled)->toLongLong() : 0;
    for (const QString &caseId : cases) {
        // The current status: the last write by (hlc, site), as every laptop computes it.
        auto status
            = p.exec(u"SELECT value, seq, site FROM ops WHERE case_id = :case AND entity = 'case' AND "
                     "entity_id = :id AND field = 'status' ORDER BY hlc DESC, site DESC LIMIT 1"_s,
                     {{u"case"_s, caseId}, {u"id"_s, caseId}});
        if (!status)
            return status.error();
        if (!status->next() || status->value(0).toByteArray() != closedStatus)
            continue;
        const qint64 closedSeq = status->value(1).toLongLong();
        const QString closedSite = status->value(2).toString();
        auto closer = p.scalar(u"SELECT d.pulled_seq FROM devices d WHERE d.site_id = :site UNION ALL "
                               "SELECT d.pulled_seq FROM device_sites s JOIN devices d ON d.id = s.device_id "
                               "WHERE s.site = :site2 LIMIT 1"_s,
                               {{u"site"_s, closedSite}, {u"site2"_s, closedSite}});
        if (!closer)
            return closer.error();
        const qint64 closerPulled = closer->has_value() ? (*closer)->toLongLong() : closedSeq;
        // Entries on the case from other sites that one side had not seen: added after the
        // closer's last pull, or pushed by this device without having pulled the closure.
        auto unseen = p.scalar(
            u"SELECT 1 FROM ops WHERE case_id = :case AND op = 'create' AND site <> :closer AND entity IN "
            "('visit','service','risk_assessment','plan_item','followup','note','attachment') AND "
            "((seq > :closerPulled AND seq < :closedSeq) OR (seq > :closedSeq AND device_id = :device AND "
            ":devicePulled < :closedSeq2)) LIMIT 1"_s,
            {{u"case"_s, caseId},
             {u"closer"_s, closedSite},
             {u"closerPulled"_s, closerPulled},
             {u"closedSeq"_s, closedSeq},
             {u"device"_s, device.id},
             {u"devicePulled"_s, devicePulled},
             {u"closedSeq2"_s, closedSeq}});
        if (!unseen)
            return unseen.error();
        if (!unseen->has_value())
            continue;
        qCInfo(lcServer) << "case" << caseId << "was closed while new work was being recorded: reopened";
        if (Status s = appendServerOp(p, state, serverSite, Core::newUuidV7(nowMs), caseId, u"status"_s,
                                      reopenedStatus, nowMs, /*flag=*/true);
            !s)
            return s;
    }
    return {};
}

QString registryYear(qint64 nowMs)
{
    return QString::number(QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).date().year());
}

// The rejected_ops reason of an op already stored under another site of the same device; its
// verdict is Duplicate.
const QString siblingCopy = u"sibling_copy"_s;

// Whether `op` is stored already under another site of its device. Two copies of a cloned
// laptop database can hold the same unsent ops under different sites: one moved them past a
// hole in its resent outbox (a server restored from a backup lost ops it had erased since), the
// other, still holding those erased ops, resends them under the old site (sync simulation, seed
// 136 with the clone and the restore on). An action's txn id is unique, and within an action
// each field of a row is written once (sets: once per element), so (txn, entity id, field, op,
// and the element of a set op) names one op. Looked up through the case's index, and only for
// devices with more than one site.
Result<bool> storedUnderSibling(const ServerStore::Private &p, const WireOp &op, const QStringList &siblings)
{
    auto q
        = p.exec(u"SELECT site, value FROM ops WHERE case_id = :case AND txn = :txn AND entity_id = :entity "
                 "AND field = :field AND op = :op"_s,
                 {{u"case"_s, op.caseId},
                  {u"txn"_s, op.txn},
                  {u"entity"_s, op.entityId},
                  {u"field"_s, op.field},
                  {u"op"_s, op.op}});
    if (!q)
        return q.error();
    const bool element = op.op == u"add" || op.op == u"remove";
    while (q->next()) {
        if (siblings.contains(q->value(0).toString())
            && (!element || q->value(1).toByteArray() == op.value.value_or(QByteArray())))
            return true;
    }
    return false;
}

} // namespace

Result<PushReply> ServerStore::push(const ServerDevice &device, const QList<WireOp> &ops,
                                    const Core::Clock &clock)
{
    const qint64 nowMs = clock.nowMs();
    ServerTransaction tx(*d);
    if (Status s = tx.begin(true); !s)
        return s.error();
    IngestState state(*d, clock);
    if (Status s = state.lockAndLoad(); !s)
        return s.error();
    const QString site = device.siteId;
    qint64 acked = 0;
    {
        auto v = d->scalar(u"SELECT acked_through FROM site_acks WHERE site = :site"_s, {{u"site"_s, site}});
        if (!v)
            return v.error();
        acked = v->has_value() ? (*v)->toLongLong() : 0;
    }
    const qint64 ackedBefore = acked;

    // The device's other sites (a clone's copies, a move past a hole in a resent outbox): an op
    // of this batch may be stored under one of them already (see storedUnderSibling).
    QStringList siblings;
    {
        auto q = d->exec(u"SELECT site_id FROM devices WHERE id = :device UNION "
                         "SELECT site FROM device_sites WHERE device_id = :device2"_s,
                         {{u"device"_s, device.id}, {u"device2"_s, device.id}});
        if (!q)
            return q.error();
        while (q->next()) {
            if (q->value(0).toString() != site)
                siblings << q->value(0).toString();
        }
    }

    PushReply reply;
    bool gap = false;
    QStringList createdCases;
    QSet<QString> racing; // cases with a closure or new activity in this batch
    QSet<QString> misassigned; // new cases whose creator named another assignee: corrected after
    // Who may write what (identity, role, scope, binding, server-only fields), with its memos.
    Authorization authorization(*d, device, m_districtCode, siblings);
    // Memos for this batch: the ops of one action share a stamp.
    QHash<qint64, std::optional<qint64>> clamps;
    const auto clampMemo = [&](qint64 original) -> Result<std::optional<qint64>> {
        if (const auto it = clamps.constFind(original); it != clamps.cend())
            return *it;
        auto found = clampedStamp(*d, site, original);
        if (found)
            clamps.insert(original, *found);
        return found;
    };
    int accepted = 0, duplicates = 0, rejected = 0;
    for (const WireOp &op : ops) {
        Verdict verdict;
        verdict.seq = op.seq;
        const auto reject = [&](const QString &reason) {
            verdict.kind = Verdict::Kind::Rejected;
            verdict.reason = reason;
            reply.verdicts << verdict;
            ++rejected;
        };
        if (gap) {
            reject(u"invalid"_s); // after a gap: not stored, not acked; the client resends
            continue;
        }
        const QByteArray digest = opDigest(op);
        if (op.site != site) {
            // The service refuses such a request as a whole; never store another site's op.
            gap = true;
            reject(u"invalid"_s);
            continue;
        }
        if (op.seq >= 1 && op.seq <= acked) {
            // Seen before: a replay gets the verdict it got the first time, a different op under
            // the same (site, seq) is a clone of this site's database.
            auto q = d->exec(
                u"SELECT digest, hlc, original_hlc FROM ops WHERE site = :site AND site_seq = :seq"_s,
                {{u"site"_s, site}, {u"seq"_s, op.seq}});
            if (!q)
                return q.error();
            if (q->next()) {
                const QByteArray held = q->value(0).toByteArray();
                const qint64 stored = q->value(1).toLongLong();
                const qint64 original = q->value(2).toLongLong();
                bool same = held == digest;
                if (!same) {
                    // The other stamps its base may have been sent under (see sameOpOtherStamp).
                    QList<qint64> bases;
                    if (op.base != 0) {
                        auto clamped = clampMemo(op.base);
                        if (!clamped)
                            return clamped.error();
                        auto unclamped = originalStamp(*d, site, op.base);
                        if (!unclamped)
                            return unclamped.error();
                        for (const std::optional<qint64> &b : {*clamped, *unclamped})
                            if (b.has_value())
                                bases << *b;
                    }
                    same = sameOpOtherStamp(op, held, {stored, original}, bases);
                }
                if (same) {
                    verdict.kind = Verdict::Kind::Duplicate;
                    verdict.hlc = stored != original || stored != op.hlc ? stored : 0;
                    // The sender holds this op under another stamp (a copy from before the clamp
                    // reply, after a restore that lost the clamp): its later ops in this batch
                    // name that stamp too, as their own or as their base.
                    if (stored != op.hlc)
                        clamps.insert(op.hlc, stored);
                    reply.verdicts << verdict;
                    ++duplicates;
                } else {
                    // A clone: the client moves its ops from here on to a new site. The rest
                    // of the batch is not judged (not stored under this site, not acked).
                    reject(u"site_clash"_s);
                    gap = true;
                }
                continue;
            }
            auto r
                = d->exec(u"SELECT digest, reason FROM rejected_ops WHERE site = :site AND site_seq = :seq"_s,
                          {{u"site"_s, site}, {u"seq"_s, op.seq}});
            if (!r)
                return r.error();
            if (r->next()) {
                const bool same = r->value(0).toByteArray() == digest;
                if (same && r->value(1).toString() == siblingCopy) {
                    verdict.kind = Verdict::Kind::Duplicate;
                    reply.verdicts << verdict;
                    ++duplicates;
                    continue;
                }
                reject(same ? r->value(1).toString() : u"site_clash"_s);
                gap = gap || !same;
            } else {
                reject(u"invalid"_s);
            }
            continue;
        }
        if (op.seq != acked + 1) {
            gap = true;
            reject(u"invalid"_s);
            continue;
        }
        QString reason = validate(op);
        // Judged under the field's current name; stored as sent (the digest covers it as sent).
        const QString field = Core::Schema::currentFieldName(op.entity, op.field, op.schemaVersion);
        if (reason.isEmpty() && op.author == serverAuthor)
            reason = Refusal::author;
        if (reason.isEmpty() && !siblings.isEmpty()) {
            auto copy = storedUnderSibling(*d, op, siblings);
            if (!copy)
                return copy.error();
            if (*copy)
                reason = siblingCopy;
        }
        bool newCase = false;
        if (reason.isEmpty() && isCaseCreate(op)) {
            auto exists = d->scalar(u"SELECT 'exists' FROM cases WHERE id = :id UNION ALL "
                                    "SELECT 'purged' FROM purged_cases WHERE case_id = :id2"_s,
                                    {{u"id"_s, op.entityId}, {u"id2"_s, op.entityId}});
            if (!exists)
                return exists.error();
            newCase = !exists->has_value();
            if (!newCase)
                reason = (*exists)->toString(); // a purged case never comes back

        }
        if (reason.isEmpty()) {
            auto refusal = authorization.judge(op, field, newCase);
            if (!refusal)
                return refusal.error();
            reason = *refusal;
            // The creator named someone else as the new case's assignee: refused, and the
            // server writes the assignment it made (the device's user) for every replica.
            if (reason == Refusal::serverOnly && op.entity == u"case" && field == u"assigned_user"
                && createdCases.contains(op.caseId))
                misassigned.insert(op.caseId);
        }
        acked = op.seq;
        if (!reason.isEmpty()) {
            if (Status s
                = d->run(u"INSERT INTO rejected_ops (site, site_seq, digest, reason, device_id, received_at) "
                         "VALUES (:site, :seq, :digest, :reason, :device, :at)"_s,
                         {{u"site"_s, site},
                          {u"seq"_s, op.seq},
                          {u"digest"_s, digest},
                          {u"reason"_s, reason},
                          {u"device"_s, device.id},
                          {u"at"_s, nowMs}});
                !s)
                return s.error();
            if (reason == siblingCopy) {
                verdict.kind = Verdict::Kind::Duplicate;
                reply.verdicts << verdict;
                ++duplicates;
            } else {
                // Names only, never a value: which rule refused what.
                qCInfo(lcServer) << "refused" << reason << "from device" << device.id << ":" << op.entity
                                 << op.op << op.field << "of case" << op.caseId;
                reject(reason);
            }
            continue;
        }
        // Clamp a stamp far in the future: one laptop set to 2031 must not win every conflict for
        // years. The original stays in original_hlc for audit. One action carries one stamp, so
        // every op with the same original stamp of this site gets the same clamped stamp (also
        // in a later batch), and a `base` naming a clamped stamp of this site is translated: the
        // author saw that value, which every other replica knows under the clamped stamp.
        auto earlier = clampMemo(op.hlc);
        if (!earlier)
            return earlier.error();
        qint64 stored = op.hlc;
        const Core::HlcStamp stamp{quint64(op.hlc)};
        if (earlier->has_value()) {
            stored = **earlier;
            verdict.hlc = stored;
        } else if (qint64(stamp.ms()) > nowMs + clampAheadMs) {
            stored = qint64(state.hlc.now().packed);
            verdict.hlc = stored;
            clamps.insert(op.hlc, stored);
            qCInfo(lcServer) << "clamped a far-future stamp of site" << site << "seq" << op.seq;
        } else {
            state.hlc.observe(stamp);
        }
        WireOp storedOp = op;
        if (op.base != 0) {
            auto base = clampMemo(op.base);
            if (!base)
                return base.error();
            if (base->has_value())
                storedOp.base = **base;
        }
        if (Status s = insertOp(*d, ++state.nextSeq, storedOp, stored, device.id, nowMs, digest); !s)
            return s.error();
        if (Status s = authorization.accepted(op, field); !s)
            return s.error();
        if ((op.op == u"create"_s && isActivity(op.entity))
            || (op.entity == u"case"_s && field == u"status"_s && op.value == closedStatus))
            racing << op.caseId;
        if (newCase) {
            if (Status s = d->run(
                    u"INSERT INTO cases (id, district, assigned_user, created_by, created_seq, create_txn, "
                    "created_site) VALUES (:id, :district, :user, :by, :seq, :txn, :site)"_s,
                    {{u"id"_s, op.entityId},
                     {u"district"_s, m_districtCode},
                     {u"user"_s, device.login}, // identity from the device, never the page
                     {u"by"_s, device.login},
                     {u"seq"_s, state.nextSeq},
                     {u"txn"_s, op.txn},
                     {u"site"_s, site}});
                !s)
                return s.error();
            // The creating laptop holds the case from now on (its stream carries the server's
            // ops on it), so if the case moves out before this laptop ever pulled, it is purged.
            if (Status s
                = d->run(u"INSERT INTO device_cases (device_id, case_id, since_seq, since_gen) "
                         "VALUES (:device, :case, 0, 0) ON CONFLICT (device_id, case_id) DO NOTHING"_s,
                         {{u"device"_s, device.id}, {u"case"_s, op.entityId}});
                !s)
                return s.error();
            createdCases << op.entityId;
        } else if (op.entity == u"case" && (field == u"assigned_user" || field == u"assigned_team")
                   && op.op == u"set") {
            // A supervisor's assignment (or the creator's own) moves the case into that scope.
            const QString value = op.value ? QString::fromUtf8(*op.value) : QString();
            if (Status s = d->run(u"UPDATE cases SET "_s + field + u" = :value WHERE id = :id"_s,
                                  {{u"value"_s, nullableText(value)}, {u"id"_s, op.caseId}});
                !s)
                return s.error();
        }
        verdict.kind = Verdict::Kind::Accepted;
        reply.verdicts << verdict;
        ++accepted;
    }

    if (Status s = reopenRacingClosures(*d, state, m_epochSite, device, racing, nowMs); !s)
        return s.error();
    for (const QString &caseId : std::as_const(misassigned)) {
        if (Status s = appendServerOp(*d, state, m_epochSite, Core::newUuidV7(nowMs), caseId,
                                      u"assigned_user"_s, device.login, nowMs);
            !s)
            return s.error();
    }

    // Registry numbers of the cases created in this batch, as server ops after the batch, so
    // every laptop in scope pulls them.
    const QString year = registryYear(nowMs);
    for (const QString &caseId : std::as_const(createdCases)) {
        auto counter = d->metaNum(u"registry:"_s + year);
        if (!counter)
            return counter.error();
        const qint64 next = *counter + 1;
        if (Status s = d->setMetaNum(u"registry:"_s + year, next); !s)
            return s.error();
        const QString number = u"%1-%2-%3"_s.arg(m_districtCode, year).arg(next, 5, 10, QLatin1Char('0'));
        if (Status s = appendServerOp(*d, state, m_epochSite, Core::newUuidV7(nowMs), caseId,
                                      u"registry_number"_s, number, nowMs);
            !s)
            return s.error();
    }
    if (acked != ackedBefore) {
        if (Status s = d->run(u"INSERT INTO site_acks (site, acked_through) VALUES (:site, :seq) "
                              "ON CONFLICT (site) DO UPDATE SET acked_through = excluded.acked_through"_s,
                              {{u"site"_s, site}, {u"seq"_s, acked}});
            !s)
            return s.error();
    }
    if (Status s = state.save(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    reply.ackedThrough = acked;
    qCInfo(lcServer) << "push from device" << device.id << ":" << accepted << "accepted," << duplicates
                     << "duplicate," << rejected << "rejected; acked through" << acked;
    return reply;
}

Result<BlobReply> ServerStore::blob(const ServerDevice &device, const BlobRequest &request)
{
    if (request.attachmentId.isEmpty())
        return BlobStore::missing(*d, device.id, request.ask);
    if (!request.put)
        return BlobStore::get(*d, device.id, request.attachmentId, request.part);
    // The attachment's row must be here first (its create op names its case), and the device
    // must be allowed to write to that case.
    // Its content is judged as of the row's create stamp: a device that held the case may still
    // send the files attached before the case moved out, never after.
    QString caseId;
    qint64 created = 0;
    {
        auto q = d->exec(u"SELECT case_id, hlc FROM ops WHERE entity = 'attachment' AND entity_id = :id "
                         "AND op = 'create' ORDER BY seq LIMIT 1"_s,
                         {{u"id"_s, request.attachmentId}});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{Error::Code::NotFound,
                         u"attachment %1 has not reached the server"_s.arg(request.attachmentId)};
        caseId = q->value(0).toString();
        created = q->value(1).toLongLong();
    }
    Authorization authorization(*d, device, m_districtCode, {});
    auto refusal = authorization.writeRefusal(caseId, created);
    if (!refusal)
        return refusal.error();
    if (!refusal->isEmpty())
        return Error{Error::Code::Refused, u"attachment %1: %2"_s.arg(request.attachmentId, *refusal)};
    return BlobStore::put(*d, caseId, request);
}

Status ServerStore::appendServerOps(const QString &caseId, const QList<std::pair<QString, QString>> &fields,
                                    const Core::Clock &clock)
{
    const qint64 nowMs = clock.nowMs();
    ServerTransaction tx(*d);
    if (Status s = tx.begin(true); !s)
        return s;
    IngestState state(*d, clock);
    if (Status s = state.lockAndLoad(); !s)
        return s;
    auto exists = d->scalar(u"SELECT 1 FROM cases WHERE id = :id"_s, {{u"id"_s, caseId}});
    if (!exists)
        return exists.error();
    if (!exists->has_value())
        return Error{Error::Code::NotFound, u"no case %1"_s.arg(caseId)};
    const QString txn = Core::newUuidV7(nowMs);
    for (const auto &[field, value] : fields) {
        if (!isServerOnly(u"case"_s, field))
            return Core::invalidInput(Core::Error::Reason::NotAllowedValue, field,
                                      u"%1 is not a server-only case field"_s.arg(field));
        if (Status s = appendServerOp(*d, state, m_epochSite, txn, caseId, field, value, nowMs); !s)
            return s;
    }
    if (Status s = state.save(); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    qCInfo(lcServer) << "server ops for case" << caseId << ":" << fields.size();
    return {};
}

} // namespace Sync
