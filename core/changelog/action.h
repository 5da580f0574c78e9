// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/sql/transaction.h"

#include <QString>
#include <QVariantHash>

namespace Core {

class ChangeLog;
class FieldClocks;
struct EntityDef;
struct FieldDef;

// One user action: a transaction in which every row write also appends its change ops
// (site id, site seq, txn id, entity, field, value, HLC, author, base) and updates the row's
// field clocks (FieldClocks, in the row's `clocks` column). Nothing is visible until commit(); destroying an
// uncommitted Action rolls it all back. Values must be validated by the caller (Validator) before they reach
// here.
class Action final
{
public:
    ~Action();
    Action(const Action &) = delete;
    Action &operator=(const Action &) = delete;

    const QString &txnId() const { return m_txnId; }
    const QString &author() const { return m_author; }
    qint64 startedAt() const { return m_startedAt; }

    // `caseId` is the case the ops belong to (for history and sync scope): the case itself for
    // a case row, the case being worked on for a person; only case children store it in a column.
    // Inserts a new row; every non-null field becomes an op.
    Status insert(const EntityDef &entity, const QString &id, const QString &caseId,
                  const QVariantHash &values);
    // Writes the fields of `changes` that differ from the stored row (sets as add/remove ops).
    // NotFound when the row does not exist.
    Status update(const EntityDef &entity, const QString &id, const QString &caseId,
                  const QVariantHash &changes);
    // Tombstone (deleted = true) or undo it; rows are never erased here (purge is separate).
    Status setDeleted(const EntityDef &entity, const QString &id, const QString &caseId, bool deleted);

    Status commit();

private:
    friend class ChangeLog;
    Action(ChangeLog &log, QString author);
    void start();

    Status appendOp(const EntityDef &entity, const QString &id, const QString &caseId, const QString &field,
                    const QString &op, const QByteArray &encodedValue, qint64 base);
    Status failIfInjected();
    // The add and remove ops that take a set field from `before` to `after`, with its element clocks.
    Status appendSetChanges(const EntityDef &entity, const QString &id, const QString &caseId,
                            const FieldDef &field, const QStringList &before, QStringList after,
                            FieldClocks &clocks);

    ChangeLog &m_log;
    Transaction m_txn;
    QString m_author;
    QString m_txnId;
    qint64 m_startedAt = 0;
    qint64 m_seqAtStart = 0;
    qint64 m_seq = 0;
    qint64 m_lastStamp = 0;
    bool m_committed = false;
};

} // namespace Core
