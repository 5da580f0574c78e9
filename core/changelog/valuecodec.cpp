// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/changelog/valuecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::ValueCodec {

namespace {

QStringList sortedSet(const QVariant &value)
{
    QStringList list = value.toStringList();
    list.sort();
    list.removeDuplicates();
    return list;
}

} // namespace

QByteArray encode(const FieldDef &field, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    if (field.kind == FieldKind::Set)
        return QJsonDocument(QJsonArray::fromStringList(sortedSet(value))).toJson(QJsonDocument::Compact);
    switch (field.type) {
    case ValueType::Time:
    case ValueType::Int:
        return QByteArray::number(value.toLongLong());
    case ValueType::Bool:
        return value.toBool() ? "1"_ba : "0"_ba;
    case ValueType::Json:
        return QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact);
    default:
        return value.toString().toUtf8();
    }
}

QVariant decode(const FieldDef &field, const QByteArray &bytes)
{
    if (bytes.isNull())
        return {};
    if (field.kind == FieldKind::Set)
        return QJsonDocument::fromJson(bytes).toVariant().toStringList();
    switch (field.type) {
    case ValueType::Time:
    case ValueType::Int:
        return bytes.toLongLong();
    case ValueType::Bool:
        return bytes == "1";
    case ValueType::Json:
        return QJsonDocument::fromJson(bytes).toVariant();
    default:
        return QString::fromUtf8(bytes);
    }
}

QVariant toColumn(const FieldDef &field, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QVariant(field.type == ValueType::Int || field.type == ValueType::Time
                                || field.type == ValueType::Bool
                            ? QMetaType::fromType<qlonglong>()
                            : QMetaType::fromType<QString>());
    if (field.kind == FieldKind::Set || field.type == ValueType::Json)
        return QString::fromUtf8(encode(field, value));
    switch (field.type) {
    case ValueType::Time:
    case ValueType::Int:
        return value.toLongLong();
    case ValueType::Bool:
        return value.toBool() ? 1 : 0;
    default:
        return value.toString();
    }
}

QVariant fromColumn(const FieldDef &field, const QVariant &column)
{
    if (column.isNull())
        return {};
    if (field.kind == FieldKind::Set || field.type == ValueType::Json)
        return decode(field, column.toString().toUtf8());
    switch (field.type) {
    case ValueType::Time:
    case ValueType::Int:
        return column.toLongLong();
    case ValueType::Bool:
        return column.toLongLong() != 0;
    default:
        return column.toString();
    }
}

bool same(const FieldDef &field, const QVariant &a, const QVariant &b)
{
    const bool aNull = !a.isValid() || a.isNull();
    const bool bNull = !b.isValid() || b.isNull();
    if (aNull || bNull)
        return aNull == bNull;
    return encode(field, a) == encode(field, b);
}

} // namespace Core::ValueCodec
