// SPDX-License-Identifier: GPL-3.0-or-later
// Who may write what at the district server (sync/server/authorization.cpp): the role matrix,
// the binding of entities to their case, identity from the device, server-only fields, write
// access after a move-out, site ids and cursors. Real stores (SQLite and PostgreSQL) through
// the service, as a hostile laptop holding a real token would send its pages.
#include "core/domain/permissions.h"
#include "core/sql/migrations.h"
#include "core/util/uuid.h"
#include "sync/enrollmentcode.h"
#include "sync/protocol.h"
#include "sync/server/authorization.h"
#include "tests/support/fixtures.h"
#include "tests/support/pgcluster.h"

#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Core::Permission;
using Core::Role;
using Sync::Verdict;
using Sync::WireOp;
using Test::ServerFixture;

namespace {

const qint64 now = Test::stampAt(Test::fixedNowMs);
const qint64 minuteAgo = Test::stampAt(Test::fixedNowMs - 60 * 1000);
const qint64 minuteLater = Test::stampAt(Test::fixedNowMs + 60 * 1000);

QString newId()
{
    return Core::newUuidV7(Test::fixedNowMs);
}

// An op on any entity, shaped like core's change log writes it.
WireOp entityOp(const QString &site, qint64 seq, const QString &txn, const QString &caseId,
                const QString &entity, const QString &entityId, const QString &field,
                const std::optional<QByteArray> &value, const QString &author, qint64 hlc = now)
{
    WireOp op = Test::caseCreateOp(site, seq, txn, caseId, author, hlc);
    op.entity = entity;
    op.entityId = entityId;
    op.field = field;
    op.op = field == u"_create" ? u"create"_s : u"set"_s;
    op.value = value;
    return op;
}

// A case with one victim: the case (4 ops), the person (create + sex) and the link (create +
// person_id + role): 9 ops from `firstSeq`.
struct Intake
{
    QString caseId = newId();
    QString personId = newId();
    QString linkId = newId();
    QList<WireOp> ops;
};

Intake intake(const QString &site, qint64 firstSeq, const QString &author)
{
    Intake in;
    in.ops = Test::intakeOps(site, firstSeq, in.caseId, author, now);
    const QString txn = in.ops.first().txn;
    const qint64 seq = firstSeq + 4;
    in.ops << entityOp(site, seq, txn, in.caseId, u"person"_s, in.personId, u"_create"_s, {}, author)
           << entityOp(site, seq + 1, txn, in.caseId, u"person"_s, in.personId, u"sex"_s, "female"_ba, author)
           << entityOp(site, seq + 2, txn, in.caseId, u"case_person"_s, in.linkId, u"_create"_s, {}, author)
           << entityOp(site, seq + 3, txn, in.caseId, u"case_person"_s, in.linkId, u"person_id"_s,
                       in.personId.toUtf8(), author)
           << entityOp(site, seq + 4, txn, in.caseId, u"case_person"_s, in.linkId, u"role"_s, "victim"_ba,
                       author);
    return in;
}

int countCaseOps(Sync::ServerStore &store, const QString &caseId)
{
    auto ops = store.caseOps(caseId);
    REQUIRE(ops.ok());
    return int(ops->size());
}

// The verdicts of a reply as "ok" or the refusal's reason, comma-separated (Catch prints it).
std::string reasons(const Sync::PushReply &reply)
{
    QStringList out;
    for (const Verdict &v : reply.verdicts)
        out << (v.kind == Verdict::Kind::Rejected ? v.reason : u"ok"_s);
    return out.join(u',').toStdString();
}

// Whether every op got a verdict and each is Accepted (an empty reply is not).
bool accepted(const Sync::PushReply &reply)
{
    return !reply.verdicts.isEmpty()
        && std::all_of(reply.verdicts.cbegin(), reply.verdicts.cend(),
                       [](const Verdict &v) { return v.kind == Verdict::Kind::Accepted; });
}

} // namespace

// The policy as the project states it (docs/SECURITY.md): written here a second time on
// purpose, so a change to core/domain/permissions.cpp must be made twice, knowingly.
TEST_CASE("the role matrix holds each cell as the policy states it", "[sync][authorization]")
{
    struct Cell
    {
        Permission permission;
        bool caseworker, supervisor, trainer, admin;
    };
    const Cell policy[] = {
        {Permission::CreateCase, true, true, true, false},
        {Permission::EditCase, true, true, true, false},
        {Permission::EditSafety, true, true, true, false},
        {Permission::ResolveSafety, false, true, true, false},
        {Permission::AddEntry, true, true, true, false},
        {Permission::Assign, false, true, true, true},
        {Permission::Approve, false, true, true, false},
        {Permission::Close, false, true, true, false},
        {Permission::Merge, false, true, true, false},
        {Permission::Transfer, false, true, true, false},
        {Permission::ReadCase, true, true, true, false},
        {Permission::ReadAttachment, true, true, true, false},
        {Permission::Export, true, true, true, false},
        {Permission::Administer, false, false, false, true},
    };
    REQUIRE(std::size(policy) == std::size_t(Core::allPermissions().size()));
    for (const Cell &cell : policy) {
        const std::pair<Role, bool> row[] = {{Role::Caseworker, cell.caseworker},
                                             {Role::Supervisor, cell.supervisor},
                                             {Role::Trainer, cell.trainer},
                                             {Role::Admin, cell.admin}};
        for (const auto &[role, allowed] : row) {
            DYNAMIC_SECTION(Core::permissionName(cell.permission).toStdString()
                            << " × " << Core::roleName(role).toStdString())
            {
                CHECK(Core::may(role, cell.permission) == allowed);
            }
        }
    }
}

TEST_CASE("the server enforces each role's cells on what a device sends", "[sync][authorization]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, u"Tim Utara"_s, u"site-ani"_s);
    const auto sari = f.enroll(u"sari"_s, u"supervisor"_s, {}, u"site-sari"_s);
    const auto adi = f.enroll(u"adi"_s, u"admin"_s, {}, u"site-adi"_s);
    REQUIRE(f.admin->createUser(u"budi"_s, u"Budi"_s, u"caseworker"_s, {}).ok());

    // Create case: a caseworker and a supervisor may; an administrator may not.
    const Intake a = intake(u"site-ani"_s, 1, u"ani"_s);
    CHECK(accepted(f.push(ani, a.ops)));
    const Intake s = intake(u"site-sari"_s, 1, u"sari"_s);
    CHECK(accepted(f.push(sari, s.ops)));
    const Intake x = intake(u"site-adi"_s, 1, u"adi"_s);
    CHECK(reasons(f.push(adi, x.ops.mid(0, 1))) == std::string("forbidden"));
    CHECK(countCaseOps(*f.store, x.caseId) == 0);

    // Edit and add entries: caseworker and supervisor yes; an administrator never reads or
    // writes content, whatever case id it names.
    CHECK(accepted(f.push(ani, {Test::caseSetOp(u"site-ani"_s, 10, newId(), a.caseId, u"incident_scene"_s,
                                                "household"_ba, u"ani"_s, now)})));
    const QString visit = newId();
    CHECK(accepted(f.push(sari, {entityOp(u"site-sari"_s, 10, newId(), a.caseId, u"visit"_s, visit,
                                          u"_create"_s, {}, u"sari"_s)})));
    CHECK(reasons(f.push(adi, {Test::caseSetOp(u"site-adi"_s, 2, newId(), a.caseId, u"incident_scene"_s,
                                               "school"_ba, u"adi"_s, now)}))
          == std::string("forbidden"));
    CHECK(f.pull(adi, {}).ops.isEmpty());

    // Close: only a supervisor.
    CHECK(reasons(f.push(ani, {Test::caseSetOp(u"site-ani"_s, 11, newId(), a.caseId, u"status"_s, "closed"_ba,
                                               u"ani"_s, now)}))
          == std::string("forbidden"));
    CHECK(accepted(f.push(sari, {Test::caseSetOp(u"site-sari"_s, 11, newId(), s.caseId, u"status"_s,
                                                 "closed"_ba, u"sari"_s, now)})));

    // Assign: a supervisor (to a user who exists), never a caseworker.
    CHECK(reasons(f.push(ani, {Test::caseSetOp(u"site-ani"_s, 12, newId(), a.caseId, u"assigned_user"_s,
                                               "budi"_ba, u"ani"_s, now)}))
          == std::string("server_only"));
    CHECK(reasons(f.push(sari, {Test::caseSetOp(u"site-sari"_s, 12, newId(), a.caseId, u"assigned_user"_s,
                                                "nobody"_ba, u"sari"_s, now)}))
          == std::string("invalid"));
    CHECK(accepted(f.push(sari, {Test::caseSetOp(u"site-sari"_s, 13, newId(), a.caseId, u"assigned_user"_s,
                                                 "budi"_ba, u"sari"_s, minuteLater)})));

    // Merge people: only a supervisor. A second person in Sari's case to merge into.
    const QString second = newId();
    const QString txn = newId();
    REQUIRE(accepted(f.push(sari, {entityOp(u"site-sari"_s, 14, txn, s.caseId, u"person"_s, second,
                                            u"_create"_s, {}, u"sari"_s)})));
    CHECK(accepted(f.push(sari, {entityOp(u"site-sari"_s, 15, newId(), s.caseId, u"person"_s, s.personId,
                                          u"merged_into"_s, second.toUtf8(), u"sari"_s)})));
    // (Ani's merge attempt is on Ani's case, which has since moved to Budi: out of scope first.)
    const Intake b = intake(u"site-ani"_s, 13, u"ani"_s);
    REQUIRE(accepted(f.push(ani, b.ops)));
    CHECK(reasons(f.push(ani, {entityOp(u"site-ani"_s, 22, newId(), b.caseId, u"person"_s, b.personId,
                                        u"merged_into"_s, b.personId.toUtf8(), u"ani"_s)}))
          == std::string("forbidden"));
}

TEST_CASE("an entity belongs to its case for ever: ops naming another case's records are refused",
          "[sync][authorization][security]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, u"Tim Utara"_s, u"site-ani"_s);
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, u"Tim Selatan"_s, u"site-budi"_s);
    const Intake victim = intake(u"site-ani"_s, 1, u"ani"_s);
    REQUIRE(accepted(f.push(ani, victim.ops)));
    const Intake own = intake(u"site-budi"_s, 1, u"budi"_s);
    REQUIRE(accepted(f.push(budi, own.ops)));
    const int before = countCaseOps(*f.store, victim.caseId);

    // Budi files, under his own case, ops naming Ani's case and her victim.
    const QString txn = newId();
    QList<WireOp> forged{
        entityOp(u"site-budi"_s, 10, txn, own.caseId, u"case"_s, victim.caseId, u"narrative"_s, "forged"_ba,
                 u"budi"_s),
        entityOp(u"site-budi"_s, 11, txn, own.caseId, u"case"_s, victim.caseId, u"do_not_contact"_s, "0"_ba,
                 u"budi"_s),
        entityOp(u"site-budi"_s, 12, txn, own.caseId, u"person"_s, victim.personId, u"sex"_s, "male"_ba,
                 u"budi"_s),
        entityOp(u"site-budi"_s, 13, txn, own.caseId, u"case_person"_s, victim.linkId, u"role"_s,
                 "reporter"_ba, u"budi"_s),
        // A link in his case to her victim would let him edit her through his own case.
        entityOp(u"site-budi"_s, 14, txn, own.caseId, u"case_person"_s, newId(), u"_create"_s, {}, u"budi"_s),
        // A create reusing ids that exist: her link, her case.
        entityOp(u"site-budi"_s, 15, txn, own.caseId, u"note"_s, victim.linkId, u"_create"_s, {}, u"budi"_s),
        entityOp(u"site-budi"_s, 16, txn, own.caseId, u"visit"_s, victim.caseId, u"_create"_s, {}, u"budi"_s),
    };
    forged << entityOp(u"site-budi"_s, 17, txn, own.caseId, u"case_person"_s, forged[4].entityId,
                       u"person_id"_s, victim.personId.toUtf8(), u"budi"_s);
    const Sync::PushReply reply = f.push(budi, forged);
    CHECK(reasons(reply)
          == std::string("entity_case,entity_case,not_in_case,entity_case,ok,exists,exists,not_in_case"));
    CHECK(reply.ackedThrough == 17); // refused, acknowledged: the laptop keeps them as refused
    CHECK(countCaseOps(*f.store, victim.caseId) == before);
    // Nothing of it reaches Ani: her pull is her case's ops, exactly as before the attack.
    const QList<WireOp> aniOps = f.pull(ani, {}).ops;
    CHECK(aniOps.size() == before);
    for (const WireOp &op : aniOps)
        CHECK(op.site != u"site-budi"_s);

    // Her own edits of her victim still go through her case.
    CHECK(accepted(f.push(ani, {entityOp(u"site-ani"_s, 10, newId(), victim.caseId, u"person"_s,
                                         victim.personId, u"sex"_s, "female"_ba, u"ani"_s)})));
}

TEST_CASE("the author is the device's user and a new case is assigned to it",
          "[sync][authorization][security]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, {}, u"site-budi"_s);
    REQUIRE(f.admin->createUser(u"sari"_s, u"Sari"_s, u"supervisor"_s, {}).ok());

    // Signed as a colleague, or as the supervisor: refused, nothing created.
    const QString caseId = newId();
    const Sync::PushReply spoofed = f.push(budi, Test::intakeOps(u"site-budi"_s, 1, caseId, u"ani"_s, now));
    CHECK(reasons(spoofed) == "author,author,author,author");
    CHECK(countCaseOps(*f.store, caseId) == 0);
    CHECK(reasons(f.push(budi, {Test::caseSetOp(u"site-budi"_s, 5, newId(), caseId, u"status"_s, "closed"_ba,
                                                u"sari"_s, now)}))
          == std::string("author"));

    // Budi's own case "assigned" to Ani in its create action: the case is Budi's.
    const QString own = newId();
    QList<WireOp> ops = Test::intakeOps(u"site-budi"_s, 6, own, u"budi"_s, now);
    ops[1].value = "ani"_ba;
    CHECK(reasons(f.push(budi, ops)) == std::string("ok,server_only,ok,ok"));
    CHECK(f.store->scope(budi.device).value().contains(own));
    CHECK_FALSE(f.store->scope(ani.device).value().contains(own));
    // Every replica learns the assignment the server made.
    bool corrected = false;
    for (const WireOp &op : f.store->caseOps(own).value())
        corrected
            = corrected || (op.field == u"assigned_user" && op.value == "budi"_ba && op.author != u"budi");
    CHECK(corrected);
}

TEST_CASE("a case moved away stays away: no self-assignment, no edits stamped after the move",
          "[sync][authorization][security]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, {}, u"site-budi"_s);
    const QString caseId = newId();
    const QList<WireOp> created = Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, minuteAgo);
    REQUIRE(accepted(f.push(ani, created)));
    REQUIRE(f.pull(ani, {}).ops.size() >= 4);
    REQUIRE(f.admin->assignCase(caseId, u"budi"_s).ok());
    // Budi writes a note.
    const QString note = newId();
    REQUIRE(accepted(f.push(budi, {entityOp(u"site-budi"_s, 1, newId(), caseId, u"note"_s, note, u"_create"_s,
                                            {}, u"budi"_s, minuteLater)})));

    // Ani takes the case back "in the create's transaction": refused, the scope stays Budi's.
    const QString createTxn = created.first().txn;
    WireOp back = Test::caseSetOp(u"site-ani"_s, 5, createTxn, caseId, u"assigned_user"_s, "ani"_ba, u"ani"_s,
                                  minuteAgo);
    CHECK(reasons(f.push(ani, {back})) == std::string("server_only"));
    CHECK_FALSE(f.store->scope(ani.device).value().contains(caseId));
    // Her pull purges the case and never carries Budi's note.
    const Sync::PullReply page = f.pull(ani, {});
    CHECK(page.purge == QStringList{caseId});
    CHECK(page.ops.isEmpty()); // she holds no case now: no op at all, Budi's note least of all

    // An edit stamped before the move-out (pending when she was offline) is still hers to send;
    // one stamped after is refused.
    CHECK(accepted(f.push(ani, {Test::caseSetOp(u"site-ani"_s, 6, newId(), caseId, u"incident_scene"_s,
                                                "household"_ba, u"ani"_s, minuteAgo + 1)})));
    CHECK(reasons(f.push(ani, {entityOp(u"site-ani"_s, 7, newId(), caseId, u"note"_s, newId(), u"_create"_s,
                                        {}, u"ani"_s, minuteLater)}))
          == std::string("out_of_scope"));
}

TEST_CASE("a site id is never enrolled twice, not even after its device was revoked",
          "[sync][authorization][security]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    REQUIRE(accepted(f.push(ani, Test::intakeOps(u"site-ani"_s, 1, newId(), u"ani"_s, now))));
    REQUIRE(f.admin->revokeDevice(ani.device.id).ok());
    REQUIRE(f.admin->createUser(u"budi"_s, u"Budi"_s, u"caseworker"_s, {}).ok());
    for (const QString &site : {u"site-ani"_s}) {
        auto codeText = f.admin->enroll(u"budi"_s, u"laptop"_s, Test::officePassphrase);
        REQUIRE(codeText.ok());
        auto code = Sync::EnrollmentCode::parse(*codeText);
        REQUIRE(code.ok());
        const Sync::Response response = f.call(
            Sync::Endpoint::enroll, {}, Sync::Wire::encode(Sync::EnrollRequest{code->secret, u"x"_s, site}));
        CHECK(response.status == 403);
    }
    // A device that claims the revoked site for a handshake or a push is refused too.
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, {}, u"site-budi"_s);
    Sync::HandshakeRequest hello{
        Sync::protocolVersion, Core::Migrations::latestVersion(), u"site-ani"_s, {}, 0};
    CHECK(f.call(Sync::Endpoint::handshake, budi.reply.token, Sync::Wire::encode(hello)).status == 403);
}

TEST_CASE("a pull cursor is the server's and the device's: altered or another device's is refused",
          "[sync][authorization][security]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, {}, u"site-budi"_s);
    REQUIRE(accepted(f.push(ani, Test::intakeOps(u"site-ani"_s, 1, newId(), u"ani"_s, now))));
    const QByteArray cursor = f.pull(ani, {}).nextCursor;
    REQUIRE(f.store->cursorValid(cursor, ani.device).value());
    CHECK_FALSE(f.store->cursorValid(cursor, budi.device).value());
    // The same cursor with any one byte changed (its seq, its generation, its tag) is refused.
    for (qsizetype i = 0; i < cursor.size(); ++i) {
        QByteArray altered = cursor;
        altered[i] = altered[i] == '1' ? '2' : '1';
        if (altered == cursor)
            continue;
        CHECK_FALSE(f.store->cursorValid(altered, ani.device).value());
    }
    // A forged cursor in the plain format of old is not one either.
    CHECK_FALSE(f.store->cursorValid("c1|" + f.store->siteId().toUtf8() + "|0||0|0", ani.device).value());
    const Sync::Response replay
        = f.call(Sync::Endpoint::pull, budi.reply.token, Sync::Wire::encode(Sync::PullRequest{cursor, 100}));
    CHECK(replay.status == 409);
}
