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

    // Creates the data dir's store, district key and server site (same as ServerStore::initialise).
    static Core::Status init(const QString &dataDir, const QString &databaseUrl, const QString &districtCode);

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
    // A one-time enrollment code for `login`, valid 7 days. certPem: the server's TLS
    // certificate (PEM), or empty when the server runs without TLS. Returns the code text.
    Core::Result<QString> enroll(const QString &login, const QString &deviceName,
                                 const QByteArray &certPem = {});
    // From the next request on, the device gets 403 `revoked` (and wipes itself).
    Core::Status revokeDevice(const QString &deviceId);

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
