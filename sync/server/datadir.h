// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

// The district server's data folder: where the SQLite store and the key files live, and who may
// read them. The folder is the owner's alone (0700) and every file in it 0600: the database holds
// codes, dates and sealed values, the key files unwrap the district's data. `dampingi-server`
// also sets umask 077 at start, so what it creates later (WAL, backups, reply bundles) is too.
namespace Sync::DataDir {

// The SQLite store's file; its -wal and -shm siblings follow it.
inline const QString databaseFile = QStringLiteral("server.db");
// Holds the running server's lock (QLockFile): `admin restore` refuses to run under it.
inline const QString lockFile = QStringLiteral("server.lock");

// Creates the folder (and its parents) when missing, the folder itself with mode 0700. An
// existing folder we own is tightened to 0700 and its store files (server.db, -wal, -shm,
// *.key, *.lock) to 0600, with a warning naming each one that was open to others; when that is
// not possible (not the owner) it only warns. StoreUnavailable when the folder cannot be made.
Core::Status prepare(const QString &dir);

// The files of the store and its keys present in `dir` (names, sorted): server.db, its -wal and
// -shm, and every *.key.
QStringList storeFiles(const QString &dir);

// Creates `path` empty with mode 0600 unless it exists (so SQLite never creates it wider).
Core::Status createPrivateFile(const QString &path);

} // namespace Sync::DataDir
