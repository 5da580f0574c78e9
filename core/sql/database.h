// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/sql/faultinjector.h"
#include "core/sql/statement.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <unordered_map>

class QSqlError;
struct sqlite3;

namespace Core {

// Owns one named SQLite connection (one per thread, never shared) and its settings:
// foreign keys on, WAL, synchronous=FULL, temporary data in memory only, deleted content
// overwritten (secure_delete) so a purged record does not linger in free pages.
// Repositories receive it by reference and never open their own connection.
class Database final
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens (creating when ReadWrite) and migrates to the latest schema.
    static Result<std::unique_ptr<Database>> open(const QString &path, Mode mode = Mode::ReadWrite);
    // Opens without migrating; for migration tests.
    static Result<std::unique_ptr<Database>> openRaw(const QString &path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &connection() { return m_db; }
    const QString &path() const { return m_path; }

    // A prepared statement, prepared once per connection and reused. Callers bind, then
    // exec() it, or step next() through rows and reset() it (a reset statement never blocks
    // COMMIT).
    Statement &statement(const QString &sql);

    FaultInjector &faults() { return m_faults; }

    // Maps a driver error to an Error: disk full and read-only media are StoreUnavailable with
    // a detail that says so; a damaged file is Corrupt.
    static Error errorFrom(const QSqlError &error);
    static Error errorFrom(const QSqlQuery &query);

    Result<QString> pragma(const QString &name);

    // Whether SQLite has a transaction open (it ends one by itself after some errors, such as
    // a full disk).
    bool inTransaction() const;

    // Maintained by Transaction: how many transactions/savepoints are open on this connection.
    int transactionDepth() const { return m_transactionDepth; }
    void setTransactionDepth(int depth) { m_transactionDepth = depth; }

private:
    Database(const QSqlDatabase &db, QString path, QString connectionName);

    QSqlDatabase m_db;
    QString m_path;
    QString m_connectionName;
    sqlite3 *m_handle = nullptr;
    std::unordered_map<QString, std::unique_ptr<Statement>> m_statements;
    std::unique_ptr<Statement> m_failed;
    FaultInjector m_faults;
    int m_transactionDepth = 0;
};

} // namespace Core
