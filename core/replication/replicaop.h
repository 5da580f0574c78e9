// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Core {

// One change op, exactly a row of the change log: what the replicator reads from the outbox and
// applies from other sites, and what a sync page carries (Sync::WireOp is this type; the wire
// format lists its fields in sync/wire.cpp). (site, seq) is the idempotency key.
// On this laptop `value` is in the clear (ValueCodec bytes); on the wire the value of a sensitive
// field is sealed with the district key (Sync::TransitCipher), so the server stores and
// forwards ciphertext it never opens.
struct ReplicaOp
{
    QString site;
    qint64 seq = 0;
    QString txn;
    QString entity;
    QString entityId;
    QString caseId;
    QString field;
    QString op; // create | set | add | remove
    std::optional<QByteArray> value;
    qint64 hlc = 0;
    QString author;
    qint64 base = 0;
    int schemaVersion = 0;
    // Not on the wire. Set when the value could not be read on the way in (a sealed value that
    // does not open): the op is kept in the log, without a value, as an `unapplied` conflict and
    // not applied.
    QString unreadable;

    bool operator==(const ReplicaOp &) const = default;
};

} // namespace Core
