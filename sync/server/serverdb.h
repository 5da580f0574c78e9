// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantMap>

#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

namespace Core {
class Statement;
}

namespace Sync {

namespace Sql {
// Bind values: NULL-safe text (empty, never NULL), text that is NULL when empty, and a blob
// (nullopt = NULL, an empty array = an empty blob).
QVariant text(const QString &s);
QVariant nullableText(const QString &s);
QVariant blob(const std::optional<QByteArray> &value);
Core::Error sqlError(const QSqlQuery &q);
Core::Error sqlError(const QSqlDatabase &db);
} // namespace Sql

// The rows of one statement: a cached prepared query (valid until that SQL runs again) or a
// one-off one it owns. Move-only; it finishes a cached query when it goes, so no statement keeps
// a read snapshot open (in WAL mode that made the next write fail with "database is locked"
// after another connection or process had written).
class Rows
{
public:
    explicit Rows(QSqlQuery *query, std::shared_ptr<QSqlQuery> owned = {})
        : m_query(query)
        , m_owned(std::move(owned))
    { }
    Rows(Rows &&other) noexcept
        : m_query(std::exchange(other.m_query, nullptr))
        , m_owned(std::move(other.m_owned))
    { }
    Rows &operator=(Rows &&other) noexcept
    {
        if (this != &other) {
            release();
            m_query = std::exchange(other.m_query, nullptr);
            m_owned = std::move(other.m_owned);
        }
        return *this;
    }
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;
    ~Rows() { release(); }
    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    int size() const { return m_query->size(); }
    bool isNull(int column) const { return m_query->isNull(column); }
    const QSqlQuery &query() const { return *m_query; }

private:
    void release()
    {
        if (m_query && !m_owned)
            m_query->finish();
        m_query = nullptr;
    }

    QSqlQuery *m_query;
    std::shared_ptr<QSqlQuery> m_owned;
};

// One connection of the district server's store (SQLite or PostgreSQL) and the few ways the
// store talks to it: cached prepared statements with named binds, a positional fast path for the
// op insert, scalars, the meta table, transactions and dialect-neutral DDL. Used from one thread.
class ServerDb
{
public:
    enum class Dialect { Sqlite, Postgres };

    ServerDb() = default;
    ServerDb(const ServerDb &) = delete;
    ServerDb &operator=(const ServerDb &) = delete;
    // Finalizes the cached statements and closes and removes the connection.
    ~ServerDb();

    QString connectionName;
    Dialect dialect = Dialect::Sqlite;

    QSqlDatabase db() const;
    // Prepares (once per connection: statements with binds are cached by their SQL) and runs one
    // statement with named binds. Preparing every time cost more than the insert itself: ingest
    // ran at a third of its speed, on PostgreSQL at a fifth (a Parse round trip per statement).
    Core::Result<Rows> exec(const QString &sql, const QVariantMap &binds = {}) const;
    // The same with positional `?` binds: the hot insert of every op skips QtSql's
    // named-to-positional translation (a QString::arg per value).
    Core::Status runValues(const QString &sql, const QVariantList &values) const;
    Core::Status run(const QString &sql, const QVariantMap &binds = {}) const;
    // The first column of the first row, or nullopt.
    Core::Result<std::optional<QVariant>> scalar(const QString &sql, const QVariantMap &binds = {}) const;
    Core::Result<qint64> metaNum(const QString &key) const;
    Core::Result<QString> metaText(const QString &key) const;
    Core::Status setMetaNum(const QString &key, qint64 num) const;
    Core::Status setMetaText(const QString &key, const QString &value) const;
    Core::Status begin(bool write) const;
    // The first statement of every transaction that writes the ops log: on PostgreSQL it takes
    // the row lock of the cursor counter, so such transactions run one after another and seqs
    // become visible in commit order. (SQLite already holds the write lock of BEGIN IMMEDIATE.)
    Core::Status lockIngest() const;
    Core::Status commit() const;
    void rollback() const;
    // {BLOB} and {SEQ} are the only dialect differences in the store's DDL.
    Core::Status runDdl(const char16_t *statement) const;

private:
    mutable QSqlDatabase m_handle;
    mutable std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_prepared;
    mutable std::unordered_map<QString, std::unique_ptr<Core::Statement>> m_sqliteStatements;
};

// A transaction on the store's connection that rolls back unless committed.
class ServerTransaction
{
public:
    explicit ServerTransaction(const ServerDb &db)
        : m_db(db)
    { }
    ~ServerTransaction()
    {
        if (m_active)
            m_db.rollback();
    }
    Core::Status begin(bool write)
    {
        if (Core::Status s = m_db.begin(write); !s)
            return s;
        m_active = true;
        return {};
    }
    Core::Status commit()
    {
        Core::Status s = m_db.commit();
        if (!s)
            return s;
        m_active = false;
        return {};
    }

private:
    const ServerDb &m_db;
    bool m_active = false;
};

} // namespace Sync
