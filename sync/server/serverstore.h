// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/districttime.h"
#include "core/crypto/keywrap.h"
#include "core/result.h"
#include "sync/bundle.h"
#include "sync/server/serverdb.h"
#include "sync/wire.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

class QSqlDatabase;

// The server's log category; never log case content (ids, counts and durations only).
Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace Core {
class Clock;
}

namespace Sync {

class DistrictKeys;

struct ServerTeam
{
    QString id;
    QString name;
};

struct ServerUser
{
    QString login;
    QString name;
    QString role; // caseworker | supervisor | admin
    QString teamId; // empty: no team
    bool active = true;
};

struct ServerDevice
{
    QString id;
    QString login;
    QString name;
    QString siteId; // bound at enrollment; the only site this device may push for
    qint64 enrolledAtMs = 0;
    std::optional<qint64> revokedAtMs;
    // Of the device's user, filled by deviceByToken():
    QString role;
    QString teamId;
    bool userActive = true;
    // The device's USB-bundle keys, sent at enrollment (empty for a device enrolled without);
    // filled by deviceById():
    QByteArray bundleSignPublic;
    QByteArray bundleBoxPublic;

    bool revoked() const { return revokedAtMs.has_value(); }
};

// The district server's database: users, teams, devices, enrollments and the ops log with its
// gap-free cursor. SQLite (DIR/server.db, WAL, synchronous=FULL) by default, or PostgreSQL by
// a `postgresql://user[:password]@host:port/db` URL (QPSQL); both run the same SQL and behave
// identically. Each public write is one transaction; on failure nothing is stored.
// One instance = one connection: use it from one thread only (open one per thread).
class ServerStore final
{
public:
    using Dialect = ServerDb::Dialect;

    // Error codes of push()/pull() beyond StoreUnavailable:
    //   pull: Conflict = the cursor is not one of this server's (foreign, or a restored backup).
    static constexpr qint64 maxPullOps = 2000;
    static constexpr qint64 maxPullBytes = 1024 * 1024;
    static constexpr qint64 clampAheadMs = qint64(3600) * 1000;

    // The office passphrase wraps every district key: it protects every case of the district.
    static constexpr int minOfficePassphraseLength = 12;

    // Creates the schema, the server's site id and district code, and the district key of epoch
    // 0, which is stored only wrapped under the office passphrase (see serverstorekeys.cpp): no
    // key file. Conflict when the store is already initialised (or DIR/district.key exists);
    // InvalidInput for a passphrase shorter than minOfficePassphraseLength.
    static Core::Status initialise(const QString &dataDir, const QString &databaseUrl,
                                   const QString &districtCode, const QString &officePassphrase,
                                   Core::KdfStrength kdf = Core::KdfStrength::Moderate);
    // Opens an initialised store; databaseUrl empty = SQLite in dataDir. It never reads a
    // district key: the running server does not need one (it stores and forwards sealed values)
    // and so holds none. A store of an older version that still has a plain DIR/district.key
    // opens with a loud warning in the log (see plainKeyFilePresent()).
    // NotFound when not initialised; SchemaTooNew when written by a newer server.
    static Core::Result<std::unique_ptr<ServerStore>> open(const QString &dataDir,
                                                           const QString &databaseUrl);
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    Dialect dialect() const { return m_dialect; }
    const QString &siteId() const { return m_siteId; }
    // The site id of the server ops this instance writes: fresh at every open (an "epoch").
    const QString &epochSite() const { return m_epochSite; }
    const QString &districtCode() const { return m_districtCode; }
    // The district's zone, from its code: the year of a registry number is the district's.
    const Core::DistrictTime &districtTime() const { return m_time; }
    // The office's USB-bundle keys, from DIR/bundle.key (64 bytes of seeds, mode 0600; created at
    // initialise, or on the first open of a store initialised before bundles existed).
    const BundleKeys &bundleKeys() const { return m_bundleKeys; }
    const QString &dataDir() const { return m_dataDir; }
    QSqlDatabase connection() const;

    // --- sync ---
    // The device holding this bearer token (with its user's role and team), or nullopt.
    Core::Result<std::optional<ServerDevice>> deviceByToken(const QByteArray &token);
    // Redeems a one-time enrollment code: creates the device with a fresh token bound to
    // `siteId`. NotFound when the code is unknown, used or expired. The device is named as the
    // administrator named it with the code; `deviceName` (the laptop's own) is ignored.
    // The device's bundle keys (32 bytes each) are stored with it; other sizes store none.
    Core::Result<EnrollReply> redeemEnrollment(const QByteArray &secret, const QString &deviceName,
                                               const QString &siteId, qint64 nowMs,
                                               const QByteArray &bundleSignPublic = {},
                                               const QByteArray &bundleBoxPublic = {});
    // The device with this id (with its user's role and team and its bundle keys), or nullopt.
    Core::Result<std::optional<ServerDevice>> deviceById(const QString &deviceId);
    // The pull cursor of the last USB bundle imported from the device (empty: none yet), from
    // which an office-initiated bundle for it starts.
    Core::Result<QByteArray> bundleCursor(const QString &deviceId);
    Core::Status setBundleCursor(const QString &deviceId, const QByteArray &cursor);
    // Whether the device may use `site`: its enrolled site, one it took before, or one nobody
    // used yet, which is then bound to it (a cloned laptop moves to a new site id). False for a
    // site of another device or of the server.
    Core::Result<bool> claimSite(const ServerDevice &device, const QString &site, qint64 nowMs);
    // One batch of one site's ops, in one transaction (see docs/ARCHITECTURE.md, "Server").
    // device.siteId is the batch's site (the service passes a site claimSite() granted).
    Core::Result<PushReply> push(const ServerDevice &device, const QList<WireOp> &ops,
                                 const Core::Clock &clock);
    // A scope-filtered page after `cursor` (empty = from the start). Conflict for a bad cursor.
    Core::Result<PullReply> pull(const ServerDevice &device, const QByteArray &cursor, int maxOps);
    // Attachment contents: stores a part (put; the device must be allowed to write to the
    // attachment's case, whose row must be here: NotFound before, Refused when not allowed) or
    // reads one (get; see BlobStore).
    Core::Result<BlobReply> blob(const ServerDevice &device, const BlobRequest &request);
    // Tombstone clean-up: purges the cases deleted at the server more than retentionMs before
    // nowMs (see Retention). Returns their ids.
    Core::Result<QStringList> purgeDeleted(qint64 retentionMs, qint64 nowMs);
    // Highest consecutive site_seq the server holds for `site` (0 = none).
    Core::Result<qint64> ackedThrough(const QString &site);
    // ackedThrough(), lowered where a laptop's marks (its own actions at seqs it holds as
    // acknowledged) disagree with the ops held under `site`: to the highest agreeing mark below
    // the lowest disagreeing one, 0 when none agrees. Marks the server holds no op for (refused,
    // or not held) say nothing. See HandshakeRequest::marks.
    Core::Result<qint64> agreedThrough(const QString &site, const QList<SiteMark> &marks);
    // Whether `cursor` (empty is valid) is one this server issued to this device (its tag) and
    // still holds the op it points at (a foreign cursor, another device's or one from before a
    // restore is not), with a scope generation the device reached.
    Core::Result<bool> cursorValid(const QByteArray &cursor, const ServerDevice &device);
    // The newest cursor value (the high watermark of ops.seq).
    Core::Result<qint64> highWatermark();

    // --- admin (see Admin) ---
    Core::Result<QString> createTeam(const QString &name);
    Core::Status createUser(const QString &login, const QString &name, const QString &role,
                            const QString &team);
    Core::Status setUserActive(const QString &login, bool active);
    // Appends server ops setting the given case fields (assigned_user, assigned_team, ...).
    Core::Status appendServerOps(const QString &caseId, const QList<std::pair<QString, QString>> &fields,
                                 const Core::Clock &clock);
    // `keys` (every epoch, from unlockDistrictKeys()) are sealed into the code's row under a key
    // derived from the code's secret, which the server does not keep.
    Core::Result<QString> createEnrollment(const QString &login, const QString &deviceName,
                                           const QByteArray &certificateSha256, const DistrictKeys &keys,
                                           qint64 nowMs, qint64 validMs);
    // Also drops the device's sealed copies of rotated keys: a revoked laptop gets no key again.
    Core::Status revokeDevice(const QString &deviceId, qint64 nowMs);

    // --- district keys (serverstorekeys.cpp) ---
    // Whether DIR/district.key still holds a plain key (a store initialised by an older version):
    // whoever copies the folder can open every sealed value until `admin protect-key` runs.
    bool plainKeyFilePresent() const;
    // The district keys of every epoch, unwrapped with the office passphrase, for the admin verbs
    // that hand keys out (enrollment, rotation); the caller drops them (wiped) when done.
    // Locked for a wrong passphrase; Conflict while the key is still a plain file.
    Core::Result<DistrictKeys> unlockDistrictKeys(const QString &officePassphrase);
    // Moves a plain DIR/district.key (older version) under the office passphrase as epoch 0,
    // then overwrites and removes the file. Run again after a crash between the two, it checks
    // the file holds the wrapped key and erases it. NotFound when there is no plain key file.
    Core::Status protectPlainKey(const QString &officePassphrase, Core::KdfStrength kdf);
    struct Rotation
    {
        qint64 epoch = 0; // the new key epoch
        QStringList sealedFor; // devices that receive the new key at their next sync
        QStringList unreachable; // enrolled without a bundle key: they must be enrolled again
        int expiredCodes = 0; // unused enrollment codes, which carry only the old keys
    };
    // A new key epoch (after a revocation): a fresh district key, stored wrapped, and sealed for
    // every device that is neither revoked nor of an inactive user (see DistrictKeys::sealForDevice);
    // unused enrollment codes expire. One transaction.
    Core::Result<Rotation> rotateDistrictKey(const QString &officePassphrase, qint64 nowMs);
    // The newest key epoch (0 before any rotation).
    Core::Result<qint64> keyEpoch();
    // The device's sealed copies of the keys of epochs after `afterEpoch`, ascending.
    Core::Result<QList<SealedKey>> deviceKeys(const QString &deviceId, qint64 afterEpoch);
    Core::Result<QList<ServerDevice>> devices();
    Core::Result<QList<ServerUser>> users();
    Core::Result<QList<ServerTeam>> teams();
    // Resolves a team id or name to its id; NotFound otherwise.
    Core::Result<QString> teamId(const QString &idOrName);
    // The case ids the device's user may see now (its scope).
    Core::Result<QStringList> scope(const ServerDevice &device);
    // The ops rows stored for a case (ascending seq); for tests and audits.
    Core::Result<QList<WireOp>> caseOps(const QString &caseId);
    // The case's registry number, empty when none yet.
    Core::Result<QString> registryNumber(const QString &caseId);
    Core::Result<qint64> opCount();

    class Private; // implementation detail (serverstore_p.h)

private:
    ServerStore();
    std::unique_ptr<Private> d;
    Dialect m_dialect = Dialect::Sqlite;
    QString m_dataDir;
    QString m_siteId;
    QString m_epochSite;
    QString m_districtCode;
    Core::DistrictTime m_time{Core::DistrictTime::Zone::Wib}; // set from m_districtCode at open
    BundleKeys m_bundleKeys;
};

} // namespace Sync
