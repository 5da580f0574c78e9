// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/historyreader.h"

#include "core/clock/hlc.h"
#include "core/crypto/fieldcipher.h"
#include "core/store/database.h"
#include "core/store/schema.h"
#include "core/store/valuecodec.h"

#include <QSqlQuery>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace Core {

HistoryReader::HistoryReader(Database &db, const FieldCipher &cipher)
    : m_db(db)
    , m_cipher(cipher)
{}

Result<QList<HistoryEntry>> HistoryReader::forCase(const QString &caseId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT site_id, site_seq, txn_id, entity, entity_id, field, op, value, hlc, author, base "
        "FROM change_ops WHERE case_id = ? ORDER BY hlc, site_id, site_seq"_s);
    query.addBindValue(caseId);
    if (!query.exec())
        return Database::errorFrom(query);
    QList<HistoryEntry> entries;
    while (query.next()) {
        HistoryEntry e;
        e.siteId = query.value(0).toString();
        e.siteSeq = query.value(1).toLongLong();
        e.txnId = query.value(2).toString();
        e.entity = query.value(3).toString();
        e.entityId = query.value(4).toString();
        e.field = query.value(5).toString();
        e.op = query.value(6).toString();
        e.hlc = query.value(8).toULongLong();
        e.atMs = qint64(HlcStamp{e.hlc}.ms());
        e.author = query.value(9).toString();
        e.base = query.value(10).toULongLong();
        const QByteArray sealed = query.value(7).toByteArray();
        if (!sealed.isNull()) {
            const Result<QByteArray> plain
                = m_cipher.open(sealed, FieldCipher::associatedData(QString(u"op:"_s + e.entity), e.entityId, e.field));
            if (!plain) {
                query.finish();
                return Error{Error::Code::Corrupt, u"change %1/%2 failed authentication"_s.arg(e.siteId).arg(e.siteSeq)};
            }
            const EntityDef *entity = Schema::entity(e.entity);
            const FieldDef *field = entity ? entity->field(e.field) : nullptr;
            if (field && e.op == u"set")
                e.value = ValueCodec::decode(*field, *plain);
            else
                e.value = QString::fromUtf8(*plain); // set elements, create markers
        }
        entries << std::move(e);
    }
    query.finish();
    return entries;
}

} // namespace Core
