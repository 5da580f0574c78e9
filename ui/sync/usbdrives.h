// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// A drive a bundle can go to: a USB stick, a memory card, any folder the user picked.
struct UsbDrive
{
    QString name; // the volume's label, else its folder's name
    QString rootPath; // where the bundle is written
    qint64 bytesFree = -1; // -1: unknown

    // The mounted volumes that look removable: mounted under /media, /run/media or /mnt (where
    // desktops and udisks put sticks), or a FAT, exFAT or NTFS volume on a device other than
    // the one holding / and the home folder. Read-only volumes are left out (nothing can be
    // written there). In mount order.
    static QList<UsbDrive> removable();
    // A picked folder, named by its volume's label when it is the volume's root.
    static UsbDrive folder(const QString &path);
};
