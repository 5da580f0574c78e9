// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace Core::Migrations {

// The schema version this build writes. Steps are append-only: step N takes the schema from
// N-1 to N, runs in its own transaction with its user_version bump, and is never edited once
// shipped. A database newer than this build is refused with SchemaTooNew and left untouched.
int latestVersion();

Result<int> currentVersion(QSqlDatabase &db);
Status migrate(QSqlDatabase &db);
// For tests: migrate only up to `target`.
Status migrateTo(QSqlDatabase &db, int target);

} // namespace Core::Migrations
