// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sql/statement.h"

#include "core/logging.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Core {

Statement::Statement(sqlite3 *db, const QString &sql)
    : m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    m_lastCode = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                    &m_stmt, nullptr);
    if (m_lastCode != SQLITE_OK) {
        qCWarning(lcStore) << "prepare failed:" << sqlite3_errmsg(db);
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::bind(int index, const QString &text)
{
    if (text.isNull()) {
        bindNull(index);
        return;
    }
    // The database is UTF-8: convert once here (Qt's converter is fast for ASCII) and let
    // SQLite point at our buffer instead of translating and copying.
    QByteArray utf8 = text.toUtf8();
    checkBind(index, sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC));
    m_held.push_back(std::move(utf8));
}

void Statement::bind(int index, const QByteArray &blob)
{
    if (blob.isNull()) {
        bindNull(index);
        return;
    }
    checkBind(index, sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_STATIC));
    m_held.push_back(blob);
}

void Statement::bind(int index, qint64 number)
{
    checkBind(index, sqlite3_bind_int64(m_stmt, index, number));
}

void Statement::bindNull(int index)
{
    checkBind(index, sqlite3_bind_null(m_stmt, index));
}

void Statement::checkBind(int index, int code)
{
    if (code == SQLITE_OK || m_bindCode != SQLITE_OK)
        return;
    // A value that did not bind would run as NULL: remember the first failure, so exec() and
    // next() refuse to run the statement and error() reports it.
    m_bindCode = code;
    qCWarning(lcStore) << "bind of parameter" << index << "failed:" << sqlite3_errstr(code);
}

void Statement::bind(int index, const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        bindNull(index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QString:
        bind(index, value.toString());
        return;
    case QMetaType::QByteArray:
        bind(index, value.toByteArray());
        return;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::Bool:
        bind(index, value.toLongLong());
        return;
    case QMetaType::Double:
        checkBind(index, sqlite3_bind_double(m_stmt, index, value.toDouble()));
        return;
    default:
        bind(index, value.toString());
    }
}

Status Statement::exec()
{
    if (!m_stmt)
        return error();
    if (m_bindCode != SQLITE_OK) {
        const Error failed = error();
        reset();
        return failed;
    }
    m_lastCode = sqlite3_step(m_stmt);
    const bool ok = m_lastCode == SQLITE_DONE || m_lastCode == SQLITE_ROW;
    Status status = ok ? Status() : Status(error());
    reset();
    return status;
}

bool Statement::next()
{
    if (!m_stmt || m_bindCode != SQLITE_OK)
        return false;
    m_lastCode = sqlite3_step(m_stmt);
    return m_lastCode == SQLITE_ROW;
}

void Statement::reset()
{
    if (!m_stmt)
        return;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_held.clear();
    m_bindCode = SQLITE_OK;
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

std::optional<QByteArray> Statement::optionalBlob(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return blob(column);
}

QByteArray Statement::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    if (!data)
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL ? QByteArray()
                                                                  : QByteArray(""); // empty blob
    return QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QVariant Statement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_INTEGER:
        return int64(column);
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_stmt, column);
    case SQLITE_BLOB:
        return blob(column);
    default:
        return text(column);
    }
}

bool Statement::failed() const
{
    return m_stmt == nullptr || m_bindCode != SQLITE_OK
        || (m_lastCode != SQLITE_ROW && m_lastCode != SQLITE_DONE && m_lastCode != SQLITE_OK);
}

int Statement::changes() const
{
    return sqlite3_changes(m_db);
}

Error Statement::error() const
{
    if (m_bindCode != SQLITE_OK)
        return sqliteError(m_bindCode,
                           u"cannot bind a value: "_s + QString::fromUtf8(sqlite3_errstr(m_bindCode)));
    const int code = m_stmt ? sqlite3_errcode(m_db) : m_lastCode;
    return sqliteError(code == SQLITE_OK ? m_lastCode : code, QString::fromUtf8(sqlite3_errmsg(m_db)));
}

Error sqliteError(int code, const QString &text)
{
    switch (code & 0xff) {
    case SQLITE_FULL:
        return {Error::Code::StoreUnavailable, u"disk full: "_s + text, {}, Error::Reason::DiskFull};
    case SQLITE_READONLY:
        return {Error::Code::StoreUnavailable, u"read-only storage: "_s + text, {}, Error::Reason::ReadOnly};
    case SQLITE_CANTOPEN:
        return {Error::Code::StoreUnavailable, u"cannot open database file: "_s + text};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return {Error::Code::Corrupt, u"database file is damaged or not a database: "_s + text};
    case SQLITE_BUSY:
        return {Error::Code::StoreUnavailable, u"database is busy (another process holds it): "_s + text};
    case SQLITE_IOERR:
        return {Error::Code::StoreUnavailable, u"disk I/O error: "_s + text};
    case SQLITE_CONSTRAINT:
        return {Error::Code::Conflict, u"the change contradicts stored data: "_s + text};
    default:
        return {Error::Code::StoreUnavailable, text};
    }
}

} // namespace Core
