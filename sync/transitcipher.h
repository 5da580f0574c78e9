// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crypto/fieldcipher.h"
#include "core/replication/replicator.h"
#include "core/result.h"
#include "sync/wire.h"

#include <map>

namespace Sync {

class DistrictKeys;

// Seals the value of a laptop's decrypted op for the wire and opens it again (WireOp is
// Core::ReplicaOp: nothing else changes). Values of sensitive fields travel sealed with the
// district key (XChaCha20-Poly1305, associated data = the op's entity, id, field, site, seq and
// kind), so the server, its database and a USB bundle hold ciphertext only; each laptop
// re-seals with its own data key at rest.
// Key epochs (see DistrictKeys): a value sealed with epoch 0 has today's layout (nonce ||
// ciphertext || tag), as every value stored before rotations existed; one sealed with a later
// epoch starts with a marker byte and the epoch (LEB128), and its associated data names the
// epoch too. Values are sealed with the newest epoch held and opened with the one they name.
class TransitCipher final
{
public:
    explicit TransitCipher(const DistrictKeys &keys);
    // One key, epoch 0 (tests and benchmarks).
    explicit TransitCipher(Core::SecretKey districtKey);

    qint64 sealingEpoch() const { return m_newest; }

    WireOp seal(const Core::ReplicaOp &op) const;
    // Corrupt when a sealed value does not open (tampered, another district's key, or an epoch
    // this laptop does not hold).
    Core::Result<Core::ReplicaOp> open(const WireOp &op) const;

    // Attachment contents in transit and on the server: part `part` of `parts` of one
    // attachment (associated data binds all three, so parts cannot be swapped or dropped).
    QByteArray sealPart(const QString &attachmentId, int part, int parts, QByteArrayView plain) const;
    Core::Result<QByteArray> openPart(const QString &attachmentId, int part, int parts,
                                      QByteArrayView sealed) const;

    // The epoch a sealed value names (0 for today's layout); for tests and audits.
    static qint64 epochOf(QByteArrayView sealed);

private:
    QByteArray sealValue(QByteArrayView plain, const QByteArray &associatedData) const;
    Core::Result<QByteArray> openValue(QByteArrayView sealed, const QByteArray &associatedData) const;

    std::map<qint64, Core::FieldCipher> m_ciphers;
    qint64 m_newest = 0;
};

} // namespace Sync
