// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/profile/settings.h"
#include "tests/support/fixtures.h"
#include "ui/cases/caselistpage.h"
#include "ui/cases/caseworkspace.h"
#include "ui/home/homepage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigation.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// A case whose victim is `name` in `village`, at `risk`; with a visit when `visited`.
QString addCase(Test::ProfileFixture &f, const QString &name, const QString &village, const QString &risk,
                bool visited)
{
    Core::CaseDraft draft = Test::sampleDraft();
    draft.parties.first().person.insert(u"name"_s, name);
    draft.parties.first().person.insert(u"address_region"_s, village);
    draft.risk->insert(u"level"_s, risk);
    const auto kase = f.session->cases().create(draft);
    REQUIRE(kase.ok());
    if (visited) {
        REQUIRE(f.session->activities()
                    .add(u"visit", kase->id, {{u"region_code"_s, village}, {u"purpose"_s, u"outreach"_s}})
                    .ok());
    }
    return kase->id;
}

void addFollowup(Test::ProfileFixture &f, const QString &caseId, const QString &dueOn, const QString &what)
{
    REQUIRE(f.session->activities()
                .add(u"followup", caseId, {{u"due_on"_s, dueOn}, {u"description"_s, what}})
                .ok());
}

QString tileCount(QWidget &page, const QString &tile)
{
    auto *label = page.findChild<QLabel *>(tile + u"Count"_s);
    REQUIRE(label);
    return label->text();
}

void clickLine(QListWidget *list, int row)
{
    QListWidgetItem *item = list->item(row);
    REQUIRE(item);
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

// Today is Friday 2026-11-20 in Kutai Kartanegara (the fixture's clock).
struct Day
{
    Test::ProfileFixture f;
    QString critical, high, medium, waitingLow, waitingMedium;

    Day()
    {
        critical = addCase(f, u"Putri Anggraini"_s, u"64.02.11.2009"_s, u"critical"_s, true);
        high = addCase(f, u"Sri Wahyuni"_s, u"64.02.19.2002"_s, u"high"_s, true);
        medium = addCase(f, u"Dewi Lestari"_s, u"64.02.06.1001"_s, u"medium"_s, true);
        waitingLow = addCase(f, u"Ani Rahayu"_s, u"64.02.06.1002"_s, u"low"_s, false);
        waitingMedium = addCase(f, u"Budi Santoso"_s, u"64.02.06.1001"_s, u"medium"_s, false);
        addFollowup(f, critical, u"2026-11-15"_s, u"Antar ke RSUD untuk visum"_s);
        addFollowup(f, critical, u"2026-11-18"_s, u"Telepon ibu korban"_s);
        addFollowup(f, high, u"2026-11-20"_s, u"Dampingi BAP di Polsek"_s);
        addFollowup(f, medium, u"2026-11-21"_s, u"Kunjungan ke sekolah"_s);
        addFollowup(f, medium, u"2026-11-26"_s, u"Konseling kedua"_s);
        addFollowup(f, medium, u"2026-11-27"_s, u"Sidang"_s); // a week and a day: not this week
    }
};

} // namespace

TEST_CASE("the home page counts the day: overdue, today, this week, urgent, waiting, unsent", "[ui][home]")
{
    Day day;
    HomePage home(*day.f.session, u"en"_s);
    CHECK(tileCount(home, u"overdueTile"_s) == u"2");
    CHECK(tileCount(home, u"todayTile"_s) == u"1");
    CHECK(tileCount(home, u"weekTile"_s) == u"2");
    CHECK(tileCount(home, u"urgentTile"_s) == u"2"); // Tinggi and Kritis together
    CHECK(tileCount(home, u"waitingTile"_s) == u"2");
    const qint64 unsent = day.f.profile->changeLog().pendingCount().value();
    REQUIRE(unsent > 0);
    CHECK(tileCount(home, u"unsentTile"_s) == QString::number(unsent));

    // Lines say who and where; the most overdue first, "tomorrow" for tomorrow.
    auto *followups = home.findChild<QListWidget *>(u"followupList"_s);
    REQUIRE(followups);
    REQUIRE(followups->count() == 5);
    CHECK(followups->item(0)->text().startsWith(
        u"5 day(s) overdue · Putri A., 14 yr(s) · Sedulang, Muara Kaman"));
    CHECK(followups->item(0)->text().endsWith(u"Antar ke RSUD untuk visum"));
    CHECK(followups->item(2)->text().startsWith(u"today · Sri W."));
    CHECK(followups->item(3)->text().startsWith(u"tomorrow · Dewi L."));
    auto *urgent = home.findChild<QListWidget *>(u"urgentList"_s);
    REQUIRE(urgent);
    REQUIRE(urgent->count() == 2);
    CHECK(urgent->item(0)->text().startsWith(u"Critical · Putri A."));
    CHECK(urgent->item(1)->text().startsWith(u"High · Sri W., 14 yr(s) · Sedulang, Kota Bangun Darat"));
    auto *waiting = home.findChild<QListWidget *>(u"waitingList"_s);
    REQUIRE(waiting);
    REQUIRE(waiting->count() == 2);
    CHECK(waiting->item(0)->text().startsWith(u"Budi S., 14 yr(s) · Jahab, Tenggarong")); // medium before low

    // A follow-up done leaves the counts at the next refresh.
    day.f.clock.advance(qint64(24) * 3600 * 1000); // Saturday: today's is overdue, tomorrow's is today
    home.refresh();
    CHECK(tileCount(home, u"overdueTile"_s) == u"3");
    CHECK(tileCount(home, u"todayTile"_s) == u"1");
    CHECK(tileCount(home, u"weekTile"_s) == u"2");
}

TEST_CASE("a home page line opens its case on the tab it is about", "[ui][home]")
{
    Day day;
    Core::Settings settings(day.f.profile->settingsPath());
    MainWindow window(*day.f.session, settings, u"en"_s, nullptr);
    window.resize(1366, 768);
    window.show();
    auto *workspace = window.findChild<CaseWorkspace *>();
    auto *tabs = window.findChild<QTabWidget *>(u"caseTabs"_s);
    REQUIRE(workspace);
    REQUIRE(tabs);
    const auto opens = [&](const QString &list, int row, const QString &caseId, CaseWorkspace::Tab tab) {
        window.showPage(Navigation::home);
        auto *widget = window.findChild<QListWidget *>(list);
        REQUIRE(widget);
        clickLine(widget, row);
        CHECK(window.currentPage() == Navigation::caseFile);
        CHECK(workspace->caseId() == caseId);
        CHECK(tabs->currentIndex() == int(tab));
    };
    opens(u"followupList"_s, 2, day.high, CaseWorkspace::Tab::Followups);
    opens(u"urgentList"_s, 0, day.critical, CaseWorkspace::Tab::Risk);
    opens(u"waitingList"_s, 1, day.waitingLow, CaseWorkspace::Tab::Visits);
    CHECK(tabs->tabText(int(CaseWorkspace::Tab::Followups)) != tabs->tabText(int(CaseWorkspace::Tab::Risk)));

    // A tile opens the case list with just its cases.
    window.showPage(Navigation::home);
    auto *tile = window.findChild<QPushButton *>(u"urgentTile"_s);
    REQUIRE(tile);
    QTest::mouseClick(tile, Qt::LeftButton);
    CHECK(window.currentPage() == Navigation::cases);
    auto *table = window.findChild<QTableView *>(u"caseTable"_s);
    REQUIRE(table);
    CHECK(table->model()->rowCount() == 2);
    auto *preset = window.findChild<QLabel *>(u"presetLabel"_s);
    REQUIRE(preset);
    CHECK(preset->isVisible());
    QTest::mouseClick(window.findChild<QPushButton *>(u"presetClearButton"_s), Qt::LeftButton);
    CHECK_FALSE(preset->isVisible());
    CHECK(table->model()->rowCount() == 5);
}

TEST_CASE("a long list shows a few lines and opens the rest in the case list", "[ui][home]")
{
    Test::ProfileFixture f;
    QStringList ids;
    for (int i = 0; i < HomePage::maxLines + 3; ++i)
        ids << addCase(f, u"Anak %1"_s.arg(QChar(u'A' + i)), u"64.02.06.1001"_s, u"low"_s, false);
    HomePage home(*f.session, u"en"_s);
    home.show();
    QSignalSpy requested(&home, &HomePage::casesRequested);
    auto *waiting = home.findChild<QListWidget *>(u"waitingList"_s);
    REQUIRE(waiting);
    REQUIRE(waiting->count() == HomePage::maxLines + 1);
    CHECK(waiting->item(HomePage::maxLines)->text() == u"and 3 more…");
    clickLine(waiting, HomePage::maxLines);
    REQUIRE(requested.size() == 1);
    QStringList requestedIds = requested.at(0).at(1).toStringList();
    requestedIds.sort();
    ids.sort();
    CHECK(requestedIds == ids);
}
