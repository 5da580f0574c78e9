// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sync/bundle.h"
#include "sync/client/blobtransfer.h"
#include "sync/transport.h"
#include "sync/wire.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace Core {
class ChangeLog;
class Profile;
class Replicator;
class SecretKey;
struct ApplyStats;
} // namespace Core

namespace Sync {

class DistrictKeys;
class TransitCipher;

// What a laptop knows about its district server, kept in the profile's meta table. The device
// token and the district key are sealed with the profile's data key: a locked laptop (or a
// copied database) holds neither in the clear.
struct SyncConfig
{
    QString serverUrl;
    QString deviceId;
    QString login;
    QString role;
    QString serverSite;
    QByteArray certificateSha256; // the pin; all zero: plain HTTP to a loopback test server
    QByteArray cursor;
    qint64 lastSyncAt = 0;
    QString lastError;

    bool enrolled() const { return !deviceId.isEmpty(); }
};

// What one sync did, for `dampingi-ctl sync now` and the status bar.
struct SyncSummary
{
    int pushed = 0; // ops the server took for the first time
    int duplicates = 0; // ops it already had (a reply lost earlier)
    int rejected = 0; // refused: kept here as conflicts of kind "rejected"
    int clamped = 0; // stamps from a clock far ahead, replaced by the server's
    int pulled = 0; // ops new to this laptop
    int conflicts = 0; // conflict records created
    int purged = 0; // cases erased after leaving scope
    int purgeDeferred = 0;
    int pages = 0;
    int roundTrips = 0;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    bool reset = false; // the server did not know our cursor: pulled from the start
    int resited = 0; // this database turned out to be a copy: our new ops took a new site id
    int filesSent = 0; // attachment contents the server now holds whole
    int filesReceived = 0; // attachment contents written here
    int filesPending = 0; // still to move (not at the server yet, or the link failed): next sync
    // The server's clock minus this laptop's at the handshake (half the round trip allowed for):
    // beyond ±10 minutes the desktop says this laptop's clock is far off (Reason::ClockSkew).
    qint64 clockSkewMs = 0;
    int paced = 0; // requests the server refused for now (429/503) and that were sent again
    qint64 pacedMs = 0; // time spent waiting as the server asked (Retry-After)

    QJsonObject toJson() const;
};

// Where a running sync is, for a person watching a slow link (the desktop's status bar and sync
// panel, `dampingi-ctl sync now --progress`). Reported from the sync's own thread, at least at
// every page, batch and file part; the receiver marshals it to its own thread.
struct SyncProgress
{
    enum class Phase {
        Connecting, // the handshake
        Sending, // pushing this laptop's changes
        Files, // attachment contents, both ways
        Receiving, // pulling other laptops' changes
        Finishing, // erasing cases that left scope, checkpointing
    };
    Phase phase = Phase::Connecting;
    qint64 done = 0; // ops (Sending, Receiving) or files (Files) done in this phase
    qint64 total = -1; // of this phase; -1 while unknown
    qint64 bytesDone = 0; // bytes moved by this sync so far, both directions
    // An estimate of bytesDone at the end of the phase in progress (this phase's average bytes
    // per op or file on the wire × what is left of it); -1 while its total is unknown. The
    // phases after it are not known yet (the server says how much there is to pull only then).
    qint64 bytesTotal = -1;
};
using ProgressCallback = std::function<void(const SyncProgress &)>;

// One finished (or failed, or cancelled) sync, kept in the profile for the sync history view and
// `dampingi-ctl sync history`: when, what moved, and why it failed. No case content.
struct SyncRecord
{
    qint64 startedAt = 0; // ms since the epoch
    qint64 finishedAt = 0;
    QString how; // "network", "usb-export", "usb-import"
    SyncSummary summary;
    bool ok = false;
    bool cancelled = false;
    Core::Error error; // when !ok

    QJsonObject toJson() const;
    static std::optional<SyncRecord> fromJson(const QJsonObject &json);
};

// Runs the sync protocol (docs/ARCHITECTURE.md) for one unlocked profile over any Transport: handshake →
// push the outbox in bounded batches (the server dedups on (site, seq)) → pull pages, each
// applied in the same transaction as the cursor that follows it → erase cases that left scope.
// Every step is idempotent, so a sync cut anywhere is simply run again.
class SyncClient final
{
public:
    // `log` may be a ChangeLog on a connection of a worker thread (the desktop syncs off the
    // GUI thread); `attachmentsDirectory` is where purged cases' files are removed.
    SyncClient(Core::ChangeLog &log, QString attachmentsDirectory, Transport &transport);
    SyncClient(Core::Profile &profile, Transport &transport);
    ~SyncClient();

    static Core::Result<SyncConfig> config(Core::Profile &profile);
    static Core::Result<SyncConfig> config(Core::ChangeLog &log);

    // Redeems an enrollment code (the transport already pins the code's certificate).
    Core::Status enroll(const QString &serverUrl, const QString &codeText, const QString &deviceName);

    // One sync, kept in the history (SyncRecord, how = "network") whatever its outcome.
    Core::Result<SyncSummary> syncOnce();
    // syncOnce(), retried after a failure to reach the server with exponential backoff: 1 s, 2 s,
    // 4 s, … capped at 60 s, at most `attempts` times; not after a cancel. `sleep` waits the given
    // milliseconds (tests pass a fake). One history record for the whole run.
    Core::Result<SyncSummary> sync(int attempts, const std::function<void(int)> &sleep);

    // USB bundles: this laptop's unsent changes for the office, signed and encrypted to it; and
    // the office's answer (verdicts and pages), checked whole before anything is applied. Each
    // is kept in the history (how = "usb-export", "usb-import").
    Core::Result<QByteArray> exportBundle();
    Core::Result<SyncSummary> importBundle(const QByteArray &file);

    // Called at every page, batch and file part of syncOnce()/sync(); empty: no reports.
    void setProgress(ProgressCallback progress);
    // Checked between round trips: once set, the sync stops at the next step boundary with
    // Error{Unreachable, Reason::Cancelled}, leaving everything consistent (the next sync resumes
    // where this one stopped). sync() does not retry a cancelled run.
    void setCancelFlag(const std::atomic_bool *cancel);

    // The last syncs of this profile, newest first (at most historyLimit are kept).
    static Core::Result<QList<SyncRecord>> history(Core::ChangeLog &log);
    static constexpr int historyLimit = 50;

    // Ops in the first push of a sync. Later pushes grow toward Wire::Limit::push.entries (5,000,
    // what the server reads) while replies come back fast, and shrink on a slow link so one
    // page takes about pushPageTarget (a cut costs at most that; see nextPushBatch()).
    int pushBatch = 500;
    std::chrono::milliseconds pushPageTarget{15000};
    int pullPage = 1000;
    // A server refusing us for now (429, 503) is waited out as its Retry-After says (each wait at
    // most 10 s) and the same idempotent request sent again; only refusals lasting longer than
    // this fail the sync, with Reason::RateLimited.
    std::chrono::milliseconds paceGiveUp{120000};

private:
    // Where the running sync is, for the progress callback (syncpacing.cpp).
    struct Progress
    {
        SyncProgress now;
        qint64 bytesDone = 0; // of finished requests
        qint64 phaseBytesAt = 0; // bytesDone when the phase began
        qint64 phaseDoneBytes = 0; // bytes of this phase's finished requests
        qint64 pulledOps = 0; // ops received in this sync's pages
    };

    Core::Status runOnce(SyncSummary &summary);
    Core::Result<QByteArray> writeBundle(SyncSummary &summary);
    Core::Status readBundle(const QByteArray &file, SyncSummary &summary);
    Core::Status steps(SyncSummary &summary);
    Core::Status finishRun(SyncSummary &summary);
    // A pulled page applied with its cursor, and reported.
    Core::Status applyPulled(const PullReply &reply, SyncSummary &summary);
    static Core::Error cancelledError();
    // Appends a SyncRecord to the history (one transaction); a failure is logged, never returned.
    void record(const QString &how, qint64 startedAt, const SyncSummary &summary,
                const Core::Status &outcome);
    void report(SyncProgress::Phase phase, qint64 done, qint64 total);
    void reportBytes(qint64 inFlight);
    bool cancelled() const;
    // Waits `ms`, waking to look at the cancel flag; false when cancelled.
    bool pause(int ms) const;
    int nextPushBatch(int batch, int ops, qint64 bytes, qint64 elapsedMs) const;

    // The steps of syncOnce(): the handshake (and the keys it brings), what its reply says about
    // our outbox and cursor, the attachment contents, and the reset path.
    Core::Result<HandshakeReply> handshake(bool askFirstPage, SyncSummary &summary);
    Core::Status reconcile(const HandshakeReply &reply, qint64 acked, SyncSummary &summary);
    Core::Result<BlobTransfer::Counts> upload(BlobTransfer &blobs, const QString &serverEpoch);
    Core::Status startOver(SyncSummary &summary);
    Core::Result<QList<PushRequest>> outboxBatches(int maxBatches, int batchSize);
    Core::Status applyPushReply(const PushReply &reply, SyncSummary &summary);
    Core::Status applyPullReply(const PullReply &reply, bool storeCursor, SyncSummary &summary);
    // One request and its reply; waits out a server that refuses us for now (paceGiveUp), stops
    // when cancelled. Errors: the link's, the server's refusals (replyError), a revocation.
    Core::Result<Response> exchange(const char *endpoint, const QByteArray &page, SyncSummary &summary);
    Core::Result<Response> answered(const Response &response);
    Core::Status loadKeys();
    // Takes the district keys of later epochs sealed for this laptop (handshake or office
    // bundle): each must open with our bundle key and be vouched for by the epoch before it;
    // one that is not is skipped (logged) and the laptop goes on with the keys it has. Stored
    // sealed with the data key, like the first one; new values are then sealed with the newest.
    Core::Status acceptKeys(const QList<SealedKey> &keys);
    Core::Status storeKeys();
    // The outbox in pages sized to the link; `total`: the ops unsent at the start (progress).
    Core::Status push(SyncSummary &summary, qint64 total);
    Core::Status pull(SyncSummary &summary);
    Core::Status finishPurges(const Core::ApplyStats &stats);
    struct Checkpoint
    {
        Core::Status status;
        bool complete = false; // false: a reader kept old pages in the WAL
    };
    Checkpoint truncateWal();
    // A revoked laptop erases its case data, attachment files and keys, then reads back what is
    // left: Refused when nothing is, StoreUnavailable naming what is (the next contact retries).
    Core::Error wipeRevoked();
    Core::Status forgetDevice();
    void removeAttachmentFiles();
    QStringList leftAfterWipe();
    Core::Status retryDeferredPurges(SyncSummary &summary);
    Core::Status remember(const QString &key, const QString &value);

    Core::ChangeLog &m_log;
    QString m_attachmentsDirectory;
    Transport &m_transport;
    std::unique_ptr<Core::Replicator> m_replicator;
    std::unique_ptr<DistrictKeys> m_districtKeys;
    std::unique_ptr<TransitCipher> m_transit;
    QByteArray m_token;
    BundleKeys m_bundleKeys;
    ProgressCallback m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    Progress m_run;
    qint64 m_lastPostMs = 0; // how long the last answered request took (pacing waits aside)
};

} // namespace Sync
