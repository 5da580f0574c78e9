// SPDX-License-Identifier: GPL-3.0-or-later
// The backup's errors and its file format: a POSIX ustar container led by the manifest (see
// backup_p.h and backup.h).
#include "sync/server/backup.h"
#include "sync/server/backup_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;

namespace Sync::Backup::Detail {

namespace {

constexpr qint64 chunkBytes = 1024 * 1024;
constexpr qint64 manifestMaxBytes = 1024 * 1024;

void putOctal(char *field, int width, quint64 value)
{
    // width - 1 octal digits and a NUL.
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

} // namespace

const QString sqliteEntry = u"server.db"_s;
const QString postgresEntry = u"postgresql.dump"_s;

Error storeError(const QString &detail)
{
    return Error{Error::Code::StoreUnavailable, detail};
}

Error corrupt(const QString &detail)
{
    return Error{Error::Code::Corrupt, u"backup refused: %1"_s.arg(detail)};
}

QByteArray tarHeader(const QString &name, qint64 size, qint64 mtimeS)
{
    QByteArray header(block, '\0');
    char *h = header.data();
    const QByteArray path = name.toUtf8();
    memcpy(h, path.constData(), size_t(std::min<qsizetype>(path.size(), 100)));
    putOctal(h + 100, 8, 0600);
    putOctal(h + 108, 8, 0);
    putOctal(h + 116, 8, 0);
    if (quint64(size) < (quint64(1) << 33)) {
        putOctal(h + 124, 12, quint64(size));
    } else {
        // GNU base-256 for files of 8 GiB and more (GNU tar and bsdtar read it).
        h[124] = char(0x80);
        for (int i = 0; i < 8; ++i)
            h[135 - i] = char((quint64(size) >> (8 * i)) & 0xff);
    }
    putOctal(h + 136, 12, quint64(mtimeS));
    memset(h + 148, ' ', 8);
    h[156] = '0';
    memcpy(h + 257, "ustar", 6);
    memcpy(h + 263, "00", 2);
    quint32 sum = 0;
    for (const char c : header)
        sum += quint8(c);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    memcpy(h + 148, checksum.constData(), 6);
    h[154] = '\0';
    h[155] = ' ';
    return header;
}

Result<std::optional<TarEntry>> readTarHeader(QIODevice &in)
{
    const QByteArray header = in.read(block);
    if (header.size() != block)
        return corrupt(u"the file is cut short"_s);
    if (header.count('\0') == block)
        return std::optional<TarEntry>();
    quint32 sum = 0;
    for (int i = 0; i < block; ++i)
        sum += (i >= 148 && i < 156) ? quint8(' ') : quint8(header.at(i));
    bool ok = false;
    const quint32 stored = header.mid(148, 8).replace('\0', "").trimmed().toUInt(&ok, 8);
    if (!ok || stored != sum)
        return corrupt(
            u"a header's checksum does not match: this is not a Dampingi backup, or it is damaged"_s);
    if (header.at(156) != '0' && header.at(156) != '\0')
        return corrupt(u"it holds something other than plain files"_s);
    TarEntry entry;
    entry.name = QString::fromUtf8(header.left(100).split('\0').first());
    if (quint8(header.at(124)) == 0x80) {
        quint64 size = 0;
        for (int i = 125; i < 136; ++i)
            size = (size << 8) | quint8(header.at(i));
        entry.size = qint64(size);
    } else {
        entry.size = header.mid(124, 12).replace('\0', "").trimmed().toLongLong(&ok, 8);
        if (!ok)
            return corrupt(u"an entry's size is unreadable"_s);
    }
    if (entry.size < 0)
        return corrupt(u"an entry's size is unreadable"_s);
    return std::optional<TarEntry>(entry);
}

qint64 padding(qint64 size)
{
    return (block - size % block) % block;
}

Result<QByteArray> copyHashed(QIODevice &in, QIODevice *out, qint64 size)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 left = size;
    while (left > 0) {
        const QByteArray chunk = in.read(std::min(left, chunkBytes));
        if (chunk.isEmpty())
            return corrupt(u"the file is cut short"_s);
        hash.addData(chunk);
        if (out && out->write(chunk) != chunk.size())
            return storeError(u"cannot write: %1"_s.arg(out->errorString()));
        left -= chunk.size();
    }
    return hash.result();
}

Result<QByteArray> fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return storeError(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    return copyHashed(file, nullptr, file.size());
}

bool safeName(const QString &name)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"_s);
    return plain.match(name).hasMatch() && !name.contains(u".."_s);
}

Result<Manifest> readManifest(QIODevice &in)
{
    Result<std::optional<TarEntry>> header = readTarHeader(in);
    if (!header)
        return header.error();
    if (!header->has_value() || (*header)->name != manifestName || (*header)->size > manifestMaxBytes)
        return corrupt(u"it does not start with %1: not a Dampingi server backup"_s.arg(manifestName));
    const qint64 size = (*header)->size;
    const QByteArray bytes = in.read(size);
    if (bytes.size() != size || in.read(padding(size)).size() != padding(size))
        return corrupt(u"the file is cut short"_s);
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(bytes, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || json.value(u"format"_s).toString() != format)
        return corrupt(u"its manifest is not a Dampingi server backup's"_s);
    if (json.value(u"version"_s).toInt() != version)
        return corrupt(
            u"backup format version %1; this build reads version %2"_s.arg(json.value(u"version"_s).toInt())
                .arg(version));
    Manifest manifest;
    manifest.database = json.value(u"database"_s).toString();
    manifest.district = json.value(u"district"_s).toString();
    manifest.site = json.value(u"site"_s).toString();
    manifest.createdAt = json.value(u"created_at"_s).toString();
    manifest.opsSeq = json.value(u"ops_seq"_s).toInteger();
    for (const QJsonValue value : json.value(u"files"_s).toArray()) {
        const QJsonObject f = value.toObject();
        Manifest::File file{f.value(u"name"_s).toString(), f.value(u"bytes"_s).toInteger(-1),
                            QByteArray::fromHex(f.value(u"sha256"_s).toString().toLatin1())};
        if (!safeName(file.name) || file.bytes < 0 || file.sha256.size() != 32)
            return corrupt(u"its manifest lists an unusable entry"_s);
        manifest.files << file;
    }
    const QString dbEntry = manifest.database == u"sqlite" ? sqliteEntry : postgresEntry;
    if ((manifest.database != u"sqlite" && manifest.database != u"postgresql") || manifest.files.isEmpty()
        || manifest.files.first().name != dbEntry || manifest.site.isEmpty())
        return corrupt(u"its manifest names no database"_s);
    return manifest;
}

Extracted::~Extracted()
{
    for (const QString &path : std::as_const(paths))
        QFile::remove(path);
}

Result<QHash<QString, QString>> extractEntries(QIODevice &in, const Manifest &manifest, const QDir &data,
                                               Extracted &extracted)
{
    QHash<QString, QString> workFiles;
    for (const Manifest::File &expected : manifest.files) {
        Result<std::optional<TarEntry>> header = readTarHeader(in);
        if (!header)
            return header.error();
        if (!header->has_value() || (*header)->name != expected.name || (*header)->size != expected.bytes)
            return corrupt(u"%1 is missing or not as its manifest says"_s.arg(expected.name));
        const QString work = data.filePath(u".restore-"_s + expected.name);
        QFile::remove(work);
        QFile out(work);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return storeError(u"cannot write %1: %2"_s.arg(work, out.errorString()));
        extracted.paths << work;
        Result<QByteArray> hash = copyHashed(in, &out, expected.bytes);
        if (!hash)
            return hash.error();
        if (!out.flush() || out.error() != QFileDevice::NoError)
            return storeError(u"cannot write %1: %2"_s.arg(work, out.errorString()));
        out.close();
        if (*hash != expected.sha256)
            return corrupt(u"%1 fails its checksum: the file is damaged"_s.arg(expected.name));
        if (in.read(padding(expected.bytes)).size() != padding(expected.bytes))
            return corrupt(u"the file is cut short"_s);
        workFiles.insert(expected.name, work);
    }
    if (Result<std::optional<TarEntry>> end = readTarHeader(in); !end || end->has_value())
        return corrupt(u"it holds more than its manifest lists, or ends damaged"_s);
    return workFiles;
}

} // namespace Sync::Backup::Detail
