// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QStringList>

namespace Sync {

class ServerDb;

// Tombstone clean-up (docs/ARCHITECTURE.md, sync rules: purges are replicated and erase for real).
// A deleted case can be undeleted until its deletion has been at the server for the retention
// period; then it is purged:
// - its ops keep their place in the log (seq, site, site_seq, digest), so cursors stay valid and
//   a replayed push is still a duplicate, but every value is erased;
// - its `cases` row goes, so it leaves every device's scope: each device holding it gets a purge
//   at its next pull and erases rows, index, change log, conflicts and attachment files;
// - `purged_cases` refuses every later op on it (verdict `purged`), also from a laptop that was
//   offline past the retention with edits or an undelete: purged data never comes back.
// Only whole cases are purged; a deleted child record (a note, a visit) stays a tombstone until
// its case goes.
namespace Retention {

constexpr int defaultDays = 90;
constexpr qint64 dayMs = qint64(24) * 3600 * 1000;

// Purges every case whose winning `deleted` op (greatest (hlc, site)) says deleted and reached
// the server at or before nowMs - retentionMs. One transaction; returns the purged case ids.
Core::Result<QStringList> purgeDeleted(const ServerDb &db, qint64 retentionMs, qint64 nowMs);

} // namespace Retention
} // namespace Sync
