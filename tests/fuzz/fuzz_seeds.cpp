// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpora of tests/fuzz/corpus/<target>/ from the real encoders, so the seeds
// follow the wire format when it changes: fuzz_seeds <corpus dir>. Files are named by content
// (seed-<sha1>), so running it again adds only what changed. Deterministic except the bundles
// (their nonces and sealed keys are random by design).
#include "core/crypto/sodium.h"
#include "sync/enrollmentcode.h"
#include "sync/wire.h"
#include "tests/fuzz/fuzzbundle.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QString root;
int written = 0;

void seed(const QString &target, const QByteArray &bytes)
{
    const QString dir = root + u'/' + target;
    QDir().mkpath(dir);
    const QString name
        = u"seed-"_s + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
    QSaveFile file(dir + u'/' + name);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
    ++written;
}

// A wire target gets the CBOR inside the page (what its harness mutates best) and the page.
void wire(const char *target, const QByteArray &page)
{
    const QString name = u"fuzz_wire_"_s + QLatin1StringView(target);
    seed(name, qUncompress(page.mid(4)));
    seed(name, page);
}

Sync::WireOp op(qint64 seq, bool withValue)
{
    Sync::WireOp op;
    op.site = u"0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b"_s;
    op.seq = seq;
    op.txn = u"0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a60"_s;
    op.entity = u"person"_s;
    op.entityId = u"0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a61"_s;
    op.caseId = u"0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a62"_s;
    op.field = u"name"_s;
    op.op = u"set"_s;
    if (withValue)
        op.value = QByteArray("\x01sealed-value", 13);
    op.hlc = 1'796'083'200'000LL << 16 | 3;
    op.author = u"budi"_s;
    op.base = seq > 1 ? (1'796'083'100'000LL << 16) : 0;
    op.schemaVersion = 3;
    return op;
}

void wireSeeds()
{
    wire("op", Sync::Wire::encode(op(1, true)));
    wire("op", Sync::Wire::encode(op(2, false)));
    wire("error", Sync::Wire::encode(Sync::ErrorReply{u"malformed"_s, u"bad page"_s}));
    wire("enroll_request",
         Sync::Wire::encode(Sync::EnrollRequest{QByteArray(20, 'k'), u"Laptop Tenggarong 1"_s,
                                                u"0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b"_s,
                                                QByteArray(32, 's'), QByteArray(32, 'b')}));
    Sync::EnrollReply enrolled{u"dev-1"_s,          QByteArray(32, 't'), u"budi"_s,
                               u"caseworker"_s,     u"64.02"_s,          u"server-site"_s,
                               QByteArray(72, 'k'), QByteArray(32, 's'), QByteArray(32, 'b')};
    wire("enroll_reply", Sync::Wire::encode(enrolled));
    wire("handshake_request", Sync::Wire::encode(Sync::HandshakeRequest{1, 3, u"site-a"_s, "cursor-1", 500}));
    wire("handshake_request", Sync::Wire::encode(Sync::HandshakeRequest{1, 3, u"site-a"_s, {}, 0}));
    wire("handshake_request", Sync::Wire::encode(Sync::HandshakeRequest{
                                  1, 9, u"site-a"_s, "cursor-1", 0, 2,
                                  Sync::Wire::packMarks({{95, u"01a21dcc-1233-7001-b1df-377f919875c3"_s},
                                                         {94, u"01a21dcc-1233-7002-b1df-377f919875c3"_s}})}));
    Sync::HandshakeReply hello;
    hello.protocol = 1;
    hello.schemaMin = 1;
    hello.schemaMax = 3;
    hello.serverTimeMs = 1'796'083'200'000;
    hello.serverSite = u"server-site"_s;
    hello.ackedThrough = 41;
    hello.epoch = u"epoch-7"_s;
    wire("handshake_reply", Sync::Wire::encode(hello));
    hello.firstPage = std::make_shared<Sync::PullReply>(
        Sync::PullReply{{op(1, true), op(2, false)}, "cursor-2", true, {u"case-gone"_s}});
    wire("handshake_reply", Sync::Wire::encode(hello));
    wire("push_request", Sync::Wire::encode(Sync::PushRequest{u"site-a"_s, {op(1, true), op(2, false)}}));
    Sync::PushReply pushed;
    pushed.ackedThrough = 2;
    pushed.verdicts = {{1, Sync::Verdict::Kind::Accepted, {}, 0},
                       {2, Sync::Verdict::Kind::Duplicate, {}, 0},
                       {3, Sync::Verdict::Kind::Rejected, u"out_of_scope"_s, 1'796'083'200'000LL << 16}};
    wire("push_reply", Sync::Wire::encode(pushed));
    wire("pull_request", Sync::Wire::encode(Sync::PullRequest{"cursor-1", 500}));
    wire("pull_reply",
         Sync::Wire::encode(Sync::PullReply{{op(1, true)}, "cursor-2", false, {u"case-gone"_s}}));
    wire("blob_request",
         Sync::Wire::encode(Sync::BlobRequest{true, u"att-1"_s, 0, 2, QByteArray(64, 'd'), {}}));
    wire("blob_request",
         Sync::Wire::encode(Sync::BlobRequest{false, {}, -1, 0, {}, {u"att-1"_s, u"att-2"_s}}));
    wire("blob_reply", Sync::Wire::encode(Sync::BlobReply{1, 2, QByteArray(64, 'd'), {}}));
    wire("blob_reply", Sync::Wire::encode(Sync::BlobReply{0, 0, {}, {u"att-2"_s}}));
}

void bundleSeeds()
{
    Sync::BundleContent content;
    content.kind = u"laptop"_s;
    content.sender = u"dev-1"_s;
    content.recipient = u"server"_s;
    content.createdAtMs = 1'796'083'200'000;
    content.meta.insert(u"site"_s, "site-a");
    content.meta.insert(u"cursor"_s, "cursor-1");
    content.pages << Sync::Wire::encode(Sync::PushRequest{u"site-a"_s, {op(1, false)}});
    const QByteArray file
        = Sync::Bundle::write(content, Fuzz::bundleSender(), Fuzz::bundleRecipient().boxPublic);
    // Mode bytes of fuzz_bundle: 0 reads the file as it is, 1 re-signs it first.
    seed(u"fuzz_bundle"_s, '\0' + file);
    seed(u"fuzz_bundle"_s, '\1' + file);
    content.pages.clear();
    seed(u"fuzz_bundle"_s,
         '\1' + Sync::Bundle::write(content, Fuzz::bundleSender(), Fuzz::bundleRecipient().boxPublic));
}

void enrollmentSeeds()
{
    Sync::EnrollmentCode code;
    code.secret = QByteArray(Sync::EnrollmentCode::secretSize, '\x5a');
    code.certificateSha256 = QByteArray(Sync::EnrollmentCode::fingerprintSize, '\0');
    seed(u"fuzz_enrollment_code"_s, code.toString().toUtf8());
    code.certificateSha256 = QCryptographicHash::hash("certificate", QCryptographicHash::Sha256);
    seed(u"fuzz_enrollment_code"_s, code.toString().toLower().replace(u'-', u' ').toUtf8());
    seed(u"fuzz_enrollment_code"_s,
         "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
}

void nikSeeds()
{
    // sex byte, today (4 bytes), birth date (4 bytes), then the NIK.
    const QByteArray prefix("\x01\x00\x00\x9e\x40\x00\x00\x80\x40", 9);
    seed(u"fuzz_nik"_s, prefix + "6402065203950002");
    seed(u"fuzz_nik"_s, prefix + "64.02.06-120395 0002");
    seed(u"fuzz_nik"_s, prefix + "9101011201990000");
}

void regionSeeds()
{
    // Mode 0: "code\nprefix\nwithin" against the built-in list; mode 1: a TSV list.
    seed(u"fuzz_regions"_s, "\x00"
                            "64.02.06.2001\nbukit\n64.02"_ba);
    seed(u"fuzz_regions"_s, "\x82"
                            "6402062001\ntenggarong\n"_ba);
    seed(u"fuzz_regions"_s, "\x00"
                            " 64 \nkal tim\n"_ba);
    seed(u"fuzz_regions"_s, "\x01# decree=test; rows=4\n"
                            "64\tKalimantan Timur\t0.5\t116.4\n"
                            "64.02\tKabupaten Kutai Kartanegara\t-0.13\t116.8\n"
                            "64.02.06\tTenggarong\t\t\n"
                            "64.02.06.2001\tBukit Biru\t-0.41234\t116.98765\n"_ba);
}

void jsonSeeds()
{
    seed(u"fuzz_case_json"_s, R"({
  "intake_channel": "hotline", "reported_on": "2026-11-10", "incident_on": "2026-11-08",
  "incident_region": "64.02.06.1001", "incident_scene": "household",
  "violence_types": ["fisik", "psikis"], "typing": ["ktp"],
  "narrative": "Suami memukul korban dengan gagang sapu di dapur",
  "people": [
    {"role": "victim", "person": {"name": "Wulandari Hasibuan", "nik": "6402065203950002",
     "sex": "female", "birth_date": "1995-03-12", "address_region": "64.02.06.1001"}},
    {"role": "perpetrator", "relationship": "spouse", "victim_index": 0,
     "person": {"name": "Rudi Hasibuan", "sex": "male", "birth_year": 1990}}
  ],
  "risk": {"level": "high"}
})");
    seed(u"fuzz_case_json"_s, R"({"status": "closed", "status_reason": "x", "people": [{"link_id": "l1",
 "person_id": "p1", "person": {"phone": "0812000111"}}]})");
    seed(u"fuzz_case_json"_s,
         R"({"narrative": null, "risk": {"level": "low", "assessed_at": 1796083200000}})");
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds <corpus dir>\n");
        return 2;
    }
    root = QString::fromLocal8Bit(argv[1]);
    if (!Core::ensureSodium())
        return 1;
    wireSeeds();
    bundleSeeds();
    enrollmentSeeds();
    nikSeeds();
    regionSeeds();
    jsonSeeds();
    std::printf("%d seeds under %s\n", written, argv[1]);
    return 0;
}
