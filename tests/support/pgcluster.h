// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/clock.h"
#include "sync/server/admin.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "sync/wire.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>

namespace Test {

// A private PostgreSQL cluster for one test process: initdb into a temporary folder owned by
// the `postgres` user (tests run as root, which PostgreSQL refuses), started on a free loopback
// port with its socket in that folder, stopped and deleted at exit. Started lazily by the first
// test that asks; a missing PostgreSQL installation FAILs that test (CI installs it).
class PgCluster final
{
public:
    static PgCluster &instance();
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    int port() const { return m_port; }
    // postgresql://postgres@127.0.0.1:PORT/dampingi
    QString url() const;
    // A new empty database (dampingi_1, dampingi_2, ...) and its URL, so tests do not share state.
    QString freshDatabaseUrl();

private:
    PgCluster();
    bool run(const QString &program, const QStringList &args, QString *output = nullptr);
    bool runAsPostgres(const QStringList &command, QString *output = nullptr);

    QTemporaryDir m_dir;
    QString m_bin;
    QString m_error;
    int m_port = 0;
    int m_databases = 0;
    bool m_started = false;
};

// The URL of a fresh database on the private cluster; FAILs the running test when PostgreSQL
// cannot be started (with the reason).
QString freshPostgresUrl();

// A district server on a real store: "sqlite" (a temporary data folder) or "postgresql" (a fresh
// database on the private cluster), initialised for district 6402, with a fixed clock, an
// Admin and a SyncService on top.
struct ServerFixture
{
    explicit ServerFixture(const std::string &backend);
    ~ServerFixture();

    // Another connection to the same store (for a second thread: open it in that thread).
    std::unique_ptr<Sync::ServerStore> openAnother() const;

    struct Enrolled
    {
        Sync::EnrollReply reply;
        Sync::ServerDevice device;
    };
    // Creates the user when missing and enrolls one device for it through the service.
    Enrolled enroll(const QString &login, const QString &role, const QString &team, const QString &siteId);

    Sync::Response call(const char *endpoint, const QByteArray &bearer, const QByteArray &body);
    Sync::PushReply push(const Enrolled &device, const QList<Sync::WireOp> &ops);
    Sync::PullReply pull(const Enrolled &device, const QByteArray &cursor, int maxOps = 0);

    QTemporaryDir dir;
    QString url; // empty: SQLite
    Core::FixedClock clock;
    std::unique_ptr<Sync::ServerStore> store;
    std::unique_ptr<Sync::Admin> admin;
    std::unique_ptr<Sync::SyncService> service;
};

// Hand-built change ops, shaped like core's change log writes them.
qint64 stampAt(qint64 ms, int counter = 0);
Sync::WireOp caseCreateOp(const QString &site, qint64 seq, const QString &txn, const QString &caseId,
                          const QString &author, qint64 hlc);
Sync::WireOp caseSetOp(const QString &site, qint64 seq, const QString &txn, const QString &caseId,
                       const QString &field, const QByteArray &value, const QString &author, qint64 hlc);
// A whole intake on one site: create + assigned_user + two plain fields (4 ops from `firstSeq`).
QList<Sync::WireOp> intakeOps(const QString &site, qint64 firstSeq, const QString &caseId,
                              const QString &author, qint64 hlc);

} // namespace Test
