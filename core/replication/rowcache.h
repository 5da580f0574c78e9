// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/changelog/fieldclocks.h"
#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <unordered_map>
#include <vector>

namespace Core {

class Database;
class FieldCipher;
struct EntityDef;
struct FieldDef;

// The rows a page of received ops touches, while the page applies (Replicator::apply): each row
// is read once, a field decoded (opened, for a sensitive one) when an op first asks for it, and
// the row written once at the end of the page (flush()) with the fields the page changed and its
// clocks — instead of one read and one UPDATE of the whole row per op. The rows end as they did
// when each op wrote its field at once. A write whose failure an op must see at once is still
// made at once: a row of `case_persons` (the binding check reads that table while the page
// applies, and its person_id is a foreign key) and a NULL into a NOT NULL column (it fails).
class RowCache final
{
public:
    struct Row
    {
        const EntityDef *entity = nullptr;
        QString id;
        QString caseId; // rows of a case child: the case it belongs to (never changes)
        FieldClocks clocks;
        QHash<QString, QVariant> stored; // columns as read, for fields not decoded yet
        QHash<QString, std::optional<QByteArray>> values; // decoded: ValueCodec bytes, `deleted` a number
        QStringList dirty; // fields written during the page, not yet flushed
        qint64 updatedAt = 0; // the newest write's time (ms); updated_at never moves back
        bool clocksDirty = false;
    };

    RowCache(Database &db, const FieldCipher &cipher);

    // The row, read on first use; nullptr when it is not here. A row is not cached while absent.
    Result<Row *> row(const EntityDef &entity, const QString &id);
    // The value of field `name` (`field` null for the `deleted` flag), decoded on first use.
    Result<std::optional<QByteArray>> value(Row &row, const FieldDef *field, const QString &name);
    // Field `name` now holds `value` under `clocks`, written at `ms`.
    Status write(Row &row, const FieldDef *field, const QString &name, const std::optional<QByteArray> &value,
                 const FieldClocks &clocks, qint64 ms);
    // Writes every changed row.
    Status flush();

private:
    // The columns of `table` (and, in m_notNull, those that are NOT NULL).
    Result<QSet<QString>> columns(const QString &table);
    QVariant column(const Row &row, const FieldDef *field, const QString &name,
                    const std::optional<QByteArray> &value) const;

    Database &m_db;
    const FieldCipher &m_cipher;
    std::unordered_map<QString, Row> m_rows; // key: table \x1f id
    std::vector<Row *> m_order; // as first read: rows are written in that order
    QHash<QString, QSet<QString>> m_columns, m_notNull; // per table
};

} // namespace Core
