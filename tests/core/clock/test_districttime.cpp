// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/cases/worklist.h"
#include "core/changelog/schema.h"
#include "core/clock/districttime.h"
#include "core/domain/validator.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Core::DistrictTime;
using Zone = Core::DistrictTime::Zone;

namespace {

// 2026-12-31 16:30 UTC: 23:30 on New Year's Eve in WIB, but already 2027 in WITA (00:30) and
// WIT (01:30).
constexpr qint64 newYearWita = 1798734600000;
// An hour earlier: 23:30 WITA, still 2026 everywhere but in WIT (00:30).
constexpr qint64 lastHourWita = newYearWita - 3'600'000;

// One district per zone: Jakarta Pusat (WIB), Kutai Kartanegara (WITA), Kota Jayapura (WIT).
const QString wibDistrict = u"31.71"_s;
const QString witaDistrict = u"64.02"_s;
const QString witDistrict = u"91.71"_s;

std::unique_ptr<Test::ProfileFixture> profileIn(const QString &district, qint64 nowMs)
{
    auto f = std::make_unique<Test::ProfileFixture>(Core::Role::Caseworker, false, u"siti.caseworker"_s,
                                                    district);
    f->clock.set(nowMs);
    return f;
}

Core::Status checkIncidentOn(const Core::Session &session, const QString &date)
{
    QVariantHash values{{u"incident_on"_s, date}};
    return session.validator().validate(*Core::Schema::entity(u"case"), values, false);
}

} // namespace

TEST_CASE("a district code gives its province's zone", "[core][districttime]")
{
    const DistrictTime kukar(u"64.02");
    CHECK(kukar.zone() == Zone::Wita);
    CHECK(kukar.offsetSeconds() == 8 * 3600);
    CHECK(kukar.timeZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(newYearWita)) == 8 * 3600);
    CHECK(kukar.label() == u"WITA");
    CHECK(DistrictTime(u"64.08").zone() == Zone::Wita); // Kutai Timur
    CHECK(DistrictTime(u"64.01").zone() == Zone::Wita); // Paser

    const DistrictTime jakarta(wibDistrict);
    CHECK(jakarta.zone() == Zone::Wib);
    CHECK(jakarta.offsetSeconds() == 7 * 3600);
    CHECK(jakarta.label() == u"WIB");
    CHECK(DistrictTime(u"61.71").zone() == Zone::Wib); // Pontianak: Kalimantan, but WIB

    const DistrictTime jayapura(witDistrict);
    CHECK(jayapura.zone() == Zone::Wit);
    CHECK(jayapura.offsetSeconds() == 9 * 3600);
    CHECK(jayapura.label() == u"WIT");

    // A village code and a NIK name their province the same way.
    CHECK(DistrictTime(u"64.02.06.1001").zone() == Zone::Wita);
    CHECK(DistrictTime(u"9171010101900001").zone() == Zone::Wit);
}

TEST_CASE("every province of the shipped regions has a zone", "[core][districttime]")
{
    const QList<Core::Region> provinces = Test::regions().children(u"");
    REQUIRE(provinces.size() == 38);
    QHash<Zone, int> perZone;
    for (const Core::Region &province : provinces) {
        const std::optional<Zone> zone = DistrictTime::zoneOf(province.code);
        INFO(province.code.toStdString());
        REQUIRE(zone.has_value());
        ++perZone[*zone];
    }
    // Sumatra 10, Java 6, Kalimantan Barat and Tengah; Bali, the Nusa Tenggaras, three
    // Kalimantans, six Sulawesis; Maluku 2, Papua 6.
    CHECK(perZone.value(Zone::Wib) == 18);
    CHECK(perZone.value(Zone::Wita) == 12);
    CHECK(perZone.value(Zone::Wit) == 8);
}

TEST_CASE("an unknown district code falls back to WIB", "[core][districttime]")
{
    for (const QString &code : {u"99.01"_s, u"20"_s, u""_s, u"6"_s, u"6x.02"_s, u"64-02"_s, u"Kukar"_s}) {
        INFO(code.toStdString());
        CHECK_FALSE(DistrictTime::zoneOf(code).has_value());
        CHECK(DistrictTime(code).zone() == Zone::Wib);
    }
}

TEST_CASE("today turns over at the district's midnight", "[core][districttime]")
{
    Core::FixedClock clock(newYearWita);
    CHECK(DistrictTime(wibDistrict).today(clock) == QDate(2026, 12, 31));
    CHECK(DistrictTime(witaDistrict).today(clock) == QDate(2027, 1, 1));
    CHECK(DistrictTime(witDistrict).today(clock) == QDate(2027, 1, 1));
    CHECK(DistrictTime(witaDistrict).dateTime(newYearWita).time() == QTime(0, 30));
    CHECK(DistrictTime(witDistrict).dateTime(newYearWita).time() == QTime(1, 30));
    CHECK(DistrictTime(wibDistrict).dateTime(newYearWita).time() == QTime(23, 30));

    clock.set(lastHourWita);
    CHECK(DistrictTime(wibDistrict).today(clock) == QDate(2026, 12, 31));
    CHECK(DistrictTime(witaDistrict).today(clock) == QDate(2026, 12, 31));
    CHECK(DistrictTime(witDistrict).today(clock) == QDate(2027, 1, 1));
}

TEST_CASE("a time is shown in the district's zone, with its name", "[core][districttime]")
{
    const QLocale indonesian(QLocale::Indonesian, QLocale::Indonesia);
    const QString shown = DistrictTime(witaDistrict).display(newYearWita, indonesian);
    CHECK(shown.endsWith(u" WITA"));
    CHECK(shown.contains(indonesian.toString(QTime(0, 30), QLocale::ShortFormat)));
    CHECK(shown.startsWith(u"01/01/2027 "));
    CHECK(DistrictTime(witaDistrict).display(newYearWita + 59'999, indonesian) == shown); // no seconds
    CHECK(DistrictTime::dateFormat(indonesian).contains(u"yyyy"));
    CHECK(DistrictTime::dateFormat(QLocale(QLocale::English, QLocale::UnitedStates)).count(u'y') == 4);
    CHECK(DistrictTime(wibDistrict).display(newYearWita, indonesian).endsWith(u" WIB"));
}

TEST_CASE("the profile and its session reckon in the profile's district", "[core][districttime]")
{
    const auto f = profileIn(witaDistrict, newYearWita);
    CHECK(f->profile->districtTime().zone() == Zone::Wita);
    CHECK(f->session->validator().today() == QDate(2027, 1, 1));
    const auto jakarta = profileIn(wibDistrict, newYearWita);
    CHECK(jakarta->profile->districtTime().zone() == Zone::Wib);
    CHECK(jakarta->session->validator().today() == QDate(2026, 12, 31));
}

TEST_CASE("a case number carries the district's year", "[core][districttime][cases]")
{
    // 23:30 WITA on New Year's Eve, then 00:30: the sequence starts again in the new year.
    const auto kukar = profileIn(witaDistrict, lastHourWita);
    const auto late = kukar->session->cases().create(Test::sampleDraft());
    REQUIRE(late.ok());
    CHECK(late->text(u"number"_s).endsWith(u"-2026-0001"));
    kukar->clock.set(newYearWita);
    const auto early = kukar->session->cases().create(Test::sampleDraft());
    REQUIRE(early.ok());
    CHECK(early->text(u"number"_s).endsWith(u"-2027-0001"));

    // The same instant is still 2026 in WIB and already 2027 in WIT.
    const auto jakarta = profileIn(wibDistrict, newYearWita);
    const auto inJakarta = jakarta->session->cases().create(Test::sampleDraft());
    REQUIRE(inJakarta.ok());
    CHECK(inJakarta->text(u"number"_s).endsWith(u"-2026-0001"));
    const auto jayapura = profileIn(witDistrict, lastHourWita);
    const auto inJayapura = jayapura->session->cases().create(Test::sampleDraft());
    REQUIRE(inJayapura.ok());
    CHECK(inJayapura->text(u"number"_s).endsWith(u"-2027-0001"));
}

TEST_CASE("a date is in the future by the district's calendar", "[core][districttime][validation]")
{
    // 23:30 WITA: tomorrow (1 January) has not begun in Kutai Kartanegara.
    const auto kukar = profileIn(witaDistrict, lastHourWita);
    const Core::Status tomorrow = checkIncidentOn(*kukar->session, u"2027-01-01"_s);
    REQUIRE_FALSE(tomorrow.ok());
    CHECK(tomorrow.error().field == u"incident_on");
    CHECK(checkIncidentOn(*kukar->session, u"2026-12-31"_s).ok());

    // Through the repository: a referral dated tomorrow is refused, today's is kept.
    const auto kase = kukar->session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    const auto early = kukar->session->activities().add(
        u"service", kase->id, {{u"service_type"_s, u"forensic_exam"_s}, {u"referred_on"_s, u"2027-01-01"_s}});
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().field == u"referred_on");

    // An hour later it is 1 January in Kutai Kartanegara: the same date is accepted, and a
    // referral without a date is dated 1 January.
    kukar->clock.set(newYearWita);
    CHECK(checkIncidentOn(*kukar->session, u"2027-01-01"_s).ok());
    const auto referred
        = kukar->session->activities().add(u"service", kase->id, {{u"service_type"_s, u"forensic_exam"_s}});
    REQUIRE(referred.ok());
    CHECK(referred->text(u"referred_on"_s) == u"2027-01-01");

    // At that instant it is 23:30 in Jakarta: 1 January is still the future there.
    const auto jakarta = profileIn(wibDistrict, newYearWita);
    CHECK_FALSE(checkIncidentOn(*jakarta->session, u"2027-01-01"_s).ok());
    CHECK(checkIncidentOn(*jakarta->session, u"2026-12-31"_s).ok());
}

TEST_CASE("the worklist's today and overdue are the district's", "[core][districttime][worklist]")
{
    const auto addFollowups = [](Test::ProfileFixture &f) {
        const auto kase = f.session->cases().create(Test::sampleDraft());
        REQUIRE(kase.ok());
        for (const QString &due : {u"2026-12-31"_s, u"2027-01-01"_s, u"2027-01-02"_s})
            REQUIRE(
                f.session->activities()
                    .add(u"followup", kase->id, {{u"due_on"_s, due}, {u"description"_s, u"Telepon ibu"_s}})
                    .ok());
    };

    // 00:30 WITA on 1 January: New Year's Eve's follow-up is overdue, New Year's Day's is due.
    const auto kukar = profileIn(witaDistrict, newYearWita);
    addFollowups(*kukar);
    const auto due = kukar->session->worklist().followupsDue();
    REQUIRE(due.ok());
    REQUIRE(due->size() == 2);
    CHECK(due->at(0).dueOn == QDate(2026, 12, 31));
    CHECK(due->at(0).overdue);
    CHECK(due->at(1).dueOn == QDate(2027, 1, 1));
    CHECK_FALSE(due->at(1).overdue);

    // 23:30 WIB on 31 December: only New Year's Eve's is due, and it is not overdue yet.
    const auto jakarta = profileIn(wibDistrict, newYearWita);
    addFollowups(*jakarta);
    const auto dueInJakarta = jakarta->session->worklist().followupsDue();
    REQUIRE(dueInJakarta.ok());
    REQUIRE(dueInJakarta->size() == 1);
    CHECK(dueInJakarta->at(0).dueOn == QDate(2026, 12, 31));
    CHECK_FALSE(dueInJakarta->at(0).overdue);

    // The case list's overdue filter takes the district's today too (the caller passes it).
    Core::CaseFilter overdue;
    overdue.overdueOn = kukar->profile->districtTime().today(kukar->clock).toString(Qt::ISODate);
    CHECK(kukar->session->cases().list(overdue)->size() == 1);
    overdue.overdueOn = jakarta->profile->districtTime().today(jakarta->clock).toString(Qt::ISODate);
    CHECK(jakarta->session->cases().list(overdue)->isEmpty());
}
