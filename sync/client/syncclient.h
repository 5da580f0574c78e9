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
    qint64 bytesTotal = -1; // an estimate for the whole sync; -1 while unknown
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

    Core::Result<SyncSummary> syncOnce();
    // syncOnce(), retried after a failure to reach the server (or a busy server) with
    // exponential backoff: 1 s, 2 s, 4 s, … capped at 60 s, at most `attempts` times.
    // `sleep` waits the given milliseconds (tests pass a fake).
    Core::Result<SyncSummary> sync(int attempts, const std::function<void(int)> &sleep);

    // USB bundles: this laptop's unsent changes for the office, signed and encrypted to it; and
    // the office's answer (verdicts and pages), checked whole before anything is applied.
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

    int pushBatch = 500; // ops per push; the server reads at most Wire::Limit::push.entries (5,000)
    int pullPage = 1000;

private:
    // The steps of syncOnce(): the handshake (and the keys it brings), what its reply says about
    // our outbox and cursor, the attachment contents, and the reset path.
    Core::Result<HandshakeReply> handshake(bool askFirstPage, SyncSummary &summary);
    Core::Status reconcile(const HandshakeReply &reply, qint64 acked, SyncSummary &summary);
    Core::Result<BlobTransfer::Counts> upload(BlobTransfer &blobs, const QString &serverEpoch);
    Core::Status startOver(SyncSummary &summary);
    Core::Result<QList<PushRequest>> outboxBatches(int maxBatches);
    Core::Status applyPushReply(const PushReply &reply, SyncSummary &summary);
    Core::Status applyPullReply(const PullReply &reply, bool storeCursor, SyncSummary &summary);
    Core::Result<Response> exchange(const char *endpoint, const QByteArray &page, SyncSummary &summary);
    Core::Status loadKeys();
    // Takes the district keys of later epochs sealed for this laptop (handshake or office
    // bundle): each must open with our bundle key and be vouched for by the epoch before it;
    // one that is not is skipped (logged) and the laptop goes on with the keys it has. Stored
    // sealed with the data key, like the first one; new values are then sealed with the newest.
    Core::Status acceptKeys(const QList<SealedKey> &keys);
    Core::Status storeKeys();
    Core::Status push(SyncSummary &summary);
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
};

} // namespace Sync
