// SPDX-License-Identifier: GPL-3.0-or-later
// Merging duplicate people on one laptop: who may, what a case shows, unmerge, and the
// read-time resolution that makes merges converge (failure 7 in docs/ARCHITECTURE.md; the races across
// laptops are in tests/sync/client/test_client.cpp and the sync simulation).
#include "core/cases/caserepository.h"
#include "core/cases/personmerge.h"
#include "core/changelog/changelog.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"
#include "tests/support/fixtures.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// The case of sampleDraft() plus a second record of its victim, entered on another visit.
struct Duplicated
{
    explicit Duplicated(Test::ProfileFixture &f)
    {
        caseId = f.session->cases().create(Test::sampleDraft()).value().id;
        for (const Core::CaseParty &p : f.session->cases().load(caseId).value().parties) {
            if (p.link.text(u"role"_s) == u"victim") {
                original = p.person.id;
                originalLink = p.link.id;
            }
        }
        f.clock.advance(60'000);
        REQUIRE(f.session->cases().update(caseId, Test::duplicateVictim()).ok());
        for (const Core::CaseParty &p : f.session->cases().load(caseId).value().parties) {
            if (p.link.text(u"role"_s) == u"victim" && p.person.id != original)
                duplicate = p.person.id;
        }
        REQUIRE(!duplicate.isEmpty());
    }

    QString caseId, original, originalLink, duplicate;
};

int victims(Test::ProfileFixture &f, const QString &caseId)
{
    int n = 0;
    for (const Core::CaseParty &p : f.session->cases().load(caseId).value().parties)
        n += p.link.text(u"role"_s) == u"victim" ? 1 : 0;
    return n;
}

Core::Record victim(Test::ProfileFixture &f, const QString &caseId)
{
    for (const Core::CaseParty &p : f.session->cases().load(caseId).value().parties) {
        if (p.link.text(u"role"_s) == u"victim")
            return p.person;
    }
    FAIL("no victim");
    return {};
}

} // namespace

TEST_CASE("a supervisor merges a duplicate person: the case shows one person with the newest of each field",
          "[core][merge]")
{
    Test::ProfileFixture f(Core::Role::Supervisor, false, u"ani"_s);
    const Duplicated d(f);
    REQUIRE(victims(f, d.caseId) == 2);
    Core::PersonMerge &people = f.session->people();

    REQUIRE(people.merge(d.caseId, d.duplicate, d.original).ok());
    CHECK(people.canonical(d.duplicate).value() == d.original);
    CHECK(people.members(d.original).value() == QStringList{d.original, d.duplicate});
    CHECK(victims(f, d.caseId) == 1);
    const Core::Record merged = victim(f, d.caseId);
    CHECK(merged.id == d.original);
    // Written later on the duplicate: its phone wins; the original's birth date stays.
    CHECK(merged.text(u"phone"_s) == u"0811111111");
    CHECK(merged.text(u"name"_s) == u"Nurhaliza K.");
    CHECK(merged.text(u"birth_date"_s) == Test::sampleDraft().parties.first().person.value(u"birth_date"_s));
    // Ids are never rewritten: both rows stay, the absorbed one points at the survivor.
    Core::Statement &rows = f.profile->database().statement(u"SELECT count(*) FROM persons"_s);
    REQUIRE(rows.next());
    CHECK(rows.int64(0) == 4);
    rows.reset();

    // An edit of the original after the merge is newer than the duplicate's name: it shows.
    f.clock.advance(60'000);
    Core::CaseDraft patch;
    Core::PartyInput edit;
    edit.linkId = d.originalLink;
    edit.person = {{u"name"_s, u"Nurhaliza Kartika Sari"_s}};
    patch.parties << edit;
    const Core::Status edited = f.session->cases().update(d.caseId, std::move(patch));
    INFO((edited.ok() ? std::string() : edited.error().detail.toStdString()));
    REQUIRE(edited.ok());
    CHECK(victim(f, d.caseId).text(u"name"_s) == u"Nurhaliza Kartika Sari");

    // Editing through the duplicate's link under the id the case file shows writes the survivor.
    Core::CaseDraft shown;
    Core::PartyInput viaLink;
    Core::Statement &link
        = f.profile->database().statement(u"SELECT id FROM case_persons WHERE person_id = ?"_s);
    link.bind(1, d.duplicate);
    REQUIRE(link.next());
    viaLink.linkId = link.text(0);
    link.reset();
    viaLink.personId = d.original;
    viaLink.person = {{u"occupation"_s, u"student"_s}};
    shown.parties << viaLink;
    f.clock.advance(60'000);
    REQUIRE(f.session->cases().update(d.caseId, std::move(shown)).ok());
    CHECK(victim(f, d.caseId).text(u"occupation"_s) == u"student");

    // Merging again, or the other way round, is refused; so is merging an absorbed record.
    CHECK(people.merge(d.caseId, d.original, d.duplicate).error().code == Core::Error::Code::Conflict);
    CHECK(people.merge(d.caseId, d.duplicate, d.original).error().code == Core::Error::Code::Conflict);

    // Unmerge: two people again, each with its own values.
    REQUIRE(people.unmerge(d.caseId, d.duplicate).ok());
    CHECK(people.canonical(d.duplicate).value() == d.duplicate);
    CHECK(victims(f, d.caseId) == 2);
    CHECK(people.resolved(d.duplicate).value().text(u"name"_s) == u"Nurhaliza K.");
    CHECK(people.resolved(d.original).value().text(u"phone"_s) == u"081234567890");
    CHECK(people.unmerge(d.caseId, d.duplicate).error().code == Core::Error::Code::Conflict);
}

TEST_CASE("only a supervisor merges, and only people of the case", "[core][merge]")
{
    Test::ProfileFixture f(Core::Role::Caseworker, false, u"siti"_s);
    const Duplicated d(f);
    CHECK(f.session->people().merge(d.caseId, d.duplicate, d.original).error().code
          == Core::Error::Code::Conflict);
    CHECK(f.profile->changeLog().lastSeq() > 0);
    Test::ProfileFixture ani(Core::Role::Supervisor, false, u"ani"_s);
    const Duplicated other(ani);
    const QString elsewhere = ani.session->cases().create(Test::sampleDraft()).value().id;
    CHECK(ani.session->people().merge(elsewhere, other.duplicate, other.original).error().code
          == Core::Error::Code::NotFound);
}

TEST_CASE("a merge cycle from two laptops resolves to the smallest id, the same on every replica",
          "[core][merge]")
{
    Test::ProfileFixture f(Core::Role::Supervisor, false, u"ani"_s);
    const Duplicated d(f);
    // As if two supervisors merged A into B and B into A offline and both ops arrived here.
    for (const auto &[from, to] : {std::pair{d.duplicate, d.original}, std::pair{d.original, d.duplicate}}) {
        Core::Statement &set
            = f.profile->database().statement(u"UPDATE persons SET merged_into = ? WHERE id = ?"_s);
        set.bind(1, to);
        set.bind(2, from);
        REQUIRE(set.exec().ok());
    }
    const QString smallest = std::min(d.original, d.duplicate);
    CHECK(f.session->people().canonical(d.original).value() == smallest);
    CHECK(f.session->people().canonical(d.duplicate).value() == smallest);
    CHECK(f.session->people().members(smallest).value().size() == 2);
    CHECK(victims(f, d.caseId) == 1);
    CHECK(victim(f, d.caseId).id == smallest);
    CHECK(victim(f, d.caseId).text(u"phone"_s) == u"0811111111"); // the newest write still wins
}
