// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/recordreader.h"

#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/crypto/fieldcipher.h"
#include "core/sql/database.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace Core {

RecordReader::RecordReader(Database &db, const FieldCipher &cipher)
    : m_db(db)
    , m_cipher(cipher)
{ }

Status RecordReader::select(const EntityDef &entity, const QString &where, const QVariantList &binds,
                            const std::function<Status(Record &&)> &visit)
{
    QString columns = u"id, created_at, created_by, updated_at, deleted, "_s
                    % (entity.caseChild ? u"case_id"_s : u"NULL"_s);
    for (const FieldDef &field : entity.fields)
        columns += u", "_s + field.name;
    Statement &query
        = m_db.statement(u"SELECT "_s % columns % u" FROM "_s % entity.table % u" WHERE "_s % where);
    int column = 1;
    for (const QVariant &bind : binds)
        query.bind(column++, bind);
    constexpr int firstField = 6;
    while (query.next()) {
        Record record;
        record.entity = entity.name;
        record.id = query.text(0);
        record.createdAt = query.int64(1);
        record.createdBy = query.text(2);
        record.updatedAt = query.int64(3);
        record.deleted = query.int64(4) != 0;
        record.caseId = query.text(5);
        for (int i = 0; i < entity.fields.size(); ++i) {
            const FieldDef &field = entity.fields.at(i);
            if (query.isNull(firstField + i))
                continue;
            if (field.kind == FieldKind::Sensitive) {
                const Result<QByteArray> plain
                    = m_cipher.open(query.blob(firstField + i),
                                    FieldCipher::associatedData(entity.name, record.id, field.name));
                if (!plain) {
                    query.reset();
                    return Error{Error::Code::Corrupt, u"%1 %2 field %3 failed authentication"_s.arg(
                                                           entity.name, record.id, field.name)};
                }
                record.fields.insert(field.name, ValueCodec::decode(field, *plain));
            } else {
                record.fields.insert(field.name, ValueCodec::fromColumn(field, query.value(firstField + i)));
            }
        }
        if (Status s = visit(std::move(record)); !s) {
            query.reset();
            return s;
        }
    }
    if (query.failed()) {
        const Error error = query.error();
        query.reset();
        return error;
    }
    query.reset();
    return {};
}

Result<QList<Record>> RecordReader::collect(const EntityDef &entity, const QString &where,
                                            const QVariantList &binds)
{
    QList<Record> records;
    const Status s = select(entity, where, binds, [&](Record &&record) {
        records << std::move(record);
        return Status();
    });
    if (!s)
        return s.error();
    return records;
}

Status RecordReader::forEach(const EntityDef &entity, bool includeDeleted,
                             const std::function<Status(Record &&)> &visit)
{
    return select(entity, includeDeleted ? u"1 ORDER BY id"_s : u"deleted = 0 ORDER BY id"_s, {}, visit);
}

Result<Record> RecordReader::find(const EntityDef &entity, const QString &id, bool includeDeleted)
{
    Result<QList<Record>> rows
        = collect(entity, includeDeleted ? u"id = ?"_s : u"id = ? AND deleted = 0"_s, {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{Error::Code::NotFound, u"%1 %2 not found"_s.arg(entity.name, id)};
    return rows->first();
}

Result<QList<Record>> RecordReader::childrenOf(const EntityDef &entity, const QString &caseId,
                                               bool includeDeleted)
{
    Q_ASSERT(entity.caseChild);
    return collect(
        entity, includeDeleted ? u"case_id = ? ORDER BY id"_s : u"case_id = ? AND deleted = 0 ORDER BY id"_s,
        {caseId});
}

Result<QList<Record>> RecordReader::all(const EntityDef &entity, bool includeDeleted)
{
    return collect(entity, includeDeleted ? u"1 ORDER BY id"_s : u"deleted = 0 ORDER BY id"_s, {});
}

} // namespace Core
