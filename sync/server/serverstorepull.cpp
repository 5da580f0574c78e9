// SPDX-License-Identifier: GPL-3.0-or-later
// ServerStore, pull half: cursors, scope reconciliation and pages of the ops log. These are
// ServerStore's member functions, split from serverstore.cpp only because one file of 2,000
// lines was too big to review; shared helpers are in serverstore_p.h.
#include "sync/server/serverstore.h"
#include "sync/server/serverstore_p.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <sodium.h>
#include <utility>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

namespace ServerStoreDetail {

const QString opColumns
    = u"seq, site, site_seq, txn, entity, entity_id, case_id, field, op, value, hlc, author, "
      "base, schema_version"_s;

WireOp readOp(const QSqlQuery &q, qint64 *seq)
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

} // namespace ServerStoreDetail

using ServerStoreDetail::opColumns;
using ServerStoreDetail::readOp;

namespace {

// Cursor: "c2|<epoch>|<seq>|<site of op at seq>|<site_seq of that op>|<scope generation>|<tag>",
// where <epoch> is the newest epoch of the store when the cursor was issued (the store's site id
// for cursors from before epochs); a cursor is valid only below the first seq of every later
// epoch. <tag> is a keyed BLAKE2b (16 bytes, hex) of the device id and everything before it,
// under the store's cursor key: a cursor is opaque to clients, and one altered, forged or
// taken from another device is refused before any of its parts is believed. The server also
// checks every part, so a cursor from another server, from a server restored from an older
// backup, or from another device's generation is refused.
struct Cursor
{
    QString serverSite;
    qint64 seq = 0;
    QString site;
    qint64 siteSeq = 0;
    qint64 gen = 0;

    static QByteArray tag(const QByteArray &key, const QString &deviceId, const QByteArray &payload)
    {
        QByteArray input = deviceId.toUtf8();
        input += '\x1f';
        input += payload;
        QByteArray out(16, Qt::Uninitialized);
        crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                           reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()),
                           reinterpret_cast<const unsigned char *>(key.constData()), size_t(key.size()));
        return out.toHex();
    }

    QByteArray encode(const QByteArray &key, const QString &deviceId) const
    {
        const QByteArray payload
            = u"c2|%1|%2|%3|%4|%5"_s.arg(serverSite).arg(seq).arg(site).arg(siteSeq).arg(gen).toUtf8();
        return payload + '|' + tag(key, deviceId, payload);
    }

    static std::optional<Cursor> decode(const QByteArray &bytes, const QByteArray &key,
                                        const QString &deviceId)
    {
        Cursor c;
        if (bytes.isEmpty())
            return c;
        if (bytes.size() > 512)
            return std::nullopt;
        const qsizetype cut = bytes.lastIndexOf('|');
        if (cut < 0)
            return std::nullopt;
        const QByteArray payload = bytes.left(cut);
        const QByteArray expected = tag(key, deviceId, payload);
        const QByteArray given = bytes.mid(cut + 1);
        if (given.size() != expected.size()
            || sodium_memcmp(given.constData(), expected.constData(), size_t(expected.size())) != 0)
            return std::nullopt;
        const QStringList parts = QString::fromUtf8(payload).split(u'|');
        if (parts.size() != 6 || parts[0] != u"c2" || parts[1].isEmpty())
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

Result<bool> ServerStore::cursorValid(const QByteArray &cursor, const ServerDevice &device)
{
    const auto c = Cursor::decode(cursor, d->cursorKey, device.id);
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
    {
        auto gen = d->scalar(u"SELECT scope_gen FROM devices WHERE id = :id"_s, {{u"id"_s, device.id}});
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

namespace {

// What one part of a page reached: the cursor value (seq or generation) the next cursor carries,
// and whether the page had to leave more for the next one.
struct PageProgress
{
    qint64 next = 0;
    bool left = false;
};

// A case moved into the device's scope: a snapshot of its ops up to the cursor `sinceSeq` (any
// purge of it is void), at scope generation `gen`.
Status recordMoveIn(const ServerStore::Private &p, const QString &deviceId, const QString &caseId,
                    qint64 sinceSeq, qint64 gen)
{
    if (Status s = p.run(u"DELETE FROM device_purges WHERE device_id = :device AND case_id = :case"_s,
                         {{u"device"_s, deviceId}, {u"case"_s, caseId}});
        !s)
        return s;
    return p.run(u"INSERT INTO device_cases (device_id, case_id, since_seq, since_gen) "
                 "VALUES (:device, :case, :seq, :gen)"_s,
                 {{u"device"_s, deviceId}, {u"case"_s, caseId}, {u"seq"_s, sinceSeq}, {u"gen"_s, gen}});
}

// A case moved out of the device's scope: a purge at the watermark `w`, generation `gen`.
Status recordMoveOut(const ServerStore::Private &p, const QString &deviceId, const QString &caseId, qint64 w,
                     qint64 gen)
{
    if (Status s = p.run(u"DELETE FROM device_cases WHERE device_id = :device AND case_id = :case"_s,
                         {{u"device"_s, deviceId}, {u"case"_s, caseId}});
        !s)
        return s;
    return p.run(u"INSERT INTO device_purges (device_id, case_id, at_seq, at_gen) "
                 "VALUES (:device, :case, :seq, :gen) ON CONFLICT (device_id, case_id) "
                 "DO UPDATE SET at_seq = excluded.at_seq, at_gen = excluded.at_gen"_s,
                 {{u"device"_s, deviceId}, {u"case"_s, caseId}, {u"seq"_s, w}, {u"gen"_s, gen}});
}

// Reconciles what the device holds (device_cases) with its scope `wanted` now: move-ins get a
// snapshot of what the client cannot have (ops up to its cursor `cursorSeq`), move-outs a purge
// at the watermark `w`. Each move takes the next scope generation; returns the device's
// generation after them.
Result<qint64> reconcileScope(const ServerStore::Private &p, const QString &deviceId,
                              const QStringList &wanted, qint64 cursorSeq, qint64 w)
{
    auto g = p.scalar(u"SELECT scope_gen FROM devices WHERE id = :id"_s, {{u"id"_s, deviceId}});
    if (!g)
        return g.error();
    const qint64 genBefore = g->has_value() ? (*g)->toLongLong() : 0;
    qint64 gen = genBefore;
    QSet<QString> held;
    {
        auto q = p.exec(u"SELECT case_id FROM device_cases WHERE device_id = :device"_s,
                        {{u"device"_s, deviceId}});
        if (!q)
            return q.error();
        while (q->next())
            held.insert(q->value(0).toString());
    }
    for (const QString &caseId : wanted) {
        if (held.contains(caseId))
            continue;
        if (Status s = recordMoveIn(p, deviceId, caseId, cursorSeq, ++gen); !s)
            return s.error();
    }
    const QSet<QString> wantedSet(wanted.cbegin(), wanted.cend());
    QStringList leaving;
    for (const QString &caseId : std::as_const(held)) {
        if (!wantedSet.contains(caseId))
            leaving << caseId;
    }
    leaving.sort();
    for (const QString &caseId : std::as_const(leaving)) {
        if (Status s = recordMoveOut(p, deviceId, caseId, w, ++gen); !s)
            return s.error();
    }
    if (gen != genBefore) {
        if (Status s = p.run(u"UPDATE devices SET scope_gen = :gen WHERE id = :id"_s,
                             {{u"gen"_s, gen}, {u"id"_s, deviceId}});
            !s)
            return s.error();
        qCInfo(lcServer) << "device" << deviceId << "scope: moves" << (gen - genBefore) << "("
                         << leaving.size() << "out)";
    }
    // Purge rows stay after the client applied them (they are not sent again: the cursor's
    // generation has passed them). They are the record that this device held the case, so its
    // pending edits made before it erased the case are still accepted, however long the laptop
    // defers the erasure (it erases only once those edits are pushed). A move-in deletes them.
    return gen;
}

// Scope events after the cursor's generation, in generation order: snapshots and purges, into
// `reply`. They share the page's byte budget (`bytes`); at least one is sent per page, and the
// cursor's generation only advances past the events the page carries (to `gen` when all fit).
Result<PageProgress> appendScopeEvents(const ServerStore::Private &p, const QString &deviceId,
                                       const Cursor &cursor, qint64 gen, PullReply &reply, qint64 &bytes)
{
    struct Event
    {
        qint64 gen;
        QString caseId;
        qint64 sinceSeq; // -1: purge
    };
    QList<Event> events;
    {
        auto q
            = p.exec(u"SELECT since_gen, case_id, since_seq FROM device_cases WHERE device_id = :device AND "
                     "since_gen > :gen UNION ALL SELECT at_gen, case_id, -1 FROM device_purges WHERE "
                     "device_id = :device2 AND at_gen > :gen2 ORDER BY 1"_s,
                     {{u"device"_s, deviceId},
                      {u"gen"_s, cursor.gen},
                      {u"device2"_s, deviceId},
                      {u"gen2"_s, cursor.gen}});
        if (!q)
            return q.error();
        while (q->next())
            events.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong()});
    }
    PageProgress progress{cursor.gen, false};
    for (const Event &event : std::as_const(events)) {
        if (bytes >= ServerStore::maxPullBytes && progress.next > cursor.gen) {
            progress.left = true;
            return progress;
        }
        if (event.sinceSeq < 0) {
            reply.purge << event.caseId;
            bytes += 64;
        } else if (std::max(event.sinceSeq, cursor.seq) > 0) {
            // Up to the move-in, or to this cursor when it is further: two copies of a cloned
            // laptop share the device, and the one whose cursor is ahead of the move-in passed
            // the case's ops in between while it was not theirs (found by the sync simulation).
            // Also when the move-in was recorded at cursor 0 (the other copy had pulled nothing):
            // this copy's cursor may be ahead (seed 256).
            auto q = p.exec(u"SELECT "_s + opColumns
                                + u" FROM ops WHERE case_id = :case AND seq <= :seq ORDER BY seq"_s,
                            {{u"case"_s, event.caseId}, {u"seq"_s, std::max(event.sinceSeq, cursor.seq)}});
            if (!q)
                return q.error();
            while (q->next()) {
                reply.ops << readOp(q->query());
                bytes += opBytes(reply.ops.last());
            }
        }
        progress.next = event.gen;
    }
    progress.next = gen;
    return progress;
}

// Whether the device holds most of the district's cases (a supervisor): its pages then walk the
// log in seq order and check each op's case (a page reads about as many ops as it carries).
// Otherwise its cases' ops are read through ops_case and sorted, as walking would read every
// other case's ops; for a district device that read all ops after the cursor for every page
// (EXPLAIN QUERY PLAN: ops_case per held case, then a temporary B-tree for the order).
Result<bool> walksTheLog(const ServerStore::Private &p, const QString &deviceId)
{
    auto held = p.scalar(u"SELECT count(*) FROM device_cases WHERE device_id = :device"_s,
                         {{u"device"_s, deviceId}});
    if (!held)
        return held.error();
    auto all = p.scalar(u"SELECT count(*) FROM cases"_s);
    if (!all)
        return all.error();
    const qint64 mine = held->has_value() ? (*held)->toLongLong() : 0;
    const qint64 total = all->has_value() ? (*all)->toLongLong() : 0;
    return mine > 0 && mine * 4 >= total;
}

// The stream: ops after the cursor up to the watermark `w` of the cases this device holds, in
// cursor order, at most `limit` and within the page's byte budget (at least one op).
Result<PageProgress> appendStream(const ServerStore::Private &p, const QString &deviceId, qint64 cursorSeq,
                                  qint64 w, qint64 limit, PullReply &reply, qint64 &bytes)
{
    const Result<bool> walk = walksTheLog(p, deviceId);
    if (!walk)
        return walk.error();
    const QString held
        = *walk
            ? u"EXISTS (SELECT 1 FROM device_cases d WHERE d.device_id = :device AND d.case_id = ops.case_id)"_s
            : u"case_id IN (SELECT case_id FROM device_cases WHERE device_id = :device)"_s;
    auto q = p.exec(u"SELECT "_s + opColumns + u" FROM ops WHERE seq > :cursor AND seq <= :w AND "_s + held
                        + u" ORDER BY seq LIMIT :n"_s,
                    {{u"cursor"_s, cursorSeq}, {u"w"_s, w}, {u"device"_s, deviceId}, {u"n"_s, limit + 1}});
    if (!q)
        return q.error();
    qint64 taken = 0;
    qint64 lastSeq = cursorSeq;
    while (q->next()) {
        if (taken >= limit || (taken > 0 && bytes >= ServerStore::maxPullBytes)) {
            // A full page stops at the last op it carries.
            return PageProgress{lastSeq, true};
        }
        qint64 seq = 0;
        reply.ops << readOp(q->query(), &seq);
        bytes += opBytes(reply.ops.last());
        lastSeq = seq;
        ++taken;
    }
    // Otherwise the page covers everything up to the watermark, including ops of other cases, so
    // the cursor moves past them.
    return PageProgress{w, false};
}

// The cursor after a page: the newest epoch (read after the watermark: any epoch opened later
// starts above it; `storeSite` before any), and the op at `seq` it points at.
Result<Cursor> nextCursor(const ServerStore::Private &p, const QString &storeSite, qint64 seq, qint64 gen)
{
    Cursor next;
    auto e = p.scalar(u"SELECT site FROM epochs ORDER BY first_seq DESC, site LIMIT 1"_s);
    if (!e)
        return e.error();
    next.serverSite = e->has_value() ? (*e)->toString() : storeSite;
    next.seq = seq;
    next.gen = gen;
    if (seq > 0) {
        auto q = p.exec(u"SELECT site, site_seq FROM ops WHERE seq = :seq"_s, {{u"seq"_s, seq}});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{Error::Code::Internal, u"the cursor op %1 vanished"_s.arg(seq)};
        next.site = q->value(0).toString();
        next.siteSeq = q->value(1).toLongLong();
    }
    return next;
}

} // namespace

Result<PullReply> ServerStore::pull(const ServerDevice &device, const QByteArray &cursorBytes, int maxOps)
{
    const auto cursor = Cursor::decode(cursorBytes, d->cursorKey, device.id);
    if (!cursor)
        return Error{Error::Code::Conflict, u"the cursor is not one of this server's"_s};
    // A write transaction (scope reconciliation writes device_cases); on SQLite it also gives a
    // consistent snapshot. On PostgreSQL every read below is bounded by the watermark W read
    // first: ops up to W committed together with W, so later statements see all of them.
    ServerTransaction tx(*d);
    if (Status s = tx.begin(true); !s)
        return s.error();
    auto valid = cursorValid(cursorBytes, device);
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
    auto scopeIds = scope(device);
    if (!scopeIds)
        return scopeIds.error();
    auto gen = reconcileScope(*d, device.id, *scopeIds, cursor->seq, w);
    if (!gen)
        return gen.error();

    PullReply reply;
    const qint64 limit = qBound<qint64>(1, maxOps > 0 ? maxOps : maxPullOps, maxPullOps);
    qint64 bytes = 0;
    auto events = appendScopeEvents(*d, device.id, *cursor, *gen, reply, bytes);
    if (!events)
        return events.error();
    auto stream = appendStream(*d, device.id, cursor->seq, w, limit, reply, bytes);
    if (!stream)
        return stream.error();
    auto next = nextCursor(*d, m_siteId, stream->next, events->next);
    if (!next)
        return next.error();
    reply.nextCursor = next->encode(d->cursorKey, device.id);
    reply.more = stream->left || events->left;
    // For the laptop's progress: the stream's ops after this page. Exact while at most
    // `exactUpTo` remain in this device's cases (counted through ops_case, so bounded work per
    // page); past that the cheap upper bound W - next (every op of the district after the
    // cursor: exact for a supervisor, high for a caseworker until the rest fits the bound).
    // Unknown (-1) while scope events wait for a later page: their snapshots are not counted.
    if (!stream->left)
        reply.remaining = events->left ? -1 : 0;
    else if (!events->left) {
        constexpr qint64 exactUpTo = 5000;
        auto counted = d->scalar(
            u"SELECT COUNT(*) FROM (SELECT 1 FROM device_cases dc JOIN ops o ON "
            "o.case_id = dc.case_id AND o.seq > :next AND o.seq <= :w WHERE "
            "dc.device_id = :device LIMIT :cap) AS bounded"_s,
            {{u"next"_s, stream->next}, {u"w"_s, w}, {u"device"_s, device.id}, {u"cap"_s, exactUpTo + 1}});
        if (!counted)
            return counted.error();
        const qint64 exact = counted->has_value() ? (*counted)->toLongLong() : 0;
        reply.remaining = exact <= exactUpTo ? exact : w - stream->next;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    qCDebug(lcServer) << "pull by device" << device.id << ":" << reply.ops.size() << "ops,"
                      << reply.purge.size() << "purges, more" << reply.more;
    return reply;
}
} // namespace Sync
