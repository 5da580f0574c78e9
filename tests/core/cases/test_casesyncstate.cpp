// SPDX-License-Identifier: GPL-3.0-or-later
// Every case's sync state at once: unsent ops per case, open conflicts and refusals, the rule
// that orders them, and the ids a list's filter shows.
#include "core/cases/caserepository.h"
#include "core/cases/casesyncstate.h"
#include "core/changelog/changelog.h"
#include "core/profile/session.h"
#include "core/replication/replicator.h"
#include "core/sql/database.h"
#include "tests/support/fixtures.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Kind = Core::CaseSyncState::Kind;

namespace {

qint64 scalar(Test::ProfileFixture &f, const QString &sql, const QString &bind)
{
    Core::Statement &q = f.profile->changeLog().database().statement(sql);
    q.bind(1, bind);
    REQUIRE(q.next());
    const qint64 value = q.int64(0);
    q.reset();
    return value;
}

} // namespace

TEST_CASE("the sync state of every case: unsent changes, conflicts, refusals", "[core][cases][sync]")
{
    Test::ProfileFixture f;
    Core::ChangeLog &log = f.profile->changeLog();
    const QString older = f.session->cases().create(Test::sampleDraft()).value().id;
    f.clock.advance(60'000);
    const QString newer = f.session->cases().create(Test::sampleDraft()).value().id;
    Core::CaseSyncStates states(log);

    // Nothing sent yet: both pending, with as many unsent ops as the change log holds for each.
    Core::Result<QHash<QString, Core::CaseSyncState>> all = states.all();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    for (const QString &id : {older, newer}) {
        const qint64 ops = scalar(f, u"SELECT count(*) FROM change_ops WHERE case_id = ?"_s, id);
        CHECK(ops > 0);
        CHECK(all->value(id).unsent == ops);
        CHECK(all->value(id).kind() == Kind::Pending);
        CHECK(states.forCase(id).value().unsent == ops);
    }
    CHECK(states.casesIn(*all, Kind::Pending).value() == QStringList{newer, older}); // most recent first
    CHECK(states.casesIn(*all, Kind::Refused).value().isEmpty());

    // The server acknowledged everything up to the last op of the older case: it is synced.
    const qint64 lastOfOlder = scalar(f, u"SELECT max(site_seq) FROM change_ops WHERE case_id = ?"_s, older);
    REQUIRE(lastOfOlder < scalar(f, u"SELECT min(site_seq) FROM change_ops WHERE case_id = ?"_s, newer));
    REQUIRE(log.setMeta(u"acked_through"_s, QString::number(lastOfOlder)).ok());
    all = states.all();
    CHECK_FALSE(all->contains(older));
    CHECK(states.forCase(older).value().kind() == Kind::Synced);
    CHECK(states.casesIn(*all, Kind::Pending).value() == QStringList{newer});

    // The server refused one op of the older case: kept as a "rejected" conflict, the case refused.
    REQUIRE(Core::Replicator(log).recordRejection(lastOfOlder, u"out_of_scope"_s).ok());
    all = states.all();
    CHECK(all->value(older).refused == 1);
    CHECK(all->value(older).conflicts == 0);
    CHECK(all->value(older).kind() == Kind::Refused);
    CHECK(states.forCase(older).value().refused == 1);
    CHECK(states.casesIn(*all, Kind::Refused).value() == QStringList{older});

    // The generation moves on with every change of a state, and only then.
    const QString before = states.generation().value();
    CHECK(states.generation().value() == before);
    REQUIRE(Core::Replicator(log).recordRejection(lastOfOlder - 1, u"out_of_scope"_s).ok());
    const QString refusedAgain = states.generation().value();
    CHECK(refusedAgain != before);
    REQUIRE(log.setMeta(u"acked_through"_s, QString::number(lastOfOlder + 1)).ok());
    CHECK(states.generation().value() != refusedAgain);

    // A refusal outranks unsent changes, a conflict outranks them too.
    Core::CaseSyncState both{3, 1, 0};
    CHECK(both.kind() == Kind::Conflict);
    both.refused = 1;
    CHECK(both.kind() == Kind::Refused);

    // A deleted case is no longer listed by the filter.
    REQUIRE(f.session->cases().setDeleted(newer, true).ok());
    CHECK(states.casesIn(states.all().value(), Kind::Pending).value().isEmpty());
}
