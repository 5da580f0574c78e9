// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/serverpeek.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Test {

namespace {
std::atomic<int> peekCounter{0};
}

ServerPeek::ServerPeek(const QString &dataDir, const QString &databaseUrl)
    : m_connection(u"server-peek-%1"_s.arg(peekCounter.fetch_add(1)))
{
    QSqlDatabase db;
    if (databaseUrl.isEmpty()) {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        db.setDatabaseName(QDir(dataDir).filePath(u"server.db"_s));
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=30000"_s);
    } else {
        const QUrl url(databaseUrl);
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    }
    if (!db.open()) {
        m_error = db.lastError().text();
        return;
    }
    if (!databaseUrl.isEmpty()) {
        QSqlQuery q(db);
        if (!q.exec(u"SET default_transaction_read_only = on"_s))
            m_error = q.lastError().text();
    }
}

ServerPeek::~ServerPeek()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

std::optional<QVariant> ServerPeek::scalar(const QString &sql, const QVariantMap &binds)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(sql);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(u":"_s + it.key(), it.value());
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return q.value(0);
}

QStringList ServerPeek::opLines(const QString &where, const QVariantMap &binds)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT site, site_seq, entity, entity_id, case_id, field, op, author, value FROM ops WHERE "_s
              + where);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(u":"_s + it.key(), it.value());
    QStringList lines;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return {u"query failed: "_s + m_error};
    }
    while (q.next()) {
        QStringList parts;
        for (int column = 0; column < 8; ++column)
            parts << q.value(column).toString();
        // Sealed values are ciphertext: their digest tells one value from another.
        parts << (q.isNull(8) ? u"null"_s
                              : QString::fromLatin1(QCryptographicHash::hash(q.value(8).toByteArray(),
                                                                             QCryptographicHash::Sha256)
                                                        .toHex()
                                                        .left(16)));
        lines << parts.join(u' ');
    }
    lines.sort();
    return lines;
}

QStringList ServerPeek::opsTouching(const QStringList &ids)
{
    QStringList all;
    for (const QString &id : ids)
        all += opLines(u"entity_id = :id OR case_id = :id2"_s, {{u"id"_s, id}, {u"id2"_s, id}});
    all.removeDuplicates();
    all.sort();
    return all;
}

QStringList ServerPeek::opsOfSite(const QString &site)
{
    return opLines(u"site = :site"_s, {{u"site"_s, site}});
}

std::optional<QString> ServerPeek::caseColumn(const QString &caseId, const QString &column)
{
    static const QStringList columns{u"assigned_user"_s, u"assigned_team"_s,   u"created_by"_s,
                                     u"created_site"_s,  u"registry_number"_s, u"create_txn"_s};
    if (!columns.contains(column))
        return std::nullopt; // a column name goes into the SQL: only these
    const std::optional<QVariant> v
        = scalar(u"SELECT COALESCE("_s + column + u", '') FROM cases WHERE id = :id"_s, {{u"id"_s, caseId}});
    if (!v)
        return std::nullopt;
    return v->toString();
}

} // namespace Test
