// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crypto/secretkey.h"
#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <map>

namespace Sync {

// The district's transit keys, one per key epoch. Epoch 0 is the key made at `admin init`;
// `admin rotate-key` adds the next one after a laptop is revoked. Values are sealed with the
// newest epoch and opened with the epoch they name (TransitCipher), so ops sealed before a
// rotation stay readable on the laptops that hold the old keys, while a revoked laptop, which
// never receives the new key, cannot read anything sealed after it. Keys live in guarded memory.
class DistrictKeys final
{
public:
    // Epochs are small (one per rotation); the bound keeps a crafted ring from naming absurd ones.
    static constexpr qint64 maxEpoch = 0xFFFF;

    void insert(qint64 epoch, Core::SecretKey key);
    // Null when this ring does not hold the epoch.
    const Core::SecretKey *key(qint64 epoch) const;
    bool contains(qint64 epoch) const { return m_keys.count(epoch) != 0; }
    bool isEmpty() const { return m_keys.empty(); }
    qint64 newest() const; // -1 when empty
    QList<qint64> epochs() const;

    // Serialised ring (for sealed storage only; the caller wipes it): per epoch, 4 bytes of epoch
    // (big endian) || the 32-byte key, ascending. A bare 32-byte key, as laptops enrolled before
    // key epochs stored it, reads as epoch 0. Corrupt for any other shape.
    QByteArray toBytes() const;
    static Core::Result<DistrictKeys> fromBytes(QByteArrayView bytes);

    // The copy of epoch `epoch`'s key for one laptop, made at rotation: the key sealed (XChaCha20-
    // Poly1305) under the key of the epoch before it, associated data naming the epoch and the
    // device, and that sealed again to the laptop's X25519 bundle key (crypto_box_seal). The outer
    // layer keeps it from anyone but that laptop (a revoked laptop holds the older key); the inner
    // one means that whoever can write the server's database, but holds no district key, cannot
    // slip a key of their own choosing to laptops.
    static QByteArray sealForDevice(qint64 epoch, const Core::SecretKey &key, const Core::SecretKey &previous,
                                    const QString &deviceId, const QByteArray &deviceBoxPublic);
    // The laptop's side: Corrupt when either layer does not open.
    static Core::Result<Core::SecretKey> openForDevice(qint64 epoch, const QByteArray &sealed,
                                                       const Core::SecretKey &previous,
                                                       const QString &deviceId, const QByteArray &boxPublic,
                                                       const Core::SecretKey &boxSecret);

private:
    std::map<qint64, Core::SecretKey> m_keys;
};

} // namespace Sync
