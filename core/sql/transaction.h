// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QString>

namespace Core {

class Database;

// A write transaction (BEGIN IMMEDIATE: the write lock is taken up front, so a busy database
// fails at begin, not half-way through an action). Rolls back unless committed. Nested use
// becomes a SAVEPOINT, so a bulk import can wrap many actions, each still all-or-nothing.
class Transaction final
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Status begin();
    Status commit();
    void rollback();
    bool active() const { return m_active; }

private:
    Database &m_db;
    QString m_savepoint; // empty for the outermost transaction
    bool m_active = false;
};

} // namespace Core
