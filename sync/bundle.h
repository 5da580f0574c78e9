// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crypto/secretkey.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Sync {

// The long-term keys of one end of a bundle exchange (a laptop or the district server): an
// Ed25519 key that signs what it sends and an X25519 key that opens what is sent to it. Only
// the 32-byte seeds are secret; the public halves travel at enrollment.
struct BundleKeys
{
    Core::SecretKey signSeed;
    Core::SecretKey boxSecret;
    QByteArray signPublic; // 32 bytes
    QByteArray boxPublic; // 32 bytes

    static BundleKeys generate();
    // From the two stored seeds (64 bytes: sign seed || box secret). Invalid keys on a bad size.
    static BundleKeys fromSeeds(QByteArrayView seeds);
    QByteArray seeds() const; // for sealed storage only
    bool isValid() const { return signSeed.isValid() && boxSecret.isValid(); }
};

// What a bundle carries: protocol pages (the same pages as over HTTP) and a few named values
// (cursor, site, device). The meta values are covered by the signature and the encryption.
struct BundleContent
{
    QString kind; // "laptop" (to the office) or "office" (to one laptop)
    QString sender; // device id, or the server's site id
    QString recipient; // "server", or a device id
    qint64 createdAtMs = 0;
    QHash<QString, QByteArray> meta;
    QList<QByteArray> pages;
};

// A USB bundle for places with no connection at all. File layout:
//   "DMPBNDL1" | u32 manifest length | manifest (CBOR) | 64-byte Ed25519 signature of the manifest
//   | page 1 | page 2 | ...
// The manifest names sender, recipient and time, holds the bundle key sealed to the
// recipient's X25519 key (crypto_box_seal) and, per page, its length and BLAKE2b-256 checksum.
// The first page holds the meta values, so they are as hidden as the protocol pages.
// Each page is nonce || XSalsa20-Poly1305 (crypto_secretbox) under the bundle key. Reading checks
// everything (frame, signature, every checksum, every page's authentication) before it returns
// anything, so a truncated or tampered bundle is refused whole with a message saying what is
// wrong, and the caller applies nothing.
namespace Bundle {

constexpr qint64 maxFileBytes = qint64(1) << 30; // 1 GiB

QByteArray write(const BundleContent &content, const BundleKeys &sender,
                 const QByteArray &recipientBoxPublic);

// Corrupt (with a clear detail) for anything wrong with the file; Refused when it is signed by
// someone other than `senderSignPublic` or not addressed to `recipient`.
Core::Result<BundleContent> read(const QByteArray &file, const QByteArray &senderSignPublic,
                                 const BundleKeys &recipient);

// The sender named in a bundle's manifest, read before the signature is checked (to look up the
// sender's public key). Corrupt when the frame is damaged.
Core::Result<QString> peekSender(const QByteArray &file);

} // namespace Bundle

} // namespace Sync
