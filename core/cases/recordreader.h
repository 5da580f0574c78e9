// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/record.h"
#include "core/result.h"

#include <QList>

#include <functional>

namespace Core {

class Database;
class FieldCipher;
struct EntityDef;

// Reads rows of any entity and decrypts their sensitive fields. A ciphertext that fails to
// authenticate is reported as Corrupt, never shown as garbage.
class RecordReader final
{
public:
    RecordReader(Database &db, const FieldCipher &cipher);

    Result<Record> find(const EntityDef &entity, const QString &id, bool includeDeleted = false);
    // The children of one case, oldest first.
    Result<QList<Record>> childrenOf(const EntityDef &entity, const QString &caseId,
                                     bool includeDeleted = false);
    // Every row of an entity, in id order.
    Result<QList<Record>> all(const EntityDef &entity, bool includeDeleted = false);
    // Streams every row of an entity to `visit` one at a time (memory stays flat at 100k cases).
    // Stops at the first error, from the store or returned by `visit`.
    Status forEach(const EntityDef &entity, bool includeDeleted,
                   const std::function<Status(Record &&)> &visit);

private:
    Status select(const EntityDef &entity, const QString &where, const QVariantList &binds,
                  const std::function<Status(Record &&)> &visit);
    Result<QList<Record>> collect(const EntityDef &entity, const QString &where, const QVariantList &binds);

    Database &m_db;
    const FieldCipher &m_cipher;
};

} // namespace Core
