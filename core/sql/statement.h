// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace Core {

// A prepared SQLite statement on the connection Qt opened, used on the hot paths (every op,
// clock and row of an action; reading records for the search index). QtSql's binding builds
// a placeholder name with QString::arg for every positional value, which cost more than
// SQLite itself; this binds straight into SQLite. Same library, same connection, same
// transaction as the QSqlQuery calls around it.
class Statement final
{
public:
    Statement(sqlite3 *db, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool valid() const { return m_stmt != nullptr; }

    // Bind by 1-based position. A null QString/QByteArray binds SQL NULL. A bind that fails
    // (a position out of range, a value too big) is logged and makes the next exec() or next()
    // fail with it, until reset().
    void bind(int index, const QString &text);
    void bind(int index, const QByteArray &blob);
    void bind(int index, qint64 number);
    void bindNull(int index);
    // Dispatches on the variant's type (strings, byte arrays, integers, bools, doubles, null).
    void bind(int index, const QVariant &value);

    // Runs a statement that returns no rows, then resets it for reuse.
    Status exec();
    // Steps to the next row; false at the end or on error (check `error()` then).
    bool next();
    // Resets the statement and clears its bindings (always call after reading rows).
    void reset();
    // Whether the last step failed (as opposed to reaching the end of the rows).
    bool failed() const;

    bool isNull(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    // The blob, or nullopt for SQL NULL (a value that was never set, as opposed to an empty one).
    std::optional<QByteArray> optionalBlob(int column) const;
    qint64 int64(int column) const;
    QVariant value(int column) const;

    int changes() const;
    Error error() const;

private:
    // Records the first failed bind since the last reset().
    void checkBind(int index, int code);

    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    // Bound text and blobs stay alive here until reset(), so SQLite needs no copy of its own.
    std::vector<QByteArray> m_held;
    int m_lastCode = 0;
    int m_bindCode = 0; // SQLITE_OK, or the first failed bind since reset()
};

// Maps an SQLite result code (and the connection's message) to an Error; the single mapping
// for both QtSql and direct statements.
Error sqliteError(int code, const QString &message);

} // namespace Core
