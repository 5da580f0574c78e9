// SPDX-License-Identifier: GPL-3.0-or-later
// ServerStore, the server's own ops: the write state of an ingest transaction, the op rows and
// their digest, and the ops the server writes itself (registry numbers, assignments, a closure
// reopened after racing new work). Used by the push half (serverstorepush.cpp) and by
// appendServerOps; declared in serverstore_p.h.
#include "core/changelog/changelog.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/clock/clock.h"
#include "core/clock/districttime.h"
#include "core/sql/migrations.h"
#include "core/util/uuid.h"
#include "sync/server/serverstore.h"
#include "sync/server/serverstore_p.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

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

bool isServerOnly(const QString &entity, const QString &field)
{
    const Core::EntityDef *def = Core::Schema::entity(entity);
    const Core::FieldDef *f = def ? def->field(field) : nullptr;
    return f && f->kind == Core::FieldKind::ServerOnly;
}

const QString reopenedStatus = u"assessment"_s; // the workflow's reopening target

// The district's year: a case pushed at 00:30 WITA on 1 January is registered in the new year.
QString registryYear(qint64 nowMs, const QString &district)
{
    return QString::number(Core::DistrictTime(district).date(nowMs).year());
}

} // namespace

namespace ServerStoreDetail {

const QByteArray closedStatus = QByteArrayLiteral("closed");

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

IngestState::IngestState(const ServerStore::Private &p, const Core::Clock &clock)
    : m_p(p)
    , hlc(clock)
{ }

Status IngestState::lockAndLoad()
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

Status IngestState::save() const
{
    if (Status s = m_p.setMetaNum(u"ops_seq"_s, nextSeq); !s)
        return s;
    if (Status s = m_p.setMetaNum(u"server_site_seq:"_s + m_p.epoch, serverSiteSeq); !s)
        return s;
    return m_p.setMetaNum(u"server_hlc"_s, qint64(hlc.last().packed));
}

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

Status setAckedThrough(const ServerStore::Private &p, const QString &site, qint64 seq)
{
    return p.run(u"INSERT INTO site_acks (site, acked_through) VALUES (:site, :seq) "
                 "ON CONFLICT (site) DO UPDATE SET acked_through = excluded.acked_through"_s,
                 {{u"site"_s, site}, {u"seq"_s, seq}});
}

Status setCaseColumn(const ServerStore::Private &p, const QString &caseId, const QString &field,
                     const QString &value)
{
    return p.run(u"UPDATE cases SET "_s + field + u" = :value WHERE id = :id"_s,
                 {{u"value"_s, nullableText(value)}, {u"id"_s, caseId}});
}

// Appends one op of the server's own site inside an ingest transaction.
Status appendServerOp(const ServerStore::Private &p, IngestState &state, const QString &serverSite,
                      const QString &txn, const QString &caseId, const QString &field, const QString &value,
                      qint64 nowMs, bool flag)
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
    if (Status s = setAckedThrough(p, serverSite, op.seq); !s)
        return s;
    if (field == u"assigned_user" || field == u"assigned_team" || field == u"registry_number")
        return setCaseColumn(p, caseId, field, value);
    return {};
}

// New work on a case: an entry added to it.
bool isActivity(const QString &entity)
{
    static const QStringList entries{u"visit"_s,    u"service"_s, u"risk_assessment"_s, u"plan_item"_s,
                                     u"followup"_s, u"note"_s,    u"attachment"_s};
    return entries.contains(entity);
}

// docs/ARCHITECTURE.md, sync rules: a closure racing new activity reopens the case and flags it. The server
// sees both in commit order and knows what each device had pulled, so it decides once: when the case's
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

// Registry numbers of the cases created in a batch, as server ops after the batch, so every
// laptop in scope pulls them: <district>-<yyyy>-<nnnnn>, counted per year.
Status appendRegistryNumbers(const ServerStore::Private &p, IngestState &state, const QString &serverSite,
                             const QString &district, const QStringList &createdCases, qint64 nowMs)
{
    const QString year = registryYear(nowMs, district);
    for (const QString &caseId : createdCases) {
        auto counter = p.metaNum(u"registry:"_s + year);
        if (!counter)
            return counter.error();
        const qint64 next = *counter + 1;
        if (Status s = p.setMetaNum(u"registry:"_s + year, next); !s)
            return s;
        const QString number = u"%1-%2-%3"_s.arg(district, year).arg(next, 5, 10, QLatin1Char('0'));
        if (Status s = appendServerOp(p, state, serverSite, Core::newUuidV7(nowMs), caseId,
                                      u"registry_number"_s, number, nowMs);
            !s)
            return s;
    }
    return {};
}

} // namespace ServerStoreDetail

using namespace ServerStoreDetail;

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
