// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sync/simulation.h"

#include "core/clock/clock.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/store/activityrepository.h"
#include "core/store/caserepository.h"
#include "core/store/changelog.h"
#include "core/store/database.h"
#include "core/store/replicator.h"
#include "core/store/statement.h"
#include "sync/client/syncclient.h"
#include "sync/server/admin.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "tests/support/fixtures.h"
#include "tests/support/replicas.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <memory>
#include <random>

using namespace Qt::StringLiterals;

namespace Sim {

Settings &settings()
{
    static Settings s;
    return s;
}

namespace {

// The link between a laptop and the server, as bad as the field: requests lost before the
// server sees them, replies lost after the server committed (a crash between commit and
// reply), requests delivered twice, an old request replayed before a new one (reordering),
// and pages cut short in either direction.
class ChaosTransport final : public Sync::Transport
{
public:
    ChaosTransport(Sync::SyncService &service, std::mt19937_64 &rng)
        : m_service(service)
        , m_rng(rng)
    { }

    bool chaos = true;
    int faults = 0;

    Core::Result<Sync::Response> post(const char *endpoint, const QByteArray &bearer, const QByteArray &page) override
    {
        const Sync::Request request{QByteArray(endpoint), bearer, page, u"sim"_s};
        const int roll = chaos ? int(m_rng() % 100) : 100;
        const auto unreachable = [] { return Core::Error{Core::Error::Code::Unreachable, u"simulated link failure"_s}; };
        Sync::Response reply;
        if (roll < 5) {
            ++faults;
            return unreachable();
        }
        if (roll < 10) {
            ++faults;
            (void)m_service.handle(request); // committed, reply lost
            return unreachable();
        }
        if (roll < 14) {
            ++faults;
            (void)m_service.handle(request);
            reply = m_service.handle(request);
        } else if (roll < 17) {
            ++faults;
            Sync::Request cut = request;
            cut.body.truncate(int(m_rng() % quint64(std::max<qsizetype>(1, page.size()))));
            reply = m_service.handle(cut);
        } else if (roll < 20) {
            ++faults;
            reply = m_service.handle(request);
            reply.body.truncate(int(m_rng() % quint64(std::max<qsizetype>(1, reply.body.size()))));
        } else if (roll < 24 && !m_previous.body.isEmpty()) {
            ++faults;
            (void)m_service.handle(m_previous); // an old request overtakes the new one
            reply = m_service.handle(request);
        } else {
            reply = m_service.handle(request);
        }
        m_previous = request;
        return reply;
    }

private:
    Sync::SyncService &m_service;
    std::mt19937_64 &m_rng;
    Sync::Request m_previous;
};

struct Laptop
{
    QString login;
    QString role;
    std::unique_ptr<Test::ProfileFixture> f;
    std::unique_ptr<ChaosTransport> link;
    QList<std::pair<qint64, qint64>> committed; // (first, last) seq of each committed action
};

QStringList localCases(Laptop &l, bool includeDeleted)
{
    QStringList ids;
    Core::Statement &q = l.f->profile->database().statement(
        includeDeleted ? u"SELECT id FROM cases ORDER BY id"_s : u"SELECT id FROM cases WHERE deleted = 0 ORDER BY id"_s);
    while (q.next())
        ids << q.text(0);
    q.reset();
    return ids;
}

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
    void edit(Laptop &l);
    void sync(Laptop &l);
    QString invariants();

    std::uint64_t m_seed;
    std::mt19937_64 m_rng;
    QTemporaryDir m_dir;
    Core::FixedClock m_serverClock{Test::fixedNowMs};
    std::unique_ptr<Sync::ServerStore> m_store;
    std::unique_ptr<Sync::Admin> m_admin;
    std::unique_ptr<Sync::SyncService> m_service;
    std::vector<Laptop> m_laptops;
    QStringList m_knownCases;
    int m_edits = 0;
};

void Schedule::edit(Laptop &l)
{
    Core::Session &s = *l.f->session;
    const qint64 before = l.f->profile->changeLog().lastSeq();
    const QStringList cases = localCases(l, false);
    const int kind = cases.isEmpty() ? 0 : int(m_rng() % 8);
    const QString target = cases.isEmpty() ? QString() : cases.at(int(m_rng() % quint64(cases.size())));
    Core::Status result;
    Core::CaseDraft patch;
    switch (kind) {
    case 0: {
        if (l.role == u"supervisor")
            return; // supervisors review; caseworkers take intakes
        Core::CaseDraft draft = Test::sampleDraft();
        draft.fields.insert(u"narrative"_s, u"Intake %1 oleh %2"_s.arg(m_edits).arg(l.login));
        Core::Result<Core::Record> created = s.cases().create(std::move(draft));
        result = created ? Core::Status{} : Core::Status{created.error()};
        if (created)
            m_knownCases << created->id;
        break;
    }
    case 1:
        patch.fields.insert(u"narrative"_s, u"Catatan %1 dari %2"_s.arg(m_edits).arg(l.login));
        result = s.cases().update(target, std::move(patch));
        break;
    case 2: {
        static const QStringList scenes{u"household"_s, u"school"_s, u"public_facility"_s, u"workplace"_s};
        patch.fields.insert(u"incident_scene"_s, scenes.at(int(m_rng() % 4)));
        result = s.cases().update(target, std::move(patch));
        break;
    }
    case 3:
        patch.fields.insert(u"do_not_contact"_s, bool(m_rng() % 2));
        result = s.cases().update(target, std::move(patch));
        break;
    case 4: {
        static const QStringList types{u"fisik"_s, u"psikis"_s, u"seksual"_s, u"penelantaran"_s};
        QStringList chosen;
        for (const QString &t : types) {
            if (m_rng() % 2)
                chosen << t;
        }
        if (chosen.isEmpty())
            chosen << u"psikis"_s;
        patch.fields.insert(u"violence_types"_s, chosen);
        result = s.cases().update(target, std::move(patch));
        break;
    }
    case 5: {
        Core::Result<Core::Record> note = s.activities().add(
            u"note", target,
            {{u"written_at"_s, l.f->clock.nowMs()}, {u"body"_s, u"Kunjungan %1 oleh %2"_s.arg(m_edits).arg(l.login)}});
        result = note ? Core::Status{} : Core::Status{note.error()};
        break;
    }
    case 6:
        result = s.cases().setDeleted(target, true);
        break;
    default: {
        const QStringList all = localCases(l, true);
        const QString any = all.at(int(m_rng() % quint64(all.size())));
        result = s.cases().setDeleted(any, false);
        break;
    }
    }
    ++m_edits;
    const qint64 after = l.f->profile->changeLog().lastSeq();
    if (qEnvironmentVariableIsSet("SIM_TRACE"))
        qInfo("edit %s kind %d case %s -> seq %lld..%lld %s", qPrintable(l.login), kind, qPrintable(target.left(13)),
              before + 1, after, result ? "ok" : qPrintable(result.error().detail));
    if (result && after > before)
        l.committed << std::pair{before + 1, after};
}

void Schedule::sync(Laptop &l)
{
    Sync::SyncClient client(*l.f->profile, *l.link);
    client.pushBatch = 1 + int(m_rng() % 40); // small batches: cuts land mid-outbox
    client.pullPage = 1 + int(m_rng() % 60);
    const Core::Result<Sync::SyncSummary> r = client.syncOnce(); // failures are the point; the next sync resumes
    if (qEnvironmentVariableIsSet("SIM_TRACE"))
        qInfo("sync %s: %s", qPrintable(l.login),
              r ? QJsonDocument(r->toJson()).toJson(QJsonDocument::Compact).constData() : qPrintable(r.error().detail));
}

QString Schedule::run(int steps)
{
    REQUIRE(m_dir.isValid());
    REQUIRE(Sync::Admin::init(m_dir.path(), {}, u"64.02"_s).ok());
    m_store = std::move(Sync::ServerStore::open(m_dir.path(), {}).value());
    m_admin = std::make_unique<Sync::Admin>(*m_store, m_serverClock);
    m_service = std::make_unique<Sync::SyncService>(*m_store, m_serverClock);
    REQUIRE(m_admin->createTeam(u"Tenggarong"_s).ok());
    REQUIRE(m_admin->createTeam(u"Sangatta"_s).ok());
    const QList<std::pair<QString, QString>> people{
        {u"siti"_s, u"caseworker"_s}, {u"budi"_s, u"caseworker"_s}, {u"ani"_s, u"supervisor"_s}};
    for (const auto &[login, role] : people) {
        REQUIRE(m_admin->createUser(login, login, role, login == u"budi" ? u"Sangatta"_s : u"Tenggarong"_s).ok());
        Laptop l;
        l.login = login;
        l.role = role;
        l.f = std::make_unique<Test::ProfileFixture>(
            role == u"supervisor" ? Core::Role::Supervisor : Core::Role::Caseworker, false, login);
        l.f->clock.set(Test::fixedNowMs + qint64(m_rng() % 600'000));
        l.link = std::make_unique<ChaosTransport>(*m_service, m_rng);
        l.link->chaos = false;
        Sync::SyncClient client(*l.f->profile, *l.link);
        const Core::Status enrolled = client.enroll(u"sim"_s, m_admin->enroll(login, login).value(), login);
        REQUIRE(enrolled.ok());
        l.link->chaos = true;
        m_laptops.push_back(std::move(l));
    }

    for (int step = 0; step < steps; ++step) {
        Laptop &l = m_laptops.at(m_rng() % m_laptops.size());
        const int roll = int(m_rng() % 100);
        if (roll < 45) {
            edit(l);
        } else if (roll < 70) {
            sync(l);
        } else if (roll < 75) {
            // Clock chaos: years ahead, years behind, back to 1970, a small step back.
            static const qint64 year = qint64(365) * 24 * 3600 * 1000;
            switch (m_rng() % 4) {
            case 0: l.f->clock.advance(5 * year); break;
            case 1: l.f->clock.advance(-3 * year); break;
            case 2: l.f->clock.set(0); break;
            default: l.f->clock.advance(-60'000); break;
            }
        } else if (roll < 82 && !m_knownCases.isEmpty()) {
            // The office reassigns a case: to a person, or to a team.
            const QString kase = m_knownCases.at(int(m_rng() % quint64(m_knownCases.size())));
            const int who = int(m_rng() % 4);
            const Core::Status s = who < 2 ? m_admin->assignCase(kase, who == 0 ? u"siti"_s : u"budi"_s)
                                           : m_admin->assignCase(kase, {}, who == 2 ? u"Tenggarong"_s : u"Sangatta"_s);
            // NotFound: the case has not reached the server yet.
            REQUIRE((s.ok() || s.error().code == Core::Error::Code::NotFound));
            if (qEnvironmentVariableIsSet("SIM_TRACE"))
                qInfo("assign %s to %d", qPrintable(kase.left(13)), who);
        } else if (roll < 86) {
            l.f->reopen(); // the laptop restarts (a flat battery)
        } else {
            // Time passes: minutes to days, everywhere.
            const qint64 by = qint64(m_rng() % (3LL * 24 * 3600 * 1000));
            m_serverClock.advance(by);
            for (Laptop &other : m_laptops)
                other.f->clock.advance(by);
        }
    }

    // Calm: the links heal and everyone syncs until nothing moves (bounded: a retry loop that
    // never ends is a failure too).
    for (Laptop &l : m_laptops)
        l.link->chaos = false;
    bool quiet = false;
    for (int round = 0; round < 8 && !quiet; ++round) {
        quiet = true;
        for (Laptop &l : m_laptops) {
            Sync::SyncClient client(*l.f->profile, *l.link);
            Core::Result<Sync::SyncSummary> summary = client.syncOnce();
            if (!summary)
                return fail(u"%1: sync failed on a healed link: %2"_s.arg(l.login, summary.error().detail));
            if (summary->pushed + summary->pulled + summary->purged + summary->duplicates > 0)
                quiet = false;
        }
    }
    if (!quiet)
        return fail(u"replicas still moving after 8 calm rounds"_s);
    return invariants();
}

QString Schedule::invariants()
{
    QSqlDatabase server = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"sim-%1"_s.arg(m_seed));
    server.setDatabaseName(m_dir.filePath(u"server.db"_s));
    REQUIRE(server.open());
    QString problem;
    const QList<Sync::ServerDevice> devices = m_store->devices().value();
    QHash<QString, QSet<QString>> held;
    for (Laptop &l : m_laptops) {
        Core::ChangeLog &log = l.f->profile->changeLog();
        if (log.pendingCount().value() != 0 && problem.isEmpty())
            problem = u"%1: outbox not drained (%2 left)"_s.arg(l.login).arg(log.pendingCount().value());
        Core::Replicator r(log);
        if (!r.deferredPurges().value().isEmpty() && problem.isEmpty())
            problem = u"%1: purges still waiting"_s.arg(l.login);
        // Every committed edit reached the server exactly once (or was refused and kept).
        for (const auto &[first, last] : std::as_const(l.committed)) {
            for (qint64 seq = first; seq <= last; ++seq) {
                QSqlQuery q(server);
                q.prepare(u"SELECT count(*) FROM ops WHERE site = ? AND site_seq = ?"_s);
                q.addBindValue(log.siteId());
                q.addBindValue(seq);
                REQUIRE(q.exec());
                REQUIRE(q.next());
                if (q.value(0).toInt() != 1 && problem.isEmpty()) {
                    problem = u"%1: op %2 is on the server %3 times"_s.arg(l.login).arg(seq).arg(q.value(0).toInt());
                    for (const Core::ConflictRecord &c : r.conflicts(true).value()) {
                        if (c.kind == u"rejected")
                            problem += u"; "_s + c.detail;
                    }
                }
            }
        }
        // Exactly the cases in scope: nothing out of scope, nothing missing.
        const Sync::ServerDevice *device = nullptr;
        for (const Sync::ServerDevice &d : devices) {
            if (d.siteId == log.siteId())
                device = &d;
        }
        REQUIRE(device);
        QStringList scope = m_store->scope(*device).value();
        scope.sort();
        const QStringList local = localCases(l, true);
        held.insert(l.login, QSet<QString>(local.cbegin(), local.cend()));
        if (scope != local && problem.isEmpty())
            problem = u"%1 holds %2 cases, its scope is %3"_s.arg(l.login).arg(local.size()).arg(scope.size());
        const QByteArray cursor = QByteArray::fromBase64(log.meta(u"sync.cursor"_s).value().toLatin1());
        if (!m_store->cursorValid(cursor).value() && problem.isEmpty())
            problem = u"%1: cursor is not valid on the server"_s.arg(l.login);
    }
    // Replicas that share cases hold the same rows for them.
    for (Laptop &a : m_laptops) {
        for (Laptop &b : m_laptops) {
            if (a.login >= b.login)
                continue;
            QSet<QString> common = held.value(a.login);
            common.intersect(held.value(b.login));
            if (common.isEmpty())
                continue;
            const QStringList ids(common.cbegin(), common.cend());
            if (Test::replicaDigest(*a.f->profile, ids) != Test::replicaDigest(*b.f->profile, ids) && problem.isEmpty())
                problem = u"%1 and %2 differ on their %3 shared cases"_s.arg(a.login, b.login).arg(ids.size());
        }
    }
    server.close();
    return problem.isEmpty() ? QString() : fail(problem);
}

} // namespace

QString runSchedule(std::uint64_t seed, int steps)
{
    Schedule schedule(seed);
    return schedule.run(steps);
}

} // namespace Sim
