// SPDX-License-Identifier: GPL-3.0-or-later
// The sync as a person watching it lives it: progress reports, cancelling and resuming, the
// history of the last syncs, the clock skew, and a server that asks the laptop to slow down.
// Against the real server library in this process (tests/e2e runs the real dampingi-server).
#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/sql/database.h"
#include "sync/client/syncclient.h"
#include "sync/wire.h"
#include "tests/support/fixtures.h"
#include "tests/support/localdistrict.h"
#include "tests/support/replicas.h"

#include <QCborArray>
#include <QCborMap>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Phase = Sync::SyncProgress::Phase;

namespace {

// Ops of the laptop's change log, and (site, seq) pairs held more than once.
std::pair<qint64, qint64> opCounts(Test::ProfileFixture &f)
{
    QSqlQuery q(f.profile->database().connection());
    REQUIRE(q.exec(u"SELECT COUNT(*), (SELECT COUNT(*) FROM (SELECT 1 FROM change_ops GROUP BY site_id, "
                   "site_seq HAVING COUNT(*) > 1)) FROM change_ops"_s));
    REQUIRE(q.next());
    return {q.value(0).toLongLong(), q.value(1).toLongLong()};
}

void addCases(Test::ProfileFixture &f, int n)
{
    for (int i = 0; i < n; ++i)
        REQUIRE(f.session->cases().create(Test::sampleDraft()).ok());
}

// The district's link, answering every push with 429 (Retry-After: 0.1 s) while `refusing`.
class BusyLink final : public Sync::Transport
{
public:
    explicit BusyLink(Sync::Transport &inner)
        : m_inner(inner)
    { }

    Core::Result<Sync::Response> post(const char *endpoint, const QByteArray &bearer,
                                      const QByteArray &page) override
    {
        if (refusing && qstrcmp(endpoint, Sync::Endpoint::push) == 0) {
            ++refused;
            return Sync::Response{429, {}, 100};
        }
        return m_inner.post(endpoint, bearer, page);
    }

    bool refusing = true;
    int refused = 0;

private:
    Sync::Transport &m_inner;
};

} // namespace

TEST_CASE("a sync cancelled mid-pull resumes: every op is applied once, as on a laptop that never stopped",
          "[sync][client][progress]")
{
    Test::LocalDistrict district;
    Test::ProfileFixture siti{Core::Role::Caseworker, false, u"siti"_s};
    Test::ProfileFixture spvA{Core::Role::Supervisor, false, u"ani"_s};
    Test::ProfileFixture spvB{Core::Role::Supervisor, false, u"rudi"_s};
    district.enroll(siti);
    district.enroll(spvA, u"supervisor"_s);
    district.enroll(spvB, u"supervisor"_s);
    addCases(siti, 12);
    district.sync(siti);

    std::atomic_bool cancel = false;
    int sleeps = 0;
    {
        Sync::SyncClient client(*spvA.profile, *district.transport);
        client.pullPage = 100;
        client.setCancelFlag(&cancel);
        client.setProgress([&](const Sync::SyncProgress &p) {
            if (p.phase == Phase::Receiving && p.done >= 200)
                cancel = true; // the person presses Cancel while pages arrive
        });
        const Core::Result<Sync::SyncSummary> stopped = client.sync(5, [&](int) { ++sleeps; });
        REQUIRE_FALSE(stopped.ok());
        CHECK(stopped.error().code == Core::Error::Code::Unreachable);
        CHECK(stopped.error().reason == Core::Error::Reason::Cancelled);
    }
    CHECK(sleeps == 0); // a cancelled run is not retried
    const QList<Sync::SyncRecord> afterCancel = Sync::SyncClient::history(spvA.profile->changeLog()).value();
    REQUIRE(afterCancel.size() == 1);
    CHECK(afterCancel.first().cancelled);
    CHECK_FALSE(afterCancel.first().ok);
    const int pulledBefore = afterCancel.first().summary.pulled;
    CHECK(pulledBefore >= 200);
    const qint64 heldAtCancel = opCounts(spvA).first;

    const Sync::SyncSummary resumed = district.sync(spvA);
    const Sync::SyncSummary whole = district.sync(spvB);
    CHECK(resumed.pulled > 0);
    CHECK(pulledBefore + resumed.pulled == whole.pulled);
    CHECK(heldAtCancel < opCounts(spvB).first);
    CHECK(opCounts(spvA) == opCounts(spvB));
    CHECK(opCounts(spvA).second == 0);
    CHECK(Test::replicaDigest(*spvA.profile).toStdString()
          == Test::replicaDigest(*spvB.profile).toStdString());
}

TEST_CASE("progress goes through the phases in order with honest counts and bytes",
          "[sync][client][progress]")
{
    Test::LocalDistrict district;
    Test::ProfileFixture siti{Core::Role::Caseworker, false, u"siti"_s};
    Test::ProfileFixture spv{Core::Role::Supervisor, false, u"ani"_s};
    district.enroll(siti);
    district.enroll(spv, u"supervisor"_s);
    addCases(siti, 20);
    const qint64 pending = siti.profile->changeLog().pendingCount().value();

    QList<Sync::SyncProgress> reports;
    Sync::SyncClient client(*siti.profile, *district.transport);
    client.pushBatch = 100;
    client.setProgress([&](const Sync::SyncProgress &p) { reports << p; });
    const Sync::SyncSummary pushed = client.syncOnce().value();
    REQUIRE(reports.size() >= 4);
    CHECK(reports.first().phase == Phase::Connecting);
    CHECK(reports.last().phase == Phase::Finishing);
    QList<Sync::SyncProgress> sending;
    for (qsizetype i = 0; i < reports.size(); ++i) {
        if (i > 0) {
            CHECK(int(reports.at(i).phase) >= int(reports.at(i - 1).phase));
            CHECK(reports.at(i).bytesDone >= reports.at(i - 1).bytesDone);
        }
        if (reports.at(i).phase == Phase::Sending)
            sending << reports.at(i);
    }
    REQUIRE(sending.size() >= 2);
    for (const Sync::SyncProgress &p : std::as_const(sending))
        CHECK(p.total == pending);
    CHECK(sending.last().done == pending);
    CHECK(pushed.pushed == pending);
    // Pages grew on this fast link: fewer pushes than pages of 100 would take.
    CHECK(sending.size() - 1 < (pending + 99) / 100);
    CHECK(reports.last().bytesDone == pushed.bytesSent + pushed.bytesReceived);

    // A supervisor's first pull: the server says from the first page how much is to come.
    reports.clear();
    Sync::SyncClient supervisor(*spv.profile, *district.transport);
    supervisor.pullPage = 150;
    supervisor.setProgress([&](const Sync::SyncProgress &p) { reports << p; });
    const Sync::SyncSummary pulled = supervisor.syncOnce().value();
    QList<Sync::SyncProgress> receiving;
    for (const Sync::SyncProgress &p : std::as_const(reports)) {
        if (p.phase == Phase::Receiving)
            receiving << p;
    }
    REQUIRE(receiving.size() >= 3);
    for (const Sync::SyncProgress &p : std::as_const(receiving)) {
        CHECK(p.total == receiving.last().done);
        CHECK(p.bytesTotal >= p.bytesDone);
    }
    CHECK(receiving.last().done >= pulled.pulled);
    CHECK(receiving.last().bytesTotal == receiving.last().bytesDone);
}

TEST_CASE("every sync and bundle leaves a record in the history, newest first, at most fifty",
          "[sync][client][history]")
{
    Test::LocalDistrict district;
    Test::ProfileFixture siti{Core::Role::Caseworker, false, u"siti"_s};
    district.enroll(siti);
    Core::ChangeLog &log = siti.profile->changeLog();
    // An entry damaged on disk is skipped, not trusted; the others stay.
    QJsonArray old;
    old.append(QJsonObject{{u"started_at"_s, u"yesterday"_s}});
    for (int i = 0; i < 60; ++i)
        old.append(Sync::SyncRecord{1000 + i, 2000 + i, u"network"_s, {}, true, false, {}}.toJson());
    REQUIRE(log.setMeta(u"sync.history"_s, QString::fromUtf8(QJsonDocument(old).toJson())).ok());
    CHECK(Sync::SyncClient::history(log).value().size() == 60);

    addCases(siti, 1);
    siti.clock.advance(20 * 60'000); // this laptop's clock runs 20 minutes ahead of the server's
    const Sync::SyncSummary first = district.sync(siti);
    CHECK(first.clockSkewMs == -20 * 60'000);
    addCases(siti, 1);
    {
        Sync::SyncClient client(*siti.profile, *district.transport);
        REQUIRE(client.exportBundle().ok());
    }
    // A failure is kept too, once for a whole retried run.
    BusyLink busy(*district.transport);
    {
        Sync::SyncClient client(*siti.profile, busy);
        client.paceGiveUp = std::chrono::milliseconds(600);
        int sleeps = 0;
        const Core::Result<Sync::SyncSummary> failed = client.sync(3, [&](int) { ++sleeps; });
        REQUIRE_FALSE(failed.ok());
        CHECK(failed.error().reason == Core::Error::Reason::RateLimited);
        CHECK(failed.error().code == Core::Error::Code::Unreachable);
        CHECK(sleeps == 0);
        CHECK(busy.refused >= 3);
    }

    const QList<Sync::SyncRecord> history = Sync::SyncClient::history(log).value();
    REQUIRE(history.size() == Sync::SyncClient::historyLimit);
    CHECK(history.at(0).how == u"network");
    CHECK_FALSE(history.at(0).ok);
    CHECK(history.at(0).error.reason == Core::Error::Reason::RateLimited);
    CHECK(history.at(0).summary.paced >= 2);
    CHECK(history.at(1).how == u"usb-export");
    CHECK(history.at(1).ok);
    CHECK(history.at(1).summary.pushed > 0);
    CHECK(history.at(2).how == u"network");
    CHECK(history.at(2).ok);
    CHECK(history.at(2).summary.pushed == first.pushed);
    CHECK(history.at(2).summary.clockSkewMs == -20 * 60'000);
    CHECK(history.at(2).finishedAt >= history.at(2).startedAt);
    CHECK(history.at(3).startedAt == 1000); // the old ones follow, the damaged one is gone
    CHECK(history.last().startedAt == 1000 + Sync::SyncClient::historyLimit - 4);

    // Once the server takes pages again, the same outbox goes through.
    busy.refusing = false;
    Sync::SyncClient client(*siti.profile, busy);
    CHECK(client.syncOnce().ok());
    CHECK(log.pendingCount().value() == 0);
}

TEST_CASE("a pull reply says how many ops remain; an old server's page without it reads as unknown",
          "[sync][wire]")
{
    Sync::PullReply reply;
    reply.nextCursor = "c"_ba;
    Sync::PullReply back;
    REQUIRE(Sync::Wire::decode(Sync::Wire::encode(reply), back).ok());
    CHECK(back.remaining == -1);
    for (const qint64 remaining : {qint64(0), qint64(1234)}) {
        reply.remaining = remaining;
        REQUIRE(Sync::Wire::decode(Sync::Wire::encode(reply), back).ok());
        CHECK(back.remaining == remaining);
    }
    // A negative count from a broken or hostile server is no count.
    QCborMap map;
    map.insert(u"ops"_s, QCborArray());
    map.insert(u"cursor"_s, QByteArray("c"));
    map.insert(u"more"_s, false);
    map.insert(u"remaining"_s, -7);
    const QByteArray page = "DPG1"_ba + qCompress(map.toCborValue().toCbor(), 9);
    back.remaining = 99;
    REQUIRE(Sync::Wire::decode(page, back).ok());
    CHECK(back.remaining == -1);
}
