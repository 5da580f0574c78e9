// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/serverstore.h"

#include "core/clock/clock.h"
#include "core/clock/hlc.h"
#include "core/crypto/sodium.h"
#include "core/store/changelog.h"
#include "core/store/migrations.h"
#include "core/store/schema.h"
#include "core/store/statement.h"
#include "core/store/valuecodec.h"
#include "core/util/uuid.h"
#include "sync/enrollmentcode.h"
#include "sync/server/blobstore.h"
#include "sync/server/retention.h"
#include "sync/server/serverdb.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrl>
#include <QVariantMap>

#include <atomic>
#include <memory>
#include <sodium.h>
#include <span>
#include <utility>

Q_LOGGING_CATEGORY(lcServer, "dampingi.server", QtInfoMsg)

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

using Sql::blob;
using Sql::nullableText;
using Sql::sqlError;
using Sql::text;

namespace {

const QString keyFileName = u"district.key"_s;
const QString bundleKeyFileName = u"bundle.key"_s;
const QString serverAuthor = u"server"_s;

// Version 1 of the server schema. {BLOB} and {SEQ} are the only dialect differences.
// ops.seq is the pull cursor. It is NOT a PostgreSQL SEQUENCE/serial: sequence values are taken
// at insert, not at commit, so a reader could see seq 12 committed before 11 and skip 11 for
// ever. Instead the next value comes from the `ops_seq` row of meta, updated inside the ingest
// transaction (which row-locks it on PostgreSQL; SQLite holds BEGIN IMMEDIATE's write lock), so
// ingest transactions are serialized and seqs become visible in commit order, gap-free.
const char16_t *const schemaV1[] = {
    uR"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL DEFAULT '', num BIGINT NOT NULL DEFAULT 0))",
    uR"(CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE))",
    uR"(CREATE TABLE users (login TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
        team_id TEXT, active INTEGER NOT NULL DEFAULT 1))",
    uR"(CREATE TABLE devices (id TEXT PRIMARY KEY, login TEXT NOT NULL, name TEXT NOT NULL,
        site_id TEXT NOT NULL, token_hash {BLOB} NOT NULL UNIQUE, enrolled_at BIGINT NOT NULL,
        revoked_at BIGINT, scope_gen BIGINT NOT NULL DEFAULT 0))",
    uR"(CREATE TABLE enrollments (secret_hash {BLOB} PRIMARY KEY, login TEXT NOT NULL,
        device_name TEXT NOT NULL, sealed_key {BLOB} NOT NULL, created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL, used_at BIGINT, device_id TEXT))",
    uR"(CREATE TABLE ops (seq {SEQ} PRIMARY KEY, site TEXT NOT NULL, site_seq BIGINT NOT NULL,
        txn TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, case_id TEXT NOT NULL,
        field TEXT NOT NULL, op TEXT NOT NULL, value {BLOB}, hlc BIGINT NOT NULL,
        original_hlc BIGINT NOT NULL, author TEXT NOT NULL, base BIGINT NOT NULL,
        schema_version INTEGER NOT NULL, device_id TEXT, received_at BIGINT NOT NULL,
        digest {BLOB} NOT NULL, UNIQUE (site, site_seq)))",
    uR"(CREATE INDEX ops_case ON ops (case_id, seq))",
    // Clamped ops only (a partial index, rare rows): their original stamp maps to the stored one.
    uR"(CREATE INDEX ops_clamped ON ops (site, original_hlc) WHERE hlc <> original_hlc)",
    // Rejected ops are not stored as ops, but their verdict is, so a replay gets the same answer.
    uR"(CREATE TABLE rejected_ops (site TEXT NOT NULL, site_seq BIGINT NOT NULL, digest {BLOB} NOT NULL,
        reason TEXT NOT NULL, device_id TEXT, received_at BIGINT NOT NULL, PRIMARY KEY (site, site_seq)))",
    uR"(CREATE TABLE cases (id TEXT PRIMARY KEY, district TEXT NOT NULL, assigned_user TEXT,
        assigned_team TEXT, registry_number TEXT, created_by TEXT NOT NULL, created_seq BIGINT NOT NULL,
        create_txn TEXT NOT NULL, created_site TEXT NOT NULL))",
    uR"(CREATE TABLE site_acks (site TEXT PRIMARY KEY, acked_through BIGINT NOT NULL))",
    // since_seq: the client cursor when the case moved in (its snapshot is the ops up to it);
    // since_gen / at_gen: the device's scope generation of the move, carried in the cursor, so a
    // snapshot or purge is sent until the client has applied a page that carried it.
    uR"(CREATE TABLE device_cases (device_id TEXT NOT NULL, case_id TEXT NOT NULL, since_seq BIGINT NOT NULL,
        since_gen BIGINT NOT NULL, PRIMARY KEY (device_id, case_id)))",
    uR"(CREATE TABLE device_purges (device_id TEXT NOT NULL, case_id TEXT NOT NULL, at_seq BIGINT NOT NULL,
        at_gen BIGINT NOT NULL, PRIMARY KEY (device_id, case_id)))",
};

// Version 2: USB bundles. The device's bundle keys (sent at enrollment) and the pull cursor of
// the last bundle imported from it (an office-initiated bundle starts there).
const char16_t *const schemaV2[] = {
    uR"(ALTER TABLE devices ADD COLUMN bundle_sign {BLOB})",
    uR"(ALTER TABLE devices ADD COLUMN bundle_box {BLOB})",
    uR"(ALTER TABLE devices ADD COLUMN bundle_cursor {BLOB})",
};

// Version 3: sites and epochs. device_sites: further site ids a device took (a cloned laptop
// moves its ops to a new site id; the first device to use an unused id owns it). epochs: every
// open of the store gives the server's own ops a fresh site id, starting at first_seq, so a
// store restored from a backup never reissues a (site, seq) that laptops already hold, and a
// cursor issued in an epoch is valid only below the first seq of the epoch after it.
const char16_t *const schemaV3[] = {
    uR"(CREATE TABLE device_sites (site TEXT PRIMARY KEY, device_id TEXT NOT NULL, bound_at BIGINT NOT NULL))",
    uR"(CREATE TABLE epochs (site TEXT PRIMARY KEY, first_seq BIGINT NOT NULL, opened_at BIGINT NOT NULL))",
};

// Schema upgrades, append-only: schemaSteps[i] takes the store from version i+1 to i+2. A step
// that has shipped is never edited. A new store runs version 1 and then every step; an older
// store runs the steps it lacks when opened, in one transaction with the version bump.
// Version 4: what each device has pulled (the seq of the cursor it last sent), so the server can
// tell that a closure and new activity on a case were made without seeing each other.
const char16_t *const schemaV4[] = {
    uR"(ALTER TABLE devices ADD COLUMN pulled_seq BIGINT NOT NULL DEFAULT 0)",
};

// Version 5: tombstone clean-up. A case deleted longer than the retention is purged: its ops keep
// their place in the log (seq, site, digest: cursors and replays stay valid) but lose their
// values, its row goes, and this table refuses every later op on it (see retention.cpp).
const char16_t *const schemaV5[] = {
    uR"(CREATE TABLE purged_cases (case_id TEXT PRIMARY KEY, deleted_at BIGINT NOT NULL, purged_at BIGINT NOT NULL))",
};

// Version 6: attachment contents, sealed parts (see blobstore.cpp).
const char16_t *const schemaV6[] = {
    uR"(CREATE TABLE blobs (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, parts BIGINT NOT NULL))",
    uR"(CREATE INDEX blobs_case ON blobs (case_id))",
    uR"(CREATE TABLE blob_parts (id TEXT NOT NULL, part BIGINT NOT NULL, data {BLOB} NOT NULL, PRIMARY KEY (id, part)))",
};

const std::span<const char16_t *const> schemaSteps[] = {schemaV2, schemaV3, schemaV4, schemaV5, schemaV6};
constexpr int storeSchemaVersion = 1 + int(std::size(schemaSteps));

std::atomic<int> connectionCounter{0};


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

QByteArray genericHash(const QByteArray &in)
{
    QByteArray hash(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(hash.data()), hash.size(),
                       reinterpret_cast<const unsigned char *>(in.constData()), in.size(), nullptr, 0);
    return hash;
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

// Cursor: "c1|<epoch>|<seq>|<site of op at seq>|<site_seq of that op>|<scope generation>", where
// <epoch> is the newest epoch of the store when the cursor was issued (the store's site id for
// cursors from before epochs); a cursor is valid only below the first seq of every later epoch.
// Opaque to clients; the server checks every part, so a cursor from another server, from a
// server restored from an older backup, or from another device's generation is refused.
struct Cursor
{
    QString serverSite;
    qint64 seq = 0;
    QString site;
    qint64 siteSeq = 0;
    qint64 gen = 0;

    QByteArray encode() const
    {
        return u"c1|%1|%2|%3|%4|%5"_s.arg(serverSite).arg(seq).arg(site).arg(siteSeq).arg(gen).toUtf8();
    }

    static std::optional<Cursor> decode(const QByteArray &bytes)
    {
        Cursor c;
        if (bytes.isEmpty())
            return c;
        const QStringList parts = QString::fromUtf8(bytes).split(u'|');
        if (parts.size() != 6 || parts[0] != u"c1" || parts[1].isEmpty())
            return std::nullopt;
        c.serverSite = parts[1];
        bool ok1 = false, ok2 = false, ok3 = false;
        c.seq = parts[2].toLongLong(&ok1);
        c.site = parts[3];
        c.siteSeq = parts[4].toLongLong(&ok2);
        c.gen = parts[5].toLongLong(&ok3);
        if (!ok1 || !ok2 || !ok3 || c.seq < 0 || c.gen < 0)
            return std::nullopt;
        return c;
    }
};

qint64 opBytes(const WireOp &op)
{
    return 160 + (op.value ? op.value->size() : 0);
}

} // namespace


class ServerStore::Private : public ServerDb
{
public:
    QString epoch; // the site id of this open's server ops (see schemaV3)

    Status createSchema() const
    {
        for (const char16_t *statement : schemaV1) {
            if (Status s = runDdl(statement); !s)
                return s;
        }
        return upgradeFrom(1);
    }

    // Runs the steps after `version` and records the latest version (inside the caller's
    // transaction).
    Status upgradeFrom(qint64 version) const
    {
        for (qint64 step = version; step < storeSchemaVersion; ++step) {
            for (const char16_t *statement : schemaSteps[step - 1]) {
                if (Status s = runDdl(statement); !s)
                    return s;
            }
        }
        return setMetaNum(u"schema_version"_s, storeSchemaVersion);
    }

    Result<bool> hasSchema() const
    {
        const QStringList tables = db().tables();
        return tables.contains(u"meta"_s);
    }
};

namespace {

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

const QString opColumns
    = u"seq, site, site_seq, txn, entity, entity_id, case_id, field, op, value, hlc, author, "
      "base, schema_version"_s;

WireOp readOp(const QSqlQuery &q, qint64 *seq = nullptr)
{
    WireOp op;
    if (seq)
        *seq = q.value(0).toLongLong();
    op.site = q.value(1).toString();
    op.seq = q.value(2).toLongLong();
    op.txn = q.value(3).toString();
    op.entity = q.value(4).toString();
    op.entityId = q.value(5).toString();
    op.caseId = q.value(6).toString();
    op.field = q.value(7).toString();
    op.op = q.value(8).toString();
    if (!q.isNull(9)) {
        QByteArray v = q.value(9).toByteArray();
        if (v.isNull())
            v = QByteArray("", 0);
        op.value = v;
    }
    op.hlc = q.value(10).toLongLong();
    op.author = q.value(11).toString();
    op.base = q.value(12).toLongLong();
    op.schemaVersion = q.value(13).toInt();
    return op;
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

// One device with its user's role, team and state, and its bundle keys; `where` names `:key`.
Result<std::optional<ServerDevice>> findDevice(const ServerStore::Private &p, const QString &where,
                                               const QVariant &key)
{
    auto q = p.exec(
        u"SELECT d.id, d.login, d.name, d.site_id, d.enrolled_at, d.revoked_at, u.role, u.team_id, "
        "u.active, d.bundle_sign, d.bundle_box FROM devices d LEFT JOIN users u ON u.login = d.login "
        "WHERE "_s
            + where,
        {{u"key"_s, key}});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ServerDevice>();
    ServerDevice device;
    device.id = q->value(0).toString();
    device.login = q->value(1).toString();
    device.name = q->value(2).toString();
    device.siteId = q->value(3).toString();
    device.enrolledAtMs = q->value(4).toLongLong();
    if (!q->isNull(5))
        device.revokedAtMs = q->value(5).toLongLong();
    device.role = q->value(6).toString();
    device.teamId = q->value(7).toString();
    device.userActive = !q->isNull(8) && q->value(8).toInt() != 0;
    device.bundleSignPublic = q->value(9).toByteArray();
    device.bundleBoxPublic = q->value(10).toByteArray();
    return std::optional<ServerDevice>(device);
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

} // namespace

ServerStore::ServerStore()
    : d(std::make_unique<Private>())
{ }

ServerStore::~ServerStore() = default;

QSqlDatabase ServerStore::connection() const
{
    return d->db();
}

namespace {

// Opens the connection of a new store (no schema work).
Status connect(const QString &dataDir, const QString &databaseUrl, ServerStore::Private &p,
               ServerStore::Dialect &dialect)
{
    if (!QDir().mkpath(dataDir))
        return Error{Error::Code::StoreUnavailable, u"cannot create the data folder %1"_s.arg(dataDir)};
    p.connectionName = u"dampingi-server-%1"_s.arg(connectionCounter.fetch_add(1));
    if (databaseUrl.isEmpty()) {
        dialect = ServerStore::Dialect::Sqlite;
        p.dialect = dialect;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, p.connectionName);
        db.setDatabaseName(QDir(dataDir).filePath(u"server.db"_s));
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=30000"_s);
        if (!db.open())
            return sqlError(db);
        for (const QString &pragma :
             {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s, u"PRAGMA foreign_keys=ON"_s,
              u"PRAGMA secure_delete=ON"_s}) {
            QSqlQuery q(db);
            if (!q.exec(pragma))
                return sqlError(q);
        }
    } else {
        const QUrl url(databaseUrl);
        if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres"))
            return Core::invalidInput(
                u"database"_s, u"expected postgresql://user@host:port/db, got a %1 URL"_s.arg(url.scheme()));
        dialect = ServerStore::Dialect::Postgres;
        p.dialect = dialect;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, p.connectionName);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open())
            return sqlError(db);
        QSqlQuery q(db);
        // Quiet "relation already exists" notices and make each statement see committed rows.
        if (!q.exec(u"SET client_min_messages TO warning"_s))
            return sqlError(q);
    }
    return {};
}

Result<Core::SecretKey> readKey(const QString &dataDir)
{
    QFile file(QDir(dataDir).filePath(keyFileName));
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::StoreUnavailable,
                     u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString())};
    const QByteArray bytes = file.readAll();
    Core::SecretKey key = Core::SecretKey::fromBytes(bytes);
    if (!key.isValid())
        return Error{Error::Code::Corrupt, u"%1 is not a 32-byte key"_s.arg(file.fileName())};
    return key;
}

// The office's bundle keys: DIR/bundle.key (sign seed || box secret), created 0600 in one step
// when missing (a store initialised before bundles existed gets its keys on the next open).
// Like district.key it never enters the database.
Result<BundleKeys> ensureBundleKeys(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(bundleKeyFileName);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                  QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        BundleKeys keys = BundleKeys::generate();
        QByteArray seeds = keys.seeds();
        const bool written = file.write(seeds) == seeds.size() && file.flush();
        sodium_memzero(seeds.data(), size_t(seeds.size()));
        if (!written) {
            file.remove();
            return Error{Error::Code::StoreUnavailable, u"cannot write %1"_s.arg(path)};
        }
        qCInfo(lcServer) << "created the office's bundle keys in" << path;
        return keys;
    }
    // It exists (or another process just created it): read it.
    QFile existing(path);
    if (!existing.open(QIODevice::ReadOnly))
        return Error{Error::Code::StoreUnavailable,
                     u"cannot read %1: %2"_s.arg(path, existing.errorString())};
    QByteArray seeds = existing.readAll();
    BundleKeys keys = BundleKeys::fromSeeds(seeds);
    sodium_memzero(seeds.data(), size_t(seeds.size()));
    if (!keys.isValid())
        return Error{Error::Code::Corrupt, u"%1 is not a 64-byte bundle key file"_s.arg(path)};
    return keys;
}

} // namespace

Status ServerStore::initialise(const QString &dataDir, const QString &databaseUrl,
                               const QString &districtCode)
{
    if (!Core::ensureSodium())
        return Error{Error::Code::Internal, u"libsodium failed to initialise"_s};
    const QString district = districtCode.trimmed();
    if (district.isEmpty() || district.contains(u'|'))
        return Core::invalidInput(u"district"_s, u"a district code is required"_s);
    std::unique_ptr<ServerStore> store(new ServerStore());
    if (Status s = connect(dataDir, databaseUrl, *store->d, store->m_dialect); !s)
        return s;
    const Private &p = *store->d;
    auto has = p.hasSchema();
    if (!has)
        return has.error();
    if (*has) {
        auto site = p.metaText(u"site_id"_s);
        if (site && !site->isEmpty())
            return Error{Error::Code::Conflict, u"the server store is already initialised"_s};
    }
    const QString keyPath = QDir(dataDir).filePath(keyFileName);
    if (QFile::exists(keyPath))
        return Error{Error::Code::Conflict,
                     u"%1 exists already; refusing to replace the district key"_s.arg(keyPath)};

    ServerTransaction tx(p);
    if (Status s = tx.begin(true); !s)
        return s;
    if (!*has) {
        if (Status s = p.createSchema(); !s)
            return s;
    }
    QByteArray siteBytes(8, Qt::Uninitialized);
    Core::randomBytes(siteBytes.data(), siteBytes.size());
    const QString siteId = QString::fromLatin1(siteBytes.toHex());
    for (const auto &[key, value] : {std::pair{u"site_id"_s, siteId}, std::pair{u"district"_s, district}}) {
        if (Status s = p.setMetaText(key, value); !s)
            return s;
    }
    for (const QString &key : {u"ops_seq"_s, u"server_site_seq"_s, u"server_hlc"_s}) {
        if (Status s = p.setMetaNum(key, 0); !s)
            return s;
    }
    // The key file is created 0600 in one step (never world-readable, even briefly) and written
    // before the commit: a store without its key is useless, a stray key file is refused above.
    {
        QFile file(keyPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                       QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return Error{Error::Code::StoreUnavailable,
                         u"cannot create %1: %2"_s.arg(keyPath, file.errorString())};
        const Core::SecretKey key = Core::SecretKey::random();
        const qint64 written = file.write(reinterpret_cast<const char *>(key.data()), Core::SecretKey::size);
        if (written != qint64(Core::SecretKey::size) || !file.flush()) {
            file.remove();
            return Error{Error::Code::StoreUnavailable, u"cannot write %1"_s.arg(keyPath)};
        }
    }
    if (Status s = tx.commit(); !s) {
        QFile::remove(keyPath);
        return s;
    }
    if (auto bundleKeys = ensureBundleKeys(dataDir); !bundleKeys)
        return bundleKeys.error();
    qCInfo(lcServer) << "initialised server site" << siteId << "for district" << district;
    return {};
}

Result<std::unique_ptr<ServerStore>> ServerStore::open(const QString &dataDir, const QString &databaseUrl)
{
    if (!Core::ensureSodium())
        return Error{Error::Code::Internal, u"libsodium failed to initialise"_s};
    std::unique_ptr<ServerStore> store(new ServerStore());
    if (Status s = connect(dataDir, databaseUrl, *store->d, store->m_dialect); !s)
        return s.error();
    const Private &p = *store->d;
    auto has = p.hasSchema();
    if (!has)
        return has.error();
    if (!*has)
        return Error{Error::Code::NotFound, u"the server store is not initialised (run: admin init)"_s};
    auto version = p.metaNum(u"schema_version"_s);
    if (!version)
        return version.error();
    if (*version > storeSchemaVersion)
        return Error{
            Error::Code::SchemaTooNew,
            u"the server store has schema %1; this build knows %2"_s.arg(*version).arg(storeSchemaVersion)};
    if (*version < storeSchemaVersion) {
        // One upgrader at a time: SQLite's BEGIN IMMEDIATE, or the row lock on PostgreSQL; then
        // the version is read again, as another process may have upgraded meanwhile.
        ServerTransaction tx(p);
        if (Status s = tx.begin(true); !s)
            return s.error();
        if (Status s = p.run(u"UPDATE meta SET num = num + 0 WHERE key = 'schema_version'"_s); !s)
            return s.error();
        auto current = p.metaNum(u"schema_version"_s);
        if (!current)
            return current.error();
        if (*current < storeSchemaVersion) {
            if (Status s = p.upgradeFrom(*current); !s)
                return Error{Error::Code::MigrationFailed, s.error().detail};
            qCInfo(lcServer) << "upgraded the server store from schema" << *current << "to"
                             << storeSchemaVersion;
        }
        if (Status s = tx.commit(); !s)
            return s.error();
    }
    auto site = p.metaText(u"site_id"_s);
    auto district = p.metaText(u"district"_s);
    if (!site)
        return site.error();
    if (!district)
        return district.error();
    if (site->isEmpty())
        return Error{Error::Code::NotFound, u"the server store is not initialised (run: admin init)"_s};
    auto key = readKey(dataDir);
    if (!key)
        return key.error();
    auto bundleKeys = ensureBundleKeys(dataDir);
    if (!bundleKeys)
        return bundleKeys.error();
    store->m_bundleKeys = std::move(bundleKeys).value();
    // A new epoch for this open (schemaV3): the server's own ops get a site id never used
    // before, so a store restored from a backup cannot reissue a (site, seq) a laptop holds.
    {
        QByteArray epochBytes(8, Qt::Uninitialized);
        Core::randomBytes(epochBytes.data(), epochBytes.size());
        const QString epoch = QString::fromLatin1(epochBytes.toHex());
        ServerTransaction tx(p);
        if (Status s = tx.begin(true); !s)
            return s.error();
        if (Status s = p.lockIngest(); !s)
            return s.error();
        auto seq = p.metaNum(u"ops_seq"_s);
        if (!seq)
            return seq.error();
        if (Status s = p.run(
                u"INSERT INTO epochs (site, first_seq, opened_at) VALUES (:site, :first, :at)"_s,
                {{u"site"_s, epoch}, {u"first"_s, *seq + 1}, {u"at"_s, QDateTime::currentMSecsSinceEpoch()}});
            !s)
            return s.error();
        if (Status s = tx.commit(); !s)
            return s.error();
        store->d->epoch = epoch;
        store->m_epochSite = epoch;
    }
    store->m_dataDir = dataDir;
    store->m_siteId = *site;
    store->m_districtCode = *district;
    store->m_districtKey = std::move(key).value();
    return store;
}

// --- sync -------------------------------------------------------------------------------------

Result<std::optional<ServerDevice>> ServerStore::deviceByToken(const QByteArray &token)
{
    if (token.isEmpty())
        return std::optional<ServerDevice>();
    return findDevice(*d, u"d.token_hash = :key"_s, genericHash(token));
}

Result<EnrollReply> ServerStore::redeemEnrollment(const QByteArray &secret, const QString &deviceName,
                                                  const QString &siteId, qint64 nowMs,
                                                  const QByteArray &bundleSignPublic,
                                                  const QByteArray &bundleBoxPublic)
{
    if (siteId.isEmpty() || siteId.contains(u'|') || siteId == m_siteId)
        return Core::invalidInput(u"site"_s, u"the enrolling device sent no usable site id"_s);
    ServerTransaction tx(*d);
    if (Status s = tx.begin(true); !s)
        return s.error();
    const QByteArray hash = EnrollmentCode::secretHash(secret);
    // Claim the code first with one conditional UPDATE: of two devices redeeming the same code at
    // once, exactly one changes the row (the other waits for the row lock, then finds it used).
    {
        auto claim
            = d->exec(u"UPDATE enrollments SET used_at = :at WHERE secret_hash = :hash AND used_at IS NULL "
                      "AND expires_at > :now"_s,
                      {{u"at"_s, nowMs}, {u"hash"_s, hash}, {u"now"_s, nowMs}});
        if (!claim)
            return claim.error();
        if (claim->numRowsAffected() != 1)
            return Error{Error::Code::NotFound, u"unknown, used or expired enrollment code"_s};
    }
    QString login;
    QString storedName;
    QByteArray sealed;
    {
        auto q
            = d->exec(u"SELECT login, device_name, sealed_key FROM enrollments WHERE secret_hash = :hash"_s,
                      {{u"hash"_s, hash}});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{Error::Code::NotFound, u"unknown, used or expired enrollment code"_s};
        login = q->value(0).toString();
        storedName = q->value(1).toString();
        sealed = q->value(2).toByteArray();
    }
    // One site, one device: a second enrollment with the same site id (a cloned laptop) is refused.
    auto clash = d->scalar(u"SELECT id FROM devices WHERE site_id = :site AND revoked_at IS NULL UNION ALL "
                           "SELECT site FROM device_sites WHERE site = :site2 UNION ALL "
                           "SELECT site FROM epochs WHERE site = :site3"_s,
                           {{u"site"_s, siteId}, {u"site2"_s, siteId}, {u"site3"_s, siteId}});
    if (!clash)
        return clash.error();
    if (clash->has_value())
        return Error{Error::Code::Conflict, u"site %1 is already enrolled"_s.arg(siteId)};
    auto role
        = d->scalar(u"SELECT role FROM users WHERE login = :login AND active = 1"_s, {{u"login"_s, login}});
    if (!role)
        return role.error();
    if (!role->has_value())
        return Error{Error::Code::NotFound, u"the enrollment's user is gone or inactive"_s};

    EnrollReply reply;
    reply.deviceId = Core::newUuidV7(nowMs);
    reply.token.resize(32);
    Core::randomBytes(reply.token.data(), reply.token.size());
    reply.login = login;
    reply.role = (*role)->toString();
    reply.districtCode = m_districtCode;
    reply.serverSite = m_siteId;
    reply.sealedDistrictKey = sealed;
    reply.serverSignPublic = m_bundleKeys.signPublic;
    reply.serverBoxPublic = m_bundleKeys.boxPublic;
    const QString name = deviceName.trimmed().isEmpty() ? storedName : deviceName.trimmed();
    if (Status s = d->run(u"INSERT INTO devices (id, login, name, site_id, token_hash, enrolled_at) "
                          "VALUES (:id, :login, :name, :site, :hash, :at)"_s,
                          {{u"id"_s, reply.deviceId},
                           {u"login"_s, login},
                           {u"name"_s, text(name)},
                           {u"site"_s, siteId},
                           {u"hash"_s, genericHash(reply.token)},
                           {u"at"_s, nowMs}});
        !s)
        return s.error();
    // A device enrolled without usable bundle keys simply cannot exchange USB bundles.
    if (bundleSignPublic.size() == crypto_sign_PUBLICKEYBYTES
        && bundleBoxPublic.size() == crypto_box_PUBLICKEYBYTES) {
        if (Status s
            = d->run(u"UPDATE devices SET bundle_sign = :sign, bundle_box = :box WHERE id = :id"_s,
                     {{u"sign"_s, bundleSignPublic}, {u"box"_s, bundleBoxPublic}, {u"id"_s, reply.deviceId}});
            !s)
            return s.error();
    }
    if (Status s = d->run(u"UPDATE enrollments SET device_id = :device WHERE secret_hash = :hash"_s,
                          {{u"device"_s, reply.deviceId}, {u"hash"_s, hash}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcServer) << "enrolled device" << reply.deviceId << "site" << siteId;
    return reply;
}

Result<std::optional<ServerDevice>> ServerStore::deviceById(const QString &deviceId)
{
    return findDevice(*d, u"d.id = :key"_s, deviceId);
}

Result<QByteArray> ServerStore::bundleCursor(const QString &deviceId)
{
    auto v = d->scalar(u"SELECT bundle_cursor FROM devices WHERE id = :id"_s, {{u"id"_s, deviceId}});
    if (!v)
        return v.error();
    return v->has_value() ? (*v)->toByteArray() : QByteArray();
}

Status ServerStore::setBundleCursor(const QString &deviceId, const QByteArray &cursor)
{
    return d->run(
        u"UPDATE devices SET bundle_cursor = :cursor WHERE id = :id"_s,
        {{u"cursor"_s, QVariant(cursor.isNull() ? QByteArray("", 0) : cursor)}, {u"id"_s, deviceId}});
}

Result<bool> ServerStore::claimSite(const ServerDevice &device, const QString &site, qint64 nowMs)
{
    if (site.isEmpty() || site.contains(u'|') || site == m_siteId)
        return false;
    if (site == device.siteId)
        return true;
    ServerTransaction tx(*d); // the check and the binding, together
    if (Status s = tx.begin(true); !s)
        return s.error();
    auto owner = [&]() -> Result<std::optional<QString>> {
        auto q = d->exec(u"SELECT id FROM devices WHERE site_id = :site UNION ALL "
                         "SELECT device_id FROM device_sites WHERE site = :site2"_s,
                         {{u"site"_s, site}, {u"site2"_s, site}});
        if (!q)
            return q.error();
        std::optional<QString> found;
        while (q->next()) {
            const QString id = q->value(0).toString();
            if (found && *found != id)
                return std::optional<QString>(QString()); // two owners: nobody's
            found = id;
        }
        return found;
    };
    auto current = owner();
    if (!current)
        return current.error();
    if (current->has_value()) {
        if (Status s = tx.commit(); !s)
            return s.error();
        return **current == device.id;
    }
    // Never taken by a device: refuse the server's epochs and any site that has ops here.
    auto used = d->scalar(u"SELECT 1 FROM epochs WHERE site = :site UNION ALL "
                          "SELECT 1 FROM site_acks WHERE site = :site2"_s,
                          {{u"site"_s, site}, {u"site2"_s, site}});
    if (!used)
        return used.error();
    if (used->has_value()) {
        if (Status s = tx.commit(); !s)
            return s.error();
        return false;
    }
    if (Status s
        = d->run(u"INSERT INTO device_sites (site, device_id, bound_at) VALUES (:site, :device, :at) "
                 "ON CONFLICT (site) DO NOTHING"_s,
                 {{u"site"_s, site}, {u"device"_s, device.id}, {u"at"_s, nowMs}});
        !s)
        return s.error();
    auto after = owner(); // a concurrent claim may have won
    if (!after)
        return after.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    if (after->has_value() && **after == device.id) {
        qCInfo(lcServer) << "device" << device.id << "took the new site" << site;
        return true;
    }
    return false;
}

namespace {

// Whether the device may write to `caseId` now: the case is in its user's scope, or the
// device still holds it (device_cases), or it held it until a move-out (device_purges: pending edits of
// a case that moved out are still accepted), or the case was created on this device's site.
Result<bool> deviceMayWrite(const ServerStore::Private &p, const ServerDevice &device, const WireOp &op)
{
    QString assignedUser, assignedTeam, createdSite;
    {
        auto q = p.exec(u"SELECT assigned_user, assigned_team, created_site FROM cases WHERE id = :id"_s,
                        {{u"id"_s, op.caseId}});
        if (!q)
            return q.error();
        if (!q->next())
            return false;
        assignedUser = q->value(0).toString();
        assignedTeam = q->value(1).toString();
        createdSite = q->value(2).toString();
    }
    // The laptop that created the case held it from the start, until it learns of a move-out
    // (also under a site id it took later: a cloned laptop keeps its cases).
    if (createdSite == device.siteId)
        return true;
    {
        auto own = p.scalar(u"SELECT 1 FROM devices WHERE id = :device AND site_id = :site UNION ALL "
                            "SELECT 1 FROM device_sites WHERE device_id = :device2 AND site = :site2"_s,
                            {{u"device"_s, device.id},
                             {u"site"_s, createdSite},
                             {u"device2"_s, device.id},
                             {u"site2"_s, createdSite}});
        if (!own)
            return own.error();
        if (own->has_value())
            return true;
    }
    if (device.role == u"supervisor")
        return true;
    if (device.role == u"caseworker"
        && (assignedUser == device.login || (!device.teamId.isEmpty() && assignedTeam == device.teamId)))
        return true;
    auto held
        = p.scalar(u"SELECT 1 FROM device_cases WHERE device_id = :device AND case_id = :case "
                   "UNION ALL SELECT 1 FROM device_purges WHERE device_id = :device2 AND case_id = :case2"_s,
                   {{u"device"_s, device.id},
                    {u"case"_s, op.caseId},
                    {u"device2"_s, device.id},
                    {u"case2"_s, op.caseId}});
    if (!held)
        return held.error();
    return held->has_value();
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
    auto q = p.exec(u"SELECT site, value FROM ops WHERE case_id = :case AND txn = :txn AND entity_id = :entity "
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

// Why the device may not write to the op's case: "" (it may), `purged` (the case was purged
// after its retention: nothing brings it back) or `out_of_scope`.
Result<QString> writeRefusal(const ServerStore::Private &p, const ServerDevice &device, const WireOp &op)
{
    auto may = deviceMayWrite(p, device, op);
    if (!may)
        return may.error();
    if (*may)
        return QString();
    auto purged = p.scalar(u"SELECT 1 FROM purged_cases WHERE case_id = :case"_s, {{u"case"_s, op.caseId}});
    if (!purged)
        return purged.error();
    return purged->has_value() ? u"purged"_s : u"out_of_scope"_s;
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
    // Memos for this batch: the ops of one action share a stamp and a case.
    QHash<QString, QString> mayWriteMemo; // case id → refusal ("" = may write)
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
            reason = u"invalid"_s;
        if (reason.isEmpty() && !siblings.isEmpty()) {
            auto copy = storedUnderSibling(*d, op, siblings);
            if (!copy)
                return copy.error();
            if (*copy)
                reason = siblingCopy;
        }
        bool newCase = false;
        if (reason.isEmpty() && isCaseCreate(op)) {
            auto exists = d->scalar(u"SELECT 1 FROM cases WHERE id = :id UNION ALL "
                                    "SELECT 1 FROM purged_cases WHERE case_id = :id2"_s,
                                    {{u"id"_s, op.entityId}, {u"id2"_s, op.entityId}});
            if (!exists)
                return exists.error();
            newCase = !exists->has_value() && op.caseId == op.entityId && device.role != u"admin";
        }
        if (reason.isEmpty() && !newCase) {
            // Once per case and batch (an intake is ~45 ops of one case); an assignment op in
            // this batch forgets the answer.
            auto known = mayWriteMemo.constFind(op.caseId);
            if (known == mayWriteMemo.cend()) {
                auto refusal = writeRefusal(*d, device, op);
                if (!refusal)
                    return refusal.error();
                known = mayWriteMemo.insert(op.caseId, *refusal);
            }
            reason = *known;
        }
        // Server-only fields: a client may set them only in the transaction that creates the case
        // (the creator's assignment); the registry number is the server's alone.
        if (reason.isEmpty() && op.entity == u"case" && isServerOnly(op.entity, field)) {
            auto txn = d->scalar(u"SELECT create_txn FROM cases WHERE id = :id"_s, {{u"id"_s, op.caseId}});
            if (!txn)
                return txn.error();
            const bool creating = txn->has_value() && (*txn)->toString() == op.txn;
            if (field == u"registry_number" || (!creating && device.role != u"supervisor"))
                reason = u"invalid"_s;
        }
        // Person merges are a supervisor's (PersonMerge); a caseworker's laptop never writes one.
        if (reason.isEmpty() && op.entity == u"person" && field == u"merged_into" && device.role != u"supervisor")
            reason = u"invalid"_s;
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
        if ((op.op == u"create"_s && isActivity(op.entity))
            || (op.entity == u"case"_s && field == u"status"_s && op.value == closedStatus))
            racing << op.caseId;
        if (newCase) {
            if (Status s = d->run(
                    u"INSERT INTO cases (id, district, assigned_user, created_by, created_seq, create_txn, "
                    "created_site) VALUES (:id, :district, :user, :by, :seq, :txn, :site)"_s,
                    {{u"id"_s, op.entityId},
                     {u"district"_s, m_districtCode},
                     {u"user"_s, text(op.author)},
                     {u"by"_s, text(op.author)},
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
            // The creator's (or a supervisor's) assignment moves the case into that scope.
            mayWriteMemo.remove(op.caseId);
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
    auto caseId = d->scalar(u"SELECT case_id FROM ops WHERE entity = 'attachment' AND entity_id = :id "
                            "AND op = 'create'"_s,
                            {{u"id"_s, request.attachmentId}});
    if (!caseId)
        return caseId.error();
    if (!caseId->has_value())
        return Error{Error::Code::NotFound, u"attachment %1 has not reached the server"_s.arg(request.attachmentId)};
    WireOp probe;
    probe.caseId = (*caseId)->toString();
    auto refusal = writeRefusal(*d, device, probe);
    if (!refusal)
        return refusal.error();
    if (!refusal->isEmpty())
        return Error{Error::Code::Refused, u"attachment %1: %2"_s.arg(request.attachmentId, *refusal)};
    return BlobStore::put(*d, probe.caseId, request);
}

Result<QStringList> ServerStore::purgeDeleted(qint64 retentionMs, qint64 nowMs)
{
    return Retention::purgeDeleted(*d, retentionMs, nowMs);
}

Result<qint64> ServerStore::ackedThrough(const QString &site)
{
    auto v = d->scalar(u"SELECT acked_through FROM site_acks WHERE site = :site"_s, {{u"site"_s, site}});
    if (!v)
        return v.error();
    return v->has_value() ? (*v)->toLongLong() : qint64(0);
}

Result<qint64> ServerStore::highWatermark()
{
    return d->metaNum(u"ops_seq"_s);
}

Result<bool> ServerStore::cursorValid(const QByteArray &cursor, const ServerDevice *device)
{
    const auto c = Cursor::decode(cursor);
    if (!c)
        return false;
    auto w = d->metaNum(u"ops_seq"_s);
    if (!w)
        return w.error();
    if (c->seq > *w)
        return false;
    if (!cursor.isEmpty()) {
        // The epoch the cursor was issued in must be known here (a store restored from a backup
        // does not know the epochs opened after it), and no epoch opened after it may start at
        // or below the cursor: after a restore to watermark W, the next open starts at W + 1, so
        // a cursor issued past W before the restore is refused even if W + 1.. were refilled.
        qint64 first = 0;
        if (c->serverSite != m_siteId) {
            auto e = d->scalar(u"SELECT first_seq FROM epochs WHERE site = :site"_s,
                               {{u"site"_s, c->serverSite}});
            if (!e)
                return e.error();
            if (!e->has_value())
                return false;
            first = (*e)->toLongLong();
        }
        auto later = d->scalar(u"SELECT MIN(first_seq) FROM epochs WHERE first_seq > :first"_s,
                               {{u"first"_s, first}});
        if (!later)
            return later.error();
        if (later->has_value() && !(*later)->isNull() && c->seq >= (*later)->toLongLong())
            return false;
    }
    if (c->seq > 0) {
        auto q = d->exec(u"SELECT site, site_seq FROM ops WHERE seq = :seq"_s, {{u"seq"_s, c->seq}});
        if (!q)
            return q.error();
        if (!q->next() || q->value(0).toString() != c->site || q->value(1).toLongLong() != c->siteSeq)
            return false;
    }
    if (device) {
        auto gen = d->scalar(u"SELECT scope_gen FROM devices WHERE id = :id"_s, {{u"id"_s, device->id}});
        if (!gen)
            return gen.error();
        if (c->gen > (gen->has_value() ? (*gen)->toLongLong() : 0))
            return false;
    }
    return true;
}

Result<QStringList> ServerStore::scope(const ServerDevice &device)
{
    QStringList ids;
    if (!device.userActive || device.revoked())
        return ids;
    Result<Rows> q = Error{};
    if (device.role == u"supervisor")
        q = d->exec(u"SELECT id FROM cases WHERE district = :district ORDER BY id"_s,
                    {{u"district"_s, m_districtCode}});
    else if (device.role == u"caseworker" && !device.teamId.isEmpty())
        q = d->exec(
            u"SELECT id FROM cases WHERE assigned_user = :login OR assigned_team = :team ORDER BY id"_s,
            {{u"login"_s, device.login}, {u"team"_s, device.teamId}});
    else if (device.role == u"caseworker")
        q = d->exec(u"SELECT id FROM cases WHERE assigned_user = :login ORDER BY id"_s,
                    {{u"login"_s, device.login}});
    else
        return ids; // admin: no case content
    if (!q)
        return q.error();
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

Result<PullReply> ServerStore::pull(const ServerDevice &device, const QByteArray &cursorBytes, int maxOps)
{
    const auto cursor = Cursor::decode(cursorBytes);
    if (!cursor)
        return Error{Error::Code::Conflict, u"the cursor is not one of this server's"_s};
    // A write transaction (scope reconciliation writes device_cases); on SQLite it also gives a
    // consistent snapshot. On PostgreSQL every read below is bounded by the watermark W read
    // first: ops up to W committed together with W, so later statements see all of them.
    ServerTransaction tx(*d);
    if (Status s = tx.begin(true); !s)
        return s.error();
    auto valid = cursorValid(cursorBytes, &device);
    if (!valid)
        return valid.error();
    if (!*valid)
        return Error{Error::Code::Conflict, u"the cursor points past or beside what this server holds"_s};
    auto watermark = d->metaNum(u"ops_seq"_s);
    if (!watermark)
        return watermark.error();
    const qint64 w = *watermark;
    // The client applied everything up to its cursor (see reopenRacingClosures).
    if (Status s = d->run(u"UPDATE devices SET pulled_seq = :seq WHERE id = :id AND pulled_seq < :seq2"_s,
                          {{u"seq"_s, cursor->seq}, {u"seq2"_s, cursor->seq}, {u"id"_s, device.id}});
        !s)
        return s.error();
    qint64 gen = 0;
    {
        auto g = d->scalar(u"SELECT scope_gen FROM devices WHERE id = :id"_s, {{u"id"_s, device.id}});
        if (!g)
            return g.error();
        gen = g->has_value() ? (*g)->toLongLong() : 0;
    }
    const qint64 genBefore = gen;

    // Reconcile the scope: move-ins get a snapshot of what the client cannot have (ops up to
    // its cursor), move-outs a purge. Each move takes the next scope generation.
    auto scopeIds = scope(device);
    if (!scopeIds)
        return scopeIds.error();
    QSet<QString> held;
    {
        auto q = d->exec(u"SELECT case_id FROM device_cases WHERE device_id = :device"_s,
                         {{u"device"_s, device.id}});
        if (!q)
            return q.error();
        while (q->next())
            held.insert(q->value(0).toString());
    }
    const QSet<QString> wanted(scopeIds->cbegin(), scopeIds->cend());
    for (const QString &caseId : std::as_const(*scopeIds)) {
        if (held.contains(caseId))
            continue;
        ++gen;
        if (Status s = d->run(u"DELETE FROM device_purges WHERE device_id = :device AND case_id = :case"_s,
                              {{u"device"_s, device.id}, {u"case"_s, caseId}});
            !s)
            return s.error();
        if (Status s = d->run(
                u"INSERT INTO device_cases (device_id, case_id, since_seq, since_gen) "
                "VALUES (:device, :case, :seq, :gen)"_s,
                {{u"device"_s, device.id}, {u"case"_s, caseId}, {u"seq"_s, cursor->seq}, {u"gen"_s, gen}});
            !s)
            return s.error();
    }
    QStringList leaving;
    for (const QString &caseId : std::as_const(held)) {
        if (!wanted.contains(caseId))
            leaving << caseId;
    }
    leaving.sort();
    for (const QString &caseId : std::as_const(leaving)) {
        ++gen;
        if (Status s = d->run(u"DELETE FROM device_cases WHERE device_id = :device AND case_id = :case"_s,
                              {{u"device"_s, device.id}, {u"case"_s, caseId}});
            !s)
            return s.error();
        if (Status s
            = d->run(u"INSERT INTO device_purges (device_id, case_id, at_seq, at_gen) "
                     "VALUES (:device, :case, :seq, :gen) ON CONFLICT (device_id, case_id) "
                     "DO UPDATE SET at_seq = excluded.at_seq, at_gen = excluded.at_gen"_s,
                     {{u"device"_s, device.id}, {u"case"_s, caseId}, {u"seq"_s, w}, {u"gen"_s, gen}});
            !s)
            return s.error();
    }
    if (gen != genBefore) {
        if (Status s = d->run(u"UPDATE devices SET scope_gen = :gen WHERE id = :id"_s,
                              {{u"gen"_s, gen}, {u"id"_s, device.id}});
            !s)
            return s.error();
        qCInfo(lcServer) << "device" << device.id << "scope: moves" << (gen - genBefore) << "("
                         << leaving.size() << "out)";
    }
    // Purge rows stay after the client applied them (they are not sent again: the cursor's
    // generation has passed them). They are the record that this device held the case, so its
    // pending edits made before it erased the case are still accepted, however long the laptop
    // defers the erasure (it erases only once those edits are pushed). A move-in deletes them.

    PullReply reply;
    const qint64 limit = qBound<qint64>(1, maxOps > 0 ? maxOps : maxPullOps, maxPullOps);
    qint64 bytes = 0;

    // Scope events after the client's generation, in generation order: snapshots and purges.
    // They share the page's byte budget; at least one is sent per page, and the cursor's
    // generation only advances past the events the page carries.
    struct Event
    {
        qint64 gen;
        QString caseId;
        qint64 sinceSeq; // -1: purge
    };
    QList<Event> events;
    {
        auto q
            = d->exec(u"SELECT since_gen, case_id, since_seq FROM device_cases WHERE device_id = :device AND "
                      "since_gen > :gen UNION ALL SELECT at_gen, case_id, -1 FROM device_purges WHERE "
                      "device_id = :device2 AND at_gen > :gen2 ORDER BY 1"_s,
                      {{u"device"_s, device.id},
                       {u"gen"_s, cursor->gen},
                       {u"device2"_s, device.id},
                       {u"gen2"_s, cursor->gen}});
        if (!q)
            return q.error();
        while (q->next())
            events.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong()});
    }
    qint64 nextGen = cursor->gen;
    bool eventsLeft = false;
    for (const Event &event : std::as_const(events)) {
        if (bytes >= maxPullBytes && nextGen > cursor->gen) {
            eventsLeft = true;
            break;
        }
        if (event.sinceSeq < 0) {
            reply.purge << event.caseId;
            bytes += 64;
        } else if (std::max(event.sinceSeq, cursor->seq) > 0) {
            // Up to the move-in, or to this cursor when it is further: two copies of a cloned
            // laptop share the device, and the one whose cursor is ahead of the move-in passed
            // the case's ops in between while it was not theirs (found by the sync simulation).
            // Also when the move-in was recorded at cursor 0 (the other copy had pulled nothing):
            // this copy's cursor may be ahead (seed 256).
            auto q = d->exec(u"SELECT "_s + opColumns
                                 + u" FROM ops WHERE case_id = :case AND seq <= :seq ORDER BY seq"_s,
                             {{u"case"_s, event.caseId}, {u"seq"_s, std::max(event.sinceSeq, cursor->seq)}});
            if (!q)
                return q.error();
            while (q->next()) {
                reply.ops << readOp(q->query());
                bytes += opBytes(reply.ops.last());
            }
        }
        nextGen = event.gen;
    }
    if (!eventsLeft)
        nextGen = gen;

    // The stream: ops after the cursor of the cases this device holds, in cursor order.
    qint64 nextSeq = w;
    bool streamLeft = false;
    {
        auto q = d->exec(
            u"SELECT "_s + opColumns
                + u" FROM ops WHERE seq > :cursor AND seq <= :w AND case_id IN "
                  "(SELECT case_id FROM device_cases WHERE device_id = :device) ORDER BY seq LIMIT :n"_s,
            {{u"cursor"_s, cursor->seq}, {u"w"_s, w}, {u"device"_s, device.id}, {u"n"_s, limit + 1}});
        if (!q)
            return q.error();
        qint64 taken = 0;
        qint64 lastSeq = cursor->seq;
        while (q->next()) {
            if (taken >= limit || (taken > 0 && bytes >= maxPullBytes)) {
                streamLeft = true;
                break;
            }
            qint64 seq = 0;
            reply.ops << readOp(q->query(), &seq);
            bytes += opBytes(reply.ops.last());
            lastSeq = seq;
            ++taken;
        }
        // A full page stops at the last op it carries; otherwise the page covers everything up to
        // the watermark, including ops of other cases, so the cursor moves past them.
        if (streamLeft)
            nextSeq = lastSeq;
    }
    Cursor next;
    {
        // The newest epoch, read after the watermark: any epoch opened later starts above it.
        auto e = d->scalar(u"SELECT site FROM epochs ORDER BY first_seq DESC, site LIMIT 1"_s);
        if (!e)
            return e.error();
        next.serverSite = e->has_value() ? (*e)->toString() : m_siteId;
    }
    next.seq = nextSeq;
    next.gen = nextGen;
    if (nextSeq > 0) {
        auto q = d->exec(u"SELECT site, site_seq FROM ops WHERE seq = :seq"_s, {{u"seq"_s, nextSeq}});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{Error::Code::Internal, u"the cursor op %1 vanished"_s.arg(nextSeq)};
        next.site = q->value(0).toString();
        next.siteSeq = q->value(1).toLongLong();
    }
    reply.nextCursor = next.encode();
    reply.more = streamLeft || eventsLeft;
    if (Status s = tx.commit(); !s)
        return s.error();
    qCDebug(lcServer) << "pull by device" << device.id << ":" << reply.ops.size() << "ops,"
                      << reply.purge.size() << "purges, more" << reply.more;
    return reply;
}

// --- admin ------------------------------------------------------------------------------------

Result<QString> ServerStore::teamId(const QString &idOrName)
{
    auto v = d->scalar(
        u"SELECT id FROM teams WHERE id = :id UNION ALL SELECT id FROM teams WHERE name = :name"_s,
        {{u"id"_s, idOrName}, {u"name"_s, idOrName}});
    if (!v)
        return v.error();
    if (!v->has_value())
        return Error{Error::Code::NotFound, u"no team %1"_s.arg(idOrName)};
    return (*v)->toString();
}

Result<QString> ServerStore::createTeam(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Core::invalidInput(u"name"_s, u"a team needs a name"_s);
    auto existing = d->scalar(u"SELECT id FROM teams WHERE name = :name"_s, {{u"name"_s, trimmed}});
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{Error::Code::Conflict, u"a team named %1 exists"_s.arg(trimmed)};
    const QString id = Core::newUuidV7(QDateTime::currentMSecsSinceEpoch());
    if (Status s = d->run(u"INSERT INTO teams (id, name) VALUES (:id, :name)"_s,
                          {{u"id"_s, id}, {u"name"_s, trimmed}});
        !s)
        return s.error();
    return id;
}

Status ServerStore::createUser(const QString &login, const QString &name, const QString &role,
                               const QString &team)
{
    if (login.trimmed().isEmpty() || login != login.trimmed() || login == serverAuthor)
        return Core::invalidInput(u"login"_s, u"a login is required (no spaces around it, not \"server\")"_s);
    if (role != u"caseworker" && role != u"supervisor" && role != u"admin")
        return Core::invalidInput(u"role"_s, u"role must be caseworker, supervisor or admin"_s);
    QString team_;
    if (!team.isEmpty()) {
        auto id = teamId(team);
        if (!id)
            return Core::invalidInput(u"team"_s, id.error().detail);
        team_ = *id;
    }
    auto existing = d->scalar(u"SELECT 1 FROM users WHERE login = :login"_s, {{u"login"_s, login}});
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{Error::Code::Conflict, u"user %1 exists"_s.arg(login)};
    return d->run(
        u"INSERT INTO users (login, name, role, team_id, active) VALUES (:login, :name, :role, :team, 1)"_s,
        {{u"login"_s, login}, {u"name"_s, text(name)}, {u"role"_s, role}, {u"team"_s, nullableText(team_)}});
}

Status ServerStore::setUserActive(const QString &login, bool active)
{
    auto q = d->exec(u"UPDATE users SET active = :active WHERE login = :login"_s,
                     {{u"active"_s, active ? 1 : 0}, {u"login"_s, login}});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{Error::Code::NotFound, u"no user %1"_s.arg(login)};
    return {};
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
            return Core::invalidInput(field, u"%1 is not a server-only case field"_s.arg(field));
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

Result<QString> ServerStore::createEnrollment(const QString &login, const QString &deviceName,
                                              const QByteArray &certificateSha256, qint64 nowMs,
                                              qint64 validMs)
{
    auto active = d->scalar(u"SELECT active FROM users WHERE login = :login"_s, {{u"login"_s, login}});
    if (!active)
        return active.error();
    if (!active->has_value())
        return Error{Error::Code::NotFound, u"no user %1"_s.arg(login)};
    if ((*active)->toInt() == 0)
        return Error{Error::Code::Conflict, u"user %1 is inactive"_s.arg(login)};
    const EnrollmentCode code = EnrollmentCode::generate(certificateSha256);
    if (Status s = d->run(
            u"INSERT INTO enrollments (secret_hash, login, device_name, sealed_key, created_at, expires_at) "
            "VALUES (:hash, :login, :name, :sealed, :at, :expires)"_s,
            {{u"hash"_s, EnrollmentCode::secretHash(code.secret)},
             {u"login"_s, login},
             {u"name"_s, text(deviceName)},
             {u"sealed"_s, EnrollmentCode::sealDistrictKey(m_districtKey, code.secret)},
             {u"at"_s, nowMs},
             {u"expires"_s, nowMs + validMs}});
        !s)
        return s.error();
    qCInfo(lcServer) << "enrollment code created for" << login;
    return code.toString();
}

Status ServerStore::revokeDevice(const QString &deviceId, qint64 nowMs)
{
    auto q = d->exec(u"UPDATE devices SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL"_s,
                     {{u"at"_s, nowMs}, {u"id"_s, deviceId}});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0) {
        auto exists = d->scalar(u"SELECT 1 FROM devices WHERE id = :id"_s, {{u"id"_s, deviceId}});
        if (!exists)
            return exists.error();
        if (!exists->has_value())
            return Error{Error::Code::NotFound, u"no device %1"_s.arg(deviceId)};
    }
    qCInfo(lcServer) << "revoked device" << deviceId;
    return {};
}

Result<QList<ServerDevice>> ServerStore::devices()
{
    auto q = d->exec(
        u"SELECT d.id, d.login, d.name, d.site_id, d.enrolled_at, d.revoked_at, u.role, u.team_id, "
        "u.active FROM devices d LEFT JOIN users u ON u.login = d.login ORDER BY d.enrolled_at, d.id"_s);
    if (!q)
        return q.error();
    QList<ServerDevice> list;
    while (q->next()) {
        ServerDevice device;
        device.id = q->value(0).toString();
        device.login = q->value(1).toString();
        device.name = q->value(2).toString();
        device.siteId = q->value(3).toString();
        device.enrolledAtMs = q->value(4).toLongLong();
        if (!q->isNull(5))
            device.revokedAtMs = q->value(5).toLongLong();
        device.role = q->value(6).toString();
        device.teamId = q->value(7).toString();
        device.userActive = !q->isNull(8) && q->value(8).toInt() != 0;
        list << device;
    }
    return list;
}

Result<QList<ServerUser>> ServerStore::users()
{
    auto q = d->exec(u"SELECT login, name, role, team_id, active FROM users ORDER BY login"_s);
    if (!q)
        return q.error();
    QList<ServerUser> list;
    while (q->next())
        list << ServerUser{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                           q->value(3).toString(), q->value(4).toInt() != 0};
    return list;
}

Result<QList<ServerTeam>> ServerStore::teams()
{
    auto q = d->exec(u"SELECT id, name FROM teams ORDER BY name"_s);
    if (!q)
        return q.error();
    QList<ServerTeam> list;
    while (q->next())
        list << ServerTeam{q->value(0).toString(), q->value(1).toString()};
    return list;
}

Result<QList<WireOp>> ServerStore::caseOps(const QString &caseId)
{
    auto q = d->exec(u"SELECT "_s + opColumns + u" FROM ops WHERE case_id = :case ORDER BY seq"_s,
                     {{u"case"_s, caseId}});
    if (!q)
        return q.error();
    QList<WireOp> list;
    while (q->next())
        list << readOp(q->query());
    return list;
}

Result<QString> ServerStore::registryNumber(const QString &caseId)
{
    auto v = d->scalar(u"SELECT registry_number FROM cases WHERE id = :id"_s, {{u"id"_s, caseId}});
    if (!v)
        return v.error();
    if (!v->has_value())
        return Error{Error::Code::NotFound, u"no case %1"_s.arg(caseId)};
    return (*v)->isNull() ? QString() : (*v)->toString();
}

Result<qint64> ServerStore::opCount()
{
    auto v = d->scalar(u"SELECT COUNT(*) FROM ops"_s);
    if (!v)
        return v.error();
    return v->has_value() ? (*v)->toLongLong() : qint64(0);
}

} // namespace Sync
