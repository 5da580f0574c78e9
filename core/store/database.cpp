// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/database.h"

#include "core/logging.h"
#include "core/store/migrations.h"

#include <QAtomicInt>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

QAtomicInt connectionCounter;

// SQLite primary result codes we tell apart (extended codes carry them in the low byte).
enum SqliteCode { Busy = 5, ReadOnly = 8, IoErr = 10, Corrupt = 11, Full = 13, CantOpen = 14, NotADb = 26 };

} // namespace

Database::Database(QSqlDatabase db, QString path, QString connectionName)
    : m_db(std::move(db))
    , m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    m_prepared.clear();
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
    std::unique_ptr<Database> database(new Database(std::move(db), path, name));

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
        return Error{Error::Code::SchemaTooNew, u"database schema %1 is newer than this build (%2)"_s.arg(*version).arg(
                                                    Migrations::latestVersion())};
    }
    if (*version < Migrations::latestVersion()) {
        if (mode == Mode::ReadOnly)
            return Error{Error::Code::StoreUnavailable, u"read-only database needs a schema migration"_s};
        if (Status migrated = Migrations::migrate((*database)->m_db); !migrated)
            return migrated.error();
    }
    return database;
}

QSqlQuery &Database::prepared(const QString &sql)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            qCWarning(lcStore) << "prepare failed:" << query->lastError().text();
        it = m_prepared.emplace(sql, std::move(query)).first;
    }
    return *it->second;
}

Error Database::errorFrom(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    const QString text = error.text();
    switch (code) {
    case Full:
        return {Error::Code::StoreUnavailable, u"disk full: "_s + text};
    case ReadOnly:
        return {Error::Code::StoreUnavailable, u"read-only storage: "_s + text};
    case CantOpen:
        return {Error::Code::StoreUnavailable, u"cannot open database file: "_s + text};
    case Corrupt:
    case NotADb:
        return {Error::Code::Corrupt, u"database file is damaged or not a database: "_s + text};
    case Busy:
        return {Error::Code::StoreUnavailable, u"database is busy (another process holds it): "_s + text};
    case IoErr:
        return {Error::Code::StoreUnavailable, u"disk I/O error: "_s + text};
    default:
        return {Error::Code::StoreUnavailable, text};
    }
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
