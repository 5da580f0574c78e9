// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/caserepository.h"
#include "core/cases/responseclock.h"
#include "core/clock/districttime.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"

#include <QDateTime>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("the response clock starts when the report was received, else with the reported day",
          "[core][cases]")
{
    const Core::DistrictTime wita(u"64.02");
    // 18 November 2026, 09:15 WITA.
    const qint64 received = QDateTime(QDate(2026, 11, 18), QTime(9, 15), wita.timeZone()).toMSecsSinceEpoch();
    CHECK(Core::responseStartMs({{u"reported_on"_s, u"2026-11-18"_s}, {u"received_at"_s, received}}, wita)
          == received);
    // Without a time: midnight of the reported day in the district, 16:00 UTC the day before.
    const std::optional<qint64> dayOnly = Core::responseStartMs({{u"reported_on"_s, u"2026-11-18"_s}}, wita);
    REQUIRE(dayOnly);
    CHECK(QDateTime::fromMSecsSinceEpoch(*dayOnly, QTimeZone::utc())
          == QDateTime(QDate(2026, 11, 17), QTime(16, 0), QTimeZone::utc()));
    CHECK_FALSE(Core::responseStartMs({}, wita));
}

TEST_CASE("a case keeps the time its report was received", "[core][cases]")
{
    Test::ProfileFixture f;
    Core::CaseDraft draft = Test::sampleDraft();
    const qint64 received = Test::fixedNowMs - 3 * 3600 * 1000;
    draft.fields.insert(u"received_at"_s, received);
    const Core::Result<Core::Record> created = f.session->cases().create(draft);
    REQUIRE(created.ok());
    const Core::Result<Core::CaseFile> file = f.session->cases().load(created->id);
    REQUIRE(file.ok());
    CHECK(file->kase.value(u"received_at"_s).toLongLong() == received);
    CHECK(Core::responseStartMs(file->kase.fields, f.profile->districtTime()) == received);
}
