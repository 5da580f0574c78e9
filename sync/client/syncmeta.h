// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/changelog/changelog.h"

#include <QString>

// For SyncClient's own files only (syncclient.cpp, syncclientbundle.cpp).
namespace Sync::SyncMeta {

// Meta keys of the sync configuration (one place, so status and enroll agree).
inline const QString keyServer = QStringLiteral("sync.server");
inline const QString keyDevice = QStringLiteral("sync.device");
inline const QString keyLogin = QStringLiteral("sync.login");
inline const QString keyRole = QStringLiteral("sync.role");
inline const QString keyServerSite = QStringLiteral("sync.server_site");
inline const QString keyPin = QStringLiteral("sync.pin");
inline const QString keyToken = QStringLiteral("sync.token");
inline const QString keyDistrictKey = QStringLiteral("sync.key");
inline const QString keyCursor = QStringLiteral("sync.cursor");
inline const QString keyLastAt = QStringLiteral("sync.last_at");
inline const QString keyLastError = QStringLiteral("sync.last_error");
// The last syncs (SyncRecord JSON objects, newest first, at most SyncClient::historyLimit).
inline const QString keyHistory = QStringLiteral("sync.history");
// The server epoch at which this laptop last checked that the server holds the contents it sent.
inline const QString keyServerEpoch = QStringLiteral("sync.server_epoch");
inline const QString keyBundleKeys = QStringLiteral("sync.bundle_keys");
// Set when the server refused our cursor: after the outbox drained, everything received is
// erased and pulled again (the server may have lost ops we hold: restored from a backup).
inline const QString keyReset = QStringLiteral("sync.reset");
// Set while a revoked laptop's erasure is not confirmed: every later sync erases again (no
// contact needed, the device token is gone) until nothing is left.
inline const QString keyWipePending = QStringLiteral("sync.wipe_pending");
inline const QString keyServerSign = QStringLiteral("sync.server_sign_pk");
inline const QString keyServerBox = QStringLiteral("sync.server_box_pk");
// Prefix of one key per office bundle imported (+ the file's BLAKE2b-256 in hex; value: when).
inline const QString keyImportedBundle = QStringLiteral("sync.bundle_imported.");

// The stored value, or an empty string when absent or unreadable.
inline QString metaOr(Core::ChangeLog &log, const QString &key)
{
    const Core::Result<QString> value = log.meta(key);
    return value ? *value : QString();
}

} // namespace Sync::SyncMeta
