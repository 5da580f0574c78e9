// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Core {

// A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits from libsodium. Ids sort by
// creation time, which keeps SQLite's b-trees append-mostly. Returned in the canonical
// lower-case 8-4-4-4-12 form.
QString newUuidV7(qint64 unixMs);

// Whether `text` is an id in the canonical 8-4-4-4-12 hex form (not the nil UUID). Every record,
// transaction, device and attachment id is one; ids arriving from another machine are checked
// with this before they are stored or become part of a file name.
bool isUuid(QStringView text);

// Whether `text` may be a replica's site id: 1 to 64 ASCII letters, digits or '-'. Sites are not
// UUIDs: ChangeLog::newSiteId makes 16 hex digits, the server's epochs too, and the server has
// always taken any short token (tests name sites "site-ani"). The set keeps out what could be
// taken for something else where site ids travel: '|' separates a pull cursor's parts, and no
// site id may look like a path or break a log line.
bool isSiteId(QStringView text);

} // namespace Core
