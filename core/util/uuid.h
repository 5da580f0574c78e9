// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Core {

// A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits from libsodium. Ids sort by
// creation time, which keeps SQLite's b-trees append-mostly. Returned in the canonical
// lower-case 8-4-4-4-12 form.
QString newUuidV7(qint64 unixMs);

bool isUuid(QStringView text);

} // namespace Core
