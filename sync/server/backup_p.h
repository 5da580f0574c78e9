// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the backup's implementation (backup.cpp): its errors and the backup file's format,
// a POSIX ustar container led by the manifest (backupfile.cpp). Not installed.

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QDir;
class QIODevice;

namespace Sync::Backup::Detail {

// A store, file or tool that cannot be used (StoreUnavailable), and a backup file refused
// (Corrupt: "backup refused: <detail>").
Core::Error storeError(const QString &detail);
Core::Error corrupt(const QString &detail);

// The database's entry in a backup of each backend.
extern const QString sqliteEntry;
extern const QString postgresEntry;

// An entry name we write and accept: a plain file name, no folder, nothing hidden.
bool safeName(const QString &name);

// ---- the container: POSIX ustar ----------------------------------------------------------------

constexpr int block = 512;

// The header block of a plain file entry, mode 0600 (GNU base-256 sizes from 8 GiB).
QByteArray tarHeader(const QString &name, qint64 size, qint64 mtimeS);

struct TarEntry
{
    QString name;
    qint64 size = 0;
};

// The next entry's header; nullopt at the end-of-archive block. Corrupt for anything but a
// plain file's header with a matching checksum.
Core::Result<std::optional<TarEntry>> readTarHeader(QIODevice &in);

// The zero bytes after an entry of `size` bytes, up to the next block.
qint64 padding(qint64 size);

// Copies `size` bytes from `in` to `out` (null: skip), hashing them (SHA-256).
Core::Result<QByteArray> copyHashed(QIODevice &in, QIODevice *out, qint64 size);
Core::Result<QByteArray> fileSha256(const QString &path);

// ---- the manifest ---------------------------------------------------------------------------

struct Manifest
{
    QString database;
    QString district;
    QString site;
    QString createdAt;
    qint64 opsSeq = 0;
    struct File
    {
        QString name;
        qint64 bytes = 0;
        QByteArray sha256;
    };
    QList<File> files;
};

// The manifest at the start of `in` (the format is in backup.h). Corrupt unless it is a
// Dampingi server backup's of this version, every entry it lists has a usable name, size and
// SHA-256, and the first is the database of the backend it names.
Core::Result<Manifest> readManifest(QIODevice &in);

// The work files of one restore, removed unless installed (taken off `paths`).
struct Extracted
{
    QStringList paths;
    ~Extracted();
};

// Every entry of `in` after the manifest out to a work file in `data`, checked against the
// manifest (name, size, SHA-256) and ending where it ends, before anything changes. Returns
// entry name -> work file; the work files are listed in `extracted`.
Core::Result<QHash<QString, QString>> extractEntries(QIODevice &in, const Manifest &manifest,
                                                     const QDir &data, Extracted &extracted);

} // namespace Sync::Backup::Detail
