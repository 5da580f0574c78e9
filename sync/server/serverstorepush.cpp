// SPDX-License-Identifier: GPL-3.0-or-later
// ServerStore, push half: ingest of a device's ops (validation, scope, site clashes, clamping)
// and attachment parts; the server's own ops it calls for (racing closures, registry numbers)
// are in serverstoreserverops.cpp. These are ServerStore's member functions, split from
// serverstore.cpp only because one file of 2,000 lines was too big to review; shared helpers
// are in serverstore_p.h.
#include "core/changelog/schema.h"
#include "core/clock/clock.h"
#include "core/clock/hlc.h"
#include "core/sql/migrations.h"
#include "core/util/uuid.h"
#include "sync/server/authorization.h"
#include "sync/server/blobstore.h"
#include "sync/server/serverstore.h"
#include "sync/server/serverstore_p.h"

#include <QHash>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

using ServerStoreDetail::appendRegistryNumbers;
using ServerStoreDetail::appendServerOp;
using ServerStoreDetail::closedStatus;
using ServerStoreDetail::IngestState;
using ServerStoreDetail::insertOp;
using ServerStoreDetail::isActivity;
using ServerStoreDetail::opDigest;
using ServerStoreDetail::reopenRacingClosures;
using ServerStoreDetail::serverAuthor;
using ServerStoreDetail::setAckedThrough;
using ServerStoreDetail::setCaseColumn;

namespace {

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

// The device's other sites (a clone's copies, a move past a hole in a resent outbox): an op
// of a batch may be stored under one of them already (see storedUnderSibling).
Result<QStringList> siblingSites(const ServerStore::Private &p, const ServerDevice &device)
{
    auto q = p.exec(u"SELECT site_id FROM devices WHERE id = :device UNION "
                    "SELECT site FROM device_sites WHERE device_id = :device2"_s,
                    {{u"device"_s, device.id}, {u"device2"_s, device.id}});
    if (!q)
        return q.error();
    QStringList siblings;
    while (q->next()) {
        if (q->value(0).toString() != device.siteId)
            siblings << q->value(0).toString();
    }
    return siblings;
}

// One batch of one site's ops inside its ingest transaction (see ServerStore::push). Each op
// is judged in order: after a gap nothing more is; an op at or below the site's ack is a replay
// (the verdict it had) or a clone's (site_clash); the next one is refused (and recorded, so a
// replay gets the same verdict) or stored; anything else is a gap. finish() then writes the
// server ops the batch calls for and the site's ack. Nothing here commits.
class PushBatch
{
public:
    PushBatch(const ServerStore::Private &p, const ServerDevice &device, const QString &district,
              const QStringList &siblings, IngestState &state, qint64 acked, qint64 nowMs)
        : m_p(p)
        , m_device(device)
        , m_site(device.siteId)
        , m_district(district)
        , m_siblings(siblings)
        , m_state(state)
        , m_authorization(p, device, district, siblings)
        , m_acked(acked)
        , m_ackedBefore(acked)
        , m_nowMs(nowMs)
    { }

    Status judge(const WireOp &op);
    Status finish(const QString &serverSite);
    const PushReply &reply() const { return m_reply; }
    void logSummary() const;

private:
    Status judgeSeen(const WireOp &op, const QByteArray &digest, Verdict &verdict);
    Result<bool> isHeldOp(const WireOp &op, const QByteArray &digest, const QByteArray &held, qint64 stored,
                          qint64 original);
    Status judgeSeenRefused(const WireOp &op, const QByteArray &digest, Verdict &verdict);
    Status judgeNext(const WireOp &op, const QByteArray &digest, Verdict &verdict);
    Result<QString> refusal(const WireOp &op, const QString &field, bool &newCase);
    Status refuse(const WireOp &op, const QByteArray &digest, const QString &reason, Verdict &verdict);
    Status accept(const WireOp &op, const QString &field, const QByteArray &digest, bool newCase,
                  Verdict &verdict);
    Result<qint64> storedStamp(const WireOp &op, Verdict &verdict);
    Status recordNewCase(const WireOp &op);
    Result<std::optional<qint64>> clampMemo(qint64 original);
    void reject(Verdict &verdict, const QString &reason);
    void duplicate(Verdict &verdict);

    const ServerStore::Private &m_p;
    const ServerDevice &m_device;
    const QString m_site;
    const QString m_district;
    const QStringList m_siblings;
    IngestState &m_state;
    // Who may write what (identity, role, scope, binding, server-only fields), with its memos.
    Authorization m_authorization;
    // The ops of one action share a stamp: original stamp -> the stamp stored (nullopt: none).
    QHash<qint64, std::optional<qint64>> m_clamps;
    qint64 m_acked;
    const qint64 m_ackedBefore;
    const qint64 m_nowMs;
    bool m_gap = false;
    PushReply m_reply;
    QStringList m_createdCases;
    QSet<QString> m_racing; // cases with a closure or new activity in this batch
    QSet<QString> m_misassigned; // new cases whose creator named another assignee: corrected after
    int m_accepted = 0;
    int m_duplicates = 0;
    int m_rejected = 0;
};

Status PushBatch::judge(const WireOp &op)
{
    Verdict verdict;
    verdict.seq = op.seq;
    if (m_gap) {
        reject(verdict, u"invalid"_s); // after a gap: not stored, not acked; the client resends
        return {};
    }
    const QByteArray digest = opDigest(op);
    if (op.site != m_site) {
        // The service refuses such a request as a whole; never store another site's op.
        m_gap = true;
        reject(verdict, u"invalid"_s);
        return {};
    }
    if (op.seq >= 1 && op.seq <= m_acked)
        return judgeSeen(op, digest, verdict);
    if (op.seq != m_acked + 1) {
        m_gap = true;
        reject(verdict, u"invalid"_s);
        return {};
    }
    return judgeNext(op, digest, verdict);
}

// Seen before: a replay gets the verdict it got the first time, a different op under the same
// (site, seq) is a clone of this site's database.
Status PushBatch::judgeSeen(const WireOp &op, const QByteArray &digest, Verdict &verdict)
{
    auto q = m_p.exec(u"SELECT digest, hlc, original_hlc FROM ops WHERE site = :site AND site_seq = :seq"_s,
                      {{u"site"_s, m_site}, {u"seq"_s, op.seq}});
    if (!q)
        return q.error();
    if (!q->next())
        return judgeSeenRefused(op, digest, verdict);
    const QByteArray held = q->value(0).toByteArray();
    const qint64 stored = q->value(1).toLongLong();
    const qint64 original = q->value(2).toLongLong();
    auto same = isHeldOp(op, digest, held, stored, original);
    if (!same)
        return same.error();
    if (!*same) {
        // A clone: the client moves its ops from here on to a new site. The rest of the batch is
        // not judged (not stored under this site, not acked).
        reject(verdict, u"site_clash"_s);
        m_gap = true;
        return {};
    }
    verdict.hlc = stored != original || stored != op.hlc ? stored : 0;
    // The sender holds this op under another stamp (a copy from before the clamp reply, after a
    // restore that lost the clamp): its later ops in this batch name that stamp too, as their
    // own or as their base.
    if (stored != op.hlc)
        m_clamps.insert(op.hlc, stored);
    duplicate(verdict);
    return {};
}

// Whether the op held under `op`'s (site, seq) with digest `held` is `op`: the same digest, or
// the same op under another stamp or base (see sameOpOtherStamp).
Result<bool> PushBatch::isHeldOp(const WireOp &op, const QByteArray &digest, const QByteArray &held,
                                 qint64 stored, qint64 original)
{
    if (held == digest)
        return true;
    // The other stamps its base may have been sent under.
    QList<qint64> bases;
    if (op.base != 0) {
        auto clamped = clampMemo(op.base);
        if (!clamped)
            return clamped.error();
        auto unclamped = originalStamp(m_p, m_site, op.base);
        if (!unclamped)
            return unclamped.error();
        for (const std::optional<qint64> &b : {*clamped, *unclamped})
            if (b.has_value())
                bases << *b;
    }
    return sameOpOtherStamp(op, held, {stored, original}, bases);
}

// Seen before but not stored: refused then (the same verdict again), or a sibling copy.
Status PushBatch::judgeSeenRefused(const WireOp &op, const QByteArray &digest, Verdict &verdict)
{
    auto r = m_p.exec(u"SELECT digest, reason FROM rejected_ops WHERE site = :site AND site_seq = :seq"_s,
                      {{u"site"_s, m_site}, {u"seq"_s, op.seq}});
    if (!r)
        return r.error();
    if (!r->next()) {
        reject(verdict, u"invalid"_s);
        return {};
    }
    const bool same = r->value(0).toByteArray() == digest;
    const QString reason = r->value(1).toString();
    if (same && reason == siblingCopy) {
        duplicate(verdict);
        return {};
    }
    reject(verdict, same ? reason : u"site_clash"_s);
    m_gap = m_gap || !same;
    return {};
}

// The site's next op: acked whatever the verdict.
Status PushBatch::judgeNext(const WireOp &op, const QByteArray &digest, Verdict &verdict)
{
    // Judged under the field's current name; stored as sent (the digest covers it as sent).
    const QString field = Core::Schema::currentFieldName(op.entity, op.field, op.schemaVersion);
    bool newCase = false;
    auto reason = refusal(op, field, newCase);
    if (!reason)
        return reason.error();
    m_acked = op.seq;
    if (!reason->isEmpty())
        return refuse(op, digest, *reason, verdict);
    return accept(op, field, digest, newCase, verdict);
}

// Why `op` is refused, empty when it is not: its shape, the server's author, a copy stored
// under a sibling site, a create of a case that exists or was purged, then Authorization.
// `newCase`: the op creates a case that is not here yet.
Result<QString> PushBatch::refusal(const WireOp &op, const QString &field, bool &newCase)
{
    if (const QString reason = validate(op); !reason.isEmpty())
        return reason;
    if (op.author == serverAuthor)
        return Refusal::author;
    if (!m_siblings.isEmpty()) {
        auto copy = storedUnderSibling(m_p, op, m_siblings);
        if (!copy)
            return copy.error();
        if (*copy)
            return siblingCopy;
    }
    if (isCaseCreate(op)) {
        auto exists = m_p.scalar(u"SELECT 'exists' FROM cases WHERE id = :id UNION ALL "
                                 "SELECT 'purged' FROM purged_cases WHERE case_id = :id2"_s,
                                 {{u"id"_s, op.entityId}, {u"id2"_s, op.entityId}});
        if (!exists)
            return exists.error();
        newCase = !exists->has_value();
        if (!newCase)
            return (*exists)->toString(); // a purged case never comes back
    }
    auto judged = m_authorization.judge(op, field, newCase);
    if (!judged)
        return judged.error();
    // The creator named someone else as the new case's assignee: refused, and the server writes
    // the assignment it made (the device's user) for every replica.
    if (*judged == Refusal::serverOnly && op.entity == u"case" && field == u"assigned_user"
        && m_createdCases.contains(op.caseId))
        m_misassigned.insert(op.caseId);
    return judged;
}

// Records the refusal, so a replay gets the same verdict. A sibling copy's verdict is Duplicate.
Status PushBatch::refuse(const WireOp &op, const QByteArray &digest, const QString &reason, Verdict &verdict)
{
    if (Status s
        = m_p.run(u"INSERT INTO rejected_ops (site, site_seq, digest, reason, device_id, received_at) "
                  "VALUES (:site, :seq, :digest, :reason, :device, :at)"_s,
                  {{u"site"_s, m_site},
                   {u"seq"_s, op.seq},
                   {u"digest"_s, digest},
                   {u"reason"_s, reason},
                   {u"device"_s, m_device.id},
                   {u"at"_s, m_nowMs}});
        !s)
        return s;
    if (reason == siblingCopy) {
        duplicate(verdict);
        return {};
    }
    // Names only, never a value: which rule refused what.
    qCInfo(lcServer) << "refused" << reason << "from device" << m_device.id << ":" << op.entity << op.op
                     << op.field << "of case" << op.caseId;
    reject(verdict, reason);
    return {};
}

// Stores an accepted op under its (maybe clamped) stamp and base, and what it changes: a new
// case's row, an assignment's scope, a closure or new work that may race.
Status PushBatch::accept(const WireOp &op, const QString &field, const QByteArray &digest, bool newCase,
                         Verdict &verdict)
{
    auto stored = storedStamp(op, verdict);
    if (!stored)
        return stored.error();
    WireOp storedOp = op;
    if (op.base != 0) {
        auto base = clampMemo(op.base);
        if (!base)
            return base.error();
        if (base->has_value())
            storedOp.base = **base;
    }
    if (Status s = insertOp(m_p, ++m_state.nextSeq, storedOp, *stored, m_device.id, m_nowMs, digest); !s)
        return s;
    if (Status s = m_authorization.accepted(op, field); !s)
        return s;
    if ((op.op == u"create"_s && isActivity(op.entity))
        || (op.entity == u"case"_s && field == u"status"_s && op.value == closedStatus))
        m_racing << op.caseId;
    if (newCase) {
        if (Status s = recordNewCase(op); !s)
            return s;
    } else if (op.entity == u"case" && (field == u"assigned_user" || field == u"assigned_team")
               && op.op == u"set") {
        // A supervisor's assignment (or the creator's own) moves the case into that scope.
        const QString value = op.value ? QString::fromUtf8(*op.value) : QString();
        if (Status s = setCaseColumn(m_p, op.caseId, field, value); !s)
            return s;
    }
    verdict.kind = Verdict::Kind::Accepted;
    m_reply.verdicts << verdict;
    ++m_accepted;
    return {};
}

// The stamp an accepted op is stored under. A stamp far in the future is clamped: one laptop
// set to 2031 must not win every conflict for years. The original stays in original_hlc for
// audit. One action carries one stamp, so every op with the same original stamp of this site
// gets the same clamped stamp (also in a later batch), and a `base` naming a clamped stamp of
// this site is translated (in accept()): the author saw that value, which every other replica
// knows under the clamped stamp.
Result<qint64> PushBatch::storedStamp(const WireOp &op, Verdict &verdict)
{
    auto earlier = clampMemo(op.hlc);
    if (!earlier)
        return earlier.error();
    if (earlier->has_value()) {
        verdict.hlc = **earlier;
        return **earlier;
    }
    const Core::HlcStamp stamp{quint64(op.hlc)};
    if (qint64(stamp.ms()) > m_nowMs + ServerStore::clampAheadMs) {
        const qint64 clamped = qint64(m_state.hlc.now().packed);
        verdict.hlc = clamped;
        m_clamps.insert(op.hlc, clamped);
        qCInfo(lcServer) << "clamped a far-future stamp of site" << m_site << "seq" << op.seq;
        return clamped;
    }
    m_state.hlc.observe(stamp);
    return op.hlc;
}

// A created case's row, assigned to the device's user whatever the page says, and the creating
// laptop's hold on it.
Status PushBatch::recordNewCase(const WireOp &op)
{
    if (Status s
        = m_p.run(u"INSERT INTO cases (id, district, assigned_user, created_by, created_seq, "
                  "create_txn, created_site) VALUES (:id, :district, :user, :by, :seq, :txn, :site)"_s,
                  {{u"id"_s, op.entityId},
                   {u"district"_s, m_district},
                   {u"user"_s, m_device.login}, // identity from the device, never the page
                   {u"by"_s, m_device.login},
                   {u"seq"_s, m_state.nextSeq},
                   {u"txn"_s, op.txn},
                   {u"site"_s, m_site}});
        !s)
        return s;
    // The creating laptop holds the case from now on (its stream carries the server's ops on
    // it), so if the case moves out before this laptop ever pulled, it is purged.
    if (Status s = m_p.run(u"INSERT INTO device_cases (device_id, case_id, since_seq, since_gen) "
                           "VALUES (:device, :case, 0, 0) ON CONFLICT (device_id, case_id) DO NOTHING"_s,
                           {{u"device"_s, m_device.id}, {u"case"_s, op.entityId}});
        !s)
        return s;
    m_createdCases << op.entityId;
    return {};
}

// The server ops the batch calls for, after it: racing closures reopened, assignees corrected,
// registry numbers of the new cases; then the site's ack.
Status PushBatch::finish(const QString &serverSite)
{
    if (Status s = reopenRacingClosures(m_p, m_state, serverSite, m_device, m_racing, m_nowMs); !s)
        return s;
    for (const QString &caseId : std::as_const(m_misassigned)) {
        if (Status s = appendServerOp(m_p, m_state, serverSite, Core::newUuidV7(m_nowMs), caseId,
                                      u"assigned_user"_s, m_device.login, m_nowMs);
            !s)
            return s;
    }
    if (Status s = appendRegistryNumbers(m_p, m_state, serverSite, m_district, m_createdCases, m_nowMs); !s)
        return s;
    if (m_acked != m_ackedBefore) {
        if (Status s = setAckedThrough(m_p, m_site, m_acked); !s)
            return s;
    }
    m_reply.ackedThrough = m_acked;
    return {};
}

void PushBatch::logSummary() const
{
    qCInfo(lcServer) << "push from device" << m_device.id << ":" << m_accepted << "accepted," << m_duplicates
                     << "duplicate," << m_rejected << "rejected; acked through" << m_acked;
}

Result<std::optional<qint64>> PushBatch::clampMemo(qint64 original)
{
    if (const auto it = m_clamps.constFind(original); it != m_clamps.cend())
        return *it;
    auto found = clampedStamp(m_p, m_site, original);
    if (found)
        m_clamps.insert(original, *found);
    return found;
}

void PushBatch::reject(Verdict &verdict, const QString &reason)
{
    verdict.kind = Verdict::Kind::Rejected;
    verdict.reason = reason;
    m_reply.verdicts << verdict;
    ++m_rejected;
}

void PushBatch::duplicate(Verdict &verdict)
{
    verdict.kind = Verdict::Kind::Duplicate;
    m_reply.verdicts << verdict;
    ++m_duplicates;
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
    auto acked = ackedThrough(device.siteId);
    if (!acked)
        return acked.error();
    auto siblings = siblingSites(*d, device);
    if (!siblings)
        return siblings.error();
    PushBatch batch(*d, device, m_districtCode, *siblings, state, *acked, nowMs);
    for (const WireOp &op : ops) {
        if (Status s = batch.judge(op); !s)
            return s.error();
    }
    if (Status s = batch.finish(m_epochSite); !s)
        return s.error();
    if (Status s = state.save(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    batch.logSummary();
    return batch.reply();
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

} // namespace Sync
