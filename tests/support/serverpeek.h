// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace Test {

// Reads a district server's store directly and read-only, beside the running server (a SQLite
// reader in WAL mode does not block it; PostgreSQL serves many connections): what an attack left
// behind, seen without the code under test. One connection per instance, one thread.
class ServerPeek final
{
public:
    // `databaseUrl` empty: SQLite in DIR/server.db.
    ServerPeek(const QString &dataDir, const QString &databaseUrl);
    ~ServerPeek();
    ServerPeek(const ServerPeek &) = delete;
    ServerPeek &operator=(const ServerPeek &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    // Every stored op that names one of `ids` as its row or its case, one sorted line each
    // ("site seq entity id case field op author value-bytes"): equal lists, nothing stored.
    QStringList opsTouching(const QStringList &ids);
    // The ops of one site, as opsTouching() prints them.
    QStringList opsOfSite(const QString &site);
    // One column of the case's row in `cases` (nullopt: no such case).
    std::optional<QString> caseColumn(const QString &caseId, const QString &column);
    // The first column of the first row of `sql` (nullopt: no row, or the query failed: see error()).
    std::optional<QVariant> scalar(const QString &sql, const QVariantMap &binds = {});

private:
    QStringList opLines(const QString &where, const QVariantMap &binds);

    QString m_connection;
    QString m_error;
};

} // namespace Test
