// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to ServerStore's implementation, which is split by concern for size: serverstore.cpp
// (schema, opening, devices, sites), serverstoreenrollment.cpp (a code redeemed),
// serverstoreadmin.cpp (teams, users, codes, devices), serverstorekeys.cpp (district keys),
// serverstorepush.cpp (ingest), serverstoreserverops.cpp (the ingest state and the server's own
// ops) and serverstorepull.cpp (pull). Not installed; nothing outside those files includes it.

#include "core/clock/hlc.h"
#include "core/crypto/keywrap.h"
#include "sync/server/serverdb.h"
#include "sync/server/serverstore.h"
#include "sync/wire.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

class QSqlQuery;

namespace Core {
class Clock;
}

namespace Sync {

// The store's connection and the epoch of this open. The schema it creates and upgrades lives
// in serverstore.cpp, next to these functions.
class ServerStore::Private : public ServerDb
{
public:
    QString epoch; // the site id of this open's server ops (see schemaV3)
    QByteArray cursorKey; // authenticates the pull cursors this store issues (meta cursor_key)

    Core::Status createSchema() const;
    // Runs the steps after `version` and records the latest version (inside the caller's
    // transaction).
    Core::Status upgradeFrom(qint64 version) const;
    Core::Result<bool> hasSchema() const;
};

// What more than one of the store's files uses; a helper used by one file stays in that file's
// anonymous namespace.
namespace ServerStoreDetail {

// The author of the server's own ops: refused as a login and in a device's ops.
extern const QString serverAuthor;

// BLAKE2b of `in`: the stored form of device tokens, and of op digests.
QByteArray genericHash(const QByteArray &in);

// DIR/district.key: where versions before wrapped keys kept the district key in the clear.
extern const QString plainKeyFileName;

// A new store's keys (serverstorekeys.cpp): `districtKey` as epoch 0, sealed under a fresh office
// key, which is wrapped under the passphrase. The slow KDF runs here, outside any transaction.
struct FirstKey
{
    Core::WrappedKey office;
    QByteArray sealedEpoch0;
};
Core::Result<FirstKey> wrapFirstKey(const Core::SecretKey &districtKey, const QString &passphrase,
                                    Core::KdfStrength kdf);
// Writes them (inside the caller's transaction).
Core::Status storeFirstKey(const ServerStore::Private &p, const FirstKey &key, qint64 nowMs);

// The ops columns readOp() expects, in its order (defined in serverstorepull.cpp).
extern const QString opColumns;
// The op of a row selected with opColumns; `seq`, when given, receives its cursor value.
WireOp readOp(const QSqlQuery &q, qint64 *seq = nullptr);

// --- ingest and the server's own ops (serverstoreserverops.cpp) ---

// The write state of one ingest transaction: the next cursor value, the server site's own
// sequence and the server HLC. Loaded after the cursor row is locked, saved before commit.
class IngestState
{
public:
    IngestState(const ServerStore::Private &p, const Core::Clock &clock);
    Core::Status lockAndLoad();
    Core::Status save() const;

    const ServerStore::Private &m_p;
    Core::HybridLogicalClock hlc;
    qint64 nextSeq = 0;
    qint64 serverSiteSeq = 0;
};

// The digest that tells a replay (same op) from a site clash (same (site, seq), other op).
QByteArray opDigest(const WireOp &op);
// One row of ops: `op` as sent, stored under `storedHlc` (its own stamp unless clamped).
Core::Status insertOp(const ServerStore::Private &p, qint64 seq, const WireOp &op, qint64 storedHlc,
                      const QString &deviceId, qint64 nowMs, const QByteArray &digest);
// site_acks: the server holds `site`'s ops through `seq`.
Core::Status setAckedThrough(const ServerStore::Private &p, const QString &site, qint64 seq);
// The cases row's copy of an assignment or registry number (empty value: NULL).
Core::Status setCaseColumn(const ServerStore::Private &p, const QString &caseId, const QString &field,
                           const QString &value);
// Appends one op of the server's own site setting a case field, inside an ingest transaction;
// `flag` gives it base 0, so every laptop keeps the value it replaces as a conflict.
Core::Status appendServerOp(const ServerStore::Private &p, IngestState &state, const QString &serverSite,
                            const QString &txn, const QString &caseId, const QString &field,
                            const QString &value, qint64 nowMs, bool flag = false);
// The status value of a closed case, as an op carries it.
extern const QByteArray closedStatus;
// New work on a case: an entry added to it.
bool isActivity(const QString &entity);
// Reopens the cases of `cases` whose closure raced new work of a device that had not seen it.
Core::Status reopenRacingClosures(const ServerStore::Private &p, IngestState &state,
                                  const QString &serverSite, const ServerDevice &device,
                                  const QSet<QString> &cases, qint64 nowMs);
// Registry numbers for the cases created in a batch, as server ops.
Core::Status appendRegistryNumbers(const ServerStore::Private &p, IngestState &state,
                                   const QString &serverSite, const QString &district,
                                   const QStringList &createdCases, qint64 nowMs);

} // namespace ServerStoreDetail

} // namespace Sync
