// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crypto/secretkey.h"
#include "core/result.h"
#include "sync/districtkeys.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Sync {

// The one-time code an admin reads out or prints for a new laptop: "DMP1-" + Crockford base32
// of (20-byte secret || SHA-256 of the server certificate's DER, or 32 zero bytes without TLS
// || 2-byte BLAKE2b check), in groups of five. The check makes parse() reject a typo instead of
// redeeming a wrong secret. The server keeps only a hash of the secret and the district keys
// sealed under a key derived from it, so a stolen server database cannot open them.
class EnrollmentCode final
{
public:
    static constexpr int secretSize = 20;
    static constexpr int fingerprintSize = 32;
    static constexpr int checkSize = 2;

    QByteArray secret; // secretSize bytes
    QByteArray certificateSha256; // fingerprintSize bytes; all zero: the server runs without TLS

    // A fresh random secret pinned to `certificateSha256` (empty → no TLS, 32 zero bytes).
    static EnrollmentCode generate(const QByteArray &certificateSha256);
    // InvalidInput (field "code") with a detail saying what is wrong: prefix, length, a
    // character outside the alphabet, or a failed check (a typo).
    static Core::Result<EnrollmentCode> parse(QStringView text);
    // "DMP1-XXXXX-XXXXX-...".
    QString toString() const;
    // False when the fingerprint is all zero (the server runs without TLS).
    bool pinsCertificate() const;

    // SHA-256 of a PEM (or DER) certificate's DER bytes; empty input → 32 zero bytes.
    // InvalidInput when the PEM cannot be decoded.
    static Core::Result<QByteArray> certificateFingerprint(const QByteArray &certPemOrDer);

    // What the server stores to recognise a secret: BLAKE2b-256 (crypto_generichash) of it.
    static QByteArray secretHash(const QByteArray &secret);
    // crypto_secretbox_easy(the keys of every epoch, DistrictKeys::toBytes()) under
    // generichash(secret, context "dampingi-enroll-key"); layout: 24-byte nonce || ciphertext.
    // A new laptop needs the old epochs too, to read the values sealed before the last rotation.
    static QByteArray sealDistrictKeys(const DistrictKeys &keys, const QByteArray &secret);
    // The client's side: Corrupt when the sealed keys do not open with this secret. A code made
    // before key epochs (one bare key) opens as epoch 0.
    static Core::Result<DistrictKeys> openDistrictKeys(const QByteArray &secret,
                                                       const QByteArray &sealedKeys);
};

} // namespace Sync
