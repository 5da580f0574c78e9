// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace Sync::BundleFile {

// What writing a bundle did. A FAT or exFAT stick keeps no file permissions (Linux may refuse
// the change): the bundle's content is sealed for its recipient either way, so that is said
// (permissionsKept = false), not a reason to fail.
struct Written
{
    qint64 bytes = 0;
    bool permissionsKept = true;
};

// Writes a bundle whole or not at all (QSaveFile: a stick pulled mid-write leaves the old file
// or none), for this user only where the drive keeps permissions. Refuses with StoreUnavailable:
// Reason::DiskFull when the drive has no room for it, Reason::ReadOnly when it cannot be written
// at all, no reason when the write failed otherwise (the stick was pulled out). Nothing is lost
// on a refusal: the changes a bundle carries stay unsent until the office's answer is imported.
Core::Result<Written> write(const QString &path, const QByteArray &bytes);

// Reads a bundle from a file, at most Bundle::maxFileBytes of it: a larger file is refused
// before it is read whole (Corrupt, Reason::TooLarge, limit = maxFileBytes). A file that cannot
// be opened is InvalidInput on field "file"; a read that fails midway (a stick pulled out) is
// StoreUnavailable. The bytes are not checked here: Bundle::read checks everything.
Core::Result<QByteArray> read(const QString &path);

} // namespace Sync::BundleFile
