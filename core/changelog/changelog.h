// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/hlc.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <utility>

namespace Core {

class Action;
class Clock;
class Database;
class FieldCipher;

// The site's side of replication: its id, the next sequence number and its HLC. Every user
// action goes through begin() → Action → commit(), which writes rows, change ops and field
// clocks in one transaction and persists the sequence and clock with them. Sequence numbers are
// gap-free: a rolled-back action gives its numbers back.
class ChangeLog final
{
public:
    ChangeLog(Database &db, const FieldCipher &cipher, const Clock &clock);

    // Creates the site identity in a new store (a site id from newSiteId()).
    static Status initialise(Database &db, const QString &siteId);
    // A random 64-bit site id, as 16 hex digits.
    static QString newSiteId();
    // A random 5-character case-number prefix for this device (Crockford base32: no I, L, O, U,
    // so a number read aloud over a bad phone line survives).
    static QString newDevicePrefix();
    // Reads site id, last sequence and last HLC stamp from the store.
    Status load();

    // Starts one user action. Fails with StoreUnavailable when the store cannot take a write
    // lock (read-only medium, another process) — before anything is written.
    Result<std::unique_ptr<Action>> begin(const QString &author);

    const QString &siteId() const { return m_siteId; }
    qint64 lastSeq() const { return m_seq; }
    HybridLogicalClock &hlc() { return m_hlc; }
    Database &database() { return m_db; }
    const FieldCipher &cipher() const { return m_cipher; }
    const Clock &clock() const { return m_clock; }

    // Whether the change-log value of this field is sealed: values of sensitive fields are;
    // plain fields (codes, dates, region codes) are as plain in the log as in their rows.
    // `field` is named as under `schemaVersion`, the schema its op was written with.
    static bool sealsValue(const QString &entity, const QString &field, int schemaVersion);

    // The associated data of a change-log value: it pins the ciphertext to its op (entity, id,
    // field, site, sequence and kind), so values cannot be swapped between ops, even of one field.
    static QByteArray opAssociatedData(const QString &entity, const QString &id, const QString &field,
                                       const QString &site, qint64 seq, const QString &op);

    // Ops of this site not yet acknowledged by a server (the outbox).
    Result<qint64> pendingCount();
    // This site's own actions at seqs up to `acked`, newest first, thinning out backwards
    // (acked, acked-1, acked-2, acked-4, ...): seq → txn, ops no longer held (erased with a case
    // that left scope) left out. What a server compares to tell a copy of this database from
    // this one (Sync::HandshakeRequest::marks).
    Result<QList<std::pair<qint64, QString>>> ownMarks(qint64 acked);

    Result<QString> meta(const QString &key);
    Status setMeta(const QString &key, const QString &value);

private:
    friend class Action;

    Status refreshFromStore();

    // The statements every action runs, looked up once (hashing long SQL per op showed up in
    // profiles). They live in the Database's statement cache.
    class Statement &opInsert();
    class Statement &rowInsert(const struct EntityDef &entity);

    Database &m_db;
    const FieldCipher &m_cipher;
    const Clock &m_clock;
    HybridLogicalClock m_hlc;
    QString m_siteId;
    qint64 m_seq = 0;
    bool m_inAction = false;
    class Statement *m_opInsert = nullptr;
    QHash<const struct EntityDef *, class Statement *> m_rowInserts;
};

} // namespace Core
