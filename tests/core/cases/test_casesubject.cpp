// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/caserepository.h"
#include "core/cases/casesubject.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// A case whose only victim is `person` (merged over the sample victim's fields).
QString caseWithVictim(Test::ProfileFixture &f, const QVariantHash &person)
{
    Core::CaseDraft draft = Test::sampleDraft();
    draft.parties.first().person = person;
    const auto kase = f.session->cases().create(draft);
    REQUIRE(kase.ok());
    return kase->id;
}

} // namespace

TEST_CASE("a short name is the first name and the initials of the rest", "[core][casesubject]")
{
    CHECK(Core::CaseSubjects::shortName(u"Putri Anggraini"_s) == u"Putri A.");
    CHECK(Core::CaseSubjects::shortName(u"  Siti  nur aisyah "_s) == u"Siti N. A.");
    CHECK(Core::CaseSubjects::shortName(u"Sutini"_s) == u"Sutini");
    CHECK(Core::CaseSubjects::shortName(u"Dewi (Ayu)"_s) == u"Dewi A.");
    CHECK(Core::CaseSubjects::shortName(u""_s).isEmpty());
}

TEST_CASE("an age comes from the birth date, else the birth year, else the estimate", "[core][casesubject]")
{
    const QDate today(2026, 11, 20);
    using S = Core::CaseSubjects;
    CHECK(S::age(QDate(2017, 11, 21), {}, {}, {}, today) == 8); // birthday tomorrow
    CHECK(S::age(QDate(2017, 11, 20), 2010, 3, {}, today) == 9); // the date wins
    CHECK(S::age({}, 2017, 3, {}, today) == 9);
    CHECK(S::age({}, {}, 7, QDate(2024, 11, 21), today) == 8); // recorded a day short of two years ago
    CHECK(S::age({}, {}, 7, QDate(2024, 11, 20), today) == 9);
    CHECK_FALSE(S::age({}, {}, {}, QDate(2024, 1, 1), today).has_value());
}

TEST_CASE("the subjects of many cases: name, age, village and kecamatan", "[core][casesubject]")
{
    Test::ProfileFixture f; // today is 2026-11-20 in Kutai Kartanegara
    const QString byDate = caseWithVictim(f, {{u"name"_s, u"Putri Anggraini Lestari"_s},
                                              {u"birth_date"_s, u"2017-07-15"_s},
                                              {u"address_region"_s, u"64.02.11.2009"_s}});
    const QString byYear = caseWithVictim(f, {{u"name"_s, u"Putri Ayuningtyas"_s},
                                              {u"birth_year"_s, 2015},
                                              {u"address_region"_s, u"64.02.19.2002"_s}});
    const QString byEstimate = caseWithVictim(f, {{u"name"_s, u"Rahmawati"_s}, {u"age_estimate"_s, 12}});
    const auto subjects = f.session->subjects().forCases({byDate, byYear, byEstimate, u"no-such-case"_s});
    REQUIRE(subjects.ok());
    REQUIRE(subjects->size() == 3);

    const Core::CaseSubject &first = subjects->value(byDate);
    CHECK(first.shortName == u"Putri A. L.");
    CHECK(first.age == 9);
    CHECK_FALSE(first.ageApproximate);
    CHECK(first.victims == 1);
    CHECK(first.village == u"Sedulang");
    CHECK(first.kecamatan == u"Muara Kaman");

    // The other Sedulang, in another kecamatan: told apart by it.
    const Core::CaseSubject &second = subjects->value(byYear);
    CHECK(second.shortName == u"Putri A.");
    CHECK(second.age == 11);
    CHECK(second.ageApproximate);
    CHECK(second.village == u"Sedulang");
    CHECK(second.kecamatan != first.kecamatan);
    CHECK_FALSE(second.kecamatan.isEmpty());

    // No address: the place is the incident's (Jahab, Tenggarong).
    const Core::CaseSubject &third = subjects->value(byEstimate);
    CHECK(third.shortName == u"Rahmawati");
    CHECK(third.age == 12);
    CHECK(third.ageApproximate);
    CHECK(third.village == u"Jahab");
    CHECK(third.kecamatan == u"Tenggarong");
}

TEST_CASE("a case without a victim has a place and no name", "[core][casesubject]")
{
    Test::ProfileFixture f;
    Core::CaseDraft draft = Test::sampleDraft();
    draft.parties.removeFirst();
    draft.parties.first().link.remove(u"relationship"_s);
    const auto kase = f.session->cases().create(draft);
    REQUIRE(kase.ok());
    const auto subject = f.session->subjects().forCase(kase->id);
    REQUIRE(subject.ok());
    CHECK(subject->shortName.isEmpty());
    CHECK_FALSE(subject->age.has_value());
    CHECK(subject->victims == 0);
    CHECK(subject->village == u"Jahab");
    CHECK(subject->kecamatan == u"Tenggarong");
    CHECK_FALSE(f.session->subjects().forCase(u"no-such-case"_s).ok());
}

TEST_CASE("reading subjects leaves no name on disk", "[core][casesubject][security]")
{
    Test::ProfileFixture f;
    const QString id = caseWithVictim(f, {{u"name"_s, u"Kartini Wulandari"_s}, {u"birth_year"_s, 2014}});
    for (int i = 0; i < 3; ++i) {
        const auto subject = f.session->subjects().forCase(id);
        REQUIRE(subject.ok());
        REQUIRE(subject->shortName == u"Kartini W.");
    }
    f.reopen(); // checkpoints and closes the WAL
    const QByteArray bytes = Test::readTree(f.dir.path());
    REQUIRE_FALSE(bytes.isEmpty());
    CHECK_FALSE(bytes.contains("Kartini"));
    CHECK_FALSE(bytes.contains("Wulandari"));
    CHECK_FALSE(bytes.contains("Kartini W."));
}
