// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sync/server/serverstore.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Core {
class Clock;
}

namespace Sync {

// The district administrator's verbs, as used by `dampingi-server admin`. Each verb is one
// transaction on the server store. Assignment is written as server ops in the ops log, so it
// reaches every laptop by ordinary pull.
class Admin final
{
public:
    Admin(ServerStore &store, const Core::Clock &clock);

    // Creates the data dir's store, district key (wrapped under the office passphrase) and server
    // site (same as ServerStore::initialise).
    static Core::Status init(const QString &dataDir, const QString &databaseUrl, const QString &districtCode,
                             const QString &officePassphrase,
                             Core::KdfStrength kdf = Core::KdfStrength::Moderate);

    // Returns the new team's id. Conflict when a team of that name exists.
    Core::Result<QString> createTeam(const QString &name);
    // role: caseworker | supervisor | admin; team: a team id or name, or empty for none.
    // Conflict when the login exists; InvalidInput for an unknown role or team.
    Core::Status createUser(const QString &login, const QString &name, const QString &role,
                            const QString &team = {});
    Core::Status setUserActive(const QString &login, bool active);
    // Sets assigned_user (when `login` is non-empty) and/or assigned_team (a team id or name,
    // when `team` is non-empty) of a case through server ops. NotFound for an unknown case,
    // user or team; InvalidInput when both are empty.
    Core::Status assignCase(const QString &caseId, const QString &login, const QString &team = {});
    // A one-time enrollment code for `login`, valid 7 days, carrying the district keys of every
    // epoch (unwrapped with the office passphrase for this call only). certPem: the server's TLS
    // certificate (PEM), or empty when the server runs without TLS. Returns the code text.
    // Locked for a wrong passphrase.
    Core::Result<QString> enroll(const QString &login, const QString &deviceName,
                                 const QString &officePassphrase, const QByteArray &certPem = {});
    // From the next request on, the device gets 403 `revoked` (and wipes itself). It keeps the
    // district keys it had: rotateKey() starts an epoch it never receives.
    Core::Status revokeDevice(const QString &deviceId);
    // A new district key epoch for every device still enrolled (see ServerStore::rotateDistrictKey).
    Core::Result<ServerStore::Rotation> rotateKey(const QString &officePassphrase);
    // Wraps the plain DIR/district.key of an older store and erases it (ServerStore::protectPlainKey).
    Core::Status protectKey(const QString &officePassphrase,
                            Core::KdfStrength kdf = Core::KdfStrength::Moderate);

    // Tombstone clean-up: purges the cases whose deletion reached the server more than `days`
    // days ago (see Retention). Returns their ids. InvalidInput when days < 1.
    Core::Result<QStringList> purgeDeleted(int days);

    Core::Result<QList<ServerDevice>> listDevices();
    Core::Result<QList<ServerUser>> listUsers();
    Core::Result<QList<ServerTeam>> listTeams();

    static constexpr qint64 enrollmentValidityMs = qint64(7) * 24 * 3600 * 1000;

private:
    ServerStore &m_store;
    const Core::Clock &m_clock;
};

} // namespace Sync
