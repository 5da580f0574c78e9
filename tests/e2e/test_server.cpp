// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the real dampingi-server process over real TLS on loopback, driven by the real
// HttpTransport and the admin verbs.
#include "core/sql/migrations.h"
#include "core/util/uuid.h"
#include "sync/client/httptransport.h"
#include "sync/enrollmentcode.h"
#include "sync/protocol.h"
#include "sync/wire.h"
#include "tests/support/pgcluster.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testca.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Sync::HttpTransport;

namespace {

const QString server = QStringLiteral(DAMPINGI_SERVER);

// One test CA for the whole binary: openssl takes a moment.
const Test::TestCa &testCa()
{
    static const Test::TestCa ca;
    return ca;
}

Sync::ErrorReply errorOf(const Sync::Response &response)
{
    Sync::ErrorReply reply;
    const Core::Status decoded = Sync::Wire::decode(response.body, reply);
    INFO(decoded.error().detail.toStdString());
    CHECK(decoded.ok());
    return reply;
}

// A district store with one caseworker, served over TLS with the test CA's server certificate.
class District
{
public:
    explicit District(const QString &databaseUrl = {}, const QStringList &extraArgs = {})
        : m_databaseUrl(databaseUrl)
    {
        REQUIRE(m_dir.isValid());
        INFO(testCa().error().toStdString());
        REQUIRE(testCa().ok());
        data = m_dir.filePath(u"server"_s);
        expectAdmin({u"init"_s, u"--district"_s, u"64.02"_s, u"--kdf"_s, u"minimum"_s});
        expectAdmin({u"team"_s, u"add"_s, u"Tenggarong"_s});
        expectAdmin({u"user"_s, u"add"_s, u"siti"_s, u"--name"_s, u"Siti Aminah"_s, u"--role"_s,
                     u"caseworker"_s, u"--team"_s, u"Tenggarong"_s});
        process = std::make_unique<Test::ServerProcess>(Test::ServerProcess::Config{
            server, data, m_databaseUrl, testCa().serverChain(), testCa().serverKey(), extraArgs});
        INFO(process->error().toStdString());
        REQUIRE(process->start());
    }

    ~District()
    {
        if (process && process->running()) {
            const int exit = process->stop();
            CHECK(exit == 0);
        }
    }

    Test::AdminRun admin(const QStringList &args)
    {
        return Test::runAdmin(server, data, args, m_databaseUrl);
    }

    QJsonDocument expectAdmin(const QStringList &args)
    {
        const Test::AdminRun run = admin(args);
        INFO(args.join(u' ').toStdString() << ": " << run.err.toStdString());
        REQUIRE(run.exit == 0);
        return run.json();
    }

    // A fresh one-time code for siti, pinned to the served certificate.
    Sync::EnrollmentCode enrollmentCode()
    {
        const QJsonObject out = expectAdmin({u"device"_s, u"enroll"_s, u"--user"_s, u"siti"_s, u"--name"_s,
                                             u"laptop-1"_s, u"--tls-cert"_s, testCa().serverChain()})
                                    .object();
        const auto code = Sync::EnrollmentCode::parse(out.value(u"code"_s).toString());
        REQUIRE(code.ok());
        return *code;
    }

    HttpTransport transport(const QByteArray &pin) const { return HttpTransport(process->url(), pin); }

    // Enrolls a device over TLS; returns its token and site.
    std::pair<QByteArray, QString> enroll()
    {
        const Sync::EnrollmentCode code = enrollmentCode();
        HttpTransport link = transport(code.certificateSha256);
        const QString site = Core::newUuidV7(QDateTime::currentMSecsSinceEpoch()).left(16);
        const auto response
            = link.post(Sync::Endpoint::enroll, {},
                        Sync::Wire::encode(Sync::EnrollRequest{code.secret, u"laptop-1"_s, site}));
        INFO((response ? QString() : response.error().detail).toStdString());
        REQUIRE(response.ok());
        REQUIRE(response->status == 200);
        Sync::EnrollReply reply;
        REQUIRE(Sync::Wire::decode(response->body, reply).ok());
        REQUIRE(!reply.token.isEmpty());
        return {reply.token, site};
    }

    // /v1/health answers and reports `ops` stored ops.
    qint64 healthyOps() const
    {
        HttpTransport link = transport(Test::TestCa::sha256OfPem(testCa().serverChain()));
        const auto response = link.get(Sync::Endpoint::health);
        REQUIRE(response.ok());
        REQUIRE(response->status == 200);
        const QJsonObject health = QJsonDocument::fromJson(response->body).object();
        REQUIRE(health.value(u"status"_s).toString() == u"ok"_s);
        return health.value(u"ops"_s).toInteger(-1);
    }

    qsizetype deviceCount() { return expectAdmin({u"device"_s, u"list"_s}).array().size(); }

    QString data;
    std::unique_ptr<Test::ServerProcess> process;

private:
    QTemporaryDir m_dir;
    QString m_databaseUrl;
};

// A case created on the laptop: the smallest batch the server accepts.
Sync::PushRequest newCaseBatch(const QString &site)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Sync::WireOp create;
    create.site = site;
    create.seq = 1;
    create.txn = Core::newUuidV7(now);
    create.entity = u"case"_s;
    create.entityId = Core::newUuidV7(now);
    create.caseId = create.entityId;
    create.field = u"_create"_s;
    create.op = u"create"_s;
    create.hlc = qint64(quint64(now) << 16);
    create.author = u"siti"_s;
    create.schemaVersion = Core::Migrations::latestVersion();
    return Sync::PushRequest{site, {create}};
}

} // namespace

TEST_CASE("the server answers health over TLS with its protocol and schema", "[e2e][server]")
{
    District district;
    HttpTransport link = district.transport(Test::TestCa::sha256OfPem(testCa().serverChain()));
    const auto response = link.get(Sync::Endpoint::health);
    REQUIRE(response.ok());
    CHECK(response->status == 200);
    const QJsonObject health = QJsonDocument::fromJson(response->body).object();
    CHECK(health.value(u"status"_s).toString() == u"ok"_s);
    CHECK(health.value(u"protocol"_s).toInt() == Sync::protocolVersion);
    CHECK(health.value(u"schema"_s).toInt() == Core::Migrations::latestVersion());
    CHECK(health.value(u"uptime_s"_s).toInteger(-1) >= 0);
    CHECK(health.value(u"ops"_s).toInteger(-1) == 0);
    CHECK(link.roundTrips() == 1);
    CHECK(link.bytesReceived() == response->body.size());
    CHECK(link.bytesSent() == 0);

    // The pin excuses an unknown CA, never a name the certificate does not carry.
    HttpTransport byName(QUrl(u"https://localhost:%1"_s.arg(district.process->port())),
                         Test::TestCa::sha256OfPem(testCa().serverChain()));
    const auto misnamed = byName.get(Sync::Endpoint::health);
    REQUIRE(!misnamed.ok());
    CHECK(misnamed.error().code == Core::Error::Code::Unreachable);
    CHECK(misnamed.error().detail.startsWith(u"unreachable: TLS: "_s));
    CHECK(district.process->stop() == 0);
}

TEST_CASE("a laptop enrolls over TLS with the code that pins the server certificate", "[e2e][server]")
{
    District district;
    const Sync::EnrollmentCode code = district.enrollmentCode();
    CHECK(code.pinsCertificate());
    CHECK(code.certificateSha256 == Test::TestCa::sha256OfPem(testCa().serverChain()));

    HttpTransport link = district.transport(code.certificateSha256);
    // The laptop calls itself something else: the administrator's name for it stays.
    const QByteArray page
        = Sync::Wire::encode(Sync::EnrollRequest{code.secret, u"kantor-bupati"_s, u"a1b2c3d4e5f60718"_s});
    const auto response = link.post(Sync::Endpoint::enroll, {}, page);
    REQUIRE(response.ok());
    REQUIRE(response->status == 200);
    Sync::EnrollReply reply;
    REQUIRE(Sync::Wire::decode(response->body, reply).ok());
    CHECK(reply.login == u"siti"_s);
    CHECK(reply.districtCode == u"64.02"_s);
    CHECK(!reply.token.isEmpty());
    CHECK(link.bytesSent() == page.size());
    CHECK(link.bytesReceived() == response->body.size());

    const QJsonArray devices = district.expectAdmin({u"device"_s, u"list"_s}).array();
    REQUIRE(devices.size() == 1);
    CHECK(devices.at(0).toObject().value(u"user"_s).toString() == u"siti"_s);
    CHECK(devices.at(0).toObject().value(u"site"_s).toString() == u"a1b2c3d4e5f60718"_s);
    CHECK(devices.at(0).toObject().value(u"name"_s).toString() == u"laptop-1"_s);

    // The retention clean-up verb: nothing deleted yet, so nothing purged; a retention under
    // one day is refused as invalid input (exit 3).
    const QJsonObject cleanUp
        = district.expectAdmin({u"purge-deleted"_s, u"--older-than"_s, u"30"_s}).object();
    CHECK(cleanUp.value(u"older_than_days"_s).toInt() == 30);
    CHECK(cleanUp.value(u"purged"_s).toArray().isEmpty());
    CHECK(district.admin({u"purge-deleted"_s, u"--older-than"_s, u"0"_s}).exit == 3);

    // The code is one-time: redeeming it again is refused and adds no device.
    const auto again = link.post(Sync::Endpoint::enroll, {}, page);
    REQUIRE(again.ok());
    CHECK(again->status >= 400);
    CHECK(errorOf(*again).code == QLatin1StringView(Sync::ErrorCode::enrollment));
    CHECK(district.deviceCount() == 1);

    // Revoked: the next request is refused with `revoked`.
    const QString id = devices.at(0).toObject().value(u"id"_s).toString();
    district.expectAdmin({u"device"_s, u"revoke"_s, id});
    const auto handshake = link.post(
        Sync::Endpoint::handshake, reply.token,
        Sync::Wire::encode(Sync::HandshakeRequest{
            Sync::protocolVersion, Core::Migrations::latestVersion(), u"a1b2c3d4e5f60718"_s, {}}));
    REQUIRE(handshake.ok());
    INFO(errorOf(*handshake).message.toStdString() << " token " << reply.token.toStdString());
    CHECK(handshake->status == 403);
    CHECK(errorOf(*handshake).code == QLatin1StringView(Sync::ErrorCode::revoked));
    CHECK(district.process->stop() == 0);
}

TEST_CASE("the office passphrase: wrong or missing exits 5, from a file it works, rotate-key starts epoch 1",
          "[e2e][server][keys]")
{
    District district;
    const QStringList enroll{u"device"_s, u"enroll"_s,   u"--user"_s,     u"siti"_s,
                             u"--name"_s, u"laptop-1"_s, u"--tls-cert"_s, testCa().serverChain()};
    const auto errorKind = [](const Test::AdminRun &run) {
        return QJsonDocument::fromJson(run.err)
            .object()
            .value(u"error"_s)
            .toObject()
            .value(u"kind"_s)
            .toString();
    };
    const Test::AdminRun wrong
        = Test::runAdmin(server, district.data, enroll, {}, u"kantor-dinas-salah-ketik"_s);
    CHECK(wrong.exit == 5);
    CHECK(errorKind(wrong) == u"locked");
    CHECK(wrong.err.contains("wrong office passphrase"));
    const Test::AdminRun missing = Test::runAdmin(server, district.data, enroll, {}, QString());
    CHECK(missing.exit == 5);
    CHECK(errorKind(missing) == u"locked");
    CHECK(Test::runAdmin(server, district.data, {u"rotate-key"_s}, {}, u"kantor-dinas-salah-ketik"_s).exit
          == 5);

    // From a file (no environment variable), as dampingi-ctl takes its passphrase.
    QTemporaryDir secrets;
    QFile file(secrets.filePath(u"office"_s));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(Test::officePassphrase.toUtf8() + '\n');
    file.close();
    const Test::AdminRun fromFile = Test::runAdmin(
        server, district.data, enroll + QStringList{u"--passphrase-file"_s, file.fileName()}, {}, QString());
    INFO(fromFile.err.toStdString());
    CHECK(fromFile.exit == 0);
    CHECK(fromFile.json().object().value(u"code"_s).toString().startsWith(u"DMP1-"));

    // The serving server needs no passphrase and its folder holds no key file; rotate-key runs
    // beside it (the unused code above expires with the old key).
    CHECK_FALSE(QFile::exists(QDir(district.data).filePath(u"district.key"_s)));
    const QJsonObject rotated = district.expectAdmin({u"rotate-key"_s}).object();
    CHECK(rotated.value(u"epoch"_s).toInteger() == 1);
    CHECK(rotated.value(u"expired_codes"_s).toInt() == 1);
    CHECK(district.healthyOps() == 0);
    const auto [token, site] = district.enroll(); // enrollment after a rotation works
    CHECK(!token.isEmpty());
    // Nothing to protect in a store made by this version; a short passphrase is refused at init.
    CHECK(district.admin({u"protect-key"_s}).exit == 4);
    QTemporaryDir other;
    CHECK(Test::runAdmin(server, other.filePath(u"server"_s), {u"init"_s, u"--district"_s, u"64.02"_s}, {},
                         u"pendek"_s)
              .exit
          == 3);
}

TEST_CASE("a server presenting another certificate is refused before anything is sent", "[e2e][server]")
{
    QTemporaryDir dir;
    REQUIRE(testCa().ok());
    const QString data = dir.filePath(u"server"_s);
    REQUIRE(
        Test::runAdmin(server, data, {u"init"_s, u"--district"_s, u"64.02"_s, u"--kdf"_s, u"minimum"_s}).exit
        == 0);
    Test::ServerProcess impostor({server, data, {}, testCa().otherCert(), testCa().otherKey(), {}});
    INFO(impostor.error().toStdString());
    REQUIRE(impostor.start());
    const QByteArray logBefore = impostor.log();

    // Pinned to the district's real certificate, as an enrolled laptop is.
    HttpTransport link(impostor.url(), Test::TestCa::sha256OfPem(testCa().serverChain()));
    const auto response = link.post(Sync::Endpoint::handshake, "secret-token"_ba, "page"_ba);
    REQUIRE(!response.ok());
    CHECK(response.error().code == Core::Error::Code::Refused);
    CHECK(response.error().detail == u"server certificate does not match the enrolled one"_s);
    CHECK(link.roundTrips() == 0);
    // No request reached the impostor's HTTP layer: the handshake failed first.
    CHECK(impostor.log().mid(logBefore.size()).count("method=") == 0);
    CHECK(impostor.stop() == 0);
}

TEST_CASE("plain http only to loopback and without a pin", "[e2e][server]")
{
    const QByteArray pin(32, 'x');
    HttpTransport remote(QUrl(u"http://192.0.2.1:8080"_s), {});
    auto r = remote.get(Sync::Endpoint::health);
    REQUIRE(!r.ok());
    CHECK(r.error().code == Core::Error::Code::InvalidInput);
    HttpTransport pinnedPlain(QUrl(u"http://127.0.0.1:9"_s), pin);
    r = pinnedPlain.get(Sync::Endpoint::health);
    REQUIRE(!r.ok());
    CHECK(r.error().code == Core::Error::Code::InvalidInput);
}

TEST_CASE("a refused connection and a stalled link are Unreachable, not a hang", "[e2e][server]")
{
    QTcpServer closed;
    REQUIRE(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = closed.serverPort();
    closed.close();
    HttpTransport refused(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort)), {});
    auto r = refused.get(Sync::Endpoint::health);
    REQUIRE(!r.ok());
    CHECK(r.error().code == Core::Error::Code::Unreachable);
    CHECK(r.error().detail.startsWith(u"unreachable:"_s));

    // Accepts, reads, never answers: the idle timeout ends the request.
    QTcpServer stall;
    REQUIRE(stall.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> held;
    QObject::connect(&stall, &QTcpServer::newConnection, &stall,
                     [&] { held << stall.nextPendingConnection(); });
    HttpTransport::Options options;
    options.connectTimeout = std::chrono::milliseconds(2000);
    options.idleTimeout = std::chrono::milliseconds(300);
    HttpTransport stalled(QUrl(u"http://127.0.0.1:%1"_s.arg(stall.serverPort())), {}, options);
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    r = stalled.post(Sync::Endpoint::push, "token"_ba, "page"_ba);
    REQUIRE(!r.ok());
    CHECK(r.error().code == Core::Error::Code::Unreachable);
    CHECK(r.error().detail.startsWith(u"unreachable:"_s));
    CHECK(QDateTime::currentMSecsSinceEpoch() - started < 5000);
    CHECK(held.size() == 1);
}

TEST_CASE("bad input is refused, stores nothing and leaves the server serving", "[e2e][server]")
{
    District district;
    const auto [token, site] = district.enroll();
    const QByteArray pin = Test::TestCa::sha256OfPem(testCa().serverChain());
    HttpTransport link = district.transport(pin);
    const qint64 opsBefore = district.healthyOps();
    CHECK(opsBefore == 0);

    SECTION("malformed pages, missing and wrong tokens, an oversize body")
    {
        auto r = link.post(Sync::Endpoint::push, token, "this is not a page"_ba);
        REQUIRE(r.ok());
        CHECK(r->status == 400);
        CHECK(errorOf(*r).code == QLatin1StringView(Sync::ErrorCode::malformed));
        CHECK(district.healthyOps() == opsBefore);

        // A valid frame around CBOR that is not a push request.
        r = link.post(Sync::Endpoint::push, token, Sync::Wire::encode(Sync::ErrorReply{u"x"_s, u"y"_s}));
        REQUIRE(r.ok());
        CHECK(r->status == 400);
        CHECK(errorOf(*r).code == QLatin1StringView(Sync::ErrorCode::malformed));

        const QByteArray batch = Sync::Wire::encode(newCaseBatch(site));
        r = link.post(Sync::Endpoint::push, {}, batch);
        REQUIRE(r.ok());
        CHECK(r->status == 401);
        CHECK(errorOf(*r).code == QLatin1StringView(Sync::ErrorCode::unauthorized));
        r = link.post(Sync::Endpoint::push, "not-a-token"_ba, batch);
        REQUIRE(r.ok());
        CHECK(r->status == 401);
        CHECK(errorOf(*r).code == QLatin1StringView(Sync::ErrorCode::unauthorized));
        CHECK(district.healthyOps() == opsBefore);
        // Token bytes that would split a raw header line travel encoded: one request, one 401.
        r = link.post(Sync::Endpoint::push, "\r\n\r\nGET /v1/health HTTP/1.1\r\n\r\n"_ba, batch);
        REQUIRE(r.ok());
        CHECK(r->status == 401);

        // Exactly at the limit: read whole and judged by the service, not refused by the guard.
        r = link.post(Sync::Endpoint::push, token, QByteArray(8 * 1024 * 1024, 'x'));
        REQUIRE(r.ok());
        CHECK(r->status == 400);
        CHECK(errorOf(*r).code == QLatin1StringView(Sync::ErrorCode::malformed));

        // Above the 8 MiB limit: refused at the socket from its Content-Length.
        const qint64 sentBefore = link.bytesSent();
        r = link.post(Sync::Endpoint::push, token, QByteArray(8 * 1024 * 1024 + 1, 'x'));
        INFO((r ? QString() : r.error().detail).toStdString());
        REQUIRE(r.ok());
        CHECK(r->status == 413);
        CHECK(errorOf(*r).code == QLatin1StringView(Sync::ErrorCode::tooLarge));
        CHECK(link.bytesSent() - sentBefore == 8 * 1024 * 1024 + 1);
        CHECK(district.healthyOps() == opsBefore);
        // The link still works for the next request (a new connection).
        r = link.post(Sync::Endpoint::push, token, batch);
        REQUIRE(r.ok());
        CHECK(r->status == 200);
        CHECK(district.healthyOps() > opsBefore);
    }

    SECTION("a replayed push batch gets duplicates only")
    {
        const QByteArray batch = Sync::Wire::encode(newCaseBatch(site));
        auto first = link.post(Sync::Endpoint::push, token, batch);
        REQUIRE(first.ok());
        REQUIRE(first->status == 200);
        Sync::PushReply reply;
        REQUIRE(Sync::Wire::decode(first->body, reply).ok());
        REQUIRE(reply.verdicts.size() == 1);
        CHECK(reply.verdicts.at(0).kind == Sync::Verdict::Kind::Accepted);
        CHECK(reply.ackedThrough == 1);
        const qint64 opsAfterFirst = district.healthyOps();
        CHECK(opsAfterFirst > opsBefore); // the case's op, and the server's own ops for a new case

        auto replay = link.post(Sync::Endpoint::push, token, batch);
        REQUIRE(replay.ok());
        REQUIRE(replay->status == 200);
        REQUIRE(Sync::Wire::decode(replay->body, reply).ok());
        REQUIRE(reply.verdicts.size() == 1);
        CHECK(reply.verdicts.at(0).kind == Sync::Verdict::Kind::Duplicate);
        CHECK(reply.ackedThrough == 1);
        CHECK(district.healthyOps() == opsAfterFirst);
    }

    SECTION("a burst from one peer is rate limited; health stays outside the bucket")
    {
        const QByteArray batch = Sync::Wire::encode(newCaseBatch(site));
        int limited = -1;
        for (int i = 0; i < 200 && limited < 0; ++i) {
            const auto r = link.post(Sync::Endpoint::push, "not-a-token"_ba, batch);
            REQUIRE(r.ok());
            if (r->status == 429) {
                limited = i;
                CHECK(errorOf(*r).code == QLatin1StringView(Sync::ErrorCode::rateLimited));
            } else {
                CHECK(r->status == 401);
            }
        }
        CHECK(limited >= 39); // the burst of 40, less the enrollment request
        CHECK(district.healthyOps() == opsBefore);
    }

    CHECK(district.deviceCount() == 1);
    CHECK(district.process->stop() == 0);
}

TEST_CASE("a body without Content-Length is cut off at the limit while it streams", "[e2e][server]")
{
    District district({}, {u"--max-body"_s, u"100000"_s});
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(testCa().caCert()));
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, district.process->port());
    REQUIRE(socket.waitForEncrypted(10000));
    socket.write("POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = "10000\r\n"_ba + QByteArray(0x10000, 'x') + "\r\n"_ba;
    QByteArray reply;
    for (int i = 0; i < 64 && !reply.contains("\r\n\r\n"); ++i) { // at most 4 MiB
        socket.write(chunk);
        socket.waitForBytesWritten(5000);
        if (socket.waitForReadyRead(i < 2 ? 0 : 200))
            reply += socket.readAll();
    }
    while (!reply.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
        reply += socket.readAll();
    CHECK(reply.startsWith("HTTP/1.1 413"));
    CHECK(district.process->log().contains("refused at the socket"));
    CHECK(district.healthyOps() == 0);
}

TEST_CASE("SIGTERM stops the server cleanly with keep-alive connections open", "[e2e][server]")
{
    District district;
    HttpTransport link = district.transport(Test::TestCa::sha256OfPem(testCa().serverChain()));
    REQUIRE(link.get(Sync::Endpoint::health).ok()); // leaves a keep-alive connection open
    CHECK(district.process->stop() == 0);
    CHECK(district.process->log().contains("shutting down"));
    const auto after = link.get(Sync::Endpoint::health);
    REQUIRE(!after.ok());
    CHECK(after.error().code == Core::Error::Code::Unreachable);
}

TEST_CASE("SIGTERM lets a request already arriving finish before the server exits", "[e2e][server]")
{
    District district;
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(testCa().caCert()));
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, district.process->port());
    INFO(socket.errorString().toStdString());
    REQUIRE(socket.waitForEncrypted(10000));
    socket.write("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // the head is not complete yet
    REQUIRE(socket.waitForBytesWritten(5000));
    // A full round trip on another connection: by its end the server has read the partial head.
    REQUIRE(district.healthyOps() == 0);

    district.process->terminate();
    // Complete the request only once the server is stopping (polling its log, bounded).
    const QDeadlineTimer deadline(10000);
    while (!district.process->log().contains("shutting down") && !deadline.hasExpired())
        QThread::msleep(10);
    REQUIRE(district.process->log().contains("1 request(s) in flight"));
    socket.write("\r\n");
    QByteArray reply;
    while (socket.waitForReadyRead(10000))
        reply += socket.readAll();
    CHECK(reply.startsWith("HTTP/1.1 200"));
    CHECK(reply.contains("\"status\":\"ok\""));
    CHECK(socket.state() != QAbstractSocket::ConnectedState); // closed after the reply
    CHECK(district.process->stop() == 0);
}

TEST_CASE("health, enrollment and a push against a PostgreSQL store", "[e2e][server][postgres]")
{
    const QString url = Test::freshPostgresUrl();
    District district(url);
    CHECK(district.expectAdmin({u"user"_s, u"list"_s}).array().size() == 1);
    const auto [token, site] = district.enroll();
    HttpTransport link = district.transport(Test::TestCa::sha256OfPem(testCa().serverChain()));
    const QByteArray batch = Sync::Wire::encode(newCaseBatch(site));
    const auto pushed = link.post(Sync::Endpoint::push, token, batch);
    REQUIRE(pushed.ok());
    REQUIRE(pushed->status == 200);
    Sync::PushReply reply;
    REQUIRE(Sync::Wire::decode(pushed->body, reply).ok());
    REQUIRE(reply.verdicts.size() == 1);
    CHECK(reply.verdicts.at(0).kind == Sync::Verdict::Kind::Accepted);
    CHECK(district.healthyOps() >= 1);
    CHECK(district.process->stop() == 0);
}
