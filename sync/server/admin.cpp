// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/admin.h"

#include "core/clock/clock.h"
#include "sync/districtkeys.h"
#include "sync/enrollmentcode.h"
#include "sync/server/retention.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sync {

Admin::Admin(ServerStore &store, const Core::Clock &clock)
    : m_store(store)
    , m_clock(clock)
{ }

Core::Status Admin::init(const QString &dataDir, const QString &databaseUrl, const QString &districtCode,
                         const QString &officePassphrase, Core::KdfStrength kdf)
{
    return ServerStore::initialise(dataDir, databaseUrl, districtCode, officePassphrase, kdf);
}

Core::Result<QString> Admin::createTeam(const QString &name)
{
    return m_store.createTeam(name);
}

Core::Status Admin::createUser(const QString &login, const QString &name, const QString &role,
                               const QString &team)
{
    return m_store.createUser(login, name, role, team);
}

Core::Status Admin::setUserActive(const QString &login, bool active)
{
    return m_store.setUserActive(login, active);
}

Core::Status Admin::assignCase(const QString &caseId, const QString &login, const QString &team)
{
    if (login.isEmpty() && team.isEmpty())
        return Core::invalidInput(Core::Error::Reason::Required, u"assignee"_s,
                                  u"name a user or a team to assign the case to"_s);
    QList<std::pair<QString, QString>> fields;
    if (!login.isEmpty()) {
        auto users = m_store.users();
        if (!users)
            return users.error();
        const bool known = std::any_of(users->cbegin(), users->cend(),
                                       [&](const ServerUser &u) { return u.login == login; });
        if (!known)
            return Core::Error{Core::Error::Code::NotFound, u"no user %1"_s.arg(login)};
        fields.append({u"assigned_user"_s, login});
    }
    if (!team.isEmpty()) {
        auto id = m_store.teamId(team);
        if (!id)
            return id.error();
        fields.append({u"assigned_team"_s, *id});
    }
    return m_store.appendServerOps(caseId, fields, m_clock);
}

Core::Result<QString> Admin::enroll(const QString &login, const QString &deviceName,
                                    const QString &officePassphrase, const QByteArray &certPem)
{
    auto fingerprint = EnrollmentCode::certificateFingerprint(certPem);
    if (!fingerprint)
        return fingerprint.error();
    // The keys live for this call only; DistrictKeys wipes them when it goes.
    const Core::Result<DistrictKeys> keys = m_store.unlockDistrictKeys(officePassphrase);
    if (!keys)
        return keys.error();
    return m_store.createEnrollment(login, deviceName, *fingerprint, *keys, m_clock.nowMs(),
                                    enrollmentValidityMs);
}

Core::Status Admin::revokeDevice(const QString &deviceId)
{
    return m_store.revokeDevice(deviceId, m_clock.nowMs());
}

Core::Result<ServerStore::Rotation> Admin::rotateKey(const QString &officePassphrase)
{
    return m_store.rotateDistrictKey(officePassphrase, m_clock.nowMs());
}

Core::Status Admin::protectKey(const QString &officePassphrase, Core::KdfStrength kdf)
{
    return m_store.protectPlainKey(officePassphrase, kdf);
}

Core::Result<QStringList> Admin::purgeDeleted(int days)
{
    if (days < 1)
        return Core::invalidInput(Core::Error::Reason::OutOfRange, u"older-than"_s,
                                  u"the retention is at least one day"_s);
    return m_store.purgeDeleted(days * Retention::dayMs, m_clock.nowMs());
}

Core::Result<QList<ServerDevice>> Admin::listDevices()
{
    return m_store.devices();
}

Core::Result<QList<ServerUser>> Admin::listUsers()
{
    return m_store.users();
}

Core::Result<QList<ServerTeam>> Admin::listTeams()
{
    return m_store.teams();
}

} // namespace Sync
