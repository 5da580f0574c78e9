// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/keywrap.h"

#include "core/crypto/sodium.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

constexpr qsizetype nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr qsizetype sealedBytes = nonceBytes + qsizetype(SecretKey::size) + tagBytes;

// The parameters we accept when reading a stored record. The lower bounds are libsodium's
// minimums; anything stronger than its SENSITIVE preset (1 GiB, 4 passes) is not something we
// ever write, so it is taken as a tampered file rather than spent minutes or gigabytes on.
constexpr quint64 minOps = crypto_pwhash_OPSLIMIT_MIN;
constexpr quint64 maxOps = crypto_pwhash_OPSLIMIT_SENSITIVE;
constexpr quint64 minMem = crypto_pwhash_MEMLIMIT_MIN;
constexpr quint64 maxMem = crypto_pwhash_MEMLIMIT_SENSITIVE;

const unsigned char *bytesOf(QByteArrayView view)
{
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(view.data());
}

// Binds the sealed data key to the login, so a record copied to another user fails to open.
// The version prefix leaves room for a different construction later.
QByteArray associatedData(const QString &login)
{
    return "dampingi-keywrap-v1\x1f" + login.toUtf8();
}

// The passphrase as the KDF sees it. NFC makes "é" typed as one code point or as "e" plus a
// combining accent (input methods differ) derive the same key.
QByteArray passphraseBytes(const QString &passphrase)
{
    return passphrase.normalized(QString::NormalizationForm_C).toUtf8();
}

// Argon2id(passphrase, salt) into guarded memory. StoreUnavailable when the KDF fails, which
// in practice means it could not allocate `memLimit` bytes.
Result<SecretKey> deriveKek(const QString &passphrase, QByteArrayView salt, quint64 opsLimit,
                            quint64 memLimit)
{
    Q_ASSERT(salt.size() == crypto_pwhash_SALTBYTES);
    // random() only serves to obtain guarded memory; the KDF overwrites all of it.
    SecretKey kek = SecretKey::random();
    if (!kek.isValid())
        return Error{Error::Code::StoreUnavailable, u"cannot allocate secure memory"_s};
    QByteArray secret = passphraseBytes(passphrase);
    const int rc
        = crypto_pwhash(kek.data(), SecretKey::size, secret.constData(), quint64(secret.size()),
                        bytesOf(salt), opsLimit, std::size_t(memLimit), crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(secret.data(), std::size_t(secret.size()));
    if (rc != 0)
        return Error{Error::Code::StoreUnavailable,
                     u"key derivation failed (memory limit %1 bytes)"_s.arg(memLimit)};
    return kek;
}

} // namespace

Result<WrappedKey> wrapKey(const SecretKey &dataKey, const QString &login, const QString &passphrase,
                           KdfStrength strength)
{
    Q_ASSERT(dataKey.isValid());
    if (!dataKey.isValid())
        return Error{Error::Code::Internal, u"no data key to wrap"_s};
    if (!ensureSodium())
        return Error{Error::Code::StoreUnavailable, u"libsodium failed to initialise"_s};

    WrappedKey wrapped;
    wrapped.login = login;
    switch (strength) {
    case KdfStrength::Interactive:
        wrapped.opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        wrapped.memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
        break;
    case KdfStrength::Moderate:
        wrapped.opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
        wrapped.memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
        break;
    case KdfStrength::Minimum:
        wrapped.opsLimit = crypto_pwhash_OPSLIMIT_MIN;
        wrapped.memLimit = crypto_pwhash_MEMLIMIT_MIN;
        break;
    }
    wrapped.salt.resize(crypto_pwhash_SALTBYTES);
    randomBytes(wrapped.salt.data(), std::size_t(wrapped.salt.size()));

    const Result<SecretKey> kek = deriveKek(passphrase, wrapped.salt, wrapped.opsLimit, wrapped.memLimit);
    if (!kek)
        return kek.error();

    // Layout: nonce || ciphertext || tag, as in FieldCipher.
    const QByteArray ad = associatedData(login);
    wrapped.sealed.resize(sealedBytes);
    auto *nonce = reinterpret_cast<unsigned char *>(wrapped.sealed.data());
    randomBytes(nonce, nonceBytes);
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonceBytes, nullptr, dataKey.data(), SecretKey::size,
                                               bytesOf(ad), quint64(ad.size()), nullptr, nonce, kek->data());
    return wrapped;
}

Result<SecretKey> unwrapKey(const WrappedKey &wrapped, const QString &passphrase)
{
    if (!ensureSodium())
        return Error{Error::Code::StoreUnavailable, u"libsodium failed to initialise"_s};
    // The record comes from disk: check its shape before letting it size an allocation.
    if (wrapped.salt.size() != crypto_pwhash_SALTBYTES)
        return Error{Error::Code::Corrupt, u"wrapped key: bad salt length %1"_s.arg(wrapped.salt.size())};
    if (wrapped.sealed.size() != sealedBytes)
        return Error{Error::Code::Corrupt, u"wrapped key: bad sealed length %1"_s.arg(wrapped.sealed.size())};
    if (wrapped.opsLimit < minOps || wrapped.opsLimit > maxOps || wrapped.memLimit < minMem
        || wrapped.memLimit > maxMem) {
        return Error{Error::Code::Corrupt,
                     u"wrapped key: KDF parameters out of range (ops %1, mem %2)"_s.arg(wrapped.opsLimit)
                         .arg(wrapped.memLimit)};
    }

    const Result<SecretKey> kek = deriveKek(passphrase, wrapped.salt, wrapped.opsLimit, wrapped.memLimit);
    if (!kek)
        return kek.error();

    // Decrypt straight into guarded memory; random() only allocates it.
    SecretKey dataKey = SecretKey::random();
    if (!dataKey.isValid())
        return Error{Error::Code::StoreUnavailable, u"cannot allocate secure memory"_s};
    const QByteArray ad = associatedData(wrapped.login);
    const auto *nonce = reinterpret_cast<const unsigned char *>(wrapped.sealed.constData());
    // A wrong passphrase, a record moved to another login and a tampered record all look the
    // same here: the tag does not verify. The common case by far is a mistyped passphrase.
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(dataKey.data(), nullptr, nullptr, nonce + nonceBytes,
                                                   quint64(sealedBytes - nonceBytes), bytesOf(ad),
                                                   quint64(ad.size()), nonce, kek->data())
        != 0) {
        return Error{Error::Code::Locked, u"wrong passphrase"_s};
    }
    return dataKey;
}

} // namespace Core
