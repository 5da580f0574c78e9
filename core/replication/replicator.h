// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/replication/replicaop.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core {

class ChangeLog;
class RowCache;
struct EntityDef;
struct FieldDef;

// One page from the server (or a bundle), applied whole or not at all: the ops, the cases that
// left this laptop's scope, and the meta entries (cursor) stored in the same transaction.
struct ReplicaPage
{
    QList<ReplicaOp> ops;
    QStringList purge;
    QHash<QString, QString> meta;
};

struct ApplyStats
{
    int applied = 0; // ops new to this replica
    int duplicates = 0; // already held (a resent page)
    int conflicts = 0; // conflict records created
    int kept = 0; // held but not applied (unknown field of a newer schema, row not here yet)
    int purged = 0; // cases erased
    int purgeDeferred = 0; // cases that still have unsent edits here: erased after the next push
    QStringList purgedAttachments; // attachment ids whose encrypted files the caller removes
};

// A recorded disagreement, never resolved silently: two concurrent values of one field
// (`concurrent`), a safety field resolved to the most protective value (`safety`, for a
// supervisor), concurrent status changes (`status`), or an op of this laptop that the server
// refused (`rejected`, with the reason).
struct ConflictRecord
{
    QString id;
    QString kind;
    QString entity;
    QString entityId;
    QString caseId;
    QString field;
    QString winnerSite, loserSite;
    qint64 winnerHlc = 0, loserHlc = 0;
    QString winnerAuthor, loserAuthor;
    std::optional<QByteArray> winnerValue, loserValue; // ValueCodec bytes, decrypted
    QString detail;
    qint64 detectedAt = 0;
    qint64 resolvedAt = 0;
    QString resolvedBy;
    QString resolution;
};

// The laptop's side of replication: reads its outbox and merges what other sites wrote.
// Merge rules per field kind (Schema): plain/sensitive fields are last-writer-wins by
// (hlc, site), and a concurrent edit (neither author saw the other's value, judged by `base`)
// is kept as a conflict; safety fields take the most protective value when concurrent and flag
// it; status is last-writer-wins with a conflict record; sets are add-wins per element.
// Applying is idempotent (ops are deduplicated on (site, seq)) and commutative, so replicas that
// hold the same ops hold the same rows, whatever order the ops arrived in.
class Replicator final
{
public:
    explicit Replicator(ChangeLog &log);

    // This site's ops after `afterSeq`, in order, decrypted; at most `max`.
    Result<QList<ReplicaOp>> outbox(qint64 afterSeq, int max);
    Result<qint64> ackedThrough();
    // Records the server's acknowledgement (never moves backwards).
    Status setAckedThrough(qint64 seq);

    Result<ApplyStats> apply(const ReplicaPage &page);

    // The server refused one of our ops: keep it visible as a `rejected` conflict.
    Status recordRejection(qint64 seq, const QString &reason);
    // The server clamped the stamp of one of our ops (our clock was far ahead): use its stamp
    // wherever ours still stands, so this replica orders it as every other one does.
    Status adoptServerStamp(qint64 seq, qint64 hlc);

    // This database is a copy of another laptop's (the server holds a different op under our
    // (site, `fromSeq`)): our ops from `fromSeq` on move to `newSite`, numbered from 1, with
    // their values re-sealed and the clocks they set moved along; earlier ones stay where the
    // server has them. Nothing is lost; the ChangeLog is reloaded.
    Status resite(const QString &newSite, qint64 fromSeq);
    // Erases every case (a revoked laptop on its next contact), pending edits included.
    // keepDrafts: a reset (the server no longer knows our cursor) keeps unsaved forms.
    Result<ApplyStats> eraseAll(bool keepDrafts = false);
    // What eraseAll() would have erased and is still here, read back ("3 rows in persons"; empty
    // when nothing is): a revoked laptop checks its erasure with it.
    Result<QStringList> caseDataLeft();

    Result<QList<ConflictRecord>> conflicts(bool includeResolved);
    Result<ConflictRecord> conflict(const QString &id);
    Status markResolved(const QString &id, const QString &by, const QString &resolution, qint64 at);

    // Open conflicts of one case (for its sync state), or of all cases when `caseId` is empty.
    Result<qint64> openConflictCount(const QString &caseId);

    // Cases that left scope while they still had unsent edits; retried after each push.
    Result<QStringList> deferredPurges();

private:
    class FieldRow; // one field of one row while an op applies to it (replicatorapply.cpp)

    Status applyOne(const ReplicaOp &op, ApplyStats &stats, RowCache &rows);
    Status applyToRow(const ReplicaOp &op, const EntityDef &entity, ApplyStats &stats, RowCache &rows);
    Status applyValue(const ReplicaOp &op, const EntityDef &entity, FieldRow &row, ApplyStats &stats);
    Status checkBinding(const ReplicaOp &op, const EntityDef &entity, RowCache &rows);
    Status purgeCase(const QString &caseId, ApplyStats &stats, bool force = false);
    Status keepReturnedCases(const ReplicaPage &page);
    Status settleConflicts(const ReplicaOp &op);
    Status storeOp(const ReplicaOp &op);
    Status addConflict(ConflictRecord record, ApplyStats &stats);
    Result<qint64> baseOf(const QString &entityId, const QString &field, qint64 hlc, const QString &site);

    ChangeLog &m_log;
};

} // namespace Core
