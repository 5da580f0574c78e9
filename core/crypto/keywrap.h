// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crypto/secretkey.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace Core {

// The profile's data key wrapped for one local user: Argon2id(passphrase, salt) gives a
// key-encryption key, which seals the data key with XChaCha20-Poly1305 (associated data binds
// the login). Everything here is safe to store in plaintext.
struct WrappedKey
{
    QString login;
    QByteArray salt; // crypto_pwhash_SALTBYTES
    quint64 opsLimit = 0; // Argon2id parameters used, stored so they can be raised later
    quint64 memLimit = 0;
    QByteArray sealed; // nonce || ciphertext || tag
};

enum class KdfStrength {
    Interactive, // libsodium's interactive limits (64 MiB); the default for laptops
    Moderate, // libsodium's moderate limits (256 MiB, about a second): the district server's
              // office passphrase, which guards every case of the district and is typed rarely
    Minimum, // only for tests and benchmarks that unlock many times
};

// Wraps `dataKey` for `login` under `passphrase`.
Result<WrappedKey> wrapKey(const SecretKey &dataKey, const QString &login, const QString &passphrase,
                           KdfStrength strength = KdfStrength::Interactive);
// Locked when the passphrase is wrong (the tag fails); StoreUnavailable when the KDF cannot
// get its memory.
Result<SecretKey> unwrapKey(const WrappedKey &wrapped, const QString &passphrase);

} // namespace Core
