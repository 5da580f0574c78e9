// SPDX-License-Identifier: GPL-3.0-or-later
// ServerStore, district keys (see serverstore_p.h for how the store's files divide the work).
//
// The running server holds no key that opens a sealed value: it stores and forwards ciphertext.
// The district keys exist on the server only wrapped: a random office key, wrapped under the
// office passphrase with Argon2id (Core::wrapKey, the one key wrap of the project), seals each
// epoch's key (XChaCha20-Poly1305, associated data naming the epoch). open() never touches them;
// only the admin verbs that hand keys out (device enroll, rotate-key) unwrap them with the
// passphrase, use them and let them go (SecretKey wipes its guarded memory).
#include "core/crypto/fieldcipher.h"
#include "core/crypto/sodium.h"
#include "sync/districtkeys.h"
#include "sync/server/serverstore.h"
#include "sync/server/serverstore_p.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <sodium.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

namespace ServerStoreDetail {

const QString plainKeyFileName = u"district.key"_s;

} // namespace ServerStoreDetail

namespace {

using ServerStoreDetail::plainKeyFileName;

// The login the office key is wrapped for (Core::wrapKey binds it as associated data).
const QString officeLogin = u"district-office"_s;

QByteArray epochAssociatedData(qint64 epoch)
{
    return "dampingi-district-key\x1f" + QByteArray::number(epoch);
}

QByteArrayView keyBytes(const Core::SecretKey &key)
{
    return QByteArrayView(reinterpret_cast<const char *>(key.data()), qsizetype(Core::SecretKey::size));
}

QByteArray sealEpoch(const Core::FieldCipher &office, qint64 epoch, const Core::SecretKey &key)
{
    return office.seal(keyBytes(key), epochAssociatedData(epoch));
}

Result<Core::SecretKey> openEpoch(const Core::FieldCipher &office, qint64 epoch, const QByteArray &sealed)
{
    Result<QByteArray> plain = office.open(sealed, epochAssociatedData(epoch));
    if (!plain)
        return Error{Error::Code::Corrupt,
                     u"district key of epoch %1 does not open with the office key"_s.arg(epoch)};
    Core::SecretKey key = Core::SecretKey::fromBytes(*plain);
    sodium_memzero(plain->data(), size_t(plain->size()));
    if (!key.isValid())
        return Error{Error::Code::Corrupt, u"district key of epoch %1 has the wrong size"_s.arg(epoch)};
    return key;
}

// The office key, unwrapped with the passphrase. Locked when it is wrong; Conflict for a store
// whose key is still the plain file of an older version.
Result<Core::FieldCipher> unlockOffice(const ServerStore::Private &p, const QString &dataDir,
                                       const QString &passphrase)
{
    Core::WrappedKey wrapped;
    {
        auto q = p.exec(u"SELECT salt, ops_limit, mem_limit, sealed FROM office_key WHERE id = 1"_s);
        if (!q)
            return q.error();
        if (!q->next()) {
            if (QFile::exists(QDir(dataDir).filePath(plainKeyFileName)))
                return Error{
                    Error::Code::Conflict,
                    u"the district key is still the plain file %1: run `admin protect-key` first"_s.arg(
                        QDir(dataDir).filePath(plainKeyFileName))};
            return Error{Error::Code::NotFound, u"this store holds no district key"_s};
        }
        wrapped.login = officeLogin;
        wrapped.salt = q->value(0).toByteArray();
        wrapped.opsLimit = quint64(q->value(1).toLongLong());
        wrapped.memLimit = quint64(q->value(2).toLongLong());
        wrapped.sealed = q->value(3).toByteArray();
    }
    Result<Core::SecretKey> office = Core::unwrapKey(wrapped, passphrase);
    if (!office) {
        if (office.error().code == Error::Code::Locked)
            return Error{Error::Code::Locked, u"wrong office passphrase"_s};
        return office.error();
    }
    return Core::FieldCipher(std::move(office).value());
}

Result<DistrictKeys> readEpochs(const ServerStore::Private &p, const Core::FieldCipher &office)
{
    auto q = p.exec(u"SELECT epoch, sealed FROM district_keys ORDER BY epoch"_s);
    if (!q)
        return q.error();
    DistrictKeys keys;
    while (q->next()) {
        const qint64 epoch = q->value(0).toLongLong();
        if (epoch < 0 || epoch > DistrictKeys::maxEpoch)
            return Error{Error::Code::Corrupt, u"district key epoch %1 out of range"_s.arg(epoch)};
        Result<Core::SecretKey> key = openEpoch(office, epoch, q->value(1).toByteArray());
        if (!key)
            return key.error();
        keys.insert(epoch, std::move(key).value());
    }
    if (!keys.contains(0))
        return Error{Error::Code::Corrupt, u"the store holds no district key of epoch 0"_s};
    return keys;
}

// Overwrites a file with zeros (synced) before removing it: what a plain key file held does not
// stay readable in its blocks on a plain disk. Copy-on-write and flash storage may still keep old
// blocks; the README says to treat backups and disks that held the plain file as exposed.
Status eraseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return Error{Error::Code::StoreUnavailable, u"cannot open %1: %2"_s.arg(path, file.errorString())};
    const QByteArray zeros(file.size(), '\0');
    if (file.write(zeros) != zeros.size() || !file.flush())
        return Error{Error::Code::StoreUnavailable, u"cannot overwrite %1"_s.arg(path)};
    if (::fsync(file.handle()) != 0)
        return Error{Error::Code::StoreUnavailable, u"cannot sync %1"_s.arg(path)};
    file.close();
    if (!QFile::remove(path))
        return Error{Error::Code::StoreUnavailable, u"cannot remove %1"_s.arg(path)};
    return {};
}

} // namespace

namespace ServerStoreDetail {

Result<FirstKey> wrapFirstKey(const Core::SecretKey &districtKey, const QString &passphrase,
                              Core::KdfStrength kdf)
{
    if (!districtKey.isValid())
        return Error{Error::Code::StoreUnavailable, u"cannot allocate secure memory"_s};
    Core::SecretKey officeKey = Core::SecretKey::random();
    if (!officeKey.isValid())
        return Error{Error::Code::StoreUnavailable, u"cannot allocate secure memory"_s};
    Result<Core::WrappedKey> wrapped = Core::wrapKey(officeKey, officeLogin, passphrase, kdf);
    if (!wrapped)
        return wrapped.error();
    const Core::FieldCipher office(std::move(officeKey));
    return FirstKey{*wrapped, sealEpoch(office, 0, districtKey)};
}

Status storeFirstKey(const ServerStore::Private &p, const FirstKey &key, qint64 nowMs)
{
    if (Status s = p.run(u"INSERT INTO office_key (id, salt, ops_limit, mem_limit, sealed) "
                         "VALUES (1, :salt, :ops, :mem, :sealed)"_s,
                         {{u"salt"_s, key.office.salt},
                          {u"ops"_s, qint64(key.office.opsLimit)},
                          {u"mem"_s, qint64(key.office.memLimit)},
                          {u"sealed"_s, key.office.sealed}});
        !s)
        return s;
    return p.run(u"INSERT INTO district_keys (epoch, sealed, created_at) VALUES (0, :sealed, :at)"_s,
                 {{u"sealed"_s, key.sealedEpoch0}, {u"at"_s, nowMs}});
}

} // namespace ServerStoreDetail

bool ServerStore::plainKeyFilePresent() const
{
    return QFile::exists(QDir(m_dataDir).filePath(plainKeyFileName));
}

Result<DistrictKeys> ServerStore::unlockDistrictKeys(const QString &officePassphrase)
{
    Result<Core::FieldCipher> office = unlockOffice(*d, m_dataDir, officePassphrase);
    if (!office)
        return office.error();
    return readEpochs(*d, *office);
}

Status ServerStore::protectPlainKey(const QString &officePassphrase, Core::KdfStrength kdf)
{
    const QString path = QDir(m_dataDir).filePath(plainKeyFileName);
    if (!QFile::exists(path))
        return Error{Error::Code::NotFound, u"there is no plain key file %1 to protect"_s.arg(path)};
    if (officePassphrase.size() < minOfficePassphraseLength)
        return Core::invalidInput(
            Core::Error::Reason::TooShort, u"passphrase"_s,
            u"the office passphrase needs at least %1 characters"_s.arg(minOfficePassphraseLength));
    Core::SecretKey plainKey;
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{Error::Code::StoreUnavailable,
                         u"cannot read %1: %2"_s.arg(path, file.errorString())};
        QByteArray bytes = file.readAll();
        plainKey = Core::SecretKey::fromBytes(bytes);
        sodium_memzero(bytes.data(), size_t(bytes.size()));
        if (!plainKey.isValid())
            return Error{Error::Code::Corrupt, u"%1 is not a 32-byte key"_s.arg(path)};
    }
    auto wrappedAlready = d->scalar(u"SELECT 1 FROM office_key WHERE id = 1"_s);
    if (!wrappedAlready)
        return wrappedAlready.error();
    if (wrappedAlready->has_value()) {
        // A run cut between the commit and the erasure: erase only a file that holds the key the
        // store already keeps wrapped, never a different one.
        Result<DistrictKeys> keys = unlockDistrictKeys(officePassphrase);
        if (!keys)
            return keys.error();
        if (sodium_memcmp(keys->key(0)->data(), plainKey.data(), Core::SecretKey::size) != 0)
            return Error{
                Error::Code::Conflict,
                u"%1 holds another key than the one this store keeps wrapped; not erased"_s.arg(path)};
    } else {
        auto wrapped = ServerStoreDetail::wrapFirstKey(plainKey, officePassphrase, kdf);
        if (!wrapped)
            return wrapped.error();
        ServerTransaction tx(*d);
        if (Status s = tx.begin(true); !s)
            return s;
        if (Status s = ServerStoreDetail::storeFirstKey(*d, *wrapped, QDateTime::currentMSecsSinceEpoch());
            !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    // The wrapped key is committed before the plain one goes: a crash in between leaves both,
    // and the next run finishes the job.
    if (Status s = eraseFile(path); !s)
        return s;
    qCInfo(lcServer)
        << "the district key is now wrapped under the office passphrase; the plain file is erased";
    return {};
}

Result<ServerStore::Rotation> ServerStore::rotateDistrictKey(const QString &officePassphrase, qint64 nowMs)
{
    Result<Core::FieldCipher> office = unlockOffice(*d, m_dataDir, officePassphrase);
    if (!office)
        return office.error();
    Rotation rotation;
    ServerTransaction tx(*d);
    if (Status s = tx.begin(true); !s)
        return s.error();
    Result<DistrictKeys> keys = readEpochs(*d, *office);
    if (!keys)
        return keys.error();
    rotation.epoch = keys->newest() + 1;
    if (rotation.epoch > DistrictKeys::maxEpoch)
        return Error{Error::Code::Conflict, u"no key epochs left"_s};
    const Core::SecretKey fresh = Core::SecretKey::random();
    if (!fresh.isValid())
        return Error{Error::Code::StoreUnavailable, u"cannot allocate secure memory"_s};
    if (Status s
        = d->run(u"INSERT INTO district_keys (epoch, sealed, created_at) VALUES (:epoch, :sealed, :at)"_s,
                 {{u"epoch"_s, rotation.epoch},
                  {u"sealed"_s, sealEpoch(*office, rotation.epoch, fresh)},
                  {u"at"_s, nowMs}});
        !s)
        return s.error();
    // Unused codes carry only the old keys: a laptop enrolled with one would not read what is
    // sealed from now on. Expired first, so a redemption racing this waits for it and fails.
    {
        auto expired = d->exec(
            u"UPDATE enrollments SET expires_at = :now WHERE used_at IS NULL AND expires_at > :now2"_s,
            {{u"now"_s, nowMs}, {u"now2"_s, nowMs}});
        if (!expired)
            return expired.error();
        rotation.expiredCodes = expired->numRowsAffected();
    }
    QList<std::pair<QString, QByteArray>> holders;
    {
        auto q = d->exec(u"SELECT d.id, d.bundle_box FROM devices d JOIN users u ON u.login = d.login "
                         "WHERE d.revoked_at IS NULL AND u.active = 1 ORDER BY d.id"_s);
        if (!q)
            return q.error();
        while (q->next())
            holders.append({q->value(0).toString(), q->value(1).toByteArray()});
    }
    const Core::SecretKey &previous = *keys->key(keys->newest());
    for (const auto &[deviceId, boxPublic] : std::as_const(holders)) {
        if (boxPublic.size() != crypto_box_PUBLICKEYBYTES) {
            rotation.unreachable << deviceId;
            continue;
        }
        if (Status s = d->run(u"INSERT INTO device_keys (device_id, epoch, sealed, created_at) "
                              "VALUES (:device, :epoch, :sealed, :at)"_s,
                              {{u"device"_s, deviceId},
                               {u"epoch"_s, rotation.epoch},
                               {u"sealed"_s, DistrictKeys::sealForDevice(rotation.epoch, fresh, previous,
                                                                         deviceId, boxPublic)},
                               {u"at"_s, nowMs}});
            !s)
            return s.error();
        rotation.sealedFor << deviceId;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcServer) << "district key epoch" << rotation.epoch << "sealed for" << rotation.sealedFor.size()
                     << "devices;" << rotation.unreachable.size() << "without a bundle key";
    return rotation;
}

Result<qint64> ServerStore::keyEpoch()
{
    auto v = d->scalar(u"SELECT MAX(epoch) FROM district_keys"_s);
    if (!v)
        return v.error();
    return v->has_value() && !(*v)->isNull() ? (*v)->toLongLong() : qint64(0);
}

Result<QList<SealedKey>> ServerStore::deviceKeys(const QString &deviceId, qint64 afterEpoch)
{
    auto q = d->exec(u"SELECT epoch, sealed FROM device_keys WHERE device_id = :device AND epoch > :after "
                     "ORDER BY epoch"_s,
                     {{u"device"_s, deviceId}, {u"after"_s, afterEpoch}});
    if (!q)
        return q.error();
    QList<SealedKey> keys;
    while (q->next())
        keys << SealedKey{q->value(0).toLongLong(), q->value(1).toByteArray()};
    return keys;
}

} // namespace Sync
