// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace Sync {

// What one backup holds, as its manifest says.
struct BackupSummary
{
    QString path; // the backup file
    QString database; // "sqlite" | "postgresql"
    QString district;
    QString site; // the store's server site id
    QString createdAt; // ISO 8601, UTC
    qint64 opsSeq = 0; // the store's cursor watermark in the snapshot (PostgreSQL: at its start)
    qint64 bytes = 0; // size of the backup file
    QStringList files; // entries after the manifest, in order
    QString replaced; // restore --force: the folder the replaced SQLite store and keys went to
};

// Backups of the district server that restore: one file, a POSIX tar (ustar; readable with
// `tar tvf`, every entry mode 0600) holding, in order,
//   dampingi-backup.json  the manifest: {"format": "dampingi-server-backup", "version": 1,
//                         "created_at", "database": "sqlite"|"postgresql", "district", "site",
//                         "ops_seq", "schema", "files": [{"name", "bytes", "sha256"}]}
//   server.db             SQLite: a consistent snapshot (the online backup API), journal
//                         mode DELETE, checked with PRAGMA quick_check
//   postgresql.dump       PostgreSQL: `pg_dump --format=custom --no-owner --no-privileges`
//   *.key                 every key file of the data folder, byte for byte (district.key,
//                         bundle.key): a store without its keys cannot open what it holds.
// The file is written 0600 to a temporary name next to the target and renamed into place, so a
// backup is whole or absent. The database content is as the store keeps it: codes, dates and
// sealed values; the key files are as secret as in the data folder (keep backups so).
namespace Backup {

inline const QString manifestName = QStringLiteral("dampingi-backup.json");
inline const QString format = QStringLiteral("dampingi-server-backup");
constexpr int version = 1;

// Takes a backup of the store in `dataDir` (SQLite) or at `databaseUrl` (PostgreSQL; the keys
// still come from dataDir) while the server may be serving. NotFound when there is no
// initialised store; StoreUnavailable when the snapshot or pg_dump fails or `out` cannot be
// written (nothing is left behind then).
Core::Result<BackupSummary> write(const QString &dataDir, const QString &databaseUrl, const QString &out,
                                  qint64 nowMs);

// Restores a backup into `dataDir` / `databaseUrl` with the server stopped. Everything is checked
// first (frame, manifest, every entry's size and SHA-256, the SQLite snapshot's integrity, the
// backend): Corrupt, and nothing changed, when anything is wrong. Conflict when the server runs
// on dataDir (its lock is held) or, without `force`, when a store or key file is there already.
// With `force`: SQLite's store files and the keys move to dataDir/replaced-<time>/ (kept, 0700);
// a PostgreSQL database is replaced in one transaction (pg_restore --clean --single-transaction).
Core::Result<BackupSummary> restore(const QString &backupPath, const QString &dataDir,
                                    const QString &databaseUrl, bool force, qint64 nowMs);

} // namespace Backup

} // namespace Sync
