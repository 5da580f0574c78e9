// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/replication/replicaop.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Sync {

// One change op on the wire: core's op, field for field (Core::ReplicaOp; its `unreadable` never
// travels). A sensitive field's `value` is sealed with the district key (associated data:
// Core::ChangeLog::opAssociatedData), so the server stores and forwards ciphertext it never opens.
using WireOp = Core::ReplicaOp;

// Error replies carry one of these codes (and an English detail for logs and the CLI).
namespace ErrorCode {
inline constexpr char malformed[] = "malformed"; // not a page we can read (bad frame, CBOR, fields)
inline constexpr char unauthorized[] = "unauthorized"; // missing or unknown token
inline constexpr char revoked[] = "revoked"; // the device was revoked: wipe and stop
inline constexpr char tooLarge[] = "too_large"; // body above the server's limit
inline constexpr char rateLimited[] = "rate_limited"; // too many requests; retry later
inline constexpr char schema[] = "schema"; // protocol or schema version not served
inline constexpr char enrollment[] = "enrollment"; // unknown, used or expired enrollment code
inline constexpr char internal[] = "internal"; // the server failed; retry later
inline constexpr char cursor[] = "cursor"; // the pull cursor is not this server's: reset (409)
inline constexpr char notYet[] = "not_yet"; // an attachment's content before its row: push first (404)
inline constexpr char outOfScope[]
    = "out_of_scope"; // an attachment of a case this device may not write (403)
} // namespace ErrorCode

struct ErrorReply
{
    QString code;
    QString message;

    bool operator==(const ErrorReply &) const = default;
};

struct EnrollRequest
{
    QByteArray secret; // from the enrollment code
    QString deviceName;
    QString siteId;
    QByteArray bundleSignPublic = {}; // the laptop's Ed25519 key: the office checks its USB bundles
    QByteArray bundleBoxPublic = {}; // the laptop's X25519 key: office bundles are encrypted to it

    bool operator==(const EnrollRequest &) const = default;
};

struct EnrollReply
{
    QString deviceId;
    QByteArray token; // bearer token for every later request
    QString login;
    QString role; // caseworker | supervisor
    QString districtCode;
    QString serverSite;
    QByteArray sealedDistrictKey; // every key epoch, secretbox under a key derived from the code's secret
    QByteArray serverSignPublic; // the office's bundle keys (see BundleKeys)
    QByteArray serverBoxPublic;

    bool operator==(const EnrollReply &) const = default;
};

struct PullReply;

// A district key of a later epoch, sealed for one laptop at `admin rotate-key` (see
// DistrictKeys::sealForDevice); laptops receive theirs in the handshake or an office bundle.
struct SealedKey
{
    qint64 epoch = 0;
    QByteArray sealed;

    bool operator==(const SealedKey &) const = default;
};

// One of a laptop's own ops the server has acknowledged, named by its action (txn): a copy of
// the laptop's database writes other actions under the same seqs, so the server can tell
// whether what it holds under this site is what this laptop wrote (see HandshakeRequest::marks).
struct SiteMark
{
    qint64 seq = 0;
    QString txn;

    bool operator==(const SiteMark &) const = default;
};

struct HandshakeRequest
{
    int protocol = 0;
    int schemaVersion = 0;
    QString siteId;
    QByteArray cursor;
    // > 0: a laptop with nothing to push asks for its first pull page in the same round trip
    // (an idle sync is then one exchange).
    int pullMax = 0;
    qint64 keyEpoch = 0; // the newest district key epoch the laptop holds
    // Its own ops at the seqs it holds as acknowledged, the newest first and thinning out
    // backwards (acked, acked-1, acked-2, acked-4, ...). Where the server holds another action
    // under one of them, a copy of this database (or the original, after the server was
    // restored from a backup) wrote there: the server acknowledges only up to the last mark
    // that agrees, the laptop sends the rest again, and the push finds the clash and moves this
    // laptop's ops to a new site. Absent (older laptops): nothing is compared.
    // Packed by Wire::packMarks (a byte string, so servers that predate marks read the page).
    QByteArray marks;

    bool operator==(const HandshakeRequest &) const = default;
};

struct HandshakeReply
{
    int protocol = 0;
    int schemaMin = 0;
    int schemaMax = 0;
    qint64 serverTimeMs = 0;
    QString serverSite;
    qint64 ackedThrough = 0; // the highest seq of this site the server holds, gap-free
    bool cursorValid = true; // false: the client must reset (push outbox, then snapshot)
    // Fresh at every start of the server (and so after a restore from a backup, which may have
    // lost attachment contents a laptop sent after the backup): a change makes the laptop ask
    // again whether the contents it sent are held.
    QString epoch;
    std::shared_ptr<PullReply> firstPage; // when asked for and the cursor is valid
    QList<SealedKey> keys; // the laptop's keys of epochs after its keyEpoch, ascending

    bool operator==(const HandshakeReply &) const = default;
};

struct PushRequest
{
    QString siteId;
    QList<WireOp> ops; // consecutive seqs of one site, ascending

    bool operator==(const PushRequest &) const = default;
};

struct Verdict
{
    enum class Kind { Accepted, Duplicate, Rejected };
    qint64 seq = 0;
    Kind kind = Kind::Accepted;
    QString reason; // for Rejected: out_of_scope | invalid | schema | site_clash
    qint64 hlc = 0; // the stamp the server stored, when it clamped a far-future one; else 0

    bool operator==(const Verdict &) const = default;
};

struct PushReply
{
    QList<Verdict> verdicts;
    qint64 ackedThrough = 0;

    bool operator==(const PushReply &) const = default;
};

struct PullRequest
{
    QByteArray cursor; // empty: from the beginning
    int maxOps = 0;

    bool operator==(const PullRequest &) const = default;
};

struct PullReply
{
    QList<WireOp> ops;
    QByteArray nextCursor;
    bool more = false;
    QStringList purge; // cases that left this device's scope: push pending, then erase locally
    // Ops still to pull after this page (for progress): exact up to a bound, above it an upper
    // bound (ServerStore::pull says which). -1: unknown (an older server, or scope events left
    // for later pages); never written then, and a negative value on the wire reads as -1.
    qint64 remaining = -1;

    bool operator==(const PullReply &) const = default;
};

// Attachment contents, part by part (a cut link resumes at the part it lost). Parts are sealed
// with the district key (TransitCipher::sealPart): the server stores them and never opens them.
// put: `data` is part `part` of `parts`; part -1 only asks what the server holds. get: the
// server answers part `part` when it holds the whole content, else parts = 0 (not yet).
// Content per part: 128 KiB, half a minute on a GPRS link (what a cut costs at most), and few
// enough requests for a 50 MiB file (400) to stay under the server's per-peer rate on a LAN.
constexpr int blobPartBytes = 128 * 1024;

// Without an attachment id: `ask` lists ids (at most blobAskMax) and the reply's `missing` says
// which of them the server does not hold whole.
struct BlobRequest
{
    bool put = false;
    QString attachmentId;
    int part = -1;
    int parts = 0;
    QByteArray data;
    QStringList ask;

    bool operator==(const BlobRequest &) const = default;
};

struct BlobReply
{
    int held = 0; // parts the server holds, contiguous from part 0
    int parts = 0; // the content's part count; 0 = the server has none (yet)
    QByteArray data; // get: the sealed part
    QStringList missing; // of `ask`: not held whole

    bool operator==(const BlobReply &) const = default;
};

constexpr int blobAskMax = 500;

// Endpoints of the HTTP transport (POST, body = a page; GET for health).
namespace Endpoint {
inline constexpr char enroll[] = "/v1/enroll";
inline constexpr char handshake[] = "/v1/handshake";
inline constexpr char push[] = "/v1/push";
inline constexpr char pull[] = "/v1/pull";
inline constexpr char health[] = "/v1/health";
inline constexpr char blob[] = "/v1/blob";
} // namespace Endpoint

// A page is "DPG1" + zlib-compressed CBOR of one message (qCompress: the unpacked size as 4 bytes
// big endian, then a zlib stream). Decoding checks the frame, the message's limits (below) and
// every field's type, and that every id is an id (Core::isUuid, Core::isSiteId): these become
// file names and keys on the receiving machine. Anything else is Error::Code::Corrupt with a
// detail saying what was wrong, and nothing is applied.
namespace Wire {

// What one page of a message may hold. A page is refused (Corrupt) as soon as it would pass one:
// unpacking stops at `bytes` (and at the size the page declares, whichever is less), and the
// CBOR is walked and counted before a single value is built from it. So what a page costs the
// receiver is bounded by the limits of the message it is read as, never by what it claims; this
// matters most for the server, which reads /v1/enroll before knowing who is asking.
struct Limits
{
    qint64 bytes = 0; // the unpacked CBOR
    qint64 items = 0; // CBOR values in the page: every key, value and container
    qint64 entries = 0; // elements of one array, or key-value pairs of one map
    int depth = 0; // arrays and maps inside each other; the page's own map is 1
    qint64 stringBytes = 0; // one text or byte string

    // The largest packed page these limits can come from (zlib's worst case for incompressible
    // data, plus the frame): a body above it is refused unread.
    constexpr qint64 pageBytes() const { return 8 + bytes + bytes / 1000 + 64; }
};

// The figures, per message. Each is well above what Dampingi itself writes, so an honest page
// never meets one (docs/ARCHITECTURE.md, "Sync": limits):
namespace Limit {
// Before any authentication: a 20-byte code secret, a device name, a site id, two 32-byte keys.
inline constexpr Limits enroll{4 * 1024, 32, 16, 1, 1024};
// A cursor (under 200 bytes), a site id and a few integers.
inline constexpr Limits handshake{4 * 1024, 32, 16, 1, 1024};
inline constexpr Limits pull{4 * 1024, 32, 16, 1, 1024};
// Sealed values do not compress, so a push that fits the 8 MiB body limit unpacks to little
// more; twice that leaves room for the ops' keys. The client sends 500 ops per batch (an op is 27
// values); a value is at most a 20,000-character text, sealed: 256 KiB is over twice its UTF-8
// worst case.
inline constexpr Limits push{16 * 1024 * 1024, 200'000, 5'000, 3, 256 * 1024};
// One sealed part (blobPartBytes + 40), or an ask of at most blobAskMax ids.
inline constexpr Limits blob{256 * 1024, 2 * 1024, blobAskMax, 2, blobPartBytes + 1024};
// What the laptop reads from the server. A pull page stops after ServerStore::maxPullBytes (1 MiB)
// of ops but carries a case moving in whole, so its bounds are generous; a handshake reply holds
// the first pull page.
inline constexpr Limits pullReply{64 * 1024 * 1024, 2'000'000, 200'000, 4, 256 * 1024};
inline constexpr Limits handshakeReply = pullReply;
inline constexpr Limits pushReply{4 * 1024 * 1024, 200'000, 20'000, 3, 1024};
inline constexpr Limits blobReply = blob;
inline constexpr Limits enrollReply{16 * 1024, 64, 16, 1, 4096};
inline constexpr Limits error{64 * 1024, 16, 8, 1, 16 * 1024};
inline constexpr Limits op{1024 * 1024, 64, 16, 1, 256 * 1024};
// A list of district keys sealed for one laptop (an office bundle's meta): {keys: [{epoch, sealed}]}.
inline constexpr Limits keys{256 * 1024, 8 * 1024, 1024, 3, 4096};
} // namespace Limit

// The limits of the request an endpoint takes (nullptr for health and unknown paths): the HTTP
// front refuses a body above its pageBytes() at the socket, the service before decoding.
const Limits *requestLimits(QByteArrayView endpoint);

QByteArray encode(const WireOp &op);
QByteArray encode(const ErrorReply &m);
QByteArray encode(const EnrollRequest &m);
QByteArray encode(const EnrollReply &m);
QByteArray encode(const HandshakeRequest &m);
QByteArray encode(const HandshakeReply &m);
QByteArray encode(const PushRequest &m);
QByteArray encode(const PushReply &m);
QByteArray encode(const PullRequest &m);
QByteArray encode(const PullReply &m);
QByteArray encode(const BlobRequest &m);
QByteArray encode(const BlobReply &m);
// The sealed keys an office bundle carries for its laptop (as in HandshakeReply::keys).
QByteArray encode(const QList<SealedKey> &keys);

// Fill `out` from a page read under `limits`; on error `out` is unspecified and the caller
// applies nothing.
Core::Status decode(const QByteArray &page, WireOp &out, const Limits &limits = Limit::op);
Core::Status decode(const QByteArray &page, ErrorReply &out, const Limits &limits = Limit::error);
Core::Status decode(const QByteArray &page, EnrollRequest &out, const Limits &limits = Limit::enroll);
Core::Status decode(const QByteArray &page, EnrollReply &out, const Limits &limits = Limit::enrollReply);
Core::Status decode(const QByteArray &page, HandshakeRequest &out, const Limits &limits = Limit::handshake);
// HandshakeRequest::marks: per mark the seq (8 bytes, big-endian) and the txn UUID (16 bytes).
// Unpacking refuses a length that is not whole marks, more than maxMarks, a seq below 1 or a
// txn that is not a UUID.
// 40 marks reach back 2^39 seqs, and their 960 bytes pass a handshake's string limit (1 KiB).
constexpr int maxMarks = 40;
QByteArray packMarks(const QList<SiteMark> &marks);
Core::Result<QList<SiteMark>> unpackMarks(const QByteArray &packed);
Core::Status decode(const QByteArray &page, HandshakeReply &out,
                    const Limits &limits = Limit::handshakeReply);
Core::Status decode(const QByteArray &page, PushRequest &out, const Limits &limits = Limit::push);
Core::Status decode(const QByteArray &page, PushReply &out, const Limits &limits = Limit::pushReply);
Core::Status decode(const QByteArray &page, PullRequest &out, const Limits &limits = Limit::pull);
Core::Status decode(const QByteArray &page, PullReply &out, const Limits &limits = Limit::pullReply);
Core::Status decode(const QByteArray &page, BlobRequest &out, const Limits &limits = Limit::blob);
Core::Status decode(const QByteArray &page, BlobReply &out, const Limits &limits = Limit::blobReply);
Core::Status decode(const QByteArray &page, QList<SealedKey> &out, const Limits &limits = Limit::keys);

// Unpacks a page's CBOR under `limits` without reading it as a message (what decode() does
// first); for tests and for other containers of CBOR (the bundle manifest uses checkCbor).
Core::Result<QByteArray> unpack(const QByteArray &page, const Limits &limits);
// Walks CBOR without building it: Corrupt when it is malformed, has bytes after its one value,
// uses tags or indefinite lengths (Dampingi never writes them) or passes one of `limits`.
Core::Status checkCbor(const QByteArray &cbor, const Limits &limits);

} // namespace Wire

} // namespace Sync
