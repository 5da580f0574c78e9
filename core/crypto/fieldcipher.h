// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crypto/secretkey.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace Core {

// Encrypts single values with XChaCha20-Poly1305 (IETF) under the profile's data key.
// Sealed layout: 24-byte random nonce || ciphertext || 16-byte tag.
// The associated data binds a value to where it lives (entity, id, field), so a ciphertext
// copied into another row or column fails to open instead of showing the wrong person's data.
class FieldCipher final
{
public:
    explicit FieldCipher(SecretKey key);

    static QByteArray associatedData(QStringView entity, QStringView id, QStringView field);

    QByteArray seal(QByteArrayView plain, QByteArrayView associatedData) const;
    // Corrupt when the tag does not verify (tampering, wrong key, wrong associated data).
    Result<QByteArray> open(QByteArrayView sealed, QByteArrayView associatedData) const;

    // Convenience for UTF-8 text fields.
    QByteArray sealText(const QString &plain, QStringView entity, QStringView id, QStringView field) const;
    Result<QString> openText(QByteArrayView sealed, QStringView entity, QStringView id,
                             QStringView field) const;

    const SecretKey &key() const { return m_key; }

private:
    SecretKey m_key;
};

} // namespace Core
