// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sql/database.h"

#include "core/logging.h"
#include "core/sql/migrations.h"

#include <QAtomicInt>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

QAtomicInt connectionCounter;

} // namespace

Database::Database(const QSqlDatabase &db, QString path, QString connectionName)
    : m_db(db)
    , m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{ }

Database::~Database()
{
    m_statements.clear(); // finalize before Qt closes the connection
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::openRaw(const QString &path, Mode mode)
{
    const QString name = u"dampingi-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        return Error{Error::Code::StoreUnavailable, u"the Qt SQLite driver (QSQLITE) is not installed"_s};
    }
    db.setDatabaseName(path);
    QString options = u"QSQLITE_BUSY_TIMEOUT=5000"_s;
    if (mode == Mode::ReadOnly)
        options += u";QSQLITE_OPEN_READONLY"_s;
    db.setConnectOptions(options);
    if (!db.open()) {
        const Error error = errorFrom(db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return error;
    }
    std::unique_ptr<Database> database(new Database(db, path, name));
    const QVariant handle = database->m_db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !*static_cast<sqlite3 *const *>(handle.constData()))
        return Error{Error::Code::StoreUnavailable, u"the SQLite driver gave no connection handle"_s};
    database->m_handle = *static_cast<sqlite3 *const *>(handle.constData());

    // journal_mode=WAL answers with the mode in force; a read-only medium stays in its mode.
    const QStringList setup = {
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA synchronous = FULL"_s,
        u"PRAGMA temp_store = MEMORY"_s,
        u"PRAGMA secure_delete = ON"_s,
    };
    for (const QString &sql : setup) {
        QSqlQuery query(database->m_db);
        if (!query.exec(sql))
            return errorFrom(query);
    }
    if (mode == Mode::ReadWrite) {
        QSqlQuery query(database->m_db);
        if (!query.exec(u"PRAGMA journal_mode = WAL"_s))
            return errorFrom(query);
    }
    // Reading the schema is the first real I/O: a file that is not a database fails here.
    if (const Result<int> version = Migrations::currentVersion(database->m_db); !version)
        return version.error();
    return database;
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, Mode mode)
{
    Result<std::unique_ptr<Database>> database = openRaw(path, mode);
    if (!database)
        return database;
    const Result<int> version = Migrations::currentVersion((*database)->m_db);
    if (!version)
        return version.error();
    if (*version > Migrations::latestVersion()) {
        return Error{Error::Code::SchemaTooNew,
                     u"database schema %1 is newer than this build (%2)"_s.arg(*version).arg(
                         Migrations::latestVersion())};
    }
    if (*version < Migrations::latestVersion()) {
        if (mode == Mode::ReadOnly)
            return Error{Error::Code::StoreUnavailable,
                         u"read-only database needs a schema migration"_s,
                         {},
                         Error::Reason::ReadOnly};
        if (Status migrated = Migrations::migrate((*database)->m_db); !migrated)
            return migrated.error();
    }
    return database;
}

Statement &Database::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it->second;
    auto statement = std::make_unique<Statement>(m_handle, sql);
    if (!statement->valid()) {
        // Not cached: a transient failure (a busy schema) must not break this SQL for good.
        // The caller gets an invalid statement whose exec()/next() report the error.
        m_failed = std::move(statement);
        return *m_failed;
    }
    return *m_statements.emplace(sql, std::move(statement)).first->second;
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_handle) == 0;
}

Error Database::errorFrom(const QSqlError &error)
{
    return sqliteError(error.nativeErrorCode().toInt(), error.text());
}

Error Database::errorFrom(const QSqlQuery &query)
{
    return errorFrom(query.lastError());
}

Result<QString> Database::pragma(const QString &name)
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA "_s + name) || !query.next())
        return errorFrom(query);
    return query.value(0).toString();
}

} // namespace Core
