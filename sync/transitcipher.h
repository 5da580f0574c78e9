// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crypto/fieldcipher.h"
#include "core/result.h"
#include "core/store/replicator.h"
#include "sync/wire.h"

namespace Sync {

// Turns a laptop's decrypted op into a wire op and back. Values of sensitive fields travel
// sealed with the district key (XChaCha20-Poly1305, associated data = the op's entity, id,
// field, site, seq and kind), so the server, its database and a USB bundle hold ciphertext
// only; each laptop re-seals with its own data key at rest.
class TransitCipher final
{
public:
    explicit TransitCipher(Core::SecretKey districtKey);

    WireOp seal(const Core::ReplicaOp &op) const;
    // Corrupt when a sealed value does not open (tampered, or another district's key).
    Core::Result<Core::ReplicaOp> open(const WireOp &op) const;

    // Attachment contents in transit and on the server: part `part` of `parts` of one
    // attachment (associated data binds all three, so parts cannot be swapped or dropped).
    QByteArray sealPart(const QString &attachmentId, int part, int parts, QByteArrayView plain) const;
    Core::Result<QByteArray> openPart(const QString &attachmentId, int part, int parts,
                                      QByteArrayView sealed) const;

private:
    Core::FieldCipher m_cipher;
};

} // namespace Sync
