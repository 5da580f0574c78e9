// SPDX-License-Identifier: GPL-3.0-or-later
// Merging what other laptops wrote (core's Replicator), without a server: ops handed over as
// pages, in every order, twice. The sync rules per field kind (docs/ARCHITECTURE.md).
#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/changelog/schematesting.h"
#include "core/clock/hlc.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/replication/replicator.h"
#include "core/sql/database.h"
#include "core/sql/migrations.h"
#include "core/sql/statement.h"
#include "sync/districtkeys.h"
#include "sync/transitcipher.h"
#include "tests/support/fixtures.h"
#include "tests/support/replicas.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

QString createCase(Test::ProfileFixture &f)
{
    Core::Result<Core::Record> created = f.session->cases().create(Test::sampleDraft());
    REQUIRE(created.ok());
    return created->id;
}

void patchCase(Test::ProfileFixture &f, const QString &id, const QVariantHash &fields)
{
    Core::CaseDraft patch;
    patch.fields = fields;
    const Core::Status s = f.session->cases().update(id, std::move(patch));
    INFO((s.ok() ? std::string() : s.error().detail.toStdString()));
    REQUIRE(s.ok());
}

QVariant field(Test::ProfileFixture &f, const QString &id, const QString &name)
{
    Core::Result<Core::CaseFile> file = f.session->cases().load(id);
    REQUIRE(file.ok());
    return file->kase.value(name);
}

QList<Core::ConflictRecord> openConflicts(Test::ProfileFixture &f)
{
    Core::Replicator r(f.profile->changeLog());
    Core::Result<QList<Core::ConflictRecord>> all = r.conflicts(false);
    REQUIRE(all.ok());
    return *all;
}

// A `set` of a case field by another site, `ms` after the fixed clock, written under `schemaVersion`.
Core::ReplicaOp caseSet(const QString &site, const QString &caseId, const QString &fieldName,
                        const QByteArray &value, qint64 ms, qint64 base, int schemaVersion)
{
    return {site,
            1,
            site + u"-txn"_s,
            u"case"_s,
            caseId,
            caseId,
            fieldName,
            u"set"_s,
            value,
            qint64(Core::HlcStamp::from(quint64(Test::fixedNowMs + ms), 0).packed),
            site + u"-author"_s,
            base,
            schemaVersion,
            {}};
}

// The newest stamp a replica holds: what an author who had synced just now saw.
qint64 newestStamp(Test::ProfileFixture &f)
{
    Core::Statement &q = f.profile->database().statement(u"SELECT max(hlc) FROM change_ops"_s);
    REQUIRE(q.next());
    const qint64 hlc = q.int64(0);
    q.reset();
    return hlc;
}

// A rename as a future schema step would declare it: before the current version, `incident_scene`
// was called `scene_code` and `narrative` was `story`.
const int renameStep = Core::Migrations::latestVersion();
const int oldSchema = renameStep - 1;

} // namespace

TEST_CASE("a case written on one laptop appears whole on another, once", "[sync][replicator]")
{
    Test::ProfileFixture a, b;
    const QString id = createCase(a);
    const Core::ApplyStats first = Test::exchange(*a.profile, *b.profile);
    CHECK(first.applied > 20);
    CHECK(first.kept == 0);
    CHECK(first.conflicts == 0);
    CHECK(Test::replicaDigest(*b.profile).toStdString() == Test::replicaDigest(*a.profile).toStdString());
    CHECK(field(b, id, u"narrative"_s).toString().startsWith(u"Korban diancam"));
    // The same page again (a lost reply, a resent page): nothing changes.
    const Core::ApplyStats again = Test::exchange(*a.profile, *b.profile);
    CHECK(again.applied == 0);
    CHECK(again.duplicates == first.applied);
    CHECK(Test::replicaDigest(*b.profile).toStdString() == Test::replicaDigest(*a.profile).toStdString());
    // Received ops are not B's outbox.
    CHECK(b.profile->changeLog().pendingCount().value() == 0);
}

TEST_CASE("concurrent edits of one field converge and the losing value is kept as a conflict",
          "[sync][replicator]")
{
    Test::ProfileFixture a, b;
    const QString id = createCase(a);
    Test::exchange(*a.profile, *b.profile);
    a.clock.advance(60'000);
    b.clock.advance(120'000);
    patchCase(a, id, {{u"narrative"_s, u"Versi A: korban pindah ke rumah nenek"_s}});
    patchCase(b, id, {{u"narrative"_s, u"Versi B: korban masih di rumah"_s}});
    Core::Replicator ra(a.profile->changeLog());
    const qint64 aSeq = a.profile->changeLog().lastSeq();
    // Hand over only the edits, each way.
    Core::ReplicaPage fromA{ra.outbox(aSeq - 1, 10).value(), {}, {}};
    Core::Replicator rb(b.profile->changeLog());
    const qint64 bSeq = b.profile->changeLog().lastSeq();
    Core::ReplicaPage fromB{rb.outbox(bSeq - 1, 10).value(), {}, {}};
    REQUIRE(ra.apply(fromB).ok());
    REQUIRE(rb.apply(fromA).ok());
    // B's clock is later: B's value wins everywhere, and A's is not lost.
    CHECK(field(a, id, u"narrative"_s).toString() == u"Versi B: korban masih di rumah");
    CHECK(field(b, id, u"narrative"_s).toString() == u"Versi B: korban masih di rumah");
    for (Test::ProfileFixture *f : {&a, &b}) {
        const QList<Core::ConflictRecord> conflicts = openConflicts(*f);
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts.first().kind == u"concurrent");
        CHECK(conflicts.first().field == u"narrative");
        CHECK(conflicts.first().loserValue.value() == "Versi A: korban pindah ke rumah nenek");
        CHECK(conflicts.first().caseId == id);
    }
    // Applying again records nothing twice.
    REQUIRE(ra.apply(fromB).ok());
    CHECK(openConflicts(a).size() == 1);
    // An edit made after seeing both settles the conflict on the replica that receives it.
    b.clock.advance(60'000);
    patchCase(b, id, {{u"narrative"_s, u"Versi gabungan"_s}});
    Core::ReplicaPage settle{rb.outbox(b.profile->changeLog().lastSeq() - 1, 10).value(), {}, {}};
    REQUIRE(ra.apply(settle).ok());
    CHECK(field(a, id, u"narrative"_s).toString() == u"Versi gabungan");
    CHECK(openConflicts(a).isEmpty());
}

TEST_CASE("a sequential edit is not a conflict", "[sync][replicator]")
{
    Test::ProfileFixture a, b;
    const QString id = createCase(a);
    Test::exchange(*a.profile, *b.profile);
    b.clock.advance(1000);
    patchCase(b, id, {{u"incident_scene"_s, u"school"_s}});
    Core::Replicator ra(a.profile->changeLog()), rb(b.profile->changeLog());
    REQUIRE(ra.apply({rb.outbox(0, 100).value(), {}, {}}).ok());
    CHECK(field(a, id, u"incident_scene"_s).toString() == u"school");
    CHECK(openConflicts(a).isEmpty());
}

TEST_CASE("concurrent safety edits keep the most protective value, flagged once", "[sync][replicator]")
{
    Test::ProfileFixture a, b;
    const QString id = createCase(a);
    Test::exchange(*a.profile, *b.profile);
    // A (later clock) lowers the risk; B, not having seen it, raises it.
    a.clock.advance(120'000);
    b.clock.advance(60'000);
    patchCase(a, id, {{u"do_not_contact"_s, false}});
    patchCase(b, id, {{u"do_not_contact"_s, true}});
    Core::Replicator ra(a.profile->changeLog()), rb(b.profile->changeLog());
    const Core::ReplicaPage fromA{ra.outbox(a.profile->changeLog().lastSeq() - 1, 10).value(), {}, {}};
    const Core::ReplicaPage fromB{rb.outbox(b.profile->changeLog().lastSeq() - 1, 10).value(), {}, {}};
    REQUIRE(ra.apply(fromB).ok());
    REQUIRE(rb.apply(fromA).ok());
    REQUIRE(rb.apply(fromA).ok());
    for (Test::ProfileFixture *f : {&a, &b}) {
        CHECK(field(*f, id, u"do_not_contact"_s).toBool() == true);
        const QList<Core::ConflictRecord> conflicts = openConflicts(*f);
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts.first().kind == u"safety");
    }
    CHECK(Test::replicaDigest(*a.profile).toStdString() == Test::replicaDigest(*b.profile).toStdString());
    // Only a supervisor settles it.
    const Core::Status byCaseworker = a.session->resolveConflict(openConflicts(a).first().id, u"winner"_s);
    REQUIRE_FALSE(byCaseworker.ok());
    CHECK(byCaseworker.error().code == Core::Error::Code::Conflict);
    Test::ProfileFixture supervisor(Core::Role::Supervisor, false, u"ani"_s);
    Core::Replicator rs(supervisor.profile->changeLog());
    REQUIRE(rs.apply({ra.outbox(0, 1000).value(), {}, {}}).ok());
    REQUIRE(rs.apply(fromB).ok());
    const QList<Core::ConflictRecord> held = openConflicts(supervisor);
    REQUIRE(held.size() == 1);
    supervisor.clock.advance(600'000);
    REQUIRE(supervisor.session->resolveConflict(held.first().id, u"winner"_s).ok());
    CHECK(openConflicts(supervisor).isEmpty());
}

TEST_CASE("sets are add-wins: a remove takes only the adds it saw", "[sync][replicator]")
{
    Test::ProfileFixture a, b;
    const QString id = createCase(a);
    Test::exchange(*a.profile, *b.profile);
    a.clock.advance(60'000);
    b.clock.advance(30'000);
    // A removes "psikis"; B concurrently adds "fisik" and removes then re-adds "psikis".
    patchCase(a, id, {{u"violence_types"_s, QStringList{u"seksual"_s}}});
    patchCase(b, id, {{u"violence_types"_s, QStringList{u"seksual"_s, u"fisik"_s}}});
    b.clock.advance(1000);
    patchCase(b, id, {{u"violence_types"_s, QStringList{u"seksual"_s, u"fisik"_s, u"psikis"_s}}});
    Core::Replicator ra(a.profile->changeLog()), rb(b.profile->changeLog());
    const qint64 aFrom = a.profile->changeLog().lastSeq() - 1;
    const Core::ReplicaPage fromA{ra.outbox(aFrom, 10).value(), {}, {}};
    REQUIRE(ra.apply({rb.outbox(b.profile->changeLog().lastSeq() - 3, 10).value(), {}, {}}).ok());
    REQUIRE(rb.apply(fromA).ok());
    QStringList expected{u"fisik"_s, u"psikis"_s, u"seksual"_s};
    for (Test::ProfileFixture *f : {&a, &b}) {
        QStringList types = field(*f, id, u"violence_types"_s).toStringList();
        types.sort();
        CHECK(types == expected);
    }
    CHECK(Test::replicaDigest(*a.profile).toStdString() == Test::replicaDigest(*b.profile).toStdString());
}

TEST_CASE("a case that leaves scope is erased, unless it still has unsent edits", "[sync][replicator]")
{
    Test::ProfileFixture a, b;
    const QString id = createCase(a);
    Test::exchange(*a.profile, *b.profile);
    Core::Replicator rb(b.profile->changeLog());
    // B edits: the purge waits until that edit is acknowledged.
    b.clock.advance(1000);
    patchCase(b, id, {{u"incident_scene"_s, u"school"_s}});
    Core::Result<Core::ApplyStats> deferred = rb.apply({{}, {id}, {}});
    REQUIRE(deferred.ok());
    CHECK(deferred->purgeDeferred == 1);
    CHECK(rb.deferredPurges().value() == QStringList{id});
    CHECK(b.session->cases().load(id).ok());
    REQUIRE(rb.setAckedThrough(b.profile->changeLog().lastSeq()).ok());
    Core::Result<Core::ApplyStats> purged = rb.apply({{}, rb.deferredPurges().value(), {}});
    REQUIRE(purged.ok());
    CHECK(purged->purged == 1);
    CHECK(rb.deferredPurges().value().isEmpty());
    CHECK(b.session->cases().load(id).error().code == Core::Error::Code::NotFound);
    CHECK(Test::replicaDigest(*b.profile).toStdString().empty());
    Core::Statement &ops
        = b.profile->database().statement(u"SELECT count(*) FROM change_ops WHERE case_id = ?"_s);
    ops.bind(1, id);
    REQUIRE(ops.next());
    CHECK(ops.int64(0) == 0);
    ops.reset();
    // Coming back into scope (a snapshot of the same ops) restores it whole.
    Test::exchange(*a.profile, *b.profile);
    CHECK(b.session->cases().load(id).ok());
}

TEST_CASE("a stamp the server clamped replaces ours where ours still stands", "[sync][replicator]")
{
    Test::ProfileFixture a;
    const QString id = createCase(a);
    a.clock.advance(1000);
    patchCase(a, id, {{u"incident_scene"_s, u"school"_s}});
    const qint64 seq = a.profile->changeLog().lastSeq();
    Core::Replicator ra(a.profile->changeLog());
    const qint64 clamped = 42;
    REQUIRE(ra.adoptServerStamp(seq, clamped).ok());
    Core::Result<QList<Core::ReplicaOp>> op = ra.outbox(seq - 1, 1);
    REQUIRE(op.ok());
    CHECK(op->first().hlc == clamped);
    Core::Statement &q = a.profile->database().statement(u"SELECT clocks FROM cases WHERE id = ?"_s);
    q.bind(1, id);
    REQUIRE(q.next());
    CHECK(q.text(0).contains(u"incident_scene=42@"_s));
    q.reset();
}

TEST_CASE("an op whose value could not be read is kept unapplied and the page still applies",
          "[sync][replicator]")
{
    // Failure 10 (found by the sync simulation): a sealed value that does not open used to fail
    // the whole pull page, so the laptop fetched and failed on that page for ever.
    Test::ProfileFixture a, b;
    const QString id = createCase(a);
    REQUIRE(Test::exchange(*a.profile, *b.profile).kept == 0);
    Core::ReplicaOp poison{u"site-x"_s,
                           1,
                           u"txn-x"_s,
                           u"case"_s,
                           id,
                           id,
                           u"narrative"_s,
                           u"set"_s,
                           std::nullopt,
                           qint64(Core::HlcStamp::from(quint64(Test::fixedNowMs + 5000), 0).packed),
                           u"rina"_s,
                           0,
                           1,
                           u"sealed value does not open"_s};
    Core::ReplicaOp good = poison;
    good.seq = 2;
    good.txn = u"txn-y"_s;
    good.field = u"incident_scene"_s;
    good.value = QByteArray("school");
    good.unreadable.clear();
    Core::Replicator r(b.profile->changeLog());
    Core::ReplicaPage page;
    page.ops = {poison, good};
    page.meta.insert(u"sync.cursor"_s, u"after-poison"_s);
    const Core::Result<Core::ApplyStats> stats = r.apply(page);
    REQUIRE(stats.ok());
    CHECK(stats->kept == 1);
    CHECK(field(b, id, u"narrative"_s).toString().startsWith(u"Korban diancam"));
    CHECK(field(b, id, u"incident_scene"_s).toString() == u"school"_s);
    CHECK(b.profile->changeLog().meta(u"sync.cursor"_s).value() == u"after-poison"_s);
    const auto unapplied = [&] {
        int n = 0;
        for (const Core::ConflictRecord &c : openConflicts(b))
            n += c.kind == u"unapplied" && c.field == u"narrative" ? 1 : 0;
        return n;
    };
    CHECK(unapplied() == 1);
    // Sent again: held once, flagged once.
    REQUIRE(r.apply(page).ok());
    CHECK(unapplied() == 1);
}

TEST_CASE("a safety field converges whatever the order: an edit that saw a value lowers it everywhere",
          "[sync][replicator]")
{
    // Found by the sync simulation (failure 3): A sets do-not-contact, B sees it and clears it,
    // C clears it without seeing A. Merging pairwise into the current value kept A's value on
    // the replica that got C's edit before B's, and B's everywhere else.
    Test::ProfileFixture a, b, c, first, second;
    const auto own = [](Test::ProfileFixture &f) {
        Core::Replicator r(f.profile->changeLog());
        return r.outbox(0, 1000000).value();
    };
    const auto give = [](Test::ProfileFixture &to, const QList<Core::ReplicaOp> &ops) {
        Core::Replicator r(to.profile->changeLog());
        Core::ReplicaPage page;
        page.ops = ops;
        REQUIRE(r.apply(page).ok());
    };
    const QString id = createCase(a);
    const QList<Core::ReplicaOp> created = own(a);
    give(b, created);
    give(c, created);
    patchCase(a, id, {{u"do_not_contact"_s, true}});
    const QList<Core::ReplicaOp> x = own(a).mid(created.size());
    give(b, x);
    b.clock.advance(60'000);
    patchCase(b, id, {{u"do_not_contact"_s, false}});
    patchCase(c, id, {{u"do_not_contact"_s, false}});
    const QList<Core::ReplicaOp> y = own(b), z = own(c);
    give(first, created + x);
    give(first, z);
    give(first, y);
    give(second, created + x);
    give(second, y);
    give(second, z);
    CHECK(field(first, id, u"do_not_contact"_s).toBool() == false);
    CHECK(field(second, id, u"do_not_contact"_s).toBool() == false);
    CHECK(Test::replicaDigest(*first.profile).toStdString()
          == Test::replicaDigest(*second.profile).toStdString());
}

TEST_CASE("an op of an older schema that names a renamed field updates the field under its new name",
          "[sync][replicator][schema]")
{
    // failure 9 of docs/ARCHITECTURE.md: an old laptop edits a field a later version renamed.
    const Core::Schema::ScopedRenameForTest rename{
        {u"case"_s, u"scene_code"_s, u"incident_scene"_s, renameStep}};
    Test::ProfileFixture a, b;
    const QString id = createCase(a);
    REQUIRE(Test::exchange(*a.profile, *b.profile).kept == 0);
    const Core::ReplicaOp old
        = caseSet(u"site-old"_s, id, u"scene_code"_s, "school", 5000, newestStamp(b), oldSchema);
    Core::Replicator r(b.profile->changeLog());
    const Core::Result<Core::ApplyStats> stats = r.apply({{old}, {}, {}});
    REQUIRE(stats.ok());
    CHECK(stats->kept == 0);
    CHECK(field(b, id, u"incident_scene"_s).toString() == u"school"_s);
    CHECK(openConflicts(b).isEmpty());
    // The same name in an op of the renaming schema or later is not the old field.
    Core::ReplicaOp stray = caseSet(u"site-new"_s, id, u"scene_code"_s, "market", 6000, 0, renameStep);
    const Core::Result<Core::ApplyStats> strayStats = r.apply({{stray}, {}, {}});
    REQUIRE(strayStats.ok());
    CHECK(strayStats->kept == 1);
    CHECK(field(b, id, u"incident_scene"_s).toString() == u"school"_s);
}

TEST_CASE("a sensitive field under its old name is sealed for transit and opened on arrival",
          "[sync][replicator][schema]")
{
    const Core::Schema::ScopedRenameForTest rename{{u"case"_s, u"story"_s, u"narrative"_s, renameStep}};
    Test::ProfileFixture b;
    const QString id = createCase(b);
    const Sync::TransitCipher transit(Core::SecretKey::random());
    const Core::ReplicaOp old = caseSet(u"site-old"_s, id, u"story"_s, "Versi lama: korban pindah", 5000,
                                        newestStamp(b), oldSchema);
    const Sync::WireOp wire = transit.seal(old);
    CHECK(wire.field == u"story"_s); // sent as written
    CHECK(wire.value != old.value); // never in the clear on the wire
    const Core::Result<Core::ReplicaOp> received = transit.open(wire);
    REQUIRE(received.ok());
    Core::Replicator r(b.profile->changeLog());
    REQUIRE(r.apply({{*received}, {}, {}}).ok());
    CHECK(field(b, id, u"narrative"_s).toString() == u"Versi lama: korban pindah"_s);
}

TEST_CASE("values sealed before key epochs still open after a rotation; new ones name their epoch",
          "[sync][replicator][keys]")
{
    const auto copyOf = [](const Core::SecretKey &key) {
        return Core::SecretKey::fromBytes(
            QByteArrayView(reinterpret_cast<const char *>(key.data()), qsizetype(Core::SecretKey::size)));
    };
    const Core::SecretKey first = Core::SecretKey::random();
    const Core::SecretKey second = Core::SecretKey::random();
    Sync::DistrictKeys ring;
    ring.insert(0, copyOf(first));
    ring.insert(1, copyOf(second));
    const Sync::TransitCipher before(copyOf(first)); // a laptop before the rotation (or before epochs)
    const Sync::TransitCipher after(ring);
    CHECK(after.sealingEpoch() == 1);

    const QByteArray plain = "Pernyataan korban, halaman 1";
    const QByteArray old = before.sealPart(u"att-1"_s, 0, 1, plain);
    CHECK(Sync::TransitCipher::epochOf(old) == 0);
    CHECK(after.openPart(u"att-1"_s, 0, 1, old).value() == plain);
    const QByteArray fresh = after.sealPart(u"att-1"_s, 0, 1, plain);
    CHECK(Sync::TransitCipher::epochOf(fresh) == 1);
    CHECK(after.openPart(u"att-1"_s, 0, 1, fresh).value() == plain);
    const Core::Result<QByteArray> withOldKey = before.openPart(u"att-1"_s, 0, 1, fresh);
    REQUIRE_FALSE(withOldKey.ok());
    CHECK(withOldKey.error().detail.contains(u"epoch 1"));
    // Another epoch written over the prefix does not open (the epoch is in the associated data).
    QByteArray relabelled = fresh;
    relabelled[1] = '\x02';
    CHECK_FALSE(after.openPart(u"att-1"_s, 0, 1, relabelled).ok());

    // One old value in 256 starts with the marker byte by chance (its nonce is random): it still
    // opens, whatever epoch its next bytes seem to name.
    int lookalikes = 0;
    for (int i = 0; i < 4000 && lookalikes < 3; ++i) {
        const QByteArray sealed = before.sealPart(u"att-2"_s, i, 4000, plain);
        if (quint8(sealed.at(0)) != 0xEE)
            continue;
        ++lookalikes;
        CHECK(after.openPart(u"att-2"_s, i, 4000, sealed).value() == plain);
    }
    CHECK(lookalikes > 0);
}

TEST_CASE("an old-name and a new-name edit of one field converge whatever the order of arrival",
          "[sync][replicator][schema]")
{
    const Core::Schema::ScopedRenameForTest rename{
        {u"case"_s, u"scene_code"_s, u"incident_scene"_s, renameStep}};
    const bool oldIsLater = GENERATE(false, true);
    Test::ProfileFixture a, b, c;
    const QString id = createCase(a);
    Test::exchange(*a.profile, *b.profile);
    Test::exchange(*a.profile, *c.profile);
    // Both authors saw the created case, neither saw the other: concurrent, the later stamp wins.
    const qint64 base = newestStamp(b);
    const Core::ReplicaOp old
        = caseSet(u"site-old"_s, id, u"scene_code"_s, "school", oldIsLater ? 9000 : 5000, base, oldSchema);
    const Core::ReplicaOp current = caseSet(u"site-new"_s, id, u"incident_scene"_s, "market",
                                            oldIsLater ? 5000 : 9000, base, renameStep);
    Core::Replicator rb(b.profile->changeLog()), rc(c.profile->changeLog());
    REQUIRE(rb.apply({{old}, {}, {}}).ok());
    REQUIRE(rb.apply({{current}, {}, {}}).ok());
    REQUIRE(rc.apply({{current}, {}, {}}).ok());
    REQUIRE(rc.apply({{old}, {}, {}}).ok());
    const QString winner = oldIsLater ? u"school"_s : u"market"_s;
    const QByteArray loser = oldIsLater ? "market" : "school";
    for (Test::ProfileFixture *f : {&b, &c}) {
        CHECK(field(*f, id, u"incident_scene"_s).toString() == winner);
        const QList<Core::ConflictRecord> conflicts = openConflicts(*f);
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts.first().kind == u"concurrent"_s);
        CHECK(conflicts.first().field == u"incident_scene"_s);
        CHECK(conflicts.first().loserValue.value() == loser);
    }
    CHECK(Test::replicaDigest(*c.profile).toStdString() == Test::replicaDigest(*b.profile).toStdString());
}

TEST_CASE("an op naming a field of a newer schema is kept in the log and not applied",
          "[sync][replicator][schema]")
{
    Test::ProfileFixture b;
    const QString id = createCase(b);
    const QString before = Test::replicaDigest(*b.profile);
    const Core::ReplicaOp newer = caseSet(u"site-new"_s, id, u"shelter_name"_s, "Rumah Aman", 5000,
                                          newestStamp(b), Core::Migrations::latestVersion() + 1);
    Core::Replicator r(b.profile->changeLog());
    const Core::Result<Core::ApplyStats> stats = r.apply({{newer}, {}, {}});
    REQUIRE(stats.ok());
    CHECK(stats->applied == 1); // held (deduplicated on (site, seq) when sent again)
    CHECK(stats->kept == 1);
    CHECK(Test::replicaDigest(*b.profile).toStdString() == before.toStdString());
    const Core::Result<Core::ApplyStats> again = r.apply({{newer}, {}, {}});
    REQUIRE(again.ok());
    CHECK(again->duplicates == 1);
}

TEST_CASE("a laptop never writes another case's rows through an op of a case it holds",
          "[sync][replicator][security]")
{
    // docs/SECURITY.md: the server binds every entity to its case, and the laptop checks again before
    // it writes a row, so a server bug cannot reach another case. Two cases held here; ops filed
    // under the second name the first case and its victim.
    Test::ProfileFixture f;
    const QString target = createCase(f);
    const QString own = createCase(f);
    Core::Result<Core::CaseFile> file = f.session->cases().load(target);
    REQUIRE(file.ok());
    REQUIRE_FALSE(file->parties.isEmpty());
    const QString victim = file->parties.first().person.id;
    const QString linkId = file->parties.first().link.id;
    const QString before = Test::replicaDigest(*f.profile, {target});

    Core::ReplicaOp forged = caseSet(u"site-x"_s, target, u"status"_s, "closed", 5000, 0, 1);
    forged.caseId = own;
    Core::ReplicaOp person = forged;
    person.seq = 2;
    person.entity = u"person"_s;
    person.entityId = victim;
    person.field = u"sex"_s;
    person.value = QByteArray("male");
    Core::ReplicaOp link = forged;
    link.seq = 3;
    link.entity = u"case_person"_s;
    link.entityId = linkId;
    link.field = u"role"_s;
    link.value = QByteArray("reporter");
    Core::ReplicaOp honest = caseSet(u"site-x"_s, own, u"incident_scene"_s, "school", 5000, 0, 1);
    honest.seq = 4;

    Core::Replicator r(f.profile->changeLog());
    Core::ReplicaPage page;
    page.ops = {forged, person, link, honest};
    const Core::Result<Core::ApplyStats> stats = r.apply(page);
    REQUIRE(stats.ok());
    CHECK(stats->kept == 3);
    CHECK(Test::replicaDigest(*f.profile, {target}) == before);
    CHECK(field(f, own, u"incident_scene"_s).toString() == u"school"_s);
    int unapplied = 0;
    for (const Core::ConflictRecord &c : openConflicts(f))
        unapplied += c.kind == u"unapplied" && c.caseId == own ? 1 : 0;
    CHECK(unapplied == 3);
}
