// SPDX-License-Identifier: GPL-3.0-or-later
// What a page may cost its reader (Wire::Limits) and which ids it may carry: bombs, floods of
// empty containers, deep nesting and ids that are paths are refused before anything is built
// from them; honest pages at the limits still pass.
#include "core/util/uuid.h"
#include "sync/wire.h"
#include "tests/support/fixtures.h"
#include "tests/support/pgcluster.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QtEndian>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

const QString site = u"5ec0de5ec0de5ec0"_s;

// A page around raw CBOR, declaring `declared` unpacked bytes (-1: the true size).
QByteArray rawPage(const QByteArray &cbor, qint64 declared = -1)
{
    QByteArray page = "DPG1"_ba + qCompress(cbor, 9);
    if (declared >= 0)
        qToBigEndian(quint32(declared), page.data() + 4);
    return page;
}

QByteArray cborOf(const QCborMap &map)
{
    return map.toCborValue().toCbor();
}

// CBOR head of major type `major` with argument `n` (always the 4-byte form when n > 23).
QByteArray head(int major, quint32 n)
{
    if (n < 24)
        return QByteArray(1, char((major << 5) | int(n)));
    QByteArray out(1, char((major << 5) | 26));
    char be[4];
    qToBigEndian(n, be);
    return out + QByteArray(be, 4);
}

QByteArray text(const char *s)
{
    return head(3, quint32(qstrlen(s))) + QByteArray(s);
}

std::string detailOf(const Core::Status &s)
{
    return s.ok() ? std::string("ok") : s.error().detail.toStdString();
}

template <typename Message> Core::Status decodeAs(const QByteArray &page)
{
    Message out;
    return Sync::Wire::decode(page, out);
}

QList<Sync::WireOp> ops(int n, qsizetype valueBytes = 8)
{
    const QString caseId = Core::newUuidV7(Test::fixedNowMs);
    const QString txn = Core::newUuidV7(Test::fixedNowMs);
    QList<Sync::WireOp> out;
    out << Test::caseCreateOp(site, 1, txn, caseId, u"ani"_s, Test::stampAt(Test::fixedNowMs));
    for (int i = 2; i <= n; ++i)
        out << Test::caseSetOp(site, i, txn, caseId, u"narrative"_s, QByteArray(valueBytes, 'n'), u"ani"_s,
                               Test::stampAt(Test::fixedNowMs, i));
    return out;
}

} // namespace

TEST_CASE("a zip bomb declaring a small size is refused once it unpacks past it", "[sync][wire][limits]")
{
    // 16 MiB of zeros packs to about 16 KiB; the page says 100 bytes.
    const QByteArray bomb = rawPage(QByteArray(16 * 1024 * 1024, '\0'), 100);
    REQUIRE(bomb.size() < 64 * 1024);
    const Core::Status push = decodeAs<Sync::PushRequest>(bomb);
    REQUIRE_FALSE(push.ok());
    CHECK(push.error().code == Core::Error::Code::Corrupt);
    CHECK(detailOf(push) == "page unpacks to more than the 100 bytes it declares");
    // The same stream declaring its true size is above every request's limit.
    const Core::Status honest = decodeAs<Sync::PushRequest>(rawPage(QByteArray(17 * 1024 * 1024, '\0')));
    CHECK_THAT(detailOf(honest), Catch::Contains("above the limit of 16777216"));
    // /v1/enroll is read before any token: a page there may unpack to 4 KiB, not more.
    const QByteArray small = rawPage(QByteArray(5000, '\0'));
    CHECK_THAT(detailOf(decodeAs<Sync::EnrollRequest>(small)), Catch::Contains("above the limit of 4096"));
    // ... and a body above what 4 KiB can pack to is refused unread.
    const QByteArray big = "DPG1"_ba + QByteArray(4, '\0') + QByteArray(8000, 'x');
    CHECK_THAT(detailOf(decodeAs<Sync::EnrollRequest>(big)), Catch::Contains("this message may take"));
}

TEST_CASE("a page whose stream is cut, padded or shorter than declared is refused", "[sync][wire][limits]")
{
    const QByteArray cbor = cborOf(QCborMap{{"cursor"_L1, QByteArray("c")}, {"max"_L1, 10}});
    const QByteArray page = rawPage(cbor);
    REQUIRE(decodeAs<Sync::PullRequest>(page).ok());
    CHECK_THAT(detailOf(decodeAs<Sync::PullRequest>(page.chopped(3))),
               Catch::Contains("does not decompress"));
    CHECK_THAT(detailOf(decodeAs<Sync::PullRequest>(page + "junk"_ba)), Catch::Contains("bytes after"));
    CHECK_THAT(detailOf(decodeAs<Sync::PullRequest>(rawPage(cbor, cbor.size() + 1))),
               Catch::Contains("not the"));
    CHECK_THAT(detailOf(decodeAs<Sync::PullRequest>(rawPage(cbor, 0))), Catch::Contains("nothing"));
    // CBOR after the page's one value.
    CHECK_THAT(detailOf(decodeAs<Sync::PullRequest>(rawPage(cbor + cbor))), Catch::Contains("bytes after"));
}

TEST_CASE("an honest push at the limits is read; one op or byte more is refused", "[sync][wire][limits]")
{
    SECTION("ops")
    {
        const QList<Sync::WireOp> full = ops(int(Sync::Wire::Limit::push.entries));
        Sync::PushRequest read;
        REQUIRE(Sync::Wire::decode(Sync::Wire::encode(Sync::PushRequest{site, full}), read).ok());
        CHECK(read.ops == full);
        const QList<Sync::WireOp> over = ops(int(Sync::Wire::Limit::push.entries) + 1);
        CHECK_THAT(detailOf(decodeAs<Sync::PushRequest>(Sync::Wire::encode(Sync::PushRequest{site, over}))),
                   Catch::Contains("array of 5001 entries, above the limit of 5000"));
    }
    SECTION("bytes")
    {
        // 66 values of 250,000 bytes: 16.5 MB, just under 16 MiB with the ops' keys.
        const QList<Sync::WireOp> heavy = ops(67, 250'000);
        const QByteArray page = Sync::Wire::encode(Sync::PushRequest{site, heavy});
        REQUIRE(qFromBigEndian<quint32>(page.constData() + 4) > 16'500'000);
        Sync::PushRequest read;
        const Core::Status s = Sync::Wire::decode(page, read);
        INFO(detailOf(s));
        REQUIRE(s.ok());
        CHECK(read.ops.size() == 67);
        const QByteArray heavier = Sync::Wire::encode(Sync::PushRequest{site, ops(69, 250'000)});
        CHECK_THAT(detailOf(decodeAs<Sync::PushRequest>(heavier)), Catch::Contains("above the limit"));
    }
    SECTION("one value")
    {
        const QByteArray page = Sync::Wire::encode(Sync::PushRequest{site, ops(2, 256 * 1024 + 1)});
        CHECK_THAT(detailOf(decodeAs<Sync::PushRequest>(page)),
                   Catch::Contains("a CBOR string of 262145 bytes"));
    }
}

TEST_CASE("millions of empty arrays are refused cheaply, by entries or by the item count",
          "[sync][wire][limits]")
{
    // 8 MiB of empty arrays in the ops array: the array's head alone gives it away.
    const quint32 flood = 8 * 1024 * 1024;
    QByteArray cbor = head(5, 2) + text("site") + text("5ec0de5ec0de5ec0") + text("ops") + head(4, flood)
                    + QByteArray(qsizetype(flood), char(0x80));
    QByteArray page = rawPage(cbor);
    CHECK(page.size() < 64 * 1024);
    CHECK_THAT(detailOf(decodeAs<Sync::PushRequest>(page)), Catch::Contains("array of 8388608 entries"));

    // Spread over arrays that are each within bounds: 3,000 keys of 5,000 empty arrays (15 MB).
    cbor = head(5, 3000);
    for (quint32 k = 0; k < 3000; ++k)
        cbor += head(0, k) + head(4, 5000) + QByteArray(5000, char(0x80));
    page = rawPage(cbor);
    CHECK_THAT(detailOf(decodeAs<Sync::PushRequest>(page)), Catch::Contains("more than 200000 CBOR values"));
    // The same flood, one level deeper, meets the depth limit first.
    cbor = head(5, 1) + text("ops") + head(4, 2000);
    for (int k = 0; k < 2000; ++k)
        cbor += head(4, 5000) + QByteArray(5000, char(0x80));
    CHECK_THAT(detailOf(decodeAs<Sync::PushRequest>(rawPage(cbor))), Catch::Contains("nested deeper than 3"));
}

TEST_CASE("nesting, chunked strings and tags are refused", "[sync][wire][limits]")
{
    // 8 MiB of arrays inside arrays.
    const QByteArray deep = QByteArray(8 * 1024 * 1024, char(0x81)) + QByteArray(1, char(0x80));
    CHECK_THAT(detailOf(decodeAs<Sync::PushRequest>(rawPage(deep))), Catch::Contains("nested deeper than 3"));
    // A handshake is flat: one map of scalars.
    const QCborMap nested{{"protocol"_L1, 1}, {"schema"_L1, 1}, {"site"_L1, site}, {"x"_L1, QCborArray{1}}};
    CHECK_THAT(detailOf(decodeAs<Sync::HandshakeRequest>(rawPage(cborOf(nested)))),
               Catch::Contains("nested deeper than 1"));
    // Indefinite lengths and tags: never written by Dampingi.
    const QByteArray chunked
        = head(5, 1) + text("error") + QByteArray(1, char(0x7f)) + text("a") + QByteArray(1, char(0xff));
    CHECK_THAT(detailOf(decodeAs<Sync::ErrorReply>(rawPage(chunked))), Catch::Contains("chunked"));
    const QByteArray indefinite
        = QByteArray(1, char(0xbf)) + text("error") + text("a") + QByteArray(1, char(0xff));
    CHECK_THAT(detailOf(decodeAs<Sync::ErrorReply>(rawPage(indefinite))), Catch::Contains("indefinite"));
    const QByteArray tagged = head(5, 1) + text("error") + head(6, 0) + text("2026-12-02T00:00:00Z");
    CHECK_THAT(detailOf(decodeAs<Sync::ErrorReply>(rawPage(tagged))), Catch::Contains("tag"));
    // A long device name at enrollment.
    const QByteArray name
        = Sync::Wire::encode(Sync::EnrollRequest{QByteArray(20, 's'), QString(2000, u'n'), site});
    CHECK_THAT(detailOf(decodeAs<Sync::EnrollRequest>(name)), Catch::Contains("a CBOR string of 2000 bytes"));
    // Well-formed CBOR that simply ends early.
    CHECK_THAT(detailOf(decodeAs<Sync::ErrorReply>(rawPage(head(5, 2) + text("error") + text("a")))),
               Catch::Contains("malformed CBOR"));
}

TEST_CASE("every message round-trips within its limits", "[sync][wire][limits]")
{
    const QString id = Core::newUuidV7(Test::fixedNowMs);
    Sync::PullReply pull{ops(3), "c1|x"_ba, true, {id}};
    Sync::PullReply pullRead;
    REQUIRE(Sync::Wire::decode(Sync::Wire::encode(pull), pullRead).ok());
    CHECK(pullRead.ops == pull.ops);
    CHECK(pullRead.purge == pull.purge);
    Sync::BlobRequest blob{true, id, 0, 1, QByteArray(Sync::blobPartBytes + 40, 'b'), {}};
    Sync::BlobRequest blobRead;
    REQUIRE(Sync::Wire::decode(Sync::Wire::encode(blob), blobRead).ok());
    CHECK(blobRead.data == blob.data);
    QStringList ask;
    for (int i = 0; i < Sync::blobAskMax; ++i)
        ask << Core::newUuidV7(Test::fixedNowMs + i);
    Sync::BlobRequest asking;
    asking.ask = ask;
    REQUIRE(Sync::Wire::decode(Sync::Wire::encode(asking), blobRead).ok());
    CHECK(blobRead.ask == ask);
    asking.ask << Core::newUuidV7(Test::fixedNowMs);
    CHECK_FALSE(Sync::Wire::decode(Sync::Wire::encode(asking), blobRead).ok());
    Sync::HandshakeReply hello;
    hello.serverSite = site;
    hello.epoch = u"0123456789abcdef"_s;
    hello.firstPage = std::make_shared<Sync::PullReply>(pull);
    Sync::HandshakeReply helloRead;
    REQUIRE(Sync::Wire::decode(Sync::Wire::encode(hello), helloRead).ok());
    REQUIRE(helloRead.firstPage);
    CHECK(helloRead.firstPage->ops == pull.ops);
    // Every request endpoint has limits, and a body of their size is what the front lets in.
    for (const char *endpoint : {Sync::Endpoint::enroll, Sync::Endpoint::handshake, Sync::Endpoint::push,
                                 Sync::Endpoint::pull, Sync::Endpoint::blob})
        CHECK(Sync::Wire::requestLimits(endpoint) != nullptr);
    CHECK(Sync::Wire::requestLimits(Sync::Endpoint::health) == nullptr);
    CHECK(Sync::Wire::requestLimits(Sync::Endpoint::enroll)->pageBytes() < 5000);
}

TEST_CASE("ids that are not ids make the whole page malformed", "[sync][wire][ids]")
{
    const QString good = Core::newUuidV7(Test::fixedNowMs);
    const QStringList bad{u"../../x"_s,
                          u"/etc/passwd"_s,
                          u""_s,
                          good + u"0"_s,
                          QString(5000, u'a'),
                          u"zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"_s,
                          u"00000000-0000-0000-0000-000000000000"_s,
                          u"../../../../home/ani/.bashrc"_s,
                          u"0190c0de-0000-7000-8000-00000000000/"_s};
    for (const QString &id : bad) {
        INFO(id.left(60).toStdString());
        CHECK_FALSE(Core::isUuid(id));
        for (const auto field : {&Sync::WireOp::txn, &Sync::WireOp::entityId, &Sync::WireOp::caseId}) {
            QList<Sync::WireOp> batch = ops(2);
            batch[1].*field = id;
            if (id.isEmpty() && field == &Sync::WireOp::caseId)
                continue; // an op may name no case (not one of a case's records)
            Sync::PushRequest read;
            const Core::Status s
                = Sync::Wire::decode(Sync::Wire::encode(Sync::PushRequest{site, batch}), read);
            REQUIRE_FALSE(s.ok());
            CHECK(s.error().code == Core::Error::Code::Corrupt);
            Sync::PullReply pullRead;
            CHECK_FALSE(
                Sync::Wire::decode(Sync::Wire::encode(Sync::PullReply{batch, {}, false, {}}), pullRead).ok());
            Sync::WireOp one;
            CHECK_FALSE(Sync::Wire::decode(Sync::Wire::encode(batch[1]), one).ok());
        }
        Sync::PullReply purge{{}, {}, false, {good, id}};
        Sync::PullReply pullRead;
        CHECK_THAT(detailOf(Sync::Wire::decode(Sync::Wire::encode(purge), pullRead)),
                   Catch::Contains("'purge' missing or not an array of UUIDs"));
        Sync::BlobRequest blobRead;
        if (!id.isEmpty()) // an empty id asks which of `ask` the server lacks
            CHECK_FALSE(Sync::Wire::decode(Sync::Wire::encode(Sync::BlobRequest{true, id, 0, 1, "x"_ba, {}}),
                                           blobRead)
                            .ok());
        CHECK_FALSE(Sync::Wire::decode(
                        Sync::Wire::encode(Sync::BlobRequest{false, {}, -1, 0, {}, {good, id}}), blobRead)
                        .ok());
        Sync::BlobReply blobReply;
        CHECK_FALSE(Sync::Wire::decode(Sync::Wire::encode(Sync::BlobReply{0, 0, {}, {id}}), blobReply).ok());
        Sync::EnrollReply enrolled{id, "t"_ba, u"ani"_s, u"caseworker"_s, u"64.02"_s, site, "k"_ba, {}, {}};
        Sync::EnrollReply enrolledRead;
        CHECK_FALSE(Sync::Wire::decode(Sync::Wire::encode(enrolled), enrolledRead).ok());
    }
    // Site ids are not UUIDs (16 hex digits) but are held to a safe alphabet all the same.
    for (const QString &s : {u"../../x"_s, u"a|b"_s, u"/etc/passwd"_s, QString(65, u'a'), u"s\u00e9"_s}) {
        INFO(s.toStdString());
        CHECK_FALSE(Core::isSiteId(s));
        QList<Sync::WireOp> batch = ops(2);
        batch[0].site = s;
        Sync::PushRequest read;
        CHECK_FALSE(Sync::Wire::decode(Sync::Wire::encode(Sync::PushRequest{site, batch}), read).ok());
        CHECK_FALSE(Sync::Wire::decode(Sync::Wire::encode(Sync::PushRequest{s, ops(2)}), read).ok());
        Sync::HandshakeRequest hello;
        CHECK_FALSE(Sync::Wire::decode(Sync::Wire::encode(Sync::HandshakeRequest{1, 1, s, {}}), hello).ok());
        Sync::EnrollRequest enroll;
        CHECK_FALSE(
            Sync::Wire::decode(Sync::Wire::encode(Sync::EnrollRequest{"s"_ba, u"n"_s, s}), enroll).ok());
    }
    CHECK(Core::isSiteId(u"5ec0de5ec0de5ec0"_s));
    CHECK(Core::isSiteId(u"site-ani"_s));
}

TEST_CASE("handshake marks pack and unpack whole, and a hostile packing is refused", "[sync][wire]")
{
    const QList<Sync::SiteMark> marks{{95, u"01a21dcc-1233-7001-b1df-377f919875c3"_s},
                                      {94, u"01a21dcc-1233-7002-b1df-377f919875c3"_s},
                                      {1, u"01a21dcc-1233-7003-b1df-377f919875c3"_s}};
    const QByteArray packed = Sync::Wire::packMarks(marks);
    CHECK(packed.size() == 3 * 24);
    const Core::Result<QList<Sync::SiteMark>> back = Sync::Wire::unpackMarks(packed);
    REQUIRE(back.ok());
    CHECK(*back == marks);
    // Through a whole handshake page, and an old page without marks reads as none.
    Sync::HandshakeRequest hello{1, 9, u"site-a"_s, {}, 0, 1, packed};
    Sync::HandshakeRequest read;
    REQUIRE(Sync::Wire::decode(Sync::Wire::encode(hello), read).ok());
    CHECK(read.marks == packed);
    CHECK(Sync::Wire::unpackMarks(QByteArray()).value().isEmpty());

    CHECK_FALSE(Sync::Wire::unpackMarks(packed.left(packed.size() - 1)).ok()); // not whole marks
    QByteArray zeroSeq = packed;
    zeroSeq.replace(0, 8, QByteArray(8, '\0'));
    CHECK_FALSE(Sync::Wire::unpackMarks(zeroSeq).ok());
    QByteArray negative = packed;
    negative[0] = char(0x80);
    CHECK_FALSE(Sync::Wire::unpackMarks(negative).ok());
    QByteArray nullTxn = packed;
    nullTxn.replace(8, 16, QByteArray(16, '\0'));
    CHECK_FALSE(Sync::Wire::unpackMarks(nullTxn).ok());
    QByteArray tooMany;
    for (int i = 0; i <= Sync::Wire::maxMarks; ++i)
        tooMany += packed.left(24);
    CHECK_FALSE(Sync::Wire::unpackMarks(tooMany).ok());
    CHECK(Sync::Wire::unpackMarks(tooMany.left(24 * Sync::Wire::maxMarks)).ok());
}
