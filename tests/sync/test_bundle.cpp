// SPDX-License-Identifier: GPL-3.0-or-later
// The USB bundle container: signed, encrypted to its recipient, checksummed per page; anything
// cut short or altered is refused whole.
#include "core/util/uuid.h"
#include "sync/bundle.h"
#include "sync/districtkeys.h"
#include "sync/enrollmentcode.h"
#include "sync/server/bundleoffice.h"
#include "tests/support/fixtures.h"
#include "tests/support/pgcluster.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtEndian>

#include <functional>

#include <sodium.h>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

Sync::BundleContent sample()
{
    Sync::BundleContent c;
    c.kind = u"laptop"_s;
    c.sender = u"device-1"_s;
    c.recipient = u"server"_s;
    c.createdAtMs = 1795143600000;
    c.meta.insert(u"cursor"_s, "opaque-cursor"_ba);
    c.pages << QByteArray(5000, 'a') << "second page: Nurhaliza"_ba << QByteArray(70000, 'z');
    return c;
}

} // namespace

TEST_CASE("a bundle reads back exactly what was written, and hides its pages", "[sync][bundle]")
{
    const Sync::BundleKeys laptop = Sync::BundleKeys::generate();
    const Sync::BundleKeys office = Sync::BundleKeys::generate();
    const QByteArray file = Sync::Bundle::write(sample(), laptop, office.boxPublic);
    CHECK_FALSE(file.contains("Nurhaliza"));
    CHECK_FALSE(file.contains("opaque-cursor"));
    CHECK(Sync::Bundle::peekSender(file).value() == u"device-1");
    Core::Result<Sync::BundleContent> read = Sync::Bundle::read(file, laptop.signPublic, office);
    REQUIRE(read.ok());
    CHECK(read->pages == sample().pages);
    CHECK(read->meta.value(u"cursor"_s) == "opaque-cursor");
    CHECK(read->sender == u"device-1");
    // Keys survive storage as seeds.
    const Sync::BundleKeys restored = Sync::BundleKeys::fromSeeds(office.seeds());
    CHECK(restored.boxPublic == office.boxPublic);
    CHECK(Sync::Bundle::read(file, laptop.signPublic, restored).ok());
}

TEST_CASE("a truncated bundle is refused at every length", "[sync][bundle]")
{
    const Sync::BundleKeys laptop = Sync::BundleKeys::generate();
    const Sync::BundleKeys office = Sync::BundleKeys::generate();
    const QByteArray file = Sync::Bundle::write(sample(), laptop, office.boxPublic);
    for (qsizetype length = 0; length < file.size(); length += 997) {
        INFO("length " << length);
        const Core::Result<Sync::BundleContent> read
            = Sync::Bundle::read(file.left(length), laptop.signPublic, office);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == Core::Error::Code::Corrupt);
        CHECK(read.error().detail.startsWith(u"bundle refused: "));
    }
    const Core::Result<Sync::BundleContent> cut
        = Sync::Bundle::read(file.left(file.size() - 1), laptop.signPublic, office);
    CHECK(cut.error().detail.contains(u"cut short"));
}

TEST_CASE("an altered byte anywhere is refused", "[sync][bundle]")
{
    const Sync::BundleKeys laptop = Sync::BundleKeys::generate();
    const Sync::BundleKeys office = Sync::BundleKeys::generate();
    const QByteArray file = Sync::Bundle::write(sample(), laptop, office.boxPublic);
    for (qsizetype at = 0; at < file.size(); at += 331) {
        QByteArray tampered = file;
        tampered[at] = char(tampered.at(at) ^ 0x20);
        INFO("byte " << at);
        CHECK_FALSE(Sync::Bundle::read(tampered, laptop.signPublic, office).ok());
    }
}

TEST_CASE("a bundle from someone else, or for someone else, is refused", "[sync][bundle]")
{
    const Sync::BundleKeys laptop = Sync::BundleKeys::generate();
    const Sync::BundleKeys office = Sync::BundleKeys::generate();
    const Sync::BundleKeys stranger = Sync::BundleKeys::generate();
    const QByteArray forged = Sync::Bundle::write(sample(), stranger, office.boxPublic);
    const Core::Result<Sync::BundleContent> unsigned_ = Sync::Bundle::read(forged, laptop.signPublic, office);
    REQUIRE_FALSE(unsigned_.ok());
    CHECK(unsigned_.error().code == Core::Error::Code::Refused);
    CHECK(unsigned_.error().reason == Core::Error::Reason::BundleAltered);
    const QByteArray elsewhere = Sync::Bundle::write(sample(), laptop, stranger.boxPublic);
    const Core::Result<Sync::BundleContent> misdirected
        = Sync::Bundle::read(elsewhere, laptop.signPublic, office);
    REQUIRE_FALSE(misdirected.ok());
    CHECK(misdirected.error().code == Core::Error::Code::Refused);
    CHECK(misdirected.error().reason == Core::Error::Reason::NotForThisLaptop);
    CHECK(misdirected.error().detail.contains(u"addressed to another"));
}

namespace {

// `file` with its manifest edited and signed again by `sender`: what a holder of a laptop's key
// could send, past the signature check.
QByteArray withManifest(const QByteArray &file, const Sync::BundleKeys &sender,
                        const std::function<void(QCborMap &)> &edit)
{
    const quint32 size = qFromBigEndian<quint32>(file.constData() + 8);
    QCborMap manifest = QCborValue::fromCbor(file.mid(12, size)).toMap();
    edit(manifest);
    const QByteArray bytes = manifest.toCborValue().toCbor();
    unsigned char signPublic[crypto_sign_PUBLICKEYBYTES];
    unsigned char signSecret[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(signPublic, signSecret, sender.signSeed.data());
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(bytes.constData()), size_t(bytes.size()),
                         signSecret);
    char length[4];
    qToBigEndian(quint32(bytes.size()), length);
    return file.left(8) + QByteArray(length, 4) + bytes + signature + file.mid(12 + size + crypto_sign_BYTES);
}

} // namespace

// Found by tests/fuzz/fuzz_bundle: a double where the manifest has an integer reached a plain
// double-to-integer cast (undefined beyond qint64's range) instead of a refusal.
TEST_CASE("a signed manifest with a number that is not an integer is refused", "[sync][bundle]")
{
    const Sync::BundleKeys laptop = Sync::BundleKeys::generate();
    const Sync::BundleKeys office = Sync::BundleKeys::generate();
    const QByteArray file = Sync::Bundle::write(sample(), laptop, office.boxPublic);
    REQUIRE(
        Sync::Bundle::read(withManifest(file, laptop, [](QCborMap &) {}), laptop.signPublic, office).ok());

    const QByteArray farCreated
        = withManifest(file, laptop, [](QCborMap &m) { m.insert(u"created"_s, 1.8384e19); });
    const Core::Result<Sync::BundleContent> created
        = Sync::Bundle::read(farCreated, laptop.signPublic, office);
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().code == Core::Error::Code::Corrupt);

    // The exact page size, as a double: refused all the same.
    const QByteArray doubleSize = withManifest(file, laptop, [](QCborMap &m) {
        QCborArray pages = m.value(u"pages"_s).toArray();
        QCborMap first = pages.at(0).toMap();
        first.insert(u"n"_s, double(first.value(u"n"_s).toInteger()));
        pages[0] = first;
        m.insert(u"pages"_s, pages);
    });
    const Core::Result<Sync::BundleContent> sized = Sync::Bundle::read(doubleSize, laptop.signPublic, office);
    REQUIRE_FALSE(sized.ok());
    CHECK(sized.error().code == Core::Error::Code::Corrupt);
    CHECK(sized.error().detail.contains(u"page 1 of 4"));

    const QByteArray version = withManifest(file, laptop, [](QCborMap &m) { m.insert(u"v"_s, 1.0); });
    CHECK(Sync::Bundle::read(version, laptop.signPublic, office).error().code == Core::Error::Code::Corrupt);
}

// --- the office's side (BundleOffice) against a real store, on both backends ---------------

namespace {

const qint64 now = Test::stampAt(Test::fixedNowMs);

// A laptop enrolled through the service with its own bundle keys, as SyncClient::enroll does.
struct BundleLaptop
{
    Sync::BundleKeys keys = Sync::BundleKeys::generate();
    Sync::EnrollReply reply;
    Sync::ServerDevice device;
};

BundleLaptop enrollWithKeys(Test::ServerFixture &f, const QString &login, const QString &team,
                            const QString &site)
{
    if (!f.store->teamId(team).ok())
        REQUIRE(f.admin->createTeam(team).ok());
    REQUIRE(f.admin->createUser(login, login, u"caseworker"_s, team).ok());
    auto code = Sync::EnrollmentCode::parse(
        f.admin->enroll(login, u"laptop of "_s + login, Test::officePassphrase).value());
    REQUIRE(code.ok());
    BundleLaptop laptop;
    const Sync::Response response
        = f.call(Sync::Endpoint::enroll, {},
                 Sync::Wire::encode(Sync::EnrollRequest{code->secret, login, site, laptop.keys.signPublic,
                                                        laptop.keys.boxPublic}));
    REQUIRE(response.status == 200);
    REQUIRE(Sync::Wire::decode(response.body, laptop.reply).ok());
    laptop.device = f.store->deviceById(laptop.reply.deviceId).value().value();
    return laptop;
}

QByteArray laptopBundle(const BundleLaptop &laptop, const Sync::BundleKeys &office,
                        const QList<Sync::PushRequest> &batches)
{
    Sync::BundleContent content;
    content.kind = u"laptop"_s;
    content.sender = laptop.reply.deviceId;
    content.recipient = u"server"_s;
    content.meta.insert(u"cursor"_s, QByteArray());
    content.meta.insert(u"site"_s, laptop.device.siteId.toUtf8());
    for (const Sync::PushRequest &batch : batches)
        content.pages << Sync::Wire::encode(batch);
    return Sync::Bundle::write(content, laptop.keys, office.boxPublic);
}

struct OfficeReply
{
    QList<Sync::PushReply> pushed;
    QList<Sync::PullReply> pulled;
    QByteArray baseCursor;
};

OfficeReply openReply(const QByteArray &file, const Test::ServerFixture &f, const BundleLaptop &laptop)
{
    auto content = Sync::Bundle::read(file, f.store->bundleKeys().signPublic, laptop.keys);
    REQUIRE(content.ok());
    CHECK(content->kind == u"office");
    CHECK(content->recipient == laptop.reply.deviceId);
    OfficeReply out;
    out.baseCursor = content->meta.value(u"base_cursor"_s);
    const int pushPages = content->meta.value(u"push_pages"_s).toInt();
    for (int i = 0; i < content->pages.size(); ++i) {
        if (i < pushPages) {
            Sync::PushReply r;
            REQUIRE(Sync::Wire::decode(content->pages.at(i), r).ok());
            out.pushed << r;
        } else {
            Sync::PullReply r;
            REQUIRE(Sync::Wire::decode(content->pages.at(i), r).ok());
            out.pulled << r;
        }
    }
    return out;
}

} // namespace

TEST_CASE("the office stores a laptop's bundle once and answers with verdicts and pages for it only",
          "[sync][bundle]")
{
    Test::ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const QFile keyFile(QDir(f.dir.path()).filePath(u"bundle.key"_s));
    REQUIRE(keyFile.exists());
    CHECK(keyFile.size() == 64);
    CHECK((keyFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);
    BundleLaptop ani = enrollWithKeys(f, u"ani"_s, u"Tenggarong"_s, u"site-ani"_s);
    BundleLaptop sri = enrollWithKeys(f, u"sri"_s, u"Tenggarong"_s, u"site-sri"_s);
    // The enrollment exchanged the keys both ways.
    CHECK(ani.reply.serverSignPublic == f.store->bundleKeys().signPublic);
    CHECK(ani.reply.serverBoxPublic == f.store->bundleKeys().boxPublic);
    CHECK(ani.device.bundleSignPublic == ani.keys.signPublic);
    CHECK(ani.device.bundleBoxPublic == ani.keys.boxPublic);

    const QString caseId = Core::newUuidV7(0);
    const QList<Sync::WireOp> ops = Test::intakeOps(u"site-ani"_s, 1, caseId, u"ani"_s, now);
    const QByteArray file = laptopBundle(ani, f.store->bundleKeys(),
                                         {{u"site-ani"_s, ops.mid(0, 2)}, {u"site-ani"_s, ops.mid(2)}});

    Sync::BundleOffice office(*f.store, f.clock);
    auto first = office.importLaptopBundle(file);
    INFO((first ? std::string() : first.error().detail.toStdString()));
    REQUIRE(first.ok());
    CHECK(first->summary.pushed == 4);
    CHECK(first->summary.duplicates == 0);
    CHECK(first->summary.pushPages == 2);
    const qint64 stored = f.store->opCount().value();
    const OfficeReply reply = openReply(first->file, f, ani);
    REQUIRE(reply.pushed.size() == 2);
    CHECK(reply.pushed.last().ackedThrough == 4);
    REQUIRE_FALSE(reply.pulled.isEmpty());
    CHECK_FALSE(reply.pulled.last().more);
    // The office's registry number for the new case travels back in the pull pages.
    bool numbered = false;
    for (const Sync::PullReply &page : reply.pulled)
        for (const Sync::WireOp &op : page.ops)
            numbered = numbered || (op.caseId == caseId && op.field == u"registry_number");
    CHECK(numbered);

    // The same bundle again: nothing stored twice, the same answer.
    auto again = office.importLaptopBundle(file);
    REQUIRE(again.ok());
    CHECK(again->summary.pushed == 0);
    CHECK(again->summary.duplicates == 4);
    CHECK(f.store->opCount().value() == stored);
    CHECK(openReply(again->file, f, ani).pulled.last().nextCursor == reply.pulled.last().nextCursor);

    // The answer is for Ani's laptop only.
    CHECK(Sync::Bundle::read(first->file, f.store->bundleKeys().signPublic, sri.keys).error().code
          == Core::Error::Code::Refused);

    // An office-initiated bundle for Sri (the case is on her team) carries the case.
    REQUIRE(f.admin->assignCase(caseId, {}, u"Tenggarong"_s).ok());
    auto forSri = office.exportForDevice(sri.reply.deviceId);
    REQUIRE(forSri.ok());
    const OfficeReply sriReply = openReply(forSri->file, f, sri);
    CHECK(sriReply.pushed.isEmpty());
    CHECK(sriReply.baseCursor.isEmpty());
    int caseOps = 0;
    for (const Sync::PullReply &page : sriReply.pulled)
        for (const Sync::WireOp &op : page.ops)
            caseOps += op.caseId == caseId ? 1 : 0;
    CHECK(caseOps >= 4);
}

TEST_CASE("an office bundle carries the laptop's keys of later epochs, sealed for it alone",
          "[sync][bundle][keys]")
{
    Test::ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    BundleLaptop ani = enrollWithKeys(f, u"ani"_s, u"Tenggarong"_s, u"site-ani"_s);
    BundleLaptop sri = enrollWithKeys(f, u"sri"_s, u"Tenggarong"_s, u"site-sri"_s);
    Sync::BundleOffice office(*f.store, f.clock);
    const auto keysIn = [&](const QByteArray &file, const BundleLaptop &laptop) {
        auto content = Sync::Bundle::read(file, f.store->bundleKeys().signPublic, laptop.keys);
        REQUIRE(content.ok());
        QList<Sync::SealedKey> keys;
        if (content->meta.contains(u"keys"_s))
            REQUIRE(Sync::Wire::decode(content->meta.value(u"keys"_s), keys).ok());
        return keys;
    };
    CHECK(keysIn(office.exportForDevice(ani.reply.deviceId).value().file, ani).isEmpty());

    REQUIRE(f.admin->revokeDevice(sri.reply.deviceId).ok());
    REQUIRE(f.admin->rotateKey(Test::officePassphrase).ok());
    const QList<Sync::SealedKey> keys = keysIn(office.exportForDevice(ani.reply.deviceId).value().file, ani);
    REQUIRE(keys.size() == 1);
    CHECK(keys.first().epoch == 1);
    const Sync::DistrictKeys district = f.store->unlockDistrictKeys(Test::officePassphrase).value();
    const auto opened = Sync::DistrictKeys::openForDevice(
        1, keys.first().sealed, *district.key(0), ani.reply.deviceId, ani.keys.boxPublic, ani.keys.boxSecret);
    REQUIRE(opened.ok());
    CHECK(QByteArrayView(opened->data(), 32) == QByteArrayView(district.key(1)->data(), 32));
    // The revoked laptop gets no bundle at all.
    CHECK(office.exportForDevice(sri.reply.deviceId).error().code == Core::Error::Code::Refused);
}

TEST_CASE("the office refuses a bundle with another site's ops whole, and bundles of revoked devices",
          "[sync][bundle]")
{
    Test::ServerFixture f(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    BundleLaptop ani = enrollWithKeys(f, u"ani"_s, u"Tenggarong"_s, u"site-ani"_s);
    Sync::BundleOffice office(*f.store, f.clock);
    const qint64 before = f.store->opCount().value();

    // A good first page and a second page with another site's ops: nothing is stored.
    const QList<Sync::WireOp> good = Test::intakeOps(u"site-ani"_s, 1, Core::newUuidV7(0), u"ani"_s, now);
    const QList<Sync::WireOp> foreign = Test::intakeOps(u"site-sri"_s, 1, Core::newUuidV7(0), u"sri"_s, now);
    auto mixed = office.importLaptopBundle(
        laptopBundle(ani, f.store->bundleKeys(), {{u"site-ani"_s, good}, {u"site-ani"_s, foreign}}));
    REQUIRE_FALSE(mixed.ok());
    CHECK(mixed.error().code == Core::Error::Code::Refused);
    CHECK(f.store->opCount().value() == before);

    // Cut short: refused, with the reason.
    const QByteArray file = laptopBundle(ani, f.store->bundleKeys(), {{u"site-ani"_s, good}});
    auto cut = office.importLaptopBundle(file.left(file.size() - 10));
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().code == Core::Error::Code::Corrupt);
    CHECK(cut.error().detail.contains(u"cut short"));
    CHECK(f.store->opCount().value() == before);

    // Not signed by the device it names.
    BundleLaptop impostor;
    impostor.reply = ani.reply;
    impostor.device = ani.device;
    auto forged
        = office.importLaptopBundle(laptopBundle(impostor, f.store->bundleKeys(), {{u"site-ani"_s, good}}));
    REQUIRE_FALSE(forged.ok());
    CHECK(forged.error().code == Core::Error::Code::Refused);

    REQUIRE(f.admin->revokeDevice(ani.reply.deviceId).ok());
    auto revoked = office.importLaptopBundle(file);
    REQUIRE_FALSE(revoked.ok());
    CHECK(revoked.error().code == Core::Error::Code::Refused);
    CHECK(revoked.error().detail.contains(u"revoked"));
    CHECK(f.store->opCount().value() == before);
}

TEST_CASE("a server store from before bundles gets the new columns and its bundle keys when opened",
          "[sync][bundle]")
{
    QTemporaryDir dir;
    REQUIRE(Sync::ServerStore::initialise(dir.path(), {}, u"6402"_s, Test::officePassphrase,
                                          Core::KdfStrength::Minimum)
                .ok());
    // Take the store back to schema 1 as an older build left it: no bundle columns, no key file.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
        db.setDatabaseName(QDir(dir.path()).filePath(u"server.db"_s));
        REQUIRE(db.open());
        QSqlQuery q(db);
        // Tables of later steps go too (they are created again by the upgrade).
        const QStringList v1{u"meta"_s,        u"teams"_s,        u"users"_s,        u"devices"_s,
                             u"enrollments"_s, u"ops"_s,          u"rejected_ops"_s, u"cases"_s,
                             u"site_acks"_s,   u"device_cases"_s, u"device_purges"_s};
        for (const QString &table : db.tables()) {
            if (!v1.contains(table))
                REQUIRE(q.exec(u"DROP TABLE "_s + table));
        }
        for (const QString &sql : {u"ALTER TABLE devices DROP COLUMN bundle_sign"_s,
                                   u"ALTER TABLE devices DROP COLUMN bundle_box"_s,
                                   u"ALTER TABLE devices DROP COLUMN bundle_cursor"_s,
                                   u"ALTER TABLE devices DROP COLUMN pulled_seq"_s,
                                   u"UPDATE meta SET num = 1 WHERE key = 'schema_version'"_s})
            REQUIRE(q.exec(sql));
    }
    QSqlDatabase::removeDatabase(u"downgrade"_s);
    REQUIRE(QFile::remove(QDir(dir.path()).filePath(u"bundle.key"_s)));

    auto opened = Sync::ServerStore::open(dir.path(), {});
    INFO((opened ? std::string() : opened.error().detail.toStdString()));
    REQUIRE(opened.ok());
    CHECK((*opened)->bundleKeys().isValid());
    CHECK(QFile(QDir(dir.path()).filePath(u"bundle.key"_s)).size() == 64);
    CHECK((*opened)->setBundleCursor(u"no-such-device"_s, "x").ok());
    CHECK((*opened)->bundleCursor(u"no-such-device"_s).value().isEmpty());
    // The keys stay the same on the next open.
    const QByteArray signPublic = (*opened)->bundleKeys().signPublic;
    opened->reset();
    CHECK(Sync::ServerStore::open(dir.path(), {}).value()->bundleKeys().signPublic == signPublic);
}
