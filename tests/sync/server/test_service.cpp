// SPDX-License-Identifier: GPL-3.0-or-later
// The sync service as the HTTP front sees it: request pages in, status + reply pages out.
#include "core/sql/migrations.h"
#include "core/util/uuid.h"
#include "sync/enrollmentcode.h"
#include "sync/protocol.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "tests/support/fixtures.h"
#include "tests/support/pgcluster.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Test::ServerFixture;

namespace {

const qint64 now = Test::stampAt(Test::fixedNowMs);

std::string errorCode(const Sync::Response &response)
{
    Sync::ErrorReply error;
    if (!Sync::Wire::decode(response.body, error).ok())
        return "<not an error page>";
    return error.code.toStdString();
}

QByteArray hello(const QString &site, const QByteArray &cursor = {}, int protocol = Sync::protocolVersion,
                 int schema = Core::Migrations::latestVersion())
{
    return Sync::Wire::encode(Sync::HandshakeRequest{protocol, schema, site, cursor});
}

} // namespace

TEST_CASE("an enrollment code round-trips and a typo is refused with a reason", "[sync][enrollment]")
{
    const Sync::EnrollmentCode code = Sync::EnrollmentCode::generate({});
    const QString text = code.toString();
    CHECK(text.startsWith(u"DMP1-"_s));
    CHECK_FALSE(code.pinsCertificate());

    auto parsed = Sync::EnrollmentCode::parse(text);
    REQUIRE(parsed.ok());
    CHECK(parsed->secret == code.secret);
    CHECK(parsed->certificateSha256 == QByteArray(32, '\0'));
    // Read aloud and typed back: lower case, O for 0, spaces instead of dashes.
    QString typed = text.toLower();
    typed.replace(u'-', u' ');
    typed.replace(u'0', u'o');
    REQUIRE(Sync::EnrollmentCode::parse(QString(u"DMP1 "_s + typed.mid(5))).ok());

    // One wrong character.
    QString typo = text;
    const qsizetype at = typo.size() - 10;
    typo[at] = typo[at] == u'7' ? u'8' : u'7';
    auto bad = Sync::EnrollmentCode::parse(typo);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == Core::Error::Code::InvalidInput);
    CHECK(bad.error().detail.contains(u"typo"_s));
    CHECK(Sync::EnrollmentCode::parse(text.chopped(3)).error().detail.contains(u"characters"_s));
    CHECK(Sync::EnrollmentCode::parse(QString(u"XYZ1-"_s + text.mid(5))).error().detail.contains(u"DMP1"_s));
    CHECK(Sync::EnrollmentCode::parse(QString(text + u"U"_s)).error().code
          == Core::Error::Code::InvalidInput);

    const QByteArray pem
        = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZGFtcGluZ2k=\n-----END CERTIFICATE-----\n";
    auto fingerprint = Sync::EnrollmentCode::certificateFingerprint(pem);
    REQUIRE(fingerprint.ok());
    const Sync::EnrollmentCode pinned = Sync::EnrollmentCode::generate(*fingerprint);
    CHECK(pinned.pinsCertificate());
    CHECK(Sync::EnrollmentCode::parse(pinned.toString())->certificateSha256 == *fingerprint);
}

TEST_CASE("an enrollment code enrolls one device, once, and opens the district key", "[sync][enrollment]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(f.admin->createUser(u"ani"_s, u"Ani"_s, u"caseworker"_s).ok());
    auto text = f.admin->enroll(u"ani"_s, u"ani-laptop"_s, Test::officePassphrase);
    REQUIRE(text.ok());
    auto code = Sync::EnrollmentCode::parse(*text);
    REQUIRE(code.ok());
    const QByteArray request
        = Sync::Wire::encode(Sync::EnrollRequest{code->secret, u"ani-laptop"_s, u"site-ani"_s});

    const Sync::Response first = f.call(Sync::Endpoint::enroll, {}, request);
    REQUIRE(first.status == 200);
    Sync::EnrollReply reply;
    REQUIRE(Sync::Wire::decode(first.body, reply).ok());
    CHECK(reply.login == u"ani"_s);
    CHECK(reply.role == u"caseworker"_s);
    CHECK(reply.districtCode == u"6402"_s);
    CHECK(reply.serverSite == f.store->siteId());
    CHECK(reply.token.size() == 32);
    auto keys = Sync::EnrollmentCode::openDistrictKeys(code->secret, reply.sealedDistrictKey);
    REQUIRE(keys.ok());
    REQUIRE(keys->epochs() == QList<qint64>{0});
    const auto district = f.store->unlockDistrictKeys(Test::officePassphrase);
    REQUIRE(district.ok());
    CHECK(QByteArrayView(keys->key(0)->data(), 32) == QByteArrayView(district->key(0)->data(), 32));
    CHECK_FALSE(Sync::EnrollmentCode::openDistrictKeys(QByteArray(20, 'x'), reply.sealedDistrictKey).ok());

    // Second use of the same code.
    const Sync::Response again = f.call(Sync::Endpoint::enroll, {}, request);
    CHECK(again.status == 403);
    CHECK(errorCode(again) == "enrollment");
    CHECK(f.admin->listDevices()->size() == 1);
    CHECK(f.admin->listDevices()->at(0).siteId == u"site-ani"_s);

    // A fresh code, but for a site id already enrolled (a cloned laptop): refused, and the code
    // stays usable for the right laptop.
    auto clone = Sync::EnrollmentCode::parse(*f.admin->enroll(u"ani"_s, u"clone"_s, Test::officePassphrase));
    REQUIRE(clone.ok());
    const Sync::Response cloned
        = f.call(Sync::Endpoint::enroll, {},
                 Sync::Wire::encode(Sync::EnrollRequest{clone->secret, u"clone"_s, u"site-ani"_s}));
    CHECK(cloned.status == 403);
    CHECK(f.call(Sync::Endpoint::enroll, {},
                 Sync::Wire::encode(Sync::EnrollRequest{clone->secret, u"clone"_s, u"site-ani-2"_s}))
              .status
          == 200);

    // A code past its seven days.
    auto late = Sync::EnrollmentCode::parse(*f.admin->enroll(u"ani"_s, u"spare"_s, Test::officePassphrase));
    f.clock.advance(Sync::Admin::enrollmentValidityMs + 1);
    const Sync::Response expired
        = f.call(Sync::Endpoint::enroll, {},
                 Sync::Wire::encode(Sync::EnrollRequest{late->secret, u"spare"_s, u"site-x"_s}));
    CHECK(expired.status == 403);
    CHECK(errorCode(expired) == "enrollment");
    // An unknown code.
    const Sync::Response unknown
        = f.call(Sync::Endpoint::enroll, {},
                 Sync::Wire::encode(Sync::EnrollRequest{QByteArray(20, 'q'), u"x"_s, u"site-y"_s}));
    CHECK(unknown.status == 403);
}

TEST_CASE("requests without a valid token, from revoked devices or unreadable are refused", "[sync][service]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    const QByteArray pull = Sync::Wire::encode(Sync::PullRequest{{}, 100});

    const Sync::Response none = f.call(Sync::Endpoint::pull, {}, pull);
    CHECK(none.status == 401);
    CHECK(errorCode(none) == "unauthorized");
    const Sync::Response wrong = f.call(Sync::Endpoint::pull, QByteArray(32, 'z'), pull);
    CHECK(wrong.status == 401);
    CHECK(errorCode(wrong) == "unauthorized");

    const Sync::Response garbage = f.call(Sync::Endpoint::push, ani.reply.token, "DPG1 this is not a page");
    CHECK(garbage.status == 400);
    CHECK(errorCode(garbage) == "malformed");
    const Sync::Response wrongType = f.call(Sync::Endpoint::enroll, {}, pull);
    CHECK(wrongType.status == 400);

    // Pushing for a site bound to another device, or ops of another site than the request's.
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, {}, u"site-budi"_s);
    const QList<Sync::WireOp> foreign = Test::intakeOps(u"site-budi"_s, 1, Core::newUuidV7(0), u"ani"_s, now);
    const Sync::Response other = f.call(Sync::Endpoint::push, ani.reply.token,
                                        Sync::Wire::encode(Sync::PushRequest{u"site-budi"_s, foreign}));
    CHECK(other.status == 403);
    const Sync::Response mixed = f.call(Sync::Endpoint::push, ani.reply.token,
                                        Sync::Wire::encode(Sync::PushRequest{u"site-ani"_s, foreign}));
    CHECK(mixed.status == 403);
    const Sync::Response server = f.call(Sync::Endpoint::push, ani.reply.token,
                                         Sync::Wire::encode(Sync::PushRequest{f.store->siteId(), {}}));
    CHECK(server.status == 403);
    CHECK(f.store->opCount().value() == 0);

    // A new site id nobody used (a cloned laptop moved to it) is bound to the first device that
    // uses it; then it is that device's alone.
    const QList<Sync::WireOp> moved = Test::intakeOps(u"site-ani-2"_s, 1, Core::newUuidV7(0), u"ani"_s, now);
    const Sync::Response taken = f.call(Sync::Endpoint::push, ani.reply.token,
                                        Sync::Wire::encode(Sync::PushRequest{u"site-ani-2"_s, moved}));
    CHECK(taken.status == 200);
    CHECK(f.store->opCount().value() > 0);
    const Sync::Response stolen = f.call(Sync::Endpoint::push, budi.reply.token,
                                         Sync::Wire::encode(Sync::PushRequest{u"site-ani-2"_s, moved}));
    CHECK(stolen.status == 403);
    const Sync::Response stolenHello
        = f.call(Sync::Endpoint::handshake, budi.reply.token, hello(u"site-ani-2"_s, {}));
    CHECK(stolenHello.status == 403);

    REQUIRE(f.admin->revokeDevice(ani.reply.deviceId).ok());
    for (const char *endpoint : {Sync::Endpoint::pull, Sync::Endpoint::push, Sync::Endpoint::handshake}) {
        const Sync::Response revoked = f.call(endpoint, ani.reply.token, pull);
        CHECK(revoked.status == 403);
        CHECK(errorCode(revoked) == "revoked");
    }
    // Held in a variable: iterating `*listDevices()` would read a destroyed temporary.
    const QList<Sync::ServerDevice> devices = f.admin->listDevices().value();
    REQUIRE(devices.size() == 2);
    for (const Sync::ServerDevice &d : devices)
        CHECK(d.revoked() == (d.id == ani.reply.deviceId));
}

TEST_CASE("the handshake checks versions and reports acknowledgement and cursor validity", "[sync][service]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto ani = f.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    REQUIRE(f.push(ani, Test::intakeOps(u"site-ani"_s, 1, Core::newUuidV7(0), u"ani"_s, now)).ackedThrough
            == 4);

    const Sync::Response oldProtocol = f.call(Sync::Endpoint::handshake, ani.reply.token,
                                              hello(u"site-ani"_s, {}, Sync::protocolVersion + 1));
    CHECK(oldProtocol.status == 426);
    CHECK(errorCode(oldProtocol) == "schema");
    const Sync::Response newSchema = f.call(Sync::Endpoint::handshake, ani.reply.token,
                                            hello(u"site-ani"_s, {}, Sync::protocolVersion, 999));
    CHECK(newSchema.status == 426);

    const Sync::PullReply page = f.pull(ani, {});
    const Sync::Response ok
        = f.call(Sync::Endpoint::handshake, ani.reply.token, hello(u"site-ani"_s, page.nextCursor));
    REQUIRE(ok.status == 200);
    Sync::HandshakeReply reply;
    REQUIRE(Sync::Wire::decode(ok.body, reply).ok());
    CHECK(reply.ackedThrough == 4);
    CHECK(reply.cursorValid);
    CHECK(reply.serverSite == f.store->siteId());
    CHECK(reply.serverTimeMs == Test::fixedNowMs);
    CHECK(reply.schemaMax == Core::Migrations::latestVersion());

    // A cursor from another server (or from before a restore) is not valid here.
    ServerFixture elsewhere("sqlite");
    const auto stranger = elsewhere.enroll(u"ani"_s, u"caseworker"_s, {}, u"site-ani"_s);
    REQUIRE(elsewhere.push(stranger, Test::intakeOps(u"site-ani"_s, 1, Core::newUuidV7(0), u"ani"_s, now))
                .ackedThrough
            == 4);
    const QByteArray foreignCursor = elsewhere.pull(stranger, {}).nextCursor;
    const Sync::Response check
        = f.call(Sync::Endpoint::handshake, ani.reply.token, hello(u"site-ani"_s, foreignCursor));
    REQUIRE(Sync::Wire::decode(check.body, reply).ok());
    CHECK_FALSE(reply.cursorValid);
    const Sync::Response pull = f.call(Sync::Endpoint::pull, ani.reply.token,
                                       Sync::Wire::encode(Sync::PullRequest{foreignCursor, 10}));
    CHECK(pull.status == 409);
    CHECK(errorCode(pull) == "cursor");
    const Sync::Response junk = f.call(Sync::Endpoint::pull, ani.reply.token,
                                       Sync::Wire::encode(Sync::PullRequest{"c1|nonsense", 10}));
    CHECK(junk.status == 409);
}

TEST_CASE("an admin's assignment travels as server ops to the assignee's laptop", "[sync][service]")
{
    ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto sri = f.enroll(u"sri"_s, u"supervisor"_s, {}, u"site-sri"_s);
    const auto budi = f.enroll(u"budi"_s, u"caseworker"_s, u"Tim Selatan"_s, u"site-budi"_s);
    const QString caseId = Core::newUuidV7(Test::fixedNowMs);
    REQUIRE(f.push(sri, Test::intakeOps(u"site-sri"_s, 1, caseId, u"sri"_s, now)).ackedThrough == 4);

    CHECK(f.admin->assignCase(caseId, {}, {}).error().code == Core::Error::Code::InvalidInput);
    CHECK(f.admin->assignCase(u"no-such-case"_s, u"budi"_s).error().code == Core::Error::Code::NotFound);
    CHECK(f.admin->assignCase(caseId, u"nobody"_s).error().code == Core::Error::Code::NotFound);
    REQUIRE(f.admin->assignCase(caseId, {}, u"Tim Selatan"_s).ok());

    const Sync::PullReply page = f.pull(budi, {});
    const auto assigned = std::find_if(page.ops.cbegin(), page.ops.cend(),
                                       [](const Sync::WireOp &op) { return op.field == u"assigned_team"; });
    REQUIRE(assigned != page.ops.cend());
    CHECK(assigned->author == u"server"_s);
    CHECK(assigned->site == f.store->epochSite());
    CHECK(QString::fromUtf8(*assigned->value) == f.store->teamId(u"Tim Selatan"_s).value());
    CHECK(page.ops.size() == 6); // intake, registry number, assignment

    auto users = f.admin->listUsers();
    REQUIRE(users.ok());
    CHECK(users->size() == 2);
    CHECK(f.admin->createUser(u"budi"_s, u"Budi"_s, u"caseworker"_s).error().code
          == Core::Error::Code::Conflict);
    CHECK(f.admin->createUser(u"eko"_s, u"Eko"_s, u"wizard"_s).error().code
          == Core::Error::Code::InvalidInput);
    CHECK(f.admin->listTeams()->size() == 1);
}
