// SPDX-License-Identifier: GPL-3.0-or-later
// The server store's ingest and paging rules, on SQLite and on a real PostgreSQL cluster.
#include "core/changelog/schematesting.h"
#include "core/sql/migrations.h"
#include "core/util/uuid.h"
#include "sync/districtkeys.h"
#include "sync/enrollmentcode.h"
#include "sync/protocol.h"
#include "sync/server/admin.h"
#include "sync/server/retention.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "tests/support/fixtures.h"
#include "tests/support/pgcluster.h"

#include <QFile>
#include <QSet>
#include <QSqlQuery>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

using namespace Qt::StringLiterals;
using Sync::Verdict;
using Sync::WireOp;
using Test::ServerFixture;

namespace {

const qint64 now = Test::stampAt(Test::fixedNowMs);

QString newId()
{
    return Core::newUuidV7(Test::fixedNowMs);
}

qint64 countOps(Sync::ServerStore &store, const QString &site)
{
    QSqlQuery q(store.connection());
    q.prepare(u"SELECT COUNT(*) FROM ops WHERE site = :site"_s);
    q.bindValue(u":site"_s, site);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

// Every (site, seq) a device received, in order, across pages; applies purges.
struct Replica
{
    QByteArray cursor;
    QList<std::pair<QString, qint64>> received;
    QSet<QString> cases;
    QStringList purged;

    int drain(ServerFixture &f, const ServerFixture::Enrolled &device, int maxOps = 0)
    {
        int pages = 0;
        for (;;) {
            const Sync::PullReply page = f.pull(device, cursor, maxOps);
            ++pages;
            for (const WireOp &op : page.ops) {
                received.append({op.site, op.seq});
                cases.insert(op.caseId);
            }
            for (const QString &id : page.purge) {
                purged << id;
                cases.remove(id);
            }
            cursor = page.nextCursor;
            if (!page.more)
                return pages;
            REQUIRE(pages < 1000);
        }
    }
};

} // namespace

TEST_CASE("a replayed push batch is stored exactly once and answered Duplicate", "[sync][server]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const QList<WireOp> batch = Test::intakeOps(u"site-ani"_s, 1, newId(), u"ani"_s, now);

    REQUIRE(batch.size() == 4);
    const Sync::PushReply first = f.push(ani, batch);
    REQUIRE(first.verdicts.size() == 4);
    for (const Verdict &v : first.verdicts)
        CHECK(v.kind == Verdict::Kind::Accepted);
    CHECK(first.ackedThrough == 4);

    // The reply was lost; the laptop sends the same batch again.
    const Sync::PushReply again = f.push(ani, batch);
    REQUIRE(again.verdicts.size() == 4);
    for (const Verdict &v : again.verdicts)
        CHECK(v.kind == Verdict::Kind::Duplicate);
    CHECK(again.ackedThrough == 4);
    CHECK(countOps(*f.store, u"site-ani"_s) == 4);
    CHECK(f.store->ackedThrough(u"site-ani"_s).value() == 4);
}

TEST_CASE("each op gets its own verdict and a rejected op is still acknowledged", "[sync][server]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const QString caseId = newId();
    QList<WireOp> batch = Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, now);
    const QString txn = newId();
    WireOp unknownEntity = Test::caseSetOp(u"site-ani"_s, 5, txn, caseId, u"status"_s, "open", u"ani"_s, now);
    unknownEntity.entity = u"spaceship"_s;
    WireOp unknownField = Test::caseSetOp(u"site-ani"_s, 6, txn, caseId, u"colour"_s, "red", u"ani"_s, now);
    WireOp noCase = Test::caseSetOp(u"site-ani"_s, 7, txn, caseId, u"status"_s, "open", u"ani"_s, now);
    noCase.caseId.clear();
    WireOp badKind = Test::caseSetOp(u"site-ani"_s, 8, txn, caseId, u"status"_s, "open", u"ani"_s, now);
    badKind.op = u"explode"_s;
    WireOp tooNew = Test::caseSetOp(u"site-ani"_s, 9, txn, caseId, u"status"_s, "open", u"ani"_s, now);
    tooNew.schemaVersion = 999;
    WireOp deleted = Test::caseSetOp(u"site-ani"_s, 10, txn, caseId, u"deleted"_s, "1", u"ani"_s, now);
    WireOp forged
        = Test::caseSetOp(u"site-ani"_s, 11, txn, caseId, u"registry_number"_s, "X-1", u"ani"_s, now);
    batch << unknownEntity << unknownField << noCase << badKind << tooNew << deleted << forged;

    const Sync::PushReply reply = f.push(ani, batch);
    const auto reasonOf = [&](int i) { return reply.verdicts.at(i).reason.toStdString(); };
    CHECK(reply.verdicts.at(3).kind == Verdict::Kind::Accepted);
    CHECK(reasonOf(4) == "invalid");
    CHECK(reasonOf(5) == "invalid");
    CHECK(reasonOf(6) == "invalid");
    CHECK(reasonOf(7) == "invalid");
    CHECK(reasonOf(8) == "schema");
    CHECK(reply.verdicts.at(9).kind == Verdict::Kind::Accepted); // "deleted" is a valid field
    CHECK(reasonOf(10) == "server_only"); // the registry number is the server's alone
    CHECK(reply.ackedThrough == 11);
    CHECK(countOps(*f.store, u"site-ani"_s) == 5);

    // A replay gets the same answers; nothing more is stored.
    const Sync::PushReply again = f.push(ani, batch);
    CHECK(again.verdicts.at(8).reason == u"schema"_s);
    CHECK(again.verdicts.at(4).reason == u"invalid"_s);
    CHECK(again.verdicts.at(9).kind == Verdict::Kind::Duplicate);
    CHECK(countOps(*f.store, u"site-ani"_s) == 5);
}

TEST_CASE("a gap in a site's sequence stops acknowledgement until it is filled", "[sync][server]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    QList<WireOp> ops = Test::intakeOps(u"site-ani"_s, 1, newId(), u"ani"_s, now);
    ops << Test::intakeOps(u"site-ani"_s, 5, newId(), u"ani"_s, now);

    const Sync::PushReply reply = f.push(ani, {ops[0], ops[1], ops[3], ops[4]}); // seq 3 missing
    CHECK(reply.verdicts.at(0).kind == Verdict::Kind::Accepted);
    CHECK(reply.verdicts.at(1).kind == Verdict::Kind::Accepted);
    CHECK(reply.verdicts.at(2).reason == u"invalid"_s);
    CHECK(reply.verdicts.at(3).reason == u"invalid"_s);
    CHECK(reply.ackedThrough == 2);
    CHECK(countOps(*f.store, u"site-ani"_s) == 2);

    const Sync::PushReply rest = f.push(ani, ops.mid(2));
    REQUIRE(rest.verdicts.size() == 6); // seq 3..8
    for (const Verdict &v : rest.verdicts)
        CHECK(v.kind == Verdict::Kind::Accepted);
    CHECK(rest.ackedThrough == 8);
    CHECK(countOps(*f.store, u"site-ani"_s) == 8);
}

TEST_CASE("another op under a held (site, seq) is a site clash and changes nothing", "[sync][server]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const QString caseId = newId();
    const QList<WireOp> ops = Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, now);
    REQUIRE(f.push(ani, ops).ackedThrough == 4);

    // A cloned laptop database writes its own seq 4.
    WireOp clone = ops[3];
    clone.value = "2026-11-21";
    const Sync::PushReply reply = f.push(ani, {clone});
    CHECK(reply.verdicts.at(0).kind == Verdict::Kind::Rejected);
    CHECK(reply.verdicts.at(0).reason == u"site_clash"_s);
    CHECK(reply.ackedThrough == 4);
    const QList<WireOp> stored = f.store->caseOps(caseId).value();
    const auto it = std::find_if(stored.cbegin(), stored.cend(),
                                 [](const WireOp &op) { return op.site == u"site-ani" && op.seq == 4; });
    REQUIRE(it != stored.cend());
    CHECK(it->value == QByteArray("2026-11-20"));
}

TEST_CASE("a push to a case outside the device's scope is rejected and nothing is stored", "[sync][server]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, u"Tim Utara"_s, u"site-ani"_s);
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, u"Tim Selatan"_s, u"site-budi"_s);
    const QString caseId = newId();
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, now)).ackedThrough == 4);

    const WireOp intrusion
        = Test::caseSetOp(u"site-budi"_s, 1, newId(), caseId, u"risk_level"_s, "low", u"budi"_s, now);
    const Sync::PushReply reply = f.push(budi, {intrusion});
    CHECK(reply.verdicts.at(0).reason == u"out_of_scope"_s);
    CHECK(reply.ackedThrough == 1); // kept as a visible rejection on the laptop, not resent
    CHECK(countOps(*f.store, u"site-budi"_s) == 0);

    // Assigned to Budi's team, the case is his to edit.
    REQUIRE(f.admin->assignCase(caseId, {}, u"Tim Selatan"_s).ok());
    const WireOp edit
        = Test::caseSetOp(u"site-budi"_s, 2, newId(), caseId, u"risk_level"_s, "low", u"budi"_s, now);
    CHECK(f.push(budi, {edit}).verdicts.at(0).kind == Verdict::Kind::Accepted);
}

TEST_CASE("a far-future stamp is clamped to the server clock and the original is kept", "[sync][server]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const qint64 in2031 = Test::stampAt(Test::fixedNowMs + qint64(5) * 365 * 24 * 3600 * 1000);
    const qint64 inHalfAnHour = Test::stampAt(Test::fixedNowMs + 30 * 60 * 1000);
    const QString caseId = newId();
    QList<WireOp> ops = Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, inHalfAnHour);
    ops << Test::caseSetOp(u"site-ani"_s, 5, newId(), caseId, u"risk_level"_s, "high", u"ani"_s, in2031);

    const Sync::PushReply reply = f.push(ani, ops);
    CHECK(reply.verdicts.at(0).hlc == 0); // within the hour: stored as sent
    const qint64 clamped = reply.verdicts.at(4).hlc;
    CHECK(clamped != 0);
    CHECK(clamped < in2031);
    // The server HLC observed the half-hour-ahead stamps, so the clamped one is after them.
    CHECK(clamped > inHalfAnHour);

    QSqlQuery q(f.store->connection());
    q.prepare(u"SELECT hlc, original_hlc FROM ops WHERE site = :site AND site_seq = 5"_s);
    q.bindValue(u":site"_s, u"site-ani"_s);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == clamped);
    CHECK(q.value(1).toLongLong() == in2031);

    // A replay answers with the stored stamp again.
    CHECK(f.push(ani, {ops[4]}).verdicts.at(0).hlc == clamped);

    // The rest of that action, in a later batch, gets the same clamped stamp (one action, one
    // stamp); a later edit whose base is the original stamp is stored with the clamped one.
    WireOp sameAction
        = Test::caseSetOp(u"site-ani"_s, 6, ops[4].txn, caseId, u"do_not_contact"_s, "1", u"ani"_s, in2031);
    WireOp later
        = Test::caseSetOp(u"site-ani"_s, 7, newId(), caseId, u"risk_level"_s, "low", u"ani"_s, inHalfAnHour);
    later.base = in2031;
    const Sync::PushReply more = f.push(ani, {sameAction, later});
    CHECK(more.verdicts.at(0).hlc == clamped);
    CHECK(more.verdicts.at(1).hlc == 0);
    const QList<WireOp> stored = f.store->caseOps(caseId).value();
    const auto it = std::find_if(stored.cbegin(), stored.cend(),
                                 [](const WireOp &op) { return op.site == u"site-ani" && op.seq == 7; });
    REQUIRE(it != stored.cend());
    CHECK(it->base == clamped);
}

TEST_CASE("a new case gets one registry number, as a server op", "[sync][server]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const QString first = newId();
    const QString second = newId();
    const QList<WireOp> ops = Test::intakeOps(u"site-ani"_s, 1, first, u"ani"_s, now);
    REQUIRE(f.push(ani, ops).ackedThrough == 4);
    REQUIRE(f.push(ani, ops).ackedThrough == 4); // replay: no second number
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 5, second, u"ani"_s, now)).ackedThrough == 8);

    CHECK(f.store->registryNumber(first).value() == u"6402-2026-00001"_s);
    CHECK(f.store->registryNumber(second).value() == u"6402-2026-00002"_s);
    const QList<WireOp> stored = f.store->caseOps(first).value();
    const auto serverOps = std::count_if(stored.cbegin(), stored.cend(), [&](const WireOp &op) {
        return op.site == f.store->epochSite() && op.field == u"registry_number";
    });
    CHECK(serverOps == 1);
    CHECK(stored.last().author == u"server"_s);
    CHECK(stored.last().value == QByteArray("6402-2026-00001"));
    CHECK(f.store->ackedThrough(f.store->epochSite()).value() == 2);
}

TEST_CASE("a registry number carries the district's year", "[sync][server]")
{
    // District 6402 (Kutai Kartanegara) is WITA: 15:30 UTC on 31 December is 23:30 there, and
    // 16:30 UTC is 00:30 on 1 January, when UTC and WIB are still in 2026.
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    CHECK(f.store->districtTime().label() == u"WITA");
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const qint64 lastHour = 1798731000000; // 2026-12-31T15:30:00Z
    const QString late = newId();
    const QString early = newId();
    f.clock.set(lastHour);
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 1, late, u"ani"_s, now)).ackedThrough == 4);
    f.clock.set(lastHour + 3'600'000);
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 5, early, u"ani"_s, now)).ackedThrough == 8);
    CHECK(f.store->registryNumber(late).value() == u"6402-2026-00001"_s);
    CHECK(f.store->registryNumber(early).value() == u"6402-2027-00001"_s);
}

TEST_CASE("pages after the cursor carry every op once, in cursor order", "[sync][server]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const auto sri = f.enroll(u"sri"_s, u"supervisor"_s, {}, u"site-sri"_s);
    for (int i = 0; i < 5; ++i)
        REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 1 + 4 * i, newId(), u"ani"_s, now)).ackedThrough
                == 4 * (i + 1));

    Replica replica;
    const int pages = replica.drain(f, sri, 3);
    CHECK(pages >= 8);
    CHECK(replica.received.size() == 25); // 20 ops + 5 registry numbers
    CHECK(QSet<std::pair<QString, qint64>>(replica.received.cbegin(), replica.received.cend()).size() == 25);

    // Nothing new: one page, nothing in it, and the cursor stays valid.
    const Sync::PullReply idle = f.pull(sri, replica.cursor);
    CHECK(idle.ops.isEmpty());
    CHECK_FALSE(idle.more);
    CHECK(f.store->cursorValid(idle.nextCursor, sri.device).value());
}

TEST_CASE("the cursor never skips an op while two writers interleave", "[sync][server][concurrency]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, {}, u"site-budi"_s);
    const auto sri = f.enroll(u"sri"_s, u"supervisor"_s, {}, u"site-sri"_s);
    constexpr int batches = 15;
    std::atomic<int> running{2};
    std::atomic<bool> failed{false};
    const auto writer = [&](const ServerFixture::Enrolled &device, const QString &login) {
        // Each thread has its own connection (never share a QSqlDatabase across threads).
        std::unique_ptr<Sync::ServerStore> store = f.openAnother();
        if (!store) {
            failed = true;
        } else {
            for (int i = 0; i < batches && !failed; ++i) {
                const auto reply = store->push(
                    device.device, Test::intakeOps(device.device.siteId, 1 + 4 * i, newId(), login, now),
                    f.clock);
                if (!reply || reply->ackedThrough != 4 * (i + 1))
                    failed = true;
            }
        }
        --running;
    };
    std::thread a(writer, std::cref(ani), u"ani"_s);
    std::thread b(writer, std::cref(budi), u"budi"_s);

    Replica replica;
    int pulls = 0;
    while (running > 0) {
        replica.drain(f, sri, 7);
        ++pulls;
    }
    a.join();
    b.join();
    REQUIRE_FALSE(failed);
    replica.drain(f, sri, 7);

    const int expected = 2 * batches * 5; // 4 ops + 1 registry number per intake
    CHECK(replica.received.size() == expected);
    CHECK(QSet<std::pair<QString, qint64>>(replica.received.cbegin(), replica.received.cend()).size()
          == expected);
    CHECK(f.store->opCount().value() == expected);
    INFO("pulls while writing: " << pulls);
}

TEST_CASE("a case moving in arrives as a snapshot and a case moving out is purged", "[sync][server]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, u"Tim Utara"_s, u"site-ani"_s);
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, u"Tim Selatan"_s, u"site-budi"_s);
    const QString caseId = newId();
    const QString other = newId();
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, now)).ackedThrough == 4);

    Replica aniReplica, budiReplica;
    aniReplica.drain(f, ani);
    CHECK(aniReplica.cases.contains(caseId));
    CHECK(aniReplica.received.size() == 5);
    budiReplica.drain(f, budi);
    CHECK(budiReplica.received.isEmpty());

    // More ops Budi's cursor moves past while the case is not his.
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 5, other, u"ani"_s, now)).ackedThrough == 8);
    budiReplica.drain(f, budi);
    CHECK(budiReplica.received.isEmpty());

    REQUIRE(f.admin->assignCase(caseId, u"budi"_s).ok());
    budiReplica.drain(f, budi);
    // Snapshot (4 intake ops + registry number) + the assignment op.
    CHECK(budiReplica.received.size() == 6);
    CHECK(budiReplica.cases == QSet<QString>{caseId});

    aniReplica.drain(f, ani);
    CHECK(aniReplica.purged == QStringList{caseId});
    CHECK_FALSE(aniReplica.cases.contains(caseId));

    // Ani's pending edit made before the purge reached her still lands...
    const WireOp pending
        = Test::caseSetOp(u"site-ani"_s, 9, newId(), caseId, u"risk_level"_s, "low", u"ani"_s, now);
    CHECK(f.push(ani, {pending}).verdicts.at(0).kind == Verdict::Kind::Accepted);
    // ...also after she has applied the purge page (she erases only once it is pushed).
    aniReplica.drain(f, ani);
    CHECK(aniReplica.purged == QStringList{caseId}); // the purge is not repeated
    // A device that never held the case still cannot write to it.
    const WireOp stranger
        = Test::caseSetOp(u"site-sri"_s, 1, newId(), caseId, u"risk_level"_s, "high", u"sri"_s, now);
    const auto sri = f.enroll(u"sri"_s, u"caseworker"_s, u"Tim Utara"_s, u"site-sri"_s);
    CHECK(f.push(sri, {stranger}).verdicts.at(0).reason == u"out_of_scope"_s);
    budiReplica.drain(f, budi);
    CHECK(budiReplica.received.size() == 7); // Ani's pending edit reached Budi
}

TEST_CASE("a store is initialised once and refuses an uninitialised folder", "[sync][server]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    QTemporaryDir dir;
    const QString url = backend == "postgresql" ? Test::freshPostgresUrl() : QString();
    auto missing = Sync::ServerStore::open(dir.path(), url);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == Core::Error::Code::NotFound);
    const Core::Status weak
        = Sync::ServerStore::initialise(dir.path(), url, u"6402"_s, u"short"_s, Core::KdfStrength::Minimum);
    CHECK(weak.error().code == Core::Error::Code::InvalidInput);
    REQUIRE(Sync::ServerStore::initialise(dir.path(), url, u"6402"_s, Test::officePassphrase,
                                          Core::KdfStrength::Minimum)
                .ok());
    const Core::Status again = Sync::ServerStore::initialise(
        dir.path(), url, u"6402"_s, Test::officePassphrase, Core::KdfStrength::Minimum);
    CHECK(again.error().code == Core::Error::Code::Conflict);
    // No key file: the district key exists only wrapped under the office passphrase.
    CHECK_FALSE(QFile::exists(dir.filePath(u"district.key"_s)));
    auto store = Sync::ServerStore::open(dir.path(), url);
    REQUIRE(store.ok());
    CHECK((*store)->districtCode() == u"6402"_s);
    CHECK_FALSE((*store)->plainKeyFilePresent());
    CHECK((*store)->unlockDistrictKeys(Test::officePassphrase).value().epochs() == QList<qint64>{0});
    CHECK((*store)->dialect()
          == (backend == "postgresql" ? Sync::ServerStore::Dialect::Postgres
                                      : Sync::ServerStore::Dialect::Sqlite));
}

TEST_CASE("the same op under a stamp the laptop adopted, or under its original, is a duplicate, not a clash",
          "[sync][server]")
{
    // Found by the sync simulation: a laptop adopted the stamp the server gave its far-future op,
    // a copy of its database made before that reply kept the original, the server was restored
    // from a backup without the op, and the two copies sent it again in either order. The second
    // was judged a clash, moved to a new site and stored twice.
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const qint64 in2031 = Test::stampAt(Test::fixedNowMs + qint64(5) * 365 * 24 * 3600 * 1000);
    const QString caseId = newId();
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, now)).ackedThrough == 4);

    // The copy that adopted a stamp comes first, then the one that kept the original.
    const WireOp original
        = Test::caseSetOp(u"site-ani"_s, 5, newId(), caseId, u"risk_level"_s, "high", u"ani"_s, in2031);
    WireOp adopted = original;
    adopted.hlc = now + 7;
    REQUIRE(f.push(ani, {adopted}).verdicts.at(0).kind == Verdict::Kind::Accepted);
    const Sync::PushReply twin = f.push(ani, {original});
    CHECK(twin.verdicts.at(0).kind == Verdict::Kind::Duplicate);
    CHECK(twin.verdicts.at(0).hlc == adopted.hlc); // the twin adopts the stored stamp too
    CHECK(twin.ackedThrough == 5);

    // The original first (clamped now), then a copy that adopted the clamp the backup lost.
    const WireOp second
        = Test::caseSetOp(u"site-ani"_s, 6, newId(), caseId, u"do_not_contact"_s, "1", u"ani"_s, in2031 + 1);
    const qint64 clamped = f.push(ani, {second}).verdicts.at(0).hlc;
    REQUIRE(clamped != 0);
    WireOp lostClamp = second;
    lostClamp.hlc = now + 9;
    const Sync::PushReply other = f.push(ani, {lostClamp});
    CHECK(other.verdicts.at(0).kind == Verdict::Kind::Duplicate);
    CHECK(other.verdicts.at(0).hlc == clamped);
    CHECK(countOps(*f.store, u"site-ani"_s) == 6);

    // Another action under the same (site, seq) and stamp is still a clone.
    WireOp clone = adopted;
    clone.txn = newId();
    const Sync::PushReply clash = f.push(ani, {clone});
    CHECK(clash.verdicts.at(0).reason == u"site_clash"_s);
    CHECK(countOps(*f.store, u"site-ani"_s) == 6);
}

TEST_CASE("a later op whose base names a clamped stamp is a duplicate whichever stamp its copy names",
          "[sync][server]")
{
    // A laptop adopts a clamped stamp in the base of its own later ops too (adoptServerStamp),
    // so a copy of its database made before that reply sends them with the original base, and
    // the copy that adopted it with the clamped one; either may reach the server first.
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const qint64 in2031 = Test::stampAt(Test::fixedNowMs + qint64(5) * 365 * 24 * 3600 * 1000);
    const QString caseId = newId();
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, now)).ackedThrough == 4);
    const WireOp far
        = Test::caseSetOp(u"site-ani"_s, 5, newId(), caseId, u"risk_level"_s, "high", u"ani"_s, in2031);
    const qint64 clamped = f.push(ani, {far}).verdicts.at(0).hlc;
    REQUIRE(clamped != 0);
    const auto duplicate = [&](const WireOp &op, qint64 hlc) {
        const Sync::PushReply reply = f.push(ani, {op});
        CHECK(reply.verdicts.at(0).kind == Verdict::Kind::Duplicate);
        CHECK(reply.verdicts.at(0).hlc == hlc);
    };

    // Stored with the original base (sent before the reply); resent by the copy that adopted it.
    const WireOp sawOriginal
        = Test::caseSetOp(u"site-ani"_s, 6, newId(), caseId, u"risk_level"_s, "low", u"ani"_s, in2031 + 1);
    WireOp withOriginal = sawOriginal;
    withOriginal.base = in2031;
    const qint64 clamped6 = f.push(ani, {withOriginal}).verdicts.at(0).hlc;
    REQUIRE(clamped6 != 0);
    WireOp translated = withOriginal;
    translated.hlc = clamped6;
    translated.base = clamped;
    duplicate(translated, clamped6);

    // Stored with the clamped base (sent after the reply); resent by the copy that kept the original.
    WireOp first
        = Test::caseSetOp(u"site-ani"_s, 7, newId(), caseId, u"risk_level"_s, "medium", u"ani"_s, in2031 + 2);
    first.base = clamped;
    const qint64 clamped7 = f.push(ani, {first}).verdicts.at(0).hlc;
    REQUIRE(clamped7 != 0);
    WireOp kept = first;
    kept.base = in2031;
    duplicate(kept, clamped7);

    // After a restore that lost the clamp, the copy that adopted it sent both ops again under
    // the stamps it had adopted; the copy that kept the originals sends them in one batch.
    WireOp adoptedA
        = Test::caseSetOp(u"site-ani"_s, 8, newId(), caseId, u"risk_level"_s, "high", u"ani"_s, now + 20);
    WireOp adoptedB
        = Test::caseSetOp(u"site-ani"_s, 9, newId(), caseId, u"risk_level"_s, "low", u"ani"_s, now + 21);
    adoptedB.base = adoptedA.hlc;
    REQUIRE(f.push(ani, {adoptedA, adoptedB}).ackedThrough == 9);
    WireOp originalA = adoptedA, originalB = adoptedB;
    originalA.hlc = in2031 + 3;
    originalB.hlc = in2031 + 4;
    originalB.base = originalA.hlc;
    const Sync::PushReply both = f.push(ani, {originalA, originalB});
    CHECK(both.verdicts.at(0).kind == Verdict::Kind::Duplicate);
    CHECK(both.verdicts.at(1).kind == Verdict::Kind::Duplicate);
    CHECK(both.verdicts.at(1).hlc == adoptedB.hlc);
    CHECK(countOps(*f.store, u"site-ani"_s) == 9);
}

TEST_CASE("a site clash stops judging the batch, so a clone's later ops are not stored under the old site",
          "[sync][server]")
{
    // Found by the sync simulation: the ops after a clash were accepted under the old site,
    // then the clone moved them to a new site and sent them again: stored twice.
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const QString caseId = newId();
    const QList<WireOp> ops = Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, now);
    REQUIRE(f.push(ani, ops).ackedThrough == 4);

    WireOp clash = ops[3];
    clash.txn = newId();
    clash.value = "2026-11-21";
    WireOp next = Test::caseSetOp(u"site-ani"_s, 5, clash.txn, caseId, u"incident_scene"_s, "school",
                                  u"ani"_s, now + 1);
    const Sync::PushReply reply = f.push(ani, {clash, next});
    REQUIRE(reply.verdicts.size() == 2);
    CHECK(reply.verdicts.at(0).reason == u"site_clash"_s);
    CHECK(reply.verdicts.at(1).kind == Verdict::Kind::Rejected);
    CHECK(reply.ackedThrough == 4);
    CHECK(countOps(*f.store, u"site-ani"_s) == 4);
}

TEST_CASE("every open is a new epoch: server ops get a fresh site, a cursor from before a restore is refused",
          "[sync][server]")
{
    ServerFixture f("sqlite");
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const QString first = newId();
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 1, first, u"ani"_s, now)).ackedThrough == 4);
    const QString epoch1 = f.store->epochSite();
    CHECK(epoch1 != f.store->siteId());

    // A backup (a consistent copy), then more: a case with its registry number.
    const QString db = f.dir.filePath(u"server.db"_s);
    const QString backup = f.dir.filePath(u"server.db.bak"_s);
    {
        QSqlDatabase copier = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"epoch-backup"_s);
        copier.setDatabaseName(db);
        REQUIRE(copier.open());
        QSqlQuery q(copier);
        REQUIRE(q.exec(u"VACUUM INTO '%1'"_s.arg(backup)));
    }
    QSqlDatabase::removeDatabase(u"epoch-backup"_s);
    const QString second = newId();
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 5, second, u"ani"_s, now + 10)).ackedThrough == 8);
    const Sync::PullReply page = f.pull(ani, {});
    const QByteArray late = page.nextCursor;
    const auto registry = [&](const QList<WireOp> &ops, const QString &caseId) {
        for (const WireOp &op : ops) {
            if (op.caseId == caseId && op.field == u"registry_number")
                return std::pair{op.site, op.seq};
        }
        return std::pair{QString(), qint64(0)};
    };
    const auto before = registry(page.ops, second);
    CHECK(before.first == epoch1);
    CHECK(before.second == 2);

    // A restart keeps cursors valid.
    f.service.reset();
    f.admin.reset();
    f.store.reset();
    f.store = Sync::ServerStore::open(f.dir.path(), {}).value();
    CHECK(f.store->epochSite() != epoch1);
    CHECK(f.store->cursorValid(late, ani.device).value());

    // The restore: the second case and its registry number are gone from the server.
    f.store.reset();
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(db + suffix);
    REQUIRE(QFile::copy(backup, db));
    f.store = Sync::ServerStore::open(f.dir.path(), {}).value();
    f.admin = std::make_unique<Sync::Admin>(*f.store, f.clock);
    f.service = std::make_unique<Sync::SyncService>(*f.store, f.clock);
    CHECK_FALSE(f.store->cursorValid(late, ani.device).value());
    // The laptop sends its ops again; the new registry op is not a (site, seq) the laptop holds.
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 5, second, u"ani"_s, now + 10)).ackedThrough == 8);
    // The refilled seqs do not make the old cursor valid again.
    CHECK_FALSE(f.store->cursorValid(late, ani.device).value());
    const auto after = registry(f.pull(ani, {}).ops, second);
    CHECK(after.first == f.store->epochSite());
    CHECK(after != before);
}

TEST_CASE("a case deleted past the retention is purged: values erased, later ops refused, holders purge",
          "[sync][server][retention]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const qint64 day = Sync::Retention::dayMs;
    const QString gone = newId(), undeleted = newId(), recent = newId();
    QList<WireOp> batch = Test::intakeOps(u"site-ani"_s, 1, gone, u"ani"_s, now);
    batch << Test::intakeOps(u"site-ani"_s, 5, undeleted, u"ani"_s, now)
          << Test::intakeOps(u"site-ani"_s, 9, recent, u"ani"_s, now);
    batch << Test::caseSetOp(u"site-ani"_s, 13, newId(), gone, u"deleted"_s, "1", u"ani"_s, now + 1)
          << Test::caseSetOp(u"site-ani"_s, 14, newId(), undeleted, u"deleted"_s, "1", u"ani"_s, now + 1)
          << Test::caseSetOp(u"site-ani"_s, 15, newId(), undeleted, u"deleted"_s, "0", u"ani"_s, now + 2);
    REQUIRE(f.push(ani, batch).ackedThrough == 15);
    Replica replica;
    replica.drain(f, ani);
    REQUIRE(replica.cases.contains(gone));

    // Ten days later `recent` is deleted too; the clean-up runs with a 30-day retention at day 35.
    f.clock.advance(10 * day);
    const WireOp lateDelete
        = Test::caseSetOp(u"site-ani"_s, 16, newId(), recent, u"deleted"_s, "1", u"ani"_s, now + 3);
    REQUIRE(f.push(ani, {lateDelete}).verdicts.at(0).kind == Verdict::Kind::Accepted);
    f.clock.advance(25 * day);
    CHECK(f.store->purgeDeleted(30 * day, f.clock.nowMs()).value() == QStringList{gone});
    CHECK(f.store->purgeDeleted(30 * day, f.clock.nowMs()).value().isEmpty()); // once

    // Erased for real: no value of the purged case is left; the others keep theirs.
    const auto valuesOf = [&](const QString &caseId) {
        QSqlQuery q(f.store->connection());
        q.prepare(u"SELECT COUNT(*) FROM ops WHERE case_id = :case AND value IS NOT NULL"_s);
        q.bindValue(u":case"_s, caseId);
        REQUIRE(q.exec());
        REQUIRE(q.next());
        return q.value(0).toLongLong();
    };
    CHECK(valuesOf(gone) == 0);
    CHECK(valuesOf(undeleted) > 0);
    CHECK(valuesOf(recent) > 0);
    CHECK(f.store->registryNumber(gone).error().code == Core::Error::Code::NotFound); // the row is gone

    // The laptop that holds it is told to purge it at its next pull.
    replica.drain(f, ani);
    CHECK(replica.purged == QStringList{gone});
    // A replay of an old push is still a duplicate (the log keeps its place)...
    CHECK(f.push(ani, batch).verdicts.at(0).kind == Verdict::Kind::Duplicate);
    // ...while an edit or an undelete made offline past the retention is refused, and so is a
    // create under the purged id: purged data never comes back.
    WireOp offlineEdit
        = Test::caseSetOp(u"site-ani"_s, 17, newId(), gone, u"risk_level"_s, "high", u"ani"_s, now + 4);
    WireOp undelete = Test::caseSetOp(u"site-ani"_s, 18, newId(), gone, u"deleted"_s, "0", u"ani"_s, now + 5);
    WireOp recreate = Test::caseCreateOp(u"site-ani"_s, 19, newId(), gone, u"ani"_s, now + 6);
    const Sync::PushReply refused = f.push(ani, {offlineEdit, undelete, recreate});
    REQUIRE(refused.verdicts.size() == 3);
    for (const Verdict &v : refused.verdicts)
        CHECK(v.reason == u"purged"_s);
    CHECK(refused.ackedThrough == 19); // refused, yet acknowledged: the laptop's outbox drains
    CHECK(valuesOf(gone) == 0);
    const auto ids = [&] {
        QStringList all;
        QSqlQuery q(f.store->connection());
        REQUIRE(q.exec(u"SELECT id FROM cases"_s));
        while (q.next())
            all << q.value(0).toString();
        return all;
    };
    CHECK_FALSE(ids().contains(gone));
    CHECK(replica.drain(f, ani) == 1);
    CHECK(replica.purged == QStringList{gone}); // not sent again
}

TEST_CASE("an old laptop's op naming a renamed field is accepted as sent, and its replay is a duplicate",
          "[sync][server][schema]")
{
    // failure 9 of docs/ARCHITECTURE.md: a later schema renamed three case fields; a laptop still on the
    // schema before writes them under their old names.
    const int renameStep = Core::Migrations::latestVersion();
    const Core::Schema::ScopedRenameForTest scene{
        {u"case"_s, u"scene_code"_s, u"incident_scene"_s, renameStep}};
    const Core::Schema::ScopedRenameForTest story{{u"case"_s, u"story"_s, u"narrative"_s, renameStep}};
    const Core::Schema::ScopedRenameForTest assignee{
        {u"case"_s, u"assignee"_s, u"assigned_user"_s, renameStep}};
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const QString caseId = newId();
    QList<WireOp> batch = Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, now);
    const QString txn = newId();
    const auto written = [&](qint64 seq, const QString &field, const QByteArray &value, int schemaVersion) {
        WireOp op = Test::caseSetOp(u"site-ani"_s, seq, txn, caseId, field, value, u"ani"_s, now);
        op.schemaVersion = schemaVersion;
        return op;
    };
    batch << written(5, u"scene_code"_s, "school", renameStep - 1)
          << written(6, u"story"_s, QByteArray(48, 'a'), renameStep - 1) // sealed for transit
          << written(7, u"assignee"_s, "budi", renameStep - 1) // server-only, after the creation
          << written(8, u"scene_code"_s, "market", renameStep); // no such field in that schema

    const Sync::PushReply reply = f.push(ani, batch);
    const auto reasonOf = [&](int i) { return reply.verdicts.at(i).reason.toStdString(); };
    CHECK(reply.verdicts.at(4).kind == Verdict::Kind::Accepted);
    CHECK(reply.verdicts.at(5).kind == Verdict::Kind::Accepted);
    CHECK(reasonOf(6) == "server_only");
    CHECK(reasonOf(7) == "invalid");
    CHECK(reply.ackedThrough == 8);
    const QList<WireOp> stored = f.store->caseOps(caseId).value();
    const auto it = std::find_if(stored.cbegin(), stored.cend(),
                                 [](const WireOp &op) { return op.site == u"site-ani" && op.seq == 5; });
    REQUIRE(it != stored.cend());
    CHECK(it->field == u"scene_code"_s); // as sent: laptops map it when they apply it
    CHECK(it->schemaVersion == renameStep - 1);

    // The reply was lost; the laptop sends the batch again, the sensitive value sealed anew.
    batch[5].value = QByteArray(48, 'b');
    const Sync::PushReply again = f.push(ani, batch);
    CHECK(again.verdicts.at(4).kind == Verdict::Kind::Duplicate);
    CHECK(again.verdicts.at(5).kind == Verdict::Kind::Duplicate);
    CHECK(again.verdicts.at(6).reason == u"server_only"_s);
    CHECK(again.ackedThrough == 8);
    CHECK(countOps(*f.store, u"site-ani"_s) == 6);
}

TEST_CASE("only a supervisor's device may merge people", "[sync][server][merge]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto siti = f.enroll(u"siti"_s, u"caseworker"_s, {}, u"site-siti"_s);
    const auto ani = f.enroll(u"ani"_s, u"supervisor"_s, {}, u"site-ani"_s);
    const QString caseId = newId(), a = newId(), b = newId();
    QList<WireOp> intake = Test::intakeOps(u"site-siti"_s, 1, caseId, u"siti"_s, now);
    for (const QString &person : {a, b}) {
        WireOp create = Test::caseCreateOp(u"site-siti"_s, intake.size() + 1, intake.first().txn, caseId,
                                           u"siti"_s, now);
        create.entity = u"person"_s;
        create.entityId = person;
        intake << create;
    }
    REQUIRE(f.push(siti, intake).ackedThrough == 6);
    const auto merge = [&](const QString &site, qint64 seq, const QString &author) {
        WireOp op
            = Test::caseSetOp(site, seq, newId(), caseId, u"merged_into"_s, b.toUtf8(), author, now + seq);
        op.entity = u"person"_s;
        op.entityId = a;
        return op;
    };
    CHECK(f.push(siti, {merge(u"site-siti"_s, 7, u"siti"_s)}).verdicts.at(0).reason == u"forbidden"_s);
    CHECK(f.push(ani, {merge(u"site-ani"_s, 1, u"ani"_s)}).verdicts.at(0).kind == Verdict::Kind::Accepted);
}

TEST_CASE("attachment parts: stored in order after the row, only by writers, read only by holders, purged",
          "[sync][server][attachments]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto siti = f.enroll(u"siti"_s, u"caseworker"_s, {}, u"site-siti"_s);
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, {}, u"site-budi"_s);
    const QString caseId = newId(), attachment = newId();
    const auto store
        = [&](const ServerFixture::Enrolled &who, int part, const QByteArray &data, int parts = 3) {
              return f.store->blob(who.device, Sync::BlobRequest{true, attachment, part, parts, data, {}});
          };
    const auto fetch = [&](const ServerFixture::Enrolled &who, int part) {
        return f.store->blob(who.device, Sync::BlobRequest{false, attachment, part, 0, {}, {}}).value();
    };
    // Before the attachment's row reaches the server there is nowhere to put its content.
    CHECK(store(siti, 0, "p0").error().code == Core::Error::Code::NotFound);
    REQUIRE(f.push(siti, Test::intakeOps(u"site-siti"_s, 1, caseId, u"siti"_s, now)).ackedThrough == 4);
    WireOp row = Test::caseCreateOp(u"site-siti"_s, 5, newId(), caseId, u"siti"_s, now + 1);
    row.entity = u"attachment"_s;
    row.entityId = attachment;
    row.value = attachment.toUtf8();
    REQUIRE(f.push(siti, {row}).verdicts.at(0).kind == Verdict::Kind::Accepted);

    CHECK(store(budi, 0, "p0").error().code == Core::Error::Code::Refused); // not his case
    CHECK(store(siti, -1, {}).value().held == 0);
    CHECK(store(siti, 0, "p0").value().held == 1);
    CHECK(store(siti, 2, "p2").value().held == 1); // after a gap: ignored, resume at 1
    CHECK(store(siti, 0, "p0").value().held == 1); // a resend: nothing new
    CHECK(store(siti, 1, "p1", 4).error().code == Core::Error::Code::InvalidInput); // other part count
    CHECK(store(siti, 1, QByteArray(Sync::blobPartBytes + 65, 'x')).error().code
          == Core::Error::Code::InvalidInput);
    CHECK(fetch(siti, 0).parts == 0); // not whole yet
    CHECK(store(siti, 1, "p1").value().held == 2);
    CHECK(store(siti, 2, "p2").value().held == 3);
    const Sync::BlobReply part1 = fetch(siti, 1);
    CHECK(part1.parts == 3);
    CHECK(part1.data == "p1");
    CHECK(fetch(budi, 1).parts == 0); // outside his scope: as if there were nothing

    // Deleted and purged after the retention: the content goes with the case.
    REQUIRE(f.push(siti, {Test::caseSetOp(u"site-siti"_s, 6, newId(), caseId, u"deleted"_s, "1", u"siti"_s,
                                          now + 2)})
                .ackedThrough
            == 6);
    f.clock.advance(91 * Sync::Retention::dayMs);
    REQUIRE(f.store->purgeDeleted(90 * Sync::Retention::dayMs, f.clock.nowMs()).value()
            == QStringList{caseId});
    QSqlQuery q(f.store->connection());
    REQUIRE(q.exec(u"SELECT (SELECT COUNT(*) FROM blobs) + (SELECT COUNT(*) FROM blob_parts)"_s));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == 0);
}

TEST_CASE("an op a device's other site already stored is a duplicate, not a second copy",
          "[sync][server][clone]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto siti = f.enroll(u"siti"_s, u"caseworker"_s, {}, u"site-siti"_s);
    const QString caseId = newId();
    REQUIRE(f.push(siti, Test::intakeOps(u"site-siti"_s, 1, caseId, u"siti"_s, now)).ackedThrough == 4);
    // One copy of a cloned laptop moved an edit to a new site; the other resends it under the old.
    const QString txn = newId();
    ServerFixture::Enrolled moved = siti;
    moved.device.siteId = u"site-moved"_s;
    REQUIRE(f.store->claimSite(siti.device, u"site-moved"_s, f.clock.nowMs()).value());
    const WireOp underNew
        = Test::caseSetOp(u"site-moved"_s, 1, txn, caseId, u"risk_level"_s, "high", u"siti"_s, now + 1);
    REQUIRE(f.store->push(moved.device, {underNew}, f.clock).value().verdicts.at(0).kind
            == Verdict::Kind::Accepted);
    const WireOp underOld
        = Test::caseSetOp(u"site-siti"_s, 5, txn, caseId, u"risk_level"_s, "high", u"siti"_s, now + 1);
    const Sync::PushReply reply = f.push(siti, {underOld});
    CHECK(reply.verdicts.at(0).kind == Verdict::Kind::Duplicate);
    CHECK(reply.ackedThrough == 5);
    CHECK(f.push(siti, {underOld}).verdicts.at(0).kind == Verdict::Kind::Duplicate); // a replay too
    CHECK(f.store->caseOps(caseId).value().size() == 6); // 4 + registry number + the edit once
    // Another action's edit of the same field is new.
    const WireOp later
        = Test::caseSetOp(u"site-siti"_s, 6, newId(), caseId, u"risk_level"_s, "low", u"siti"_s, now + 2);
    CHECK(f.push(siti, {later}).verdicts.at(0).kind == Verdict::Kind::Accepted);
}

namespace {

void writeKeyFile(const QString &path, const Core::SecretKey &key)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(reinterpret_cast<const char *>(key.data()), Core::SecretKey::size)
            == qint64(Core::SecretKey::size));
}

QByteArray bytesOf(const Core::SecretKey &key)
{
    return QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(Core::SecretKey::size));
}

} // namespace

TEST_CASE("a wrong or missing office passphrase is a typed error and writes nothing", "[sync][server][keys]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(f.admin->createUser(u"ani"_s, u"Ani"_s, u"caseworker"_s).ok());
    for (const QString &wrong : {u"kantor-dinas-tenggarong-6403"_s, QString()}) {
        const Core::Result<QString> code = f.admin->enroll(u"ani"_s, u"laptop"_s, wrong);
        REQUIRE_FALSE(code.ok());
        CHECK(code.error().code == Core::Error::Code::Locked);
        const auto rotated = f.admin->rotateKey(wrong);
        REQUIRE_FALSE(rotated.ok());
        CHECK(rotated.error().code == Core::Error::Code::Locked);
    }
    QSqlQuery q(f.store->connection());
    REQUIRE(q.exec(u"SELECT (SELECT COUNT(*) FROM enrollments) + (SELECT COUNT(*) FROM district_keys)"_s));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1); // epoch 0 only
    q.finish();
    CHECK(f.admin->enroll(u"ani"_s, u"laptop"_s, Test::officePassphrase).ok());
}

TEST_CASE("a store with a plain district.key serves with a warning; protect-key wraps it and erases the file",
          "[sync][server][keys]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    QTemporaryDir dir;
    const QString url = backend == "postgresql" ? Test::freshPostgresUrl() : QString();
    const QString keyPath = dir.filePath(u"district.key"_s);
    REQUIRE(Sync::ServerStore::initialise(dir.path(), url, u"6402"_s, Test::officePassphrase,
                                          Core::KdfStrength::Minimum)
                .ok());
    // What an older version left: schema 6, the key in a plain file.
    {
        auto older = Sync::ServerStore::open(dir.path(), url);
        REQUIRE(older.ok());
        QSqlQuery q((*older)->connection());
        for (const QString &sql :
             {u"DROP TABLE office_key"_s, u"DROP TABLE district_keys"_s, u"DROP TABLE device_keys"_s,
              u"DROP TABLE entities"_s, u"UPDATE meta SET num = 6 WHERE key = 'schema_version'"_s})
            REQUIRE(q.exec(sql));
    }
    const Core::SecretKey plain = Core::SecretKey::random();
    writeKeyFile(keyPath, plain);

    Core::FixedClock clock(Test::fixedNowMs);
    auto opened = Sync::ServerStore::open(dir.path(), url);
    INFO((opened ? std::string() : opened.error().detail.toStdString()));
    REQUIRE(opened.ok());
    Sync::ServerStore &store = **opened;
    Sync::Admin admin(store, clock);
    CHECK(store.plainKeyFilePresent());
    REQUIRE(admin.createUser(u"ani"_s, u"Ani"_s, u"caseworker"_s).ok());
    // Serving needs no key; handing keys out waits for protect-key.
    const Core::Result<QString> early = admin.enroll(u"ani"_s, u"laptop"_s, Test::officePassphrase);
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == Core::Error::Code::Conflict);
    CHECK(admin.protectKey(u"pendek"_s, Core::KdfStrength::Minimum).error().code
          == Core::Error::Code::InvalidInput);

    REQUIRE(admin.protectKey(Test::officePassphrase, Core::KdfStrength::Minimum).ok());
    CHECK_FALSE(QFile::exists(keyPath));
    CHECK_FALSE(store.plainKeyFilePresent());
    const Core::Result<Sync::DistrictKeys> keys = store.unlockDistrictKeys(Test::officePassphrase);
    REQUIRE(keys.ok());
    CHECK(keys->epochs() == QList<qint64>{0});
    CHECK(bytesOf(*keys->key(0)) == bytesOf(plain)); // the laptops' key, unchanged
    CHECK(store.unlockDistrictKeys(u"kantor-dinas-tenggarong-6403"_s).error().code
          == Core::Error::Code::Locked);
    // An enrollment code now carries it.
    const Core::Result<QString> code = admin.enroll(u"ani"_s, u"laptop"_s, Test::officePassphrase);
    REQUIRE(code.ok());

    // A run cut between its commit and the erasure left the file: the next run checks it holds the
    // wrapped key and erases it. A file holding another key is never erased.
    writeKeyFile(keyPath, plain);
    REQUIRE(admin.protectKey(Test::officePassphrase, Core::KdfStrength::Minimum).ok());
    CHECK_FALSE(QFile::exists(keyPath));
    writeKeyFile(keyPath, Core::SecretKey::random());
    CHECK(admin.protectKey(Test::officePassphrase, Core::KdfStrength::Minimum).error().code
          == Core::Error::Code::Conflict);
    CHECK(QFile::exists(keyPath));
    REQUIRE(QFile::remove(keyPath));
    CHECK(admin.protectKey(Test::officePassphrase, Core::KdfStrength::Minimum).error().code
          == Core::Error::Code::NotFound);
}

TEST_CASE("rotate-key seals the new epoch for every enrolled device, none for a revoked one, and it opens "
          "only at that laptop",
          "[sync][server][keys]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    // Two laptops with bundle keys (the box key a rotated key is sealed to), one without.
    const auto enrollWithBox = [&](const QString &login, const QString &site, Sync::BundleKeys &keys) {
        REQUIRE(f.admin->createUser(login, login, u"caseworker"_s).ok());
        auto code
            = Sync::EnrollmentCode::parse(f.admin->enroll(login, login, Test::officePassphrase).value());
        keys = Sync::BundleKeys::generate();
        const Sync::Response response
            = f.call(Sync::Endpoint::enroll, {},
                     Sync::Wire::encode(
                         Sync::EnrollRequest{code->secret, login, site, keys.signPublic, keys.boxPublic}));
        REQUIRE(response.status == 200);
        Sync::EnrollReply reply;
        REQUIRE(Sync::Wire::decode(response.body, reply).ok());
        return reply;
    };
    Sync::BundleKeys aniKeys;
    Sync::BundleKeys budiKeys;
    const Sync::EnrollReply ani = enrollWithBox(u"ani"_s, u"site-ani"_s, aniKeys);
    const Sync::EnrollReply budi = enrollWithBox(u"budi"_s, u"site-budi"_s, budiKeys);
    const auto old = f.enroll(u"citra"_s, u"caseworker"_s, {}, u"site-citra"_s);
    REQUIRE(f.admin->revokeDevice(budi.deviceId).ok());

    const auto rotation = f.admin->rotateKey(Test::officePassphrase);
    REQUIRE(rotation.ok());
    CHECK(rotation->epoch == 1);
    CHECK(rotation->sealedFor == QStringList{ani.deviceId});
    CHECK(rotation->unreachable == QStringList{old.device.id});
    CHECK(f.store->deviceKeys(budi.deviceId, 0).value().isEmpty());
    const QList<Sync::SealedKey> granted = f.store->deviceKeys(ani.deviceId, 0).value();
    REQUIRE(granted.size() == 1);
    CHECK(f.store->deviceKeys(ani.deviceId, 1).value().isEmpty());

    const Sync::DistrictKeys keys = f.store->unlockDistrictKeys(Test::officePassphrase).value();
    REQUIRE(keys.epochs() == (QList<qint64>{0, 1}));
    const auto opened = Sync::DistrictKeys::openForDevice(1, granted.first().sealed, *keys.key(0),
                                                          ani.deviceId, aniKeys.boxPublic, aniKeys.boxSecret);
    REQUIRE(opened.ok());
    CHECK(bytesOf(*opened) == bytesOf(*keys.key(1)));
    // Not at another laptop (the revoked one holds epoch 0, but not Ani's box key), not for
    // another device id, and not vouched for by a key that is not the epoch before.
    CHECK_FALSE(Sync::DistrictKeys::openForDevice(1, granted.first().sealed, *keys.key(0), ani.deviceId,
                                                  budiKeys.boxPublic, budiKeys.boxSecret)
                    .ok());
    CHECK_FALSE(Sync::DistrictKeys::openForDevice(1, granted.first().sealed, *keys.key(0), budi.deviceId,
                                                  aniKeys.boxPublic, aniKeys.boxSecret)
                    .ok());
    const Core::SecretKey stranger = Core::SecretKey::random();
    const QByteArray forged
        = Sync::DistrictKeys::sealForDevice(1, stranger, stranger, ani.deviceId, aniKeys.boxPublic);
    CHECK_FALSE(Sync::DistrictKeys::openForDevice(1, forged, *keys.key(0), ani.deviceId, aniKeys.boxPublic,
                                                  aniKeys.boxSecret)
                    .ok());

    // The handshake hands Ani the keys she lacks, and nothing once she has them.
    const auto handshake = [&](qint64 keyEpoch) {
        Sync::HandshakeRequest hello{
            Sync::protocolVersion, Core::Migrations::latestVersion(), u"site-ani"_s, {}, 0, keyEpoch};
        const Sync::Response response
            = f.call(Sync::Endpoint::handshake, ani.token, Sync::Wire::encode(hello));
        REQUIRE(response.status == 200);
        Sync::HandshakeReply reply;
        REQUIRE(Sync::Wire::decode(response.body, reply).ok());
        return reply.keys;
    };
    CHECK(handshake(0) == granted);
    CHECK(handshake(1).isEmpty());
    // A second rotation: epoch 2, vouched for by epoch 1.
    const auto second = f.admin->rotateKey(Test::officePassphrase);
    REQUIRE(second.ok());
    CHECK(second->epoch == 2);
    const QList<Sync::SealedKey> both = handshake(0);
    REQUIRE(both.size() == 2);
    CHECK(both.at(1).epoch == 2);
    const Sync::DistrictKeys after = f.store->unlockDistrictKeys(Test::officePassphrase).value();
    CHECK(Sync::DistrictKeys::openForDevice(2, both.at(1).sealed, *after.key(1), ani.deviceId,
                                            aniKeys.boxPublic, aniKeys.boxSecret)
              .ok());
}
