// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Sync {

// One change op on the wire: exactly a row of core's change log. `value` of a sensitive field
// is sealed with the district key (associated data: Core::ChangeLog::opAssociatedData), so the
// server stores and forwards ciphertext it never opens. (site, seq) is the idempotency key.
struct WireOp
{
    QString site;
    qint64 seq = 0;
    QString txn;
    QString entity;
    QString entityId;
    QString caseId;
    QString field;
    QString op; // create | set | add | remove
    std::optional<QByteArray> value;
    qint64 hlc = 0;
    QString author;
    qint64 base = 0;
    int schemaVersion = 0;

    bool operator==(const WireOp &) const = default;
};

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
};

struct EnrollRequest
{
    QByteArray secret; // from the enrollment code
    QString deviceName;
    QString siteId;
    QByteArray bundleSignPublic = {}; // the laptop's Ed25519 key: the office checks its USB bundles
    QByteArray bundleBoxPublic = {}; // the laptop's X25519 key: office bundles are encrypted to it
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
};

struct PushRequest
{
    QString siteId;
    QList<WireOp> ops; // consecutive seqs of one site, ascending
};

struct Verdict
{
    enum class Kind { Accepted, Duplicate, Rejected };
    qint64 seq = 0;
    Kind kind = Kind::Accepted;
    QString reason; // for Rejected: out_of_scope | invalid | schema | site_clash
    qint64 hlc = 0; // the stamp the server stored, when it clamped a far-future one; else 0
};

struct PushReply
{
    QList<Verdict> verdicts;
    qint64 ackedThrough = 0;
};

struct PullRequest
{
    QByteArray cursor; // empty: from the beginning
    int maxOps = 0;
};

struct PullReply
{
    QList<WireOp> ops;
    QByteArray nextCursor;
    bool more = false;
    QStringList purge; // cases that left this device's scope: push pending, then erase locally
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
};

struct BlobReply
{
    int held = 0; // parts the server holds, contiguous from part 0
    int parts = 0; // the content's part count; 0 = the server has none (yet)
    QByteArray data; // get: the sealed part
    QStringList missing; // of `ask`: not held whole
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

// A page is "DPG1" + zlib-compressed CBOR of one message. Decoding checks the frame, the
// decompressed size limit and every field's type; anything else is Error::Code::Corrupt with
// a detail saying what was wrong, and nothing is applied.
namespace Wire {

constexpr qint64 maxDecodedBytes = 64 * 1024 * 1024;

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

// Fill `out` from a page; on error `out` is unspecified and the caller applies nothing.
Core::Status decode(const QByteArray &page, WireOp &out);
Core::Status decode(const QByteArray &page, ErrorReply &out);
Core::Status decode(const QByteArray &page, EnrollRequest &out);
Core::Status decode(const QByteArray &page, EnrollReply &out);
Core::Status decode(const QByteArray &page, HandshakeRequest &out);
Core::Status decode(const QByteArray &page, HandshakeReply &out);
Core::Status decode(const QByteArray &page, PushRequest &out);
Core::Status decode(const QByteArray &page, PushReply &out);
Core::Status decode(const QByteArray &page, PullRequest &out);
Core::Status decode(const QByteArray &page, PullReply &out);
Core::Status decode(const QByteArray &page, BlobRequest &out);
Core::Status decode(const QByteArray &page, BlobReply &out);
Core::Status decode(const QByteArray &page, QList<SealedKey> &out);

} // namespace Wire

} // namespace Sync
