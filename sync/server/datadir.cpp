// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/datadir.h"

#include "sync/server/serverstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Status;

namespace Sync::DataDir {

namespace {

// Tightens one path to `mode` when it is open to group or others; warns about what it found.
void tighten(const QString &path, mode_t mode)
{
    struct stat st = {};
    const QByteArray native = QFile::encodeName(path);
    if (::lstat(native.constData(), &st) != 0 || S_ISLNK(st.st_mode))
        return; // gone, or a symlink: never follow it to chmod something else
    if ((st.st_mode & 0077) == 0)
        return;
    const QString was = QString::number(st.st_mode & 0777, 8);
    if (st.st_uid == ::geteuid() && ::chmod(native.constData(), mode) == 0) {
        qCWarning(lcServer).noquote()
            << u"%1 was mode %2, open to other users; now %3"_s.arg(path, was, QString::number(mode, 8));
        return;
    }
    qCWarning(lcServer).noquote() << u"%1 is mode %2, open to other users, and cannot be changed here: "
                                     u"run chmod %3 on it"_s.arg(path, was, QString::number(mode, 8));
}

} // namespace

Status prepare(const QString &dir)
{
    const QByteArray native = QFile::encodeName(dir);
    if (!QFileInfo::exists(dir)) {
        const QString parent = QFileInfo(QDir::cleanPath(dir)).absolutePath();
        if (!QDir().mkpath(parent) || (::mkdir(native.constData(), 0700) != 0 && !QFileInfo(dir).isDir()))
            return Error{Error::Code::StoreUnavailable, u"cannot create the data folder %1"_s.arg(dir)};
    }
    if (!QFileInfo(dir).isDir())
        return Error{Error::Code::StoreUnavailable, u"the data folder %1 is not a folder"_s.arg(dir)};
    tighten(dir, 0700);
    for (const QString &name : storeFiles(dir))
        tighten(QDir(dir).filePath(name), 0600);
    tighten(QDir(dir).filePath(lockFile), 0600);
    return {};
}

QStringList storeFiles(const QString &dir)
{
    const QDir folder(dir);
    QStringList names = folder.entryList({u"*.key"_s}, QDir::Files | QDir::Hidden, QDir::Name);
    const QStringList sqliteFiles{databaseFile, databaseFile + u"-wal"_s, databaseFile + u"-shm"_s};
    for (const QString &name : sqliteFiles) {
        if (folder.exists(name))
            names << name;
    }
    names.sort();
    return names;
}

Status createPrivateFile(const QString &path)
{
    QFile file(path);
    if (file.exists())
        return {};
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        && !file.exists())
        return Error{Error::Code::StoreUnavailable, u"cannot create %1: %2"_s.arg(path, file.errorString())};
    return {};
}

} // namespace Sync::DataDir
