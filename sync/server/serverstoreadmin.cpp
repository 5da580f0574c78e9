// SPDX-License-Identifier: GPL-3.0-or-later
// ServerStore, administration: teams, users, enrollment codes, devices and the read-outs for
// admin verbs and audits (split from serverstore.cpp for size; see serverstore_p.h).
#include "core/util/uuid.h"
#include "sync/enrollmentcode.h"
#include "sync/server/serverstore.h"
#include "sync/server/serverstore_p.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

using ServerStoreDetail::opColumns;
using ServerStoreDetail::readOp;
using ServerStoreDetail::serverAuthor;
using Sql::nullableText;
using Sql::text;

Result<QString> ServerStore::teamId(const QString &idOrName)
{
    auto v = d->scalar(
        u"SELECT id FROM teams WHERE id = :id UNION ALL SELECT id FROM teams WHERE name = :name"_s,
        {{u"id"_s, idOrName}, {u"name"_s, idOrName}});
    if (!v)
        return v.error();
    if (!v->has_value())
        return Error{Error::Code::NotFound, u"no team %1"_s.arg(idOrName)};
    return (*v)->toString();
}

Result<QString> ServerStore::createTeam(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Core::invalidInput(Core::Error::Reason::Required, u"name"_s, u"a team needs a name"_s);
    auto existing = d->scalar(u"SELECT id FROM teams WHERE name = :name"_s, {{u"name"_s, trimmed}});
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{Error::Code::Conflict, u"a team named %1 exists"_s.arg(trimmed)};
    const QString id = Core::newUuidV7(QDateTime::currentMSecsSinceEpoch());
    if (Status s = d->run(u"INSERT INTO teams (id, name) VALUES (:id, :name)"_s,
                          {{u"id"_s, id}, {u"name"_s, trimmed}});
        !s)
        return s.error();
    return id;
}

Status ServerStore::createUser(const QString &login, const QString &name, const QString &role,
                               const QString &team)
{
    if (login.trimmed().isEmpty() || login != login.trimmed() || login == serverAuthor)
        return Core::invalidInput(Core::Error::Reason::Required, u"login"_s,
                                  u"a login is required (no spaces around it, not \"server\")"_s);
    if (role != u"caseworker" && role != u"supervisor" && role != u"admin")
        return Core::invalidInput(Core::Error::Reason::NotAllowedValue, u"role"_s,
                                  u"role must be caseworker, supervisor or admin"_s);
    QString team_;
    if (!team.isEmpty()) {
        auto id = teamId(team);
        if (!id)
            return Core::invalidInput(Core::Error::Reason::NotAllowedValue, u"team"_s, id.error().detail);
        team_ = *id;
    }
    auto existing = d->scalar(u"SELECT 1 FROM users WHERE login = :login"_s, {{u"login"_s, login}});
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{Error::Code::Conflict, u"user %1 exists"_s.arg(login)};
    return d->run(
        u"INSERT INTO users (login, name, role, team_id, active) VALUES (:login, :name, :role, :team, 1)"_s,
        {{u"login"_s, login}, {u"name"_s, text(name)}, {u"role"_s, role}, {u"team"_s, nullableText(team_)}});
}

Status ServerStore::setUserActive(const QString &login, bool active)
{
    auto q = d->exec(u"UPDATE users SET active = :active WHERE login = :login"_s,
                     {{u"active"_s, active ? 1 : 0}, {u"login"_s, login}});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{Error::Code::NotFound, u"no user %1"_s.arg(login)};
    return {};
}

Result<QString> ServerStore::createEnrollment(const QString &login, const QString &deviceName,
                                              const QByteArray &certificateSha256, const DistrictKeys &keys,
                                              qint64 nowMs, qint64 validMs)
{
    auto active = d->scalar(u"SELECT active FROM users WHERE login = :login"_s, {{u"login"_s, login}});
    if (!active)
        return active.error();
    if (!active->has_value())
        return Error{Error::Code::NotFound, u"no user %1"_s.arg(login)};
    if ((*active)->toInt() == 0)
        return Error{Error::Code::Conflict, u"user %1 is inactive"_s.arg(login)};
    const EnrollmentCode code = EnrollmentCode::generate(certificateSha256);
    if (Status s = d->run(
            u"INSERT INTO enrollments (secret_hash, login, device_name, sealed_key, created_at, expires_at) "
            "VALUES (:hash, :login, :name, :sealed, :at, :expires)"_s,
            {{u"hash"_s, EnrollmentCode::secretHash(code.secret)},
             {u"login"_s, login},
             {u"name"_s, text(deviceName)},
             {u"sealed"_s, EnrollmentCode::sealDistrictKeys(keys, code.secret)},
             {u"at"_s, nowMs},
             {u"expires"_s, nowMs + validMs}});
        !s)
        return s.error();
    qCInfo(lcServer) << "enrollment code created for" << login;
    return code.toString();
}

Status ServerStore::revokeDevice(const QString &deviceId, qint64 nowMs)
{
    ServerTransaction tx(*d);
    if (Status s = tx.begin(true); !s)
        return s;
    {
        auto q = d->exec(u"UPDATE devices SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL"_s,
                         {{u"at"_s, nowMs}, {u"id"_s, deviceId}});
        if (!q)
            return q.error();
        if (q->numRowsAffected() == 0) {
            auto exists = d->scalar(u"SELECT 1 FROM devices WHERE id = :id"_s, {{u"id"_s, deviceId}});
            if (!exists)
                return exists.error();
            if (!exists->has_value())
                return Error{Error::Code::NotFound, u"no device %1"_s.arg(deviceId)};
        }
    }
    // Keys of rotations it has not fetched yet stay with the server no longer.
    if (Status s = d->run(u"DELETE FROM device_keys WHERE device_id = :id"_s, {{u"id"_s, deviceId}}); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    qCInfo(lcServer) << "revoked device" << deviceId;
    return {};
}

Result<QList<ServerDevice>> ServerStore::devices()
{
    auto q = d->exec(
        u"SELECT d.id, d.login, d.name, d.site_id, d.enrolled_at, d.revoked_at, u.role, u.team_id, "
        "u.active FROM devices d LEFT JOIN users u ON u.login = d.login ORDER BY d.enrolled_at, d.id"_s);
    if (!q)
        return q.error();
    QList<ServerDevice> list;
    while (q->next()) {
        ServerDevice device;
        device.id = q->value(0).toString();
        device.login = q->value(1).toString();
        device.name = q->value(2).toString();
        device.siteId = q->value(3).toString();
        device.enrolledAtMs = q->value(4).toLongLong();
        if (!q->isNull(5))
            device.revokedAtMs = q->value(5).toLongLong();
        device.role = q->value(6).toString();
        device.teamId = q->value(7).toString();
        device.userActive = !q->isNull(8) && q->value(8).toInt() != 0;
        list << device;
    }
    return list;
}

Result<QList<ServerUser>> ServerStore::users()
{
    auto q = d->exec(u"SELECT login, name, role, team_id, active FROM users ORDER BY login"_s);
    if (!q)
        return q.error();
    QList<ServerUser> list;
    while (q->next())
        list << ServerUser{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                           q->value(3).toString(), q->value(4).toInt() != 0};
    return list;
}

Result<QList<ServerTeam>> ServerStore::teams()
{
    auto q = d->exec(u"SELECT id, name FROM teams ORDER BY name"_s);
    if (!q)
        return q.error();
    QList<ServerTeam> list;
    while (q->next())
        list << ServerTeam{q->value(0).toString(), q->value(1).toString()};
    return list;
}

Result<QList<WireOp>> ServerStore::caseOps(const QString &caseId)
{
    auto q = d->exec(u"SELECT "_s + opColumns + u" FROM ops WHERE case_id = :case ORDER BY seq"_s,
                     {{u"case"_s, caseId}});
    if (!q)
        return q.error();
    QList<WireOp> list;
    while (q->next())
        list << readOp(q->query());
    return list;
}

Result<QString> ServerStore::registryNumber(const QString &caseId)
{
    auto v = d->scalar(u"SELECT registry_number FROM cases WHERE id = :id"_s, {{u"id"_s, caseId}});
    if (!v)
        return v.error();
    if (!v->has_value())
        return Error{Error::Code::NotFound, u"no case %1"_s.arg(caseId)};
    return (*v)->isNull() ? QString() : (*v)->toString();
}

Result<qint64> ServerStore::opCount()
{
    auto v = d->scalar(u"SELECT COUNT(*) FROM ops"_s);
    if (!v)
        return v.error();
    return v->has_value() ? (*v)->toLongLong() : qint64(0);
}

} // namespace Sync
