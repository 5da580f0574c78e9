// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The simulation's parts, shared by simulation.cpp (the schedule) and
// simulationinvariants.cpp (what must hold after it). Test code only.
#include "core/changelog/schematesting.h"
#include "core/clock/clock.h"
#include "core/sql/migrations.h"
#include "sync/server/admin.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "sync/transport.h"
#include "tests/support/fixtures.h"

#include <QHash>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <random>
#include <vector>

namespace Sim {

using namespace Qt::StringLiterals;

// The link between a laptop and the server, as bad as the field: requests lost before the
// server sees them, replies lost after the server committed (a crash between commit and
// reply), requests delivered twice, an old request replayed before a new one (reordering),
// and pages cut short in either direction.
class ChaosTransport final : public Sync::Transport
{
public:
    ChaosTransport(std::unique_ptr<Sync::SyncService> &service, std::mt19937_64 &rng)
        : m_service(service)
        , m_rng(rng)
    { }

    bool chaos = true;
    int faults = 0;

    Core::Result<Sync::Response> post(const char *endpoint, const QByteArray &bearer,
                                      const QByteArray &page) override
    {
        const Sync::Request request{QByteArray(endpoint), bearer, page, u"sim"_s};
        const int roll = chaos ? int(m_rng() % 100) : 100;
        const auto unreachable = [] {
            return Core::Error{Core::Error::Code::Unreachable, u"simulated link failure"_s};
        };
        Sync::Response reply;
        if (roll < 5) {
            ++faults;
            return unreachable();
        }
        if (roll < 10) {
            ++faults;
            (void)m_service->handle(request); // committed, reply lost
            return unreachable();
        }
        if (roll < 14) {
            ++faults;
            (void)m_service->handle(request);
            reply = m_service->handle(request);
        } else if (roll < 17) {
            ++faults;
            Sync::Request cut = request;
            cut.body.truncate(int(m_rng() % quint64(std::max<qsizetype>(1, page.size()))));
            reply = m_service->handle(cut);
        } else if (roll < 20) {
            ++faults;
            reply = m_service->handle(request);
            reply.body.truncate(int(m_rng() % quint64(std::max<qsizetype>(1, reply.body.size()))));
        } else if (roll < 24 && !m_previous.body.isEmpty()) {
            ++faults;
            (void)m_service->handle(m_previous); // an old request overtakes the new one
            reply = m_service->handle(request);
        } else {
            reply = m_service->handle(request);
        }
        m_previous = request;
        return reply;
    }

private:
    std::unique_ptr<Sync::SyncService> &m_service; // the server restarts (a restore)
    std::mt19937_64 &m_rng;
    Sync::Request m_previous;
};

struct Laptop
{
    QString name; // login, or login + "'" for a cloned laptop
    QString login;
    QString role;
    std::unique_ptr<Test::ProfileFixture> f;
    std::unique_ptr<ChaosTransport> link;
    // Each committed action: its txn, how many ops it wrote and its case. Identified by txn, not
    // by (site, seq): a cloned laptop moves its unsent ops to a new site id and renumbers them.
    struct Action
    {
        QString txn;
        int ops;
        QString caseId;
        qint64 hlc = 0; // its stamp
    };
    QList<Action> committed;
    int offlineUntil = -1; // days without a link: no sync before this step
    bool revoked = false; // the office revoked its device
    bool wiped = false; // and the laptop learnt it and erased itself
};

QString metaOf(Laptop &l, const QString &key);
QString deviceOf(Laptop &l);
qint64 countRows(Laptop &l, const QString &sql);
QStringList localCases(Laptop &l, bool includeDeleted);
// The people of these cases as the case file shows them (resolved through merges): role, the
// person's id and every field, one line each.
QStringList resolvedPeople(Laptop &l, QStringList caseIds);

class Schedule
{
public:
    Schedule(std::uint64_t seed)
        : m_seed(seed)
        , m_rng(seed)
    { }

    QString run(int steps);

private:
    QString fail(const QString &what) const { return u"seed %1: %2"_s.arg(m_seed).arg(what); }
    void trace(const QString &what) const
    {
        if (qEnvironmentVariableIsSet("SIM_TRACE"))
            qInfo("%s", qPrintable(what));
    }
    void edit(Laptop &l);
    void sync(Laptop &l);
    void cloneLaptop(std::size_t index);
    Core::Status mergeOrUnmerge(Laptop &l, const QString &caseId);
    void backupServer();
    void restoreServer();
    void openServer();
    void cleanUp();
    static constexpr int retentionDays = 4;
    void poison();
    void revoke(Laptop &l);
    QString invariants();

    std::uint64_t m_seed;
    std::mt19937_64 m_rng;
    // Failure 9: this schedule's schema renamed case.scene to incident_scene in its latest step.
    Core::Schema::ScopedRenameForTest m_rename{
        {u"case"_s, u"scene"_s, u"incident_scene"_s, Core::Migrations::latestVersion()}};
    QTemporaryDir m_dir;
    Core::FixedClock m_serverClock{Test::fixedNowMs};
    std::unique_ptr<Sync::ServerStore> m_store;
    std::unique_ptr<Sync::Admin> m_admin;
    std::unique_ptr<Sync::SyncService> m_service;
    std::vector<Laptop> m_laptops;
    QStringList m_knownCases;
    // Attachment id → its content and the laptop that attached it.
    QHash<QString, std::pair<QByteArray, QString>> m_files;
    int m_edits = 0;
    // Once per schedule at most, each with its own chance (seeded):
    bool m_cloned = false;
    bool m_hasBackup = false;
    bool m_restored = false;
    bool m_poisoned = false;
    bool m_revokedOne = false;
    // The poison pusher: a device (no laptop) of a supervisor that pushes raw requests.
    QByteArray m_poisonToken;
    QString m_poisonSite;
    qint64 m_poisonSeq = 0;
};

} // namespace Sim
