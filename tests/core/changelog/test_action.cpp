// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/changelog/changelog.h"
#include "core/changelog/fieldclocks.h"
#include "core/changelog/historyreader.h"
#include "core/profile/session.h"
#include "core/sql/database.h"
#include "tests/support/fixtures.h"

#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

qint64 count(Core::Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

} // namespace

TEST_CASE("one intake is one transaction of rows, ops and field clocks", "[core][store][changelog]")
{
    Test::ProfileFixture f;
    Core::Database &db = f.profile->database();
    const auto created = f.session->cases().create(Test::sampleDraft());
    REQUIRE(created.ok());

    CHECK(count(db, u"SELECT count(*) FROM cases"_s) == 1);
    CHECK(count(db, u"SELECT count(*) FROM persons"_s) == 3);
    CHECK(count(db, u"SELECT count(*) FROM case_persons"_s) == 3);
    CHECK(count(db, u"SELECT count(*) FROM risk_assessments"_s) == 1);
    CHECK(count(db, u"SELECT count(*) FROM status_changes"_s) == 1);
    // All ops of the action share one txn id and have consecutive sequence numbers from 1.
    CHECK(count(db, u"SELECT count(DISTINCT txn_id) FROM change_ops"_s) == 1);
    const qint64 ops = count(db, u"SELECT count(*) FROM change_ops"_s);
    CHECK(ops > 30);
    CHECK(count(db, u"SELECT max(site_seq) FROM change_ops"_s) == ops);
    CHECK(count(db, u"SELECT min(site_seq) FROM change_ops"_s) == 1);
    CHECK(f.profile->changeLog().lastSeq() == ops);
    // Field clocks live in the row: the creation stamp for every field, one entry per set element.
    QSqlQuery clocks(db.connection());
    REQUIRE(clocks.exec(u"SELECT clocks FROM cases"_s));
    REQUIRE(clocks.next());
    const Core::FieldClocks parsed = Core::FieldClocks::parse(clocks.value(0).toString());
    const qint64 stamp = qint64(f.profile->changeLog().hlc().last().packed);
    CHECK(parsed.field(u"narrative"_s).hlc == stamp);
    CHECK(parsed.field(u"narrative"_s).site == f.profile->changeLog().siteId());
    CHECK(parsed.element(u"violence_types"_s, u"seksual"_s).hlc == stamp);
    CHECK(parsed.element(u"violence_types"_s, u"psikis"_s).hlc == stamp);
    CHECK(parsed.element(u"violence_types"_s, u"fisik"_s).hlc == 0);
    // The sequence and the clock are persisted with the ops.
    CHECK(f.profile->changeLog().meta(u"site_seq"_s).value().toLongLong() == ops);
    CHECK(f.profile->changeLog().meta(u"hlc"_s).value().toULongLong() > 0);
}

TEST_CASE("an update writes only changed fields, with the base the author saw", "[core][store][changelog]")
{
    Test::ProfileFixture f;
    const auto created = f.session->cases().create(Test::sampleDraft());
    REQUIRE(created.ok());
    const qint64 before = f.profile->changeLog().lastSeq();
    f.clock.advance(60'000);

    Core::CaseDraft patch;
    patch.fields = {{u"narrative"_s, u"Keterangan baru dari korban"_s},
                    {u"incident_scene"_s, u"household"_s}, // unchanged: no op
                    {u"violence_types"_s, QStringList{u"seksual"_s, u"fisik"_s}}};
    REQUIRE(f.session->cases().update(created->id, patch).ok());

    auto history = f.session->history().forCase(created->id);
    REQUIRE(history.ok());
    QList<Core::HistoryEntry> latest;
    for (const auto &e : *history) {
        if (e.siteSeq > before)
            latest << e;
    }
    REQUIRE(latest.size() == 3); // narrative set, fisik added, psikis removed
    QStringList described;
    for (const auto &e : latest)
        described << e.field + u':' + e.op + u':' + e.value.toString();
    described.sort();
    CHECK(described
          == QStringList{u"narrative:set:Keterangan baru dari korban"_s, u"violence_types:add:fisik"_s,
                         u"violence_types:remove:psikis"_s});
    for (const auto &e : latest) {
        // The author had seen the intake's value (a newly added set element has none).
        if (e.op != u"add")
            CHECK(e.base > 0);
        CHECK(e.hlc > e.base); // and wrote after it
        CHECK(e.author == u"siti.caseworker");
    }
}

TEST_CASE("a failed action gives its sequence numbers back", "[core][store][changelog]")
{
    Test::ProfileFixture f;
    REQUIRE(f.session->cases().create(Test::sampleDraft()).ok());
    const qint64 seq = f.profile->changeLog().lastSeq();
    f.profile->database().faults().failAfter(20);
    REQUIRE_FALSE(f.session->cases().create(Test::sampleDraft()).ok());
    CHECK(f.profile->changeLog().lastSeq() == seq);
    REQUIRE(f.session->cases().create(Test::sampleDraft()).ok());
    Core::Database &db = f.profile->database();
    // Gap-free: max(seq) == count.
    CHECK(count(db, u"SELECT max(site_seq) FROM change_ops"_s)
          == count(db, u"SELECT count(*) FROM change_ops"_s));
}

TEST_CASE("the clock and sequence survive closing and reopening the profile", "[core][store][changelog]")
{
    Test::ProfileFixture f;
    REQUIRE(f.session->cases().create(Test::sampleDraft()).ok());
    const qint64 seq = f.profile->changeLog().lastSeq();
    const auto stamp = f.profile->changeLog().hlc().last();
    f.clock.set(Test::fixedNowMs - 3'600'000); // the wall clock stepped back an hour
    f.reopen();
    CHECK(f.profile->changeLog().lastSeq() == seq);
    REQUIRE(f.session->cases().create(Test::sampleDraft()).ok());
    CHECK(f.profile->changeLog().hlc().last() > stamp);
}

TEST_CASE("two processes writing to one profile continue one gap-free sequence",
          "[core][store][changelog][review]")
{
    Test::ProfileFixture f;
    // A second, independent opening of the same folder: its own connection and ChangeLog, as
    // the desktop app and dampingi-ctl would have.
    auto other = Core::Profile::open(f.dir.path(), f.clock);
    REQUIRE(other.ok());
    REQUIRE((*other)->unlock({}, Test::passphrase).ok());
    Core::Session second(**other, Test::codes(), Test::regions());
    for (int i = 0; i < 3; ++i) {
        REQUIRE(f.session->cases().create(Test::sampleDraft()).ok());
        REQUIRE(second.cases().create(Test::sampleDraft()).ok());
    }
    Core::Database &db = f.profile->database();
    CHECK(count(db, u"SELECT max(site_seq) FROM change_ops"_s)
          == count(db, u"SELECT count(*) FROM change_ops"_s));
    CHECK(count(db, u"SELECT count(DISTINCT number) FROM cases"_s) == 6);
    // Stamps only grow in commit order across both writers.
    CHECK(count(db, u"SELECT count(*) FROM change_ops a JOIN change_ops b ON b.site_seq = a.site_seq + 1 "
                    "WHERE b.hlc < a.hlc"_s)
          == 0);
}

TEST_CASE("a change-log value moved to another op of the same field does not open",
          "[core][store][privacy][review]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    Core::CaseDraft patch;
    patch.fields = {{u"narrative"_s, u"versi kedua"_s}};
    REQUIRE(f.session->cases().update(kase->id, patch).ok());
    QSqlQuery q(f.profile->database().connection());
    // Copy the newer narrative ciphertext onto the older narrative op.
    REQUIRE(q.exec(u"UPDATE change_ops SET value = (SELECT value FROM change_ops WHERE field = 'narrative' "
                   "ORDER BY site_seq DESC LIMIT 1) WHERE site_seq = (SELECT min(site_seq) FROM change_ops "
                   "WHERE field = 'narrative')"_s));
    const auto history = f.session->history().forCase(kase->id);
    REQUIRE_FALSE(history.ok());
    CHECK(history.error().code == Core::Error::Code::Corrupt);
}
