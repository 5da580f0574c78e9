// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/client/syncclient.h"

#include "core/cases/attachmentstore.h"
#include "core/changelog/changelog.h"
#include "core/clock/clock.h"
#include "core/crypto/fieldcipher.h"
#include "core/logging.h"
#include "core/profile/profile.h"
#include "core/replication/replicator.h"
#include "core/sql/database.h"
#include "core/sql/migrations.h"
#include "core/sql/transaction.h"
#include "sync/bundle.h"
#include "sync/client/blobtransfer.h"
#include "sync/client/syncmeta.h"
#include "sync/districtkeys.h"
#include "sync/enrollmentcode.h"
#include "sync/protocol.h"
#include "sync/transitcipher.h"
#include "sync/wire.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <algorithm>
#include <limits>
#include <sodium.h>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Status;

Q_LOGGING_CATEGORY(lcSyncClient, "dampingi.sync.client")

namespace Sync {

using namespace SyncMeta;

namespace {

QByteArray sealSecret(const Core::FieldCipher &cipher, const QByteArray &secret, QStringView what)
{
    return cipher.seal(secret, Core::FieldCipher::associatedData(u"sync", u"device", what)).toBase64();
}

Core::Result<QByteArray> openSecret(const Core::FieldCipher &cipher, const QString &stored, QStringView what)
{
    return cipher.open(QByteArray::fromBase64(stored.toLatin1()),
                       Core::FieldCipher::associatedData(u"sync", u"device", what));
}

// The site a laptop moves to past a hole in its resent outbox (see push()). Not random: both
// copies of a cloned database find the same hole (same site, same acknowledged seq) and move the
// same unsent ops; under one new site the second copy's are duplicates of the first's (the
// server dedups on (site, seq) and digest), under two sites they were stored twice (found by
// the sync simulation). A copy that wrote more since is then an ordinary clone of that site: a
// clash moves its own ops on to a random site. Keyed by the device token, which only this
// device (and its copies) and the server hold, so no other device can take the site first.
QString holeSiteId(const QByteArray &token, const QString &site, qint64 acked)
{
    QByteArray input;
    for (const QByteArray &part :
         {QByteArray("dampingi-hole-site"), token, site.toUtf8(), QByteArray::number(acked)})
        input += QByteArray::number(part.size()) + ':' + part;
    QByteArray hash(crypto_generichash_BYTES_MIN, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(hash.data()), size_t(hash.size()),
                       reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()),
                       nullptr, 0);
    return QString::fromLatin1(hash.left(8).toHex());
}

} // namespace

SyncClient::SyncClient(Core::ChangeLog &log, QString attachmentsDirectory, Transport &transport)
    : m_log(log)
    , m_attachmentsDirectory(std::move(attachmentsDirectory))
    , m_transport(transport)
    , m_replicator(std::make_unique<Core::Replicator>(log))
{ }

SyncClient::SyncClient(Core::Profile &profile, Transport &transport)
    : SyncClient(profile.changeLog(), profile.attachmentsDirectory(), transport)
{ }

SyncClient::~SyncClient() = default;

Core::Result<SyncConfig> SyncClient::config(Core::Profile &profile)
{
    return config(profile.changeLog());
}

Core::Result<SyncConfig> SyncClient::config(Core::ChangeLog &log)
{
    SyncConfig config;
    config.serverUrl = metaOr(log, keyServer);
    config.deviceId = metaOr(log, keyDevice);
    config.login = metaOr(log, keyLogin);
    config.role = metaOr(log, keyRole);
    config.serverSite = metaOr(log, keyServerSite);
    config.certificateSha256 = QByteArray::fromHex(metaOr(log, keyPin).toLatin1());
    config.cursor = QByteArray::fromBase64(metaOr(log, keyCursor).toLatin1());
    config.lastSyncAt = metaOr(log, keyLastAt).toLongLong();
    config.lastError = metaOr(log, keyLastError);
    return config;
}

void SyncClient::setProgress(ProgressCallback progress)
{
    m_progress = std::move(progress);
}

void SyncClient::setCancelFlag(const std::atomic_bool *cancel)
{
    m_cancel = cancel;
}

Status SyncClient::remember(const QString &key, const QString &value)
{
    Core::Transaction txn(m_log.database());
    if (Status s = txn.begin(); !s)
        return s;
    if (Status s = m_log.setMeta(key, value); !s)
        return s;
    return txn.commit();
}

Status SyncClient::enroll(const QString &serverUrl, const QString &codeText, const QString &deviceName)
{
    Core::Result<EnrollmentCode> code = EnrollmentCode::parse(codeText);
    if (!code)
        return code.error();
    Core::ChangeLog &log = m_log;
    if (!metaOr(log, keyDevice).isEmpty())
        return Error{Error::Code::Conflict,
                     u"this profile is already enrolled (device %1)"_s.arg(metaOr(log, keyDevice)),
                     {},
                     Error::Reason::AlreadyEnrolled};
    const BundleKeys bundleKeys = BundleKeys::generate();
    EnrollRequest request{code->secret, deviceName, log.siteId(), bundleKeys.signPublic,
                          bundleKeys.boxPublic};
    SyncSummary ignored;
    Core::Result<Response> response = exchange(Endpoint::enroll, Wire::encode(request), ignored);
    if (!response)
        return response.error();
    EnrollReply reply;
    if (Status s = Wire::decode(response->body, reply); !s)
        return s;
    Core::Result<DistrictKeys> districtKeys
        = EnrollmentCode::openDistrictKeys(code->secret, reply.sealedDistrictKey);
    if (!districtKeys)
        return districtKeys.error();
    const Core::FieldCipher &local = m_log.cipher();
    QByteArray keyBytes = districtKeys->toBytes();
    const QString sealedKeys = QString::fromLatin1(sealSecret(local, keyBytes, u"district-key"));
    sodium_memzero(keyBytes.data(), size_t(keyBytes.size()));
    // All of it in one transaction: a laptop is enrolled completely or not at all.
    Core::Transaction txn(m_log.database());
    if (Status s = txn.begin(); !s)
        return s;
    const QList<std::pair<QString, QString>> entries = {
        {keyServer, serverUrl},
        {keyDevice, reply.deviceId},
        {keyLogin, reply.login},
        {keyRole, reply.role},
        {keyServerSite, reply.serverSite},
        {keyPin, QString::fromLatin1(code->certificateSha256.toHex())},
        {keyToken, QString::fromLatin1(sealSecret(local, reply.token, u"token"))},
        {keyDistrictKey, sealedKeys},
        {keyCursor, u""_s},
        {keyBundleKeys, QString::fromLatin1(sealSecret(local, bundleKeys.seeds(), u"bundle-keys"))},
        {keyServerSign, QString::fromLatin1(reply.serverSignPublic.toHex())},
        {keyServerBox, QString::fromLatin1(reply.serverBoxPublic.toHex())},
    };
    for (const auto &[key, value] : entries) {
        if (Status s = log.setMeta(key, value); !s)
            return s;
    }
    qCInfo(lcSyncClient) << "enrolled as device" << reply.deviceId << "of" << reply.login;
    return txn.commit();
}

Status SyncClient::loadKeys()
{
    if (m_transit)
        return {};
    Core::ChangeLog &log = m_log;
    const QString token = metaOr(log, keyToken);
    const QString key = metaOr(log, keyDistrictKey);
    if (token.isEmpty() || key.isEmpty())
        return Error{Error::Code::NotFound,
                     u"this profile is not enrolled: run `dampingi-ctl sync enroll` first"_s};
    Core::Result<QByteArray> tokenBytes = openSecret(m_log.cipher(), token, u"token");
    if (!tokenBytes)
        return tokenBytes.error();
    Core::Result<QByteArray> keyBytes = openSecret(m_log.cipher(), key, u"district-key");
    if (!keyBytes)
        return keyBytes.error();
    // Every epoch this laptop holds (a profile enrolled before key epochs holds one bare key: 0).
    Core::Result<DistrictKeys> keys = DistrictKeys::fromBytes(*keyBytes);
    sodium_memzero(keyBytes->data(), size_t(keyBytes->size()));
    if (!keys)
        return keys.error();
    m_token = *tokenBytes;
    m_districtKeys = std::make_unique<DistrictKeys>(std::move(keys).value());
    m_transit = std::make_unique<TransitCipher>(*m_districtKeys);
    if (const QString stored = metaOr(log, keyBundleKeys); !stored.isEmpty()) {
        Core::Result<QByteArray> seeds = openSecret(m_log.cipher(), stored, u"bundle-keys");
        if (!seeds)
            return seeds.error();
        m_bundleKeys = BundleKeys::fromSeeds(*seeds);
    }
    return {};
}

Status SyncClient::acceptKeys(const QList<SealedKey> &keys)
{
    QList<SealedKey> sorted = keys;
    std::sort(sorted.begin(), sorted.end(),
              [](const SealedKey &a, const SealedKey &b) { return a.epoch < b.epoch; });
    const QString deviceId = metaOr(m_log, keyDevice);
    bool added = false;
    for (const SealedKey &sealed : std::as_const(sorted)) {
        if (sealed.epoch < 1 || sealed.epoch > DistrictKeys::maxEpoch
            || m_districtKeys->contains(sealed.epoch))
            continue;
        const Core::SecretKey *previous = m_districtKeys->key(sealed.epoch - 1);
        if (!previous || !m_bundleKeys.isValid()) {
            qCWarning(lcSyncClient) << "cannot take district key epoch" << sealed.epoch
                                    << "(no bundle key, or epoch before it missing)";
            continue;
        }
        Core::Result<Core::SecretKey> key = DistrictKeys::openForDevice(
            sealed.epoch, sealed.sealed, *previous, deviceId, m_bundleKeys.boxPublic, m_bundleKeys.boxSecret);
        if (!key) {
            qCWarning(lcSyncClient) << "refused district key epoch" << sealed.epoch << ":"
                                    << key.error().detail;
            continue;
        }
        m_districtKeys->insert(sealed.epoch, std::move(key).value());
        added = true;
    }
    if (!added)
        return {};
    if (Status s = storeKeys(); !s)
        return s;
    m_transit = std::make_unique<TransitCipher>(*m_districtKeys);
    qCInfo(lcSyncClient) << "now sealing with district key epoch" << m_districtKeys->newest();
    return {};
}

Status SyncClient::storeKeys()
{
    QByteArray bytes = m_districtKeys->toBytes();
    const QString sealed = QString::fromLatin1(sealSecret(m_log.cipher(), bytes, u"district-key"));
    sodium_memzero(bytes.data(), size_t(bytes.size()));
    return remember(keyDistrictKey, sealed);
}

Core::Result<SyncSummary> SyncClient::syncOnce()
{
    const qint64 startedAt = m_log.clock().nowMs();
    SyncSummary summary;
    const Status outcome = runOnce(summary);
    record(u"network"_s, startedAt, summary, outcome);
    if (!outcome)
        return outcome.error();
    return summary;
}

Status SyncClient::runOnce(SyncSummary &summary)
{
    if (metaOr(m_log, keyWipePending) == u"1")
        return wipeRevoked(); // an erasure of a revoked laptop left something: erase again
    if (Status s = loadKeys(); !s)
        return s;
    m_run = Progress{};
    // Bytes from inside a long request (a page takes many seconds on GPRS); unhooked after, as
    // the transport may outlive this client.
    m_transport.setByteProgress([this](qint64 sent, qint64 received) { reportBytes(sent + received); });
    Status outcome = steps(summary);
    m_transport.setByteProgress({});
    return outcome;
}

Status SyncClient::steps(SyncSummary &summary)
{
    Core::ChangeLog &log = m_log;
    // Nothing to push: ask for the first pull page in the handshake (an idle sync is then one
    // round trip).
    const Core::Result<qint64> pending = log.pendingCount();
    if (!pending)
        return pending.error();
    report(SyncProgress::Phase::Connecting, 0, -1);
    const Core::Result<HandshakeReply> reply = handshake(*pending == 0, summary);
    if (!reply)
        return reply.error();
    const Core::Result<qint64> acked = m_replicator->ackedThrough();
    if (!acked)
        return acked.error();
    if (Status s = reconcile(*reply, *acked, summary); !s)
        return s;
    // The first page came with the handshake (we had nothing to push, the cursor held, the
    // server lost nothing of ours): apply it now, as any page, with its cursor.
    bool pulled = false;
    if (reply->firstPage && reply->cursorValid && *pending == 0 && reply->ackedThrough >= *acked
        && metaOr(log, keyReset) != u"1") {
        if (Status s = applyPulled(*reply->firstPage, summary); !s)
            return s;
        pulled = !reply->firstPage->more;
    }
    if (Status s = push(summary, *pending); !s)
        return s;
    // Attachment contents right after their rows: before a pull may erase a case that moved out.
    BlobTransfer blobs(m_log, m_attachmentsDirectory, *m_transit,
                       [&](const char *endpoint, const QByteArray &page) {
                           Core::Result<Response> response = exchange(endpoint, page, summary);
                           reportBytes(0); // a part moved
                           return response;
                       });
    blobs.setProgress([this](int done, int total) { report(SyncProgress::Phase::Files, done, total); });
    const Core::Result<BlobTransfer::Counts> sent = upload(blobs, reply->epoch);
    if (!sent)
        return sent.error();
    if (metaOr(log, keyReset) == u"1") {
        pulled = false;
        if (Status s = startOver(summary); !s)
            return s;
    }
    if (!pulled) {
        if (Status s = pull(summary); !s)
            return s;
    }
    const Core::Result<BlobTransfer::Counts> received = blobs.download();
    if (!received)
        return received.error();
    summary.filesSent = sent->sent;
    summary.filesReceived = received->received;
    summary.filesPending = sent->pending + received->pending;
    return finishRun(summary);
}

Status SyncClient::finishRun(SyncSummary &summary)
{
    // A cancel during the files ends their pass like a cut link; the sync still says it stopped.
    if (cancelled())
        return cancelledError();
    report(SyncProgress::Phase::Finishing, 0, -1);
    if (Status s = retryDeferredPurges(summary); !s)
        return s;
    if (Status s = remember(keyLastAt, QString::number(m_log.clock().nowMs())); !s)
        return s;
    // The sync itself succeeded; a stale error left standing only shows an old failure.
    if (Status s = remember(keyLastError, u""_s); !s)
        qCWarning(lcSyncClient) << "synced, but could not clear the last error:" << s.error().detail;
    return {};
}

Status SyncClient::applyPulled(const PullReply &reply, SyncSummary &summary)
{
    if (Status s = applyPullReply(reply, true, summary); !s)
        return s;
    m_run.pulledOps += reply.ops.size();
    report(SyncProgress::Phase::Receiving, m_run.pulledOps,
           reply.remaining >= 0 ? m_run.pulledOps + reply.remaining : -1);
    return {};
}

Core::Result<HandshakeReply> SyncClient::handshake(bool askFirstPage, SyncSummary &summary)
{
    Core::ChangeLog &log = m_log;
    // Our own actions where we hold the server's acknowledgement: should the server hold other
    // actions there (a copy of this database pushed first, and a restore lost ours), it
    // acknowledges less and our push meets the clash (found by the sync simulation).
    const Core::Result<qint64> acked = m_replicator->ackedThrough();
    if (!acked)
        return acked.error();
    const Core::Result<QList<std::pair<qint64, QString>>> marks = log.ownMarks(*acked);
    if (!marks)
        return marks.error();
    QList<SiteMark> own;
    for (const auto &[seq, txn] : *marks)
        own.append(SiteMark{seq, txn});
    const HandshakeRequest hello{protocolVersion,
                                 Core::Migrations::latestVersion(),
                                 log.siteId(),
                                 QByteArray::fromBase64(metaOr(log, keyCursor).toLatin1()),
                                 askFirstPage ? pullPage : 0,
                                 m_districtKeys->newest(),
                                 Wire::packMarks(own)};
    const qint64 sentAt = log.clock().nowMs();
    Core::Result<Response> response = exchange(Endpoint::handshake, Wire::encode(hello), summary);
    if (!response)
        return response.error();
    HandshakeReply reply;
    if (Status s = Wire::decode(response->body, reply); !s)
        return s.error();
    // The server read its clock about half way through the round trip.
    summary.clockSkewMs = reply.serverTimeMs - (sentAt + log.clock().nowMs()) / 2;
    log.hlc().observe(Core::HlcStamp{quint64(reply.serverTimeMs) << Core::HlcStamp::counterBits});
    // New key epochs first: the pages that follow may carry values sealed with them, and the
    // outbox goes out sealed with the newest.
    if (Status s = acceptKeys(reply.keys); !s)
        return s.error();
    return reply;
}

Status SyncClient::reconcile(const HandshakeReply &reply, qint64 acked, SyncSummary &summary)
{
    if (reply.ackedThrough < acked) {
        // The server holds less of ours than it once acknowledged (restored from a backup):
        // send those ops again; the server dedups what it still has.
        qCWarning(lcSyncClient) << "server acknowledges only" << reply.ackedThrough << "of" << acked
                                << "- resending";
        if (Status s = remember(u"acked_through"_s, QString::number(reply.ackedThrough)); !s)
            return s;
    }
    // A server that holds more than we know of lost a reply to us: we do not skip ahead, because
    // some of those ops may have been refused, and a refusal must reach the laptop. The push
    // resends them and the server answers each with the verdict it gave the first time.
    if (!reply.cursorValid) {
        // Reset path: our cursor means nothing to this server. Push first, then pull
        // everything in scope again; ops we hold are recognised by (site, seq) and skipped.
        summary.reset = true;
        if (Status s = remember(keyReset, u"1"_s); !s)
            return s;
        if (Status s = remember(keyCursor, u""_s); !s)
            return s;
    }
    return {};
}

Core::Result<BlobTransfer::Counts> SyncClient::upload(BlobTransfer &blobs, const QString &serverEpoch)
{
    // A server started afresh (maybe from a backup) may have lost contents we sent: ask again.
    if (!serverEpoch.isEmpty() && serverEpoch != metaOr(m_log, keyServerEpoch)) {
        const Core::Result<bool> checked = blobs.recheckSent();
        if (!checked)
            return checked.error();
        if (*checked) {
            if (Status s = remember(keyServerEpoch, serverEpoch); !s)
                return s.error();
        }
    }
    return blobs.upload();
}

Status SyncClient::startOver(SyncSummary &summary)
{
    // Our edits are all on the server now. What we received may include ops the server no
    // longer has (a restore lost them: an assignment, a registry number, a case that moved
    // in), which it would never send again nor purge: start over from the server's state.
    summary.reset = true;
    // Attachment files stay: sync does not carry them, and the rows that name them come back.
    Core::Result<Core::ApplyStats> erased = m_replicator->eraseAll(true);
    if (!erased)
        return erased.error();
    if (Status s = remember(keyCursor, u""_s); !s)
        return s;
    return remember(keyReset, u""_s);
}

Core::Result<QList<PushRequest>> SyncClient::outboxBatches(int maxBatches, int batchSize)
{
    const Core::Result<qint64> acked = m_replicator->ackedThrough();
    if (!acked)
        return acked.error();
    QList<PushRequest> batches;
    qint64 after = *acked;
    while (batches.size() < maxBatches) {
        Core::Result<QList<Core::ReplicaOp>> batch = m_replicator->outbox(after, batchSize);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        PushRequest request{m_log.siteId(), {}};
        request.ops.reserve(batch->size());
        // Only ops this change log knew of when it loaded: an edit saved on the window's own
        // connection while this sync runs goes out with the next one. Acknowledgements are
        // bounded by lastSeq() (applyPushReply), so sending it now would send it for ever.
        for (const Core::ReplicaOp &op : std::as_const(*batch)) {
            if (op.seq > m_log.lastSeq())
                break;
            request.ops << m_transit->seal(op);
        }
        if (request.ops.isEmpty())
            break;
        after = request.ops.constLast().seq;
        batches << request;
    }
    return batches;
}

Status SyncClient::applyPushReply(const PushReply &reply, SyncSummary &summary)
{
    qint64 clashAt = 0;
    for (const Verdict &verdict : reply.verdicts) {
        if (verdict.kind == Verdict::Kind::Rejected && verdict.reason == u"site_clash")
            clashAt = clashAt == 0 ? verdict.seq : std::min(clashAt, verdict.seq);
    }
    for (const Verdict &verdict : reply.verdicts) {
        // From a clash on, our ops move to a new site and go out again: no verdict of the old
        // site applies to them (the server stops judging the batch there).
        if (clashAt > 0 && verdict.seq >= clashAt)
            continue;
        switch (verdict.kind) {
        case Verdict::Kind::Accepted:
            ++summary.pushed;
            break;
        case Verdict::Kind::Duplicate:
            ++summary.duplicates;
            break;
        case Verdict::Kind::Rejected:
            if (verdict.seq > reply.ackedThrough)
                continue; // after a gap: not judged, sent again
            ++summary.rejected;
            if (Status s = m_replicator->recordRejection(verdict.seq, verdict.reason); !s)
                return s;
            break;
        }
        if (verdict.hlc != 0 && verdict.kind != Verdict::Kind::Rejected) {
            ++summary.clamped;
            if (Status s = m_replicator->adoptServerStamp(verdict.seq, verdict.hlc); !s)
                return s;
        }
    }
    if (clashAt > 0) {
        // Another laptop pushed different ops under our site id: this database was copied.
        // Ours move to a new site id and go out again; the server keeps both, nothing is lost.
        ++summary.resited;
        return m_replicator->resite(Core::ChangeLog::newSiteId(), clashAt);
    }
    // Only what this reply judged: the server may acknowledge more of our site than we sent (a
    // lost reply, or a copy of this database that pushed first); ops we have not sent under
    // those seqs must still go out, and meet their clash (found by the sync simulation: a
    // clone's unsent edits were skipped as acknowledged, then lost).
    qint64 judged = 0;
    for (const Verdict &verdict : reply.verdicts)
        judged = std::max(judged, verdict.seq);
    return m_replicator->setAckedThrough(std::min({reply.ackedThrough, judged, m_log.lastSeq()}));
}

Status SyncClient::applyPullReply(const PullReply &reply, bool storeCursor, SyncSummary &summary)
{
    // An op under our site id that we never wrote (past our last seq): another copy of this
    // database wrote it and synced first. Move to a new site id before taking it in as that
    // copy's op; else our next edit would reuse its (site, seq), and its ops would sit in our
    // outbox for ever (found by the sync simulation: a push loop that never ended).
    for (const WireOp &wire : reply.ops) {
        if (wire.site == m_log.siteId() && wire.seq > m_log.lastSeq()) {
            qCWarning(lcSyncClient)
                << "another copy of this database writes under our site id: moving to a new one";
            ++summary.resited;
            if (Status s = m_replicator->resite(Core::ChangeLog::newSiteId(), m_log.lastSeq() + 1); !s)
                return s;
            break;
        }
    }
    Core::ReplicaPage page;
    page.ops.reserve(reply.ops.size());
    for (const WireOp &wire : reply.ops) {
        Core::Result<Core::ReplicaOp> op = m_transit->open(wire);
        if (!op) {
            // A poison op (its sealed value does not open): kept as `unapplied`, never blocks
            // the page; failing here would fetch and fail on this page for ever.
            Core::ReplicaOp kept = wire;
            kept.value = std::nullopt;
            kept.unreadable = op.error().detail;
            page.ops << kept;
            continue;
        }
        page.ops << *op;
    }
    page.purge = reply.purge;
    if (storeCursor)
        page.meta.insert(keyCursor, QString::fromLatin1(reply.nextCursor.toBase64()));
    Core::Result<Core::ApplyStats> stats = m_replicator->apply(page);
    if (!stats)
        return stats.error();
    ++summary.pages;
    summary.pulled += stats->applied;
    summary.conflicts += stats->conflicts;
    summary.purged += stats->purged;
    summary.purgeDeferred += stats->purgeDeferred;
    if (stats->purged > 0)
        qCInfo(lcSyncClient) << "erased" << stats->purged << "cases that left this laptop's scope";
    return finishPurges(*stats);
}

Status SyncClient::push(SyncSummary &summary, qint64 total)
{
    int batch = std::max(1, pushBatch);
    qint64 sentOps = 0;
    if (total > 0)
        report(SyncProgress::Phase::Sending, 0, total);
    for (;;) {
        const Core::Result<qint64> acked = m_replicator->ackedThrough();
        if (!acked)
            return acked.error();
        Core::Result<QList<PushRequest>> batches = outboxBatches(1, batch);
        if (!batches)
            return batches.error();
        if (batches->isEmpty() && *acked < m_log.lastSeq()) {
            // Everything past what the server holds is gone here too (the same loss as a hole,
            // below): our next edit would follow a gap the server never fills.
            qCWarning(lcSyncClient) << "the server lost ops of ours that we no longer hold after" << *acked
                                    << "- moving to a new site id";
            ++summary.resited;
            return m_replicator->resite(Core::ChangeLog::newSiteId(), *acked + 1);
        }
        if (batches->isEmpty())
            return {};
        // The server acknowledges only consecutive seqs. A hole in what we resend means the
        // server forgot ops we no longer hold (restored from a backup, after we erased a case
        // that left our scope, with our acknowledged edits): they cannot come back, and the rest
        // would wait behind the hole for ever. Our unacknowledged ops move to a new site id,
        // numbered from 1 (found by the sync simulation); the same one on every copy of this
        // database that finds the same hole (holeSiteId).
        qint64 expect = *acked + 1;
        bool hole = false;
        for (const WireOp &op : std::as_const(batches->constFirst().ops))
            hole = hole || op.seq != expect++;
        if (hole) {
            qCWarning(lcSyncClient) << "the server lost ops of ours that we no longer hold after" << *acked
                                    << "- moving the rest to a new site id";
            ++summary.resited;
            if (Status s = m_replicator->resite(holeSiteId(m_token, m_log.siteId(), *acked), *acked + 1); !s)
                return s;
            continue;
        }
        const QByteArray page = Wire::encode(batches->constFirst());
        Core::Result<Response> response = exchange(Endpoint::push, page, summary);
        if (!response)
            return response.error();
        PushReply reply;
        if (Status s = Wire::decode(response->body, reply); !s)
            return s;
        if (Status s = applyPushReply(reply, summary); !s)
            return s;
        const int ops = int(batches->constFirst().ops.size());
        sentOps += ops;
        report(SyncProgress::Phase::Sending, sentOps, std::max(total, sentOps));
        batch = nextPushBatch(batch, ops, page.size() + response->body.size(), m_lastPostMs);
        if (reply.ackedThrough <= *acked)
            return Error{Error::Code::Unreachable,
                         u"the server acknowledged nothing of a batch after %1; retry later"_s.arg(*acked)};
    }
}

Status SyncClient::pull(SyncSummary &summary)
{
    Core::ChangeLog &log = m_log;
    for (;;) {
        PullRequest request{QByteArray::fromBase64(metaOr(log, keyCursor).toLatin1()), pullPage};
        Core::Result<Response> response = exchange(Endpoint::pull, Wire::encode(request), summary);
        if (!response) {
            if (response.error().code == Error::Code::Conflict) {
                // The cursor went stale between handshake and pull: start over next time. Should
                // that not be stored, the next handshake finds the cursor stale and says so again.
                for (const auto &[key, value] :
                     {std::pair{keyReset, u"1"_s}, std::pair{keyCursor, QString()}}) {
                    if (Status s = remember(key, value); !s)
                        qCWarning(lcSyncClient)
                            << "could not store" << key << "for a reset:" << s.error().detail;
                }
            }
            return response.error();
        }
        PullReply reply;
        if (Status s = Wire::decode(response->body, reply); !s)
            return s;
        if (Status s = applyPulled(reply, summary); !s)
            return s;
        if (!reply.more)
            return {};
    }
}

// --- USB bundles -------------------------------------------------------------------------

Status SyncClient::retryDeferredPurges(SyncSummary &summary)
{
    Core::Result<QStringList> deferred = m_replicator->deferredPurges();
    if (!deferred)
        return deferred.error();
    if (deferred->isEmpty())
        return {};
    // Our pending edits of these cases went out with this sync's push: erase them now.
    Core::ReplicaPage page;
    page.purge = *deferred;
    Core::Result<Core::ApplyStats> stats = m_replicator->apply(page);
    if (!stats)
        return stats.error();
    summary.purged += stats->purged;
    return finishPurges(*stats);
}

Status SyncClient::finishPurges(const Core::ApplyStats &stats)
{
    if (stats.purged == 0)
        return {};
    // The rows are gone and secure_delete zeroed their pages; now the encrypted files, and the
    // WAL, which may still hold images of the old pages, is checkpointed and truncated.
    for (const QString &id : stats.purgedAttachments) {
        // Empty for an id that is no UUID: nothing outside the folder is ever removed.
        if (const QString path = Core::AttachmentStore::fileIn(m_attachmentsDirectory, id); !path.isEmpty())
            QFile::remove(path);
    }
    return truncateWal().status;
}

SyncClient::Checkpoint SyncClient::truncateWal()
{
    // One row: busy (a reader kept the checkpoint from finishing), WAL pages, pages written.
    QSqlQuery checkpoint(m_log.database().connection());
    if (!checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
        return {Core::Database::errorFrom(checkpoint), false};
    return {{}, checkpoint.next() && checkpoint.value(0).toInt() == 0};
}

Error SyncClient::wipeRevoked()
{
    // docs/SECURITY.md: a revoked laptop (lost, stolen, or its user gone) wipes itself at its next
    // contact. Every case, person, entry, conflict, draft and attachment goes, and the keys that
    // reach the server with it. Then it reads back what is left: an erasure that only seemed to
    // work (a failed write, a file that would not go) is reported, never taken for done, and
    // every later sync erases again (keyWipePending) until nothing is left.
    qCWarning(lcSyncClient) << "this laptop was revoked by the district office: erasing its case data";
    QStringList problems;
    int cases = 0;
    if (Core::Result<Core::ApplyStats> erased = m_replicator->eraseAll(); erased)
        cases = erased->purged;
    else
        problems << erased.error().detail;
    if (Status s = forgetDevice(); !s)
        problems << s.error().detail;
    removeAttachmentFiles();
    // Last, so the WAL gives up the old pages of the rows and of the keys erased above.
    if (const Checkpoint checkpoint = truncateWal(); !checkpoint.status)
        problems << checkpoint.status.error().detail;
    else if (!checkpoint.complete)
        problems << u"the write-ahead log still holds old pages (a reader kept it)"_s;
    problems << leftAfterWipe();
    if (problems.isEmpty()) {
        if (Status s = remember(keyWipePending, u""_s); !s)
            problems << s.error().detail;
    }
    const QString revoked = u"revoked: the district office revoked this laptop"_s;
    if (!problems.isEmpty()) {
        qCCritical(lcSyncClient) << "the erasure of a revoked laptop is incomplete:"
                                 << problems.join(u"; "_s);
        return Error{Error::Code::StoreUnavailable,
                     revoked + u", but erasing its case data did not finish: "_s + problems.join(u"; "_s),
                     {},
                     Error::Reason::Revoked};
    }
    return Error{Error::Code::Refused,
                 revoked + u"; its case data was erased (%1 cases)"_s.arg(cases),
                 {},
                 Error::Reason::Revoked};
}

Status SyncClient::forgetDevice()
{
    m_transit.reset();
    m_districtKeys.reset();
    sodium_memzero(m_token.data(), size_t(m_token.size()));
    m_token.clear();
    Core::Transaction txn(m_log.database());
    if (Status s = txn.begin(); !s)
        return s;
    for (const QString &key : {keyToken, keyDistrictKey, keyBundleKeys, keyDevice, keyCursor}) {
        if (Status s = m_log.setMeta(key, u""_s); !s)
            return s;
    }
    for (const auto &[key, value] :
         {std::pair{keyLastError, u"revoked"_s}, std::pair{keyWipePending, u"1"_s}}) {
        if (Status s = m_log.setMeta(key, value); !s)
            return s;
    }
    return txn.commit();
}

void SyncClient::removeAttachmentFiles()
{
    // Every file of the folder is an attachment's content (or a part of one being written):
    // the rows that named them are gone, and so are files no row named (an import cut short).
    // What cannot be removed is found by leftAfterWipe().
    QDirIterator it(m_attachmentsDirectory, QDir::Files | QDir::Hidden);
    while (it.hasNext())
        QFile::remove(it.next());
}

QStringList SyncClient::leftAfterWipe()
{
    QStringList left;
    if (Core::Result<QStringList> rows = m_replicator->caseDataLeft(); rows)
        left << *rows;
    else
        left << u"could not read back the case tables: "_s + rows.error().detail;
    const qsizetype files = QDir(m_attachmentsDirectory).entryList(QDir::Files | QDir::Hidden).size();
    if (files > 0)
        left << u"%1 files in the attachments folder"_s.arg(files);
    for (const QString &key : {keyToken, keyDistrictKey, keyBundleKeys}) {
        if (!metaOr(m_log, key).isEmpty())
            left << u"%1 still stored"_s.arg(key);
    }
    return left;
}

Core::Result<SyncSummary> SyncClient::sync(int attempts, const std::function<void(int)> &sleep)
{
    const qint64 startedAt = m_log.clock().nowMs();
    int delayMs = 1000;
    for (int attempt = 1;; ++attempt) {
        SyncSummary summary;
        const Status outcome = runOnce(summary);
        const bool last = outcome || outcome.error().code != Error::Code::Unreachable || attempt >= attempts
                       || outcome.error().reason == Error::Reason::Cancelled
                       || outcome.error().reason == Error::Reason::RateLimited;
        if (!outcome) {
            // The error goes back to the caller either way; the stored copy is for the status view.
            if (Status s = remember(keyLastError, outcome.error().detail); !s)
                qCWarning(lcSyncClient) << "could not store the last error:" << s.error().detail;
        }
        if (last) {
            record(u"network"_s, startedAt, summary, outcome);
            if (!outcome)
                return outcome.error();
            return summary;
        }
        qCInfo(lcSyncClient) << "sync attempt" << attempt << "failed:" << outcome.error().detail
                             << "- retrying in" << delayMs << "ms";
        sleep(delayMs);
        delayMs = std::min(delayMs * 2, 60000);
    }
}

} // namespace Sync
