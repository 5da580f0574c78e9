// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/serverdb.h"

#include "core/sql/statement.h"
#include "sync/server/serverstore.h"

#include <QSqlDriver>
#include <QSqlError>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

namespace Sql {

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(u""_s)) : QVariant(s);
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant blob(const std::optional<QByteArray> &value)
{
    if (!value)
        return QVariant(QMetaType::fromType<QByteArray>());
    if (value->isNull())
        return QVariant(QByteArray("", 0));
    return QVariant(*value);
}

Error sqlError(const QSqlQuery &q)
{
    return Error{Error::Code::StoreUnavailable, q.lastError().text()};
}

Error sqlError(const QSqlDatabase &db)
{
    return Error{Error::Code::StoreUnavailable, db.lastError().text()};
}

} // namespace Sql

using Sql::sqlError;
using Sql::text;

ServerDb::~ServerDb()
{
    m_prepared.clear();
    m_sqliteStatements.clear(); // finalized before the connection closes
    m_handle = QSqlDatabase();
    {
        QSqlDatabase connection = QSqlDatabase::database(connectionName, false);
        if (connection.isValid())
            connection.close();
    }
    if (!connectionName.isEmpty())
        QSqlDatabase::removeDatabase(connectionName);
}

QSqlDatabase ServerDb::db() const
{
    if (!m_handle.isValid())
        m_handle = QSqlDatabase::database(connectionName, false);
    return m_handle;
}

Result<Rows> ServerDb::exec(const QString &sql, const QVariantMap &binds) const
{
    // Without binds, run it directly: PostgreSQL cannot PREPARE DDL.
    if (binds.isEmpty()) {
        auto q = std::make_shared<QSqlQuery>(db());
        if (!q->exec(sql))
            return sqlError(*q);
        return Rows(q.get(), q);
    }
    auto cached = m_prepared.find(sql);
    if (cached == m_prepared.end()) {
        auto fresh = std::make_unique<QSqlQuery>(db());
        fresh->setForwardOnly(true);
        if (!fresh->prepare(sql))
            return sqlError(*fresh);
        cached = m_prepared.emplace(sql, std::move(fresh)).first;
    }
    QSqlQuery &q = *cached->second;
    q.finish(); // a caller may have left rows unread
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(u':' + it.key(), it.value());
    if (!q.exec())
        return sqlError(q);
    return Rows(&q);
}

Status ServerDb::runValues(const QString &sql, const QVariantList &values) const
{
    if (dialect == Dialect::Sqlite) {
        // SQLite: straight into the C API on the same connection (core's Statement), as the
        // laptop's store does on its hot path; QtSql binds text as UTF-16 through QVariants.
        auto &statement = m_sqliteStatements[sql];
        if (!statement) {
            const QVariant driverHandle = db().driver()->handle();
            if (qstrcmp(driverHandle.typeName(), "sqlite3*") != 0)
                return Error{Error::Code::Internal, u"not an SQLite connection"_s};
            statement = std::make_unique<Core::Statement>(
                *static_cast<sqlite3 *const *>(driverHandle.constData()), sql);
        }
        for (int i = 0; i < values.size(); ++i)
            statement->bind(i + 1, values.at(i));
        return statement->exec();
    }
    auto cached = m_prepared.find(sql);
    if (cached == m_prepared.end()) {
        auto fresh = std::make_unique<QSqlQuery>(db());
        if (!fresh->prepare(sql))
            return sqlError(*fresh);
        cached = m_prepared.emplace(sql, std::move(fresh)).first;
    }
    QSqlQuery &q = *cached->second;
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    const bool ok = q.exec();
    const Error error = ok ? Error{} : sqlError(q);
    q.finish();
    if (!ok)
        return error;
    return {};
}

Status ServerDb::run(const QString &sql, const QVariantMap &binds) const
{
    auto q = exec(sql, binds);
    if (!q)
        return q.error();
    return {};
}

Result<std::optional<QVariant>> ServerDb::scalar(const QString &sql, const QVariantMap &binds) const
{
    auto q = exec(sql, binds);
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QVariant>();
    return std::optional<QVariant>(q->value(0));
}

Result<qint64> ServerDb::metaNum(const QString &key) const
{
    auto v = scalar(u"SELECT num FROM meta WHERE key = :key"_s, {{u"key"_s, key}});
    if (!v)
        return v.error();
    return v->has_value() ? (*v)->toLongLong() : qint64(0);
}

Result<QString> ServerDb::metaText(const QString &key) const
{
    auto v = scalar(u"SELECT value FROM meta WHERE key = :key"_s, {{u"key"_s, key}});
    if (!v)
        return v.error();
    return v->has_value() ? (*v)->toString() : QString();
}

Status ServerDb::setMetaNum(const QString &key, qint64 num) const
{
    return run(u"INSERT INTO meta (key, value, num) VALUES (:key, '', :num) "
               "ON CONFLICT (key) DO UPDATE SET num = excluded.num"_s,
               {{u"key"_s, key}, {u"num"_s, num}});
}

Status ServerDb::setMetaText(const QString &key, const QString &value) const
{
    return run(u"INSERT INTO meta (key, value, num) VALUES (:key, :value, 0) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
               {{u"key"_s, key}, {u"value"_s, text(value)}});
}

Status ServerDb::begin(bool write) const
{
    QSqlQuery q(db());
    const QString sql = dialect == Dialect::Sqlite && write ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s;
    if (!q.exec(sql))
        return sqlError(q);
    return {};
}

Status ServerDb::lockIngest() const
{
    return run(u"UPDATE meta SET num = num + 0 WHERE key = 'ops_seq'"_s);
}

Status ServerDb::commit() const
{
    QSqlQuery q(db());
    if (!q.exec(u"COMMIT"_s))
        return sqlError(q);
    return {};
}

void ServerDb::rollback() const
{
    QSqlQuery q(db());
    if (!q.exec(u"ROLLBACK"_s))
        qCWarning(lcServer) << "rollback failed:" << q.lastError().text();
}

Status ServerDb::runDdl(const char16_t *statement) const
{
    QString sql = QString::fromUtf16(statement);
    sql.replace(u"{BLOB}"_s, dialect == Dialect::Sqlite ? u"BLOB"_s : u"BYTEA"_s);
    // SQLite: INTEGER PRIMARY KEY is the rowid (64-bit); PostgreSQL: BIGINT.
    sql.replace(u"{SEQ}"_s, dialect == Dialect::Sqlite ? u"INTEGER"_s : u"BIGINT"_s);
    return run(sql);
}

} // namespace Sync
