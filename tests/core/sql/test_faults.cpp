// SPDX-License-Identifier: GPL-3.0-or-later
// Faults: fail the Nth write of an action, a full disk, a read-only store. Each gets a clear
// error and leaves nothing half-written.
#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/profile/session.h"
#include "core/sql/database.h"
#include "tests/support/fixtures.h"

#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

struct Counts
{
    qint64 rows = 0;
    qint64 ops = 0;
    bool operator==(const Counts &) const = default;
};

Counts counts(Core::Database &db)
{
    Counts c;
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(u"SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM persons) + "
                   "(SELECT count(*) FROM case_persons) + (SELECT count(*) FROM risk_assessments) + "
                   "(SELECT count(*) FROM status_changes) + (SELECT count(*) FROM visits), "
                   "(SELECT count(*) FROM change_ops)"_s));
    REQUIRE(q.next());
    c.rows = q.value(0).toLongLong();
    c.ops = q.value(1).toLongLong();
    return c;
}

} // namespace

TEST_CASE("failing any single write of an intake leaves nothing behind", "[core][faults]")
{
    Test::ProfileFixture f;
    REQUIRE(f.session->cases().create(Test::sampleDraft()).ok());
    Core::Database &db = f.profile->database();
    const Counts before = counts(db);
    const qint64 seq = f.profile->changeLog().lastSeq();
    int failures = 0;
    for (int n = 0;; ++n) {
        db.faults().failAfter(n);
        const auto created = f.session->cases().create(Test::sampleDraft());
        db.faults().disarm();
        if (created.ok())
            break; // n is past the action's last write
        ++failures;
        CHECK(created.error().code == Core::Error::Code::StoreUnavailable);
        INFO("fault at write " << n);
        REQUIRE(counts(db) == before);
        REQUIRE(f.profile->changeLog().lastSeq() == seq);
    }
    CHECK(failures > 40); // every row and op write of the intake was tried
    CHECK(counts(db).rows == before.rows * 2);
}

TEST_CASE("a full disk refuses the action with a clear error and keeps earlier work", "[core][faults]")
{
    Test::ProfileFixture f;
    const auto first = f.session->cases().create(Test::sampleDraft());
    REQUIRE(first.ok());
    Core::Database &db = f.profile->database();
    const Counts before = counts(db);
    // SQLite's own limit on the file size produces the real SQLITE_FULL path.
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(u"PRAGMA page_count"_s));
    REQUIRE(q.next());
    const qint64 pages = q.value(0).toLongLong();
    REQUIRE(q.exec(u"PRAGMA max_page_count = %1"_s.arg(pages)));
    q.finish();
    auto draft = Test::sampleDraft();
    draft.fields[u"narrative"_s] = QString(90000, u'n');
    Core::Result<Core::Record> created = f.session->cases().create(draft);
    for (int i = 0; i < 50 && created.ok(); ++i)
        created = f.session->cases().create(draft);
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().code == Core::Error::Code::StoreUnavailable);
    CHECK(created.error().reason == Core::Error::Reason::DiskFull);
    // The first case is intact and readable.
    CHECK(f.session->cases().load(first->id).ok());
    REQUIRE(q.exec(u"PRAGMA integrity_check"_s));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == u"ok");
    CHECK(counts(db).ops >= before.ops);
}

TEST_CASE("a read-only store refuses writes before anything is written", "[core][faults]")
{
    Test::ProfileFixture f;
    const auto first = f.session->cases().create(Test::sampleDraft());
    REQUIRE(first.ok());
    const QString path = f.profile->database().path();
    f.session.reset();
    f.profile.reset();
    auto db = Core::Database::open(path, Core::Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    QSqlQuery q((*db)->connection());
    CHECK_FALSE(q.exec(u"INSERT INTO meta (key, value) VALUES ('x', 'y')"_s));
    const Core::Error e = Core::Database::errorFrom(q);
    CHECK(e.code == Core::Error::Code::StoreUnavailable);
    CHECK(e.reason == Core::Error::Reason::ReadOnly);
}
