// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to ServerStore's implementation, which is split by concern for size: serverstore.cpp
// (schema, opening, keys, enrollment, sites), serverstoreadmin.cpp (teams, users, codes, devices),
// serverstorepush.cpp (ingest) and serverstorepull.cpp (pull). Not installed; nothing outside those files
// includes it.

#include "sync/server/serverdb.h"
#include "sync/server/serverstore.h"
#include "sync/wire.h"

#include <QByteArray>
#include <QString>

class QSqlQuery;

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

// The ops columns readOp() expects, in its order (defined in serverstorepull.cpp).
extern const QString opColumns;
// The op of a row selected with opColumns; `seq`, when given, receives its cursor value.
WireOp readOp(const QSqlQuery &q, qint64 *seq = nullptr);

} // namespace ServerStoreDetail

} // namespace Sync
