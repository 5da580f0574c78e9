// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/usbdrives.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

using namespace Qt::StringLiterals;

namespace {

bool removableLooking(const QStorageInfo &volume, const QByteArray &rootDevice, const QByteArray &homeDevice)
{
    const QString root = volume.rootPath();
    for (const QString &prefix : {u"/media/"_s, u"/run/media/"_s, u"/mnt/"_s}) {
        if (root.startsWith(prefix))
            return true;
    }
    const QByteArray type = volume.fileSystemType().toLower();
    const bool stickType = type == "vfat" || type == "exfat" || type == "ntfs" || type == "ntfs3"
                        || type == "fuseblk" || type == "msdos";
    return stickType && volume.device() != rootDevice && volume.device() != homeDevice
        && !root.startsWith(u"/boot"_s);
}

} // namespace

QList<UsbDrive> UsbDrive::removable()
{
    const QByteArray rootDevice = QStorageInfo::root().device();
    const QByteArray homeDevice = QStorageInfo(QDir::homePath()).device();
    QList<UsbDrive> drives;
    for (const QStorageInfo &volume : QStorageInfo::mountedVolumes()) {
        if (!volume.isValid() || !volume.isReady() || volume.isReadOnly()
            || !removableLooking(volume, rootDevice, homeDevice))
            continue;
        drives << folder(volume.rootPath());
    }
    return drives;
}

UsbDrive UsbDrive::folder(const QString &path)
{
    const QStorageInfo volume(path);
    UsbDrive drive;
    drive.rootPath = QDir::cleanPath(path);
    const bool isRoot = volume.isValid() && QDir::cleanPath(volume.rootPath()) == drive.rootPath;
    drive.name = isRoot && !volume.name().isEmpty() ? volume.name() : QFileInfo(drive.rootPath).fileName();
    if (drive.name.isEmpty())
        drive.name = drive.rootPath;
    drive.bytesFree = volume.isValid() && volume.isReady() ? volume.bytesAvailable() : -1;
    return drive;
}
