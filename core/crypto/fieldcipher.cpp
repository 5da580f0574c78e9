// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/fieldcipher.h"

#include "core/crypto/sodium.h"
#include "core/util/text.h"

#include <sodium.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

constexpr qsizetype nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

// Separates the parts of the associated data. Entity and field names are constants in our code
// and never contain it, so even an id that does contain it cannot make two (entity, id, field)
// triples encode to the same bytes: the entity ends at the first separator, the field starts
// after the last one.
constexpr char16_t separator = u'\x1f';

// libsodium takes unsigned bytes. An empty view may carry a null pointer; hand libsodium a
// valid address instead so a zero-length message never reaches it as nullptr.
const unsigned char *bytesOf(QByteArrayView view)
{
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(view.data());
}

unsigned char *bytesOf(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

Error authenticationFailed()
{
    return Error{Error::Code::Corrupt, u"authentication failed"_s};
}

} // namespace

FieldCipher::FieldCipher(SecretKey key)
    : m_key(std::move(key))
{ }

QByteArray FieldCipher::associatedData(QStringView entity, QStringView id, QStringView field)
{
    Q_ASSERT(!entity.contains(separator));
    Q_ASSERT(!field.contains(separator));
    const QChar sep(separator);
    return (entity.toString() + sep + id + sep + field).toUtf8();
}

QByteArray FieldCipher::seal(QByteArrayView plain, QByteArrayView associatedData) const
{
    // An invalid key is a programmer error. In a release build the empty result fails closed:
    // open() rejects it as corrupt rather than storing anything readable.
    Q_ASSERT(m_key.isValid());
    if (!m_key.isValid() || !ensureSodium())
        return {};

    QByteArray sealed(nonceBytes + plain.size() + tagBytes, Qt::Uninitialized);
    unsigned char *nonce = bytesOf(sealed);
    randomBytes(nonce, nonceBytes);
    unsigned long long cipherLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonceBytes, &cipherLength, bytesOf(plain),
                                               quint64(plain.size()), bytesOf(associatedData),
                                               quint64(associatedData.size()), nullptr, nonce, m_key.data());
    Q_ASSERT(cipherLength == quint64(plain.size() + tagBytes));
    return sealed;
}

Result<QByteArray> FieldCipher::open(QByteArrayView sealed, QByteArrayView associatedData) const
{
    if (!m_key.isValid() || !ensureSodium())
        return Error{Error::Code::Locked, u"no data key"_s};
    if (sealed.size() < nonceBytes + tagBytes)
        return Error{Error::Code::Corrupt, u"sealed value too short"_s};

    const unsigned char *nonce = bytesOf(sealed);
    const qsizetype cipherLength = sealed.size() - nonceBytes;
    QByteArray plain(cipherLength - tagBytes, Qt::Uninitialized);
    unsigned char scratch = 0; // a valid output address when the plaintext is empty
    unsigned long long plainLength = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        plain.isEmpty() ? &scratch : bytesOf(plain), &plainLength, nullptr, nonce + nonceBytes,
        quint64(cipherLength), bytesOf(associatedData), quint64(associatedData.size()), nonce, m_key.data());
    if (rc != 0)
        return authenticationFailed();
    Q_ASSERT(plainLength == quint64(plain.size()));
    return plain;
}

QByteArray FieldCipher::sealText(const QString &plain, QStringView entity, QStringView id,
                                 QStringView field) const
{
    QByteArray utf8 = plain.toUtf8();
    QByteArray sealed = seal(utf8, associatedData(entity, id, field));
    // Do not leave a plaintext copy behind in freed heap memory.
    sodium_memzero(utf8.data(), std::size_t(utf8.size()));
    return sealed;
}

Result<QString> FieldCipher::openText(QByteArrayView sealed, QStringView entity, QStringView id,
                                      QStringView field) const
{
    Result<QByteArray> utf8 = open(sealed, associatedData(entity, id, field));
    if (!utf8)
        return utf8.error();
    // The tag proves we wrote these bytes, but a value sealed by another (or a buggy) writer
    // must still not be decoded leniently into replacement characters.
    const bool valid = isValidUtf8(*utf8);
    QString text = valid ? QString::fromUtf8(*utf8) : QString();
    sodium_memzero(utf8->data(), std::size_t(utf8->size()));
    if (!valid)
        return Error{Error::Code::Corrupt, u"sealed text is not valid UTF-8"_s};
    // An empty field opens as an empty, not a null, string (null would bind as SQL NULL).
    if (text.isNull())
        text = u""_s;
    return text;
}

} // namespace Core
