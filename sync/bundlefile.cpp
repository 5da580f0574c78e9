// SPDX-License-Identifier: GPL-3.0-or-later
// USB bundle files on disk, for dampingi-ctl and the desktop alike.
#include "sync/bundlefile.h"

#include "sync/bundle.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

using namespace Qt::StringLiterals;
using Core::Error;

namespace Sync::BundleFile {

namespace {

// Why a write failed, from the drive rather than from the error's wording: no room for the
// file (QSaveFile's temporary copy and the old file may both need it), or a drive that cannot
// be written at all.
Error writeError(const QString &path, qint64 size, const QString &why)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QStorageInfo drive(folder);
    Error error{Error::Code::StoreUnavailable, u"cannot write %1: %2"_s.arg(path, why)};
    if (!QFileInfo::exists(folder))
        return error; // gone: a stick pulled out
    const bool mounted = drive.isValid() && drive.isReady();
    if ((mounted && drive.isReadOnly()) || !QFileInfo(folder).isWritable())
        error.reason = Error::Reason::ReadOnly;
    else if (mounted && drive.bytesAvailable() < size)
        error.reason = Error::Reason::DiskFull;
    return error;
}

} // namespace

Core::Result<Written> write(const QString &path, const QByteArray &bytes)
{
    const QStorageInfo drive(QFileInfo(path).absolutePath());
    // Checked first, so a full stick is said as such and no half-written temporary is left.
    if (drive.isValid() && drive.isReady() && drive.bytesAvailable() < bytes.size())
        return writeError(path, bytes.size(), u"no room on the drive"_s);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, bytes.size(), file.errorString());
    Written written;
    written.bytes = bytes.size();
    written.permissionsKept = file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return writeError(path, bytes.size(), file.errorString());
    return written;
}

Core::Result<QByteArray> read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Core::invalidInput(Error::Reason::None, u"file"_s,
                                  u"cannot read %1: %2"_s.arg(path, file.errorString()));
    Error tooLarge{Error::Code::Corrupt, u"bundle refused: %1 is too large to be a bundle"_s.arg(path)};
    tooLarge.reason = Error::Reason::TooLarge;
    tooLarge.limit = Bundle::maxFileBytes;
    if (file.size() > Bundle::maxFileBytes)
        return tooLarge;
    // Its size and one byte more (QIODevice::read allocates what it is asked for): a file that
    // grows past the limit while it is read is refused all the same.
    const QByteArray bytes = file.read(file.size() + 1);
    if (bytes.size() > Bundle::maxFileBytes)
        return tooLarge;
    if (file.error() != QFileDevice::NoError)
        return Error{Error::Code::StoreUnavailable, u"cannot read %1: %2"_s.arg(path, file.errorString())};
    return bytes;
}

} // namespace Sync::BundleFile
