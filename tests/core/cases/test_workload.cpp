// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/cases/workload.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/sql/database.h"
#include "tests/support/fixtures.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// Assignments are written by the server and arrive as replicated ops; here the row is set as
// such an op leaves it.
void assign(Test::ProfileFixture &f, const QString &caseId, const QString &login)
{
    Core::Statement &update
        = f.profile->database().statement(u"UPDATE cases SET assigned_user = ? WHERE id = ?"_s);
    update.bind(1, login);
    update.bind(2, caseId);
    REQUIRE(update.exec().ok());
}

QString newCase(Test::ProfileFixture &f)
{
    const auto created = f.session->cases().create(Test::sampleDraft()); // risk high, status intake
    REQUIRE(created.ok());
    return created->id;
}

} // namespace

TEST_CASE("the workload counts each assignee's open cases, risks, overdue follow-ups and visits",
          "[core][cases][workload]")
{
    Test::ProfileFixture f(Core::Role::Supervisor);
    const QString a = newCase(f), b = newCase(f), c = newCase(f), d = newCase(f);
    assign(f, a, u"rina"_s);
    assign(f, b, u"rina"_s);
    assign(f, c, u"dewi"_s);
    assign(f, d, u"dewi"_s);
    Core::CaseDraft assess;
    assess.fields = {{u"status"_s, u"assessment"_s}};
    REQUIRE(f.session->cases().update(b, assess).ok());
    Core::CaseDraft lower;
    lower.fields = {{u"risk_level"_s, u"low"_s}};
    REQUIRE(f.session->cases().update(b, lower).ok());
    // Dewi's second case is closed: not open, so not counted, nor its follow-up.
    Core::Statement &close
        = f.profile->database().statement(u"UPDATE cases SET status = 'closed' WHERE id = ?"_s);
    close.bind(1, d);
    REQUIRE(close.exec().ok());
    Core::ActivityRepository &activities = f.session->activities();
    REQUIRE(activities.add(u"followup", a, {{u"due_on"_s, u"2026-11-18"_s}, {u"description"_s, u"Antar"_s}})
                .ok());
    REQUIRE(
        activities.add(u"followup", a, {{u"due_on"_s, u"2026-11-20"_s}, {u"description"_s, u"Hari ini"_s}})
            .ok());
    REQUIRE(
        activities.add(u"followup", c, {{u"due_on"_s, u"2026-11-01"_s}, {u"description"_s, u"Lama"_s}}).ok());
    REQUIRE(activities.add(u"visit", a, {{u"purpose"_s, u"outreach"_s}}).ok());

    const auto rows = Core::Workload(f.profile->database()).load(QDate(2026, 11, 20));
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    const Core::WorkloadRow &dewi = rows->at(0), &rina = rows->at(1);
    CHECK(dewi.assignee == u"dewi");
    CHECK(dewi.open == 1);
    CHECK(dewi.openByStatus.value(u"intake"_s) == 1);
    CHECK(dewi.highRisk == 1);
    CHECK(dewi.overdueFollowups == 1);
    CHECK(dewi.neverVisited == 1);
    CHECK(dewi.lastVisitAt == 0);
    CHECK(rina.assignee == u"rina");
    CHECK(rina.open == 2);
    CHECK(rina.openByStatus == QMap<QString, int>{{u"intake"_s, 1}, {u"assessment"_s, 1}});
    CHECK(rina.highRisk == 1); // b was lowered
    CHECK(rina.overdueFollowups == 1); // the one due today is not overdue yet
    CHECK(rina.neverVisited == 1);
    CHECK(rina.lastVisitAt == Test::fixedNowMs);
}
