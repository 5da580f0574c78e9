// SPDX-License-Identifier: GPL-3.0-or-later
// The wire messages against themselves and against the bytes laptops and servers in the field
// already exchange: every message round-trips with every field set (a field the encoder or the
// decoder forgets fails), encodes to the golden page captured before the field tables replaced
// the hand-written encoders (tests/data/wire/), and is refused cut short or with bytes added.
#include "sync/wire.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <catch2/catch.hpp>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

const QString uuidA = u"0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b"_s;
const QString uuidB = u"0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a60"_s;
const QString uuidC = u"0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a61"_s;
const QString uuidD = u"0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a62"_s;
const QString siteA = u"5ec0de5ec0de5ec0"_s;
const QString siteB = u"0a1b2c3d4e5f6a7b"_s;

// Every field differs from its default (and the two ops from each other), so a field the
// encoder skips or the decoder does not read comes back different.
Sync::WireOp op(qint64 seq, bool withValue)
{
    Sync::WireOp op;
    op.site = siteA;
    op.seq = seq;
    op.txn = uuidB;
    op.entity = u"person"_s;
    op.entityId = uuidC;
    op.caseId = uuidD;
    op.field = u"name"_s;
    op.op = u"set"_s;
    if (withValue)
        op.value = QByteArray("\x01sealed-value\x00\xff", 15);
    op.hlc = (1'796'083'200'000LL << 16) | seq;
    op.author = u"budi"_s;
    op.base = 1'796'083'100'000LL << 16;
    op.schemaVersion = 7;
    return op;
}

Sync::PullReply pullReply()
{
    return Sync::PullReply{{op(1, true), op(2, false)}, "cursor-2\x00\x01"_ba, true, {uuidA, uuidD}};
}

QList<Sync::SealedKey> sealedKeys()
{
    return {{1, QByteArray(48, '\x11')}, {2, QByteArray(48, '\x22')}};
}

Sync::HandshakeReply handshakeReply()
{
    Sync::HandshakeReply m;
    m.protocol = 1;
    m.schemaMin = 2;
    m.schemaMax = 9;
    m.serverTimeMs = 1'796'083'200'123;
    m.serverSite = siteB;
    m.ackedThrough = 41;
    m.cursorValid = false;
    m.epoch = u"0123456789abcdef"_s;
    m.firstPage = std::make_shared<Sync::PullReply>(pullReply());
    m.keys = sealedKeys();
    return m;
}

Sync::PushReply pushReply()
{
    return Sync::PushReply{{{1, Sync::Verdict::Kind::Accepted, {}, 0},
                            {2, Sync::Verdict::Kind::Duplicate, {}, (1'796'083'200'000LL << 16) | 2},
                            {3, Sync::Verdict::Kind::Rejected, u"out_of_scope"_s, 0}},
                           2};
}

template <typename M> bool same(const M &a, const M &b)
{
    return a == b;
}

// The first page is shared: compare what it points at.
template <> bool same(const Sync::HandshakeReply &a, const Sync::HandshakeReply &b)
{
    if (bool(a.firstPage) != bool(b.firstPage) || (a.firstPage && !(*a.firstPage == *b.firstPage)))
        return false;
    Sync::HandshakeReply x = a, y = b;
    x.firstPage.reset();
    y.firstPage.reset();
    return x == y;
}

// One sample of a message: its golden file, its encoder and a decode-and-compare.
struct Sample
{
    QString name;
    std::function<QByteArray()> encode;
    // Decodes the page and says whether it read back the sample.
    std::function<Core::Status(const QByteArray &, bool *same)> decode;
};

template <typename M> Sample sample(const QString &name, M message)
{
    return Sample{name, [message] { return Sync::Wire::encode(message); },
                  [message](const QByteArray &page, bool *equal) {
                      M read;
                      const Core::Status s = Sync::Wire::decode(page, read);
                      *equal = s.ok() && same(read, message);
                      return s;
                  }};
}

QList<Sample> samples()
{
    return {
        sample(u"op"_s, op(3, true)),
        sample(u"op_null_value"_s, op(4, false)),
        sample(u"error"_s, Sync::ErrorReply{u"malformed"_s, u"bad page"_s}),
        sample(u"enroll_request"_s, Sync::EnrollRequest{QByteArray(20, 'k'), u"Laptop Tenggarong 1"_s, siteA,
                                                        QByteArray(32, 's'), QByteArray(32, 'b')}),
        sample(u"enroll_reply"_s,
               Sync::EnrollReply{uuidA, QByteArray(32, 't'), u"budi"_s, u"caseworker"_s, u"64.02"_s, siteB,
                                 QByteArray(72, 'k'), QByteArray(32, 's'), QByteArray(32, 'b')}),
        sample(u"handshake_request"_s, Sync::HandshakeRequest{1, 7, siteA, "cursor-1"_ba, 500, 3}),
        sample(u"handshake_reply"_s, handshakeReply()),
        sample(u"push_request"_s, Sync::PushRequest{siteA, {op(1, true), op(2, false)}}),
        sample(u"push_reply"_s, pushReply()),
        sample(u"pull_request"_s, Sync::PullRequest{"cursor-1"_ba, 500}),
        sample(u"pull_reply"_s, pullReply()),
        sample(u"blob_request"_s, Sync::BlobRequest{true, uuidA, 1, 2, QByteArray(64, 'd'), {uuidB, uuidC}}),
        sample(u"blob_reply"_s, Sync::BlobReply{1, 2, QByteArray(64, 'd'), {uuidB}}),
        sample(u"sealed_keys"_s, sealedKeys()),
    };
}

QString goldenPath(const QString &name)
{
    return QStringLiteral(DAMPINGI_TEST_DATA) + u"/wire/"_s + name + u".bin"_s;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray cbor(const QByteArray &page)
{
    Core::Result<QByteArray> inner = Sync::Wire::unpack(page, Sync::Wire::Limit::pullReply);
    return inner ? *inner : QByteArray();
}

// A page around raw CBOR (what the encoder would frame it as).
QByteArray pageOf(const QByteArray &cbor)
{
    return "DPG1"_ba + qCompress(cbor, 6);
}

} // namespace

// Run by hand when the wire format changes on purpose (and say so in the commit):
//   DAMPINGI_WIRE_CAPTURE=1 ./build/tests/test_sync "[capture]"
TEST_CASE("capture the golden pages", "[.][capture]")
{
    REQUIRE(qEnvironmentVariableIsSet("DAMPINGI_WIRE_CAPTURE"));
    QDir().mkpath(QStringLiteral(DAMPINGI_TEST_DATA) + u"/wire"_s);
    for (const Sample &s : samples()) {
        QFile file(goldenPath(s.name));
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        REQUIRE(file.write(s.encode()) > 0);
    }
}

TEST_CASE("every message round-trips with every field set", "[sync][wire][roundtrip]")
{
    for (const Sample &s : samples()) {
        INFO(s.name.toStdString());
        bool equal = false;
        const Core::Status status = s.decode(s.encode(), &equal);
        INFO((status ? std::string("ok") : status.error().detail.toStdString()));
        CHECK(equal);
    }
}

TEST_CASE("every message encodes to its golden page, and the golden page decodes to it",
          "[sync][wire][golden]")
{
    for (const Sample &s : samples()) {
        INFO(s.name.toStdString());
        const QByteArray golden = readFile(goldenPath(s.name));
        REQUIRE(golden.startsWith("DPG1"));
        // The CBOR is what the field tables decide; the zlib around it is the library's.
        const QByteArray encoded = s.encode();
        REQUIRE_FALSE(cbor(golden).isEmpty());
        CHECK(cbor(encoded).toHex().toStdString() == cbor(golden).toHex().toStdString());
        bool equal = false;
        CHECK(s.decode(golden, &equal).ok());
        CHECK(equal);
    }
}

TEST_CASE("a golden page cut short or with bytes added is refused", "[sync][wire][golden]")
{
    for (const Sample &s : samples()) {
        INFO(s.name.toStdString());
        const QByteArray golden = readFile(goldenPath(s.name));
        REQUIRE_FALSE(golden.isEmpty());
        const QByteArray inner = cbor(golden);
        bool equal = false;
        // The page itself, cut at its end or at its middle, or with a byte after its stream.
        CHECK_FALSE(s.decode(golden.chopped(1), &equal).ok());
        CHECK_FALSE(s.decode(golden.left(golden.size() / 2), &equal).ok());
        CHECK_FALSE(s.decode(golden + '\0', &equal).ok());
        // Its CBOR, cut by one byte, or followed by another value, framed honestly.
        CHECK_FALSE(s.decode(pageOf(inner.chopped(1)), &equal).ok());
        CHECK_FALSE(s.decode(pageOf(inner + '\0'), &equal).ok());
        // A sanity check that the framing above is the encoder's.
        CHECK(s.decode(pageOf(inner), &equal).ok());
        CHECK(equal);
    }
}

// The seeds of the fuzz corpora are pages written by the encoders of their day: each one the
// decoder reads must encode to the very same bytes.
TEST_CASE("the pages of the fuzz corpora re-encode to themselves", "[sync][wire][golden]")
{
    const QString corpora = QStringLiteral(DAMPINGI_FUZZ_CORPUS);
    int pages = 0;
    int read = 0;
    const auto check = [&](auto message, const QString &dir) {
        using M = decltype(message);
        QDirIterator it(corpora + u"/fuzz_wire_"_s + dir, QDir::Files);
        while (it.hasNext()) {
            const QByteArray page = readFile(it.next());
            if (!page.startsWith("DPG1"))
                continue;
            ++pages;
            M decoded;
            if (!Sync::Wire::decode(page, decoded))
                continue; // seeds from before ids were checked ("site-a")
            ++read;
            INFO(it.filePath().toStdString());
            CHECK(cbor(Sync::Wire::encode(decoded)).toHex().toStdString()
                  == cbor(page).toHex().toStdString());
        }
    };
    check(Sync::WireOp{}, u"op"_s);
    check(Sync::ErrorReply{}, u"error"_s);
    check(Sync::EnrollRequest{}, u"enroll_request"_s);
    check(Sync::EnrollReply{}, u"enroll_reply"_s);
    check(Sync::HandshakeRequest{}, u"handshake_request"_s);
    check(Sync::HandshakeReply{}, u"handshake_reply"_s);
    check(Sync::PushRequest{}, u"push_request"_s);
    check(Sync::PushReply{}, u"push_reply"_s);
    check(Sync::PullRequest{}, u"pull_request"_s);
    check(Sync::PullReply{}, u"pull_reply"_s);
    check(Sync::BlobRequest{}, u"blob_request"_s);
    check(Sync::BlobReply{}, u"blob_reply"_s);
    CHECK(pages >= 12);
    CHECK(read >= 5);
}
