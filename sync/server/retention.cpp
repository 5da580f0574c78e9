// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/retention.h"

#include "sync/server/blobstore.h"
#include "sync/server/serverdb.h"
#include "sync/server/serverstore.h"

#include <QHash>

using namespace Qt::StringLiterals;
using Core::Result;
using Core::Status;

namespace Sync::Retention {

namespace {

// The winning `deleted` op of a live case so far.
struct Deletion
{
    qint64 hlc = -1;
    QString site;
    bool deleted = false;
    qint64 receivedAt = 0;
};

// Each live case's `deleted` state, by last writer (hlc, then site), as every replica merges it.
Result<QHash<QString, Deletion>> deletions(const ServerDb &db)
{
    auto q = db.exec(u"SELECT o.case_id, o.value, o.hlc, o.site, o.received_at FROM ops o "
                     "JOIN cases c ON c.id = o.case_id WHERE o.entity = 'case' AND o.field = 'deleted' "
                     "AND o.entity_id = o.case_id"_s);
    if (!q)
        return q.error();
    QHash<QString, Deletion> state;
    while (q->next()) {
        Deletion &d = state[q->value(0).toString()];
        const qint64 hlc = q->value(2).toLongLong();
        const QString site = q->value(3).toString();
        if (hlc < d.hlc || (hlc == d.hlc && site <= d.site))
            continue;
        d.hlc = hlc;
        d.site = site;
        d.deleted = q->value(1).toByteArray() == "1";
        d.receivedAt = q->value(4).toLongLong();
    }
    return state;
}

Status purgeCase(const ServerDb &db, const QString &caseId, qint64 deletedAt, qint64 nowMs)
{
    const QVariantMap id{{u"case"_s, caseId}};
    if (Status s = db.run(u"UPDATE ops SET value = NULL WHERE case_id = :case"_s, id); !s)
        return s;
    if (Status s = db.run(u"DELETE FROM cases WHERE id = :case"_s, id); !s)
        return s;
    if (Status s = BlobStore::eraseCase(db, caseId); !s)
        return s;
    return db.run(
        u"INSERT INTO purged_cases (case_id, deleted_at, purged_at) VALUES (:case, :deleted, :now)"_s,
        {{u"case"_s, caseId}, {u"deleted"_s, deletedAt}, {u"now"_s, nowMs}});
}

} // namespace

Result<QStringList> purgeDeleted(const ServerDb &db, qint64 retentionMs, qint64 nowMs)
{
    ServerTransaction tx(db);
    if (Status s = tx.begin(true); !s)
        return s.error();
    // Serialized with ingest, so an undelete being pushed now is either seen here or refused.
    if (Status s = db.lockIngest(); !s)
        return s.error();
    auto state = deletions(db);
    if (!state)
        return state.error();
    QStringList purged;
    for (auto it = state->cbegin(); it != state->cend(); ++it) {
        if (!it->deleted || it->receivedAt > nowMs - retentionMs)
            continue;
        if (Status s = purgeCase(db, it.key(), it->receivedAt, nowMs); !s)
            return s.error();
        purged << it.key();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    if (!purged.isEmpty() && db.dialect == ServerDb::Dialect::Sqlite) {
        // The erased values may still sit in old page images in the WAL: checkpoint it away.
        if (Status s = db.run(u"PRAGMA wal_checkpoint(TRUNCATE)"_s); !s)
            qCWarning(lcServer) << "WAL checkpoint after a purge failed:" << s.error().detail;
    }
    purged.sort();
    qCInfo(lcServer) << "retention: purged" << purged.size() << "deleted cases";
    return purged;
}

} // namespace Sync::Retention
