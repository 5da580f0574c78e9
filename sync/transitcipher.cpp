// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/transitcipher.h"

#include "core/changelog/changelog.h"
#include "sync/districtkeys.h"

using namespace Qt::StringLiterals;

namespace Sync {

namespace {

// Starts a value sealed with an epoch after 0. A value of epoch 0 begins with a random nonce, so
// it starts with this byte once in 256: openValue() then tries the named epoch first and, when
// that does not open (or is not held), epoch 0. AEAD makes the wrong try fail, never misread.
constexpr char epochMarker = '\xEE';
constexpr int maxPrefixBytes = 4; // LEB128 of DistrictKeys::maxEpoch takes 3

QByteArray epochPrefix(qint64 epoch)
{
    QByteArray prefix(1, epochMarker);
    auto rest = quint64(epoch);
    do {
        const auto low = char(rest & 0x7f);
        rest >>= 7;
        prefix += rest != 0 ? char(low | 0x80) : low;
    } while (rest != 0);
    return prefix;
}

// The epoch a value names and where its sealed bytes start; false for no (or a malformed) prefix.
bool readPrefix(QByteArrayView sealed, qint64 *epoch, qsizetype *start)
{
    if (sealed.isEmpty() || sealed.front() != epochMarker)
        return false;
    quint64 value = 0;
    for (qsizetype i = 1; i < sealed.size() && i <= maxPrefixBytes; ++i) {
        const auto byte = quint8(sealed.at(i));
        value |= quint64(byte & 0x7f) << (7 * (i - 1));
        if ((byte & 0x80) == 0) {
            *epoch = qint64(value);
            *start = i + 1;
            return value >= 1 && value <= quint64(DistrictKeys::maxEpoch);
        }
    }
    return false;
}

QByteArray epochAssociatedData(const QByteArray &associatedData, qint64 epoch)
{
    return associatedData + "\x1fkey-epoch\x1f" + QByteArray::number(epoch);
}

QByteArray partAssociatedData(const QString &attachmentId, int part, int parts)
{
    return u"blob\x1f%1\x1f%2\x1f%3"_s.arg(attachmentId).arg(part).arg(parts).toUtf8();
}

} // namespace

TransitCipher::TransitCipher(const DistrictKeys &keys)
{
    for (const qint64 epoch : keys.epochs()) {
        const Core::SecretKey *key = keys.key(epoch);
        m_ciphers.emplace(
            epoch, Core::FieldCipher(Core::SecretKey::fromBytes(QByteArrayView(
                       reinterpret_cast<const char *>(key->data()), qsizetype(Core::SecretKey::size)))));
    }
    m_newest = keys.isEmpty() ? 0 : keys.newest();
}

TransitCipher::TransitCipher(Core::SecretKey districtKey)
{
    m_ciphers.emplace(0, Core::FieldCipher(std::move(districtKey)));
}

QByteArray TransitCipher::sealValue(QByteArrayView plain, const QByteArray &associatedData) const
{
    const auto it = m_ciphers.find(m_newest);
    Q_ASSERT(it != m_ciphers.end());
    if (it == m_ciphers.end())
        return {}; // fails closed: an empty value never opens
    if (m_newest == 0)
        return it->second.seal(plain, associatedData);
    return epochPrefix(m_newest) + it->second.seal(plain, epochAssociatedData(associatedData, m_newest));
}

Core::Result<QByteArray> TransitCipher::openValue(QByteArrayView sealed,
                                                  const QByteArray &associatedData) const
{
    qint64 epoch = 0;
    qsizetype start = 0;
    bool missing = false;
    if (readPrefix(sealed, &epoch, &start)) {
        if (const auto it = m_ciphers.find(epoch); it != m_ciphers.end()) {
            Core::Result<QByteArray> plain
                = it->second.open(sealed.sliced(start), epochAssociatedData(associatedData, epoch));
            if (plain)
                return plain;
        } else {
            missing = true;
        }
    }
    if (const auto it = m_ciphers.find(0); it != m_ciphers.end()) {
        Core::Result<QByteArray> plain = it->second.open(sealed, associatedData);
        if (plain)
            return plain;
    }
    if (missing)
        return Core::Error{
            Core::Error::Code::Corrupt,
            u"sealed with district key epoch %1, which this laptop does not hold"_s.arg(epoch)};
    return Core::Error{Core::Error::Code::Corrupt, u"does not open with the district key"_s};
}

qint64 TransitCipher::epochOf(QByteArrayView sealed)
{
    qint64 epoch = 0;
    qsizetype start = 0;
    return readPrefix(sealed, &epoch, &start) ? epoch : 0;
}

WireOp TransitCipher::seal(const Core::ReplicaOp &op) const
{
    WireOp wire = op; // the same op; only a sensitive value changes, sealed
    wire.unreadable.clear();
    if (op.value && Core::ChangeLog::sealsValue(op.entity, op.field, op.schemaVersion))
        wire.value = sealValue(*op.value, Core::ChangeLog::opAssociatedData(op.entity, op.entityId, op.field,
                                                                            op.site, op.seq, op.op));
    return wire;
}

Core::Result<Core::ReplicaOp> TransitCipher::open(const WireOp &wire) const
{
    Core::ReplicaOp op = wire;
    op.unreadable.clear();
    if (wire.value && Core::ChangeLog::sealsValue(wire.entity, wire.field, wire.schemaVersion)) {
        Core::Result<QByteArray> plain
            = openValue(*wire.value, Core::ChangeLog::opAssociatedData(wire.entity, wire.entityId, wire.field,
                                                                       wire.site, wire.seq, wire.op));
        if (!plain)
            return Core::Error{
                Core::Error::Code::Corrupt,
                u"op %1/%2: sealed value %3"_s.arg(wire.site).arg(wire.seq).arg(plain.error().detail)};
        op.value = *plain;
    }
    return op;
}

QByteArray TransitCipher::sealPart(const QString &attachmentId, int part, int parts,
                                   QByteArrayView plain) const
{
    return sealValue(plain, partAssociatedData(attachmentId, part, parts));
}

Core::Result<QByteArray> TransitCipher::openPart(const QString &attachmentId, int part, int parts,
                                                 QByteArrayView sealed) const
{
    return openValue(sealed, partAssociatedData(attachmentId, part, parts));
}

} // namespace Sync
