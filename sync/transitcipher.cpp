// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/transitcipher.h"

#include "core/store/changelog.h"

using namespace Qt::StringLiterals;

namespace Sync {

TransitCipher::TransitCipher(Core::SecretKey districtKey)
    : m_cipher(std::move(districtKey))
{ }

WireOp TransitCipher::seal(const Core::ReplicaOp &op) const
{
    WireOp wire{op.site, op.seq,   op.txn, op.entity, op.entityId, op.caseId,       op.field,
                op.op,   op.value, op.hlc, op.author, op.base,     op.schemaVersion};
    if (op.value && Core::ChangeLog::sealsValue(op.entity, op.field, op.schemaVersion))
        wire.value = m_cipher.seal(*op.value, Core::ChangeLog::opAssociatedData(
                                                  op.entity, op.entityId, op.field, op.site, op.seq, op.op));
    return wire;
}

Core::Result<Core::ReplicaOp> TransitCipher::open(const WireOp &wire) const
{
    Core::ReplicaOp op{wire.site,          wire.seq, wire.txn,   wire.entity, wire.entityId, wire.caseId,
                       wire.field,         wire.op,  wire.value, wire.hlc,    wire.author,   wire.base,
                       wire.schemaVersion, {}};
    if (wire.value && Core::ChangeLog::sealsValue(wire.entity, wire.field, wire.schemaVersion)) {
        Core::Result<QByteArray> plain = m_cipher.open(
            *wire.value, Core::ChangeLog::opAssociatedData(wire.entity, wire.entityId, wire.field, wire.site,
                                                           wire.seq, wire.op));
        if (!plain)
            return Core::Error{
                Core::Error::Code::Corrupt,
                u"op %1/%2: sealed value does not open with the district key"_s.arg(wire.site).arg(wire.seq)};
        op.value = *plain;
    }
    return op;
}

namespace {

QByteArray partAssociatedData(const QString &attachmentId, int part, int parts)
{
    return u"blob\x1f%1\x1f%2\x1f%3"_s.arg(attachmentId).arg(part).arg(parts).toUtf8();
}

} // namespace

QByteArray TransitCipher::sealPart(const QString &attachmentId, int part, int parts,
                                   QByteArrayView plain) const
{
    return m_cipher.seal(plain, partAssociatedData(attachmentId, part, parts));
}

Core::Result<QByteArray> TransitCipher::openPart(const QString &attachmentId, int part, int parts,
                                                 QByteArrayView sealed) const
{
    return m_cipher.open(sealed, partAssociatedData(attachmentId, part, parts));
}

} // namespace Sync
