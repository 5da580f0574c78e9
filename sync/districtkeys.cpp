// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/districtkeys.h"

#include "core/crypto/sodium.h"

#include <QtEndian>

#include <sodium.h>
#include <utility>

using namespace Qt::StringLiterals;
using Core::Error;

namespace Sync {

namespace {

constexpr qsizetype keyBytes = qsizetype(Core::SecretKey::size);
constexpr qsizetype entryBytes = 4 + keyBytes;
constexpr qsizetype nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr qsizetype innerBytes = nonceBytes + keyBytes + tagBytes;
constexpr qsizetype outerBytes = innerBytes + crypto_box_SEALBYTES;

QByteArray grantAssociatedData(qint64 epoch, const QString &deviceId)
{
    return "dampingi-district-key-v1\x1f" + QByteArray::number(epoch) + '\x1f' + deviceId.toUtf8();
}

} // namespace

void DistrictKeys::insert(qint64 epoch, Core::SecretKey key)
{
    Q_ASSERT(epoch >= 0 && epoch <= maxEpoch && key.isValid());
    m_keys[epoch] = std::move(key);
}

const Core::SecretKey *DistrictKeys::key(qint64 epoch) const
{
    const auto it = m_keys.find(epoch);
    return it == m_keys.end() ? nullptr : &it->second;
}

qint64 DistrictKeys::newest() const
{
    return m_keys.empty() ? -1 : m_keys.rbegin()->first;
}

QList<qint64> DistrictKeys::epochs() const
{
    QList<qint64> out;
    for (const auto &entry : m_keys)
        out << entry.first;
    return out;
}

QByteArray DistrictKeys::toBytes() const
{
    QByteArray out;
    out.reserve(qsizetype(m_keys.size()) * entryBytes);
    for (const auto &[epoch, key] : m_keys) {
        char be[4];
        qToBigEndian(quint32(epoch), be);
        out.append(be, 4);
        out.append(reinterpret_cast<const char *>(key.data()), keyBytes);
    }
    return out;
}

Core::Result<DistrictKeys> DistrictKeys::fromBytes(QByteArrayView bytes)
{
    DistrictKeys keys;
    if (bytes.size() == keyBytes) {
        keys.insert(0, Core::SecretKey::fromBytes(bytes));
        return keys;
    }
    if (bytes.isEmpty() || bytes.size() % entryBytes != 0)
        return Error{Error::Code::Corrupt, u"district keys: %1 bytes is not a key ring"_s.arg(bytes.size())};
    for (qsizetype at = 0; at < bytes.size(); at += entryBytes) {
        const qint64 epoch = qFromBigEndian<quint32>(bytes.data() + at);
        if (epoch > maxEpoch || keys.contains(epoch))
            return Error{Error::Code::Corrupt, u"district keys: bad or repeated epoch %1"_s.arg(epoch)};
        keys.insert(epoch, Core::SecretKey::fromBytes(bytes.sliced(at + 4, keyBytes)));
    }
    return keys;
}

QByteArray DistrictKeys::sealForDevice(qint64 epoch, const Core::SecretKey &key,
                                       const Core::SecretKey &previous, const QString &deviceId,
                                       const QByteArray &deviceBoxPublic)
{
    Core::requireSodium();
    Q_ASSERT(key.isValid() && previous.isValid() && deviceBoxPublic.size() == crypto_box_PUBLICKEYBYTES);
    const QByteArray ad = grantAssociatedData(epoch, deviceId);
    QByteArray inner(innerBytes, Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(inner.data());
    Core::randomBytes(nonce, nonceBytes);
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonceBytes, nullptr, key.data(), keyBytes,
                                               reinterpret_cast<const unsigned char *>(ad.constData()),
                                               quint64(ad.size()), nullptr, nonce, previous.data());
    QByteArray outer(outerBytes, Qt::Uninitialized);
    crypto_box_seal(reinterpret_cast<unsigned char *>(outer.data()),
                    reinterpret_cast<const unsigned char *>(inner.constData()), quint64(inner.size()),
                    reinterpret_cast<const unsigned char *>(deviceBoxPublic.constData()));
    return outer;
}

Core::Result<Core::SecretKey> DistrictKeys::openForDevice(qint64 epoch, const QByteArray &sealed,
                                                          const Core::SecretKey &previous,
                                                          const QString &deviceId,
                                                          const QByteArray &boxPublic,
                                                          const Core::SecretKey &boxSecret)
{
    if (!Core::ensureSodium())
        return Error{Error::Code::Internal, u"libsodium failed to initialise"_s};
    if (sealed.size() != outerBytes || boxPublic.size() != crypto_box_PUBLICKEYBYTES || !boxSecret.isValid()
        || !previous.isValid())
        return Error{Error::Code::Corrupt, u"district key of epoch %1: malformed grant"_s.arg(epoch)};
    QByteArray inner(innerBytes, Qt::Uninitialized);
    if (crypto_box_seal_open(reinterpret_cast<unsigned char *>(inner.data()),
                             reinterpret_cast<const unsigned char *>(sealed.constData()),
                             quint64(sealed.size()),
                             reinterpret_cast<const unsigned char *>(boxPublic.constData()), boxSecret.data())
        != 0)
        return Error{Error::Code::Corrupt,
                     u"district key of epoch %1: not sealed to this laptop"_s.arg(epoch)};
    const QByteArray ad = grantAssociatedData(epoch, deviceId);
    // Straight into guarded memory; random() only allocates it.
    Core::SecretKey key = Core::SecretKey::random();
    if (!key.isValid())
        return Error{Error::Code::StoreUnavailable, u"cannot allocate secure memory"_s};
    const auto *nonce = reinterpret_cast<const unsigned char *>(inner.constData());
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        key.data(), nullptr, nullptr, nonce + nonceBytes, quint64(innerBytes - nonceBytes),
        reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()), nonce, previous.data());
    sodium_memzero(inner.data(), size_t(inner.size()));
    if (rc != 0)
        return Error{
            Error::Code::Corrupt,
            u"district key of epoch %1: not vouched for by the key of the epoch before"_s.arg(epoch)};
    return key;
}

} // namespace Sync
