// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/changelog/historyreader.h"

#include "core/changelog/changelog.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/clock/hlc.h"
#include "core/crypto/fieldcipher.h"
#include "core/sql/database.h"

#include <QSqlQuery>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace Core {

HistoryReader::HistoryReader(Database &db, const FieldCipher &cipher)
    : m_db(db)
    , m_cipher(cipher)
{ }

Result<QList<HistoryEntry>> HistoryReader::forCase(const QString &caseId)
{
    Statement &query = m_db.statement(
        u"SELECT site_id, site_seq, txn_id, entity, entity_id, field, op, value, hlc, author, base, "
        "schema_version FROM change_ops WHERE case_id = ? ORDER BY hlc, site_id, site_seq"_s);
    query.bind(1, caseId);
    QList<HistoryEntry> entries;
    while (query.next()) {
        HistoryEntry e;
        e.siteId = query.text(0);
        e.siteSeq = query.int64(1);
        e.txnId = query.text(2);
        e.entity = query.text(3);
        e.entityId = query.text(4);
        e.field = query.text(5);
        e.op = query.text(6);
        e.hlc = quint64(query.int64(8));
        e.atMs = qint64(HlcStamp{e.hlc}.ms());
        e.author = query.text(9);
        e.base = quint64(query.int64(10));
        // The field as its op named it (the value's associated data), shown under its current name.
        const int schemaVersion = int(query.int64(11));
        const QString currentField = Schema::currentFieldName(e.entity, e.field, schemaVersion);
        const QByteArray sealed = query.isNull(7) ? QByteArray() : query.blob(7);
        if (!sealed.isNull()) {
            const Result<QByteArray> plain
                = ChangeLog::sealsValue(e.entity, e.field, schemaVersion)
                    ? m_cipher.open(sealed, ChangeLog::opAssociatedData(e.entity, e.entityId, e.field,
                                                                        e.siteId, e.siteSeq, e.op))
                    : Result<QByteArray>(sealed);
            if (!plain) {
                query.reset();
                return Error{Error::Code::Corrupt,
                             u"change %1/%2 failed authentication"_s.arg(e.siteId).arg(e.siteSeq)};
            }
            const EntityDef *entity = Schema::entity(e.entity);
            const FieldDef *field = entity ? entity->field(currentField) : nullptr;
            if (field && e.op == u"set")
                e.value = ValueCodec::decode(*field, *plain);
            else
                e.value = QString::fromUtf8(*plain); // set elements, create markers
        }
        e.field = currentField;
        entries << std::move(e);
    }
    if (query.failed()) {
        const Error error = query.error();
        query.reset();
        return error;
    }
    query.reset();
    return entries;
}

} // namespace Core
