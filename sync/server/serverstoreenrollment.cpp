// SPDX-License-Identifier: GPL-3.0-or-later
// ServerStore, enrollment: a laptop redeems its one-time code and becomes a device. One of
// ServerStore's member functions, in a file of its own for size; shared helpers are in
// serverstore_p.h.
#include "core/crypto/sodium.h"
#include "core/util/uuid.h"
#include "sync/enrollmentcode.h"
#include "sync/server/serverstore.h"
#include "sync/server/serverstore_p.h"

#include <sodium.h>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

using ServerStoreDetail::genericHash;
using Sql::text;

namespace {

// What an enrollment code's row holds for the device that redeems it.
struct Enrollment
{
    QString login;
    QString deviceName; // the administrator's, given with the code
    QByteArray sealedKeys;
};

// Claims the code with one conditional UPDATE: of two devices redeeming the same code at once,
// exactly one changes the row (the other waits for the row lock, then finds it used). NotFound
// for a code unknown, used or expired.
Result<Enrollment> claimEnrollment(const ServerStore::Private &p, const QByteArray &hash, qint64 nowMs)
{
    {
        auto claim
            = p.exec(u"UPDATE enrollments SET used_at = :at WHERE secret_hash = :hash AND used_at IS NULL "
                     "AND expires_at > :now"_s,
                     {{u"at"_s, nowMs}, {u"hash"_s, hash}, {u"now"_s, nowMs}});
        if (!claim)
            return claim.error();
        if (claim->numRowsAffected() != 1)
            return Error{Error::Code::NotFound, u"unknown, used or expired enrollment code"_s};
    }
    auto q = p.exec(u"SELECT login, device_name, sealed_key FROM enrollments WHERE secret_hash = :hash"_s,
                    {{u"hash"_s, hash}});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Code::NotFound, u"unknown, used or expired enrollment code"_s};
    return Enrollment{q->value(0).toString(), q->value(1).toString(), q->value(2).toByteArray()};
}

// One site, one device, for ever: a site id that any device ever used (a revoked one too: site
// ids are visible in pulled ops and cursors, and whoever took one would inherit its write
// access), that has ops here, or that is the server's, is refused (Conflict).
Status checkSiteUnused(const ServerStore::Private &p, const QString &siteId)
{
    auto clash = p.scalar(u"SELECT id FROM devices WHERE site_id = :site UNION ALL "
                          "SELECT site FROM device_sites WHERE site = :site2 UNION ALL "
                          "SELECT site FROM epochs WHERE site = :site3 UNION ALL "
                          "SELECT site FROM site_acks WHERE site = :site4 UNION ALL "
                          "SELECT site FROM rejected_ops WHERE site = :site5"_s,
                          {{u"site"_s, siteId},
                           {u"site2"_s, siteId},
                           {u"site3"_s, siteId},
                           {u"site4"_s, siteId},
                           {u"site5"_s, siteId}});
    if (!clash)
        return clash.error();
    if (clash->has_value())
        return Error{Error::Code::Conflict, u"site %1 is already enrolled"_s.arg(siteId)};
    return {};
}

// The new device's row, with its bundle keys when both are usable (a device enrolled without
// them simply cannot exchange USB bundles), and the code's record of whom it enrolled.
Status insertDevice(const ServerStore::Private &p, const EnrollReply &reply, const Enrollment &enrollment,
                    const QByteArray &codeHash, const QString &siteId, qint64 nowMs,
                    const QByteArray &bundleSignPublic, const QByteArray &bundleBoxPublic)
{
    if (Status s = p.run(u"INSERT INTO devices (id, login, name, site_id, token_hash, enrolled_at) "
                         "VALUES (:id, :login, :name, :site, :hash, :at)"_s,
                         {{u"id"_s, reply.deviceId},
                          {u"login"_s, enrollment.login},
                          {u"name"_s, text(enrollment.deviceName)},
                          {u"site"_s, siteId},
                          {u"hash"_s, genericHash(reply.token)},
                          {u"at"_s, nowMs}});
        !s)
        return s;
    if (bundleSignPublic.size() == crypto_sign_PUBLICKEYBYTES
        && bundleBoxPublic.size() == crypto_box_PUBLICKEYBYTES) {
        if (Status s
            = p.run(u"UPDATE devices SET bundle_sign = :sign, bundle_box = :box WHERE id = :id"_s,
                    {{u"sign"_s, bundleSignPublic}, {u"box"_s, bundleBoxPublic}, {u"id"_s, reply.deviceId}});
            !s)
            return s;
    }
    return p.run(u"UPDATE enrollments SET device_id = :device WHERE secret_hash = :hash"_s,
                 {{u"device"_s, reply.deviceId}, {u"hash"_s, codeHash}});
}

} // namespace

Result<EnrollReply> ServerStore::redeemEnrollment(const QByteArray &secret, const QString &deviceName,
                                                  const QString &siteId, qint64 nowMs,
                                                  const QByteArray &bundleSignPublic,
                                                  const QByteArray &bundleBoxPublic)
{
    if (siteId.isEmpty() || siteId.contains(u'|') || siteId == m_siteId)
        return Core::invalidInput(Core::Error::Reason::BadFormat, u"site"_s,
                                  u"the enrolling device sent no usable site id"_s);
    ServerTransaction tx(*d);
    if (Status s = tx.begin(true); !s)
        return s.error();
    const QByteArray hash = EnrollmentCode::secretHash(secret);
    auto enrollment = claimEnrollment(*d, hash, nowMs);
    if (!enrollment)
        return enrollment.error();
    if (Status s = checkSiteUnused(*d, siteId); !s)
        return s.error();
    auto role = d->scalar(u"SELECT role FROM users WHERE login = :login AND active = 1"_s,
                          {{u"login"_s, enrollment->login}});
    if (!role)
        return role.error();
    if (!role->has_value())
        return Error{Error::Code::NotFound, u"the enrollment's user is gone or inactive"_s};

    EnrollReply reply;
    reply.deviceId = Core::newUuidV7(nowMs);
    reply.token.resize(32);
    Core::randomBytes(reply.token.data(), reply.token.size());
    reply.login = enrollment->login;
    reply.role = (*role)->toString();
    reply.districtCode = m_districtCode;
    reply.serverSite = m_siteId;
    reply.sealedDistrictKey = enrollment->sealedKeys;
    reply.serverSignPublic = m_bundleKeys.signPublic;
    reply.serverBoxPublic = m_bundleKeys.boxPublic;
    // The name is the administrator's, given with the code: what the laptop sends (its host
    // name) would let any holder of a code name itself in `device list`.
    Q_UNUSED(deviceName)
    if (Status s
        = insertDevice(*d, reply, *enrollment, hash, siteId, nowMs, bundleSignPublic, bundleBoxPublic);
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    qCInfo(lcServer) << "enrolled device" << reply.deviceId << "site" << siteId;
    return reply;
}

} // namespace Sync
