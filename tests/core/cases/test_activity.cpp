// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/cases/recordreader.h"
#include "core/cases/worklist.h"
#include "core/changelog/schema.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("a visit with a GPS fix is stored encrypted and read back", "[core][activity]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    const QVariantMap fix{{u"lat"_s, -0.48969},
                          {u"lng"_s, 116.93834},
                          {u"accuracy_m"_s, 12.5},
                          {u"fix_time"_s, Test::fixedNowMs - 30'000}};
    const auto visit = f.session->activities().add(u"visit", kase->id,
                                                   {{u"region_code"_s, u"64.02.06.1001"_s},
                                                    {u"location"_s, fix},
                                                    {u"location_source"_s, u"gps_system"_s},
                                                    {u"purpose"_s, u"outreach"_s},
                                                    {u"notes"_s, u"Korban ditemui bersama nenek"_s}});
    REQUIRE(visit.ok());
    const auto file = f.session->cases().load(kase->id);
    REQUIRE(file.ok());
    const auto visits = file->children.value(u"visit"_s);
    REQUIRE(visits.size() == 1);
    const QVariantMap stored = visits.first().value(u"location"_s).toMap();
    CHECK(stored.value(u"lat"_s).toDouble() == Approx(-0.48969));
    CHECK(stored.value(u"accuracy_m"_s).toDouble() == Approx(12.5));
    CHECK(visits.first().value(u"visited_at"_s).toLongLong() == Test::fixedNowMs);
}

TEST_CASE("a visit with an impossible coordinate is refused", "[core][activity][validation]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    const auto visit = f.session->activities().add(
        u"visit", kase->id, {{u"location"_s, QVariantMap{{u"lat"_s, 120.0}, {u"lng"_s, 0.0}}}});
    REQUIRE_FALSE(visit.ok());
    CHECK(visit.error().field == u"location");
}

TEST_CASE("a referral moves referred, accepted, completed and not backwards", "[core][activity]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    const auto service = f.session->activities().add(
        u"service", kase->id,
        {{u"service_type"_s, u"forensic_exam"_s}, {u"provider"_s, u"RSUD A.M. Parikesit"_s}});
    REQUIRE(service.ok());
    CHECK(service->text(u"status"_s) == u"referred");
    CHECK(service->text(u"referred_on"_s) == u"2026-11-20");
    REQUIRE(f.session->activities().update(u"service", service->id, {{u"status"_s, u"accepted"_s}}).ok());
    REQUIRE(f.session->activities().update(u"service", service->id, {{u"status"_s, u"completed"_s}}).ok());
    const Core::Status back
        = f.session->activities().update(u"service", service->id, {{u"status"_s, u"referred"_s}});
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().code == Core::Error::Code::Conflict);
    const auto stored = f.session->reader().find(*Core::Schema::entity(u"service"), service->id);
    REQUIRE(stored.ok());
    CHECK(stored->text(u"status"_s) == u"completed");
    CHECK(stored->text(u"completed_on"_s) == u"2026-11-20");
}

TEST_CASE("a new risk assessment updates the case's current risk in the same action", "[core][activity]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    REQUIRE(f.session->activities().add(u"risk_assessment", kase->id, {{u"level"_s, u"critical"_s}}).ok());
    const auto file = f.session->cases().load(kase->id);
    REQUIRE(file.ok());
    CHECK(file->kase.text(u"risk_level"_s) == u"critical");
    CHECK(file->children.value(u"risk_assessment"_s).size() == 2);
}

TEST_CASE("an entry for a case that does not exist is refused", "[core][activity]")
{
    Test::ProfileFixture f;
    const auto note = f.session->activities().add(u"note", u"0190f000-0000-7000-8000-000000000000"_s,
                                                  {{u"body"_s, u"x"_s}});
    REQUIRE_FALSE(note.ok());
    CHECK(note.error().code == Core::Error::Code::NotFound);
}

TEST_CASE("a GPS fix carries numbers only", "[core][activity][review]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    const auto extra = f.session->activities().add(
        u"visit", kase->id,
        {{u"location"_s, QVariantMap{{u"lat"_s, -0.4}, {u"lng"_s, 116.9}, {u"owner"_s, u"rumah Siti"_s}}}});
    CHECK(extra.error().field == u"location");
    const auto text = f.session->activities().add(
        u"visit", kase->id, {{u"location"_s, QVariantMap{{u"lat"_s, u"-0.4"_s}, {u"lng"_s, 116.9}}}});
    CHECK(text.error().field == u"location");
}

TEST_CASE("correcting an older risk assessment leaves the current level alone", "[core][activity][review]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft()); // first assessment: high
    REQUIRE(kase.ok());
    const QString first = f.session->cases().load(kase->id)->children.value(u"risk_assessment"_s).first().id;
    f.clock.advance(60'000);
    REQUIRE(f.session->activities().add(u"risk_assessment", kase->id, {{u"level"_s, u"low"_s}}).ok());
    REQUIRE(f.session->activities().update(u"risk_assessment", first, {{u"level"_s, u"medium"_s}}).ok());
    CHECK(f.session->cases().load(kase->id)->kase.text(u"risk_level"_s) == u"low");
}

TEST_CASE("the worklist shows overdue and today's follow-ups and urgent cases", "[core][activity][worklist]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft()); // risk high
    REQUIRE(kase.ok());
    REQUIRE(f.session->activities()
                .add(u"followup", kase->id,
                     {{u"due_on"_s, u"2026-11-18"_s}, {u"description"_s, u"Antar ke RSUD"_s}})
                .ok());
    REQUIRE(f.session->activities()
                .add(u"followup", kase->id,
                     {{u"due_on"_s, u"2026-11-20"_s}, {u"description"_s, u"Telepon ibu"_s}})
                .ok());
    const auto later = f.session->activities().add(
        u"followup", kase->id, {{u"due_on"_s, u"2026-12-01"_s}, {u"description"_s, u"Sidang"_s}});
    REQUIRE(later.ok());
    const auto due = f.session->worklist().followupsDue(); // 2026-11-20 in Kutai Kartanegara
    REQUIRE(due.ok());
    REQUIRE(due->size() == 2);
    CHECK(due->at(0).description == u"Antar ke RSUD");
    CHECK(due->at(0).overdue);
    CHECK(due->at(1).dueOn == QDate(2026, 11, 20));
    CHECK_FALSE(due->at(1).overdue);
    CHECK(due->at(0).caseNumber == kase->text(u"number"_s));
    REQUIRE(f.session->activities().update(u"followup", due->at(0).id, {{u"status"_s, u"done"_s}}).ok());
    CHECK(f.session->worklist().followupsDue()->size() == 1);
    const auto urgent = f.session->worklist().urgentCases();
    REQUIRE(urgent.ok());
    REQUIRE(urgent->size() == 1);
    CHECK(urgent->first().riskLevel == u"high");
}

TEST_CASE("urgent cases are Tinggi and Kritis together, never Kritis alone", "[core][activity][worklist]")
{
    Test::ProfileFixture f;
    const auto caseAt = [&f](const QString &level) {
        Core::CaseDraft draft = Test::sampleDraft();
        draft.risk->insert(u"level"_s, level);
        f.clock.advance(60'000);
        const auto kase = f.session->cases().create(draft);
        REQUIRE(kase.ok());
        return kase->id;
    };
    for (int i = 0; i < 4; ++i)
        caseAt(u"critical"_s);
    caseAt(u"medium"_s);
    caseAt(u"low"_s);
    // A long Kritis list does not push a Tinggi case (the child living next to her abuser) out
    // of a short list: both levels are one list, the latest first.
    const QString tinggi = caseAt(u"high"_s);
    const auto urgent = f.session->worklist().urgentCases(3);
    REQUIRE(urgent.ok());
    REQUIRE(urgent->size() == 3);
    CHECK(urgent->first().id == tinggi);
    CHECK(urgent->first().riskLevel == u"high");
    const auto all = f.session->worklist().urgentCases();
    REQUIRE(all.ok());
    CHECK(all->size() == 5); // Sedang and Rendah are not urgent
    for (const Core::UrgentCase &c : *all)
        CHECK((c.riskLevel == u"high" || c.riskLevel == u"critical"));
}

TEST_CASE("an assessment that departs from the suggested level needs a reason", "[core][activity][risk]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    const QVariantMap answers{{u"threat_to_kill"_s, u"yes"_s}, {u"weapon"_s, u"unknown"_s}};
    QVariantHash risk{{u"level"_s, u"medium"_s},
                      {u"suggested_level"_s, u"high"_s},
                      {u"instrument"_s, u"ppa-risk-2026.1"_s},
                      {u"answers"_s, answers}};
    const auto refused = f.session->activities().add(u"risk_assessment", kase->id, risk);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().field == u"override_reason");
    CHECK(refused.error().reason == Core::Error::Reason::Required);

    QVariantHash odd = risk;
    odd.insert(u"level"_s, u"high"_s);
    odd.insert(u"answers"_s, QVariantMap{{u"weapon"_s, u"maybe"_s}});
    CHECK(f.session->activities().add(u"risk_assessment", kase->id, odd).error().field == u"answers");

    risk.insert(u"override_reason"_s, u"Pelaku sudah ditahan polisi"_s);
    const auto added = f.session->activities().add(u"risk_assessment", kase->id, risk);
    REQUIRE(added.ok());
    const auto file = f.session->cases().load(kase->id);
    REQUIRE(file.ok());
    CHECK(file->kase.text(u"risk_level"_s) == u"medium");
    bool found = false;
    for (const Core::Record &r : file->children.value(u"risk_assessment"_s)) {
        if (r.id != added->id)
            continue;
        found = true;
        CHECK(r.value(u"answers"_s).toMap() == answers);
        CHECK(r.text(u"override_reason"_s) == u"Pelaku sudah ditahan polisi");
        CHECK(r.text(u"suggested_level"_s) == u"high");
    }
    CHECK(found);
}
