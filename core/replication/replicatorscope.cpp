// SPDX-License-Identifier: GPL-3.0-or-later
// Replicator, scope and identity: erasing cases that leave this laptop (purge, deferred purge,
// a revoked laptop's erase) and moving this site's ops to a new site id (a cloned database).
#include "core/changelog/changelog.h"
#include "core/changelog/fieldclocks.h"
#include "core/changelog/schema.h"
#include "core/logging.h"
#include "core/replication/replicator.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"
#include "core/sql/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringBuilder>

#include <limits>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

const QString deferredKey = u"purge_deferred"_s;

QStringList readDeferred(ChangeLog &log)
{
    const Result<QString> text = log.meta(deferredKey);
    if (!text)
        return {};
    QStringList out;
    for (const QJsonValue v : QJsonDocument::fromJson(text->toUtf8()).array())
        out << v.toString();
    return out;
}

Status writeDeferred(ChangeLog &log, const QStringList &cases)
{
    return log.setMeta(
        deferredKey,
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(cases)).toJson(QJsonDocument::Compact)));
}

} // namespace

namespace {

// Edits of the case not yet at the server, or files attached here not yet uploaded (no blob_sync
// row yet): they are sent before the case may be erased.
// Whether the case still has edits or files this laptop has not sent. A failed read is an error,
// never "nothing unsent": erasing on it could lose work that exists nowhere else.
Result<bool> hasUnsentWork(ChangeLog &log, const QString &caseId, qint64 acked)
{
    Statement &pending = log.database().statement(
        u"SELECT 1 FROM change_ops WHERE site_id = ?1 AND site_seq > ?2 AND case_id = ?3 UNION ALL "
        "SELECT 1 FROM attachments a JOIN change_ops o ON o.entity_id = a.id AND o.op = 'create' "
        "AND o.site_id = ?1 WHERE a.case_id = ?3 AND a.deleted = 0 AND NOT EXISTS "
        "(SELECT 1 FROM blob_sync b WHERE b.attachment_id = a.id) LIMIT 1"_s);
    pending.bind(1, log.siteId());
    pending.bind(2, acked);
    pending.bind(3, caseId);
    const bool hasPending = pending.next();
    const bool failed = pending.failed();
    const Error error = failed ? pending.error() : Error{};
    pending.reset();
    if (failed)
        return error;
    return hasPending;
}

// Lists the case's attachments (their encrypted files are the caller's to remove) and forgets
// their upload state.
Status forgetAttachments(Database &db, const QString &caseId, QStringList &attachmentIds)
{
    Statement &files = db.statement(u"SELECT id FROM attachments WHERE case_id = ?"_s);
    files.bind(1, caseId);
    while (files.next())
        attachmentIds << files.text(0);
    const bool failed = files.failed();
    const Error error = failed ? files.error() : Error{};
    files.reset();
    if (failed)
        return error; // a file left behind unlisted would outlive its case

    Statement &synced = db.statement(
        u"DELETE FROM blob_sync WHERE attachment_id IN (SELECT id FROM attachments WHERE case_id = ?)"_s);
    synced.bind(1, caseId);
    return synced.exec();
}

// People of this case who belong to no other case here: they leave with it.
// A failed read is an error: a person of a moved-out case must not stay behind unnoticed.
Result<QStringList> peopleOnlyIn(Database &db, const QString &caseId)
{
    QStringList persons;
    Statement &people = db.statement(
        u"SELECT DISTINCT person_id FROM case_persons cp WHERE case_id = ?1 AND NOT EXISTS "
        "(SELECT 1 FROM case_persons o WHERE o.person_id = cp.person_id AND o.case_id <> ?1)"_s);
    people.bind(1, caseId);
    while (people.next())
        persons << people.text(0);
    const bool failed = people.failed();
    const Error error = failed ? people.error() : Error{};
    people.reset();
    if (failed)
        return error;
    return persons;
}

// Erases the case's rows, the given people with their ops, and the case's ops and conflicts.
Status eraseCaseRows(Database &db, const QString &caseId, const QStringList &persons)
{
    for (const EntityDef &entity : Schema::entities()) {
        if (!entity.caseChild)
            continue;
        Statement &erase = db.statement(u"DELETE FROM "_s % entity.table % u" WHERE case_id = ?"_s);
        erase.bind(1, caseId);
        if (Status s = erase.exec(); !s)
            return s;
    }
    for (const QString &person : persons) {
        Statement &erase = db.statement(u"DELETE FROM persons WHERE id = ?"_s);
        erase.bind(1, person);
        if (Status s = erase.exec(); !s)
            return s;
        Statement &ops = db.statement(u"DELETE FROM change_ops WHERE entity_id = ?"_s);
        ops.bind(1, person);
        if (Status s = ops.exec(); !s)
            return s;
    }
    for (const QString &sql :
         {u"DELETE FROM cases WHERE id = ?"_s, u"DELETE FROM change_ops WHERE case_id = ?"_s,
          u"DELETE FROM conflicts WHERE case_id = ?"_s}) {
        Statement &erase = db.statement(sql);
        erase.bind(1, caseId);
        if (Status s = erase.exec(); !s)
            return s;
    }
    return {};
}

} // namespace

Status Replicator::purgeCase(const QString &caseId, ApplyStats &stats, bool force)
{
    Database &db = m_log.database();
    const Result<qint64> acked = ackedThrough();
    if (!acked)
        return acked.error();
    QStringList deferred = readDeferred(m_log);
    // Unsent work is pushed first: the case is erased after the next sync that sends it.
    const Result<bool> unsent = force ? Result<bool>(false) : hasUnsentWork(m_log, caseId, *acked);
    if (!unsent)
        return unsent.error();
    if (*unsent) {
        if (!deferred.contains(caseId)) {
            deferred << caseId;
            if (Status s = writeDeferred(m_log, deferred); !s)
                return s;
        }
        ++stats.purgeDeferred;
        return {};
    }
    if (Status s = forgetAttachments(db, caseId, stats.purgedAttachments); !s)
        return s;
    const Result<QStringList> persons = peopleOnlyIn(db, caseId);
    if (!persons)
        return persons.error();
    if (Status s = eraseCaseRows(db, caseId, *persons); !s)
        return s;
    if (deferred.removeAll(caseId) > 0) {
        if (Status s = writeDeferred(m_log, deferred); !s)
            return s;
    }
    ++stats.purged;
    return {};
}

// A page that carries ops of a case whose erasure waits for our pending edits, and does not
// purge it, means the case came back into this laptop's scope: the server sends a case's ops
// (a move-in's snapshot, or the stream) only to a device that holds it again, and it never sends
// a purge and ops of one case in one page. So the waiting erasure is cancelled. Otherwise the
// retry after the next push erased a case the server counts as held here, and no later page
// brings it back (sync simulation, seed 7330: a file not yet uploaded deferred the purge, the
// office gave the case back, its snapshot arrived as duplicates, and the retry erased it).
Status Replicator::keepReturnedCases(const ReplicaPage &page)
{
    QStringList deferred = readDeferred(m_log);
    if (deferred.isEmpty())
        return {};
    qsizetype kept = 0;
    for (const ReplicaOp &op : page.ops) {
        if (!page.purge.contains(op.caseId))
            kept += deferred.removeAll(op.caseId);
    }
    return kept > 0 ? writeDeferred(m_log, deferred) : Status{};
}

Result<ApplyStats> Replicator::eraseAll(bool keepDrafts)
{
    ApplyStats stats;
    Transaction txn(m_log.database());
    if (Status s = txn.begin(); !s)
        return s.error();
    QStringList cases;
    Statement &all = m_log.database().statement(u"SELECT id FROM cases"_s);
    while (all.next())
        cases << all.text(0);
    all.reset();
    for (const QString &caseId : std::as_const(cases)) {
        if (Status s = purgeCase(caseId, stats, true); !s)
            return s.error();
    }
    // People entered under no case that is still here, and the rest of the log.
    for (const QString &sql : {u"DELETE FROM persons"_s, u"DELETE FROM change_ops"_s,
                               u"DELETE FROM conflicts"_s, u"DELETE FROM drafts"_s}) {
        if (keepDrafts && sql.endsWith(u"drafts"))
            continue;
        if (Status s = m_log.database().statement(sql).exec(); !s)
            return s.error();
    }
    if (Status s = txn.commit(); !s)
        return s.error();
    return stats;
}

Result<QStringList> Replicator::caseDataLeft()
{
    // Every table eraseAll() empties: the rows of every entity, then the log, conflicts, drafts
    // and the upload state of attachment contents.
    QStringList tables;
    for (const EntityDef &entity : Schema::entities()) {
        if (!tables.contains(entity.table))
            tables << entity.table;
    }
    tables << u"change_ops"_s << u"conflicts"_s << u"drafts"_s << u"blob_sync"_s;
    QStringList left;
    for (const QString &table : std::as_const(tables)) {
        Statement &count = m_log.database().statement(u"SELECT count(*) FROM "_s % table);
        if (!count.next()) { // count(*) always has a row: the table could not be read
            const Error error = count.error();
            count.reset();
            return error;
        }
        const qint64 rows = count.int64(0);
        count.reset();
        if (rows > 0)
            left << u"%1 rows in %2"_s.arg(rows).arg(table);
    }
    return left;
}

Status Replicator::resite(const QString &newSite, qint64 fromSeq)
{
    const QString oldSite = m_log.siteId();
    Database &db = m_log.database();
    Transaction txn(db);
    if (Status s = txn.begin(); !s)
        return s;
    const qint64 keep = fromSeq - 1;
    Result<QList<ReplicaOp>> pending = outbox(keep, std::numeric_limits<int>::max());
    if (!pending)
        return pending.error();
    QSet<qint64> stamps;
    QSet<std::pair<QString, QString>> rows;
    qint64 seq = 0;
    for (ReplicaOp op : std::as_const(*pending)) {
        stamps.insert(op.hlc);
        rows.insert({op.entity, op.entityId});
        op.site = newSite;
        op.seq = ++seq;
        if (Status s = storeOp(op); !s)
            return s;
    }
    Statement &drop = db.statement(u"DELETE FROM change_ops WHERE site_id = ? AND site_seq > ?"_s);
    drop.bind(1, oldSite);
    drop.bind(2, keep);
    if (Status s = drop.exec(); !s)
        return s;
    for (const auto &[entityName, id] : std::as_const(rows)) {
        const EntityDef *entity = Schema::entity(entityName);
        if (!entity)
            continue;
        Statement &select = db.statement(u"SELECT clocks FROM "_s % entity->table % u" WHERE id = ?"_s);
        select.bind(1, id);
        if (!select.next()) {
            select.reset();
            continue;
        }
        FieldClocks clocks = FieldClocks::parse(select.text(0));
        select.reset();
        if (!clocks.moveSite(oldSite, newSite, stamps))
            continue;
        Statement &update = db.statement(u"UPDATE "_s % entity->table % u" SET clocks = ? WHERE id = ?"_s);
        update.bind(1, clocks.toString());
        update.bind(2, id);
        if (Status s = update.exec(); !s)
            return s;
    }
    // The copy also takes a new case-number prefix: its twin goes on numbering from the old one.
    for (const auto &[key, value] :
         {std::pair{u"site_id"_s, newSite}, std::pair{u"site_seq"_s, QString::number(seq)},
          std::pair{u"acked_through"_s, u"0"_s},
          std::pair{u"device_prefix"_s, ChangeLog::newDevicePrefix()}}) {
        if (Status s = m_log.setMeta(key, value); !s)
            return s;
    }
    if (Status s = txn.commit(); !s)
        return s;
    qCWarning(lcStore) << "this database is a copy of another laptop's: site" << oldSite << "->" << newSite
                       << "with" << seq << "unsent ops";
    return m_log.load();
}

Result<QStringList> Replicator::deferredPurges()
{
    return readDeferred(m_log);
}

} // namespace Core
