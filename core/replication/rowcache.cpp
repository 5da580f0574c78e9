// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/replication/rowcache.h"

#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/crypto/fieldcipher.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"

#include <QStringBuilder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

const QString deletedField = u"deleted"_s;

} // namespace

RowCache::RowCache(Database &db, const FieldCipher &cipher)
    : m_db(db)
    , m_cipher(cipher)
{ }

Result<QSet<QString>> RowCache::columns(const QString &table)
{
    if (const auto it = m_columns.constFind(table); it != m_columns.cend())
        return *it;
    QSet<QString> names, notNull;
    Statement &info = m_db.statement(u"SELECT name, \"notnull\" FROM pragma_table_info(?)"_s);
    info.bind(1, table);
    while (info.next()) {
        names.insert(info.text(0));
        if (info.int64(1) != 0)
            notNull.insert(info.text(0));
    }
    const bool failed = info.failed();
    const Error error = failed ? info.error() : Error{};
    info.reset();
    if (failed)
        return error;
    m_columns.insert(table, names);
    m_notNull.insert(table, notNull);
    return names;
}

Result<RowCache::Row *> RowCache::row(const EntityDef &entity, const QString &id)
{
    const QString key = entity.table % u'\x1f' % id;
    if (const auto it = m_rows.find(key); it != m_rows.end())
        return &it->second;
    const Result<QSet<QString>> known = columns(entity.table);
    if (!known)
        return known.error();
    // Every field of the entity that is a column here, the deleted flag, the clocks and the case.
    QStringList fields;
    for (const FieldDef &field : entity.fields) {
        if (known->contains(field.name))
            fields << field.name;
    }
    if (known->contains(deletedField))
        fields << deletedField;
    Statement &select
        = m_db.statement(u"SELECT clocks, "_s % (entity.caseChild ? u"case_id"_s : u"NULL"_s) % u", "_s
                         % fields.join(u", "_s) % u" FROM "_s % entity.table % u" WHERE id = ?"_s);
    select.bind(1, id);
    if (!select.next()) {
        const bool failed = select.failed();
        const Error error = failed ? select.error() : Error{};
        select.reset();
        if (failed)
            return error;
        return nullptr;
    }
    Row row;
    row.entity = &entity;
    row.id = id;
    row.clocks = FieldClocks::parse(select.text(0));
    row.caseId = select.isNull(1) ? QString() : select.text(1);
    for (qsizetype i = 0; i < fields.size(); ++i)
        row.stored.insert(fields.at(i), select.value(int(i) + 2));
    select.reset();
    Row &stored = m_rows.emplace(key, std::move(row)).first->second;
    m_order.push_back(&stored);
    return &stored;
}

Result<std::optional<QByteArray>> RowCache::value(Row &row, const FieldDef *field, const QString &name)
{
    if (const auto it = row.values.constFind(name); it != row.values.cend())
        return *it;
    const auto stored = row.stored.constFind(name);
    if (stored == row.stored.cend())
        return Error{Error::Code::Internal, u"%1 has no column %2"_s.arg(row.entity->table, name)};
    std::optional<QByteArray> current;
    if (stored->isValid()) { // not NULL
        if (!field) {
            current = QByteArray::number(stored->toLongLong());
        } else if (field->kind == FieldKind::Sensitive) {
            Result<QByteArray> plain = m_cipher.open(
                stored->toByteArray(), FieldCipher::associatedData(row.entity->name, row.id, field->name));
            if (!plain)
                return plain.error();
            current = *plain;
        } else {
            current = ValueCodec::encode(*field, ValueCodec::fromColumn(*field, *stored));
        }
    }
    row.values.insert(name, current);
    row.stored.remove(name);
    return current;
}

// The column value of a field, as the row stores it (sensitive values sealed for this row).
QVariant RowCache::column(const Row &row, const FieldDef *field, const QString &name,
                          const std::optional<QByteArray> &value) const
{
    if (!value)
        return {};
    if (!field)
        return qint64(*value == "1" ? 1 : 0);
    if (field->kind == FieldKind::Sensitive)
        return m_cipher.seal(*value, FieldCipher::associatedData(row.entity->name, row.id, name));
    return ValueCodec::toColumn(*field, ValueCodec::decode(*field, *value));
}

Status RowCache::write(Row &row, const FieldDef *field, const QString &name,
                       const std::optional<QByteArray> &value, const FieldClocks &clocks, qint64 ms)
{
    if (const Result<QSet<QString>> known = columns(row.entity->table); !known)
        return known.error();
    const bool now
        = row.entity->name == u"case_person" || (!value && m_notNull.value(row.entity->table).contains(name));
    if (now) {
        // As the op alone would have written it: this field, the clocks and updated_at.
        Statement &update
            = m_db.statement(u"UPDATE "_s % row.entity->table % u" SET "_s % name
                             % u" = ?, clocks = ?, updated_at = max(updated_at, ?) WHERE id = ?"_s);
        update.bind(1, column(row, field, name, value));
        update.bind(2, clocks.toString());
        update.bind(3, ms);
        update.bind(4, row.id);
        if (Status s = update.exec(); !s)
            return s;
        row.dirty.removeAll(name);
    } else {
        if (!row.dirty.contains(name))
            row.dirty << name;
        row.updatedAt = std::max(row.updatedAt, ms);
        row.clocksDirty = true;
    }
    row.values.insert(name, value);
    row.stored.remove(name);
    row.clocks = clocks;
    return {};
}

Status RowCache::flush()
{
    for (Row *row : m_order) {
        if (!row->clocksDirty)
            continue;
        QString sql = u"UPDATE "_s + row->entity->table + u" SET "_s;
        for (const QString &name : std::as_const(row->dirty))
            sql += name + u" = ?, "_s;
        sql += u"clocks = ?, updated_at = max(updated_at, ?) WHERE id = ?"_s;
        Statement &update = m_db.statement(sql);
        int at = 1;
        for (const QString &name : std::as_const(row->dirty)) {
            const FieldDef *field = name == deletedField ? nullptr : row->entity->field(name);
            update.bind(at++, column(*row, field, name, row->values.value(name)));
        }
        update.bind(at++, row->clocks.toString());
        update.bind(at++, row->updatedAt);
        update.bind(at, row->id);
        if (Status s = update.exec(); !s)
            return s;
        row->dirty.clear();
        row->clocksDirty = false;
    }
    return {};
}

} // namespace Core
