// SPDX-License-Identifier: GPL-3.0-or-later
// One way to write an empty value and a date: "—", four-digit years, an Indonesian calendar.
#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"
#include "ui/common/entryform.h"
#include "ui/common/fieldlabels.h"
#include "ui/common/uitext.h"
#include "ui/visits/visitdialog.h"

#include <QCalendarWidget>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QScopeGuard>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("date editors show four-digit years and an Indonesian calendar", "[ui][dates][i18n]")
{
    const QLocale before;
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    UiText::useLocale(u"id"_s);
    CHECK(QLocale().language() == QLocale::Indonesian);

    Test::ProfileFixture f;
    EntryForm form(*f.session, u"plan_item"_s, {u"service_type"_s, u"description"_s, u"due_on"_s}, u"id"_s);
    auto *due = form.findChild<QDateEdit *>(u"plan_item_due_on"_s);
    REQUIRE(due);
    CHECK(due->displayFormat().contains(u"yyyy"_s));
    CHECK(due->text() == u"20/11/2026"); // today in Kutai Kartanegara
    REQUIRE(due->calendarPopup());
    QCalendarWidget *calendar = due->calendarWidget();
    REQUIRE(calendar);
    CHECK(calendar->locale().language() == QLocale::Indonesian);
    CHECK(calendar->locale().standaloneMonthName(8) == u"Agustus");
    CHECK(calendar->locale().dayName(1) == u"Senin");

    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    VisitDialog visit(*f.session, kase->id, u"id"_s, nullptr);
    auto *visitedAt = visit.findChild<QDateTimeEdit *>(u"visitedAtEdit"_s);
    REQUIRE(visitedAt);
    CHECK(visitedAt->text().startsWith(u"20/11/2026 11.00"_s));
    REQUIRE(visitedAt->calendarWidget());
    CHECK(visitedAt->calendarWidget()->locale().language() == QLocale::Indonesian);

    // English keeps its own calendar, with four-digit years as well.
    UiText::useLocale(u"en"_s);
    EntryForm english(*f.session, u"plan_item"_s, {u"due_on"_s}, u"en"_s);
    auto *dueEn = english.findChild<QDateEdit *>(u"plan_item_due_on"_s);
    REQUIRE(dueEn);
    CHECK(dueEn->text() == u"11/20/2026");
    CHECK(dueEn->calendarWidget()->locale().language() == QLocale::English);
}

TEST_CASE("an empty value is one dash everywhere", "[ui][empty]")
{
    Test::ProfileFixture f;
    CHECK(UiText::empty() == u"—");
    CHECK(UiText::orEmpty(u"  "_s) == UiText::empty());
    CHECK(UiText::orEmpty(u"Sekolah"_s) == u"Sekolah");
    CHECK(UiText::date(QDate(), QLocale(u"id"_s)) == UiText::empty());
    CHECK(UiText::date(QDate(2027, 1, 5), QLocale(u"id"_s)) == u"05/01/2027");
    CHECK(FieldLabels::value(*f.session, u"case"_s, u"incident_scene"_s, std::nullopt, u"id"_s)
          == UiText::empty());
    CHECK(FieldLabels::value(*f.session, u"case"_s, u"narrative"_s, QByteArray(""), u"id"_s)
          == UiText::empty());
}
